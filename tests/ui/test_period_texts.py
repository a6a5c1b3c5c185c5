"""Periods named in the window's language: as the models name them in Chinese, plainly in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from models.periods import PeriodType, periods_in_year
from ui.app_context import Translations
from ui.period_texts import period_text


@pytest.mark.parametrize("kind", list(PeriodType))
def test_in_chinese_a_period_reads_as_the_returns_name_it(kind: PeriodType) -> None:
    for period in periods_in_year(2018, kind):
        assert period_text(period) == period.label_zh


def test_in_english_a_period_reads_in_english(qapp: QApplication) -> None:
    translations = Translations(qapp)
    translations.install("en")
    try:
        names = {kind: [period_text(p) for p in periods_in_year(2018, kind)] for kind in PeriodType}
    finally:
        translations.uninstall()
    assert names[PeriodType.YEARLY] == ["2018"]
    assert names[PeriodType.SEMIANNUAL] == ["first half of 2018", "second half of 2018"]
    assert names[PeriodType.QUARTERLY] == ["Q1 2018", "Q2 2018", "Q3 2018", "Q4 2018"]
    assert names[PeriodType.MONTHLY][2] == "2018-3"

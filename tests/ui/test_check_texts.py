"""The checks in the window's language: Chinese as the returns word them, English when chosen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from models.checks import MESSAGES, Check
from models.kinds import Kind
from ui.app_context import AppContext, Translations
from ui.check_texts import check_text, templates
from ui.main_window import MainWindow

PERIOD = "2018Q2"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def checks(context: AppContext) -> list[Check]:
    """A period that raises every kind of check at least once."""
    service = context.service
    service.set_target("2.1.1", "1000")
    service.set_target("2.1.2", "1000")
    service.set_target("2.1.3", "10")
    service.set_entry("2018Q1", "2.1.1", "700")
    service.set_entry(PERIOD, "2.1.1", "600")  # below Q1 (decreased), 60 % at 50 % time (ahead)
    service.set_entry(PERIOD, "2.1.2", "100")  # 10 %: behind time by 40 points
    service.set_entry(PERIOD, "2.1.3", "20")  # 200 % of its target
    untargeted = next(
        i
        for i in service.plan().indicators()
        if i.kind is Kind.COUNT
        and not i.computed
        and i.target is not None
        and i.id not in ("2.1.1", "2.1.2", "2.1.3")
        and i.id in {r.indicator.id for r in service.period_data(service.parse_period(PERIOD)).rows}
    )
    service.set_entry(PERIOD, untargeted.id, "5")  # a value, but no district target
    service.set_item(PERIOD, "2.1", "behind", "资金未到位。", None, None)  # behind, unexplained
    found = service.checks(service.parse_period(PERIOD))
    assert {c.code for c in found} == set(MESSAGES)
    return found


def test_the_chinese_window_says_exactly_what_the_return_says(checks: list[Check]) -> None:
    assert templates() == MESSAGES
    for check in checks:
        assert check_text(check) == check.message


def test_the_english_window_says_each_check_in_english(
    qapp: QApplication, checks: list[Check]
) -> None:
    translations = Translations(qapp)
    translations.install("en")
    try:
        for check in checks:
            text = check_text(check)
            assert text != check.message
            rest = text
            for arg in check.args:
                assert arg in rest, (check.code, text)
                rest = rest.replace(arg, "", 1)
            assert not CJK.search(rest), (check.code, text)  # only the plan's names are Chinese
    finally:
        translations.uninstall()
    assert check_text(checks[0]) == checks[0].message


def test_the_checks_dialog_and_the_overview_show_the_translated_words(
    qtbot, qapp: QApplication, context: AppContext, checks: list[Check]
) -> None:
    translations = Translations(qapp)
    translations.install("en")
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.select_period(PERIOD)
        window.show_page("overview")
        page = window.return_features.overview
        qtbot.waitUntil(lambda: page.checks.topLevelItemCount() > 1)
        shown = [
            page.checks.topLevelItem(i).text(page.checks.COL_MESSAGE)
            for i in range(page.checks.topLevelItemCount())
        ]
        assert "no value entered for this period" in "\n".join(shown)
        assert not any("本期未填报" in s for s in shown)
    finally:
        translations.uninstall()

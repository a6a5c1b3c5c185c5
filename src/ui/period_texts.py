"""A period's name in the window's language: 2018年第一季度, or Q1 2018 in English.

The models name periods in Chinese (label_zh), as returns and the command line show
them; here the same names are the window's translatable strings, with a test that
keeps the Chinese identical to label_zh.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.periods import Period, PeriodType

translate = QCoreApplication.translate


def period_text(period: Period) -> str:
    year = str(period.year)
    if period.type is PeriodType.YEARLY:
        return translate("Periods", "%1年").replace("%1", year)
    if period.type is PeriodType.SEMIANNUAL:
        halves = (translate("Periods", "%1年上半年"), translate("Periods", "%1年下半年"))
        return halves[period.index - 1].replace("%1", year)
    if period.type is PeriodType.QUARTERLY:
        quarters = (
            translate("Periods", "%1年第一季度"),
            translate("Periods", "%1年第二季度"),
            translate("Periods", "%1年第三季度"),
            translate("Periods", "%1年第四季度"),
        )
        return quarters[period.index - 1].replace("%1", year)
    return translate("Periods", "%1年%2月").replace("%1", year).replace("%2", str(period.index))

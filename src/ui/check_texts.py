"""The period's checks in the window's language.

models/checks.py words each check in Chinese, for returns and the command line, and
keeps what fills the words (`Check.args`). Here the same texts are the window's
translatable strings, so that an English window says the check in English; the
indicator and item names inside stay as the plan writes them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.checks import Check, fill

translate = QCoreApplication.translate


def templates() -> dict[str, str]:
    """Each check code's text in the current language (tests keep the Chinese in step)."""
    return {
        "item_status_missing": translate("Checks", "%1：未填写状态"),
        "item_progress_missing": translate("Checks", "%1：未填写进展情况"),
        "value_missing": translate("Checks", "%1：本期未填报"),
        "behind_unexplained": translate("Checks", "%1：状态为滞后，须填写存在问题和下步打算"),
        "value_decreased": translate("Checks", "%1：本期累计 %2 低于上期累计 %3"),
        "behind_schedule": translate("Checks", "%1：完成率 %2% 落后时间进度 %3% 超过 20 个百分点"),
        "over_target": translate("Checks", "%1：完成率 %2% 超过目标的 150%"),
        "ahead_of_schedule": translate("Checks", "%1：完成率 %2% 超前于时间进度 %3%"),
        "target_missing": translate("Checks", "%1：尚无本区县全年目标，完成率暂不计算"),
    }


def check_text(check: Check) -> str:
    """The check's message as the window shows it."""
    template = templates().get(check.code)
    if template is None or not check.args:
        return check.message  # a check from a newer list: its own (Chinese) words
    return fill(template, check.args)

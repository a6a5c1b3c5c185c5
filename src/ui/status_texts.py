"""An item's status (未启动, 推进中, 已完成, 滞后) in the window's language, for both windows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.kinds import Status

translate = QCoreApplication.translate


def status_text(status: Status | None) -> str:
    """The status as the windows name it; None is an item whose status is not filled in."""
    if status is None:
        return translate("Statuses", "未填")
    return {
        Status.NOT_STARTED: translate("Statuses", "未启动"),
        Status.IN_PROGRESS: translate("Statuses", "推进中"),
        Status.DONE: translate("Statuses", "已完成"),
        Status.BEHIND: translate("Statuses", "滞后"),
    }[status]

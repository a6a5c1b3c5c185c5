"""The period's checks in a dialog: each leads to the cell or item that settles it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.checks import Check
from ui.check_texts import check_text


class ChecksDialog(QDialog):
    """The period's checks (the one list of `models.checks`), each leading to its cell or item."""

    def __init__(self, checks: list[Check], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("本期检查"))
        self.setAccessibleName(self.tr("本期检查"))
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("检查结果(&L)：按回车转到相应的单元格或工作任务"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("检查结果"))
        self.label.setBuddy(self.list)
        self.list.setWordWrap(True)
        for check in checks:
            done = self.tr("（已说明）") if check.explained else ""
            text = f"[{self._severity(check.severity.value)}] {check_text(check)}{done}"
            entry = QListWidgetItem(text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, (check.target, check.target_id))
        if not checks:
            QListWidgetItem(self.tr("没有需要处理的问题"), self.list)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("中" * 40), metrics.height() * 20)

    def _severity(self, value: str) -> str:
        return {
            "blocking": self.tr("必须处理"),
            "explain": self.tr("需说明"),
            "info": self.tr("提示"),
        }.get(value, value)

    @Slot(QListWidgetItem)
    def _activated(self, entry: QListWidgetItem) -> None:
        target = entry.data(Qt.ItemDataRole.UserRole)
        if target:
            self.chosen = (str(target[0]), str(target[1]))
            self.accept()

"""Publishing the edited plan: its id, version and whether it becomes the current plan."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.plan_catalogue import (
    Catalogue,
)
from ui.dialogs import choice_pair, ok_cancel_buttons
from ui.labels import plain_label


def suggested_plan_id(catalogue: Catalogue, installed: list[tuple[str, int, str, int]]) -> str:
    """The catalogue's id; for a fresh draft, the installed plans' pattern with its year.

    A draft's id comes from the notice's file name; when the installed plans are
    named by year (``cq-2018``), next year's is offered as ``cq-2019``.
    """
    if catalogue.based_on is not None or not catalogue.year:
        return catalogue.id
    taken = {pid for pid, _, _, _ in installed}
    for pid, _version, _title, year in sorted(installed, key=lambda p: -p[3]):
        if pid.endswith(str(year)):
            candidate = pid[: -len(str(year))] + str(catalogue.year)
            if candidate not in taken:
                return candidate
    return catalogue.id


class PublishDialog(QDialog):
    """New plan (with its id) or a new version of an installed plan; optionally made current."""

    def __init__(
        self,
        catalogue: Catalogue,
        installed: list[tuple[str, int, str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("发布计划"))
        self.setAccessibleName(self.tr("发布计划"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.new_radio, self.version_radio = choice_pair(
            self, self.tr("发布为新计划(&N)"), self.tr("发布为已安装计划的新版本(&V)")
        )
        layout.addWidget(self.new_radio)
        self.id_edit = QLineEdit(suggested_plan_id(catalogue, installed), self)
        self.id_label = QLabel(self.tr("计划编号(&I)："), self)
        self.id_label.setBuddy(self.id_edit)
        self.id_edit.setAccessibleName(self.tr("计划编号"))
        form.addRow(self.id_label, self.id_edit)
        layout.addLayout(form)
        layout.addWidget(self.version_radio)
        form2 = QFormLayout()
        self.plan_combo = QComboBox(self)
        self.plan_combo.setAccessibleName(self.tr("已安装的计划"))
        for pid, version, title, year in installed:
            text = self.tr("%1（%2，%3 年，现为第 %4 版）")
            for n, value in enumerate((title, pid, str(year), str(version)), start=1):
                text = text.replace(f"%{n}", value)
            self.plan_combo.addItem(text, pid)
        self.plan_label = QLabel(self.tr("计划(&P)："), self)
        self.plan_label.setBuddy(self.plan_combo)
        form2.addRow(self.plan_label, self.plan_combo)
        layout.addLayout(form2)
        self.current_check = QCheckBox(self.tr("发布后设为当前使用的计划(&C)"), self)
        self.current_check.setAccessibleName(plain_label(self.current_check.text()))
        layout.addWidget(self.current_check)
        note = QLabel(
            self.tr(
                "发布后计划安装到本数据库，可进行任务分解并导出计划包下发区县。"
                "新版本不能改变上一版已用过的编号。"
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = ok_cancel_buttons(self)
        layout.addWidget(self.buttons)
        based = catalogue.based_on[0] if catalogue.based_on else None
        index = self.plan_combo.findData(based) if based else -1
        if index >= 0:
            self.plan_combo.setCurrentIndex(index)
            self.version_radio.setChecked(True)
        else:
            self.new_radio.setChecked(True)
        self.version_radio.setEnabled(self.plan_combo.count() > 0)
        self.new_radio.toggled.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        new = self.new_radio.isChecked()
        self.id_edit.setEnabled(new)
        self.plan_combo.setEnabled(not new)

    def choice(self) -> tuple[str | None, str, bool]:
        """(new_version_of or None, the new plan's id, make current)."""
        if self.version_radio.isChecked():
            return str(self.plan_combo.currentData()), "", self.current_check.isChecked()
        return None, self.id_edit.text().strip(), self.current_check.isChecked()

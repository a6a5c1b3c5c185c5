"""First run: the office, its people, and the passphrase of its signing key.

The rules are the services': `OfficeService.setup` validates the office fields and
`app.keys` the passphrase; the wizard only shows their messages next to the
field they name. Only "typed twice and the same" is the wizard's own check.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import keys
from app.office import OFFICE_LABELS, Office
from app.office_setup import setup_office
from models.districts import District, current_districts, find_district
from models.errors import InputError, JinduError
from ui.app_context import AppContext
from ui.district_picker import DistrictPicker
from ui.labels import plain_label

log = logging.getLogger(__name__)


class FieldRow:
    """A field with its buddy label and the message line under it."""

    def __init__(self, form: QFormLayout, widget: QWidget, parent: QWidget) -> None:
        self.widget = widget
        self.label = QLabel(parent)
        self.label.setBuddy(widget)
        self.error = QLabel(parent)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #a40000;")
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)
        form.addRow(self.label, box)

    def set_label(self, text: str, description: str = "") -> None:
        self.label.setText(text)
        self.widget.setAccessibleName(plain_label(text))
        self.widget.setAccessibleDescription(description)
        self._description = description

    def show_error(self, text: str) -> None:
        # The sign and the words carry the message; the colour only adds to them.
        self.error.setText("⚠ " + text if text else "")
        self.error.setVisible(bool(text))
        self.widget.setAccessibleDescription(text or getattr(self, "_description", ""))


class OfficePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.district = DistrictPicker(current_districts(), self)
        self.clerk = QLineEdit(self)
        self.reviewer = QLineEdit(self)
        self.head = QLineEdit(self)
        self.phone = QLineEdit(self)
        for edit in (self.clerk, self.reviewer, self.head, self.phone):
            edit.setMaxLength(100)
        self.rows = {
            "区县": FieldRow(form, self.district, self),
            OFFICE_LABELS["clerk"]: FieldRow(form, self.clerk, self),
            OFFICE_LABELS["reviewer"]: FieldRow(form, self.reviewer, self),
            OFFICE_LABELS["head"]: FieldRow(form, self.head, self),
            OFFICE_LABELS["phone"]: FieldRow(form, self.phone, self),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("本单位"))
        self.setSubTitle(
            self.tr("选择本单位所在区县，并填写填表人、审核人、单位负责人和联系电话。")
        )
        self.intro.setText(
            self.tr(
                "区县可输入名称、拼音首字母（如 yzq）或六位代码（如 500103）查找，用上下键选择。"
            )
        )
        row = self.rows
        row["区县"].set_label(self.tr("区县(&D)："), self.tr("输入名称、拼音首字母或代码查找"))
        row[OFFICE_LABELS["clerk"]].set_label(self.tr("填表人(&C)："))
        row[OFFICE_LABELS["reviewer"]].set_label(self.tr("审核人(&R)："))
        row[OFFICE_LABELS["head"]].set_label(self.tr("单位负责人(&H)："))
        row[OFFICE_LABELS["phone"]].set_label(self.tr("联系电话(&P)："), self.tr("如 023-63651188"))
        self.phone.setPlaceholderText(self.tr("如 023-63651188"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_district(self) -> District:
        """The district picked from the list, or found from what was typed; raises InputError."""
        picked = self.district.chosen()
        if picked is not None:
            return picked
        text = self.district.currentText().strip()
        if not text:  # nothing to name: the reason alone is the message (see validatePage)
            raise InputError("区县", text, self.tr("请选择本单位所在区县。"))
        return find_district(text)  # says why not, or gives a former unit (see accept)

    def values(self) -> dict[str, str]:
        return {
            "clerk": self.clerk.text(),
            "reviewer": self.reviewer.text(),
            "head": self.head.text(),
            "phone": self.phone.text(),
        }

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.show_error("")

    def validatePage(self) -> bool:
        self.clear_errors()
        try:
            self.chosen_district()
        except InputError as exc:
            self.rows["区县"].show_error(exc.message if exc.value else exc.reason)
            self.district.setFocus()
            return False
        if keys.has_identity(self.owner.context.data_dir):
            return self.owner.finish_setup(None)
        return True

    def nextId(self) -> int:
        # An office that already has its key (a re-run after an interrupted setup) needs no passphrase.
        return -1 if keys.has_identity(self.owner.context.data_dir) else SetupWizard.PASSPHRASE


class PassphrasePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(200)
        self.first_row = FieldRow(form, self.first, self)
        self.second_row = FieldRow(form, self.second, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("签名密钥口令"))
        self.setSubTitle(self.tr("本单位的报表用签名密钥签发。请设置保护密钥的口令，并输入两次。"))
        self.intro.setText(
            self.tr(
                "口令至少 %1 个字符。签发报表时需要输入口令；口令遗忘后只能生成新密钥，"
                "并重新向市残联登记证书。"
            ).replace("%1", str(keys.MIN_PASSPHRASE))
        )
        self.first_row.set_label(self.tr("口令(&W)："))
        self.second_row.set_label(self.tr("再次输入口令(&A)："))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear_errors(self) -> None:
        self.first_row.show_error("")
        self.second_row.show_error("")

    def validatePage(self) -> bool:
        self.clear_errors()
        try:
            keys.check_passphrase(self.first.text())
        except InputError as exc:
            self.first_row.show_error(exc.message)
            self.first.setFocus()
            return False
        if self.first.text() != self.second.text():
            self.second_row.show_error(self.tr("两次输入的口令不一致，请重新输入"))
            self.second.clear()
            self.second.setFocus()
            return False
        return self.owner.finish_setup(self.first.text())


class SetupWizard(QWizard):
    """Creates the office. `office` holds the result once accepted."""

    OFFICE = 0
    PASSPHRASE = 1

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.office: Office | None = None
        self.fingerprint = ""
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.office_page = OfficePage(self)
        self.passphrase_page = PassphrasePage(self)
        self.setPage(self.OFFICE, self.office_page)
        self.setPage(self.PASSPHRASE, self.passphrase_page)
        metrics = self.fontMetrics()
        self.setMinimumSize(metrics.horizontalAdvance("中" * 36), metrics.height() * 26)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("进度 — 首次设置"))
        self.setAccessibleName(self.tr("首次设置"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def finish_setup(self, passphrase: str | None) -> bool:
        """Set the office up through the service, then make its key; False keeps the wizard open."""
        page = self.office_page
        page.clear_errors()
        try:
            district = page.chosen_district()
            values = page.values()
            office, info = setup_office(
                self.context.service,
                self.context.data_dir,
                district.code,
                values["clerk"],
                values["reviewer"],
                values["head"],
                values["phone"],
                passphrase,
            )
        except InputError as exc:
            row = page.rows.get(exc.field)
            if row is None:
                row = page.rows["区县"]
            row.show_error(exc.message)
            if self.currentId() != self.OFFICE:
                # The problem is on the first page: take the clerk there, to the field.
                field = row.widget

                def back_to_field() -> None:
                    self.back()
                    field.setFocus()

                QTimer.singleShot(0, back_to_field)
            else:
                row.widget.setFocus()
            return False
        except JinduError as exc:
            self.context.dialogs.error(self, self.tr("无法完成设置"), exc.message)
            return False
        if info is not None:
            self.fingerprint = info.fingerprint_grouped
            log.info("office set up: %s, key %s", office.district.code, info.fingerprint)
            self.context.dialogs.information(
                self,
                self.tr("设置完成"),
                self.tr(
                    "已设置 %1，并生成签名密钥。\n证书指纹：%2\n请记下指纹，以便与市残联电话核对。"
                )
                .replace("%1", f"{office.district.name}（{office.district.code}）")
                .replace("%2", self.fingerprint),
            )
        self.office = office
        return True

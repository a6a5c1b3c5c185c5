"""First run of a city data folder from the window: the office's name and the key's passphrase.

The usual way to make a city folder is `jindu city setup --name NAME`. The window
shows this dialog when it is opened on a folder marked for the city whose setup
is not finished (no name, or no signing key yet). It calls the same
`app.city.office.setup_city` as the command line; a folder that already has a
key keeps it, and then no passphrase is asked for.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import keys
from app.city.office import MAX_NAME, CityService, setup_city
from models.errors import InputError, JinduError
from ui.app_context import AppContext
from ui.dialogs import fit_height, ok_cancel_buttons
from ui.setup_wizard import FieldRow

log = logging.getLogger(__name__)

DEFAULT_NAME = "重庆市残疾人联合会"


class CitySetupDialog(QDialog):
    """Sets the city folder up; `fingerprint` holds the new key's fingerprint once accepted."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = CityService(context.service.store)
        self.need_key = not keys.has_identity(context.data_dir)
        self.fingerprint = ""
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.name.setText(self.service.store.meta("city.name") or DEFAULT_NAME)
        self.name_row = FieldRow(form, self.name, self)
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(200)
        self.first_row = FieldRow(form, self.first, self)
        self.second_row = FieldRow(form, self.second, self)
        for row in (self.first_row, self.second_row):
            # A folder that already has its key keeps it: no passphrase to ask for.
            row.label.setVisible(self.need_key)
            box = row.widget.parentWidget()
            if box is not None:
                box.setVisible(self.need_key)
        self.buttons = ok_cancel_buttons(self, self.finish)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("中" * 34), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("进度 — 设置市残联"))
        self.setAccessibleName(self.tr("设置市残联"))
        intro = self.tr(
            "这个数据文件夹将用于市残联（城市模式）：分解下达计划，接收、验证和汇总区县报表。"
        )
        if self.need_key:
            intro += self.tr(
                "市残联的计划包用签名密钥签发，请设置保护密钥的口令（至少 %1 个字符），并输入两次。"
                "口令遗忘后只能生成新密钥，各区县需重新核对市残联的证书指纹。"
            ).replace("%1", str(keys.MIN_PASSPHRASE))
        self.intro.setText(intro)
        self.name_row.set_label(self.tr("单位名称(&N)："))
        self.first_row.set_label(self.tr("口令(&W)："))
        self.second_row.set_label(self.tr("再次输入口令(&A)："))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _clear_errors(self) -> None:
        for row in (self.name_row, self.first_row, self.second_row):
            row.show_error("")

    @Slot()
    def finish(self) -> None:
        """Check the fields, set the folder up; the dialog stays open on any problem."""
        self._clear_errors()
        name = self.name.text().strip()
        if not name:
            self.name_row.show_error(self.tr("请填写单位名称"))
            self.name.setFocus()
            fit_height(self)
            return
        passphrase: str | None = None
        if self.need_key:
            try:
                keys.check_passphrase(self.first.text())
            except InputError as exc:
                self.first_row.show_error(exc.message)
                self.first.setFocus()
                fit_height(self)
                return
            if self.first.text() != self.second.text():
                self.second_row.show_error(self.tr("两次输入的口令不一致，请重新输入"))
                self.second.clear()
                self.second.setFocus()
                fit_height(self)
                return
            passphrase = self.first.text()
        try:
            _city, info = setup_city(self.service, name, passphrase)
        except InputError as exc:
            self.name_row.show_error(exc.message)
            self.name.setFocus()
            fit_height(self)
            return
        except JinduError as exc:
            log.warning("city setup refused: %s", exc.message)
            self.context.dialogs.error(self, self.tr("无法设置市残联"), exc.message)
            return
        if info is not None:
            self.fingerprint = info.fingerprint_grouped
            self.context.dialogs.information(
                self,
                self.tr("已生成市残联签名密钥"),
                self.tr(
                    "市残联证书指纹：\n%1\n\n区县首次导入计划包时会显示这个指纹，请让区县核对。"
                ).replace("%1", info.fingerprint_grouped),
            )
        self.accept()

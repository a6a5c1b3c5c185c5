"""Registering a district's certificate in the city window: the file, its fingerprint, the district."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.districts import District
from ui.dialogs import fit_height, ok_cancel_buttons
from ui.district_picker import DistrictPicker
from ui.setup_wizard import FieldRow

translate = QCoreApplication.translate


class RegisterCertDialog(QDialog):
    """Choose a district and the certificate file it exported (`jindu key export-cert`).

    `submit(code, path)` registers it and returns False to keep the dialog open.
    """

    def __init__(
        self,
        districts: list[District],
        submit: Callable[[str, Path], bool],
        browse: Callable[[], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submit = submit
        self.browse_file = browse
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.district = DistrictPicker(districts, self)
        self.district_row = FieldRow(form, self.district, self)
        self.path = QLineEdit(self)
        self.browse = QPushButton(self)
        self.path_row = FieldRow(form, self.path, self)
        # FieldRow stacks the field over its message line; the browse button goes beside the field.
        box = self.path.parentWidget()
        stack = box.layout() if box is not None else None
        assert isinstance(stack, QVBoxLayout)
        stack.removeWidget(self.path)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(self.browse)
        stack.insertLayout(0, line)
        self.buttons = ok_cancel_buttons(self, self._ok)
        self.browse.clicked.connect(self._browse)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(self.fontMetrics().horizontalAdvance("中" * 34), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("登记区县证书"))
        self.setAccessibleName(self.tr("登记区县证书"))
        self.intro.setText(
            self.tr(
                "选择区县，再选择该区县用 jindu key export-cert 导出的证书文件。"
                "登记后显示证书指纹：请与区县电话核对。已登记过证书的区县，新证书将取代旧证书。"
            )
        )
        self.district_row.set_label(self.tr("区县(&D)："), self.tr("输入代码或名称可筛选"))
        self.path_row.set_label(self.tr("证书文件(&C)："))
        self.browse.setText(self.tr("浏览(&B)…"))
        self.browse.setAccessibleName(self.tr("浏览证书文件"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_code(self) -> str | None:
        district = self.district.chosen()
        return district.code if district is not None else None

    @Slot()
    def _browse(self) -> None:
        path = self.browse_file()
        if path is not None:
            self.path.setText(str(path))

    @Slot()
    def _ok(self) -> None:
        self.district_row.show_error("")
        self.path_row.show_error("")
        code = self.chosen_code()
        text = self.path.text().strip()
        typed = self.district.currentText().strip()
        if not code:
            self.district_row.show_error(
                self.tr("找不到区县“%1”：请从列表中选择，或输入名称、拼音首字母或代码").replace(
                    "%1", typed
                )
                if typed
                else self.tr("请选择区县")
            )
            self.district.setFocus()
        elif not text:
            self.path_row.show_error(self.tr("请选择证书文件"))
            self.path.setFocus()
        elif self.submit(code, Path(text)):
            self.accept()
            return
        fit_height(self)

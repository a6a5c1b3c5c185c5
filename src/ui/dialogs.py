"""A small dialog service, so that windows never call QMessageBox or QFileDialog directly.

Every window gets the service through its constructor; tests hand in a subclass
that records what was asked and answers from a script, so that no modal dialog
ever blocks a test (tests/ui/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import plain_label

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QFileDialog, QMessageBox


def fit_height(dialog: QDialog) -> None:
    """Grow a dialog to its layout's height at its width: a wrapped label or a message line
    needs more than it has."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
        needed = layout.totalHeightForWidth(dialog.width())
        if needed > dialog.height():
            dialog.resize(dialog.width(), needed)


def ok_cancel_buttons(
    dialog: QDialog, on_ok: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """OK (to `on_ok`, else accept) and Cancel (reject), each named for screen readers."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def choice_pair(parent: QWidget, first: str, second: str) -> tuple[QRadioButton, QRadioButton]:
    """Two exclusive radio buttons with these (translated) texts, named for screen readers."""
    radios = (QRadioButton(first, parent), QRadioButton(second, parent))
    group = QButtonGroup(parent)
    for radio in radios:
        radio.setAccessibleName(plain_label(radio.text()))
        group.addButton(radio)
    return radios


class DialogService:
    """Modal questions and messages, shown with the platform's standard dialogs.

    QMessageBox and QFileDialog are imported when first used: their Python enums take
    milliseconds to build, and a window starts without asking anything.
    """

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._box(parent, "information", title, text).exec()

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self._box(parent, "warning", title, text).exec()

    def error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = self._box(parent, "error", title, text)
        if details:
            box.setDetailedText(details)
        box.exec()

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = self._box(parent, "question", title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        # The safe answer is the default, so that a stray Enter never destroys anything.
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> Path | None:
        name, _ = _file_dialog().getOpenFileName(parent, title, str(folder), filters)
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None:
        name, _ = _file_dialog().getSaveFileName(parent, title, str(suggested), filters)
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        name = _file_dialog().getExistingDirectory(parent, title, str(folder))
        return Path(name) if name else None

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> list[Path]:
        names, _ = _file_dialog().getOpenFileNames(parent, title, str(folder), filters)
        return [Path(n) for n in names]

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        """A required text of several lines (a comment, a reason); None when cancelled."""
        dialog = TextDialog(title, label, text, parent)
        return dialog.value() if dialog.exec() else None

    def ask_passphrase(self, parent: QWidget | None, title: str, label: str) -> str | None:
        dialog = PassphraseDialog(title, label, parent)
        return dialog.value() if dialog.exec() else None

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """The platform's print dialog; True when the user chose to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_folder(self, folder: Path) -> None:
        """Show a folder in the file manager (Explorer on Windows)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @staticmethod
    def _box(parent: QWidget | None, kind: str, title: str, text: str) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        icon = {
            "information": QMessageBox.Icon.Information,
            "warning": QMessageBox.Icon.Warning,
            "error": QMessageBox.Icon.Critical,
            "question": QMessageBox.Icon.Question,
        }[kind]
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName(title)
        box.setAccessibleDescription(text)
        return box


def _file_dialog() -> type[QFileDialog]:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


class TextDialog(QDialog):
    """Asks for a required text (退回意见, 更正原因): OK stays disabled while it is empty."""

    def __init__(self, title: str, label: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(title)
        self.edit.setAccessibleDescription(label.replace("&", ""))
        self.label.setBuddy(self.edit)
        self.buttons = ok_cancel_buttons(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._changed)
        self._changed()
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("中" * 30), metrics.height() * 12)
        # Qt does not grow a dialog for a wrapped label: a long question would be cut off.
        fit_height(self)

    @Slot()
    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.value()))

    def value(self) -> str:
        return self.edit.toPlainText().strip()


class PassphraseDialog(QDialog):
    """Asks for the signing key's passphrase (口令), shown as dots."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(self.tr("口令"))
        self.edit.setAccessibleDescription(label.replace("&", ""))
        self.label.setBuddy(self.edit)
        self.buttons = ok_cancel_buttons(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._changed)
        self._changed()
        self.resize(self.fontMetrics().horizontalAdvance("中" * 28), self.sizeHint().height())
        fit_height(self)

    @Slot()
    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.value()))

    def value(self) -> str:
        # A passphrase is taken as typed: spaces inside and around it are part of it.
        return self.edit.text()

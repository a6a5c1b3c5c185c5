"""A small dialog service, so that windows never call QMessageBox or QFileDialog directly.

Every window gets the service through its constructor; tests hand in a subclass
that records what was asked and answers from a script, so that no modal dialog
ever blocks a test (tests/ui/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class DialogService:
    """Modal questions and messages, shown with the platform's standard dialogs."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._box(parent, QMessageBox.Icon.Information, title, text)
        box.exec()

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._box(parent, QMessageBox.Icon.Warning, title, text)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = self._box(parent, QMessageBox.Icon.Critical, title, text)
        if details:
            box.setDetailedText(details)
        box.exec()

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = self._box(parent, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        # The safe answer is the default, so that a stray Enter never destroys anything.
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(folder))
        return Path(name) if name else None

    @staticmethod
    def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName(title)
        box.setAccessibleDescription(text)
        return box

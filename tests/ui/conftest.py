"""Fixtures for the window's tests: a real office in tmp_path, dialogs that answer themselves.

Offices are made with the command line, as a clerk's script would, so that the
window is tested against exactly what the CLI writes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRunnable, QThreadPool
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.cli import main as cli
from app.office import OfficeService, open_office
from ui.app_context import AppContext, UiSettings
from ui.dialogs import DialogService

if TYPE_CHECKING:
    from ui.main import Started
    from ui.main_window import MainWindow

PASSPHRASE = "correct horse"


@dataclass
class Asked:
    kind: str
    title: str
    text: str


@dataclass
class RecordingDialogs(DialogService):
    """Records every dialog and answers from `answers` (kind -> value, or a list of values)."""

    asked: list[Asked] = field(default_factory=list)
    answers: dict[str, object] = field(default_factory=dict)

    def _record(self, kind: str, title: str, text: str) -> object:
        self.asked.append(Asked(kind, title, text))
        answer = self.answers.get(kind)
        if isinstance(answer, list):
            return answer.pop(0) if answer else None
        return answer

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._record("information", title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self._record("warning", title, text)

    def error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self._record("error", title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        return bool(self._record("question", title, text))

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> Path | None:
        answer = self._record("open_file", title, str(folder))
        return Path(str(answer)) if answer else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None:
        answer = self._record("save_file", title, str(suggested))
        return Path(str(answer)) if answer else None

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        answer = self._record("choose_folder", title, str(folder))
        return Path(str(answer)) if answer else None

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        answer = self._record("ask_text", title, label)
        return None if answer is None else str(answer)

    def texts(self, kind: str | None = None) -> list[str]:
        return [a.text for a in self.asked if kind is None or a.kind == kind]


class SyncThreadPool(QThreadPool):
    """Runs every task at once in the calling thread, so that tests need not wait."""

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # type: ignore[override]
        runnable.run()


def make_office(data_dir: Path) -> None:
    """A district office set up with the command line (渝中区, the 2018 plan)."""
    pw = data_dir.parent / f"{data_dir.name}-pw.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    code = cli(
        [
            "--data-dir", str(data_dir), "setup", "--district", "500103", "--clerk", "张三",
            "--reviewer", "李四", "--head", "王五", "--phone", "023-63651188", "--passphrase-file", str(pw),
        ]
    )  # fmt: skip
    assert code == 0


def fresh_service(data_dir: Path) -> OfficeService:
    """A second, independent view of the store: what a restart would see."""
    return open_office(data_dir, auto_backup=False)


def stored_value(data_dir: Path, period: str, indicator: str) -> str | None:
    service = fresh_service(data_dir)
    try:
        row = service.store.db.execute(
            "SELECT value FROM entries WHERE period = ? AND indicator = ?", [period, indicator]
        ).fetchone()
        return row[0] if row else None
    finally:
        service.store.close()


def shown_main_window(qtbot, context: AppContext, period: str, item: str) -> MainWindow:
    """The main window, shown, on `period` with `item` selected."""
    from ui.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.select_period(period)
    win.select_item(item)
    return win


def commit_text(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: keyClicks with CJK text aborts Qt."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """pytest-qt closes a test's widgets and asks Qt to delete them, but outside an event
    loop Qt never gets to it: the closed windows live on, and the next test's language
    change reaches them after their store was closed. Once every fixture is torn down,
    carry out those deletions."""
    yield
    if QApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def office_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "office"
    make_office(data_dir)
    return data_dir


def build_context(data_dir: Path, dialogs: DialogService) -> AppContext:
    return AppContext(
        data_dir=data_dir,
        service=open_office(data_dir, auto_backup=False),
        pool=SyncThreadPool(),
        dialogs=dialogs,
        settings=UiSettings(data_dir / "jindu-ui.ini"),
    )


@pytest.fixture
def context(office_dir: Path, dialogs: RecordingDialogs) -> Iterator[AppContext]:
    ctx = build_context(office_dir, dialogs)
    yield ctx
    ctx.service.store.close()


@pytest.fixture
def empty_context(tmp_path: Path, dialogs: RecordingDialogs) -> Iterator[AppContext]:
    ctx = build_context(tmp_path / "new-office", dialogs)
    yield ctx
    ctx.service.store.close()


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[None]:
    """start() sets the application's look, logging and Qt's message handler: put them
    back afterwards, for the tests after this one."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QFont, QPalette

    from ui import main as ui_main

    font, palette, style = QFont(qapp.font()), QPalette(qapp.palette()), qapp.style().name()
    yield
    qapp.setStyle(style)
    qapp.setFont(font)
    qapp.setPalette(palette)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "jindu_log", False)]:
        root.removeHandler(handler)
        handler.close()
    qInstallMessageHandler(None)
    ui_main._previous_handler = None


def close(started: Started) -> None:
    """Close what ui.main.start() opened: the window, the translators, the store and lock."""
    if started.window is not None:
        started.window.close()
        started.window.deleteLater()
    if started.context is not None and started.context.translations is not None:
        started.context.translations.uninstall()
    started.close()

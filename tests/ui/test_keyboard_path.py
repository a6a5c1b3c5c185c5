"""A clerk who cannot use a mouse: from the first start to a recorded period, keys only.

The program is started through its real composition root (`ui.main.start`), so
that the wizard, the lock, the translators and the fonts are the ones a clerk gets.
Chinese is typed as an input method commits it.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app import keys
from tests.models.damage import damage_page
from tests.ui.conftest import PASSPHRASE, RecordingDialogs, close, commit_text, fresh_service
from ui.entry_model import COL_NOTE
from ui.main import start
from ui.main_window import MainWindow
from ui.setup_wizard import SetupWizard


def target() -> QWidget:
    """Where a key goes: the open popup (a completer's list), else the focused widget."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(target(), key, modifier)


def type_ascii(qtbot, text: str) -> None:
    for ch in text:
        qtbot.keyClick(target(), ch)


def test_first_run_to_a_recorded_period_with_the_keyboard_alone(
    qtbot, qapp: QApplication, tmp_path: Path, app_state: None
) -> None:
    data_dir = tmp_path / "渝中区残联"
    dialogs = RecordingDialogs()
    problems: list[BaseException] = []

    def drive_wizard() -> None:
        try:
            wizard = QApplication.activeModalWidget()
            assert isinstance(wizard, SetupWizard)
            wizard.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
            district = wizard.office_page.district
            assert QApplication.focusWidget() in (district, district.lineEdit())
            type_ascii(qtbot, "yzq")  # pinyin initials of 渝中区
            press(qtbot, Qt.Key.Key_Down)
            press(qtbot, Qt.Key.Key_Return)
            assert wizard.office_page.district.currentText() == "渝中区（500103）"
            for name in ("张三", "李四", "王五"):
                press(qtbot, Qt.Key.Key_Tab)
                commit_text(target(), name)
            press(qtbot, Qt.Key.Key_Tab)
            type_ascii(qtbot, "023-63651188")
            press(qtbot, Qt.Key.Key_Return)  # 下一步
            assert wizard.currentId() == SetupWizard.PASSPHRASE
            assert target() is wizard.passphrase_page.first
            type_ascii(qtbot, PASSPHRASE)
            press(qtbot, Qt.Key.Key_Tab)
            type_ascii(qtbot, PASSPHRASE)
            press(qtbot, Qt.Key.Key_Return)  # 完成
        except BaseException as exc:  # reported after exec() returns
            problems.append(exc)
            QApplication.activeModalWidget().reject()

    QTimer.singleShot(0, drive_wizard)
    started = start(qapp, data_dir, dialogs)
    try:
        assert not problems, problems
        assert keys.has_identity(data_dir)
        window = started.window
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)
        period = window.model.period.id
        assert period == window.service.due_period().id

        # 工作任务(&T): to the tree, then down to (一) 实施精准脱贫攻坚行动 of part 二.
        press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
        assert target() is window.tree
        while window.tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 2) != "2.1":
            press(qtbot, Qt.Key.Key_Down)
        # 填报表(&G): the grid, on 2.1.1's 本期累计.
        press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
        assert target() is window.grid
        type_ascii(qtbot, "500")
        press(qtbot, Qt.Key.Key_Return)
        type_ascii(qtbot, "2400")
        press(qtbot, Qt.Key.Key_Return)
        type_ascii(qtbot, "30")
        press(qtbot, Qt.Key.Key_Tab)  # commits and moves right, to 本期新增
        for _ in range(4):
            press(qtbot, Qt.Key.Key_Tab)  # … 完成率, 时间进度, 进度状态, 备注
        assert window.grid.currentIndex().column() == COL_NOTE
        commit_text(target(), "镇街已核实")
        press(qtbot, Qt.Key.Key_Return)  # saved; the cursor is now on 2.2.1, of item 2.2
        press(qtbot, Qt.Key.Key_Up)  # back to 2.1.3: the report below follows, to item 2.1
        assert window.item_title.text().startswith("2.1 ")
        # 进展情况(&J), then 状态(&S).
        press(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
        assert target() is window.narratives["progress"], target()
        commit_text(target(), "完成危房改造摸底")
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # leaving the box saves it
        assert target() is window.status_combo
        while window.status_combo.currentData() != "in_progress":
            press(qtbot, Qt.Key.Key_Down)
        # Ctrl+Z undoes the last step (the status), in the database too; Ctrl+Y redoes it.
        press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)

        service = fresh_service(data_dir)
        try:
            data = service.period_data(service.parse_period(period))
            assert [data.by_indicator[i].number for i in ("2.1.1", "2.1.2", "2.1.3")] == [
                500,
                2400,
                30,
            ]
            assert data.by_indicator["2.1.3"].note == "镇街已核实"
            assert data.by_item["2.1"].progress == "完成危房改造摸底"
            assert data.by_item["2.1"].status.value == "in_progress"
            assert service.office().clerk == "张三"
        finally:
            service.store.close()
        assert not dialogs.texts("error")
    finally:
        close(started)


def test_a_second_window_on_the_same_folder_is_refused(
    qapp: QApplication, office_dir: Path, app_state: None
) -> None:
    first_dialogs, second_dialogs = RecordingDialogs(), RecordingDialogs()
    first = start(qapp, office_dir, first_dialogs)
    try:
        assert isinstance(first.window, MainWindow)
        second = start(qapp, office_dir, second_dialogs)
        assert second.window is None and second.exit_code == 1
        (warning,) = second_dialogs.texts("warning")
        assert str(office_dir) in warning and "只能打开一个窗口" in warning
    finally:
        close(first)
    # Once the first window is closed, the folder opens again.
    third = start(qapp, office_dir, RecordingDialogs())
    try:
        assert isinstance(third.window, MainWindow)
    finally:
        close(third)


def test_an_unexpected_error_is_logged_and_the_log_is_named(
    qapp: QApplication, office_dir: Path, app_state: None
) -> None:
    dialogs = RecordingDialogs()
    started = start(qapp, office_dir, dialogs)
    try:
        import sys

        try:
            raise RuntimeError("磁盘不见了")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        (text,) = dialogs.texts("error")
        log_file = office_dir / "logs" / "jindu.log"
        assert str(log_file) in text and "磁盘不见了" in text
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "磁盘不见了" in log_file.read_text(encoding="utf-8")
    finally:
        close(started)
        sys.excepthook = sys.__excepthook__


def _with_todays_backup(data_dir: Path) -> Path:
    """Open the office once more as a window would on a later start: today's backup is
    taken, so the next start checks the file beside the window."""
    store = fresh_service(data_dir).store
    store.backup("manual")
    store.close()
    return data_dir / "jindu.sqlite3"


def test_a_sound_file_is_checked_beside_the_shown_window(
    qapp: QApplication, office_dir: Path, app_state: None, qtbot
) -> None:
    _with_todays_backup(office_dir)
    dialogs = RecordingDialogs()
    started = start(qapp, office_dir, dialogs)
    try:
        check = started.context.service.store.integrity
        assert check is not None, "the check should run beside the window"
        qtbot.waitUntil(lambda: check.done, timeout=5000)
        qtbot.wait(50)  # the window's watch has seen the result
        assert dialogs.asked == []
    finally:
        close(started)


@pytest.mark.parametrize("name", ["meta", "entries_by_period"])
def test_a_damaged_page_read_at_start_is_named_by_the_check(
    qapp: QApplication, office_dir: Path, app_state: None, name: str
) -> None:
    """meta is read while the office opens, the period's entries while the window is
    built: either way the clerk hears what the integrity check found, not SQLite's
    bare words."""
    path = _with_todays_backup(office_dir)
    damage_page(path, name)
    dialogs = RecordingDialogs()
    started = start(qapp, office_dir, dialogs)
    try:
        assert started.window is None and started.exit_code == 1
        (text,) = dialogs.texts("error")
        assert str(path) in text and "jindu restore" in text
    finally:
        close(started)
    # The lock is given back: the folder opens again once restored.
    assert not (office_dir / "jindu-window.lock").exists()


@pytest.mark.parametrize("read_first", [False, True], ids=["found-by-the-check", "read-first"])
def test_a_file_found_damaged_beside_the_window_is_named_and_the_program_ends(
    qapp: QApplication, office_dir: Path, app_state: None, read_first: bool
) -> None:
    """read_first: a period switch in the first moments reads a damaged page while the
    check still runs; the clerk hears only what the check found, not SQLite first."""
    path = _with_todays_backup(office_dir)
    damage_page(path)
    dialogs = RecordingDialogs()
    started = start(qapp, office_dir, dialogs)
    try:
        assert isinstance(started.window, MainWindow)
        started.window.show()
        if read_first:
            error = sqlite3.DatabaseError("database disk image is malformed")
            sys.excepthook(type(error), error, None)  # as a slot's read would raise it
        # A bound, should the check pass; stopped after, or it would end another test's loop.
        bound = QTimer()
        bound.setSingleShot(True)
        bound.timeout.connect(lambda: qapp.exit(99))
        bound.start(10_000)
        try:
            assert qapp.exec() == 1
        finally:
            bound.stop()
        (text,) = dialogs.texts("error")  # one message: the check's, not "意外错误" first
        assert str(path) in text and "jindu restore" in text
    finally:
        close(started)
        sys.excepthook = sys.__excepthook__


def test_a_read_error_on_a_sound_file_is_still_shown(
    qapp: QApplication, office_dir: Path, app_state: None
) -> None:
    _with_todays_backup(office_dir)
    dialogs = RecordingDialogs()
    started = start(qapp, office_dir, dialogs)
    try:
        error = sqlite3.DatabaseError("database disk image is malformed")
        sys.excepthook(type(error), error, None)
        (text,) = dialogs.texts("error")
        assert "意外错误" in text and "malformed" in text
    finally:
        close(started)
        sys.excepthook = sys.__excepthook__


def test_the_log_says_which_window_opened_which_folder(
    qapp: QApplication, office_dir: Path, app_state: None, caplog: pytest.LogCaptureFixture
) -> None:
    from app import __version__
    from ui.main import run_window

    def close_when_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()

    closer = QTimer()
    closer.timeout.connect(close_when_shown)
    closer.start(200)
    try:
        with caplog.at_level(logging.INFO):
            assert run_window(office_dir) == 0
    finally:
        closer.stop()
    shown = [r.getMessage() for r in caplog.records if "shown" in r.getMessage()]
    assert shown == [f"MainWindow shown: Jindu {__version__}, data folder {office_dir}"]

"""The entry grid as a clerk uses it; every result is read back from the database.

Reading back goes through a fresh OfficeService on the same data folder, as a
restart of the program would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.office import now_iso
from models.backups import list_backups
from tests.ui.conftest import commit_text, fresh_service, shown_main_window, stored_value
from ui.app_context import AppContext
from ui.checks_dialog import ChecksDialog
from ui.entry_model import COL_NOTE, COL_PERCENT, COL_VALUE, EntryModel, ErrorRole, ObjectRole
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog

PERIOD = "2018Q2"


@pytest.fixture
def window(qtbot, context: AppContext) -> Iterator[MainWindow]:
    win = shown_main_window(qtbot, context, PERIOD, "2.1")
    win.grid.setFocus()
    yield win
    win.idle.stop()


def cell(win: MainWindow, indicator: str, column: int):
    row = win.model.row_of(indicator)
    assert row >= 0, indicator
    return win.model.index(row, column)


def go_to(qtbot, win: MainWindow, indicator: str, column: int) -> None:
    win.grid.setCurrentIndex(cell(win, indicator, column))
    win.grid.setFocus()


def type_text(qtbot, win: MainWindow, text: str) -> None:
    """Key by key to whatever has the focus, as a keyboard does: the first key opens the editor."""
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget() or win.grid, ch)


def stored_note(data_dir: Path, period: str, indicator: str) -> str | None:
    service = fresh_service(data_dir)
    try:
        row = service.store.db.execute(
            "SELECT note FROM entries WHERE period = ? AND indicator = ?", [period, indicator]
        ).fetchone()
        return row[0] if row else None
    finally:
        service.store.close()


def test_the_entry_model_is_a_sound_qt_model(qtmodeltester, context: AppContext) -> None:
    model = EntryModel(context.service)
    model.load(context.service.parse_period(PERIOD), "2")
    assert model.rowCount() == 4  # 2.1.1-2.1.3 and 2.2.1 apply to 渝中区; 2.2.2 is the city's
    qtmodeltester.check(model, force_py=True)
    row = model.index(0, 0).data(ObjectRole)
    assert row.indicator.id == "2.1.1"


def test_a_clerk_types_a_value_and_it_is_in_the_database(qtbot, window: MainWindow) -> None:
    go_to(qtbot, window, "2.1.1", COL_VALUE)
    type_text(qtbot, window, "500")
    qtbot.keyClick(window.grid.focusWidget(), Qt.Key.Key_Return)

    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") == "500"
    assert cell(window, "2.1.1", COL_VALUE).data() == "500"
    # Enter moved down, ready for the next value.
    assert window.grid.currentIndex() == cell(window, "2.1.2", COL_VALUE)
    # The derived cells followed: 500 of the 2000 city target is not used, the district has none.
    assert cell(window, "2.1.1", COL_PERCENT).data() == ""
    assert "2.1.1" in window.message_line.text()


def test_full_width_digits_and_wan_are_accepted(qtbot, window: MainWindow) -> None:
    model = window.model
    assert model.setData(cell(window, "2.1.2", COL_VALUE), "１２３")
    assert model.setData(cell(window, "2.1.3", COL_VALUE), "1.2万")
    assert stored_value(window.context.data_dir, PERIOD, "2.1.2") == "123"
    assert stored_value(window.context.data_dir, PERIOD, "2.1.3") == "12000"


def test_a_refused_value_stays_with_its_reason_and_is_not_stored(qtbot, window: MainWindow) -> None:
    window.model.setData(cell(window, "2.1.1", COL_VALUE), "300")
    go_to(qtbot, window, "2.1.1", COL_VALUE)
    type_text(qtbot, window, "12x")
    qtbot.keyClick(window.grid.focusWidget(), Qt.Key.Key_Return)

    index = cell(window, "2.1.1", COL_VALUE)
    shown = index.data()
    assert shown.startswith("12x") and "⚠" in shown
    reason = index.data(ErrorRole)
    assert reason and "12x" in reason and "2.1.1" in reason
    assert reason in index.data(Qt.ItemDataRole.ToolTipRole)
    assert reason in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert reason in window.message_line.text()
    assert reason in window.message_line.accessibleDescription()
    # The refused text is what the editor offers back, to be corrected.
    assert index.data(Qt.ItemDataRole.EditRole) == "12x"
    # The database still holds the earlier value, and no undo step was made for the refusal.
    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") == "300"
    assert window.undo_stack.count() == 1

    # Correcting it clears the message.
    assert window.model.setData(index, "310")
    assert index.data(ErrorRole) is None
    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") == "310"


def test_escape_drops_a_refused_value(qtbot, window: MainWindow) -> None:
    index = cell(window, "2.1.2", COL_VALUE)
    assert not window.model.setData(index, "很多")
    go_to(qtbot, window, "2.1.2", COL_VALUE)
    qtbot.keyClick(window.grid, Qt.Key.Key_Escape)
    assert index.data(ErrorRole) is None
    assert index.data() == ""


def test_a_pasted_3x2_block_is_stored_and_undone_as_one_step(qtbot, window: MainWindow) -> None:
    data_dir = window.context.data_dir
    go_to(qtbot, window, "2.1.1", COL_VALUE)
    # As WPS puts it on the clipboard: CRLF rows, tab cells, full-width digits and 万.
    QGuiApplication.clipboard().setText("１２０\t乡镇上报\r\n1.2万\t\r\n35\t含 3 户续建\r\n")
    qtbot.keyClick(window.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert [stored_value(data_dir, PERIOD, i) for i in ("2.1.1", "2.1.2", "2.1.3")] == [
        "120",
        "12000",
        "35",
    ]
    assert stored_note(data_dir, PERIOD, "2.1.1") == "乡镇上报"
    assert stored_note(data_dir, PERIOD, "2.1.3") == "含 3 户续建"
    assert window.undo_stack.count() == 1

    qtbot.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [stored_value(data_dir, PERIOD, i) for i in ("2.1.1", "2.1.2", "2.1.3")] == [
        None,
        None,
        None,
    ]
    assert stored_note(data_dir, PERIOD, "2.1.1") in (None, "")
    assert cell(window, "2.1.2", COL_VALUE).data() == ""

    qtbot.keyClick(window.grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [stored_value(data_dir, PERIOD, i) for i in ("2.1.1", "2.1.2", "2.1.3")] == [
        "120",
        "12000",
        "35",
    ]
    assert stored_note(data_dir, PERIOD, "2.1.3") == "含 3 户续建"
    assert cell(window, "2.1.2", COL_VALUE).data() == "12000"


def test_a_paste_with_one_bad_cell_keeps_the_others(qtbot, window: MainWindow) -> None:
    go_to(qtbot, window, "2.1.1", COL_VALUE)
    window.grid.paste_text("10\n十个\n30\n")
    data_dir = window.context.data_dir
    assert [stored_value(data_dir, PERIOD, i) for i in ("2.1.1", "2.1.2", "2.1.3")] == [
        "10",
        None,
        "30",
    ]
    assert cell(window, "2.1.2", COL_VALUE).data(ErrorRole)
    assert "1" in window.message_line.text()  # the summary counts the refused cell


def test_undo_and_redo_of_one_edit_reach_the_database(qtbot, window: MainWindow) -> None:
    data_dir = window.context.data_dir
    index = cell(window, "2.1.1", COL_VALUE)
    window.model.setData(index, "100")
    window.model.setData(index, "250")
    assert stored_value(data_dir, PERIOD, "2.1.1") == "250"
    window.undo_stack.undo()
    assert stored_value(data_dir, PERIOD, "2.1.1") == "100"
    window.undo_stack.undo()
    assert stored_value(data_dir, PERIOD, "2.1.1") is None
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert stored_value(data_dir, PERIOD, "2.1.1") == "250"
    assert index.data() == "250"


def test_undo_brings_back_the_period_it_concerns(qtbot, window: MainWindow) -> None:
    window.model.setData(cell(window, "2.1.1", COL_VALUE), "77")
    window.select_period("2018Q3")
    assert window.model.period.id == "2018Q3"
    window.undo_stack.undo()
    assert window.model.period.id == PERIOD
    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") is None
    assert window.grid.currentIndex() == cell(window, "2.1.1", COL_VALUE)


def test_a_note_typed_in_chinese_is_saved(qtbot, window: MainWindow) -> None:
    go_to(qtbot, window, "2.1.1", COL_NOTE)
    commit_text(window.grid, "镇街已核实")
    editor = QApplication.focusWidget()
    assert editor is not window.grid  # the input method's text opened an editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert stored_note(window.context.data_dir, PERIOD, "2.1.1") == "镇街已核实"


def test_item_narratives_are_saved_on_leaving_and_undone(qtbot, window: MainWindow) -> None:
    data_dir = window.context.data_dir
    edit = window.narratives["progress"]
    edit.setFocus()
    commit_text(edit, "已完成危房改造摸底")
    window.status_combo.setFocus()  # leaving the box saves it
    service = fresh_service(data_dir)
    try:
        assert (
            service.period_data(service.parse_period(PERIOD)).by_item["2.1"].progress
            == "已完成危房改造摸底"
        )
    finally:
        service.store.close()
    window.undo_stack.undo()
    assert edit.toPlainText() == ""
    service = fresh_service(data_dir)
    try:
        assert service.period_data(service.parse_period(PERIOD)).by_item["2.1"].progress == ""
    finally:
        service.store.close()


def test_the_status_is_saved_at_once_and_shown_in_the_tree(qtbot, window: MainWindow) -> None:
    combo = window.status_combo
    combo.setFocus()
    index = combo.findData("behind")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    service = fresh_service(window.context.data_dir)
    try:
        assert (
            service.period_data(service.parse_period(PERIOD)).by_item["2.1"].status.value
            == "behind"
        )
    finally:
        service.store.close()
    node = window._tree_items["2.1"]
    assert node.text(2) == "滞后"


def test_typed_narratives_are_saved_after_a_pause(qtbot, window: MainWindow) -> None:
    edit = window.narratives["next"]
    edit.setFocus()
    commit_text(edit, "下季度完成验收")
    window.idle.setInterval(10)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=2000)
    service = fresh_service(window.context.data_dir)
    try:
        assert (
            service.period_data(service.parse_period(PERIOD)).by_item["2.1"].next
            == "下季度完成验收"
        )
    finally:
        service.store.close()


def test_a_signed_period_cannot_be_edited_and_says_why(qtbot, context: AppContext) -> None:
    office = context.service.office()
    with context.service.store.change() as db:
        db.execute(
            "INSERT INTO returns (district, plan, period, revision, state, reason, comment, created_at)"
            " VALUES (?, ?, ?, 1, 'signed', '', '', ?)",
            [office.district.code, office.plan_id, "2018Q1", now_iso()],
        )
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    win.select_period("2018Q1")
    win.select_item("2.1")
    index = cell(win, "2.1.1", COL_VALUE)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    go_to(qtbot, win, "2.1.1", COL_VALUE)
    type_text(qtbot, win, "5")
    assert "已签发" in win.message_line.text()
    assert stored_value(context.data_dir, "2018Q1", "2.1.1") is None
    assert win.narratives["progress"].isReadOnly()
    assert "已签发" in win.state_label.text()


def test_the_window_remembers_its_layout(qtbot, context: AppContext) -> None:
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    win.resize(700, 500)
    win.h_splitter.setSizes([200, 900])
    sizes = win.h_splitter.sizes()
    win.close()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 700
    assert again.h_splitter.sizes() == sizes


def test_undoing_the_first_status_says_why_it_stays(qtbot, window: MainWindow) -> None:
    combo = window.status_combo
    index = combo.findData("in_progress")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    window.undo_stack.undo()
    # The service keeps a status once given: the window says so and shows what is stored.
    assert "2.1" in window.message_line.text() and "⚠" in window.message_line.text()
    assert combo.currentData() == "in_progress"


def test_a_check_leads_to_its_cell(qtbot, window: MainWindow) -> None:
    checks = window.service.checks(window.model.period)
    dialog = ChecksDialog(checks, window)
    qtbot.addWidget(dialog)
    row = next(
        i for i, c in enumerate(checks) if c.target == "indicator" and c.target_id == "2.1.2"
    )
    dialog.list.setCurrentRow(row)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.chosen == ("indicator", "2.1.2")


def test_a_clerk_backs_up_and_restores_from_the_settings(
    qtbot, window: MainWindow, context: AppContext
) -> None:
    data_dir = context.data_dir
    window.model.setData(cell(window, "2.1.1", COL_VALUE), "111")
    dialog = SettingsDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.restored.connect(window.after_restore)
    before = len(list_backups(context.service.store.backup_dir))
    dialog.backup_now.click()  # runs on the (synchronous) pool, reports back in the GUI thread
    assert len(list_backups(context.service.store.backup_dir)) == before + 1
    assert dialog.backups.count() == before + 1
    assert "已备份到" in dialog.backup_status.text()

    window.model.setData(cell(window, "2.1.1", COL_VALUE), "999")
    assert stored_value(data_dir, PERIOD, "2.1.1") == "999"
    dialog.backups.setCurrentRow(0)  # the newest: the one just made
    context.dialogs.answers["question"] = True
    dialog.restore_button.click()
    assert stored_value(data_dir, PERIOD, "2.1.1") == "111"
    assert cell(window, "2.1.1", COL_VALUE).data() == "111"
    assert window.undo_stack.count() == 0  # the steps described data that is gone


def test_a_long_session_does_not_abort_the_process(tmp_path: Path) -> None:
    # PySide6 6.12 on CPython 3.11 loses a reference to None on every void call.
    script = (
        "import ui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([]); label = QLabel()\n"
        "for _ in range(50_000): label.setText('x')\n"
        "print('alive')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "alive"


def test_a_value_still_in_its_editor_is_saved_when_the_window_closes(
    qtbot, window: MainWindow
) -> None:
    """Typed, then the window closed without Enter or Tab: the number is not lost."""
    go_to(qtbot, window, "2.1.1", COL_VALUE)
    type_text(qtbot, window, "321")
    assert window.grid.state() == window.grid.State.EditingState
    window.close()
    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") == "321"

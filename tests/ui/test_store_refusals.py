"""When the file or the disk refuses a write (full, read-only): what the clerk typed stays
on screen with the reason, nothing half-saved, and closing asks before it is lost.

The refusal is made with `PRAGMA query_only` on the window's own connection, the answer
SQLite gives for a write-protected file (tests/models/test_store.py fills a disk too).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import (
    RecordingDialogs,
    commit_text,
    fresh_service,
    shown_main_window,
    stored_value,
)
from ui.app_context import AppContext
from ui.entry_model import COL_VALUE
from ui.main_window import MainWindow

PERIOD = "2018Q2"


@pytest.fixture
def window(qtbot, context: AppContext) -> Iterator[MainWindow]:
    win = shown_main_window(qtbot, context, PERIOD, "2.1")
    yield win
    win.idle.stop()
    refuse_writes(win, False)


def refuse_writes(win: MainWindow, refuse: bool = True) -> None:
    win.service.store.db.execute(f"PRAGMA query_only = {'ON' if refuse else 'OFF'}")


def progress_stored(win: MainWindow) -> str:
    service = fresh_service(win.context.data_dir)
    try:
        return service.period_data(service.parse_period(PERIOD)).by_item["2.1"].progress
    finally:
        service.store.close()


def test_a_number_the_disk_refuses_stays_in_its_cell_with_the_reason(
    qtbot, window: MainWindow, dialogs: RecordingDialogs
) -> None:
    refuse_writes(window)
    index = window.model.index(window.model.row_of("2.1.1"), COL_VALUE)
    assert not window.model.setData(index, "120")
    assert index.data().startswith("120") and "无法写入" in index.data()
    assert "只读" in window.message_line.text() and "没有保存" in window.message_line.text()
    assert window.undo_stack.count() == 0  # nothing to undo: nothing was done
    assert dialogs.asked == []  # a refusal, not an unexpected error
    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") is None
    # Room again: the same number typed again is saved, and the cell is clean.
    refuse_writes(window, False)
    assert window.model.setData(index, "120")
    assert index.data() == "120"
    assert stored_value(window.context.data_dir, PERIOD, "2.1.1") == "120"
    assert window.unsaved_work() == []


def test_words_the_disk_refuses_stay_in_their_field_and_come_back_with_the_item(
    qtbot, window: MainWindow, dialogs: RecordingDialogs
) -> None:
    edit = window.narratives["progress"]
    edit.setFocus()
    refuse_writes(window)
    commit_text(edit, "本季度完成危房改造 120 户")
    window.status_combo.setFocus()  # leaving the box saves it: refused
    assert edit.toPlainText() == "本季度完成危房改造 120 户"
    assert "无法写入" in window.message_line.text()
    assert window.undo_stack.count() == 0 and dialogs.asked == []
    window.select_item("2.2")
    assert edit.toPlainText() != "本季度完成危房改造 120 户"
    window.select_item("2.1")
    assert edit.toPlainText() == "本季度完成危房改造 120 户"  # kept, still not saved
    assert progress_stored(window) == ""
    refuse_writes(window, False)
    window.save_narratives()
    assert progress_stored(window) == "本季度完成危房改造 120 户"
    assert window.unsaved_work() == []


def test_what_was_refused_in_a_period_submitted_since_is_dropped_on_reading_it_again(
    qtbot, window: MainWindow
) -> None:
    from app import return_flow

    edit = window.narratives["progress"]
    refuse_writes(window)
    commit_text(edit, "没能保存的进展")
    window.save_narratives()
    refuse_writes(window, False)
    assert window.model.period is not None
    index = window.model.index(window.model.row_of("2.1.1"), COL_VALUE)
    refuse_writes(window)
    window.model.setData(index, "120")
    refuse_writes(window, False)
    assert len(window.unsaved_work()) == 2
    return_flow.submit(window.service, window.model.period)  # on the command line, say
    window.reload()  # after a state change: what the store holds, no longer editable
    assert not window.model.editable
    assert edit.toPlainText() == "" and window.unsaved_work() == []
    shown = window.model.index(window.model.row_of("2.1.1"), COL_VALUE).data()
    assert shown in ("", None)


@pytest.mark.parametrize("answer", [False, True], ids=["stay-open", "close-anyway"])
def test_closing_with_refused_work_asks_first(
    qtbot, window: MainWindow, dialogs: RecordingDialogs, answer: bool
) -> None:
    refuse_writes(window)
    window.model.setData(window.model.index(window.model.row_of("2.1.1"), COL_VALUE), "120")
    commit_text(window.narratives["problems"], "缺少资金")
    dialogs.answers["question"] = answer
    assert window.close() is answer
    (asked,) = [a for a in dialogs.asked if a.kind == "question"]
    assert "2.1.1" in asked.text and "120" in asked.text
    assert "2.1" in asked.text and "缺少资金" in asked.text
    assert window.isVisible() is not answer


def test_closing_with_nothing_refused_asks_nothing(
    qtbot, window: MainWindow, dialogs: RecordingDialogs
) -> None:
    commit_text(window.narratives["problems"], "缺少资金")
    window.model.setData(window.model.index(window.model.row_of("2.1.1"), COL_VALUE), "不知道")
    assert window.close()  # an invalid value is not work the disk lost
    assert [a for a in dialogs.asked if a.kind == "question"] == []
    QApplication.processEvents()


def test_a_refused_number_waits_in_its_period_while_the_clerk_looks_elsewhere(
    qtbot, window: MainWindow, dialogs: RecordingDialogs
) -> None:
    refuse_writes(window)
    index = window.model.index(window.model.row_of("2.1.1"), COL_VALUE)
    window.model.setData(index, "120")
    window.select_period("2018Q3")
    assert "无法写入" not in str(window.model.index(index.row(), COL_VALUE).data())
    window.select_period(PERIOD)
    assert str(window.model.index(index.row(), COL_VALUE).data()).startswith("120")
    assert window.unsaved_work() == ["2018年第二季度 2.1.1 本期累计「120」"]
    window.reload()  # F5: read again from the store; the refused number still waits
    assert window.unsaved_work() == ["2018年第二季度 2.1.1 本期累计「120」"]


def test_refused_words_typed_back_to_the_stored_ones_are_not_unsaved(
    qtbot, window: MainWindow
) -> None:
    edit = window.narratives["progress"]
    refuse_writes(window)
    commit_text(edit, "新的进展")
    window.save_narratives()
    assert window.unsaved_work() != []
    edit.clear()  # back to what the store holds (nothing)
    window.save_narratives()
    assert window.unsaved_work() == []
    window.select_item("2.2")
    window.select_item("2.1")
    assert edit.toPlainText() == ""

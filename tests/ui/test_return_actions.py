"""The 报表 menu as a clerk and a reviewer use it, on a real office with a signing key.

Offices come from the signing tests' templates (tests/app/signing_fixtures.py):
made once per session, every test on its own copy. Dialogs are answered through
the dialog service; what each action wrote is read back from the folder and a
fresh connection to the database.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, Qt, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.office import open_office
from tests.app.signing_fixtures import PASSPHRASE, copy_office, templates
from tests.ui.conftest import RecordingDialogs, build_context, fresh_service, stored_value
from ui.app_context import AppContext
from ui.entry_model import COL_VALUE
from ui.jobs import Job
from ui.main_window import MainWindow
from ui.return_actions import ReturnActions

PERIOD = "2018Q1"


@dataclass
class ReturnDialogs(RecordingDialogs):
    """Also answers the dialogs the return actions ask, and opens no folder."""

    opened: list[Path] = field(default_factory=list)

    def ask_passphrase(self, parent: QWidget | None, title: str, label: str) -> str | None:
        answer = self._record("ask_passphrase", title, label)
        return None if answer is None else str(answer)

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> list[Path]:
        answer = self._record("open_files", title, str(folder))
        return [Path(str(p)) for p in answer] if isinstance(answer, list | tuple) else []

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Answer with a path: print to that PDF file, as "Microsoft Print to PDF" would."""
        answer = self._record("choose_printer", "", "")
        if not answer:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(answer))
        return True

    def open_folder(self, folder: Path) -> None:
        self.opened.append(folder)


class HeldPool(QThreadPool):
    """Holds each job until the test runs it: the test can press 取消 in between."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # type: ignore[override]
        self.held.append(runnable)


@pytest.fixture
def return_dialogs() -> ReturnDialogs:
    return ReturnDialogs()


def office_context(source: Path, target: Path, dialogs: RecordingDialogs) -> AppContext:
    copy_office(source, target)
    return build_context(target, dialogs)


@pytest.fixture
def filled(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, return_dialogs: ReturnDialogs
) -> Iterator[AppContext]:
    """2018Q1 and Q2 complete, nothing signed: what a clerk has before signing."""
    ctx = office_context(templates(tmp_path_factory).filled, tmp_path / "office", return_dialogs)
    yield ctx
    ctx.service.store.close()


def open_window(qtbot, context: AppContext, period: str = PERIOD) -> MainWindow:
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.select_period(period)
    return win


def actions_of(win: MainWindow) -> ReturnActions:
    return win.return_features.actions


def state_of(data_dir: Path, period: str = PERIOD) -> tuple[int, str, str, str]:
    service = fresh_service(data_dir)
    try:
        record = service.return_record(service.parse_period(period))
        return record.revision, record.state, record.comment or "", record.reason or ""
    finally:
        service.store.close()


def enabled(win: MainWindow) -> set[str]:
    return {key for key, action in actions_of(win).actions.items() if action.isEnabled()}


def test_the_report_menu_has_every_action_with_a_shortcut(qtbot, filled: AppContext) -> None:
    win = open_window(qtbot, filled)
    menu = win.menus["report"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    for words in (
        "导出草稿",
        "导入填好的表格",
        "提交审核",
        "退回",
        "签发",
        "更正",
        "打印预览",
        "核验文件",
    ):
        assert any(words in t for t in texts), (words, texts)
    shortcuts = {k: a.shortcut().toString() for k, a in actions_of(win).actions.items()}
    assert shortcuts["export_draft"] == "Ctrl+E"
    assert shortcuts["import_workbook"] == "Ctrl+I"
    assert shortcuts["print_preview"] == "Ctrl+P"
    assert all(shortcuts.values()), shortcuts
    # Every shortcut of the window is used once.
    every = [a.shortcut().toString() for a in win.actions() if not a.shortcut().isEmpty()]
    assert len(every) == len(set(every)), sorted(every)
    # A draft: export, import, submit, sign, print, verify; nothing to send back or correct.
    assert enabled(win) == {
        "export_draft",
        "import_workbook",
        "submit",
        "sign",
        "print_preview",
        "verify",
    }


def test_exporting_the_draft_through_the_window_writes_both_files(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    out = tmp_path / "导出"
    out.mkdir()
    return_dialogs.answers["choose_folder"] = str(out)
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    with qtbot.waitSignal(actions.jobDone) as done:
        actions.actions["export_draft"].trigger()
    assert done.args == ["export_draft", "finished"]
    names = sorted(p.name for p in out.iterdir())
    assert names == ["500103_2018Q1_r1_草稿.pdf", "500103_2018Q1_r1_草稿.xlsx"]
    assert all((out / n).stat().st_size > 1000 for n in names)
    dialog = actions.progress
    assert dialog is not None and not dialog.running
    assert str(out / names[0]) in dialog.details.toPlainText()
    assert dialog.bar.value() == dialog.bar.maximum() > 0
    # 打开文件夹 goes through the dialog service: the test opened nothing.
    assert dialog.open_button.isVisible()
    dialog.open_button.click()
    assert return_dialogs.opened == [out]
    # A draft export changes nothing.
    assert state_of(filled.data_dir) == (1, "draft", "", "")


class WatchedPool(QThreadPool):
    """A real pool that notes which thread each job's steps run in."""

    def __init__(self) -> None:
        super().__init__()
        self.worker_threads: list[int] = []

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # type: ignore[override]
        assert isinstance(runnable, Job)
        runnable.signals.progress.connect(
            lambda *_: self.worker_threads.append(threading.get_ident()),
            Qt.ConnectionType.DirectConnection,  # runs where it is emitted: in the worker
        )
        super().start(runnable, priority)


def test_the_job_runs_in_a_worker_thread_and_reports_back(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    pool = WatchedPool()
    filled.pool = pool
    out = tmp_path / "out"
    out.mkdir()
    return_dialogs.answers["choose_folder"] = str(out)
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    gui_thread = threading.get_ident()
    with qtbot.waitSignal(actions.jobDone, timeout=20000) as done:
        actions.actions["export_draft"].trigger()
        # While it runs, the window is free and no second return job can start.
        assert not actions.actions["sign"].isEnabled()
        assert actions.actions["verify"].isEnabled()
    assert done.args == ["export_draft", "finished"]
    assert pool.worker_threads and gui_thread not in pool.worker_threads
    assert len(list(out.iterdir())) == 2
    assert actions.actions["sign"].isEnabled()
    pool.waitForDone()


def test_submit_then_send_back_with_a_comment(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs
) -> None:
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    return_dialogs.answers["question"] = True
    actions.actions["submit"].trigger()
    assert state_of(filled.data_dir)[:2] == (1, "submitted")
    assert "已提交审核" in win.state_label.text()
    assert enabled(win) == {"export_draft", "send_back", "sign", "print_preview", "verify"}
    assert not win.model.editable

    # A comment is required: an empty one is refused by the service and nothing changes.
    return_dialogs.answers["ask_text"] = ["   ", "请补充 2.1 的进展情况"]
    actions.actions["send_back"].trigger()
    assert "退回意见" in return_dialogs.texts("warning")[-1]
    assert state_of(filled.data_dir)[:2] == (1, "submitted")

    actions.actions["send_back"].trigger()
    assert state_of(filled.data_dir) == (1, "draft", "请补充 2.1 的进展情况", "")
    assert win.model.editable
    assert "请补充 2.1 的进展情况" in win.message_line.text()
    win.show_page("overview")
    assert "请补充 2.1 的进展情况" in win.return_features.overview.state.text()


def test_sign_correct_and_the_locked_grid(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    out = tmp_path / "签发"
    return_dialogs.answers.update({"ask_passphrase": PASSPHRASE, "choose_folder": str(out)})
    win = open_window(qtbot, filled)
    win.select_item("2.1")
    actions = actions_of(win)
    with qtbot.waitSignal(actions.jobDone) as done:
        actions.actions["sign"].trigger()
    assert done.args == ["sign", "finished"], actions.progress.details.toPlainText()
    stem = "500103_2018Q1_r1"
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}.pdf", f"{stem}.xlsx", f"{stem}.zip"]
    assert (filled.data_dir / "archive" / f"{stem}.zip").is_file()
    assert state_of(filled.data_dir)[:2] == (1, "signed")
    assert "市残联" in actions.progress.details.toPlainText()
    assert enabled(win) == {"export_draft", "correct", "print_preview", "verify"}
    assert win.pages.isEnabled()  # editing was held only while signing

    # The grid refuses edits and says how to change a signed return.
    row = win.model.row_of("2.1.1")
    win.grid.setCurrentIndex(win.model.index(row, COL_VALUE))
    win.grid.setFocus()
    qtbot.keyClick(win.grid, "7")
    assert "更正" in win.message_line.text()
    assert stored_value(filled.data_dir, PERIOD, "2.1.1") == "1234"

    # 更正 needs a reason; with one, revision 2 opens as an editable draft.
    return_dialogs.answers["ask_text"] = [""]
    actions.actions["correct"].trigger()
    assert "更正原因" in return_dialogs.texts("warning")[-1]
    assert state_of(filled.data_dir)[:2] == (1, "signed")
    return_dialogs.answers["ask_text"] = ["2.1.1 多报了 4 户，更正为 1230"]
    actions.actions["correct"].trigger()
    assert state_of(filled.data_dir) == (2, "draft", "", "2.1.1 多报了 4 户，更正为 1230")
    assert win.model.editable
    assert "第 2 版" in win.state_label.text()
    assert win.model.setData(win.model.index(win.model.row_of("2.1.1"), COL_VALUE), "1230")
    assert stored_value(filled.data_dir, PERIOD, "2.1.1") == "1230"
    assert enabled(win) >= {"sign", "submit"}


def test_a_wrong_passphrase_signs_nothing_and_says_why(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    return_dialogs.answers.update({"ask_passphrase": "not it", "choose_folder": str(out)})
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    with qtbot.waitSignal(actions.jobDone) as done:
        actions.actions["sign"].trigger()
    assert done.args == ["sign", "failed"]
    assert "口令" in actions.progress.details.toPlainText()
    assert not out.exists() or not any(out.iterdir())
    assert state_of(filled.data_dir)[:2] == (1, "draft")
    assert win.model.editable and win.pages.isEnabled()


def test_a_blocked_sign_shows_what_is_left_to_do(
    qtbot, context: AppContext, dialogs: RecordingDialogs
) -> None:
    win = open_window(qtbot, context, "2018Q2")
    actions = actions_of(win)
    actions.actions["sign"].trigger()
    shown = actions.obstacles_dialog
    assert shown is not None and shown.isVisible()
    obstacles = [c for c in context.service.checks(context.service.parse_period("2018Q2"))]
    assert shown.list.topLevelItemCount() == len(obstacles) > 0
    assert str(len(obstacles)) in shown.text.text()
    assert not [a for a in dialogs.asked if a.kind in ("ask_passphrase", "choose_folder")]
    # Enter on a missing value goes to its cell in the grid.
    row = next(
        i
        for i, c in enumerate(shown.list.checks)
        if c.code == "value_missing" and c.target_id == "3.2.1"
    )
    shown.list.activate_row(row)
    assert not shown.isVisible()
    assert win.model.section == "3"
    current = win.grid.currentIndex()
    assert win.model.indicator_at(current.row()).indicator.id == "3.2.1"
    assert current.column() == COL_VALUE


def test_cancelling_the_export_leaves_no_file(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    pool = HeldPool()
    filled.pool = pool
    out = tmp_path / "out"
    out.mkdir()
    return_dialogs.answers["choose_folder"] = str(out)
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    actions.actions["export_draft"].trigger()
    dialog = actions.progress
    assert dialog is not None and dialog.isVisible() and dialog.cancel_button.isVisible()
    (job,) = pool.held
    assert isinstance(job, Job)
    # The clerk presses 取消 while the first step runs.
    job.signals.progress.connect(lambda done, _step: done == 1 and dialog.cancel_button.click())
    with qtbot.waitSignal(actions.jobDone) as ended:
        job.run()
    assert ended.args == ["export_draft", "cancelled"]
    assert list(out.iterdir()) == []
    assert "已取消" in dialog.step.text()
    assert not dialog.open_button.isVisible()
    dialog.reject()  # over: Escape now closes it
    assert not dialog.isVisible()


def test_cancelling_the_sign_writes_nothing_and_keeps_the_draft(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    pool = HeldPool()
    filled.pool = pool
    out = tmp_path / "out"
    return_dialogs.answers.update({"ask_passphrase": PASSPHRASE, "choose_folder": str(out)})
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    actions.actions["sign"].trigger()
    assert not win.pages.isEnabled()  # nothing may change under the signature
    (job,) = pool.held
    job.signals.progress.connect(lambda done, _step: done == 2 and actions.progress.reject())
    with qtbot.waitSignal(actions.jobDone) as ended:
        job.run()
    assert ended.args == ["sign", "cancelled"]
    assert not out.exists() or list(out.iterdir()) == []
    assert not (filled.data_dir / "archive").exists() or not any(
        (filled.data_dir / "archive").iterdir()
    )
    assert state_of(filled.data_dir)[:2] == (1, "draft")
    assert win.pages.isEnabled() and win.model.editable


def test_importing_a_filled_workbook_through_the_window(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    return_dialogs.answers["choose_folder"] = str(out)
    win = open_window(qtbot, filled)
    actions = actions_of(win)
    with qtbot.waitSignal(actions.jobDone):
        actions.actions["export_draft"].trigger()
    workbook = next(out.glob("*.xlsx"))
    # After the export the clerk changed a number in the window; the workbook still has 1234.
    assert win.model.setData(win.model.index(win.model.row_of("2.1.1"), COL_VALUE), "999")
    assert win.undo_stack.count() == 1
    return_dialogs.answers["open_file"] = str(workbook)
    with qtbot.waitSignal(actions.jobDone) as done:
        actions.actions["import_workbook"].trigger()
    assert done.args == ["import_workbook", "finished"], actions.progress.details.toPlainText()
    assert stored_value(filled.data_dir, PERIOD, "2.1.1") == "1234"
    assert win.model.index(win.model.row_of("2.1.1"), COL_VALUE).data() == "1234"
    assert "已导入 1 个指标" in actions.progress.details.toPlainText()
    assert win.undo_stack.count() == 0  # an import is not undone step by step: a backup was made

    # A file that is not a workbook is refused with a reason, and nothing changes.
    fake = tmp_path / "假的.xlsx"
    fake.write_text("这不是工作簿", encoding="utf-8")
    return_dialogs.answers["open_file"] = str(fake)
    with qtbot.waitSignal(actions.jobDone) as done:
        actions.actions["import_workbook"].trigger()
    assert done.args == ["import_workbook", "failed"]
    assert "假的.xlsx" in actions.progress.details.toPlainText()
    assert stored_value(filled.data_dir, PERIOD, "2.1.1") == "1234"


def test_the_overview_follows_the_state(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs
) -> None:
    win = open_window(qtbot, filled)
    win.show_page("overview")
    overview = win.return_features.overview
    assert "草稿" in overview.state.text() and "第 1 版" in overview.state.text()
    assert "可以提交审核" in overview.hint.text()
    return_dialogs.answers["question"] = True
    actions_of(win).actions["submit"].trigger()
    assert "已提交审核" in overview.state.text()
    service = open_office(filled.data_dir, auto_backup=False)
    try:
        assert service.return_record(service.parse_period(PERIOD)).state == "submitted"
    finally:
        service.store.close()
    assert win.pages.currentWidget() is overview
    assert overview.checks.topLevelItemCount() >= 1
    assert win.page_actions["overview"].shortcut().toString() == "Ctrl+2"


@pytest.mark.parametrize("action", ["submit", "sign"])
def test_a_refused_value_still_shown_is_named_before_submitting_or_signing(
    qtbot, filled: AppContext, return_dialogs: ReturnDialogs, tmp_path: Path, action: str
) -> None:
    """The grid shows 2.1.1 as 「1,2,3」 (refused); the store holds 1234: the clerk is told
    that the return carries what is saved, and nothing happens on "no"."""
    return_dialogs.answers.update({"ask_passphrase": PASSPHRASE, "choose_folder": str(tmp_path)})
    win = open_window(qtbot, filled)
    win.select_item("2.1")
    assert not win.model.setData(win.model.index(win.model.row_of("2.1.1"), COL_VALUE), "1,2,3")
    return_dialogs.answers["question"] = [False]
    actions_of(win).actions[action].trigger()
    (asked,) = return_dialogs.texts("question")
    assert "2.1.1" in asked and "1,2,3" in asked and "已保存" in asked
    assert state_of(filled.data_dir)[:2] == (1, "draft")
    assert return_dialogs.texts("ask_passphrase") == []  # stopped before the passphrase

    # Without the refused value (Escape on the cell), nothing more is asked about it.
    win.model.clear_error(win.model.row_of("2.1.1"), COL_VALUE)
    assert win.refused_in_period() == []

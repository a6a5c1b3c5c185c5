"""The 报表(&R) menu: export, import, submit, send back, sign, correct, print, verify.

Each action calls the services of `src/app` (`app.returns.export`,
`app.returns.entry_import`, `app.return_flow`, `app.signing.verify`), which hold
every rule; this module only asks the user, runs the long jobs on the pool with a
progress dialog, and reloads the window after a state change. Actions are enabled
by the current period's return state:

=========== ======= ========= ======
action      draft   submitted signed
=========== ======= ========= ======
导出         yes     yes       yes (the archived signed files)
导入         yes     no        no
提交审核     yes     no        no
退回         no      yes       no
签发         yes     yes       no
更正         no      no        yes
=========== ======= ========= ======

`install_return_features(window)` is the one place the main window calls: it adds
the overview page, these actions and the 计划 menu.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app import return_flow
from app.office import OfficeService
from models.errors import JinduError
from models.periods import Period
from ui.period_texts import period_text

# The overview page, the job runner and its progress dialog are imported where they are
# first used: the window's start shows none of them (about 6 ms of every start).
if TYPE_CHECKING:
    from app.returns.progress import Progress
    from models.checks import Check
    from ui.app_context import AppContext
    from ui.jobs import Job
    from ui.main_window import MainWindow
    from ui.overview_page import OverviewPage
    from ui.plan_switcher import PlanSwitcher
    from ui.print_preview import PrintPreviewDialog
    from ui.progress_dialog import ProgressDialog
    from ui.verify_dialog import VerifyDialog

log = logging.getLogger(__name__)

FOLDER_KEY = "returns/folder"
ACTION_KEYS = (
    "export_draft",
    "import_workbook",
    "submit",
    "send_back",
    "sign",
    "correct",
    "print_preview",
    "verify",
)
# Window actions that write to the store: off while a job signs or imports.
WRITING_ACTIONS = ("undo", "redo", "paste", "clear", "edit_cell")


def overview_title() -> str:
    """The 视图 menu's name for the overview page (named before the page is built)."""
    return QCoreApplication.translate("OverviewPage", "概览(&O)")


def remembered_folder(context: AppContext) -> Path:
    """Where file dialogs open: the folder last used, else the user's documents."""
    stored = context.settings.qsettings.value(FOLDER_KEY)
    if stored and Path(str(stored)).is_dir():
        return Path(str(stored))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class ObstaclesDialog(QDialog):
    """Why the return cannot be signed yet: each check that stops signing, leading to its place."""

    def __init__(self, checks: list[Check], period_text: str, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.count = len(checks)
        self.period_text = period_text
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.list_label = QLabel(self)
        from ui.overview_page import ChecksList

        self.list = ChecksList(self)
        self.list.fill(checks)
        self.list_label.setBuddy(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.text)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.list.targetActivated.connect(self._go)
        self.retranslate()
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("中" * 44), metrics.height() * 22)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        title = self.tr("还不能签发")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.text.setText(
            self.tr(
                "%1的报表还不能签发：有 %2 项须先处理（必须处理的问题，或尚未说明的情况）。"
                "选中一项按回车，转到需要填写或说明的地方。"
            )
            .replace("%1", self.period_text)
            .replace("%2", str(self.count))
        )
        self.list_label.setText(self.tr("须先处理的问题(&L)："))
        self.list.setAccessibleName(self.tr("须先处理的问题"))
        self.list.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(str, str, str)
    def _go(self, target: str, target_id: str, field: str) -> None:
        self.accept()
        self.window_.navigate_to(target, target_id, field)


class ReturnActions(QObject):
    """The return actions of one main window.

    Signals:
        jobDone(str, str): a long job ended: (action key, "finished"/"failed"/"cancelled").
    """

    jobDone = Signal(str, str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.context = window.context
        self.dialogs = window.context.dialogs
        self.actions: dict[str, QAction] = {}
        self.job: Job | None = None
        self.progress: ProgressDialog | None = None
        self.obstacles_dialog: ObstaclesDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        self._preview_dirs: list[Path] = []

        report = window.menus["report"]
        report.addSeparator()
        keys = {
            "export_draft": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
            "import_workbook": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I),
            "submit": QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_U),
            "send_back": QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_B),
            "sign": QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S),
            "correct": QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_R),
            "print_preview": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P),
            "verify": QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_V),
        }
        slots = {
            "export_draft": self.export_draft,
            "import_workbook": self.import_workbook,
            "submit": self.submit,
            "send_back": self.send_back,
            "sign": self.sign,
            "correct": self.correct,
            "print_preview": self.print_preview,
            "verify": self.verify_files,
        }
        for key in ACTION_KEYS:
            action = QAction(window)
            action.setShortcut(keys[key])
            action.triggered.connect(slots[key])
            self.actions[key] = action
            window.register_action(key, action, "report")
            if key in ("import_workbook", "correct"):
                report.addSeparator()
        window.periodChanged.connect(self.update_actions)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            # A preview still open when the program ends leaves no copy in the temp folder.
            app.aboutToQuit.connect(self.remove_preview_dirs)
        self.retranslate()
        self.update_actions()

    # ----- texts and state ---------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "export_draft": (self.tr("导出草稿(&E)…"), self.tr("把本期报表导出为 Excel 和 PDF")),
            "import_workbook": (
                self.tr("导入填好的表格(&I)…"),
                self.tr("读入在 Excel 或 WPS 中填好的本期报表"),
            ),
            "submit": (self.tr("提交审核(&U)…"), self.tr("交给审核人；退回前不能修改")),
            "send_back": (self.tr("退回(&B)…"), self.tr("审核人写明意见，退回填表人修改")),
            "sign": (self.tr("签发(&S)…"), self.tr("检查、签名并锁定本期报表，写出上报文件")),
            "correct": (self.tr("更正(&O)…"), self.tr("已签发的报表需要修改时，开始新的版次")),
            "print_preview": (self.tr("打印预览(&P)…"), self.tr("预览并打印本期报表")),
            "verify": (
                self.tr("核验文件(&V)…"),
                self.tr("核验上报包、PDF 或 Excel 报表的签名是否完好"),
            ),
        }
        for key, (text, tip) in texts.items():
            self.actions[key].setText(text)
            self.actions[key].setStatusTip(tip)
            self.actions[key].setToolTip(tip)
        overview = self.window_.page_actions.get("overview")
        if overview is not None:  # named here too: the page itself may not be built yet
            overview.setText(overview_title())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    @property
    def period(self) -> Period | None:
        return self.window_.model.period

    @property
    def state(self) -> str:
        data = self.window_.model.period_data
        return data.state if data is not None else ""

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    @Slot()
    def update_actions(self, _period: str = "") -> None:
        state = self.state
        busy = self.busy
        allowed = {
            "export_draft": bool(state),
            "import_workbook": state == "draft",
            "submit": state == "draft",
            "send_back": state == "submitted",
            "sign": state in ("draft", "submitted"),
            "correct": state == "signed",
            "print_preview": bool(state),
            "verify": True,
        }
        for key, ok in allowed.items():
            self.actions[key].setEnabled(ok and (key == "verify" or not busy))

    def _after_state_change(self, message: str) -> None:
        # The undo steps were edits of a state that no longer allows them.
        self.window_.undo_stack.clear()
        self.window_.reload()
        self.window_.show_message(message, False)
        self.update_actions()

    def _refuse(self, title: str, error: JinduError) -> None:
        self.dialogs.warning(self.window_, title, error.message)

    def _choose_folder(self, title: str) -> Path | None:
        folder = self.dialogs.choose_folder(self.window_, title, remembered_folder(self.context))
        if folder is not None:
            self.context.settings.qsettings.setValue(FOLDER_KEY, str(folder))
        return folder

    def _period_label(self) -> str:
        assert self.period is not None
        return period_text(self.period)

    # ----- long jobs ---------------------------------------------------------------------------
    def _run(
        self,
        key: str,
        title: str,
        work: Any,
        *,
        folder: Path | None = None,
        describe: Any = None,
        on_done: Any = None,
        writes: bool = False,
        close_when_done: bool = False,
    ) -> Job:
        """Run `work(service, progress)` in the pool with a progress dialog."""
        from ui.jobs import office_job
        from ui.progress_dialog import ProgressDialog

        if self.progress is not None and not self.progress.running:
            self.progress.deleteLater()
        job = office_job(self.context.data_dir, work)
        self.job = job
        if on_done is not None:
            job.signals.finished.connect(on_done)
        if writes:
            self._hold_edits(True)
        dialog = ProgressDialog(title, self.dialogs, self.window_)
        self.progress = dialog
        dialog.attach(job, folder, describe, close_when_done)

        def ended(outcome: str) -> None:
            if writes:
                self._hold_edits(False)
            self.update_actions()
            self.jobDone.emit(key, outcome)

        dialog.ended.connect(ended)
        self.update_actions()
        dialog.show()
        self.context.pool.start(job)
        return job

    def _hold_edits(self, hold: bool) -> None:
        """While a job signs or imports, nothing may change the period under it."""
        window = self.window_
        window.pages.setEnabled(not hold)
        for key in WRITING_ACTIONS:
            action = window.actions_registry.get(key)
            if action is not None:
                action.setEnabled(not hold)
        if not hold:
            window.actions_registry["undo"].setEnabled(window.undo_stack.canUndo())
            window.actions_registry["redo"].setEnabled(window.undo_stack.canRedo())

    # ----- the actions -------------------------------------------------------------------------
    @Slot()
    def export_draft(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        self.window_.save_narratives()
        folder = self._choose_folder(self.tr("选择导出报表的文件夹"))
        if folder is None:
            return
        pid = period.id

        def work(service: OfficeService, progress: Progress) -> list[Path]:
            from app.returns.export import export_return

            return export_return(service, pid, folder, progress=progress)

        title = self.tr("导出%1的报表").replace("%1", self._period_label())
        self._run("export_draft", title, work, folder=folder)

    @Slot()
    def import_workbook(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        self.window_.save_narratives()
        path = self.dialogs.open_file(
            self.window_,
            self.tr("选择填好的报表"),
            remembered_folder(self.context),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if path is None:
            return

        step = self.tr("读取并检查工作簿")

        def work(service: OfficeService, progress: Progress) -> Any:
            from app.returns.entry_import import import_workbook

            progress.start(1)
            progress.advance(step)
            return import_workbook(service, path)

        def describe(result: Any) -> str:
            if result.changed == 0:
                return self.tr("工作簿与已保存的数据相同，没有需要导入的内容。")
            return (
                self.tr("已导入 %1 个指标、%2 项工作任务的修改。导入前已自动备份：%3")
                .replace("%1", str(result.entries))
                .replace("%2", str(result.items))
                .replace("%3", str(result.backup or ""))
            )

        def done(result: Any) -> None:
            self.window_.undo_stack.clear()
            if self.period is not None and result.period != self.period.id:
                self.window_.select_period(result.period)
            else:
                self.window_.reload()
            self.window_.show_message(describe(result), False)

        title = self.tr("导入 %1").replace("%1", path.name)
        self._run("import_workbook", title, work, describe=describe, on_done=done, writes=True)

    @Slot()
    def submit(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        self.window_.save_narratives()
        title = self.tr("提交审核")
        if not self._refusals_accepted(title) or not self.dialogs.question(
            self.window_,
            title,
            self.tr(
                "把%1的报表提交给审核人吗？\n提交后，审核人退回之前不能再修改本期数据。"
            ).replace("%1", self._period_label()),
        ):
            return
        try:
            record = return_flow.submit(self.window_.service, period)
        except JinduError as exc:
            self._refuse(title, exc)
            return
        self._after_state_change(
            self.tr("%1的报表（第 %2 版）已提交审核")
            .replace("%1", self._period_label())
            .replace("%2", str(record.revision))
        )

    @Slot()
    def send_back(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        title = self.tr("退回修改")
        comment = self.dialogs.ask_text(
            self.window_,
            title,
            self.tr("退回意见(&M)：写明需要修改的地方（必填）"),
        )
        if comment is None:
            return
        try:
            return_flow.send_back(self.window_.service, period, comment)
        except JinduError as exc:
            self._refuse(title, exc)
            return
        self._after_state_change(
            self.tr("%1的报表已退回修改：%2")
            .replace("%1", self._period_label())
            .replace("%2", comment.strip())
        )

    @Slot()
    def sign(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        self.window_.save_narratives()
        service = self.window_.service
        found = return_flow.obstacles(service, period)
        if found:
            self.show_obstacles(found)
            return
        record = service.return_record(period)
        title = self.tr("签发")
        if not self._refusals_accepted(title):
            return
        passphrase = self.dialogs.ask_passphrase(
            self.window_,
            title,
            self.tr(
                "签发%1的报表（第 %2 版）。签发后本期报表锁定，修改须更正。\n签名密钥的口令(&W)："
            )
            .replace("%1", self._period_label())
            .replace("%2", str(record.revision)),
        )
        if not passphrase:
            return
        folder = self._choose_folder(self.tr("选择保存签发文件的文件夹"))
        if folder is None:
            return
        pid = period.id

        def work(worker: OfficeService, progress: Progress) -> list[Path]:
            return return_flow.sign(
                worker, worker.parse_period(pid), folder, passphrase, progress=progress
            )

        def describe(paths: Any) -> str:
            assert self.progress is not None
            return (
                self.progress.files_text(paths)
                + "\n\n"
                + self.tr("报表已签发并锁定。请把上报包（.zip 文件）交给市残联。")
            )

        def done(_paths: Any) -> None:
            self._after_state_change(
                self.tr("%1的报表已签发并锁定").replace("%1", self._period_label())
            )

        self._run(
            "sign",
            self.tr("签发%1的报表").replace("%1", self._period_label()),
            work,
            folder=folder,
            describe=describe,
            on_done=done,
            writes=True,
        )

    def _refusals_accepted(self, title: str) -> bool:
        """Whether to go on although the period shows values the store does not hold."""
        refused = self.window_.refused_in_period()
        return not refused or self.dialogs.question(
            self.window_,
            title,
            self.tr(
                "%1还有下面这些内容没有保存（窗口中标有 ⚠ 或仍在输入框里）：\n%2\n\n"
                "报表只含已保存的数据。仍要继续吗？"
            )
            .replace("%1", self._period_label())
            .replace("%2", "\n".join(refused)),
        )

    def show_obstacles(self, checks: list[Check]) -> ObstaclesDialog:
        if self.obstacles_dialog is not None:
            self.obstacles_dialog.deleteLater()
        dialog = ObstaclesDialog(checks, self._period_label(), self.window_)
        self.obstacles_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def correct(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        title = self.tr("更正")
        reason = self.dialogs.ask_text(
            self.window_,
            title,
            self.tr("更正原因(&M)：写明更正的内容和原因（必填，会印在新版次的报表上）"),
        )
        if reason is None:
            return
        try:
            record = return_flow.correct(self.window_.service, period, reason)
        except JinduError as exc:
            self._refuse(title, exc)
            return
        self._after_state_change(
            self.tr("已开始%1报表的第 %2 版（草稿），可以修改了")
            .replace("%1", self._period_label())
            .replace("%2", str(record.revision))
        )

    @Slot()
    def print_preview(self) -> None:
        period = self.period
        if period is None or self.busy:
            return
        self.window_.save_narratives()
        folder = Path(tempfile.mkdtemp(prefix="jindu-preview-"))
        self._preview_dirs.append(folder)
        pid = period.id
        signed = self.state == "signed"

        def work(service: OfficeService, progress: Progress) -> list[Path]:
            from app.returns.export import export_return

            return export_return(service, pid, folder, progress=progress)

        def done(paths: Any) -> None:
            pdf = next(p for p in paths if p.suffix == ".pdf")
            self.open_preview(pdf, signed, folder)

        self._run(
            "print_preview",
            self.tr("准备%1报表的打印预览").replace("%1", self._period_label()),
            work,
            on_done=done,
            close_when_done=True,
        )

    def open_preview(self, pdf: Path, signed: bool, folder: Path | None = None) -> None:
        from ui.print_preview import PrintPreviewDialog

        if self.preview is not None:
            self.preview.close()
        self.preview = PrintPreviewDialog(pdf, self.dialogs, self.window_, signed=signed)
        if folder is not None:
            self.preview.finished.connect(lambda _result: self._remove_preview_dir(folder))
        self.preview.show()

    @Slot()
    def remove_preview_dirs(self) -> None:
        for folder in list(self._preview_dirs):
            self._remove_preview_dir(folder)

    def _remove_preview_dir(self, folder: Path) -> None:
        if self.preview is not None:
            self.preview.document.close()
        shutil.rmtree(folder, ignore_errors=True)
        if folder in self._preview_dirs:
            self._preview_dirs.remove(folder)

    @Slot()
    def verify_files(self) -> None:
        from ui.verify_dialog import VerifyDialog

        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.context, self.window_)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()


@dataclass
class ReturnFeatures:
    """What `install_return_features` added to a main window."""

    window: MainWindow
    actions: ReturnActions
    plans: PlanSwitcher

    @property
    def overview(self) -> OverviewPage:
        """The overview page, built when it is first shown or asked for."""
        from ui.overview_page import OverviewPage

        page = self.window.page("overview")
        assert isinstance(page, OverviewPage)
        return page


def install_return_features(window: MainWindow) -> ReturnFeatures:
    """Add the overview page (Ctrl+2), the 报表 actions and the 计划 menu to `window`."""
    from ui.plan_switcher import PlanSwitcher

    def build_overview() -> OverviewPage:
        from ui.overview_page import OverviewPage

        return OverviewPage(window)

    # The page is built when the clerk first opens it: the start shows the entry page.
    window.add_page(
        "overview", build_overview, overview_title(), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_2)
    )
    actions = ReturnActions(window)
    plans = PlanSwitcher(window)
    return ReturnFeatures(window, actions, plans)

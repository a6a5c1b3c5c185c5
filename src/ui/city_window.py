"""The city window (市残联): receive returns, register districts, completeness, summary,
charts and exports, over the city services of `app.city`.

The window keeps no rule of its own: receiving is `app.city.receive`, the matrix and
the table are `app.city.consolidate`, the exports are `app.city.report`,
`app.city.dhis2`, `app.city.allocation` and `app.city.plan_package`. Long jobs run
on the context's pool (`ui.jobs.Job`) with their own connection to the store.

A city data folder is made with `jindu city setup --name NAME`, or with the
`CitySetupDialog` when the window is opened on a folder marked for the city whose
setup is not finished (`open_city_window`).
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import keys
from app.city.consolidate import LATE, MISSING, NOT_DUE, ON_TIME, CitySummary, Completeness
from app.city.office import CityService, open_city
from app.city.trust import DistrictCert
from app.fingerprints import group_fingerprint
from models.errors import JinduError
from models.periods import Period, due_period, periods_in_year
from ui.app_context import AppContext, restore_geometry
from ui.city_cert_dialog import RegisterCertDialog
from ui.city_charts import percent_text
from ui.city_models import (
    BehindItemsModel,
    SummaryModel,
)
from ui.city_pages import (
    ChartsPage,
    CompletenessPage,
    DistrictsPage,
    ExportsPage,
    ReceivePage,
    SummaryPage,
)
from ui.jobs import Job
from ui.period_bar import PeriodBar
from ui.period_texts import period_text

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PAGES = ("receive", "districts", "completeness", "summary", "charts", "exports")
PACKAGE_FILTER = "*.zip"
CERT_FILTER = "*.pem *.crt *.cer"
XLSX_FILTER = "*.xlsx"


def city_job(data_dir: Path, work: Callable[[CityService, Any], Any]) -> Job:
    """A job on the city folder through its own connection: one never crosses threads."""

    def fn(progress: Any) -> Any:
        service = open_city(data_dir, auto_backup=False)
        try:
            return work(service, progress)
        finally:
            service.store.close()

    return Job(fn)


# ----- the window ---------------------------------------------------------------------------------


class CityWindow(QMainWindow):
    """The city office's window.

    Signals:
        periodChanged(str): the selected period's id, after the pages show it.
        importFinished(object): the list of `ImportResult` of an import that ended.
    """

    periodChanged = Signal(str)
    importFinished = Signal(object)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        period: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.city = CityService(context.service.store)
        self.info = self.city.city()
        self.plan = self.city.plan()
        self.today = today
        self.periods = periods_in_year(self.plan.year, self.plan.frequency)
        # The period whose returns are expected now (the year's last once the year is over).
        self.period: Period = (
            self.city.parse_period(period)
            if period
            else due_period(self.plan.year, self.plan.frequency, self.plan.due_days, today())
        )
        self.summary: CitySummary | None = None
        self.completeness: Completeness | None = None
        self.certs: list[DistrictCert] = []
        self.actions_registry: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.import_job: Job | None = None
        self.import_paths: list[Path] = []
        self.jobs: list[Any] = []  # progress dialogs of running exports, kept alive
        self._refresh_after: set[int] = set()  # jobs whose success changes what the pages show
        self.setAcceptDrops(True)

        self._build_widgets()
        self._build_actions()
        self._connect()
        self.retranslate()
        self.apply_appearance()
        self._restore_state()
        self._fill_periods()
        self.select_period(self.period.id)
        self.show_page("receive")

    # ----- building -----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        self.period_bar = PeriodBar(central)
        self.city_label = self.period_bar.name_label
        self.period_label = self.period_bar.period_label
        self.period_combo = self.period_bar.period_combo
        self.time_label = self.period_bar.info_label
        outer.addLayout(self.period_bar.layout)

        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.receive_page = ReceivePage(self.tabs)
        self.districts_page = DistrictsPage(self.tabs)
        self.completeness_page = CompletenessPage(self.tabs)
        self.summary_page = SummaryPage(self.tabs)
        self.charts_page = ChartsPage(self.tabs)
        self.exports_page = ExportsPage(self.tabs)
        self.pages: dict[str, QWidget] = {
            "receive": self.receive_page,
            "districts": self.districts_page,
            "completeness": self.completeness_page,
            "summary": self.summary_page,
            "charts": self.charts_page,
            "exports": self.exports_page,
        }
        for page in self.pages.values():
            self.tabs.addTab(page, "")
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.due_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.due_status)

    def _add(
        self, key: str, menu: QMenu, shortcut: QKeySequence | None, slot: Callable[[], Any]
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None and not shortcut.isEmpty():
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_registry[key] = action
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        for key in ("file", "view", "export", "help"):
            self.menus[key] = bar.addMenu("")
        file_menu, view, export, help_menu = (
            self.menus[k] for k in ("file", "view", "export", "help")
        )
        ctrl, shift = Qt.Modifier.CTRL, Qt.Modifier.SHIFT
        self._add(
            "import_files", file_menu, QKeySequence(ctrl | Qt.Key.Key_O), self.choose_packages
        )
        self._add(
            "import_folder",
            file_menu,
            QKeySequence(ctrl | Qt.Key.Key_D),
            self.choose_package_folder,
        )
        self._add(
            "register",
            file_menu,
            QKeySequence(ctrl | Qt.Key.Key_G),
            self.register_certificate_dialog,
        )
        file_menu.addSeparator()
        editor = self._add(
            "plan_editor", file_menu, QKeySequence(ctrl | Qt.Key.Key_E), self.open_plan_editor
        )
        # The plan editor is another engineer's module; without it the action is hidden.
        editor.setVisible(importlib.util.find_spec("ui.plan_editor") is not None)
        self._add("settings", file_menu, QKeySequence(ctrl | Qt.Key.Key_Comma), self.open_settings)
        self._add(
            "open_folder",
            file_menu,
            QKeySequence(ctrl | shift | Qt.Key.Key_O),
            self.open_data_folder,
        )
        file_menu.addSeparator()
        self._add("quit", file_menu, QKeySequence(ctrl | Qt.Key.Key_Q), self.close)

        group = QActionGroup(self)
        group.setExclusive(True)
        for n, key in enumerate(PAGES):
            action = self._add(
                f"page_{key}",
                view,
                QKeySequence(ctrl | Qt.Key(Qt.Key.Key_1.value + n)),
                lambda key=key: self.show_page(key),  # type: ignore[misc]
            )
            action.setCheckable(True)
            group.addAction(action)
        view.addSeparator()
        self._add(
            "previous_period",
            view,
            QKeySequence(ctrl | Qt.Key.Key_PageUp),
            lambda: self.step_period(-1),
        )
        self._add(
            "next_period",
            view,
            QKeySequence(ctrl | Qt.Key.Key_PageDown),
            lambda: self.step_period(1),
        )
        self._add("refresh", view, QKeySequence(QKeySequence.StandardKey.Refresh), self.refresh)

        self._add(
            "export_report", export, QKeySequence(ctrl | shift | Qt.Key.Key_R), self.export_report
        )
        self._add(
            "export_dhis2",
            export,
            QKeySequence(ctrl | shift | Qt.Key.Key_J),
            lambda: self.export_dhis2("dhis2-json"),
        )
        self._add(
            "export_adx",
            export,
            QKeySequence(ctrl | shift | Qt.Key.Key_X),
            lambda: self.export_dhis2("adx"),
        )
        export.addSeparator()
        self._add(
            "allocation_export",
            export,
            QKeySequence(ctrl | shift | Qt.Key.Key_E),
            self.export_allocation,
        )
        self._add(
            "allocation_import",
            export,
            QKeySequence(ctrl | shift | Qt.Key.Key_I),
            self.import_allocation,
        )
        self._add(
            "plan_export", export, QKeySequence(ctrl | shift | Qt.Key.Key_S), self.export_plan
        )

        self._add(
            "keys_help",
            help_menu,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            self.show_keys_help,
        )
        self._add("about", help_menu, None, self.show_about)

    def _connect(self) -> None:
        self.period_combo.activated.connect(self._period_chosen)
        self.tabs.currentChanged.connect(self._tab_changed)
        page = self.receive_page
        page.choose_files.clicked.connect(self.choose_packages)
        page.choose_folder.clicked.connect(self.choose_package_folder)
        page.cancel.clicked.connect(self.cancel_import)
        self.districts_page.register.clicked.connect(self.register_certificate_dialog)
        exports = self.exports_page
        exports.report.clicked.connect(self.export_report)
        exports.dhis2.clicked.connect(lambda: self.export_dhis2("dhis2-json"))
        exports.adx.clicked.connect(lambda: self.export_dhis2("adx"))
        exports.allocation_export.clicked.connect(self.export_allocation)
        exports.allocation_import.clicked.connect(self.import_allocation)
        exports.plan_export.clicked.connect(self.export_plan)

    # ----- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles = {
            "file": self.tr("文件(&F)"),
            "view": self.tr("视图(&V)"),
            "export": self.tr("导出(&X)"),
            "help": self.tr("帮助(&H)"),
        }
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        page_titles = self.page_titles()
        texts = {
            "import_files": self.tr("导入上报包(&I)…"),
            "import_folder": self.tr("导入文件夹中的上报包(&D)…"),
            "register": self.tr("登记区县证书(&G)…"),
            "plan_editor": self.tr("计划编辑器(&E)…"),
            "settings": self.tr("设置(&S)…"),
            "open_folder": self.tr("打开数据文件夹(&O)"),
            "quit": self.tr("退出(&X)"),
            "previous_period": self.tr("上一报告期(&B)"),
            "next_period": self.tr("下一报告期(&N)"),
            "refresh": self.tr("重新读取(&R)"),
            "export_report": self.tr("全市汇总报表（Excel 和 PDF）(&R)…"),
            "export_dhis2": self.tr("DHIS2 JSON(&J)…"),
            "export_adx": self.tr("ADX XML(&X)…"),
            "allocation_export": self.tr("导出任务分解表(&E)…"),
            "allocation_import": self.tr("导入任务分解表(&I)…"),
            "plan_export": self.tr("签发计划包(&S)…"),
            "keys_help": self.tr("键盘操作(&K)"),
            "about": self.tr("关于进度(&A)"),
        }
        for key, title in page_titles.items():
            texts[f"page_{key}"] = title
        for key, text in texts.items():
            self.actions_registry[key].setText(text)
        for n, key in enumerate(PAGES):
            self.tabs.setTabText(n, page_titles[key])
        self.tabs.setAccessibleName(self.tr("页面"))
        self.tabs.tabBar().setAccessibleName(self.tr("页面"))
        self.tabs.tabBar().setAccessibleDescription(self.tr("Ctrl+1 至 Ctrl+6 直接转到各页"))
        self.city_label.setText(self.tr("%1（市残联汇总）").replace("%1", self.info.name))
        self.city_label.setAccessibleName(self.tr("本单位"))
        self.period_label.setText(self.tr("报告期(&P)："))
        self.period_combo.setAccessibleName(self.tr("报告期"))
        self.period_combo.setAccessibleDescription(
            self.tr("汇总、完整性、图表和导出都按所选报告期；Ctrl+PgUp/PgDn 切换")
        )
        for page in (
            self.receive_page,
            self.districts_page,
            self.completeness_page,
            self.summary_page,
            self.charts_page,
            self.exports_page,
        ):
            page.retranslate()
        self.setWindowTitle(
            self.tr("进度 — %1 — %2").replace("%1", self.plan.title).replace("%2", self.info.name)
        )
        if self.summary is not None:
            self._fill_periods()
            self._show_data()

    def page_titles(self) -> dict[str, str]:
        return {
            "receive": self.tr("接收报表(&1)"),
            "districts": self.tr("区县登记(&2)"),
            "completeness": self.tr("完整性(&3)"),
            "summary": self.tr("汇总(&4)"),
            "charts": self.tr("图表(&5)"),
            "exports": self.tr("导出(&6)"),
        }

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- pages -------------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.pages[key])

    def current_page(self) -> str:
        widget = self.tabs.currentWidget()
        return next(k for k, w in self.pages.items() if w is widget)

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        key = self.current_page()
        self.actions_registry[f"page_{key}"].setChecked(True)

    # ----- periods and data ----------------------------------------------------------------------
    def _fill_periods(self) -> None:
        self.period_bar.fill(self.periods, self.period.id)

    @Slot(int)
    def _period_chosen(self, index: int) -> None:
        self.select_period(self.period_bar.period_at(index))

    def step_period(self, step: int) -> None:
        found = self.period_bar.neighbour(step)
        if found is not None:
            self.select_period(found)

    def select_period(self, period_id: str) -> None:
        period = next((p for p in self.periods if p.id == period_id), None)
        if period is None:
            period = self.city.parse_period(period_id)
        self.period = period
        self.period_bar.show_period(period.id)
        self.refresh()
        self.periodChanged.emit(period.id)

    @Slot()
    def refresh(self) -> None:
        """Read everything the pages show for the selected period again."""
        from app.city.consolidate import completeness, summarize
        from app.city.trust import registered_certs

        self.summary = summarize(self.city, self.period, self.plan)
        self.completeness = completeness(self.city, self.period, self.today(), self.plan)
        self.certs = registered_certs(self.city)
        self._show_data()

    def _show_data(self) -> None:
        summary, matrix = self.summary, self.completeness
        if summary is None or matrix is None:
            return
        period = self.period
        due = period.due_date(self.plan.due_days)
        self.time_label.setText(
            self.tr("时间进度 %1").replace("%1", percent_text(period.time_percent))
        )
        self.due_status.setText(self.tr("报送截止：%1").replace("%1", due.isoformat()))

        # 区县登记
        page = self.districts_page
        page.model.set_certs(self.certs)
        pinned = [c for c in self.certs if c.source != "registered"]
        page.counts.setText(
            self.tr("已登记 %1 个区县的证书（应报区县 %2 个）。")
            .replace("%1", str(len(self.certs)))
            .replace("%2", str(len(summary.districts)))
        )
        page.note.setVisible(bool(pinned))
        page.note.setText(
            self.tr(
                "注意：%1 的证书是首次接收其上报包时自动登记的（待核对）："
                "请与区县电话核对指纹，或登记区县交来的证书文件。"
            ).replace("%1", "、".join(c.name for c in pinned))
        )

        # 完整性
        comp = self.completeness_page
        comp.model.set_result(matrix)
        counts = matrix.counts()
        states = comp.model
        comp.heading.setText(
            self.tr("%1（报送截止 %2，判断日 %3）：%4")
            .replace("%1", period_text(period))
            .replace("%2", due.isoformat())
            .replace("%3", matrix.today.isoformat())
            .replace(
                "%4",
                self.tr("，").join(
                    self.tr("%1 %2 个")
                    .replace("%1", states.state_text(state))
                    .replace("%2", str(counts[state]))
                    for state in (ON_TIME, LATE, MISSING, NOT_DUE)
                ),
            )
        )
        comp.table.resizeColumnsToContents()

        # 汇总
        sp = self.summary_page
        sp.model.set_summary(summary)
        sp.behind_model.set_items(summary.behind_items)
        sp.heading.setText(
            self.tr("%1：已报区县 %2 个，应报 %3 个；时间进度 %4；%5 个指标有区县滞后")
            .replace("%1", period_text(period))
            .replace("%2", str(len(summary.reporting)))
            .replace("%3", str(len(summary.districts)))
            .replace("%4", percent_text(period.time_percent))
            .replace("%5", str(sum(1 for s in summary.indicators if s.behind)))
        )
        header = sp.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        sp.table.resizeColumnsToContents()
        limit = self.fontMetrics().horizontalAdvance("中" * 22)
        if sp.table.columnWidth(SummaryModel.COL_INDICATOR) > limit:
            sp.table.setColumnWidth(SummaryModel.COL_INDICATOR, limit)
        sp.behind.resizeColumnsToContents()
        for column in (BehindItemsModel.COL_PROBLEMS, BehindItemsModel.COL_NEXT):
            sp.behind.setColumnWidth(column, min(sp.behind.columnWidth(column), limit))

        # 图表
        from app.city.report import district_completion, section_completion

        reference = self.tr("时间进度 %1").replace("%1", percent_text(period.time_percent))
        behind = self.tr("滞后")
        charts = self.charts_page
        charts.by_section.set_data(
            self.tr("各部分完成率（该部分各指标全市完成率的平均值）"),
            [
                (name, value, self.tr("无可计算的完成率"))
                for name, value in section_completion(summary)
            ],
            period.time_percent,
            reference,
            behind,
        )
        charts.by_district.set_data(
            self.tr("各区县平均完成率（该区县计数、金额类指标完成率的平均值）"),
            [
                (
                    name,
                    value,
                    self.tr("无可计算的完成率") if code in summary.reporting else self.tr("未报"),
                )
                for code, name, value in district_completion(summary)
            ],
            period.time_percent,
            reference,
            behind,
        )

    # ----- receiving -------------------------------------------------------------------------------
    def choose_packages(self) -> None:
        paths = self.context.dialogs.open_files(
            self,
            self.tr("选择上报包"),
            self.context.data_dir,
            self.tr("上报包 (%1);;所有文件 (*)").replace("%1", PACKAGE_FILTER),
        )
        if paths:
            self.import_packages(paths)

    def choose_package_folder(self) -> None:
        folder = self.context.dialogs.choose_folder(
            self, self.tr("选择存放上报包的文件夹"), self.context.data_dir
        )
        if folder is not None:
            self.import_packages([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event) and self.import_job is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_paths(event) and self.import_job is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_packages(paths)

    @staticmethod
    def _dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def import_packages(self, paths: list[Path]) -> bool:
        """Verify and receive the packages named (files or folders); False if nothing started."""
        from app.city.receive import collect_packages
        from app.city.receive import import_packages as receive

        self.show_page("receive")
        page = self.receive_page
        if self.import_job is not None:
            self.context.dialogs.warning(
                self,
                self.tr("正在导入"),
                self.tr("上一次导入还没有结束，请等它结束或取消后再导入。"),
            )
            return False
        try:
            found = collect_packages(paths)
        except JinduError as exc:
            self.context.dialogs.warning(self, self.tr("无法导入"), exc.message)
            return False
        if not found:
            self.context.dialogs.warning(
                self,
                self.tr("没有上报包"),
                self.tr("所选位置没有上报包（.zip 文件）：%1").replace(
                    "%1", "；".join(str(p) for p in paths)
                ),
            )
            return False
        self.import_paths = found
        job = city_job(
            self.context.data_dir,
            lambda service, progress: receive(service, found, progress=progress),
        )
        self.import_job = job
        page.set_running(True)
        page.bar.setRange(0, len(found))
        page.bar.setValue(0)
        page.step.setText(self.tr("正在验证 %1 个上报包…").replace("%1", str(len(found))))
        page.counts.setText("")
        job.signals.started.connect(self._import_started)
        job.signals.progress.connect(self._import_progress)
        job.signals.finished.connect(self._import_finished)
        job.signals.failed.connect(self._import_failed)
        job.signals.cancelled.connect(self._import_failed)
        for key in ("import_files", "import_folder"):
            self.actions_registry[key].setEnabled(False)
        self.context.pool.start(job)
        return True

    @Slot()
    def cancel_import(self) -> None:
        if self.import_job is not None:
            self.import_job.cancel()
            self.receive_page.cancel.setEnabled(False)
            self.receive_page.step.setText(self.tr("正在取消：当前上报包处理完后停止…"))

    @Slot(int)
    def _import_started(self, total: int) -> None:
        self.receive_page.bar.setRange(0, max(total, 1))
        self.receive_page.bar.setValue(0)

    @Slot(int, str)
    def _import_progress(self, done: int, step: str) -> None:
        page = self.receive_page
        page.bar.setValue(min(done, page.bar.maximum()))
        if step:
            text = (
                self.tr("%1（%2/%3）")
                .replace("%1", step)
                .replace("%2", str(done + 1))
                .replace("%3", str(page.bar.maximum()))
            )
            page.step.setText(text)
            page.bar.setAccessibleDescription(text)

    def _import_over(self) -> None:
        self.import_job = None
        self.receive_page.set_running(False)
        for key in ("import_files", "import_folder"):
            self.actions_registry[key].setEnabled(True)

    @Slot(object)
    def _import_finished(self, results: object) -> None:
        job = self.import_job
        cancelled = job is not None and job.cancelled
        self._import_over()
        found = list(results) if isinstance(results, list) else []
        page = self.receive_page
        page.model.set_results(found)
        page.bar.setValue(len(found))
        counts = page.model.counts()
        text = (
            self.tr("共 %1 个上报包：接收 %2 个，此前已接收 %3 个，拒收 %4 个。")
            .replace("%1", str(len(found)))
            .replace("%2", str(counts["accepted"]))
            .replace("%3", str(counts["duplicate"]))
            .replace("%4", str(counts["refused"]))
        )
        left = len(self.import_paths) - len(found)
        if cancelled and left > 0:
            text += self.tr("已取消：其余 %1 个未导入，可再次导入。").replace("%1", str(left))
        page.step.setText(self.tr("导入已结束。") if not cancelled else self.tr("导入已取消。"))
        page.counts.setText(text)
        page.results.setAccessibleDescription(text)
        self.statusBar().showMessage(text, 10000)
        page.select_first("refused" if counts["refused"] else None)
        page.results.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()
        self.importFinished.emit(found)

    @Slot(str)
    def _import_failed(self, message: str) -> None:
        self._import_over()
        self.receive_page.step.setText(self.tr("导入未完成。"))
        self.receive_page.counts.setText(message)
        self.context.dialogs.error(self, self.tr("导入未完成"), message)
        self.refresh()

    # ----- registering districts ----------------------------------------------------------------------
    def register_certificate_dialog(self) -> None:
        dialog = RegisterCertDialog(
            self.city.expected_districts(self.plan),
            self.register_certificate,
            self._browse_certificate,
            self,
        )
        dialog.exec()

    def _browse_certificate(self) -> Path | None:
        return self.context.dialogs.open_file(
            self,
            self.tr("选择区县证书文件"),
            self.context.data_dir,
            self.tr("证书 (%1);;所有文件 (*)").replace("%1", CERT_FILTER),
        )

    def register_certificate(self, district: str, cert_path: Path) -> bool:
        """Register a district's certificate (`city trust`); True when it is on record."""
        from app.city.trust import current_cert, resolve_district, trust_district
        from app.signing import crypto

        dialogs = self.context.dialogs
        title = self.tr("登记区县证书")
        try:
            found = resolve_district(district)
            old = current_cert(self.city, found.code)
            if cert_path.is_file() and old is not None:
                offered = crypto.load_cert_file(cert_path)
                new_fp = keys.fingerprint(offered)
                # Another district's certificate is refused below, without asking first.
                if keys.cert_district(offered) == found.code and old.fingerprint != new_fp:
                    ask = (
                        self.tr(
                            "%1 已登记了另一张证书（指纹 %2）。\n\n用新证书（指纹 %3）取代它吗？"
                            "取代后，用旧密钥签发的上报包将被拒收。请先与区县电话核对新指纹。"
                        )
                        .replace("%1", found.name)
                        .replace("%2", old.fingerprint_grouped)
                        .replace("%3", group_fingerprint(new_fp))
                    )
                    if not dialogs.question(self, title, ask):
                        return False
            result = trust_district(self.city, found.code, cert_path)
        except JinduError as exc:
            dialogs.error(self, title, exc.message)
            return False
        cert = result.cert
        if result.unchanged:
            text = self.tr("%1 的这张证书已经登记过，无变化。\n指纹：%2")
        elif result.replaced is not None:
            text = self.tr(
                "已登记 %1 的新证书，取代原证书。\n新指纹：%2\n请确认已与区县电话核对新指纹。"
            )
        else:
            text = self.tr("已登记 %1 的证书。\n指纹：%2\n请与区县电话核对此指纹。")
        text = text.replace("%1", cert.name).replace("%2", cert.fingerprint_grouped)
        if result.warnings:
            text += "\n\n" + "\n".join(result.warnings)
        dialogs.information(self, title, text)
        self.refresh()
        self.show_page("districts")
        return True

    # ----- exports ------------------------------------------------------------------------------------
    def _run_export(
        self,
        title: str,
        work: Callable[[CityService, Any], Any],
        folder: Path | None,
        describe: Callable[[Any], str] | None = None,
        refresh: bool = False,
    ) -> Any:
        from ui.progress_dialog import run_job

        def steps(service: CityService, progress: Any) -> Any:
            progress.start(1)
            progress.advance(title)
            try:
                return work(service, progress)
            finally:
                progress.finish()

        job = city_job(self.context.data_dir, steps)
        if refresh:
            self._refresh_after.add(id(job.signals))
        # A bound slot of the window: Qt delivers the worker's signal in the GUI thread.
        job.signals.finished.connect(self._export_done)
        dialog = run_job(self.context, self, title, job, folder=folder, describe=describe)
        self.jobs.append(dialog)
        dialog.finished.connect(lambda _code, d=dialog: self._forget(d))
        return dialog

    def _forget(self, dialog: Any) -> None:
        if dialog in self.jobs:
            self.jobs.remove(dialog)

    @Slot(object)
    def _export_done(self, result: object) -> None:
        sender = self.sender()
        refresh = sender is not None and id(sender) in self._refresh_after
        if sender is not None:
            self._refresh_after.discard(id(sender))
        paths = [p for p in result if isinstance(p, Path)] if isinstance(result, list) else []
        if isinstance(result, Path):
            paths = [result]
        for path in paths:
            self.exports_page.written.addItem(str(path))
        if refresh:
            self.refresh()

    def export_report(self) -> Any:
        from app.city.report import build_report

        folder = self.context.dialogs.choose_folder(
            self, self.tr("选择保存汇总报表的文件夹"), self.context.data_dir
        )
        if folder is None:
            return None
        period, today = self.period, self.today()
        return self._run_export(
            self.tr("导出全市汇总报表（%1）").replace("%1", period_text(period)),
            lambda service, _p: build_report(service, period, folder, today),
            folder,
        )

    def export_dhis2(self, fmt: str) -> Any:
        from app.city.dhis2 import export

        period = self.period
        suffix = "json" if fmt == "dhis2-json" else "xml"
        name = (
            f"city_{self.plan.id}_{period.id}_{'dhis2' if fmt == 'dhis2-json' else 'adx'}.{suffix}"
        )
        label = "DHIS2 JSON" if fmt == "dhis2-json" else "ADX XML"
        out = self.context.dialogs.save_file(
            self,
            self.tr("导出 %1").replace("%1", label),
            self.context.data_dir / name,
            f"{label} (*.{suffix})",
        )
        if out is None:
            return None
        return self._run_export(
            self.tr("导出 %1（%2）").replace("%1", label).replace("%2", period_text(period)),
            lambda service, _p: export(service, period, fmt, out),
            out.parent,
        )

    def export_allocation(self) -> Any:
        from app.city.allocation import export_workbook

        out = self.context.dialogs.save_file(
            self,
            self.tr("导出任务分解表"),
            self.context.data_dir / f"任务分解表_{self.plan.id}.xlsx",
            self.tr("Excel 工作簿 (%1)").replace("%1", XLSX_FILTER),
        )
        if out is None:
            return None
        return self._run_export(
            self.tr("导出任务分解表"),
            lambda service, _p: [export_workbook(service, out)],
            out.parent,
        )

    def import_allocation(self) -> Any:
        from app.city.allocation import import_workbook

        path = self.context.dialogs.open_file(
            self,
            self.tr("导入任务分解表"),
            self.context.data_dir,
            self.tr("Excel 工作簿 (%1)").replace("%1", XLSX_FILTER),
        )
        if path is None:
            return None

        def describe(result: Any) -> str:
            text = (
                self.tr("已导入计划 %1 的任务分解表：%2 个目标，其中 %3 处有变化。")
                .replace("%1", result.plan)
                .replace("%2", str(result.count))
                .replace("%3", str(result.changed))
            )
            if result.warnings:
                text += "\n" + "\n".join(
                    self.tr("提醒：%1").replace("%1", w) for w in result.warnings
                )
            return text

        return self._run_export(
            self.tr("导入任务分解表"),
            lambda service, _p: import_workbook(service, path),
            None,
            describe,
            refresh=True,
        )

    def export_plan(self) -> Any:
        from app.city.plan_package import export_package
        from app.city.plan_package import package_name as plan_package_name

        dialogs = self.context.dialogs
        title = self.tr("签发计划包")
        if not keys.has_identity(self.context.data_dir):
            dialogs.error(self, title, self.tr("市残联还没有签名密钥，请先运行 jindu city setup。"))
            return None
        out = dialogs.save_file(
            self,
            title,
            self.context.data_dir / plan_package_name(self.plan),
            self.tr("计划包 (%1)").replace("%1", PACKAGE_FILTER),
        )
        if out is None:
            return None
        passphrase = dialogs.ask_passphrase(self, title, self.tr("市残联签名密钥的口令(&W)："))
        if not passphrase:
            return None
        return self._run_export(
            title,
            lambda service, _p: [export_package(service, out, passphrase)],
            out.parent,
            lambda result: (
                self.tr(
                    "计划包已签发：%1\n市残联证书指纹：%2\n区县首次导入时会显示这个指纹，请让区县核对。"
                )
                .replace("%1", str(result[0]))
                .replace("%2", keys.load_info(self.context.data_dir).fingerprint_grouped)
            ),
        )

    # ----- other actions -----------------------------------------------------------------------------
    def open_plan_editor(self) -> None:
        try:
            from ui.plan_editor import PlanEditor  # another engineer's module
        except ImportError:
            self.actions_registry["plan_editor"].setVisible(False)
            return
        editor = PlanEditor(self.context, self)
        editor.published.connect(self._plan_published)
        editor.show()

    @Slot(str, int)
    def _plan_published(self, _plan_id: str, _version: int) -> None:
        # A new version of the plan may now be the city's: read it, and everything, again.
        self.plan = self.city.plan()
        self.periods = periods_in_year(self.plan.year, self.plan.frequency)
        if self.period not in self.periods:
            self.period = self.periods[0]
        self._fill_periods()
        self.refresh()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        dialog.restored.connect(self.refresh)
        dialog.exec()
        self.apply_appearance()

    def apply_appearance(self) -> None:
        high = self.context.appearance is not None and self.context.appearance.high_contrast
        for model in (
            self.receive_page.model,
            self.districts_page.model,
            self.completeness_page.model,
            self.summary_page.model,
            self.summary_page.behind_model,
        ):
            model.set_use_colour(not high)

    def open_data_folder(self) -> None:
        self.context.dialogs.open_folder(self.context.data_dir)

    def show_keys_help(self) -> None:
        self.context.dialogs.information(
            self,
            self.tr("键盘操作"),
            self.tr(
                "Ctrl+1 至 Ctrl+6：接收报表、区县登记、完整性、汇总、图表、导出\n"
                "Ctrl+O：导入上报包；Ctrl+D：导入文件夹中的上报包；也可把文件拖到窗口\n"
                "Ctrl+G：登记区县证书\n"
                "Ctrl+PgUp / Ctrl+PgDn：上一个 / 下一个报告期；F5：重新读取\n"
                "Ctrl+Shift+R：导出全市汇总报表；Ctrl+Shift+J / X：DHIS2 JSON / ADX\n"
                "Tab：在框之间移动；表格中用方向键，列标题可排序"
            ),
        )

    def show_about(self) -> None:
        from app import __version__

        self.context.dialogs.information(
            self,
            self.tr("关于进度"),
            self.tr("进度（Jindu）%1\n市残联：接收、验证和汇总区县报表\n\n数据文件夹：%2\n日志：%3")
            .replace("%1", __version__)
            .replace("%2", str(self.context.data_dir))
            .replace("%3", str(self.context.log_dir)),
        )

    # ----- window state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self.context.settings
        restore_geometry(self, settings, "city_geometry")
        for key, splitter in (
            ("city_receive_splitter", self.receive_page.splitter),
            ("city_summary_splitter", self.summary_page.splitter),
        ):
            state = settings.state(key)
            if state is not None:
                splitter.restoreState(state)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set_state("city_geometry", self.saveGeometry())
        settings.set_state("city_receive_splitter", self.receive_page.splitter.saveState())
        settings.set_state("city_summary_splitter", self.summary_page.splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_job is not None:
            # Stop at the next package; what was received stays received.
            self.import_job.cancel()
        self.save_state()
        super().closeEvent(event)


def open_city_window(context: AppContext) -> CityWindow | None:
    """The city window on a city folder, after the setup dialog when its setup is unfinished."""
    service = CityService(context.service.store)
    if service.store.meta("office.district"):
        try:
            service.city()
        except JinduError as exc:
            context.dialogs.error(
                None, translate("CityWindow", "不是市残联的数据文件夹"), exc.message
            )
        return None
    if not service.is_city or not keys.has_identity(context.data_dir):
        from ui.city_setup_dialog import CitySetupDialog

        dialog = CitySetupDialog(context)
        if not dialog.exec():
            return None
    return CityWindow(context)

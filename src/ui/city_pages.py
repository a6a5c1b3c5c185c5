"""The city window's pages: receive, districts, completeness, summary, charts and exports."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.city.receive import ImportResult
from ui.city_charts import BarChart
from ui.city_models import (
    BEHIND_MARK,
    BehindItemsModel,
    CertModel,
    CompletenessModel,
    ImportResultModel,
    SortRole,
    SummaryModel,
)

translate = QCoreApplication.translate

# ----- pages --------------------------------------------------------------------------------------


def _heading(parent: QWidget) -> QLabel:
    """A page's heading line: bold, wrapping at any font size."""
    label = QLabel(parent)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _table(parent: QWidget, model: Any, sortable: bool = True) -> tuple[QTableView, Any]:
    """A read-only table over `model` through a sorting proxy; the view and the proxy."""
    view = QTableView(parent)
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order at first
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # Rows as high as their text, at any font size (the default is a fixed 30 pixels).
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setHighlightSections(False)
    return view, proxy


class ReceivePage(QWidget):
    """接收报表: drop or choose packages; a bar with cancel; one result per file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.drop_zone = QLabel(self)
        self.drop_zone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setFrameShadow(QFrame.Shadow.Sunken)
        self.drop_zone.setMinimumHeight(self.fontMetrics().height() * 3)
        buttons = QHBoxLayout()
        self.choose_files = QPushButton(self)
        self.choose_folder = QPushButton(self)
        buttons.addWidget(self.choose_files)
        buttons.addWidget(self.choose_folder)
        buttons.addStretch(1)

        progress_row = QHBoxLayout()
        self.bar_label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar_label.setBuddy(self.bar)
        self.cancel = QPushButton(self)
        progress_row.addWidget(self.bar_label)
        progress_row.addWidget(self.bar, 1)
        progress_row.addWidget(self.cancel)
        self.step = QLabel(self)
        self.step.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = ImportResultModel(self)
        self.results_label = QLabel(self)
        self.results, self.proxy = _table(self, self.model)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(
            ImportResultModel.COL_OUTCOME, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            ImportResultModel.COL_FILE, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            ImportResultModel.COL_RETURN, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setStretchLastSection(True)
        self.results_label.setBuddy(self.results)
        self.details_label = QLabel(self)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        self.details_label.setBuddy(self.details)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        top_box = QWidget(splitter)
        top_layout = QVBoxLayout(top_box)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.results_label)
        top_layout.addWidget(self.results)
        bottom_box = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom_box)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.details_label)
        bottom_layout.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter

        layout.addWidget(self.intro)
        layout.addWidget(self.drop_zone)
        layout.addLayout(buttons)
        layout.addLayout(progress_row)
        layout.addWidget(self.step)
        layout.addWidget(self.counts)
        layout.addWidget(splitter, 1)
        self.set_running(False)
        self.results.selectionModel().selectionChanged.connect(self._selected)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "把区县上报包（.zip）或存放上报包的文件夹拖到本窗口，或用下面的按钮选择。"
                "每个上报包都逐一验证签名和内容；有问题的拒收并说明原因，不影响其他上报包；"
                "同一上报包再次导入只报告“此前已接收”。"
            )
        )
        self.drop_zone.setText(self.tr("把上报包或文件夹拖放到这里"))
        self.choose_files.setText(self.tr("选择上报包(&B)…"))
        self.choose_folder.setText(self.tr("选择文件夹(&D)…"))
        self.bar_label.setText(self.tr("进度(&G)："))
        self.bar.setAccessibleName(self.tr("导入进度"))
        self.cancel.setText(self.tr("取消导入(&C)"))
        self.counts.setAccessibleName(self.tr("导入结果摘要"))
        self.results_label.setText(self.tr("导入结果(&R)："))
        self.results.setAccessibleName(self.tr("导入结果"))
        self.results.setAccessibleDescription(
            self.tr("每个上报包一行：接收、此前已接收或拒收，以及原因；上下键选择，详情见下方")
        )
        self.details_label.setText(self.tr("所选上报包的详情(&E)："))
        self.details.setAccessibleName(self.tr("所选上报包的详情"))
        self.model.retranslate()
        self._selected()

    def set_running(self, running: bool) -> None:
        self.cancel.setVisible(running)
        self.cancel.setEnabled(running)
        self.choose_files.setEnabled(not running)
        self.choose_folder.setEnabled(not running)

    def selected(self) -> ImportResult | None:
        rows = self.results.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_object(self.proxy.mapToSource(rows[0]).row())

    @Slot()
    def _selected(self, *_args: QItemSelection) -> None:
        result = self.selected()
        if result is None:
            self.details.setPlainText(
                self.tr("选择上面的一行，这里显示该上报包的全部原因和说明。")
                if self.model.rowCount()
                else ""
            )
            return
        lines = [
            f"{self.model.outcome_text(result.outcome)}：{result.path.name}",
            self.model.return_text(result),
            str(result.path),
            *self.model.details_lines(result),
        ]
        self.details.setPlainText("\n".join(lines))

    def select_first(self, outcome: str | None = None) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if outcome is None or self.model.row_object(source.row()).outcome == outcome:
                self.results.selectRow(row)
                self.results.setCurrentIndex(self.proxy.index(row, 0))
                return


class DistrictsPage(QWidget):
    """区县登记: the registered certificates, pinned ones marked, and registering a new one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = CertModel(self)
        self.table_label = QLabel(self)
        self.table, self.proxy = _table(self, self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table_label.setBuddy(self.table)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        buttons = QHBoxLayout()
        self.register = QPushButton(self)
        buttons.addWidget(self.register)
        buttons.addStretch(1)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.counts)
        layout.addWidget(self.note)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "区县交来证书文件（jindu key export-cert 导出）后在这里登记，并与区县电话核对指纹。"
                "未登记证书的区县，其第一个上报包的证书会被自动登记（标“待核对”）；"
                "此后用其他密钥签发的上报包一律拒收，直到在这里登记新证书。"
            )
        )
        self.register.setText(self.tr("登记区县证书(&G)…"))
        self.table_label.setText(self.tr("已登记的区县证书(&L)："))
        self.table.setAccessibleName(self.tr("已登记的区县证书"))
        self.model.retranslate()


class CompletenessPage(QWidget):
    """完整性: districts x periods, each cell in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = _heading(self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.model = CompletenessModel(self)
        self.table_label = QLabel(self)
        self.table, self.proxy = _table(self, self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table_label.setBuddy(self.table)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.legend.setText(
            self.tr(
                "按时：截止日前签发；逾期：截止日后签发（以第一次签发为准）；"
                "未报：已过截止日仍未收到；未到期：尚未到截止日。“第 N 版”是计入汇总的当前版次。"
                "当前报告期一列以粗体显示。"
            )
        )
        self.table_label.setText(self.tr("报送情况(&M)："))
        self.table.setAccessibleName(self.tr("报送情况"))
        self.table.setAccessibleDescription(
            self.tr("每行一个区县，每列一个报告期；方向键移动，列标题可排序")
        )
        self.model.retranslate()


class SummaryPage(QWidget):
    """汇总: the indicator x district table and the items behind schedule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = _heading(self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.model = SummaryModel(self)
        self.table_label = QLabel(self)
        self.table, self.proxy = _table(self, self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table_label.setBuddy(self.table)
        self.behind_model = BehindItemsModel(self)
        self.behind_label = QLabel(self)
        self.behind, self.behind_proxy = _table(self, self.behind_model)
        self.behind.setWordWrap(True)
        self.behind.horizontalHeader().setStretchLastSection(True)
        self.behind_label.setBuddy(self.behind)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        for label, view in ((self.table_label, self.table), (self.behind_label, self.behind)):
            box = QWidget(splitter)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(label)
            box_layout.addWidget(view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
        self.legend.setText(
            self.tr(
                "全市累计：各区县当前版次本期累计之和（比率按分子分母重新计算，完成类指标为已完成的区县数）。"
                "区县列：本期累计 / 完成率（对市里分解给该区县的全年目标）；"
                "%1滞后：完成率落后时间进度超过 20 个百分点。只列出本期已报的区县。"
            ).replace("%1", BEHIND_MARK)
        )
        self.table_label.setText(self.tr("全市汇总表(&T)："))
        self.table.setAccessibleName(self.tr("全市汇总表"))
        self.table.setAccessibleDescription(
            self.tr("每行一个指标：全市目标、全市累计、完成率，然后各区县的数值和完成率")
        )
        self.behind_label.setText(self.tr("滞后的工作任务(&B)："))
        self.behind.setAccessibleName(self.tr("滞后的工作任务"))
        self.model.retranslate()
        self.behind_model.retranslate()


class ChartsPage(QWidget):
    """图表: completion by section and by district against 时间进度."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        self.legend = QLabel(inner)
        self.legend.setWordWrap(True)
        self.by_section = BarChart(inner)
        self.by_district = BarChart(inner)
        inner_layout.addWidget(self.legend)
        inner_layout.addWidget(self.by_section)
        inner_layout.addWidget(self.by_district)
        inner_layout.addStretch(1)
        self.scroller.setWidget(inner)
        layout.addWidget(self.scroller)

    def retranslate(self) -> None:
        self.legend.setText(
            self.tr(
                "虚线为时间进度。柱子有斜线并标“%1滞后”的，完成率落后时间进度超过 20 个百分点。"
                "Tab 键可移到每张图，读屏软件会读出各项数值。"
            ).replace("%1", BEHIND_MARK)
        )


class ExportsPage(QWidget):
    """导出: the city report, DHIS2 / ADX, the allocation workbook and the plan package."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.report_box = QGroupBox(self)
        self.report_text = QLabel(self.report_box)
        self.report = QPushButton(self.report_box)
        self.dhis2_box = QGroupBox(self)
        self.dhis2_text = QLabel(self.dhis2_box)
        self.dhis2 = QPushButton(self.dhis2_box)
        self.adx = QPushButton(self.dhis2_box)
        self.plan_box = QGroupBox(self)
        self.plan_text = QLabel(self.plan_box)
        self.allocation_export = QPushButton(self.plan_box)
        self.allocation_import = QPushButton(self.plan_box)
        self.plan_export = QPushButton(self.plan_box)
        for box, text, buttons in (
            (self.report_box, self.report_text, [self.report]),
            (self.dhis2_box, self.dhis2_text, [self.dhis2, self.adx]),
            (
                self.plan_box,
                self.plan_text,
                [self.allocation_export, self.allocation_import, self.plan_export],
            ),
        ):
            text.setWordWrap(True)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(text)
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            box_layout.addLayout(row)
            layout.addWidget(box)
        self.written_label = QLabel(self)
        self.written = QListWidget(self)
        self.written.setMinimumHeight(self.fontMetrics().height() * 5)
        self.written_label.setBuddy(self.written)
        layout.addWidget(self.written_label)
        layout.addWidget(self.written, 1)

    def retranslate(self) -> None:
        self.report_box.setTitle(self.tr("全市汇总报表"))
        self.report_text.setText(
            self.tr(
                "所选报告期的全市汇总：Excel 和 PDF 两个文件，含全市合计、各区县完成率、图表、"
                "报送情况和滞后事项。"
            )
        )
        self.report.setText(self.tr("导出汇总报表(&R)…"))
        self.dhis2_box.setTitle(self.tr("交给 DHIS2 或其他系统"))
        self.dhis2_text.setText(
            self.tr(
                "所选报告期各区县的数据：DHIS2 dataValueSets JSON 或 IHE ADX XML，"
                "旁边另写一个 DHIS2 元数据文件（.metadata.json）。"
            )
        )
        self.dhis2.setText(self.tr("导出 DHIS2 JSON(&J)…"))
        self.adx.setText(self.tr("导出 ADX XML(&A)…"))
        self.plan_box.setTitle(self.tr("任务分解与计划下发"))
        self.plan_text.setText(
            self.tr(
                "导出任务分解表（Excel），填好各区县的全年目标后导入（逐格检查，有错误则不导入）；"
                "再签发计划包发给区县（需要市残联签名密钥的口令）。"
            )
        )
        self.allocation_export.setText(self.tr("导出任务分解表(&E)…"))
        self.allocation_import.setText(self.tr("导入任务分解表(&I)…"))
        self.plan_export.setText(self.tr("签发计划包(&S)…"))
        self.written_label.setText(self.tr("本次已写出的文件(&W)："))
        self.written.setAccessibleName(self.tr("本次已写出的文件"))

"""The overview (概览): the period at a glance, and the way to what is left to do.

Per section, completion against the time elapsed (时间过半、任务过半) as bars
painted with QPainter beside the same numbers in words; the items and indicators
behind schedule; the return's state; and the period's checks (the one list of
`models.checks`). Every row that names a task or an indicator leads, on Enter or
a double click, to the cell or the item's text that settles it
(`MainWindow.navigate_to`).

The page reads the period only while it is shown, so that switching periods on
the entry page costs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.fingerprints import group_fingerprint
from app.office import ReturnRecord
from models.checks import Check, Severity
from models.kinds import Kind, Status
from models.numbers import format_decimal
from models.period_data import IndicatorRow, PeriodData
from ui.check_texts import check_text
from ui.period_texts import period_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
TargetRole = Qt.ItemDataRole.UserRole + 10  # (target, target_id, field) or None
BarRole = Qt.ItemDataRole.UserRole + 11  # (completion or None, time percent)
HUNDRED = Decimal(100)

# Where each check is settled: the indicator's value or note, or a field of the item's report.
CHECK_FIELDS: dict[str, str] = {
    "item_status_missing": "status",
    "item_progress_missing": "progress",
    "behind_unexplained": "problems",
    "value_missing": "value",
    "value_decreased": "note",
    "behind_schedule": "note",
    "over_target": "note",
    "ahead_of_schedule": "value",
    "target_missing": "value",
}


@dataclass
class SectionProgress:
    """One section (or the whole plan) in numbers."""

    section_id: str
    title: str
    time_percent: Decimal
    completion: Decimal | None = None  # mean of each measured indicator's 完成率, capped at 100
    measured: int = 0
    unmeasured: int = 0  # indicators without a district target: no 完成率 yet
    statuses: dict[Status | None, int] = field(default_factory=dict)

    @property
    def gap(self) -> Decimal | None:
        """Points by which completion trails time (positive means behind)."""
        if self.completion is None:
            return None
        return self.time_percent - self.completion


def _indicator_completion(row: IndicatorRow) -> Decimal | None:
    """An indicator's 完成率 for the overview, capped at 100; None when it has none."""
    if row.indicator.kind is Kind.MILESTONE:
        return HUNDRED if row.value is not None and row.value.done else Decimal(0)
    if not row.district_target:
        return None
    if row.percent is None:
        return Decimal(0)  # a target and nothing reported yet: nothing completed
    return min(row.percent, HUNDRED)


def section_progress(data: PeriodData) -> list[SectionProgress]:
    """The whole plan first ("" as its id), then each section, in plan order."""
    time = data.period.time_percent
    found: list[SectionProgress] = []
    everything = SectionProgress("", data.plan.title, time)
    measured_all: list[Decimal] = []
    for section in data.plan.sections:
        one = SectionProgress(section.id, f"{section.number}、{section.title}", time)
        values: list[Decimal] = []
        for item in section.items:
            report = data.by_item.get(item.id)
            status = report.status if report else None
            one.statuses[status] = one.statuses.get(status, 0) + 1
            everything.statuses[status] = everything.statuses.get(status, 0) + 1
            for row in data.rows_of_item(item.id):
                if row.indicator.computed:
                    continue  # counted through the indicators it is computed from
                value = _indicator_completion(row)
                if value is None:
                    one.unmeasured += 1
                else:
                    values.append(value)
        if values:
            one.completion = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"))
            one.measured = len(values)
        everything.unmeasured += one.unmeasured
        measured_all.extend(values)
        found.append(one)
    if measured_all:
        everything.completion = (sum(measured_all, Decimal(0)) / len(measured_all)).quantize(
            Decimal("0.1")
        )
        everything.measured = len(measured_all)
    return [everything, *found]


def local_time(iso: str) -> str:
    """An ISO timestamp as the clerk's clock shows it (the stored text when it is not one)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


def set_current(tree: QTreeWidget, row: int) -> None:
    """Keep a current row for the keyboard, without painting it selected until it is used."""
    count = tree.topLevelItemCount()
    if count:
        index = tree.model().index(max(min(row, count - 1), 0), 0)
        tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{format_decimal(value)}%"


def severity_icon(widget: QWidget, severity: Severity) -> QIcon:
    """The style's icon for a check's severity (the words say it too)."""
    # QStyle is imported where it is used: building its Python enums takes 5 ms, and the
    # main window's start needs none of them (this page is not shown first).
    from PySide6.QtWidgets import QStyle

    pixmaps = {
        Severity.BLOCKING: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.EXPLAIN: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }
    return widget.style().standardIcon(pixmaps[severity])


class BarDelegate(QStyledItemDelegate):
    """Completion as a filled bar, the time elapsed as a line across it.

    Palette colours only, so that the high-contrast theme keeps it readable; the
    numbers and the words sit in the next columns.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtWidgets import QStyle  # see severity_icon

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        values = index.data(BarRole)
        if not values:
            return
        completion, time = values
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        fill = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        pad = max(3, opt.fontMetrics.height() // 5)
        # As tall as a line of text, centred: a wrapped row does not make a fat bar.
        height = min(opt.rect.height() - 2 * pad - 2, opt.fontMetrics.height())
        track = QRect(
            opt.rect.x() + pad,
            opt.rect.y() + (opt.rect.height() - height) // 2,
            opt.rect.width() - 2 * pad,
            height,
        )
        if track.width() <= 4 or track.height() <= 2:
            return
        painter.save()
        painter.setPen(QPen(ink, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(track.adjusted(0, 0, -1, -1))
        if completion is not None:
            width = int(track.width() * min(max(float(completion), 0.0), 100.0) / 100)
            if width > 0:
                painter.fillRect(QRect(track.x(), track.y(), width, track.height()), QBrush(fill))
        x = track.x() + int(track.width() * min(max(float(time), 0.0), 100.0) / 100)
        marker = QPen(ink, max(2, pad // 2))
        painter.setPen(marker)
        painter.drawLine(x, track.top() - pad, x, track.bottom() + pad)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(
            max(size.width(), metrics.horizontalAdvance("中" * 10)),
            max(size.height(), metrics.height() + 8),
        )


class WrapDelegate(QStyledItemDelegate):
    """Long text wraps within its column, and the row grows to hold it.

    QTreeView asks a delegate for a row's height without saying the column's width;
    this one takes it from the header, so that 200 % fonts wrap rather than elide.
    """

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view
        view.header().sectionResized.connect(self._resized)

    def _resized(self, _section: int, _old: int, _new: int) -> None:
        self.view.doItemsLayout()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        header = self.view.header()
        if header.sectionResizeMode(index.column()) == QHeaderView.ResizeMode.ResizeToContents:
            return size  # such a column is as wide as its text: nothing to wrap
        width = header.sectionSize(index.column())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text or width <= 0:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        icon = opt.decorationSize.width() + 6 if not opt.icon.isNull() else 0
        from PySide6.QtWidgets import QStyle  # see severity_icon

        margin = 2 * (self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        room = max(width - icon - margin - 2, opt.fontMetrics.averageCharWidth() * 4)
        rect = opt.fontMetrics.boundingRect(
            QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(size.width(), max(size.height(), rect.height() + margin + 2))


class TargetTree(QTreeWidget):
    """A list whose rows lead somewhere: Enter or a double click on a row with a target.

    Signals:
        targetActivated(str, str, str): (target, target_id, field), as `navigate_to` takes.
    """

    targetActivated = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(WrapDelegate(self))
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TargetRole)
        if target:
            self.targetActivated.emit(str(target[0]), str(target[1]), str(target[2]))

    def activate_row(self, row: int) -> None:
        """What Enter does on a row (for tests and for the window's shortcuts)."""
        item = self.topLevelItem(row)
        if item is not None:
            self._activated(item, 0)

    def targets(self) -> list[tuple[str, str, str]]:
        found = []
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            target = item.data(0, TargetRole) if item is not None else None
            if target:
                found.append((str(target[0]), str(target[1]), str(target[2])))
        return found


class ChecksList(TargetTree):
    """The period's checks: severity in words (with an icon), the message, explained or not."""

    COL_SEVERITY, COL_MESSAGE, COL_EXPLAINED = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_EXPLAINED, QHeaderView.ResizeMode.ResizeToContents)
        self.checks: list[Check] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("程度"), self.tr("问题"), self.tr("说明")])
        self.fill(self.checks)

    def severity_text(self, severity: Severity) -> str:
        return {
            Severity.BLOCKING: self.tr("必须处理"),
            Severity.EXPLAIN: self.tr("需说明"),
            Severity.INFO: self.tr("提示"),
        }[severity]

    def fill(self, checks: list[Check]) -> None:
        self.checks = list(checks)
        current = self.currentIndex().row()
        self.clear()
        for check in checks:
            if check.severity is Severity.EXPLAIN:
                explained = self.tr("已说明") if check.explained else self.tr("未说明")
            else:
                explained = ""
            item = QTreeWidgetItem(
                self, [self.severity_text(check.severity), check_text(check), explained]
            )
            item.setIcon(self.COL_SEVERITY, severity_icon(self, check.severity))
            item.setData(
                0, TargetRole, (check.target, check.target_id, CHECK_FIELDS.get(check.code, ""))
            )
            words = f"{self.severity_text(check.severity)}：{check_text(check)}"
            if explained:
                words += f"（{explained}）"
            item.setToolTip(self.COL_MESSAGE, words + "\n" + self.tr("按回车转到填写的位置"))
            for column in range(3):
                item.setData(column, Qt.ItemDataRole.AccessibleTextRole, words)
        if not checks:
            QTreeWidgetItem(self, ["", self.tr("没有需要处理的问题"), ""])
        set_current(self, current)


class OverviewPage(QWidget):
    """The 概览 page of the main window."""

    COL_NAME, COL_BAR, COL_DONE, COL_TIME, COL_COMPARE, COL_ITEMS = range(6)

    def __init__(self, window: MainWindow) -> None:
        # No parent: `MainWindow.add_page` puts the page into the window's stack.
        super().__init__()
        self.window_ = window
        self.service = window.service
        self.period_id: str | None = None
        self.dirty = True
        self.data: PeriodData | None = None
        self.record: ReturnRecord | None = None
        self.history: list[ReturnRecord] = []
        self.progress: list[SectionProgress] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.hint)

        # The sections' table takes the height of its rows; the two lists share the rest.
        self.sections_label = QLabel(self)
        self.sections = QTreeWidget(self)
        self.sections.setRootIsDecorated(False)
        self.sections.setColumnCount(6)
        self.sections.setAlternatingRowColors(True)
        self.sections.setWordWrap(True)
        self.sections.setItemDelegate(WrapDelegate(self.sections))
        self.sections.setItemDelegateForColumn(self.COL_BAR, BarDelegate(self.sections))
        self.sections.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.sections.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        header = self.sections.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.COL_BAR, self.COL_DONE, self.COL_TIME, self.COL_COMPARE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The tasks' states share the width with the names, both wrapping (long in English).
        header.setSectionResizeMode(self.COL_ITEMS, QHeaderView.ResizeMode.Stretch)
        self.sections_label.setBuddy(self.sections)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        layout.addWidget(self.sections_label)
        layout.addWidget(self.sections)
        layout.addWidget(self.legend)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        behind_box = QWidget(self.splitter)
        behind_layout = QVBoxLayout(behind_box)
        behind_layout.setContentsMargins(0, 0, 0, 0)
        self.behind_label = QLabel(behind_box)
        self.behind = TargetTree(behind_box)
        self.behind.setColumnCount(2)
        self.behind.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.behind.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.behind.header().setStretchLastSection(False)
        self.behind_label.setBuddy(self.behind)
        behind_layout.addWidget(self.behind_label)
        behind_layout.addWidget(self.behind, 1)

        checks_box = QWidget(self.splitter)
        checks_layout = QVBoxLayout(checks_box)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        self.checks_label = QLabel(checks_box)
        self.checks_summary = QLabel(checks_box)
        self.checks_summary.setWordWrap(True)
        self.checks = ChecksList(checks_box)
        self.checks_label.setBuddy(self.checks)
        checks_layout.addWidget(self.checks_label)
        checks_layout.addWidget(self.checks_summary)
        checks_layout.addWidget(self.checks, 1)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        for heading in (self.sections_label, self.behind_label, self.checks_label):
            heading.setWordWrap(True)  # 200 % fonts in a narrow column
        self.setTabOrder(self.sections, self.behind)
        self.setTabOrder(self.behind, self.checks)
        self.behind.targetActivated.connect(self.window_.navigate_to)
        self.checks.targetActivated.connect(self.window_.navigate_to)
        window.periodChanged.connect(self.follow_period)
        self.retranslate()

    # ----- following the window ---------------------------------------------------------------
    def follow_period(self, period_id: str) -> None:
        self.period_id = period_id
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The sections' table is as tall as its rows, but leaves room for the two lists.
        self.sections.setMaximumHeight(max(self.height() * 2 // 5, self.fontMetrics().height() * 6))
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Entries typed on the entry page change the numbers: read them again when shown.
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Read the period again and fill every part of the page."""
        period_id = self.period_id or (
            self.window_.model.period.id if self.window_.model.period else None
        )
        if period_id is None:
            return
        period = self.service.parse_period(period_id)
        self.data = self.service.period_data(period)
        self.record = self.service.return_record(period)
        self.history = self.service.return_history(period)
        checks = self.service.checks(period)
        self.progress = section_progress(self.data)
        self.dirty = False
        self._fill_title()
        self._fill_state(checks)
        self._fill_sections()
        self._fill_behind()
        self.checks.fill(checks)
        self._fill_check_summary(checks)

    # ----- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("概览"))
        self.title.setAccessibleName(self.tr("概览标题"))
        self.state.setAccessibleName(self.tr("报表状态"))
        self.hint.setAccessibleName(self.tr("下一步"))
        self.sections_label.setText(self.tr("各部分完成情况（时间过半、任务过半）(&S)"))
        self.sections.setAccessibleName(self.tr("各部分完成情况"))
        self.sections.setAccessibleDescription(
            self.tr("每个部分的平均完成率与时间进度的比较，以及工作任务的状态")
        )
        self.sections.setHeaderLabels(
            [
                self.tr("部分"),
                self.tr("完成率 / 时间进度"),
                self.tr("完成率"),
                self.tr("时间进度"),
                self.tr("比较"),
                self.tr("工作任务"),
            ]
        )
        self.legend.setText(
            self.tr(
                "条形的实心部分是完成率（有目标的指标平均，每项最多计 100%），"
                "竖线是时间进度；数值和比较结果在右侧各列。"
            )
        )
        self.behind_label.setText(self.tr("滞后的工作任务和指标(&B)"))
        self.behind.setAccessibleName(self.tr("滞后的工作任务和指标"))
        self.behind.setAccessibleDescription(self.tr("按回车转到填写的位置"))
        self.behind.setHeaderLabels([self.tr("工作任务或指标"), self.tr("情况")])
        self.checks_label.setText(self.tr("本期检查(&K)"))
        self.checks.setAccessibleName(self.tr("本期检查"))
        self.checks.setAccessibleDescription(self.tr("按回车转到需要填写或说明的单元格或工作任务"))
        self.checks.retranslate()
        if self.data is not None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _period_text(self) -> str:
        assert self.data is not None
        return period_text(self.data.period)

    def _fill_title(self) -> None:
        assert self.data is not None
        text = self.tr("%1 概览").replace("%1", self._period_text())
        self.title.setText(text)

    def _fill_state(self, checks: list[Check]) -> None:
        assert self.data is not None and self.record is not None
        record = self.record
        lines = [
            self.tr("报表状态：%1（第 %2 版）")
            .replace("%1", self.window_.state_text(record.state))
            .replace("%2", str(record.revision))
        ]
        if record.reason:
            lines.append(self.tr("更正说明：%1").replace("%1", record.reason))
        if record.comment:
            lines.append(self.tr("审核人退回意见：%1").replace("%1", record.comment))
        if record.state == "signed":
            lines.append(
                self.tr("签发时间：%1；签名证书指纹：%2")
                .replace("%1", local_time(record.signed_at or ""))
                .replace("%2", group_fingerprint(record.signer or ""))
            )
        earlier = [r for r in self.history if r.revision != record.revision]
        if earlier:
            lines.append(
                self.tr("以前的版次：%1").replace(
                    "%1",
                    "；".join(
                        self.tr("第 %1 版 %2")
                        .replace("%1", str(r.revision))
                        .replace("%2", self.window_.state_text(r.state))
                        + (f" {local_time(r.signed_at)}" if r.signed_at else "")
                        for r in earlier
                    ),
                )
            )
        self.state.setText("\n".join(lines))
        self.state.setAccessibleDescription(" ".join(lines))
        stops = [c for c in checks if c.stops_signing]
        if record.state == "signed":
            hint = self.tr("本期报表已签发并锁定。如需修改，请用“报表 → 更正”开始新的版次。")
        elif record.state == "submitted":
            hint = self.tr("报表已提交审核：审核人可以签发，或写明意见后退回修改。")
        elif stops:
            hint = self.tr(
                "还有 %1 项须先处理（下方“本期检查”中标为必须处理或未说明的），之后才能签发。"
            ).replace("%1", str(len(stops)))
        else:
            hint = self.tr("没有妨碍签发的问题：可以提交审核，或直接签发（报表 → 签发）。")
        self.hint.setText(hint)
        self.hint.setAccessibleDescription(hint)

    def _status_counts(self, one: SectionProgress) -> str:
        parts = []
        for status, label in (
            (Status.DONE, self.tr("已完成")),
            (Status.IN_PROGRESS, self.tr("推进中")),
            (Status.BEHIND, self.tr("滞后")),
            (Status.NOT_STARTED, self.tr("未启动")),
            (None, self.tr("未填")),
        ):
            count = one.statuses.get(status, 0)
            if count:
                parts.append(f"{label} {count}")
        return self.tr("，").join(parts)

    def compare_text(self, one: SectionProgress) -> str:
        gap = one.gap
        if gap is None:
            return self.tr("无可计算的指标")
        if gap <= 0:
            return self.tr("不落后于时间进度")
        return self.tr("落后 %1 个百分点").replace("%1", format_decimal(gap))

    def _fill_sections(self) -> None:
        current = self.sections.currentIndex().row()
        self.sections.clear()
        for one in self.progress:
            name = one.title if one.section_id else self.tr("全部工作任务")
            done = _pct(one.completion) if one.completion is not None else "—"
            row = QTreeWidgetItem(
                self.sections,
                [
                    name,
                    "",
                    done,
                    _pct(one.time_percent),
                    self.compare_text(one),
                    self._status_counts(one),
                ],
            )
            row.setData(self.COL_BAR, BarRole, (one.completion, one.time_percent))
            words = (
                self.tr("%1：完成率 %2，时间进度 %3，%4；工作任务：%5")
                .replace("%1", name)
                .replace("%2", done)
                .replace("%3", _pct(one.time_percent))
                .replace("%4", self.compare_text(one))
                .replace("%5", self._status_counts(one))
            )
            if one.unmeasured:
                words += self.tr("；%1 个指标尚无本区县目标，未计入完成率").replace(
                    "%1", str(one.unmeasured)
                )
            for column in range(6):
                row.setData(column, Qt.ItemDataRole.AccessibleTextRole, words)
            row.setToolTip(self.COL_NAME, words)
            row.setToolTip(self.COL_BAR, words)
            for column in (self.COL_DONE, self.COL_TIME):
                row.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            if not one.section_id:
                font = row.font(self.COL_NAME)
                font.setBold(True)
                for column in range(6):
                    row.setFont(column, font)
        set_current(self.sections, current)

    def _fill_behind(self) -> None:
        assert self.data is not None
        self.behind.clear()
        for report in self.data.items:
            if report.status is Status.BEHIND:
                item = report.item
                explained = report.problems.strip() and report.next.strip()
                words = (
                    self.tr("状态为滞后；已写明存在问题和下步打算")
                    if explained
                    else self.tr("状态为滞后；须写明存在问题和下步打算")
                )
                row = QTreeWidgetItem(self.behind, [f"{item.id} {item.number}{item.title}", words])
                row.setData(0, TargetRole, ("item", item.id, "problems"))
                row.setToolTip(0, item.text)
        for indicator_row in self.data.rows:
            if indicator_row.progress_label != "滞后":
                continue
            ind = indicator_row.indicator
            words = (
                self.tr("完成率 %1，时间进度 %2")
                .replace("%1", _pct(indicator_row.percent))
                .replace("%2", _pct(indicator_row.time_percent))
            )
            row = QTreeWidgetItem(self.behind, [f"{ind.id} {ind.name}", words])
            row.setData(0, TargetRole, ("indicator", ind.id, "value"))
            row.setToolTip(0, ind.source or ind.name)
        if not self.behind.topLevelItemCount():
            QTreeWidgetItem(self.behind, [self.tr("没有滞后的工作任务或指标"), ""])
        for index in range(self.behind.topLevelItemCount()):
            line = self.behind.topLevelItem(index)
            if line is None:
                continue
            words = f"{line.text(0)}：{line.text(1)}" if line.text(1) else line.text(0)
            line.setData(0, Qt.ItemDataRole.AccessibleTextRole, words)
            line.setData(1, Qt.ItemDataRole.AccessibleTextRole, words)
        set_current(self.behind, 0)

    def _fill_check_summary(self, checks: list[Check]) -> None:
        counts = {s: sum(1 for c in checks if c.severity is s) for s in Severity}
        unexplained = sum(1 for c in checks if c.severity is Severity.EXPLAIN and not c.explained)
        text = (
            self.tr("必须处理 %1 项，需说明 %2 项（其中未说明 %3 项），提示 %4 项。")
            .replace("%1", str(counts[Severity.BLOCKING]))
            .replace("%2", str(counts[Severity.EXPLAIN]))
            .replace("%3", str(unexplained))
            .replace("%4", str(counts[Severity.INFO]))
        )
        self.checks_summary.setText(text)
        self.checks.setAccessibleDescription(
            text + " " + self.tr("按回车转到需要填写或说明的单元格或工作任务")
        )

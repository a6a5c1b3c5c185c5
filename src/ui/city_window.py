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
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import keys
from app.city.consolidate import LATE, MISSING, NOT_DUE, ON_TIME, CitySummary, Completeness
from app.city.office import CityService, open_city
from app.city.receive import ImportResult
from app.city.trust import DistrictCert
from app.fingerprints import group_fingerprint
from models.districts import District
from models.errors import JinduError
from models.periods import Period, due_period, periods_in_year
from ui.app_context import AppContext
from ui.city_models import (
    BEHIND_MARK,
    BehindItemsModel,
    CertModel,
    CompletenessModel,
    ImportResultModel,
    SortRole,
    SummaryModel,
)
from ui.city_setup_dialog import fit_height
from ui.jobs import Job
from ui.period_texts import period_text
from ui.setup_wizard import FieldRow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PAGES = ("receive", "districts", "completeness", "summary", "charts", "exports")
BEHIND_POINTS = Decimal(20)  # 完成率 more than 20 points behind 时间进度 is 滞后 (DESIGN)
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


def _percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}%" if value == value.to_integral_value() else f"{value}%"


# ----- charts ---------------------------------------------------------------------------------


class BarChart(QWidget):
    """Horizontal bars of 完成率 with 时间进度 as a dashed line, drawn with QPainter.

    A bar more than 20 points behind 时间进度 is hatched and followed by "▼滞后" in
    words; a missing bar says why in words. The values are also the widget's
    accessible description, so that a screen reader reads the chart as a list.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.rows: list[tuple[str, Decimal | None, str]] = []  # label, value, text when empty
        self.reference: Decimal | None = None
        self.reference_text = ""
        self.behind_text = ""
        self.use_colour = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * 30))

    def set_data(
        self,
        title: str,
        rows: list[tuple[str, Decimal | None, str]],
        reference: Decimal | None,
        reference_text: str,
        behind_text: str,
    ) -> None:
        self.title = title
        self.rows = rows
        self.reference = reference
        self.reference_text = reference_text
        self.behind_text = behind_text
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "；".join(f"{label} {self.value_text(value, empty)}" for label, value, empty in rows)
        )
        self.updateGeometry()
        self.update()

    def behind(self, value: Decimal | None) -> bool:
        return (
            value is not None
            and self.reference is not None
            and self.reference - value > BEHIND_POINTS
        )

    def value_text(self, value: Decimal | None, empty: str) -> str:
        if value is None:
            return empty
        text = _percent(value)
        if self.behind(value):
            text += f" {BEHIND_MARK}{self.behind_text}"
        return text

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _top(self) -> int:
        return self.fontMetrics().height() * 3 + 8

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        height = self._top() + self._row_height() * max(len(self.rows), 1) + metrics.height() + 12
        return QSize(metrics.horizontalAdvance("中" * 50), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A label cut short by the width: its whole text and value as a tooltip.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = (event.pos().y() - self._top()) // self._row_height()
            if 0 <= row < len(self.rows) and event.pos().y() >= self._top():
                label, value, empty = self.rows[row]
                QToolTip.showText(
                    event.globalPos(), f"{label}：{self.value_text(value, empty)}", self
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height()
        margin = 8
        text_pen = QPen(palette.color(QPalette.ColorRole.WindowText))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_pen)
        painter.drawText(
            QRect(margin, margin, self.width() - 2 * margin, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.title,
        )
        painter.setFont(self.font())
        if self.hasFocus():
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))

        labels = [label for label, _, _ in self.rows] or [""]
        label_width = min(
            max(metrics.horizontalAdvance(label) for label in labels) + margin,
            self.width() // 3,
        )
        value_width = metrics.horizontalAdvance(f"200.0% {BEHIND_MARK}{self.behind_text}") + margin
        empties = [empty for _, value, empty in self.rows if value is None]
        if empties:
            value_width = max(value_width, max(metrics.horizontalAdvance(e) for e in empties))
        x0 = margin + label_width + margin
        plot = max(self.width() - x0 - value_width - margin, 40)
        values = [float(v) for _, v, _ in self.rows if v is not None]
        top_value = max([100.0, float(self.reference or 0), *values])
        scale_max = float(int(top_value / 20 + 0.999) * 20)
        top = self._top()
        row_height = self._row_height()
        bottom = top + row_height * len(self.rows)

        def x_of(value: float) -> int:
            return x0 + round(plot * min(value, scale_max) / scale_max)

        # Grid and axis: a line every 20 points, labelled under the bars.
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        grid_pen.setStyle(Qt.PenStyle.DotLine)
        step = 20 if scale_max <= 200 else 50
        tick = 0
        while tick <= scale_max:
            x = x_of(tick)
            painter.setPen(grid_pen)
            painter.drawLine(x, top - 2, x, bottom)
            painter.setPen(text_pen)
            text = f"{tick}%"
            width = metrics.horizontalAdvance(text)
            painter.drawText(
                QRect(x - width // 2 - 2, bottom + 2, width + 4, line),
                int(Qt.AlignmentFlag.AlignCenter),
                text,
            )
            tick += step

        # 时间进度 first, so that the bars and the words are drawn over it.
        if self.reference is not None:
            x = x_of(float(self.reference))
            pen = QPen(palette.color(QPalette.ColorRole.WindowText))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawLine(x, top - 4, x, bottom + 2)
            painter.setPen(text_pen)
            width = metrics.horizontalAdvance(self.reference_text)
            left = min(max(x - width // 2, margin), self.width() - width - margin)
            painter.drawText(
                QRect(left, top - line - 6, width + 2, line),
                int(Qt.AlignmentFlag.AlignCenter),
                self.reference_text,
            )

        background = palette.color(QPalette.ColorRole.Window)

        def words(left: int, y: int, text: str) -> None:
            """Text after a bar, on the window's colour so that no line runs through it."""
            box = QRect(left, y + 2, metrics.horizontalAdvance(text) + 4, row_height - 4)
            painter.fillRect(box, background)
            painter.setPen(text_pen)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )

        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        for n, (label, value, empty) in enumerate(self.rows):
            y = top + n * row_height
            painter.setPen(text_pen)
            painter.drawText(
                QRect(margin, y, label_width, row_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width),
            )
            if value is None:
                words(x0 + 2, y, empty)
                continue
            end = x_of(float(value))
            bar = QRect(x0, y + 4, max(end - x0, 1), row_height - 8)
            behind = self.behind(value)
            # Behind: hatched, and the words after the bar say so; the fill is only an aid.
            brush = QBrush(
                bar_colour, Qt.BrushStyle.BDiagPattern if behind else Qt.BrushStyle.SolidPattern
            )
            painter.fillRect(bar, brush)
            painter.setPen(text_pen)
            painter.drawRect(bar)
            words(end + 4, y, self.value_text(value, empty))


# ----- dialogs ----------------------------------------------------------------------------------


class RegisterCertDialog(QDialog):
    """Choose a district and the certificate file it exported (`jindu key export-cert`).

    `submit(code, path)` registers it and returns False to keep the dialog open.
    """

    def __init__(
        self,
        districts: list[District],
        submit: Callable[[str, Path], bool],
        browse: Callable[[], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submit = submit
        self.browse_file = browse
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.district = QComboBox(self)
        self.district.setEditable(True)
        self.district.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.district.setMaxVisibleItems(15)
        for d in districts:
            self.district.addItem(f"{d.code} {d.name}", d.code)
        completer = self.district.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.district_row = FieldRow(form, self.district, self)
        self.path = QLineEdit(self)
        self.browse = QPushButton(self)
        self.path_row = FieldRow(form, self.path, self)
        # FieldRow stacks the field over its message line; the browse button goes beside the field.
        box = self.path.parentWidget()
        stack = box.layout() if box is not None else None
        assert isinstance(stack, QVBoxLayout)
        stack.removeWidget(self.path)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(self.browse)
        stack.insertLayout(0, line)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._browse)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(self.fontMetrics().horizontalAdvance("中" * 34), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("登记区县证书"))
        self.setAccessibleName(self.tr("登记区县证书"))
        self.intro.setText(
            self.tr(
                "选择区县，再选择该区县用 jindu key export-cert 导出的证书文件。"
                "登记后显示证书指纹：请与区县电话核对。已登记过证书的区县，新证书将取代旧证书。"
            )
        )
        self.district_row.set_label(self.tr("区县(&D)："), self.tr("输入代码或名称可筛选"))
        self.path_row.set_label(self.tr("证书文件(&C)："))
        self.browse.setText(self.tr("浏览(&B)…"))
        self.browse.setAccessibleName(self.tr("浏览证书文件"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_code(self) -> str | None:
        text = self.district.currentText().strip()
        index = self.district.findText(text)
        if index >= 0:
            return str(self.district.itemData(index))
        data = self.district.currentData()
        if data is not None and self.district.itemText(self.district.currentIndex()) == text:
            return str(data)
        first = text.split(" ")[0] if text else ""
        return first or None

    @Slot()
    def _browse(self) -> None:
        path = self.browse_file()
        if path is not None:
            self.path.setText(str(path))

    @Slot()
    def _ok(self) -> None:
        self.district_row.show_error("")
        self.path_row.show_error("")
        code = self.chosen_code()
        text = self.path.text().strip()
        if not code:
            self.district_row.show_error(self.tr("请选择区县"))
            self.district.setFocus()
        elif not text:
            self.path_row.show_error(self.tr("请选择证书文件"))
            self.path.setFocus()
        elif self.submit(code, Path(text)):
            self.accept()
            return
        fit_height(self)


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
        top = QHBoxLayout()
        self.city_label = QLabel(central)
        self.city_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.period_label = QLabel(central)
        self.period_combo = QComboBox(central)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_label.setBuddy(self.period_combo)
        self.time_label = QLabel(central)
        top.addWidget(self.city_label)
        top.addStretch(1)
        top.addWidget(self.period_label)
        top.addWidget(self.period_combo)
        top.addSpacing(12)
        top.addWidget(self.time_label)
        outer.addLayout(top)

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
        self.completeness_page.model.period_text = self.period_text
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

    def period_text(self, period: Period) -> str:
        return period_text(period)

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
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in self.periods:
            self.period_combo.addItem(self.period_text(period), period.id)
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(self.period.id), 0))
        self.period_combo.blockSignals(False)

    @Slot(int)
    def _period_chosen(self, index: int) -> None:
        self.select_period(str(self.period_combo.itemData(index)))

    def step_period(self, step: int) -> None:
        index = self.period_combo.currentIndex() + step
        if 0 <= index < self.period_combo.count():
            self.select_period(str(self.period_combo.itemData(index)))

    def select_period(self, period_id: str) -> None:
        period = next((p for p in self.periods if p.id == period_id), None)
        if period is None:
            period = self.city.parse_period(period_id)
        self.period = period
        index = self.period_combo.findData(period.id)
        if index >= 0 and index != self.period_combo.currentIndex():
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(index)
            self.period_combo.blockSignals(False)
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
        self.time_label.setText(self.tr("时间进度 %1").replace("%1", _percent(period.time_percent)))
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
        comp.model.period_text = self.period_text
        comp.model.set_result(matrix)
        counts = matrix.counts()
        states = comp.model
        comp.heading.setText(
            self.tr("%1（报送截止 %2，判断日 %3）：%4")
            .replace("%1", self.period_text(period))
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
            .replace("%1", self.period_text(period))
            .replace("%2", str(len(summary.reporting)))
            .replace("%3", str(len(summary.districts)))
            .replace("%4", _percent(period.time_percent))
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

        reference = self.tr("时间进度 %1").replace("%1", _percent(period.time_percent))
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
            self.tr("导出全市汇总报表（%1）").replace("%1", self.period_text(period)),
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
            self.tr("导出 %1（%2）").replace("%1", label).replace("%2", self.period_text(period)),
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
        geometry = settings.state("city_geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            metrics = self.fontMetrics()
            area = self.screen().availableGeometry()
            self.resize(
                min(metrics.horizontalAdvance("中" * 90), int(area.width() * 0.95)),
                min(metrics.height() * 45, int(area.height() * 0.9)),
            )
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

"""Qt table models of the city window, each over a list of the city services' dataclasses.

Every state is told in words (cell text, tooltip and accessible text); the
background colours only add to the words, and are switched off with
`use_colour = False` (high contrast). `ObjectRole` returns the row's dataclass,
`SortRole` a key that sorts sensibly (numbers as numbers, states by urgency).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.city.consolidate import (
    LATE,
    MISSING,
    NOT_DUE,
    ON_TIME,
    BehindItem,
    CitySummary,
    Completeness,
    IndicatorSummary,
)
from app.city.receive import ACCEPTED, DUPLICATE, REFUSED, ImportResult
from app.city.trust import DistrictCert
from models.districts import District, district_by_code
from models.errors import JinduError
from models.kinds import Kind
from models.numbers import format_decimal
from models.periods import Period
from ui.period_texts import period_text
from ui.status_texts import status_text

Index = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's dataclass
StateRole = Qt.ItemDataRole.UserRole + 2  # a cell's state code ("refused", "missing", "behind")
SortRole = Qt.ItemDataRole.UserRole + 3

DISPLAY = Qt.ItemDataRole.DisplayRole
BEHIND_MARK = "▼"

# Colours, painted by Qt as solid backgrounds (see ui/entry_model.py: a Python QBrush costs
# the window's start the enums of QGradient, QImage and QPixmap).
GOOD = QColor("#e3f4e1")
WARN = QColor("#fff1d6")
BAD = QColor("#fde2e1")
QUIET = QColor("#f0f0f0")


def _num(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{format_decimal(value)}%"


def district_name(code: str) -> str:
    try:
        return district_by_code(code).name
    except JinduError:
        return code


class _TableModel(QAbstractTableModel):
    """Shared plumbing: column titles, alignment, the object role."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.use_colour = True
        self._titles: list[str] | None = None

    def headers(self) -> list[str]:
        """The column titles, in the current language; each model gives its own."""
        return []

    def titles(self) -> list[str]:
        # Views ask for the column count thousands of times while they lay out: translate once.
        if self._titles is None:
            self._titles = self.headers()
        return self._titles

    def forget_titles(self) -> None:
        """Call after the columns changed (inside a reset) or the language did."""
        self._titles = None

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            headers = self.titles()
            if 0 <= section < len(headers) and role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
                return headers[section]
            return None
        if role == DISPLAY:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def retranslate(self) -> None:
        self.forget_titles()
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def set_use_colour(self, use: bool) -> None:
        self.use_colour = use
        self.retranslate()


# ----- the import's results ------------------------------------------------------------------


class ImportResultModel(_TableModel):
    """One row per file of an import: accepted, already held or refused, with the reasons."""

    COL_OUTCOME, COL_FILE, COL_RETURN, COL_DETAILS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImportResult] = []
        self._same_name: set[str] = set()

    def headers(self) -> list[str]:
        return [
            self.tr("结果"),
            self.tr("上报包"),
            self.tr("区县、报告期、版次"),
            self.tr("原因和说明"),
        ]

    def set_results(self, results: list[ImportResult]) -> None:
        self.beginResetModel()
        self._rows = list(results)
        names = [r.path.name for r in self._rows]
        # Two files of the same name (a folder and its subfolder): their folder tells them apart.
        self._same_name = {n for n in names if names.count(n) > 1}
        self.endResetModel()

    def file_text(self, result: ImportResult) -> str:
        if result.path.name in self._same_name:
            return f"{result.path.parent.name}/{result.path.name}"
        return result.path.name

    def results(self) -> list[ImportResult]:
        return list(self._rows)

    def row_object(self, row: int) -> ImportResult:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys((ACCEPTED, DUPLICATE, REFUSED), 0)
        for result in self._rows:
            found[result.outcome] += 1
        return found

    def outcome_text(self, outcome: str) -> str:
        return {
            ACCEPTED: self.tr("接收"),
            DUPLICATE: self.tr("此前已接收"),
            REFUSED: self.tr("拒收"),
        }.get(outcome, outcome)

    def return_text(self, result: ImportResult) -> str:
        if not result.district:
            return self.tr("（无法识别）")
        text = (
            self.tr("%1（%2） %3")
            .replace("%1", district_name(result.district))
            .replace("%2", result.district)
            .replace("%3", result.period)
        )
        if result.revision is not None:
            text += " " + self.tr("第 %1 版").replace("%1", str(result.revision))
        return text

    def details_lines(self, result: ImportResult) -> list[str]:
        return [self.tr("原因：%1").replace("%1", r) for r in result.reasons] + [
            self.tr("说明：%1").replace("%1", n) for n in result.notes
        ]

    @staticmethod
    def icon(outcome: str) -> QIcon:
        pixmap = {
            ACCEPTED: QStyle.StandardPixmap.SP_DialogApplyButton,
            DUPLICATE: QStyle.StandardPixmap.SP_MessageBoxInformation,
            REFUSED: QStyle.StandardPixmap.SP_MessageBoxCritical,
        }[outcome]
        return QApplication.style().standardIcon(pixmap)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == ObjectRole:
            return result
        if role == StateRole:
            return result.outcome
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole, SortRole):
            if column == self.COL_OUTCOME:
                return self.outcome_text(result.outcome)
            if column == self.COL_FILE:
                return self.file_text(result)
            if column == self.COL_RETURN:
                return self.return_text(result)
            if column == self.COL_DETAILS:
                return "；".join(self.details_lines(result))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_FILE:
                return str(result.path)
            if column in (self.COL_OUTCOME, self.COL_DETAILS):
                lines = self.details_lines(result)
                return "\n".join([self.outcome_text(result.outcome), *lines])
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_OUTCOME:
            return self.icon(result.outcome)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and self.use_colour
            and column == self.COL_OUTCOME
        ):
            return {ACCEPTED: GOOD, DUPLICATE: QUIET, REFUSED: BAD}[result.outcome]
        return None


# ----- registered district certificates ----------------------------------------------------------


class CertModel(_TableModel):
    """The current certificate of each district on record."""

    COL_CODE, COL_NAME, COL_FINGERPRINT, COL_SOURCE, COL_ADDED, COL_UNTIL = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DistrictCert] = []

    def headers(self) -> list[str]:
        return [
            self.tr("区划代码"),
            self.tr("区县"),
            self.tr("证书指纹（SHA-256）"),
            self.tr("登记方式"),
            self.tr("登记时间"),
            self.tr("有效期至"),
        ]

    def set_certs(self, certs: list[DistrictCert]) -> None:
        self.beginResetModel()
        self._rows = list(certs)
        self.endResetModel()

    def row_object(self, row: int) -> DistrictCert:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def source_text(self, cert: DistrictCert) -> str:
        if cert.source == "registered":
            return self.tr("市残联登记")
        return self.tr("首次接收时自动登记（待核对）")

    def pinned_note(self) -> str:
        return self.tr(
            "该证书是首次接收此区县上报包时自动登记的：请与区县电话核对指纹，"
            "或登记区县交来的证书文件。"
        )

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        cert = self._rows[index.row()]
        column = index.column()
        if role == ObjectRole:
            return cert
        if role == StateRole:
            return cert.source
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole, SortRole):
            if column == self.COL_CODE:
                return cert.district
            if column == self.COL_NAME:
                return cert.name
            if column == self.COL_FINGERPRINT:
                return cert.fingerprint_grouped
            if column == self.COL_SOURCE:
                return self.source_text(cert)
            if column == self.COL_ADDED:
                return cert.added_at.replace("T", " ")[:19]
            if column == self.COL_UNTIL:
                return f"{cert.not_after:%Y-%m-%d}" if cert.not_after else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if cert.source != "registered":
                return self.pinned_note()
            return cert.subject
        if role == Qt.ItemDataRole.FontRole and column == self.COL_FINGERPRINT:
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.TypeWriter)
            return font
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and self.use_colour
            and column == self.COL_SOURCE
            and cert.source != "registered"
        ):
            return WARN
        return None


# ----- completeness -----------------------------------------------------------------------------

_STATE_ORDER = {MISSING: 0, LATE: 1, ON_TIME: 2, NOT_DUE: 3}


class CompletenessModel(_TableModel):
    """Districts x the plan year's periods; each cell 按时 / 逾期 / 未报 / 未到期 with its revision."""

    COL_CODE, COL_NAME = range(2)
    FIRST_PERIOD = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: Completeness | None = None

    def headers(self) -> list[str]:
        periods = self.result.periods if self.result else []
        return [self.tr("区划代码"), self.tr("区县"), *(period_text(p) for p in periods)]

    def set_result(self, result: Completeness) -> None:
        self.beginResetModel()
        self.result = result
        self.forget_titles()
        self.endResetModel()

    def row_object(self, row: int) -> District:
        assert self.result is not None
        return self.result.districts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.result is None:
            return 0
        return len(self.result.districts)

    def period_at(self, column: int) -> Period | None:
        if self.result is None or column < self.FIRST_PERIOD:
            return None
        offset = column - self.FIRST_PERIOD
        return self.result.periods[offset] if offset < len(self.result.periods) else None

    def column_of(self, period_id: str) -> int:
        if self.result is None:
            return -1
        ids = [p.id for p in self.result.periods]
        return self.FIRST_PERIOD + ids.index(period_id) if period_id in ids else -1

    def state_text(self, state: str) -> str:
        return {
            ON_TIME: self.tr("按时"),
            LATE: self.tr("逾期"),
            MISSING: self.tr("未报"),
            NOT_DUE: self.tr("未到期"),
        }.get(state, state)

    def cell_text(self, state: str, revision: int | None) -> str:
        text = self.state_text(state)
        if revision:
            text += " " + self.tr("第 %1 版").replace("%1", str(revision))
        return text

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if self.result is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self.result.districts)):
            return None
        district = self.result.districts[index.row()]
        column = index.column()
        if role == ObjectRole:
            return district
        period = self.period_at(column)
        if period is None:
            if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole, SortRole):
                if column == self.COL_CODE:
                    return district.code
                if column == self.COL_NAME:
                    return district.name
            return None
        cell = self.result.cell(district.code, period)
        if role == StateRole:
            return cell.state
        if role == DISPLAY:
            return self.cell_text(cell.state, cell.revision)
        if role == SortRole:
            return (_STATE_ORDER[cell.state], -(cell.revision or 0))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            words = (
                self.tr("%1 %2：%3；报送截止 %4")
                .replace("%1", district.name)
                .replace("%2", period_text(period))
                .replace("%3", self.cell_text(cell.state, cell.revision))
                .replace("%4", cell.due.isoformat())
            )
            if cell.signed_at:
                words += self.tr("；首次签发 %1").replace(
                    "%1", cell.signed_at.replace("T", " ")[:16]
                )
            return words
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and period.id == self.result.period.id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.use_colour:
            return {ON_TIME: GOOD, LATE: WARN, MISSING: BAD}.get(cell.state)
        return None


# ----- the consolidated table ----------------------------------------------------------------------


class SummaryModel(_TableModel):
    """Indicators x districts: the city total against the city target, then each district's
    value with its 完成率 against the target allocated to it; ▼滞后 marks a district behind."""

    COL_INDICATOR, COL_UNIT, COL_TARGET, COL_TOTAL, COL_PERCENT, COL_REPORTED, COL_BEHIND = range(7)
    FIRST_DISTRICT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.summary: CitySummary | None = None
        self.columns: list[District] = []  # the districts that reported, by code

    def headers(self) -> list[str]:
        return [
            self.tr("指标"),
            self.tr("单位"),
            self.tr("全市目标"),
            self.tr("全市累计"),
            self.tr("完成率"),
            self.tr("已报/适用"),
            self.tr("滞后区县"),
            *(d.name for d in self.columns),
        ]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        district = self.district_at(section) if orientation == Qt.Orientation.Horizontal else None
        if district is not None and role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("%1（%2）：本期累计 / 完成率（对分解给该区县的全年目标）")
                .replace("%1", district.name)
                .replace("%2", district.code)
            )
        return super().headerData(section, orientation, role)

    def set_summary(self, summary: CitySummary) -> None:
        self.beginResetModel()
        self.summary = summary
        by_code = {d.code: d for d in summary.districts}
        self.columns = [by_code[c] for c in sorted(summary.reporting) if c in by_code]
        self.forget_titles()
        self.endResetModel()

    def row_object(self, row: int) -> IndicatorSummary:
        assert self.summary is not None
        return self.summary.indicators[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.summary is None:
            return 0
        return len(self.summary.indicators)

    def district_at(self, column: int) -> District | None:
        offset = column - self.FIRST_DISTRICT
        return self.columns[offset] if 0 <= offset < len(self.columns) else None

    def column_of(self, code: str) -> int:
        codes = [d.code for d in self.columns]
        return self.FIRST_DISTRICT + codes.index(code) if code in codes else -1

    def total_text(self, s: IndicatorSummary) -> str:
        if s.total is None:
            return ""
        if s.indicator.kind is Kind.MILESTONE:
            return self.tr("%1 个区县已完成").replace("%1", format_decimal(s.total))
        return format_decimal(s.total)

    def target_text(self, s: IndicatorSummary) -> str:
        if s.indicator.kind is Kind.MILESTONE:
            return self.tr("按期完成")
        return s.indicator.target_label

    def district_text(self, s: IndicatorSummary, code: str) -> str:
        found = s.value_of(code)
        if found is None:
            return ""
        row = found.row
        if row.value is None or not row.has_value:
            text = self.tr("未填")
        elif s.indicator.kind is Kind.MILESTONE:
            text = self.tr("已完成") if row.value.done else self.tr("未完成")
        else:
            text = _num(row.number)
            if row.percent is not None:
                text += " / " + _pct(row.percent)
        if found.behind:
            text += " " + BEHIND_MARK + self.tr("滞后")
        return text

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if self.summary is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self.summary.indicators)):
            return None
        s = self.summary.indicators[index.row()]
        ind = s.indicator
        column = index.column()
        if role == ObjectRole:
            return s
        district = self.district_at(column)
        if district is not None:
            found = s.value_of(district.code)
            if role == StateRole:
                return "behind" if found is not None and found.behind else ""
            if role == DISPLAY:
                return self.district_text(s, district.code)
            if role == SortRole:
                if found is None or found.row.number is None:
                    return -1.0
                return float(
                    found.row.percent if found.row.percent is not None else found.row.number
                )
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                text = self.district_text(s, district.code) or self.tr("不适用或未报")
                words = (
                    self.tr("%1，%2：%3")
                    .replace("%1", district.name)
                    .replace("%2", f"{ind.id} {ind.name}")
                    .replace("%3", text)
                )
                if found is not None and found.row.district_target is not None:
                    words += (
                        self.tr("；全年目标 %1%2")
                        .replace("%1", format_decimal(found.row.district_target))
                        .replace("%2", ind.unit)
                    )
                return words
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if (
                role == Qt.ItemDataRole.BackgroundRole
                and self.use_colour
                and found is not None
                and found.behind
            ):
                return WARN
            return None
        if role == StateRole:
            return "behind" if s.behind else ""
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_INDICATOR:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return ind.source or ind.name
                return f"{ind.id} {ind.name}"
            if column == self.COL_UNIT:
                return ind.unit
            if column == self.COL_TARGET:
                return self.target_text(s)
            if column == self.COL_TOTAL:
                return self.total_text(s)
            if column == self.COL_PERCENT:
                return _pct(s.percent)
            if column == self.COL_REPORTED:
                return f"{s.reported}/{s.expected}"
            if column == self.COL_BEHIND:
                behind = s.behind
                if not behind:
                    return ""
                names = "、".join(v.district.name for v in behind)
                if role == DISPLAY:
                    return f"{BEHIND_MARK}{len(behind)}：{names}"
                return (
                    self.tr("%1 个区县滞后：%2")
                    .replace("%1", str(len(behind)))
                    .replace("%2", names)
                )
        if role == SortRole:
            if column == self.COL_INDICATOR:
                return index.row()
            if column == self.COL_TOTAL:
                return float(s.total) if s.total is not None else -1.0
            if column == self.COL_PERCENT:
                return float(s.percent) if s.percent is not None else -1.0
            if column == self.COL_REPORTED:
                return s.reported
            if column == self.COL_BEHIND:
                return len(s.behind)
            return self.data(index, DISPLAY)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_TARGET,
            self.COL_TOTAL,
            self.COL_PERCENT,
            self.COL_REPORTED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BehindItemsModel(_TableModel):
    """Items behind schedule (status 滞后, or an indicator behind time) with their narratives."""

    COL_ITEM, COL_DISTRICT, COL_STATUS, COL_INDICATORS, COL_PROBLEMS, COL_NEXT = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BehindItem] = []

    def headers(self) -> list[str]:
        return [
            self.tr("工作任务"),
            self.tr("区县"),
            self.tr("状态"),
            self.tr("滞后指标"),
            self.tr("存在问题"),
            self.tr("下步打算"),
        ]

    def set_items(self, items: list[BehindItem]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def row_object(self, row: int) -> BehindItem:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        b = self._rows[index.row()]
        column = index.column()
        if role == ObjectRole:
            return b
        if role == StateRole:
            return b.status.value if b.status else ""
        if role in (
            DISPLAY,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            SortRole,
        ):
            if column == self.COL_ITEM:
                return f"{b.item.id} {b.item.title}"
            if column == self.COL_DISTRICT:
                return b.district.name
            if column == self.COL_STATUS:
                return status_text(b.status)
            if column == self.COL_INDICATORS:
                return "、".join(b.indicators)
            if column == self.COL_PROBLEMS:
                return b.problems
            if column == self.COL_NEXT:
                return b.next
        return None

"""The entry grid's model: one row per indicator of the selected section, over the store.

Every accepted edit goes through `OfficeService.set_entry` / `set_note`, which
validates, writes and audits it; the model keeps no rule of its own. A value the
service refuses stays in its cell with the reason (cell text, tooltip, accessible
description and the `message` signal for the line under the grid) and is not
stored.

With an undo stack attached, `setData` pushes an undo command instead of writing
directly; its change writes through `apply_entry` / `apply_note`, so undo also
undoes in the store.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QUndoStack

from app.office import OfficeService
from models.errors import InputError, JinduError, StoreError
from models.kinds import Kind
from models.numbers import Value, format_decimal
from models.period_data import IndicatorRow, PeriodData
from models.periods import Period, parse_period
from ui.period_texts import period_text
from ui.undo import Change, entry_change, note_change, single

log = logging.getLogger(__name__)

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the IndicatorRow of the row
ErrorRole = Qt.ItemDataRole.UserRole + 2  # the refusal message of the cell, or None

COL_NAME, COL_UNIT, COL_TARGET, COL_PREVIOUS, COL_VALUE = range(5)
COL_INCREMENT, COL_PERCENT, COL_TIME, COL_PROGRESS, COL_NOTE = range(5, 10)
COLUMN_COUNT = 10
EDITABLE_COLUMNS = (COL_VALUE, COL_NOTE)
NUMERIC_COLUMNS = (COL_TARGET, COL_PREVIOUS, COL_VALUE, COL_INCREMENT, COL_PERCENT, COL_TIME)

Index = QModelIndex | QPersistentModelIndex

# Backgrounds are given as colours, which Qt paints as solid brushes: building a QBrush in
# Python resolves its dozen constructors, which builds the enums of QGradient, QImage and
# QPixmap first (about 18 ms of the window's start).
ERROR_COLOUR = QColor("#fde2e1")
BEHIND_COLOUR = QColor("#fff1d6")
GOOD_COLOUR = QColor("#e3f4e1")
LOCKED_COLOUR = QColor("#f0f0f0")


def value_text(value: Value | None) -> str | None:
    """A stored value as the text the service accepts back (for undo and editing)."""
    if value is None:
        return None
    if value.done is not None:
        if value.done and value.date is not None:
            return value.date.isoformat()
        return "是" if value.done else "否"
    if value.number is None:
        return None
    return format_decimal(value.number)


def excerpt(text: str, limit: int = 20) -> str:
    """The start of a typed text, for a list of what was not saved."""
    return text if len(text) <= limit else text[:limit] + "…"


def _number(value: Decimal | None, suffix: str = "") -> str:
    return "" if value is None else f"{format_decimal(value)}{suffix}"


class EntryModel(QAbstractTableModel):
    """Rows of one section of one period; `reload` after a period change.

    Signals:
        message(str, bool): a line for under the grid; True when it is a refusal.
        rowSaved(str): an indicator's value or note was stored (the tree's badges follow).
        periodLoaded(): the model holds a new period (reset).
        revealRequested(str, str, int): an undo or redo touches (period, indicator, column).
    """

    message = Signal(str, bool)
    rowSaved = Signal(str)
    periodLoaded = Signal()
    revealRequested = Signal(str, str, int)

    def __init__(self, service: OfficeService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack: QUndoStack | None = None
        self.use_colour = True
        self._data: PeriodData | None = None
        self._rows: dict[str, IndicatorRow] = {}
        self._order: list[str] = []  # indicator ids of the whole period, in plan order
        self._visible: list[str] = []  # the selected section's indicator ids
        self._section: str | None = None
        # Refused values by (period, indicator, column): (text, short, full reason). They
        # stay shown, in their period, until saved, cleared with Escape, or the period is
        # re-read (`forget_refusals`).
        self._errors: dict[tuple[str, str, int], tuple[str, str, str]] = {}
        # Of those, the values the store could not keep (a full disk, a read-only file):
        # valid input that is lost if the window closes; see `unsaved()`.
        self._unsaved: set[tuple[str, str, int]] = set()

    # ----- loading -----------------------------------------------------------------
    @property
    def period(self) -> Period | None:
        return self._data.period if self._data else None

    @property
    def period_data(self) -> PeriodData | None:
        return self._data

    @property
    def section(self) -> str | None:
        return self._section

    @property
    def editable(self) -> bool:
        """Whether the period is open for editing (a draft)."""
        return self._data is not None and self._data.state == "draft"

    def load(self, period: Period, section: str | None = None) -> None:
        """Read the period from the store: a model reset."""
        data = self.service.period_data(period)
        self.beginResetModel()
        self._data = data
        self._rows = {r.indicator.id: r for r in data.rows}
        self._order = [r.indicator.id for r in data.rows]
        if section is not None:
            self._section = section
        self._refilter()
        self.endResetModel()
        self.periodLoaded.emit()

    def set_section(self, section_id: str) -> None:
        if section_id == self._section:
            return
        self.beginResetModel()
        self._section = section_id
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        self._visible = [
            i
            for i in self._order
            if self._section is None or self._rows[i].indicator.section_id == self._section
        ]

    def all_rows(self) -> list[IndicatorRow]:
        return [self._rows[i] for i in self._order]

    def row_of(self, indicator_id: str) -> int:
        try:
            return self._visible.index(indicator_id)
        except ValueError:
            return -1

    def indicator_at(self, row: int) -> IndicatorRow:
        return self._rows[self._visible[row]]

    # ----- Qt model interface -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._visible):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._visible[section]
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                row = self._rows[self._visible[section]]
                return f"{row.indicator.id} {row.indicator.name}"
            return None
        if not 0 <= section < COLUMN_COUNT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tips()[section]
        return None

    def column_titles(self) -> list[str]:
        return [
            self.tr("指标"),
            self.tr("单位"),
            self.tr("全年目标"),
            self.tr("上期累计"),
            self.tr("本期累计"),
            self.tr("本期新增"),
            self.tr("完成率"),
            self.tr("时间进度"),
            self.tr("进度状态"),
            self.tr("备注"),
        ]

    def column_tips(self) -> list[str]:
        return [
            self.tr("指标编号和名称"),
            self.tr("计量单位"),
            self.tr("本区县全年目标（市残联分解下达或按通知录入）"),
            self.tr("本年度上一个有数值的报告期的累计数"),
            self.tr("截至本期末累计完成数（可编辑）"),
            self.tr("本期累计减上期累计"),
            self.tr("本期累计 ÷ 全年目标"),
            self.tr("本期末已过月数 ÷ 12"),
            self.tr("完成率与时间进度的比较"),
            self.tr("说明（可编辑）"),
        ]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_editable(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def cell_editable(self, row: int, column: int) -> bool:
        if not self.editable or column not in EDITABLE_COLUMNS:
            return False
        return not (column == COL_VALUE and self.indicator_at(row).indicator.computed)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self.indicator_at(index.row())
        column = index.column()
        error = self._errors.get(self._key(row.indicator.id, column))
        if role == ObjectRole:
            return row
        if role == ErrorRole:
            return error[2] if error else None
        if role == Qt.ItemDataRole.DisplayRole:
            if error:
                return f"{error[0]}  ⚠ {error[1]}"
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if error:
                return error[0]
            if column == COL_VALUE:
                return self._edit_value_text(row)
            if column == COL_NOTE:
                return row.note
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return self.tr("未保存：%1").replace("%1", error[2])
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if error:
                return self.tr("未保存：%1").replace("%1", error[2])
            return self._tooltip(row, column) or self.column_titles()[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMERIC_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.use_colour:
            return self._background(row, column, error is not None, index.row())
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        change = self.edit_change(index.row(), index.column(), "" if value is None else str(value))
        if change is None:
            return False
        command = single(change)
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()
        return not change.refused

    # ----- editing --------------------------------------------------------------------
    def edit_change(self, row: int, column: int, text: str) -> Change | None:
        """The change that sets one cell to `text`, or None when nothing would change."""
        if (
            self._data is None
            or not 0 <= row < len(self._visible)
            or column not in EDITABLE_COLUMNS
        ):
            return None
        ind = self.indicator_at(row)
        period_id = self._data.period.id
        has_error = self._key(ind.indicator.id, column) in self._errors
        if column == COL_VALUE:
            new = text.strip() or None
            old = value_text(ind.value)
            if new == old and not has_error:
                return None
            return entry_change(self, period_id, ind.indicator.id, old, new)
        if text == ind.note and not has_error:
            return None
        return note_change(self, period_id, ind.indicator.id, ind.note, text)

    def apply_entry(self, period_id: str, indicator_id: str, text: str | None) -> bool:
        """Store a value through the service; on refusal keep it in the cell with the reason."""
        self._reveal(period_id, indicator_id, COL_VALUE)
        try:
            row = self.service.set_entry(period_id, indicator_id, text)
        except JinduError as exc:
            self._refuse(period_id, indicator_id, COL_VALUE, text or "", exc)
            return False
        self._accept(period_id, row, COL_VALUE)
        return True

    def apply_note(self, period_id: str, indicator_id: str, note: str) -> bool:
        self._reveal(period_id, indicator_id, COL_NOTE)
        try:
            row = self.service.set_note(period_id, indicator_id, note)
        except JinduError as exc:
            self._refuse(period_id, indicator_id, COL_NOTE, note, exc)
            return False
        self._accept(period_id, row, COL_NOTE)
        return True

    def clear_error(self, row: int, column: int) -> None:
        """Forget a refused value (Escape on the cell): the stored value shows again."""
        key = self._key(self._visible[row], column) if 0 <= row < len(self._visible) else None
        if key is not None and key in self._errors:
            del self._errors[key]
            self._unsaved.discard(key)
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def errors(self) -> dict[str, str]:
        """The period's refusals still shown, by "indicator/column", for the message line."""
        period = self._data.period.id if self._data else None
        return {f"{i}/{c}": full for (p, i, c), (_, _, full) in self._errors.items() if p == period}

    def unsaved(self) -> list[str]:
        """The values the store could not keep, in every period:
        "2018年第二季度 2.1.1 本期累计「120」"."""
        return self._lines(sorted(self._unsaved))

    def refused(self, period_id: str) -> list[str]:
        """Every value refused in one period and still shown (invalid, or not kept)."""
        return self._lines(sorted(k for k in self._errors if k[0] == period_id))

    def _lines(self, keys: list[tuple[str, str, int]]) -> list[str]:
        lines = []
        for key in keys:
            period_id, indicator_id, column = key
            header = self.headerData(column, Qt.Orientation.Horizontal)
            period = period_text(parse_period(period_id))
            lines.append(f"{period} {indicator_id} {header}「{excerpt(self._errors[key][0])}」")
        return lines

    def forget_refusals(self, period_id: str) -> None:
        """Drop the period's refused values: it is being read again from the store."""
        for key in [k for k in self._errors if k[0] == period_id]:
            del self._errors[key]
            self._unsaved.discard(key)

    def _key(self, indicator_id: str, column: int) -> tuple[str, str, int]:
        return (self._data.period.id if self._data else "", indicator_id, column)

    def _reveal(self, period_id: str, indicator_id: str, column: int) -> None:
        # An undo may concern another period or section: the window brings it into view.
        if self._data is None or period_id != self._data.period.id or self.row_of(indicator_id) < 0:
            self.revealRequested.emit(period_id, indicator_id, column)

    def _refuse(
        self, period_id: str, indicator_id: str, column: int, text: str, exc: JinduError
    ) -> None:
        short = exc.reason if isinstance(exc, InputError) else exc.message
        key = (period_id, indicator_id, column)
        self._errors[key] = (text, short, exc.message)
        if isinstance(exc, StoreError):
            self._unsaved.add(key)
        else:
            self._unsaved.discard(key)
        if self._data is not None and period_id == self._data.period.id:
            row = self.row_of(indicator_id)
            if row >= 0:
                index = self.index(row, column)
                self.dataChanged.emit(index, index)
        log.info("refused %s/%s: %s", period_id, indicator_id, exc.message)
        self.message.emit(exc.message, True)

    def _accept(self, period_id: str, row: IndicatorRow, column: int) -> None:
        indicator_id = row.indicator.id
        self._errors.pop((period_id, indicator_id, column), None)
        self._unsaved.discard((period_id, indicator_id, column))
        if self._data is None or period_id != self._data.period.id:
            self.rowSaved.emit(indicator_id)
            return
        self._rows[indicator_id] = row
        dependants = [
            r.indicator.id
            for r in self._rows.values()
            if r.indicator.formula is not None
            and indicator_id in (r.indicator.formula.numerator, r.indicator.formula.denominator)
        ]
        if dependants:
            # A rate computed from this count changes too: re-read the period's derived values.
            fresh = self.service.period_data(self._data.period)
            for dep in dependants:
                self._rows[dep] = fresh.by_indicator[dep]
        for changed in [indicator_id, *dependants]:
            r = self.row_of(changed)
            if r < 0:
                continue
            if changed == indicator_id:
                # The edited cell first, then the cells derived from it on the same row.
                cell = self.index(r, column)
                self.dataChanged.emit(cell, cell)
            self.dataChanged.emit(self.index(r, COL_VALUE), self.index(r, COL_PROGRESS))
        self.rowSaved.emit(indicator_id)
        self.message.emit(self._saved_message(row, column), False)

    def _saved_message(self, row: IndicatorRow, column: int) -> str:
        what = self.tr("本期累计") if column == COL_VALUE else self.tr("备注")
        text = self.tr("已保存 %1 %2").replace("%1", row.indicator.id).replace("%2", what)
        label = row.progress_label
        if label == "滞后":
            text += self.tr("；完成率落后时间进度，签发前须在备注或存在问题中说明")
        return text

    # ----- presentation ---------------------------------------------------------------
    def _edit_value_text(self, row: IndicatorRow) -> str:
        return value_text(row.value) or ""

    def _value_display(self, row: IndicatorRow, value: Value | None) -> str:
        if value is None:
            return ""
        if row.indicator.kind is Kind.MILESTONE:
            if value.done is None:
                return ""
            if value.done:
                return self.tr("已完成") + (f" {value.date.isoformat()}" if value.date else "")
            return self.tr("未完成")
        return _number(value.number)

    def _display(self, row: IndicatorRow, column: int) -> str:
        ind = row.indicator
        if column == COL_NAME:
            return ind.name  # the id is the row's header, which stays in view when scrolling
        if column == COL_UNIT:
            return ind.unit
        if column == COL_TARGET:
            if ind.kind is Kind.MILESTONE:
                return self.tr("完成")
            if row.district_target is None:
                return self.tr("未下达")
            return _number(row.district_target)
        if column == COL_PREVIOUS:
            return self._value_display(row, row.previous)
        if column == COL_VALUE:
            return self._value_display(row, row.value)
        if column == COL_INCREMENT:
            return _number(row.increment)
        if column == COL_PERCENT:
            return _number(row.percent, "%")
        if column == COL_TIME:
            return _number(row.time_percent, "%")
        if column == COL_PROGRESS:
            return self.progress_text(row.progress_label)
        if column == COL_NOTE:
            return row.note
        return ""

    def progress_text(self, label: str) -> str:
        """The model's progress words (Chinese) in the window's language."""
        return {
            "已完成": self.tr("已完成"),
            "未完成": self.tr("未完成"),
            "滞后": self.tr("滞后"),
            "超前": self.tr("超前"),
            "正常": self.tr("正常"),
        }.get(label, label)

    def _tooltip(self, row: IndicatorRow, column: int) -> str:
        ind = row.indicator
        if column == COL_NAME:
            return f"{ind.id} {ind.name}\n{ind.source}" if ind.source else f"{ind.id} {ind.name}"
        if column == COL_TARGET:
            city = self.tr("市目标：%1").replace("%1", f"{ind.target_label} {ind.unit}".strip())
            if row.target_source == "allocated":
                return self.tr("市残联分解下达") + "\n" + city
            if row.target_source == "entered":
                return self.tr("按通知录入") + "\n" + city
            return city
        if column == COL_VALUE:
            if ind.computed and ind.formula is not None:
                return (
                    self.tr("由 %1 ÷ %2 自动计算")
                    .replace("%1", ind.formula.numerator)
                    .replace("%2", ind.formula.denominator)
                )
            if not self.editable:
                return self.tr("本期报表已锁定，不能修改")
            if ind.kind is Kind.MILESTONE:
                return self.tr("填“是”或完成日期（如 2018-05-20），未完成填“否”")
            return self.tr("截至本期末的累计数；可输入全角数字、1,000 或 1.2万")
        if column == COL_PROGRESS:
            return self.column_tips()[COL_PROGRESS]
        return ""

    def _background(
        self, row: IndicatorRow, column: int, error: bool, row_number: int
    ) -> QColor | None:
        if error:
            return ERROR_COLOUR
        if column in EDITABLE_COLUMNS and not self.cell_editable(row_number, column):
            return LOCKED_COLOUR
        if column == COL_PROGRESS:
            label = row.progress_label
            if label == "滞后":
                return BEHIND_COLOUR
            if label in ("已完成", "超前"):
                return GOOD_COLOUR
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._visible:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, COLUMN_COUNT - 1)
            )

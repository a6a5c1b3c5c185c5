"""`jindu entry import FILE.xlsx`: a return workbook filled in Excel or WPS, read back in.

The workbook is the draft exported by `jindu return export` (the same layout as
the official return). The file is checked before it is opened (size, zip, XML;
see `xlsx_reader.check_xlsx_file`), then its identity: it must be this office's
district, the plan and version in use, and the period's current revision, still
open. Every white cell is then read as if typed: numbers with
`models.numbers.parse_value`, statuses with `app.office.parse_status`, so the
rules are the ones of the command line and the window. One refused cell refuses
the whole file, and the clerk gets every problem by sheet, row and column.
Accepted values are written in one transaction, after a backup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from app.office import OfficeService, parse_status
from app.returns import layout as L
from app.returns.xlsx_reader import IndicatorCells, ItemCells, ReturnWorkbook, read_return_workbook
from models.errors import InputError, JinduError
from models.kinds import Kind, Status
from models.numbers import Value, format_decimal, parse_value
from models.period_data import IndicatorRow, ItemRow
from models.periods import Period


@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int
    column: int
    message: str

    @property
    def label(self) -> str:
        return L.COLUMNS[self.column - 1].label

    def __str__(self) -> str:
        return (
            f"工作表「{self.sheet}」，第 {self.row} 行，第 {get_column_letter(self.column)} 列"
            f"（{self.label}）：{self.message}"
        )


class ImportRefused(JinduError):
    """The workbook had refused cells; nothing was changed."""

    def __init__(self, path: Path, problems: list[ImportProblem]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(
            f"工作簿「{path.name}」有 {len(problems)} 处问题，未导入任何内容：\n{lines}"
        )


@dataclass(frozen=True)
class ImportResult:
    path: Path
    period: str
    revision: int
    entries: int  # indicators whose value or note changed
    items: int  # items whose status or narratives changed
    backup: Path | None  # taken before writing; None when nothing changed

    @property
    def changed(self) -> int:
        return self.entries + self.items


@dataclass
class _Plan:
    """What the workbook changes, each change with the cells it came from."""

    entries: list[tuple[IndicatorCells, IndicatorRow, str | None, bool, str | None]] = field(
        default_factory=list
    )
    items: list[tuple[ItemCells, ItemRow, str | None, dict[str, str]]] = field(default_factory=list)


def import_workbook(
    service: OfficeService, path: Path, *, period: str | None = None
) -> ImportResult:
    """Import a filled return workbook; `period`, when given, must be the workbook's.

    Raises:
        UsageError: the file does not exist.
        WorkbookError: not a usable xlsx (size, zip, hostile XML, not a return).
        InputError, StateError: another district, plan, period or revision; a signed period.
        ImportRefused: refused cells, all listed; nothing was changed.
    """
    book = read_return_workbook(path, data_only=True)
    target = _check_identity(service, book, period)
    data = service.period_data(target)
    problems: list[ImportProblem] = []
    plan = _read_changes(book, data.by_indicator, data.by_item, problems)
    if problems:
        raise ImportRefused(path, problems)
    if not plan.entries and not plan.items:
        return ImportResult(path, target.id, book.revision, 0, 0, None)
    backup = service.store.backup("before-import")
    _write(service, book, target, plan, problems)
    return ImportResult(path, target.id, book.revision, len(plan.entries), len(plan.items), backup)


def _check_identity(service: OfficeService, book: ReturnWorkbook, period: str | None) -> Period:
    office = service.office()
    plan = service.plan()
    if book.district != office.district.code:
        raise InputError(
            "区划代码",
            book.district,
            f"此工作簿是{book.district_name or '另一单位'}（{book.district}）的报表，"
            f"本单位是{office.district.name}（{office.district.code}），不能导入",
        )
    if book.plan != plan.id:
        raise InputError(
            "计划编号",
            book.plan,
            f"此工作簿属于另一计划，本单位当前使用的计划是 {plan.id}《{plan.title}》",
        )
    if book.plan_version != str(plan.version):
        raise InputError(
            "计划版本",
            book.plan_version,
            f"此工作簿按计划第 {book.plan_version} 版导出，当前是第 {plan.version} 版；请重新导出后再填写",
        )
    found = service.parse_period(book.period)
    if period is not None and service.parse_period(period).id != found.id:
        raise InputError("报告期", book.period, f"此工作簿是{found.label_zh}的报表，不是 {period}")
    service.ensure_editable(found)
    current = service.return_record(found).revision
    if book.revision != current:
        raise InputError(
            "版次",
            L.revision_text(book.revision),
            f"{found.label_zh}的报表当前是{L.revision_text(current)}，请导出当前版次后再填写",
        )
    return found


def _input_text(value: Any, number_format: str) -> str:
    """A cell as the text a clerk would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in number_format:
            # Typed as 85% in Excel: the cell holds 0.85 shown as a percentage.
            return f"{format_decimal(number * 100)}%"
        return format_decimal(number)
    if isinstance(value, datetime | date):
        return L.cell_text(value)
    return str(value)


def _read_changes(
    book: ReturnWorkbook,
    rows: dict[str, IndicatorRow],
    items: dict[str, ItemRow],
    problems: list[ImportProblem],
) -> _Plan:
    ci = L.COLUMN_INDEX
    plan = _Plan()
    seen: set[str] = set()

    def refuse(row: int, key: str, message: str) -> None:
        problems.append(ImportProblem(book.sheet, row, ci[key], message))

    for cells in book.indicators:
        row = rows.get(cells.id)
        if cells.id in seen:
            refuse(cells.row, "id", f"指标 {cells.id} 出现了两次")
            continue
        seen.add(cells.id)
        if row is None:
            refuse(cells.row, "id", f"指标 {cells.id} 不是本区县本期填报的指标")
            continue
        ind = row.indicator
        note = L.cell_text(cells.note)
        note_change = note if note != row.note else None
        if ind.computed:
            # Its value is computed from two counts: the grey cell is not read.
            if note_change is not None:
                plan.entries.append((cells, row, None, False, note_change))
            continue
        text = _input_text(cells.value, cells.value_format).strip()
        if ind.kind is Kind.MILESTONE:
            text = L.milestone_input(text)
        field_name = f"本期累计完成（{ind.id} {ind.name}）"
        new: Value | None = None
        if text:
            try:
                new = parse_value(text, ind.kind, field_name, ind.unit)
            except InputError as exc:
                refuse(cells.row, "value", exc.message)
                continue
        value_change = new != row.value
        if value_change or note_change is not None:
            plan.entries.append((cells, row, text or None, value_change, note_change))
    seen.clear()
    for item_cells in book.items:
        item_row = items.get(item_cells.id)
        if item_cells.id in seen:
            refuse(item_cells.row, "id", f"工作任务 {item_cells.id} 出现了两次")
            continue
        seen.add(item_cells.id)
        if item_row is None:
            refuse(item_cells.row, "id", f"工作任务 {item_cells.id} 不在本计划中")
            continue
        status_text = L.cell_text(item_cells.status).strip()
        status: Status | None = item_row.status
        if status_text:
            try:
                status = parse_status(status_text)
            except InputError as exc:
                refuse(item_cells.row, "status", exc.message)
                continue
        elif item_row.status is not None:
            refuse(
                item_cells.row,
                "status",
                f"状态不能清空（原为{item_row.status.label_zh}）；请填 未启动、推进中、已完成 或 滞后",
            )
            continue
        texts = {
            "progress": L.cell_text(item_cells.progress),
            "problems": L.cell_text(item_cells.problems),
            "next": L.cell_text(item_cells.next),
        }
        changed = {k: v for k, v in texts.items() if v != getattr(item_row, k)}
        status_change = status.value if status is not None and status != item_row.status else None
        if changed or status_change:
            plan.items.append((item_cells, item_row, status_change, changed))
    return plan


_FIELD_COLUMNS = {
    "进展情况": "progress",
    "存在问题": "problems",
    "下步打算": "next",
    "状态": "status",
    "备注": "note",
}


def _write(
    service: OfficeService,
    book: ReturnWorkbook,
    period: Period,
    plan: _Plan,
    problems: list[ImportProblem],
) -> None:
    """All changes in one transaction; a change the service refuses rolls back every one."""

    class _Rollback(Exception):
        pass

    ci = L.COLUMN_INDEX

    def refused(row: int, exc: InputError, default: str) -> None:
        key = _FIELD_COLUMNS.get(exc.field, default)
        problems.append(ImportProblem(book.sheet, row, ci[key], exc.message))

    try:
        with service.store.change():
            for cells, row, text, value_change, note in plan.entries:
                try:
                    if value_change:
                        service.set_entry(period.id, row.indicator.id, text, note=note)
                    else:
                        service.set_note(period.id, row.indicator.id, note or "")
                except InputError as exc:
                    refused(cells.row, exc, "value")
            for item_cells, item_row, status, changed in plan.items:
                try:
                    service.set_item(
                        period.id,
                        item_row.item.id,
                        status,
                        changed.get("progress"),
                        changed.get("problems"),
                        changed.get("next"),
                    )
                except InputError as exc:
                    refused(item_cells.row, exc, "progress")
            if problems:
                raise _Rollback
            service.store.audit(
                "import",
                "workbook",
                f"{period.id}/r{book.revision}",
                None,
                {"file": book.path.name, "entries": len(plan.entries), "items": len(plan.items)},
            )
    except _Rollback:
        raise ImportRefused(book.path, problems) from None

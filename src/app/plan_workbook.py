"""The plan catalogue as a workbook, for offices that would rather edit it in Excel or WPS.

``export_workbook`` writes four sheets:

* 指标: a header row, then one row per indicator with its section's and item's
  columns; an item without indicators is a row with empty indicator cells;
* 计划信息: the plan's fields (编号, 标题, 发文单位, 表式 …), one per row;
* 区县组: the named groups of districts;
* 正文: the paragraph of every section and item (long text kept out of the way).

``import_workbook`` reads it back. The file is checked before openpyxl opens it
(``app.returns.xlsx_reader.check_xlsx_file``: size, zip, zip bombs, DTDs and
entities in the XML), then every cell is read as if typed in the editor: kinds
as 计数/金额/比率/完成事项 (or count/amount/rate/milestone), numbers with
``models.numbers.parse_number``, 填报层级 as 区县/市级, 适用区县 as 全部 or
codes, names and group names separated by 、. One refused cell refuses the whole
file, with every problem by sheet, row and column; nothing is changed.
Completeness (a unit or target still missing) is not refused here: it is what
``plan_catalogue.validate`` reports before publishing.

Rows are grouped by position: consecutive rows with the same section cells make
one section, and the same for items. Ids are renumbered by position afterwards
and every change is reported, as in the editor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.files import write_atomic_with
from app.plan_catalogue import (
    FREQUENCY_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    Catalogue,
    IdChange,
    IndicatorNode,
    ItemNode,
    SectionNode,
    comparator_label,
    parse_comparator,
    parse_kind,
    parse_level,
    parse_target_text,
)
from app.returns.xlsx_reader import WorkbookError, check_xlsx_file
from models.districts import district_by_code, find_district
from models.errors import InputError, JinduError
from models.kinds import Kind
from models.numbers import format_decimal
from models.plan import ALL, FORM_KEYS, FORM_OPTIONAL_KEYS

MAIN_SHEET = "指标"
INFO_SHEET = "计划信息"
GROUP_SHEET = "区县组"
TEXT_SHEET = "正文"
MAX_ROWS = 5000
MAX_PROBLEMS_SHOWN = 40
FONT_NAME = "SimSun"  # 宋体: present on every Chinese Windows, so widths come out as set


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float
    wrap: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("section_id", "部分编号", 8),
    Column("section_number", "部分序号", 8),
    Column("section_title", "部分标题", 28, wrap=True),
    Column("item_id", "任务编号", 8),
    Column("item_number", "任务序号", 8),
    Column("item_title", "任务标题", 28, wrap=True),
    Column("id", "指标编号", 9),
    Column("name", "指标名称", 28, wrap=True),
    Column("kind", "类型", 9),
    Column("unit", "单位", 7),
    Column("target", "目标", 10),
    Column("target_max", "目标上限", 9),
    Column("comparator", "比较", 6),
    Column("level", "填报层级", 8),
    Column("applies_to", "适用区县", 22, wrap=True),
    Column("formula", "比率公式", 12),
    Column("source", "来源句", 50, wrap=True),
    Column("note", "备注", 24, wrap=True),
)
SECTION_KEYS = ("section_id", "section_number", "section_title")
ITEM_KEYS = ("item_id", "item_number", "item_title")
INDICATOR_KEYS = tuple(c.key for c in COLUMNS if c.key not in SECTION_KEYS + ITEM_KEYS)
REQUIRED = ("section_title", "item_title", "name", "kind", "unit", "target")

INFO_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "计划编号"),
    ("version", "版本"),
    ("title", "计划标题"),
    ("issuer", "发文单位"),
    ("issued", "发文日期"),
    ("year", "年度"),
    ("frequency", "报送频率"),
    ("due_days", "报送期限（天）"),
    *((f"form.{k}", k) for k in (*FORM_KEYS, *FORM_OPTIONAL_KEYS)),
)
INSTRUCTIONS = (
    "填写说明：“指标”表每行一个指标，同一部分、同一工作任务的行请排在一起；没有指标的工作任务"
    "只填部分和任务列。类型填 计数、金额、比率 或 完成事项；填报层级填 区县 或 市级；适用区县填"
    "“全部”，或用顿号（、）分隔的区县名称、代码或区县组名称；区间目标（如 5-8）填目标和目标上限；"
    "比率公式写“分子指标编号/分母指标编号”。新增的行编号可留空，导入后按位置自动编号。"
    "导入时每个单元格都会检查，有任何错误都不会导入。"
)
_FORMULA = re.compile(r"^\s*([0-9]+(?:\.[0-9]+){2})\s*[/÷]\s*([0-9]+(?:\.[0-9]+){2})\s*$")
_INTEGER = re.compile(r"^[0-9]{1,7}$")


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str  # the column letter
    header: str
    message: str

    def __str__(self) -> str:
        where = f"工作表「{self.sheet}」第 {self.row} 行"
        if self.column:
            where += f" {self.column} 列"
        if self.header:
            where += f"（{self.header}）"
        return f"{where}：{self.message}"


class CatalogueWorkbookRefused(JinduError):
    """The catalogue workbook had refused cells; nothing was changed."""

    def __init__(self, path: Path, problems: list[CellProblem]) -> None:
        self.path = path
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = f"\n……另有 {len(problems) - len(shown)} 处" if len(problems) > len(shown) else ""
        super().__init__(
            f"计划目录工作簿「{path.name}」有 {len(problems)} 处问题，未导入任何内容：\n"
            + "\n".join(str(p) for p in shown)
            + more
        )


@dataclass(frozen=True)
class WorkbookImport:
    catalogue: Catalogue
    renumbered: tuple[IdChange, ...]  # ids that changed from those written in the workbook


# ----- export ------------------------------------------------------------------------------


def export_workbook(catalogue: Catalogue, out: Path) -> Path:
    """Write the catalogue to `out` (atomically) and return the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from app.returns.xlsx_return import set_text

    font = Font(name=FONT_NAME, size=10)
    bold = Font(name=FONT_NAME, size=10, bold=True)
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = MAIN_SHEET

    def header(sheet: Any, labels: list[tuple[str, float]]) -> None:
        for c, (label, width) in enumerate(labels, start=1):
            cell = sheet.cell(row=1, column=c)
            set_text(cell, label, "表头")
            cell.font = bold
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            sheet.column_dimensions[get_column_letter(c)].width = width
        sheet.freeze_panes = "A2"

    def put(sheet: Any, r: int, c: int, value: Any, field: str, wrapped: bool = False) -> None:
        cell = sheet.cell(row=r, column=c)
        if isinstance(value, str):
            if value:
                set_text(cell, value, field)
        elif value is not None:
            cell.value = value
        cell.font = font
        cell.alignment = wrap if wrapped else top

    header(ws, [(c.label, c.width) for c in COLUMNS])
    r = 2
    for section, item, ind in _rows(catalogue):
        values = _row_values(catalogue, section, item, ind)
        for c, column in enumerate(COLUMNS, start=1):
            put(ws, r, c, values[column.key], f"第 {r} 行{column.label}", column.wrap)
        r += 1
    last = max(r - 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    for key, choices in (
        ("kind", ",".join(KIND_LABELS.values())),
        ("level", ",".join(LEVEL_LABELS.values())),
        ("comparator", "≥,≤,="),
    ):
        col = get_column_letter(_column_index(key))
        rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        rule.add(f"{col}2:{col}{max(last, 200)}")
        ws.add_data_validation(rule)

    info = wb.create_sheet(INFO_SHEET)
    header(info, [("项目", 18), ("内容", 60)])
    r = 2
    for key, label in INFO_FIELDS:
        value = _info_value(catalogue, key)
        if key.startswith("form.") and key[5:] in FORM_OPTIONAL_KEYS and not value:
            continue
        put(info, r, 1, label, "项目")
        put(info, r, 2, value, label, wrapped=True)
        r += 1
    put(info, r + 1, 1, INSTRUCTIONS, "填写说明", wrapped=True)
    info.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=2)
    info.row_dimensions[r + 1].height = 120

    groups = wb.create_sheet(GROUP_SHEET)
    header(groups, [("组编号", 12), ("组名称", 16), ("区县", 60), ("说明", 40)])
    for r, group in enumerate(catalogue.groups.values(), start=2):
        names = "、".join(_district_name(c) for c in group.districts)
        for c, (value, field) in enumerate(
            ((group.id, "组编号"), (group.name, "组名称"), (names, "区县"), (group.note, "说明")),
            start=1,
        ):
            put(groups, r, c, value, field, wrapped=c >= 3)

    texts = wb.create_sheet(TEXT_SHEET)
    header(texts, [("编号", 9), ("标题（仅供对照，不导入）", 30), ("正文", 90)])
    r = 2
    for section in catalogue.sections:
        nodes: list[SectionNode | ItemNode] = [section, *section.items]
        for node in nodes:
            put(texts, r, 1, node.id, "编号")
            put(texts, r, 2, node.title, "标题", wrapped=True)
            put(texts, r, 3, node.text, f"{node.where}正文", wrapped=True)
            r += 1
    return write_atomic_with(out, wb.save)


def _rows(catalogue: Catalogue) -> list[tuple[SectionNode, ItemNode | None, IndicatorNode | None]]:
    rows: list[tuple[SectionNode, ItemNode | None, IndicatorNode | None]] = []
    for section in catalogue.sections:
        if not section.items:
            rows.append((section, None, None))
        for item in section.items:
            if not item.indicators:
                rows.append((section, item, None))
            rows.extend((section, item, ind) for ind in item.indicators)
    return rows


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _row_values(
    catalogue: Catalogue, section: SectionNode, item: ItemNode | None, ind: IndicatorNode | None
) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys((c.key for c in COLUMNS), "")
    values.update(section_id=section.id, section_number=section.number, section_title=section.title)
    if item is not None:
        values.update(item_id=item.id, item_number=item.number, item_title=item.title)
    if ind is not None:
        values.update(
            id=ind.id,
            name=ind.name,
            kind=KIND_LABELS[ind.kind],
            unit=ind.unit,
            target=_number(ind.target),
            target_max=_number(ind.target_max),
            comparator=comparator_label(ind.comparator),
            level=LEVEL_LABELS[ind.level],
            applies_to=catalogue.applies_label(ind),
            formula=""
            if ind.formula is None
            else f"{catalogue.id_of(ind.formula[0])}/{catalogue.id_of(ind.formula[1])}",
            source=ind.source,
            note=ind.note,
        )
    return values


def _info_value(catalogue: Catalogue, key: str) -> Any:
    if key.startswith("form."):
        return catalogue.form.get(key[5:], "")
    if key == "frequency":
        return FREQUENCY_LABELS.get(catalogue.frequency, catalogue.frequency)
    value = getattr(catalogue, key)
    return "" if value is None else value


def _district_name(code: str) -> str:
    try:
        return district_by_code(code).name
    except InputError:
        return code


def _column_index(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)


# ----- import --------------------------------------------------------------------------------


class _Sheet:
    """One sheet's cells, with the problems found in it."""

    def __init__(self, ws: Any, problems: list[CellProblem]) -> None:
        from openpyxl.utils import get_column_letter

        self.ws = ws
        self.name = ws.title
        self.problems = problems
        self.letter = get_column_letter
        self.headers: dict[int, str] = {}

    def refuse(self, row: int, column: int | None, message: str) -> None:
        letter = self.letter(column) if column else ""
        header = self.headers.get(column or 0, "")
        self.problems.append(CellProblem(self.name, row, letter, header, message))

    def too_big(self) -> bool:
        if self.ws.max_row > MAX_ROWS:
            self.refuse(1, None, f"行数过多（{self.ws.max_row} 行，最多 {MAX_ROWS} 行）")
            return True
        return False

    def rows(self) -> list[tuple[int, list[Any]]]:
        """(row number, cells) of every row after the header that is not empty."""
        found = []
        for r, cells in enumerate(self.ws.iter_rows(min_row=2), start=2):
            if any(_is_filled(c.value) for c in cells):
                found.append((r, list(cells)))
        return found

    def text(self, r: int, c: int, cell: Any) -> str | None:
        """A cell as text; None (and a problem) for a formula or an error value."""
        value = cell.value
        if cell.data_type == "f":
            self.refuse(r, c, "是 Excel 公式，请改为直接填写的文字或数值")
            return None
        if cell.data_type == "e":
            self.refuse(r, c, f"是错误值「{value}」")
            return None
        if value is None:
            return ""
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, float):
            return format_decimal(Decimal(repr(value)))
        if isinstance(value, datetime):
            return (
                value.date().isoformat()
                if value.time() == datetime.min.time()
                else value.isoformat()
            )
        if isinstance(value, date):
            return value.isoformat()
        return unicodedata.normalize("NFC", str(value)).strip()


def _is_filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def import_workbook(path: Path, base: Catalogue | None = None) -> WorkbookImport:
    """Read a catalogue workbook into a new Catalogue (``base`` is left unchanged).

    ``base``, the catalogue open in the editor, lends the notice text and, for
    nodes whose id it knows, their origin in the published plan and the
    drafter's highlights; without it, the ids in the workbook are taken as the
    origins (as when a catalogue file is opened).

    Raises:
        UsageError: the file does not exist.
        WorkbookError: not a usable xlsx (size, zip, hostile XML, a sheet missing).
        CatalogueWorkbookRefused: refused cells, all listed.
    """
    from openpyxl import load_workbook

    check_xlsx_file(path)
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise WorkbookError(path, f"无法打开：{exc}") from exc
    try:
        missing = [s for s in (MAIN_SHEET, INFO_SHEET) if s not in wb.sheetnames]
        if missing:
            raise WorkbookError(
                path, f"没有工作表「{'」「'.join(missing)}」，不是进度（Jindu）导出的计划目录工作簿"
            )
        problems: list[CellProblem] = []
        catalogue = Catalogue()
        _read_info(_Sheet(wb[INFO_SHEET], problems), catalogue)
        if GROUP_SHEET in wb.sheetnames:
            _read_groups(_Sheet(wb[GROUP_SHEET], problems), catalogue)
        written_ids = _read_main(_Sheet(wb[MAIN_SHEET], problems), catalogue)
        if TEXT_SHEET in wb.sheetnames:
            _read_texts(_Sheet(wb[TEXT_SHEET], problems), catalogue, written_ids)
    finally:
        wb.close()
    if problems:
        raise CatalogueWorkbookRefused(path, problems)
    _adopt(catalogue, base, written_ids)
    renumbered = tuple(catalogue.renumber())
    return WorkbookImport(catalogue, renumbered)


def _read_info(sheet: _Sheet, catalogue: Catalogue) -> None:
    sheet.headers = {1: "项目", 2: "内容"}
    if sheet.too_big():
        return
    labels = {label: key for key, label in INFO_FIELDS}
    seen: set[str] = set()
    for r, cells in sheet.rows():
        label = sheet.text(r, 1, cells[0]) if cells else ""
        if label is None:
            continue
        if label.startswith("填写说明") or not label:
            continue
        key = labels.get(label)
        if key is None:
            sheet.refuse(r, 1, f"不认识的项目「{label}」")
            continue
        if key in seen:
            sheet.refuse(r, 1, f"项目「{label}」出现了两次")
            continue
        seen.add(key)
        value = sheet.text(r, 2, cells[1]) if len(cells) > 1 else ""
        if value is None:
            continue
        if key.startswith("form."):
            catalogue.form[key[5:]] = value
        elif key in ("version", "year", "due_days"):
            if value and not _INTEGER.fullmatch(value):
                sheet.refuse(r, 2, f"应为整数，实际是「{value}」")
            elif value:
                setattr(catalogue, key, int(value))
            elif key == "year":
                catalogue.year = None
        elif key == "frequency":
            found = next(
                (code for code, zh in FREQUENCY_LABELS.items() if value in (code, zh)), None
            )
            if found is None:
                choices = "、".join(FREQUENCY_LABELS.values())
                sheet.refuse(r, 2, f"应为 {choices} 之一，实际是「{value}」")
            else:
                catalogue.frequency = found
        elif key == "issued":
            if value:
                try:
                    catalogue.issued = date.fromisoformat(value[:10]).isoformat()
                except ValueError:
                    sheet.refuse(r, 2, f"应为 YYYY-MM-DD 格式的日期，实际是「{value}」")
        else:
            setattr(catalogue, key, value)


def _read_groups(sheet: _Sheet, catalogue: Catalogue) -> None:
    sheet.headers = {1: "组编号", 2: "组名称", 3: "区县", 4: "说明"}
    if sheet.too_big():
        return
    for r, cells in sheet.rows():
        values = [sheet.text(r, c, cells[c - 1]) if len(cells) >= c else "" for c in (1, 2, 3, 4)]
        if any(v is None for v in values):
            continue
        gid, name, members, note = (v or "" for v in values)
        codes: list[str] = []
        for token in (t for t in re.split(r"[、，,;；\s]+", members) if t):
            try:
                codes.append(find_district(token).code)
            except InputError as exc:
                sheet.refuse(r, 3, f"「{token}」{exc.reason}")
        try:
            catalogue.add_group(name, codes, note, group_id=gid or None)
        except InputError as exc:
            column = 1 if "编号" in exc.field else 3 if exc.field == "区县组" else 2
            sheet.refuse(r, column, exc.reason)


def _read_main(sheet: _Sheet, catalogue: Catalogue) -> dict[str, Any]:
    """Build the tree; returns the ids as written in the workbook → their nodes."""
    written: dict[str, Any] = {}
    header_row = next(sheet.ws.iter_rows(min_row=1, max_row=1), ())
    by_label = {c.label: c.key for c in COLUMNS}
    columns: dict[str, int] = {}
    for c, cell in enumerate(header_row, start=1):
        label = str(cell.value).strip() if cell.value is not None else ""
        if label in by_label:
            sheet.headers[c] = label
            columns.setdefault(by_label[label], c)
    absent = [c.label for c in COLUMNS if c.key not in columns and c.key in REQUIRED]
    if absent:
        sheet.refuse(1, None, f"缺少列：{'、'.join(absent)}")
        return written
    if sheet.too_big():
        return written
    seen_sections: set[tuple[str, ...]] = set()
    seen_items: set[tuple[str, ...]] = set()
    section: SectionNode | None = None
    section_key: tuple[str, ...] | None = None
    item: ItemNode | None = None
    item_key: tuple[str, ...] | None = None
    formulas: list[tuple[IndicatorNode, int, str]] = []
    for r, cells in sheet.rows():
        values: dict[str, str] = {}
        raw: dict[str, Any] = {}
        for key, c in columns.items():
            cell = cells[c - 1] if len(cells) >= c else None
            if cell is None:
                values[key] = ""
                continue
            raw[key] = cell.value
            text = sheet.text(r, c, cell)
            if text is None:
                text = ""
            values[key] = text
        s_key = tuple(values.get(k, "") for k in SECTION_KEYS)
        if not any(s_key):
            sheet.refuse(
                r, columns.get("section_title"), "没有填写部分（部分编号、序号、标题全空）"
            )
            continue
        if s_key != section_key:
            if s_key in seen_sections:
                sheet.refuse(r, columns["section_title"], "同一部分的行不连续，请把它们排在一起")
                continue
            seen_sections.add(s_key)
            section = catalogue.add_section(title=values.get("section_title", ""), text="").node  # type: ignore[assignment]
            assert isinstance(section, SectionNode)
            section.number = values.get("section_number", "") or section.number
            if values.get("section_id"):
                written.setdefault("s:" + values["section_id"], section)
            section_key, item_key, item = s_key, None, None
        assert section is not None
        i_key = tuple(values.get(k, "") for k in ITEM_KEYS)
        ind_filled = any(values.get(k) for k in INDICATOR_KEYS)
        if not any(i_key):
            if ind_filled:
                sheet.refuse(r, columns["item_title"], "指标行没有填写工作任务")
            continue
        if i_key != item_key:
            if s_key + i_key in seen_items:
                sheet.refuse(r, columns["item_title"], "同一工作任务的行不连续，请把它们排在一起")
                continue
            seen_items.add(s_key + i_key)
            item = catalogue.add_item(section, title=values.get("item_title", "")).node  # type: ignore[assignment]
            assert isinstance(item, ItemNode)
            item.number = values.get("item_number", "") or item.number
            if values.get("item_id"):
                written.setdefault("i:" + values["item_id"], item)
            item_key = i_key
        assert item is not None
        if not ind_filled:
            continue
        node = _indicator(sheet, r, columns, values, raw, catalogue, item)
        if node is None:
            continue
        written_id = values.get("id", "")
        if written_id:
            if "n:" + written_id in written:
                sheet.refuse(r, columns.get("id"), f"指标编号「{written_id}」重复")
            written.setdefault("n:" + written_id, node)
        if values.get("formula"):
            formulas.append((node, r, values["formula"]))
    for node, r, text in formulas:
        found = _FORMULA.match(unicodedata.normalize("NFKC", text))
        column = columns.get("formula")
        if found is None:
            sheet.refuse(
                r, column, f"应写成“分子指标编号/分母指标编号”，如 3.3.2/3.3.3，实际是「{text}」"
            )
            continue
        refs = []
        for ref in found.groups():
            other = written.get("n:" + ref)
            if other is None:
                sheet.refuse(r, column, f"指标编号「{ref}」不在本表中")
            elif other.kind is not Kind.COUNT:
                sheet.refuse(r, column, f"指标「{ref}」不是计数指标，不能用于比率公式")
            elif other is node:
                sheet.refuse(r, column, "公式不能引用指标自身")
            else:
                refs.append(other.key)
        if len(refs) == 2:
            if node.kind is not Kind.RATE:
                sheet.refuse(r, column, "只有比率指标可以由公式计算")
            elif refs[0] == refs[1]:
                sheet.refuse(r, column, "分子和分母不能是同一个指标")
            else:
                node.formula = (refs[0], refs[1])
    return written


def _indicator(
    sheet: _Sheet,
    r: int,
    columns: dict[str, int],
    values: dict[str, str],
    raw: dict[str, Any],
    catalogue: Catalogue,
    item: ItemNode,
) -> IndicatorNode | None:
    before = len(sheet.problems)
    node = catalogue.add_indicator(item).node
    assert isinstance(node, IndicatorNode)

    def check(key: str, action: Any) -> None:
        try:
            action()
        except InputError as exc:
            shown = str(exc.value).strip() if exc.value is not None else ""
            sheet.refuse(r, columns.get(key), f"「{shown}」{exc.reason}" if shown else exc.reason)

    name = values.get("name", "")
    if not name:
        sheet.refuse(r, columns.get("name"), "指标行没有填写指标名称")
    check("name", lambda: catalogue.set_name(node, name))
    kind_text = values.get("kind", "")
    if not kind_text:
        sheet.refuse(r, columns.get("kind"), "未填写类型（计数、金额、比率或完成事项）")
    else:
        check("kind", lambda: setattr(node, "kind", parse_kind(kind_text)))
    check("unit", lambda: catalogue.set_unit(node, values.get("unit", "")))
    for key in ("target", "target_max"):
        check(
            key,
            lambda key=key: setattr(
                node, key, _target(raw.get(key), values.get(key, ""), node.unit)
            ),
        )
    check(
        "comparator",
        lambda: setattr(node, "comparator", parse_comparator(values.get("comparator"))),
    )
    if node.comparator is not None and node.target_max is not None:
        sheet.refuse(r, columns.get("comparator"), "区间目标（有目标上限）不能同时填比较")
    level_text = values.get("level", "")
    if level_text:
        check("level", lambda: setattr(node, "level", parse_level(level_text)))
    check("applies_to", lambda: _applies(catalogue, node, values.get("applies_to", "")))
    check("source", lambda: catalogue.set_source(node, values.get("source", "")))
    check("note", lambda: catalogue.set_note(node, values.get("note", "")))
    return node if len(sheet.problems) == before else None


def _target(raw: Any, text: str, unit: str) -> Decimal | None:
    if isinstance(raw, bool):
        raise InputError("目标", raw, "应为数字")
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        try:
            number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        except InvalidOperation:
            raise InputError("目标", raw, "不是有效的数字") from None
        if not number.is_finite() or number < 0:
            raise InputError("目标", raw, "应为不小于 0 的数")
        return number
    return parse_target_text(text, "目标", unit or None)


def _applies(catalogue: Catalogue, node: IndicatorNode, text: str) -> None:
    scope = catalogue.parse_applies(text, "适用区县")
    if scope != ALL and node.level.value == "city":
        raise InputError("适用区县", text, "市级指标由市残联填报，应填“全部”")
    node.applies_to = scope


def _read_texts(sheet: _Sheet, catalogue: Catalogue, written: dict[str, Any]) -> None:
    sheet.headers = {1: "编号", 2: "标题", 3: "正文"}
    if sheet.too_big():
        return
    for r, cells in sheet.rows():
        node_id = sheet.text(r, 1, cells[0]) if cells else ""
        text = sheet.text(r, 3, cells[2]) if len(cells) >= 3 else ""
        if node_id is None or text is None:
            continue
        node = written.get(("i:" if "." in node_id else "s:") + node_id)
        if node is None:
            sheet.refuse(r, 1, f"编号「{node_id}」不是“指标”表中的部分或工作任务")
            continue
        if len(text) > 20000:
            sheet.refuse(r, 3, "过长（最多 20000 字）")
            continue
        node.text = text


def _adopt(catalogue: Catalogue, base: Catalogue | None, written: dict[str, Any]) -> None:
    """Origins (and the draft's highlights) from the catalogue the workbook was made from."""
    # The ids as written, so that renumbering reports what moved; new rows have none.
    for node in catalogue.nodes():
        node.id = ""
    for tagged, node in written.items():
        node.id = tagged[2:]
    if base is None:
        for node in catalogue.nodes():
            node.origin = node.id or None
        if catalogue.id:
            catalogue.based_on = (catalogue.id, catalogue.version)
        return
    catalogue.notice = base.notice
    same_plan = base.based_on is not None and base.based_on[0] == catalogue.id
    catalogue.based_on = base.based_on if same_plan else None
    known = {n.id: n for n in base.nodes()}
    for node in catalogue.nodes():
        old = known.get(node.id) if node.id else None
        if old is None or type(old) is not type(node):
            continue
        node.origin = old.origin if same_plan else None
        if (
            isinstance(node, IndicatorNode)
            and isinstance(old, IndicatorNode)
            and old.source == node.source
        ):
            node.confidence, node.span, node.match = old.confidence, old.span, old.match


__all__ = [
    "COLUMNS",
    "MAIN_SHEET",
    "CatalogueWorkbookRefused",
    "CellProblem",
    "WorkbookImport",
    "export_workbook",
    "import_workbook",
]

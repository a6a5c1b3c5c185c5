"""The 任务分解表: the city's allocation of district-level targets to the districts.

The workbook has one row per district and one column per indicator a district
target makes sense for (district level, not computed from two counts, not a
milestone). A cell whose indicator does not apply to the district (`applies_to`)
reads 不适用 on grey. It is exported from the app, filled in Excel or WPS, and
imported: the file is checked before openpyxl opens it, every cell is read with
`models.numbers.parse_value` (so `1.2万`, `1,000`, full-width digits are fine),
and a single bad cell refuses the whole import, naming every bad cell, so nothing
half-imported is ever distributed. Allocations whose sum does not reach the city
target are warned about (a range: below its lower bound or above its upper bound;
"≥": below it; otherwise: not equal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.city.office import CityService
from app.files import write_atomic_with
from app.office import now_iso
from models.districts import District, district_by_code
from models.errors import InputError, JinduError, UsageError
from models.kinds import Kind, Level
from models.numbers import format_decimal, parse_value
from models.plan import Indicator, Plan

SHEET = "任务分解表"
HEADER_LABEL = "区划代码"
NOT_APPLICABLE = "不适用"
PLAN_LABEL = "计划编号"
FIRST_INDICATOR_COLUMN = 3
MAX_PROBLEMS_SHOWN = 40
_PLAN_ID = re.compile(PLAN_LABEL + r"：([a-z0-9][a-z0-9._-]*)")
INSTRUCTIONS = (
    "填写说明：在白色单元格中填写分解到各区县的全年目标（可写 1200、1,200、1.2万；比率写 85 或 85%）；"
    "灰色“不适用”单元格不填；不分解的留空。填好后用 jindu city allocation import 导入；"
    "每个单元格都会检查，有任何错误都不会导入。合计行仅供核对，导入时不读取。"
)


class AllocationError(JinduError):
    """A 任务分解表 with bad cells: nothing was imported."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = f"\n……另有 {len(problems) - len(shown)} 处" if len(problems) > len(shown) else ""
        super().__init__(
            f"任务分解表「{path}」有 {len(problems)} 处错误，未导入任何数据：\n"
            + "\n".join(shown)
            + more
        )


@dataclass(frozen=True)
class AllocationImport:
    plan: str
    allocations: dict[str, dict[str, Decimal]]  # indicator -> district -> target
    changed: int  # cells whose allocation changed (new, altered or removed)
    warnings: list[str]

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.allocations.values())


def allocatable(plan: Plan) -> list[Indicator]:
    """Indicators a district target is allocated for, in plan order."""
    return [
        i
        for i in plan.indicators()
        if i.level is Level.DISTRICT and not i.computed and i.kind is not Kind.MILESTONE
    ]


def allocations(service: CityService, plan_id: str | None = None) -> dict[str, dict[str, Decimal]]:
    """The allocations on record: indicator -> district -> target."""
    pid = plan_id or service.plan().id
    found: dict[str, dict[str, Decimal]] = {}
    for indicator, district, value in service.store.db.execute(
        "SELECT indicator, district, value FROM allocations WHERE plan = ? ORDER BY indicator, district",
        [pid],
    ):
        found.setdefault(indicator, {})[district] = Decimal(value)
    return found


# ----- export ------------------------------------------------------------------------------


def export_workbook(service: CityService, out: Path, plan_id: str | None = None) -> Path:
    """Write the 任务分解表 (with the allocations on record, empty at first) to `out`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from app.returns import xlsx_return as X

    plan = service.plan(plan_id)
    indicators = allocatable(plan)
    districts = service.expected_districts(plan)
    current = allocations(service, plan.id)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    last = FIRST_INDICATOR_COLUMN + len(indicators) - 1
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row, text, font in (
        (1, f"{plan.title}任务分解表", X.FONT_TITLE),
        (
            2,
            f"{PLAN_LABEL}：{plan.id}　计划版本：{plan.version}　制表：{service.city().name}",
            X.FONT,
        ),
        (3, INSTRUCTIONS, X.FONT_SMALL),
    ):
        cell = ws.cell(row=row, column=1)
        X.set_text(cell, text, "表头")
        cell.font = font
        cell.alignment = center if row == 1 else Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(last, 4))
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[3].height = 42
    header = 4
    labels = [(HEADER_LABEL, "区县"), ("", "指标名称"), ("", "单位"), ("", "全市目标")]
    for offset, (a, b) in enumerate(labels):
        for column, text in ((1, a), (2, b)):
            cell = ws.cell(row=header + offset, column=column, value=text or None)
            cell.font, cell.border, cell.fill, cell.alignment = (
                X.FONT_BOLD,
                X.BORDER,
                X.FILL_HEADER,
                center,
            )
    for n, ind in enumerate(indicators):
        column = FIRST_INDICATOR_COLUMN + n
        for offset, text in enumerate((ind.id, ind.name, ind.unit, ind.target_label)):
            cell = ws.cell(row=header + offset, column=column)
            X.set_text(cell, text, f"指标 {ind.id}")
            cell.font = X.FONT_BOLD if offset == 0 else X.FONT_SMALL
            cell.border, cell.fill, cell.alignment = X.BORDER, X.FILL_HEADER, center
        ws.column_dimensions[get_column_letter(column)].width = 12
    ws.row_dimensions[header + 1].height = 70
    first_row = header + len(labels)
    for r, district in enumerate(districts, start=first_row):
        code = ws.cell(row=r, column=1, value=district.code)
        code.data_type = "s"
        name = ws.cell(row=r, column=2, value=district.name)
        for cell in (code, name):
            cell.font, cell.border = X.FONT, X.BORDER
        for n, ind in enumerate(indicators):
            cell = ws.cell(row=r, column=FIRST_INDICATOR_COLUMN + n)
            cell.border = X.BORDER
            if not ind.applies(district.code):
                cell.value = NOT_APPLICABLE
                cell.font, cell.fill, cell.alignment = X.FONT_SMALL, X.FILL_COMPUTED, center
                continue
            cell.font = X.FONT
            value = current.get(ind.id, {}).get(district.code)
            if value is not None:
                from app.returns.layout import number_cell, number_format

                cell.value = number_cell(value)
                cell.number_format = number_format(value, ind.kind)
            cell.alignment = X.NUMBER
    total_row = first_row + len(districts)
    ws.cell(row=total_row, column=2, value="合计").font = X.FONT_BOLD
    for n in range(len(indicators)):
        letter = get_column_letter(FIRST_INDICATOR_COLUMN + n)
        cell = ws.cell(row=total_row, column=FIRST_INDICATOR_COLUMN + n)
        cell.value = f"=SUM({letter}{first_row}:{letter}{total_row - 1})"
        cell.font, cell.border, cell.fill = X.FONT_BOLD, X.BORDER, X.FILL_SECTION
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 20
    ws.freeze_panes = ws.cell(row=first_row, column=FIRST_INDICATOR_COLUMN)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{first_row - 1}"
    wb.properties.title = f"{plan.title}任务分解表"
    wb.properties.creator = "进度（Jindu）"
    return write_atomic_with(out, wb.save)


# ----- import ------------------------------------------------------------------------------


def read_workbook(
    service: CityService, path: Path, plan_id: str | None = None
) -> dict[str, dict[str, Decimal]]:
    """Every cell checked; the allocations, or AllocationError naming every bad cell."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from app.returns.xlsx_reader import check_xlsx_file

    if not path.is_file():
        raise UsageError(f"任务分解表「{path}」不存在")
    plan = service.plan(plan_id)
    check_xlsx_file(path)  # size, zip bomb, hostile XML: before openpyxl parses anything
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise InputError(
            "任务分解表", str(path), f"无法作为 Excel 工作簿打开（{type(exc).__name__}）"
        ) from exc
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(max_row=2000, max_col=400, values_only=True)]
    finally:
        wb.close()
    problems: list[str] = []
    header = next((n for n, r in enumerate(rows) if r and _text(r[0]) == HEADER_LABEL), None)
    if header is None:
        raise AllocationError(
            path, [f"找不到表头（第一列为「{HEADER_LABEL}」的行）：不是 jindu 导出的任务分解表"]
        )
    for r in rows[:header]:
        for value in r:
            found = _PLAN_ID.search(_text(value))
            if found and found.group(1) != plan.id:
                raise AllocationError(
                    path, [f"这是计划「{found.group(1)}」的任务分解表，不是当前计划「{plan.id}」的"]
                )
    by_id = {i.id: i for i in allocatable(plan)}
    columns: dict[int, Indicator] = {}
    for c, value in enumerate(rows[header]):
        if c < FIRST_INDICATOR_COLUMN - 1:
            continue
        text = _text(value)
        if not text:
            continue
        ind = by_id.get(text)
        letter = get_column_letter(c + 1)
        if ind is None:
            problems.append(
                f"第 {header + 1} 行 {letter} 列：指标编号「{text}」不是本计划需要分解的区县指标"
            )
        elif ind in columns.values():
            problems.append(f"第 {header + 1} 行 {letter} 列：指标 {text} 出现了两次")
        else:
            columns[c] = ind
    result: dict[str, dict[str, Decimal]] = {}
    seen: dict[str, int] = {}
    for n, r in enumerate(rows[header + 1 :], start=header + 2):
        code = _code(r[0] if r else None)
        if code is None:
            continue  # the name, unit, target and 合计 rows, and blank lines
        district = _district(code, n, problems)
        if district is None:
            continue
        if code in seen:
            problems.append(f"第 {n} 行：区县 {district.label} 与第 {seen[code]} 行重复")
            continue
        seen[code] = n
        for c, ind in columns.items():
            value = r[c] if c < len(r) else None
            where = (
                f"第 {n} 行 {get_column_letter(c + 1)} 列（{district.name} · {ind.id} {ind.name}）"
            )
            parsed = _cell(value, ind, district, where, problems)
            if parsed is not None:
                result.setdefault(ind.id, {})[code] = parsed
    if problems:
        raise AllocationError(path, problems)
    return result


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _code(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    text = _text(value)
    return text if re.fullmatch(r"[0-9]{6}", text) else None


def _district(code: str, row: int, problems: list[str]) -> District | None:
    try:
        return district_by_code(code)
    except JinduError:
        problems.append(f"第 {row} 行：区划代码「{code}」不在区划代码表中")
        return None


def _cell(
    value: Any, ind: Indicator, district: District, where: str, problems: list[str]
) -> Decimal | None:
    from app.returns.layout import cell_text

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not ind.applies(district.code):
        if _text(value) in (NOT_APPLICABLE, "—", "-", "/"):
            return None
        problems.append(f"{where}：「{_text(value)}」无效：该指标不适用于{district.name}，应留空")
        return None
    if isinstance(value, bool):
        problems.append(f"{where}：「{value}」无效：不是数字")
        return None
    if isinstance(value, datetime | date):
        problems.append(
            f"{where}：「{cell_text(value)}」无效：单元格被识别为日期，请改为常规或数值格式后填写数字"
        )
        return None
    text = value.strip() if isinstance(value, str) else cell_text(value)
    try:
        parsed = parse_value(text, ind.kind, where, ind.unit).number
    except InputError as exc:
        problems.append(f"{where}：「{text}」无效：{exc.reason}")
        return None
    return parsed


def total_warnings(
    plan: Plan, allocated: dict[str, dict[str, Decimal]], districts: list[District]
) -> list[str]:
    """Allocations that do not add up to the city target, or leave applicable districts out."""
    warnings: list[str] = []
    for ind in allocatable(plan):
        given = allocated.get(ind.id, {})
        if not given:
            continue
        label = f"{ind.id} {ind.name}"
        left_out = [d.name for d in districts if ind.applies(d.code) and d.code not in given]
        if left_out:
            shown = "、".join(left_out[:8]) + ("等" if len(left_out) > 8 else "")
            warnings.append(f"{label}：{len(left_out)} 个适用区县未分解（{shown}）")
        if ind.kind not in (Kind.COUNT, Kind.AMOUNT) or ind.target is None:
            continue
        total = sum(given.values(), Decimal(0))
        s, t = format_decimal(total), format_decimal(ind.target)
        if ind.target_max is not None:
            if total < ind.target:
                warnings.append(
                    f"{label}：分解合计 {s}{ind.unit}，低于全市目标 {ind.target_label}{ind.unit} 的下限 {t}"
                )
            elif total > ind.target_max:
                warnings.append(
                    f"{label}：分解合计 {s}{ind.unit}，高于全市目标 {ind.target_label}{ind.unit} 的上限"
                )
        elif ind.comparator == ">=":
            if total < ind.target:
                warnings.append(
                    f"{label}：分解合计 {s}{ind.unit}，低于全市目标 {ind.target_label}{ind.unit}"
                )
        elif ind.comparator == "<=":
            if total > ind.target:
                warnings.append(
                    f"{label}：分解合计 {s}{ind.unit}，高于全市目标 {ind.target_label}{ind.unit}"
                )
        elif total != ind.target:
            gap = format_decimal(total - ind.target)
            sign = "+" if total > ind.target else ""
            warnings.append(
                f"{label}：分解合计 {s}{ind.unit} 与全市目标 {t}{ind.unit} 不一致（相差 {sign}{gap}）"
            )
    return warnings


def import_workbook(
    service: CityService, path: Path, plan_id: str | None = None
) -> AllocationImport:
    """Replace the plan's allocations with the workbook's, in one transaction, audited."""
    service.city()
    plan = service.plan(plan_id)
    new = read_workbook(service, path, plan.id)
    old = allocations(service, plan.id)
    changed = 0
    now = now_iso()
    service.store.backup("before-import")
    with service.store.change() as db:
        db.execute("DELETE FROM allocations WHERE plan = ?", [plan.id])
        for ind_id, by_district in new.items():
            db.conn.executemany(
                "INSERT INTO allocations (plan, indicator, district, value, updated_at) VALUES (?, ?, ?, ?, ?)",
                [
                    (plan.id, ind_id, code, format_decimal(v), now)
                    for code, v in sorted(by_district.items())
                ],
            )
        keys = {(i, d) for i, m in old.items() for d in m} | {
            (i, d) for i, m in new.items() for d in m
        }
        for ind_id, code in sorted(keys):
            before, after = old.get(ind_id, {}).get(code), new.get(ind_id, {}).get(code)
            if before != after:
                changed += 1
                service.store.audit(
                    "allocate",
                    "allocation",
                    f"{plan.id}/{ind_id}/{code}",
                    format_decimal(before) if before is not None else None,
                    format_decimal(after) if after is not None else None,
                )
        service.store.audit(
            "import", "allocations", plan.id, None, {"file": path.name, "changed": changed}
        )
    warnings = total_warnings(plan, new, service.expected_districts(plan))
    return AllocationImport(plan.id, new, changed, warnings)

"""The Excel return (报表): one sheet with the period's return, one with its checks.

It prints as a Chinese statistical form (title, 填报单位, 报告期, the form's
markings top right, a two-row merged header with 栏次, sign-off block) on A4
landscape, one page wide, header rows repeated, 第 &P 页 共 &N 页. It is also the
fill-in template: a clerk types into the white cells of a draft and imports it
(`app.returns.entry_import`). Every field of the canonical return data is in a
visible cell, so that `app.returns.xlsx_reader` rebuilds it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from app.files import write_atomic_with
from app.office import Office
from app.returns import layout as L
from models.checks import CODES, Check, Severity
from models.errors import InputError
from models.kinds import Kind
from models.period_data import IndicatorRow, ItemRow, PeriodData

HUNDRED = Decimal(100)
FORMULA_START = ("=", "+", "-", "@")
LINE_HEIGHT = 13.0  # points per line of 10-point 宋体
MAX_ROW_HEIGHT = 409  # Excel's limit

_F = L.XLSX_FONT
FONT = Font(name=_F, size=10)
FONT_BOLD = Font(name=_F, size=10, bold=True)
FONT_SMALL = Font(name=_F, size=9)
FONT_TITLE = Font(name=_F, size=18, bold=True)
FONT_SUBTITLE = Font(name=_F, size=12)
FONT_DRAFT = Font(name=_F, size=14, bold=True, color="C00000")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FILL_HEADER = PatternFill("solid", fgColor="D9D9D9")
FILL_SECTION = PatternFill("solid", fgColor="EDEDED")
FILL_COMPUTED = PatternFill("solid", fgColor="F2F2F2")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
NUMBER = Alignment(vertical="top", horizontal="right")
LEFT = Alignment(vertical="center", horizontal="left")

INSTRUCTIONS = (
    "填写说明：白色单元格可填写，灰色单元格由程序计算、导入时不读取。本期累计完成填截至本期末的"
    "累计数（可写 1200、1,200、1.2万）；完成与否的事项填 是、否 或完成日期（如 2018-05-20）；"
    "状态填 未启动、推进中、已完成 或 滞后。填好后用 jindu entry import 或窗口中的“从 Excel 导入”导入。"
)
SEVERITY_HANDLING = {Severity.BLOCKING: "待处理", Severity.EXPLAIN: "待说明", Severity.INFO: "—"}


def build_return_xlsx(
    data: PeriodData,
    office: Office,
    checks: list[Check],
    *,
    draft: bool,
    signed_at: str | None,
    out: Path,
    before_save: Callable[[Workbook], None] | None = None,
) -> Path:
    """Write the return workbook to `out` atomically and return the path.

    `before_save` lets the signer add its very hidden sheet to the same workbook.
    """
    wb = Workbook()
    _default_font(wb)
    ws = wb.active
    assert ws is not None
    _ReturnSheet(ws, data, office, draft=draft, signed_at=signed_at or "").write()
    _write_checks(wb.create_sheet(L.CHECK_SHEET), data, checks, draft=draft)
    wb.active = 0
    title = f"{L.return_title(data)}{L.period_heading(data)}"
    wb.properties.title = title + (L.DRAFT_MARK if draft else "")
    wb.properties.subject = f"{data.district_name}（{data.district}）{data.period.label_zh} {L.revision_text(data.revision)}"
    wb.properties.creator = "进度（Jindu）"
    if before_save is not None:
        before_save(wb)
    return write_atomic_with(out, wb.save)


def _default_font(wb: Workbook) -> None:
    """Make 宋体 10 the workbook's default font, also of empty cells.

    Excel and WPS measure column widths in digits of the default font; with
    Calibri (openpyxl's default) missing, LibreOffice substitutes a wider font
    and the columns come out a third wider than on Windows. openpyxl has no
    public setting for it: the first font of the style sheet is the default.
    """
    wb._fonts = IndexedList([FONT])
    wb._named_styles["Normal"].font = FONT


def set_text(cell: Cell, text: str, field: str) -> Cell:
    """Put text in a cell as text: never a formula, even when it starts with = + - @."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        shown = ILLEGAL_CHARACTERS_RE.sub("�", text)
        raise InputError(field, shown[:30], "含有不能写入 Excel 的控制字符，请删除后再导出")
    cell.value = text
    if text.startswith(FORMULA_START):
        # openpyxl takes "=…" for a formula; a string type and the quote prefix keep
        # Excel and WPS from evaluating it, also after the clerk edits the cell.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


class _ReturnSheet:
    def __init__(
        self, ws: Worksheet, data: PeriodData, office: Office, *, draft: bool, signed_at: str
    ) -> None:
        self.ws = ws
        self.data = data
        self.office = office
        self.draft = draft
        self.signed_at = signed_at
        self.row = 1
        self.status_cells: list[str] = []

    # --- helpers
    def merged(
        self,
        row: int,
        first: int,
        last: int,
        value: str,
        font: Font,
        align: Alignment,
        field: str = "",
    ) -> Cell:
        cell = self.ws.cell(row=row, column=first)
        set_text(cell, value, field or value[:10])
        cell.font = font
        cell.alignment = align
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        return cell

    def height(self, row: int, lines: int) -> None:
        self.ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4)

    def width_of(self, first: str, last: str | None = None) -> float:
        keys = [c.key for c in L.COLUMNS]
        a, b = keys.index(first), keys.index(last or first)
        return sum(c.width for c in L.COLUMNS[a : b + 1])

    # --- the sheet
    def write(self) -> None:
        ws = self.ws
        ws.title = L.MAIN_SHEET
        for column in L.COLUMNS:
            ws.column_dimensions[get_column_letter(L.COLUMN_INDEX[column.key])].width = column.width
        self.title_block()
        header_row = self.row
        self.table_header()
        first_data = self.row
        for section in self.data.plan.sections:
            self.section_row(f"{section.number}、{section.title}")
            for item in section.items:
                self.item_row(self.data.by_item[item.id])
                for row in self.data.rows_of_item(item.id):
                    self.indicator_row(row)
        last_data = self.row - 1
        self.row += 1
        self.signature_block()
        self.print_setup(header_row, first_data, last_data)
        if self.status_cells:
            choices = ",".join(L.STATUS_BY_LABEL)
            dv = DataValidation(
                type="list",
                formula1=f'"{choices}"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="状态",
                error="请选择 未启动、推进中、已完成 或 滞后",
            )
            ws.add_data_validation(dv)
            for ref in self.status_cells:
                dv.add(ref)

    def title_block(self) -> None:
        data = self.data
        last = L.LAST_COLUMN
        title_last = L.COLUMN_INDEX["progress"]
        self.merged(1, 1, title_last, L.return_title(data), FONT_TITLE, WRAP_CENTER)
        self.merged(2, 1, title_last, L.period_heading(data), FONT_SUBTITLE, WRAP_CENTER)
        if self.draft:
            self.merged(3, 1, title_last, L.DRAFT_MARK, FONT_DRAFT, WRAP_CENTER)
        self.ws.row_dimensions[1].height = 30
        self.ws.row_dimensions[2].height = 20
        marks = L.form_markings(data)
        for offset, (key, value) in enumerate(marks):
            self.merged(
                1 + offset,
                title_last + 1,
                last,
                f"{L.spaced_label(key)}：{value}",
                FONT_SMALL,
                LEFT,
            )
        self.row = max(4, len(marks) + 1)
        ci = L.COLUMN_INDEX
        r = self.row
        self.merged(r, 1, ci["status"], L.labelled("district_name", data.district_name), FONT, LEFT)
        self.merged(
            r, ci["indicator"], ci["unit"], L.labelled("district", data.district), FONT, LEFT
        )
        self.merged(
            r,
            ci["target"],
            ci["time"],
            L.labelled("period_end", data.period.end_label_zh),
            FONT,
            LEFT,
        )
        self.merged(
            r, ci["progress"], ci["progress"], L.labelled("period", data.period.id), FONT, LEFT
        )
        self.merged(
            r,
            ci["problems"],
            last,
            L.labelled("revision", L.revision_text(data.revision)),
            FONT,
            LEFT,
        )
        r += 1
        self.merged(
            r, 1, ci["unit"], L.labelled("plan_title", f"《{data.plan.title}》"), FONT, LEFT
        )
        self.merged(r, ci["target"], ci["time"], L.labelled("plan", data.plan.id), FONT, LEFT)
        self.merged(
            r,
            ci["progress"],
            ci["progress"],
            L.labelled("plan_version", str(data.plan.version)),
            FONT,
            LEFT,
        )
        r += 1
        if data.revision >= 2 or data.reason:
            text = L.labelled("correction_reason", data.reason)
            self.merged(r, 1, last, text, FONT, WRAP_TOP, "更正说明")
            self.height(r, L.line_count(text, self.width_of("id", "note")))
            r += 1
        if self.draft:
            self.merged(r, 1, last, INSTRUCTIONS, FONT_SMALL, WRAP_TOP)
            self.height(r, L.line_count(INSTRUCTIONS, self.width_of("id", "note") * 10 / 9) + 1)
            r += 1
        self.row = r + 1  # a blank row before the table

    def table_header(self) -> None:
        ws = self.ws
        top, second, marks = self.row, self.row + 1, self.row + 2
        groups_done: set[str] = set()
        for column in L.COLUMNS:
            col = L.COLUMN_INDEX[column.key]
            for r in (top, second, marks):
                cell = ws.cell(row=r, column=col)
                cell.border = BORDER
                cell.fill = FILL_HEADER
                cell.font = FONT_BOLD if r != marks else FONT_SMALL
                cell.alignment = WRAP_CENTER
            if column.group is None:
                ws.cell(row=top, column=col, value=column.label)
                ws.merge_cells(start_row=top, start_column=col, end_row=second, end_column=col)
            else:
                if column.group not in groups_done:
                    groups_done.add(column.group)
                    span = [c for c in L.COLUMNS if c.group == column.group]
                    ws.cell(row=top, column=col, value=column.group)
                    ws.merge_cells(
                        start_row=top, start_column=col, end_row=top, end_column=col + len(span) - 1
                    )
                ws.cell(row=second, column=col, value=column.label)
            ws.cell(row=marks, column=col, value=column.mark)
        ws.row_dimensions[top].height = 20
        ws.row_dimensions[second].height = 30
        self.row = marks + 1

    def boxed_row(self) -> int:
        r = self.row
        for col in range(1, L.LAST_COLUMN + 1):
            cell = self.ws.cell(row=r, column=col)
            cell.border = BORDER
            cell.font = FONT
            cell.alignment = WRAP_TOP
        self.row += 1
        return r

    def put(self, r: int, key: str, text: str, field: str) -> Cell:
        return set_text(self.ws.cell(row=r, column=L.COLUMN_INDEX[key]), text, field)

    def grey(self, r: int, inputs: tuple[str, ...]) -> None:
        if not self.draft:
            return
        for column in L.COLUMNS:
            if column.key not in inputs:
                self.ws.cell(row=r, column=L.COLUMN_INDEX[column.key]).fill = FILL_COMPUTED

    def section_row(self, title: str) -> None:
        r = self.boxed_row()
        cell = self.merged(
            r, 1, L.LAST_COLUMN, title, FONT_BOLD, Alignment(vertical="center", wrap_text=True)
        )
        for col in range(1, L.LAST_COLUMN + 1):
            self.ws.cell(row=r, column=col).fill = FILL_SECTION
        cell.font = FONT_BOLD
        self.height(r, L.line_count(title, self.width_of("id", "note")))

    def item_row(self, item_row: ItemRow) -> None:
        item = item_row.item
        r = self.boxed_row()
        self.put(r, "id", item.id, "序号")
        self.ws.cell(row=r, column=1).alignment = Alignment(vertical="top", horizontal="left")
        task = f"{item.number}{item.title}"
        self.put(r, "task", task, f"工作任务（{item.id}）")
        status = self.put(r, "status", L.status_text(item_row.status), f"状态（{item.id}）")
        status.alignment = Alignment(vertical="top", horizontal="center", wrap_text=True)
        if self.draft:  # a drop-down list for the clerk filling in the template
            self.status_cells.append(status.coordinate)
        texts = {"task": task}
        for key, text in (
            ("progress", item_row.progress),
            ("problems", item_row.problems),
            ("next", item_row.next),
        ):
            self.put(r, key, text, f"{L.COLUMN_BY_KEY[key].label}（{item.id}）")
            texts[key] = text
        self.grey(r, L.ITEM_INPUTS)
        self.height(r, max(L.line_count(t, L.COLUMN_BY_KEY[k].width) for k, t in texts.items()))

    def indicator_row(self, row: IndicatorRow) -> None:
        ind = row.indicator
        r = self.boxed_row()
        ws = self.ws
        ci = L.COLUMN_INDEX
        self.put(r, "id", ind.id, "序号").alignment = Alignment(vertical="top", horizontal="right")
        self.put(r, "indicator", ind.name, f"指标（{ind.id}）")
        self.put(r, "unit", ind.unit, f"单位（{ind.id}）").alignment = Alignment(
            vertical="top", horizontal="center"
        )
        if row.district_target is not None and ind.kind is not Kind.MILESTONE:
            self.number(r, "target", row.district_target, ind.kind)
        if ind.kind is Kind.MILESTONE:
            cell = self.put(r, "value", L.milestone_text(row.value), f"本期累计完成（{ind.id}）")
            cell.alignment = Alignment(vertical="top", horizontal="center", wrap_text=True)
        else:
            number = row.value.number if row.value is not None else None
            self.number(r, "value", number, ind.kind)
            if row.increment is not None:
                self.number(r, "increment", row.increment, ind.kind)
        if row.percent is not None:
            self.percent(r, "percent", row.percent)
        self.percent(r, "time", row.time_percent)
        self.put(r, "note", row.note, f"备注（{ind.id}）")
        self.grey(r, () if ind.computed else L.INDICATOR_INPUTS)
        if ind.computed and self.draft:
            ws.cell(row=r, column=ci["note"]).fill = PatternFill(fill_type=None)
        lines = max(
            L.line_count(ind.name, L.COLUMN_BY_KEY["indicator"].width),
            L.line_count(row.note, L.COLUMN_BY_KEY["note"].width),
            L.line_count(L.value_text(row), L.COLUMN_BY_KEY["value"].width),
        )
        if ind.kind is Kind.MILESTONE and row.value is not None and row.value.date is not None:
            lines = max(
                lines, 3
            )  # spreadsheets break "已完成（2018-05-20）" at the bracket and inside the date
        self.height(r, lines)

    def number(self, r: int, key: str, number: Decimal | None, kind: Kind) -> None:
        cell = self.ws.cell(row=r, column=L.COLUMN_INDEX[key])
        if number is not None:
            cell.value = L.number_cell(number)
        cell.number_format = L.number_format(number, kind)
        cell.alignment = NUMBER

    def percent(self, r: int, key: str, percent: Decimal) -> None:
        cell = self.ws.cell(row=r, column=L.COLUMN_INDEX[key])
        cell.value = float(percent / HUNDRED)
        cell.number_format = L.PERCENT_FORMAT
        cell.alignment = NUMBER

    def signature_block(self) -> None:
        ci = L.COLUMN_INDEX
        last = L.LAST_COLUMN
        office = self.office
        r = self.row
        self.merged(r, 1, ci["status"], L.labelled("head", office.head), FONT, LEFT)
        self.merged(
            r, ci["indicator"], ci["value"], L.labelled("reviewer", office.reviewer), FONT, LEFT
        )
        self.merged(r, ci["increment"], ci["time"], L.labelled("clerk", office.clerk), FONT, LEFT)
        self.merged(
            r, ci["progress"], ci["progress"], L.labelled("phone", office.phone), FONT, LEFT
        )
        self.ws.row_dimensions[r].height = 22
        r += 1
        self.merged(
            r, 1, ci["value"], L.labelled("signed_at", L.signed_at_text(self.signed_at)), FONT, LEFT
        )
        self.ws.row_dimensions[r].height = 22
        # Room for the office seal (盖章): a tall empty area, bottom right.
        seal = self.ws.cell(row=r, column=ci["problems"], value=L.SEAL_LABEL)
        seal.font = FONT
        seal.alignment = Alignment(horizontal="center", vertical="top")
        self.ws.merge_cells(
            start_row=r, start_column=ci["problems"], end_row=r + 3, end_column=last
        )
        for extra in range(r + 1, r + 4):
            self.ws.row_dimensions[extra].height = 22
        self.row = r + 4

    def print_setup(self, header_row: int, first_data: int, last_data: int) -> None:
        ws = self.ws
        ws.freeze_panes = ws.cell(row=first_data, column=1)
        ws.print_title_rows = f"{header_row}:{header_row + 2}"
        ws.print_area = f"A1:{get_column_letter(L.LAST_COLUMN)}{self.row}"
        _page_setup(
            ws,
            self.draft,
            f"{self.data.district_name} {self.data.period.label_zh} {L.revision_text(self.data.revision)}",
        )


def _page_setup(ws: Worksheet, draft: bool, left_header: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.7, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.center.font = f"{L.XLSX_FONT},Regular"
    ws.oddFooter.center.size = 9
    ws.oddHeader.left.text = left_header
    ws.oddHeader.left.font = f"{L.XLSX_FONT},Regular"
    ws.oddHeader.left.size = 9
    if draft:
        ws.oddHeader.right.text = L.DRAFT_MARK
        ws.oddHeader.right.font = f"{L.XLSX_FONT},Bold"
        ws.oddHeader.right.size = 14
        ws.oddHeader.right.color = "C00000"


def _write_checks(ws: Worksheet, data: PeriodData, checks: list[Check], *, draft: bool) -> None:
    widths = {"A": 6, "B": 10, "C": 30, "D": 14, "E": 64, "F": 10}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    title = ws.cell(row=1, column=1, value=f"审核检查{L.period_heading(data)}")
    title.font = FONT_TITLE
    title.alignment = WRAP_CENTER
    ws.merge_cells("A1:F1")
    ws.row_dimensions[1].height = 30
    counts = {s: sum(1 for c in checks if c.severity is s) for s in Severity}
    stopping = sum(1 for c in checks if c.stops_signing)
    summary = (
        f"{data.district_name}（{data.district}）{data.period.label_zh}，{L.revision_text(data.revision)}："
        f"共 {len(checks)} 项，其中{Severity.BLOCKING.label_zh} {counts[Severity.BLOCKING]} 项，"
        f"{Severity.EXPLAIN.label_zh} {counts[Severity.EXPLAIN]} 项，{Severity.INFO.label_zh} {counts[Severity.INFO]} 项。"
        + (f"尚有 {stopping} 项须处理或说明后才能签发。" if stopping else "检查通过，可以签发。")
    )
    cell = ws.cell(row=2, column=1, value=summary)
    cell.font = FONT
    cell.alignment = WRAP_TOP
    ws.merge_cells("A2:F2")
    ws.row_dimensions[2].height = 32
    headers = ("序号", "级别", "检查项", "对象", "说明", "处理情况")
    for col, label in enumerate(headers, start=1):
        c = ws.cell(row=3, column=col, value=label)
        c.font = FONT_BOLD
        c.fill = FILL_HEADER
        c.border = BORDER
        c.alignment = WRAP_CENTER
    r = 4
    for n, check in enumerate(checks, start=1):
        target = ("指标" if check.target == "indicator" else "工作任务") + f" {check.target_id}"
        handling = "已说明" if check.explained else SEVERITY_HANDLING[check.severity]
        values = (
            str(n),
            check.severity.label_zh,
            CODES.get(check.code, check.code),
            target,
            check.message,
            handling,
        )
        for col, text in enumerate(values, start=1):
            c = set_text(ws.cell(row=r, column=col), text, "检查说明")
            c.font = FONT
            c.border = BORDER
            c.alignment = (
                WRAP_TOP
                if col in (3, 5)
                else Alignment(vertical="top", horizontal="center", wrap_text=True)
            )
        ws.row_dimensions[r].height = min(
            MAX_ROW_HEIGHT,
            4
            + LINE_HEIGHT
            * max(L.line_count(values[2], widths["C"]), L.line_count(values[4], widths["E"])),
        )
        r += 1
    if not checks:
        c = ws.cell(row=r, column=1, value="本期没有检查提示。")
        c.font = FONT
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        r += 1
    note = ws.cell(
        row=r + 1,
        column=1,
        value=f"级别说明：{Severity.BLOCKING.label_zh}——处理前不能签发；{Severity.EXPLAIN.label_zh}——在指标备注或工作任务的存在问题中说明后可以签发；{Severity.INFO.label_zh}——供参考。",
    )
    note.font = FONT_SMALL
    note.alignment = WRAP_TOP
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=6)
    ws.row_dimensions[r + 1].height = 28
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    _page_setup(ws, draft, f"{data.district_name} {data.period.label_zh} 审核检查")

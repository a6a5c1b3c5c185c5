"""The PDF return (报表): A4 landscape, the same content as the workbook.

Built with reportlab platypus: the table header repeats on every page, Chinese
wraps character by character (CJK word wrap), a long narrative splits across
pages inside its cell (`splitInRow`) instead of overflowing, every page carries
第 x 页 共 y 页 (a two-pass canvas) and, on a draft, 草稿（未签发）. A chart
compares each section's mean 完成率 with 时间进度. The sign-off block sits at the
bottom of the last page with an empty box reserved for the PAdES signature
field (`SIGNATURE_BOX`), and the certificate fingerprint when known.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.files import write_atomic_with
from app.fingerprints import group_fingerprint
from app.office import Office
from app.returns import layout as L
from app.returns.pdf_fonts import register_fonts
from models.checks import CODES, Check, Severity
from models.kinds import Kind
from models.numbers import format_decimal
from models.period_data import IndicatorRow, ItemRow, PeriodData

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN_X = 15 * mm
MARGIN_TOP = 17 * mm
MARGIN_BOTTOM = 14 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

# The sign-off block: always at the bottom of the last page, so that the box
# reserved for the signature has a fixed place.
BLOCK_HEIGHT = 120.0
BOX_WIDTH = 210.0
BOX_HEIGHT = 78.0
BOX_BOTTOM = 8.0
SEAL_WIDTH = 110.0
NAME_COLUMN = 190.0
# Rows at least this tall are split across pages rather than moved whole, when at
# least MIN_PIECE of them fits on the page.
TALL_ROW = 80.0
CELL_PADDING = 2.0
CHART_MAX = 200.0  # percent: the chart's value axis never goes further
MIN_PIECE = 40.0  # x of the second column of names in the sign-off block


@dataclass(frozen=True)
class SignatureBox:
    """Where the PAdES signature field goes: PDF points, origin bottom left (x1, y1, x2, y2)."""

    page: str  # "last"
    rect: tuple[float, float, float, float]
    page_index: int | None = None  # 0-based, once a document is built


@dataclass(frozen=True)
class PdfResult:
    path: Path
    signature_box: SignatureBox
    pages: int


_BOX_X1 = MARGIN_X + FRAME_WIDTH - BOX_WIDTH
_BOX_Y1 = MARGIN_BOTTOM + BOX_BOTTOM
SIGNATURE_BOX = SignatureBox("last", (_BOX_X1, _BOX_Y1, _BOX_X1 + BOX_WIDTH, _BOX_Y1 + BOX_HEIGHT))

SEVERITY_HANDLING = {Severity.BLOCKING: "待处理", Severity.EXPLAIN: "待说明", Severity.INFO: "—"}
HEADER_GREY = colors.HexColor("#D9D9D9")
SECTION_GREY = colors.HexColor("#EDEDED")
DRAFT_RED = colors.HexColor("#C00000")
BAR_BLUE = colors.HexColor("#2F5597")


class _Styles:
    def __init__(self, font: str) -> None:
        def style(
            name: str, size: float, leading: float, align: int = TA_LEFT, **kw: Any
        ) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=size,
                leading=leading,
                alignment=align,
                wordWrap="CJK",
                **kw,
            )

        self.font = font
        # CJK wrapping lets one closing punctuation mark (，。、）) hang past the line's
        # end; the indent keeps it inside the cell's border.
        self.cell = style("cell", 7.5, 9.6, rightIndent=7.5 - CELL_PADDING)
        self.cell_right = style("cell_right", 7.5, 9.6, TA_RIGHT)
        self.cell_center = style("cell_center", 7.5, 9.6, TA_CENTER)
        self.header = style("header", 7.5, 9.2, TA_CENTER)
        self.mark = style("mark", 6.5, 8, TA_CENTER)
        self.section = style("section", 8.5, 11)
        self.title = style("title", 17, 22, TA_CENTER)
        self.subtitle = style("subtitle", 10.5, 14, TA_CENTER)
        self.draft = style("draft", 13, 17, TA_CENTER, textColor=DRAFT_RED)
        self.marks = style("marks", 7.5, 10)
        self.info = style("info", 8.5, 12)
        self.heading = style("heading", 10.5, 14, spaceBefore=8, spaceAfter=4)
        self.small = style("small", 7, 9)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters escaped, line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def set_percent_axis(chart: HorizontalBarChart, values: list[Decimal | None], time: float) -> None:
    """Bars of percentages on a 0 … 100 % axis, longer when a bar or the time needs it, but
    never past CHART_MAX: a far-ahead bar runs to the end (its label gives the number), so
    that one 4000 % bar does not flatten the others and the time line."""
    top = max([100.0, time, *(float(v) for v in values if v is not None)])
    axis_max = min(float(int(top / 20 + 0.999) * 20), CHART_MAX)
    chart.data = [[min(float(v), axis_max) if v is not None else 0.0 for v in values]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = axis_max
    chart.valueAxis.valueStep = 20 if axis_max <= 120 else 50


def add_time_line(
    drawing: Drawing, chart: HorizontalBarChart, time: float, label: str, font: str
) -> None:
    """The dashed time-elapsed line across a bar chart, labelled above it (returns, city report)."""
    x = chart.x + chart.width * time / chart.valueAxis.valueMax
    drawing.add(
        Line(
            x,
            chart.y - 4,
            x,
            chart.y + chart.height + 4,
            strokeColor=DRAFT_RED,
            strokeWidth=1.2,
            strokeDashArray=[4, 2],
        )
    )
    drawing.add(
        String(
            x,
            chart.y + chart.height + 8,
            label,
            fontName=font,
            fontSize=8,
            textAnchor="middle",
            fillColor=DRAFT_RED,
        )
    )


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}%"


def build_return_pdf(
    data: PeriodData,
    office: Office,
    checks: list[Check],
    *,
    draft: bool,
    signed_at: str | None,
    fingerprint: str | None,
    out: Path,
) -> PdfResult:
    """Write the PDF return to `out` atomically; the result says where the signature box is."""
    font = register_fonts()
    styles = _Styles(font)
    title = f"{L.return_title(data)}{L.period_heading(data)}"
    running = f"{data.district_name}（{data.district}） {data.period.label_zh} {L.revision_text(data.revision)}"
    block = _SignOff(styles, office, signed_at or "", fingerprint, draft)
    story: list[Flowable] = [
        *_title_block(data, styles, draft),
        *_info_block(data, styles),
        _main_table(data, styles),
        Spacer(1, 8),
        _chart_block(data, styles),
        *_checks_block(data, checks, styles),
        CondPageBreak(BLOCK_HEIGHT + 4),
        block,
    ]
    pages: list[int] = []

    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title + (L.DRAFT_MARK if draft else ""),
            author=f"{data.district_name}残疾人联合会",
            subject=running,
            creator="进度（Jindu）",
            invariant=1,
            initialFontName=font,
        )
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )  # fmt: skip
        doc.addPageTemplates([PageTemplate(id="return", frames=[frame])])
        canvas_class = numbered_canvas(font, running, draft, pages)
        doc.build(story, canvasmaker=canvas_class)

    write_atomic_with(out, write)
    total = pages[-1] if pages else 1
    placed = block.placed
    rect = SIGNATURE_BOX.rect if placed is None else placed[1]
    return PdfResult(out, SignatureBox("last", rect, total - 1), total)


# ----- page decoration -------------------------------------------------------------------


def numbered_canvas(font: str, running: str, draft: bool, pages: list[int]) -> type[Canvas]:
    """A canvas that holds its pages until the end, then prints 第 x 页 共 y 页 on each."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            pages.append(total)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            number = self._pageNumber
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colors.black)
            self.drawCentredString(
                PAGE_WIDTH / 2, MARGIN_BOTTOM / 2 - 3, f"第 {number} 页 共 {total} 页"
            )
            self.drawString(MARGIN_X, PAGE_HEIGHT - MARGIN_TOP / 2 - 2, running)
            if draft:
                self.setFillColor(DRAFT_RED)
                self.setFont(font, 12)
                self.drawRightString(
                    PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - MARGIN_TOP / 2 - 3, L.DRAFT_MARK
                )
                # A light diagonal mark across the page that no crop or copy removes.
                self.setFillAlpha(0.09)
                self.setFont(font, 84)
                self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
                self.rotate(24)
                self.drawCentredString(0, -28, L.DRAFT_MARK)
            self.restoreState()

    return NumberedCanvas


# ----- blocks ------------------------------------------------------------------------------


def _title_block(data: PeriodData, s: _Styles, draft: bool) -> list[Flowable]:
    marks_width = 170.0
    heading: list[Flowable] = [
        _p(L.return_title(data), s.title),
        _p(L.period_heading(data), s.subtitle),
    ]
    if draft:
        heading.append(_p(L.DRAFT_MARK, s.draft))
    marks = [_p(f"{L.spaced_label(k)}：{v}", s.marks) for k, v in L.form_markings(data)]
    table = Table(
        [[Spacer(1, 1), heading, marks]],
        colWidths=[marks_width, FRAME_WIDTH - 2 * marks_width, marks_width],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [table, Spacer(1, 4)]


def _info_block(data: PeriodData, s: _Styles) -> list[Flowable]:
    first = [
        L.labelled("district_name", data.district_name),
        L.labelled("district", data.district),
        L.labelled("period_end", data.period.end_label_zh),
        L.labelled("period", data.period.id),
        L.labelled("revision", L.revision_text(data.revision)),
    ]
    second = [
        L.labelled("plan_title", f"《{data.plan.title}》"),
        L.labelled("plan", data.plan.id),
        L.labelled("plan_version", str(data.plan.version)),
        "",
        "",
    ]
    widths = [200, 120, 190, 130, FRAME_WIDTH - 640]
    table = Table(
        [[_p(t, s.info) for t in first], [_p(t, s.info) for t in second]],
        colWidths=widths,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.font),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        ),
    )
    found: list[Flowable] = [table]
    if data.revision >= 2 or data.reason:
        found.append(_p(L.labelled("correction_reason", data.reason), s.info))
    found.append(Spacer(1, 4))
    return found


def _main_table(data: PeriodData, s: _Styles) -> Table:
    columns = L.COLUMNS
    n = len(columns)
    top: list[Any] = [""] * n
    second: list[Any] = [""] * n
    marks = [_p(c.mark, s.mark) for c in columns]
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), s.font),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 2), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, 2), "MIDDLE"),
        ("VALIGN", (0, 3), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    done_groups: set[str] = set()
    for i, column in enumerate(columns):
        if column.group is None:
            top[i] = _p(column.label, s.header)
            cmds.append(("SPAN", (i, 0), (i, 1)))
        else:
            second[i] = _p(column.label, s.header)
            if column.group not in done_groups:
                done_groups.add(column.group)
                span = sum(1 for c in columns if c.group == column.group)
                top[i] = _p(column.group, s.header)
                cmds.append(("SPAN", (i, 0), (i + span - 1, 0)))
    rows: list[list[Any]] = [top, second, marks]
    bands: list[int] = []
    for section in data.plan.sections:
        r = len(rows)
        bands.append(r)
        rows.append([_p(f"{section.number}、{section.title}", s.section)] + [""] * (n - 1))
        cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_GREY)]
        for item in section.items:
            rows.append(_item_cells(data.by_item[item.id], s))
            for row in data.rows_of_item(item.id):
                rows.append(_indicator_cells(row, s))
    table = _ReturnTable(
        rows,
        colWidths=column_widths(),
        repeatRows=3,
        splitInRow=1,
        style=TableStyle(cmds),
    )
    table.band_rows = frozenset(bands)
    return table


class _ReturnTable(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A table that splits a tall row across pages, and never re-prints its header mid-page.

    reportlab first splits between rows; when the next row is tall, the rest of
    the table (its repeated header and the part of that row that fits) would then
    be placed in the space left on the same page, repeating the header there. So:
    a tall row that meets enough space is split inside the row (the narrative
    continues on the next page); a short one moves whole to the next page. A
    section's band row never ends a page: it moves on with the row below it.
    """

    band_rows: frozenset[int] = frozenset()  # indices of the sections' band rows

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        n = self._getFirstPossibleSplitRowPosition(availHeight)
        if n >= len(heights):
            return [self]
        leftover = availHeight - sum(heights[:n])
        parts: list[Flowable] = []
        if heights[n] >= TALL_ROW and leftover >= MIN_PIECE:
            parts = self._splitRows(availHeight, doInRowSplit=True)
        if not parts:
            if n - 1 in self.band_rows and n - 1 > self.repeatRows:
                n -= 1  # split above the band: it goes with its first item
            if n <= self.repeatRows:
                return []  # only the header would fit here: start on the next page
            parts = self._splitRows(sum(heights[:n]) + 0.01, doInRowSplit=False)
        if len(parts) == 2:
            shift = n - self.repeatRows
            parts[1].band_rows = frozenset(b - shift for b in self.band_rows if b >= n)
        return parts


def column_widths() -> list[float]:
    """The table's column widths in points: the layout's, 进展情况 taking what is left of the frame."""
    widths = [c.pdf_width for c in L.COLUMNS]
    grow = [c.key for c in L.COLUMNS].index("progress")
    widths[grow] += FRAME_WIDTH - sum(widths)
    return widths


def _item_cells(item_row: ItemRow, s: _Styles) -> list[Any]:
    item = item_row.item
    cells: dict[str, Any] = {
        "id": _p(item.id, s.cell),
        "task": _p(f"{item.number}{item.title}", s.cell),
        "status": _p(L.status_text(item_row.status), s.cell_center),
        "progress": _p(item_row.progress, s.cell),
        "problems": _p(item_row.problems, s.cell),
        "next": _p(item_row.next, s.cell),
    }
    return [cells.get(c.key, "") for c in L.COLUMNS]


def _indicator_cells(row: IndicatorRow, s: _Styles) -> list[Any]:
    ind = row.indicator
    target = (
        ""
        if row.district_target is None or ind.kind is Kind.MILESTONE
        else format_decimal(row.district_target)
    )
    increment = (
        "" if row.increment is None or ind.kind is Kind.MILESTONE else format_decimal(row.increment)
    )
    cells: dict[str, Any] = {
        "id": _p(ind.id, s.cell_right),
        "indicator": _p(ind.name, s.cell),
        "unit": _p(ind.unit, s.cell_center),
        "target": _p(target, s.cell_right),
        # A milestone's date on its own line, without brackets, so that the narrow column never breaks it.
        "value": _p(L.value_text(row).replace("（", "\n").replace("）", ""), s.cell_center)
        if ind.kind is Kind.MILESTONE
        else _p(L.value_text(row), s.cell_right),
        "increment": _p(increment, s.cell_right),
        "percent": _p(_pct(row.percent), s.cell_right),
        "time": _p(_pct(row.time_percent), s.cell_right),
        "note": _p(row.note, s.cell),
    }
    return [cells.get(c.key, "") for c in L.COLUMNS]


def section_completion(data: PeriodData) -> list[tuple[str, Decimal | None]]:
    """Per section: its label and the mean 完成率 of its indicators that have one."""
    found: list[tuple[str, Decimal | None]] = []
    for section in data.plan.sections:
        values = [
            r.percent
            for r in data.rows
            if r.indicator.section_id == section.id and r.percent is not None
        ]
        mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1")) if values else None
        found.append((f"{section.number}、{section.title}", mean))
    return found


def _chart_block(data: PeriodData, s: _Styles) -> Flowable:
    sections = section_completion(data)
    time = float(data.period.time_percent)
    label_width = 250.0
    bar_step = 22.0
    chart_width = FRAME_WIDTH - label_width - 60
    height = bar_step * len(sections) + 46
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=s.font, initialFontSize=8)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 18
    chart.width = chart_width
    chart.height = bar_step * len(sections)
    # Far-ahead sections are drawn to the axis' end (their label gives the number), so
    # that one 4000 % section does not flatten the others and the time line.
    set_percent_axis(chart, [m for _, m in sections], time)
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.labels.fontName = s.font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [
        _fit(name, s.font, 8, label_width - 12) for name, _ in sections
    ]
    chart.categoryAxis.labels.fontName = s.font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.reverseDirection = 1
    chart.bars[0].fillColor = BAR_BLUE
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.barLabels.fontName = s.font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = "values"
    chart.barLabelArray = [
        [f"完成率 {m}%" if m is not None else "无可计算完成率的指标" for _, m in sections]
    ]
    drawing.add(chart)
    add_time_line(drawing, chart, time, f"时间进度 {_pct(data.period.time_percent)}", s.font)
    heading = _p(
        "各部分完成率与时间进度（完成率：该部分本区县各指标完成率的平均值；虚线：时间进度）",
        s.heading,
    )
    return KeepTogether([heading, drawing])


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _checks_block(data: PeriodData, checks: list[Check], s: _Styles) -> list[Flowable]:
    counts = {sev: sum(1 for c in checks if c.severity is sev) for sev in Severity}
    stopping = sum(1 for c in checks if c.stops_signing)
    summary = (
        f"共 {len(checks)} 项：{Severity.BLOCKING.label_zh} {counts[Severity.BLOCKING]} 项，"
        f"{Severity.EXPLAIN.label_zh} {counts[Severity.EXPLAIN]} 项，{Severity.INFO.label_zh} {counts[Severity.INFO]} 项。"
        + (f"尚有 {stopping} 项须处理或说明后才能签发。" if stopping else "检查通过，可以签发。")
    )
    found: list[Flowable] = [
        _p(f"审核检查{L.period_heading(data)}", s.heading),
        _p(summary, s.info),
    ]
    if not checks:
        return found
    widths = [24.0, 44.0, 150.0, 64.0, 0.0, 50.0]
    widths[4] = FRAME_WIDTH - sum(widths)
    rows: list[list[Any]] = [
        [_p(h, s.header) for h in ("序号", "级别", "检查项", "对象", "说明", "处理情况")]
    ]
    for n, check in enumerate(checks, start=1):
        target = ("指标" if check.target == "indicator" else "工作任务") + f" {check.target_id}"
        handling = "已说明" if check.explained else SEVERITY_HANDLING[check.severity]
        rows.append(
            [
                _p(str(n), s.cell_center),
                _p(check.severity.label_zh, s.cell_center),
                _p(CODES.get(check.code, check.code), s.cell),
                _p(target, s.cell_center),
                _p(check.message, s.cell),
                _p(handling, s.cell_center),
            ]
        )
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.font),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ]
        ),
    )
    found += [Spacer(1, 3), table]
    return found


# ----- the sign-off block -------------------------------------------------------------------


class _SignOff(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """单位负责人 … 报出日期, the seal space and the signature box, at the bottom of the page.

    It takes the rest of the frame, so that its contents always sit at the same
    place on the last page; `placed` records (page number, box rect) once drawn.
    """

    def __init__(
        self, s: _Styles, office: Office, signed_at: str, fingerprint: str | None, draft: bool
    ) -> None:
        super().__init__()
        self.s = s
        self.office = office
        self.signed_at = signed_at
        self.fingerprint = fingerprint
        self.draft = draft
        self.placed: tuple[int, tuple[float, float, float, float]] | None = None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = ah if ah >= BLOCK_HEIGHT else BLOCK_HEIGHT
        return (aw, self.height)

    def draw(self) -> None:
        c = self.canv
        font = self.s.font
        names = [
            L.labelled("head", self.office.head),
            L.labelled("reviewer", self.office.reviewer),
            L.labelled("clerk", self.office.clerk),
            L.labelled("phone", self.office.phone),
        ]
        top = BLOCK_HEIGHT - 14
        c.setFont(font, 9.5)
        for n, text in enumerate(names):
            c.drawString(0 if n % 2 == 0 else NAME_COLUMN, top - 18 * (n // 2), text)
        c.drawString(0, top - 36, L.labelled("signed_at", L.signed_at_text(self.signed_at)))
        c.setFont(font, 7.5)
        if self.fingerprint:
            c.drawString(
                0,
                top - 56,
                f"签名证书指纹（SHA-256，可电话核对）：{group_fingerprint(self.fingerprint)}",
            )
        if self.draft:
            c.setFillColor(DRAFT_RED)
            c.drawString(
                0,
                BOX_BOTTOM + 4,
                f"{L.DRAFT_MARK}：本文件为草稿，未经电子签名，不能作为正式报表上报。",
            )
            c.setFillColor(colors.black)
        # The seal: an empty space with its caption, left of the signature box.
        seal_x = self.width - BOX_WIDTH - SEAL_WIDTH - 12
        c.setFont(font, 9.5)
        c.drawCentredString(seal_x + SEAL_WIDTH / 2, top, L.SEAL_LABEL)
        # The signature box, reserved and empty: the signer's PAdES field goes over it.
        box_x = self.width - BOX_WIDTH
        c.setFont(font, 7.5)
        c.drawString(box_x, BOX_BOTTOM + BOX_HEIGHT + 4, "电子签名")
        c.setStrokeColor(colors.HexColor("#808080"))
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.rect(box_x, BOX_BOTTOM, BOX_WIDTH, BOX_HEIGHT, stroke=1, fill=0)
        c.setDash()
        if not self.draft and self.fingerprint:
            # The visible face of the signature: who signed, when, and with which certificate,
            # drawn here in the embedded font (pyHanko's stamp garbles 2048-unit CJK fonts).
            groups = group_fingerprint(self.fingerprint).split()
            district = self.office.district
            lines = [
                "已电子签名（PAdES）",
                f"签名单位：{district.name}残疾人联合会（{district.code}）",
                f"签发时间：{L.signed_at_text(self.signed_at)}",
                "证书指纹：" + " ".join(groups[:8]),
                "　　　　　" + " ".join(groups[8:]),
            ]
            c.setFont(font, 7.5)
            for n, line in enumerate(lines):
                c.drawString(box_x + 6, BOX_BOTTOM + BOX_HEIGHT - 14 - 13 * n, line)
        x1, y1 = c.absolutePosition(box_x, BOX_BOTTOM)
        x2, y2 = c.absolutePosition(box_x + BOX_WIDTH, BOX_BOTTOM + BOX_HEIGHT)
        self.placed = (c.getPageNumber(), (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)))

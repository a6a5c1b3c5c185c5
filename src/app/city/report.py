"""The city report (全市汇总): xlsx and PDF in the style of the district returns.

The same font (宋体 in Excel, the bundled WenQuanYi Micro Hei embedded in the
PDF), the same grey headers, thin grid, A4 landscape and 第 x 页 共 y 页. Contents:
the city totals against the city targets; charts of completion by section and by
district against 时间进度; the 完成率 of every district for every indicator
(▼ marks a district behind schedule, so nothing is told by colour alone); the
completeness matrix; the items behind schedule with their problems and next steps.
The workbook also has the values themselves, district by indicator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from app.city.consolidate import (
    CitySummary,
    Completeness,
    IndicatorSummary,
    completeness,
    summarize,
)
from app.city.office import CityService
from app.files import write_atomic_with
from models.kinds import Kind
from models.numbers import format_decimal
from models.periods import Period

BEHIND_MARK = "▼"
LEGEND = f"{BEHIND_MARK} 表示该区县该指标完成率落后时间进度超过 20 个百分点（滞后）"
MATRIX_CHUNK = 15  # indicator columns per PDF table: A4 landscape holds about fifteen
MIN_BAR_STEP = 8.0  # points per bar; a chart of more bars than fit is split


@dataclass(frozen=True)
class ReportData:
    city: str
    summary: CitySummary
    completeness: Completeness
    generated: datetime

    @property
    def title(self) -> str:
        return f"{self.summary.plan.title}推进情况汇总表"

    @property
    def heading(self) -> str:
        return f"（{self.summary.period.label_zh}）"

    def info_lines(self) -> list[str]:
        s, c = self.summary, self.completeness
        counts = c.counts()
        return [
            f"汇总单位：{self.city}",
            f"报告期：{s.period.end_label_zh}（{s.period.id}）",
            f"计划：《{s.plan.title}》（{s.plan.id} 第 {s.plan.version} 版）",
            f"时间进度：{_pct(s.period.time_percent)}",
            (
                f"报送情况：应报 {len(c.districts)} 个，已报 {counts['on_time'] + counts['late']} 个"
                f"（按时 {counts['on_time']}，逾期 {counts['late']}），未报 {counts['missing']} 个，"
                f"未到期 {counts['not_due']} 个；报送截止 {s.period.due_date(s.plan.due_days).isoformat()}"
            ),
            f"生成时间：{self.generated:%Y年%m月%d日 %H:%M}",
        ]


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}%"


def _num(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)


def total_text(s: IndicatorSummary) -> str:
    if s.total is None:
        return ""
    if s.indicator.kind is Kind.MILESTONE:
        return f"{format_decimal(s.total)} 个区县已完成"
    return format_decimal(s.total)


def value_text(s: IndicatorSummary, code: str) -> str:
    v = s.value_of(code)
    if v is None or v.row.value is None:
        return ""
    if s.indicator.kind is Kind.MILESTONE:
        return "已完成" if v.row.value.done else "未完成"
    return _num(v.row.value.number)


def percent_text(s: IndicatorSummary, code: str) -> str:
    v = s.value_of(code)
    if v is None:
        return ""
    text = _pct(v.row.percent) if s.indicator.kind is not Kind.MILESTONE else value_text(s, code)
    return f"{text}{BEHIND_MARK}" if v.behind else text


def section_completion(summary: CitySummary) -> list[tuple[str, Decimal | None]]:
    """Per section: the mean of its indicators' city completion (total against city target)."""
    found: list[tuple[str, Decimal | None]] = []
    for section in summary.plan.sections:
        values = [
            s.percent
            for s in summary.indicators
            if s.indicator.section_id == section.id
            and s.percent is not None
            and s.indicator.kind is not Kind.MILESTONE
        ]
        mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1")) if values else None
        found.append((f"{section.number}、{section.title}", mean))
    return found


def district_completion(summary: CitySummary) -> list[tuple[str, str, Decimal | None]]:
    """Per expected district: (code, name, mean 完成率 of its counted indicators with a target)."""
    found: list[tuple[str, str, Decimal | None]] = []
    for d in summary.districts:
        values = [
            v.row.percent
            for s in summary.indicators
            if s.indicator.kind in (Kind.COUNT, Kind.AMOUNT)
            for v in s.values
            if v.district.code == d.code and v.row.percent is not None
        ]
        mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1")) if values else None
        found.append((d.code, d.name, mean))
    return found


def behind_ids(summary: CitySummary, code: str) -> list[str]:
    return [s.indicator.id for s in summary.indicators for v in s.behind if v.district.code == code]


def build_report(
    service: CityService, period: Period, out_dir: Path, today: date | None = None
) -> list[Path]:
    """Write the city report's xlsx and PDF into `out_dir`; their paths."""
    city = service.city()
    data = ReportData(
        city.name, summarize(service, period), completeness(service, period, today), datetime.now()
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"city_{data.summary.plan.id}_{period.id}"
    xlsx = write_xlsx(data, out_dir / f"{stem}.xlsx")
    pdf = write_pdf(data, out_dir / f"{stem}.pdf")
    with service.store.change():
        service.store.audit(
            "export",
            "city_report",
            f"{data.summary.plan.id}/{period.id}",
            None,
            {"files": [str(xlsx), str(pdf)]},
        )
    return [xlsx, pdf]


# ----- xlsx --------------------------------------------------------------------------------------


def write_xlsx(data: ReportData, out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    from app.returns import xlsx_return as X

    s, c = data.summary, data.completeness
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")

    def text(
        ws: Worksheet, row: int, col: int, value: str, font: Any = None, align: Any = None
    ) -> Any:
        cell = ws.cell(row=row, column=col)
        X.set_text(cell, value, value[:10])
        cell.font = font or X.FONT
        cell.alignment = align or wrap
        cell.border = X.BORDER
        return cell

    def number(
        ws: Worksheet, row: int, col: int, value: Decimal | None, fmt: str | None = None
    ) -> Any:
        from app.returns.layout import number_cell

        cell = ws.cell(row=row, column=col)
        if value is not None:
            cell.value = number_cell(value)
            cell.number_format = fmt or (
                "#,##0" if value == value.to_integral_value() else "#,##0.####"
            )
        cell.font, cell.alignment, cell.border = X.FONT, X.NUMBER, X.BORDER
        return cell

    def heading(ws: Worksheet, last: int, sub: str) -> int:
        for row, value, font in (
            (1, data.title, X.FONT_TITLE),
            (2, f"{data.heading}{sub}", X.FONT_SUBTITLE),
        ):
            cell = ws.cell(row=row, column=1)
            X.set_text(cell, value, "标题")
            cell.font, cell.alignment = font, center
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        ws.row_dimensions[1].height = 30
        row = 3
        for line in data.info_lines():
            cell = ws.cell(row=row, column=1)
            X.set_text(cell, line, "说明")
            cell.font = X.FONT
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
            row += 1
        return row + 1

    def header(ws: Worksheet, row: int, labels: list[str], widths: list[float]) -> None:
        for col, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
            cell = text(ws, row, col, label, X.FONT_BOLD, center)
            cell.fill = X.FILL_HEADER
            ws.column_dimensions[get_column_letter(col)].width = width

    def page(ws: Worksheet, header_row: int) -> None:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    wb = Workbook()
    # 1. city totals
    ws = wb.active
    assert ws is not None
    ws.title = "全市汇总"
    labels = [
        "序号",
        "指标",
        "单位",
        "全市目标",
        "全市累计完成",
        "完成率",
        "时间进度",
        "已报区县",
        "适用区县",
        "滞后区县",
    ]
    row = heading(ws, len(labels), "")
    header(ws, row, labels, [8, 40, 7, 11, 14, 9, 9, 9, 9, 24])
    page(ws, row)
    row += 1
    for section in s.plan.sections:
        rows = [x for x in s.indicators if x.indicator.section_id == section.id]
        if not rows:
            continue
        cell = text(ws, row, 1, f"{section.number}、{section.title}", X.FONT_BOLD)
        cell.fill = X.FILL_SECTION
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(labels))
        row += 1
        for x in rows:
            ind = x.indicator
            text(ws, row, 1, ind.id)
            text(ws, row, 2, ind.name)
            text(ws, row, 3, ind.unit, align=center)
            text(ws, row, 4, ind.target_label, align=X.NUMBER)
            if ind.kind is Kind.MILESTONE:
                text(ws, row, 5, total_text(x), align=X.NUMBER)
            else:
                number(ws, row, 5, x.total)
            number(ws, row, 6, x.percent / 100 if x.percent is not None else None, "0.0%")
            number(ws, row, 7, s.period.time_percent / 100, "0.0%")
            number(ws, row, 8, Decimal(x.reported))
            number(ws, row, 9, Decimal(x.expected))
            text(ws, row, 10, "、".join(v.district.name for v in x.behind))
            row += 1

    # 2. districts x indicators: values and 完成率
    ws = wb.create_sheet("分区县完成情况")
    width = 3 + 2 * len(s.indicators) + 1
    row = heading(ws, min(width, 20), "")
    top = row
    for col, label in ((1, "区划代码"), (2, "区县"), (3, "版次")):
        cell = text(ws, top, col, label, X.FONT_BOLD, center)
        cell.fill = X.FILL_HEADER
        text(ws, top + 1, col, "", X.FONT_BOLD).fill = X.FILL_HEADER
        ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
    for n, x in enumerate(s.indicators):
        col = 4 + 2 * n
        cell = text(
            ws,
            top,
            col,
            f"{x.indicator.id} {x.indicator.name}（{x.indicator.unit}）",
            X.FONT_BOLD,
            center,
        )
        cell.fill = X.FILL_HEADER
        text(ws, top, col + 1, "", X.FONT_BOLD).fill = X.FILL_HEADER
        ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 1)
        for offset, label in enumerate(("累计完成", "完成率")):
            text(ws, top + 1, col + offset, label, X.FONT_BOLD, center).fill = X.FILL_HEADER
            ws.column_dimensions[get_column_letter(col + offset)].width = 10
    last_col = 4 + 2 * len(s.indicators)
    cell = text(ws, top, last_col, "滞后指标", X.FONT_BOLD, center)
    cell.fill = X.FILL_HEADER
    text(ws, top + 1, last_col, "", X.FONT_BOLD).fill = X.FILL_HEADER
    ws.merge_cells(start_row=top, start_column=last_col, end_row=top + 1, end_column=last_col)
    ws.row_dimensions[top].height = 60
    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 6
    ws.column_dimensions[get_column_letter(last_col)].width = 24
    row = top + 2
    for d in s.districts:
        text(ws, row, 1, d.code)
        text(ws, row, 2, d.name)
        revision = s.reporting.get(d.code)
        text(ws, row, 3, f"第{revision}版" if revision else "未报", align=center)
        for n, x in enumerate(s.indicators):
            col = 4 + 2 * n
            v = x.value_of(d.code)
            if not x.indicator.applies(d.code):
                text(ws, row, col, "不适用", X.FONT_SMALL, center).fill = X.FILL_COMPUTED
                text(ws, row, col + 1, "", X.FONT_SMALL).fill = X.FILL_COMPUTED
                continue
            if x.indicator.kind is Kind.MILESTONE:
                text(ws, row, col, value_text(x, d.code), align=center)
            else:
                number(ws, row, col, v.row.number if v else None)
            number(
                ws,
                row,
                col + 1,
                v.row.percent / 100 if v and v.row.percent is not None else None,
                "0.0%",
            )
        text(ws, row, last_col, "、".join(behind_ids(s, d.code)))
        row += 1
    ws.print_title_rows = f"{top}:{top + 1}"
    ws.freeze_panes = ws.cell(row=top + 2, column=4)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"

    # 3. completeness
    ws = wb.create_sheet("报送情况")
    labels = ["区划代码", "区县", *[p.label_zh for p in c.periods], f"{s.period.id} 签发时间"]
    row = heading(ws, len(labels), "")
    header(ws, row, labels, [9, 16, *[14] * len(c.periods), 26])
    page(ws, row)
    row += 1
    for d in c.districts:
        text(ws, row, 1, d.code)
        text(ws, row, 2, d.name)
        for n, p in enumerate(c.periods):
            text(ws, row, 3 + n, c.cell(d.code, p).label, align=center)
        text(ws, row, 3 + len(c.periods), c.cell(d.code).signed_at)
        row += 1

    # 4. items behind schedule
    ws = wb.create_sheet("滞后事项")
    labels = ["区县", "工作任务", "状态", "滞后指标", "进展情况", "存在问题", "下步打算"]
    row = heading(ws, len(labels), "")
    header(ws, row, labels, [14, 28, 8, 14, 40, 40, 40])
    page(ws, row)
    row += 1
    for b in s.behind_items:
        text(ws, row, 1, b.district.name)
        text(ws, row, 2, f"{b.item.id} {b.item.number}{b.item.title}")
        text(ws, row, 3, b.status.label_zh if b.status else "", align=center)
        text(ws, row, 4, "、".join(b.indicators))
        text(ws, row, 5, b.progress)
        text(ws, row, 6, b.problems)
        text(ws, row, 7, b.next)
        row += 1
    if not s.behind_items:
        text(ws, row, 1, "本期没有滞后的工作任务或指标。")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(labels))

    # 5. chart: completion by district
    ws = wb.create_sheet("完成率图表")
    text(ws, 1, 1, "区县", X.FONT_BOLD, center).fill = X.FILL_HEADER
    text(ws, 1, 2, "平均完成率", X.FONT_BOLD, center).fill = X.FILL_HEADER
    text(ws, 1, 3, "时间进度", X.FONT_BOLD, center).fill = X.FILL_HEADER
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 12
    by_district = district_completion(s)
    for n, (_, name, mean) in enumerate(by_district, start=2):
        text(ws, n, 1, name)
        number(ws, n, 2, mean / 100 if mean is not None else None, "0.0%")
        number(ws, n, 3, s.period.time_percent / 100, "0.0%")
    chart = BarChart()
    chart.type = "bar"
    chart.title = "各区县平均完成率与时间进度"
    chart.y_axis.number_format = "0%"
    chart.height = max(8.0, 0.45 * len(by_district))
    chart.width = 18
    chart.add_data(
        Reference(ws, min_col=2, max_col=3, min_row=1, max_row=len(by_district) + 1),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(by_district) + 1))
    ws.add_chart(chart, "E2")

    wb.active = 0
    wb.properties.title = f"{data.title}{data.heading}"
    wb.properties.creator = "进度（Jindu）"
    return write_atomic_with(out, wb.save)


# ----- PDF ---------------------------------------------------------------------------------------


def write_pdf(data: ReportData, out: Path) -> Path:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import (
        BaseDocTemplate,
        Flowable,
        Frame,
        KeepTogether,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from app.returns import pdf_return as R
    from app.returns.pdf_fonts import register_fonts

    font = register_fonts()
    s, c = data.summary, data.completeness

    def style(name: str, size: float, leading: float, align: int = TA_LEFT) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, alignment=align, wordWrap="CJK"
        )

    cell, cell_r, cell_c = (
        style("c", 7.5, 9.6),
        style("cr", 7.5, 9.6, TA_RIGHT),
        style("cc", 7.5, 9.6, TA_CENTER),
    )
    head, small = style("h", 7.5, 9.2, TA_CENTER), style("s", 6.5, 8, TA_CENTER)
    title_s, sub_s = style("t", 17, 22, TA_CENTER), style("st", 10.5, 14, TA_CENTER)
    info, heading = style("i", 8.5, 12), style("hd", 10.5, 14)
    heading.spaceBefore, heading.spaceAfter = 8, 4

    def p(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), st)

    grid: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]

    def table(
        rows: list[list[Any]],
        widths: list[float],
        header_rows: int = 1,
        extra: list[tuple[Any, ...]] | None = None,
    ) -> Table:
        cmds = [*grid, ("BACKGROUND", (0, 0), (-1, header_rows - 1), R.HEADER_GREY), *(extra or [])]
        return Table(rows, colWidths=widths, repeatRows=header_rows, style=TableStyle(cmds))

    def fit(text: str, size: float, width: float) -> str:
        if stringWidth(text, font, size) <= width:
            return text
        while text and stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        return text + "…"

    def bar_chart(
        caption: str, bars: list[tuple[str, Decimal | None]], empty: list[str] | None = None
    ) -> Flowable:
        """Horizontal bars of 完成率 with 时间进度 dashed; `empty` labels the bars with no value."""
        blanks = empty or ["无可计算的完成率"] * len(bars)
        # The bars share one page with the heading: thinner bars when there are many districts.
        label_width = 200.0
        step = max(MIN_BAR_STEP, min(22.0, (R.FRAME_HEIGHT - 90) / max(1, len(bars))))
        time = float(s.period.time_percent)
        drawing = Drawing(
            R.FRAME_WIDTH, step * len(bars) + 46, initialFontName=font, initialFontSize=8
        )
        chart = HorizontalBarChart()
        chart.x, chart.y = label_width, 18
        chart.width, chart.height = R.FRAME_WIDTH - label_width - 80, step * len(bars)
        R.set_percent_axis(chart, [m for _, m in bars], time)
        chart.valueAxis.labelTextFormat = "%d%%"
        chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = font, 7
        chart.categoryAxis.categoryNames = [fit(name, 8, label_width - 12) for name, _ in bars]
        chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = font, 7.5
        chart.categoryAxis.labels.boxAnchor, chart.categoryAxis.labels.dx = "e", -4
        chart.categoryAxis.reverseDirection = 1
        chart.bars[0].fillColor, chart.bars[0].strokeColor = R.BAR_BLUE, None
        chart.barWidth = step * 0.6
        chart.barLabels.fontName, chart.barLabels.fontSize = font, 7
        chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 3
        chart.barLabelFormat = "values"
        chart.barLabelArray = [
            [
                f"{m}%" if m is not None else blank
                for (_, m), blank in zip(bars, blanks, strict=True)
            ]
        ]
        drawing.add(chart)
        R.add_time_line(drawing, chart, time, f"时间进度 {_pct(s.period.time_percent)}", font)
        return KeepTogether([p(caption, heading), drawing])

    story: list[Flowable] = [p(data.title, title_s), p(data.heading, sub_s), Spacer(1, 6)]
    marks = [
        f"{k}：{v}"
        for k, v in s.plan.form.items()
        if k in ("表号", "制表机关", "批准机关", "批准文号", "有效期至") and v
    ]
    story += [p(line, info) for line in data.info_lines()]
    if marks:
        story.append(p("　".join(marks), style("m", 7, 9)))
    story.append(Spacer(1, 4))

    # city totals
    story.append(p("一、全市汇总（全市累计完成对照全市目标）", heading))
    rows: list[list[Any]] = [
        [
            p(h, head)
            for h in (
                "序号",
                "指标",
                "单位",
                "全市目标",
                "全市累计完成",
                "完成率",
                "时间进度",
                "已报/适用",
                "滞后区县",
            )
        ]
    ]
    extra: list[tuple[Any, ...]] = []
    for section in s.plan.sections:
        members = [x for x in s.indicators if x.indicator.section_id == section.id]
        if not members:
            continue
        extra += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), R.SECTION_GREY),
        ]
        rows.append([p(f"{section.number}、{section.title}", style("sec", 8.5, 11))] + [""] * 8)
        for x in members:
            ind = x.indicator
            rows.append(
                [
                    p(ind.id, cell), p(ind.name, cell), p(ind.unit, cell_c), p(ind.target_label, cell_r),
                    p(total_text(x), cell_r), p(_pct(x.percent), cell_r), p(_pct(s.period.time_percent), cell_r),
                    p(f"{x.reported}/{x.expected}", cell_c), p("、".join(v.district.name for v in x.behind), cell),
                ]
            )  # fmt: skip
    story.append(table(rows, [34, 214, 30, 56, 70, 46, 46, 46, R.FRAME_WIDTH - 542], extra=extra))

    # charts
    story.append(
        bar_chart(
            "二、各部分完成率与时间进度（完成率：该部分各指标全市完成率的平均值；虚线：时间进度）",
            section_completion(s),
        )
    )
    by_district = district_completion(s)
    per_chart = int((R.FRAME_HEIGHT - 90) // MIN_BAR_STEP)
    bars = [(name, mean) for _, name, mean in by_district]
    empty = ["无可计算的完成率" if code in s.reporting else "未报" for code, _, _ in by_district]
    for start in range(0, len(bars), per_chart):
        if start:
            story.append(PageBreak())
        story.append(
            bar_chart(
                "三、各区县平均完成率与时间进度（该区县计数、金额类指标完成率的平均值；虚线：时间进度）",
                bars[start : start + per_chart],
                empty[start : start + per_chart],
            )
        )
    story.append(PageBreak())

    # districts x indicators
    story.append(p(f"四、分区县完成率（{LEGEND}）", heading))
    for start in range(0, len(s.indicators), MATRIX_CHUNK):
        chunk = s.indicators[start : start + MATRIX_CHUNK]
        col = (R.FRAME_WIDTH - 100) / MATRIX_CHUNK
        rows = [
            [
                p("区县", head),
                p("版次", head),
                *[p(f"{x.indicator.id}\n{x.indicator.unit}", small) for x in chunk],
            ]
        ]
        for d in s.districts:
            revision = s.reporting.get(d.code)
            line = [p(d.name, cell), p(f"第{revision}版" if revision else "未报", cell_c)]
            for x in chunk:
                line.append(
                    p(percent_text(x, d.code) if x.indicator.applies(d.code) else "—", cell_r)
                )
            rows.append(line)
        story.append(table(rows, [70, 30, *[col] * len(chunk)]))
        names = "；".join(f"{x.indicator.id} {x.indicator.name}" for x in chunk)
        story += [Spacer(1, 2), p(f"指标：{names}。—：不适用。", style("n", 7, 9)), Spacer(1, 6)]

    # completeness
    story.append(p(f"五、报送情况（截至 {c.today.isoformat()}）", heading))
    rows = [
        [
            p(h, head)
            for h in (
                "区划代码",
                "区县",
                *[per.label_zh for per in c.periods],
                f"{s.period.id} 签发时间",
            )
        ]
    ]
    for d in c.districts:
        rows.append(
            [
                p(d.code, cell),
                p(d.name, cell),
                *[p(c.cell(d.code, per).label, cell_c) for per in c.periods],
                p(c.cell(d.code).signed_at, cell),
            ]
        )
    per_width = (R.FRAME_WIDTH - 60 - 110 - 150) / max(1, len(c.periods))
    story.append(table(rows, [60, 110, *[per_width] * len(c.periods), 150]))

    # items behind
    story.append(p("六、滞后的工作任务及存在问题", heading))
    if s.behind_items:
        rows = [
            [
                p(h, head)
                for h in (
                    "区县",
                    "工作任务",
                    "状态",
                    "滞后指标",
                    "进展情况",
                    "存在问题",
                    "下步打算",
                )
            ]
        ]
        for b in s.behind_items:
            rows.append(
                [
                    p(b.district.name, cell), p(f"{b.item.id} {b.item.number}{b.item.title}", cell),
                    p(b.status.label_zh if b.status else "", cell_c), p("、".join(b.indicators), cell),
                    p(b.progress, cell), p(b.problems, cell), p(b.next, cell),
                ]
            )  # fmt: skip
        story.append(table(rows, [60, 120, 34, 56, *[(R.FRAME_WIDTH - 270) / 3] * 3]))
    else:
        story.append(p("本期没有滞后的工作任务或指标。", info))
    story += [
        Spacer(1, 10),
        p(f"制表单位：{data.city}　　制表日期：{data.generated:%Y年%m月%d日}", info),
    ]

    running = f"{data.city} {s.period.label_zh} 全市汇总"

    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=(R.PAGE_WIDTH, R.PAGE_HEIGHT),
            leftMargin=R.MARGIN_X,
            rightMargin=R.MARGIN_X,
            topMargin=R.MARGIN_TOP,
            bottomMargin=R.MARGIN_BOTTOM,
            title=f"{data.title}{data.heading}",
            author=data.city,
            subject=running,
            creator="进度（Jindu）",
            invariant=1,
            initialFontName=font,
        )
        frame = Frame(
            R.MARGIN_X,
            R.MARGIN_BOTTOM,
            R.FRAME_WIDTH,
            R.FRAME_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="report", frames=[frame])])
        doc.build(story, canvasmaker=R.numbered_canvas(font, running, False, []))

    return write_atomic_with(out, write)

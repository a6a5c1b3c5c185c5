"""The PDF return, read back as a person and a PDF reader see it: text, fonts, pages, positions."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from app.office import OfficeService
from app.returns import layout as L
from app.returns.pdf_return import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIGNATURE_BOX,
    PdfResult,
    build_return_pdf,
    column_widths,
    section_completion,
)
from models.checks import period_checks
from models.kinds import Kind
from tests.app.conftest import PERIOD

FINGERPRINT = "0123456789abcdef" * 4
SIGNED_AT = "2018-04-08T10:30:05+08:00"
# 600 different-looking characters with punctuation and digits, no spaces, so that
# the text read back can be compared exactly.
LONG = "".join(chr(0x4E00 + (i * 37) % 20000) + ("，" if i % 23 == 22 else "") for i in range(560))
LONG = (LONG + "一二三四五六七八九十0123456789。" * 10)[:600]


def build(service: OfficeService, out: Path, *, draft: bool = False) -> PdfResult:
    data = service.period_data(service.parse_period(PERIOD))
    return build_return_pdf(
        data,
        service.office(),
        period_checks(data),
        draft=draft,
        signed_at=None if draft else SIGNED_AT,
        fingerprint=FINGERPRINT,
        out=out,
    )


def column_x(key: str) -> tuple[float, float]:
    x = MARGIN_X
    for column, width in zip(L.COLUMNS, column_widths(), strict=True):
        if column.key == key:
            return (x, x + width)
        x += width
    raise KeyError(key)


def body_top(page: pdfplumber.page.Page) -> float:
    """Below the table's header on this page (its 栏次 row: 甲 in the first column)."""
    id_x0, id_x1 = column_x("id")
    marks = [
        w
        for w in page.within_bbox((id_x0, 0, id_x1, PAGE_HEIGHT)).extract_words()
        if w["text"] == "甲"
    ]
    return marks[0]["bottom"] + 0.5 if marks else MARGIN_TOP


def column_text(pdf: pdfplumber.PDF, key: str) -> str:
    """Everything printed inside one column below the table header, all pages, without white space."""
    x0, x1 = column_x(key)
    parts = []
    for page in pdf.pages:
        inside = page.within_bbox((x0, body_top(page), x1, PAGE_HEIGHT - MARGIN_BOTTOM))
        parts.append(inside.extract_text() or "")
    return re.sub(r"\s+", "", "".join(parts))


def test_every_indicator_name_and_value_is_in_the_pdf(
    service: OfficeService, tmp_path: Path
) -> None:
    result = build(service, tmp_path / "r.pdf")
    data = service.period_data(service.parse_period(PERIOD))
    with pdfplumber.open(result.path) as pdf:
        names = column_text(pdf, "indicator")
        values = column_text(pdf, "value")
        progress = column_text(pdf, "progress")
        problems = column_text(pdf, "problems")
        tasks = column_text(pdf, "task")
        statuses = column_text(pdf, "status")
    for row in data.rows:
        assert row.indicator.name.replace(" ", "") in names, row.indicator.id
        shown = L.value_text(row)
        assert shown, row.indicator.id  # every indicator of the fixture has a value
        if row.indicator.kind is Kind.MILESTONE:
            assert shown == "已完成（2018-03-15）" and "已完成2018-03-15" in values
        else:
            assert shown in values, (row.indicator.id, shown)
    position = -1
    for item in data.items:
        found = tasks.find(f"{item.item.number}{item.item.title}".replace(" ", ""), position + 1)
        assert found > position, item.item.id  # every item, in plan order
        position = found
        assert re.sub(r"\s+", "", item.progress) in progress
        assert re.sub(r"\s+", "", item.problems) in problems
    assert statuses.count("推进中") == sum(
        1 for i in data.items if i.status and i.status.label_zh == "推进中"
    )


def test_header_fields_sign_off_and_fingerprint_are_printed(
    service: OfficeService, tmp_path: Path
) -> None:
    result = build(service, tmp_path / "r.pdf")
    with pdfplumber.open(result.path) as pdf:
        first = pdf.pages[0].extract_text()
        last = pdf.pages[-1].extract_text()
        everything = "".join(p.extract_text() for p in pdf.pages)
    for text in (
        "2018年全市残疾人工作要点推进情况报表",
        "（2018年第一季度）",
        "填报单位：渝中区",
        "区划代码：500103",
        "报告期：截至2018年3月31日",
        "版次：第1版",
        "表　　号：渝残联统1表",
        "有效期至：2018年12月31日",
    ):
        assert text.replace("　", "") in first.replace("　", "").replace(" ", ""), text
    for text in ("单位负责人：王五", "统计负责人（审核人）：李四", "填表人：张三", "联系电话：023-63651188",
                 "报出日期：2018年4月8日 10:30:05（UTC+08:00）", "单位（盖章）", "电子签名"):  # fmt: skip
        assert text in last, text
    assert "0123 4567 89AB CDEF 0123" in last
    assert L.DRAFT_MARK not in everything
    assert "审核检查" in everything


def test_every_page_is_numbered_and_a_draft_is_marked_on_each(
    service: OfficeService, tmp_path: Path
) -> None:
    result = build(service, tmp_path / "d.pdf", draft=True)
    with pdfplumber.open(result.path) as pdf:
        total = len(pdf.pages)
        assert total == result.pages >= 2
        for n, page in enumerate(pdf.pages, start=1):
            text = page.extract_text()
            assert f"第 {n} 页 共 {total} 页" in text
            assert L.DRAFT_MARK in text  # the running head
            across = [c for c in page.chars if c["text"] == "稿" and c["size"] > 40]
            assert across, n  # and the large mark across the page
        assert "报出日期：　　年　　月　　日".replace("　", "") in pdf.pages[
            -1
        ].extract_text().replace("　", "").replace(" ", "")


def test_the_font_is_embedded_as_a_subset(service: OfficeService, tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    result = build(service, tmp_path / "r.pdf")
    listing = subprocess.run(
        ["pdffonts", str(result.path)], capture_output=True, text=True, check=True
    ).stdout
    fonts = listing.splitlines()[2:]
    assert fonts, listing
    for line in fonts:
        name, *_rest = line.split()
        columns = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+WenQuanYiMicroHei.*", name), line
        assert columns[-5:-3] == ["yes", "yes"], line  # emb, sub


def test_a_600_character_narrative_wraps_inside_its_cell_and_the_margins(
    service: OfficeService, tmp_path: Path
) -> None:
    service.set_item(PERIOD, "2.1", "in_progress", LONG, LONG[:300], None)
    result = build(service, tmp_path / "long.pdf")
    x0, x1 = column_x("progress")
    with pdfplumber.open(result.path) as pdf:
        assert LONG in column_text(pdf, "progress")
        lines: set[tuple[int, float]] = set()
        for n, page in enumerate(pdf.pages):
            for ch in page.chars:
                assert ch["x0"] >= MARGIN_X - 0.5 and ch["x1"] <= PAGE_WIDTH - MARGIN_X + 0.5, ch[
                    "text"
                ]
                assert ch["top"] >= 0 and ch["bottom"] <= PAGE_HEIGHT
            inside = page.within_bbox((x0, MARGIN_TOP, x1, PAGE_HEIGHT - MARGIN_BOTTOM))
            for ch in inside.chars:
                if ch["text"] in LONG:
                    lines.add((n, round(ch["top"])))
            # Table content stays between the top and bottom margins (running head and
            # page number are printed inside the margins' own strips).
            body = [
                c for c in page.chars if MARGIN_TOP - 2 < c["top"] < PAGE_HEIGHT - MARGIN_BOTTOM
            ]
            assert all(c["bottom"] <= PAGE_HEIGHT - MARGIN_BOTTOM + 0.5 for c in body)
    assert len(lines) >= 20  # 600 characters in a 106-point column: many lines


def test_a_narrative_longer_than_a_page_continues_under_a_repeated_header(
    service: OfficeService, tmp_path: Path
) -> None:
    very_long = (LONG * 5)[:2800]
    service.set_item(PERIOD, "2.1", "in_progress", very_long, None, None)
    result = build(service, tmp_path / "long.pdf")
    x0, x1 = column_x("progress")
    with pdfplumber.open(result.path) as pdf:
        assert very_long in column_text(pdf, "progress")
        pages_with_narrative = 0
        for page in pdf.pages:
            text = page.extract_text()
            inside = (
                page.within_bbox((x0, MARGIN_TOP, x1, PAGE_HEIGHT - MARGIN_BOTTOM)).extract_text()
                or ""
            )
            if any(ch in inside for ch in very_long[:50]):
                pages_with_narrative += 1
            if "下步打算" in text:
                # The header appears once on a page, at its top: never again mid-page.
                assert text.count(L.GROUP_PROGRESS) == 1
                tops = [w["top"] for w in page.extract_words() if w["text"] == L.GROUP_PROGRESS]
                assert len(tops) == 1
    assert pages_with_narrative >= 2


@pytest.mark.parametrize("draft", [True, False])
def test_the_signature_box_is_on_the_last_page_and_shows_the_signature_when_signed(
    service: OfficeService, tmp_path: Path, draft: bool
) -> None:
    result = build(service, tmp_path / "r.pdf", draft=draft)
    box = result.signature_box
    assert box.page == "last" and box.page_index == result.pages - 1
    assert box.rect == pytest.approx(SIGNATURE_BOX.rect, abs=0.01)
    x1, y1, x2, y2 = box.rect
    assert (
        x2 <= PAGE_WIDTH - MARGIN_X + 0.01
        and y1 >= MARGIN_BOTTOM
        and x2 - x1 >= 150
        and y2 - y1 >= 60
    )
    with pdfplumber.open(result.path) as pdf:
        last = pdf.pages[-1]
        # pdfplumber measures from the top of the page.
        inside = last.within_bbox((x1, PAGE_HEIGHT - y2, x2, PAGE_HEIGHT - y1))
        text = inside.extract_text() or ""
        if draft:
            assert inside.chars == []
        else:
            assert "已电子签名" in text and service.office().district.code in text
            assert FINGERPRINT[:4].upper() in text and "2018年" in text
        rects = [
            r
            for r in last.rects
            if abs(r["x0"] - x1) < 1 and abs(r["bottom"] - (PAGE_HEIGHT - y1)) < 1
        ]
        assert rects, "the box is drawn"


def test_the_chart_compares_each_section_with_time(service: OfficeService, tmp_path: Path) -> None:
    data = service.period_data(service.parse_period(PERIOD))
    sections = section_completion(data)
    assert len(sections) == len(data.plan.sections)
    section_two = next(m for label, m in sections if label.startswith("二"))
    with_percent = [
        r.percent for r in data.rows if r.indicator.section_id == "2" and r.percent is not None
    ]
    assert section_two is not None and float(section_two) == pytest.approx(
        float(sum(with_percent)) / len(with_percent), abs=0.05
    )
    result = build(service, tmp_path / "r.pdf")
    with pdfplumber.open(result.path) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    assert "各部分完成率与时间进度" in text
    assert "时间进度 25.0%" in text
    assert f"完成率 {section_two}%" in text
    assert "无可计算完成率的指标" in text  # section 一 has no quantitative indicator


def test_the_pdf_is_small(service: OfficeService, tmp_path: Path) -> None:
    result = build(service, tmp_path / "r.pdf")
    assert result.path.stat().st_size < 1024 * 1024


def test_no_page_ends_with_a_section_band(service: OfficeService, tmp_path: Path) -> None:
    # With the fixture's data, section 三's band would otherwise be the last row of page 1.
    result = build(service, tmp_path / "r.pdf")
    id_x0, _ = column_x("id")
    with pdfplumber.open(result.path) as pdf:
        for page in pdf.pages:
            first_column = [
                w
                for w in page.extract_words()
                if w["x0"] < id_x0 + 6 and body_top(page) < w["top"] < PAGE_HEIGHT - MARGIN_BOTTOM
            ]
            if first_column:
                last = max(first_column, key=lambda w: w["top"])
                assert not re.match(r"[一二三四五六七八九十]+、", last["text"]), last["text"]


def test_a_far_ahead_bar_does_not_flatten_the_chart() -> None:
    from decimal import Decimal

    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    from app.returns.pdf_return import CHART_MAX, set_percent_axis

    chart = HorizontalBarChart()
    set_percent_axis(chart, [Decimal(4000), Decimal(10), None], 50.0)
    assert chart.valueAxis.valueMax == CHART_MAX
    assert chart.data == [[CHART_MAX, 10.0, 0.0]]
    set_percent_axis(chart, [Decimal(60)], 25.0)
    assert (chart.valueAxis.valueMax, chart.valueAxis.valueStep) == (100.0, 20)

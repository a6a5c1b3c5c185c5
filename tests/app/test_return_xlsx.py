"""The Excel return: what it shows, how it prints, and that its cells give the data back."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.canonical import canonical_bytes, canonical_return
from app.office import OfficeService
from app.returns import layout as L
from app.returns.xlsx_reader import WorkbookError, canonical_from_workbook, read_return_workbook
from app.returns.xlsx_return import build_return_xlsx
from models.checks import period_checks
from models.errors import InputError
from models.kinds import Kind, Status
from models.numbers import Value, format_decimal
from models.period_data import PeriodData
from tests.app.conftest import PERIOD

SIGNED_AT = "2018-04-08T10:30:05+08:00"


def period_data(service: OfficeService) -> PeriodData:
    return service.period_data(service.parse_period(PERIOD))


def build(
    service: OfficeService, out: Path, data: PeriodData | None = None, *, draft: bool = False
) -> Path:
    data = data or period_data(service)
    return build_return_xlsx(
        data,
        service.office(),
        period_checks(data),
        draft=draft,
        signed_at=None if draft else SIGNED_AT,
        out=out,
    )


def sheet(path: Path) -> Worksheet:
    return load_workbook(path)[L.MAIN_SHEET]


def rows_by_id(ws: Worksheet) -> dict[str, int]:
    return {
        str(c.value): c.row for c in ws["A"] if isinstance(c.value, str) and L.is_row_id(c.value)
    }


def header_row(ws: Worksheet) -> int:
    return next(c.row for c in ws["A"] if c.value == "序号")


def col(key: str) -> int:
    return L.COLUMN_INDEX[key]


def edited(
    data: PeriodData, rows: dict[str, Value | None] | None = None, **items: dict[str, str]
) -> PeriodData:
    """A copy of the period with some values and item fields replaced."""
    new_rows = [
        dataclasses.replace(r, value=rows[r.indicator.id]) if rows and r.indicator.id in rows else r
        for r in data.rows
    ]
    new_items = [
        dataclasses.replace(i, **items[i.item.id]) if i.item.id in items else i for i in data.items
    ]
    return dataclasses.replace(data, rows=new_rows, items=new_items, by_indicator={}, by_item={})


# ----- the data comes back -------------------------------------------------------------


def test_a_signed_workbook_gives_back_exactly_its_canonical_data(
    service: OfficeService, tmp_path: Path
) -> None:
    data = period_data(service)
    path = build(service, tmp_path / "r.xlsx", data)
    expected = canonical_return(data, service.office(), signed_at=SIGNED_AT, correction_reason="")
    assert canonical_from_workbook(path) == expected
    assert canonical_bytes(canonical_from_workbook(path)) == canonical_bytes(expected)
    # The fixture's narratives are in it: a line break, a formula-looking text, full width.
    items = {i["item"]: i for i in expected["items"]}
    assert items["1.2"]["progress"].startswith("=SUM(")
    assert "\n" in items["3.3"]["problems"]
    assert "５００" in items["2.1"]["progress"]
    entries = {e["indicator"]: e for e in expected["entries"]}
    assert entries["2.2.1"] == {
        "indicator": "2.2.1",
        "value": "true",
        "date": "2018-03-15",
        "note": "",
    }
    assert entries["3.3.1"]["value"] == "75"  # computed 1800 / 2400


def test_a_draft_reads_back_too_with_an_empty_signing_time(
    service: OfficeService, tmp_path: Path
) -> None:
    data = period_data(service)
    book = read_return_workbook(build(service, tmp_path / "d.xlsx", data, draft=True))
    assert book.draft
    assert (book.district, book.plan, book.plan_version, book.period, book.revision) == (
        "500103", "cq-2018", "1", PERIOD, 1,
    )  # fmt: skip
    assert book.canonical == canonical_return(
        data, service.office(), signed_at="", correction_reason=""
    )


def test_a_correction_with_awkward_values_round_trips(
    service: OfficeService, tmp_path: Path
) -> None:
    data = period_data(service)
    data = edited(
        dataclasses.replace(data, revision=2, reason="更正：2.1.1 多报 20 户。\n=重新核对"),
        {
            "2.1.1": Value(number=Decimal("123456789012345")),  # 15 digits: still a number cell
            "2.1.2": Value(number=Decimal("1234567890123456789")),  # too long for Excel: text
            "2.2.1": Value(done=False),
            "3.2.1": None,
        },
        **{
            "1.1": {
                "progress": "  前后有空格  ",
                "problems": "-1 项未完成",
                "next": "@所有人\n\n两行空行",
            },
            "2.3": {"status": None, "progress": "", "problems": "", "next": ""},
            "4.1": {"progress": "ＡＢＣ１２３，全角；e\u0301 未规范化"},
        },
    )
    path = build(service, tmp_path / "r2.xlsx", data)
    expected = canonical_return(
        data, service.office(), signed_at=SIGNED_AT, correction_reason=data.reason
    )
    got = canonical_from_workbook(path)
    assert got == expected
    entries = {e["indicator"]: e for e in got["entries"]}
    assert entries["2.1.2"]["value"] == "1234567890123456789"
    assert entries["2.2.1"]["value"] == "false"
    assert entries["3.2.1"]["value"] == ""
    assert got["correction_reason"].startswith("更正")
    assert got["revision"] == "2"


def test_a_milestone_done_without_a_date_reads_back(service: OfficeService, tmp_path: Path) -> None:
    data = edited(period_data(service), {"2.2.1": Value(done=True)})
    got = canonical_from_workbook(build(service, tmp_path / "m.xlsx", data))
    assert {e["indicator"]: e for e in got["entries"]}["2.2.1"]["value"] == "true"


_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"), max_size=60
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(progress=_TEXT, note=_TEXT, number=st.decimals(min_value=0, max_value=10**9, places=4))
def test_any_text_and_number_round_trip(
    service: OfficeService, tmp_path: Path, progress: str, note: str, number: Decimal
) -> None:
    data = period_data(service)
    rows = [
        dataclasses.replace(r, note=note) if r.indicator.id == "2.1.1" else r for r in data.rows
    ]
    data = dataclasses.replace(data, rows=rows, by_indicator={})
    data = edited(data, {"3.5.1": Value(number=number)}, **{"2.1": {"progress": progress}})
    path = build(service, tmp_path / "h.xlsx", data)
    assert canonical_from_workbook(path) == canonical_return(
        data, service.office(), signed_at=SIGNED_AT, correction_reason=""
    )


def test_every_number_and_narrative_of_the_store_is_in_its_cell(
    service: OfficeService, tmp_path: Path
) -> None:
    data = period_data(service)
    ws = sheet(build(service, tmp_path / "r.xlsx", data))
    where = rows_by_id(ws)
    for row in data.rows:
        r = where[row.indicator.id]
        assert ws.cell(r, col("indicator")).value == row.indicator.name
        cell = ws.cell(r, col("value")).value
        if row.indicator.kind is Kind.MILESTONE:
            assert cell == "已完成（2018-03-15）"
        elif row.value is None:
            assert cell is None
        else:
            assert Decimal(repr(cell)) == row.value.number
        assert (ws.cell(r, col("note")).value or "") == row.note
        if row.percent is not None:
            assert ws.cell(r, col("percent")).value == pytest.approx(float(row.percent) / 100)
        assert ws.cell(r, col("time")).value == pytest.approx(0.25)
    for item in data.items:
        r = where[item.item.id]
        assert ws.cell(r, col("status")).value == (item.status.label_zh if item.status else None)
        for key in ("progress", "problems", "next"):
            assert (ws.cell(r, col(key)).value or "") == getattr(item, key)
    # Every item is there, also those without any indicator.
    assert {i.id for i in service.plan().items()} <= set(where)
    assert len(where) == len(data.items) + len(data.rows)


def test_header_fields_and_sign_off_block_are_visible(
    service: OfficeService, tmp_path: Path
) -> None:
    ws = sheet(build(service, tmp_path / "r.xlsx"))
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    for expected in (
        "2018年全市残疾人工作要点推进情况报表",
        "（2018年第一季度）",
        "填报单位：渝中区",
        "区划代码：500103",
        "报告期：截至2018年3月31日",
        "版次：第1版",
        "表　　号：渝残联统1表",
        "制表机关：重庆市残疾人联合会",
        "批准机关：重庆市残疾人联合会",
        "批准文号：（待市残联核定）",
        "有效期至：2018年12月31日",
        "单位负责人：王五",
        "统计负责人（审核人）：李四",
        "填表人：张三",
        "联系电话：023-63651188",
        "报出日期：2018年4月8日 10:30:05（UTC+08:00）",
        "单位（盖章）",
    ):
        assert expected in texts, expected
    assert not any(L.DRAFT_MARK in t for t in texts)
    assert not any("更正说明" in t for t in texts)  # revision 1 has none


def test_the_draft_says_so_in_its_title_and_on_every_printed_page(
    service: OfficeService, tmp_path: Path
) -> None:
    path = build(service, tmp_path / "d.xlsx", draft=True)
    wb = load_workbook(path)
    ws = wb[L.MAIN_SHEET]
    assert L.DRAFT_MARK in str(wb.properties.title)
    assert any(c.value == L.DRAFT_MARK for row in ws.iter_rows(max_row=4) for c in row)
    for name in (L.MAIN_SHEET, L.CHECK_SHEET):
        assert wb[name].oddHeader.right.text == L.DRAFT_MARK
    assert ws.cell(3, 1).value == L.DRAFT_MARK
    # The template offers the statuses as a drop-down list; the signed return does not.
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"未启动,推进中,已完成,滞后"'
    assert len(validation.sqref.ranges) == len(service.plan().items())
    assert not sheet(build(service, tmp_path / "s.xlsx")).data_validations.dataValidation


def test_merged_two_row_header_with_column_numbers(service: OfficeService, tmp_path: Path) -> None:
    ws = sheet(build(service, tmp_path / "r.xlsx"))
    h = header_row(ws)
    merged = {str(r) for r in ws.merged_cells.ranges}
    for key in ("id", "task", "status", "note"):
        letter = ws.cell(h, col(key)).column_letter
        assert f"{letter}{h}:{letter}{h + 1}" in merged
    assert f"D{h}:J{h}" in merged and ws.cell(h, 4).value == L.GROUP_INDICATORS
    assert f"K{h}:M{h}" in merged and ws.cell(h, 11).value == L.GROUP_PROGRESS
    labels = [
        ws.cell(h if c.group is None else h + 1, i + 1).value for i, c in enumerate(L.COLUMNS)
    ]
    assert labels == [
        "序号", "工作任务", "状态", "指标", "单位", "全年目标", "本期累计完成", "本期新增",
        "完成率", "时间进度", "进展情况", "存在问题", "下步打算", "备注",
    ]  # fmt: skip
    assert [ws.cell(h + 2, i).value for i in (1, 2, 6, 7)] == ["甲", "乙", "1", "2"]
    assert ws.freeze_panes == f"A{h + 3}"


def test_numbers_are_numbers_with_formats(service: OfficeService, tmp_path: Path) -> None:
    ws = sheet(build(service, tmp_path / "r.xlsx"))
    where = rows_by_id(ws)
    value = ws.cell(where["3.5.1"], col("value"))  # typed as 1.2万
    assert value.value == 12000 and value.data_type == "n"
    assert value.number_format == "#,##0"
    target = ws.cell(where["3.5.1"], col("target"))
    assert target.value == 16000 and target.number_format == "#,##0"
    assert ws.cell(where["3.5.1"], col("percent")).number_format == "0.0%"
    assert ws.cell(where["3.5.1"], col("percent")).value == pytest.approx(0.75)
    assert ws.cell(where["3.3.1"], col("value")).value == 75  # computed rate
    assert ws.cell(where["2.1"], col("progress")).alignment.wrap_text
    assert ws.column_dimensions["K"].width == L.COLUMN_BY_KEY["progress"].width


def test_decimal_values_get_as_many_decimals_as_they_have(
    service: OfficeService, tmp_path: Path
) -> None:
    data = edited(period_data(service), {"2.1.1": Value(number=Decimal("16.85"))})
    ws = sheet(build(service, tmp_path / "r.xlsx", data))
    cell = ws.cell(rows_by_id(ws)["2.1.1"], col("value"))
    assert cell.value == 16.85 and cell.number_format == "#,##0.00"


def test_print_setup_a4_landscape_one_page_wide_with_page_numbers(
    service: OfficeService, tmp_path: Path
) -> None:
    wb = load_workbook(build(service, tmp_path / "r.xlsx"))
    ws = wb[L.MAIN_SHEET]
    h = header_row(ws)
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${h}:${h + 2}"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    checks = wb[L.CHECK_SHEET]
    assert (
        checks.page_setup.orientation == "landscape"
        and checks.oddFooter.center.text == "第 &P 页 共 &N 页"
    )


def test_fonts_are_named_for_windows_chinese(service: OfficeService, tmp_path: Path) -> None:
    wb = load_workbook(build(service, tmp_path / "r.xlsx"))
    for ws in wb.worksheets:
        names = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        assert names == {L.XLSX_FONT}


def test_text_starting_like_a_formula_is_stored_as_text(
    service: OfficeService, tmp_path: Path
) -> None:
    data = edited(
        period_data(service),
        **{
            "1.1": {"progress": '=HYPERLINK("http://x")', "problems": "+1", "next": "-2"},
            "1.3": {"progress": "@A1"},
        },
    )
    path = build(service, tmp_path / "r.xlsx", data)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    ws = sheet(path)
    where = rows_by_id(ws)
    for item, key in (
        ("1.1", "progress"),
        ("1.1", "problems"),
        ("1.1", "next"),
        ("1.3", "progress"),
        ("1.2", "progress"),
    ):
        cell = ws.cell(where[item], col(key))
        assert cell.data_type == "s", (item, key)
        assert cell.quotePrefix
    note = ws.cell(where["3.3.7"], col("note"))
    assert note.value == "=0 待二季度建设" and note.data_type == "s"


def test_the_checks_sheet_lists_each_check_with_its_severity(
    service: OfficeService, tmp_path: Path
) -> None:
    data = edited(period_data(service), **{"2.3": {"status": None, "progress": ""}})
    checks = period_checks(data)
    assert any(c.code == "item_status_missing" for c in checks)
    path = build(service, tmp_path / "r.xlsx", data)
    ws = load_workbook(path)[L.CHECK_SHEET]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=3 + len(checks))]
    assert [r[4] for r in rows] == [c.message for c in checks]
    assert [r[1] for r in rows] == [c.severity.label_zh for c in checks]
    assert "必须处理" in [r[1] for r in rows]


def test_a_control_character_is_refused_with_the_field_named(
    service: OfficeService, tmp_path: Path
) -> None:
    data = edited(period_data(service), **{"2.1": {"progress": "粘贴来的\x0b文字"}})
    with pytest.raises(InputError, match=r"进展情况（2\.1）"):
        build(service, tmp_path / "r.xlsx", data)
    assert not (tmp_path / "r.xlsx").exists()
    assert not list(tmp_path.glob(".tmp-*"))


def test_status_and_revision_labels_map_back() -> None:
    for status in Status:
        assert L.status_from_text(L.status_text(status)) == status.value
    assert L.parse_revision(L.revision_text(12)) == 12
    for iso in ("2018-04-08T10:30:05+08:00", "2019-12-31T23:59:59Z", "2018-01-02T03:04:05-05:30"):
        assert L.signed_at_from_text(L.signed_at_text(iso)) == iso
    assert L.signed_at_from_text(L.signed_at_text("")) == ""
    done = Value(done=True, date=date(2018, 5, 20))
    assert L.milestone_from_text(L.milestone_text(done)) == ("true", "2018-05-20")
    assert L.number_cell(Decimal("0.1")) == 0.1 and format_decimal(Decimal(repr(0.1))) == "0.1"
    assert sorted(["2.10", "2.9", "10.1", "2.1"], key=L.id_key) == ["2.1", "2.9", "2.10", "10.1"]


def test_a_workbook_with_a_column_inserted_is_not_read(
    service: OfficeService, tmp_path: Path
) -> None:
    path = build(service, tmp_path / "r.xlsx")
    wb = load_workbook(path)
    wb[L.MAIN_SHEET].insert_cols(3)
    wb.save(path)
    with pytest.raises(WorkbookError, match="表头第 C 列应为「状态」"):
        read_return_workbook(path)


def test_a_workbook_that_is_not_a_return_is_not_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    wb = Workbook()
    wb.active["A1"] = "序号"
    wb.save(path)
    with pytest.raises(WorkbookError, match="推进情况"):
        read_return_workbook(path)

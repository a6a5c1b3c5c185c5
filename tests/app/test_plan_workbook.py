"""The catalogue as a workbook: exported for Excel or WPS, every cell checked on the way back."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.plan_catalogue import Catalogue, IndicatorNode, validate, version_check
from app.plan_workbook import (
    COLUMNS,
    MAIN_SHEET,
    CatalogueWorkbookRefused,
    export_workbook,
    import_workbook,
)
from app.returns.xlsx_reader import WorkbookError
from models.errors import UsageError
from models.kinds import Kind, Level
from models.plan import Plan, load_bundled_plans, parse_plan

COL = {c.key: n for n, c in enumerate(COLUMNS, start=1)}


@pytest.fixture(scope="module")
def plan_2018() -> Plan:
    return next(p for p in load_bundled_plans() if p.id == "cq-2018")


@pytest.fixture
def exported(plan_2018: Plan, tmp_path: Path) -> tuple[Catalogue, Path]:
    cat = Catalogue.from_plan(plan_2018)
    return cat, export_workbook(cat, tmp_path / "目录.xlsx")


def row_of(ws: object, indicator_id: str) -> int:
    for r in range(2, ws.max_row + 1):  # type: ignore[attr-defined]
        if ws.cell(r, COL["id"]).value == indicator_id:  # type: ignore[attr-defined]
            return r
    raise AssertionError(indicator_id)


def test_the_2018_plan_survives_the_round_trip_exactly(
    exported: tuple[Catalogue, Path], plan_2018: Plan
) -> None:
    cat, path = exported
    result = import_workbook(path, base=cat)
    assert result.renumbered == ()
    assert validate(result.catalogue) == []
    assert parse_plan(result.catalogue.to_json(), "test") == plan_2018
    assert result.catalogue.to_json() == plan_2018.to_json()
    assert not version_check(plan_2018, result.catalogue).refused
    # Without the catalogue it came from, the ids written are taken as the origins.
    alone = import_workbook(path)
    assert alone.catalogue.based_on == ("cq-2018", 1)
    assert parse_plan(alone.catalogue.to_json(), "test") == plan_2018


def test_the_sheet_has_a_header_widths_and_a_row_for_every_item(
    exported: tuple[Catalogue, Path], plan_2018: Plan
) -> None:
    _, path = exported
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    assert [ws.cell(1, c).value for c in range(1, len(COLUMNS) + 1)] == [c.label for c in COLUMNS]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["Q"].width == 50  # 来源句
    assert ws.cell(1, 1).font.b
    # 1.1 has no indicator: one row with its item and empty indicator cells.
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, COL["item_id"]).value == "1.1"]
    assert len(rows) == 1 and ws.cell(rows[0], COL["id"]).value is None
    indicator_rows = sum(1 for r in range(2, ws.max_row + 1) if ws.cell(r, COL["id"]).value)
    assert indicator_rows == len(plan_2018.indicators())
    r = row_of(ws, "2.4.3")
    assert (ws.cell(r, COL["target"]).value, ws.cell(r, COL["target_max"]).value) == (5, 8)
    assert ws.cell(r, COL["level"]).value == "市级"
    r = row_of(ws, "3.3.1")
    assert ws.cell(r, COL["comparator"]).value == "≥"
    assert ws.cell(r, COL["formula"]).value == "3.3.2/3.3.3"
    assert ws.cell(row_of(ws, "4.3.7"), COL["applies_to"]).value == "渝西片区"
    assert {"计划信息", "区县组", "正文"} <= set(wb.sheetnames)


def test_text_that_looks_like_a_formula_is_written_as_text(plan_2018: Plan, tmp_path: Path) -> None:
    cat = Catalogue.from_plan(plan_2018)
    node = cat.find("2.1.1")
    assert isinstance(node, IndicatorNode)
    cat.set_note(node, "=SUM(A1:A3) 含上年结转")
    cat.set_name(node, "+86 危房改造")
    cat.find("2.1").title = "@全体 精准脱贫"  # type: ignore[attr-defined]
    cat.find("2").title = "-统筹实施五大行动"  # type: ignore[attr-defined]
    path = export_workbook(cat, tmp_path / "t.xlsx")
    ws = load_workbook(path)[MAIN_SHEET]
    r = row_of(ws, "2.1.1")
    for key in ("note", "name", "item_title", "section_title"):
        cell = ws.cell(r, COL[key])
        assert cell.data_type == "s" and cell.quotePrefix, key
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    again = import_workbook(path, base=cat).catalogue.find("2.1.1")
    assert isinstance(again, IndicatorNode)
    assert (again.note, again.name) == ("=SUM(A1:A3) 含上年结转", "+86 危房改造")


def test_cells_edited_in_excel_are_read_as_typed(exported: tuple[Catalogue, Path]) -> None:
    cat, path = exported
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    r = row_of(ws, "2.1.2")
    ws.cell(r, COL["target"]).value = "1.2万"
    ws.cell(r, COL["applies_to"]).value = "渝中区、500104，渝西片区"
    r = row_of(ws, "3.5.1")
    ws.cell(r, COL["kind"]).value = "amount"
    ws.cell(r, COL["unit"]).value = "万元"
    ws.cell(r, COL["target"]).value = 12.5
    r = row_of(ws, "5.1.1")
    ws.cell(r, COL["level"]).value = "市级"
    ws.cell(r, COL["applies_to"]).value = "全部"
    wb.save(path)
    result = import_workbook(path, base=cat).catalogue
    node = result.find("2.1.2")
    assert isinstance(node, IndicatorNode)
    assert node.target == Decimal(12000)
    assert node.applies_to == ["500103", "500104", "group:yuxi"]
    amount = result.find("3.5.1")
    assert isinstance(amount, IndicatorNode)
    assert (amount.kind, amount.unit, amount.target) == (Kind.AMOUNT, "万元", Decimal("12.5"))
    city = result.find("5.1.1")
    assert isinstance(city, IndicatorNode) and city.level is Level.CITY
    assert validate(result) == []


def test_a_bad_cell_refuses_the_whole_file_and_names_every_problem(
    exported: tuple[Catalogue, Path],
) -> None:
    cat, path = exported
    before = cat.to_json()
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    r = row_of(ws, "2.1.1")
    ws.cell(r, COL["kind"]).value = "数量"
    ws.cell(r, COL["target"]).value = "两千多"
    r2 = row_of(ws, "2.1.2")
    ws.cell(r2, COL["level"]).value = "省级"
    ws.cell(r2, COL["applies_to"]).value = "渝中区、火星区"
    ws.cell(r2, COL["target_max"]).value = "=B2*2"  # a real Excel formula
    r3 = row_of(ws, "3.3.1")
    ws.cell(r3, COL["formula"]).value = "9.9.9/3.3.3"
    wb["计划信息"].cell(7, 2).value = "二〇一九"  # 年度
    wb.save(path)
    with pytest.raises(CatalogueWorkbookRefused) as caught:
        import_workbook(path, base=cat)
    problems = caught.value.problems
    found = {(p.sheet, p.row, p.column) for p in problems}
    assert (MAIN_SHEET, r, "I") in found  # 类型
    assert (MAIN_SHEET, r, "K") in found  # 目标
    assert (MAIN_SHEET, r2, "N") in found  # 填报层级
    assert (MAIN_SHEET, r2, "O") in found  # 适用区县
    assert (MAIN_SHEET, r2, "L") in found  # 目标上限: a formula
    assert (MAIN_SHEET, r3, "P") in found  # 比率公式
    assert ("计划信息", 7, "B") in found
    text = caught.value.message
    assert "未导入任何内容" in text and "火星区" in text and "9.9.9" in text
    assert "工作表「指标」第" in text and "（适用区县）" in text
    assert cat.to_json() == before  # the catalogue in the editor is untouched


def test_rows_moved_in_excel_are_renumbered_and_reported(exported: tuple[Catalogue, Path]) -> None:
    cat, path = exported
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    a, b = row_of(ws, "2.1.1"), row_of(ws, "2.1.2")
    for c in range(1, len(COLUMNS) + 1):
        first, second = ws.cell(a, c), ws.cell(b, c)
        first.value, second.value = second.value, first.value
    ws.insert_rows(b + 1)
    for key, value in (("section_id", "2"), ("section_number", "二"), ("item_id", "2.1"),
                       ("item_number", "（一）"), ("name", "新增指标"), ("kind", "计数"),
                       ("unit", "个"), ("target", 3), ("source", "新增的句子。")):  # fmt: skip
        ws.cell(b + 1, COL[key]).value = value
    ws.cell(b + 1, COL["section_title"]).value = ws.cell(a, COL["section_title"]).value
    ws.cell(b + 1, COL["item_title"]).value = ws.cell(a, COL["item_title"]).value
    wb.save(path)
    result = import_workbook(path, base=cat)
    assert sorted(str(c) for c in result.renumbered) == sorted(
        [
            "指标 2.1.2 → 2.1.1（农村残疾人实用技术培训）",
            "指标 2.1.1 → 2.1.2（农村贫困残疾人危房改造）",
            "指标 2.1.3 → 2.1.4（扶持农村残疾人种养业大户）",
        ]
    )
    new = result.catalogue.find("2.1.3")
    assert isinstance(new, IndicatorNode) and new.name == "新增指标" and new.origin is None
    check = version_check(
        next(p for p in load_bundled_plans() if p.id == "cq-2018"), result.catalogue
    )
    assert check.refused  # a published plan's ids cannot move


def test_rows_of_one_item_must_stay_together(exported: tuple[Catalogue, Path]) -> None:
    cat, path = exported
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    r = row_of(ws, "2.1.3")
    ws.move_range(f"A{r}:R{r}", rows=ws.max_row + 1 - r)
    wb.save(path)
    with pytest.raises(CatalogueWorkbookRefused) as caught:
        import_workbook(path, base=cat)
    assert any("不连续" in p.message for p in caught.value.problems)


def test_files_that_are_not_catalogue_workbooks_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        import_workbook(tmp_path / "missing.xlsx")
    text = tmp_path / "note.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(WorkbookError, match="zip"):
        import_workbook(text)
    huge = tmp_path / "huge.xlsx"
    with huge.open("wb") as fh:
        fh.truncate(25 * 1024 * 1024)
    with pytest.raises(WorkbookError, match="过大"):
        import_workbook(huge)
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook>&a;</workbook>',
        )
    with pytest.raises(WorkbookError, match="DTD"):
        import_workbook(hostile)
    other = tmp_path / "other.xlsx"
    from openpyxl import Workbook

    Workbook().save(other)
    with pytest.raises(WorkbookError, match="不是进度"):
        import_workbook(other)

"""The 任务分解表: exported empty, filled in Excel, imported with every cell checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.city.allocation import (
    AllocationError,
    allocatable,
    allocations,
    export_workbook,
    import_workbook,
    total_warnings,
)
from app.city.office import CityService
from models.districts import current_districts
from models.plan import load_bundled_plans
from tests.app.helpers import db_fingerprint, jindu
from tests.app.test_city_consolidate import make_city

PLAN = next(p for p in load_bundled_plans() if p.id == "cq-2018")
DISTRICTS = current_districts(dt.date(2018, 12, 31))


@pytest.fixture
def city(tmp_path: Path) -> Iterator[CityService]:
    service = make_city(tmp_path / "city")
    yield service
    service.store.close()


def sheet_cells(path: Path) -> tuple[int, dict[str, int], dict[str, int]]:
    """(header row, column of each indicator, row of each district code)."""
    ws = load_workbook(path).active
    assert ws is not None
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "区划代码")
    columns = {str(ws.cell(header, c).value): c for c in range(3, ws.max_column + 1)}
    rows = {
        str(ws.cell(r, 1).value): r
        for r in range(header + 1, ws.max_row + 1)
        if ws.cell(r, 1).value
    }
    return header, columns, rows


def fill(path: Path, cells: dict[tuple[str, str], object]) -> None:
    _, columns, rows = sheet_cells(path)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    for (code, indicator), value in cells.items():
        ws.cell(rows[code], columns[indicator]).value = value
    wb.save(path)


def test_the_exported_workbook_lists_allocatable_indicators_and_marks_what_does_not_apply(
    city: CityService, tmp_path: Path
) -> None:
    out = export_workbook(city, tmp_path / "分解表.xlsx")
    _, columns, rows = sheet_cells(out)
    assert list(columns) == [i.id for i in allocatable(PLAN)]
    assert "3.3.1" not in columns  # computed from two counts
    assert "2.2.1" not in columns  # a milestone: its target is to do it
    assert "2.2.2" not in columns  # a city-level task
    assert set(rows) >= {d.code for d in DISTRICTS}
    ws = load_workbook(out).active
    assert ws is not None
    yuxi = next(i for i in PLAN.indicators() if i.id == "4.3.7")
    for d in DISTRICTS:
        cell = ws.cell(rows[d.code], columns["4.3.7"]).value
        assert (cell == "不适用") == (not yuxi.applies(d.code))
    assert ws.cell(rows["500103"], columns["2.1.1"]).value is None  # empty until allocated


def test_every_bad_cell_is_named_and_nothing_is_imported(city: CityService, tmp_path: Path) -> None:
    out = export_workbook(city, tmp_path / "分解表.xlsx")
    not_yuxi = next(d.code for d in DISTRICTS if not PLAN.indicator("4.3.7").applies(d.code))
    fill(
        out,
        {
            ("500103", "2.1.1"): "一百",
            ("500101", "2.1.1"): -5,
            ("500104", "2.1.2"): 12.5,  # a count of people is whole
            ("500105", "2.1.2"): dt.datetime(2018, 3, 1),
            (not_yuxi, "4.3.7"): 10,
            ("500106", "2.1.1"): "1,200",  # good cells do not rescue the bad ones
        },
    )
    before = db_fingerprint(city.data_dir)
    with pytest.raises(AllocationError) as caught:
        import_workbook(city, out)
    problems = caught.value.problems
    assert len(problems) == 5
    joined = "\n".join(problems)
    for fragment in ("「一百」", "「-5」", "「12.5」", "日期", "不适用于"):
        assert fragment in joined
    assert "渝中区 · 2.1.1" in joined and "万州区 · 2.1.1" in joined
    assert allocations(city) == {}
    assert db_fingerprint(city.data_dir) == before


def test_a_good_workbook_is_imported_and_totals_that_miss_the_city_target_are_warned(
    city: CityService, tmp_path: Path
) -> None:
    out = export_workbook(city, tmp_path / "分解表.xlsx")
    cells: dict[tuple[str, str], object] = {
        ("500103", "2.1.1"): "1,200",
        ("500101", "2.1.1"): 700,
    }
    cells[("500103", "5.1.1")] = "５０００"  # full-width digits, as an IME types them
    fill(out, cells)
    result = import_workbook(city, out)
    from models.backups import list_backups

    assert "before-import" in [b.reason for b in list_backups(city.store.backup_dir)]
    assert allocations(city) == {
        "2.1.1": {"500103": Decimal(1200), "500101": Decimal(700)},
        "5.1.1": {"500103": Decimal(5000)},
    }
    assert result.changed == 3
    warned = "\n".join(result.warnings)
    assert "2.1.1" in warned and "1900" in warned and "2000" in warned
    assert "5.1.1" in warned and "未分解" in warned  # 5000 allocated to one district only
    assert not any("5.1.1" in w and "不一致" in w for w in result.warnings)  # it adds up
    # Exported again, the workbook shows what was allocated.
    again = export_workbook(city, tmp_path / "again.xlsx")
    _, columns, rows = sheet_cells(again)
    ws = load_workbook(again).active
    assert ws is not None
    assert ws.cell(rows["500103"], columns["2.1.1"]).value == 1200


def test_a_workbook_of_another_plan_is_refused(city: CityService, tmp_path: Path) -> None:
    out = export_workbook(city, tmp_path / "分解表.xlsx")
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    ws.cell(2, 1).value = str(ws.cell(2, 1).value).replace("cq-2018", "cq-2019")
    wb.save(out)
    with pytest.raises(AllocationError, match="cq-2019"):
        import_workbook(city, out)


def test_cli_allocation_round_trip_and_a_bad_file(tmp_path: Path) -> None:
    make_city(tmp_path / "city").store.close()
    out = tmp_path / "a.xlsx"
    assert jindu(
        tmp_path / "city", "city", "allocation", "export", "--out", str(out)
    ).out.strip() == str(out)
    fill(out, {("500103", "2.1.1"): 2000})
    result = jindu(tmp_path / "city", "city", "allocation", "import", str(out))
    assert result.code == 0, result.err
    assert "1 个目标" in result.err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    assert jindu(tmp_path / "city", "city", "allocation", "import", str(bad)).code == 1
    assert (
        jindu(tmp_path / "city", "city", "allocation", "import", str(tmp_path / "none.xlsx")).code
        == 2
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3000), min_size=1, max_size=5))
def test_a_sum_warning_appears_exactly_when_the_sum_differs_from_the_target(
    parts: list[int],
) -> None:
    codes = [d.code for d in DISTRICTS[: len(parts)]]
    allocated = {"2.1.1": {c: Decimal(v) for c, v in zip(codes, parts, strict=True)}}
    warnings = [w for w in total_warnings(PLAN, allocated, DISTRICTS) if "分解合计" in w]
    assert bool(warnings) == (sum(parts) != 2000)


def test_a_range_target_warns_only_outside_the_range() -> None:
    import json

    doc = PLAN.to_json()
    ind = doc["sections"][1]["items"][0]["indicators"][0]
    ind["target"], ind["target_max"] = 5, 8
    from models.plan import parse_plan

    plan = parse_plan(json.loads(json.dumps(doc)), "test")
    codes = [d.code for d in DISTRICTS]

    def warned(*values: int) -> bool:
        given = {"2.1.1": {c: Decimal(v) for c, v in zip(codes, values, strict=False)}}
        return any("分解合计" in w for w in total_warnings(plan, given, DISTRICTS))

    assert warned(2, 2)  # 4: below the lower bound
    assert not warned(3, 2)  # 5: the lower bound
    assert not warned(3, 4)  # 7: within the range
    assert warned(5, 4)  # 9: above the upper bound

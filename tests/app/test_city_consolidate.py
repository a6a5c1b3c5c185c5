"""Consolidation and completeness, on returns recorded in a real city store with fixed dates.

The returns are written straight into the city's tables (what `city import` records
after verification), so that signing times, revisions and values are exactly the
ones a case needs. `make_city` and `add_return` are shared with the DHIS2 and
report tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.city.consolidate import completeness, summarize
from app.city.office import CityService, open_city, setup_city
from tests.app.helpers import jindu

PASSPHRASE = "city passphrase 市残联"
Q1_DUE = date(2018, 4, 10)


def make_city(folder: Path) -> CityService:
    service = open_city(folder, auto_backup=False)
    setup_city(service, "重庆市残疾人联合会", PASSPHRASE)
    return service


def add_return(
    service: CityService,
    district: str,
    period: str,
    *,
    revision: int = 1,
    signed_at: str = "2018-04-05T10:00:00+08:00",
    values: dict[str, str] | None = None,
    items: dict[str, tuple[str, str, str, str]] | None = None,
    notes: dict[str, str] | None = None,
) -> None:
    """Record a verified return as `city import` does: rows, entries, items, current revision."""
    plan = service.plan()
    db = service.store.db
    with service.store.change():
        db.execute(
            "INSERT INTO received (district, plan, plan_version, period, revision, sha256, signer, signed_at,"
            " received_at, superseded, file) VALUES (?, ?, 1, ?, ?, ?, 'f', ?, ?, 0, 'received/x.zip')",
            [
                district,
                plan.id,
                period,
                revision,
                f"{district}{period}{revision}",
                signed_at,
                signed_at,
            ],
        )
        for indicator, text in (values or {}).items():
            # A date is a milestone done on that day.
            value, when = (
                ("true", text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else (text, "")
            )
            db.execute(
                "INSERT INTO received_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    district,
                    plan.id,
                    period,
                    revision,
                    indicator,
                    value,
                    when,
                    (notes or {}).get(indicator, ""),
                ],
            )
        for item in plan.items():
            status, progress, problems, next_steps = (items or {}).get(
                item.id, ("in_progress", "推进中", "", "")
            )
            db.execute(
                "INSERT INTO received_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    district,
                    plan.id,
                    period,
                    revision,
                    item.id,
                    status,
                    progress,
                    problems,
                    next_steps,
                ],
            )
        latest = db.execute(
            "SELECT MAX(revision) FROM received WHERE district = ? AND period = ?",
            [district, period],
        ).fetchone()[0]
        db.execute(
            "UPDATE received SET superseded = (revision < ?) WHERE district = ? AND period = ?",
            [latest, district, period],
        )


def allocate(service: CityService, indicator: str, district: str, value: str) -> None:
    with service.store.change():
        service.store.db.execute(
            "INSERT INTO allocations VALUES (?, ?, ?, ?, '2018-01-20')",
            [service.plan().id, indicator, district, value],
        )


@pytest.fixture
def city(tmp_path: Path) -> Iterator[CityService]:
    service = make_city(tmp_path / "city")
    yield service
    service.store.close()


# ----- completeness -------------------------------------------------------------------------------


def test_a_return_signed_on_the_due_day_is_on_time_and_one_signed_after_it_is_late(
    city: CityService,
) -> None:
    add_return(city, "500103", "2018Q1", signed_at="2018-04-10T23:59:00+08:00")
    # 00:30 on the 11th in Chongqing is still the 10th in UTC: the district's own clock decides.
    add_return(city, "500101", "2018Q1", signed_at="2018-04-11T00:30:00+08:00")
    q1 = city.parse_period("2018Q1")
    result = completeness(city, q1, today=date(2018, 4, 11))
    assert result.cell("500103").state == "on_time"
    assert result.cell("500101").state == "late"
    assert result.cell("500104").state == "missing"
    assert result.cell("500104", city.parse_period("2018Q2")).state == "not_due"
    assert result.counts() == {"on_time": 1, "late": 1, "missing": 39, "not_due": 0}


def test_before_and_on_the_due_day_a_return_not_received_is_not_due(city: CityService) -> None:
    q1 = city.parse_period("2018Q1")
    assert completeness(city, q1, today=Q1_DUE).cell("500103").state == "not_due"
    assert completeness(city, q1, today=date(2018, 3, 1)).cell("500103").state == "not_due"
    assert completeness(city, q1, today=date(2018, 4, 11)).cell("500103").state == "missing"


def test_a_late_correction_keeps_an_on_time_return_on_time_and_shows_the_new_revision(
    city: CityService,
) -> None:
    add_return(city, "500103", "2018Q1", signed_at="2018-04-08T09:00:00+08:00")
    add_return(city, "500103", "2018Q1", revision=2, signed_at="2018-05-02T09:00:00+08:00")
    cell = completeness(city, city.parse_period("2018Q1"), today=date(2018, 6, 1)).cell("500103")
    assert (cell.state, cell.revision) == ("on_time", 2)
    assert cell.label == "按时 第2版"


def test_completeness_json_has_the_binding_fields_for_every_expected_district(
    tmp_path: Path,
) -> None:
    service = make_city(tmp_path / "city")
    add_return(service, "500103", "2018Q1")
    service.store.close()
    result = jindu(tmp_path / "city", "city", "completeness", "--period", "2018Q1", "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["period"] == "2018Q1"
    rows = {d["district"]: d for d in doc["districts"]}
    assert (
        len(rows) == 41
    )  # the units valid at the end of 2018, 两江新区 and the other zones included
    assert rows["500103"]["name"] == "渝中区"
    assert (rows["500103"]["state"], rows["500103"]["revision"]) == ("on_time", 1)
    assert rows["500101"]["state"] == "missing" and rows["500101"]["revision"] is None
    assert set(rows["500103"]["periods"]) == {"2018Q1", "2018Q2", "2018Q3", "2018Q4"}


# ----- consolidation ------------------------------------------------------------------------------


def test_totals_sum_counts_recompute_rates_and_count_milestones(city: CityService) -> None:
    add_return(
        city,
        "500103",
        "2018Q1",
        values={
            "2.1.1": "120",
            "3.3.2": "800",
            "3.3.3": "1000",
            "2.2.1": "2018-03-15",
            "3.3.1": "80",
        },
    )
    add_return(
        city,
        "500101",
        "2018Q1",
        values={"2.1.1": "30.5", "3.3.2": "100", "3.3.3": "1000", "2.2.1": "", "3.3.1": "10"},
    )
    s = summarize(city, city.parse_period("2018Q1"))
    by = {x.indicator.id: x for x in s.indicators}
    assert by["2.1.1"].total == Decimal("150.5")
    assert by["2.1.1"].percent == Decimal("7.5")  # of the city's 2000
    # 900 of 2000 in need: 45 %, not the mean of 80 % and 10 %.
    assert by["3.3.1"].total == Decimal("45")
    assert by["2.2.1"].total == Decimal(1)
    assert by["2.2.1"].reported == 1
    assert "2.2.2" not in by  # a city-level task is not consolidated from the districts
    assert by["4.3.7"].expected == 13  # applies to the 13 districts of 渝西 only
    assert s.reporting == {"500101": 1, "500103": 1}


def test_a_newer_revision_replaces_the_older_in_the_totals(city: CityService) -> None:
    add_return(city, "500103", "2018Q1", values={"2.1.1": "120"})
    add_return(city, "500101", "2018Q1", values={"2.1.1": "80"})
    add_return(city, "500103", "2018Q1", revision=2, values={"2.1.1": "150"})
    by = {x.indicator.id: x for x in summarize(city, city.parse_period("2018Q1")).indicators}
    assert by["2.1.1"].total == Decimal(230)
    assert by["2.1.1"].value_of("500103").revision == 2  # type: ignore[union-attr]


def test_percent_is_against_the_allocated_target_and_behind_schedule_lists_the_item(
    city: CityService,
) -> None:
    allocate(city, "2.1.1", "500103", "1000")
    allocate(city, "2.1.1", "500101", "100")
    add_return(city, "500103", "2018Q1", values={"2.1.1": "150"})
    add_return(
        city, "500103", "2018Q2", values={"2.1.1": "200"},
        items={"2.1": ("in_progress", "危房改造推进中", "资金拨付滞后", "加快拨付")},
    )  # fmt: skip
    add_return(
        city,
        "500101",
        "2018Q2",
        values={"2.1.1": "60"},
        items={"3.3": ("behind", "进度偏慢", "机构不足", "新增机构")},
    )
    s = summarize(city, city.parse_period("2018Q2"))
    row = next(x for x in s.indicators if x.indicator.id == "2.1.1")
    yz = row.value_of("500103")
    assert yz is not None
    assert yz.row.district_target == Decimal(1000)
    assert yz.row.percent == Decimal("20.0")
    assert yz.row.increment == Decimal(50)  # against 2018Q1
    assert yz.behind  # 20 % against 50 % of the year
    wz = row.value_of("500101")
    assert wz is not None and wz.row.percent == Decimal("60.0") and not wz.behind
    behind = {(b.district.code, b.item.id): b for b in s.behind_items}
    assert behind[("500103", "2.1")].indicators == ["2.1.1"]
    assert behind[("500103", "2.1")].problems == "资金拨付滞后"
    assert (
        behind[("500101", "3.3")].status is not None
        and behind[("500101", "3.3")].status.value == "behind"
    )
    assert behind[("500101", "3.3")].next == "新增机构"


def test_summary_json_has_the_binding_fields(tmp_path: Path) -> None:
    service = make_city(tmp_path / "city")
    add_return(service, "500103", "2018Q1", values={"2.1.1": "120", "2.2.1": "2018-03-15"})
    service.store.close()
    result = jindu(tmp_path / "city", "city", "summary", "--period", "2018Q1", "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["period"] == "2018Q1"
    first = {i["indicator"]: i for i in doc["indicators"]}
    assert set(first["2.1.1"]) >= {"indicator", "name", "unit", "city_target", "total", "districts"}
    assert (first["2.1.1"]["name"], first["2.1.1"]["unit"]) == ("农村贫困残疾人危房改造", "户")
    assert (first["2.1.1"]["city_target"], first["2.1.1"]["total"]) == (2000, 120)
    assert first["2.1.1"]["districts"] == {"500103": 120}
    assert first["2.2.1"]["districts"] == {"500103": True}
    assert first["3.3.3"]["city_target"] is None


def test_a_period_of_another_year_is_refused_naming_it(tmp_path: Path) -> None:
    make_city(tmp_path / "city").store.close()
    result = jindu(tmp_path / "city", "city", "summary", "--period", "2019Q1")
    assert result.code == 1
    assert "2019Q1" in result.err and "2018" in result.err

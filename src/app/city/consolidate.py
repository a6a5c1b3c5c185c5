"""Consolidation: what the city sees for a period, from the current revision of each return.

* City totals per district-level indicator against the city target: counts and
  amounts are summed; a rate computed from two counts is recomputed from their
  sums; another rate is the mean of the districts' rates; a milestone counts the
  districts that have done it.
* The indicator x district table: each district's value, its 完成率 against the
  target the city allocated to it (for a range, against the lower bound), and
  whether it is behind schedule — with the very rules of the districts' own
  returns (`models.period_data.IndicatorRow`), so the two never disagree.
* The completeness matrix, districts x periods of the plan's year: `on_time`,
  `late` (signed after the due day), `missing` (due and not received) or
  `not_due`, with the current revision. Timeliness is judged by the first
  revision received: a later correction does not make a return late.
* Items behind schedule (status 滞后, or an indicator behind time) with their
  narratives.

Values are cumulative year to date, so the total for a period sums what each
district reported for that period; a district that has not reported is not
counted and shows as missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.city.office import CityService
from app.office import value_json
from models.districts import District
from models.kinds import Kind, Status
from models.numbers import Value, json_number
from models.period_data import HUNDRED, IndicatorRow
from models.periods import Period, periods_in_year
from models.plan import Indicator, Item, Plan

ON_TIME, LATE, MISSING, NOT_DUE = "on_time", "late", "missing", "not_due"
STATE_LABELS = {ON_TIME: "按时", LATE: "逾期", MISSING: "未报", NOT_DUE: "未到期"}


@dataclass(frozen=True)
class DistrictValue:
    district: District
    revision: int
    row: IndicatorRow  # value, allocated target, 完成率, 时间进度, 进度状态

    @property
    def behind(self) -> bool:
        return self.row.progress_label == "滞后"


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    total: Decimal | None  # a milestone: the number of districts that have done it
    percent: Decimal | None  # total against the city target (a milestone: share of districts)
    expected: int  # districts the indicator applies to
    values: list[DistrictValue]

    @property
    def reported(self) -> int:
        return sum(1 for v in self.values if v.row.has_value)

    @property
    def behind(self) -> list[DistrictValue]:
        return [v for v in self.values if v.behind]

    def value_of(self, code: str) -> DistrictValue | None:
        return next((v for v in self.values if v.district.code == code), None)


@dataclass(frozen=True)
class BehindItem:
    district: District
    revision: int
    item: Item
    status: Status | None
    progress: str
    problems: str
    next: str
    indicators: list[str]  # ids of the item's indicators behind schedule in this district


@dataclass(frozen=True)
class CitySummary:
    plan: Plan
    period: Period
    districts: list[District]  # expected to report
    reporting: dict[str, int]  # district code -> current revision, for this period
    indicators: list[IndicatorSummary]
    behind_items: list[BehindItem]

    def as_json(self) -> dict[str, Any]:
        """`city summary --json`: the binding minimum plus details."""
        return {
            "period": self.period.id,
            "plan": {"id": self.plan.id, "version": self.plan.version},
            "time_percent": json_number(self.period.time_percent),
            "reporting": len(self.reporting),
            "expected": len(self.districts),
            "indicators": [
                {
                    "indicator": s.indicator.id,
                    "name": s.indicator.name,
                    "unit": s.indicator.unit,
                    "kind": s.indicator.kind.value,
                    "city_target": json_number(s.indicator.target),
                    "city_target_max": json_number(s.indicator.target_max),
                    "comparator": s.indicator.comparator,
                    "total": json_number(s.total),
                    "percent": json_number(s.percent),
                    "reported": s.reported,
                    "expected": s.expected,
                    "districts": {
                        v.district.code: value_json(v.row.value)
                        for v in s.values
                        if v.row.has_value
                    },
                    "details": [
                        {
                            "district": v.district.code,
                            "name": v.district.name,
                            "revision": v.revision,
                            "value": value_json(v.row.value),
                            "target": json_number(v.row.district_target),
                            "percent": json_number(v.row.percent),
                            "progress": v.row.progress_label,
                            "behind": v.behind,
                        }
                        for v in s.values
                    ],
                }
                for s in self.indicators
            ],
            "behind_items": [
                {
                    "district": b.district.code,
                    "name": b.district.name,
                    "item": b.item.id,
                    "title": b.item.title,
                    "status": b.status.value if b.status else None,
                    "progress": b.progress,
                    "problems": b.problems,
                    "next": b.next,
                    "indicators_behind": b.indicators,
                }
                for b in self.behind_items
            ],
        }


@dataclass(frozen=True)
class Cell:
    district: str
    period: Period
    state: str
    revision: int | None
    signed_at: str
    due: date

    @property
    def label(self) -> str:
        text = STATE_LABELS[self.state]
        return f"{text} 第{self.revision}版" if self.revision else text


@dataclass(frozen=True)
class Completeness:
    plan: Plan
    period: Period
    periods: list[Period]
    districts: list[District]
    today: date
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)

    def cell(self, code: str, period: Period | None = None) -> Cell:
        return self.cells[(code, (period or self.period).id)]

    def counts(self, period: Period | None = None) -> dict[str, int]:
        found = dict.fromkeys(STATE_LABELS, 0)
        for d in self.districts:
            found[self.cell(d.code, period).state] += 1
        return found

    def as_json(self) -> dict[str, Any]:
        """`city completeness --json`: the binding minimum plus the whole year's matrix."""
        return {
            "period": self.period.id,
            "due": self.period.due_date(self.plan.due_days).isoformat(),
            "today": self.today.isoformat(),
            "counts": self.counts(),
            "districts": [
                {
                    "district": d.code,
                    "name": d.name,
                    "state": self.cell(d.code).state,
                    "revision": self.cell(d.code).revision,
                    "signed_at": self.cell(d.code).signed_at or None,
                    "periods": {
                        p.id: {
                            "state": self.cell(d.code, p).state,
                            "revision": self.cell(d.code, p).revision,
                        }
                        for p in self.periods
                    },
                }
                for d in self.districts
            ],
        }


def _value(kind: Kind, text: str, when: str) -> Value | None:
    if text == "":
        return None
    if kind is Kind.MILESTONE:
        return Value(done=text == "true", date=date.fromisoformat(when) if when else None)
    return Value(number=Decimal(text))


def _current(service: CityService, plan: Plan, period_ids: list[str]) -> Iterator[tuple[Any, ...]]:
    marks = ",".join("?" * len(period_ids))
    yield from service.store.db.execute(
        "SELECT r.district, r.period, r.revision, e.indicator, e.value, e.date, e.note"
        " FROM received r JOIN received_entries e ON e.district = r.district AND e.plan = r.plan"
        " AND e.period = r.period AND e.revision = r.revision"
        f" WHERE r.plan = ? AND r.superseded = 0 AND r.period IN ({marks})",
        [plan.id, *period_ids],
    )


def allocated_targets(service: CityService, plan_id: str) -> dict[tuple[str, str], Decimal]:
    """(indicator, district) -> the target the city allocated."""
    return {
        (r[0], r[1]): Decimal(r[2])
        for r in service.store.db.execute(
            "SELECT indicator, district, value FROM allocations WHERE plan = ?", [plan_id]
        )
    }


def summarize(service: CityService, period: Period, plan: Plan | None = None) -> CitySummary:
    """The consolidated period: totals, the indicator x district table, items behind."""
    plan = plan or service.plan()
    districts = service.expected_districts(plan)
    by_code = {d.code: d for d in districts}
    year = [p for p in periods_in_year(plan.year, plan.frequency) if p <= period]
    ids = [p.id for p in year]
    raw: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    reporting_all: dict[tuple[str, str], int] = {}
    for district, per, revision, indicator, value, when, note in _current(service, plan, ids):
        raw[(district, per, indicator)] = (value, when, note)
        reporting_all[(district, per)] = revision
    reporting = {d: rev for (d, p), rev in reporting_all.items() if p == period.id}
    targets = allocated_targets(service, plan.id)
    summaries: list[IndicatorSummary] = []
    behind_by_item: dict[tuple[str, str], list[str]] = {}
    for ind in plan.indicators():
        if ind.level.value != "district":
            continue
        applicable = [d for d in districts if ind.applies(d.code)]
        values: list[DistrictValue] = []
        for code in sorted(reporting):
            if not ind.applies(code) or code not in by_code:
                continue
            row = _row(ind, code, period, year, raw, targets)
            dv = DistrictValue(by_code[code], reporting[code], row)
            values.append(dv)
            if dv.behind:
                behind_by_item.setdefault((code, ind.item_id), []).append(ind.id)
        total, percent = _total(plan, ind, values, len(applicable), raw, period)
        summaries.append(IndicatorSummary(ind, total, percent, len(applicable), values))
    behind_items = _behind_items(service, plan, period, reporting, by_code, behind_by_item)
    return CitySummary(plan, period, districts, reporting, summaries, behind_items)


def _row(
    ind: Indicator,
    code: str,
    period: Period,
    year: list[Period],
    raw: dict[tuple[str, str, str], tuple[str, str, str]],
    targets: dict[tuple[str, str], Decimal],
) -> IndicatorRow:
    got = raw.get((code, period.id, ind.id))
    value = _value(ind.kind, got[0], got[1]) if got else None
    previous = None
    for earlier in reversed(year[:-1]):
        prev = raw.get((code, earlier.id, ind.id))
        if prev and prev[0] != "":
            previous = _value(ind.kind, prev[0], prev[1])
            break
    if ind.kind is Kind.MILESTONE:
        target: Decimal | None = Decimal(1)
    elif ind.computed:
        target = ind.target
    else:
        target = targets.get((ind.id, code))
    return IndicatorRow(
        indicator=ind,
        value=value,
        note=got[2] if got else "",
        previous=previous,
        district_target=target,
        target_source="allocated" if target is not None and not ind.computed else None,
        time_percent=period.time_percent,
    )


def _total(
    plan: Plan,
    ind: Indicator,
    values: list[DistrictValue],
    expected: int,
    raw: dict[tuple[str, str, str], tuple[str, str, str]],
    period: Period,
) -> tuple[Decimal | None, Decimal | None]:
    numbers = [v.row.number for v in values if v.row.number is not None]
    if not numbers:
        return None, None
    if ind.kind is Kind.MILESTONE:
        done = sum(numbers, Decimal(0))
        return done, (done / expected * HUNDRED).quantize(Decimal("0.1")) if expected else None
    if ind.kind is Kind.RATE:
        if ind.formula is not None:
            total = _formula_total(ind, [v.district.code for v in values], raw, period)
        else:
            total = (sum(numbers, Decimal(0)) / len(numbers)).quantize(Decimal("0.01")).normalize()
    else:
        total = sum(numbers, Decimal(0))
    if total is None or not ind.target:
        return total, None
    return total, (total / ind.target * HUNDRED).quantize(Decimal("0.1"))


def _formula_total(
    ind: Indicator,
    codes: list[str],
    raw: dict[tuple[str, str, str], tuple[str, str, str]],
    period: Period,
) -> Decimal | None:
    assert ind.formula is not None
    num = den = Decimal(0)
    for code in codes:
        a = raw.get((code, period.id, ind.formula.numerator))
        b = raw.get((code, period.id, ind.formula.denominator))
        if a and b and a[0] != "" and b[0] != "":
            num += Decimal(a[0])
            den += Decimal(b[0])
    if not den:
        return None
    return (num / den * HUNDRED).quantize(Decimal("0.01")).normalize()


def _behind_items(
    service: CityService,
    plan: Plan,
    period: Period,
    reporting: dict[str, int],
    by_code: dict[str, District],
    behind_by_item: dict[tuple[str, str], list[str]],
) -> list[BehindItem]:
    found: list[BehindItem] = []
    rows = service.store.db.execute(
        "SELECT i.district, i.revision, i.item, i.status, i.progress, i.problems, i.next"
        " FROM received r JOIN received_items i ON i.district = r.district AND i.plan = r.plan"
        " AND i.period = r.period AND i.revision = r.revision"
        " WHERE r.plan = ? AND r.period = ? AND r.superseded = 0",
        [plan.id, period.id],
    ).fetchall()
    for code, revision, item_id, status, progress, problems, next_steps in rows:
        late_indicators = behind_by_item.get((code, item_id), [])
        if status != Status.BEHIND.value and not late_indicators:
            continue
        if code not in by_code or reporting.get(code) != revision:
            continue
        found.append(
            BehindItem(
                by_code[code], revision, plan.item(item_id), Status(status) if status else None,
                progress, problems, next_steps, late_indicators,
            )
        )  # fmt: skip
    order = {item.id: n for n, item in enumerate(plan.items())}
    found.sort(key=lambda b: (order[b.item.id], b.district.code))
    return found


def _signed_day(signed_at: str) -> date | None:
    """The day of signing as the district's clock said it (the offset it wrote)."""
    try:
        return datetime.fromisoformat(signed_at).date()
    except ValueError:
        return None


def completeness(
    service: CityService, period: Period, today: date | None = None, plan: Plan | None = None
) -> Completeness:
    """The matrix districts x periods of the plan's year, judged on `today`."""
    plan = plan or service.plan()
    day = today or date.today()
    periods = periods_in_year(plan.year, plan.frequency)
    districts = service.expected_districts(plan)
    first_signed: dict[tuple[str, str], str] = {}
    current: dict[tuple[str, str], int] = {}
    for district, per, revision, signed_at, superseded in service.store.db.execute(
        "SELECT district, period, revision, signed_at, superseded FROM received WHERE plan = ?"
        " ORDER BY revision",
        [plan.id],
    ):
        first_signed.setdefault((district, per), signed_at)
        if not superseded:
            current[(district, per)] = revision
    result = Completeness(plan, period, periods, districts, day)
    for d in districts:
        for p in periods:
            due = p.due_date(plan.due_days)
            key = (d.code, p.id)
            if key in current:
                signed = _signed_day(first_signed[key])
                state = LATE if signed is not None and signed > due else ON_TIME
                cell = Cell(d.code, p, state, current[key], first_signed[key], due)
            else:
                cell = Cell(d.code, p, MISSING if day > due else NOT_DUE, None, "", due)
            result.cells[key] = cell
    return result

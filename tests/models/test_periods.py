"""Reporting periods: DHIS2 ids, labels, dates, order and what a clerk may type."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import InputError
from models.periods import (
    Period,
    PeriodType,
    current_period,
    due_period,
    parse_period,
    period_type,
    periods_in_year,
)

Q = PeriodType.QUARTERLY
M = PeriodType.MONTHLY
S = PeriodType.SEMIANNUAL
Y = PeriodType.YEARLY


@st.composite
def periods(draw: st.DrawFn, kind: PeriodType | None = None) -> Period:
    chosen = kind or draw(st.sampled_from(list(PeriodType)))
    year = draw(st.integers(2000, 2100))
    return Period(year, chosen, draw(st.integers(1, chosen.per_year)))


def to_fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# ----- ids and labels ------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "pid", "label"),
    [
        (Period(2018, Y), "2018", "2018年"),
        (Period(2018, S, 1), "2018S1", "2018年上半年"),
        (Period(2018, S, 2), "2018S2", "2018年下半年"),
        (Period(2018, Q, 1), "2018Q1", "2018年第一季度"),
        (Period(2018, Q, 2), "2018Q2", "2018年第二季度"),
        (Period(2018, Q, 3), "2018Q3", "2018年第三季度"),
        (Period(2018, Q, 4), "2018Q4", "2018年第四季度"),
        (Period(2018, M, 1), "201801", "2018年1月"),
        (Period(2018, M, 12), "201812", "2018年12月"),
    ],
)
def test_ids_and_chinese_labels(period: Period, pid: str, label: str) -> None:
    assert period.id == pid
    assert str(period) == pid
    assert period.label_zh == label


def test_the_frequency_string_of_a_plan_is_the_period_type() -> None:
    assert [t.value for t in PeriodType] == ["yearly", "semiannual", "quarterly", "monthly"]
    assert Period(2018, "quarterly", 2) == Period(2018, Q, 2)  # type: ignore[arg-type]
    assert period_type(" Quarterly ") is Q
    with pytest.raises(InputError) as caught:
        period_type("weekly")
    assert caught.value.field == "填报频率" and "weekly" in str(caught.value)


@pytest.mark.parametrize(("kind", "index"), [(Q, 0), (Q, 5), (S, 3), (M, 13), (Y, 2)])
def test_an_impossible_period_cannot_be_built(kind: PeriodType, index: int) -> None:
    with pytest.raises(ValueError):
        Period(2018, kind, index)


# ----- dates ------------------------------------------------------------------------


def test_the_first_quarter_of_2018() -> None:
    q1 = Period(2018, Q, 1)
    assert (q1.start, q1.end) == (date(2018, 1, 1), date(2018, 3, 31))
    assert q1.months_elapsed == 3
    assert q1.fraction_elapsed == Decimal("0.25")
    assert q1.time_percent == Decimal("25")
    assert str(q1.time_percent) == "25"
    assert q1.due_date(10) == date(2018, 4, 10)
    assert q1.as_iso_range() == "2018-01-01/P3M"
    assert q1.end_label_zh == "截至2018年3月31日"


@pytest.mark.parametrize(
    ("period", "end", "percent", "iso"),
    [
        (Period(2018, Y), date(2018, 12, 31), "100", "2018-01-01/P1Y"),
        (Period(2018, S, 1), date(2018, 6, 30), "50", "2018-01-01/P6M"),
        (Period(2018, S, 2), date(2018, 12, 31), "100", "2018-07-01/P6M"),
        (Period(2018, Q, 3), date(2018, 9, 30), "75", "2018-07-01/P3M"),
        (Period(2018, M, 1), date(2018, 1, 31), "8.3", "2018-01-01/P1M"),
        (Period(2018, M, 2), date(2018, 2, 28), "16.7", "2018-02-01/P1M"),
        (Period(2020, M, 2), date(2020, 2, 29), "16.7", "2020-02-01/P1M"),
        (Period(2018, M, 5), date(2018, 5, 31), "41.7", "2018-05-01/P1M"),
        (Period(2018, M, 11), date(2018, 11, 30), "91.7", "2018-11-01/P1M"),
    ],
)
def test_ends_time_progress_and_iso_ranges(
    period: Period, end: date, percent: str, iso: str
) -> None:
    assert period.end == end
    assert str(period.time_percent) == percent
    assert period.as_iso_range() == iso


def test_the_year_return_is_due_in_the_next_year() -> None:
    assert Period(2018, Q, 4).due_date(10) == date(2019, 1, 10)
    assert Period(2018, Q, 4).due_date(0) == date(2018, 12, 31)
    with pytest.raises(ValueError):
        Period(2018, Q, 4).due_date(-1)


@given(periods())
def test_time_progress_is_the_share_of_the_year_at_the_end(p: Period) -> None:
    assert p.fraction_elapsed == Decimal(p.end.month) / 12
    assert abs(p.time_percent - p.fraction_elapsed * 100) <= Decimal("0.05")
    assert p.contains(p.start) and p.contains(p.end)
    assert not p.contains(p.start - timedelta(days=1))
    assert not p.contains(p.end + timedelta(days=1))


# ----- neighbours and order ---------------------------------------------------------


def test_neighbours_cross_years() -> None:
    assert Period(2018, Q, 4).next() == Period(2019, Q, 1)
    assert Period(2019, Q, 1).previous() == Period(2018, Q, 4)
    assert Period(2018, M, 12).next().id == "201901"
    assert Period(2018, S, 1).previous().id == "2017S2"
    assert Period(2018, Y).next().id == "2019"


@given(periods())
def test_next_and_previous_are_inverse_and_adjacent(p: Period) -> None:
    assert p.next().previous() == p
    assert p.previous().next() == p
    assert p.next().start == p.end + timedelta(days=1)
    assert p < p.next() and p.previous() < p


@given(periods(), periods())
def test_order_follows_start_dates_within_a_type(a: Period, b: Period) -> None:
    if a.type is not b.type:
        with pytest.raises(TypeError):
            _ = a < b
        return
    assert (a < b) == (a.start < b.start)
    assert (a <= b) == (a.start <= b.start)
    assert (a > b) == (a.start > b.start)
    assert (a >= b) == (a.start >= b.start)
    assert (a == b) == (a.start == b.start)


def test_different_types_do_not_compare_but_sort_by_key() -> None:
    with pytest.raises(TypeError):
        _ = Period(2018, Q, 1) < Period(2018, M, 2)
    with pytest.raises(TypeError):
        _ = Period(2018, Q, 1) >= Period(2018, M, 2)
    assert Period(2018, Q, 1) != Period(2018, M, 1)
    mixed = [Period(2018, Y), Period(2018, M, 4), Period(2018, Q, 1)]
    assert [p.id for p in sorted(mixed, key=lambda p: p.sort_key)] == ["2018Q1", "2018", "201804"]
    assert sorted([Period(2019, Q, 1), Period(2018, Q, 4), Period(2018, Q, 2)]) == [
        Period(2018, Q, 2),
        Period(2018, Q, 4),
        Period(2019, Q, 1),
    ]


# ----- parsing ----------------------------------------------------------------------


@given(periods())
def test_every_id_parses_back(p: Period) -> None:
    assert parse_period(p.id) == p
    assert parse_period(p.id, p.type) == p
    assert parse_period(p.id, p.type.value) == p


@given(periods())
def test_lowercase_fullwidth_and_spaces_are_accepted(p: Period) -> None:
    assert parse_period(p.id.lower()) == p
    assert parse_period(to_fullwidth(p.id.lower())) == p
    assert parse_period(f"  {p.id}\t") == p
    assert parse_period(f"\u3000{to_fullwidth(p.id)}\u3000") == p


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2018Q5", ["2018Q5", "Q1 到 Q4"]),
        ("2018Q0", ["Q1 到 Q4"]),
        ("2018Q01", ["Q1 到 Q4"]),
        ("201813", ["201813", "01 到 12"]),
        ("201800", ["01 到 12"]),
        ("2018S3", ["S1", "S2"]),
        ("1999Q1", ["2000 到 2100"]),
        ("2101", ["2000 到 2100"]),
        ("2018-03", ["2018-03", "2018Q1", "201801"]),
        ("2018 Q1", ["2018Q1"]),
        ("Q1", ["2018Q1"]),
        ("", ["201801"]),
        ("2018W1", ["2018S1"]),
        ("2018年第一季度", ["2018Q1"]),
        ("٢٠١٨Q1", ["2018Q1"]),  # Arabic-Indic digits are not ASCII digits after NFKC
    ],
)
def test_malformed_ids_are_refused_naming_the_value(text: str, words: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        parse_period(text)
    assert caught.value.field == "报告期"
    assert caught.value.value == text
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize(
    ("text", "frequency", "expected"),
    [
        ("201803", "quarterly", "本计划按季度填报，应为 2018Q1 的形式"),
        ("2019", Q, "本计划按季度填报，应为 2019Q1 的形式"),
        ("2018Q1", "monthly", "本计划按月填报，应为 201801 的形式"),
        ("2018Q2", S, "本计划按半年填报，应为 2018S1 的形式"),
        ("2018S1", "yearly", "本计划按年填报，应为 2018 的形式"),
        ("garbage", Q, "本计划按季度填报，应为 2018Q1 的形式"),
    ],
)
def test_another_frequency_is_refused_naming_the_expected_form(
    text: str, frequency: str | PeriodType, expected: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_period(text, frequency)
    assert caught.value.field == "报告期"
    assert caught.value.reason == expected
    assert text in str(caught.value)


def test_an_out_of_range_index_in_the_expected_form_names_the_range() -> None:
    with pytest.raises(InputError, match="Q1 到 Q4"):
        parse_period("2018q5", "quarterly")


# ----- a year's periods and the default one -------------------------------------------


def test_periods_in_a_year() -> None:
    assert [p.id for p in periods_in_year(2018, "quarterly")] == [
        "2018Q1", "2018Q2", "2018Q3", "2018Q4",
    ]  # fmt: skip
    assert [p.id for p in periods_in_year(2018, S)] == ["2018S1", "2018S2"]
    assert [p.id for p in periods_in_year(2018, Y)] == ["2018"]
    months = periods_in_year(2018, M)
    assert len(months) == 12 and months[0].id == "201801" and months[-1].id == "201812"


@given(st.sampled_from(list(PeriodType)), st.integers(2000, 2100))
def test_a_years_periods_tile_the_year(kind: PeriodType, year: int) -> None:
    found = periods_in_year(year, kind)
    assert found[0].start == date(year, 1, 1)
    assert found[-1].end == date(year, 12, 31)
    for a, b in itertools.pairwise(found):
        assert a.next() == b


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.sampled_from(list(PeriodType)))
def test_the_current_period_contains_today(today: date, kind: PeriodType) -> None:
    p = current_period(today, kind)
    assert p.type is kind and p.contains(today)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2017, 12, 1), "2018Q1"),  # the plan's year has not started
        (date(2018, 1, 15), "2018Q1"),  # nothing has ended yet
        (date(2018, 3, 30), "2018Q1"),
        (date(2018, 3, 31), "2018Q1"),  # Q1's last day: it has ended
        (date(2018, 4, 5), "2018Q1"),  # within Q1's due window (to 2018-04-10)
        (date(2018, 4, 11), "2018Q1"),  # late, but still Q1 until Q2 ends
        (date(2018, 6, 30), "2018Q2"),
        (date(2018, 7, 10), "2018Q2"),
        (date(2018, 12, 31), "2018Q4"),
        (date(2019, 1, 5), "2018Q4"),  # the year's return
        (date(2023, 6, 1), "2018Q4"),
    ],
)
def test_the_period_to_work_on_by_default(today: date, expected: str) -> None:
    assert due_period(2018, "quarterly", 10, today).id == expected


def test_the_default_period_for_monthly_and_yearly_plans() -> None:
    assert due_period(2018, "monthly", 5, date(2018, 3, 3)).id == "201802"
    assert due_period(2018, "yearly", 10, date(2018, 6, 1)).id == "2018"
    assert due_period(2018, "semiannual", 10, date(2018, 7, 1)).id == "2018S1"
    with pytest.raises(ValueError):
        due_period(2018, "quarterly", -1, date(2018, 7, 1))


@given(st.dates(date(2017, 1, 1), date(2020, 12, 31)), st.sampled_from(list(PeriodType)))
def test_the_default_period_has_ended_unless_none_has(today: date, kind: PeriodType) -> None:
    p = due_period(2018, kind, 10, today)
    assert p.year == 2018 and p.type is kind
    if p.end <= today:
        # The latest one of the year that has ended: the next one has not, or the year is over.
        assert p.index == kind.per_year or p.next().end > today
    else:
        # None has ended yet: the first one.
        assert p.index == 1

"""What clerks type: numbers with units, 万, thousands separators, yes/no and dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from models.errors import InputError
from models.kinds import Kind
from models.numbers import (
    Value,
    format_decimal,
    parse_date,
    parse_milestone,
    parse_number,
    parse_value,
)

FIELD = "2.1.1 危房改造"


def to_fullwidth(text: str) -> str:
    """What an IME in full-width mode produces for ASCII text."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


def refused(text: str, *args: object, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_number(text, FIELD, *args, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert error.field == FIELD and error.value == text
    assert FIELD in str(error) and text in str(error)
    return error


# ----- format_decimal --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("16.80", "16.8"),
        ("1E+5", "100000"),
        ("0.000", "0"),
        ("-0", "0"),
        ("-0.00", "0"),
        ("120", "120"),
        ("1.2E+4", "12000"),
        ("0.0001", "0.0001"),
        ("1E-7", "0.0000001"),
        ("-3.50", "-3.5"),
        ("100.0", "100"),
        ("1234567890123456789012345678901.5", "1234567890123456789012345678901.5"),
    ],
)
def test_format_decimal_is_plain(value: str, text: str) -> None:
    assert format_decimal(Decimal(value)) == text


def test_format_decimal_refuses_what_is_not_a_number() -> None:
    for bad in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(ValueError):
            format_decimal(Decimal(bad))


decimals = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(0, 10**15 - 1),
    st.integers(0, 10),
)


@given(decimals)
def test_format_decimal_has_no_exponent_nor_trailing_zeros(d: Decimal) -> None:
    text = format_decimal(d)
    assert "E" not in text.upper()
    assert not ("." in text and text.endswith("0"))
    assert not text.endswith(".")
    assert Decimal(text) == d


# ----- parse_number: the forms clerks type -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120", "120"),
        (" 120 ", "120"),
        ("１２０", "120"),
        ("16.8", "16.8"),
        ("１６．８", "16.8"),
        ("16.80", "16.8"),
        ("1,000", "1000"),
        ("1，000", "1000"),
        ("１，０００", "1000"),
        ("1 000", "1000"),
        ("1\u00a0000", "1000"),  # a no-break space from a pasted Excel cell
        ("1,234,567.25", "1234567.25"),
        ("1.2万", "12000"),
        ("1.2 万", "12000"),
        ("0.02万", "200"),
        ("3亿", "300000000"),
        ("1,000万", "10000000"),
        ("150户", "150"),
        ("150 户", "150"),
        ("2000名", "2000"),
        ("16.8万人", "168000"),
        ("85%", "85"),
        ("85.5％", "85.5"),
        ("12人次", "12"),
        ("2个百分点", "2"),
        ("+5", "5"),
        ("-5", "-5"),
        ("－５", "-5"),
        ("\u22125", "-5"),  # the mathematical minus sign
        ("- 5", "-5"),
        ("-0", "0"),
        ("0", "0"),
        ("007", "7"),
        (".5", "0.5"),
        ("5.", "5"),
        ("12万元", "120000"),  # without the indicator's unit, 万 is the multiplier
    ],
)
def test_numbers_as_clerks_type_them(text: str, expected: str) -> None:
    result = parse_number(text, FIELD)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)
    assert str(result) == expected  # plain form, exact


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        ("abc", "不是数字"),
        ("1.2.3", "不是数字"),
        ("1 2", "不是数字"),
        ("1-2", "不是数字"),
        ("5-8", "不是数字"),
        ("NaN", "不是数字"),
        ("nan", "不是数字"),
        ("Infinity", "不是数字"),
        ("-inf", "不是数字"),
        ("1e5", "不是数字"),
        ("1E+999999", "不是数字"),
        ("0x10", "不是数字"),
        ("1_000", "不是数字"),
        ("约100", "不是数字"),
        ("100多", "不是数字"),
        ("%", "不是数字"),
        ("万", "不是数字"),
        ("1万万", "不是数字"),
        ("--5", "不是数字"),
        ("1,00", "千位分隔符"),
        ("1,0000", "千位分隔符"),
        ("10,00,000", "千位分隔符"),
        ("1,000 000", "不是数字"),
        ("1 00", "不是数字"),
        ("1,5", "千位分隔符"),
        ("10²", "²"),
        ("①", "①"),
        ("½", "½"),
        ("1" + "0" * 15, "数值过大"),
        ("1000000万亿", "不是数字"),
        ("10000000000000亿", "数值过大"),
        ("0.00000000001", "小数位数过多"),
        ("١٢", "不是数字"),  # Arabic-Indic digits
    ],
)
def test_anything_else_is_refused_with_a_reason(text: str, reason: str) -> None:
    error = refused(text)
    assert reason in error.reason


def test_the_largest_accepted_number_is_exact() -> None:
    assert parse_number("999,999,999,999,999", FIELD) == Decimal("999999999999999")
    assert parse_number("9999999.9999999999", FIELD) == Decimal("9999999.9999999999")


# ----- units ---------------------------------------------------------------------------


def test_the_indicators_own_unit_is_always_accepted() -> None:
    assert parse_number("5套", FIELD, unit="套") == 5
    assert parse_number("5 人/年", FIELD, unit="人/年") == 5  # not a known unit, but its own
    assert parse_number("150户", FIELD, unit="户") == 150
    assert parse_number("150", FIELD, unit="户") == 150
    assert parse_number("85％", FIELD, unit="％") == 85


def test_wan_yuan_is_the_unit_when_the_indicator_is_counted_in_wan_yuan() -> None:
    assert parse_number("12万元", FIELD, unit="万元") == 12
    assert parse_number("1.5万元", FIELD, unit="万元") == Decimal("1.5")
    assert parse_number("12", FIELD, unit="万元") == 12
    assert parse_number("12万元", FIELD, unit="元") == 120000
    assert parse_number("3亿元", FIELD, unit="元") == 300000000
    assert parse_number("16.8万人", FIELD, unit="万人") == Decimal("16.8")
    assert parse_number("16.8万名", FIELD, unit="万人") == Decimal("16.8")


@pytest.mark.parametrize("text", ["1.2万", "1.2亿", "1.2万万元"])
def test_a_multiplier_on_a_wan_unit_is_ambiguous_and_refused(text: str) -> None:
    error = refused(text, unit="万元")
    assert "万元" in error.reason


@pytest.mark.parametrize(
    ("text", "unit", "found"),
    [("5户", "人", "户"), ("5人次", "人", "人次"), ("85%", "户", "%"), ("12元", "万元", "元")],
)
def test_another_unit_than_the_indicators_is_refused(text: str, unit: str, found: str) -> None:
    error = refused(text, unit=unit)
    assert f"「{unit}」" in error.reason and f"「{found}」" in error.reason


def test_people_may_be_counted_in_ren_ming_or_wei() -> None:
    assert parse_number("20名", FIELD, unit="人") == 20
    assert parse_number("20人", FIELD, unit="名") == 20
    assert parse_number("20位", FIELD, unit="人") == 20


# ----- properties --------------------------------------------------------------------------


@given(decimals)
@example(Decimal("1E+5"))
@example(Decimal("0.000"))
def test_formatted_decimals_parse_back(d: Decimal) -> None:
    assert parse_number(format_decimal(d), FIELD) == d
    assert parse_number("-" + format_decimal(d), FIELD) == -d


@given(st.integers(0, 10**15 - 1))
def test_grouped_thousands_parse_back(n: int) -> None:
    assert parse_number(f"{n:,}", FIELD) == n
    assert parse_number(f"{n:,}".replace(",", " "), FIELD) == n
    assert parse_number(to_fullwidth(f"{n:,}"), FIELD) == n


typed = st.lists(
    st.sampled_from([*"0123456789.,+-% eEaN万亿户人元", "万元", "个百分点"]), max_size=12
).map("".join)


def outcome(text: str, unit: str | None = None) -> Decimal | str:
    try:
        return parse_number(text, FIELD, unit)
    except InputError as exc:
        return exc.reason


@given(typed, st.sampled_from([None, "人", "万元", "%"]))
@example("1，000", None)
@example("85％", "%")
def test_fullwidth_input_parses_the_same(text: str, unit: str | None) -> None:
    assert outcome(to_fullwidth(text), unit) == outcome(text, unit)


@given(st.text(max_size=30), st.sampled_from([None, "人", "万元", "%", "", "％"]))
def test_no_text_crashes_the_parser(text: str, unit: str | None) -> None:
    result = outcome(text, unit)
    assert isinstance(result, (Decimal, str))
    if isinstance(result, Decimal):
        assert result.is_finite()
        assert Decimal(format_decimal(result)) == result


@given(st.text(max_size=30), st.sampled_from(list(Kind)), st.sampled_from([None, "人", "万元"]))
def test_no_text_crashes_parse_value(text: str, kind: Kind, unit: str | None) -> None:
    try:
        value = parse_value(text, kind, FIELD, unit)
    except InputError as exc:
        assert exc.field == FIELD
        return
    assert isinstance(value, Value)


# ----- values by kind ---------------------------------------------------------------------


def value_refused(text: str, kind: Kind, unit: str | None = None) -> str:
    with pytest.raises(InputError) as caught:
        parse_value(text, kind, FIELD, unit)
    assert caught.value.value == text and text in str(caught.value)
    return caught.value.reason


@pytest.mark.parametrize(
    ("text", "expected"), [("0", 0), ("150户", 150), ("1.2万", 12000), ("１，２００", 1200)]
)
def test_counts_are_whole_and_not_negative(text: str, expected: int) -> None:
    assert parse_value(text, Kind.COUNT, FIELD, "户") == Value(number=Decimal(expected))


def test_a_count_with_a_fraction_or_a_sign_is_refused() -> None:
    assert value_refused("1.5", Kind.COUNT) == "人数、户数等计数必须是整数"
    assert value_refused("1.23456万", Kind.COUNT) == "人数、户数等计数必须是整数"
    assert value_refused("-5", Kind.COUNT) == "不能为负数"
    assert parse_value("5.0", Kind.COUNT, FIELD).number == 5


def test_amounts_have_at_most_four_decimals() -> None:
    assert parse_value("12.3456", Kind.AMOUNT, FIELD, "万元").number == Decimal("12.3456")
    assert parse_value("12.34560", Kind.AMOUNT, FIELD, "万元").number == Decimal("12.3456")
    assert parse_value("1.5万元", Kind.AMOUNT, FIELD, "元").number == 15000
    assert "4 位小数" in value_refused("12.34567", Kind.AMOUNT, "万元")
    assert value_refused("-1", Kind.AMOUNT) == "不能为负数"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("85%", "85"), ("85", "85"), ("85.5％", "85.5"), ("0", "0"), ("100", "100"), ("100%", "100")],
)
def test_rates_are_percentages(text: str, expected: str) -> None:
    assert parse_value(text, Kind.RATE, FIELD).number == Decimal(expected)
    assert parse_value(text, Kind.RATE, FIELD, "%").number == Decimal(expected)


@pytest.mark.parametrize("text", ["120", "100.01", "-1", "101%"])
def test_a_rate_outside_0_to_100_is_refused(text: str) -> None:
    assert value_refused(text, Kind.RATE) == "比率应在 0 到 100 之间"


def test_a_rate_with_another_unit_is_refused() -> None:
    assert "「%」" in value_refused("85户", Kind.RATE)


@pytest.mark.parametrize(
    "text", ["是", "yes", "YES", "Y", "true", "True", "完成", "已完成", "1", "１", " 是 ", "√"]
)
def test_milestone_done(text: str) -> None:
    assert parse_value(text, Kind.MILESTONE, FIELD) == Value(done=True)


@pytest.mark.parametrize("text", ["否", "no", "No", "n", "FALSE", "未完成", "0", "０", "×"])
def test_milestone_not_done(text: str) -> None:
    assert parse_value(text, Kind.MILESTONE, FIELD) == Value(done=False)


@pytest.mark.parametrize(
    "text",
    [
        "2018-05-20",
        "2018/5/20",
        "2018.5.20",
        "2018年5月20日",
        "2018年5月20",
        "２０１８－０５－２０",
        "２０１８年５月２０日",
        " 2018-5-20 ",
    ],
)
def test_a_milestone_date_means_done_on_that_day(text: str) -> None:
    assert parse_value(text, Kind.MILESTONE, FIELD) == Value(done=True, date=date(2018, 5, 20))
    assert parse_date(text, FIELD) == date(2018, 5, 20)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2018-02-30", "2018年2月没有30日"),
        ("2019-02-29", "2019年2月没有29日"),
        ("2018-13-01", "月份"),
        ("1999-05-20", "2000 到 2100"),
        ("2018-05/20", "2018-05-20"),
        ("2018", "2018-05-20"),
        ("maybe", "是/否"),
        ("", "不能为空"),
        ("2", "是/否"),
    ],
)
def test_an_impossible_milestone_is_refused_naming_the_value(text: str, reason: str) -> None:
    assert reason in value_refused(text, Kind.MILESTONE)


def test_a_leap_day_is_a_date() -> None:
    assert parse_milestone("2020-02-29", FIELD) == Value(done=True, date=date(2020, 2, 29))


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_every_date_in_every_form(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month:02d}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        to_fullwidth(day.isoformat()),
    ):
        assert parse_milestone(text, FIELD) == Value(done=True, date=day)

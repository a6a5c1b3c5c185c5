"""What clerks type: numbers, percentages, yes/no and dates, as exact values.

Clerks type with a Chinese input method, paste from Excel and WPS, and write
numbers the way Chinese documents do: full-width digits, `1，000`, `1.2万`, a
trailing unit such as `150户` or `85％`. Everything here is exact (Decimal,
never float), and anything that is not clearly one number is refused with a
Chinese reason rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from models.errors import InputError
from models.kinds import Kind

# Units a clerk may type after a number. Units that begin with 万/亿 (万元, 万人)
# are not listed: unless the indicator's own unit is that compound, `12万元` is
# read as the multiplier 万 and the unit 元.
# fmt: off
KNOWN_UNITS: tuple[str, ...] = (
    "个百分点", "百分点", "平方米", "人次", "户次", "个月", "小时", "公里", "千米",
    "户", "人", "名", "位", "个", "项", "所", "家", "场", "件", "元", "次", "座",
    "台", "辆", "套", "本", "册", "张", "期", "批", "处", "条", "篇", "份", "支",
    "间", "天", "米", "岁", "%",
)
# fmt: on

# Different words for the same thing: a count of people may be typed 人, 名 or 位.
_SAME_UNIT: tuple[frozenset[str], ...] = (
    frozenset({"人", "名", "位"}),
    frozenset({"万人", "万名"}),
    frozenset({"公里", "千米"}),
)

MULTIPLIERS: dict[str, int] = {"万": 4, "亿": 8}  # powers of ten

# Limits that keep every accepted number exact and printable in a cell.
MAX_INTEGER_DIGITS = 15
MAX_FRACTION_DIGITS = 10

AMOUNT_PLACES = 4
RATE_PLACES = 4
MIN_YEAR = 2000
MAX_YEAR = 2100

NOT_A_NUMBER = "不是数字"

# Compatibility characters NFKC would silently turn into digits (², ①, ½):
# refused, because a clerk never means them as plain digits.
_REFUSED_COMPAT = ("<super>", "<sub>", "<circle>", "<fraction>", "<font>")

# Signs some fonts and converters produce in place of the ASCII hyphen-minus.
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})


@dataclass(frozen=True)
class Value:
    """A value as entered: a number (count, amount, rate) or done + date (milestone)."""

    number: Decimal | None = None
    done: bool | None = None
    date: dt.date | None = None


def format_decimal(d: Decimal) -> str:
    """Plain decimal text: Decimal("16.80") → "16.8", Decimal("1E+5") → "100000".

    No exponent, no trailing zeros, never "-0". Exact whatever the Decimal
    context's precision (no `normalize()`, which rounds to the context).
    """
    if not d.is_finite():
        raise ValueError(f"not a finite number: {d}")
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text


def json_number(value: Decimal | None) -> int | float | None:
    """A value as JSON carries it: an int when whole, else a float (exact: inputs keep at
    most 4 decimals and 15 digits), None when absent."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(format_decimal(value))


def fold_input(text: str, field: str) -> str:
    """NFKC-fold what was typed (full-width digits, ．，－％, ideographic spaces).

    Superscripts, circled digits and vulgar fractions are refused instead of
    being folded into digits, and the minus-like dashes become "-".
    """
    for ch in text:
        if unicodedata.decomposition(ch).startswith(_REFUSED_COMPAT):
            raise InputError(field, text, f"含有不能识别的字符「{ch}」")
    return unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS)


def _same_unit(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SAME_UNIT)


def _split_unit(body: str, unit: str | None) -> tuple[str, str | None]:
    """Split a trailing unit off; returns (rest, unit found or None)."""
    candidates = sorted({*KNOWN_UNITS, *([unit] if unit else [])}, key=len, reverse=True)
    for candidate in candidates:
        if body.endswith(candidate) and len(body) > len(candidate):
            return body[: -len(candidate)].rstrip(), candidate
    return body, None


_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)
# Thousands separators: one kind throughout, only between groups of three.
_GROUPED = re.compile(
    r"[0-9]{1,3}(?P<sep>[, ])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?:\.[0-9]+)?", re.ASCII
)
_LOOKS_GROUPED = re.compile(r"[0-9][0-9,]*,[0-9,]*[0-9](?:\.[0-9]+)?", re.ASCII)


def _digits(body: str, field: str, text: str) -> Decimal:
    if _PLAIN.fullmatch(body):
        plain = body
    elif _GROUPED.fullmatch(body):
        plain = body.replace(",", "").replace(" ", "")
    elif _LOOKS_GROUPED.fullmatch(body):
        raise InputError(field, text, "千位分隔符位置不对（应每三位一组，如 1,000）")
    else:
        raise InputError(field, text, NOT_A_NUMBER)
    whole, _, fraction = plain.partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise InputError(field, text, "数值过大")
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise InputError(field, text, f"小数位数过多（最多 {MAX_FRACTION_DIGITS} 位）")
    return Decimal(plain)


def parse_number(text: str, field: str, unit: str | None = None) -> Decimal:
    """Read one number as a clerk types it, exactly.

    Accepts full-width characters, `1,000` / `1，000` / `1 000` (thousands
    separators only between groups of three), the multipliers 万 and 亿
    (`1.2万` → 12000), a leading sign and a trailing unit from KNOWN_UNITS or
    equal to `unit` (the indicator's unit).

    When `unit` is given, a different unit is refused (`5户` for an indicator
    counted in 人); when `unit` itself begins with 万 or 亿 (万元, 万人), the
    number is already in that unit and a bare multiplier is refused as
    ambiguous (`1.2万` for an indicator in 万元 could mean 1.2 or 12000).

    Raises:
        InputError: naming `field`, the text as typed, and a Chinese reason.
    """
    unit = fold_input(unit, "单位").strip() if unit else None
    cleaned = fold_input(text, field).strip()
    if not cleaned:
        raise InputError(field, text, "不能为空")

    sign = ""
    if cleaned[0] in "+-":
        sign, cleaned = cleaned[0], cleaned[1:].lstrip()

    body, found = _split_unit(cleaned, unit)
    if found is not None and unit is not None and body and body[-1] in MULTIPLIERS:
        # `16.8万名` for an indicator in 万人: the compound unit, not 万 × 名.
        compound = body[-1] + found
        if compound != unit and _same_unit(compound, unit):
            body, found = body[:-1].rstrip(), compound
    if found is not None and unit is not None and not _same_unit(found, unit):
        raise InputError(field, text, f"单位应为「{unit}」，不是「{found}」")

    exponent = 0
    if body and body[-1] in MULTIPLIERS:
        if unit is not None and unit[0] in MULTIPLIERS:
            raise InputError(
                field,
                text,
                f"本项单位为「{unit}」，请直接填写以{unit}计的数，不要再加「{body[-1]}」",
            )
        exponent = MULTIPLIERS[body[-1]]
        body = body[:-1].rstrip()

    number = _digits(body, field, text).scaleb(exponent)
    if len(format_decimal(number).partition(".")[0]) > MAX_INTEGER_DIGITS:
        raise InputError(field, text, "数值过大")
    return Decimal(format_decimal(-number if sign == "-" else number))


def decimal_places(d: Decimal) -> int:
    """Digits after the point in the plain form (Decimal("1.50") → 1)."""
    return len(format_decimal(d).partition(".")[2])


# ----- milestones and dates -------------------------------------------------------

MILESTONE_TRUE = frozenset({"是", "yes", "y", "true", "1", "完成", "已完成", "done", "√", "✓", "✔"})
MILESTONE_FALSE = frozenset({"否", "no", "n", "false", "0", "未完成", "×", "✗", "✘"})

_DATE_SEP = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})", re.ASCII)
_DATE_ZH = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?", re.ASCII)


def parse_date(text: str, field: str) -> dt.date:
    """A date as typed: 2018-05-20, 2018/5/20, 2018.5.20, 2018年5月20日 (full-width too).

    Raises:
        InputError: for another form, a year outside 2000-2100 or a day that does
            not exist (2018-02-30).
    """
    cleaned = fold_input(text, field).strip().replace(" ", "")
    match = _DATE_SEP.fullmatch(cleaned)
    parts: tuple[str, ...] | None = (
        (match.group(1), match.group(3), match.group(4)) if match else None
    )
    if parts is None:
        zh = _DATE_ZH.fullmatch(cleaned)
        parts = zh.groups() if zh else None
    if parts is None:
        raise InputError(field, text, "日期应为 2018-05-20、2018/5/20 或 2018年5月20日 的形式")
    year, month, day = (int(p) for p in parts)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(field, text, f"年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间")
    if not 1 <= month <= 12:
        raise InputError(field, text, f"月份应为 1 到 12，没有 {month} 月")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(field, text, f"日期不存在：{year}年{month}月没有{day}日") from None


def parse_milestone(text: str, field: str) -> Value:
    """是/否 (yes/no, 完成/未完成, 1/0 …) or the date it was done."""
    cleaned = fold_input(text, field).strip()
    if not cleaned:
        raise InputError(field, text, "不能为空")
    word = cleaned.lower()
    if word in MILESTONE_TRUE:
        return Value(done=True)
    if word in MILESTONE_FALSE:
        return Value(done=False)
    if re.match(r"[0-9]{4}", cleaned, re.ASCII):
        return Value(done=True, date=parse_date(text, field))
    raise InputError(field, text, "应填 是/否，或完成日期（如 2018-05-20）")


# ----- values by kind ---------------------------------------------------------------


def parse_value(text: str, kind: Kind, field: str, unit: str | None = None) -> Value:
    """Read what a clerk typed for an indicator of `kind`.

    - count: a whole number >= 0 (`1.2万` → 12000 is fine, `1.5` is not);
    - amount: >= 0, at most 4 decimal places;
    - rate: 0 to 100 inclusive, with or without `%`;
    - milestone: 是/否 and the like, or the date it was done.

    Raises:
        InputError: naming `field`, the text as typed, and a Chinese reason.
    """
    kind = Kind(kind)
    if kind is Kind.MILESTONE:
        return parse_milestone(text, field)
    if kind is Kind.RATE:
        number = parse_number(text, field, unit or "%")
        if not 0 <= number <= 100:
            raise InputError(field, text, "比率应在 0 到 100 之间")
        if decimal_places(number) > RATE_PLACES:
            raise InputError(field, text, f"比率最多保留 {RATE_PLACES} 位小数")
        return Value(number=number)
    number = parse_number(text, field, unit)
    if number < 0:
        raise InputError(field, text, "不能为负数")
    if kind is Kind.COUNT and number != number.to_integral_value():
        raise InputError(field, text, "人数、户数等计数必须是整数")
    if kind is Kind.AMOUNT and decimal_places(number) > AMOUNT_PLACES:
        raise InputError(field, text, f"金额最多保留 {AMOUNT_PLACES} 位小数")
    return Value(number=number)

"""Reporting periods with DHIS2-style ids: `2018`, `2018S1`, `2018Q1`, `201801`.

A plan's `frequency` decides which of these forms are its reporting periods; the
other forms are refused with a message naming the expected one, so that a clerk
who types `201803` into a quarterly plan learns to type `2018Q1`.

Ids are the DHIS2 ones so that the city can export to DHIS2 (JSON) and ADX
without a translation table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from models.errors import InputError

FIELD = "报告期"
MIN_YEAR = 2000
MAX_YEAR = 2100

_CN_NUMERALS = ("一", "二", "三", "四")


class PeriodType(StrEnum):
    """A plan's reporting frequency, spelled as in the plan catalogue's `frequency`."""

    YEARLY = "yearly"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"

    @property
    def months(self) -> int:
        """Length of one period in months."""
        return _MONTHS[self]

    @property
    def per_year(self) -> int:
        return 12 // self.months

    @property
    def label_zh(self) -> str:
        """How the frequency reads in a sentence: 本计划按季度填报."""
        return _TYPE_LABELS[self]

    def example(self, year: int) -> str:
        """The id of the year's first period, to show the expected form."""
        return Period(year, self, 1).id


_MONTHS = {
    PeriodType.YEARLY: 12,
    PeriodType.SEMIANNUAL: 6,
    PeriodType.QUARTERLY: 3,
    PeriodType.MONTHLY: 1,
}

_TYPE_LABELS = {
    PeriodType.YEARLY: "按年",
    PeriodType.SEMIANNUAL: "按半年",
    PeriodType.QUARTERLY: "按季度",
    PeriodType.MONTHLY: "按月",
}

_ISO_DURATIONS = {
    PeriodType.YEARLY: "P1Y",
    PeriodType.SEMIANNUAL: "P6M",
    PeriodType.QUARTERLY: "P3M",
    PeriodType.MONTHLY: "P1M",
}


@dataclass(frozen=True)
class Period:
    """One reporting period: a year, a half, a quarter or a month.

    Periods of one type are ordered chronologically; comparing a quarter with a
    month raises TypeError, because "before" is not defined for overlapping
    periods. Use `sort_key` to sort a mixed list by start date.
    """

    year: int
    type: PeriodType
    index: int = 1

    def __post_init__(self) -> None:
        # Accept the frequency string too, and fail loudly on an impossible period:
        # such a value is a bug, not user input (parse_period checks user input).
        object.__setattr__(self, "type", PeriodType(self.type))
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if not 1 <= self.index <= self.type.per_year:
            raise ValueError(f"{self.type.value} period index out of range: {self.index}")

    # ----- naming -------------------------------------------------------------
    @property
    def id(self) -> str:
        if self.type is PeriodType.YEARLY:
            return f"{self.year}"
        if self.type is PeriodType.SEMIANNUAL:
            return f"{self.year}S{self.index}"
        if self.type is PeriodType.QUARTERLY:
            return f"{self.year}Q{self.index}"
        return f"{self.year}{self.index:02d}"

    def __str__(self) -> str:
        return self.id

    @property
    def label_zh(self) -> str:
        """2018年, 2018年上半年, 2018年第一季度, 2018年1月."""
        if self.type is PeriodType.YEARLY:
            return f"{self.year}年"
        if self.type is PeriodType.SEMIANNUAL:
            return f"{self.year}年{'上' if self.index == 1 else '下'}半年"
        if self.type is PeriodType.QUARTERLY:
            return f"{self.year}年第{_CN_NUMERALS[self.index - 1]}季度"
        return f"{self.year}年{self.index}月"

    @property
    def end_label_zh(self) -> str:
        """截至2018年3月31日: the heading of a cumulative column."""
        end = self.end
        return f"截至{end.year}年{end.month}月{end.day}日"

    # ----- dates --------------------------------------------------------------
    @property
    def start_month(self) -> int:
        return (self.index - 1) * self.type.months + 1

    @property
    def months_elapsed(self) -> int:
        """Month number of the period's last month: the year's months elapsed at its end."""
        return self.index * self.type.months

    @property
    def start(self) -> date:
        return date(self.year, self.start_month, 1)

    @property
    def end(self) -> date:
        """The period's last day."""
        # The day before the next month's first (not calendar.monthrange: calendar imports
        # locale, a millisecond of every start for one subtraction).
        month = self.months_elapsed
        first_of_next = date(self.year + month // 12, month % 12 + 1, 1)
        return first_of_next - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def due_date(self, due_days: int) -> date:
        """The last day to report: `due_days` after the period's last day."""
        if due_days < 0:
            raise ValueError(f"due_days must not be negative: {due_days}")
        return self.end + timedelta(days=due_days)

    @property
    def fraction_elapsed(self) -> Decimal:
        """Share of the year elapsed at the period's end (2018Q1 → 0.25)."""
        return Decimal(self.months_elapsed) / Decimal(12)

    @property
    def time_percent(self) -> Decimal:
        """时间进度 in percent: 25 for a first quarter, 8.3 for January.

        Whole numbers stay whole (Decimal("25"), not "25.0"); others are rounded
        half-up to one decimal, as the returns print them.
        """
        exact = Decimal(self.months_elapsed * 100) / Decimal(12)
        if exact == exact.to_integral_value():
            return exact.quantize(Decimal(1))
        return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def as_iso_range(self) -> str:
        """The ADX form: start date and ISO 8601 duration, such as 2018-01-01/P3M."""
        return f"{self.start.isoformat()}/{_ISO_DURATIONS[self.type]}"

    # ----- neighbours and order -----------------------------------------------
    def next(self) -> Period:
        if self.index < self.type.per_year:
            return Period(self.year, self.type, self.index + 1)
        return Period(self.year + 1, self.type, 1)

    def previous(self) -> Period:
        if self.index > 1:
            return Period(self.year, self.type, self.index - 1)
        return Period(self.year - 1, self.type, self.type.per_year)

    @property
    def sort_key(self) -> tuple[date, date]:
        """Chronological key; also sorts mixed types (longer periods after shorter ones)."""
        return (self.start, self.end)

    def _comparable(self, other: object) -> Period | None:
        if not isinstance(other, Period):
            return None
        if other.type is not self.type:
            raise TypeError(f"cannot order a {self.type.value} period and a {other.type.value} one")
        return other

    def __lt__(self, other: object) -> bool:
        found = self._comparable(other)
        if found is None:
            return NotImplemented
        return self.sort_key < found.sort_key

    def __le__(self, other: object) -> bool:
        found = self._comparable(other)
        if found is None:
            return NotImplemented
        return self.sort_key <= found.sort_key

    def __gt__(self, other: object) -> bool:
        found = self._comparable(other)
        if found is None:
            return NotImplemented
        return self.sort_key > found.sort_key

    def __ge__(self, other: object) -> bool:
        found = self._comparable(other)
        if found is None:
            return NotImplemented
        return self.sort_key >= found.sort_key


# ----- parsing ------------------------------------------------------------------

# ASCII digits only: after NFKC, other scripts' digits (Arabic-Indic …) stay
# as they are and must not slip through `\d`.
_PERIOD_RE = re.compile(r"([0-9]{4})(?:([SQ])([0-9]+)|([0-9]{2}))?", re.ASCII)

# Only used to show the form of an id when the text has no usable year.
_EXAMPLE_YEAR = 2018
_ANY_FORM = "应为 2018、2018S1、2018Q1 或 201801 的形式"


def period_type(frequency: str | PeriodType) -> PeriodType:
    """The PeriodType for a plan's `frequency`; an unknown one is refused."""
    if isinstance(frequency, PeriodType):
        return frequency
    try:
        return PeriodType(str(frequency).strip().lower())
    except ValueError:
        raise InputError(
            "填报频率", frequency, "应为 yearly、semiannual、quarterly 或 monthly"
        ) from None


def parse_period(text: str, frequency: str | PeriodType | None = None) -> Period:
    """Read a period id as typed: `2018Q1`, `２０１８ｑ１`, ` 201803 `.

    Only the DHIS2 forms are accepted (after NFKC, with `q`/`s` in either case).
    With `frequency`, only that form is accepted and the message names it.

    Raises:
        InputError: field 报告期, the text as typed, and the reason.
    """
    expected = period_type(frequency) if frequency is not None else None
    cleaned = unicodedata.normalize("NFKC", text).strip().upper()
    match = _PERIOD_RE.fullmatch(cleaned)

    def wrong_form(year: int) -> InputError:
        if expected is None:
            return InputError(FIELD, text, _ANY_FORM)
        shown = year if MIN_YEAR <= year <= MAX_YEAR else _EXAMPLE_YEAR
        return InputError(
            FIELD, text, f"本计划{expected.label_zh}填报，应为 {expected.example(shown)} 的形式"
        )

    if match is None:
        leading = re.match(r"[0-9]{4}", cleaned, re.ASCII)
        raise wrong_form(int(leading.group()) if leading else 0)

    year = int(match.group(1))
    letter, number, month = match.group(2), match.group(3), match.group(4)
    if letter == "S":
        kind, index = PeriodType.SEMIANNUAL, int(number)
    elif letter == "Q":
        kind, index = PeriodType.QUARTERLY, int(number)
    elif month is not None:
        kind, index = PeriodType.MONTHLY, int(month)
    else:
        kind, index = PeriodType.YEARLY, 1

    if expected is not None and kind is not expected:
        raise wrong_form(year)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(FIELD, text, f"年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间")
    if kind is PeriodType.SEMIANNUAL and (index not in (1, 2) or len(number) != 1):
        raise InputError(FIELD, text, "半年应为 S1（上半年）或 S2（下半年）")
    if kind is PeriodType.QUARTERLY and (not 1 <= index <= 4 or len(number) != 1):
        raise InputError(FIELD, text, "季度应为 Q1 到 Q4")
    if kind is PeriodType.MONTHLY and not 1 <= index <= 12:
        raise InputError(FIELD, text, "月份应为 01 到 12")
    return Period(year, kind, index)


# ----- periods of a year ------------------------------------------------------------


def periods_in_year(year: int, frequency: str | PeriodType) -> list[Period]:
    """The year's reporting periods in order: 2018Q1 … 2018Q4 for a quarterly plan."""
    kind = period_type(frequency)
    return [Period(year, kind, i) for i in range(1, kind.per_year + 1)]


def current_period(today: date, frequency: str | PeriodType) -> Period:
    """The period of `frequency` that contains `today`."""
    kind = period_type(frequency)
    return Period(today.year, kind, (today.month - 1) // kind.months + 1)


def due_period(year: int, frequency: str | PeriodType, due_days: int, today: date) -> Period:
    """The period a clerk works on by default in a plan of `year`.

    The rule: the latest period of the year that has ended (its last day is on
    or before `today`). Such a period is either within its due window (the
    `due_days` after its end, when its return is expected) or past it (a late
    return is still that period's), so it stays the default until the next
    period ends; a period still running is never the default, because its
    cumulative figures are not final. When none of the year's periods has ended
    yet (a plan read early in its year, or before the year starts), the default
    is the year's first period; once the year is over, it is the year's last
    period (the year's return).

    2018 quarterly, due 10 days: on 2018-04-05 → 2018Q1 (due 2018-04-10); on
    2018-06-29 → still 2018Q1; on 2018-07-01 → 2018Q2; in 2019 → 2018Q4.
    """
    if due_days < 0:
        raise ValueError(f"due_days must not be negative: {due_days}")
    periods = periods_in_year(year, frequency)
    ended = [p for p in periods if p.end <= today]
    return ended[-1] if ended else periods[0]

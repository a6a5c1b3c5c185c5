"""One office's period as the grid, the returns and the checks see it.

Derived numbers are computed here and nowhere else: the increment against the
latest earlier period of the year that has a value, 完成率 against the district's
own target (the lower bound of a range), and 时间进度 from the period's end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from models.kinds import Kind, Status
from models.numbers import Value
from models.periods import Period
from models.plan import Indicator, Item, Plan

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    value: Value | None
    note: str
    previous: Value | None
    district_target: Decimal | None
    target_source: str | None  # "allocated" (city, locked) or "entered"
    time_percent: Decimal

    @property
    def has_value(self) -> bool:
        return self.value is not None and (
            self.value.number is not None or self.value.done is not None
        )

    @property
    def number(self) -> Decimal | None:
        """The value as a number; a milestone counts 1 when done."""
        if self.value is None:
            return None
        if self.indicator.kind is Kind.MILESTONE:
            return None if self.value.done is None else Decimal(int(self.value.done))
        return self.value.number

    @property
    def previous_number(self) -> Decimal | None:
        if self.previous is None:
            return None
        if self.indicator.kind is Kind.MILESTONE:
            return None if self.previous.done is None else Decimal(int(self.previous.done))
        return self.previous.number

    @property
    def increment(self) -> Decimal | None:
        """本期新增: against the latest earlier period with a value, or zero."""
        if self.indicator.kind in (Kind.RATE,) or self.number is None:
            return None
        return self.number - (self.previous_number or Decimal(0))

    @property
    def percent(self) -> Decimal | None:
        """完成率 against the district's own target; empty while it has none."""
        if self.number is None or not self.district_target:
            return None
        return (self.number / self.district_target * HUNDRED).quantize(Decimal("0.1"))

    @property
    def schedule_gap(self) -> Decimal | None:
        """Points by which completion trails time (positive means behind)."""
        if self.indicator.kind not in (Kind.COUNT, Kind.AMOUNT) or self.percent is None:
            return None
        return self.time_percent - self.percent

    @property
    def progress_label(self) -> str:
        """进度状态 in words, so that nothing is told by colour alone."""
        if self.indicator.kind is Kind.MILESTONE:
            if self.value is None or self.value.done is None:
                return ""
            return "已完成" if self.value.done else "未完成"
        if self.percent is None:
            return ""
        if self.percent >= HUNDRED:
            return "已完成"
        gap = self.schedule_gap
        if gap is None:
            return ""
        if gap > 20:
            return "滞后"
        if gap < 0:
            return "超前"
        return "正常"


@dataclass(frozen=True)
class ItemRow:
    item: Item
    status: Status | None = None
    progress: str = ""
    problems: str = ""
    next: str = ""


@dataclass(frozen=True)
class PeriodData:
    plan: Plan
    district: str
    district_name: str
    period: Period
    revision: int
    state: str
    reason: str
    rows: list[IndicatorRow]
    items: list[ItemRow]
    by_indicator: dict[str, IndicatorRow] = field(default_factory=dict)
    by_item: dict[str, ItemRow] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_indicator.update({r.indicator.id: r for r in self.rows})
        self.by_item.update({r.item.id: r for r in self.items})

    def rows_of_item(self, item_id: str) -> list[IndicatorRow]:
        return [r for r in self.rows if r.indicator.item_id == item_id]

    @property
    def locked(self) -> bool:
        return self.state == "signed"


def computed_rate(indicator: Indicator, values: dict[str, Value]) -> Value | None:
    """A rate whose parts are counted, from this period's two counts."""
    if indicator.formula is None:
        return None
    num = values.get(indicator.formula.numerator)
    den = values.get(indicator.formula.denominator)
    if num is None or den is None or num.number is None or not den.number:
        return None
    rate = (num.number / den.number * HUNDRED).quantize(Decimal("0.01")).normalize()
    return Value(number=rate)

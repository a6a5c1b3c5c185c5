"""The period's checks: one list used by the window, the returns and signing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from models.kinds import Kind, Status
from models.period_data import IndicatorRow, PeriodData


class Severity(StrEnum):
    BLOCKING = "blocking"  # the return cannot be signed
    EXPLAIN = "explain"  # signing allowed once explained in a note or 存在问题
    INFO = "info"

    @property
    def label_zh(self) -> str:
        return {"blocking": "必须处理", "explain": "需说明", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    target: str  # "indicator" or "item"
    target_id: str
    message: str  # MESSAGES[code] filled with args: what returns and the command line show
    explained: bool = False
    # What fills the message's %1, %2, %3: the window puts them into its own language's text.
    args: tuple[str, ...] = ()

    @property
    def stops_signing(self) -> bool:
        return self.severity is Severity.BLOCKING or (
            self.severity is Severity.EXPLAIN and not self.explained
        )

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "target": self.target,
            "id": self.target_id,
            "message": self.message,
            "explained": self.explained,
        }


# Codes with their meaning, for documentation and the returns' check sheet.
CODES: dict[str, str] = {
    "item_status_missing": "工作任务未填写状态",
    "item_progress_missing": "工作任务未填写进展情况",
    "value_missing": "区县指标本期未填报数值（0 也是数值）",
    "behind_unexplained": "滞后任务未填写存在问题和下步打算",
    "value_decreased": "累计值低于上期",
    "behind_schedule": "完成率落后时间进度超过 20 个百分点",
    "over_target": "完成值超过目标的 150%",
    "ahead_of_schedule": "进度超前",
    "target_missing": "尚未分解或录入本区县目标",
}

# Each code's message, with %1 for the indicator or item (its number and name) and %2, %3 for
# the figures. ui/check_texts.py has the same texts as the window's translatable strings.
MESSAGES: dict[str, str] = {
    "item_status_missing": "%1：未填写状态",
    "item_progress_missing": "%1：未填写进展情况",
    "value_missing": "%1：本期未填报",
    "behind_unexplained": "%1：状态为滞后，须填写存在问题和下步打算",
    "value_decreased": "%1：本期累计 %2 低于上期累计 %3",
    "behind_schedule": "%1：完成率 %2% 落后时间进度 %3% 超过 20 个百分点",
    "over_target": "%1：完成率 %2% 超过目标的 150%",
    "ahead_of_schedule": "%1：完成率 %2% 超前于时间进度 %3%",
    "target_missing": "%1：尚无本区县全年目标，完成率暂不计算",
}

BEHIND_POINTS = Decimal(20)
OVER_PERCENT = Decimal(150)
_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, args: tuple[str, ...]) -> str:
    """Qt-style %1, %2 … replaced in one pass, so that an argument is never read as one."""
    return _PLACEHOLDER.sub(lambda m: args[int(m[1]) - 1], template)


def _check(
    code: str,
    severity: Severity,
    target: str,
    target_id: str,
    *args: object,
    explained: bool = False,
) -> Check:
    texts = tuple(str(a) for a in args)
    return Check(code, severity, target, target_id, fill(MESSAGES[code], texts), explained, texts)


def indicator_checks(row: IndicatorRow, item_problems: str) -> list[Check]:
    """The checks of one indicator's row; `item_problems` is its item's 存在问题."""
    ind = row.indicator
    name = f"{ind.id} {ind.name}"
    explained = bool(row.note.strip() or item_problems.strip())
    found: list[Check] = []
    if not row.has_value:
        if not ind.computed:
            found.append(_check("value_missing", Severity.BLOCKING, "indicator", ind.id, name))
        return found
    if row.district_target is None and ind.target is not None and not ind.computed:
        found.append(_check("target_missing", Severity.INFO, "indicator", ind.id, name))
    prev, cur = row.previous_number, row.number
    if (
        ind.kind in (Kind.COUNT, Kind.AMOUNT)
        and prev is not None
        and cur is not None
        and cur < prev
    ):
        found.append(
            _check(
                "value_decreased",
                Severity.EXPLAIN,
                "indicator",
                ind.id,
                name,
                cur,
                prev,
                explained=explained,
            )
        )
    gap = row.schedule_gap
    if gap is not None and gap > BEHIND_POINTS:
        found.append(
            _check(
                "behind_schedule",
                Severity.EXPLAIN,
                "indicator",
                ind.id,
                name,
                row.percent,
                row.time_percent,
                explained=explained,
            )
        )
    if row.percent is not None and row.percent > OVER_PERCENT:
        found.append(
            _check(
                "over_target",
                Severity.EXPLAIN,
                "indicator",
                ind.id,
                name,
                row.percent,
                explained=explained,
            )
        )
    elif gap is not None and gap < 0 and row.percent is not None and row.percent < 100:
        found.append(
            _check(
                "ahead_of_schedule",
                Severity.INFO,
                "indicator",
                ind.id,
                name,
                row.percent,
                row.time_percent,
            )
        )
    return found


def period_checks(data: PeriodData) -> list[Check]:
    """All checks of one office's period, blocking first, in plan order."""
    found: list[Check] = []
    for item_row in data.items:
        item = item_row.item
        label = f"{item.id} {item.number}{item.title}"
        if item_row.status is None:
            found.append(_check("item_status_missing", Severity.BLOCKING, "item", item.id, label))
        if not item_row.progress.strip():
            found.append(_check("item_progress_missing", Severity.BLOCKING, "item", item.id, label))
        if item_row.status is Status.BEHIND and not (
            item_row.problems.strip() and item_row.next.strip()
        ):
            found.append(_check("behind_unexplained", Severity.BLOCKING, "item", item.id, label))
        for row in data.rows_of_item(item.id):
            found.extend(indicator_checks(row, item_row.problems))
    order = {Severity.BLOCKING: 0, Severity.EXPLAIN: 1, Severity.INFO: 2}
    return sorted(found, key=lambda c: order[c.severity])


def signing_obstacles(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.stops_signing]

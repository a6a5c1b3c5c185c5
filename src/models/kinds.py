"""The kinds of indicator and the statuses of an item, as stored and exchanged."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"  # cumulative year-to-date whole number
    AMOUNT = "amount"  # cumulative year-to-date decimal (万元 …)
    RATE = "rate"  # percentage 0-100 at a point in time
    MILESTONE = "milestone"  # done / not done, with the date


class Level(StrEnum):
    DISTRICT = "district"
    CITY = "city"


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BEHIND = "behind"

    @property
    def label_zh(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.NOT_STARTED: "未启动",
    Status.IN_PROGRESS: "推进中",
    Status.DONE: "已完成",
    Status.BEHIND: "滞后",
}

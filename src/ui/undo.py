"""Undo and redo that reach the store: each step re-applies values through the service.

A `Change` holds the period, the indicator or item, and the old and new text as
the service understands them, never a Qt index, so that it stays valid after the
grid has been reloaded or has moved to another period. Undoing writes the old
value back with the same service call the grid uses, which validates, writes and
audits it like any other edit.

A `ChangeCommand` is one undo step of one or more changes (a typed cell, or a
whole pasted block). The changes are plain Python objects held by the command,
not QUndoCommand children: Qt deleting child commands that Python also owns
would free them twice.

A change whose first application is refused never becomes part of the step;
a command none of whose changes was accepted makes itself obsolete, and
QUndoStack drops it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class EntryTarget(Protocol):
    def apply_entry(self, period_id: str, indicator_id: str, text: str | None) -> bool: ...

    def apply_note(self, period_id: str, indicator_id: str, note: str) -> bool: ...


class ItemTarget(Protocol):
    def apply_item(self, period_id: str, item_id: str, field: str, text: str) -> bool: ...


translate = QCoreApplication.translate


class Change:
    """One value of one thing in one period, applied by `apply(value) -> accepted`."""

    def __init__(
        self, text: str, apply: Callable[[str | None], bool], old: str | None, new: str | None
    ) -> None:
        self.text = text
        self.apply = apply
        self.old = old
        self.new = new
        self.done_once = False
        self.refused = False

    def redo(self) -> None:
        if self.refused:
            return
        ok = self.apply(self.new)
        if not self.done_once:
            self.done_once = True
            self.refused = not ok

    def undo(self) -> bool:
        """Put the old value back; False when the store no longer accepts it."""
        if self.refused:
            return True
        return self.apply(self.old)


class ChangeCommand(QUndoCommand):
    """One undo step: the changes applied in order, undone in reverse order."""

    def __init__(self, text: str, changes: Sequence[Change]) -> None:
        super().__init__(text)
        self.changes = list(changes)

    def redo(self) -> None:
        for change in self.changes:
            change.redo()
        if all(c.refused for c in self.changes):  # nothing accepted (or nothing at all)
            self.setObsolete(True)

    def undo(self) -> None:
        results = [change.undo() for change in reversed(self.changes)]
        if not all(results):
            # The store refused an old value (a period signed since, say): drop the step.
            self.setObsolete(True)

    @property
    def accepted(self) -> int:
        return sum(1 for c in self.changes if not c.refused)

    @property
    def refused(self) -> bool:
        return self.accepted == 0


def entry_change(
    target: EntryTarget, period_id: str, indicator_id: str, old: str | None, new: str | None
) -> Change:
    """本期累计 of one indicator: old and new text (None clears the value)."""
    return Change(
        translate("undo", "修改 %1 本期累计").replace("%1", indicator_id),
        lambda value: target.apply_entry(period_id, indicator_id, value),
        old,
        new,
    )


def note_change(
    target: EntryTarget, period_id: str, indicator_id: str, old: str, new: str
) -> Change:
    """备注 of one indicator."""
    return Change(
        translate("undo", "修改 %1 备注").replace("%1", indicator_id),
        lambda value: target.apply_note(period_id, indicator_id, value or ""),
        old,
        new,
    )


def item_change(
    target: ItemTarget, period_id: str, item_id: str, field: str, old: str, new: str
) -> Change:
    """One field of an item's report: status, progress, problems or next."""
    return Change(
        translate("undo", "修改工作任务 %1").replace("%1", item_id),
        lambda value: target.apply_item(period_id, item_id, field, value or ""),
        old,
        new,
    )


def single(change: Change) -> ChangeCommand:
    return ChangeCommand(change.text, [change])

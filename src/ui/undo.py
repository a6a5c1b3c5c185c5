"""Undo and redo that reach the store: each command re-applies a value through the service.

A command holds the period, the indicator or item, and the old and new text as the
service understands them, never a Qt index, so that it stays valid after the grid
has been reloaded or has moved to another period. Undoing writes the old value
back with the same service call the grid uses, which validates, writes and audits
it like any other edit.

A command whose first `redo` is refused makes itself obsolete, and QUndoStack
drops it: a refused value never becomes an undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class EntryTarget(Protocol):
    def apply_entry(self, period_id: str, indicator_id: str, text: str | None) -> bool: ...

    def apply_note(self, period_id: str, indicator_id: str, note: str) -> bool: ...


class ItemTarget(Protocol):
    def apply_item(self, period_id: str, item_id: str, field: str, text: str) -> bool: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


class EditCommand(QUndoCommand):
    """One value of one thing in one period, applied by `apply(value) -> accepted`."""

    def __init__(
        self,
        text: str,
        apply: Callable[[str | None], bool],
        old: str | None,
        new: str | None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
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
            if not ok:
                self.refused = True
                self.setObsolete(True)

    def undo(self) -> None:
        if self.refused:
            return
        if not self.apply(self.old):
            # The store no longer accepts the old value (a signed period, say): drop the step.
            self.setObsolete(True)


def entry_command(
    target: EntryTarget,
    period_id: str,
    indicator_id: str,
    old: str | None,
    new: str | None,
    parent: QUndoCommand | None = None,
) -> EditCommand:
    """本期累计 of one indicator: old and new text (None clears the value)."""
    return EditCommand(
        _tr("修改 %1 本期累计").replace("%1", indicator_id),
        lambda value: target.apply_entry(period_id, indicator_id, value),
        old,
        new,
        parent,
    )


def note_command(
    target: EntryTarget,
    period_id: str,
    indicator_id: str,
    old: str,
    new: str,
    parent: QUndoCommand | None = None,
) -> EditCommand:
    """备注 of one indicator."""
    return EditCommand(
        _tr("修改 %1 备注").replace("%1", indicator_id),
        lambda value: target.apply_note(period_id, indicator_id, value or ""),
        old,
        new,
        parent,
    )


def item_command(
    target: ItemTarget,
    period_id: str,
    item_id: str,
    field: str,
    old: str,
    new: str,
    parent: QUndoCommand | None = None,
) -> EditCommand:
    """One field of an item's report: status, progress, problems or next."""
    return EditCommand(
        _tr("修改工作任务 %1").replace("%1", item_id),
        lambda value: target.apply_item(period_id, item_id, field, value or ""),
        old,
        new,
        parent,
    )


class GroupCommand(QUndoCommand):
    """Several edits as one undo step (a paste, a cleared block).

    The children are `EditCommand`s created with this command as their parent;
    QUndoCommand's own redo and undo run them in order and in reverse. A group
    whose every child was refused makes itself obsolete.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.edits: list[EditCommand] = []  # keeps the Python side of each child alive

    def add(self, edit: EditCommand) -> None:
        self.edits.append(edit)

    def redo(self) -> None:
        super().redo()
        if all(e.refused for e in self.edits):  # nothing accepted (or nothing at all)
            self.setObsolete(True)

    @property
    def accepted(self) -> int:
        return sum(1 for e in self.edits if not e.refused)

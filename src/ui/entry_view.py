"""The entry grid's view: a table that edits like a spreadsheet.

Enter moves down, Tab moves right (Ctrl+Tab leaves the grid), F2 edits, typing
starts an edit (Chinese from an input method too), Escape drops a refused value,
Delete clears, Ctrl+C copies and Ctrl+V pastes a block copied from Excel or WPS.
A paste or a clear is one undo step: the cells' changes make one
`ChangeCommand`, and every cell goes through the model, hence the service.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.entry_model import COL_NAME, COL_NOTE, COL_VALUE, EDITABLE_COLUMNS, EntryModel
from ui.undo import ChangeCommand

Index = QModelIndex | QPersistentModelIndex
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_PASTE_CELLS = 2000  # a whole sheet pasted by mistake is refused, not half-applied


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells from what Excel or WPS put on the clipboard (tab-separated, quoted)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [row if row else [""] for row in csv.reader(io.StringIO(text), delimiter="\t")]


class EntryDelegate(QStyledItemDelegate):
    """A plain line editor; Enter commits and moves down, Tab commits and moves right."""

    def __init__(self, view: EntryView) -> None:
        super().__init__(view)
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        title = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        name = index.model().headerData(
            index.row(), Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
        )
        editor.setAccessibleName(f"{title} {name}")
        editor.setAccessibleDescription(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        editor.setMaxLength(2000 if index.column() == COL_NOTE else 100)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        # Keep text an input method or a first key press already put in the editor.
        if not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            step: tuple[int, int] | None = None
            if key in ENTER_KEYS:
                step = (-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
            elif key == Qt.Key.Key_Tab:
                step = (0, 1)
            elif key == Qt.Key.Key_Backtab:
                step = (0, -1)
            if step is not None:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.view.step(*step)
                return True
        return super().eventFilter(editor, event)


class EntryView(QTableView):
    """The entry grid.

    Signals:
        editRefused(QModelIndex): an edit was tried on a cell the period does not allow.
        message(str, bool): a line for under the grid; True when it is a refusal.
    """

    editRefused = Signal(QModelIndex)
    message = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            triggers.DoubleClicked
            | triggers.EditKeyPressed
            | triggers.AnyKeyPressed
            | triggers.SelectedClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setItemDelegate(EntryDelegate(self))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setHighlightSections(True)
        header.setStretchLastSection(True)

        self.copy_action = self._action(
            self.tr("复制(&C)"), QKeySequence.StandardKey.Copy, self.copy
        )
        self.paste_action = self._action(
            self.tr("粘贴(&P)"), QKeySequence.StandardKey.Paste, self.paste
        )
        self.clear_action = self._action(
            self.tr("清除(&D)"), QKeySequence.StandardKey.Delete, self.clear
        )
        self.edit_action = self._action(
            self.tr("编辑单元格(&E)"), QKeySequence(Qt.Key.Key_F2), self.edit_current
        )

    def _action(
        self, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: Any
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        # Only while the grid has the focus: an editor's own Ctrl+V and Delete keep working.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.copy_action.setText(self.tr("复制(&C)"))
        self.paste_action.setText(self.tr("粘贴(&P)"))
        self.clear_action.setText(self.tr("清除(&D)"))
        self.edit_action.setText(self.tr("编辑单元格(&E)"))

    def entry_model(self) -> EntryModel:
        model = self.model()
        assert isinstance(model, EntryModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.resize_columns()

    def resize_columns(self) -> None:
        """Sizes that follow the font, so that 200 % text still fits."""
        metrics = self.fontMetrics()
        widths = {COL_NAME: 22, COL_VALUE: 11, COL_NOTE: 14}
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            chars = widths.get(column, 7)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(
                metrics.horizontalAdvance("0" * chars), metrics.horizontalAdvance(title) + 24
            )
            if column == COL_NAME:
                width = max(width, metrics.horizontalAdvance("中" * 20))
            self.setColumnWidth(column, width)

    # ----- moving -------------------------------------------------------------------
    def step(self, rows: int, columns: int) -> None:
        """Move the current cell, staying inside the grid."""
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        row = min(max(current.row() + rows, 0), model.rowCount() - 1)
        column = current.column() + columns
        if column >= model.columnCount():
            column, row = 0, min(row + 1, model.rowCount() - 1)
        elif column < 0:
            column, row = model.columnCount() - 1, max(row - 1, 0)
        target = model.index(row, column)
        self.setCurrentIndex(target)
        self.scrollTo(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            # Tab moves between cells, so Ctrl+Tab (Ctrl+Shift+Tab) leaves the grid.
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            QWidget.focusNextPrevChild(self, forward)
            event.accept()
            return
        if not editing and event.key() in ENTER_KEYS:
            self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
            event.accept()
            return
        if not editing and event.key() == Qt.Key.Key_Escape and self.currentIndex().isValid():
            self.entry_model().clear_error(self.currentIndex().row(), self.currentIndex().column())
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Qt opens the editor on an input method's first text but drops a bare commit (an
        # IME that sends no preedit); open the editor and hand the committed text on.
        if (
            self.state() != QAbstractItemView.State.EditingState
            and event.commitString()
            and not event.preeditString()
            and self.currentIndex().isValid()
        ):
            if self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                editor = QApplication.focusWidget()
                if editor is not None and editor is not self:
                    QApplication.sendEvent(editor, event)
            event.accept()
            return
        super().inputMethodEvent(event)

    def edit(self, index: Index, trigger: Any = None, event: QEvent | None = None) -> bool:  # type: ignore[override]
        if trigger is None:  # the public one-argument form
            super().edit(index)
            return self.state() == QAbstractItemView.State.EditingState
        started = bool(super().edit(index, trigger, event))  # type: ignore[arg-type]
        user_trigger = trigger in (
            QAbstractItemView.EditTrigger.DoubleClicked,
            QAbstractItemView.EditTrigger.EditKeyPressed,
            QAbstractItemView.EditTrigger.AnyKeyPressed,
        )
        if not started and user_trigger and index.isValid() and self._wants_text(event):
            self.editRefused.emit(self.model().index(index.row(), index.column()))
        return started

    @staticmethod
    def _wants_text(event: QEvent | None) -> bool:
        # Arrow keys and modifiers also pass through edit(); only real typing is refused aloud.
        if isinstance(event, QKeyEvent):
            return bool(event.text().strip()) or event.key() == Qt.Key.Key_F2
        return True

    def edit_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None)

    # ----- clipboard ------------------------------------------------------------------
    def _selected_block(self) -> tuple[int, int, int, int] | None:
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            return current.row(), current.column(), current.row(), current.column()
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return min(rows), min(cols), max(rows), max(cols)

    def copy(self) -> None:
        block = self._selected_block()
        if block is None:
            return
        top, left, bottom, right = block
        model = self.model()
        lines = []
        for row in range(top, bottom + 1):
            cells = []
            for column in range(left, right + 1):
                role = (
                    Qt.ItemDataRole.EditRole
                    if column in EDITABLE_COLUMNS
                    else Qt.ItemDataRole.DisplayRole
                )
                text = str(model.index(row, column).data(role) or "")
                if any(ch in text for ch in '\t\n"'):
                    text = '"' + text.replace('"', '""') + '"'
                cells.append(text)
            lines.append("\t".join(cells))
        QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Put a block into the editable columns from the current cell, as one undo step."""
        model = self.entry_model()
        current = self.currentIndex()
        block = parse_block(text)
        if not current.isValid() or not block:
            return
        if not model.editable:
            self.editRefused.emit(QModelIndex(current))
            return
        if sum(len(r) for r in block) > MAX_PASTE_CELLS:
            self.message.emit(
                self.tr("粘贴的内容有 %1 格，超过上限 %2 格，未粘贴")
                .replace("%1", str(sum(len(r) for r in block)))
                .replace("%2", str(MAX_PASTE_CELLS)),
                True,
            )
            return
        targets: list[tuple[int, int, str]] = []
        dropped = 0
        if (
            len(block) == 1
            and len(block[0]) == 1
            and len(self.selectionModel().selectedIndexes()) > 1
        ):
            # One value onto a selection fills every editable selected cell, as Excel does.
            for index in self.selectionModel().selectedIndexes():
                if index.column() in EDITABLE_COLUMNS:
                    targets.append((index.row(), index.column(), block[0][0]))
        else:
            columns = [c for c in EDITABLE_COLUMNS if c >= current.column()] or [
                COL_VALUE,
                COL_NOTE,
            ]
            for i, cells in enumerate(block):
                row = current.row() + i
                for j, text_cell in enumerate(cells):
                    if row >= model.rowCount() or j >= len(columns):
                        dropped += 1
                        continue
                    targets.append((row, columns[j], text_cell))
        self._apply_group(self.tr("粘贴"), targets)
        if targets and len(block) * len(block[0]) > 1:
            # Show what was pasted as the selection, as a spreadsheet does.
            top = model.index(current.row(), min(t[1] for t in targets))
            bottom = model.index(max(t[0] for t in targets), max(t[1] for t in targets))
            self.selectionModel().select(
                QItemSelection(top, bottom), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        if dropped:
            self.message.emit(
                self.tr("有 %1 格超出可填写的范围，未粘贴").replace("%1", str(dropped)), True
            )

    def clear(self) -> None:
        block = self._selected_block()
        model = self.entry_model()
        if block is None:
            return
        if not model.editable:
            self.editRefused.emit(QModelIndex(self.currentIndex()))
            return
        top, left, bottom, right = block
        targets = [
            (row, column, "")
            for row in range(top, bottom + 1)
            for column in range(left, right + 1)
            if model.cell_editable(row, column)
        ]
        self._apply_group(self.tr("清除"), targets)

    def _apply_group(self, title: str, targets: list[tuple[int, int, str]]) -> None:
        model = self.entry_model()
        changes = [
            c for row, column, text in targets if (c := model.edit_change(row, column, text))
        ]
        if not changes:
            return
        command = ChangeCommand(title, changes)
        if model.undo_stack is not None:
            model.undo_stack.push(command)
        else:
            command.redo()
        refused = len(changes) - command.accepted
        summary = (
            self.tr("%1：已保存 %2 格").replace("%1", title).replace("%2", str(command.accepted))
        )
        if refused:
            summary += self.tr("，%1 格未保存（原因见单元格）").replace("%1", str(refused))
        self.message.emit(summary, bool(refused))

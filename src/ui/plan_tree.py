"""The plan tree of the main window: sections and items, each with its progress badge."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
)

Index = QModelIndex | QPersistentModelIndex

KindRole = Qt.ItemDataRole.UserRole + 1  # "section" or "item"
IdRole = Qt.ItemDataRole.UserRole + 2
BadgeRole = Qt.ItemDataRole.UserRole + 3  # "full", "part", "none" or ""
TREE_NAME, TREE_BADGE, TREE_STATUS = range(3)


class PlanTree(QTreeWidget):
    """The plan tree: task names take the width the badges leave, never less than 13 characters.

    A narrow tree scrolls sideways rather than shrinking the names to nothing; a wide
    one shows them whole instead of leaving the space empty.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_names()

    def fit_names(self) -> None:
        header = self.header()
        rest = header.sectionSize(TREE_BADGE) + header.sectionSize(TREE_STATUS)
        minimum = self.fontMetrics().horizontalAdvance("中" * 13)
        # The viewport's width, without asking for the viewport: PySide's first wrapping of
        # a plain QWidget it did not create builds the enums of every widget class (9 ms).
        scroll = self.verticalScrollBar()
        width = self.contentsRect().width() - (scroll.width() if scroll.isVisible() else 0)
        self.setColumnWidth(TREE_NAME, max(minimum, width - rest))


class BadgeDelegate(QStyledItemDelegate):
    """Draws the progress column as a pill; the words inside carry the meaning."""

    COLOURS: ClassVar[dict[str, str]] = {"full": "#cfe8cc", "part": "#ffe2a8", "none": "#e4e4e4"}

    def __init__(self, parent: QObject, use_colour: bool = True) -> None:
        super().__init__(parent)
        self.use_colour = use_colour

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(BadgeRole):
            option.text = ""  # the pill carries the words: the style draws only the cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The cell (selection, focus) is the style's, through the base class; only the pill is
        # ours. Selection is asked of the view, not of option.state: QStyle's enums alone
        # take 5 ms to build, and nothing else needs them before the window is shown.
        super().paint(painter, option, index)
        state = index.data(BadgeRole)
        if not state:
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view = option.widget
        selection = view.selectionModel() if isinstance(view, QAbstractItemView) else None
        selected = selection is not None and selection.isSelected(index)
        metrics = option.fontMetrics
        rect = option.rect
        pad = max(4, metrics.height() // 4)
        width = min(metrics.horizontalAdvance(text) + 2 * pad, rect.width() - 2)
        pill = QRect(rect.x() + 2, rect.y() + 2, width, rect.height() - 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.use_colour and not selected:
            painter.setBrush(QColor(self.COLOURS.get(str(state), "#e4e4e4")))
            painter.setPen(QColor("#808080"))
            text_colour = QColor("#000000")
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            text_colour = option.palette.color(group)
            painter.setPen(text_colour)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(text_colour)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)  # without the words when there is a pill
        words = str(index.data(Qt.ItemDataRole.DisplayRole) or "") if index.data(BadgeRole) else ""
        metrics = option.fontMetrics
        width = size.width() + metrics.horizontalAdvance(words) + metrics.height()
        return QSize(width, size.height() + 4)

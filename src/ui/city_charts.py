"""The city window's bar chart: one bar per district or section, drawn and read aloud."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.city_models import BEHIND_MARK

BEHIND_POINTS = Decimal(20)  # 完成率 more than 20 points behind 时间进度 is 滞后 (DESIGN)


def percent_text(value: Decimal | None) -> str:
    """42.5%, 50%: a percentage as the charts and the window write it."""
    if value is None:
        return ""
    return f"{value.normalize():f}%" if value == value.to_integral_value() else f"{value}%"


# ----- charts ---------------------------------------------------------------------------------

# ----- charts ---------------------------------------------------------------------------------


class BarChart(QWidget):
    """Horizontal bars of 完成率 with 时间进度 as a dashed line, drawn with QPainter.

    A bar more than 20 points behind 时间进度 is hatched and followed by "▼滞后" in
    words; a missing bar says why in words. The values are also the widget's
    accessible description, so that a screen reader reads the chart as a list.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.rows: list[tuple[str, Decimal | None, str]] = []  # label, value, text when empty
        self.reference: Decimal | None = None
        self.reference_text = ""
        self.behind_text = ""
        self.use_colour = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * 30))

    def set_data(
        self,
        title: str,
        rows: list[tuple[str, Decimal | None, str]],
        reference: Decimal | None,
        reference_text: str,
        behind_text: str,
    ) -> None:
        self.title = title
        self.rows = rows
        self.reference = reference
        self.reference_text = reference_text
        self.behind_text = behind_text
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "；".join(f"{label} {self.value_text(value, empty)}" for label, value, empty in rows)
        )
        self.updateGeometry()
        self.update()

    def behind(self, value: Decimal | None) -> bool:
        return (
            value is not None
            and self.reference is not None
            and self.reference - value > BEHIND_POINTS
        )

    def value_text(self, value: Decimal | None, empty: str) -> str:
        if value is None:
            return empty
        text = percent_text(value)
        if self.behind(value):
            text += f" {BEHIND_MARK}{self.behind_text}"
        return text

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _top(self) -> int:
        return self.fontMetrics().height() * 3 + 8

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        height = self._top() + self._row_height() * max(len(self.rows), 1) + metrics.height() + 12
        return QSize(metrics.horizontalAdvance("中" * 50), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A label cut short by the width: its whole text and value as a tooltip.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = (event.pos().y() - self._top()) // self._row_height()
            if 0 <= row < len(self.rows) and event.pos().y() >= self._top():
                label, value, empty = self.rows[row]
                QToolTip.showText(
                    event.globalPos(), f"{label}：{self.value_text(value, empty)}", self
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height()
        margin = 8
        text_pen = QPen(palette.color(QPalette.ColorRole.WindowText))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_pen)
        painter.drawText(
            QRect(margin, margin, self.width() - 2 * margin, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.title,
        )
        painter.setFont(self.font())
        if self.hasFocus():
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))

        labels = [label for label, _, _ in self.rows] or [""]
        label_width = min(
            max(metrics.horizontalAdvance(label) for label in labels) + margin,
            self.width() // 3,
        )
        value_width = metrics.horizontalAdvance(f"200.0% {BEHIND_MARK}{self.behind_text}") + margin
        empties = [empty for _, value, empty in self.rows if value is None]
        if empties:
            value_width = max(value_width, max(metrics.horizontalAdvance(e) for e in empties))
        x0 = margin + label_width + margin
        plot = max(self.width() - x0 - value_width - margin, 40)
        values = [float(v) for _, v, _ in self.rows if v is not None]
        top_value = max([100.0, float(self.reference or 0), *values])
        scale_max = float(int(top_value / 20 + 0.999) * 20)
        top = self._top()
        row_height = self._row_height()
        bottom = top + row_height * len(self.rows)

        def x_of(value: float) -> int:
            return x0 + round(plot * min(value, scale_max) / scale_max)

        # Grid and axis: a line every 20 points, labelled under the bars.
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        grid_pen.setStyle(Qt.PenStyle.DotLine)
        step = 20 if scale_max <= 200 else 50
        tick = 0
        while tick <= scale_max:
            x = x_of(tick)
            painter.setPen(grid_pen)
            painter.drawLine(x, top - 2, x, bottom)
            painter.setPen(text_pen)
            text = f"{tick}%"
            width = metrics.horizontalAdvance(text)
            painter.drawText(
                QRect(x - width // 2 - 2, bottom + 2, width + 4, line),
                int(Qt.AlignmentFlag.AlignCenter),
                text,
            )
            tick += step

        # 时间进度 first, so that the bars and the words are drawn over it.
        if self.reference is not None:
            x = x_of(float(self.reference))
            pen = QPen(palette.color(QPalette.ColorRole.WindowText))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawLine(x, top - 4, x, bottom + 2)
            painter.setPen(text_pen)
            width = metrics.horizontalAdvance(self.reference_text)
            left = min(max(x - width // 2, margin), self.width() - width - margin)
            painter.drawText(
                QRect(left, top - line - 6, width + 2, line),
                int(Qt.AlignmentFlag.AlignCenter),
                self.reference_text,
            )

        background = palette.color(QPalette.ColorRole.Window)

        def words(left: int, y: int, text: str) -> None:
            """Text after a bar, on the window's colour so that no line runs through it."""
            box = QRect(left, y + 2, metrics.horizontalAdvance(text) + 4, row_height - 4)
            painter.fillRect(box, background)
            painter.setPen(text_pen)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )

        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        for n, (label, value, empty) in enumerate(self.rows):
            y = top + n * row_height
            painter.setPen(text_pen)
            painter.drawText(
                QRect(margin, y, label_width, row_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width),
            )
            if value is None:
                words(x0 + 2, y, empty)
                continue
            end = x_of(float(value))
            bar = QRect(x0, y + 4, max(end - x0, 1), row_height - 8)
            behind = self.behind(value)
            # Behind: hatched, and the words after the bar say so; the fill is only an aid.
            brush = QBrush(
                bar_colour, Qt.BrushStyle.BDiagPattern if behind else Qt.BrushStyle.SolidPattern
            )
            painter.fillRect(bar, brush)
            painter.setPen(text_pen)
            painter.drawRect(bar)
            words(end + 4, y, self.value_text(value, empty))


# ----- dialogs ----------------------------------------------------------------------------------

"""The top line of the district and city windows: who, the reporting period, and a state.

Both windows choose their period here the same way: the combo box lists the plan's
periods by name (ui/period_texts), the window is told of a choice through the combo
box's `activated` signal, and showing a period the window selected otherwise never
signals back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from models.periods import Period
from ui.period_texts import period_text


class PeriodBar:
    """The office's (or city's) name on the left; the period and a state on the right."""

    def __init__(self, parent: QWidget) -> None:
        self.layout = QHBoxLayout()
        self.name_label = QLabel(parent)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.period_label = QLabel(parent)
        self.period_combo = QComboBox(parent)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_label.setBuddy(self.period_combo)
        self.info_label = QLabel(parent)
        self.layout.addWidget(self.name_label)
        self.layout.addStretch(1)
        self.layout.addWidget(self.period_label)
        self.layout.addWidget(self.period_combo)
        self.layout.addSpacing(12)
        self.layout.addWidget(self.info_label)

    def fill(self, periods: list[Period], current: str | None) -> None:
        """List the periods (in the current language), keeping `current` selected."""
        combo = self.period_combo
        combo.blockSignals(True)
        combo.clear()
        for period in periods:
            combo.addItem(period_text(period), period.id)
        if current is not None:
            combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def show_period(self, period_id: str) -> None:
        """Show the period the window selected, without signalling a choice."""
        combo = self.period_combo
        index = combo.findData(period_id)
        if index >= 0 and index != combo.currentIndex():
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def period_at(self, index: int) -> str:
        return str(self.period_combo.itemData(index))

    def neighbour(self, step: int) -> str | None:
        """The period `step` places from the shown one, or None past either end."""
        index = self.period_combo.currentIndex() + step
        return self.period_at(index) if 0 <= index < self.period_combo.count() else None

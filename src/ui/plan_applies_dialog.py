"""Which districts an indicator of the plan applies to: all, ticked districts, or a named group."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.plan_catalogue import (
    Catalogue,
    GroupDef,
    suggested_groups,
)
from models.errors import InputError
from models.plan import ALL, GROUP_PREFIX
from ui.dialogs import choice_pair, ok_cancel_buttons

CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # a list entry's district code


class AppliesToDialog(QDialog):
    """Which districts an indicator applies to: all, ticked districts, or a named group.

    The group buttons tick exactly a group's members. When the ticked districts
    are exactly a group's, the indicator refers to the group (so that correcting
    the group's members corrects every indicator using it). A suggested group
    (渝西片区 …) that is used is added to the plan's groups.
    """

    def __init__(self, catalogue: Catalogue, scope: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWindowTitle(self.tr("选择适用区县"))
        self.setAccessibleName(self.tr("选择适用区县"))
        self.setModal(True)
        layout = QVBoxLayout(self)

        self.all_radio, self.some_radio = choice_pair(
            self, self.tr("全部区县(&A)"), self.tr("指定区县(&S)")
        )
        row = QHBoxLayout()
        row.addWidget(self.all_radio)
        row.addWidget(self.some_radio)
        row.addStretch(1)
        layout.addLayout(row)

        self.list_label = QLabel(self.tr("区县(&D)：空格键勾选或取消"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("区县"))
        self.list_label.setBuddy(self.list)
        codes = catalogue.scope_codes_of(scope)
        for district in catalogue.districts():
            entry = QListWidgetItem(f"{district.name}（{district.code}）", self.list)
            entry.setData(CODE_ROLE, district.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = codes is not None and district.code in codes
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)

        groups_row = QHBoxLayout()
        self.groups_label = QLabel(self.tr("区县组：按下按钮即勾选该组的全部区县"), self)
        self.clear_button = QPushButton(self.tr("清除勾选(&L)"), self)
        self.clear_button.setAccessibleName(self.tr("清除勾选"))
        self.clear_button.clicked.connect(self.clear)
        groups_row.addWidget(self.groups_label, 1)
        groups_row.addWidget(self.clear_button)
        layout.addLayout(groups_row)
        self.groups_box = QWidget(self)
        self.groups_grid = QGridLayout(self.groups_box)
        self.groups_grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.groups_box)
        self.group_buttons: dict[str, QPushButton] = {}
        self._suggested = {g.id: g for g in suggested_groups() if g.id not in catalogue.groups}
        self._fill_group_buttons()

        add_row = QHBoxLayout()
        self.group_name_label = QLabel(self.tr("新区县组名称(&N)："), self)
        self.group_name = QLineEdit(self)
        self.group_name.setAccessibleName(self.tr("新区县组名称"))
        self.group_name_label.setBuddy(self.group_name)
        self.add_group_button = QPushButton(self.tr("把勾选的区县存为区县组(&G)"), self)
        self.add_group_button.setAccessibleName(self.tr("把勾选的区县存为区县组"))
        self.add_group_button.clicked.connect(self.add_group)
        add_row.addWidget(self.group_name_label)
        add_row.addWidget(self.group_name, 1)
        add_row.addWidget(self.add_group_button)
        layout.addLayout(add_row)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("提示"))
        self.message.setText(self.tr("勾选的区县与某个区县组完全相同时，指标按区县组引用。"))
        layout.addWidget(self.message)

        self.buttons = ok_cancel_buttons(self)
        layout.addWidget(self.buttons)

        (self.all_radio if codes is None else self.some_radio).setChecked(True)
        self.all_radio.toggled.connect(self._mode_changed)
        self.list.itemChanged.connect(self._ticked)
        self._mode_changed()
        self.resize(520, 560)

    def _fill_group_buttons(self) -> None:
        for button in self.group_buttons.values():
            self.groups_grid.removeWidget(button)
            button.deleteLater()
        self.group_buttons = {}
        groups: list[tuple[GroupDef, bool]] = [(g, False) for g in self.catalogue.groups.values()]
        groups += [(g, True) for g in self._suggested.values()]
        for n, (group, suggested) in enumerate(groups):
            text = (
                self.tr("%1（%2 个区县）")
                .replace("%1", group.name)
                .replace("%2", str(len(group.districts)))
            )
            if suggested:
                text += self.tr("（建议）")
            button = QPushButton(text, self.groups_box)
            button.setAccessibleName(text)
            button.setToolTip(group.note)
            button.clicked.connect(lambda _=False, g=group: self.tick_group(g))
            self.groups_grid.addWidget(button, n // 2, n % 2)
            self.group_buttons[group.id] = button

    def _mode_changed(self) -> None:
        # The list and the group buttons stay usable: ticking one chooses 指定区县.
        self.list.setToolTip(
            "" if self.some_radio.isChecked() else self.tr("选择“全部区县”时不看勾选")
        )

    def _ticked(self, _item: QListWidgetItem) -> None:
        if not self.some_radio.isChecked():
            self.some_radio.setChecked(True)

    def ticked(self) -> list[str]:
        return [
            str(self.list.item(r).data(CODE_ROLE))
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]

    @Slot()
    def tick_group(self, group: GroupDef) -> None:
        self.some_radio.setChecked(True)
        members = set(group.districts)
        self.list.blockSignals(True)
        for r in range(self.list.count()):
            entry = self.list.item(r)
            state = (
                Qt.CheckState.Checked
                if entry.data(CODE_ROLE) in members
                else Qt.CheckState.Unchecked
            )
            entry.setCheckState(state)
        self.list.blockSignals(False)
        self.message.setText(
            self.tr("已勾选「%1」的 %2 个区县。")
            .replace("%1", group.name)
            .replace("%2", str(len(members)))
        )

    @Slot()
    def clear(self) -> None:
        self.list.blockSignals(True)
        for r in range(self.list.count()):
            self.list.item(r).setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.message.setText(self.tr("已清除全部勾选。"))

    @Slot()
    def add_group(self) -> None:
        try:
            group = self.catalogue.add_group(self.group_name.text(), self.ticked())
        except InputError as exc:
            self.message.setText(self.tr("未能添加区县组：") + exc.message)
            return
        self.group_name.clear()
        self._fill_group_buttons()
        self.message.setText(
            self.tr("已添加区县组「%1」（%2 个区县）。")
            .replace("%1", group.name)
            .replace("%2", str(len(group.districts)))
        )

    def scope(self) -> Any:
        """``"all"`` or the entries to store (a group reference when the ticks are a group)."""
        if self.all_radio.isChecked():
            return ALL
        ticked = self.ticked()
        if not ticked:
            return []
        group = self.catalogue.group_for(ticked)
        if group is None:
            wanted = set(ticked)
            suggestion = next(
                (g for g in self._suggested.values() if set(g.districts) == wanted), None
            )
            if suggestion is not None:
                group = self.catalogue.add_group(
                    suggestion.name, suggestion.districts, suggestion.note, group_id=suggestion.id
                )
        return [GROUP_PREFIX + group.id] if group is not None else ticked

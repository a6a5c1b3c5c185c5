"""The data-entry window: the plan tree, the period, the entry grid and the item's report.

Everything is read and written through `OfficeService` (held by the `AppContext`);
the window keeps no rule of its own. Every edit is an undo command that writes
through the service, so Ctrl+Z also undoes in the store.

Extension points for what is added later:
    * `register_action(key, action, menu)` and `menus["report"]` (报表(&R)): the
      return actions (export, submit, send back, sign, correct, print preview).
    * `add_page(key, widget, title, shortcut)`: pages in `pages` (a QStackedWidget)
      beside the entry page, such as the overview (概览).
    * `periodChanged(str)`: pages follow the selected period.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QKeySequence,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import JinduError
from models.kinds import Status
from models.period_data import ItemRow
from models.periods import parse_period, periods_in_year
from ui.app_context import AppContext, restore_geometry
from ui.entry_model import COL_NOTE, COL_VALUE, EntryModel, ErrorRole, excerpt
from ui.entry_view import EntryView
from ui.period_bar import PeriodBar
from ui.period_texts import period_text
from ui.plan_tree import (
    TREE_BADGE,
    TREE_NAME,
    TREE_STATUS,
    BadgeDelegate,
    BadgeRole,
    IdRole,
    KindRole,
    PlanTree,
)
from ui.status_texts import status_text
from ui.undo import item_change, single

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex

NARRATIVES = ("progress", "problems", "next")
ERROR_RED = QColor("#a40000")
IDLE_SAVE_MS = 1200


class MainWindow(QMainWindow):
    """The office's window.

    Signals:
        periodChanged(str): the selected period's id, after the grid has loaded it.
    """

    periodChanged = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.service
        self.plan = self.service.plan()
        self.office = self.service.office()
        self.undo_stack = QUndoStack(self)
        self.actions_registry: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.page_actions: dict[str, QAction] = {}
        self._pages: dict[str, QWidget | Callable[[], QWidget]] = {}
        self._items: dict[str, ItemRow] = {}
        self._item_id: str | None = None
        self._saved: dict[str, str] = {}
        # Words the store refused (a full disk, a read-only file), by (period, item, field):
        # they stay in their field and come back with the item until they are saved.
        self._unsaved_words: dict[tuple[str, str, str], str] = {}
        self._leaving_agreed = False
        self._loading = False

        self.model = EntryModel(self.service, self)
        self.model.undo_stack = self.undo_stack
        if context.appearance is not None and context.appearance.high_contrast:
            self.model.use_colour = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_SAVE_MS)
        self.idle.timeout.connect(self.save_narratives)

        self._build_widgets()
        self._build_actions()
        self._connect()
        self.retranslate()
        self._restore_state()

        self.periods = periods_in_year(self.plan.year, self.plan.frequency)
        self._fill_periods()
        due = self.service.due_period()
        self.select_period(due.id)
        self._select_first_item()
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

        # ----- return features: the overview page, the 报表 actions and the 计划 menu -------
        # (ui/return_actions.py); imported here so that ui.main_window stays importable alone.
        from ui.return_actions import install_return_features

        self.return_features = install_return_features(self)

    # ----- building ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)

        self.period_bar = PeriodBar(central)
        self.office_label = self.period_bar.name_label
        self.period_label = self.period_bar.period_label
        self.period_combo = self.period_bar.period_combo
        self.state_label = self.period_bar.info_label
        outer.addLayout(self.period_bar.layout)

        self.pages = QStackedWidget(central)
        outer.addWidget(self.pages, 1)
        self.entry_page = QWidget(self.pages)
        self.pages.addWidget(self.entry_page)
        page_layout = QVBoxLayout(self.entry_page)
        page_layout.setContentsMargins(0, 0, 0, 0)

        self.h_splitter = QSplitter(Qt.Orientation.Horizontal, self.entry_page)
        self.h_splitter.setChildrenCollapsible(False)
        page_layout.addWidget(self.h_splitter)

        tree_box = QWidget(self.h_splitter)
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        self.tree_label = QLabel(tree_box)
        self.tree = PlanTree(tree_box)
        self.tree.setColumnCount(3)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.badges = BadgeDelegate(self.tree, self.model.use_colour)
        self.tree.setItemDelegateForColumn(TREE_BADGE, self.badges)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # The names keep a readable width; a narrow tree scrolls sideways rather than
        # shrinking them to nothing (long English badges, 200 % fonts).
        header.setSectionResizeMode(TREE_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TREE_BADGE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TREE_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.tree_label.setBuddy(self.tree)
        tree_layout.addWidget(self.tree_label)
        tree_layout.addWidget(self.tree)
        self._fill_tree()
        self.tree.fit_names()

        self.v_splitter = QSplitter(Qt.Orientation.Vertical, self.h_splitter)
        self.v_splitter.setChildrenCollapsible(False)
        grid_box = QWidget(self.v_splitter)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        self.grid_label = QLabel(grid_box)
        self.grid = EntryView(grid_box)
        self.grid.setModel(self.model)
        self.grid_label.setBuddy(self.grid)
        self.message_line = QLabel(grid_box)
        self.message_line.setWordWrap(True)
        self.message_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_line.setMinimumHeight(self.fontMetrics().height() + 6)
        grid_layout.addWidget(self.grid_label)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.message_line)

        self.item_scroll = QScrollArea(self.v_splitter)
        self.item_scroll.setWidgetResizable(True)
        self.item_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item_box = QWidget()
        self.item_scroll.setWidget(item_box)
        item_layout = QGridLayout(item_box)
        item_layout.setContentsMargins(0, 4, 0, 4)
        self.item_title = QLabel(item_box)
        self.item_title.setWordWrap(True)
        font = self.item_title.font()
        font.setBold(True)
        self.item_title.setFont(font)
        self.item_text_label = QLabel(item_box)
        self.item_text = QTextBrowser(item_box)
        self.item_text.setOpenLinks(False)
        self.item_text.setTabChangesFocus(True)
        self.item_text.setMaximumHeight(self.fontMetrics().height() * 4)
        self.item_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.item_text_label.setBuddy(self.item_text)
        self.status_label = QLabel(item_box)
        self.status_combo = QComboBox(item_box)
        self.status_label.setBuddy(self.status_combo)
        self.narrative_labels: dict[str, QLabel] = {}
        self.narratives: dict[str, QPlainTextEdit] = {}
        for name in NARRATIVES:
            label = QLabel(item_box)
            edit = QPlainTextEdit(item_box)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(self.fontMetrics().height() * 4)
            edit.installEventFilter(self)
            label.setBuddy(edit)
            self.narrative_labels[name] = label
            self.narratives[name] = edit
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        status_row.addWidget(self.status_combo)
        status_row.addStretch(1)
        item_layout.addWidget(self.item_title, 0, 0, 1, 3)
        item_layout.addWidget(self.item_text_label, 1, 0, 1, 3)
        item_layout.addWidget(self.item_text, 2, 0, 1, 3)
        item_layout.addLayout(status_row, 3, 0, 1, 3)
        for column, name in enumerate(NARRATIVES):
            item_layout.addWidget(self.narrative_labels[name], 4, column)
            item_layout.addWidget(self.narratives[name], 5, column)
            item_layout.setColumnStretch(column, 1)
        item_layout.setRowStretch(5, 1)

        self.h_splitter.setStretchFactor(0, 1)
        self.h_splitter.setStretchFactor(1, 3)
        self.v_splitter.setStretchFactor(0, 3)
        self.v_splitter.setStretchFactor(1, 2)
        self.setCentralWidget(central)

        self.state_status = QLabel(self)
        self.due_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.due_status)
        self.statusBar().addPermanentWidget(self.state_status)

        # Keyboard order follows the page: period, plan tree, grid, then the item's report.
        order = [
            self.period_combo,
            self.tree,
            self.grid,
            self.item_text,
            self.status_combo,
            *self.narratives.values(),
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        for key in ("file", "edit", "view", "report", "help"):
            self.menus[key] = bar.addMenu("")
        file_menu, edit, view, report, help_menu = (
            self.menus[k] for k in ("file", "edit", "view", "report", "help")
        )

        self._add(
            "settings",
            file_menu,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma),
            self.open_settings,
        )
        self._add(
            "open_folder",
            file_menu,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O),
            self.open_data_folder,
        )
        file_menu.addSeparator()
        self._add("quit", file_menu, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q), self.close)

        # Own actions rather than createUndoAction, so that their words follow the language.
        undo = QAction(self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(self.undo)
        redo = QAction(self)
        redo_keys = [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y)]
        standard = QKeySequence(QKeySequence.StandardKey.Redo)
        if standard not in redo_keys:  # the same key twice would make the shortcut ambiguous
            redo_keys.append(standard)
        redo.setShortcuts(redo_keys)
        redo.triggered.connect(self.redo)
        self.register_action("undo", undo, "edit")
        self.register_action("redo", redo, "edit")
        edit.addSeparator()
        for key, action in (
            ("copy", self.grid.copy_action),
            ("paste", self.grid.paste_action),
            ("clear", self.grid.clear_action),
            ("edit_cell", self.grid.edit_action),
        ):
            self.register_action(key, action, "edit")

        self._add(
            "previous_period",
            view,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp),
            lambda: self.step_period(-1),
        )
        self._add(
            "next_period",
            view,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown),
            lambda: self.step_period(1),
        )
        self._add("refresh", view, QKeySequence(QKeySequence.StandardKey.Refresh), self.reload)
        view.addSeparator()
        self._add("next_pane", view, QKeySequence(Qt.Key.Key_F6), lambda: self.cycle_pane(1))
        self._add(
            "previous_pane",
            view,
            QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6),
            lambda: self.cycle_pane(-1),
        )
        view.addSeparator()
        self.add_page("entry", self.entry_page, "", QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_1))

        self._add("checks", report, QKeySequence(Qt.Key.Key_F7), self.show_checks)

        self._add(
            "keys_help",
            help_menu,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            self.show_keys_help,
        )
        self._add("about", help_menu, QKeySequence(), self.show_about)

    def _add(self, key: str, menu: QMenu, shortcut: QKeySequence, slot: Any) -> QAction:
        action = QAction(self)
        if not shortcut.isEmpty():
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.actions_registry[key] = action
        menu.addAction(action)
        self.addAction(action)
        return action

    def register_action(self, key: str, action: QAction, menu: str = "report") -> QAction:
        """Put an action in a menu (报表 by default) and the registry; its shortcut works window-wide."""
        self.actions_registry[key] = action
        self.menus[menu].addAction(action)
        if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
            self.addAction(action)
        return action

    def add_page(
        self,
        key: str,
        page: QWidget | Callable[[], QWidget],
        title: str,
        shortcut: QKeySequence,
    ) -> QAction:
        """Add a page beside the entry page, with a 视图 menu action that shows it.

        `page` may be a function that builds the page: it is called when the page is
        first shown (or asked for with `page()`), so that a page the clerk does not open
        costs the start nothing."""
        action = QAction(title, self)
        action.setCheckable(True)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda: self.show_page(key))
        self.page_actions[key] = action
        self.actions_registry[f"page_{key}"] = action
        self.menus["view"].addAction(action)
        self.addAction(action)
        self._pages[key] = page
        if isinstance(page, QWidget):
            self._place_page(page)
        action.setChecked(self.pages.currentWidget() is page)
        return action

    def page(self, key: str) -> QWidget:
        """The page added as `key`, built now if it has not been yet."""
        page = self._pages[key]
        if not isinstance(page, QWidget):
            page = self._pages[key] = page()
            self._place_page(page)
        return page

    def _place_page(self, page: QWidget) -> None:
        if page.parent() is not self.pages:
            self.pages.addWidget(page)

    def show_page(self, key: str) -> None:
        self.pages.setCurrentWidget(self.page(key))
        for other, action in self.page_actions.items():
            action.setChecked(other == key)

    def _connect(self) -> None:
        self.period_combo.activated.connect(self._period_chosen)
        self.tree.currentItemChanged.connect(self._tree_moved)
        self.grid.selectionModel().currentRowChanged.connect(self._grid_row_moved)
        self.grid.editRefused.connect(self._edit_refused)
        self.grid.message.connect(self.show_message)
        self.model.message.connect(self.show_message)
        self.model.rowSaved.connect(self._row_saved)
        self.model.revealRequested.connect(self.reveal)
        self.status_combo.activated.connect(self._status_chosen)
        for edit in self.narratives.values():
            edit.textChanged.connect(self._narrative_typed)
        self.undo_stack.indexChanged.connect(self._undo_moved)

    # ----- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles = {
            "file": self.tr("文件(&F)"),
            "edit": self.tr("编辑(&E)"),
            "view": self.tr("视图(&V)"),
            "report": self.tr("报表(&R)"),
            "help": self.tr("帮助(&H)"),
        }
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        texts = {
            "settings": self.tr("设置(&S)…"),
            "open_folder": self.tr("打开数据文件夹(&O)"),
            "quit": self.tr("退出(&X)"),
            "previous_period": self.tr("上一报告期(&B)"),
            "next_period": self.tr("下一报告期(&N)"),
            "refresh": self.tr("重新读取(&R)"),
            "next_pane": self.tr("下一区域(&A)"),
            "previous_pane": self.tr("上一区域(&Z)"),
            "page_entry": self.tr("填报(&T)"),
            "checks": self.tr("本期检查(&C)…"),
            "keys_help": self.tr("键盘操作(&K)"),
            "about": self.tr("关于进度(&A)"),
        }
        for key, text in texts.items():
            self.actions_registry[key].setText(text)
        self._undo_moved()
        self.grid.retranslate()

        self.office_label.setText(
            self.tr("%1残疾人联合会（%2）")
            .replace("%1", self.office.district.name)
            .replace("%2", self.office.district.code)
        )
        self.office_label.setAccessibleName(self.tr("本单位"))
        self.period_label.setText(self.tr("报告期(&P)："))
        self.period_combo.setAccessibleName(self.tr("报告期"))
        self.period_combo.setAccessibleDescription(
            self.tr("按计划的填报频率选择报告期；Ctrl+PgUp/PgDn 切换")
        )
        self.tree_label.setText(self.tr("工作任务(&T)"))
        self.tree.setAccessibleName(self.tr("工作任务"))
        self.tree.setAccessibleDescription(
            self.tr("计划的部分和工作任务，显示已填指标数和任务状态")
        )
        self.tree.setHeaderLabels([self.tr("部分 / 工作任务"), self.tr("已填"), self.tr("状态")])
        self.grid_label.setText(self.tr("填报表(&G)"))
        self.grid.setAccessibleName(self.tr("填报表"))
        self.grid.setAccessibleDescription(
            self.tr(
                "回车下移，Tab 右移，F2 或直接输入开始编辑，Ctrl+V 粘贴，Ctrl+Z 撤销；Ctrl+Tab 离开表格"
            )
        )
        self.message_line.setAccessibleName(self.tr("提示"))
        self.item_text_label.setText(self.tr("任务内容(&K)"))
        self.item_text.setAccessibleName(self.tr("任务内容"))
        self.status_label.setText(self.tr("状态(&S)："))
        self.status_combo.setAccessibleName(self.tr("任务状态"))
        names = {
            "progress": (self.tr("进展情况(&J)"), self.tr("进展情况")),
            "problems": (self.tr("存在问题(&W)"), self.tr("存在问题")),
            "next": (self.tr("下步打算(&N)"), self.tr("下步打算")),
        }
        for key, (label, name) in names.items():
            self.narrative_labels[key].setText(label)
            self.narratives[key].setAccessibleName(name)
            self.narratives[key].setAccessibleDescription(
                self.tr("离开此框或停止输入片刻后自动保存")
            )
        self._fill_status_combo()
        self.model.retranslate()
        self.grid.resize_columns()
        if self.model.period is not None:
            self._fill_periods()
            self._refresh_tree()
            self._update_status()
            self._show_item(self._item_id)
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._size_to_font()
        super().changeEvent(event)

    def _size_to_font(self) -> None:
        """Heights and widths that follow the font, so that larger text is never clipped."""
        line = self.fontMetrics().height()
        self.item_text.setMaximumHeight(line * 4)
        for edit in self.narratives.values():
            edit.setMinimumHeight(line * 4)
        self.message_line.setMinimumHeight(line + 6)
        self._fit_status_combo()
        self.tree.fit_names()
        self.grid.resize_columns()

    def _fit_status_combo(self) -> None:
        # Qt sizes a combo box to a width that clips （未填） at large fonts, and more so under
        # the high-contrast frames: the widest status plus room for the arrow and the frames.
        metrics = self.status_combo.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.status_combo.itemText(i))
                for i in range(self.status_combo.count())
            ),
            default=0,
        )
        self.status_combo.setMinimumWidth(widest + 3 * metrics.height())

    @Slot()
    def undo(self) -> None:
        # Typing still waiting for the idle save becomes a step first, so that it is what
        # Ctrl+Z takes back, and no step is pushed while another is being undone.
        self.save_narratives()
        self.undo_stack.undo()

    @Slot()
    def redo(self) -> None:
        self.save_narratives()
        self.undo_stack.redo()

    @Slot()
    def _undo_moved(self, _index: int = 0) -> None:
        undo, redo = self.actions_registry["undo"], self.actions_registry["redo"]
        undo.setEnabled(self.undo_stack.canUndo())
        redo.setEnabled(self.undo_stack.canRedo())
        undo.setText(self.tr("撤销(&U) %1").replace("%1", self.undo_stack.undoText()).strip())
        redo.setText(self.tr("重做(&R) %1").replace("%1", self.undo_stack.redoText()).strip())

    def _update_title(self) -> None:
        title = (
            self.tr("进度 — %1 — %2")
            .replace("%1", self.plan.title)
            .replace("%2", self.office.district.name)
        )
        self.setWindowTitle(title)

    def state_text(self, state: str) -> str:
        return {
            "draft": self.tr("草稿"),
            "submitted": self.tr("已提交审核"),
            "signed": self.tr("已签发"),
        }.get(state, state)

    def _fill_status_combo(self) -> None:
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("（未填）"), "")
        for status in Status:
            self.status_combo.addItem(status_text(status), status.value)
        index = self.status_combo.findData(current if current is not None else "")
        self.status_combo.setCurrentIndex(max(index, 0))
        self.status_combo.blockSignals(False)
        self._fit_status_combo()

    # ----- plan tree ---------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        self.tree.clear()
        self._tree_items: dict[str, QTreeWidgetItem] = {}
        for section in self.plan.sections:
            top = QTreeWidgetItem(self.tree, [f"{section.number}、{section.title}", "", ""])
            top.setData(TREE_NAME, KindRole, "section")
            top.setData(TREE_NAME, IdRole, section.id)
            top.setToolTip(TREE_NAME, section.text or section.title)
            self._tree_items[section.id] = top
            for item in section.items:
                child = QTreeWidgetItem(top, [f"{item.number}{item.title}", "", ""])
                child.setData(TREE_NAME, KindRole, "item")
                child.setData(TREE_NAME, IdRole, item.id)
                child.setToolTip(TREE_NAME, item.text)
                self._tree_items[item.id] = child
        self.tree.expandAll()

    def _refresh_tree(self) -> None:
        rows = self.model.all_rows()
        for section in self.plan.sections:
            reported = 0
            behind = 0
            for item in section.items:
                mine = [r for r in rows if r.indicator.item_id == item.id]
                filled = sum(1 for r in mine if r.has_value or r.indicator.computed)
                report = self._items.get(item.id)
                node = self._tree_items[item.id]
                if mine:
                    text = self.tr("%1/%2").replace("%1", str(filled)).replace("%2", str(len(mine)))
                    state = "full" if filled == len(mine) else ("part" if filled else "none")
                else:
                    text = self.tr("无指标")
                    state = "none"
                node.setText(TREE_BADGE, text)
                node.setData(TREE_BADGE, BadgeRole, state)
                status = report.status if report else None
                node.setText(TREE_STATUS, status_text(status))
                words = (
                    self.tr("已填 %1 个指标，共 %2 个")
                    .replace("%1", str(filled))
                    .replace("%2", str(len(mine)))
                )
                node.setToolTip(TREE_BADGE, words)
                node.setData(TREE_BADGE, Qt.ItemDataRole.AccessibleTextRole, words)
                if report and report.status is not None and report.progress.strip():
                    reported += 1
                if status is Status.BEHIND:
                    behind += 1
            top = self._tree_items[section.id]
            total = len(section.items)
            top.setText(TREE_BADGE, f"{reported}/{total}")
            top.setData(
                TREE_BADGE,
                BadgeRole,
                "full" if reported == total else ("part" if reported else "none"),
            )
            words = (
                self.tr("已填报 %1 项工作任务，共 %2 项")
                .replace("%1", str(reported))
                .replace("%2", str(total))
            )
            top.setToolTip(TREE_BADGE, words)
            top.setData(TREE_BADGE, Qt.ItemDataRole.AccessibleTextRole, words)
            top.setText(
                TREE_STATUS, self.tr("滞后 %1 项").replace("%1", str(behind)) if behind else ""
            )

    def _select_first_item(self) -> None:
        """Open on the first task with numbers to enter: that is what a clerk comes for."""
        items = self.plan.items()
        with_rows = {r.indicator.item_id for r in self.model.all_rows()}
        first = next((i for i in items if i.id in with_rows), items[0] if items else None)
        if first is not None:
            self.select_item(first.id)

    def select_item(self, item_id: str) -> None:
        node = self._tree_items.get(item_id)
        if node is not None:
            self.tree.setCurrentItem(node)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _tree_moved(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is None or self._loading:
            return
        kind = current.data(TREE_NAME, KindRole)
        key = str(current.data(TREE_NAME, IdRole))
        if kind == "section":
            section = self.plan.section(key)
            item_id = section.items[0].id if section.items else None
        else:
            item_id = key
            section = self.plan.section(self.plan.item(key).section_id)
        self.model.set_section(section.id)
        self.grid.resize_columns()
        if self.model.rowCount() == 0:
            self.show_message(
                self.tr("这一部分没有需要本区县填报的指标；请在下方填写工作任务的状态和说明。"),
                False,
            )
        if item_id is not None:
            self._show_item(item_id)
            rows = [
                r
                for r in range(self.model.rowCount())
                if self.model.indicator_at(r).indicator.item_id == item_id
            ]
            if rows:
                self._loading = True
                try:
                    self.grid.setCurrentIndex(self.model.index(rows[0], COL_VALUE))
                finally:
                    self._loading = False

    @Slot(QModelIndex, QModelIndex)
    def _grid_row_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._loading:
            return
        item_id = self.model.indicator_at(current.row()).indicator.item_id
        if item_id != self._item_id:
            self._show_item(item_id)
            node = self._tree_items.get(item_id)
            if node is not None:
                self._loading = True
                try:
                    self.tree.setCurrentItem(node)
                finally:
                    self._loading = False

    # ----- periods ----------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        self.period_bar.fill(self.periods, self.period_combo.currentData())

    @Slot(int)
    def _period_chosen(self, index: int) -> None:
        self.select_period(self.period_bar.period_at(index))

    def step_period(self, step: int) -> None:
        found = self.period_bar.neighbour(step)
        if found is not None:
            self.select_period(found)

    def select_period(self, period_id: str) -> None:
        """Load a period into the grid, the tree's badges and the item's report."""
        self.save_narratives()
        period = next((p for p in self.periods if p.id == period_id), None)
        if period is None:
            period = self.service.parse_period(period_id)
        current_index = self.grid.currentIndex()
        self.model.load(
            period, self.model.section or (self.plan.sections[0].id if self.plan.sections else None)
        )
        self._items = (
            {r.item.id: r for r in self.model.period_data.items} if self.model.period_data else {}
        )
        self.period_bar.show_period(period.id)
        self._refresh_tree()
        self._update_status()
        if current_index.isValid() and current_index.row() < self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(current_index.row(), current_index.column()))
        self._show_item(self._item_id)
        self.show_message("", False)
        self.periodChanged.emit(period.id)

    def reload(self) -> None:
        """Read the period again from the store (after a state change, an import, F5).

        What the clerk typed and the store refused stays, unless the period is no longer
        open for editing (submitted or signed since): then it shows what the store holds."""
        if self.model.period is None:
            return
        period_id = self.model.period.id
        self.select_period(period_id)
        if self.model.editable:
            return
        refused = [k for k in self._unsaved_words if k[0] == period_id]
        if refused or self.model.refused(period_id):
            self.model.forget_refusals(period_id)
            for key in refused:
                del self._unsaved_words[key]
            self.select_period(period_id)

    def _update_status(self) -> None:
        data = self.model.period_data
        if data is None:
            return
        state = (
            self.tr("报表：第 %1 版，%2")
            .replace("%1", str(data.revision))
            .replace("%2", self.state_text(data.state))
        )
        self.state_label.setText(state)
        self.state_label.setAccessibleName(state)
        self.state_status.setText(state)
        due = data.period.due_date(self.plan.due_days)
        self.due_status.setText(self.tr("报送截止：%1").replace("%1", due.isoformat()))
        locked = data.state != "draft"
        for edit in self.narratives.values():
            edit.setReadOnly(locked)
        self.status_combo.setEnabled(not locked)

    # ----- the item's report ------------------------------------------------------------------
    def _show_item(self, item_id: str | None) -> None:
        self.save_narratives()
        self._item_id = item_id
        if item_id is None:
            return
        item = self.plan.item(item_id)
        report = self._items.get(item_id, ItemRow(item))
        self.item_title.setText(f"{item.id} {item.number}{item.title}")
        self.item_text.setPlainText(item.text)
        self._show_status(report.status.value if report.status else "")
        self._saved = {"status": report.status.value if report.status else ""}
        period_id = self.model.period.id if self.model.period else ""
        for name in NARRATIVES:
            self._saved[name] = getattr(report, name)
            text = self._unsaved_words.get((period_id, item_id, name), self._saved[name])
            edit = self.narratives[name]
            if edit.toPlainText() != text:
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)
        self.idle.stop()

    def _show_status(self, status: str) -> None:
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))
        self.status_combo.blockSignals(False)

    @Slot()
    def _narrative_typed(self) -> None:
        self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self.narratives.values():
            self.save_narratives()
        return super().eventFilter(watched, event)

    @Slot()
    def save_narratives(self) -> None:
        """Save every narrative that differs from the store, each as an undo step."""
        self.idle.stop()
        if self._item_id is None or self.model.period is None or not self.model.editable:
            return
        for name in NARRATIVES:
            text = self.narratives[name].toPlainText()
            if text == self._saved.get(name, ""):
                # Refused words typed back to what is stored: nothing is left unsaved.
                self._unsaved_words.pop((self.model.period.id, self._item_id, name), None)
            else:
                self.undo_stack.push(
                    single(
                        item_change(
                            self,
                            self.model.period.id,
                            self._item_id,
                            name,
                            self._saved.get(name, ""),
                            text,
                        )
                    )
                )

    @Slot(int)
    def _status_chosen(self, index: int) -> None:
        if self._item_id is None or self.model.period is None:
            return
        new = str(self.status_combo.itemData(index) or "")
        old = self._saved.get("status", "")
        if new != old:
            self.undo_stack.push(
                single(item_change(self, self.model.period.id, self._item_id, "status", old, new))
            )

    def apply_item(self, period_id: str, item_id: str, field: str, text: str) -> bool:
        """Write one field of an item's report through the service (used by undo commands)."""
        if self.model.period is None or period_id != self.model.period.id:
            self.select_period(period_id)
        if field == "status" and not text:
            # The service records a status once given; it can be changed, not removed.
            self.show_message(
                self.tr("工作任务 %1 的状态填写后不能清空，可改选其他状态").replace("%1", item_id),
                True,
            )
            self._show_status(self._saved.get("status", ""))
            return False
        values: dict[str, str | None] = {
            "status": None,
            "progress": None,
            "problems": None,
            "next_steps": None,
        }
        values["next_steps" if field == "next" else field] = text
        try:
            report = self.service.set_item(period_id, item_id, **values)
        except JinduError as exc:
            self.show_message(exc.message, True)
            if item_id != self._item_id:
                return False
            if field == "status":
                self._show_status(self._saved.get("status", ""))
            elif self.narratives[field].toPlainText() == text:
                # Typed words the store refused stay in their field, not saved (re-showing
                # the item would replace them, and save them again, and again).
                self._unsaved_words[(period_id, item_id, field)] = text
            return False
        self._unsaved_words.pop((period_id, item_id, field), None)
        self._items[item_id] = report
        if item_id != self._item_id:
            self.select_item(item_id)
        if field == "status":
            self._saved["status"] = text
            self._show_item(item_id)
        else:
            self._saved[field] = text
            edit = self.narratives[field]
            if edit.toPlainText() != text:
                # An undo or redo: show the stored text without saving it again.
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)
        self._refresh_tree()
        self.show_message(
            self.tr("已保存 %1 %2").replace("%1", item_id).replace("%2", self._field_name(field)),
            False,
        )
        return True

    # ----- grid events ------------------------------------------------------------------------
    @Slot(str)
    def _row_saved(self, _indicator_id: str) -> None:
        self._refresh_tree()

    @Slot(QModelIndex)
    def _edit_refused(self, index: QModelIndex) -> None:
        data = self.model.period_data
        if data is None:
            return
        if data.state != "draft":
            try:
                self.service.ensure_editable(data.period)
            except JinduError as exc:
                self.show_message(exc.message, True)
            return
        row = self.model.indicator_at(index.row())
        if index.column() == COL_VALUE and row.indicator.computed:
            self.show_message(str(self.model.data(index, Qt.ItemDataRole.ToolTipRole)), True)
        elif index.column() not in (COL_VALUE, COL_NOTE):
            self.show_message(self.tr("此列由程序计算，只能填写“本期累计”和“备注”"), True)

    def reveal(self, period_id: str, indicator_id: str, column: int) -> None:
        """Bring a cell into view: an undo may concern another period or section."""
        if self.model.period is None or self.model.period.id != period_id:
            self.select_period(period_id)
        row = self.model.row_of(indicator_id)
        if row < 0:
            self.select_item(self.plan.indicator(indicator_id).item_id)
            row = self.model.row_of(indicator_id)
        if row >= 0:
            self.grid.setCurrentIndex(self.model.index(row, column))

    def show_message(self, text: str, is_error: bool) -> None:
        """The line under the grid (and the status bar): words first, colour only as an aid."""
        shown = ("⚠ " + text) if (is_error and text) else text
        self.message_line.setText(shown)
        # A palette, not a style sheet: a widget with its own sheet keeps the font size it
        # was polished with, and stayed small when the clerk chose 200 %.
        palette = QPalette()
        if is_error and self.model.use_colour:
            palette.setColor(QPalette.ColorRole.WindowText, ERROR_RED)
        self.message_line.setPalette(palette)
        self.message_line.setAccessibleDescription(shown)
        current = self.grid.currentIndex()
        error = self.model.data(current, ErrorRole) if current.isValid() else None
        self.grid.setAccessibleDescription(
            str(error)
            if error
            else self.tr(
                "回车下移，Tab 右移，F2 或直接输入开始编辑，Ctrl+V 粘贴，Ctrl+Z 撤销；Ctrl+Tab 离开表格"
            )
        )
        if text:
            self.statusBar().showMessage(shown, 8000)

    # ----- other actions ------------------------------------------------------------------------
    def cycle_pane(self, step: int) -> None:
        panes: list[QWidget] = [
            self.period_combo,
            self.tree,
            self.grid,
            self.status_combo,
            self.narratives["progress"],
        ]
        focus = self.focusWidget()
        index = next(
            (i for i, w in enumerate(panes) if focus is w or (focus and w.isAncestorOf(focus))), -1
        )
        panes[(index + step) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_checks(self) -> None:
        self.save_narratives()
        if self.model.period is None:
            return
        from ui.checks_dialog import ChecksDialog  # only when asked for: off the start-up path

        dialog = ChecksDialog(self.service.checks(self.model.period), self)
        if dialog.exec() and dialog.chosen:
            target, target_id = dialog.chosen
            if target == "indicator":
                self.reveal(self.model.period.id, target_id, COL_VALUE)
                self.grid.setFocus()
            else:
                self.select_item(target_id)
                self.status_combo.setFocus()

    def navigate_to(self, target: str, target_id: str, field: str = "") -> None:
        """Show the entry page at what settles a check: an indicator's cell or an item's report.

        `target` is "indicator" or "item" (as in `models.checks.Check`); `field` is
        "value" or "note" for an indicator, "status", "progress", "problems" or
        "next" for an item. The section is selected and the keyboard focus goes there.
        """
        if "entry" in self.page_actions:
            self.show_page("entry")
        if self.model.period is None:
            return
        if target == "indicator":
            column = COL_NOTE if field == "note" else COL_VALUE
            self.reveal(self.model.period.id, target_id, column)
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.select_item(target_id)
        widget: QWidget = (
            self.status_combo
            if field == "status"
            else self.narratives.get(field, self.narratives["progress"])
        )
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        self.save_narratives()
        dialog = SettingsDialog(self.context, self)
        dialog.restored.connect(self.after_restore)
        dialog.exec()
        self.apply_appearance()

    def apply_appearance(self) -> None:
        """Follow the font size and contrast chosen in the settings."""
        high = self.context.appearance is not None and self.context.appearance.high_contrast
        self.model.use_colour = not high
        self.badges.use_colour = not high
        self.grid.resize_columns()
        self.grid.viewport().update()
        self.tree.viewport().update()

    @Slot()
    def after_restore(self) -> None:
        # The undo steps describe a database that no longer exists.
        self.undo_stack.clear()
        self.reload()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.data_dir)))

    def show_keys_help(self) -> None:
        self.context.dialogs.information(
            self,
            self.tr("键盘操作"),
            self.tr(
                "F6 / Shift+F6：在报告期、工作任务、填报表和任务说明之间切换\n"
                "Alt+带下划线的字母：转到相应的框\n"
                "填报表中：回车下移，Tab 右移，F2 或直接输入开始编辑，Esc 取消；\n"
                "Ctrl+C 复制，Ctrl+V 粘贴（可从 Excel 或 WPS 复制一块），Delete 清除；\n"
                "Ctrl+Tab 离开表格\n"
                "Ctrl+Z 撤销，Ctrl+Y 重做（同时撤销数据库中的修改）\n"
                "Ctrl+PgUp / Ctrl+PgDn：上一个 / 下一个报告期\n"
                "F7：本期检查"
            ),
        )

    def show_about(self) -> None:
        from app import __version__

        self.context.dialogs.information(
            self,
            self.tr("关于进度"),
            self.tr("进度（Jindu）%1\n区县残联工作要点推进情况填报\n\n数据文件夹：%2\n日志：%3")
            .replace("%1", __version__)
            .replace("%2", str(self.context.data_dir))
            .replace("%3", str(self.context.log_dir)),
        )

    # ----- window state ---------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self.context.settings
        restore_geometry(self, settings, "geometry")
        metrics = self.fontMetrics()
        tree_width = min(metrics.horizontalAdvance("中" * 22), self.width() * 3 // 10)
        defaults = {
            "h_splitter": (
                self.h_splitter,
                [tree_width, max(self.width() - tree_width, tree_width)],
            ),
            "v_splitter": (self.v_splitter, [self.height() * 3 // 5, self.height() * 2 // 5]),
        }
        for key, (splitter, sizes) in defaults.items():
            state = settings.state(key)
            if state is None or not splitter.restoreState(state):
                splitter.setSizes(sizes)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set_state("geometry", self.saveGeometry())
        settings.set_state("h_splitter", self.h_splitter.saveState())
        settings.set_state("v_splitter", self.v_splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving_agreed and not self.may_leave():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def may_leave(self) -> bool:
        """Whether this window may go (closed, or replaced for another plan).

        Typing not yet saved by the idle timer is saved now; what the store refused
        (a full disk, say) is lost only if the clerk agrees."""
        self.save_narratives()
        unsaved = self.unsaved_work()
        return not unsaved or self.context.dialogs.question(
            self,
            self.tr("有内容没能保存"),
            self.tr(
                "下面这些内容没能保存（原因见窗口下方的提示），关闭后会丢失：\n%1\n\n仍要关闭吗？"
            ).replace("%1", "\n".join(unsaved)),
        )

    def close_agreed(self) -> None:
        """Close without asking again: `may_leave` was asked before (a plan switch)."""
        self._leaving_agreed = True
        self.close()

    def unsaved_work(self) -> list[str]:
        """What the store refused to keep and the window still shows (a full disk, say)."""
        return [*self.model.unsaved(), *self._word_lines()]

    def refused_in_period(self) -> list[str]:
        """What the current period shows but the store does not hold: values refused (as
        invalid, or not kept) and words not kept. A return is made of the stored ones."""
        if self.model.period is None:
            return []
        period_id = self.model.period.id
        return [*self.model.refused(period_id), *self._word_lines(period_id)]

    def _word_lines(self, period_id: str | None = None) -> list[str]:
        return [
            f"{period_text(parse_period(period))} {item_id} {self._field_name(field)}"
            f"「{excerpt(text)}」"
            for (period, item_id, field), text in sorted(self._unsaved_words.items())
            if period_id is None or period == period_id
        ]

    def _field_name(self, field: str) -> str:
        """One field of an item's report, as messages name it."""
        return {
            "status": self.tr("状态"),
            "progress": self.tr("进展情况"),
            "problems": self.tr("存在问题"),
            "next": self.tr("下步打算"),
        }[field]

"""The plan editor (city window): next year's plan from the city's notice, without code.

Left, the catalogue as a tree (the plan, its sections → items → indicators) with
a form for the selected node under it; right, the notice's text with every
target the drafter found highlighted in its sentence (a tinted, underlined
sentence and the number itself in bold, so that nothing depends on colour).
Selecting a node scrolls the text to its sentence and selects it.

All rules live in ``app.plan_catalogue`` (editing, validation, publishing) and
``app.plan_workbook`` (the catalogue as an xlsx); this window only shows their
Chinese messages. The window is opened from the city window with::

    editor = PlanEditor(lambda: city_service, context.dialogs, settings=context.settings)
    editor.published.connect(...)   # (plan id, version) once installed
    editor.show()

Signals:
    published(str, int): a plan (id, version) was installed in the database.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.plan_catalogue import (
    Catalogue,
    CatalogueInvalid,
    Edit,
    IndicatorNode,
    ItemNode,
    Node,
    Problem,
    RemovalNotConfirmed,
    SectionNode,
    catalogue_path,
    installed_plan_ids,
    publish,
    validate,
)
from models.errors import InputError, JinduError
from models.kinds import Kind, Level
from models.numbers import format_decimal
from models.plan import FORM_KEYS, FREQUENCIES, Plan
from ui.app_context import AppContext
from ui.dialogs import DialogService
from ui.labels import plain_label
from ui.plan_applies_dialog import AppliesToDialog
from ui.plan_publish_dialog import PublishDialog

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PLAN_KEY = 0  # the tree's top row: the plan's own fields
COL_ID, COL_NAME, COL_TARGET, COL_SCOPE, COL_CHECK = range(5)
COMMON_UNITS = ("户", "名", "人", "人次", "个", "项", "所", "家", "场", "件", "万元", "元", "%")
LOW_CONFIDENCE = 0.6
FORM_FIELDS = (*FORM_KEYS, "说明")
# The notice's highlights: readable in the normal and the high-contrast palette
# (black text on a light tint), and marked by underline and bold as well.
SENTENCE_BACKGROUND = QColor("#fff2b3")
MATCH_BACKGROUND = QColor("#ffd24d")
TEXT_COLOUR = QColor("#000000")


class _Row:
    """A form field with its buddy label (the label names the field for screen readers).

    `container`, when given, is what the form shows (the field with a button beside it).
    """

    def __init__(
        self, form: QFormLayout, widget: QWidget, parent: QWidget, container: QWidget | None = None
    ) -> None:
        self.widget = widget
        self.label = QLabel(parent)
        self.label.setBuddy(widget)
        form.addRow(self.label, container or widget)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.widget.setAccessibleName(plain_label(text))


# ----- the editor -------------------------------------------------------------------------


class PlanEditor(QMainWindow):
    """The city statistician's plan editor. See the module docstring.

    Two ways to make one:

    * ``PlanEditor(context, parent)``: from the window's ``AppContext`` (its
      ``service`` publishes into the city's store, its ``dialogs`` and
      ``settings`` are used); this is how ``CityWindow.open_plan_editor`` calls it;
    * ``PlanEditor(service_factory, dialogs, parent, settings=None)``: the
      factory returns the ``OfficeService`` or ``CityService`` to publish with
      (called when needed, never closed by the editor).
    """

    published = Signal(str, int)

    def __init__(
        self,
        source: AppContext | Callable[[], Any],
        dialogs: DialogService | QWidget | None = None,
        parent: QWidget | None = None,
        *,
        settings: Any = None,
    ) -> None:
        folder = Path.home()
        if isinstance(source, AppContext):
            context = source
            if isinstance(dialogs, QWidget) and parent is None:
                parent, dialogs = dialogs, None
            service_factory: Callable[[], Any] = lambda: context.service  # noqa: E731
            dialogs = dialogs or context.dialogs
            settings = settings or context.settings
            folder = context.data_dir
        else:
            service_factory = source
        if not isinstance(dialogs, DialogService):
            raise TypeError("PlanEditor needs a DialogService (or an AppContext)")
        super().__init__(parent)
        self.service_factory = service_factory
        self.dialogs = dialogs
        self.settings = settings
        self.catalogue = Catalogue()
        self.dirty = False
        self.folder = folder
        self.picker: AppliesToDialog | None = None
        self.publish_dialog: PublishDialog | None = None
        self._loading = False
        self._current_key: int | None = None
        self._places: dict[int, tuple[int, int]] = {}
        self.actions_registry: dict[str, QAction] = {}
        self.setObjectName("PlanEditor")
        self._build()
        self._build_actions()
        self.retranslate()
        self._rebuild_tree()
        self._restore_geometry()

    # ----- building ----------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)

        left = QSplitter(Qt.Orientation.Vertical, self.splitter)
        left.setChildrenCollapsible(False)
        self.left_splitter = left
        tree_box = QWidget(left)
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        self.tree_label = QLabel(tree_box)
        self.tree = QTreeView(tree_box)
        self.model = QStandardItemModel(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree_label.setBuddy(self.tree)
        tree_layout.addWidget(self.tree_label)
        tree_layout.addWidget(self.tree, 1)
        self.message_line = QLabel(tree_box)
        self.message_line.setWordWrap(True)
        self.message_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tree_layout.addWidget(self.message_line)

        self.form_scroll = QScrollArea(left)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_title = QLabel(form_box)
        bold = QFont(self.form_title.font())
        bold.setBold(True)
        self.form_title.setFont(bold)
        form_layout.addWidget(self.form_title)
        self.stack = QStackedWidget(form_box)
        form_layout.addWidget(self.stack)
        self.form_message = QLabel(form_box)
        self.form_message.setWordWrap(True)
        self.form_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form_layout.addWidget(self.form_message)
        form_layout.addStretch(1)
        self.form_scroll.setWidget(form_box)
        self.empty_page = QLabel(self.stack)
        self.empty_page.setWordWrap(True)
        self.stack.addWidget(self.empty_page)
        self._build_plan_page()
        self._build_node_page()
        self._build_indicator_page()

        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.notice_label = QLabel(right)
        self.notice = QTextEdit(right)
        self.notice.setReadOnly(True)
        self.notice.setTabChangesFocus(True)
        self.notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.notice_label.setBuddy(self.notice)
        self.legend = QLabel(right)
        self.legend.setWordWrap(True)
        right_layout.addWidget(self.notice_label)
        right_layout.addWidget(self.notice, 1)
        right_layout.addWidget(self.legend)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.setCentralWidget(central)

        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        box = QWidget(self.problems_dock)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        self.problems_label = QLabel(box)
        self.problems = QListWidget(box)
        self.problems_label.setBuddy(self.problems)
        box_layout.addWidget(self.problems_label)
        box_layout.addWidget(self.problems)
        self.problems_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()
        self._dock_sized = False

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.problems.itemActivated.connect(self._problem_activated)
        self.problems.itemDoubleClicked.connect(self._problem_activated)

    def _form(self, page: QWidget) -> QFormLayout:
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _build_plan_page(self) -> None:
        page = QWidget(self.stack)
        form = self._form(page)
        self.plan_rows: dict[str, _Row] = {}
        self.plan_fields: dict[str, QWidget] = {}
        for key in ("id", "title", "issuer", "issued"):
            edit = QLineEdit(page)
            edit.editingFinished.connect(lambda k=key: self._plan_edited(k))
            self.plan_fields[key] = edit
            self.plan_rows[key] = _Row(form, edit, page)
        year = QSpinBox(page)
        year.setRange(2000, 2100)
        year.setValue(date.today().year)
        year.valueChanged.connect(lambda _v: self._plan_edited("year"))
        self.plan_fields["year"] = year
        self.plan_rows["year"] = _Row(form, year, page)
        frequency = QComboBox(page)
        for code in FREQUENCIES:
            frequency.addItem(code, code)
        frequency.currentIndexChanged.connect(lambda _i: self._plan_edited("frequency"))
        self.plan_fields["frequency"] = frequency
        self.plan_rows["frequency"] = _Row(form, frequency, page)
        due = QSpinBox(page)
        due.setRange(0, 90)
        due.valueChanged.connect(lambda _v: self._plan_edited("due_days"))
        self.plan_fields["due_days"] = due
        self.plan_rows["due_days"] = _Row(form, due, page)
        for key in FORM_FIELDS:
            edit = QLineEdit(page)
            edit.editingFinished.connect(lambda k=key: self._plan_edited("form." + k))
            self.plan_fields["form." + key] = edit
            self.plan_rows["form." + key] = _Row(form, edit, page)
        self.warnings = QListWidget(page)
        self.warnings.setMaximumHeight(120)
        self.plan_rows["warnings"] = _Row(form, self.warnings, page)
        self.plan_page = page
        self.stack.addWidget(page)

    def _build_node_page(self) -> None:
        page = QWidget(self.stack)
        form = self._form(page)
        self.node_number = QLineEdit(page)
        self.node_number.editingFinished.connect(lambda: self._node_edited("number"))
        self.node_title = QLineEdit(page)
        self.node_title.editingFinished.connect(lambda: self._node_edited("title"))
        self.node_text = QPlainTextEdit(page)
        self.node_text.setTabChangesFocus(True)
        self.node_text.textChanged.connect(lambda: self._node_edited("text"))
        self.node_rows = {
            "number": _Row(form, self.node_number, page),
            "title": _Row(form, self.node_title, page),
            "text": _Row(form, self.node_text, page),
        }
        self.node_page = page
        self.stack.addWidget(page)

    def _build_indicator_page(self) -> None:
        page = QWidget(self.stack)
        form = self._form(page)
        self.ind_name = QLineEdit(page)
        self.ind_name.editingFinished.connect(lambda: self._indicator_edited("name"))
        self.ind_kind = QComboBox(page)
        for kind in Kind:
            self.ind_kind.addItem(kind.value, kind.value)
        self.ind_kind.activated.connect(lambda _i: self._indicator_edited("kind"))
        self.ind_unit = QComboBox(page)
        self.ind_unit.setEditable(True)
        self.ind_unit.addItems(list(COMMON_UNITS))
        self.ind_unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        unit_edit = self.ind_unit.lineEdit()
        assert unit_edit is not None
        unit_edit.editingFinished.connect(lambda: self._indicator_edited("unit"))
        self.ind_unit.activated.connect(lambda _i: self._indicator_edited("unit"))
        self.ind_target = QLineEdit(page)
        self.ind_target.editingFinished.connect(lambda: self._indicator_edited("target"))
        self.ind_target_max = QLineEdit(page)
        self.ind_target_max.editingFinished.connect(lambda: self._indicator_edited("target_max"))
        self.ind_comparator = QComboBox(page)
        for value in ("", ">=", "<=", "="):
            self.ind_comparator.addItem(value, value)
        self.ind_comparator.activated.connect(lambda _i: self._indicator_edited("comparator"))
        self.ind_level = QComboBox(page)
        for level in Level:
            self.ind_level.addItem(level.value, level.value)
        self.ind_level.activated.connect(lambda _i: self._indicator_edited("level"))
        scope_box = QWidget(page)
        scope_layout = QHBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        self.ind_scope = QLineEdit(scope_box)
        self.ind_scope.setReadOnly(True)
        self.scope_button = QPushButton(scope_box)
        self.scope_button.clicked.connect(self.choose_districts)
        scope_layout.addWidget(self.ind_scope, 1)
        scope_layout.addWidget(self.scope_button)
        self.ind_numerator = QComboBox(page)
        self.ind_denominator = QComboBox(page)
        self.ind_numerator.activated.connect(lambda _i: self._indicator_edited("formula"))
        self.ind_denominator.activated.connect(lambda _i: self._indicator_edited("formula"))
        for combo in (
            self.ind_kind, self.ind_unit, self.ind_comparator, self.ind_level,
            self.ind_numerator, self.ind_denominator,
        ):  # fmt: skip
            # Long indicator names must not widen the form beyond the pane.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.ind_source = QPlainTextEdit(page)
        self.ind_source.setTabChangesFocus(True)
        self.ind_source.setMaximumHeight(110)
        self.ind_source.textChanged.connect(lambda: self._indicator_edited("source"))
        self.source_button = QPushButton(page)
        self.source_button.clicked.connect(self.use_selection_as_source)
        self.ind_note = QLineEdit(page)
        self.ind_note.editingFinished.connect(lambda: self._indicator_edited("note"))
        self.ind_found = QLabel(page)
        self.ind_found.setWordWrap(True)
        self.ind_rows = {
            "name": _Row(form, self.ind_name, page),
            "kind": _Row(form, self.ind_kind, page),
            "unit": _Row(form, self.ind_unit, page),
            "target": _Row(form, self.ind_target, page),
            "target_max": _Row(form, self.ind_target_max, page),
            "comparator": _Row(form, self.ind_comparator, page),
            "level": _Row(form, self.ind_level, page),
            "applies_to": _Row(form, self.ind_scope, page, scope_box),
            "numerator": _Row(form, self.ind_numerator, page),
            "denominator": _Row(form, self.ind_denominator, page),
            "source": _Row(form, self.ind_source, page),
            "note": _Row(form, self.ind_note, page),
        }
        form.addRow("", self.source_button)
        form.addRow(self.ind_found)
        self.indicator_page = page
        self.stack.addWidget(page)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.menus = {
            "file": bar.addMenu(""),
            "edit": bar.addMenu(""),
            "plan": bar.addMenu(""),
        }
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("plan_editor_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        ctrl = Qt.Modifier.CTRL
        shift = Qt.Modifier.SHIFT
        specs: list[tuple[str, str, QKeySequence, Callable[[], object], bool]] = [
            ("open_notice", "file", QKeySequence(QKeySequence.StandardKey.Open), self.open_notice, True),
            ("open_catalogue", "file", QKeySequence(ctrl | shift | Qt.Key.Key_O), self.open_catalogue, False),
            ("save_catalogue", "file", QKeySequence(QKeySequence.StandardKey.Save), self.save_catalogue, True),
            ("import_workbook", "file", QKeySequence(ctrl | Qt.Key.Key_I), self.import_catalogue_workbook, False),
            ("export_workbook", "file", QKeySequence(ctrl | Qt.Key.Key_E), self.export_catalogue_workbook, False),
            ("close", "file", QKeySequence(ctrl | Qt.Key.Key_W), self.close, False),
            ("add_section", "edit", QKeySequence(ctrl | Qt.Key.Key_1), self.add_section, True),
            ("add_item", "edit", QKeySequence(ctrl | Qt.Key.Key_2), self.add_item, True),
            ("add_indicator", "edit", QKeySequence(ctrl | Qt.Key.Key_3), self.add_indicator, True),
            ("remove", "edit", QKeySequence(ctrl | Qt.Key.Key_Delete), self.remove_selected, True),
            ("move_up", "edit", QKeySequence(ctrl | shift | Qt.Key.Key_Up), self.move_up, True),
            ("move_down", "edit", QKeySequence(ctrl | shift | Qt.Key.Key_Down), self.move_down, True),
            ("use_selection", "edit", QKeySequence(ctrl | shift | Qt.Key.Key_R), self.use_selection_as_source, False),
            ("validate", "plan", QKeySequence(Qt.Key.Key_F7), self.run_validation, True),
            ("publish", "plan", QKeySequence(ctrl | shift | Qt.Key.Key_P), self.publish_plan, True),
        ]  # fmt: skip
        for key, menu, shortcut, slot, on_toolbar in specs:
            action = QAction(self)
            action.setShortcut(shortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.menus[menu].addAction(action)
            self.addAction(action)
            if on_toolbar:
                self.toolbar.addAction(action)
            self.actions_registry[key] = action
            if key in ("close", "import_workbook", "add_section", "use_selection", "validate"):
                self.menus[menu].addSeparator()
        self.installed_menu = QMenu(self)
        self.installed_menu.aboutToShow.connect(self._fill_installed_menu)
        self.menus["file"].insertMenu(self.actions_registry["save_catalogue"], self.installed_menu)
        self._update_actions()

    # ----- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("计划编辑"))
        self._update_title()
        self.menus["file"].setTitle(self.tr("文件(&F)"))
        self.menus["edit"].setTitle(self.tr("编辑(&E)"))
        self.menus["plan"].setTitle(self.tr("计划(&P)"))
        self.installed_menu.setTitle(self.tr("编辑已安装的计划(&L)"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        texts = {
            "open_notice": self.tr("打开通知原文(&O)…"),
            "open_catalogue": self.tr("打开计划目录 JSON(&J)…"),
            "save_catalogue": self.tr("保存计划目录 JSON(&S)…"),
            "import_workbook": self.tr("从工作簿导入(&I)…"),
            "export_workbook": self.tr("导出为工作簿(&X)…"),
            "close": self.tr("关闭(&C)"),
            "add_section": self.tr("添加部分(&1)"),
            "add_item": self.tr("添加工作任务(&2)"),
            "add_indicator": self.tr("添加指标(&3)"),
            "remove": self.tr("删除所选(&D)"),
            "move_up": self.tr("上移(&U)"),
            "move_down": self.tr("下移(&W)"),
            "use_selection": self.tr("用原文中选中的文字作来源句(&R)"),
            "validate": self.tr("检查(&K)"),
            "publish": self.tr("发布(&P)…"),
        }
        for key, text in texts.items():
            action = self.actions_registry[key]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = plain_label(text).rstrip("…")
            action.setToolTip(f"{plain}（{shortcut}）" if shortcut else plain)
            action.setStatusTip(action.toolTip())
        self.tree_label.setText(self.tr("计划结构(&T)："))
        self.tree.setAccessibleName(self.tr("计划结构"))
        self.tree.setAccessibleDescription(
            self.tr("部分、工作任务和指标；选中后在下方表单中修改，右侧显示通知原文中的句子")
        )
        self.message_line.setAccessibleName(self.tr("提示"))
        self.form_title.setAccessibleName(self.tr("表单标题"))
        self.form_message.setAccessibleName(self.tr("表单提示"))
        self.empty_page.setText(self.tr("在左侧选择计划、部分、工作任务或指标。"))
        self.notice_label.setText(self.tr("通知原文(&X)："))
        self.notice.setAccessibleName(self.tr("通知原文"))
        self.notice.setAccessibleDescription(
            self.tr("识别出的目标所在句子加底色和下划线，目标数字加粗")
        )
        self.legend.setText(
            self.tr("图例：识别出目标的句子加底色和下划线；目标数字加粗。选中指标即跳到它的句子。")
        )
        self.problems_dock.setWindowTitle(self.tr("检查结果"))
        self.problems_label.setText(self.tr("问题(&B)：按回车或双击转到相应位置"))
        self.problems.setAccessibleName(self.tr("检查结果"))
        labels = {
            "id": self.tr("计划编号(&I)："),
            "title": self.tr("计划标题(&L)："),
            "issuer": self.tr("发文单位(&U)："),
            "issued": self.tr("发文日期(&D)："),
            "year": self.tr("年度(&Y)："),
            "frequency": self.tr("报送频率(&Q)："),
            "due_days": self.tr("报送期限（期末后天数）(&G)："),
            "warnings": self.tr("草稿提示(&H)："),
        }
        # The report form's header fields, named as the printed form names them.
        form_labels = {
            "表号": self.tr("表号："),
            "制表机关": self.tr("制表机关："),
            "批准机关": self.tr("批准机关："),
            "批准文号": self.tr("批准文号："),
            "有效期至": self.tr("有效期至："),
            "说明": self.tr("说明："),
        }
        for key in FORM_FIELDS:
            labels["form." + key] = form_labels[key]
        if not self.catalogue.notice:
            self.notice.setPlaceholderText(self._no_notice_text())
        for key, text in labels.items():
            self.plan_rows[key].set_text(text)
        issued = self.plan_fields["issued"]
        assert isinstance(issued, QLineEdit)
        issued.setPlaceholderText("YYYY-MM-DD")
        frequency = self.plan_fields["frequency"]
        assert isinstance(frequency, QComboBox)
        names = {
            "yearly": self.tr("每年"),
            "semiannual": self.tr("每半年"),
            "quarterly": self.tr("每季度"),
            "monthly": self.tr("每月"),
        }
        for i in range(frequency.count()):
            frequency.setItemText(i, names[str(frequency.itemData(i))])
        for key, text in {
            "number": self.tr("序号(&N)："),
            "title": self.tr("标题(&L)："),
            "text": self.tr("正文(&Z)："),
        }.items():
            self.node_rows[key].set_text(text)
        for key, text in {
            "name": self.tr("指标名称(&M)："),
            "kind": self.tr("类型(&K)："),
            "unit": self.tr("单位(&N)："),
            "target": self.tr("目标(&G)："),
            "target_max": self.tr("目标上限（区间）(&A)："),
            "comparator": self.tr("比较(&J)："),
            "level": self.tr("填报层级(&V)："),
            "applies_to": self.tr("适用区县(&Q)："),
            "numerator": self.tr("比率公式分子(&Y)："),
            "denominator": self.tr("比率公式分母(&D)："),
            "source": self.tr("来源句(&S)："),
            "note": self.tr("备注(&O)："),
        }.items():
            self.ind_rows[key].set_text(text)
        self.ind_target.setPlaceholderText(self.tr("如 2000、1.2万、80%"))
        self.ind_target_max.setPlaceholderText(self.tr("区间目标（如 5-8）的上限，否则留空"))
        self.scope_button.setText(self.tr("选择区县(&C)…"))
        self.scope_button.setAccessibleName(self.tr("选择区县"))
        self.source_button.setText(self.tr("用原文中选中的文字(&W)"))
        self.source_button.setAccessibleName(self.tr("用原文中选中的文字作来源句"))
        kinds = {
            "count": self.tr("计数"),
            "amount": self.tr("金额"),
            "rate": self.tr("比率"),
            "milestone": self.tr("完成事项"),
        }
        for i in range(self.ind_kind.count()):
            self.ind_kind.setItemText(i, kinds[str(self.ind_kind.itemData(i))])
        comparators = {
            "": self.tr("（无）"),
            ">=": self.tr("≥ 以上"),
            "<=": self.tr("≤ 以下"),
            "=": "=",
        }
        for i in range(self.ind_comparator.count()):
            self.ind_comparator.setItemText(i, comparators[str(self.ind_comparator.itemData(i))])
        levels = {"district": self.tr("区县"), "city": self.tr("市级")}
        for i in range(self.ind_level.count()):
            self.ind_level.setItemText(i, levels[str(self.ind_level.itemData(i))])
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("名称"),
                self.tr("目标"),
                self.tr("层级与区县"),
                self.tr("核对"),
            ]
        )
        if self._current_key is not None:
            self._show_node(self._current_key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._rebuild_tree()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = self.catalogue.title or self.tr("（未命名计划）")
        mark = "*" if self.dirty else ""
        self.setWindowTitle(self.tr("计划编辑 — %1").replace("%1", name) + mark)

    # ----- loading ----------------------------------------------------------------------

    def load_catalogue(self, catalogue: Catalogue, *, dirty: bool = False) -> None:
        """Show a catalogue (a draft, a file, an installed plan or an imported workbook)."""
        self.catalogue = catalogue
        self.dirty = dirty
        self._current_key = None
        self.problems.clear()
        self.problems_dock.hide()
        self._show_notice()
        self._rebuild_tree(PLAN_KEY)
        if catalogue.load_changes:
            self._report_renumbering(catalogue.load_changes)
        else:
            self.message_line.setText(
                self.tr("已载入：%1 个部分，%2 项工作任务，%3 个指标。")
                .replace("%1", str(len(catalogue.sections)))
                .replace("%2", str(len(catalogue.items())))
                .replace("%3", str(len(catalogue.indicators())))
            )
        self._update_title()

    def load_draft(self, draft: dict[str, Any], notice: str) -> None:
        self.load_catalogue(Catalogue.from_draft(draft, notice), dirty=True)

    def _replace_ok(self) -> bool:
        if not self.dirty:
            return True
        return self.dialogs.question(
            self, self.tr("计划编辑"), self.tr("当前目录有未保存或未发布的修改，放弃这些修改吗？")
        )

    @Slot()
    def open_notice(self) -> None:
        path = self.dialogs.open_file(
            self, self.tr("打开通知原文"), self.folder, self.tr("通知 (*.txt *.docx *.pdf)")
        )
        if path is None:
            return
        from app.plan_draft import draft_file, read_text

        try:
            text = read_text(path)
            if self.catalogue.sections and not self.dialogs.question(
                self,
                self.tr("打开通知原文"),
                self.tr("用这份通知重新生成草稿吗？选“否”只显示原文，保留当前目录。"),
            ):
                self.catalogue.notice = text
                self._show_notice()
                return
            if not self._replace_ok():
                return
            draft = draft_file(path)
        except JinduError as exc:
            self.dialogs.error(self, self.tr("无法打开通知"), exc.message)
            return
        self.folder = path.parent
        self.load_draft(draft, text)

    @Slot()
    def open_catalogue(self) -> None:
        path = self.dialogs.open_file(
            self, self.tr("打开计划目录"), self.folder, self.tr("计划目录 (*.json)")
        )
        if path is None or not self._replace_ok():
            return
        try:
            catalogue = Catalogue.load(path)
        except JinduError as exc:
            self.dialogs.error(self, self.tr("无法打开计划目录"), exc.message)
            return
        catalogue.notice = catalogue.notice or self.catalogue.notice
        self.folder = path.parent
        self.load_catalogue(catalogue)

    def _fill_installed_menu(self) -> None:
        self.installed_menu.clear()
        try:
            installed = installed_plan_ids(self.service_factory())
        except JinduError as exc:
            self.dialogs.error(self, self.tr("无法读取已安装的计划"), exc.message)
            return
        if not installed:
            empty = self.installed_menu.addAction(self.tr("（没有已安装的计划）"))
            empty.setEnabled(False)
        for pid, version, title, year in installed:
            text = self.tr("%1（%2，%3 年，第 %4 版）")
            for n, value in enumerate((title, pid, str(year), str(version)), start=1):
                text = text.replace(f"%{n}", value)
            action = self.installed_menu.addAction(text)
            action.triggered.connect(lambda _=False, p=pid: self.edit_installed(p))

    def edit_installed(self, plan_id: str) -> None:
        """Load an installed plan (its latest version), to publish a new version of it."""
        if not self._replace_ok():
            return
        try:
            service = self.service_factory()
            plans = getattr(service, "plans", service)
            plan: Plan = plans.plan(plan_id)
        except JinduError as exc:
            self.dialogs.error(self, self.tr("无法读取计划"), exc.message)
            return
        catalogue = Catalogue.from_plan(plan)
        catalogue.notice = self.catalogue.notice
        self.load_catalogue(catalogue)

    @Slot()
    def save_catalogue(self) -> None:
        suggested = self.folder / f"{self.catalogue.id or 'plan'}-draft.json"
        path = self.dialogs.save_file(
            self, self.tr("保存计划目录"), suggested, self.tr("计划目录 (*.json)")
        )
        if path is None:
            return
        try:
            self.catalogue.save(path)
        except (JinduError, OSError) as exc:
            self.dialogs.error(self, self.tr("无法保存"), str(exc))
            return
        self.folder = path.parent
        self.dirty = False
        self._update_title()
        self.message_line.setText(self.tr("已保存到 %1").replace("%1", str(path)))

    @Slot()
    def export_catalogue_workbook(self) -> None:
        from app.plan_workbook import export_workbook

        suggested = self.folder / f"{self.catalogue.id or 'plan'}-目录.xlsx"
        path = self.dialogs.save_file(
            self, self.tr("导出为工作簿"), suggested, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is None:
            return
        try:
            export_workbook(self.catalogue, path)
        except (JinduError, OSError) as exc:
            self.dialogs.error(self, self.tr("无法导出"), str(exc))
            return
        self.folder = path.parent
        self.message_line.setText(self.tr("已导出到 %1").replace("%1", str(path)))

    @Slot()
    def import_catalogue_workbook(self) -> None:
        from app.plan_workbook import CatalogueWorkbookRefused, import_workbook

        path = self.dialogs.open_file(
            self, self.tr("从工作簿导入"), self.folder, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is None:
            return
        try:
            result = import_workbook(path, base=self.catalogue)
        except CatalogueWorkbookRefused as exc:
            self._show_problems([str(p) for p in exc.problems], [])
            self.dialogs.warning(self, self.tr("未导入"), exc.message)
            return
        except JinduError as exc:
            self.dialogs.error(self, self.tr("无法导入"), exc.message)
            return
        self.folder = path.parent
        self.load_catalogue(result.catalogue, dirty=True)
        if result.renumbered:
            self._report_renumbering(result.renumbered)

    # ----- the tree ----------------------------------------------------------------------

    def _row(self, key: int, cells: list[str]) -> list[QStandardItem]:
        row = []
        for text in cells:
            cell = QStandardItem(text)
            cell.setEditable(False)
            cell.setData(key, KEY_ROLE)
            row.append(cell)
        return row

    def _cells(self, node: Node | None) -> list[str]:
        cat = self.catalogue
        if node is None:
            return [
                self.tr("计划"),
                cat.title or self.tr("（未命名）"),
                "",
                f"{cat.id} v{cat.version}" if cat.id else "",
                "",
            ]
        if isinstance(node, SectionNode | ItemNode):
            return [node.id, f"{node.number} {node.title}".strip(), "", "", ""]
        assert isinstance(node, IndicatorNode)
        target = node.target_text
        if target and node.unit:
            target = f"{target} {node.unit}"
        level = self.tr("区县") if node.level is Level.DISTRICT else self.tr("市级")
        scope = cat.applies_label(node) if node.level is Level.DISTRICT else ""
        check = ""
        if node.confidence is not None:
            check = (
                self.tr("待核 %1") if node.confidence < LOW_CONFIDENCE else self.tr("识别 %1")
            ).replace("%1", f"{node.confidence:.2f}")
        return [node.id, node.name or self.tr("（未命名指标）"), target or self.tr("（无目标）"),
                f"{level} · {scope}" if scope else level, check]  # fmt: skip

    def _rebuild_tree(self, select: int | None = None) -> None:
        """Rebuild the tree (a hundred rows at most) and select `select` (default: as before)."""
        wanted = self._current_key if select is None else select
        self.model.removeRows(0, self.model.rowCount())
        root = self._row(PLAN_KEY, self._cells(None))
        self.model.appendRow(root)
        for section in self.catalogue.sections:
            s_row = self._row(section.key, self._cells(section))
            root[0].appendRow(s_row)
            for item in section.items:
                i_row = self._row(item.key, self._cells(item))
                s_row[0].appendRow(i_row)
                for ind in item.indicators:
                    i_row[0].appendRow(self._row(ind.key, self._cells(ind)))
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ID, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        for col in (COL_TARGET, COL_SCOPE, COL_CHECK):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(COL_NAME, self.fontMetrics().horizontalAdvance("中" * 16))
        self._current_key = None
        self.select_key(wanted if wanted is not None else PLAN_KEY)
        self._update_actions()

    def _index_of(self, key: int) -> QModelIndex:
        matches = self.model.match(
            self.model.index(0, 0),
            KEY_ROLE,
            key,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()

    def select_key(self, key: int) -> None:
        """Select a node in the tree (and show its form and sentence)."""
        index = self._index_of(key)
        if not index.isValid():
            index = self.model.index(0, 0)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        # setCurrentIndex does not signal when the index is unchanged (after a rebuild).
        if self._current_key != index.data(KEY_ROLE):
            self._show_node(int(index.data(KEY_ROLE)))

    def select_id(self, node_id: str) -> None:
        self.select_key(self.catalogue.find(node_id).key)

    def _refresh_row(self, node: Node | None) -> None:
        index = self._index_of(node.key if node else PLAN_KEY)
        if not index.isValid():
            return
        parent = index.parent()
        for col, text in enumerate(self._cells(node)):
            self.model.setData(self.model.index(index.row(), col, parent), text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_node(int(current.data(KEY_ROLE)))
        self._update_actions()

    def current_node(self) -> Node | None:
        if self._current_key in (None, PLAN_KEY):
            return None
        try:
            return self.catalogue.node(self._current_key)  # type: ignore[arg-type]
        except JinduError:
            return None

    def _update_actions(self) -> None:
        if not self.actions_registry:
            return
        node = self.current_node()
        structural = node is not None
        self.actions_registry["add_item"].setEnabled(bool(self.catalogue.sections))
        self.actions_registry["add_indicator"].setEnabled(
            isinstance(node, ItemNode | IndicatorNode)
        )
        for key in ("remove", "move_up", "move_down"):
            self.actions_registry[key].setEnabled(structural)
        self.actions_registry["use_selection"].setEnabled(isinstance(node, IndicatorNode))

    # ----- the form -----------------------------------------------------------------------

    def _show_node(self, key: int) -> None:
        self._current_key = key
        self.form_message.clear()
        self._loading = True
        try:
            if key == PLAN_KEY:
                self._fill_plan_page()
                self.stack.setCurrentWidget(self.plan_page)
                self.form_title.setText(self.tr("计划信息"))
                return
            try:
                node = self.catalogue.node(key)
            except JinduError:
                self.stack.setCurrentWidget(self.empty_page)
                return
            if isinstance(node, IndicatorNode):
                self._fill_indicator_page(node)
                self.stack.setCurrentWidget(self.indicator_page)
                self.form_title.setText(self.tr("指标 %1").replace("%1", node.id))
            else:
                assert isinstance(node, SectionNode | ItemNode)
                self.node_number.setText(node.number)
                self.node_title.setText(node.title)
                self.node_text.setPlainText(node.text)
                self.stack.setCurrentWidget(self.node_page)
                label = (
                    self.tr("部分 %1") if isinstance(node, SectionNode) else self.tr("工作任务 %1")
                )
                self.form_title.setText(label.replace("%1", node.id))
            self._scroll_notice_to(key)
        finally:
            self._loading = False
            self._show_starts()
            self._update_actions()

    def _show_starts(self) -> None:
        """Long texts show their beginning: setText leaves a field scrolled to its end
        ("…018年全市残疾人工作要点"). The field being typed in is left alone."""
        page = self.stack.currentWidget()
        for edit in page.findChildren(QLineEdit) if page is not None else []:
            if not edit.hasFocus():
                edit.setCursorPosition(0)

    def _fill_plan_page(self) -> None:
        cat = self.catalogue
        for key in ("id", "title", "issuer", "issued"):
            edit = self.plan_fields[key]
            assert isinstance(edit, QLineEdit)
            edit.setText(str(getattr(cat, key) or ""))
        year = self.plan_fields["year"]
        assert isinstance(year, QSpinBox)
        year.setValue(cat.year or date.today().year)
        frequency = self.plan_fields["frequency"]
        assert isinstance(frequency, QComboBox)
        frequency.setCurrentIndex(max(0, frequency.findData(cat.frequency)))
        due = self.plan_fields["due_days"]
        assert isinstance(due, QSpinBox)
        due.setValue(cat.due_days)
        for key in FORM_FIELDS:
            edit = self.plan_fields["form." + key]
            assert isinstance(edit, QLineEdit)
            edit.setText(cat.form.get(key, ""))
        self.warnings.clear()
        self.warnings.addItems(cat.warnings or [self.tr("（无）")])

    def _fill_indicator_page(self, node: IndicatorNode) -> None:
        self.ind_name.setText(node.name)
        self.ind_kind.setCurrentIndex(self.ind_kind.findData(node.kind.value))
        self.ind_unit.setEditText(node.unit)
        self.ind_target.setText("" if node.target is None else _plain_number(node.target))
        self.ind_target_max.setText(
            "" if node.target_max is None else _plain_number(node.target_max)
        )
        self.ind_comparator.setCurrentIndex(
            max(0, self.ind_comparator.findData(node.comparator or ""))
        )
        self.ind_level.setCurrentIndex(self.ind_level.findData(node.level.value))
        self.ind_scope.setText(
            self.catalogue.applies_label(node)
            if node.level is Level.DISTRICT
            else self.tr("（市级指标由市残联填报）")
        )
        self.scope_button.setEnabled(node.level is Level.DISTRICT)
        counts = [n for n in self.catalogue.indicators() if n.kind is Kind.COUNT and n is not node]
        for combo, ref in (
            (self.ind_numerator, node.formula[0] if node.formula else None),
            (self.ind_denominator, node.formula[1] if node.formula else None),
        ):
            combo.clear()
            combo.addItem(self.tr("（不由公式计算）"), "")
            for other in counts:
                combo.addItem(f"{other.id} {other.name}", other.id)
            ref_id = self.catalogue.id_of(ref) if ref is not None else ""
            combo.setCurrentIndex(max(0, combo.findData(ref_id)))
            combo.setEnabled(node.kind is Kind.RATE)
        self.ind_source.setPlainText(node.source)
        self.ind_note.setText(node.note)
        if node.match:
            found = self.tr("草稿识别出的目标：「%1」").replace("%1", node.match)
            if node.confidence is not None:
                found += self.tr("，置信度 %1").replace("%1", f"{node.confidence:.2f}")
                if node.confidence < LOW_CONFIDENCE:
                    found += self.tr("（较低，请核对）")
            self.ind_found.setText(found)
        else:
            self.ind_found.setText("")

    def _failed(self, exc: InputError) -> None:
        self.form_message.setText(self.tr("未接受：") + exc.message)

    def _changed(self, node: Node | None) -> None:
        self.dirty = True
        self._update_title()
        self._refresh_row(node)

    def _plan_edited(self, key: str) -> None:
        if self._loading:
            return
        cat = self.catalogue
        widget = self.plan_fields[key]
        if isinstance(widget, QLineEdit):
            text = widget.text().strip()
            if key.startswith("form."):
                cat.form[key[5:]] = text
            else:
                setattr(cat, key, text)
        elif isinstance(widget, QSpinBox):
            setattr(cat, key, widget.value())
        elif isinstance(widget, QComboBox):
            cat.frequency = str(widget.currentData())
        self.form_message.clear()
        self._changed(None)

    def _node_edited(self, key: str) -> None:
        if self._loading:
            return
        node = self.current_node()
        if not isinstance(node, SectionNode | ItemNode):
            return
        try:
            if key == "number":
                self.catalogue.set_number(node, self.node_number.text())
            elif key == "title":
                self.catalogue.set_title(node, self.node_title.text())
            else:
                self.catalogue.set_text(node, self.node_text.toPlainText())
        except InputError as exc:
            self._failed(exc)
            return
        self.form_message.clear()
        self._changed(node)

    def _indicator_edited(self, key: str) -> None:
        if self._loading:
            return
        node = self.current_node()
        if not isinstance(node, IndicatorNode):
            return
        cat = self.catalogue
        try:
            if key == "name":
                cat.set_name(node, self.ind_name.text())
            elif key == "kind":
                cat.set_kind(node, str(self.ind_kind.currentData()))
            elif key == "unit":
                cat.set_unit(node, self.ind_unit.currentText())
            elif key == "target":
                cat.set_target(node, self.ind_target.text())
            elif key == "target_max":
                cat.set_target_max(node, self.ind_target_max.text())
            elif key == "comparator":
                cat.set_comparator(node, str(self.ind_comparator.currentData()) or None)
            elif key == "level":
                cat.set_level(node, str(self.ind_level.currentData()))
            elif key == "formula":
                cat.set_formula(
                    node,
                    str(self.ind_numerator.currentData() or "") or None,
                    str(self.ind_denominator.currentData() or "") or None,
                )
            elif key == "source":
                cat.set_source(node, self.ind_source.toPlainText())
            elif key == "note":
                cat.set_note(node, self.ind_note.text())
        except InputError as exc:
            self._failed(exc)
            self._reload_form(node, key)
            return
        self.form_message.clear()
        self._changed(node)
        if key in ("kind", "level", "target", "target_max", "comparator"):
            # Setting one field can change others (a milestone is 1 项, a range has no comparator).
            self._reload_form(node, key)
        if key == "source":
            self._show_notice(keep_scroll=True)

    def _reload_form(self, node: IndicatorNode, keep_focus_on: str) -> None:
        self._loading = True
        try:
            if keep_focus_on != "source":
                self._fill_indicator_page(node)
        finally:
            self._loading = False

    # ----- structure -------------------------------------------------------------------------

    def _apply(self, edit: Edit, select: Node | None = None) -> None:
        self.dirty = True
        target = select or edit.node
        self._rebuild_tree(target.key if target is not None else PLAN_KEY)
        self._show_notice(keep_scroll=True)
        self._update_title()
        if edit.renumbered:
            self._report_renumbering(edit.renumbered)
        else:
            self.message_line.clear()

    def _report_renumbering(self, changes: tuple[Any, ...]) -> None:
        shown = "；".join(str(c) for c in changes[:8])
        more = self.tr("等 %1 处").replace("%1", str(len(changes))) if len(changes) > 8 else ""
        text = self.tr("编号已按位置重排：") + shown + more
        if self.catalogue.based_on is not None:
            text += self.tr(
                "。注意：已发布计划的编号不能改变，发布为新版本时会被拒绝；新增内容请排在原有内容之后。"
            )
        self.message_line.setText(text)

    @Slot()
    def add_section(self) -> None:
        node = self.current_node()
        index = None
        if isinstance(node, SectionNode):
            index = self.catalogue.sections.index(node) + 1
        edit = self.catalogue.add_section(index, title=self.tr("新部分"))
        section = edit.node
        assert isinstance(section, SectionNode)
        item_edit = self.catalogue.add_item(section, title=self.tr("新工作任务"))
        self._apply(Edit(section, edit.renumbered + item_edit.renumbered))
        self.node_title.setFocus()
        self.node_title.selectAll()

    @Slot()
    def add_item(self) -> None:
        node = self.current_node()
        section: SectionNode | None = None
        index = None
        if isinstance(node, SectionNode):
            section = node
        elif isinstance(node, ItemNode):
            section = self.catalogue.parent(node)  # type: ignore[assignment]
            assert section is not None
            index = section.items.index(node) + 1
        elif isinstance(node, IndicatorNode):
            item = self.catalogue.parent(node)
            assert isinstance(item, ItemNode)
            section = self.catalogue.parent(item)  # type: ignore[assignment]
            assert section is not None
            index = section.items.index(item) + 1
        elif self.catalogue.sections:
            section = self.catalogue.sections[-1]
        if section is None:
            return
        self._apply(self.catalogue.add_item(section, index, title=self.tr("新工作任务")))
        self.node_title.setFocus()
        self.node_title.selectAll()

    @Slot()
    def add_indicator(self) -> None:
        node = self.current_node()
        index = None
        if isinstance(node, IndicatorNode):
            item = self.catalogue.parent(node)
            assert isinstance(item, ItemNode)
            index = item.indicators.index(node) + 1
        elif isinstance(node, ItemNode):
            item = node
        else:
            return
        self._apply(self.catalogue.add_indicator(item, index))
        self.ind_name.setFocus()

    @Slot()
    def remove_selected(self) -> None:
        node = self.current_node()
        if node is None:
            return
        question = self.tr("删除%1？").replace("%1", node.where)
        if isinstance(node, SectionNode | ItemNode):
            question += self.tr("其下的工作任务和指标也将一并删除。")
        if not self.dialogs.question(self, self.tr("删除"), question):
            return
        self._apply(self.catalogue.remove(node))
        self.tree.setFocus()

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        node = self.current_node()
        if node is None:
            return
        edit = self.catalogue.move(node, delta)
        if not edit.renumbered:
            self.message_line.setText(self.tr("已在最前或最后，不能再移动。"))
            return
        self._apply(edit, node)
        self.tree.setFocus()

    # ----- districts --------------------------------------------------------------------------

    @Slot()
    def choose_districts(self) -> None:
        node = self.current_node()
        if not isinstance(node, IndicatorNode):
            return
        self.picker = AppliesToDialog(self.catalogue, node.applies_to, self)
        self.picker.accepted.connect(lambda n=node: self._districts_chosen(n))
        self.picker.finished.connect(lambda _r: self.scope_button.setFocus())
        self.picker.open()

    def _districts_chosen(self, node: IndicatorNode) -> None:
        assert self.picker is not None
        try:
            self.catalogue.set_applies_to(node, self.picker.scope())
        except InputError as exc:
            self._failed(exc)
            return
        self._changed(node)
        if self._current_key == node.key:
            self._loading = True
            try:
                self._fill_indicator_page(node)
            finally:
                self._loading = False

    # ----- the notice --------------------------------------------------------------------------

    def _locate(self, text: str, start: int = 0) -> tuple[int, int] | None:
        notice = self.catalogue.notice
        if not text or not notice:
            return None
        at = notice.find(text, start)
        if at < 0 and start:
            at = notice.find(text)
        if at >= 0:
            return at, at + len(text)
        # The sentence may cross a line break in the notice: match ignoring whitespace.
        chars = [re.escape(c) for c in text if not c.isspace()][:400]
        if not chars:
            return None
        found = re.compile(r"\s*".join(chars)).search(notice)
        return (found.start(), found.end()) if found else None

    def _no_notice_text(self) -> str:
        return self.tr("没有通知原文。用“打开通知原文”载入 .txt、.docx 或 .pdf。")

    def _show_notice(self, keep_scroll: bool = False) -> None:
        """Show the notice with every indicator's sentence tinted and its target in bold."""
        bar = self.notice.verticalScrollBar()
        position = bar.value()
        self.notice.setPlainText(self.catalogue.notice)
        self._places = {}
        if not self.catalogue.notice:
            self.notice.setPlaceholderText(self._no_notice_text())
            return
        sentence = QTextCharFormat()
        sentence.setBackground(SENTENCE_BACKGROUND)
        sentence.setForeground(TEXT_COLOUR)
        sentence.setFontUnderline(True)
        sentence.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        target = QTextCharFormat()
        target.setBackground(MATCH_BACKGROUND)
        target.setForeground(TEXT_COLOUR)
        target.setFontWeight(QFont.Weight.Bold)
        target.setFontUnderline(True)
        target.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        cursor = QTextCursor(self.notice.document())
        after = 0
        for section in self.catalogue.sections:
            place = self._locate(section.title, after)
            if place:
                self._places[section.key] = place
                after = place[1]
            for item in section.items:
                place = self._locate(item.title, after)
                if place:
                    self._places[item.key] = place
                    after = place[1]
                for ind in item.indicators:
                    place = self._locate(ind.source, after)
                    if place is None:
                        continue
                    self._places[ind.key] = place
                    cursor.setPosition(place[0])
                    cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(sentence)
                    match = self._match_place(ind, place)
                    if match is not None:
                        cursor.setPosition(match[0])
                        cursor.setPosition(match[1], QTextCursor.MoveMode.KeepAnchor)
                        cursor.mergeCharFormat(target)
        if keep_scroll:
            bar.setValue(position)

    def _match_place(self, ind: IndicatorNode, place: tuple[int, int]) -> tuple[int, int] | None:
        notice = self.catalogue.notice
        sentence = notice[place[0] : place[1]]
        if ind.span is not None and sentence == ind.source:
            start, end = ind.span
            if 0 <= start < end <= len(sentence):
                return place[0] + start, place[0] + end
        if ind.match:
            at = sentence.find(ind.match)
            if at >= 0:
                return place[0] + at, place[0] + at + len(ind.match)
        return None

    def _scroll_notice_to(self, key: int) -> None:
        """Select the node's sentence in the notice and bring it to the upper third."""
        place = self._places.get(key)
        if place is None:
            return
        cursor = QTextCursor(self.notice.document())
        cursor.setPosition(place[0])
        top = self.notice.cursorRect(cursor).top()
        bar = self.notice.verticalScrollBar()
        bar.setValue(bar.value() + top - self.notice.viewport().height() // 3)
        cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
        self.notice.setTextCursor(cursor)

    def notice_place(self, key: int) -> tuple[int, int] | None:
        """Where a node's sentence (or title) is in the notice, if found."""
        return self._places.get(key)

    @Slot()
    def use_selection_as_source(self) -> None:
        node = self.current_node()
        if not isinstance(node, IndicatorNode):
            return
        text = self.notice.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not text:
            self.form_message.setText(self.tr("请先在右侧通知原文中选中此指标所在的句子。"))
            self.notice.setFocus()
            return
        self.ind_source.setPlainText(text)  # textChanged applies it
        self.ind_source.setFocus()

    # ----- checking and publishing ---------------------------------------------------------------

    def _show_problems(self, lines: list[str], problems: list[Problem]) -> None:
        self.problems.clear()
        for problem in problems:
            entry = QListWidgetItem(str(problem), self.problems)
            entry.setData(KEY_ROLE, problem.key if problem.key is not None else PLAN_KEY)
            entry.setData(KEY_ROLE + 1, problem.field)
        for line in lines:
            QListWidgetItem(line, self.problems)
        if not lines and not problems:
            QListWidgetItem(self.tr("没有发现问题，可以发布。"), self.problems)
        self.problems_dock.show()
        if not self._dock_sized:
            # A few lines high: the tree, the form and the notice keep the room.
            self.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)
            self._dock_sized = True
        self.problems.setCurrentRow(0)

    @Slot()
    def run_validation(self) -> list[Problem]:
        problems = validate(self.catalogue)
        self._show_problems([], problems)
        self.problems.setFocus()
        self.message_line.setText(
            self.tr("检查完成：%1 处问题。").replace("%1", str(len(problems)))
            if problems
            else self.tr("检查完成：没有问题。")
        )
        return problems

    def _problem_activated(self, entry: QListWidgetItem) -> None:
        key = entry.data(KEY_ROLE)
        if key is None:
            return
        self.select_key(int(key))
        field = str(entry.data(KEY_ROLE + 1) or "")
        widget: QWidget | None = None
        if int(key) == PLAN_KEY:
            widget = self.plan_fields.get(field) or self.plan_fields.get("id")
        elif isinstance(self.current_node(), IndicatorNode):
            name = "numerator" if field == "formula" else field
            row = self.ind_rows.get(name)
            widget = row.widget if row else self.ind_name
        else:
            row = self.node_rows.get(field)
            widget = row.widget if row else self.node_title
        if widget is not None:
            widget.setFocus()
            self.form_scroll.ensureWidgetVisible(widget)

    @Slot()
    def publish_plan(self) -> None:
        """Ask how to publish (new plan or new version), then publish."""
        try:
            installed = installed_plan_ids(self.service_factory())
        except JinduError as exc:
            self.dialogs.error(self, self.tr("无法发布"), exc.message)
            return
        self.publish_dialog = PublishDialog(self.catalogue, installed, self)
        self.publish_dialog.accepted.connect(self._publish_chosen)
        self.publish_dialog.open()

    def _publish_chosen(self) -> None:
        assert self.publish_dialog is not None
        new_version_of, plan_id, make_current = self.publish_dialog.choice()
        self.publish_as(new_version_of=new_version_of, plan_id=plan_id, make_current=make_current)

    def publish_as(
        self, *, new_version_of: str | None, plan_id: str = "", make_current: bool = False
    ) -> Plan | None:
        """Publish the catalogue; problems and refusals are shown, None returned."""
        if new_version_of is None and plan_id:
            self.catalogue.id = plan_id
        service = self.service_factory()
        confirm = False
        while True:
            try:
                plan = publish(
                    service,
                    self.catalogue,
                    new_version_of=new_version_of,
                    confirm_removal=confirm,
                    make_current=make_current,
                )
                break
            except RemovalNotConfirmed as exc:
                if confirm or not self.dialogs.question(self, self.tr("确认删除编号"), exc.message):
                    return None
                confirm = True
            except CatalogueInvalid as exc:
                self._show_problems([], exc.problems)
                self.dialogs.warning(
                    self,
                    self.tr("未发布"),
                    self.tr("计划目录还有 %1 处问题，请按“检查结果”逐项修改后再发布。").replace(
                        "%1", str(len(exc.problems))
                    ),
                )
                return None
            except JinduError as exc:
                self.dialogs.error(self, self.tr("未发布"), exc.message)
                return None
        self.dirty = False
        self._rebuild_tree()
        self._update_title()
        path = catalogue_path(service, plan.id, plan.version)
        text = (
            self.tr("已发布《%1》（%2 第 %3 版），已安装到本数据库。目录文件：%4。")
            .replace("%1", plan.title)
            .replace("%2", plan.id)
            .replace("%3", str(plan.version))
            .replace("%4", str(path))
        )
        text += self.tr("下一步：在任务分解表中分解区县目标，然后导出计划包下发区县。")
        self.message_line.setText(text)
        self.dialogs.information(self, self.tr("已发布"), text)
        self.published.emit(plan.id, plan.version)
        return plan

    # ----- window state ---------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        self.resize(1280, 820)
        self.left_splitter.setSizes([380, 420])
        self.splitter.setSizes([620, 660])
        if self.settings is None:
            return
        geometry = self.settings.state("plan_editor_geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = self.settings.state("plan_editor_splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A field still being typed in is committed first, while the window is whole: its
        # change then counts as unsaved, instead of arriving after the window is gone.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        if self.dirty and not self.dialogs.question(
            self,
            self.tr("计划编辑"),
            self.tr("当前目录有未保存或未发布的修改，关闭并放弃这些修改吗？"),
        ):
            event.ignore()
            return
        if self.settings is not None:
            self.settings.set_state("plan_editor_geometry", self.saveGeometry())
            self.settings.set_state("plan_editor_splitter", self.splitter.saveState())
        super().closeEvent(event)


def _plain_number(value: Decimal) -> str:
    return format_decimal(value)


__all__ = ["PlanEditor"]

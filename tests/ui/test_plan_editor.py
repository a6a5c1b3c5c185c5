"""The city statistician's plan editor: from the notice to a published, distributed plan.

The story: the seed notice is opened and drafted; a target is corrected in the
form; the 13 districts of 渝西 are picked as a group, and a new group is made;
the plan is published as next year's; then it is allocated, signed into a plan
package and imported by a district exactly as the 2018 plan is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.city.office import CityService, open_city, setup_city
from app.office import open_office
from app.plan_catalogue import IndicatorNode, catalogue_path
from models.kinds import Level
from tests.app.helpers import Result, jindu, setup_office
from tests.ui.conftest import PASSPHRASE, RecordingDialogs, commit_text
from ui.plan_editor import PLAN_KEY, PlanEditor

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_f7181fff8ff925ec.txt"
INPUTS = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
QINJIANG = "500110"  # 綦江区: one of the 13 districts of 渝西
YUZHONG = "500103"  # 渝中区: not in 渝西


def ok(result: Result) -> Result:
    assert result.code == 0, result.err + result.out
    return result


@pytest.fixture
def seed() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed plan text is not beside the checkout ({SEED})")
    return SEED


@pytest.fixture
def city(tmp_path: Path) -> Iterator[CityService]:
    service = open_city(tmp_path / "city", auto_backup=False)
    setup_city(service, "重庆市残疾人联合会", PASSPHRASE)
    yield service
    service.store.close()


@pytest.fixture
def editor(qtbot, city: CityService, dialogs: RecordingDialogs) -> Iterator[PlanEditor]:  # type: ignore[no-untyped-def]
    window = PlanEditor(lambda: city, dialogs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.dirty = False  # nothing to ask when the test closes it


def open_seed(editor: PlanEditor, dialogs: RecordingDialogs, seed: Path) -> None:
    dialogs.answers["open_file"] = str(seed)
    editor.actions_registry["open_notice"].trigger()


def indicator(editor: PlanEditor, node_id: str) -> IndicatorNode:
    node = editor.catalogue.find(node_id)
    assert isinstance(node, IndicatorNode)
    return node


def type_into(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a line edit's text as a person does, and press Enter."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        commit_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_draft_fix_group_publish_then_allocate_and_distribute(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, city: CityService, seed: Path,
    tmp_path: Path,
) -> None:  # fmt: skip
    # --- the draft, beside its notice
    open_seed(editor, dialogs, seed)
    cat = editor.catalogue
    assert (len(cat.sections), len(cat.items())) == (5, 22)
    assert editor.model.rowCount() == 1 and editor.model.item(0).rowCount() == 5
    editor.select_id("2.1.1")
    first = indicator(editor, "2.1.1")
    assert editor.notice.textCursor().selectedText() == first.source
    start, _end = editor.notice_place(first.key)  # type: ignore[misc]
    assert first.span is not None
    inside = QTextCursor(editor.notice.document())
    inside.setPosition(start + first.span[0] + 1)
    fmt = inside.charFormat()
    assert fmt.fontWeight() == QFont.Weight.Bold and fmt.fontUnderline()
    assert fmt.background().style() != Qt.BrushStyle.NoBrush
    heading = QTextCursor(editor.notice.document())
    heading.setPosition(2)  # the web page's chrome: no target there
    assert heading.charFormat().background().style() == Qt.BrushStyle.NoBrush
    assert not heading.charFormat().fontUnderline()

    # --- a target fixed in the form; nonsense is refused and shown, not kept
    editor.select_id("2.1.2")
    assert editor.stack.currentWidget() is editor.indicator_page
    type_into(qtbot, editor.ind_target, "12000")
    assert indicator(editor, "2.1.2").target == Decimal(12000)
    row = editor._index_of(indicator(editor, "2.1.2").key)
    assert editor.model.itemFromIndex(row.siblingAtColumn(2)).text().startswith("12000")
    type_into(qtbot, editor.ind_target, "一万多")
    assert "未接受" in editor.form_message.text() and "一万多" in editor.form_message.text()
    assert indicator(editor, "2.1.2").target == Decimal(12000)
    assert editor.ind_target.text() == "12000"

    # --- 渝西 13 区县 picked as a group for the indicator the notice gives 渝西
    node = next(n for n in cat.indicators() if "渝西" in n.source)
    editor.select_key(node.key)
    qtbot.mouseClick(editor.scope_button, Qt.MouseButton.LeftButton)
    picker = editor.picker
    assert picker is not None and picker.isVisible()
    qtbot.mouseClick(picker.group_buttons["yuxi"], Qt.MouseButton.LeftButton)
    assert len(picker.ticked()) == 13 and QINJIANG in picker.ticked()
    picker.buttons.button(picker.buttons.StandardButton.Ok).click()
    assert node.applies_to == ["group:yuxi"]
    assert cat.groups["yuxi"].name == "渝西片区"
    assert editor.ind_scope.text() == "渝西片区"

    # --- a new group, made in the picker from ticked districts
    other = indicator(editor, "3.4.1")
    editor.select_key(other.key)
    qtbot.mouseClick(editor.scope_button, Qt.MouseButton.LeftButton)
    picker = editor.picker
    assert picker is not None
    picker.some_radio.setChecked(True)
    for r in range(picker.list.count()):
        entry = picker.list.item(r)
        if entry.data(Qt.ItemDataRole.UserRole + 1) in (YUZHONG, "500104"):
            entry.setCheckState(Qt.CheckState.Checked)
    commit_text(picker.group_name, "主城试点区")
    qtbot.mouseClick(picker.add_group_button, Qt.MouseButton.LeftButton)
    assert "主城试点区" in picker.message.text()
    group = next(g for g in cat.groups.values() if g.name == "主城试点区")
    assert set(group.districts) == {YUZHONG, "500104"}
    picker.buttons.button(picker.buttons.StandardButton.Ok).click()
    assert other.applies_to == [f"group:{group.id}"]

    # --- next year's plan: its year and title on the plan's own page
    editor.select_key(PLAN_KEY)
    year = editor.plan_fields["year"]
    assert isinstance(year, QAbstractSpinBox)
    year.setValue(2019)  # type: ignore[attr-defined]
    title = editor.plan_fields["title"]
    assert isinstance(title, QLineEdit)
    type_into(qtbot, title, "2019年全市残疾人工作要点")
    assert (cat.year, cat.title) == (2019, "2019年全市残疾人工作要点")
    editor.actions_registry["validate"].trigger()
    assert editor.problems.item(0).text() == "没有发现问题，可以发布。"

    # --- publish as a new plan
    editor.actions_registry["publish"].trigger()
    dialog = editor.publish_dialog
    assert dialog is not None and dialog.isVisible() and dialog.new_radio.isChecked()
    assert dialog.id_edit.text() == "cq-2019"  # named like the installed cq-2018, for 2019
    dialog.id_edit.selectAll()
    qtbot.keyClick(dialog.id_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.id_edit, "cq-2019")
    with qtbot.waitSignal(editor.published) as published:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert published.args == ["cq-2019", 1]
    assert "已发布" in dialogs.texts("information")[-1]
    assert not editor.dirty
    plan = city.plan("cq-2019")
    assert plan.year == 2019 and plan.indicator("2.1.2").target == Decimal(12000)
    assert catalogue_path(city, "cq-2019", 1).is_file()
    assert plan.indicator(node.id).applies(QINJIANG)
    assert not plan.indicator(node.id).applies(YUZHONG)

    # --- allocated and distributed like the 2018 plan
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    city_dir = city.data_dir
    workbook = tmp_path / "任务分解表.xlsx"
    ok(jindu(city_dir, "city", "allocation", "export", "--out", str(workbook), "--plan", "cq-2019"))
    wb = load_workbook(workbook)
    ws = wb.active
    assert ws is not None
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "区划代码")
    columns = {ws.cell(header, c).value: c for c in range(3, ws.max_column + 1)}
    rows = {str(ws.cell(r, 1).value): r for r in range(header + 1, ws.max_row + 1)}
    ws.cell(rows[QINJIANG], columns[node.id]).value = "600"
    ws.cell(rows[QINJIANG], columns["2.1.2"]).value = "1,000"
    assert ws.cell(rows[YUZHONG], columns[node.id]).value == "不适用"
    wb.save(workbook)
    ok(jindu(city_dir, "city", "allocation", "import", str(workbook), "--plan", "cq-2019"))
    export = ["city", "plan", "export", "--out", str(tmp_path), "--plan", "cq-2019"]
    package = Path(ok(jindu(city_dir, *export, "--passphrase-file", str(pw))).out.strip())
    assert package.name == "plan_cq-2019_v1.zip"

    office = tmp_path / "office"
    ok(setup_office(office, QINJIANG))
    if jindu(office, "plan", "import", "--help").code == 0:
        ok(jindu(office, "plan", "import", str(package)))
    else:
        from app.city.plan_package import import_plan_package

        service = open_office(office, auto_backup=False)
        try:
            import_plan_package(service, package, office)
        finally:
            service.store.close()
    service = open_office(office, auto_backup=False)
    try:
        assert service.office().plan_id == "cq-2019"  # next year's plan: the office switched
        assert service.targets()[node.id] == (Decimal(600), "allocated")
        assert service.targets()["2.1.2"] == (Decimal(1000), "allocated")
        data = service.period_data(service.parse_period("2019Q1"))
        assert data.by_indicator[node.id].district_target == Decimal(600)
        assert data.by_indicator[node.id].indicator.level is Level.DISTRICT
        assert len(data.items) == 22
    finally:
        service.store.close()
    entries = json.loads(ok(jindu(office, "entry", "list", "--period", "2019Q1", "--json")).out)
    assert entries["plan"] == "cq-2019" and node.id in {e["indicator"] for e in entries["entries"]}


def test_every_control_has_a_name_and_a_buddy(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, seed: Path
) -> None:
    open_seed(editor, dialogs, seed)
    editor.actions_registry["validate"].trigger()
    pages = {
        "plan": PLAN_KEY,
        "section": editor.catalogue.find("2").key,
        "indicator": editor.catalogue.find("2.1.1").key,
    }
    missing: list[str] = []
    for page, key in pages.items():
        editor.select_key(key)
        missing += [f"{page}: {m}" for m in nameless(editor)]
        buddies = {label.buddy() for label in editor.findChildren(QLabel) if label.buddy()}
        for widget in editor.stack.currentWidget().findChildren(QWidget):
            if (
                isinstance(widget, INPUTS)
                and not inside_combo(widget)
                and widget.isVisibleTo(editor)
                and widget not in buddies
            ):
                missing.append(f"{page}: {widget.accessibleName()} has no buddy label")
    editor.select_id("2.1.1")
    qtbot.mouseClick(editor.scope_button, Qt.MouseButton.LeftButton)
    assert editor.picker is not None
    missing += [f"picker: {m}" for m in nameless(editor.picker)]
    editor.picker.reject()
    editor.actions_registry["publish"].trigger()
    assert editor.publish_dialog is not None
    missing += [f"publish: {m}" for m in nameless(editor.publish_dialog)]
    editor.publish_dialog.reject()
    assert missing == [], "\n".join(missing)
    # Every action can be reached from the keyboard.
    for key, action in editor.actions_registry.items():
        assert not action.shortcut().isEmpty(), key
        assert "&" in action.text(), key


def inside_combo(widget: QWidget) -> bool:
    """The line edit of a combo or spin box: the box itself carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def nameless(top: QWidget) -> list[str]:
    from PySide6.QtGui import QAccessible

    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is top or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not widget.isVisibleTo(top) or inside_combo(widget):
            continue
        explicit = widget.accessibleName().strip()
        iface = QAccessible.queryAccessibleInterface(widget)
        spoken = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if isinstance(widget, INPUTS) and not explicit:
            found.append(f"{type(widget).__name__} without an accessible name")
        elif isinstance(widget, QAbstractButton) and not spoken.strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_structure_from_the_keyboard_reports_renumbering(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, seed: Path
) -> None:
    open_seed(editor, dialogs, seed)
    editor.select_id("2.1")
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    added = editor.current_node()
    assert isinstance(added, IndicatorNode) and added.id == "2.1.4"
    assert editor.ind_name.hasFocus()
    commit_text(editor.ind_name, "残疾人电商培训")
    qtbot.keyClick(editor.ind_name, Qt.Key.Key_Return)
    assert added.name == "残疾人电商培训"
    editor.tree.setFocus()
    qtbot.keyClick(
        editor.tree,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert added.id == "2.1.3"
    assert "2.1.4 → 2.1.3" in editor.message_line.text()
    assert editor.current_node() is added  # the selection follows the node
    dialogs.answers["question"] = True
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "删除指标 2.1.3（残疾人电商培训）？" in dialogs.texts("question")[-1]
    assert [n.name for n in editor.catalogue.find("2.1").indicators][-1].startswith("扶持")  # type: ignore[attr-defined]
    assert editor.catalogue.find("2.1.3").origin is None


def test_problems_jump_to_their_field_and_nothing_invalid_is_published(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, city: CityService, seed: Path
) -> None:
    open_seed(editor, dialogs, seed)
    editor.select_id("2.1.1")
    unit_edit = editor.ind_unit.lineEdit()
    assert unit_edit is not None
    type_into(qtbot, unit_edit, "")
    assert indicator(editor, "2.1.1").unit == ""
    assert editor.publish_as(new_version_of=None, plan_id="cq-2019") is None
    assert "1 处问题" in dialogs.texts("warning")[-1]
    assert [r[0] for r in city.plans.installed_plans()] == ["cq-2018"]
    item = editor.problems.item(0)
    assert item.text() == "指标 2.1.1（农村贫困残疾人危房改造任务）单位：未填写"
    editor.select_key(PLAN_KEY)
    editor.problems.itemActivated.emit(item)
    assert editor.current_node() is indicator(editor, "2.1.1")
    assert unit_edit.hasFocus() or editor.ind_unit.hasFocus()


def test_a_new_version_that_moves_ids_is_refused_with_the_reason(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, city: CityService
) -> None:
    editor.edit_installed("cq-2018")
    assert editor.catalogue.based_on == ("cq-2018", 1)
    editor.select_id("2.1.2")
    editor.actions_registry["move_up"].trigger()
    assert "已发布计划的编号不能改变" in editor.message_line.text()
    assert editor.publish_as(new_version_of="cq-2018") is None
    assert "2.1.2 → 2.1.1" in dialogs.texts("error")[-1]
    assert city.plan("cq-2018").version == 1


def test_the_catalogue_goes_to_a_workbook_and_back(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, seed: Path, tmp_path: Path
) -> None:
    open_seed(editor, dialogs, seed)
    before = editor.catalogue.to_json()
    path = tmp_path / "目录.xlsx"
    dialogs.answers["save_file"] = str(path)
    editor.actions_registry["export_workbook"].trigger()
    assert path.is_file()
    wb = load_workbook(path)
    ws = wb["指标"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 7).value == "2.1.1")
    ws.cell(row, 11).value = "很多"  # a target nobody can read
    wb.save(path)
    dialogs.answers["open_file"] = str(path)
    editor.actions_registry["import_workbook"].trigger()
    assert "未导入任何内容" in dialogs.texts("warning")[-1]
    assert "很多" in editor.problems.item(0).text()
    assert editor.catalogue.to_json() == before
    ws.cell(row, 11).value = 2500
    wb.save(path)
    editor.actions_registry["import_workbook"].trigger()
    assert editor.catalogue.to_json() != before
    assert editor.catalogue.notice  # the notice stays beside the imported catalogue
    changed = indicator(editor, "2.1.1")
    assert changed.target == Decimal(2500)
    assert changed.match == "2000户"  # the draft's highlight is kept (same sentence)


def test_the_city_window_opens_the_editor_on_its_own_store(  # type: ignore[no-untyped-def]
    qtbot, city: CityService, dialogs: RecordingDialogs
) -> None:
    from tests.ui.conftest import build_context

    context = build_context(city.data_dir, dialogs)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        editor = PlanEditor(context, parent)  # as CityWindow.open_plan_editor calls it
        assert editor.parent() is parent and editor.dialogs is dialogs
        assert editor.folder == city.data_dir
        editor.edit_installed("cq-2018")
        node = indicator(editor, "2.1.1")
        editor.catalogue.set_target(node, "2100")
        editor.dirty = True
        plan = editor.publish_as(new_version_of="cq-2018")
        assert plan is not None and plan.version == 2
        assert city.plan("cq-2018").indicator("2.1.1").target == Decimal(2100)
        editor.close()
    finally:
        context.service.store.close()


def test_a_field_still_being_typed_in_counts_when_the_editor_closes(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, dialogs: RecordingDialogs, seed: Path
) -> None:
    """Closing with the cursor still in a field commits it first: the question about
    unsaved changes covers it, and staying keeps the number."""
    open_seed(editor, dialogs, seed)
    editor.select_id("2.1.2")
    editor.ind_target.setFocus()
    editor.ind_target.selectAll()
    qtbot.keyClick(editor.ind_target, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor.ind_target, "12345")  # no Enter, no Tab
    editor.dirty = False  # only the typed number is left unsaved
    dialogs.answers["question"] = False  # "close and lose the changes?" No.
    assert not editor.close()
    assert editor.isVisible()
    assert "未保存" in dialogs.texts("question")[-1]
    assert indicator(editor, "2.1.2").target == Decimal(12345)


def test_long_texts_in_the_forms_show_their_beginning(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor
) -> None:
    """A field narrower than its text shows where the text starts, not where it ends."""
    editor.resize(700, 600)
    editor.edit_installed("cq-2018")
    editor.select_key(PLAN_KEY)
    title = editor.plan_fields["title"]
    assert isinstance(title, QLineEdit)
    title.setFixedWidth(title.fontMetrics().horizontalAdvance("2018年"))
    editor.select_id("1")
    editor.select_key(PLAN_KEY)  # filled again
    assert title.text().startswith("2018年") and title.cursorPosition() == 0
    editor.select_id("2.1.1")
    assert editor.ind_name.cursorPosition() == 0


def test_the_form_fields_and_the_empty_notice_follow_the_language(  # type: ignore[no-untyped-def]
    qtbot, editor: PlanEditor, qapp
) -> None:
    from ui.app_context import Translations

    translations = Translations(qapp)
    try:
        translations.install("en")
        qapp.processEvents()  # Qt delivers LanguageChange as an event
        assert editor.plan_rows["form.表号"].label.text() == "Form number:"
        assert editor.plan_rows["form.说明"].label.text() == "Note on the markings:"
        assert editor.notice.placeholderText().startswith("No notice text")
        translations.install("zh_CN")
        qapp.processEvents()
        assert editor.plan_rows["form.表号"].label.text() == "表号："
        assert editor.notice.placeholderText().startswith("没有通知原文")
    finally:
        translations.uninstall()

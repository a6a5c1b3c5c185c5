"""Accessibility and language: names for screen readers, buddies, tab order, words not
colours, 200 % fonts, and the English translation kept complete."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAccessible, QColor, QFont, QFontDatabase, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from models.errors import InputError
from models.resources import resources_dir
from tests.ui.conftest import build_context, shown_main_window
from ui import main as ui_main
from ui.app_context import AppContext, Appearance, Translations
from ui.checks_dialog import ChecksDialog
from ui.dialogs import DialogService, PassphraseDialog, TextDialog
from ui.entry_model import COL_VALUE, COLUMN_COUNT
from ui.jobs import Job
from ui.main import install_fonts
from ui.main_window import MainWindow
from ui.plan_tree import BadgeRole
from ui.print_preview import PrintPreviewDialog
from ui.progress_dialog import run_job
from ui.return_actions import ObstaclesDialog
from ui.settings_dialog import SettingsDialog
from ui.setup_wizard import SetupWizard
from ui.verify_dialog import VerifyDialog

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = resources_dir() / "translations" / "jindu_en.ts"
INPUTS = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def screen_reader_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def inside_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def focusable(top: QWidget) -> Iterator[QWidget]:
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(top):
            yield widget


def nameless(top: QWidget) -> list[str]:
    """Focusable controls a screen reader would announce without a name."""
    found = []
    for widget in focusable(top):
        if isinstance(widget, (QDialog, MainWindow)) and widget is top:
            continue
        if inside_combo(widget):
            continue  # the combo box's own line edit: the combo carries the name
        explicit = widget.accessibleName().strip()
        if isinstance(widget, INPUTS) and not explicit:
            found.append(f"{type(widget).__name__} (no accessible name)")
        elif not screen_reader_name(widget).strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def cell_editor(widget: QWidget) -> bool:
    """An editor open in a cell: its name says the column and the row, it has no label."""
    viewport = widget.parentWidget()
    view = viewport.parentWidget() if viewport is not None else None
    return isinstance(view, QAbstractItemView) and view.viewport() is viewport


def without_buddy(top: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy() is not None}
    return [
        f"{type(w).__name__} {w.accessibleName()!r}"
        for w in focusable(top)
        if isinstance(w, INPUTS)
        and not inside_combo(w)
        and not cell_editor(w)
        and id(w) not in buddies
    ]


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:
    return shown_main_window(qtbot, context, "2018Q2", "2.1")


def every_window(
    qtbot, context: AppContext, empty: AppContext, window: MainWindow
) -> Iterator[QWidget]:
    """Each window and dialog built here, in each of its states."""
    yield window
    window.grid.setCurrentIndex(window.model.index(0, COL_VALUE))
    window.grid.setFocus()
    window.grid.edit_current()  # an open cell editor
    yield window
    window.grid.closePersistentEditor(window.grid.currentIndex())

    wizard = SetupWizard(empty)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    page = wizard.office_page
    page.district.setCurrentIndex(page.district.findData("500103"))
    for edit, text in (
        (page.clerk, "张三"),
        (page.reviewer, "李四"),
        (page.head, "王五"),
        (page.phone, "023-63651188"),
    ):
        edit.setText(text)
    wizard.next()
    assert wizard.currentId() == SetupWizard.PASSPHRASE
    yield wizard

    settings = SettingsDialog(context)
    qtbot.addWidget(settings)
    settings.show()
    yield settings

    checks = ChecksDialog(context.service.checks(context.service.parse_period("2018Q2")))
    qtbot.addWidget(checks)
    checks.show()
    yield checks

    box = DialogService._box(None, "question", "确认", "用备份替换当前数据？")
    qtbot.addWidget(box)
    box.show()
    yield box

    yield from return_feature_windows(qtbot, context, window)


def small_pdf(path: Path) -> Path:
    """A one-page PDF with Chinese text, for the print preview."""
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 400, "渝中区 2018年第二季度 推进情况报表")
    painter.end()
    return path


def refuse(_progress: object) -> None:
    raise InputError("口令", "******", "口令不正确，无法解开签名密钥")


def return_feature_windows(qtbot, context: AppContext, window: MainWindow) -> Iterator[QWidget]:
    """The overview page, the return actions' dialogs, the verify dialog and the preview."""
    window.show_page("overview")
    yield window
    window.show_page("entry")

    folder = context.data_dir / "exports"
    folder.mkdir(exist_ok=True)
    progress = run_job(
        context, window, "导出报表", Job(lambda _p: [folder / "a.xlsx"]), folder=folder
    )
    qtbot.addWidget(progress)
    assert progress.open_button.isVisible()
    yield progress
    failed = run_job(context, window, "签发", Job(refuse))
    qtbot.addWidget(failed)
    assert failed.details.isVisible()
    yield failed

    period = context.service.parse_period("2018Q2")
    obstacles = ObstaclesDialog(
        [c for c in context.service.checks(period) if c.stops_signing], "2018年第二季度", window
    )
    qtbot.addWidget(obstacles)
    obstacles.show()
    yield obstacles

    for dialog in (
        TextDialog("退回修改", "退回意见(&M)：写明需要修改的地方", ""),
        PassphraseDialog("签发", "签名密钥的口令(&W)："),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        yield dialog

    verify = VerifyDialog(context)
    qtbot.addWidget(verify)
    verify.show()
    verify.verify([context.data_dir / "没有这个文件.zip"])
    assert verify.list.topLevelItemCount() == 1
    yield verify

    preview = PrintPreviewDialog(small_pdf(context.data_dir / "预览.pdf"), context.dialogs)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_count == 1
    yield preview


def test_every_control_in_every_window_has_an_accessible_name(
    qtbot, context: AppContext, window: MainWindow, tmp_path: Path, dialogs
) -> None:
    empty = build_context(tmp_path / "new", dialogs)
    try:
        seen = 0
        for top in every_window(qtbot, context, empty, window):
            seen += 1
            assert not nameless(top), f"{type(top).__name__}: {nameless(top)}"
            assert not without_buddy(top), f"{type(top).__name__}: {without_buddy(top)}"
        assert seen == 15
    finally:
        empty.service.store.close()


def test_the_tab_order_follows_the_page(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.period_combo.setFocus()
    expected = [
        window.tree,
        window.grid,
        window.item_text,
        window.status_combo,
        window.narratives["progress"],
        window.narratives["problems"],
        window.narratives["next"],
    ]
    for widget in expected:
        focus = QApplication.focusWidget()
        if focus is window.grid:
            qtbot.keyClick(
                focus, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier
            )  # Tab moves cells
        else:
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget, QApplication.focusWidget()


def test_no_state_is_told_by_colour_alone(qtbot, window: MainWindow) -> None:
    service = window.service
    service.set_target("2.1.1", "1000")
    service.set_target("2.1.2", "1000")
    window.model.setData(window.model.index(0, COL_VALUE), "900")  # ahead of schedule
    window.model.setData(window.model.index(1, COL_VALUE), "10")  # behind
    window.model.setData(window.model.index(2, COL_VALUE), "不知道")  # refused
    coloured = 0
    for row in range(window.model.rowCount()):
        for column in range(COLUMN_COUNT):
            index = window.model.index(row, column)
            if index.data(Qt.ItemDataRole.BackgroundRole) is not None and column != COL_VALUE - 1:
                coloured += 1
                assert str(index.data()).strip(), (row, column)
    assert coloured >= 3
    assert window.model.index(2, COL_VALUE).data().count("⚠") == 1
    for node in window._tree_items.values():
        if node.data(1, BadgeRole):
            assert node.text(1).strip()
            assert node.data(1, Qt.ItemDataRole.AccessibleTextRole)


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    """A fresh Appearance on the application; its font, palette, style and sheet as they
    were afterwards (base_font and base_palette hold what they were)."""
    style = qapp.style().name()
    fresh = Appearance(qapp, QFont(qapp.font()))
    yield fresh
    fresh.apply(100, False)
    qapp.setStyle(style)
    qapp.setPalette(fresh.base_palette)
    qapp.setStyleSheet("")
    qapp.setFont(fresh.base_font)


@pytest.fixture
def big_fonts(qapp: QApplication) -> Iterator[Appearance]:
    font = QFont(qapp.font())
    appearance = Appearance(qapp, font)
    appearance.apply(200, False)
    yield appearance
    appearance.apply(100, False)
    qapp.setFont(font)


def test_the_ui_font_draws_chinese(qapp: QApplication) -> None:
    font = install_fonts(qapp)
    assert font.families()[0] in QFontDatabase.families()
    assert all(QFontMetrics(font).inFontUcs4(ord(ch)) for ch in "进度填报")


def test_without_a_chinese_system_font_the_bundled_one_is_registered(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_main, "PREFERRED_FAMILIES", ())
    monkeypatch.setattr(ui_main, "BUNDLED_FAMILY", "(not installed)")
    font = install_fonts(qapp)
    assert font.families()[0] == "WenQuanYi Micro Hei"
    assert all(QFontMetrics(font).inFontUcs4(ord(ch)) for ch in "进度填报")


def test_high_contrast_switches_to_fusion_and_back_to_the_platform_style(
    qapp: QApplication, appearance: Appearance
) -> None:
    font, style = appearance.base_font, qapp.style().name()
    window_colour = appearance.base_palette.color(QPalette.ColorRole.Window)
    appearance.apply(100, False)  # as at start: the platform's look is left alone
    assert qapp.style().name() == style
    appearance.apply(150, True)
    assert appearance.base_style == style  # remembered to come back to
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    assert "#ffff00" in qapp.styleSheet()
    assert qapp.font().pointSizeF() == pytest.approx(font.pointSizeF() * 1.5)
    appearance.apply(100, False)
    assert qapp.style().name() == style
    assert qapp.palette().color(QPalette.ColorRole.Window) == window_colour
    assert qapp.styleSheet() == ""


def clipped(top: QWidget) -> list[str]:
    """Labels and buttons narrower than their text."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}")
    return found


def test_layouts_survive_200_percent_fonts(
    qtbot, context: AppContext, big_fonts: Appearance, tmp_path: Path, dialogs
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.font().pointSizeF() >= 2 * big_fonts.base_font.pointSizeF() - 0.5
    assert window.minimumSizeHint().width() <= 1400 and window.minimumSizeHint().height() <= 900
    assert not clipped(window)
    # The status list shows its longest entry whole, with room left for the arrow.
    combo, metrics = window.status_combo, window.status_combo.fontMetrics()
    widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() >= widest + 2 * metrics.height()
    empty = build_context(tmp_path / "new", dialogs)
    try:
        wizard = SetupWizard(empty)
        qtbot.addWidget(wizard)
        wizard.show()
        assert wizard.width() <= 1400 and wizard.height() <= 900
        assert not clipped(wizard)
        settings = SettingsDialog(context)
        qtbot.addWidget(settings)
        settings.show()
        assert not clipped(settings)
        # The return features: the overview page and the dialogs, at 200 % too.
        window.show_page("overview")
        assert not clipped(window)
        assert window.minimumSizeHint().width() <= 1400
        for top in return_feature_windows(qtbot, context, window):
            if top is not window:
                assert top.width() <= 1400 and top.height() <= 900, type(top).__name__
            assert not clipped(top), (type(top).__name__, clipped(top))
    finally:
        empty.service.store.close()


def test_switching_language_retranslates_the_open_window(
    qtbot, qapp: QApplication, window: MainWindow
) -> None:
    translations = Translations(qapp)
    window.context.translations = translations
    try:
        translations.install("en")
        # Qt posts LanguageChange to every window; each retranslates itself.
        qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Indicator"
        assert window.tree.headerItem().text(0) == "Part / task"
        assert window.status_combo.itemText(window.status_combo.findData("behind")) == "Behind"
        assert window.grid.accessibleName() == "Entry grid"
        assert window.period_combo.currentText() == "Q2 2018"
        settings = SettingsDialog(window.context)
        qtbot.addWidget(settings)
        assert settings.windowTitle() == "Settings"

        translations.install("zh_CN")
        qtbot.waitUntil(lambda: window.menus["file"].title() == "文件(&F)")
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "指标"
        assert settings.windowTitle() == "设置"
        assert window.period_combo.currentText() == "2018年第二季度"
    finally:
        translations.uninstall()


def test_the_language_choice_is_remembered(qtbot, qapp: QApplication, window: MainWindow) -> None:
    translations = Translations(qapp)
    window.context.translations = translations
    try:
        settings = SettingsDialog(window.context)
        qtbot.addWidget(settings)
        settings.language_combo.setCurrentIndex(settings.language_combo.findData("en"))
        settings.language_combo.activated.emit(settings.language_combo.currentIndex())
        qtbot.waitUntil(lambda: window.menus["edit"].title() == "&Edit")
        assert window.context.settings.language == "en"
    finally:
        translations.uninstall()


def test_the_english_translation_is_complete_and_current(tmp_path: Path) -> None:
    committed = ET.parse(TS_FILE).getroot()
    unfinished = [
        m.findtext("source")
        for m in committed.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert not unfinished, unfinished
    # Every string in src/ui is in the committed file: lupdate finds nothing new.
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "src" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot()
        for m in c.iter("message")
    }
    have = {
        (c.findtext("name"), m.findtext("source")) for c in committed for m in c.iter("message")
    }
    assert wanted <= have, sorted(wanted - have)
    # The compiled file is the one the program loads, and it speaks English.
    translator = QTranslator()
    assert translator.load("jindu_en", str(TS_FILE.parent))
    assert translator.translate("MainWindow", "文件(&F)") == "&File"
    for _context, source in wanted:
        assert "%" not in source or all(
            f"%{n}" in (translator.translate(_context, source) or "")
            for n in range(1, 4)
            if f"%{n}" in source
        ), source


# ----- the city window (市残联) ----------------------------------------------------------------


@pytest.fixture
def city_window(qtbot, tmp_path: Path, dialogs) -> Iterator[QWidget]:
    """A city folder with one return received, so that every page has rows."""
    from datetime import date

    from app.city.office import open_city
    from tests.app.test_city_consolidate import add_return, allocate, make_city
    from tests.ui.conftest import SyncThreadPool
    from ui.app_context import UiSettings
    from ui.city_window import CityWindow

    folder = tmp_path / "city"
    made = make_city(folder)
    allocate(made, "2.1.1", "500103", "100000")
    add_return(
        made,
        "500103",
        "2018Q1",
        values={"2.1.1": "120"},
        items={"2.1": ("behind", "推进中", "资金未到位", "加快拨付")},
    )
    made.store.close()
    context = AppContext(
        data_dir=folder,
        service=open_city(folder, auto_backup=False).plans,
        pool=SyncThreadPool(),
        dialogs=dialogs,
        settings=UiSettings(folder / "jindu-ui.ini"),
    )
    window = CityWindow(context, today=lambda: date(2018, 5, 2), period="2018Q1")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    context.service.store.close()


def city_windows(qtbot, window) -> Iterator[QWidget]:
    """Every page of the city window, and its dialogs."""
    from ui.city_cert_dialog import RegisterCertDialog
    from ui.city_setup_dialog import CitySetupDialog
    from ui.city_window import PAGES

    for key in PAGES:
        window.show_page(key)
        yield window
    register = RegisterCertDialog(window.city.expected_districts(), lambda c, p: True, lambda: None)
    qtbot.addWidget(register)
    register.show()
    yield register
    setup = CitySetupDialog(window.context)
    qtbot.addWidget(setup)
    setup.show()
    yield setup


def test_every_control_of_the_city_window_has_an_accessible_name(qtbot, city_window) -> None:
    seen = 0
    for top in city_windows(qtbot, city_window):
        seen += 1
        assert not nameless(top), f"{type(top).__name__}: {nameless(top)}"
        assert not without_buddy(top), f"{type(top).__name__}: {without_buddy(top)}"
    assert seen == 8
    # The charts are reachable with Tab and read their values out.
    chart = city_window.charts_page.by_district
    assert chart.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert "渝中区" in chart.accessibleDescription()


def test_the_city_window_survives_200_percent_fonts(
    qtbot, big_fonts: Appearance, city_window
) -> None:
    city_window.resize(1400, 900)
    assert city_window.minimumSizeHint().width() <= 1400
    for top in city_windows(qtbot, city_window):
        assert not clipped(top), f"{type(top).__name__}: {clipped(top)}"


def test_a_text_dialog_shows_its_whole_question(qtbot) -> None:
    question = "请打电话向市残联核对计划包的指纹，确认后输入核对过的新指纹。" * 8
    dialog = TextDialog("市残联更换了签名密钥？", question, "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.label
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.edit.height() >= 2 * dialog.fontMetrics().height()


def test_a_refusal_shown_in_red_grows_with_the_font_size(
    window: MainWindow, appearance: Appearance, qtbot
) -> None:
    """The line under the grid keeps its colour and still follows a change of font size
    (a style sheet on it used to pin it to the size it was shown at)."""
    font = appearance.base_font
    window.model.setData(window.model.index(0, COL_VALUE), "不知道")
    line = window.message_line
    assert "⚠" in line.text()
    red = line.palette().color(QPalette.ColorRole.WindowText)
    assert red == QColor("#a40000")
    appearance.apply(200, False)
    qtbot.waitUntil(lambda: line.font().pointSizeF() >= 2 * font.pointSizeF() - 0.5, timeout=2000)
    assert line.font().pointSizeF() == pytest.approx(window.grid_label.font().pointSizeF())
    assert line.palette().color(QPalette.ColorRole.WindowText) == red
    window.show_message("", False)
    assert line.palette().color(QPalette.ColorRole.WindowText) != red


@pytest.mark.parametrize(
    "steps",
    [
        [(200, False), (200, True), (100, True), (100, False)],
        [(200, False), (100, True), (100, False)],
        [(100, True), (200, True), (150, False), (125, True), (200, False)],
    ],
    ids=["one-at-a-time", "both-at-once", "mixed"],
)
def test_font_size_and_high_contrast_reach_every_widget_in_any_order(
    window: MainWindow, appearance: Appearance, steps: list[tuple[int, bool]]
) -> None:
    """A low-vision clerk changes the size with high contrast on, or both at once: the
    grid, the tree and the fields follow each time, and come back to white after."""
    fields = [window.grid_label, window.tree, window.grid, window.status_combo]
    fields += list(window.narratives.values())
    for scale, high in steps:
        appearance.apply(scale, high)
        window.apply_appearance()
        size = round(appearance.base_font.pointSizeF() * scale / 100, 1)
        sizes = [round(w.font().pointSizeF(), 1) for w in fields]
        assert sizes == [size] * len(fields), (scale, high)
        white = appearance.base_palette.color(QPalette.ColorRole.Base)
        base = QColor("#000000") if high else white
        for view in (window.tree, window.grid):
            assert view.viewport().palette().color(QPalette.ColorRole.Base) == base, (scale, high)

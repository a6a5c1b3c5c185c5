"""The overview page: time against work per section, what is behind, the state and the checks.

Numbers are entered through the service, as the grid would store them; the page
is read as a clerk reads it (the words in its rows) and then used from the
keyboard: Enter on a row leads to the cell or the item's text that settles it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from app import return_flow
from tests.ui.conftest import RecordingDialogs
from ui.app_context import AppContext
from ui.entry_model import COL_NOTE, COL_VALUE
from ui.main_window import MainWindow
from ui.overview_page import BarRole, OverviewPage, section_progress

PERIOD = "2018Q2"  # half of the year has passed: 时间进度 50 %


@pytest.fixture
def entered(context: AppContext) -> AppContext:
    """Section 2 (扶贫) partly done: 2.1.1 ahead, 2.1.2 far behind, 2.2.1 not done, 2.1 滞后."""
    service = context.service
    service.set_target("2.1.1", "1000")
    service.set_target("2.1.2", "1000")
    service.set_entry(PERIOD, "2.1.1", "600")  # 60 %
    service.set_entry(PERIOD, "2.1.2", "100")  # 10 %: 40 points behind time
    service.set_entry(PERIOD, "2.2.1", "否")  # a milestone not yet done: 0 %
    service.set_item(PERIOD, "2.1", "behind", "资金未到位，进度偏慢。", None, None)
    return context


@pytest.fixture
def window(qtbot, entered: AppContext) -> MainWindow:
    win = MainWindow(entered)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.select_period(PERIOD)
    return win


def overview_of(win: MainWindow) -> OverviewPage:
    win.show_page("overview")
    page = win.return_features.overview
    assert win.pages.currentWidget() is page
    return page


def row_named(page: OverviewPage, start: str) -> int:
    for row in range(page.sections.topLevelItemCount()):
        if page.sections.topLevelItem(row).text(page.COL_NAME).startswith(start):
            return row
    raise AssertionError(start)


def test_completion_against_time_per_section(entered: AppContext) -> None:
    data = entered.service.period_data(entered.service.parse_period(PERIOD))
    everything, *sections = section_progress(data)
    two = next(s for s in sections if s.section_id == "2")
    assert two.time_percent == Decimal(50)
    # (60 + 10 + 0) / 3; 2.1.3 has no district target and is left out, and said so.
    assert two.completion == Decimal("23.3")
    assert (two.measured, two.unmeasured) == (3, 1)
    assert two.gap == Decimal("26.7")
    assert everything.measured == 3 and everything.completion == Decimal("23.3")
    one = next(s for s in sections if s.section_id == "1")
    assert one.completion is None and one.gap is None  # a section of tasks without numbers
    assert sum(everything.statuses.values()) == len(data.plan.items())


def test_the_page_shows_the_numbers_in_words_and_bars(qtbot, window: MainWindow) -> None:
    page = overview_of(window)
    row = page.sections.topLevelItem(row_named(page, "二、"))
    assert row.text(page.COL_DONE) == "23.3%"
    assert row.text(page.COL_TIME) == "50%"
    assert row.text(page.COL_COMPARE) == "落后 26.7 个百分点"
    assert "滞后 1" in row.text(page.COL_ITEMS)
    words = row.data(page.COL_BAR, Qt.ItemDataRole.AccessibleTextRole)
    assert "23.3%" in words and "50%" in words and "尚无本区县目标" in words
    assert row.data(page.COL_BAR, BarRole) == (Decimal("23.3"), Decimal(50))
    first = page.sections.topLevelItem(0)
    assert first.text(page.COL_NAME) == "全部工作任务"
    assert row_named(page, "一、") > 0
    assert page.sections.topLevelItem(row_named(page, "一、")).text(page.COL_COMPARE) == (
        "无可计算的指标"
    )

    # The bar: filled to 23.3 % of its width, the time line at half of it.
    page.sections.setCurrentItem(first)  # row 二 unselected: drawn in the palette's colours
    page.sections.scrollToItem(row)
    rect = page.sections.visualItemRect(row)
    left = page.sections.header().sectionPosition(page.COL_BAR)
    width = page.sections.header().sectionSize(page.COL_BAR)
    image = page.sections.viewport().grab().toImage()
    fill = page.palette().color(QPalette.ColorRole.Highlight)
    y = rect.center().y() - 1
    filled = [x for x in range(left, left + width) if QColor(image.pixel(QPoint(x, y))) == fill]
    assert filled, "no bar painted"
    share = len(filled) / width
    assert 0.15 < share < 0.3, share


def test_behind_lists_the_late_item_and_the_late_indicator(qtbot, window: MainWindow) -> None:
    page = overview_of(window)
    targets = page.behind.targets()
    assert ("item", "2.1", "problems") in targets
    assert ("indicator", "2.1.2", "value") in targets
    assert ("indicator", "2.1.1", "value") not in targets  # ahead of time
    texts = [page.behind.topLevelItem(i).text(1) for i in range(page.behind.topLevelItemCount())]
    assert "完成率 10%，时间进度 50%" in texts
    assert "状态为滞后；须写明存在问题和下步打算" in texts

    # Enter on the late task goes to its 存在问题, in the entry page.
    page.behind.setFocus()
    page.behind.setCurrentItem(page.behind.topLevelItem(targets.index(("item", "2.1", "problems"))))
    qtbot.keyClick(page.behind, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.entry_page
    assert window._item_id == "2.1"
    assert window.narratives["problems"].hasFocus()


def test_a_check_leads_to_the_cell_that_settles_it(qtbot, window: MainWindow) -> None:
    page = overview_of(window)
    checks = page.checks.checks
    assert checks == window.service.checks(window.service.parse_period(PERIOD))
    assert page.checks.topLevelItemCount() == len(checks)
    missing = next(i for i, c in enumerate(checks) if c.target_id == "4.3.8")
    assert checks[missing].code == "value_missing"
    assert page.checks.topLevelItem(missing).text(0) == "必须处理"
    summary = page.checks_summary.text()
    assert f"必须处理 {sum(1 for c in checks if c.severity.value == 'blocking')} 项" in summary

    page.checks.activate_row(missing)
    assert window.pages.currentWidget() is window.entry_page
    assert window.model.section == "4"
    current = window.grid.currentIndex()
    assert window.model.indicator_at(current.row()).indicator.id == "4.3.8"
    assert current.column() == COL_VALUE
    assert window.grid.hasFocus()

    # A value behind time is settled by explaining it: the note cell.
    window.show_page("overview")
    behind = next(i for i, c in enumerate(page.checks.checks) if c.code == "behind_schedule")
    page.checks.activate_row(behind)
    current = window.grid.currentIndex()
    assert window.model.indicator_at(current.row()).indicator.id == "2.1.2"
    assert current.column() == COL_NOTE

    # An item without 进展情况: its narrative editor.
    window.show_page("overview")
    no_progress = next(
        i
        for i, c in enumerate(page.checks.checks)
        if c.code == "item_progress_missing" and c.target_id == "3.3"
    )
    page.checks.activate_row(no_progress)
    assert window._item_id == "3.3"
    assert window.model.section == "3"
    assert window.narratives["progress"].hasFocus()


def test_explaining_clears_the_check_when_the_page_is_shown_again(
    qtbot, window: MainWindow
) -> None:
    page = overview_of(window)
    assert any(c.code == "behind_schedule" and not c.explained for c in page.checks.checks)
    window.show_page("entry")
    window.model.setData(window.model.index(window.model.row_of("2.1.2"), COL_NOTE), "资金晚到")
    window.show_page("overview")
    behind = next(c for c in page.checks.checks if c.code == "behind_schedule")
    assert behind.explained
    row = page.checks.checks.index(behind)
    assert page.checks.topLevelItem(row).text(2) == "已说明"


def test_the_return_state_and_its_history(
    qtbot, window: MainWindow, dialogs: RecordingDialogs
) -> None:
    page = overview_of(window)
    assert page.state.text().startswith("报表状态：草稿（第 1 版）")
    assert "须先处理" in page.hint.text()
    service = window.service
    period = service.parse_period(PERIOD)
    return_flow.submit(service, period)
    return_flow.send_back(service, period, "2.1 的存在问题没写")
    window.reload()
    assert "审核人退回意见：2.1 的存在问题没写" in page.state.text()
    # Switching period while the page is shown follows at once.
    window.select_period("2018Q3")
    assert page.title.text().startswith("2018年第三季度")
    assert "退回意见" not in page.state.text()


def test_a_hidden_page_reads_nothing_until_shown(qtbot, window: MainWindow) -> None:
    page = window.return_features.overview
    assert not page.isVisible()
    window.select_period("2018Q3")
    assert page.dirty and page.period_id == "2018Q3"
    overview_of(window)
    assert not page.dirty and page.data is not None and page.data.period.id == "2018Q3"


def test_the_page_and_the_report_menu_follow_the_language(qtbot, qapp, window: MainWindow) -> None:
    from ui.app_context import Translations

    page = overview_of(window)
    translations = Translations(qapp)
    window.context.translations = translations
    try:
        translations.install("en")
        qtbot.waitUntil(lambda: window.menus["report"].title() == "&Reports")
        actions = window.return_features.actions.actions
        assert actions["export_draft"].text() == "&Export draft…"
        assert actions["sign"].text() == "&Sign…"
        assert window.page_actions["overview"].text() == "&Overview"
        assert window.menus["plan"].title() == "&Plan"
        assert page.sections.headerItem().text(page.COL_TIME) == "Time elapsed"
        row = page.sections.topLevelItem(row_named(page, "二、"))
        assert row.text(page.COL_COMPARE) == "26.7 points behind"
        assert page.checks.topLevelItem(0).text(0) == "Must fix"
        translations.install("zh_CN")
        qtbot.waitUntil(lambda: window.menus["report"].title() == "报表(&R)")
        assert actions["export_draft"].text() == "导出草稿(&E)…"
        assert row_named(page, "二、") > 0
    finally:
        translations.uninstall()

"""计划 menu: switching year, and a newer bundled plan offered but never applied silently."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from models.plan import parse_plan
from models.resources import resources_dir
from tests.ui.conftest import RecordingDialogs, fresh_service, stored_value
from ui.app_context import AppContext
from ui.main_window import MainWindow
from ui.plan_switcher import DECLINED_KEY, PlanSwitcher

BUNDLED = resources_dir() / "plans" / "cq-2018.json"


def plan_2019() -> dict[str, object]:
    """The 2018 catalogue as next year's plan, as the city would issue it."""
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    data.update(
        id="cq-2019", year=2019, title="2019年全市残疾人工作要点", issued="2019-01-20", version=1
    )
    return data


def open_window(qtbot, context: AppContext) -> MainWindow:
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def switcher(win: MainWindow) -> PlanSwitcher:
    return win.return_features.plans


def plan_texts(win: MainWindow) -> dict[str, tuple[str, bool]]:
    return {pid: (a.text(), a.isChecked()) for pid, a in switcher(win).plan_actions.items()}


def test_switching_to_next_years_plan_and_back(
    qtbot, context: AppContext, dialogs: RecordingDialogs
) -> None:
    context.service.install_plan(parse_plan(plan_2019(), "test"), "file")
    context.service.set_entry("2018Q1", "2.1.1", "321")
    win = open_window(qtbot, context)
    assert win.menus["plan"].title() == "计划(&P)"
    texts = plan_texts(win)
    assert texts["cq-2018"] == ("&1 2018年《2018年全市残疾人工作要点》（第 1 版）", True)
    assert texts["cq-2019"][0].startswith("&2 2019年") and not texts["cq-2019"][1]

    # "No" keeps everything as it was.
    dialogs.answers["question"] = [False, True, True]
    switcher(win).plan_actions["cq-2019"].trigger()
    assert "2019年全市残疾人工作要点" in dialogs.texts("question")[-1]
    assert switcher(win).successor is None
    assert plan_texts(win)["cq-2018"][1] and not plan_texts(win)["cq-2019"][1]
    assert context.service.office().plan_id == "cq-2018"

    switcher(win).plan_actions["cq-2019"].trigger()
    new = switcher(win).successor
    assert new is not None
    qtbot.addWidget(new)
    assert not win.isVisible() and new.isVisible()
    assert new.plan.id == "cq-2019" and new.plan.year == 2019
    assert new.period_combo.itemText(0) == "2019年第一季度"
    assert plan_texts(new)["cq-2019"][1]
    service = fresh_service(context.data_dir)
    try:
        assert service.office().plan_id == "cq-2019"
    finally:
        service.store.close()

    # Back to 2018: what was entered there is still there.
    switcher(new).plan_actions["cq-2018"].trigger()
    back = switcher(new).successor
    assert back is not None
    qtbot.addWidget(back)
    assert back.plan.id == "cq-2018"
    back.select_period("2018Q1")
    back.select_item("2.1")
    assert back.model.index(back.model.row_of("2.1.1"), 4).data() == "321"
    assert stored_value(context.data_dir, "2018Q1", "2.1.1") == "321"


@pytest.fixture
def newer_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program's resources with version 2 of the 2018 plan beside version 1."""
    folder = tmp_path / "resources"
    folder.mkdir()
    for entry in resources_dir().iterdir():
        if entry.name != "plans":
            (folder / entry.name).symlink_to(entry)
    (folder / "plans").mkdir()
    shutil.copy(BUNDLED, folder / "plans" / BUNDLED.name)
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    data["version"] = 2
    (folder / "plans" / "cq-2018-v2.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    monkeypatch.setenv("JINDU_RESOURCES", str(folder))
    return folder


def test_a_newer_bundled_version_is_offered_and_installed_only_on_yes(
    qtbot, context: AppContext, dialogs: RecordingDialogs, newer_bundled: Path
) -> None:
    assert [p.version for p in context.service.newer_bundled_plans()] == [2]
    win = open_window(qtbot, context)
    # Offered once the window is up; "no" (the default answer) changes nothing.
    qtbot.waitUntil(lambda: bool(dialogs.texts("question")))
    assert "第 2 版（已安装第 1 版）" in dialogs.texts("question")[0]
    assert context.service.installed_plans()[0][1] == 1
    assert win.plan.version == 1
    assert context.settings.qsettings.value(DECLINED_KEY) == "cq-2018/v2"

    # The next start does not ask again about the version declined.
    again = open_window(qtbot, context)
    qtbot.wait(50)
    assert len(dialogs.texts("question")) == 1

    # From the menu, "yes" installs it, and the window follows.
    dialogs.answers["question"] = True
    switcher(again).updates.trigger()
    assert len(dialogs.texts("question")) == 2
    new = switcher(again).successor
    assert new is not None
    qtbot.addWidget(new)
    assert new.plan.version == 2
    assert context.service.installed_plans()[0][1] == 2
    assert plan_texts(new)["cq-2018"][0].endswith("（第 2 版）")
    # Up to date: the menu says so.
    switcher(new).updates.trigger()
    assert dialogs.texts("information")[-1] == "已安装的计划都是最新版本。"


def test_no_question_when_every_plan_is_current(
    qtbot, context: AppContext, dialogs: RecordingDialogs
) -> None:
    assert context.service.newer_bundled_plans() == []
    win = open_window(qtbot, context)
    qtbot.wait(50)
    assert not dialogs.texts("question")
    assert [a.text() for a in win.menus["plan"].actions() if not a.isSeparator()][-1] == (
        "检查计划的新版本(&N)…"
    )
    assert list(switcher(win).plan_actions) == ["cq-2018"]

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
from ui.entry_model import COL_TARGET
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


# ----- the city's plan packages -------------------------------------------------------------------


@pytest.fixture(scope="module")
def city_packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The 2018 plan package as the city signs it, and one signed with another city key."""
    from app.city.office import open_city, setup_city
    from app.city.plan_package import export_package
    from tests.app.test_city_consolidate import PASSPHRASE, allocate

    base = tmp_path_factory.mktemp("city-packages")
    made = []
    for name, target in (("city", "600"), ("new-key", "650")):
        city = open_city(base / name, auto_backup=False)
        setup_city(city, "重庆市残疾人联合会", PASSPHRASE)
        allocate(city, "2.1.1", "500103", target)
        made.append(export_package(city, base / name, PASSPHRASE))
        city.store.close()
    return made[0], made[1]


def test_a_city_plan_package_is_imported_from_the_plan_menu(
    qtbot, context: AppContext, dialogs: RecordingDialogs, city_packages: tuple[Path, Path]
) -> None:
    package, new_key = city_packages
    win = open_window(qtbot, context)
    action = win.actions_registry["plan_import"]
    assert action.text() == "导入市残联计划包(&I)…" and not action.shortcut().isEmpty()

    dialogs.answers["open_file"] = [str(package)]
    successor = switcher(win).import_package()
    assert successor is not None and successor is not win
    qtbot.addWidget(successor)
    shown = dialogs.texts("information")[-1]
    assert "首次导入" in shown and "全年目标 1 项" in shown
    # the allocated target is installed, locked, and the rebuilt window shows it
    assert context.service.targets()["2.1.1"] == (600, "allocated")
    successor.select_item("2.1")
    row = successor.model.row_of("2.1.1")
    assert successor.model.index(row, COL_TARGET).data() == "600"

    # A package signed with another key: the clerk is asked for the fingerprint checked by
    # phone; cancelling changes nothing.
    dialogs.answers["open_file"] = [str(new_key), str(new_key)]
    dialogs.answers["ask_text"] = [None]
    assert switcher(successor).import_package() is None
    asked = [a for a in dialogs.asked if a.kind == "ask_text"][-1]
    assert "本机登记的指纹" in asked.text and "计划包的指纹" in asked.text
    assert context.service.targets()["2.1.1"][0] == 600

    from app.city.plan_package import read_plan_package
    from app.fingerprints import group_fingerprint

    dialogs.answers["ask_text"] = [group_fingerprint(read_plan_package(new_key).fingerprint)]
    third = switcher(successor).import_package()
    assert third is not None
    qtbot.addWidget(third)
    assert "已更换市残联签名证书" in dialogs.texts("information")[-1]
    assert context.service.targets()["2.1.1"][0] == 650


def test_a_refused_plan_package_is_explained_and_changes_nothing(
    qtbot, context: AppContext, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    win = open_window(qtbot, context)
    bad = tmp_path / "plan_cq-2018_v1.zip"
    bad.write_bytes(b"not a zip at all")
    dialogs.answers["open_file"] = [str(bad)]
    assert switcher(win).import_package() is None
    assert dialogs.asked[-1].kind == "warning" and "plan_cq-2018_v1.zip" in dialogs.asked[-1].text
    assert context.service.targets() == {}


def test_switching_plan_with_work_the_disk_refused_asks_first(
    qtbot, context: AppContext, dialogs: RecordingDialogs
) -> None:
    """The window is rebuilt on the other plan: what the store could not keep is lost
    only if the clerk agrees, asked once, before the plan changes."""
    context.service.install_plan(parse_plan(plan_2019(), "test"), "file")
    win = open_window(qtbot, context)
    win.select_period("2018Q2")
    win.select_item("2.1")
    context.service.store.db.execute("PRAGMA query_only = ON")  # a write-protected file
    win.model.setData(win.model.index(win.model.row_of("2.1.1"), 4), "120")
    context.service.store.db.execute("PRAGMA query_only = OFF")
    assert win.unsaved_work() != []

    dialogs.answers["question"] = [False]  # keep the unsaved number: no switch
    switcher(win).plan_actions["cq-2019"].trigger()
    assert switcher(win).successor is None and win.isVisible()
    assert context.service.office().plan_id == "cq-2018"
    assert plan_texts(win)["cq-2018"][1]
    assert "120" in dialogs.texts("question")[-1]

    dialogs.answers["question"] = [True, True]  # lose it, then yes to the switch
    asked = len(dialogs.asked)
    switcher(win).plan_actions["cq-2019"].trigger()
    new = switcher(win).successor
    assert new is not None
    qtbot.addWidget(new)
    assert not win.isVisible() and new.plan.id == "cq-2019"
    assert (
        len(dialogs.texts("question"))
        == len([a for a in dialogs.asked[:asked] if a.kind == "question"]) + 2
    )  # not asked a third time when the old window closes

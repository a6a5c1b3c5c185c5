"""The city window as the city statistician uses it, on real signed packages.

Three district offices (渝中区, 万州区, 大渡口区) sign their 2018Q1 returns once per
module; a fourth file is 万州区's package with one number changed. Each test copies
a fresh city folder, drops the inbox folder onto the window (a real QDropEvent),
and reads the results back from the window's models and the store.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from app import keys
from app.city.office import open_city
from models.numbers import format_decimal
from tests.app.helpers import jindu, setup_office
from tests.app.signing_fixtures import fill_period, passphrase_file
from tests.app.test_city_consolidate import add_return, allocate
from tests.app.test_city_end_to_end import fill_allocation, tamper
from tests.ui.conftest import RecordingDialogs, SyncThreadPool, close
from ui.app_context import AppContext, Translations, UiSettings
from ui.city_cert_dialog import RegisterCertDialog
from ui.city_models import (
    BehindItemsModel,
    CertModel,
    CompletenessModel,
    ImportResultModel,
    StateRole,
    SummaryModel,
)
from ui.city_setup_dialog import CitySetupDialog
from ui.city_window import CityWindow
from ui.main import start
from ui.progress_dialog import ProgressDialog

CITY_NAME = "重庆市残疾人联合会"
DISTRICTS = {"500103": "渝中区", "500101": "万州区", "500104": "大渡口区"}
PASSPHRASE = "correct horse 电池"  # the one signing_fixtures.passphrase_file writes
TODAY = date(2018, 5, 2)  # after 2018Q1's due day (04-10), before 2018Q2's (07-10)


@dataclass(frozen=True)
class Season:
    city: Path  # a city folder set up, nothing received
    received: Path  # the same after `jindu city import` of the inbox
    inbox: Path  # the three good packages, and tampered/500101_2018Q1_r1.zip
    offices: dict[str, Path]
    entered: dict[str, dict[str, object]]  # district -> indicator -> value, as `entry list` says


@pytest.fixture(scope="module")
def season(tmp_path_factory: pytest.TempPathFactory) -> Season:
    base = tmp_path_factory.mktemp("city-season")
    pw = passphrase_file(base)
    inbox = base / "inbox"
    inbox.mkdir()
    offices: dict[str, Path] = {}
    entered: dict[str, dict[str, object]] = {}
    for n, code in enumerate(DISTRICTS):
        office = base / f"office-{code}"
        assert setup_office(office, code).code == 0
        fill_period(office, "2018Q1", scale=n + 1)
        out = base / f"out-{code}"
        signed = jindu(
            office, "return", "sign", "--period", "2018Q1", "--out", str(out),
            "--passphrase-file", str(pw),
        )  # fmt: skip
        assert signed.code == 0, signed.err
        shutil.copy(out / f"{code}_2018Q1_r1.zip", inbox)
        listed = jindu(office, "entry", "list", "--period", "2018Q1", "--json")
        entered[code] = {e["indicator"]: e["value"] for e in json.loads(listed.out)["entries"]}
        offices[code] = office
    tamper(inbox / "500101_2018Q1_r1.zip", inbox / "tampered" / "500101_2018Q1_r1.zip")
    city = base / "city"
    made = jindu(city, "city", "setup", "--name", CITY_NAME, "--passphrase-file", str(pw))
    assert made.code == 0, made.err
    received = Path(shutil.copytree(city, base / "received"))
    assert jindu(received, "city", "import", str(inbox)).code == 1  # the tampered one is refused
    return Season(city, received, inbox, offices, entered)


@dataclass
class CityDialogs(RecordingDialogs):
    """The dialogs the city window asks, answered from `answers` like the others."""

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> list[Path]:
        answer = self._record("open_files", title, str(folder))
        return [Path(str(p)) for p in answer] if isinstance(answer, list) else []

    def ask_passphrase(self, parent: QWidget | None, title: str, label: str) -> str | None:
        answer = self._record("ask_passphrase", title, label)
        return str(answer) if answer else None

    def open_folder(self, folder: Path) -> None:
        self._record("open_folder", "", str(folder))


@pytest.fixture
def city_dir(season: Season, tmp_path: Path) -> Path:
    return Path(shutil.copytree(season.city, tmp_path / "city"))


@pytest.fixture
def city_dialogs() -> CityDialogs:
    return CityDialogs()


def city_context(data_dir: Path, dialogs: CityDialogs) -> AppContext:
    return AppContext(
        data_dir=data_dir,
        service=open_city(data_dir, auto_backup=False).plans,
        pool=SyncThreadPool(),
        dialogs=dialogs,
        settings=UiSettings(data_dir / "jindu-ui.ini"),
    )


def open_window(qtbot, data_dir: Path, dialogs: CityDialogs) -> Iterator[CityWindow]:
    context = city_context(data_dir, dialogs)
    win = CityWindow(context, today=lambda: TODAY, period="2018Q1")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    context.service.store.close()


@pytest.fixture
def window(qtbot, city_dir: Path, city_dialogs: CityDialogs) -> Iterator[CityWindow]:
    """The window on a city folder that has received nothing yet."""
    yield from open_window(qtbot, city_dir, city_dialogs)


@pytest.fixture
def received_window(
    qtbot, season: Season, tmp_path: Path, city_dialogs: CityDialogs
) -> Iterator[CityWindow]:
    """The window on a city folder that has received the three districts' returns."""
    folder = Path(shutil.copytree(season.received, tmp_path / "received"))
    yield from open_window(qtbot, folder, city_dialogs)


def drop(window: CityWindow, *paths: Path) -> None:
    """Drag the paths from a file manager and let go over the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, event)


def outcomes(window: CityWindow) -> dict[str, tuple[str, str]]:
    """Per file (folder/name): the outcome in words and the reasons and notes."""
    model = window.receive_page.model
    found = {}
    for row in range(model.rowCount()):
        result = model.row_object(row)
        key = f"{result.path.parent.name}/{result.path.name}"
        found[key] = (
            model.index(row, ImportResultModel.COL_OUTCOME).data(),
            model.index(row, ImportResultModel.COL_DETAILS).data(),
        )
    return found


def received_rows(city: Path) -> list[tuple[str, str, int]]:
    service = open_city(city, auto_backup=False)
    try:
        return [
            tuple(r)
            for r in service.store.db.execute(
                "SELECT district, period, revision FROM received ORDER BY district"
            )
        ]
    finally:
        service.store.close()


# ----- receiving ------------------------------------------------------------------------------


def test_dropping_the_inbox_accepts_the_signed_packages_and_refuses_the_tampered_one(
    window: CityWindow, season: Season
) -> None:
    with_results: list[object] = []
    window.importFinished.connect(with_results.append)
    drop(window, season.inbox)

    assert with_results, "the import did not finish"
    assert window.current_page() == "receive"
    found = outcomes(window)
    assert set(found) == {
        "inbox/500101_2018Q1_r1.zip",
        "inbox/500103_2018Q1_r1.zip",
        "inbox/500104_2018Q1_r1.zip",
        "tampered/500101_2018Q1_r1.zip",
    }
    for code in DISTRICTS:
        outcome, details = found[f"inbox/{code}_2018Q1_r1.zip"]
        assert outcome == "接收"
        assert f"首次接收{DISTRICTS[code]}的上报包" in details  # pinned, and the import says so
    outcome, details = found["tampered/500101_2018Q1_r1.zip"]
    assert outcome == "拒收"
    assert "原因：" in details and "SHA-256 不符" in details
    # An icon beside the words, and the state for anything that wants it.
    model = window.receive_page.model
    for row in range(model.rowCount()):
        index = model.index(row, ImportResultModel.COL_OUTCOME)
        assert index.data(Qt.ItemDataRole.DecorationRole) is not None
        assert index.data(StateRole) in ("accepted", "refused")
    page = window.receive_page
    assert page.counts.text() == "共 4 个上报包：接收 3 个，此前已接收 0 个，拒收 1 个。"
    assert page.bar.value() == page.bar.maximum() == 4
    assert not page.cancel.isVisible()
    # The refused package is selected and its reasons are in the details pane.
    assert page.selected() is not None and page.selected().outcome == "refused"
    assert "SHA-256 不符" in page.details.toPlainText()
    assert [r[0] for r in received_rows(window.context.data_dir)] == ["500101", "500103", "500104"]
    # The other pages follow: the three districts in the summary and the matrix, and their
    # certificates pinned, waiting to be checked by phone.
    assert [d.code for d in window.summary_page.model.columns] == ["500101", "500103", "500104"]
    assert window.completeness_page.model.result.counts()["late"] == 3
    certs = window.districts_page.model
    assert certs.rowCount() == 3
    assert {certs.index(r, CertModel.COL_SOURCE).data() for r in range(3)} == {
        "首次接收时自动登记（待核对）"
    }
    assert window.districts_page.note.isVisibleTo(window.districts_page)


def test_importing_the_same_packages_again_changes_nothing(
    window: CityWindow, season: Season, city_dialogs: CityDialogs
) -> None:
    # 选择文件夹…, then 选择上报包… with the same files.
    city_dialogs.answers = {
        "choose_folder": [str(season.inbox)],
        "open_files": [[str(season.inbox / f"{c}_2018Q1_r1.zip") for c in DISTRICTS]],
    }
    window.receive_page.choose_folder.click()
    assert window.receive_page.model.counts() == {"accepted": 3, "duplicate": 0, "refused": 1}
    before = received_rows(window.context.data_dir)
    window.receive_page.choose_files.click()
    found = outcomes(window)
    assert [found[f"inbox/{c}_2018Q1_r1.zip"][0] for c in DISTRICTS] == ["此前已接收"] * 3
    assert window.receive_page.model.rowCount() == 3
    assert received_rows(window.context.data_dir) == before


def test_cancelling_stops_after_the_package_in_hand(window: CityWindow, season: Season) -> None:
    # The user presses 取消导入 as the first package is being verified.
    shown = window._import_progress

    def progress_then_cancel(done: int, step: str) -> None:
        shown(done, step)
        if done == 0:
            assert window.receive_page.cancel.isVisible()
            window.receive_page.cancel.click()

    window._import_progress = progress_then_cancel  # type: ignore[method-assign]
    assert window.import_packages([season.inbox])
    assert window.receive_page.model.rowCount() == 1
    assert window.receive_page.step.text() == "导入已取消。"
    assert "已取消：其余 3 个未导入" in window.receive_page.counts.text()
    assert len(received_rows(window.context.data_dir)) == 1
    assert window.import_job is None and window.receive_page.choose_files.isEnabled()


def test_a_place_without_packages_is_said_so(
    window: CityWindow, tmp_path: Path, city_dialogs: CityDialogs
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not window.import_packages([empty])
    assert "没有上报包" in city_dialogs.asked[-1].title
    assert not window.import_packages([tmp_path / "nowhere"])
    assert "不存在" in city_dialogs.asked[-1].text


# ----- completeness and summary -----------------------------------------------------------------


def test_the_completeness_matrix_tells_each_state_in_words(received_window: CityWindow) -> None:
    window = received_window
    # 渝北区 signed on time (its return recorded as `city import` records one).
    service = open_city(window.context.data_dir, auto_backup=False)
    try:
        add_return(service, "500112", "2018Q1", signed_at="2018-04-09T16:00:00+08:00")
    finally:
        service.store.close()
    window.refresh()
    model = window.completeness_page.model
    rows = {model.row_object(r).code: r for r in range(model.rowCount())}
    q1, q2 = model.column_of("2018Q1"), model.column_of("2018Q2")
    assert model.index(rows["500112"], q1).data() == "按时 第 1 版"
    # The packages were signed today, long after 2018Q1's due day.
    assert model.index(rows["500103"], q1).data() == "逾期 第 1 版"
    assert model.index(rows["500102"], q1).data() == "未报"  # 涪陵区: nothing received
    assert model.index(rows["500102"], q2).data() == "未到期"
    assert model.index(rows["500102"], q1).data(StateRole) == "missing"
    described = model.index(rows["500112"], q1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "渝北区" in described and "按时" in described and "2018-04-10" in described
    heading = window.completeness_page.heading.text()
    assert "按时 1 个" in heading and "逾期 3 个" in heading and "未报 37 个" in heading


def test_the_summary_totals_are_the_sums_of_what_the_districts_entered(
    received_window: CityWindow, season: Season
) -> None:
    window = received_window
    service = open_city(window.context.data_dir, auto_backup=False)
    try:
        allocate(service, "2.1.1", "500103", "100000")  # far behind: 1234 of 100000 at 25 %
        allocate(service, "2.1.1", "500101", "3000")
    finally:
        service.store.close()
    window.refresh()
    model = window.summary_page.model
    rows = {model.row_object(r).indicator.id: r for r in range(model.rowCount())}
    for indicator in ("2.1.1", "2.1.2", "3.3.2", "3.5.1"):
        values = [season.entered[c][indicator] for c in DISTRICTS]
        total = sum(Decimal(str(v)) for v in values)
        assert model.index(rows[indicator], SummaryModel.COL_TOTAL).data() == format_decimal(total)
        for code in DISTRICTS:
            text = model.index(rows[indicator], model.column_of(code)).data()
            assert text.split(" ")[0] == format_decimal(
                Decimal(str(season.entered[code][indicator]))
            )
    row = rows["2.1.1"]
    assert model.index(row, SummaryModel.COL_TARGET).data() == "2000"
    assert model.index(row, SummaryModel.COL_REPORTED).data().startswith("3/")
    behind = model.index(row, model.column_of("500103"))
    assert behind.data() == "1234 / 1.2% ▼滞后"  # behind schedule, in words
    assert behind.data(StateRole) == "behind"
    assert "渝中区" in model.index(row, SummaryModel.COL_BEHIND).data()
    on_time = model.index(row, model.column_of("500101")).data()
    assert on_time == "2468 / 82.3%"
    assert "滞后" not in on_time
    assert window.summary_page.heading.text().startswith("2018年第一季度：已报区县 3 个")


def test_the_charts_draw_and_read_out_their_values(received_window: CityWindow) -> None:
    window = received_window
    window.show_page("charts")
    charts = window.charts_page
    for chart in (charts.by_section, charts.by_district):
        image = chart.grab().toImage()
        assert not image.isNull() and image.height() >= chart.sizeHint().height() - 1
    described = charts.by_district.accessibleDescription()
    assert "渝中区" in described and "涪陵区 未报" in described
    assert len(charts.by_section.rows) == len(window.plan.sections)


# ----- registering districts --------------------------------------------------------------------


def test_registering_a_certificate_shows_its_fingerprint_and_replacing_one_asks(
    qtbot, window: CityWindow, season: Season, tmp_path: Path, city_dialogs: CityDialogs
) -> None:
    cert = tmp_path / "wanzhou.pem"
    assert jindu(season.offices["500101"], "key", "export-cert", str(cert)).code == 0
    assert window.register_certificate("500101", cert)
    said = city_dialogs.asked[-1]
    assert said.kind == "information" and "已登记 万州区 的证书" in said.text
    model = window.districts_page.model
    assert model.rowCount() == 1
    fingerprint = model.index(0, CertModel.COL_FINGERPRINT).data()
    assert fingerprint in said.text and len(fingerprint.split(" ")) == 16
    assert model.index(0, CertModel.COL_SOURCE).data() == "市残联登记"
    assert window.current_page() == "districts"

    # Another office's certificate under 万州区 is refused, with the reason.
    other = tmp_path / "yuzhong.pem"
    assert jindu(season.offices["500103"], "key", "export-cert", str(other)).code == 0
    assert not window.register_certificate("500101", other)
    assert city_dialogs.asked[-1].kind == "error" and "渝中区" in city_dialogs.asked[-1].text

    # 万州区 makes a new key: registering its certificate replaces the old one only if confirmed.
    office = Path(shutil.copytree(season.offices["500101"], tmp_path / "wanzhou-new"))
    pw = passphrase_file(tmp_path)
    assert jindu(office, "key", "new", "--passphrase-file", str(pw)).code == 0
    new_cert = tmp_path / "wanzhou-new.pem"
    assert jindu(office, "key", "export-cert", str(new_cert)).code == 0
    assert not window.register_certificate("500101", new_cert)  # the answer is No
    assert city_dialogs.asked[-1].kind == "question" and fingerprint in city_dialogs.asked[-1].text
    assert model.index(0, CertModel.COL_FINGERPRINT).data() == fingerprint
    city_dialogs.answers["question"] = True
    assert window.register_certificate("500101", new_cert)
    assert "取代原证书" in city_dialogs.asked[-1].text
    assert model.rowCount() == 1 and model.index(0, CertModel.COL_FINGERPRINT).data() != fingerprint

    # The dialog: a district chosen by typing its name, a file, OK.
    submitted: list[tuple[str, Path]] = []
    dialog = RegisterCertDialog(
        window.city.expected_districts(), lambda c, p: bool(submitted.append((c, p))) or True,
        lambda: cert, window,
    )  # fmt: skip
    dialog.district.select_code("500101")
    dialog.browse.click()
    dialog._ok()
    assert submitted == [("500101", cert)]

    # Typed as in the setup wizard: pinyin initials offer 万州区; a name nobody has is refused.
    dialog.district.setCurrentIndex(-1)
    qtbot.keyClicks(dialog.district.lineEdit(), "wzq")
    assert dialog.district.matches.stringList()[0] == "万州区（500101）"
    dialog.district.search.activated[str].emit("万州区（500101）")  # type: ignore[index]
    assert dialog.chosen_code() == "500101"
    dialog.district.setEditText("xyz")
    dialog._ok()
    assert submitted == [("500101", cert)]
    assert "xyz" in dialog.district_row.error.text()


# ----- exports ------------------------------------------------------------------------------------


def finished(dialog: object) -> ProgressDialog:
    assert isinstance(dialog, ProgressDialog)
    assert dialog.job is not None and dialog.job.outcome == "finished", dialog.details.toPlainText()
    return dialog


def test_every_export_writes_its_files(
    received_window: CityWindow, tmp_path: Path, city_dialogs: CityDialogs
) -> None:
    window = received_window
    out = tmp_path / "out"
    out.mkdir()
    city_dialogs.answers = {
        "choose_folder": [str(out)],
        "save_file": [
            str(out / "q1.json"),
            str(out / "q1.xml"),
            str(out / "任务分解表.xlsx"),
            str(out / "plan.zip"),
        ],
        "open_file": [str(out / "任务分解表.xlsx")],
        "ask_passphrase": PASSPHRASE,
    }
    finished(window.export_report())
    assert (out / "city_cq-2018_2018Q1.xlsx").stat().st_size > 0
    assert (out / "city_cq-2018_2018Q1.pdf").read_bytes().startswith(b"%PDF")
    finished(window.export_dhis2("dhis2-json"))
    values = json.loads((out / "q1.json").read_text(encoding="utf-8"))["dataValues"]
    assert {v["orgUnit"] for v in values} == set(DISTRICTS)
    assert all(v["period"] == "2018Q1" for v in values)
    assert (out / "q1.metadata.json").is_file()
    finished(window.export_dhis2("adx"))
    adx = (out / "q1.xml").read_text(encoding="utf-8")
    assert 'period="2018-01-01/P3M"' in adx and adx.count("<group ") == 3
    finished(window.export_allocation())
    assert (out / "任务分解表.xlsx").stat().st_size > 0
    fill_allocation(out / "任务分解表.xlsx")  # 2.1.1: 600 + 700 + 400 of the city's 2000
    dialog = finished(window.import_allocation())
    assert "提醒：2.1.1" in dialog.details.toPlainText()
    # The new targets are the districts' targets at once: 1234 of 600 for 渝中区.
    summary = window.summary_page.model
    row = next(
        r for r in range(summary.rowCount()) if summary.row_object(r).indicator.id == "2.1.1"
    )
    assert summary.index(row, summary.column_of("500103")).data() == "1234 / 205.7%"
    finished(window.export_plan())
    assert (out / "plan.zip").read_bytes().startswith(b"PK")
    written = [
        window.exports_page.written.item(i).text()
        for i in range(window.exports_page.written.count())
    ]
    assert str(out / "plan.zip") in written and str(out / "city_cq-2018_2018Q1.pdf") in written


def test_a_wrong_passphrase_fails_the_plan_package_with_the_reason(
    window: CityWindow, tmp_path: Path, city_dialogs: CityDialogs
) -> None:
    city_dialogs.answers = {"save_file": str(tmp_path / "plan.zip"), "ask_passphrase": "wrong one!"}
    dialog = window.export_plan()
    assert isinstance(dialog, ProgressDialog) and dialog.job is not None
    assert dialog.job.outcome == "failed"
    assert "口令" in dialog.details.toPlainText()
    assert not (tmp_path / "plan.zip").exists()


# ----- the models ----------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(
    qtmodeltester, window: CityWindow, season: Season
) -> None:
    empty = [
        ImportResultModel(),
        CertModel(),
        CompletenessModel(),
        SummaryModel(),
        BehindItemsModel(),
    ]
    for model in empty:
        qtmodeltester.check(model)
    drop(window, season.inbox)
    for model in (
        window.receive_page.model,
        window.districts_page.model,
        window.completeness_page.model,
        window.summary_page.model,
        window.summary_page.behind_model,
    ):
        assert model.rowCount() > 0 or isinstance(model, BehindItemsModel)
        qtmodeltester.check(model)


# ----- opening the window ---------------------------------------------------------------------


@pytest.mark.usefixtures("app_state")
def test_an_unfinished_city_folder_is_finished_in_the_setup_dialog(
    qtbot, qapp: QApplication, tmp_path: Path
) -> None:
    folder = tmp_path / "new-city"
    service = open_city(folder, auto_backup=False)
    with service.store.change():
        service.store.set_meta("mode", "city")  # as a setup interrupted before its key
    service.store.close()
    problems: list[BaseException] = []

    def fill_in() -> None:
        try:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, CitySetupDialog)
            assert dialog.name.text() == CITY_NAME
            dialog.first.setText(PASSPHRASE)
            dialog.second.setText(PASSPHRASE + "x")
            dialog.finish()
            assert dialog.isVisible() and "不一致" in dialog.second_row.error.text()
            dialog.second.setText(PASSPHRASE)
            dialog.finish()
        except BaseException as exc:  # reported after exec() returns
            problems.append(exc)
            QApplication.activeModalWidget().reject()

    QTimer.singleShot(0, fill_in)
    dialogs = CityDialogs()
    started = start(qapp, folder, dialogs)
    try:
        assert not problems, problems
        assert isinstance(started.window, CityWindow)
        qtbot.addWidget(started.window)
        assert keys.has_identity(folder)
        assert dialogs.asked[-1].title == "已生成市残联签名密钥"
        assert keys.load_info(folder).fingerprint_grouped in dialogs.asked[-1].text
    finally:
        close(started)


def test_switching_to_english_retranslates_the_city_window(
    qtbot, qapp: QApplication, window: CityWindow, season: Season
) -> None:
    drop(window, season.inbox)
    translations = Translations(qapp)
    window.context.translations = translations
    try:
        translations.install("en")
        qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")
        assert window.tabs.tabText(0) == "Receive (&1)"
        assert window.period_combo.currentText() == "Q1 2018"
        model = window.completeness_page.model
        row = next(r for r in range(model.rowCount()) if model.row_object(r).code == "500102")
        assert model.index(row, model.column_of("2018Q1")).data() == "Missing"
        assert model.headerData(1, Qt.Orientation.Horizontal) == "District"
        assert window.receive_page.model.index(0, 0).data() == "Accepted"
        assert window.receive_page.counts.text() != ""  # the summary stays until the next import

        translations.install("zh_CN")
        qtbot.waitUntil(lambda: window.menus["file"].title() == "文件(&F)")
        assert model.index(row, model.column_of("2018Q1")).data() == "未报"
    finally:
        translations.uninstall()


def test_the_pages_and_periods_follow_the_keyboard(qtbot, window: CityWindow) -> None:
    window.activateWindow()
    window.period_combo.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    for n, key in enumerate(
        ("receive", "districts", "completeness", "summary", "charts", "exports")
    ):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1.value + n), ctrl)
        assert window.current_page() == key
        assert window.actions_registry[f"page_{key}"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, ctrl)
    assert window.period.id == "2018Q2" and window.period_combo.currentData() == "2018Q2"
    assert window.completeness_page.model.result.period.id == "2018Q2"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, ctrl)
    assert window.period.id == "2018Q1"


def test_the_plan_editor_opens_from_the_file_menu(qtbot, window: CityWindow) -> None:
    from ui.plan_editor import PlanEditor

    action = window.actions_registry["plan_editor"]
    assert action.isVisible() and action.text() == "计划编辑器(&E)…"
    action.trigger()
    editors = [w for w in window.findChildren(PlanEditor)]
    assert len(editors) == 1
    qtbot.addWidget(editors[0])
    assert editors[0].isVisible()
    editors[0].close()

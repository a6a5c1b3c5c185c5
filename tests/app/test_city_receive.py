"""`city import` package by package: what is refused, with which reasons, and what is kept.

Packages are real: signed by a district office made once per session
(`tests.app.signing_fixtures`), copied and re-signed where a case needs it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import keys
from app.city.office import CityService, open_city, setup_city
from app.city.receive import import_packages
from app.signing.package import package_bytes, read_package
from tests.app.helpers import jindu
from tests.app.signing_fixtures import (
    Templates,
    copy_office,
    passphrase_file,
    signed_files,
    templates,
)
from tests.app.test_city_consolidate import PASSPHRASE


@pytest.fixture(scope="session")
def tpl(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return templates(tmp_path_factory)


@pytest.fixture
def city(tmp_path: Path) -> Iterator[CityService]:
    service = open_city(tmp_path / "city", auto_backup=False)
    setup_city(service, "重庆市残疾人联合会", PASSPHRASE)
    yield service
    service.store.close()


def q1(tpl: Templates) -> Path:
    return signed_files(tpl.q1_out)["zip"]


def q2(tpl: Templates) -> Path:
    return signed_files(tpl.q2_out, "2018Q2")["zip"]


class Recorder:
    """A progress sink that can cancel after a number of steps."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.cancelled = False
        self.total: int | None = None
        self.steps: list[str] = []
        self.finished = False
        self.cancel_after = cancel_after

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, step: str) -> None:
        self.steps.append(step)
        if self.cancel_after is not None and len(self.steps) >= self.cancel_after:
            self.cancelled = True

    def finish(self) -> None:
        self.finished = True


def audit_actions(city: CityService) -> list[str]:
    return [
        r[0]
        for r in city.store.db.execute(
            "SELECT action FROM audit WHERE entity = 'package' ORDER BY seq"
        )
    ]


def test_a_first_package_pins_its_district_and_is_recorded_with_its_file(
    city: CityService, tpl: Templates
) -> None:
    from models.backups import list_backups

    (result,) = import_packages(city, [q1(tpl)], workers=1)
    assert result.outcome == "accepted", result.reasons
    assert "before-import" in [b.reason for b in list_backups(city.store.backup_dir)]
    assert (result.district, result.period, result.revision) == ("500103", "2018Q1", 1)
    assert any("首次接收渝中区" in n for n in result.notes)
    assert (city.data_dir / "received" / "500103_2018Q1_r1.zip").read_bytes() == q1(
        tpl
    ).read_bytes()
    count = city.store.db.execute("SELECT COUNT(*) FROM received_entries").fetchone()[0]
    # every district indicator of 渝中区, the computed rate included
    assert count == len(city.plan().district_indicators("500103")) == 13
    assert audit_actions(city)[-1] == "receive"


def test_one_bad_package_never_stops_the_others(
    city: CityService, tpl: Templates, tmp_path: Path
) -> None:
    junk = tmp_path / "500101_2018Q1_r1.zip"
    junk.write_bytes(b"this is not a zip")
    pdf = signed_files(tpl.q1_out)["pdf"]
    results = import_packages(city, [junk, q1(tpl), pdf, q2(tpl)], workers=1)
    assert [r.outcome for r in results] == ["refused", "accepted", "refused", "accepted"]
    assert "不是上报包" in results[0].reasons[0]
    assert "PDF" in results[2].reasons[0]
    assert audit_actions(city).count("refuse") == 2


def test_a_different_package_claiming_a_held_revision_is_refused(
    city: CityService, tpl: Templates, tmp_path: Path
) -> None:
    # The same office, the same key, the same period and revision, but another number.
    other = copy_office(tpl.filled, tmp_path / "office")
    assert (
        jindu(
            other, "entry", "set", "--period", "2018Q1", "2.1.1", "1000", "--note", "另一个数"
        ).code
        == 0
    )
    pw = passphrase_file(tmp_path)
    out = tmp_path / "out"
    assert (
        jindu(
            other,
            "return",
            "sign",
            "--period",
            "2018Q1",
            "--out",
            str(out),
            "--passphrase-file",
            str(pw),
        ).code
        == 0
    )
    first, second = import_packages(city, [q1(tpl), out / "500103_2018Q1_r1.zip"], workers=1)
    assert first.outcome == "accepted"
    assert second.outcome == "refused"
    assert any("另一个上报包" in r and "拒绝覆盖" in r for r in second.reasons)
    held = city.store.db.execute(
        "SELECT value FROM received_entries WHERE indicator = '2.1.1'"
    ).fetchall()
    assert held == [("1234",)]


def test_an_older_revision_arriving_late_is_kept_but_does_not_count(
    city: CityService, tpl: Templates, tmp_path: Path
) -> None:
    office = copy_office(tpl.signed, tmp_path / "office")
    pw = passphrase_file(tmp_path)
    assert jindu(office, "return", "correct", "--period", "2018Q1", "--reason", "更正").code == 0
    assert jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "1300").code == 0
    out = tmp_path / "out"
    assert (
        jindu(
            office,
            "return",
            "sign",
            "--period",
            "2018Q1",
            "--out",
            str(out),
            "--passphrase-file",
            str(pw),
        ).code
        == 0
    )
    newer, older = import_packages(city, [out / "500103_2018Q1_r2.zip", q1(tpl)], workers=1)
    assert (newer.outcome, older.outcome) == ("accepted", "accepted")
    assert any("已有更新的第 2 版" in n for n in older.notes)
    rows = city.store.db.execute(
        "SELECT revision, superseded FROM received ORDER BY revision"
    ).fetchall()
    assert rows == [(1, 1), (2, 0)]


def test_a_package_of_another_plan_is_refused(tpl: Templates, tmp_path: Path) -> None:
    import json

    from models.plan import load_bundled_plans, parse_plan

    doc = next(p for p in load_bundled_plans() if p.id == "cq-2018").to_json()
    doc["id"] = "cq-2018-b"
    city = open_city(tmp_path / "city", auto_backup=False)
    try:
        setup_city(
            city, "重庆市残疾人联合会", PASSPHRASE, parse_plan(json.loads(json.dumps(doc)), "test")
        )
        (result,) = import_packages(city, [q1(tpl)], workers=1)
    finally:
        city.store.close()
    assert result.outcome == "refused"
    assert any("不是本机正在汇总的计划「cq-2018-b」" in r for r in result.reasons)


def test_a_package_from_a_district_not_in_the_division_list_is_refused(
    city: CityService, tpl: Templates, tmp_path: Path
) -> None:
    files = read_package(q1(tpl)).files
    key_pem, cert_pem = keys.make_identity("不存在的区", "509999", PASSPHRASE)
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(key_pem, PASSPHRASE.encode())
    data = package_bytes(
        files={n: files[n] for n in ("return.json", "return.xlsx", "return.pdf")},
        district="509999", plan="cq-2018", period="2018Q1", revision=1,
        created="2018-04-05T10:00:00+08:00", key=key,  # type: ignore[arg-type]
        cert=x509.load_pem_x509_certificate(cert_pem),
    )  # fmt: skip
    path = tmp_path / "509999_2018Q1_r1.zip"
    path.write_bytes(data)
    (result,) = import_packages(city, [path], workers=1)
    assert result.outcome == "refused"
    assert any("509999" in r and "区划代码表" in r for r in result.reasons)
    assert city.store.db.execute("SELECT COUNT(*) FROM district_certs").fetchone()[0] == 0


def test_parallel_verification_gives_the_same_results(
    city: CityService, tpl: Templates, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 broken")
    results = import_packages(city, [q1(tpl), junk, q2(tpl)], workers=2)
    assert [r.outcome for r in results] == ["accepted", "refused", "accepted"]


def test_progress_is_reported_and_a_cancel_stops_before_the_next_package(
    city: CityService, tpl: Templates
) -> None:
    progress = Recorder(cancel_after=1)
    results = import_packages(city, [q1(tpl), q2(tpl)], progress=progress, workers=1)
    assert progress.total == 2 and progress.finished
    assert len(results) == 1 and results[0].outcome == "accepted"
    assert city.store.db.execute("SELECT COUNT(*) FROM received").fetchone()[0] == 1


def test_cli_import_of_a_missing_path_imports_nothing_and_exits_2(
    tpl: Templates, tmp_path: Path
) -> None:
    city = tmp_path / "city"
    pw = passphrase_file(tmp_path)
    assert (
        jindu(
            city, "city", "setup", "--name", "重庆市残疾人联合会", "--passphrase-file", str(pw)
        ).code
        == 0
    )
    result = jindu(city, "city", "import", str(q1(tpl)), str(tmp_path / "missing"))
    assert result.code == 2 and "missing" in result.err
    conn = sqlite3.connect(city / "jindu.sqlite3")
    try:
        assert conn.execute("SELECT COUNT(*) FROM received").fetchone()[0] == 0
    finally:
        conn.close()
    folder = tmp_path / "inbox" / "渝中区"
    folder.mkdir(parents=True)
    shutil.copy(q1(tpl), folder)
    result = jindu(city, "city", "import", str(tmp_path / "inbox"))  # subfolders are searched
    assert result.code == 0 and result.out.startswith("接收")
    assert (
        jindu(city, "city", "import", str(tmp_path / "city" / "keys")).code == 2
    )  # no package there


def test_a_restore_registers_again_the_returns_received_after_the_backup(
    city: CityService, tpl: Templates
) -> None:
    folder = city.data_dir
    backup = city.store.backup("manual")  # taken before anything was received
    [result] = import_packages(city, [q1(tpl)], workers=1)
    assert result.outcome == "accepted"
    city.store.close()

    restored = jindu(folder, "restore", str(backup))
    assert restored.code == 0, restored.err
    assert "重新登记 1 个" in restored.err
    reopened = open_city(folder, auto_backup=False)
    try:
        rows = reopened.store.db.execute(
            "SELECT district, period, revision FROM received"
        ).fetchall()
        assert rows == [("500103", "2018Q1", 1)]
        entries = reopened.store.db.execute("SELECT COUNT(*) FROM received_entries").fetchone()[0]
        assert entries > 0
    finally:
        reopened.store.close()
    # a second restore of the same backup finds the same file and registers it once more
    again = jindu(folder, "restore", str(backup))
    assert again.code == 0 and "重新登记 1 个" in again.err

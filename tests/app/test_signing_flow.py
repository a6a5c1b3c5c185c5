"""A return's life on the command line: review, signing, locking, corrections, restore.

Each test works on its own copy of an office made once per session (see
signing_fixtures), with a real key and a complete 2018 return.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from app import return_flow
from app.office import open_office
from tests.app.helpers import db_fingerprint, jindu
from tests.app.signing_fixtures import (
    PASSPHRASE,
    Templates,
    copy_office,
    passphrase_file,
    templates,
)


@pytest.fixture(scope="session")
def tpl(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return templates(tmp_path_factory)


@pytest.fixture
def filled(tpl: Templates, tmp_path: Path) -> Path:
    return copy_office(tpl.filled, tmp_path / "office")


@pytest.fixture
def signed(tpl: Templates, tmp_path: Path) -> Path:
    return copy_office(tpl.signed, tmp_path / "office")


def sign(office: Path, period: str, out: Path) -> tuple[int, str, str]:
    pw = passphrase_file(office.parent)
    result = jindu(
        office,
        "return",
        "sign",
        "--period",
        period,
        "--out",
        str(out),
        "--passphrase-file",
        str(pw),
    )
    return result.code, result.out, result.err


def returns_rows(office: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(office / "jindu.sqlite3")
    try:
        return conn.execute(
            "SELECT period, revision, state, reason, comment, signer IS NOT NULL, package FROM returns"
            " ORDER BY period, revision"
        ).fetchall()
    finally:
        conn.close()


def audit_actions(office: Path) -> list[str]:
    conn = sqlite3.connect(office / "jindu.sqlite3")
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT action FROM audit WHERE entity IN ('return', 'package') ORDER BY seq"
            )
        ]
    finally:
        conn.close()


# ----- signing -------------------------------------------------------------------------------


def test_sign_writes_three_files_locks_the_period_and_archives_the_package(
    filled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, err = sign(filled, "2018Q1", out)
    assert code == 0, err
    names = [Path(line).name for line in stdout.splitlines()]
    assert names == ["500103_2018Q1_r1.xlsx", "500103_2018Q1_r1.pdf", "500103_2018Q1_r1.zip"]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no temporary files left
    archived = filled / "archive" / "500103_2018Q1_r1.zip"
    assert archived.read_bytes() == (out / "500103_2018Q1_r1.zip").read_bytes()
    assert returns_rows(filled) == [
        ("2018Q1", 1, "signed", "", "", 1, "archive/500103_2018Q1_r1.zip")
    ]
    assert audit_actions(filled) == ["sign"]
    assert "已签发并锁定" in err
    status = jindu(filled, "status")
    assert status.code == 0
    assert jindu(filled, "audit", "verify").code == 0


def test_a_signed_period_refuses_edits_and_points_to_correction(signed: Path) -> None:
    before = db_fingerprint(signed)
    for args in (
        ["entry", "set", "--period", "2018Q1", "2.1.1", "1300"],
        ["entry", "status", "--period", "2018Q1", "2.1", "done", "--progress", "改"],
    ):
        result = jindu(signed, *args)
        assert result.code == 1
        assert "已签发并锁定" in result.err
        assert "更正" in result.err and "jindu return correct --period 2018Q1" in result.err
    assert db_fingerprint(signed) == before
    again = sign(signed, "2018Q1", signed.parent / "again")
    assert again[0] == 1 and "已签发" in again[2]
    assert not (signed.parent / "again").exists()


def test_signing_with_an_open_blocking_check_is_refused_naming_it(
    filled: Path, tmp_path: Path
) -> None:
    assert jindu(filled, "entry", "set", "--period", "2018Q3", "2.1.1", "3000").code == 0
    before = db_fingerprint(filled)
    out = tmp_path / "out"
    code, stdout, err = sign(filled, "2018Q3", out)
    assert code == 1
    assert stdout == ""
    assert "还不能签发" in err
    assert "2.1.2" in err and "未填报" in err  # an indicator without a value
    assert "2.1 " in err and "未填写状态" in err  # an item without a status
    assert not out.exists()
    assert not (filled / "archive").exists()
    assert db_fingerprint(filled) == before


def test_an_unexplained_warning_stops_signing_until_it_is_explained(
    filled: Path, tmp_path: Path
) -> None:
    # 2018Q2 lower than 2018Q1 for a cumulative count: needs an explanation.
    assert (
        jindu(filled, "entry", "set", "--period", "2018Q2", "2.1.1", "1000", "--note", "").code == 0
    )
    service = open_office(filled, auto_backup=False)
    try:
        service.set_item("2018Q2", "2.1", problems="")
    finally:
        service.store.close()
    code, _, err = sign(filled, "2018Q2", tmp_path / "out")
    assert code == 1
    assert "需说明" in err and "低于上期累计" in err
    assert (
        jindu(
            filled,
            "entry",
            "set",
            "--period",
            "2018Q2",
            "2.1.1",
            "1000",
            "--note",
            "上期多报，已核减",
        ).code
        == 0
    )
    code, _, err = sign(filled, "2018Q2", tmp_path / "out")
    assert code == 0, err


def test_a_wrong_passphrase_signs_nothing(filled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not the passphrase", encoding="utf-8")
    before = db_fingerprint(filled)
    result = jindu(
        filled,
        "return",
        "sign",
        "--period",
        "2018Q1",
        "--out",
        str(tmp_path / "out"),
        "--passphrase-file",
        str(bad),
    )
    assert result.code == 1
    assert "口令不正确" in result.err
    assert not (tmp_path / "out").exists()
    assert db_fingerprint(filled) == before


def test_sign_without_a_passphrase_and_no_terminal_is_a_usage_error(
    filled: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(filled), "return", "sign", "--period", "2018Q1",
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.returncode == 2
    assert "--passphrase-file" in proc.stderr


def test_sign_into_a_folder_whose_parent_is_missing_is_a_usage_error(
    filled: Path, tmp_path: Path
) -> None:
    code, _, err = sign(filled, "2018Q1", tmp_path / "no" / "such" / "folder")
    assert code == 2
    assert "不存在" in err


# ----- review ---------------------------------------------------------------------------------


def test_submit_locks_for_review_and_send_back_reopens_with_the_comment(
    filled: Path, tmp_path: Path
) -> None:
    assert jindu(filled, "return", "submit", "--period", "2018Q1").code == 0
    refused = jindu(filled, "entry", "set", "--period", "2018Q1", "2.1.1", "1")
    assert refused.code == 1 and "已提交审核" in refused.err
    assert jindu(filled, "return", "submit", "--period", "2018Q1").code == 1
    empty = jindu(filled, "return", "send-back", "--period", "2018Q1", "--comment", "  ")
    assert empty.code == 1 and "退回意见" in empty.err
    back = jindu(
        filled, "return", "send-back", "--period", "2018Q1", "--comment", "2.1.1 数字请核对"
    )
    assert back.code == 0 and "2.1.1 数字请核对" in back.err
    assert returns_rows(filled)[0][:5] == ("2018Q1", 1, "draft", "", "2.1.1 数字请核对")
    assert jindu(filled, "entry", "set", "--period", "2018Q1", "2.1.1", "1240").code == 0
    assert jindu(filled, "return", "send-back", "--period", "2018Q1", "--comment", "x").code == 1
    # Review is optional, and a submitted return can be signed.
    assert jindu(filled, "return", "submit", "--period", "2018Q1").code == 0
    code, _, err = sign(filled, "2018Q1", tmp_path / "out")
    assert code == 0, err
    assert audit_actions(filled) == ["submit", "send-back", "submit", "sign"]


# ----- corrections ----------------------------------------------------------------------------


def test_a_correction_produces_revision_2_and_both_verify(signed: Path, tmp_path: Path) -> None:
    refused = jindu(signed, "return", "correct", "--period", "2018Q1", "--reason", " ")
    assert refused.code == 1 and "更正原因" in refused.err
    result = jindu(
        signed, "return", "correct", "--period", "2018Q1", "--reason", "2.1.1 多报 34 人{0}"
    )
    assert result.code == 0, result.err
    assert "第 2 版" in result.err
    assert jindu(signed, "entry", "set", "--period", "2018Q1", "2.1.1", "1200").code == 0
    again = jindu(signed, "return", "correct", "--period", "2018Q1", "--reason", "再次")
    assert again.code == 1 and "尚未签发" in again.err
    code, stdout, err = sign(signed, "2018Q1", tmp_path / "r2")
    assert code == 0, err
    assert Path(stdout.splitlines()[-1]).name == "500103_2018Q1_r2.zip"
    r1, r2 = (
        signed / "archive" / "500103_2018Q1_r1.zip",
        signed / "archive" / "500103_2018Q1_r2.zip",
    )
    check = jindu(signed, "verify", str(r1), str(r2))
    assert check.code == 0, check.out
    assert "版次：1" in check.out and "版次：2" in check.out
    with zipfile.ZipFile(r2) as zf:
        doc = json.loads(zf.read("return.json"))
    with zipfile.ZipFile(r1) as zf:
        old = json.loads(zf.read("return.json"))
    assert doc["revision"] == "2" and doc["correction_reason"] == "2.1.1 多报 34 人{0}"
    assert {e["indicator"]: e["value"] for e in doc["entries"]}["2.1.1"] == "1200"
    assert {e["indicator"]: e["value"] for e in old["entries"]}["2.1.1"] == "1234"
    rows = returns_rows(signed)
    assert [r[:4] for r in rows if r[0] == "2018Q1"] == [
        ("2018Q1", 1, "signed", ""),
        ("2018Q1", 2, "signed", "2.1.1 多报 34 人{0}"),
    ]


# ----- restore --------------------------------------------------------------------------------


def test_a_restore_from_a_backup_taken_before_signing_keeps_the_signed_return(
    filled: Path, tmp_path: Path
) -> None:
    backup = jindu(filled, "backup")
    assert backup.code == 0
    code, _, err = sign(filled, "2018Q1", tmp_path / "out")
    assert code == 0, err
    restored = jindu(filled, "restore", backup.out.strip())
    assert restored.code == 0, restored.err
    assert "已从存档恢复签发记录" in restored.err and "第 1 版" in restored.err
    assert [r[:3] for r in returns_rows(filled)] == [("2018Q1", 1, "signed")]
    refused = jindu(filled, "entry", "set", "--period", "2018Q1", "2.1.1", "1")
    assert refused.code == 1 and "更正" in refused.err
    # Its revision is never reused: the next one is 2.
    assert (
        jindu(filled, "return", "correct", "--period", "2018Q1", "--reason", "恢复后更正").code == 0
    )
    assert [r[:3] for r in returns_rows(filled)] == [
        ("2018Q1", 1, "signed"),
        ("2018Q1", 2, "draft"),
    ]
    assert jindu(filled, "audit", "verify").code == 0


def test_reconcile_skips_foreign_and_damaged_archive_files(signed: Path, tpl: Templates) -> None:
    from app.archive import reconcile_archive

    (signed / "archive" / "junk.zip").write_bytes(b"not a zip")
    service = open_office(signed, auto_backup=False)
    try:
        assert jindu(signed, "status").code == 0
        messages = reconcile_archive(signed, service)
    finally:
        service.store.close()
    assert any("junk.zip" in m for m in messages)
    assert not any("已从存档恢复" in m for m in messages)  # both were known as signed already


def test_reconcile_reports_a_signed_return_whose_package_is_missing(signed: Path) -> None:
    from app.archive import reconcile_archive

    (signed / "archive" / "500103_2018Q2_r1.zip").unlink()
    service = open_office(signed, auto_backup=False)
    try:
        messages = reconcile_archive(signed, service)
    finally:
        service.store.close()
    assert any("2018Q2" in m and "找不到" in m for m in messages)


# ----- the service with a progress reporter ------------------------------------------------------


class FakeProgress:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.total: int | None = None
        self.ticks = 0
        self.steps: list[str] = []
        self.finished = False
        self.cancel_after = cancel_after

    @property
    def cancelled(self) -> bool:
        return self.cancel_after is not None and self.ticks >= self.cancel_after

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, step: str) -> None:
        self.ticks += 1
        self.steps.append(step)

    def finish(self) -> None:
        self.finished = True


def test_sign_reports_progress_from_start_to_finish(filled: Path, tmp_path: Path) -> None:
    service = open_office(filled, auto_backup=False)
    try:
        progress = FakeProgress()
        paths = return_flow.sign(
            service, service.parse_period("2018Q1"), tmp_path / "out", PASSPHRASE, progress=progress
        )
    finally:
        service.store.close()
    assert len(paths) == 3 and all(p.is_file() for p in paths)
    assert progress.total == progress.ticks == return_flow.SIGN_STEPS
    assert progress.steps[-1] == "写出文件并锁定报表" and all(progress.steps)
    assert progress.finished


@pytest.mark.parametrize("cancel_after", [0, 1, 3, 6])
def test_a_cancelled_signing_writes_nothing_and_locks_nothing(
    filled: Path, tmp_path: Path, cancel_after: int
) -> None:
    before = db_fingerprint(filled)
    service = open_office(filled, auto_backup=False)
    progress = FakeProgress(cancel_after)
    try:
        with pytest.raises(return_flow.Cancelled):
            return_flow.sign(
                service, service.parse_period("2018Q1"), tmp_path / "out", PASSPHRASE,
                progress=progress,
            )  # fmt: skip
    finally:
        service.store.close()
    assert progress.finished and progress.ticks == cancel_after
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert not (filled / "archive").exists() or not any((filled / "archive").iterdir())
    assert db_fingerprint(filled) == before


def test_a_revision_signed_before_is_never_signed_again_even_if_the_store_forgot(
    filled: Path, tmp_path: Path
) -> None:
    """A restore that skipped the archive (an older backup copied back by hand)."""
    from models import backups

    backup = jindu(filled, "backup").out.strip()
    assert sign(filled, "2018Q1", tmp_path / "out")[0] == 0
    first = (filled / "archive" / "500103_2018Q1_r1.zip").read_bytes()
    backups.restore_into(Path(backup), filled / "jindu.sqlite3")
    assert [r[:3] for r in returns_rows(filled)] == []
    code, stdout, err = sign(filled, "2018Q1", tmp_path / "again")
    assert code == 1 and stdout == ""
    assert "版次不能重复使用" in err and "jindu return correct" in err
    assert (filled / "archive" / "500103_2018Q1_r1.zip").read_bytes() == first
    assert [r[:3] for r in returns_rows(filled)] == [("2018Q1", 1, "signed")]

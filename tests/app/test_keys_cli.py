"""`jindu key show | export-cert | passwd | new`, as a district office uses them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509

from app import keys
from tests.app.helpers import jindu, setup_office

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse 电池"

_TEMPLATE: dict[str, Path] = {}


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One office with a key for the whole session; each test copies it."""
    if "office" not in _TEMPLATE:
        office = tmp_path_factory.mktemp("keys-template") / "office"
        assert setup_office(office).code == 0
        _TEMPLATE["office"] = office
    return _TEMPLATE["office"]


@pytest.fixture
def office(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "office"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run_without_terminal(office: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(office), *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_key_show_prints_the_fingerprint_and_validity(office: Path) -> None:
    info = keys.load_info(office)
    result = jindu(office, "key", "show")
    assert result.code == 0
    assert info.fingerprint_grouped in result.out
    assert "500103" in result.out
    years = info.not_after.year - info.not_before.year
    assert years == 5
    assert f"{info.not_before:%Y-%m-%d} 至 {info.not_after:%Y-%m-%d}" in result.out


def test_the_certificate_names_the_office_its_district_and_the_federation(office: Path) -> None:
    cert = keys.load_certificate(office)
    subject = cert.subject.rfc4514_string()
    assert "渝中区残疾人联合会" in subject and "重庆市残疾人联合会" in subject
    assert keys.cert_district(cert) == "500103"
    pem = (office / "keys" / "office.key.pem").read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")


def test_export_cert_writes_the_pem_and_prints_its_path(office: Path, tmp_path: Path) -> None:
    target = tmp_path / "交市残联" / "渝中区.pem"
    target.parent.mkdir()
    result = jindu(office, "key", "export-cert", str(target))
    assert result.code == 0
    assert result.out.strip() == str(target)
    cert = x509.load_pem_x509_certificate(target.read_bytes())
    assert keys.fingerprint(cert) == keys.load_info(office).fingerprint
    assert b"PRIVATE" not in target.read_bytes()
    assert keys.load_info(office).fingerprint_grouped in result.err


def test_export_cert_into_a_missing_folder_is_a_usage_error(office: Path, tmp_path: Path) -> None:
    result = jindu(office, "key", "export-cert", str(tmp_path / "none" / "x.pem"))
    assert result.code == 2
    assert not (tmp_path / "none").exists()


def test_passwd_changes_the_passphrase(office: Path, tmp_path: Path) -> None:
    old = write(tmp_path / "old.txt", PASSPHRASE)
    new = write(tmp_path / "new.txt", "新的口令 2018")
    result = jindu(
        office, "key", "passwd", "--passphrase-file", str(old), "--new-passphrase-file", str(new)
    )
    assert result.code == 0, result.err
    keys.load_private_key(office, "新的口令 2018")
    with pytest.raises(Exception, match="口令"):
        keys.load_private_key(office, PASSPHRASE)
    assert keys.load_info(office).fingerprint == keys.fingerprint(keys.load_certificate(office))


def test_a_wrong_passphrase_is_a_clear_error_and_writes_nothing(
    office: Path, tmp_path: Path
) -> None:
    before = files_of(office / "keys")
    wrong = write(tmp_path / "wrong.txt", "not the passphrase")
    new = write(tmp_path / "new.txt", "新的口令 2018")
    result = jindu(
        office, "key", "passwd", "--passphrase-file", str(wrong), "--new-passphrase-file", str(new)
    )
    assert result.code == 1
    assert "口令不正确" in result.err
    assert files_of(office / "keys") == before


def test_a_too_short_new_passphrase_is_refused_and_writes_nothing(
    office: Path, tmp_path: Path
) -> None:
    before = files_of(office / "keys")
    old = write(tmp_path / "old.txt", PASSPHRASE)
    short = write(tmp_path / "short.txt", "abc")
    result = jindu(
        office, "key", "passwd", "--passphrase-file", str(old), "--new-passphrase-file", str(short)
    )
    assert result.code == 1
    assert "口令" in result.err and "至少" in result.err
    assert files_of(office / "keys") == before


@pytest.mark.parametrize("args", [["key", "passwd"], ["key", "new"]])
def test_no_passphrase_file_and_no_terminal_is_exit_2(office: Path, args: list[str]) -> None:
    before = files_of(office / "keys")
    proc = run_without_terminal(office, *args)
    assert proc.returncode == 2, proc.stderr
    assert "--passphrase-file" in proc.stderr
    assert files_of(office / "keys") == before


def test_a_missing_passphrase_file_is_exit_2(office: Path, tmp_path: Path) -> None:
    result = jindu(office, "key", "new", "--passphrase-file", str(tmp_path / "none.txt"))
    assert result.code == 2
    assert "none.txt" in result.err


def test_key_new_replaces_the_old_key_and_retires_its_certificate(
    office: Path, tmp_path: Path
) -> None:
    old_info = keys.load_info(office)
    old_pem = (office / "keys" / "office.cert.pem").read_bytes()
    pw = write(tmp_path / "pw.txt", "换了新电脑的口令")
    result = jindu(office, "key", "new", "--passphrase-file", str(pw))
    assert result.code == 0, result.err
    new_info = keys.load_info(office)
    assert new_info.fingerprint != old_info.fingerprint
    assert new_info.fingerprint_grouped in result.err and "export-cert" in result.err
    keys.load_private_key(office, "换了新电脑的口令")
    retired = list((office / "keys" / "retired").glob("*.cert.pem"))
    assert [p.read_bytes() for p in retired] == [old_pem]
    assert not list((office / "keys" / "retired").glob("*key*"))  # the old key is gone, not kept
    log = jindu(office, "audit", "log")
    assert "new key 500103" in log.out
    assert jindu(office, "audit", "verify").code == 0


def test_key_commands_before_setup_say_what_to_do(tmp_path: Path) -> None:
    result = jindu(tmp_path / "empty", "key", "show")
    assert result.code == 1
    assert "jindu setup" in result.err


def test_two_renewals_in_a_row_keep_both_retired_certificates(office: Path, tmp_path: Path) -> None:
    pw = write(tmp_path / "pw.txt", "换了新电脑的口令")
    first = (office / "keys" / "office.cert.pem").read_bytes()
    assert jindu(office, "key", "new", "--passphrase-file", str(pw)).code == 0
    second = (office / "keys" / "office.cert.pem").read_bytes()
    assert jindu(office, "key", "new", "--passphrase-file", str(pw)).code == 0
    retired = sorted(p.read_bytes() for p in (office / "keys" / "retired").glob("*.cert.pem"))
    assert retired == sorted([first, second])

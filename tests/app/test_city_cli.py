"""The city folder and its register of district certificates, on the command line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.app.helpers import jindu, setup_office
from tests.app.signing_fixtures import Templates, passphrase_file, templates


@pytest.fixture(scope="session")
def tpl(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return templates(tmp_path_factory)


@pytest.fixture
def city(tmp_path: Path) -> Path:
    folder = tmp_path / "city"
    pw = passphrase_file(tmp_path)
    result = jindu(
        folder, "city", "setup", "--name", "重庆市残疾人联合会", "--passphrase-file", str(pw)
    )
    assert result.code == 0, result.err
    assert "证书指纹" in result.err and result.out == ""
    return folder


def export_cert(office: Path, target: Path) -> Path:
    assert jindu(office, "key", "export-cert", str(target)).code == 0
    return target


def test_setup_again_keeps_the_key_and_needs_no_passphrase(city: Path) -> None:
    key = (city / "keys" / "office.key.pem").read_bytes()
    result = jindu(city, "city", "setup", "--name", "重庆市残联")
    assert result.code == 0, result.err
    assert (city / "keys" / "office.key.pem").read_bytes() == key
    assert "重庆市残联" in result.err


def test_a_district_folder_never_becomes_a_city_folder_and_the_other_way_round(
    city: Path, tmp_path: Path
) -> None:
    office = tmp_path / "office"
    assert setup_office(office, "500103").code == 0
    result = jindu(office, "city", "setup", "--name", "重庆市残疾人联合会")
    assert result.code == 1 and "区县单位" in result.err
    assert jindu(office, "city", "summary", "--period", "2018Q1").code == 1
    assert jindu(city, "entry", "list", "--period", "2018Q1").code == 1
    short = tmp_path / "short.txt"
    short.write_text("123", encoding="utf-8")
    fresh = jindu(
        tmp_path / "fresh", "city", "setup", "--name", "市残联", "--passphrase-file", str(short)
    )
    assert fresh.code == 1 and "口令" in fresh.err
    assert jindu(tmp_path / "none", "city", "summary", "--period", "2018Q1").code == 1


def test_trust_shows_the_fingerprint_and_replaces_only_this_way(
    city: Path, tpl: Templates, tmp_path: Path
) -> None:
    cert = export_cert(tpl.signed, tmp_path / "yuzhong.pem")
    first = jindu(city, "city", "trust", "500103", str(cert))
    assert first.code == 0, first.err
    assert first.out.startswith("渝中区（500103）\t")
    fingerprint = first.out.split("\t")[1].strip()
    assert len(fingerprint.replace(" ", "")) == 64
    again = jindu(city, "city", "trust", "渝中区", str(cert))  # by name, too
    assert again.code == 0 and "已经登记过" in again.err
    listed = jindu(city, "city", "certs")
    assert listed.out.startswith("500103\t渝中区\t" + fingerprint)


def test_trust_refuses_unknown_districts_and_certificates_of_others(
    city: Path, tpl: Templates, tmp_path: Path
) -> None:
    wanzhou = tpl.other_cert  # 万州区's certificate
    unknown = jindu(city, "city", "trust", "509999", str(wanzhou))
    assert unknown.code == 1 and "509999" in unknown.err and "区划代码表" in unknown.err
    wrong = jindu(city, "city", "trust", "500103", str(wanzhou))
    assert wrong.code == 1 and "万州区" in wrong.err and "渝中区" in wrong.err
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate", encoding="utf-8")
    assert jindu(city, "city", "trust", "500103", str(junk)).code == 1
    assert jindu(city, "city", "trust", "500103", str(tmp_path / "missing.pem")).code == 2
    assert jindu(city, "city", "certs").out == ""


def test_plan_draft_is_offered_only_when_the_drafting_module_is_installed(city: Path) -> None:
    present = importlib.util.find_spec("app.plan_draft") is not None
    assert (jindu(city, "city", "plan", "draft", "--help").code == 0) == present

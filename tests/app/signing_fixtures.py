"""Offices with real keys and full 2018 returns, made once per test session and copied.

Key generation and PKCS#8 encryption are the slow part of `jindu setup`, and signing
a return takes a fraction of a second: the templates below are built once per
process (the first test that asks pays) and every test works on its own copy.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.office import open_office
from tests.app.helpers import jindu, setup_office

PASSPHRASE = "correct horse 电池"
DISTRICT = "500103"  # 渝中区
OTHER_DISTRICT = "500101"  # 万州区

# Distinct, easily found values: tests locate the cells that show them.
Q1_VALUES = {
    "2.1.1": "1234",
    "2.1.2": "5678",
    "2.1.3": "12",
    "2.2.1": "是",
    "3.2.1": "3",
    "3.3.2": "41000",
    "3.3.3": "50000",
    "3.3.7": "9",
    "3.4.1": "321",
    "3.5.1": "4321",
    "4.3.8": "7",
    "5.1.1": "1500",
}
PROGRESS_MARK = "已开展走访慰问残疾人家庭工作，进度正常"


@dataclass(frozen=True)
class Templates:
    filled: Path  # 2018Q1 and 2018Q2 complete, nothing signed
    signed: Path  # a copy of `filled` with 2018Q1 and 2018Q2 signed
    q1_out: Path  # the three signed files of 2018Q1 r1
    q2_out: Path
    other_cert: Path  # the certificate of another office (万州区)


def passphrase_file(folder: Path) -> Path:
    path = folder / "passphrase.txt"
    if not path.exists():
        path.write_text(PASSPHRASE, encoding="utf-8")
    return path


def fill_period(data_dir: Path, period: str, scale: int = 1) -> None:
    """Every district indicator and every item of the period, with nothing left to explain."""
    service = open_office(data_dir, auto_backup=False)
    try:
        plan = service.plan()
        code = service.office().district.code
        for indicator in plan.indicators():
            if (
                indicator.level.value != "district"
                or not indicator.applies(code)
                or indicator.computed
            ):
                continue
            text = Q1_VALUES.get(indicator.id, "5")
            if text.isdigit():
                text = str(int(text) * scale)
            service.set_entry(period, indicator.id, text, note=f"备注 {indicator.id}")
        for item in plan.items():
            service.set_item(
                period,
                item.id,
                "in_progress",
                f"{PROGRESS_MARK}（{item.id}，{period}）",
                f"存在问题 {item.id}",
                f"下步打算 {item.id}",
            )
    finally:
        service.store.close()


_CACHE: dict[str, Templates] = {}


def templates(factory: pytest.TempPathFactory) -> Templates:
    if "t" in _CACHE:
        return _CACHE["t"]
    base = factory.mktemp("signing-templates")
    filled = base / "filled"
    result = setup_office(filled, DISTRICT)
    assert result.code == 0, result.err
    fill_period(filled, "2018Q1")
    fill_period(filled, "2018Q2", scale=2)
    signed = base / "signed"
    shutil.copytree(filled, signed)
    pw = passphrase_file(base)
    q1_out, q2_out = base / "out-q1", base / "out-q2"
    for period, out in (("2018Q1", q1_out), ("2018Q2", q2_out)):
        result = jindu(
            signed,
            "return",
            "sign",
            "--period",
            period,
            "--out",
            str(out),
            "--passphrase-file",
            str(pw),
        )
        assert result.code == 0, result.err
    other = base / "other"
    assert setup_office(other, OTHER_DISTRICT).code == 0
    other_cert = base / "wanzhou.pem"
    assert jindu(other, "key", "export-cert", str(other_cert)).code == 0
    _CACHE["t"] = Templates(filled, signed, q1_out, q2_out, other_cert)
    return _CACHE["t"]


def copy_office(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def signed_files(out: Path, period: str = "2018Q1", revision: int = 1) -> dict[str, Path]:
    stem = f"{DISTRICT}_{period}_r{revision}"
    return {kind: out / f"{stem}.{kind}" for kind in ("zip", "pdf", "xlsx")}

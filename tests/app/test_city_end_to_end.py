"""The city's season, end to end: one city, three district offices, three data folders.

The city allocates and distributes the plan; each district imports it (its targets
become the allocated ones, locked), enters and signs its return; the city imports
the packages, refuses a tampered one and one signed by a district's new,
unregistered key, accepts the latter once the key is registered, and its totals
are the sums of what the districts entered, also after a corrected revision.
Importing the same folder again changes nothing and exits 0.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.office import open_office
from tests.app.helpers import Result, db_fingerprint, jindu, setup_office
from tests.app.signing_fixtures import fill_period, passphrase_file

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("app.return_flow") is None,
    reason="`jindu return sign` (app.return_flow, the signing work) is not in this tree yet",
)

CITY_NAME = "重庆市残疾人联合会"
# Three districts; 渝中区 and 万州区 register their certificates, 大渡口区 is pinned.
DISTRICTS = {"500103": "渝中区", "500101": "万州区", "500104": "大渡口区"}
ALLOCATED = {
    "500103": {"2.1.1": "600", "2.1.2": "3,000", "5.1.1": "1.2万"},
    "500101": {"2.1.1": "700", "2.1.2": "3000"},
    "500104": {"2.1.1": "400", "2.1.2": "２０００"},
}


def ok(result: Result) -> Result:
    assert result.code == 0, result.err + result.out
    return result


def plan_import(office: Path, package: Path) -> list[str]:
    """`jindu plan import` where the command is wired; the service function otherwise."""
    if jindu(office, "plan", "import", "--help").code == 0:
        return ok(jindu(office, "plan", "import", str(package))).err.splitlines()
    from app.city.plan_package import import_plan_package

    service = open_office(office, auto_backup=False)
    try:
        return import_plan_package(service, package, office)
    finally:
        service.store.close()


def fill_allocation(workbook: Path) -> None:
    wb = load_workbook(workbook)
    ws = wb.active
    assert ws is not None
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "区划代码")
    columns = {ws.cell(header, c).value: c for c in range(3, ws.max_column + 1)}
    for row in range(header + 1, ws.max_row + 1):
        code = ws.cell(row, 1).value
        for indicator, text in ALLOCATED.get(str(code), {}).items():
            ws.cell(row, columns[indicator]).value = text
    wb.save(workbook)


def entries(office: Path, period: str) -> dict[str, object]:
    doc = json.loads(ok(jindu(office, "entry", "list", "--period", period, "--json")).out)
    return {e["indicator"]: e["value"] for e in doc["entries"]}


def sign(office: Path, period: str, out: Path, pw: Path) -> Path:
    written = ok(
        jindu(
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
    ).out.split()
    package = Path(written[-1])
    assert package.suffix == ".zip"
    return package


def tamper(package: Path, target: Path) -> Path:
    """The same package with one number changed in return.json, everything else kept."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "return.json":
                doc = json.loads(data)
                entry = next(e for e in doc["entries"] if e["indicator"] == "2.1.1")
                entry["value"] = str(int(entry["value"]) + 1000)
                data = json.dumps(
                    doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")
                ).encode()
            dst.writestr(info, data)
    return target


def summary(city: Path, period: str) -> dict[str, dict[str, object]]:
    doc = json.loads(ok(jindu(city, "city", "summary", "--period", period, "--json")).out)
    assert doc["period"] == period
    return {i["indicator"]: i for i in doc["indicators"]}


def import_lines(result: Result) -> dict[str, list[str]]:
    """stdout of `city import` by file name: the outcome line and its reasons and notes."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in result.out.splitlines():
        if line.startswith("  "):
            current.append(line.strip())
        else:
            label, path, *_ = line.split("\t")
            current = [label]
            found[f"{Path(path).parent.name}/{Path(path).name}"] = current
    return found


def test_city_distributes_receives_verifies_and_consolidates(tmp_path: Path) -> None:
    pw = passphrase_file(tmp_path)
    city = tmp_path / "city"
    ok(jindu(city, "city", "setup", "--name", CITY_NAME, "--passphrase-file", str(pw)))

    # --- allocation and distribution
    workbook = tmp_path / "任务分解表.xlsx"
    ok(jindu(city, "city", "allocation", "export", "--out", str(workbook)))
    fill_allocation(workbook)
    result = ok(jindu(city, "city", "allocation", "import", str(workbook)))
    assert "2.1.1" in result.err and "不一致" in result.err  # 1700 allocated of the city's 2000
    package = Path(
        ok(
            jindu(
                city, "city", "plan", "export", "--out", str(tmp_path), "--passphrase-file", str(pw)
            )
        ).out.strip()
    )
    assert package.name == "plan_cq-2018_v1.zip"
    with zipfile.ZipFile(package) as zf:
        assert sorted(zf.namelist()) == sorted(
            ["plan.json", "allocations.json", "manifest.json", "manifest.sig", "signer.pem"]
        )

    offices: dict[str, Path] = {}
    outs: dict[str, Path] = {}
    for n, code in enumerate(DISTRICTS):
        office = tmp_path / f"office-{code}"
        ok(setup_office(office, code))
        messages = "\n".join(plan_import(office, package))
        assert "首次导入" in messages and "指纹" in messages
        service = open_office(office, auto_backup=False)
        try:
            targets = service.targets()
        finally:
            service.store.close()
        assert targets["2.1.1"] == (Decimal(ALLOCATED[code]["2.1.1"]), "allocated")
        refused = jindu(office, "target", "set", "2.1.1", "999")
        assert refused.code == 1 and "不能修改" in refused.err  # allocated targets are locked
        fill_period(office, "2018Q1", scale=n + 1)
        offices[code], outs[code] = office, tmp_path / f"out-{code}"
        sign(office, "2018Q1", outs[code], pw)

    # 渝中区 and 万州区 hand their certificates in; 大渡口区 does not (it is pinned on import).
    for code in ("500103", "500101"):
        cert = tmp_path / f"{code}.pem"
        ok(jindu(offices[code], "key", "export-cert", str(cert)))
        trusted = ok(jindu(city, "city", "trust", code, str(cert)))
        assert DISTRICTS[code] in trusted.out

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for code in DISTRICTS:
        shutil.copy(outs[code] / f"{code}_2018Q1_r1.zip", inbox)
    tampered = tamper(
        outs["500101"] / "500101_2018Q1_r1.zip", tmp_path / "tampered" / "500101_2018Q1_r1.zip"
    )

    result = jindu(city, "city", "import", str(inbox), str(tampered.parent))
    assert result.code == 1, result.err  # one file refused
    lines = import_lines(result)
    for code in DISTRICTS:
        assert lines[f"inbox/{code}_2018Q1_r1.zip"][0] == "接收"
    assert lines["tampered/500101_2018Q1_r1.zip"][0] == "拒收"
    assert any("SHA-256 不符" in reason for reason in lines["tampered/500101_2018Q1_r1.zip"])
    assert any("首次接收大渡口区" in note for note in lines["inbox/500104_2018Q1_r1.zip"])
    assert "接收 3 个" in result.err and "拒收 1 个" in result.err

    # --- totals are the sums of what the districts entered
    entered = {code: entries(office, "2018Q1") for code, office in offices.items()}
    totals = summary(city, "2018Q1")
    for indicator in ("2.1.1", "2.1.2", "3.3.2", "3.5.1", "5.1.1"):
        assert totals[indicator]["districts"] == {
            code: entered[code][indicator] for code in DISTRICTS
        }
        assert totals[indicator]["total"] == sum(entered[code][indicator] for code in DISTRICTS)  # type: ignore[misc]
    assert totals["2.2.1"]["total"] == 3  # a milestone: the districts that have done it
    assert totals["2.1.1"]["city_target"] == 2000

    # --- a district's new key: refused until the city registers it
    c = offices["500104"]
    ok(jindu(c, "key", "new", "--passphrase-file", str(pw)))
    fill_period(c, "2018Q2", scale=3)
    q2 = sign(c, "2018Q2", tmp_path / "out-500104-q2", pw)
    result = jindu(city, "city", "import", str(q2))
    assert result.code == 1
    reasons = import_lines(result)[f"{q2.parent.name}/{q2.name}"]
    assert reasons[0] == "拒收" and any("不是大渡口区登记的证书" in r for r in reasons)
    new_cert = tmp_path / "500104-new.pem"
    ok(jindu(c, "key", "export-cert", str(new_cert)))
    trusted = ok(jindu(city, "city", "trust", "500104", str(new_cert)))
    assert "取代原证书" in trusted.err
    result = ok(jindu(city, "city", "import", str(q2)))
    assert import_lines(result)[f"{q2.parent.name}/{q2.name}"][0] == "接收"

    # --- a corrected revision replaces the first in the totals
    a = offices["500103"]
    ok(jindu(a, "return", "correct", "--period", "2018Q1", "--reason", "危房改造户数统计有误"))
    ok(jindu(a, "entry", "set", "--period", "2018Q1", "2.1.1", "1300", "--note", "更正后的户数"))
    r2 = sign(a, "2018Q1", tmp_path / "out-500103-r2", pw)
    assert r2.name == "500103_2018Q1_r2.zip"
    shutil.copy(r2, inbox)
    result = ok(jindu(city, "city", "import", str(inbox)))
    lines = import_lines(result)
    assert lines["inbox/500103_2018Q1_r2.zip"][0] == "接收"
    assert any("取代第 1 版" in note for note in lines["inbox/500103_2018Q1_r2.zip"])
    assert all(lines[f"inbox/{code}_2018Q1_r1.zip"][0] == "已接收" for code in DISTRICTS)
    totals = summary(city, "2018Q1")
    assert totals["2.1.1"]["districts"]["500103"] == 1300
    assert (
        totals["2.1.1"]["total"] == 1300 + entered["500101"]["2.1.1"] + entered["500104"]["2.1.1"]
    )  # type: ignore[operator]
    assert {p.name for p in (city / "received").iterdir()} >= {
        "500103_2018Q1_r1.zip",
        "500103_2018Q1_r2.zip",
    }

    # --- the same folder again: nothing changes, exit 0
    before = db_fingerprint(city)
    again = ok(jindu(city, "city", "import", str(inbox)))
    assert all(line[0] == "已接收" for line in import_lines(again).values())
    assert db_fingerprint(city) == before

    # --- completeness: everything signed in 2026 is late for 2018; the others are missing
    doc = json.loads(ok(jindu(city, "city", "completeness", "--period", "2018Q1", "--json")).out)
    states = {d["district"]: (d["state"], d["revision"]) for d in doc["districts"]}
    assert states["500103"] == ("late", 2)
    assert states["500101"] == ("late", 1)
    assert states["500102"] == ("missing", None)
    assert len(doc["districts"]) == 41

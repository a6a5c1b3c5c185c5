"""The foundation's command line, as a clerk and a script use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app.helpers import db_fingerprint, jindu, setup_office

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    data = tmp_path / "渝中 区"
    result = setup_office(data)
    assert result.code == 0, result.err
    return data


def test_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--version"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("jindu ")


def test_setup_creates_the_office_with_the_2018_plan_and_a_key(office: Path) -> None:
    status = jindu(office, "status")
    assert status.code == 0
    assert "渝中区" in status.out and "500103" in status.out
    assert "2018年全市残疾人工作要点" in status.out
    assert "签名证书指纹" in status.out
    assert (office / "keys" / "office.key.pem").is_file()
    assert b"ENCRYPTED PRIVATE KEY" in (office / "keys" / "office.key.pem").read_bytes()


def test_setup_accepts_a_name_or_pinyin_initials(tmp_path: Path) -> None:
    assert setup_office(tmp_path / "a", "万州区").code == 0
    assert "500101" in jindu(tmp_path / "a", "status").out
    assert setup_office(tmp_path / "b", "yzq").code == 0
    assert "渝中区" in jindu(tmp_path / "b", "status").out


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--district", "火星区"], "火星区"),
        (["--district", "500234"], "开县"),  # abolished in 2016
        (["--phone", "abc"], "联系电话"),
        (["--clerk", " "], "填表人"),
    ],
)
def test_setup_refuses_bad_input_and_writes_nothing(
    tmp_path: Path, args: list[str], field: str
) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text("long enough", encoding="utf-8")
    base = {
        "--district": "500103",
        "--clerk": "张三",
        "--reviewer": "李四",
        "--head": "王五",
        "--phone": "023-63651188",
    }
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [x for kv in base.items() for x in kv]
    data = tmp_path / "d"
    result = jindu(data, "setup", *flat, "--passphrase-file", str(pw))
    assert result.code == 1
    assert field in result.err
    assert not (data / "keys").exists()


def test_setup_without_a_passphrase_and_no_terminal_is_a_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(tmp_path / "d"),
            "setup",
            "--district",
            "500103",
            "--clerk",
            "张三",
            "--reviewer",
            "李四",
            "--head",
            "王五",
            "--phone",
            "023-63651188",
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert "--passphrase-file" in proc.stderr


def test_plan_show_json_has_every_section_item_and_target(office: Path) -> None:
    result = jindu(office, "plan", "show", "--json")
    assert result.code == 0
    doc = json.loads(result.out)
    assert doc["plan"]["id"] == "cq-2018"
    assert doc["plan"]["frequency"] == "quarterly" and doc["plan"]["due_days"] == 10
    assert len(doc["sections"]) == 5
    items = [i for s in doc["sections"] for i in s["items"]]
    assert len(items) == 22
    indicators = {ind["id"]: ind for i in items for ind in i["indicators"]}
    assert indicators["2.1.1"]["target"] == 2000 and indicators["2.1.1"]["unit"] == "户"
    assert all("district_target" in ind for ind in indicators.values())
    targets = {(ind["target"], ind["unit"]) for ind in indicators.values()}
    for expected in [
        (2000, "户"),
        (10000, "名"),
        (100, "户"),
        (168000, "人"),
        (40, "个"),
        (20000, "名"),
        (7900, "户"),
        (50, "个"),
        (5000, "户"),
        (80, "%"),
    ]:
        assert expected in targets, expected
    ranged = [ind for ind in indicators.values() if ind.get("target_max")]
    assert [(r["target"], r["target_max"]) for r in ranged] == [(5, 8)]


def test_plan_show_text_names_sections_items_and_targets(office: Path) -> None:
    out = jindu(office, "plan", "show").out
    assert "一、突出深入学习贯彻党的十九大精神主题" in out
    assert "2.1.1" in out and "2000" in out


def test_plan_show_does_not_import_qt(office: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "app",
            "--data-dir",
            str(office),
            "plan",
            "show",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    for heavy in ("PySide6", "openpyxl", "reportlab", "pyhanko", "sqlite_utils"):
        assert heavy not in imported, f"{heavy} imported by plan show"


def test_a_clerk_records_values_as_typed(office: Path) -> None:
    assert jindu(office, "target", "set", "2.1.1", "300").code == 0
    for text, expected in [("１２０", 120), ("1,000", 1000), ("0.02万", 200), ("150户", 150)]:
        result = jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", text)
        assert result.code == 0, result.err
        doc = json.loads(jindu(office, "entry", "list", "--period", "2018Q1", "--json").out)
        entry = next(e for e in doc["entries"] if e["indicator"] == "2.1.1")
        assert entry["value"] == expected
    assert entry["percent"] == 50 and entry["time_percent"] == 25 and entry["increment"] == 150
    assert doc["district"] == "500103" and doc["period"] == "2018Q1" and doc["state"] == "draft"
    assert doc["revision"] == 1


def test_increment_is_against_the_latest_earlier_period_with_a_value(office: Path) -> None:
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "100")
    jindu(office, "entry", "set", "--period", "2018Q3", "2.1.1", "250")
    doc = json.loads(jindu(office, "entry", "list", "--period", "2018Q3", "--json").out)
    entry = next(e for e in doc["entries"] if e["indicator"] == "2.1.1")
    assert entry["increment"] == 150 and entry["time_percent"] == 75


def test_a_lower_cumulative_value_is_kept_with_a_warning_to_explain(office: Path) -> None:
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "100")
    result = jindu(office, "entry", "set", "--period", "2018Q2", "2.1.1", "80")
    assert result.code == 0
    assert "低于上期" in result.err
    checks = json.loads(jindu(office, "check", "--period", "2018Q2", "--json").out)["checks"]
    decreased = [c for c in checks if c["code"] == "value_decreased"]
    assert decreased and not decreased[0]["explained"]
    jindu(office, "entry", "set", "--period", "2018Q2", "2.1.1", "80", "--note", "核减重复统计")
    checks = json.loads(jindu(office, "check", "--period", "2018Q2", "--json").out)["checks"]
    assert [c["explained"] for c in checks if c["code"] == "value_decreased"] == [True]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["entry", "set", "--period", "2018Q1", "2.1.1", "-5"], ["2.1.1", "-5", "负"]),
        (["entry", "set", "--period", "2018Q1", "2.1.1", "1.5"], ["2.1.1", "1.5", "整数"]),
        (["entry", "set", "--period", "2018Q1", "3.3.2", "abc"], ["abc"]),
        (["entry", "set", "--period", "2018Q1", "9.9.9", "1"], ["指标", "9.9.9"]),
        (["entry", "set", "--period", "2018-03", "2.1.1", "1"], ["报告期", "2018-03"]),
        (["entry", "set", "--period", "201803", "2.1.1", "1"], ["报告期", "201803", "季度"]),
        (["entry", "set", "--period", "2018Q5", "2.1.1", "1"], ["报告期", "2018Q5"]),
        (["entry", "set", "--period", "2019Q1", "2.1.1", "1"], ["报告期", "2019Q1"]),
        (["entry", "status", "--period", "2018Q1", "2.1", "finished"], ["状态", "finished"]),
        (["entry", "status", "--period", "2018Q1", "9.1", "done"], ["9.1"]),
        (["target", "set", "2.1.1", "-1"], ["-1"]),
        (["target", "set", "8.8.8", "1"], ["8.8.8"]),
    ],
)
def test_bad_input_is_refused_naming_field_and_value_and_changes_nothing(
    office: Path, args: list[str], words: list[str]
) -> None:
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "7")
    before = db_fingerprint(office)
    result = jindu(office, *args)
    assert result.code == 1, result.err
    for word in words:
        assert word in result.err
    assert result.out == ""
    assert db_fingerprint(office) == before


def test_a_rate_outside_0_to_100_is_refused(office: Path) -> None:
    doc = json.loads(jindu(office, "plan", "show", "--json").out)
    rates = [
        ind
        for s in doc["sections"]
        for i in s["items"]
        for ind in i["indicators"]
        if ind["kind"] == "rate" and not ind.get("formula") and ind["level"] == "district"
    ]
    if not rates:
        computed = [
            ind
            for s in doc["sections"]
            for i in s["items"]
            for ind in i["indicators"]
            if ind["kind"] == "rate"
        ]
        before = db_fingerprint(office)
        result = jindu(office, "entry", "set", "--period", "2018Q1", computed[0]["id"], "85")
        assert result.code == 1 and "计算" in result.err
        assert db_fingerprint(office) == before
        from models.errors import InputError
        from models.kinds import Kind
        from models.numbers import parse_value

        with pytest.raises(InputError, match="120"):
            parse_value("120", Kind.RATE, "比率")
    else:
        result = jindu(office, "entry", "set", "--period", "2018Q1", rates[0]["id"], "120")
        assert result.code == 1 and "120" in result.err


def test_the_service_rate_is_computed_from_its_two_counts(office: Path) -> None:
    doc = json.loads(jindu(office, "plan", "show", "--json").out)
    rate = next(
        ind
        for s in doc["sections"]
        for i in s["items"]
        for ind in i["indicators"]
        if ind.get("formula")
    )
    num, den = rate["formula"]["numerator"], rate["formula"]["denominator"]
    assert jindu(office, "entry", "set", "--period", "2018Q2", num, "8万").code == 0
    assert jindu(office, "entry", "set", "--period", "2018Q2", den, "10万").code == 0
    listed = json.loads(jindu(office, "entry", "list", "--period", "2018Q2", "--json").out)
    value = next(e for e in listed["entries"] if e["indicator"] == rate["id"])["value"]
    assert value == 80


def test_item_status_and_narratives(office: Path) -> None:
    result = jindu(
        office,
        "entry",
        "status",
        "--period",
        "2018Q1",
        "2.1",
        "behind",
        "--progress",
        "已完成危房改造 120 户",
        "--problems",
        "资金未到位",
    )
    assert result.code == 0, result.err
    checks = json.loads(jindu(office, "check", "--period", "2018Q1", "--json").out)["checks"]
    assert any(c["code"] == "behind_unexplained" and c["id"] == "2.1" for c in checks)
    jindu(office, "entry", "status", "--period", "2018Q1", "2.1", "滞后", "--next", "督促拨付")
    doc = json.loads(jindu(office, "entry", "list", "--period", "2018Q1", "--json").out)
    item = next(i for i in doc["items"] if i["item"] == "2.1")
    assert item == {
        "item": "2.1",
        "status": "behind",
        "progress": "已完成危房改造 120 户",
        "problems": "资金未到位",
        "next": "督促拨付",
    }


def test_checks_list_every_blocking_gap_of_an_empty_period(office: Path) -> None:
    result = jindu(office, "check", "--period", "2018Q1", "--json")
    assert result.code == 1
    doc = json.loads(result.out)
    assert doc["signable"] is False
    codes = {(c["code"], c["id"]) for c in doc["checks"]}
    assert ("item_status_missing", "1.1") in codes and ("item_progress_missing", "5.2") in codes
    assert ("value_missing", "2.1.1") in codes
    assert all(c["severity"] == "blocking" for c in doc["checks"])


def test_audit_log_records_who_changed_what(office: Path) -> None:
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "5")
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "6")
    assert jindu(office, "audit", "verify").code == 0
    log = jindu(office, "audit", "log", "--limit", "1").out
    assert "张三" in log and "2.1.1" in log and '"5"' in log and '"6"' in log


def test_audit_verify_fails_on_an_altered_record(office: Path) -> None:
    import sqlite3

    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "5")
    conn = sqlite3.connect(office / "jindu.sqlite3")
    conn.execute("UPDATE audit SET new = replace(new, '5', '9') WHERE entity = 'entry'")
    conn.commit()
    conn.close()
    result = jindu(office, "audit", "verify")
    assert result.code == 1 and "哈希" in result.err


def test_backup_and_restore_from_the_command_line(office: Path) -> None:
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "5")
    backup = jindu(office, "backup")
    assert backup.code == 0
    path = Path(backup.out.strip())
    assert path.is_file()
    jindu(office, "entry", "set", "--period", "2018Q1", "2.1.1", "999")
    restored = jindu(office, "restore", str(path))
    assert restored.code == 0, restored.err
    assert "已先备份" in restored.err
    doc = json.loads(jindu(office, "entry", "list", "--period", "2018Q1", "--json").out)
    assert next(e for e in doc["entries"] if e["indicator"] == "2.1.1")["value"] == 5
    listed = jindu(office, "backups").out
    assert "before-restore" in listed


def test_restore_refuses_a_file_that_is_not_a_backup(office: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("nope", encoding="utf-8")
    before = db_fingerprint(office)
    result = jindu(office, "restore", str(bogus))
    assert result.code == 1 and "bogus" in result.err
    assert db_fingerprint(office) == before
    assert jindu(office, "restore", str(tmp_path / "missing.sqlite3")).code == 2


def test_commands_before_setup_say_what_to_do(tmp_path: Path) -> None:
    result = jindu(tmp_path / "empty", "status")
    assert result.code == 1 and "jindu setup" in result.err


def test_usage_errors_exit_2_in_chinese(office: Path) -> None:
    result = jindu(office, "entry", "set", "2.1.1")
    assert result.code == 2


def test_control_characters_pasted_into_a_narrative_are_refused(office: Path) -> None:
    before = db_fingerprint(office)
    result = jindu(
        office,
        "entry",
        "status",
        "--period",
        "2018Q1",
        "2.1",
        "in_progress",
        "--progress",
        "进展\x0b顺利",
    )
    assert result.code == 1 and "进展情况" in result.err and "U+000B" in result.err
    assert db_fingerprint(office) == before
    ok = jindu(
        office,
        "entry",
        "status",
        "--period",
        "2018Q1",
        "2.1",
        "in_progress",
        "--progress",
        "第一行\n第二行\t制表",
    )
    assert ok.code == 0


def test_a_plan_with_a_known_version_but_other_content_is_refused(office: Path) -> None:
    from dataclasses import replace

    from app.office import open_office
    from models.errors import InputError

    service = open_office(office, auto_backup=False)
    plan = service.plan()
    service.install_plan(plan, "bundled")  # the same content again: nothing happens
    changed = replace(plan, title="2018年全市残疾人工作要点（改）")
    before = db_fingerprint(office)
    with pytest.raises(InputError, match="提高版本号"):
        service.install_plan(changed, "package")
    service.store.close()
    assert db_fingerprint(office) == before


def test_a_new_data_folder_carries_the_2018_plan_from_its_first_start(tmp_path: Path) -> None:
    data = tmp_path / "新"
    result = jindu(data, "plan", "show", "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["plan"]["id"] == "cq-2018" and len(doc["sections"]) == 5
    assert jindu(data, "plan", "list").out.startswith("* cq-2018")
    # …and setup afterwards finds it already there
    assert setup_office(data).code == 0
    assert "cq-2018" in jindu(data, "status").out

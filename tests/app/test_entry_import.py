"""A clerk fills the exported workbook in Excel or WPS and imports it; bad files change nothing."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.office import OfficeService, open_office
from app.returns import layout as L
from app.returns.entry_import import ImportRefused, import_workbook
from app.returns.export import export_return
from app.returns.xlsx_reader import WorkbookError
from models.errors import InputError, StateError
from models.kinds import Status
from tests.app.conftest import PERIOD
from tests.app.helpers import db_fingerprint, jindu


@pytest.fixture
def draft(service: OfficeService, tmp_path: Path) -> Path:
    xlsx, _pdf = export_return(service, PERIOD, tmp_path / "out")
    return xlsx


def fill(path: Path, cells: dict[tuple[str, str], object], out: Path | None = None) -> Path:
    """Type into the workbook the way a clerk does: by row (序号) and column."""
    wb = load_workbook(path)
    ws = wb[L.MAIN_SHEET]
    rows = {
        str(c.value): c.row for c in ws["A"] if isinstance(c.value, str) and L.is_row_id(c.value)
    }
    for (row_id, key), value in cells.items():
        cell = ws.cell(rows[row_id], L.COLUMN_INDEX[key])
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # typed with a leading apostrophe, as Excel needs
    target = out or path
    wb.save(target)
    return target


def set_label(path: Path, label: str, value: str) -> Path:
    wb = load_workbook(path)
    ws = wb[L.MAIN_SHEET]
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(f"{label}："):
                cell.value = f"{label}：{value}"
    wb.save(path)
    return path


def test_a_filled_workbook_round_trips_into_the_store(service: OfficeService, draft: Path) -> None:
    fill(
        draft,
        {
            ("2.1.1", "value"): 150,  # a number cell
            ("2.1.2", "value"): "1.2万",  # text as typed
            ("3.5.1", "value"): "１３，０００",  # full width from an input method
            ("2.2.1", "value"): datetime(2018, 3, 20),  # Excel turned 2018-03-20 into a date
            ("3.2.1", "value"): None,  # cleared
            ("2.1.1", "note"): "=含结转",
            ("2.3", "status"): "滞后",
            ("2.3", "progress"): "进度滞后。\n原因见存在问题。",
            ("2.3", "problems"): "资金未到位",
            ("2.3", "next"): "+争取二季度启动",
            ("4.2", "status"): "已完成",
            ("3.3.1", "value"): 99,  # the computed rate's grey cell is not read
        },
    )
    before = service.period_data(service.parse_period(PERIOD))
    result = import_workbook(service, draft)
    assert (result.period, result.revision) == (PERIOD, 1)
    assert result.entries == 5 and result.items == 2
    assert result.backup is not None and result.backup.is_file()
    data = service.period_data(service.parse_period(PERIOD))
    rows = data.by_indicator
    assert rows["2.1.1"].value.number == 150 and rows["2.1.1"].note == "=含结转"
    assert rows["2.1.2"].value.number == 12000
    assert rows["3.5.1"].value.number == 13000
    assert rows["2.2.1"].value.done and str(rows["2.2.1"].value.date) == "2018-03-20"
    assert rows["3.2.1"].value is None
    assert rows["3.3.1"].value == before.by_indicator["3.3.1"].value
    item = data.by_item["2.3"]
    assert (item.status, item.progress, item.problems, item.next) == (
        Status.BEHIND, "进度滞后。\n原因见存在问题。", "资金未到位", "+争取二季度启动",
    )  # fmt: skip
    assert data.by_item["4.2"].status is Status.DONE
    # Everything else is as it was.
    assert data.by_item["1.2"] == before.by_item["1.2"]
    assert rows["2.1.3"] == before.by_indicator["2.1.3"]


def test_an_unchanged_workbook_changes_nothing(
    service: OfficeService, draft: Path, office_dir: Path
) -> None:
    before = db_fingerprint(office_dir)
    result = import_workbook(service, draft)
    assert result.changed == 0 and result.backup is None
    assert db_fingerprint(office_dir) == before


def test_a_workbook_resaved_unchanged_by_a_spreadsheet_changes_nothing(
    service: OfficeService, draft: Path, office_dir: Path
) -> None:
    before = db_fingerprint(office_dir)
    fill(draft, {})  # openpyxl re-save: numbers come back as floats, text as shared strings
    assert import_workbook(service, draft).changed == 0
    assert db_fingerprint(office_dir) == before


def test_one_refused_cell_refuses_the_file_and_lists_every_problem(
    service: OfficeService, draft: Path, office_dir: Path
) -> None:
    fill(
        draft,
        {
            ("2.1.1", "value"): "150",  # fine on its own
            ("2.1.2", "value"): "很多",
            ("2.1.3", "value"): -3,
            ("2.3", "status"): "进行中",
            ("2.2", "status"): None,  # a status cannot be emptied
            ("3.4.1", "value"): 1.5,
        },
    )
    before = db_fingerprint(office_dir)
    with pytest.raises(ImportRefused) as caught:
        import_workbook(service, draft)
    problems = caught.value.problems
    assert len(problems) == 5
    text = caught.value.message
    ws = load_workbook(draft)[L.MAIN_SHEET]
    row_of = {
        str(c.value): c.row for c in ws["A"] if isinstance(c.value, str) and L.is_row_id(c.value)
    }
    assert f"工作表「推进情况」，第 {row_of['2.1.2']} 行，第 G 列（本期累计完成）：" in text
    assert "「很多」" in text and "不是数字" in text
    assert f"第 {row_of['2.1.3']} 行，第 G 列（本期累计完成）" in text and "不能为负数" in text
    assert f"第 {row_of['2.3']} 行，第 C 列（状态）" in text and "「进行中」" in text
    assert f"第 {row_of['2.2']} 行，第 C 列（状态）" in text and "不能清空" in text
    assert f"第 {row_of['3.4.1']} 行" in text and "整数" in text
    assert db_fingerprint(office_dir) == before


def test_a_refusal_by_the_service_rolls_back_every_change(
    service: OfficeService, draft: Path, office_dir: Path
) -> None:
    # A note longer than the service accepts passes the cell check and fails on writing.
    fill(draft, {("2.1.1", "value"): 175, ("2.1.2", "note"): "长" * 2001})
    before = db_fingerprint(office_dir)
    with pytest.raises(ImportRefused, match=r"第 N 列（备注）：备注「长+…」无效：过长"):
        import_workbook(service, draft)
    assert db_fingerprint(office_dir) == before


def test_the_command_line_prints_the_problems_and_exits_1(office_dir: Path, draft: Path) -> None:
    fill(draft, {("2.1.2", "value"): "abc"})
    before = db_fingerprint(office_dir)
    result = jindu(office_dir, "entry", "import", str(draft))
    assert result.code == 1
    assert result.out == ""
    assert "工作表「推进情况」，第" in result.err and "第 G 列（本期累计完成）" in result.err
    assert db_fingerprint(office_dir) == before
    fill(draft, {("2.1.2", "value"): "600"})
    ok = jindu(office_dir, "entry", "import", str(draft))
    assert ok.code == 0, ok.err
    assert ok.out == "" and "已导入" in ok.err


def test_a_workbook_of_another_district_plan_or_period_is_refused(
    service: OfficeService, draft: Path, office_dir: Path, tmp_path: Path
) -> None:
    before = db_fingerprint(office_dir)
    cases = [
        ("区划代码", "500101", "500101"),
        ("计划编号", "cq-2019", "另一计划"),
        ("计划版本", "2", "第 2 版"),
        ("报告期代码", "2019Q1", "2018 年"),
        ("版次", "第2版", "第1版"),
    ]
    for label, value, message in cases:
        copy = shutil.copy(draft, tmp_path / f"{label}.xlsx")
        set_label(Path(copy), label, value)
        with pytest.raises(InputError, match=message):
            import_workbook(service, Path(copy))
    with pytest.raises(InputError, match="不是 2018Q2"):
        import_workbook(service, draft, period="2018Q2")
    assert db_fingerprint(office_dir) == before


def test_a_signed_period_refuses_the_import(
    service: OfficeService, draft: Path, office_dir: Path
) -> None:
    office = service.office()
    with service.store.change() as db:
        db.execute(
            "INSERT INTO returns (district, plan, period, revision, state, reason, comment, created_at, signed_at)"
            " VALUES (?, ?, ?, 1, 'signed', '', '', '2018-04-08T10:00:00+08:00', '2018-04-08T10:00:00+08:00')",
            [office.district.code, office.plan_id, PERIOD],
        )
    fill(draft, {("2.1.1", "value"): 199})
    before = db_fingerprint(office_dir)
    with pytest.raises(StateError, match="已签发"):
        import_workbook(service, draft)
    assert db_fingerprint(office_dir) == before


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _body(data: bytes) -> bytes:
    """An XML part without its declaration."""
    return data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data


def _with_part(draft: Path, out: Path, name: str, transform: object) -> Path:
    with zipfile.ZipFile(draft) as source:
        members = {n: source.read(n) for n in source.namelist()}
    members[name] = transform(members[name])  # type: ignore[operator]
    return _zip(out, members)


ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-zip", "不是 xlsx 文件"),
        ("old-xls", "旧版 .xls"),
        ("huge", "文件过大"),
        ("bomb", "压缩炸弹"),
        ("zip-not-xlsx", "不是 xlsx 工作簿"),
        ("entity", "DTD 或实体"),
        ("dtd-in-content-types", "DTD 或实体"),
        ("broken-xml", "不是有效的 XML"),
    ],
)
def test_files_that_are_not_a_sound_xlsx_are_refused_cleanly(
    office_dir: Path, draft: Path, tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / f"{name}.xlsx"
    if name == "not-a-zip":
        path.write_text("序号,工作任务\n2.1,…\n", encoding="utf-8")
    elif name == "old-xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    elif name == "huge":
        with path.open("wb") as fh:
            fh.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    elif name == "bomb":
        _zip(
            path,
            {
                "[Content_Types].xml": b"<a/>",
                "xl/workbook.xml": b"<a/>",
                "xl/big.xml": b"\0" * (8 * 1024 * 1024),
            },
        )
    elif name == "zip-not-xlsx":
        _zip(path, {"readme.txt": b"hello"})
    elif name == "entity":
        _with_part(
            draft, path, "xl/workbook.xml",
            lambda data: ENTITY_BOMB + _body(data).replace(b"<sheets>", b"<sheets>&lol2;", 1),
        )  # fmt: skip
    elif name == "dtd-in-content-types":
        _with_part(
            draft, path, "[Content_Types].xml",
            lambda data: b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">' + _body(data),
        )  # fmt: skip
    elif name == "broken-xml":
        _with_part(draft, path, "xl/worksheets/sheet1.xml", lambda data: data[: len(data) // 2])
    before = db_fingerprint(office_dir)
    result = jindu(office_dir, "entry", "import", str(path))
    assert result.code == 1, result.err
    assert message in result.err
    assert result.out == ""
    assert db_fingerprint(office_dir) == before
    service = open_office(office_dir, auto_backup=False)
    try:
        with pytest.raises(WorkbookError, match=message):
            import_workbook(service, path)
    finally:
        service.store.close()


def test_a_missing_file_is_a_usage_error(office_dir: Path, tmp_path: Path) -> None:
    result = jindu(office_dir, "entry", "import", str(tmp_path / "nowhere.xlsx"))
    assert result.code == 2
    assert "不存在" in result.err


def test_a_percentage_typed_in_excel_is_read_as_a_percentage(
    service: OfficeService, draft: Path
) -> None:
    # Rates computed from counts are grey; type into an open count cell formatted as % instead.
    wb = load_workbook(draft)
    ws = wb[L.MAIN_SHEET]
    row = next(c.row for c in ws["A"] if c.value == "2.1.1")
    cell = ws.cell(row, L.COLUMN_INDEX["value"])
    cell.value = 0.85
    cell.number_format = "0%"
    buffer = io.BytesIO()
    wb.save(buffer)
    draft.write_bytes(buffer.getvalue())
    with pytest.raises(ImportRefused, match="85%"):  # 85% is no count of 户
        import_workbook(service, draft)
    assert service.period_data(service.parse_period(PERIOD)).by_indicator[
        "2.1.1"
    ].value.number == Decimal(120)

"""Reading a return workbook back: for verification (canonical data) and for import.

A workbook comes from outside, so `check_xlsx_file` looks at it before openpyxl
does: its size, that it is a real zip holding an xlsx, the uncompressed size of
every part (a zip bomb), and that no XML part declares a DTD or entities
(defusedxml). Only then is it opened, and only the visible cells of the
推进情况 sheet are read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.canonical import FORMAT, normalize
from app.returns import layout as L
from models.errors import JinduError, UsageError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024
MAX_PARTS = 1000
# Real xlsx parts compress about 5-20 times; a bomb compresses thousands of times.
MAX_RATIO = 200
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


class WorkbookError(JinduError):
    """A file that is not a usable return workbook; nothing was read from it."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"工作簿「{path}」无法导入：{problem}")


@dataclass(frozen=True)
class IndicatorCells:
    """One indicator row as found: its row number and the raw input cells."""

    row: int
    id: str
    value: Any
    value_format: str
    note: Any


@dataclass(frozen=True)
class ItemCells:
    row: int
    id: str
    status: Any
    progress: Any
    problems: Any
    next: Any


@dataclass(frozen=True)
class ReturnWorkbook:
    path: Path
    sheet: str
    district: str
    district_name: str
    plan: str
    plan_version: str
    period: str
    revision: int
    draft: bool
    fields: dict[str, str]  # every labelled field by key (layout.HEADER_LABELS, SIGN_LABELS)
    indicators: list[IndicatorCells] = field(default_factory=list)
    items: list[ItemCells] = field(default_factory=list)
    canonical: dict[str, Any] = field(default_factory=dict)


def check_xlsx_file(path: Path) -> None:
    """Refuse, before parsing, a file that is missing, huge, not an xlsx, a bomb or hostile XML."""
    if not path.is_file():
        raise UsageError(f"文件「{path}」不存在")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            path,
            f"文件过大（{size // 1024 // 1024} MB），报表工作簿不应超过 {MAX_FILE_BYTES // 1024 // 1024} MB",
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        raise WorkbookError(
            path,
            "这是旧版 .xls 或加了密码的工作簿；请在 Excel/WPS 中去掉密码并另存为 .xlsx 后再导入",
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookError(path, "不是 xlsx 文件（xlsx 是 zip 格式，此文件不是）")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise WorkbookError(path, f"包含的部件过多（{len(infos)} 个）")
            names = {info.filename for info in infos}
            missing = [n for n in _REQUIRED_PARTS if n not in names]
            if missing:
                raise WorkbookError(path, f"不是 xlsx 工作簿（缺少 {'、'.join(missing)}）")
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    raise WorkbookError(path, f"部件 {info.filename} 已加密")
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if (
                    info.file_size > MAX_PART_BYTES
                    or total > MAX_UNCOMPRESSED_BYTES
                    or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO)
                ):
                    raise WorkbookError(path, f"解压后过大（部件 {info.filename}），疑似压缩炸弹")
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(info) as part:
                        _check_xml(path, info.filename, part)
    except zipfile.BadZipFile as exc:
        raise WorkbookError(path, f"zip 结构损坏：{exc}") from exc


def _check_xml(path: Path, name: str, part: IO[bytes]) -> None:
    """Parse one part as a stream (memory stays small), refusing any DTD or entity."""
    try:
        for _event, element in SafeET.iterparse(
            part, events=("end",), forbid_dtd=True, forbid_entities=True, forbid_external=True
        ):
            element.clear()
    except DefusedXmlException as exc:
        raise WorkbookError(
            path, f"部件 {name} 含有 DTD 或实体声明（可能是恶意文件），已拒绝"
        ) from exc
    except SafeET.ParseError as exc:
        raise WorkbookError(path, f"部件 {name} 不是有效的 XML：{exc}") from exc


def read_return_workbook(path: Path, *, data_only: bool = False) -> ReturnWorkbook:
    """Check and read a return workbook.

    `data_only=False` (verification) reads a formula as its formula text, so that a
    formula put in place of a number never verifies; the import reads the values
    Excel or WPS computed (`data_only=True`).
    """
    check_xlsx_file(path)
    try:
        wb = load_workbook(path, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise WorkbookError(path, f"无法打开：{exc}") from exc
    try:
        if L.MAIN_SHEET not in wb.sheetnames:
            raise WorkbookError(path, f"没有工作表「{L.MAIN_SHEET}」，不是进度（Jindu）导出的报表")
        return _read_sheet(path, wb[L.MAIN_SHEET])
    finally:
        wb.close()


def canonical_from_workbook(path: Path) -> dict[str, Any]:
    """The canonical return data rebuilt from a workbook's visible cells."""
    return read_return_workbook(path).canonical


def _text(value: Any) -> str:
    return L.cell_text(value)


def _read_sheet(path: Path, ws: Worksheet) -> ReturnWorkbook:
    cells: dict[tuple[int, int], Any] = {}
    formats: dict[tuple[int, int], str] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                cells[(cell.row, cell.column)] = cell.value
                formats[(cell.row, cell.column)] = cell.number_format
    header = _find_header(path, cells)
    first = header + 3
    last_row = max((r for r, _ in cells), default=0)
    ci = L.COLUMN_INDEX
    indicators: list[IndicatorCells] = []
    items: list[ItemCells] = []
    r = first
    while r <= last_row and any((r, c) in cells for c in range(1, L.LAST_COLUMN + 1)):
        row_id = _text(cells.get((r, ci["id"]))).strip()
        if L.is_indicator_id(row_id):
            indicators.append(
                IndicatorCells(
                    r,
                    row_id,
                    cells.get((r, ci["value"])),
                    formats.get((r, ci["value"]), ""),
                    cells.get((r, ci["note"])),
                )
            )
        elif L.is_row_id(row_id):
            items.append(
                ItemCells(
                    r,
                    row_id,
                    cells.get((r, ci["status"])),
                    cells.get((r, ci["progress"])),
                    cells.get((r, ci["problems"])),
                    cells.get((r, ci["next"])),
                )
            )
        r += 1
    table_end = r
    fields: dict[str, str] = {}
    draft = False
    for (row, _col), value in sorted(cells.items()):
        if first - 3 <= row < table_end or not isinstance(value, str):
            continue
        if value.strip() == L.DRAFT_MARK:
            draft = True
        found = L.split_labelled(value)
        if found and found[0] not in fields:
            fields[found[0]] = found[1]
    missing = [
        L.LABEL_TEXT[k]
        for k in ("district", "plan", "plan_version", "period", "revision")
        if k not in fields
    ]
    if missing:
        raise WorkbookError(path, f"找不到{'、'.join(missing)}，不是进度（Jindu）导出的报表")
    revision = L.parse_revision(fields["revision"])
    if revision is None:
        raise WorkbookError(path, f"版次「{fields['revision']}」无法识别，应为“第N版”")
    return ReturnWorkbook(
        path=path,
        sheet=ws.title,
        district=fields["district"].strip(),
        district_name=fields.get("district_name", ""),
        plan=fields["plan"].strip(),
        plan_version=fields["plan_version"].strip(),
        period=fields["period"].strip(),
        revision=revision,
        draft=draft,
        fields=fields,
        indicators=indicators,
        items=items,
        canonical=_canonical(fields, revision, indicators, items),
    )


def _find_header(path: Path, cells: dict[tuple[int, int], Any]) -> int:
    """The first header row: 序号 in column A with the layout's labels beside it."""
    for (row, col), value in sorted(cells.items()):
        if col != 1 or value != L.COLUMNS[0].label:
            continue
        for column in L.COLUMNS:
            at = L.COLUMN_INDEX[column.key]
            found = cells.get((row if column.group is None else row + 1, at))
            if found != column.label:
                raise WorkbookError(
                    path,
                    f"表头第 {get_column_letter(at)} 列应为「{column.label}」，实际是「{_text(found)}」；"
                    "请不要插入或删除列",
                )
        return row
    raise WorkbookError(path, f"工作表「{L.MAIN_SHEET}」中找不到表头（序号、工作任务……）")


def _canonical(
    f: dict[str, str], revision: int, indicators: list[IndicatorCells], items_found: list[ItemCells]
) -> dict[str, Any]:
    entries = []
    for cells in indicators:
        value, when = L.canonical_value_from_cell(cells.value)
        entries.append(
            {"indicator": cells.id, "value": value, "date": when, "note": _text(cells.note)}
        )
    items = [
        {
            "item": cells.id,
            "status": L.status_from_text(_text(cells.status)),
            "progress": _text(cells.progress),
            "problems": _text(cells.problems),
            "next": _text(cells.next),
        }
        for cells in items_found
    ]
    doc = {
        "format": FORMAT,
        "plan": {"id": f["plan"].strip(), "version": f["plan_version"].strip()},
        "district": {"code": f["district"].strip(), "name": f.get("district_name", "")},
        "period": f["period"].strip(),
        "revision": str(revision),
        "correction_reason": f.get("correction_reason", ""),
        "signed_at": L.signed_at_from_text(f.get("signed_at", "")),
        "office": {key: f.get(key, "") for key in ("clerk", "reviewer", "head", "phone")},
        "entries": entries,
        "items": items,
    }
    normal: dict[str, Any] = normalize(doc)
    return normal

"""The signed workbook: canonical return data, its signature and the certificate
in a very hidden sheet, checked against what the visible cells show.

The sheet `jindu_signature` (state `veryHidden`: Excel's and WPS's "unhide" menu
does not list it) holds, in column B:

    B1  jindu-workbook-signature/1
    B2  the signature over the canonical bytes (base64; see `app.signing.crypto`)
    B3  the certificate (PEM)
    B4  the number N of data chunks
    B5… the canonical bytes, base64, in N chunks of at most 32 000 characters
        (an Excel cell holds at most 32 767)

Base64 keeps the embedded data safe from everything a spreadsheet program does to
text on a re-save (formulas, whitespace, line endings). Verification decodes it,
checks the signature, rebuilds the canonical data from the visible cells with
`app.returns.xlsx_reader.canonical_from_workbook` and compares, so that a changed
number, status or narrative is reported by indicator or item and field, while an
unchanged re-save keeps verifying.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from app.files import write_atomic_with
from app.signing import crypto
from models.errors import JinduError

SHEET = "jindu_signature"
FORMAT = "jindu-workbook-signature/1"
CHUNK = 32_000  # a multiple of 4, so base64 padding never starts a chunk
MAX_CHUNKS = 200
MAX_XLSX_BYTES = 20 * 1024 * 1024

TOP_LABELS = {
    "format": "格式",
    "plan": "计划",
    "district": "区县",
    "period": "报告期",
    "revision": "版次",
    "correction_reason": "更正说明",
    "signed_at": "报出日期",
    "office": "单位信息",
}
SUB_LABELS = {
    "id": "编号",
    "version": "版本",
    "code": "代码",
    "name": "名称",
    "clerk": "填表人",
    "reviewer": "审核人",
    "head": "单位负责人",
    "phone": "联系电话",
}
ENTRY_LABELS = {"value": "本期累计", "date": "完成日期", "note": "备注"}
ITEM_LABELS = {"status": "状态", "progress": "进展情况", "problems": "存在问题", "next": "下步打算"}


@dataclass
class WorkbookCheck:
    """The result of verifying a signed return workbook."""

    ok: bool
    signer: x509.Certificate | None = None
    canonical: bytes | None = None  # the signed canonical bytes, when readable
    document: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)


def embed_signature(
    workbook: Any, canonical: bytes, key: crypto.PrivateKey, cert: x509.Certificate
) -> None:
    """Add the very hidden signature sheet to an openpyxl workbook (not yet saved)."""
    if SHEET in workbook.sheetnames:
        del workbook[SHEET]
    sheet = workbook.create_sheet(SHEET)
    sheet.sheet_state = "veryHidden"
    encoded = base64.b64encode(canonical).decode("ascii")
    chunks = [encoded[i : i + CHUNK] for i in range(0, len(encoded), CHUNK)] or [""]
    rows: list[tuple[str, str]] = [
        ("format", FORMAT),
        ("signature", crypto.sign_b64(key, canonical)),
        ("certificate", crypto.cert_pem(cert).decode("ascii")),
        ("chunks", str(len(chunks))),
        *[(f"data{i + 1}", chunk) for i, chunk in enumerate(chunks)],
    ]
    for row, (label, text) in enumerate(rows, start=1):
        sheet.cell(row=row, column=1, value=label)
        cell = sheet.cell(row=row, column=2, value=text)
        cell.data_type = "s"  # never a formula, whatever the text starts with


def sign_workbook_file(
    path: Path, canonical: bytes, key: crypto.PrivateKey, cert: x509.Certificate
) -> Path:
    """Embed the signature into the workbook at `path`, rewriting it atomically."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    embed_signature(workbook, canonical, key, cert)
    return write_atomic_with(path, workbook.save)


class _Unreadable(JinduError):
    pass


def _read_signature_sheet(path: Path) -> tuple[bytes, str, x509.Certificate]:
    """(canonical bytes, base64 signature, certificate) from the hidden sheet."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise _Unreadable(f"无法作为 Excel 工作簿打开（{type(exc).__name__}：{exc}）") from exc
    try:
        if SHEET not in workbook.sheetnames:
            raise _Unreadable("工作簿中没有签名（不是签发的报表，或签名已被删除）")
        cells: dict[int, str] = {}
        for row in workbook[SHEET].iter_rows(
            min_row=1, max_row=4 + MAX_CHUNKS, min_col=2, max_col=2
        ):
            for cell in row:
                if cell.value is not None and isinstance(cell.row, int):
                    cells[cell.row] = str(cell.value)
    finally:
        workbook.close()
    if cells.get(1) != FORMAT:
        raise _Unreadable(f"签名页的格式标记不是 {FORMAT}")
    count_text = cells.get(4, "")
    if not count_text.isdigit() or not 1 <= int(count_text) <= MAX_CHUNKS:
        raise _Unreadable("签名页中的数据块数无效")
    encoded = "".join(cells.get(5 + i, "") for i in range(int(count_text)))
    try:
        canonical = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _Unreadable("签名页中的报表数据已损坏（不是有效的 base64）") from exc
    try:
        cert = crypto.load_cert_bytes(cells.get(3, "").encode("ascii", "replace"), "签名页中的证书")
    except JinduError as exc:
        raise _Unreadable("签名页中的证书无法读取") from exc
    return canonical, cells.get(2, ""), cert


def _normal(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as its canonical bytes say it: every value a string."""
    from app.canonical import canonical_bytes

    result: dict[str, Any] = json.loads(canonical_bytes(doc))
    return result


def _show(value: object) -> str:
    text = "" if value is None else str(value)
    return f"「{text[:40]}{'…' if len(text) > 40 else ''}」"


def diff_canonical(signed: dict[str, Any], shown: dict[str, Any]) -> list[str]:
    """What the visible cells show differently from the signed data, in Chinese."""
    found: list[str] = []
    for key in sorted(set(signed) | set(shown)):
        if key in ("entries", "items"):
            continue
        a, b = signed.get(key), shown.get(key)
        if a == b:
            continue
        label = TOP_LABELS.get(key, key)
        if isinstance(a, dict) and isinstance(b, dict):
            for sub in sorted(set(a) | set(b)):
                if a.get(sub) != b.get(sub):
                    found.append(
                        f"{label}的{SUB_LABELS.get(sub, sub)}：签名时为{_show(a.get(sub))}，表格中为{_show(b.get(sub))}"
                    )
        else:
            found.append(f"{label}：签名时为{_show(a)}，表格中为{_show(b)}")
    for key, id_key, what, labels in (
        ("entries", "indicator", "指标", ENTRY_LABELS),
        ("items", "item", "工作任务", ITEM_LABELS),
    ):
        left = {str(e.get(id_key)): e for e in signed.get(key, []) if isinstance(e, dict)}
        right = {str(e.get(id_key)): e for e in shown.get(key, []) if isinstance(e, dict)}
        for ident in sorted(set(left) | set(right), key=_id_order):
            if ident not in right:
                found.append(f"{what} {ident}：签名时有，表格中缺少")
                continue
            if ident not in left:
                found.append(f"{what} {ident}：表格中多出，签名时没有")
                continue
            for name in sorted(set(left[ident]) | set(right[ident])):
                if name == id_key:
                    continue
                x, y = left[ident].get(name), right[ident].get(name)
                if x != y:
                    found.append(
                        f"{what} {ident} 的{labels.get(name, name)}：签名时为{_show(x)}，表格中为{_show(y)}"
                    )
    return found


def _id_order(ident: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in ident.split("."))


def check_workbook(path: Path, trust: x509.Certificate | None = None) -> WorkbookCheck:
    """Verify the signature sheet and compare the signed data with the visible cells."""
    if path.suffix.lower() != ".xlsx" and path.is_file():
        # openpyxl goes by the name's ending: a renamed workbook is read from a copy.
        import shutil
        import tempfile

        with tempfile.TemporaryDirectory(prefix="jindu-verify-") as tmp:
            copy = Path(tmp) / "return.xlsx"
            shutil.copyfile(path, copy)
            return check_workbook(copy, trust)
    from app.canonical import canonical_bytes
    from app.returns.xlsx_reader import canonical_from_workbook

    result = WorkbookCheck(ok=False)
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        result.problems.append(f"工作簿文件过大（{size} 字节）")
        return result
    with path.open("rb") as fh:
        if fh.read(4) != b"PK\x03\x04":
            result.problems.append("不是 Excel 工作簿（xlsx）文件")
            return result
    from app.returns.xlsx_reader import WorkbookError, check_xlsx_file

    # The reader refuses a bomb or hostile XML before openpyxl parses anything; when it
    # fails for another reason, the same checks run here before the signature sheet is read.
    shown: dict[str, Any] | None = None
    reader_problem = ""
    try:
        shown = canonical_from_workbook(path)
    except (WorkbookError, JinduError) as exc:
        reader_problem = f"无法从表格读出报表内容：{exc.message}"
    except Exception as exc:  # a hand-edited workbook can break the reader in any way
        reader_problem = f"无法从表格读出报表内容（{type(exc).__name__}：{exc}）"
    if shown is None:
        try:
            check_xlsx_file(path)
        except JinduError as exc:
            result.problems.append(exc.message)
            return result
    try:
        canonical, signature, cert = _read_signature_sheet(path)
    except _Unreadable as exc:
        result.problems.append(exc.message)
        if reader_problem:
            result.problems.append(reader_problem)
        return result
    result.signer = cert
    result.canonical = canonical
    if not crypto.verify_b64(cert, canonical, signature):
        result.problems.append("工作簿签名无效：签名页中的报表数据或签名被改动过")
    try:
        signed = json.loads(canonical.decode("utf-8"))
        if not isinstance(signed, dict):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError):
        result.problems.append("签名页中的报表数据不是有效的 JSON")
        return result
    result.document = signed
    if reader_problem:
        result.problems.append(reader_problem)
    if shown is not None and canonical_bytes(shown) != canonical:
        differences = diff_canonical(_normal(signed), _normal(shown))
        if differences:
            result.problems.extend(f"表格内容与签名不符：{d}" for d in differences)
        else:
            result.problems.append("表格内容与签名不符")
    from app.keys import cert_district

    district = (
        signed.get("district", {}).get("code", "")
        if isinstance(signed.get("district"), dict)
        else ""
    )
    if cert_district(cert) != district:
        result.problems.append(
            f"签名证书的区县代码「{cert_district(cert)}」与报表的区县「{district}」不一致"
        )
    if trust is not None and not crypto.same_cert(cert, trust):
        result.problems.append("工作簿不是由 --trust 指定的证书签发的")
    result.ok = not result.problems
    return result

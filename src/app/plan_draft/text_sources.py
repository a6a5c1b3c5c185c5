"""The text of a notice file: ``.txt`` (UTF-8 or GB18030), ``.docx`` or a text-based ``.pdf``.

The city's notice arrives as the Word file it was written in, as text copied
from the web page (saved by Notepad as UTF-8, or by older tools as GB18030/GBK),
or as a PDF. Whatever the source, the result is plain text with one paragraph a
line; paragraphs that are known to be paragraphs (Word's) are separated by a
blank line, so that the outline can tell them from lines a PDF wrapped.

A file that is not what its name says, a PDF with no text layer (a scan) or a
password-protected PDF is refused with ``InputError``; a path that does not
exist is a ``UsageError`` (the command line's exit status 2).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import InputError, UsageError

if TYPE_CHECKING:
    from docx.table import Table

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
# A notice is tens of kilobytes as text and a few megabytes as PDF; refuse
# anything far beyond that before a library tries to parse it.
MAX_FILE_BYTES = 50 * 1024 * 1024
FIELD = "通知文件"

# pypdf puts a space between the glyphs of some CJK fonts; Chinese text never
# has one between two Han characters or before Chinese punctuation.
_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)


def read_text(path: Path) -> str:
    """The notice's text. Raises UsageError (no such file) or InputError (unreadable)."""
    if not path.exists():
        raise UsageError(f"找不到文件 {path}")
    if not path.is_file():
        raise UsageError(f"{path} 不是文件")
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps"):
        raise InputError(
            FIELD,
            path.name,
            "是旧版 Word/WPS 格式，无法直接读取；请在 Word 或 WPS 中另存为 .docx 后再试",
        )
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            FIELD,
            path.name,
            f"不支持的文件类型「{suffix or '无扩展名'}」，应为 .txt、.docx 或 .pdf",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(FIELD, path.name, f"无法读取：{exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise InputError(FIELD, path.name, f"文件过大（{size} 字节），通知文件不应超过 50 MB")
    if suffix == ".txt":
        return _read_txt(path)
    if suffix == ".docx":
        return _read_docx(path)
    return _read_pdf(path)


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(FIELD, name, "不是有效的 UTF-16 文本") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise InputError(
                FIELD, name, f"既不是 UTF-8 也不是 GB18030 编码的文本（第 {exc.start} 字节处）"
            ) from exc
    if "\x00" in text:
        raise InputError(FIELD, name, "含有二进制内容，不是文本文件")
    return text


def _read_txt(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(FIELD, path.name, f"无法读取：{exc.strerror or exc}") from exc
    return decode_text(raw, path.name)


def _read_docx(path: Path) -> str:
    # Imported here: only this path needs python-docx, and the CLI starts faster without it.
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        blocks: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                blocks.extend(_table_lines(block))
            else:
                blocks.append(block.text)
    except OSError as exc:
        raise InputError(FIELD, path.name, f"无法读取：{exc.strerror or exc}") from exc
    except Exception as exc:
        # A damaged or disguised file can fail anywhere inside python-docx and lxml
        # (zip, content types, XML); all of it means "not a Word document".
        log.info("python-docx could not read %s: %r", path, exc)
        raise InputError(FIELD, path.name, "不是有效的 Word (.docx) 文件，或文件已损坏") from exc
    # A blank line between Word paragraphs: they are paragraphs for sure.
    return "\n\n".join(blocks)


def _table_lines(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        previous = None
        for cell in row.cells:
            # Merged cells come back once per grid column.
            if cell.text != previous and cell.text.strip():
                lines.append(cell.text)
            previous = cell.text
    return lines


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader  # imported only when a PDF is read

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(FIELD, path.name, "是加密的 PDF，请提供未加密的文件")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except OSError as exc:
        raise InputError(FIELD, path.name, f"无法读取：{exc.strerror or exc}") from exc
    except Exception as exc:
        # pypdf raises a wide range of errors on damaged files (PdfReadError,
        # KeyError, ValueError …); to the user they all mean the same thing.
        log.info("pypdf could not read %s: %r", path, exc)
        raise InputError(FIELD, path.name, "不是有效的 PDF 文件，或文件已损坏") from exc
    # A page break is not a paragraph break: a sentence often runs on to the next page.
    text = "\n".join(_CJK_SPACE.sub("", page).strip("\n") for page in pages)
    if not text.strip():
        raise InputError(
            FIELD,
            path.name,
            "是扫描版 PDF（没有文字层），无法提取文字；请提供 Word 文件或文字版 PDF，或先做文字识别（OCR）",
        )
    return text

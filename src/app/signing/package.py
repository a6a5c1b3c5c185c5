"""The upload package: one flat zip per signed return (DESIGN.md appendix, "Package").

`{code}_{period}_r{revision}.zip` holds exactly `return.json`, `return.xlsx`,
`return.pdf`, `manifest.json`, `manifest.sig` and `signer.pem`, named in UTF-8
(the zip's language-encoding flag is set on every entry). `manifest.json` lists
the SHA-256 of the three return files; `manifest.sig` is the detached signature
over the exact bytes of `manifest.json` (see `app.signing.crypto`); `signer.pem`
is the office certificate, whose SHA-256 fingerprint is the manifest's `signer`.
The private key never enters a package.

`read_package` is the only way in for a package from outside: it refuses a file
that is not a zip, too large a file or entry, too many entries, names with a
folder, `..` or a drive, duplicates, encrypted entries, and any set of names other
than the six, before a single entry is decompressed beyond its limit.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from app.files import write_atomic
from app.signing import crypto
from models.errors import JinduError

FORMAT = "jindu-package/1"
RETURN_JSON = "return.json"
RETURN_XLSX = "return.xlsx"
RETURN_PDF = "return.pdf"
MANIFEST = "manifest.json"
MANIFEST_SIG = "manifest.sig"
SIGNER_PEM = "signer.pem"
HASHED = (RETURN_JSON, RETURN_XLSX, RETURN_PDF)
MEMBERS = (*HASHED, MANIFEST, MANIFEST_SIG, SIGNER_PEM)

# A return's files are tens of kilobytes; these limits leave a wide margin while
# keeping a hostile zip (a bomb, thousands of entries) from costing memory or time.
MAX_PACKAGE_BYTES = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 40 * 1024 * 1024
MAX_ENTRIES = 16
UTF8_NAMES = 0x800  # general purpose bit 11: the name is UTF-8


class _Utf8ZipInfo(zipfile.ZipInfo):
    """A zip entry that always says its name is UTF-8 (bit 11).

    zipfile sets the bit only for non-ASCII names and resets `flag_bits` when it
    writes an entry; the appendix wants the flag on every entry, so that no reader
    guesses a code page (a Chinese Windows would guess GBK).
    """

    @property
    def flag_bits(self) -> int:
        return self._jindu_flags | UTF8_NAMES

    @flag_bits.setter
    def flag_bits(self, value: int) -> None:
        self._jindu_flags = value


class PackageError(JinduError):
    """A file that is not a well-formed Jindu package; nothing was read from it."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"上报包「{path}」无效：" + "；".join(problems))


@dataclass(frozen=True)
class Package:
    """A package's members, read safely; nothing in it is trusted yet."""

    path: Path
    files: dict[str, bytes]

    @property
    def manifest_bytes(self) -> bytes:
        return self.files[MANIFEST]


def package_name(district: str, period: str, revision: int) -> str:
    return f"{district}_{period}_r{revision}.zip"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_problems(
    manifest: dict[str, Any], files: dict[str, bytes], hashed: Sequence[str], fmt: str, signer: str
) -> list[str]:
    """What is wrong with a signed manifest (returns and plan packages alike): its format,
    its signer against signer.pem's fingerprint, its file list and each listed file's hash."""
    problems: list[str] = []
    if manifest.get("format") != fmt:
        problems.append(f"manifest.json 的格式「{manifest.get('format')}」不是 {fmt}")
    if manifest.get("signer") != signer:
        problems.append("manifest.json 中的签名人指纹与 signer.pem 不一致")
    listed = manifest.get("files")
    if not isinstance(listed, dict) or set(listed) != set(hashed):
        problems.append(f"manifest.json 的文件清单应正好列出 {'、'.join(hashed)}")
        listed = listed if isinstance(listed, dict) else {}
    for name in hashed:
        if name in listed and listed[name] != sha256_hex(files[name]):
            problems.append(f"{name} 与清单中的 SHA-256 不符：文件被改动或替换过")
    return problems


def manifest_bytes(
    *,
    district: str,
    plan: str,
    period: str,
    revision: int,
    created: str,
    signer: str,
    files: dict[str, bytes],
) -> bytes:
    """The manifest as signed: UTF-8 JSON, keys sorted, one field a line."""
    doc = {
        "format": FORMAT,
        "district": district,
        "plan": plan,
        "period": period,
        "revision": revision,
        "created": created,
        "signer": signer,
        "files": {name: sha256_hex(files[name]) for name in HASHED},
    }
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def _zip_time(created: str) -> tuple[int, int, int, int, int, int]:
    # Zip times carry no zone: the local wall-clock time of signing, as the clerk saw it.
    try:
        when = datetime.fromisoformat(created)
    except ValueError:
        when = datetime.now()
    if when.year < 1980:
        when = datetime(1980, 1, 1)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def package_bytes(
    *,
    files: dict[str, bytes],
    district: str,
    plan: str,
    period: str,
    revision: int,
    created: str,
    key: crypto.PrivateKey,
    cert: x509.Certificate,
) -> bytes:
    """The whole zip in memory: the three return files, the signed manifest, the certificate."""
    missing = [name for name in HASHED if name not in files]
    if missing or set(files) - set(HASHED):
        raise ValueError(f"package files must be exactly {HASHED}, got {sorted(files)}")
    from app.keys import fingerprint

    manifest = manifest_bytes(
        district=district,
        plan=plan,
        period=period,
        revision=revision,
        created=created,
        signer=fingerprint(cert),
        files=files,
    )
    members = {
        **{name: files[name] for name in HASHED},
        MANIFEST: manifest,
        MANIFEST_SIG: crypto.sign_bytes(key, manifest),
        SIGNER_PEM: crypto.cert_pem(cert),
    }
    stamp = _zip_time(created)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in MEMBERS:
            info = _Utf8ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name])
    return buffer.getvalue()


def write_package(out: Path, data: bytes) -> Path:
    return write_atomic(out, data)


def _name_problem(name: str) -> str | None:
    if not name:
        return "含有空文件名"
    if "/" in name or "\\" in name or ":" in name or ".." in name or name.startswith("."):
        return f"含有不安全的路径「{name}」（包内只能是平铺的文件，不能有文件夹、“..”或盘符）"
    if any(ord(ch) < 32 for ch in name):
        return f"含有带控制字符的文件名「{name!r}」"
    return None


def read_package(
    path: Path,
    *,
    max_bytes: int = MAX_PACKAGE_BYTES,
    max_member_bytes: int = MAX_MEMBER_BYTES,
) -> Package:
    """Read a package's six members after checking its size, names and entries."""
    size = path.stat().st_size
    if size > max_bytes:
        raise PackageError(path, [f"文件过大（{size} 字节，上限 {max_bytes} 字节）"])
    with path.open("rb") as fh:
        head = fh.read(4)
    if head != b"PK\x03\x04":
        raise PackageError(path, ["不是 zip 文件"])
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackageError(path, [f"不是有效的 zip 文件（{exc}）"]) from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise PackageError(path, [f"条目过多（{len(infos)} 个，应为 {len(MEMBERS)} 个）"])
        problems: list[str] = []
        names: list[str] = []
        for info in infos:
            problem = _name_problem(info.filename)
            if problem:
                problems.append(problem)
            names.append(info.filename)
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            problems.append(f"文件名重复：{'、'.join(duplicates)}")
        extra = sorted(set(names) - set(MEMBERS))
        missing = [n for n in MEMBERS if n not in names]
        unsafe = {n for n in names if _name_problem(n)}
        extra = [n for n in extra if n not in unsafe]
        if extra:
            problems.append(
                f"含有多余的文件：{'、'.join(extra)}（上报包只能包含 {'、'.join(MEMBERS)}）"
            )
        if missing:
            problems.append(f"缺少文件：{'、'.join(missing)}")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                problems.append(f"{info.filename}：已加密，不能读取")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                problems.append(f"{info.filename}：不支持的压缩方式")
            if info.file_size > max_member_bytes:
                problems.append(
                    f"{info.filename}：解压后过大（{info.file_size} 字节，上限 {max_member_bytes} 字节）"
                )
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            problems.append(f"解压后总大小过大（{total} 字节，上限 {MAX_TOTAL_BYTES} 字节）")
        if problems:
            raise PackageError(path, problems)
        files: dict[str, bytes] = {}
        for info in infos:
            try:
                with zf.open(info) as member:
                    # The declared size can lie: never read past the limit whatever it says.
                    data = member.read(max_member_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise PackageError(path, [f"{info.filename}：无法解压（{exc}）"]) from exc
            if len(data) > max_member_bytes or len(data) != info.file_size:
                raise PackageError(path, [f"{info.filename}：实际大小与目录记录不符或过大"])
            files[info.filename] = data
    return Package(path, files)

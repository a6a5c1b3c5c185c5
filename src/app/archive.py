"""The archive of signed packages in the data folder, and reconciling it with the store.

Every signed package is kept as `archive/{code}_{period}_r{revision}.zip` in the
data folder, beside the database. After a restore from a backup taken before a
signing, the database no longer knows that return was signed; the archive does.
`reconcile_archive` registers every archived package of this office in `returns`
as signed, with its revision, so that a signed return is never lost and its
revision number is never used again for different data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.files import write_atomic
from models.errors import JinduError

ARCHIVE_DIR = "archive"


@dataclass(frozen=True)
class ArchivedReturn:
    path: Path
    district: str
    plan: str
    period: str
    revision: int
    signed_at: str
    signer: str
    reason: str


def archive_dir(data_dir: Path) -> Path:
    return data_dir / ARCHIVE_DIR


def relative_name(name: str) -> str:
    """How the store records an archived package: relative to the data folder."""
    return f"{ARCHIVE_DIR}/{name}"


def archive_package(data_dir: Path, name: str, data: bytes) -> Path:
    return write_atomic(archive_dir(data_dir) / name, data)


def archived_package_path(data_dir: Path, recorded: str) -> Path:
    """The file behind a `returns.package` value (relative to the data folder, or absolute)."""
    path = Path(recorded)
    return path if path.is_absolute() else data_dir / path


def read_archived(path: Path) -> ArchivedReturn:
    """An archived package's identity, after checking its manifest signature and file hashes."""
    from app.keys import fingerprint
    from app.signing import crypto
    from app.signing.package import (
        HASHED,
        MANIFEST,
        MANIFEST_SIG,
        RETURN_JSON,
        SIGNER_PEM,
        read_package,
        sha256_hex,
    )

    package = read_package(path)
    cert = crypto.load_cert_bytes(package.files[SIGNER_PEM], SIGNER_PEM)
    manifest_raw = package.files[MANIFEST]
    if not crypto.verify_bytes(cert, manifest_raw, package.files[MANIFEST_SIG]):
        raise JinduError(f"存档的上报包 {path.name} 的清单签名无效")
    try:
        manifest = json.loads(manifest_raw)
        doc = json.loads(package.files[RETURN_JSON])
    except ValueError as exc:
        raise JinduError(f"存档的上报包 {path.name} 无法读取（{exc}）") from exc
    files = manifest.get("files", {})
    for name in HASHED:
        if files.get(name) != sha256_hex(package.files[name]):
            raise JinduError(f"存档的上报包 {path.name} 中 {name} 与清单不符")
    revision = manifest.get("revision")
    if not isinstance(revision, int) or revision < 1:
        raise JinduError(f"存档的上报包 {path.name} 的版次无效")
    return ArchivedReturn(
        path=path,
        district=str(manifest.get("district", "")),
        plan=str(manifest.get("plan", "")),
        period=str(manifest.get("period", "")),
        revision=revision,
        signed_at=str(doc.get("signed_at", "") or manifest.get("created", "")),
        signer=fingerprint(cert),
        reason=str(doc.get("correction_reason", "") or ""),
    )


def reconcile_archive(data_dir: Path, service: object) -> list[str]:
    """Register every archived package of this office as a signed return; say what changed."""
    from app.office import OfficeService, now_iso

    assert isinstance(service, OfficeService)
    folder = archive_dir(data_dir)
    if not folder.is_dir() or not service.is_set_up:
        return []
    code = service.office().district.code
    messages: list[str] = []
    found: list[ArchivedReturn] = []
    for path in sorted(folder.glob("*.zip")):
        try:
            archived = read_archived(path)
        except JinduError as exc:
            messages.append(f"跳过存档文件 {path.name}：{exc.message}")
            continue
        if archived.district != code:
            messages.append(f"跳过存档文件 {path.name}：属于区县 {archived.district}，不是本单位")
            continue
        found.append(archived)
    store = service.store
    with store.change() as db:
        for a in sorted(found, key=lambda x: (x.plan, x.period, x.revision)):
            row = db.execute(
                "SELECT state, package FROM returns WHERE district = ? AND plan = ? AND period = ? AND revision = ?",
                [a.district, a.plan, a.period, a.revision],
            ).fetchone()
            recorded = relative_name(a.path.name)
            if row is not None and row[0] == "signed":
                continue
            if row is None:
                db.execute(
                    "INSERT INTO returns (district, plan, period, revision, state, reason, comment,"
                    " created_at, signed_at, signer, package) VALUES (?, ?, ?, ?, 'signed', ?, '', ?, ?, ?, ?)",
                    [
                        a.district,
                        a.plan,
                        a.period,
                        a.revision,
                        a.reason,
                        now_iso(),
                        a.signed_at,
                        a.signer,
                        recorded,
                    ],
                )
            else:
                db.execute(
                    "UPDATE returns SET state = 'signed', reason = ?, signed_at = ?, signer = ?, package = ?"
                    " WHERE district = ? AND plan = ? AND period = ? AND revision = ?",
                    [
                        a.reason,
                        a.signed_at,
                        a.signer,
                        recorded,
                        a.district,
                        a.plan,
                        a.period,
                        a.revision,
                    ],
                )
            store.audit(
                "reconcile",
                "return",
                f"{a.plan}/{a.period}/r{a.revision}",
                {"state": row[0]} if row else None,
                {"state": "signed", "signer": a.signer, "package": recorded},
            )
            messages.append(
                f"已从存档恢复签发记录：{a.period} 第 {a.revision} 版（{recorded}），该版已锁定，如需修改请更正。"
            )
        for plan, period, revision, package in db.execute(
            "SELECT plan, period, revision, package FROM returns WHERE district = ? AND state = 'signed'",
            [code],
        ).fetchall():
            if not package or not archived_package_path(data_dir, package).is_file():
                messages.append(
                    f"注意：{plan} {period} 第 {revision} 版已签发，但存档中找不到它的上报包（{package}）。"
                )
    return messages

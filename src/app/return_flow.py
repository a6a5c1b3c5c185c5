"""A return's life: draft → submitted (review) → signed, and corrections.

`sign` is the promise to the city. It refuses while any check stops signing,
builds the final workbook and PDF, signs both and the package, checks the package
it made as the city will, and only then writes: the three files to the chosen
folder, the package to the data folder's archive, and, in one transaction, the
return's state `signed` with its audit record. Until that commit the period stays
editable; after it, `OfficeService.ensure_editable` refuses every change and
points to 更正 (`correct`), which opens revision n+1 as a draft.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.office import OfficeService, ReturnRecord, now_iso
from app.returns.progress import Cancelled, NoProgress, Progress
from models.checks import Check
from models.errors import InputError, JinduError, StateError
from models.periods import Period

MAX_REASON = 500
MAX_COMMENT = 2000


SIGN_STEPS = 7


def data_dir_of(service: OfficeService) -> Path:
    return service.store.path.parent


def file_stem(district: str, period: Period, revision: int) -> str:
    return f"{district}_{period.id}_r{revision}"


def _key(service: OfficeService, period: Period, revision: int) -> str:
    return f"{service.office().plan_id}/{period.id}/r{revision}"


def _write_state(
    service: OfficeService,
    period: Period,
    record: ReturnRecord,
    state: str,
    *,
    action: str,
    comment: str | None = None,
    reason: str | None = None,
    signed_at: str | None = None,
    signer: str | None = None,
    package: str | None = None,
    audit_extra: dict[str, object] | None = None,
) -> ReturnRecord:
    """Insert or update the return's row and its audit record, in one transaction."""
    office = service.office()
    with service.store.change() as db:
        db.execute(
            "INSERT INTO returns (district, plan, period, revision, state, reason, comment, created_at,"
            " signed_at, signer, package) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (district, plan, period, revision) DO UPDATE SET state = excluded.state,"
            " reason = excluded.reason, comment = excluded.comment, signed_at = excluded.signed_at,"
            " signer = excluded.signer, package = excluded.package",
            [
                office.district.code,
                office.plan_id,
                period.id,
                record.revision,
                state,
                record.reason if reason is None else reason,
                record.comment if comment is None else comment,
                now_iso(),
                signed_at if signed_at is not None else record.signed_at,
                signer if signer is not None else record.signer,
                package if package is not None else record.package,
            ],
        )
        new: dict[str, object] = {"state": state}
        for name, value in (
            ("comment", comment),
            ("signed_at", signed_at),
            ("signer", signer),
            ("package", package),
        ):
            if value is not None:
                new[name] = value
        new.update(audit_extra or {})
        service.store.audit(
            action, "return", _key(service, period, record.revision), {"state": record.state}, new
        )
    return service.return_record(period, record.revision)


def submit(service: OfficeService, period: Period) -> ReturnRecord:
    """Hand a draft to the reviewer; edits wait until it is sent back."""
    record = service.return_record(period)
    if record.state != "draft":
        raise StateError(
            f"{period.label_zh}的报表（第 {record.revision} 版）{record.state_label}，只有草稿才能提交审核。"
        )
    return _write_state(service, period, record, "submitted", action="submit")


def send_back(service: OfficeService, period: Period, comment: str) -> ReturnRecord:
    """The reviewer returns a submitted return to draft, saying why."""
    text = comment.strip()
    if not text:
        raise InputError("退回意见", comment, "不能为空，请写明需要修改的地方")
    if len(text) > MAX_COMMENT:
        raise InputError("退回意见", text[:20] + "…", f"过长（最多 {MAX_COMMENT} 字）")
    record = service.return_record(period)
    if record.state != "submitted":
        raise StateError(
            f"{period.label_zh}的报表（第 {record.revision} 版）{record.state_label}，只有已提交审核的报表才能退回。"
        )
    return _write_state(service, period, record, "draft", action="send-back", comment=text)


def obstacles(service: OfficeService, period: Period) -> list[Check]:
    return [c for c in service.checks(period) if c.stops_signing]


def _ensure_revision_unused(service: OfficeService, period: Period, record: ReturnRecord) -> None:
    """A revision whose package is in the archive was signed once: never sign it again.

    The store can forget a signing (a restore from an older backup by a path that
    did not reconcile the archive); the archive does not.
    """
    from app.archive import archive_dir, reconcile_archive
    from app.signing.package import package_name

    data_dir = data_dir_of(service)
    archived = archive_dir(data_dir) / package_name(record.district, period.id, record.revision)
    if not archived.exists():
        return
    reconcile_archive(data_dir, service)
    raise StateError(
        f"{period.label_zh}的报表第 {record.revision} 版已经签发过（存档文件 {archived}），"
        "版次不能重复使用；已按存档恢复它的签发记录。如需修改，请使用更正："
        f"jindu return correct --period {period.id} --reason 原因"
    )


def ensure_signable(service: OfficeService, period: Period) -> ReturnRecord:
    """Refuse a signed return or one with a check that stops signing, naming each."""
    record = service.return_record(period)
    if record.state == "signed":
        raise StateError(
            f"{period.label_zh}的报表第 {record.revision} 版已签发；如需修改，请先更正："
            f"jindu return correct --period {period.id} --reason 原因"
        )
    _ensure_revision_unused(service, period, record)
    found = obstacles(service, period)
    if found:
        lines = "\n".join(f"  [{c.severity.label_zh}] {c.message}" for c in found)
        raise StateError(
            f"{period.label_zh}的报表还不能签发，有 {len(found)} 项须先处理：\n{lines}"
        )
    return record


def sign(
    service: OfficeService,
    period: Period,
    out_dir: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
) -> list[Path]:
    """Sign the period's return; returns the paths of the xlsx, PDF and package written."""
    tick = progress or NoProgress()
    tick.start(SIGN_STEPS)
    try:
        return _sign(service, period, out_dir, passphrase, tick)
    finally:
        tick.finish()


def _sign(
    service: OfficeService, period: Period, out_dir: Path, passphrase: str, tick: Progress
) -> list[Path]:
    from app import keys
    from app.archive import archive_package, relative_name
    from app.canonical import canonical_bytes, canonical_return
    from app.files import write_atomic
    from app.returns.pdf_return import build_return_pdf
    from app.returns.xlsx_return import build_return_xlsx
    from app.signing.package import (
        RETURN_JSON,
        RETURN_PDF,
        RETURN_XLSX,
        package_bytes,
        package_name,
        read_package,
        sha256_hex,
    )
    from app.signing.pdf_sign import sign_pdf
    from app.signing.verify import VerifyReport, check_package_files
    from app.signing.workbook_sign import embed_signature

    def step(text: str) -> None:
        if tick.cancelled:
            raise Cancelled("已取消签发，未写入任何文件，报表未锁定。")
        tick.advance(text)

    step("核对检查和签名密钥")
    record = ensure_signable(service, period)
    data_dir = data_dir_of(service)
    key = keys.load_private_key(data_dir, passphrase)
    cert = keys.load_certificate(data_dir)
    office = service.office()
    code = office.district.code
    if keys.cert_district(cert) != code:
        raise StateError(
            f"签名证书属于区县 {keys.cert_district(cert)}，不是本单位（{code}）；"
            "请用 jindu key new 生成本单位的密钥。"
        )
    fingerprint = keys.fingerprint(cert)
    signed_at = now_iso()
    data = service.period_data(period)
    checks = service.checks(period)
    canonical = canonical_bytes(
        canonical_return(data, office, signed_at=signed_at, correction_reason=record.reason)
    )
    revision = record.revision
    reason = f"{office.district.name}{period.label_zh}推进情况报表第{revision}版签发"
    with tempfile.TemporaryDirectory(prefix="jindu-sign-") as tmp_name:
        tmp = Path(tmp_name)
        step("生成 Excel 报表并签名")
        xlsx = build_return_xlsx(
            data,
            office,
            checks,
            draft=False,
            signed_at=signed_at,
            out=tmp / RETURN_XLSX,
            before_save=lambda workbook: embed_signature(workbook, canonical, key, cert),
        ).read_bytes()
        step("生成 PDF 报表")
        unsigned = build_return_pdf(
            data,
            office,
            checks,
            draft=False,
            signed_at=signed_at,
            fingerprint=fingerprint,
            out=tmp / "unsigned.pdf",
        )
        step("PDF 数字签名")
        pdf = sign_pdf(
            unsigned.path.read_bytes(),
            key,
            cert,
            signed_at=signed_at,
            district=code,
            period=period.id,
            revision=revision,
            reason=reason,
            box=_box_of(unsigned),
        )
        step("生成上报包")
        name = package_name(code, period.id, revision)
        package = package_bytes(
            files={RETURN_JSON: canonical, RETURN_XLSX: xlsx, RETURN_PDF: pdf},
            district=code,
            plan=office.plan_id,
            period=period.id,
            revision=revision,
            created=signed_at,
            key=key,
            cert=cert,
        )
        step("自检上报包")
        # Check what we made as the city will, before anything is written or locked.
        probe = tmp / name
        probe.write_bytes(package)
        self_check = VerifyReport(probe, "package")
        check_package_files(read_package(probe).files, self_check, cert)
    if self_check.problems:
        raise JinduError("签发前自检未通过，未写入任何文件：" + "；".join(self_check.problems))

    step("写出文件并锁定报表")
    stem = file_stem(code, period, revision)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    archived: Path | None = None
    try:
        for suffix, content in ((".xlsx", xlsx), (".pdf", pdf), (".zip", package)):
            written.append(write_atomic(out_dir / f"{stem}{suffix}", content))
        archived = archive_package(data_dir, name, package)
        _write_state(
            service,
            period,
            record,
            "signed",
            action="sign",
            signed_at=signed_at,
            signer=fingerprint,
            package=relative_name(name),
            audit_extra={"sha256": sha256_hex(package)},
        )
    except BaseException:
        # Not locked: leave no signed file behind that the store does not know of.
        for path in [*written, *([archived] if archived else [])]:
            path.unlink(missing_ok=True)
        raise
    return written


def _box_of(result: object) -> tuple[float, float, float, float] | None:
    """The rectangle the PDF builder reserved for the signature, if it says one."""
    box = getattr(result, "signature_box", None)
    if box is None:
        return None
    rect = getattr(box, "rect", box)
    if isinstance(rect, tuple | list) and len(rect) == 4:
        x1, y1, x2, y2 = (float(v) for v in rect)
        return (x1, y1, x2, y2)
    return None


def correct(service: OfficeService, period: Period, reason: str) -> ReturnRecord:
    """Open revision n+1 of a signed return as a draft, with the reason for the correction."""
    text = reason.strip()
    if not text:
        raise InputError("更正原因", reason, "不能为空，请写明更正的内容和原因")
    if len(text) > MAX_REASON:
        raise InputError("更正原因", text[:20] + "…", f"过长（最多 {MAX_REASON} 字）")
    record = service.return_record(period)
    if record.state != "signed":
        raise StateError(
            f"{period.label_zh}的报表第 {record.revision} 版{record.state_label}，尚未签发，直接修改即可，无需更正。"
        )
    office = service.office()
    new_revision = record.revision + 1
    with service.store.change() as db:
        db.execute(
            "INSERT INTO returns (district, plan, period, revision, state, reason, comment, created_at)"
            " VALUES (?, ?, ?, ?, 'draft', ?, '', ?)",
            [office.district.code, office.plan_id, period.id, new_revision, text, now_iso()],
        )
        service.store.audit(
            "correct",
            "return",
            _key(service, period, new_revision),
            None,
            {"state": "draft", "reason": text},
        )
    return service.return_record(period, new_revision)

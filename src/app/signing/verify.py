"""`jindu verify`: is this package, PDF or workbook intact and signed by whom?

Every check runs and every problem is reported (in Chinese, naming the file and
what differs); a report is `ok` only when there is none. With `trust`, the
signature must also be by that certificate.

A package is checked as the city will: the manifest's signature with `signer.pem`,
that the manifest's signer is that certificate, each file's SHA-256, that the
certificate's district code is the manifest's district (and a known one), then
`return.json` against the workbook's signed canonical data and the workbook's
visible cells, the PDF's signature and that it is by the same certificate, and
that district, period and revision agree across manifest, `return.json`, the
workbook and the PDF.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from app.signing import crypto
from app.signing.package import (
    FORMAT,
    HASHED,
    MANIFEST_SIG,
    RETURN_JSON,
    RETURN_PDF,
    RETURN_XLSX,
    SIGNER_PEM,
    PackageError,
    manifest_problems,
    read_package,
)
from models.errors import JinduError, UsageError

_NAME = re.compile(r"([0-9]{6})_([0-9]{4}(?:[QS][0-9]|[0-9]{2})?)_r([0-9]+)\.zip", re.IGNORECASE)
KIND_LABELS = {"package": "上报包", "pdf": "PDF 报表", "xlsx": "Excel 报表"}


@dataclass
class VerifyReport:
    """What `jindu verify` says about one file."""

    path: Path
    kind: str  # "package" | "pdf" | "xlsx"
    ok: bool = False
    signer: str | None = None  # SHA-256 fingerprint of the signing certificate
    district: str = ""
    period: str = ""
    revision: int | None = None
    signed_at: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def detect_kind(path: Path) -> str:
    """By the name's ending, else by the first bytes; an unknown file is taken as a package."""
    suffix = path.suffix.lower()
    if suffix in (".pdf", ".xlsx", ".zip"):
        return {".pdf": "pdf", ".xlsx": "xlsx", ".zip": "package"}[suffix]
    with path.open("rb") as fh:
        head = fh.read(5)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist()[:64])
        except (zipfile.BadZipFile, OSError, ValueError):
            return "package"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return "package"


def verify_file(path: Path, trust: x509.Certificate | None = None) -> VerifyReport:
    """Verify one file of any of the three kinds; a missing path is a usage error."""
    if not path.is_file():
        raise UsageError(f"文件「{path}」不存在")
    kind = detect_kind(path)
    if kind == "pdf":
        return verify_pdf(path, trust)
    if kind == "xlsx":
        return verify_workbook(path, trust)
    return verify_package(path, trust)


def _fingerprint(cert: x509.Certificate) -> str:
    from app.keys import fingerprint

    return fingerprint(cert)


def _trust_problem(what: str, cert: x509.Certificate, trust: x509.Certificate) -> str:
    return (
        f"{what}不是由 --trust 指定的证书签发的（签名人指纹 {_fingerprint(cert)[:16]}…，"
        f"信任的证书指纹 {_fingerprint(trust)[:16]}…）"
    )


def verify_pdf(path: Path, trust: x509.Certificate | None = None) -> VerifyReport:
    from app.keys import cert_district
    from app.signing.pdf_sign import pdf_path_check

    report = VerifyReport(path, "pdf")
    checked = pdf_path_check(path, None)
    report.problems.extend(checked.problems)
    if checked.signer is not None:
        report.signer = _fingerprint(checked.signer)
        if trust is not None and not crypto.same_cert(checked.signer, trust):
            report.problems.append(_trust_problem("PDF ", checked.signer, trust))
        if checked.identity.district and cert_district(checked.signer) != checked.identity.district:
            report.problems.append(
                f"签名证书的区县代码「{cert_district(checked.signer)}」与 PDF 标明的区县「{checked.identity.district}」不一致"
            )
    report.district = checked.identity.district
    report.period = checked.identity.period
    report.revision = checked.identity.revision
    report.signed_at = checked.signed_at.isoformat() if checked.signed_at else ""
    report.ok = not report.problems
    return report


def _identity_of(doc: dict[str, Any] | None) -> tuple[str, str, int | None, str]:
    if not doc:
        return "", "", None, ""
    district = doc.get("district")
    code = str(district.get("code", "")) if isinstance(district, dict) else ""
    revision = str(doc.get("revision", ""))
    return (
        code,
        str(doc.get("period", "")),
        int(revision) if revision.isdigit() else None,
        str(doc.get("signed_at", "")),
    )


def verify_workbook(path: Path, trust: x509.Certificate | None = None) -> VerifyReport:
    from app.signing.workbook_sign import check_workbook

    report = VerifyReport(path, "xlsx")
    checked = check_workbook(path)
    report.problems.extend(checked.problems)
    if checked.signer is not None:
        report.signer = _fingerprint(checked.signer)
        if trust is not None and not crypto.same_cert(checked.signer, trust):
            report.problems.append(_trust_problem("工作簿", checked.signer, trust))
    report.district, report.period, report.revision, report.signed_at = _identity_of(
        checked.document
    )
    report.ok = not report.problems
    return report


def verify_package(path: Path, trust: x509.Certificate | None = None) -> VerifyReport:
    report = VerifyReport(path, "package")
    try:
        package = read_package(path)
    except PackageError as exc:
        report.problems.extend(exc.problems)
        return report
    check_package_files(package.files, report, trust)
    named = _NAME.fullmatch(path.name)
    if (
        named
        and report.district
        and (named[1], named[2], int(named[3]))
        != (
            report.district,
            report.period,
            report.revision,
        )
    ):
        report.problems.append(
            f"文件名「{path.name}」与包内的区县、报告期、版次"
            f"（{report.district}_{report.period}_r{report.revision}）不符"
        )
    report.ok = not report.problems
    return report


def check_package_files(
    files: dict[str, bytes], report: VerifyReport, trust: x509.Certificate | None
) -> None:
    """All the checks of a package's members (already read safely), into `report`."""
    from app.keys import cert_district

    problems = report.problems
    try:
        cert = crypto.load_cert_bytes(files[SIGNER_PEM], SIGNER_PEM)
    except JinduError:
        problems.append("signer.pem 不是有效的证书，无法验证签名")
        return
    report.signer = _fingerprint(cert)
    manifest_raw = files["manifest.json"]
    if not crypto.verify_bytes(cert, manifest_raw, files[MANIFEST_SIG]):
        problems.append("manifest.json 的签名无效：清单被改动过，或不是由 signer.pem 的持有者签发")
    try:
        manifest = json.loads(manifest_raw.decode("utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError):
        problems.append("manifest.json 不是有效的 JSON")
        return
    district = str(manifest.get("district", ""))
    period = str(manifest.get("period", ""))
    revision_raw = manifest.get("revision")
    report.district, report.period = district, period
    report.revision = revision_raw if isinstance(revision_raw, int) else None
    report.signed_at = str(manifest.get("created", ""))
    problems += manifest_problems(manifest, files, HASHED, FORMAT, report.signer)
    cert_code = cert_district(cert)
    if cert_code != district:
        problems.append(f"signer.pem 的区县代码「{cert_code}」与清单中的区县「{district}」不一致")
    from models.districts import district_by_code

    try:
        district_by_code(district)
    except JinduError:
        problems.append(f"清单中的区县代码「{district}」不在区划代码表中")
    if trust is not None and not crypto.same_cert(cert, trust):
        problems.append(_trust_problem("上报包", cert, trust))

    expected = (district, period, report.revision)
    # return.json
    doc: dict[str, Any] | None = None
    try:
        parsed = json.loads(files[RETURN_JSON].decode("utf-8"))
        if not isinstance(parsed, dict):
            raise ValueError("not an object")
        doc = parsed
    except (UnicodeDecodeError, ValueError):
        problems.append("return.json 不是有效的 JSON")
    if doc is not None:
        if doc.get("format") != "jindu-return/1":
            problems.append(f"return.json 的格式「{doc.get('format')}」不是 jindu-return/1")
        code, per, rev, _ = _identity_of(doc)
        plan = doc.get("plan")
        plan_id = str(plan.get("id", "")) if isinstance(plan, dict) else ""
        _agree(problems, "return.json", expected, (code, per, rev))
        if plan_id != str(manifest.get("plan", "")):
            problems.append(
                f"return.json 的计划「{plan_id}」与清单中的计划「{manifest.get('plan')}」不一致"
            )
    _check_member_workbook(files, cert, expected, problems)
    _check_member_pdf(files, cert, expected, problems)


def _agree(
    problems: list[str],
    name: str,
    expected: tuple[str, str, int | None],
    found: tuple[str, str, int | None],
) -> None:
    for label, want, got in zip(("区县", "报告期", "版次"), expected, found, strict=True):
        if want != got:
            problems.append(
                f"{name} 的{label}「{got if got is not None else ''}」与清单中的「{want if want is not None else ''}」不一致"
            )


def _check_member_workbook(
    files: dict[str, bytes],
    cert: x509.Certificate,
    expected: tuple[str, str, int | None],
    problems: list[str],
) -> None:
    import tempfile

    from app.signing.workbook_sign import check_workbook

    with tempfile.TemporaryDirectory(prefix="jindu-verify-") as tmp:
        member = Path(tmp) / RETURN_XLSX
        member.write_bytes(files[RETURN_XLSX])
        checked = check_workbook(member)
    problems.extend(f"return.xlsx：{p}" for p in checked.problems)
    if checked.signer is not None and not crypto.same_cert(checked.signer, cert):
        problems.append("return.xlsx 的签名证书与 signer.pem 不同")
    if checked.canonical is not None:
        if checked.canonical != files[RETURN_JSON]:
            problems.append("return.json 与 return.xlsx 中签名的报表数据不一致")
        code, per, rev, _ = _identity_of(checked.document)
        _agree(problems, "return.xlsx", expected, (code, per, rev))


def _check_member_pdf(
    files: dict[str, bytes],
    cert: x509.Certificate,
    expected: tuple[str, str, int | None],
    problems: list[str],
) -> None:
    from app.signing.pdf_sign import check_pdf

    checked = check_pdf(files[RETURN_PDF], None)
    problems.extend(f"return.pdf：{p}" for p in checked.problems)
    if checked.signer is not None and not crypto.same_cert(checked.signer, cert):
        problems.append("return.pdf 的签名证书与 signer.pem 不同")
    if checked.identity.district:
        identity = checked.identity
        _agree(
            problems,
            "return.pdf",
            expected,
            (identity.district, identity.period, identity.revision),
        )


def verify_files(paths: list[Path], trust: x509.Certificate | None = None) -> list[VerifyReport]:
    return [verify_file(p, trust) for p in paths]

"""PAdES baseline B-B signatures on return PDFs, with pyHanko, and their validation.

The visible signature block (signer, time, fingerprint) is drawn by the PDF builder
as part of the last page: pyHanko's own stamp garbles TrueType Chinese fonts whose
units-per-em is not 1000 (STACK.md). The signature field is placed over that block
with a blank appearance, so that clicking the block in a PDF reader shows the
signature; without a box the field is invisible.

PAdES forbids the CMS signing-time attribute: the claimed signing time goes into
the signature dictionary's /M entry, which lies inside the signed byte range. It
is set to the return's `signed_at`, so the PDF, the workbook and the package all
carry the same time. The document's keywords name the district, period and
revision (written in the signed revision), so that a PDF verified on its own can
say which return it is.

pyHanko is imported inside the functions: it costs ~0.4 s to import.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.signing.crypto import PrivateKey

FIELD_NAME = "JinduSignature"
KEYWORD_FORMAT = "jindu-return/1"
MAX_PDF_BYTES = 20 * 1024 * 1024

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PdfIdentity:
    """What a signed return PDF says about itself, in its signed keywords."""

    district: str = ""
    period: str = ""
    revision: int | None = None


@dataclass
class PdfCheck:
    """The result of validating a return PDF's signature."""

    ok: bool
    signer: x509.Certificate | None = None
    signed_at: datetime | None = None
    identity: PdfIdentity = field(default_factory=PdfIdentity)
    problems: list[str] = field(default_factory=list)


def _asn1_cert(cert: x509.Certificate) -> Any:
    from asn1crypto import x509 as ax509

    return ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def sign_pdf(
    source: bytes,
    key: PrivateKey,
    cert: x509.Certificate,
    *,
    signed_at: str,
    district: str,
    period: str,
    revision: int,
    reason: str = "",
    box: Box | None = None,
) -> bytes:
    """Sign a PDF (bytes in, bytes out): PAdES B-B, SHA-256, field over `box` on the last page."""
    from asn1crypto import keys as akeys
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.pdf_signer import PdfSigner, PdfSigningSession
    from pyhanko.stamp import TextStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    when = datetime.fromisoformat(signed_at)

    class _TimedSigner(PdfSigner):
        # pyHanko takes /M from the session's clock; the return's signed_at is the truth.
        def init_signing_session(
            self, pdf_out: Any, existing_fields_only: bool = False
        ) -> PdfSigningSession:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = when
            return session

    acert = _asn1_cert(cert)
    # The unencrypted key exists only in memory, for pyHanko's signer.
    akey = akeys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    signer = signers.SimpleSigner(
        signing_cert=acert,
        signing_key=akey,
        cert_registry=SimpleCertificateStore.from_certs([acert]),  # type: ignore[no-untyped-call]
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
        location=district,
    )
    rect = (0, 0, 0, 0) if box is None else tuple(round(v) for v in box)
    spec = fields.SigFieldSpec(FIELD_NAME, on_page=-1, box=rect)  # type: ignore[arg-type]
    # A blank appearance: the block itself is part of the page (see the module's note).
    style = TextStampStyle(stamp_text=" ", border_width=0, background=None)
    pdf_signer = _TimedSigner(meta, signer, new_field_spec=spec, stamp_style=style)
    writer = IncrementalPdfFileWriter(io.BytesIO(source))
    previous = [k for k in writer.document_meta_view.keywords if not _is_ours(k)]
    writer.document_meta.keywords = [
        *previous,
        KEYWORD_FORMAT,
        f"district={district}",
        f"period={period}",
        f"revision={revision}",
    ]
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


def _is_ours(keyword: str) -> bool:
    return keyword == KEYWORD_FORMAT or keyword.split("=", 1)[0] in (
        "district",
        "period",
        "revision",
    )


def _identity(keywords: str) -> PdfIdentity:
    parts = [k.strip() for k in keywords.replace(";", ",").split(",")]
    if KEYWORD_FORMAT not in parts:
        return PdfIdentity()
    found = dict(p.split("=", 1) for p in parts if "=" in p)
    revision = found.get("revision", "")
    return PdfIdentity(
        district=found.get("district", ""),
        period=found.get("period", ""),
        revision=int(revision) if revision.isdigit() else None,
    )


def check_pdf(data: bytes, trust: x509.Certificate | None = None) -> PdfCheck:
    """Validate the return's one signature: intact, covering the whole file, by `trust`.

    Without `trust`, the certificate embedded in the signature is taken as the trust
    root (it is self-signed): that proves the file is unchanged since signing by the
    holder of that key, and the caller reports the fingerprint to compare.
    """
    from asn1crypto import x509 as ax509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    result = PdfCheck(ok=False)
    if len(data) > MAX_PDF_BYTES:
        result.problems.append(f"PDF 文件过大（{len(data)} 字节）")
        return result
    if not data.startswith(b"%PDF-"):
        result.problems.append("不是 PDF 文件")
        return result
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # a damaged or hostile file can fail anywhere in the parser
        result.problems.append(f"PDF 文件已损坏，无法读取（{type(exc).__name__}：{exc}）")
        return result
    if not signatures:
        result.problems.append("PDF 中没有数字签名")
        return result
    if len(signatures) > 1:
        result.problems.append(f"PDF 中有 {len(signatures)} 个签名，签发的报表只应有一个")
    sig = signatures[0]
    try:
        embedded = sig.signer_cert
    except Exception as exc:  # as above: the CMS structure comes from outside
        result.problems.append(f"PDF 签名中没有可读的签名证书（{type(exc).__name__}：{exc}）")
        return result
    result.signer = x509.load_der_x509_certificate(embedded.dump())
    root = _asn1_cert(trust) if trust is not None else ax509.Certificate.load(embedded.dump())
    try:
        status = validate_pdf_signature(
            sig, ValidationContext(trust_roots=[root], allow_fetching=False)
        )
    except Exception as exc:  # as above
        result.problems.append(f"PDF 签名无法验证（{type(exc).__name__}：{exc}）")
        return result
    result.signed_at = status.signer_reported_dt
    if not status.intact:
        result.problems.append("PDF 内容在签名后被改动（摘要不符）")
    elif not status.valid:
        result.problems.append("PDF 签名值无效")
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        result.problems.append("PDF 签名后又追加了内容（签名未覆盖整个文件）")
    if trust is not None and not status.trusted:
        result.problems.append("PDF 不是由 --trust 指定的证书签发的")
    try:
        info = reader.trailer_view.get("/Info")
        keywords = str(info.get_object().get("/Keywords", "")) if info is not None else ""
    except Exception:  # no readable keywords: reported below as a missing identity
        keywords = ""
    result.identity = _identity(keywords)
    if not result.identity.district:
        result.problems.append("PDF 中没有进度报表的标识（区县、报告期、版次）")
    result.ok = not result.problems
    return result


def pdf_path_check(path: Path, trust: x509.Certificate | None = None) -> PdfCheck:
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        return PdfCheck(ok=False, problems=[f"PDF 文件过大（{size} 字节）"])
    return check_pdf(path.read_bytes(), trust)

"""The city's register of district certificates.

`jindu city trust DISTRICT CERT` registers the certificate a district exported
with `jindu key export-cert`; it is the only way to replace a district's
certificate. A package from a district with no certificate on record pins the
package's certificate (`pin_district`, called by the import), and the import says
so. The old certificate of a replaced one stays on record, retired.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509

from app.city.office import CITY_CODE, CityService
from app.fingerprints import group_fingerprint
from app.keys import cert_district, fingerprint
from app.office import now_iso
from app.signing import crypto
from models.districts import District, district_by_code, find_district
from models.errors import InputError, NotFoundError, UsageError


@dataclass(frozen=True)
class DistrictCert:
    district: str
    name: str
    fingerprint: str
    subject: str
    source: str  # "registered" (city trust) or "pinned" (first package)
    added_at: str
    not_after: datetime | None = None

    @property
    def fingerprint_grouped(self) -> str:
        return group_fingerprint(self.fingerprint)

    @property
    def source_label(self) -> str:
        return "市残联登记" if self.source == "registered" else "首次接收时登记"


@dataclass(frozen=True)
class TrustResult:
    cert: DistrictCert
    replaced: DistrictCert | None  # the certificate it replaced, if any
    unchanged: bool  # the same certificate was already the registered one
    warnings: list[str]


def resolve_district(text: str) -> District:
    """A district named by code or name; the city's own code and unknown codes are refused."""
    if text.strip() == CITY_CODE:
        raise InputError("区县", text, "是市级代码，不是区县")
    try:
        return find_district(text)
    except NotFoundError:
        raise NotFoundError("区县", text, "不在区划代码表中，不能登记") from None


def _district_name(code: str) -> str:
    try:
        return district_by_code(code).name
    except NotFoundError:
        return code


def _row_to_cert(row: tuple[str, str, str, str, str, str]) -> DistrictCert:
    district, fp, pem, subject, source, added_at = row
    cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
    return DistrictCert(
        district, _district_name(district), fp, subject, source, added_at, cert.not_valid_after_utc
    )


def current_cert(service: CityService, district: str) -> DistrictCert | None:
    row = service.store.db.execute(
        "SELECT district, fingerprint, cert, subject, source, added_at FROM district_certs"
        " WHERE district = ? AND retired_at IS NULL",
        [district],
    ).fetchone()
    return _row_to_cert(row) if row else None


def registered_certs(service: CityService) -> list[DistrictCert]:
    """The current certificate of every district on record, by district code."""
    rows = service.store.db.execute(
        "SELECT district, fingerprint, cert, subject, source, added_at FROM district_certs"
        " WHERE retired_at IS NULL ORDER BY district"
    ).fetchall()
    return [_row_to_cert(r) for r in rows]


def _record(
    service: CityService, district: str, cert: x509.Certificate, source: str
) -> DistrictCert:
    """Make `cert` the district's current certificate; call inside `store.change()`."""
    fp = fingerprint(cert)
    now = now_iso()
    db = service.store.db
    db.execute(
        "UPDATE district_certs SET retired_at = ? WHERE district = ? AND retired_at IS NULL",
        [now, district],
    )
    db.execute(
        "INSERT INTO district_certs (district, fingerprint, cert, subject, source, added_at, retired_at)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (district, fingerprint) DO UPDATE SET"
        " source = excluded.source, added_at = excluded.added_at, retired_at = NULL",
        [
            district,
            fp,
            crypto.cert_pem(cert).decode("ascii"),
            cert.subject.rfc4514_string(),
            source,
            now,
        ],
    )
    found = current_cert(service, district)
    assert found is not None
    return found


def trust_district(service: CityService, district_text: str, cert_path: Path) -> TrustResult:
    """Register (or replace) a district's certificate from the file it exported."""
    service.city()
    district = resolve_district(district_text)
    if not cert_path.is_file():
        raise UsageError(f"证书文件「{cert_path}」不存在")
    cert = crypto.load_cert_file(cert_path)
    code = cert_district(cert)
    if code != district.code:
        owner = f"{_district_name(code)}（{code}）" if code else "（未标明区县）"
        raise InputError("证书", str(cert_path), f"证书属于 {owner}，不是{district.label}的证书")
    warnings: list[str] = []
    now = datetime.now(UTC)
    if cert.not_valid_after_utc < now:
        warnings.append(
            f"注意：该证书已于 {cert.not_valid_after_utc:%Y-%m-%d} 过期，请区县用 jindu key new 生成新密钥。"
        )
    elif cert.not_valid_before_utc > now:
        warnings.append(
            f"注意：该证书的有效期从 {cert.not_valid_before_utc:%Y-%m-%d} 开始，请核对区县电脑的时间。"
        )
    old = current_cert(service, district.code)
    fp = fingerprint(cert)
    if old is not None and old.fingerprint == fp and old.source == "registered":
        return TrustResult(old, None, True, warnings)
    with service.store.change():
        new = _record(service, district.code, cert, "registered")
        service.store.audit(
            "trust",
            "district_cert",
            district.code,
            {"fingerprint": old.fingerprint, "source": old.source} if old else None,
            {"fingerprint": fp, "source": "registered"},
        )
    replaced = old if old is not None and old.fingerprint != fp else None
    return TrustResult(new, replaced, False, warnings)


def pin_district(service: CityService, district: str, cert: x509.Certificate) -> DistrictCert:
    """Record a first package's certificate for a district with none; inside `store.change()`."""
    found = _record(service, district, cert, "pinned")
    service.store.audit("pin", "district_cert", district, None, {"fingerprint": found.fingerprint})
    return found

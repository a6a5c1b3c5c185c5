"""The office's signing identity: an ECDSA P-256 key and a 5-year X.509 certificate.

The private key is stored encrypted with the passphrase (PKCS#8) in the data folder
and never leaves it. The certificate names the office, its district code (in the
subject's serialNumber attribute) and the federation.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.fingerprints import group_fingerprint
from models.errors import InputError, StateError

FEDERATION = "重庆市残疾人联合会"
KEY_FILE = "office.key.pem"
CERT_FILE = "office.cert.pem"
VALID_DAYS = 5 * 365 + 1
MIN_PASSPHRASE = 6


@dataclass(frozen=True)
class KeyInfo:
    fingerprint: str  # SHA-256 of the DER certificate, 64 lowercase hex digits
    subject: str
    district: str
    not_before: datetime
    not_after: datetime
    cert_path: Path

    @property
    def fingerprint_grouped(self) -> str:
        """For reading aloud on the phone: 16 groups of four."""
        return group_fingerprint(self.fingerprint)


def office_name(district_name: str) -> str:
    """The office a district key belongs to: 渝中区 → 渝中区残疾人联合会."""
    return f"{district_name}残疾人联合会"


def keys_dir(data_dir: Path) -> Path:
    return data_dir / "keys"


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def cert_district(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(attrs[0].value) if attrs else ""


def describe(cert: x509.Certificate, path: Path) -> KeyInfo:
    return KeyInfo(
        fingerprint=fingerprint(cert),
        subject=cert.subject.rfc4514_string(),
        district=cert_district(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        cert_path=path,
    )


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError("口令", "*" * len(passphrase), f"至少 {MIN_PASSPHRASE} 个字符")


def make_identity(office_name: str, code: str, passphrase: str) -> tuple[bytes, bytes]:
    """A new key pair and self-signed certificate: (encrypted PKCS#8 PEM, certificate PEM)."""
    check_passphrase(passphrase)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "重庆市"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, FEDERATION),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, office_name),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{office_name}（{code}）"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, code),
        ]
    )
    now = datetime.now(UTC) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CODE_SIGNING]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def create_identity(
    data_dir: Path, office_name: str, code: str, passphrase: str, *, replace: bool = False
) -> KeyInfo:
    folder = keys_dir(data_dir)
    if (folder / KEY_FILE).exists() and not replace:
        raise StateError("本单位已有签名密钥；如需换新密钥，请使用 jindu key new。")
    key_pem, cert_pem = make_identity(office_name, code, passphrase)
    folder.mkdir(parents=True, exist_ok=True)
    if replace and (folder / CERT_FILE).exists():
        retired = folder / "retired"
        retired.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        # Named by its fingerprint too: two renewals in one second must not overwrite one another.
        old_fp = fingerprint(x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes()))
        # Only the certificate is kept: an old key is useless without its passphrase.
        os.replace(folder / CERT_FILE, retired / f"office-{stamp}-{old_fp[:16]}.cert.pem")
    _write_private(folder / KEY_FILE, key_pem)
    _write_private(folder / CERT_FILE, cert_pem)
    return load_info(data_dir)


def has_identity(data_dir: Path) -> bool:
    return (keys_dir(data_dir) / KEY_FILE).is_file() and (keys_dir(data_dir) / CERT_FILE).is_file()


def load_certificate(data_dir: Path) -> x509.Certificate:
    path = keys_dir(data_dir) / CERT_FILE
    if not path.is_file():
        raise StateError("本单位还没有签名密钥，请先运行 jindu setup 或 jindu key new。")
    return x509.load_pem_x509_certificate(path.read_bytes())


def load_info(data_dir: Path) -> KeyInfo:
    return describe(load_certificate(data_dir), keys_dir(data_dir) / CERT_FILE)


def load_private_key(data_dir: Path, passphrase: str) -> ec.EllipticCurvePrivateKey:
    path = keys_dir(data_dir) / KEY_FILE
    if not path.is_file():
        raise StateError("本单位还没有签名密钥，请先运行 jindu setup 或 jindu key new。")
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise InputError("口令", "******", "口令不正确，无法解开签名密钥") from exc
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return key


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    check_passphrase(new)
    key = load_private_key(data_dir, old)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(new.encode("utf-8")),
    )
    _write_private(keys_dir(data_dir) / KEY_FILE, pem)

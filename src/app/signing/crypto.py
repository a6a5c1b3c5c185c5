"""Detached signatures over bytes with the office key, and loading certificates.

The signature format is the plain one every tool understands: for an ECDSA key,
the DER-encoded ECDSA-with-SHA-256 signature; for an RSA key, PKCS#1 v1.5 with
SHA-256. So `manifest.sig` can also be checked with
`openssl dgst -sha256 -verify <(openssl x509 -in signer.pem -pubkey -noout)
-signature manifest.sig manifest.json`.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from models.errors import InputError

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

# A certificate is a few hundred bytes; anything far larger is not one.
MAX_CERT_BYTES = 64 * 1024


def sign_bytes(key: PrivateKey, data: bytes) -> bytes:
    """A detached SHA-256 signature over `data` (DER ECDSA, or RSA PKCS#1 v1.5)."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def verify_bytes(cert: x509.Certificate, data: bytes, signature: bytes) -> bool:
    """True when `signature` is the certificate's key's signature over `data`."""
    public = cert.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_b64(key: PrivateKey, data: bytes) -> str:
    return base64.b64encode(sign_bytes(key, data)).decode("ascii")


def verify_b64(cert: x509.Certificate, data: bytes, signature: str) -> bool:
    try:
        raw = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    return verify_bytes(cert, data, raw)


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def load_cert_bytes(data: bytes, origin: str) -> x509.Certificate:
    """A certificate from PEM or DER bytes; anything else is refused naming `origin`."""
    if len(data) > MAX_CERT_BYTES:
        raise InputError("证书", origin, "文件过大，不是证书")
    text = data.replace(b"\r\n", b"\n").strip()
    try:
        if text.startswith(b"-----BEGIN CERTIFICATE-----"):
            return x509.load_pem_x509_certificate(text + b"\n")
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise InputError("证书", origin, "不是有效的 X.509 证书（PEM 或 DER）") from exc


def load_cert_file(path: Path) -> x509.Certificate:
    """A certificate file as `--trust` or `city trust` name it."""
    with path.open("rb") as fh:
        data = fh.read(MAX_CERT_BYTES + 1)
    return load_cert_bytes(data, str(path))


def same_cert(a: x509.Certificate, b: x509.Certificate) -> bool:
    return a.public_bytes(serialization.Encoding.DER) == b.public_bytes(serialization.Encoding.DER)

"""The package reader and the verifiers against arbitrary input from outside.

Whatever bytes arrive, reading a package, a PDF or a workbook ends in a report or a
`PackageError` with reasons, never in another exception, and never accepts a
member set other than the six.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.signing import crypto
from app.signing.package import MEMBERS, PackageError, package_bytes, read_package
from app.signing.pdf_sign import check_pdf
from app.signing.verify import verify_file

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

names = st.one_of(
    st.sampled_from(
        [*MEMBERS, "../return.json", "a/b", "", ".hidden", "C:x", "x\\y", "return.json\x00"]
    ),
    st.text(min_size=1, max_size=12),
)


def zip_of(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w") as zf:
            for name, data in entries:
                zf.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


@SETTINGS
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_are_refused_with_a_reason(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(data)
    with pytest.raises(PackageError) as caught:
        read_package(path)
    assert caught.value.problems


@SETTINGS
@given(entries=st.lists(st.tuples(names, st.binary(max_size=64)), max_size=10))
def test_only_exactly_the_six_flat_members_are_accepted(
    tmp_path: Path, entries: list[tuple[str, bytes]]
) -> None:
    path = tmp_path / "p.zip"
    try:
        path.write_bytes(zip_of(entries))
    except (ValueError, UnicodeEncodeError):
        return  # zipfile itself cannot write such a name
    try:
        package = read_package(path)
    except PackageError as exc:
        assert exc.problems
        return
    assert sorted(package.files) == sorted(MEMBERS)
    assert len(entries) == len(MEMBERS)


@SETTINGS
@given(data=st.binary(max_size=4096))
def test_check_pdf_never_raises(data: bytes) -> None:
    result = check_pdf(b"%PDF-1.7\n" + data)
    assert not result.ok and result.problems


@SETTINGS
@given(data=st.binary(max_size=1024), suffix=st.sampled_from([".pdf", ".xlsx", ".zip", ".bin"]))
def test_verify_file_reports_junk_of_any_kind(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(data)
    report = verify_file(path)
    assert not report.ok and report.problems


def test_a_junk_xlsx_zip_is_refused_by_the_workbook_checks(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(
        zip_of(
            [
                ("[Content_Types].xml", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"),
                ("xl/workbook.xml", b"<x/>"),
            ]
        )
    )
    report = verify_file(path)
    assert not report.ok
    assert any("DTD" in p or "实体" in p for p in report.problems), report.problems


def test_package_bytes_refuse_anything_but_the_three_return_files() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(ValueError):
        package_bytes(
            files={"return.json": b"{}", "return.xlsx": b"", "return.pdf": b"", "office.key.pem": b"x"},
            district="500103", plan="cq-2018", period="2018Q1", revision=1,
            created="2018-04-08T10:30:00+08:00", key=key, cert=None,  # type: ignore[arg-type]
        )  # fmt: skip


def test_signatures_over_bytes_round_trip_and_detect_one_flipped_bit() -> None:
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID

    for key in (ec.generate_private_key(ec.SECP256R1()), rsa.generate_private_key(65537, 2048)):
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试")])
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + timedelta(days=1))
            .sign(key, hashes.SHA256())
        )  # fmt: skip
        data = "清单 manifest".encode()
        signature = crypto.sign_bytes(key, data)
        assert crypto.verify_bytes(cert, data, signature)
        assert not crypto.verify_bytes(cert, data + b" ", signature)
        flipped = bytes([signature[0], signature[1] ^ 1, *signature[2:]])
        assert not crypto.verify_bytes(cert, data, flipped)
        assert crypto.verify_b64(cert, data, crypto.sign_b64(key, data))
        assert not crypto.verify_b64(cert, data, "not base64!")
        assert crypto.same_cert(
            crypto.load_cert_bytes(crypto.cert_pem(cert).replace(b"\n", b"\r\n"), "x"), cert
        )


def _identity(key: object, code: str = "500103") -> object:
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "测试单位"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, code),
        ]
    )
    now = datetime.now(UTC) - timedelta(minutes=1)
    return (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())  # type: ignore[attr-defined]
        .serial_number(7).not_valid_before(now).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["ecdsa", "rsa"])
def test_any_pdf_can_be_signed_invisibly_and_says_which_return_it_is(kind: str) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from reportlab.pdfgen import canvas

    from app.signing.pdf_sign import sign_pdf

    key = (
        ec.generate_private_key(ec.SECP256R1())
        if kind == "ecdsa"
        else rsa.generate_private_key(65537, 2048)
    )
    cert = _identity(key)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setKeywords("报表, 2018")
    page.drawString(100, 700, "any document")
    page.save()
    signed = sign_pdf(
        buffer.getvalue(), key, cert, signed_at="2018-04-08T10:30:00+08:00",  # type: ignore[arg-type]
        district="500103", period="2018Q1", revision=2,
    )  # fmt: skip
    result = check_pdf(signed)
    assert result.ok, result.problems
    assert (result.identity.district, result.identity.period, result.identity.revision) == (
        "500103",
        "2018Q1",
        2,
    )
    assert (
        result.signed_at is not None and result.signed_at.isoformat() == "2018-04-08T10:30:00+08:00"
    )
    from pyhanko.pdf_utils.reader import PdfFileReader

    keywords = str(PdfFileReader(io.BytesIO(signed)).trailer_view["/Info"]["/Keywords"])
    # The document's own keywords are kept beside ours.
    assert "报表" in keywords and "district=500103" in keywords
    other = ec.generate_private_key(ec.SECP256R1())
    assert not check_pdf(signed, trust=_identity(other)).ok  # type: ignore[arg-type]
    assert check_pdf(signed, trust=cert).ok  # type: ignore[arg-type]


def test_an_unsigned_pdf_is_refused() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    canvas.Canvas(buffer).save()
    result = check_pdf(buffer.getvalue())
    assert not result.ok
    assert "没有数字签名" in result.problems[0]

"""`jindu verify` on real signed returns: intact files pass, every kind of tampering fails.

The city verifies about 40 packages a period; each check here is one way a return
could be changed on its way there, and each must be caught with a clear reason.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.keys import fingerprint, load_certificate
from app.signing.package import MAX_PACKAGE_BYTES, MEMBERS
from tests.app.helpers import jindu
from tests.app.signing_fixtures import PROGRESS_MARK, Templates, signed_files, templates


@pytest.fixture(scope="session")
def tpl(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return templates(tmp_path_factory)


@pytest.fixture
def q1(tpl: Templates, tmp_path: Path) -> dict[str, Path]:
    """A private copy of the signed 2018Q1 files."""
    out = tmp_path / "q1"
    shutil.copytree(tpl.q1_out, out)
    return signed_files(out)


@pytest.fixture
def office_cert(tpl: Templates, tmp_path: Path) -> Path:
    path = tmp_path / "office.pem"
    assert jindu(tpl.signed, "key", "export-cert", str(path)).code == 0
    return path


def rezip(
    source: Path,
    target: Path,
    *,
    replace: dict[str, bytes] | None = None,
    extra: list[tuple[str, bytes]] | None = None,
) -> Path:
    """A copy of a package with members replaced or added, as an attacker would make it."""
    with zipfile.ZipFile(source) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist()]
    replace = replace or {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name: that is the point
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in [*((n, replace.get(n, d)) for n, d in members), *(extra or [])]:
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
    return target


def member(package: Path, name: str) -> bytes:
    with zipfile.ZipFile(package) as zf:
        return zf.read(name)


# ----- intact ------------------------------------------------------------------------------


def test_a_fresh_return_verifies_in_all_three_forms(
    tpl: Templates, q1: dict[str, Path], office_cert: Path
) -> None:
    result = jindu(
        tpl.signed,
        "verify",
        str(q1["zip"]),
        str(q1["pdf"]),
        str(q1["xlsx"]),
        "--trust",
        str(office_cert),
    )
    assert result.code == 0, result.out + result.err
    fp = fingerprint(load_certificate(tpl.signed))
    grouped = " ".join(fp[i : i + 4].upper() for i in range(0, 64, 4))
    assert result.out.count(grouped) == 3
    assert result.out.count("渝中区（500103）") == 3
    assert result.out.count("报告期：2018Q1") == 3
    assert result.out.count("版次：1") == 3
    assert "问题" not in result.out
    assert result.out.count("结果：完好") == 3


def test_verify_needs_no_office_and_no_trust(tmp_path: Path, q1: dict[str, Path]) -> None:
    """The city, or anyone, verifies a file without a district office set up."""
    result = jindu(tmp_path / "empty", "verify", str(q1["zip"]))
    assert result.code == 0, result.out
    assert "上报包" in result.out


def test_the_pdf_validates_in_pyhanko_on_its_own(tpl: Templates, q1: dict[str, Path]) -> None:
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    cert = load_certificate(tpl.signed)
    root = ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    with q1["pdf"].open("rb") as fh:
        reader = PdfFileReader(fh)
        assert len(reader.embedded_signatures) == 1
        status = validate_pdf_signature(
            reader.embedded_signatures[0], ValidationContext(trust_roots=[root])
        )
    assert status.bottom_line
    assert status.summary().startswith("INTACT:TRUSTED")
    assert status.signer_reported_dt is not None
    # The claimed signing time is the return's 报出日期, to the second.
    assert status.signer_reported_dt.isoformat() in member(q1["zip"], "return.json").decode()


def test_the_pdf_validates_in_poppler(q1: dict[str, Path]) -> None:
    if shutil.which("pdfsig") is None:
        pytest.skip("poppler's pdfsig is not installed")
    proc = subprocess.run(["pdfsig", str(q1["pdf"])], capture_output=True, text=True, check=False)
    assert "Signature is Valid." in proc.stdout, proc.stdout
    assert "Total document signed" in proc.stdout


def test_the_package_is_exactly_as_the_appendix_lays_it_out(q1: dict[str, Path]) -> None:
    assert q1["zip"].name == "500103_2018Q1_r1.zip"
    with zipfile.ZipFile(q1["zip"]) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == list(MEMBERS)
        assert all(i.flag_bits & 0x800 for i in infos)
        import json

        manifest = json.loads(zf.read("manifest.json"))
        doc = json.loads(zf.read("return.json"))
    assert manifest["format"] == "jindu-package/1"
    assert (manifest["district"], manifest["plan"], manifest["period"], manifest["revision"]) == (
        "500103", "cq-2018", "2018Q1", 1,
    )  # fmt: skip
    assert set(manifest["files"]) == {"return.json", "return.xlsx", "return.pdf"}
    assert doc["format"] == "jindu-return/1" and doc["revision"] == "1"
    assert doc["signed_at"] == manifest["created"]
    # The published PDF and workbook are the very files inside the package.
    assert member(q1["zip"], "return.pdf") == q1["pdf"].read_bytes()
    assert member(q1["zip"], "return.xlsx") == q1["xlsx"].read_bytes()


def test_the_manifest_signature_checks_with_openssl(q1: dict[str, Path], tmp_path: Path) -> None:
    """Anyone can check a package with standard tools, without Jindu."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    for name in ("manifest.json", "manifest.sig", "signer.pem"):
        (tmp_path / name).write_bytes(member(q1["zip"], name))
    pub = subprocess.run(
        ["openssl", "x509", "-in", str(tmp_path / "signer.pem"), "-pubkey", "-noout"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    (tmp_path / "pub.pem").write_bytes(pub)
    proc = subprocess.run(
        ["openssl", "dgst", "-sha256", "-verify", str(tmp_path / "pub.pem"), "-signature",
         str(tmp_path / "manifest.sig"), str(tmp_path / "manifest.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0 and "Verified OK" in proc.stdout


# ----- the workbook ------------------------------------------------------------------------


def _edit_cell(path: Path, find: object, new: object) -> str:
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == find or (
                isinstance(find, str) and isinstance(cell.value, str) and find in cell.value
            ):
                cell.value = new
                workbook.save(path)
                return cell.coordinate
    raise AssertionError(f"no cell shows {find!r}")


def test_a_changed_number_in_the_workbook_is_found_by_indicator_and_field(
    tpl: Templates, q1: dict[str, Path]
) -> None:
    _edit_cell(q1["xlsx"], 1234, 1235)
    result = jindu(tpl.signed, "verify", str(q1["xlsx"]))
    assert result.code == 1
    assert "指标 2.1.1 的本期累计：签名时为「1234」，表格中为「1235」" in result.out
    assert "结果：未通过（1 处问题）" in result.out


def test_a_changed_narrative_in_the_workbook_is_found(tpl: Templates, q1: dict[str, Path]) -> None:
    _edit_cell(q1["xlsx"], f"{PROGRESS_MARK}（2.1，2018Q1）", "全部完成，成效显著")
    result = jindu(tpl.signed, "verify", str(q1["xlsx"]))
    assert result.code == 1
    assert "工作任务 2.1 的进展情况" in result.out
    assert "全部完成，成效显著" in result.out


def test_a_changed_status_in_the_workbook_is_found(tpl: Templates, q1: dict[str, Path]) -> None:
    workbook = load_workbook(q1["xlsx"])
    sheet = workbook.worksheets[0]
    changed = next(c for row in sheet.iter_rows() for c in row if c.value == "推进中")
    changed.value = "已完成"
    workbook.save(q1["xlsx"])
    result = jindu(tpl.signed, "verify", str(q1["xlsx"]))
    assert result.code == 1
    assert "的状态：签名时为「in_progress」，表格中为「done」" in result.out


def test_a_workbook_saved_again_unchanged_by_openpyxl_still_verifies(
    tpl: Templates, q1: dict[str, Path]
) -> None:
    workbook = load_workbook(q1["xlsx"])
    workbook.save(q1["xlsx"])
    result = jindu(tpl.signed, "verify", str(q1["xlsx"]))
    assert result.code == 0, result.out


def test_a_workbook_saved_again_by_libreoffice_still_verifies(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "resaved"
    out.mkdir()
    proc = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(q1["xlsx"])],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    resaved = out / q1["xlsx"].name
    assert resaved.is_file(), proc.stderr
    assert resaved.read_bytes() != q1["xlsx"].read_bytes()
    result = jindu(tpl.signed, "verify", str(resaved))
    assert result.code == 0, result.out


def test_a_workbook_whose_signature_sheet_was_removed_fails(
    tpl: Templates, q1: dict[str, Path]
) -> None:
    workbook = load_workbook(q1["xlsx"])
    del workbook["jindu_signature"]
    workbook.save(q1["xlsx"])
    result = jindu(tpl.signed, "verify", str(q1["xlsx"]))
    assert result.code == 1
    assert "没有签名" in result.out


# ----- the PDF -------------------------------------------------------------------------------


def test_a_changed_byte_in_the_pdf_is_found(tpl: Templates, q1: dict[str, Path]) -> None:
    data = bytearray(q1["pdf"].read_bytes())
    at = data.index(b"/Type /Page") + 1  # inside the signed range, in a page object
    data[at] ^= 0x01
    q1["pdf"].write_bytes(bytes(data))
    result = jindu(tpl.signed, "verify", str(q1["pdf"]))
    assert result.code == 1
    assert "问题：" in result.out


def test_text_appended_to_the_pdf_after_signing_is_found(
    tpl: Templates, q1: dict[str, Path]
) -> None:
    with q1["pdf"].open("ab") as fh:
        fh.write(b"\n% appended\n")
    result = jindu(tpl.signed, "verify", str(q1["pdf"]))
    assert result.code == 1
    assert "追加" in result.out


# ----- the package ---------------------------------------------------------------------------


def test_an_edited_return_json_is_found(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    edited = member(q1["zip"], "return.json").replace(b'"1234"', b'"9999"')
    assert edited != member(q1["zip"], "return.json")
    bad = rezip(q1["zip"], tmp_path / "500103_2018Q1_r1.zip", replace={"return.json": edited})
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "return.json 与清单中的 SHA-256 不符" in result.out
    assert "return.json 与 return.xlsx 中签名的报表数据不一致" in result.out


def test_an_edited_manifest_is_found(tpl: Templates, q1: dict[str, Path], tmp_path: Path) -> None:
    edited = member(q1["zip"], "manifest.json").replace(b'"2018Q1"', b'"2018Q2"')
    bad = rezip(q1["zip"], tmp_path / "bad.zip", replace={"manifest.json": edited})
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "manifest.json 的签名无效" in result.out


def test_a_file_swapped_in_from_another_package_is_found(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    q2 = signed_files(tpl.q2_out, "2018Q2")
    bad = rezip(
        q1["zip"], tmp_path / "bad.zip", replace={"return.pdf": member(q2["zip"], "return.pdf")}
    )
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "return.pdf 与清单中的 SHA-256 不符" in result.out
    assert "return.pdf 的报告期「2018Q2」与清单中的「2018Q1」不一致" in result.out


def test_a_whole_signed_set_swapped_from_another_package_is_found(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    """Manifest and all: the 2018Q2 package renamed as 2018Q1 still says 2018Q2."""
    q2 = signed_files(tpl.q2_out, "2018Q2")
    renamed = tmp_path / q1["zip"].name
    shutil.copy(q2["zip"], renamed)
    result = jindu(tpl.signed, "verify", str(renamed))
    assert result.code == 1
    assert "报告期：2018Q2" in result.out  # it says truthfully which return it is ...
    assert (
        "文件名「500103_2018Q1_r1.zip」与包内的区县、报告期、版次（500103_2018Q2_r1）不符"
        in result.out
    )


def test_an_extra_file_in_the_zip_is_refused(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    bad = rezip(q1["zip"], tmp_path / "bad.zip", extra=[("readme.txt", b"hello")])
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "含有多余的文件：readme.txt" in result.out


@pytest.mark.parametrize(
    "name", ["../evil.txt", "sub/return.pdf", "/etc/passwd", "C:evil", "..\\evil.txt"]
)
def test_a_path_that_escapes_the_folder_is_refused(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path, name: str
) -> None:
    bad = rezip(q1["zip"], tmp_path / "bad.zip", extra=[(name, b"x")])
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "不安全的路径" in result.out


def test_a_duplicate_member_is_refused(tpl: Templates, q1: dict[str, Path], tmp_path: Path) -> None:
    bad = rezip(q1["zip"], tmp_path / "bad.zip", extra=[("return.json", b"{}")])
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "文件名重复：return.json" in result.out


def test_a_missing_member_is_refused(tpl: Templates, q1: dict[str, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(q1["zip"]) as src, zipfile.ZipFile(tmp_path / "bad.zip", "w") as dst:
        for info in src.infolist():
            if info.filename != "signer.pem":
                dst.writestr(info, src.read(info))
    result = jindu(tpl.signed, "verify", str(tmp_path / "bad.zip"))
    assert result.code == 1
    assert "缺少文件：signer.pem" in result.out


def test_an_oversized_zip_is_refused_before_it_is_read(tpl: Templates, tmp_path: Path) -> None:
    import os

    big = tmp_path / "500103_2018Q1_r1.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("return.pdf", os.urandom(MAX_PACKAGE_BYTES + 1024))
    result = jindu(tpl.signed, "verify", str(big))
    assert result.code == 1
    assert "文件过大" in result.out


def test_a_zip_bomb_is_refused_without_inflating_it(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    bomb = b"\0" * (30 * 1024 * 1024)
    bad = rezip(q1["zip"], tmp_path / "bad.zip", replace={"return.pdf": bomb})
    assert bad.stat().st_size < 1024 * 1024
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "return.pdf：解压后过大" in result.out


def test_a_file_that_is_not_a_zip_is_refused(tpl: Templates, tmp_path: Path) -> None:
    fake = tmp_path / "500103_2018Q1_r1.zip"
    fake.write_text("这不是压缩包", encoding="utf-8")
    result = jindu(tpl.signed, "verify", str(fake))
    assert result.code == 1
    assert "不是 zip 文件" in result.out


def test_a_damaged_zip_is_refused(tpl: Templates, q1: dict[str, Path], tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(q1["zip"].read_bytes()[:-200])
    result = jindu(tpl.signed, "verify", str(cut))
    assert result.code == 1
    assert "zip" in result.out


def test_a_certificate_other_than_trust_is_refused(tpl: Templates, q1: dict[str, Path]) -> None:
    result = jindu(
        tpl.signed,
        "verify",
        str(q1["zip"]),
        str(q1["pdf"]),
        str(q1["xlsx"]),
        "--trust",
        str(tpl.other_cert),
    )
    assert result.code == 1
    assert result.out.count("不是由 --trust 指定的证书签发的") == 3


def test_a_package_re_signed_by_another_office_is_found(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    """Someone with another key re-signs an edited manifest and ships their certificate."""
    from app.keys import load_private_key
    from app.signing.crypto import cert_pem, sign_bytes

    other_dir = tpl.other_cert.parent / "other"
    key = load_private_key(other_dir, "correct horse 电池")
    cert = load_certificate(other_dir)
    manifest = member(q1["zip"], "manifest.json").replace(
        fingerprint(load_certificate(tpl.signed)).encode(), fingerprint(cert).encode()
    )
    bad = rezip(
        q1["zip"],
        tmp_path / "bad.zip",
        replace={
            "manifest.json": manifest,
            "manifest.sig": sign_bytes(key, manifest),
            "signer.pem": cert_pem(cert),
        },
    )
    result = jindu(tpl.signed, "verify", str(bad))
    assert result.code == 1
    assert "signer.pem 的区县代码「500101」与清单中的区县「500103」不一致" in result.out
    assert "return.xlsx 的签名证书与 signer.pem 不同" in result.out
    assert "return.pdf 的签名证书与 signer.pem 不同" in result.out


# ----- the command line ----------------------------------------------------------------------


def test_verify_a_missing_file_is_a_usage_error(tpl: Templates, tmp_path: Path) -> None:
    result = jindu(tpl.signed, "verify", str(tmp_path / "nothing.zip"))
    assert result.code == 2
    assert "nothing.zip" in result.err


def test_verify_a_missing_trust_certificate_is_a_usage_error(
    q1: dict[str, Path], tmp_path: Path
) -> None:
    result = jindu(tmp_path / "d", "verify", str(q1["zip"]), "--trust", str(tmp_path / "none.pem"))
    assert result.code == 2


def test_verify_a_trust_file_that_is_not_a_certificate_is_refused(
    q1: dict[str, Path], tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate", encoding="utf-8")
    result = jindu(tmp_path / "d", "verify", str(q1["zip"]), "--trust", str(bogus))
    assert result.code == 1
    assert "证书" in result.err


def test_one_bad_file_in_a_batch_fails_the_batch(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    fake = tmp_path / "x.pdf"
    fake.write_bytes(b"not a pdf")
    result = jindu(tpl.signed, "verify", str(q1["zip"]), str(fake))
    assert result.code == 1
    assert "结果：完好" in result.out and "不是 PDF 文件" in result.out
    assert "1 个未通过" in result.err


def test_kind_is_sniffed_when_the_name_does_not_say(
    tpl: Templates, q1: dict[str, Path], tmp_path: Path
) -> None:
    for kind, label in (("pdf", "PDF 报表"), ("xlsx", "Excel 报表")):
        renamed = tmp_path / f"return-{kind}.bin"
        shutil.copy(q1[kind], renamed)
        result = jindu(tpl.signed, "verify", str(renamed))
        assert result.code == 0, result.out
        assert f"类型：{label}" in result.out


def test_the_package_never_contains_the_private_key(tpl: Templates, q1: dict[str, Path]) -> None:
    from cryptography.hazmat.primitives import serialization

    from app.keys import load_private_key

    key = load_private_key(tpl.signed, "correct horse 电池")
    secrets = {
        "encrypted PEM file": (tpl.signed / "keys" / "office.key.pem").read_bytes(),
        "PKCS#8 DER": key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        "PKCS#8 PEM": key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        "SEC1 DER": key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        ),
        "raw scalar": key.private_numbers().private_value.to_bytes(32, "big"),
    }
    blobs = {"zip": q1["zip"].read_bytes()}
    with zipfile.ZipFile(q1["zip"]) as zf:
        for name in zf.namelist():
            blobs[name] = zf.read(name)
    with zipfile.ZipFile(io.BytesIO(blobs["return.xlsx"])) as xlsx:
        for name in xlsx.namelist():
            blobs[f"return.xlsx/{name}"] = xlsx.read(name)
    for what, secret in secrets.items():
        for where, blob in blobs.items():
            assert secret not in blob, f"{what} found in {where}"
            assert secret.hex().encode() not in blob.lower(), f"{what} (hex) found in {where}"
    assert b"PRIVATE KEY" not in b"".join(blobs.values())

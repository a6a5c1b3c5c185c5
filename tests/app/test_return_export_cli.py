"""`jindu return export`: a draft from the store, or an archived signed revision, nothing changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.office import OfficeService
from app.returns import layout as L
from app.returns.export import export_return
from app.returns.progress import Cancelled
from app.returns.xlsx_reader import read_return_workbook
from tests.app.conftest import PERIOD
from tests.app.helpers import db_fingerprint, jindu


class FakeProgress:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.events: list[tuple[str, object]] = []
        self.cancel_after = cancel_after

    @property
    def cancelled(self) -> bool:
        steps = sum(1 for kind, _ in self.events if kind == "advance")
        return self.cancel_after is not None and steps >= self.cancel_after

    def start(self, total: int) -> None:
        self.events.append(("start", total))

    def advance(self, step: str) -> None:
        self.events.append(("advance", step))

    def finish(self) -> None:
        self.events.append(("finish", None))


def sign_in_store(service: OfficeService, revision: int = 1) -> None:
    """Mark a revision signed, as the signing work records it."""
    office = service.office()
    with service.store.change() as db:
        db.execute(
            "INSERT INTO returns (district, plan, period, revision, state, reason, comment, created_at, signed_at)"
            " VALUES (?, ?, ?, ?, 'signed', '', '', '2018-04-08T10:00:00+08:00', '2018-04-08T10:00:00+08:00')",
            [office.district.code, office.plan_id, PERIOD, revision],
        )


def test_export_writes_a_draft_xlsx_and_pdf_and_prints_their_paths(
    office_dir: Path, tmp_path: Path
) -> None:
    before = db_fingerprint(office_dir)
    out = tmp_path / "导出 文件夹"
    result = jindu(office_dir, "return", "export", "--period", PERIOD, "--out", str(out))
    assert result.code == 0, result.err
    xlsx = out / "500103_2018Q1_r1_草稿.xlsx"
    pdf = out / "500103_2018Q1_r1_草稿.pdf"
    assert result.out.splitlines() == [str(xlsx), str(pdf)]
    assert result.err == ""
    assert xlsx.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    assert read_return_workbook(xlsx).draft
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [xlsx.name, pdf.name]
    )  # no temporary files
    assert db_fingerprint(office_dir) == before


def test_export_refuses_a_bad_period_and_an_out_path_that_is_a_file(
    office_dir: Path, tmp_path: Path
) -> None:
    bad = jindu(office_dir, "return", "export", "--period", "2018-1", "--out", str(tmp_path / "o"))
    assert bad.code == 1 and "报告期" in bad.err and bad.out == ""
    file = tmp_path / "a-file"
    file.write_text("x")
    assert jindu(office_dir, "return", "export", "--period", PERIOD, "--out", str(file)).code == 2


def test_a_signed_revision_is_copied_from_its_archived_package(
    service: OfficeService, office_dir: Path, tmp_path: Path
) -> None:
    sign_in_store(service)
    archive = office_dir / "archive"
    archive.mkdir()
    with zipfile.ZipFile(archive / "500103_2018Q1_r1.zip", "w") as package:
        package.writestr("return.xlsx", b"signed workbook bytes")
        package.writestr("return.pdf", b"%PDF-signed pdf bytes")
        package.writestr("return.json", b"{}")
    service.store.close()
    before = db_fingerprint(office_dir)
    out = tmp_path / "out"
    result = jindu(
        office_dir, "return", "export", "--period", PERIOD, "--out", str(out), "--revision", "1"
    )
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        str(out / "500103_2018Q1_r1.xlsx"),
        str(out / "500103_2018Q1_r1.pdf"),
    ]
    assert (out / "500103_2018Q1_r1.xlsx").read_bytes() == b"signed workbook bytes"
    assert (out / "500103_2018Q1_r1.pdf").read_bytes() == b"%PDF-signed pdf bytes"
    assert db_fingerprint(office_dir) == before


def test_a_signed_revision_without_its_archive_is_reported(
    service: OfficeService, office_dir: Path, tmp_path: Path
) -> None:
    sign_in_store(service)
    service.store.close()
    result = jindu(
        office_dir,
        "return",
        "export",
        "--period",
        PERIOD,
        "--out",
        str(tmp_path / "o"),
        "--revision",
        "1",
    )
    assert result.code == 1
    assert "存档" in result.err and "500103_2018Q1_r1.zip" in result.err
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_a_revision_that_does_not_exist_is_refused(office_dir: Path, tmp_path: Path) -> None:
    result = jindu(
        office_dir,
        "return",
        "export",
        "--period",
        PERIOD,
        "--out",
        str(tmp_path / "o"),
        "--revision",
        "2",
    )
    assert result.code == 1 and "第 2 版" in result.err


def test_export_reports_progress_step_by_step(service: OfficeService, tmp_path: Path) -> None:
    progress = FakeProgress()
    paths = export_return(service, PERIOD, tmp_path, progress=progress)
    assert [kind for kind, _ in progress.events] == [
        "start",
        "advance",
        "advance",
        "advance",
        "finish",
    ]
    assert progress.events[0] == ("start", 3)
    assert [p.suffix for p in paths] == [".xlsx", ".pdf"]


def test_a_cancelled_export_leaves_no_file_behind(service: OfficeService, tmp_path: Path) -> None:
    progress = FakeProgress(cancel_after=2)  # after the workbook was written
    with pytest.raises(Cancelled):
        export_return(service, PERIOD, tmp_path / "o", progress=progress)
    assert progress.events[-1] == ("finish", None)
    assert not list((tmp_path / "o").glob("*"))


def test_a_correction_is_exported_as_its_revision_with_the_reason(
    service: OfficeService, tmp_path: Path
) -> None:
    sign_in_store(service, 1)
    office = service.office()
    with service.store.change() as db:
        db.execute(
            "INSERT INTO returns (district, plan, period, revision, state, reason, comment, created_at)"
            " VALUES (?, ?, ?, 2, 'draft', '2.1.1 多报 20 户', '', '2018-04-20T09:00:00+08:00')",
            [office.district.code, office.plan_id, PERIOD],
        )
    xlsx, pdf = export_return(service, PERIOD, tmp_path)
    assert xlsx.name == "500103_2018Q1_r2_草稿.xlsx" and pdf.name == "500103_2018Q1_r2_草稿.pdf"
    book = read_return_workbook(xlsx)
    assert book.revision == 2
    assert book.fields["correction_reason"] == "2.1.1 多报 20 户"
    assert book.fields["revision"] == L.revision_text(2)

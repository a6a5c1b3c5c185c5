"""`jindu return export`: the period's return as a draft workbook and PDF, or an archived signed one.

A draft export reads the store and writes two files; it changes nothing in the
store. A signed revision is never rebuilt: its files are copied out of the
package archived when it was signed (data folder/archive), so that what is
exported again is byte for byte what was signed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.files import write_atomic
from app.office import OfficeService
from app.returns.progress import Cancelled, Progress
from models.errors import NotFoundError, StateError
from models.periods import Period

ARCHIVE_DIR = "archive"
DRAFT_SUFFIX = "草稿"
# The archived package's members that are exported again.
ARCHIVED_FILES = {"return.xlsx": ".xlsx", "return.pdf": ".pdf"}
MAX_ARCHIVED_MEMBER = 50 * 1024 * 1024


def draft_names(code: str, period: str, revision: int) -> tuple[str, str]:
    stem = f"{code}_{period}_r{revision}_{DRAFT_SUFFIX}"
    return (f"{stem}.xlsx", f"{stem}.pdf")


def archive_path(data_dir: Path, code: str, period: str, revision: int) -> Path:
    return data_dir / ARCHIVE_DIR / f"{code}_{period}_r{revision}.zip"


def export_return(
    service: OfficeService,
    period: Period | str,
    out_dir: Path,
    *,
    revision: int | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the return's xlsx and PDF into `out_dir`; the paths written, xlsx first.

    Without `revision`, or with the revision still open, a draft is built from the
    store. A signed revision is copied from its archived package.
    """
    if isinstance(period, str):
        period = service.parse_period(period)
    record = service.return_record(period, revision)
    signed = record.state == "signed"
    if not signed and revision is not None and revision != service.return_record(period).revision:
        raise StateError(f"{period.label_zh}第 {revision} 版不是当前版次，也没有签发，无法导出。")
    written: list[Path] = []
    if progress is not None:
        progress.start(len(ARCHIVED_FILES) if signed else 3)
    try:
        if signed:
            _export_archived(service, period, record.revision, out_dir, written, progress)
        else:
            _export_draft(service, period, out_dir, written, progress)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    finally:
        if progress is not None:
            progress.finish()
    return written


def _step(progress: Progress | None, text: str) -> None:
    if progress is None:
        return
    if progress.cancelled:
        raise Cancelled("已取消导出，未留下文件。")
    progress.advance(text)


def _export_draft(
    service: OfficeService,
    period: Period,
    out_dir: Path,
    written: list[Path],
    progress: Progress | None,
) -> None:
    # The builders import openpyxl and reportlab: only when a return is exported.
    from app import keys
    from app.returns.pdf_return import build_return_pdf
    from app.returns.xlsx_return import build_return_xlsx
    from models.checks import period_checks

    _step(progress, "读取本期数据")
    data = service.period_data(period)
    office = service.office()
    checks = period_checks(data)
    data_dir = service.store.path.parent
    fingerprint = keys.load_info(data_dir).fingerprint if keys.has_identity(data_dir) else None
    xlsx_name, pdf_name = draft_names(office.district.code, period.id, data.revision)
    _step(progress, "生成 Excel 报表")
    written.append(
        build_return_xlsx(data, office, checks, draft=True, signed_at=None, out=out_dir / xlsx_name)
    )
    _step(progress, "生成 PDF 报表")
    result = build_return_pdf(
        data,
        office,
        checks,
        draft=True,
        signed_at=None,
        fingerprint=fingerprint,
        out=out_dir / pdf_name,
    )
    written.append(result.path)


def _export_archived(
    service: OfficeService,
    period: Period,
    revision: int,
    out_dir: Path,
    written: list[Path],
    progress: Progress | None,
) -> None:
    code = service.office().district.code
    package = archive_path(service.store.path.parent, code, period.id, revision)
    if not package.is_file():
        raise NotFoundError(
            "签发存档",
            package.name,
            f"{period.label_zh}第 {revision} 版已签发，但数据文件夹中找不到它的存档包（{package}）；"
            "请从上报时保存的文件中找回，或向市残联索取",
        )
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        for member, suffix in ARCHIVED_FILES.items():
            _step(progress, f"导出已签发的{'Excel' if suffix == '.xlsx' else 'PDF'}报表")
            if member not in names:
                raise StateError(f"存档包 {package} 中缺少 {member}，存档已损坏。")
            if archive.getinfo(member).file_size > MAX_ARCHIVED_MEMBER:
                raise StateError(f"存档包 {package} 中的 {member} 大小异常，存档已损坏。")
            target = out_dir / f"{code}_{period.id}_r{revision}{suffix}"
            written.append(write_atomic(target, archive.read(member)))

"""Print preview and printing of a return, and the 核验文件 dialog, on real signed files."""

from __future__ import annotations

import shutil
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtPrintSupport import QPrinter

from tests.app.signing_fixtures import Templates, copy_office, signed_files, templates
from tests.ui.conftest import build_context
from tests.ui.test_return_actions import ReturnDialogs, open_window
from ui.app_context import AppContext
from ui.print_preview import PrintPreviewDialog, default_printer
from ui.verify_dialog import COL_DISTRICT, COL_PERIOD, COL_RESULT, COL_SIGNER, VerifyDialog


@pytest.fixture
def made(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return templates(tmp_path_factory)


@pytest.fixture
def return_dialogs() -> ReturnDialogs:
    return ReturnDialogs()


@pytest.fixture
def signed_office(
    made: Templates, tmp_path: Path, return_dialogs: ReturnDialogs
) -> Iterator[AppContext]:
    """2018Q1 and Q2 signed."""
    copy_office(made.signed, tmp_path / "office")
    ctx = build_context(tmp_path / "office", return_dialogs)
    yield ctx
    ctx.service.store.close()


def pages_of(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


def test_the_preview_shows_the_signed_pdf_and_prints_it(
    qtbot, made: Templates, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    pdf = signed_files(made.q1_out)["pdf"]
    preview = PrintPreviewDialog(pdf, return_dialogs, signed=True)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_count == pages_of(pdf) > 0
    assert "已签发" in preview.what.text()
    assert preview.page_label.text() == f"第 1 页，共 {preview.page_count} 页"

    # 打印…: the print dialog (answered: print to a PDF file), then page by page.
    printed = tmp_path / "打印.pdf"
    return_dialogs.answers["choose_printer"] = str(printed)
    with qtbot.waitSignal(preview.printDone, timeout=20000) as done:
        preview.print_button.click()
    assert done.args == ["finished", preview.page_count]
    assert printed.stat().st_size > 10_000
    reader = PdfReader(str(printed))
    assert len(reader.pages) == preview.page_count
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    assert "已送往打印机" in preview.print_status.text()


def test_printing_to_a_pdf_printer_and_stopping(
    qtbot, made: Templates, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    pdf = signed_files(made.q2_out, "2018Q2")["pdf"]
    preview = PrintPreviewDialog(pdf, return_dialogs, signed=True)
    qtbot.addWidget(preview)
    preview.show()
    printer = default_printer()
    assert printer.pageLayout().orientation().name == "Landscape"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "direct.pdf"))
    with qtbot.waitSignal(preview.printDone, timeout=20000) as done:
        preview.print_to(printer)
    assert done.args[0] == "finished"
    assert pages_of(tmp_path / "direct.pdf") == preview.page_count

    # Only page 2 of the range.
    if preview.page_count >= 2:
        printer = default_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "page2.pdf"))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        with qtbot.waitSignal(preview.printDone, timeout=20000):
            preview.print_to(printer)
        assert pages_of(tmp_path / "page2.pdf") == 1

    # Stopped after the first page: the job says so.
    printer = default_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "stopped.pdf"))
    with qtbot.waitSignal(preview.printDone, timeout=20000) as done:
        job = preview.print_to(printer)
        job.progress.connect(lambda printed, _total: printed == 1 and preview.stop_button.click())
    if preview.page_count > 1:
        assert done.args == ["failed", 1]
        assert "已停止打印" in preview.print_status.text()


def test_print_preview_of_the_draft_through_the_window(
    qtbot, made: Templates, return_dialogs: ReturnDialogs, tmp_path: Path
) -> None:
    copy_office(made.filled, tmp_path / "office")
    context = build_context(tmp_path / "office", return_dialogs)
    try:
        win = open_window(qtbot, context, "2018Q1")
        actions = win.return_features.actions
        with qtbot.waitSignal(actions.jobDone) as done:
            actions.actions["print_preview"].trigger()
        assert done.args == ["print_preview", "finished"]
        preview = actions.preview
        assert preview is not None and preview.isVisible()
        assert preview.page_count > 0
        assert "草稿" in preview.what.text()
        assert not actions.progress.isVisible()  # the progress closed itself
        folder = preview.pdf.parent
        assert folder.is_dir()
        preview.close_button.click()
        assert not folder.exists()  # the temporary copy is gone
        win.close()
    finally:
        context.service.store.close()


def test_the_print_preview_of_a_signed_period_is_the_archived_pdf(
    qtbot, signed_office: AppContext, made: Templates
) -> None:
    win = open_window(qtbot, signed_office, "2018Q1")
    actions = win.return_features.actions
    with qtbot.waitSignal(actions.jobDone):
        actions.actions["print_preview"].trigger()
    preview = actions.preview
    assert preview is not None and "已签发" in preview.what.text()
    assert preview.pdf.read_bytes() == signed_files(made.q1_out)["pdf"].read_bytes()
    preview.close()


def test_verify_shows_ok_for_fresh_files_and_the_reason_for_a_tampered_package(
    qtbot, made: Templates, return_dialogs: ReturnDialogs, tmp_path: Path, context: AppContext
) -> None:
    context.dialogs = return_dialogs
    files = signed_files(made.q1_out)
    tampered = tmp_path / files["zip"].name
    with zipfile.ZipFile(files["zip"]) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "return.json":
                data = data.replace(b'"1234"', b'"1284"')
            target.writestr(info, data)
    dialog = VerifyDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    # One answer (a list of answers is a queue): the three files chosen together.
    return_dialogs.answers["open_files"] = [[str(files["zip"]), str(files["pdf"]), str(tampered)]]
    with qtbot.waitSignal(dialog.verified) as done:
        dialog.choose_button.click()
    assert done.args == [3, 1]
    rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    assert [r.text(COL_RESULT) for r in rows[:2]] == ["通过：完好，签名有效"] * 2
    assert rows[0].text(COL_DISTRICT) == "渝中区（500103）"
    assert rows[0].text(COL_PERIOD) == "2018Q1"
    signer = rows[0].text(COL_SIGNER)
    assert len(signer.split(" ")) == 16 and all(len(g) == 4 for g in signer.split(" "))
    assert rows[2].text(COL_RESULT).startswith("未通过")
    assert not rows[2].icon(COL_RESULT).isNull() and not rows[0].icon(COL_RESULT).isNull()
    # The refused file is selected first, and its reason is in words below the list.
    assert dialog.list.currentItem() is rows[2]
    details = dialog.details.toPlainText()
    assert "return.json" in details
    assert "共 3 个文件，1 个未通过" in dialog.summary.text()


def test_verify_with_a_trusted_certificate_and_by_dropping(
    qtbot, made: Templates, return_dialogs: ReturnDialogs, context: AppContext, tmp_path: Path
) -> None:
    context.dialogs = return_dialogs
    dialog = VerifyDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return_dialogs.answers["open_file"] = str(made.other_cert)
    dialog.trust_button.click()
    assert dialog.trust.text() == str(made.other_cert)
    xlsx = tmp_path / "报表.xlsx"
    shutil.copy(signed_files(made.q2_out, "2018Q2")["xlsx"], xlsx)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(xlsx))])
    position = QPoint(20, 20)
    with warnings.catch_warnings():
        # PySide6 6.12 marks QDragEnterEvent's only constructor deprecated; Qt's is not.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            position,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    # Qt hands drag events only to a real drag in progress: call the handlers as it would.
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(position),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(dialog.verified) as done:
        dialog.dropEvent(drop)
    assert done.args == [1, 1]  # signed by 渝中区, not by the trusted 万州区 certificate
    row = dialog.list.topLevelItem(0)
    assert row.text(COL_RESULT).startswith("未通过")
    assert "证书" in dialog.details.toPlainText()
    assert row.text(COL_PERIOD) == "2018Q2"

    # Without the trusted certificate the same file passes; the list keeps both lines.
    dialog.trust.clear()
    with qtbot.waitSignal(dialog.verified) as done:
        dialog.verify([xlsx])
    assert done.args == [1, 0]
    assert dialog.list.topLevelItem(1).text(COL_RESULT) == "通过：完好，签名有效"

    # A trusted certificate that does not exist: said, nothing verified.
    dialog.trust.setText(str(tmp_path / "没有.pem"))
    with qtbot.waitSignal(dialog.verified):
        dialog.verify([xlsx])
    assert "没有.pem" in dialog.summary.text()

"""Print preview of a return's PDF (QtPdf), and printing it on any printer.

The PDF is the one the city receives (the draft, or the archived signed copy),
shown with `QPdfView`. Printing renders each page with `QPdfDocument.render` at
the printer's resolution (at most `MAX_DPI`, which is plenty for a table and
keeps an A4 page near 35 MB of memory) and paints it scaled into the printable
area, so that any printer driver Windows has (and "Microsoft Print to PDF")
prints it. Pages are printed one per turn of the event loop: the window stays
alive and the print can be stopped between pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import DialogService

log = logging.getLogger(__name__)

MAX_DPI = 300
POINTS_PER_INCH = 72.0


def default_printer() -> QPrinter:
    """A4 landscape, as the returns are laid out."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName("Jindu")
    return printer


class PagePrinter(QObject):
    """Paints a PDF's pages on a printer, one page per event-loop turn.

    Signals:
        progress(int, int): pages printed so far, pages to print.
        finished(int): the number of pages printed.
        failed(str): printing could not start or was stopped; in words.
    """

    progress = Signal(int, int)
    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, document: QPdfDocument, printer: QPrinter, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.printer = printer
        self.painter = QPainter()
        self.pages: list[int] = []
        self.printed = 0
        self.stopped = False
        self.active = False

    def page_range(self) -> list[int]:
        count = self.document.pageCount()
        first, last = self.printer.fromPage(), self.printer.toPage()
        if first <= 0 or last <= 0:
            return list(range(count))
        return list(range(max(first, 1) - 1, min(last, count)))

    def start(self) -> None:
        self.pages = self.page_range()
        if not self.pages:
            self.failed.emit(self.tr("文件中没有可打印的页面。"))
            return
        if not self.painter.begin(self.printer):
            self.failed.emit(self.tr("无法开始打印：打印机没有准备好，或文件无法写入。"))
            return
        self.active = True
        self.progress.emit(0, len(self.pages))
        QTimer.singleShot(0, self, self._next)

    def stop(self) -> None:
        self.stopped = True

    @Slot()
    def _next(self) -> None:
        if self.stopped:
            self.printer.abort()
            self.painter.end()
            self.active = False
            self.failed.emit(self.tr("已停止打印。"))
            return
        try:
            page = self.pages[self.printed]
            if self.printed > 0:
                self.printer.newPage()
            self.paint_page(page)
        except Exception as exc:  # a driver's failure: tell the user, end the job cleanly
            log.exception("printing page failed")
            self.painter.end()
            self.active = False
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.printed += 1
        self.progress.emit(self.printed, len(self.pages))
        if self.printed < len(self.pages):
            QTimer.singleShot(0, self, self._next)
            return
        self.painter.end()
        self.active = False
        self.finished.emit(self.printed)

    def paint_page(self, page: int) -> None:
        """Render `page` at the printer's resolution and paint it centred in the printable area."""
        area = self.painter.viewport()
        points = self.document.pagePointSize(page)
        if points.width() <= 0 or points.height() <= 0:
            return
        scale = min(area.width() / points.width(), area.height() / points.height())
        width, height = int(points.width() * scale), int(points.height() * scale)
        target = QRect(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )
        dpi = self.printer.resolution()
        reduce = min(1.0, MAX_DPI / dpi) if dpi > 0 else 1.0
        image = self.document.render(
            page, QSize(max(int(width * reduce), 1), max(int(height * reduce), 1))
        )
        self.painter.fillRect(target, QColor("#ffffff"))
        self.painter.drawImage(target, image)


class PrintPreviewDialog(QDialog):
    """Shows a return's PDF; prints it.

    Signals:
        printDone(str, int): ("finished" or "failed", pages printed).
    """

    printDone = Signal(str, int)

    def __init__(
        self,
        pdf: Path,
        dialogs: DialogService,
        parent: QWidget | None = None,
        *,
        signed: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.pdf = pdf
        self.signed = signed
        self.dialogs = dialogs
        self.job: PagePrinter | None = None

        self.document = QPdfDocument(self)
        self.load_error = self.document.load(str(pdf))

        layout = QVBoxLayout(self)
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.what)

        tools = QHBoxLayout()
        self.zoom_label = QLabel(self)
        self.zoom = QComboBox(self)
        self.zoom_label.setBuddy(self.zoom)
        self.page_label = QLabel(self)
        self.print_button = QPushButton(self)
        self.close_button = QPushButton(self)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom)
        tools.addSpacing(12)
        tools.addWidget(self.page_label)
        tools.addStretch(1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.close_button)
        layout.addLayout(tools)

        self.view_label = QLabel(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view_label.setBuddy(self.view)
        layout.addWidget(self.view_label)
        layout.addWidget(self.view, 1)

        printing = QHBoxLayout()
        self.print_bar_label = QLabel(self)
        self.print_bar = QProgressBar(self)
        self.print_bar_label.setBuddy(self.print_bar)
        self.stop_button = QPushButton(self)
        self.print_status = QLabel(self)
        self.print_status.setWordWrap(True)
        printing.addWidget(self.print_bar_label)
        printing.addWidget(self.print_bar, 1)
        printing.addWidget(self.stop_button)
        layout.addLayout(printing)
        layout.addWidget(self.print_status)
        for widget in (self.print_bar_label, self.print_bar, self.stop_button):
            widget.hide()

        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.print_document)
        self.addAction(self.print_action)

        self.zoom.activated.connect(self._zoom_chosen)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.accept)
        self.stop_button.clicked.connect(self.stop_printing)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.retranslate()
        self.print_button.setEnabled(self.page_count > 0)
        metrics = self.fontMetrics()
        area = self.screen().availableGeometry()
        self.resize(
            min(metrics.horizontalAdvance("中" * 100), int(area.width() * 0.9)),
            min(metrics.height() * 50, int(area.height() * 0.9)),
        )
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def retranslate(self) -> None:
        title = self.tr("打印预览")
        self.setWindowTitle(f"{title} — {self.pdf.name}")
        self.setAccessibleName(title)
        if self.load_error != QPdfDocument.Error.None_:
            what = self.tr("无法打开 PDF 文件：%1").replace("%1", str(self.pdf))
        elif self.signed:
            what = self.tr("已签发的报表（与上报的 PDF 相同）：%1").replace("%1", self.pdf.name)
        else:
            what = self.tr("草稿（未签发），每页标有“草稿”字样：%1").replace("%1", self.pdf.name)
        self.what.setText(what)
        self.what.setAccessibleName(self.tr("预览的文件"))
        self.zoom_label.setText(self.tr("缩放(&Z)："))
        self.zoom.setAccessibleName(self.tr("缩放"))
        current = self.zoom.currentIndex()
        self.zoom.clear()
        self.zoom.addItem(self.tr("适合宽度"), "width")
        self.zoom.addItem(self.tr("整页"), "page")
        self.zoom.addItem("100%", "100")
        self.zoom.addItem("150%", "150")
        self.zoom.setCurrentIndex(max(current, 0))
        self.view_label.setText(self.tr("报表(&V)："))
        self.view.setAccessibleName(self.tr("报表预览"))
        self.view.setAccessibleDescription(self.tr("PgUp / PgDn 翻页，方向键滚动"))
        self.print_button.setText(self.tr("打印(&P)…"))
        self.print_button.setAccessibleName(self.tr("打印"))
        self.print_action.setText(self.tr("打印"))
        self.close_button.setText(self.tr("关闭"))
        self.close_button.setAccessibleName(self.tr("关闭"))
        self.print_bar_label.setText(self.tr("打印进度(&G)："))
        self.print_bar.setAccessibleName(self.tr("打印进度"))
        self.stop_button.setText(self.tr("停止打印(&T)"))
        self.stop_button.setAccessibleName(self.tr("停止打印"))
        self._page_changed(self.view.pageNavigator().currentPage())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        text = (
            self.tr("第 %1 页，共 %2 页")
            .replace("%1", str(page + 1 if self.page_count else 0))
            .replace("%2", str(self.page_count))
        )
        self.page_label.setText(text)
        self.page_label.setAccessibleName(text)

    @Slot(int)
    def _zoom_chosen(self, index: int) -> None:
        choice = str(self.zoom.itemData(index))
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(int(choice) / 100)

    # ----- printing -------------------------------------------------------------------------------
    @Slot()
    def print_document(self) -> None:
        """Ask for a printer (A4 landscape proposed), then print."""
        if self.page_count == 0 or (self.job is not None and self.job.active):
            return
        printer = default_printer()
        printer.setDocName(self.pdf.stem)
        printer.setFromTo(1, self.page_count)
        printer.setPrintRange(QPrinter.PrintRange.AllPages)
        if self.dialogs.choose_printer(self, printer):
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PagePrinter:
        """Print on `printer` (already set up); progress below the preview."""
        if printer.printRange() == QPrinter.PrintRange.AllPages:
            printer.setFromTo(0, 0)
        job = PagePrinter(self.document, printer, self)
        self.job = job
        job.progress.connect(self._printing)
        job.finished.connect(self._printed)
        job.failed.connect(self._print_failed)
        for widget in (self.print_bar_label, self.print_bar, self.stop_button):
            widget.show()
        self.stop_button.setEnabled(True)
        self.print_button.setEnabled(False)
        self.print_status.setText(self.tr("正在打印…"))
        job.start()
        return job

    @Slot()
    def stop_printing(self) -> None:
        if self.job is not None and self.job.active:
            self.job.stop()
            self.stop_button.setEnabled(False)

    @Slot(int, int)
    def _printing(self, done: int, total: int) -> None:
        self.print_bar.setRange(0, total)
        self.print_bar.setValue(done)
        self.print_status.setText(
            self.tr("正在打印：第 %1 页，共 %2 页")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    @Slot(int)
    def _printed(self, pages: int) -> None:
        self._print_over(self.tr("已送往打印机：%1 页。").replace("%1", str(pages)))
        self.printDone.emit("finished", pages)

    @Slot(str)
    def _print_failed(self, message: str) -> None:
        self._print_over(self.tr("未打印完：%1").replace("%1", message))
        self.printDone.emit("failed", self.job.printed if self.job else 0)

    def _print_over(self, text: str) -> None:
        self.print_status.setText(text)
        self.print_status.setAccessibleName(text)
        self.stop_button.hide()
        self.print_button.setEnabled(self.page_count > 0)

    def done(self, result: int) -> None:
        # Closing stops a print in progress between two pages.
        if self.job is not None and self.job.active:
            self.job.stop()
        super().done(result)

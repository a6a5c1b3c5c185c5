"""核验文件: is this package, PDF or workbook intact, and who signed it?

The same checks as `jindu verify` (`app.signing.verify.verify_file`), for files
dropped on the dialog or chosen with the file dialog, optionally against a
trusted certificate. Each file gets one line: passed or refused in words and
with an icon, the kind, district, period, revision and the signer's fingerprint
in groups of four (as it is read out on the phone); the details below list every
problem found. Files are verified in the pool, with progress and cancel.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.fingerprints import group_fingerprint
from app.returns.progress import Cancelled, Progress
from models.errors import JinduError
from ui.app_context import AppContext
from ui.jobs import Job
from ui.overview_page import local_time

log = logging.getLogger(__name__)

ReportRole = Qt.ItemDataRole.UserRole + 1
COL_RESULT, COL_FILE, COL_KIND, COL_DISTRICT, COL_PERIOD, COL_REVISION, COL_SIGNER = range(7)
SUFFIXES = (".zip", ".pdf", ".xlsx")


def district_label(code: str) -> str:
    if not code:
        return ""
    from models.districts import district_by_code

    try:
        return f"{district_by_code(code).name}（{code}）"
    except JinduError:
        return code


class VerifyDialog(QDialog):
    """Drop files or choose them; each is verified and listed.

    Signals:
        verified(int, int): files verified in the last run, and how many were refused.
    """

    verified = Signal(int, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setAcceptDrops(True)
        self.context = context
        self.dialogs = context.dialogs
        self.job: Job | None = None
        self.reports: list[Any] = []
        self.trust_error = ""

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        choose_row = QHBoxLayout()
        self.choose_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        choose_row.addWidget(self.choose_button)
        choose_row.addWidget(self.clear_button)
        choose_row.addStretch(1)
        layout.addLayout(choose_row)

        trust_row = QHBoxLayout()
        self.trust_label = QLabel(self)
        self.trust = QLineEdit(self)
        self.trust.setClearButtonEnabled(True)
        self.trust_label.setBuddy(self.trust)
        self.trust_button = QPushButton(self)
        trust_row.addWidget(self.trust_label)
        trust_row.addWidget(self.trust, 1)
        trust_row.addWidget(self.trust_button)
        layout.addLayout(trust_row)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        list_box = QWidget(self.splitter)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel(list_box)
        self.list = QTreeWidget(list_box)
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(7)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(True)
        for column in range(COL_SIGNER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list_label.setBuddy(self.list)
        list_layout.addWidget(self.list_label)
        list_layout.addWidget(self.list, 1)
        details_box = QWidget(self.splitter)
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.details_label = QLabel(details_box)
        self.details = QPlainTextEdit(details_box)
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details_label.setBuddy(self.details)
        details_layout.addWidget(self.details_label)
        details_layout.addWidget(self.details, 1)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

        bottom = QHBoxLayout()
        self.bar_label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar_label.setBuddy(self.bar)
        self.cancel_button = QPushButton(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.close_button = QPushButton(self)
        bottom.addWidget(self.bar_label)
        bottom.addWidget(self.bar, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.summary, 2)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        for widget in (self.bar_label, self.bar, self.cancel_button):
            widget.hide()

        self.choose_button.clicked.connect(self.choose_files)
        self.clear_button.clicked.connect(self.clear)
        self.trust_button.clicked.connect(self.choose_trust)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.list.currentItemChanged.connect(self._show_details)
        self.retranslate()
        metrics = self.fontMetrics()
        area = self.screen().availableGeometry()
        self.resize(
            min(metrics.horizontalAdvance("中" * 90), int(area.width() * 0.9)),
            min(metrics.height() * 34, int(area.height() * 0.9)),
        )
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        title = self.tr("核验文件")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.intro.setText(
            self.tr(
                "把上报包（.zip）、PDF 报表或 Excel 报表拖到这个窗口，或点“选择文件”。"
                "每个文件都检查签名和内容是否完好，并显示签名人的证书指纹，可以电话核对。"
            )
        )
        self.intro.setAccessibleName(self.tr("说明"))
        self.choose_button.setText(self.tr("选择文件(&F)…"))
        self.choose_button.setAccessibleName(self.tr("选择文件"))
        self.clear_button.setText(self.tr("清空列表(&L)"))
        self.clear_button.setAccessibleName(self.tr("清空列表"))
        self.trust_label.setText(self.tr("信任的证书（可不填）(&T)："))
        self.trust.setAccessibleName(self.tr("信任的证书"))
        self.trust.setAccessibleDescription(
            self.tr("填了证书文件时，只有由这张证书签名的文件才算通过")
        )
        self.trust.setPlaceholderText(self.tr("证书文件（.pem）的位置"))
        self.trust_button.setText(self.tr("选择证书(&C)…"))
        self.trust_button.setAccessibleName(self.tr("选择证书"))
        self.list_label.setText(self.tr("核验结果(&R)："))
        self.list.setAccessibleName(self.tr("核验结果"))
        self.list.setHeaderLabels(
            [
                self.tr("结果"),
                self.tr("文件"),
                self.tr("类型"),
                self.tr("区县"),
                self.tr("报告期"),
                self.tr("版次"),
                self.tr("签名人证书指纹"),
            ]
        )
        self.details_label.setText(self.tr("详细情况(&D)："))
        self.details.setAccessibleName(self.tr("详细情况"))
        self.bar_label.setText(self.tr("进度(&G)："))
        self.bar.setAccessibleName(self.tr("核验进度"))
        self.cancel_button.setText(self.tr("停止(&S)"))
        self.cancel_button.setAccessibleName(self.tr("停止核验"))
        self.close_button.setText(self.tr("关闭"))
        self.close_button.setAccessibleName(self.tr("关闭"))
        self.summary.setAccessibleName(self.tr("核验小结"))
        if self.reports:
            self._fill(self.reports)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_text(self, kind: str) -> str:
        return {
            "package": self.tr("上报包"),
            "pdf": self.tr("PDF 报表"),
            "xlsx": self.tr("Excel 报表"),
        }.get(kind, kind)

    # ----- choosing files ------------------------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        paths = self.dialogs.open_files(
            self,
            self.tr("选择要核验的文件"),
            Path.home(),
            self.tr("报表文件 (*.zip *.pdf *.xlsx);;所有文件 (*)"),
        )
        if paths:
            self.verify(paths)

    @Slot()
    def choose_trust(self) -> None:
        path = self.dialogs.open_file(
            self,
            self.tr("选择信任的证书"),
            Path.home(),
            self.tr("证书 (*.pem *.crt *.cer);;所有文件 (*)"),
        )
        if path is not None:
            self.trust.setText(str(path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.verify(paths)

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    @Slot()
    def clear(self) -> None:
        if self.job is not None and self.job.running:
            return
        self.reports = []
        self.list.clear()
        self.details.clear()
        self.summary.clear()

    # ----- verifying -----------------------------------------------------------------------------
    def verify(self, paths: list[Path]) -> Job | None:
        """Verify `paths` in the pool; the list fills as the job ends."""
        if self.job is not None and self.job.running:
            return None
        trust_text = self.trust.text().strip()
        trust_path = Path(trust_text) if trust_text else None
        # Words made here, in the GUI thread, in the window's language.
        stopped = self.tr("已停止核验：核验了 %1 个文件，共 %2 个。")
        not_a_file = self.tr("「%1」不存在或不是文件，无法核验")
        missing_trust = self.tr("信任的证书文件「%1」不存在")

        def work(progress: Progress) -> list[Any]:
            from app.signing.crypto import load_cert_file
            from app.signing.verify import VerifyReport, detect_kind, verify_file

            if trust_path is not None and not trust_path.is_file():
                raise JinduError(missing_trust.replace("%1", str(trust_path)))
            trust = load_cert_file(trust_path) if trust_path is not None else None
            found: list[Any] = []
            progress.start(len(paths))
            for path in paths:
                if progress.cancelled:
                    raise Cancelled(
                        stopped.replace("%1", str(len(found))).replace("%2", str(len(paths)))
                    )
                progress.advance(str(path.name))
                if not path.is_file():
                    report = VerifyReport(path, "package")
                    report.problems.append(not_a_file.replace("%1", str(path)))
                    found.append(report)
                    continue
                try:
                    found.append(verify_file(path, trust))
                except JinduError as exc:
                    report = VerifyReport(path, detect_kind(path) if path.is_file() else "package")
                    report.problems.append(exc.message)
                    found.append(report)
            return found

        job = Job(work)
        self.job = job
        job.signals.started.connect(self._started)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._failed)
        for widget in (self.bar_label, self.bar, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        self.choose_button.setEnabled(False)
        self.summary.setText(self.tr("正在核验…"))
        self.context.pool.start(job)
        return job

    @Slot()
    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    @Slot(int)
    def _started(self, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)

    @Slot(int, str)
    def _progress(self, done: int, name: str) -> None:
        self.bar.setValue(min(done, self.bar.maximum()))
        if name:
            self.bar.setAccessibleDescription(name)

    @Slot(object)
    def _finished(self, reports: object) -> None:
        assert isinstance(reports, list)
        self.reports = [*self.reports, *reports]
        self._end()
        self._fill(self.reports)
        refused = sum(1 for r in reports if not r.ok)
        self.verified.emit(len(reports), refused)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end()
        self.summary.setText(message)
        self.summary.setAccessibleDescription(message)
        self.verified.emit(0, 0)

    def _end(self) -> None:
        for widget in (self.bar_label, self.bar, self.cancel_button):
            widget.hide()
        self.choose_button.setEnabled(True)

    def result_text(self, report: Any) -> str:
        if report.ok:
            return self.tr("通过：完好，签名有效")
        return self.tr("未通过：%1 处问题").replace("%1", str(len(report.problems)))

    def _fill(self, reports: list[Any]) -> None:
        self.list.clear()
        style = self.style()
        passed = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        refused = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        unknown = self.tr("（无法确定）")
        for report in reports:
            row = QTreeWidgetItem(
                self.list,
                [
                    self.result_text(report),
                    report.path.name,
                    self.kind_text(report.kind),
                    district_label(report.district) or unknown,
                    report.period or unknown,
                    str(report.revision) if report.revision is not None else unknown,
                    group_fingerprint(report.signer) if report.signer else unknown,
                ],
            )
            row.setIcon(COL_RESULT, passed if report.ok else refused)
            row.setData(COL_RESULT, ReportRole, report)
            words = f"{report.path.name}：{self.result_text(report)}"
            if report.problems:
                words += "。" + "；".join(report.problems)
            row.setToolTip(COL_RESULT, words)
            row.setToolTip(COL_FILE, str(report.path))
            for column in range(7):
                row.setData(column, Qt.ItemDataRole.AccessibleTextRole, words)
        total = len(reports)
        bad = sum(1 for r in reports if not r.ok)
        if bad:
            text = (
                self.tr("共 %1 个文件，%2 个未通过。")
                .replace("%1", str(total))
                .replace("%2", str(bad))
            )
        else:
            text = self.tr("共 %1 个文件，全部通过。").replace("%1", str(total))
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)
        if self.list.topLevelItemCount():
            # The first refused file first: that is what the statistician looks for.
            first_bad = next((i for i, r in enumerate(reports) if not r.ok), 0)
            item = self.list.topLevelItem(first_bad)
            if item is not None:
                self.list.setCurrentItem(item)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _show_details(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if current is None:
            self.details.clear()
            return
        report = current.data(COL_RESULT, ReportRole)
        if report is None:
            return
        unknown = self.tr("（无法确定）")
        lines = [
            self.tr("文件：%1").replace("%1", str(report.path)),
            self.tr("结果：%1").replace("%1", self.result_text(report)),
        ]
        # The problems first: they are why someone reads this.
        if report.problems:
            lines.append(self.tr("问题："))
            lines.extend(f"  {n}. {p}" for n, p in enumerate(report.problems, 1))
        lines += [
            self.tr("类型：%1").replace("%1", self.kind_text(report.kind)),
            self.tr("签名人证书指纹：%1").replace(
                "%1", group_fingerprint(report.signer) if report.signer else unknown
            ),
            self.tr("区县：%1").replace("%1", district_label(report.district) or unknown),
            self.tr("报告期：%1").replace("%1", report.period or unknown),
            self.tr("版次：%1").replace(
                "%1", str(report.revision) if report.revision is not None else unknown
            ),
        ]
        if report.signed_at:
            lines.append(self.tr("签发时间：%1").replace("%1", local_time(report.signed_at)))
        self.details.setPlainText("\n".join(lines))

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.cancel()
        super().reject()

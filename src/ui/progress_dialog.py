"""A progress dialog for one long job: a bar, the step in words, cancel; at the end, the files.

Modeless, so that the window stays usable while the job runs in the pool. Closing
or pressing Escape while the job runs asks it to stop (the service removes what
it had written); once it is over, "打开文件夹" shows the folder through the dialog
service, so that tests open nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.app_context import AppContext
from ui.dialogs import DialogService
from ui.jobs import Job

log = logging.getLogger(__name__)


class ProgressDialog(QDialog):
    """Shows one job from start to end.

    Signals:
        ended(str): the job is over: "finished", "failed" or "cancelled".
    """

    ended = Signal(str)

    def __init__(self, title: str, dialogs: DialogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.dialogs = dialogs
        self.title = title
        self.job: Job | None = None
        self.folder: Path | None = None
        self.describe: Callable[[Any], str] | None = None
        self.close_when_done = False

        layout = QVBoxLayout(self)
        self.what = QLabel(title, self)
        self.what.setWordWrap(True)
        font = self.what.font()
        font.setBold(True)
        self.what.setFont(font)
        self.bar_label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar_label.setBuddy(self.bar)
        self.step = QLabel(self)
        self.step.setWordWrap(True)
        self.step.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details_label.setBuddy(self.details)
        self.details_label.hide()
        self.details.hide()

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.hide()
        self.cancel_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.close_button.hide()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout.addWidget(self.what)
        layout.addWidget(self.bar_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.step)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        self.open_button.clicked.connect(self.open_folder)
        self.retranslate()
        metrics = self.fontMetrics()
        self.setMinimumWidth(
            min(metrics.horizontalAdvance("中" * 24), self.screen().size().width())
        )
        self.resize(metrics.horizontalAdvance("中" * 36), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.title)
        self.setAccessibleName(self.title)
        self.bar_label.setText(self.tr("进度(&G)："))
        self.bar.setAccessibleName(self.tr("进度"))
        self.step.setAccessibleName(self.tr("当前步骤"))
        self.details_label.setText(self.tr("结果(&R)："))
        self.details.setAccessibleName(self.tr("结果"))
        self.open_button.setText(self.tr("打开文件夹(&O)"))
        self.open_button.setAccessibleName(self.tr("打开文件夹"))
        self.cancel_button.setText(self.tr("取消(&C)"))
        self.cancel_button.setAccessibleName(self.tr("取消"))
        self.close_button.setText(self.tr("关闭"))
        self.close_button.setAccessibleName(self.tr("关闭"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the job --------------------------------------------------------------------------
    def attach(
        self,
        job: Job,
        folder: Path | None = None,
        describe: Callable[[Any], str] | None = None,
        close_when_done: bool = False,
    ) -> None:
        """Follow `job`; connect before the job is started, so that no signal is missed."""
        self.job = job
        self.folder = folder
        self.describe = describe
        self.close_when_done = close_when_done
        self.step.setText(self.tr("正在准备…"))
        job.signals.started.connect(self._started)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    @Slot(int)
    def _started(self, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(0)

    @Slot(int, str)
    def _progress(self, done: int, step: str) -> None:
        if self.bar.maximum() > 0:
            self.bar.setValue(min(done, self.bar.maximum()))
        if step:
            self.step.setText(step)
            self.bar.setAccessibleDescription(step)

    @Slot(object)
    def _finished(self, result: object) -> None:
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
        self.bar.setValue(self.bar.maximum())
        late = self.job is not None and self.job.cancelled
        text = self.tr("已完成。")
        if late:
            text = self.tr("已完成（取消前已经完成）。")
        self.step.setText(text)
        summary = self.describe(result) if self.describe else self.files_text(result)
        self._over("finished", summary, can_open=self.folder is not None)
        if self.close_when_done:
            self.accept()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.step.setText(self.tr("未完成：出现问题，见下方说明。"))
        self._over("failed", message, can_open=False)

    @Slot(str)
    def _cancelled(self, message: str) -> None:
        self.step.setText(self.tr("已取消。"))
        self._over("cancelled", message, can_open=False)

    def _over(self, outcome: str, text: str, can_open: bool) -> None:
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        if text:
            self.details.setPlainText(text)
            self.details_label.show()
            self.details.show()
            lines = max(3, min(text.count("\n") + 2, 12))
            self.details.setMinimumHeight(self.fontMetrics().height() * lines)
        self.open_button.setVisible(can_open)
        (self.open_button if can_open else self.close_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )
        # Grow to show the result; never shrink below what the clerk already sees.
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))
        self.ended.emit(outcome)

    def files_text(self, result: object) -> str:
        """The default summary: the files a job wrote, one a line."""
        paths = [p for p in result if isinstance(p, Path)] if isinstance(result, list) else []
        if not paths:
            return ""
        return (
            self.tr("已写出 %1 个文件：").replace("%1", str(len(paths)))
            + "\n"
            + "\n".join(str(p) for p in paths)
        )

    # ----- buttons --------------------------------------------------------------------------
    @Slot()
    def cancel(self) -> None:
        if self.job is None or not self.job.running:
            return
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.step.setText(self.tr("正在取消，当前步骤结束后停止…"))

    @Slot()
    def open_folder(self) -> None:
        if self.folder is not None:
            self.dialogs.open_folder(self.folder)

    def reject(self) -> None:
        # Escape while the job runs means "stop", not "hide and keep going".
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def run_job(
    context: AppContext,
    parent: QWidget | None,
    title: str,
    job: Job,
    *,
    folder: Path | None = None,
    describe: Callable[[Any], str] | None = None,
    close_when_done: bool = False,
) -> ProgressDialog:
    """Show a progress dialog for `job` and start it on the context's pool."""
    dialog = ProgressDialog(title, context.dialogs, parent)
    dialog.attach(job, folder, describe, close_when_done)
    dialog.show()
    context.pool.start(job)
    return dialog

"""Long jobs on the injected thread pool, reporting through Qt signals.

A `Job` is the `Progress` the services in `src/app` tick (`start`, `advance`,
`finish`, `cancelled`); it turns each tick into a signal, which Qt delivers in
the GUI thread because the signals' object lives there. Cancelling sets a flag
that the service reads between steps; the service then raises `Cancelled` and
removes what it had written.

A job that needs the database opens its own connection in the worker thread
(`office_job`): a SQLite connection never crosses threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from app.office import OfficeService, open_office
from app.returns.progress import Cancelled, Progress
from models.errors import JinduError

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """What a job reports; made in the GUI thread, so the slots run there.

    Signals:
        started(int): the number of steps the job will take.
        progress(int, str): steps done so far, and the step just begun (or "").
        finished(object): the job's result.
        failed(str): why the job failed, in words for the user.
        cancelled(str): the job stopped at the user's request; what it left behind.
    """

    started = Signal(int)
    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)


class Job(QRunnable):
    """Runs `fn(progress)` once on a pool; the job itself is the progress it is given."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        # The pool must not delete the runnable: its signals may still be queued.
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = JobSignals()
        self.total = 0
        self.done = 0
        self.outcome = ""  # "finished", "failed" or "cancelled" once over
        self.result: Any = None
        self.message = ""
        self._cancel = threading.Event()

    # ----- the Progress protocol (called in the worker thread) ------------------------------
    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @cancelled.setter
    def cancelled(self, value: bool) -> None:
        # Settable, as the protocol has it; `cancel()` is what the window calls.
        if value:
            self._cancel.set()
        else:
            self._cancel.clear()

    def start(self, total: int) -> None:
        self.total = max(int(total), 0)
        self.done = 0
        self.signals.started.emit(self.total)

    def advance(self, step: str) -> None:
        self.signals.progress.emit(self.done, step)
        self.done += 1

    def finish(self) -> None:
        # A job that stopped early leaves the bar where it stopped.
        if not self.cancelled and self.done >= self.total:
            self.signals.progress.emit(self.total, "")

    # ----- control (GUI thread) --------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the job to stop at its next step; the service cleans up after itself."""
        self._cancel.set()

    @property
    def running(self) -> bool:
        return not self.outcome

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled as exc:
            self._end("cancelled", exc.message)
            self.signals.cancelled.emit(exc.message)
        except JinduError as exc:
            log.info("job refused: %s", exc.message)
            self._end("failed", exc.message)
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # reported to the user in words; the log has the traceback
            log.exception("background job failed")
            text = str(exc) or type(exc).__name__
            self._end("failed", text)
            self.signals.failed.emit(text)
        else:
            self.result = result
            self._end("finished", "")
            self.signals.finished.emit(result)

    def _end(self, outcome: str, message: str) -> None:
        self.outcome = outcome
        self.message = message


def office_job(data_dir: Path, work: Callable[[OfficeService, Progress], Any]) -> Job:
    """A job that works on the office in `data_dir` through its own connection."""

    def fn(progress: Progress) -> Any:
        service = open_office(data_dir, auto_backup=False)
        try:
            return work(service, progress)
        finally:
            service.store.close()

    return Job(fn)

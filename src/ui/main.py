"""The window's composition root: `run_window(data_dir)`.

It sets up logging (a rotating file in the data folder, Qt's own messages routed
into it), the application with its fonts and translators, one running instance per
data folder, and the crash dialog; then opens the office and shows the setup
wizard on the first run, the main window afterwards.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QMessageLogContext,
    QThreadPool,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from app import __version__
from app.office import open_office
from models.errors import JinduError, StoreError
from models.integrity import BackgroundCheck
from models.resources import resources_dir
from ui.app_context import SETTINGS_FILE, AppContext, Appearance, Translations, UiSettings
from ui.dialogs import DialogService

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

LOCK_FILE = "jindu-window.lock"
LOG_FILE = "jindu.log"
# Windows' Chinese UI fonts first; the bundled WenQuanYi Micro Hei everywhere else.
PREFERRED_FAMILIES = ("Microsoft YaHei", "Microsoft YaHei UI", "SimSun", "NSimSun")
BUNDLED_FAMILY = "WenQuanYi Micro Hei"  # resources/fonts/wqy-microhei.ttc


_previous_handler: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None


class LogFile(logging.Handler):
    """The rotating log file (1 MB, five kept), opened at its first record.

    Most starts log nothing, and logging.handlers with what it imports (socket,
    pickle, queue) costs a few milliseconds of every start.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:
            import logging.handlers

            self.file = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
            self.file.setFormatter(self.formatter)
        self.file.emit(record)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def setup_logging(data_dir: Path) -> Path:
    """One rotating log file per data folder; Qt's messages go into it too."""
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    if not any(getattr(h, "jindu_log", False) for h in root.handlers):
        handler = LogFile(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.jindu_log = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    global _previous_handler
    previous = qInstallMessageHandler(_qt_message)
    if previous is not _qt_message:
        _previous_handler = previous
    return path


# Qt's headless platforms (offscreen, minimal: the tests, CI, a server's checks) say this
# at every window shown; Windows and X11 never do. Logged, it filled the log with one
# line per window, and the first one opened the log file during the first paint.
_PLATFORM_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in _PLATFORM_NOISE:
        return
    logging.getLogger(f"qt.{context.category or 'default'}").log(
        _QT_LEVELS.get(kind, logging.WARNING), message
    )


def install_fonts(app: QApplication) -> QFont:
    """Choose the UI font, registering the bundled CJK font only when it is needed."""
    available = set(QFontDatabase.families())
    chosen = next((f for f in (*PREFERRED_FAMILIES, BUNDLED_FAMILY) if f in available), None)
    families: list[str] = []
    if chosen is None:
        # Reading the 5 MB collection takes a few milliseconds of every start: only on a
        # computer with neither Windows' Chinese fonts nor WenQuanYi installed.
        bundled = resources_dir() / "fonts" / "wqy-microhei.ttc"
        font_id = QFontDatabase.addApplicationFont(str(bundled)) if bundled.is_file() else -1
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            chosen = families[0] if families else None
        else:
            log.warning("could not register %s", bundled)
    font = QFont(app.font())
    if chosen:
        font.setFamilies(list(dict.fromkeys([chosen, *families])))
    if font.pointSizeF() <= 0:
        font.setPointSizeF(10.0)
    return font


def make_excepthook(
    dialogs: DialogService,
    log_path: Path,
    parent: Callable[[], QWidget | None],
    check: BackgroundCheck | None = None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """Log an unexpected error, then tell the user where the log is.

    A page that cannot be read while the integrity check beside the window still runs
    (a period switch in the first moments) waits for the check's verdict: if it found
    the file damaged, `watch_integrity` says so in its own words and ends the program,
    and SQLite's bare "malformed" is not shown before it."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        log.critical("unexpected error", exc_info=(kind, error, tb))
        if showing or issubclass(kind, KeyboardInterrupt):
            return
        if check is not None and isinstance(error, sqlite3.DatabaseError):
            with contextlib.suppress(StoreError):
                check.wait()
            if check.problem is not None and not check.stopped:
                return
        showing = True
        try:
            dialogs.error(
                parent(),
                translate("main", "程序出错"),
                translate(
                    "main",
                    "发生了意外错误：%1\n\n已保存的数据不受影响。详细情况已记录在日志文件：\n%2",
                )
                .replace("%1", str(error) or kind.__name__)
                .replace("%2", str(log_path)),
                "".join(traceback.format_exception(kind, error, tb)),
            )
        finally:
            showing = False

    return hook


def watch_integrity(
    check: BackgroundCheck | None, dialogs: DialogService, parent: Callable[[], QWidget | None]
) -> None:
    """Say so and quit if the integrity check running beside the window finds damage.

    Until it ends, whatever the clerk saves waits for it (`Store.change`)."""
    if check is None:
        return
    timer = QTimer(QCoreApplication.instance())
    timer.setInterval(20)

    def poll() -> None:
        if not check.done:
            return
        timer.stop()
        timer.deleteLater()
        if check.problem is None or check.stopped:
            return
        log.error("integrity check failed: %s", check.problem)
        dialogs.error(parent(), translate("main", "无法打开数据"), check.problem)
        QCoreApplication.exit(1)

    timer.timeout.connect(poll)
    timer.start()


def lock_data_dir(data_dir: Path) -> QLockFile | str:
    """The lock that keeps one window per data folder, or the reason it is taken."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_FILE))
    lock.setStaleLockTime(0)  # a lock whose process is gone is removed, however recent
    if lock.tryLock(200):
        return lock
    info = lock.getLockInfo()  # PySide6 returns (pid, host, application) when it can read them
    who = ""
    if isinstance(info, tuple) and len(info) >= 3:
        pid, host = info[-3], info[-2]
        who = (
            translate("main", "（进程 %1，计算机 %2）")
            .replace("%1", str(pid))
            .replace("%2", str(host))
        )
    return (
        translate(
            "main",
            "这个数据文件夹已经在另一个进度窗口中打开%1：\n%2\n\n请切换到已打开的窗口；同一数据文件夹同时只能打开一个窗口。",
        )
        .replace("%1", who)
        .replace("%2", str(data_dir))
    )


@dataclass
class Started:
    """What `start` built: the window to show, or why there is none."""

    window: QWidget | None
    context: AppContext | None = None
    lock: QLockFile | None = None
    exit_code: int = 0

    def close(self) -> None:
        if self.context is not None:
            self.context.pool.waitForDone()
            self.context.service.store.close()
        if self.lock is not None:
            self.lock.unlock()


def start(app: QApplication, data_dir: Path, dialogs: DialogService | None = None) -> Started:
    """Build the context and the first window (the wizard first on the first run)."""
    dialogs = dialogs or DialogService()
    log_path = setup_logging(data_dir)
    settings = UiSettings(data_dir / SETTINGS_FILE)
    translations = Translations(app)
    translations.install(settings.language)
    appearance = Appearance(app, install_fonts(app))
    appearance.apply(settings.font_scale, settings.high_contrast)
    app.setApplicationName("Jindu")
    app.setApplicationDisplayName(translate("main", "进度"))

    lock = lock_data_dir(data_dir)
    if isinstance(lock, str):
        dialogs.warning(None, translate("main", "进度已在运行"), lock)
        return Started(None, exit_code=1)
    windows: list[QWidget] = []
    try:
        # The integrity check of a large file runs beside the window (models/integrity.py).
        service = open_office(data_dir, check_beside=True)
    except JinduError as exc:
        log.error("cannot open %s: %s", data_dir, exc.message)
        dialogs.error(None, translate("main", "无法打开数据"), exc.message)
        lock.unlock()
        return Started(None, exit_code=1)
    sys.excepthook = make_excepthook(
        dialogs, log_path, lambda: windows[-1] if windows else None, service.store.integrity
    )
    context = AppContext(
        data_dir=data_dir,
        service=service,
        pool=QThreadPool.globalInstance(),
        dialogs=dialogs,
        settings=settings,
        translations=translations,
        appearance=appearance,
    )
    started = Started(None, context, lock)
    watch_integrity(service.store.integrity, dialogs, lambda: windows[-1] if windows else None)
    try:
        started.window = first_window(context, windows)
    except sqlite3.DatabaseError as exc:
        # A damaged page, read before the check beside the window could name it.
        error = service.store.unreadable(exc)
        log.error("cannot open %s: %s", data_dir, error.message)
        dialogs.error(None, translate("main", "无法打开数据"), error.message)
        started.close()
        return Started(None, exit_code=1)
    return started


def first_window(context: AppContext, windows: list[QWidget]) -> QWidget | None:
    """The city window, or the main window after the wizard on the first run."""
    service = context.service
    # City mode (市残联): a folder set up with `jindu city setup` opens the city window
    # (after the city setup dialog if that setup is unfinished), never the district wizard.
    if service.store.meta("mode") == "city":
        from ui.city_window import open_city_window

        city = open_city_window(context)
        if city is not None:
            windows.append(city)
        return city
    if not service.is_set_up:
        from ui.setup_wizard import SetupWizard

        wizard = SetupWizard(context)
        windows.append(wizard)
        if not wizard.exec():
            log.info("first-run setup cancelled")
            return None
    from ui.main_window import MainWindow

    main = MainWindow(context)
    windows.append(main)
    return main


def run_window(data_dir: Path) -> int:
    """Open the window on a data folder; returns the process exit status."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    started = start(app, data_dir)
    try:
        if started.window is None:
            return started.exit_code
        window = started.window
        window.show()
        # Once the first paint is done (a zero timer runs when the queue is empty): the log
        # says which program opened which folder, for whoever helps the clerk later.
        QTimer.singleShot(
            0,
            lambda: log.info(
                "%s shown: Jindu %s, data folder %s", type(window).__name__, __version__, data_dir
            ),
        )
        return app.exec()
    finally:
        started.close()

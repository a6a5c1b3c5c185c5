"""What every window needs, built once by the composition root and passed by constructor.

Nothing here is a global: `main.run_window` builds one `AppContext`, tests build
their own on a temporary data folder with a synchronous thread pool and a dialog
service that answers by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QRunnable,
    QSettings,
    QThreadPool,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.office import OfficeService
from models.resources import resources_dir
from ui.dialogs import DialogService

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
FONT_SCALES = (100, 125, 150, 200)
SETTINGS_FILE = "jindu-ui.ini"


class UiSettings:
    """Window state and appearance, in an INI file in the data folder.

    Domain settings live in SQLite; only what belongs to this screen lives here, in
    the data folder so that a portable data folder carries its own layout.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self.qsettings.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value)

    @property
    def font_scale(self) -> int:
        try:
            value = int(self.qsettings.value("ui/font_scale", 100))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 100
        return value if value in FONT_SCALES else 100

    @font_scale.setter
    def font_scale(self, value: int) -> None:
        self.qsettings.setValue("ui/font_scale", int(value))

    @property
    def high_contrast(self) -> bool:
        return str(self.qsettings.value("ui/high_contrast", "false")).lower() == "true"

    @high_contrast.setter
    def high_contrast(self, value: bool) -> None:
        self.qsettings.setValue("ui/high_contrast", "true" if value else "false")

    def state(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.qsettings.sync()


class Translations:
    """Qt's own translator (standard buttons) and Jindu's, swapped at run time.

    Installing a translator makes Qt send LanguageChange to every widget; the
    windows retranslate themselves in `changeEvent`.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []

    def uninstall(self) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []

    def install(self, language: str) -> None:
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        self.uninstall()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self.app)
        if qt.load(f"qtbase_{language}", qt_dir):
            self._installed.append(qt)
        if language != DEFAULT_LANGUAGE:  # the source strings are Simplified Chinese
            ours = QTranslator(self.app)
            folder = resources_dir() / "translations"
            if ours.load(f"jindu_{language}", str(folder)):
                self._installed.append(ours)
            else:
                log.warning("translation jindu_%s not found in %s", language, folder)
        for translator in self._installed:
            self.app.installTranslator(translator)
        QLocale.setDefault(QLocale(language))
        self.language = language


def restore_geometry(window: QWidget, settings: UiSettings, key: str) -> None:
    """The window's saved size and place, else a size by its font within the screen:
    200 % text on a small screen still fits."""
    geometry = settings.state(key)
    if geometry is not None and window.restoreGeometry(geometry):
        return
    metrics = window.fontMetrics()
    area = window.screen().availableGeometry()
    window.resize(
        min(metrics.horizontalAdvance("中" * 90), int(area.width() * 0.95)),
        min(metrics.height() * 45, int(area.height() * 0.9)),
    )


class Appearance:
    """Font size and the high-contrast palette, applied to the whole application."""

    def __init__(self, app: QApplication, base_font: QFont) -> None:
        self.app = app
        self.base_font = QFont(base_font)
        self.base_palette = QPalette(app.palette())
        # The platform's style, remembered when high contrast replaces it. Not read at
        # start: asking for the style builds QStyle's Python enums (about 12 ms).
        self.base_style: str | None = None
        self.scale = 100
        self.high_contrast = False

    def apply(self, scale: int, high_contrast: bool) -> None:
        self.scale = scale if scale in FONT_SCALES else 100
        font = QFont(self.base_font)
        size = self.base_font.pointSizeF()
        if size <= 0:
            size = 10.0
        font.setPointSizeF(size * self.scale / 100)
        # The theme, then the size, then the high-contrast sheet: widgets polished under a
        # sheet keep the font they were polished with, so the sheet is set (again) after
        # the size, which re-polishes them at the new one. A size set under the sheet alone
        # did not reach the widgets, and a size set before the theme could leave the grid
        # black once high contrast was turned off.
        if high_contrast != self.high_contrast:
            self.high_contrast = high_contrast
            if high_contrast:
                # The native Windows style ignores much of the palette; Fusion honours all of it.
                self.base_style = self.app.style().name()
                self.app.setStyle("Fusion")
                self.app.setPalette(high_contrast_palette())
            else:
                # The style sheet goes first: Qt re-polishes every widget for each of these
                # calls, and re-polishing under a sheet whose style is being replaced has
                # crashed here.
                self.app.setStyleSheet("")
                if self.base_style:
                    self.app.setStyle(self.base_style)
                self.app.setPalette(self.base_palette)
        self.app.setFont(font)
        # Qt posts the new palette and size to the widgets: delivered now, so that the
        # sheet's re-polish below (or the next change) starts from them.
        for kind in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.ApplicationFontChange):
            QCoreApplication.sendPostedEvents(None, kind)
        if self.high_contrast:
            self.app.setStyleSheet(HIGH_CONTRAST_QSS)


# Fusion draws frames a shade darker than the window, which is invisible on black:
# white frames, and a thick yellow one around whatever has the keyboard focus.
HIGH_CONTRAST_QSS = """
QLineEdit, QPlainTextEdit, QTextBrowser, QComboBox, QTableView, QTreeView, QListView,
QPushButton, QCheckBox::indicator { border: 1px solid #ffffff; }
QLineEdit:focus, QPlainTextEdit:focus, QTextBrowser:focus, QComboBox:focus, QTableView:focus,
QTreeView:focus, QListView:focus, QPushButton:focus { border: 3px solid #ffff00; }
QHeaderView::section { border: 1px solid #ffffff; background: #000000; color: #ffffff; }
"""


def high_contrast_palette() -> QPalette:
    """White on black with yellow selection, as Windows' high-contrast themes do."""
    pal = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, color in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0")),
        (QPalette.ColorRole.Link, QColor("#00ffff")),
    ):
        pal.setColor(role, color)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#a0a0a0"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#a0a0a0"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#a0a0a0"))
    return pal


class _Relay(QObject):
    """Lives in the GUI thread; a worker emits its signals, so the slots run in the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: object) -> None:
        self._on_done(result)
        self.deleteLater()

    @Slot(object)
    def _failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self._on_error(error)
        self.deleteLater()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI thread, which shows it
            log.exception("background task failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


@dataclass
class AppContext:
    """The services bundle: one per window process, passed to every window."""

    data_dir: Path
    service: OfficeService
    pool: QThreadPool
    dialogs: DialogService
    settings: UiSettings
    translations: Translations | None = None
    appearance: Appearance | None = None

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def run_task(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `fn` on the injected pool; the callbacks run in the GUI thread.

        `fn` must open its own database connection if it needs one: a SQLite
        connection never crosses threads.
        """
        relay = _Relay(on_done, on_error)
        self._relays.add(relay)
        relay.destroyed.connect(lambda *_: self._relays.discard(relay))
        self.pool.start(_Task(fn, relay))

    def __post_init__(self) -> None:
        self._relays: set[_Relay] = set()

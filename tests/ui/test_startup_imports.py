"""The window's start-up imports only what the first screen needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import fresh_service

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import app.cli
app.cli.import_window()
import ui.main_window, ui.return_actions, ui.overview_page, ui.plan_switcher
heavy = ("sqlite_utils", "openpyxl", "reportlab", "pyhanko", "docx", "pypdf", "PIL")
print(" ".join(sorted(m for m in heavy if m in sys.modules)))
"""


def test_the_window_starts_without_the_libraries_of_files_and_signatures() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    # sqlite-utils only migrates; openpyxl, reportlab and pyHanko are loaded by the
    # exports and signing that use them.
    assert done.stdout.strip() == ""


SHOWN = """
import sys, pathlib
import app.cli
app.cli.import_window()
import ui.main
from PySide6.QtWidgets import QApplication
qapp = QApplication(sys.argv)
started = ui.main.start(qapp, pathlib.Path(sys.argv[1]))
started.window.show()
qapp.processEvents()
late = ("hashlib", "_strptime", "sqlite_utils", "openpyxl", "reportlab", "pyhanko",
        "ui.overview_page", "ui.jobs", "ui.progress_dialog")
print(" ".join(sorted(m for m in late if m in sys.modules)))
started.close()
"""


def test_a_shown_window_has_not_loaded_what_only_changes_and_exports_need(
    office_dir: Path,
) -> None:
    """hashlib (OpenSSL) waits for the first audited change, _strptime is not needed to
    read the backups' names; the file and signature libraries wait for their actions, and
    the overview page and the job runner for the clerk to open them."""
    store = fresh_service(office_dir).store
    store.backup("manual")  # today's backup: the start measured is a later one
    store.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SHOWN, str(office_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == ""

"""The window's start-up imports only what the first screen needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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

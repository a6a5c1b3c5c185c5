"""models and app never import PySide6: the command line stays fast and testable without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import importlib, pkgutil, sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError(f"Qt imported below the UI layer: {name}")
        return None

sys.meta_path.insert(0, NoQt())
import app, models
failed = []
for package in (models, app):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name in ("app.__main__",):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            if "Qt imported" in str(exc):
                failed.append(f"{info.name}: {exc}")
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_models_and_app_import_without_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_source_line_in_models_or_app_mentions_pyside6_imports() -> None:
    offenders = [
        f"{path}:{n}"
        for folder in ("models", "app")
        for path in (ROOT / "src" / folder).rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.lstrip().startswith(("import PySide6", "from PySide6"))
    ]
    assert offenders == []

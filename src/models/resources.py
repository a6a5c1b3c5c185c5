"""Where the bundled resources live, the same way frozen and unfrozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: `JINDU_RESOURCES`, the PyInstaller bundle, or the checkout."""
    override = os.environ.get("JINDU_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"

"""The window's log file: opened at its first record, rotated at 1 MB, five kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ui.main import LogFile, setup_logging


def test_the_log_file_appears_with_its_first_record_and_rotates(tmp_path: Path) -> None:
    path = tmp_path / "jindu.log"
    handler = LogFile(path)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log = logging.getLogger("jindu-test-log-file")
    log.propagate = False
    log.addHandler(handler)
    try:
        assert not path.exists()  # nothing logged, nothing opened
        log.warning("第一条")
        handler.flush()
        assert path.read_text(encoding="utf-8") == "WARNING 第一条\n"
        line = "记录" * 500  # 3 kB a record in UTF-8
        for _ in range(7 * 1_000_000 // 3000):
            log.warning(line)
        rotated = sorted(p.name for p in tmp_path.iterdir())
        assert rotated == [f"jindu.log{s}" for s in ("", ".1", ".2", ".3", ".4", ".5")]
        # logging counts characters against the limit: a Chinese record may pass it a little
        assert all(p.stat().st_size < 1_010_000 for p in tmp_path.iterdir())
    finally:
        log.removeHandler(handler)
        handler.close()


@pytest.mark.usefixtures("app_state")  # the log file and Qt's handler put back after
def test_qt_warnings_are_logged_but_not_the_headless_platforms_noise(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtCore import qWarning

    setup_logging(tmp_path)
    with caplog.at_level(logging.WARNING):
        qWarning("QFont::setPointSizeF: Point size <= 0 (0.000000), must be greater than 0")
        qWarning("This plugin does not support propagateSizeHints()")
    logged = [(r.name, r.getMessage()) for r in caplog.records]
    assert logged == [
        ("qt.default", "QFont::setPointSizeF: Point size <= 0 (0.000000), must be greater than 0")
    ]

"""A process killed with SIGKILL in the middle of writes loses nothing acknowledged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys
from models.audit import Actor
from models.store import open_store
store = open_store(__import__("pathlib").Path(sys.argv[1]), Actor("测试", "t"))
i = 0
while True:
    with store.change() as db:
        db.execute(
            "INSERT INTO entries (district, plan, indicator, period, value, note, updated_at)"
            " VALUES ('500103', 'cq-2018', ?, '2018Q1', ?, '', 'x')",
            [f"i{i}", str(i)],
        )
        store.audit("set", "entry", f"i{i}", None, str(i))
    # acknowledged only after the commit returned
    print(i, flush=True)
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_sigkill_mid_write_keeps_every_acknowledged_write(tmp_path: Path) -> None:
    db_path = tmp_path / "jindu.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    acknowledged = -1
    deadline = time.monotonic() + 30
    while acknowledged < 200 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        acknowledged = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert acknowledged >= 200, proc.stderr.read() if proc.stderr else ""

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    held = {int(r[0]) for r in conn.execute("SELECT value FROM entries")}
    assert set(range(acknowledged + 1)) <= held
    conn.close()

    from models import audit
    from models.audit import Actor
    from models.store import open_store

    store = open_store(db_path, Actor("检查", "t"), auto_backup=False)
    assert audit.verify(store.db) == []

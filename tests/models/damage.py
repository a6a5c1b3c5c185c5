"""Damaging a store file on purpose, for the tests of the integrity check."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def damage_page(path: Path, name: str | None = None) -> None:
    """Overwrite the root page of table or index `name`, or a page three quarters in.

    The schema and the migrations' table (the first pages) still read; quick_check
    does not pass."""
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file itself
    page = root[0] if root else pages * 3 // 4
    data = bytearray(path.read_bytes())
    data[(page - 1) * page_size : (page - 1) * page_size + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))

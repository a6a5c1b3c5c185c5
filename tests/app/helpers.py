"""Helpers for tests that drive the `jindu` command line in-process."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


def jindu(data_dir: Path, *args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *args], out=out, err=err)
    return Result(code, out.getvalue(), err.getvalue())


def db_fingerprint(data_dir: Path) -> str:
    """A digest of every user table's rows: equal before and after means nothing changed."""
    conn = sqlite3.connect(data_dir / "jindu.sqlite3")
    digest = hashlib.sha256()
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def setup_office(data_dir: Path, district: str = "500103") -> Result:
    pw = data_dir.parent / f"{data_dir.name}-passphrase.txt"
    pw.write_text("correct horse 电池", encoding="utf-8")
    return jindu(
        data_dir,
        "setup",
        "--district",
        district,
        "--clerk",
        "张三",
        "--reviewer",
        "李四",
        "--head",
        "王五",
        "--phone",
        "023-63651188",
        "--passphrase-file",
        str(pw),
    )

"""Online backups with SQLite's backup API, keeping the most recent ones."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from models.errors import InputError, StoreError

KEEP = 30
PREFIX = "jindu-"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str


def _parse(path: Path) -> Backup | None:
    stem = path.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    stamp, _, reason = stem.partition("_")
    # The stamp take_backup writes, %Y%m%d-%H%M%S-%f, read without strptime: its module
    # (_strptime, with locale and calendar) costs every start 2 ms.
    day, _, rest = stamp.partition("-")
    clock, _, micro = rest.partition("-")
    digits = day + clock + micro
    if (len(day), len(clock), len(micro)) != (8, 6, 6) or not (
        digits.isascii() and digits.isdigit()
    ):
        return None
    try:
        taken = datetime(
            int(day[:4]), int(day[4:6]), int(day[6:]),
            int(clock[:2]), int(clock[2:4]), int(clock[4:]), int(micro),
        )  # fmt: skip
    except ValueError:
        return None
    return Backup(path, taken, reason)


def list_backups(folder: Path) -> list[Backup]:
    """Backups in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.glob(f"{PREFIX}*{SUFFIX}") if (b := _parse(p))]
    return sorted(found, key=lambda b: b.taken, reverse=True)


def take_backup(db_path: Path, folder: Path, reason: str, keep: int = KEEP) -> Path:
    """Copy the live database with the online backup API, then prune old copies."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{PREFIX}{stamp}_{reason}{SUFFIX}"
    partial = target.with_suffix(".partial")
    try:
        source = sqlite3.connect(db_path)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"备份失败（{db_path}）：{exc}") from exc
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def backup_due(folder: Path, now: datetime | None = None) -> bool:
    """True when there is no backup from the last day."""
    latest = list_backups(folder)
    if not latest:
        return True
    return (now or datetime.now()) - latest[0].taken > timedelta(days=1)


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not a sound Jindu database, before anything is written."""
    if not path.is_file():
        raise InputError("备份文件", str(path), "文件不存在")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise InputError("备份文件", str(path), "不是 SQLite 数据库文件")
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise InputError("备份文件", str(path), f"无法读取：{exc}") from exc
    if result != "ok":
        raise InputError("备份文件", str(path), f"完整性检查未通过：{result}")
    if not {"meta", "entries", "audit"} <= tables:
        raise InputError("备份文件", str(path), "不是进度（Jindu）的数据库")


def restore_into(backup: Path, db_path: Path) -> None:
    """Copy a backup over the live database, page by page, in one transaction."""
    source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(db_path)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()

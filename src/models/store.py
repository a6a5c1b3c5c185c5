"""The local store: one SQLite file that never loses an acknowledged number.

Opening it sets WAL and `synchronous=FULL`, turns foreign keys on, runs
`PRAGMA quick_check` (the window may run it beside itself: models/integrity.py),
refuses a database made by a newer Jindu, and applies pending migrations after
taking a backup. Every change goes through
`Store.change()`, which writes the change and its audit record in one transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models import audit, backups
from models.audit import Actor
from models.connection import Connection
from models.errors import StoreError
from models.integrity import BackgroundCheck, quick_check, unreadable_message
from models.schema import MIGRATION_SET, MIGRATIONS_TABLE, migration_names, migrations

log = logging.getLogger(__name__)

DB_NAME = "jindu.sqlite3"


class Store:
    """An open database plus the actor whose changes it records."""

    def __init__(self, db: Connection, path: Path, actor: Actor) -> None:
        self.db = db
        self.path = path
        self.actor = actor
        # Set when the integrity check runs beside the window: writes wait for it.
        self.integrity: BackgroundCheck | None = None

    def checked(self) -> None:
        """Return once the file is known sound; raise StoreError if it is damaged."""
        if self.integrity is not None:
            self.integrity.wait()

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "backups"

    def unreadable(self, exc: sqlite3.DatabaseError) -> StoreError:
        """What to say of a page that could not be read: the integrity check's finding
        (waiting for it if it runs beside the window), else SQLite's own words."""
        try:
            self.checked()
        except StoreError as found:
            return found
        if isinstance(exc, sqlite3.OperationalError):
            # Locked, or the disk failed: the file itself was found sound.
            return StoreError(f"无法读取数据库 {self.path}：{refused_reason(exc) or exc}")
        return StoreError(unreadable_message(self.path, exc))

    @contextmanager
    def change(self) -> Iterator[Connection]:
        """One transaction for a change and its audit records; nested calls join it.

        Nothing is written to a file whose integrity check has not passed. A write the
        file or the disk refuses (full, read-only, locked, failing) is rolled back and
        raised as StoreError, saying why: the caller keeps what was typed."""
        self.checked()
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as exc:
            reason = refused_reason(exc)
            if reason is None:
                raise
            raise StoreError(f"数据库 {self.path} 无法写入：{reason}。这次修改没有保存。") from exc

    def audit(
        self, action: str, entity: str, key: str, old: object = None, new: object = None
    ) -> None:
        audit.append(self.db, self.actor, action, entity, key, old, new)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Set a setting, audited; call inside `change()`."""
        old = self.meta(key)
        if old == value:
            return
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
        self.audit("set", "meta", key, old, value)

    def backup(self, reason: str) -> Path:
        self.checked()  # a damaged copy would push a sound one out of the thirty kept
        return backups.take_backup(self.path, self.backup_dir, reason)

    def close(self) -> None:
        if self.integrity is not None:
            self.integrity.stop()
        self.db.close()


# What the file or the disk refused, by SQLite's primary result code (a write, an open,
# a read): anything else (a bad statement) is a defect and stays an exception of its own.
_REFUSALS = {
    sqlite3.SQLITE_FULL: "磁盘已满，请腾出磁盘空间后重试",
    sqlite3.SQLITE_READONLY: "文件只读或没有写入权限",
    sqlite3.SQLITE_PERM: "没有写入权限",
    sqlite3.SQLITE_CANTOPEN: "无法打开或建立文件（文件夹只读、没有权限，或磁盘已满）",
    sqlite3.SQLITE_BUSY: "数据库正被其他程序占用，请稍后重试",
    sqlite3.SQLITE_LOCKED: "数据库正被其他程序占用，请稍后重试",
    sqlite3.SQLITE_IOERR: "磁盘读写出错",
}


def refused_reason(exc: sqlite3.DatabaseError) -> str | None:
    """Why the file or the disk refused, in Chinese, or None for another error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.OperationalError) or code is None:
        return None
    reason = _REFUSALS.get(code & 0xFF)
    return None if reason is None else f"{reason}（{exc}）"


def _connect(path: Path) -> Connection:
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=True)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA recursive_triggers = ON")
    except sqlite3.DatabaseError as exc:
        reason = refused_reason(exc)
        if reason is not None:  # the folder or the disk, not the file's contents
            raise StoreError(f"无法打开数据库 {path}：{reason}。") from exc
        raise StoreError(
            f"无法打开数据库 {path}：{exc}。如文件已损坏，请用 jindu restore 恢复备份。"
        ) from exc
    return Connection(conn)


def applied_migrations(db: Connection) -> list[str]:
    """The names of the migrations applied to `db`, in order, read without sqlite-utils."""
    if not db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone():
        return []
    rows = db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    ).fetchall()
    return [r[0] for r in rows]


def open_store(
    path: Path, actor: Actor, *, auto_backup: bool = True, check_beside: bool = False
) -> Store:
    """Open (creating if needed) the database at `path`, checked and migrated.

    With `check_beside` (the window), a file that needs no migration is checked,
    and backed up if the day's backup is due, on a thread of its own while the
    caller goes on; `Store.change()` waits for both. Otherwise the check comes first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    db = _connect(path)
    try:
        applied = applied_migrations(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(unreadable_message(path, exc)) from exc
    known = migration_names()
    unknown = [name for name in applied if name not in known]
    if unknown:  # refused before anything runs on the file, a check or a copy
        db.close()
        raise StoreError(
            f"数据库 {path} 由更新版本的进度（Jindu）创建（未知的结构版本：{', '.join(unknown)}），"
            "请安装新版本后再打开。"
        )
    store = Store(db, path, actor)
    pending = [name for name in known if name not in applied]
    backup_due = auto_backup and existed and not pending and backups.backup_due(store.backup_dir)
    # A migration must wait for the check; so may a new file, checked in no time. The
    # day's backup follows the check on its thread.
    if check_beside and existed and not pending:
        store.integrity = BackgroundCheck(path, store.backup_dir if backup_due else None)
    else:
        problem = quick_check(db.conn, path)
        if problem is not None:
            db.close()
            raise StoreError(problem)
    if pending and existed and applied:
        store.backup("before-migration")
    if pending:
        migrations().apply(db.utils())
        db.execute(f"PRAGMA user_version = {len(applied_migrations(db))}")
    elif backup_due and store.integrity is None:
        store.backup("daily")
    return store

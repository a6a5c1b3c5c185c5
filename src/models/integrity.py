"""The store's integrity check (`PRAGMA quick_check`), now or beside the window.

The check reads the whole file: about 200 ms for a city's 64 MB database, and it
grows with every year of returns. The command line runs it before anything else.
The window may run it on a thread of its own while it shows the data, since
nothing it writes lands before the check has passed: `Store.change()` and
`Store.backup()` wait for the result, and refuse to go on if the file is damaged.
SQLite releases the GIL while it reads, so the check costs the window nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from models.errors import StoreError


def damaged_message(path: Path, detail: str) -> str:
    return f"数据库 {path} 完整性检查未通过：{detail}。请用 jindu restore 恢复备份。"


def unreadable_message(path: Path, error: Exception) -> str:
    return f"数据库文件 {path} 已损坏或不是数据库：{error}。请用 jindu restore 恢复备份。"


def quick_check(conn: sqlite3.Connection, path: Path) -> str | None:
    """The problem `PRAGMA quick_check` finds in the file, in Chinese, or None."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return unreadable_message(path, exc)
    results = [str(row[0]) for row in rows]
    if results == ["ok"]:
        return None
    return damaged_message(path, "；".join(results[:3]))


class BackgroundCheck:
    """`quick_check` on its own connection and thread, started at once.

    `wait()` blocks until the check has ended and raises StoreError if it found
    the file damaged; `done` and `problem` let a window poll without blocking.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._ended = threading.Event()
        self._lock = threading.Lock()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="jindu-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._lock:
                self._conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
            self.problem = quick_check(self._conn, self.path)
        except sqlite3.Error as exc:
            self.problem = unreadable_message(self.path, exc)
        finally:
            with self._lock:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
            self._ended.set()

    @property
    def done(self) -> bool:
        return self._ended.is_set()

    @property
    def stopped(self) -> bool:
        """True when the store was closed before the check could end (it proves nothing)."""
        return self._stopping

    def wait(self) -> None:
        """Return once the check has passed; raise StoreError if it did not."""
        self._ended.wait()
        if self._stopping:
            raise StoreError(f"数据库 {self.path} 已关闭。")
        if self.problem is not None:
            raise StoreError(self.problem)

    def stop(self) -> None:
        """End the check early (the store is closing) and wait for its thread."""
        with self._lock:
            if self._conn is not None:  # still reading
                self._stopping = True
                self._conn.interrupt()
        self._thread.join()

"""The store's integrity check (`PRAGMA quick_check`), now or beside the window.

The check reads the whole file: about 150 ms for a city's 64 MB database, and it
grows with every year of returns. The command line runs it before anything else.
The window may run it on a thread of its own while it shows the data, followed by
the day's backup when one is due, since nothing it writes lands before both are
done: `Store.change()` and `Store.backup()` wait for them, and refuse to go on if
the file is damaged or could not be copied. A damaged file is never copied.
SQLite releases the GIL while it reads, so the thread costs the window nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from models import backups
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
    """`quick_check` on its own connection and thread, started at once, then the day's
    backup if `backup_to` names the backup folder.

    `wait()` blocks until both have ended and raises StoreError if the check found
    the file damaged or the copy failed; `done` and `problem` let a window poll
    without blocking.
    """

    def __init__(self, path: Path, backup_to: Path | None = None) -> None:
        self.path = path
        self.backup_to = backup_to
        self.problem: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._ended = threading.Event()
        self._lock = threading.Lock()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="jindu-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.problem = self._check()
            if self.problem is None and self.backup_to is not None and not self._stopping:
                backups.take_backup(self.path, self.backup_to, "daily")
        except StoreError as exc:
            self.problem = exc.message
        except OSError as exc:
            self.problem = f"备份失败（{self.path}）：{exc}"
        except Exception as exc:  # whatever it was, the file is not known to be sound
            self.problem = f"数据库 {self.path} 的完整性检查没有做完：{exc}"
        finally:
            self._ended.set()

    def _check(self) -> str | None:
        try:
            with self._lock:
                self._conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
            return quick_check(self._conn, self.path)
        except sqlite3.Error as exc:
            return unreadable_message(self.path, exc)
        finally:
            with self._lock:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None

    @property
    def done(self) -> bool:
        return self._ended.is_set()

    @property
    def stopped(self) -> bool:
        """True when the store was closed before the check could end (it proves nothing)."""
        return self._stopping

    def wait(self) -> None:
        """Return once the check (and the backup) have passed; raise StoreError if not."""
        self._ended.wait()
        if self._stopping:
            raise StoreError(f"数据库 {self.path} 已关闭。")
        if self.problem is not None:
            raise StoreError(self.problem)

    def stop(self) -> None:
        """End the check early (the store is closing) and wait for its thread; a backup
        already being copied is finished, so that no half copy is left."""
        with self._lock:
            if self._conn is not None:  # still reading
                self._stopping = True
                self._conn.interrupt()
        self._thread.join()

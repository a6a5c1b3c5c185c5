"""The store's SQLite connection: hand-written SQL and nested transactions.

Every statement Jindu runs is its own SQL, so the connection is the standard
library's. sqlite-utils keeps what it is good at, the record of applied
migrations: `utils()` wraps this same connection in a sqlite-utils Database when
a migration is pending. Importing sqlite-utils costs about 50 ms (click,
dateutil, pluggy), a third of the window's start-up budget, so opening an
up-to-date store never imports it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Parameters = Sequence[Any] | dict[str, Any]


class Connection:
    """An open database file in autocommit mode; `atomic()` makes transactions."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        if conn.isolation_level is not None:
            # In sqlite3's default mode the module opens transactions on its own, and a
            # change could sit uncommitted after `atomic()` returned.
            raise ValueError("the store's connection must be opened with isolation_level=None")
        self.conn = conn
        self._depth = 0  # open savepoints: each nested block names its own
        self._utils: Database | None = None

    def execute(self, sql: str, parameters: Parameters = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """One transaction; a nested block is a savepoint inside the outer one."""
        if self.conn.in_transaction:
            self._depth += 1
            savepoint = f"jindu_{self._depth}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # A RAISE(ROLLBACK) trigger can end the whole transaction, savepoint and all.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def utils(self) -> Database:
        """sqlite-utils' Database over this same connection (imports sqlite-utils)."""
        if self._utils is None:
            from sqlite_utils import Database

            # No plugins: nothing installed beside Jindu may run inside its store.
            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def close(self) -> None:
        self.conn.close()

"""The store's connection: transactions that commit whole or not at all, and nest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.connection import Connection


@pytest.fixture
def db(tmp_path: Path) -> Connection:
    conn = sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None)
    conn.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)")
    return Connection(conn)


def values(path: Path) -> list[int]:
    """What another connection sees: only committed rows."""
    other = sqlite3.connect(path)
    try:
        return [r[0] for r in other.execute("SELECT n FROM t ORDER BY n")]
    finally:
        other.close()


def test_a_transaction_commits_all_its_statements(db: Connection, tmp_path: Path) -> None:
    with db.atomic():
        db.execute("INSERT INTO t VALUES (?)", [1])
        db.execute("INSERT INTO t VALUES (:n)", {"n": 2})
        assert values(tmp_path / "t.sqlite3") == []  # not visible before the commit
    assert values(tmp_path / "t.sqlite3") == [1, 2]
    assert not db.conn.in_transaction


def test_an_error_rolls_the_whole_transaction_back(db: Connection, tmp_path: Path) -> None:
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        db.execute("INSERT INTO t VALUES (1)")
    assert values(tmp_path / "t.sqlite3") == []
    assert not db.conn.in_transaction


def test_a_nested_block_is_undone_alone_and_the_outer_one_commits(
    db: Connection, tmp_path: Path
) -> None:
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError("refused")
        with db.atomic():
            db.execute("INSERT INTO t VALUES (3)")
    assert values(tmp_path / "t.sqlite3") == [1, 3]


def test_an_error_in_a_nested_block_that_escapes_undoes_everything(
    db: Connection, tmp_path: Path
) -> None:
    with pytest.raises(ValueError), db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError("refused")
    assert values(tmp_path / "t.sqlite3") == []


def test_a_connection_that_opens_its_own_transactions_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "t.sqlite3")  # isolation_level "" : implicit BEGIN
    with pytest.raises(ValueError, match="isolation_level"):
        Connection(conn)
    conn.close()


def test_sqlite_utils_sees_the_same_connection(db: Connection) -> None:
    with db.atomic():
        db.execute("INSERT INTO t VALUES (7)")
    assert db.utils().conn is db.conn
    assert [r["n"] for r in db.utils()["t"].rows] == [7]
    assert db.utils().table_names() == ["t"]

"""The store: pragmas, migrations from each version, the audit chain, backups."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from models import audit, backups
from models.audit import Actor
from models.errors import StoreError
from models.schema import migration_names, migrations
from models.store import applied_migrations, open_store

ACTOR = Actor("张三", "clerk")


def test_a_new_store_is_durable_and_current(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(migration_names())
    assert {"meta", "plans", "entries", "item_reports", "targets", "audit", "returns"} <= set(
        db.utils().table_names()
    )


@pytest.mark.parametrize("upto", range(1, len(migration_names())))
def test_each_migration_keeps_the_data_of_the_version_before(tmp_path: Path, upto: int) -> None:
    path = tmp_path / "old.sqlite3"
    names = migration_names()
    db = Database(sqlite3.connect(path))
    migrations().apply(db, stop_before=names[upto])
    db.execute(
        "INSERT INTO entries (district, plan, indicator, period, value, note, updated_at)"
        " VALUES ('500103', 'cq-2018', '2.1.1', '2018Q1', '120', '旧版本的数', 'x')"
    )
    db.conn.commit()
    db.close()

    store = open_store(path, ACTOR)
    row = store.db.execute("SELECT value, note FROM entries").fetchone()
    assert row == ("120", "旧版本的数")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(names)
    assert applied_migrations(store.db) == names
    # the plain-SQL reading agrees with sqlite-utils' own
    assert [m.name for m in migrations().applied(store.db.utils())] == names
    # the migration was preceded by a backup holding the old data
    taken = backups.list_backups(store.backup_dir)
    assert taken and taken[0].reason == "before-migration"
    old = sqlite3.connect(taken[0].path)
    assert old.execute("SELECT value FROM entries").fetchone() == ("120",)
    old.close()


def test_a_database_from_a_newer_jindu_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    open_store(path, ACTOR).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('jindu', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(path, ACTOR)


def test_a_damaged_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="restore"):
        open_store(path, ACTOR)


def _write(store, n: int) -> None:
    for i in range(n):
        with store.change():
            store.set_meta(f"k{i}", f"v{i}")


def test_every_change_is_audited_in_an_unbroken_chain(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    _write(store, 5)
    assert audit.verify(store.db) == []
    rows = audit.records(store.db)
    assert len(rows) == 5
    assert rows[0]["actor"] == "张三" and rows[0]["os_user"] == "clerk"
    assert rows[0]["key"] == "k4" and rows[0]["new"] == "v4" and rows[0]["old"] is None


def test_an_altered_audit_record_is_detected(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    _write(store, 5)
    store.db.execute("UPDATE audit SET new = 'v999' WHERE seq = 3")
    problems = audit.verify(store.db)
    assert any("第 3 条" in p and "改动" in p for p in problems)


def test_a_removed_audit_record_is_detected(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    _write(store, 5)
    store.db.execute("DELETE FROM audit WHERE seq = 2")
    assert any("缺失" in p for p in audit.verify(store.db))


def test_removing_the_last_audit_records_is_detected(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    _write(store, 5)
    store.db.execute("DELETE FROM audit WHERE seq >= 4")
    assert any("末尾" in p for p in audit.verify(store.db))


def test_a_failed_change_leaves_neither_data_nor_audit(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    with pytest.raises(RuntimeError), store.change():
        store.set_meta("k", "v")
        raise RuntimeError("disk full")
    assert store.meta("k") is None
    assert store.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0


def test_a_full_disk_is_named_and_the_change_left_out(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    store = open_store(path, ACTOR)
    _write(store, 3)
    # The file may not grow: what a full disk does to SQLite.
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError) as refused:
        for n in range(1000):  # until the free space inside the file is used up
            with store.change():
                store.set_meta(f"long{n}", "满" * 4000)
                store.audit("set", "meta", f"long{n}", None, "满")
    assert "磁盘已满" in refused.value.message and str(path) in refused.value.message
    assert "没有保存" in refused.value.message
    assert store.meta(f"long{n}") is None  # the refused change left nothing behind
    assert audit.verify(store.db) == []
    # Once there is room again, the same store writes.
    store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    with store.change():
        store.set_meta("after", "有空间了")
    assert store.meta("after") == "有空间了"


def test_a_read_only_file_is_named_and_a_defect_is_not_disguised(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    store.db.execute("PRAGMA query_only = ON")  # as a write-protected file answers
    with pytest.raises(StoreError, match="只读"), store.change():
        store.set_meta("k", "v")
    store.db.execute("PRAGMA query_only = OFF")
    assert store.meta("k") is None
    # A statement that is wrong is a defect: it stays SQLite's own error.
    with pytest.raises(sqlite3.OperationalError, match="no such table"), store.change():
        store.db.execute("INSERT INTO nowhere VALUES (1)")


def test_backups_are_taken_daily_and_only_thirty_kept(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR)
    _write(store, 1)
    for _ in range(33):
        store.backup("manual")
    kept = backups.list_backups(store.backup_dir)
    assert len(kept) == 30
    assert not backups.backup_due(store.backup_dir)
    store.close()
    # a start with a backup from today takes none
    open_store(tmp_path / "jindu.sqlite3", ACTOR).close()
    assert len(backups.list_backups(store.backup_dir)) == 30


def test_the_first_start_of_a_day_takes_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    store = open_store(path, ACTOR)
    _write(store, 2)
    store.close()
    assert backups.list_backups(tmp_path / "backups") == []
    open_store(path, ACTOR).close()
    taken = backups.list_backups(tmp_path / "backups")
    assert [b.reason for b in taken] == ["daily"]


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    store = open_store(path, ACTOR)
    _write(store, 3)
    copy = store.backup("manual")
    with store.change():
        store.set_meta("k0", "changed")
    backups.check_backup_file(copy)
    store.close()
    backups.restore_into(copy, path)
    store = open_store(path, ACTOR, auto_backup=False)
    assert store.meta("k0") == "v0"
    assert audit.verify(store.db) == []


def test_a_backup_that_is_not_a_jindu_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="不是进度"):
        backups.check_backup_file(other)
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(Exception, match="不是 SQLite"):
        backups.check_backup_file(text)


def test_backups_are_read_by_the_stamp_in_their_name(tmp_path: Path) -> None:
    """Only files named as take_backup names them count, in the order they were taken."""
    folder = tmp_path / "backups"
    folder.mkdir()
    names = {
        "20261129-091102-123456_daily": datetime(2026, 11, 29, 9, 11, 2, 123456),
        "20261130-000000-000001_manual": datetime(2026, 11, 30, 0, 0, 0, 1),
        "20261329-091102-123456_daily": None,  # the thirteenth month
        "2026112-091102-123456_daily": None,
        "20261129-091102-12345a_daily": None,
        "２０２６1129-091102-123456_daily": None,  # full-width digits: not ours
        "notes": None,
    }
    for stem in names:
        (folder / f"{backups.PREFIX}{stem}{backups.SUFFIX}").write_bytes(b"")
    found = backups.list_backups(folder)
    assert [(b.taken, b.reason) for b in found] == [
        (datetime(2026, 11, 30, 0, 0, 0, 1), "manual"),
        (datetime(2026, 11, 29, 9, 11, 2, 123456), "daily"),
    ]


def test_a_database_that_cannot_be_opened_says_why_without_calling_it_damaged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jindu.sqlite3"
    path.mkdir()  # what SQLite answers for a folder it may not write: it cannot open the file
    with pytest.raises(StoreError) as refused:
        open_store(path, ACTOR)
    assert str(path) in refused.value.message and "没有权限" in refused.value.message
    assert "损坏" not in refused.value.message

"""The integrity check beside the window: the file opens at once, nothing is written
until the check has passed, and a damaged file refuses every write."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from models import backups
from models.audit import Actor
from models.errors import StoreError
from models.store import open_store
from tests.models.damage import damage_page

ACTOR = Actor("张三", "clerk")


def _store_with_pages(path: Path, rows: int = 300) -> None:
    """A store spanning many pages, with today's backup already taken."""
    store = open_store(path, ACTOR)
    for i in range(rows):
        with store.change():
            store.set_meta(f"k{i}", "值" * 200)
    store.backup("manual")
    store.close()


def _value(path: Path, sql: str) -> object:
    """The first value a query gives, read on a connection of its own."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchone()[0]


def _remove_backups(folder: Path) -> None:
    """No backup today: the next open is the day's first."""
    for old in backups.list_backups(folder):
        old.path.unlink()


def test_a_sound_file_is_checked_beside_and_then_written(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    store = open_store(path, ACTOR, check_beside=True)
    try:
        assert store.integrity is not None
        store.checked()  # waits for the thread, raises nothing
        assert store.integrity.done and store.integrity.problem is None
        with store.change():
            store.set_meta("after", "1")
        assert store.meta("after") == "1"
    finally:
        store.close()


def test_a_damaged_file_opens_for_the_window_but_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    damage_page(path)
    before = path.read_bytes()
    kept = backups.list_backups(tmp_path / "backups")
    store = open_store(path, ACTOR, check_beside=True)
    try:
        with pytest.raises(StoreError, match="jindu restore") as refused, store.change():
            store.db.execute("INSERT INTO meta (key, value) VALUES ('typed', '12')")
        assert str(path) in str(refused.value)
        assert store.integrity is not None and store.integrity.problem is not None
        with pytest.raises(StoreError, match="jindu restore"):
            store.backup("manual")
    finally:
        store.close()
    # Nothing was written, and no damaged copy joined the backups.
    assert backups.list_backups(tmp_path / "backups") == kept
    assert _value(path, "SELECT COUNT(*) FROM meta WHERE key = 'typed'") == 0
    # A committed write would have reached the file when the store closed (checkpoint).
    assert path.read_bytes() == before


def test_the_command_line_way_refuses_the_damaged_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    damage_page(path)
    with pytest.raises(StoreError, match="jindu restore"):
        open_store(path, ACTOR)


def test_the_days_backup_is_taken_beside_after_the_check_and_before_any_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    _remove_backups(tmp_path / "backups")
    store = open_store(path, ACTOR, check_beside=True)
    try:
        with store.change():  # waits for the check and the copy
            store.set_meta("typed after the start", "1")
    finally:
        store.close()
    (daily,) = backups.list_backups(tmp_path / "backups")
    assert daily.reason == "daily"
    assert _value(daily.path, "PRAGMA quick_check") == "ok"
    # The copy is of the file as it was opened: the day's first change is not in it.
    assert _value(daily.path, "SELECT COUNT(*) FROM meta WHERE key = 'typed after the start'") == 0
    assert _value(daily.path, "SELECT COUNT(*) FROM meta WHERE key = 'k299'") == 1


def test_a_damaged_file_is_never_copied(tmp_path: Path) -> None:
    """The day's backup follows the check: a damaged file does not push a sound copy out."""
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    _remove_backups(tmp_path / "backups")
    damage_page(path)
    store = open_store(path, ACTOR, check_beside=True)
    try:
        with pytest.raises(StoreError, match="jindu restore"):
            store.checked()
    finally:
        store.close()
    assert backups.list_backups(tmp_path / "backups") == []


def test_a_backup_that_fails_beside_refuses_the_writes(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    folder = tmp_path / "backups"
    _remove_backups(folder)
    folder.rmdir()
    folder.write_text("a file where the backup folder should be", encoding="utf-8")
    store = open_store(path, ACTOR, check_beside=True)
    try:
        with pytest.raises(StoreError, match="备份失败"), store.change():
            store.set_meta("typed", "1")
    finally:
        store.close()
    assert _value(path, "SELECT COUNT(*) FROM meta WHERE key = 'typed'") == 0


def test_a_new_file_is_checked_at_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "jindu.sqlite3", ACTOR, check_beside=True)
    try:
        assert store.integrity is None
    finally:
        store.close()


def test_closing_during_the_check_ends_it(tmp_path: Path) -> None:
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path, rows=2000)
    store = open_store(path, ACTOR, check_beside=True)
    check = store.integrity
    store.close()  # at once: the check is interrupted or already over, never left running
    assert check is not None and check.done
    if check.stopped:
        with pytest.raises(StoreError, match="已关闭"):
            check.wait()
    else:
        check.wait()


def test_a_read_that_fails_on_a_sound_file_is_not_called_damage(tmp_path: Path) -> None:
    """A locked file is not a damaged one: the check passed, so the message says what failed."""
    path = tmp_path / "jindu.sqlite3"
    _store_with_pages(path)
    store = open_store(path, ACTOR, check_beside=True)
    try:
        locked = store.unreadable(sqlite3.OperationalError("database is locked"))
        assert "database is locked" in locked.message and "损坏" not in locked.message
        malformed = store.unreadable(sqlite3.DatabaseError("database disk image is malformed"))
        assert "jindu restore" in malformed.message
    finally:
        store.close()

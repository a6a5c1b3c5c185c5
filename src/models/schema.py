"""The database schema as an ordered list of migrations.

Never edit a migration that has shipped: add a new one. `PRAGMA user_version` is
kept equal to the number of applied migrations so that any SQLite tool can tell
the schema version.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("jindu")


@MIGRATIONS()
def m001_core(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE plans (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            year INTEGER NOT NULL,
            catalogue TEXT NOT NULL,
            source TEXT NOT NULL,
            installed_at TEXT NOT NULL,
            PRIMARY KEY (id, version)
        ) STRICT;
        CREATE TABLE targets (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            indicator TEXT NOT NULL,
            value TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('entered', 'allocated')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (district, plan, indicator)
        ) STRICT;
        CREATE TABLE entries (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            indicator TEXT NOT NULL,
            period TEXT NOT NULL,
            value TEXT,
            date TEXT,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (district, plan, indicator, period)
        ) STRICT;
        CREATE TABLE item_reports (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            item TEXT NOT NULL,
            period TEXT NOT NULL,
            status TEXT CHECK (status IS NULL OR status IN
                ('not_started', 'in_progress', 'done', 'behind')),
            progress TEXT NOT NULL DEFAULT '',
            problems TEXT NOT NULL DEFAULT '',
            next TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (district, plan, item, period)
        ) STRICT;
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            os_user TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            key TEXT NOT NULL,
            old TEXT,
            new TEXT,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        """
    )


@MIGRATIONS()
def m002_returns(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE returns (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'signed')),
            reason TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            signed_at TEXT,
            signer TEXT,
            package TEXT,
            PRIMARY KEY (district, plan, period, revision)
        ) STRICT;
        -- loading one office's period reads entries by period, not by indicator
        CREATE INDEX entries_by_period ON entries (district, plan, period);
        CREATE INDEX item_reports_by_period ON item_reports (district, plan, period);
        """
    )


def schema_version() -> int:
    """The number of migrations this version of Jindu knows."""
    return len(MIGRATIONS._migrations)


def migration_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]

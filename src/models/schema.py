"""The database schema as an ordered list of migrations.

Never edit a migration that has shipped: add a new one. `PRAGMA user_version` is
kept equal to the number of applied migrations so that any SQLite tool can tell
the schema version.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

# sqlite-utils records the migrations it applies in this table, one row per migration
# and set (`Migrations.migrations_table`). The store reads it with plain SQL so that
# opening an up-to-date database does not import sqlite-utils; a test checks that both
# readings agree.
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_SET = "jindu"


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


def m003_city(db: Database) -> None:
    """City mode: district certificates, received returns, allocations; the district's pinned city key."""
    db.executescript(
        """
        -- The city's register of district certificates; the current one has no retired_at.
        CREATE TABLE district_certs (
            district TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            cert TEXT NOT NULL,
            subject TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('registered', 'pinned')),
            added_at TEXT NOT NULL,
            retired_at TEXT,
            PRIMARY KEY (district, fingerprint)
        ) STRICT;
        CREATE UNIQUE INDEX district_certs_current ON district_certs (district)
            WHERE retired_at IS NULL;
        -- Every accepted package, one row per district x plan x period x revision.
        CREATE TABLE received (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            plan_version INTEGER NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            signer TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
            file TEXT NOT NULL,
            correction_reason TEXT NOT NULL DEFAULT '',
            office TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (district, plan, period, revision)
        ) STRICT;
        CREATE INDEX received_by_sha256 ON received (sha256);
        CREATE INDEX received_current ON received (plan, period, superseded);
        CREATE TABLE received_entries (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            indicator TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (district, plan, period, revision, indicator),
            FOREIGN KEY (district, plan, period, revision)
                REFERENCES received (district, plan, period, revision) ON DELETE CASCADE
        ) STRICT;
        CREATE TABLE received_items (
            district TEXT NOT NULL,
            plan TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            item TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT '',
            progress TEXT NOT NULL DEFAULT '',
            problems TEXT NOT NULL DEFAULT '',
            next TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (district, plan, period, revision, item),
            FOREIGN KEY (district, plan, period, revision)
                REFERENCES received (district, plan, period, revision) ON DELETE CASCADE
        ) STRICT;
        -- The targets the city allocates to each district (任务分解表).
        CREATE TABLE allocations (
            plan TEXT NOT NULL,
            indicator TEXT NOT NULL,
            district TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (plan, indicator, district)
        ) STRICT;
        -- District side: the city certificate pinned at the first plan package.
        CREATE TABLE city_certs (
            fingerprint TEXT PRIMARY KEY,
            cert TEXT NOT NULL,
            subject TEXT NOT NULL,
            pinned_at TEXT NOT NULL,
            retired_at TEXT
        ) STRICT;
        """
    )


# In order; a new migration goes at the end.
STEPS = (m001_core, m002_returns, m003_city)


def schema_version() -> int:
    """The number of migrations this version of Jindu knows."""
    return len(STEPS)


def migration_names() -> list[str]:
    return [step.__name__ for step in STEPS]


@cache
def migrations() -> Migrations:
    """The steps as a sqlite-utils migration set (imports sqlite-utils)."""
    from sqlite_utils import Migrations

    found = Migrations(MIGRATION_SET)
    for step in STEPS:
        found()(step)
    return found

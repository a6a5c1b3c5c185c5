"""The append-only, hash-chained audit log.

Each record's hash covers its content and the previous record's hash, and the
head of the chain (last seq and hash) is kept in `meta`, written in the same
transaction. Altering a record breaks its hash; removing one breaks the chain;
removing the last ones disagrees with the head.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from models.connection import Connection

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who makes a change: the clerk's name and the operating-system user."""

    name: str
    os_user: str


def _digest(record: dict[str, Any]) -> str:
    fields = ("seq", "at", "actor", "os_user", "action", "entity", "key", "old", "new", "prev")
    payload = json.dumps(
        [record[f] for f in fields], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    # Imported at the first change: hashlib loads OpenSSL (2.5 ms), which a window that
    # only shows the data never needs.
    import hashlib

    return hashlib.sha256(payload).hexdigest()


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def append(
    db: Connection,
    actor: Actor,
    action: str,
    entity: str,
    key: str,
    old: object = None,
    new: object = None,
) -> int:
    """Append one record. Call inside the transaction that makes the change."""
    head = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    record: dict[str, Any] = {
        "seq": seq,
        "at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "actor": actor.name,
        "os_user": actor.os_user,
        "action": action,
        "entity": entity,
        "key": key,
        "old": _as_text(old),
        "new": _as_text(new),
        "prev": prev,
    }
    record["hash"] = _digest(record)
    db.execute(
        "INSERT INTO audit (seq, at, actor, os_user, action, entity, key, old, new, prev, hash)"
        " VALUES (:seq, :at, :actor, :os_user, :action, :entity, :key, :old, :new, :prev, :hash)",
        record,
    )
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [f"{seq}:{record['hash']}"],
    )
    return seq


def verify(db: Connection) -> list[str]:
    """Every problem in the chain, in Chinese; an empty list means intact."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    last_seq, last_hash = 0, GENESIS
    cursor = db.execute(
        "SELECT seq, at, actor, os_user, action, entity, key, old, new, prev, hash"
        " FROM audit ORDER BY seq"
    )
    columns = [d[0] for d in cursor.description]
    for row in cursor:
        record = dict(zip(columns, row, strict=True))
        if record["seq"] != expected_seq:
            problems.append(f"审计记录缺失：第 {expected_seq} 条至第 {record['seq'] - 1} 条不存在")
        if record["prev"] != prev:
            problems.append(f"审计记录第 {record['seq']} 条与前一条不衔接（链断开）")
        if _digest(record) != record["hash"]:
            problems.append(f"审计记录第 {record['seq']} 条的内容被改动（哈希不符）")
        prev = record["hash"]
        expected_seq = record["seq"] + 1
        last_seq, last_hash = record["seq"], record["hash"]
    head = db.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if head is None:
        if last_seq:
            problems.append("审计链头记录缺失")
    else:
        head_seq, _, head_hash = head[0].partition(":")
        if int(head_seq) != last_seq or head_hash != last_hash:
            problems.append(
                f"审计链头指向第 {head_seq} 条，但最后一条是第 {last_seq} 条：末尾记录被删除或改动"
            )
    return problems


def records(db: Connection, limit: int = 100) -> list[dict[str, Any]]:
    cursor = db.execute(
        "SELECT seq, at, actor, os_user, action, entity, key, old, new FROM audit"
        " ORDER BY seq DESC LIMIT ?",
        [limit],
    )
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]

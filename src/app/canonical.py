"""The canonical return data (format ``jindu-return/1``, DESIGN.md appendix).

It is what a signature covers: `canonical_return` builds it from the store's view
of a period, `app.returns.xlsx_reader.canonical_from_workbook` rebuilds it from a
workbook's visible cells, and `canonical_bytes` spells either the same way, so
that an unchanged return verifies and any changed number or text does not.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from typing import Any

from app.office import Office
from app.returns.layout import canonical_value, id_key
from models.numbers import format_decimal
from models.period_data import PeriodData

FORMAT = "jindu-return/1"
_LIST_KEYS = {"entries": "indicator", "items": "item"}


def canonical_return(
    data: PeriodData, office: Office, *, signed_at: str, correction_reason: str
) -> dict[str, Any]:
    """The period's return as canonical data: every value a string, "" when absent."""
    entries = []
    for row in data.rows:
        value, when = canonical_value(row.indicator.kind, row.value)
        entries.append(
            {"indicator": row.indicator.id, "value": value, "date": when, "note": row.note}
        )
    items = [
        {
            "item": r.item.id,
            "status": r.status.value if r.status else "",
            "progress": r.progress,
            "problems": r.problems,
            "next": r.next,
        }
        for r in data.items
    ]
    doc = {
        "format": FORMAT,
        "plan": {"id": data.plan.id, "version": data.plan.version},
        "district": {"code": data.district, "name": data.district_name},
        "period": data.period.id,
        "revision": data.revision,
        "correction_reason": correction_reason,
        "signed_at": signed_at,
        "office": {
            "clerk": office.clerk,
            "reviewer": office.reviewer,
            "head": office.head,
            "phone": office.phone,
        },
        "entries": entries,
        "items": items,
    }
    normal: dict[str, Any] = normalize(doc)
    return normal


def normalize(doc: Any, key: str | None = None) -> Any:
    """Strings NFC-normalised, every scalar a string (None → ""), lists sorted by id."""
    if isinstance(doc, dict):
        return {str(k): normalize(v, str(k)) for k, v in doc.items()}
    if isinstance(doc, list | tuple):
        items = [normalize(v) for v in doc]
        sort_by = _LIST_KEYS.get(key or "")
        if sort_by:
            items.sort(key=lambda entry: id_key(entry.get(sort_by, "")))
        return items
    if doc is None:
        return ""
    if isinstance(doc, bool):
        return "true" if doc else "false"
    if isinstance(doc, Decimal | float):
        # Plain decimal, never an exponent: "100", not "1E+2".
        return format_decimal(doc if isinstance(doc, Decimal) else Decimal(repr(doc)))
    return unicodedata.normalize("NFC", str(doc))


def canonical_bytes(doc: dict[str, Any]) -> bytes:
    """The exact bytes a signature covers."""
    return json.dumps(
        normalize(doc), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")

"""Draft a plan catalogue from the city's annual 工作要点 notice (issue 8, point 1).

``draft_file`` reads a ``.txt``, ``.docx`` or text-based ``.pdf`` notice;
``draft_plan`` works on its text. Both return a ``jindu-plan/1`` catalogue with
draft-only keys (per indicator ``confidence``, ``span``, ``match``; top-level
``draft`` with warnings) that ``strip_draft_keys`` removes before the catalogue
is validated or published.
"""

from __future__ import annotations

from app.plan_draft.draft import (
    DRAFT_INDICATOR_KEYS,
    DRAFT_KEY,
    draft_file,
    draft_plan,
    strip_draft_keys,
)
from app.plan_draft.text_sources import read_text

__all__ = [
    "DRAFT_INDICATOR_KEYS",
    "DRAFT_KEY",
    "draft_file",
    "draft_plan",
    "read_text",
    "strip_draft_keys",
]

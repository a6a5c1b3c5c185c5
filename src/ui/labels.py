"""Texts derived from a label's text."""

from __future__ import annotations

import re


def plain_label(text: str) -> str:
    """A label without its mnemonic and colon: "区县(&D)：" -> "区县", "&District:" -> "District".

    What a screen reader should say for the field the label names.
    """
    return re.sub(r"\(&.\)", "", text).replace("&", "").rstrip("：: ")

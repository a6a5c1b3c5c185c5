"""How a certificate fingerprint is shown, so that it can be read out and checked by phone."""

from __future__ import annotations


def group_fingerprint(fingerprint: str) -> str:
    """A fingerprint as it is read out on the phone: groups of four, upper case."""
    return " ".join(fingerprint[i : i + 4].upper() for i in range(0, len(fingerprint), 4))


def bare_fingerprint(text: str) -> str:
    """A fingerprint as typed or copied (groups, colons, any case) in one comparable form."""
    return "".join(ch for ch in text if ch.isalnum()).upper()

"""Jindu's window (PySide6): the only package that imports Qt.

Importing it first protects the process from a reference-counting defect of
PySide6 6.12 on CPython 3.11: every call of a Qt method that returns nothing
(``label.setText(...)``, ``item.setData(...)``) drops one reference to ``None``
without having taken it. A few thousand such calls bring ``None``'s count to
zero and CPython aborts with "none_dealloc: deallocating None" — in the middle of
a clerk's session (measured: about 5,000 ``QLabel.setText`` calls; switching the
period makes about 150). From CPython 3.12 ``None`` is immortal (PEP 683) and the
defect is harmless; on 3.11 we give ``None`` the same effectively infinite count,
as PEP 683 does, once, before any Qt call.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 60  # as good as infinite: 2**60 lost references is centuries of clicking


def _make_none_immortal() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < IMMORTAL:
        count.value += IMMORTAL


_make_none_immortal()

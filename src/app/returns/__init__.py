"""The official return (报表): Excel and PDF builders, the workbook reader, exports, imports.

Modules import openpyxl and reportlab at their top, so import them lazily from the
command line and the window (see `app.cli_return_export`): `jindu plan show` must
not pay for them.
"""

from __future__ import annotations

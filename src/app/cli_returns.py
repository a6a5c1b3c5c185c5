"""The `jindu return …`, `jindu entry import` and `jindu verify` commands.

The `return` group is shared: exports (draft and archived xlsx/PDF) live in
`app.cli_return_export`, review/signing/corrections in `app.cli_return_sign`;
each adds its actions with `register_actions(return_actions, root_subparsers)`.
"""

from __future__ import annotations

import importlib
from typing import Any

PARTS = ("app.cli_return_export", "app.cli_return_sign")


def register(sub: Any) -> None:
    parts = []
    for name in PARTS:
        try:
            parts.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    if not parts:
        return
    group = sub.add_parser("return", help="报表：导出、提交审核、退回、签发、更正")
    actions = group.add_subparsers(dest="return_command", required=True, metavar="ACTION")
    for part in parts:
        part.register_actions(actions, sub)

"""`jindu return export` and the workbook import (`jindu entry import`, wired in cli_office).

The builders and the reader import openpyxl and reportlab, so they are imported
inside the handlers: other commands do not pay for them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import Context
from models.errors import InputError, UsageError


def register_actions(actions: Any, root_sub: Any) -> None:
    p = actions.add_parser(
        "export",
        help="导出本期报表草稿（Excel 和 PDF，可打印或填写后导入）；--revision 导出已签发的存档版本",
    )
    p.add_argument("--period", required=True, metavar="P", help="报告期，如 2018Q1")
    p.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    p.add_argument("--revision", type=int, metavar="N", help="版次（已签发的版次从存档中导出）")
    p.set_defaults(handler=cmd_return_export)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `entry import`: FILE and an optional --period check."""
    parser.add_argument(
        "file", metavar="FILE.xlsx", help="由 jindu return export 导出并填写好的工作簿"
    )
    parser.add_argument("--period", metavar="P", help="核对工作簿的报告期（可省略）")


def cmd_return_export(ctx: Context) -> int:
    from app.returns.export import export_return

    a = ctx.args
    if a.revision is not None and a.revision < 1:
        raise InputError("--revision", a.revision, "版次应为正整数")
    out = Path(a.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"输出位置「{a.out}」是一个文件，应为文件夹")
    service = ctx.office(auto_backup=False)
    for path in export_return(service, a.period, out, revision=a.revision):
        ctx.print(str(path))
    return 0


def cmd_entry_import(ctx: Context) -> int:
    from app.returns.entry_import import import_workbook

    result = import_workbook(ctx.office(), Path(ctx.args.file), period=ctx.args.period)
    if not result.changed:
        ctx.warn(f"{result.path.name}：与已填内容相同，没有需要导入的修改。")
        return 0
    ctx.warn(
        f"已导入 {result.path.name}（{result.period}，第{result.revision}版）："
        f"指标 {result.entries} 项、工作任务 {result.items} 项有修改。导入前的数据已备份：{result.backup}"
    )
    return 0

"""The `jindu` command line. No Qt here: the window is imported only when asked for.

Commands are defined in `app.cli_*` modules, each with `register(subparsers)`.
Handlers import what they need inside, so `jindu plan show` stays fast.
Exit status: 0 success; 1 input refused or a check/verification failed; 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from app import __version__
from models.errors import JinduError, UsageError

if TYPE_CHECKING:
    from app.office import OfficeService

COMMAND_MODULES = (
    "app.cli_office",
    "app.cli_returns",
    "app.cli_keys",
    "app.cli_city",
)

log = logging.getLogger(__name__)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors in Chinese and exit status 2."""

    def error(self, message: str) -> NoReturn:
        translated = (
            message.replace("the following arguments are required", "缺少必需的参数")
            .replace("unrecognized arguments", "无法识别的参数")
            .replace("invalid choice", "无效的选项")
            .replace("expected one argument", "需要一个参数")
            .replace("argument", "参数")
        )
        self.print_usage(sys.stderr)
        self.exit(2, f"用法错误：{translated}\n")


class Context:
    """What a command handler gets: the data folder, output streams, and the office."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        from app.paths import check_local, resolve_data_dir

        self.data_dir = resolve_data_dir(getattr(args, "data_dir", None))
        check_local(self.data_dir)
        self._office: OfficeService | None = None

    def office(self, *, auto_backup: bool = True) -> OfficeService:
        if self._office is None:
            from app.office import open_office

            self._office = open_office(self.data_dir, auto_backup=auto_backup)
        return self._office

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)

    def passphrase(
        self,
        purpose: str = "签名密钥口令",
        *,
        confirm: bool = False,
        option: str = "passphrase_file",
    ) -> str:
        """From --passphrase-file, else the terminal; no terminal is a usage error (exit 2)."""
        path = getattr(self.args, option, None)
        if path:
            file = Path(path)
            if not file.is_file():
                raise UsageError(f"口令文件「{path}」不存在")
            text = file.read_text(encoding="utf-8-sig").rstrip("\r\n")
            if not text:
                raise UsageError(f"口令文件「{path}」是空的")
            return text
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError(
                f"需要{purpose}：请用 --passphrase-file 指定口令文件，或在终端中运行以便输入口令"
            )
        import getpass

        first = getpass.getpass(f"{purpose}：")
        if confirm and getpass.getpass(f"再次输入{purpose}：") != first:
            raise UsageError("两次输入的口令不一致")
        if not first:
            raise UsageError("口令不能为空")
        return first

    def close(self) -> None:
        if self._office is not None:
            self._office.store.close()


Handler = Callable[[Context], int]


def build_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(
        prog="jindu",
        description="进度（Jindu）：残疾人工作要点推进情况填报、签发与汇总。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"jindu {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="数据文件夹（默认：环境变量 JINDU_DATA_DIR，或用户数据文件夹）",
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser
    )
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a feature not built into this version
            raise
        module.register(sub)
    return parser


def import_window() -> Callable[[Path], int]:
    """Import the window's modules the way start-up should, and return `run_window`."""
    # The services before Qt: once PySide6 is imported, its __feature__ hook reads the
    # source of every module imported after it (about 0.15 ms a module, 90 modules).
    import app.office  # noqa: F401
    import models.checks  # noqa: F401
    from ui.main import run_window

    return run_window


def _open_window(args: argparse.Namespace) -> int:
    from app.paths import check_local, resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    check_local(data_dir)
    try:
        run_window = import_window()
    except ImportError as exc:
        print(f"无法启动窗口：{exc}", file=sys.stderr)
        return 2
    return run_window(data_dir)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    for stream in (out, err):
        if hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8")  # Windows consoles default to a code page
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        try:
            return _open_window(args)
        except JinduError as exc:
            print(exc.message, file=err)
            return exc.exit_code
    handler: Handler = args.handler
    ctx: Context | None = None
    try:
        ctx = Context(args, out, err)
        return handler(ctx)
    except JinduError as exc:
        print(exc.message, file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已取消", file=err)
        return 1
    except BrokenPipeError:
        # the reader (`| head`) went away: not an error of ours; silence the final flush
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except OSError as exc:
        print(f"文件操作失败：{exc}", file=err)
        return 2 if isinstance(exc, FileNotFoundError) else 1
    finally:
        if ctx is not None:
            ctx.close()


def run() -> None:
    import multiprocessing

    # The city verifies packages in worker processes; a frozen Windows build needs this first.
    multiprocessing.freeze_support()
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main())


if __name__ == "__main__":
    run()

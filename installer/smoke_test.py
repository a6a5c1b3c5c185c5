"""Frozen smoke test: drive the built Jindu through one district's quarter, then open its window.

    python installer/smoke_test.py build/dist/jindu/jindu-cli [--window build/dist/jindu/jindu]
                                   [--unfrozen .venv/bin/jindu] [--require-all] [--keep]

Given the bundle's console executable (or the bundle folder), it checks, in a temporary data
folder whose path has Chinese characters and spaces:
  1. `--version` prints the version of src/app/__init__.py;
  2. `setup` (with --passphrase-file) sets up 渝中区 and its signing key;
  3. a complete period 2018Q1: every district-level indicator value, every item's status and
     进展情况, and whatever `check --json` still asks for, until the return is signable;
  4. `return export` and `return sign` write their files into an export folder with Chinese
     characters and spaces, and `verify` accepts the signed package, PDF and workbook;
  5. `city plan draft` reads a notice from a .docx that has only the parts a document needs
     (python-docx and lxml, without python-docx's templates, which the bundle leaves out);
  6. the window (`jindu`) starts offscreen, stays up for a few seconds, and writes nothing
     unexpected on stderr or in its log; its start-up time is measured (and, with
     --unfrozen, the unfrozen command's, for comparison).

Sub-commands that other engineers are still writing may be missing from a build. Such a step
is SKIPPED, and said so, only when its module is missing from the source too; a module that
is in src/ but not in the bundle is a packaging bug and FAILS. With --require-all a skip fails.
Only the standard library is used, so any Python 3.11 can run this against any bundle.
Exit status: 0 when nothing failed, 1 otherwise, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2018Q1"
DISTRICT = "500103"  # 渝中区
PASSPHRASE = "冒烟测试 口令 2018"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
CALL_TIMEOUT = 180  # seconds for one CLI call; signing a return takes a few seconds
WINDOW_SECONDS = 5.0
TIMING_RUNS = 3
# The window logs this once its first paint is done (ui.main.run_window): it marks
# "window shown" for the start-up measurement.
SHOWN_MARKER = "MainWindow shown"
# Known noise of the offscreen platform (the same list as pytest's qt_log_ignore).
ALLOWED_NOISE = ("propagateSizeHints", "This plugin does not support")
PACKAGE_MEMBERS = {
    "return.json",
    "return.xlsx",
    "return.pdf",
    "manifest.json",
    "manifest.sig",
    "signer.pem",
}
VALUE_BY_KIND = {"count": "12", "amount": "3.5", "rate": "50", "milestone": "是"}
NOTE = "冒烟测试：说明 with spaces"
# A notice as `city plan draft` reads it: the title, two sections, three items, and a table.
NOTICE = (
    "2019年全市残疾人工作要点",
    "一、坚持党建引领，加强残联系统自身建设",
    "（一）深入学习贯彻习近平新时代中国特色社会主义思想。",
    "（二）持续推进全面从严治党。",
    "二、聚焦脱贫攻坚，加快残疾人小康进程",
    "（三）完成1000名贫困残疾人危房改造，为2000名残疾人提供康复服务。",
)
NOTICE_TABLE_ROW = ("指标", "全年目标")
PROGRESS = "已按计划推进，冒烟测试填写的进展情况。"


@dataclass
class Outcome:
    name: str
    status: str  # "ok", "skip" or "fail"
    detail: str = ""


@dataclass
class Result:
    code: int
    out: str
    err: str
    seconds: float


class StepFailed(Exception):
    pass


@dataclass
class Smoke:
    cli: Path
    window: Path | None
    work: Path
    outcomes: list[Outcome] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data = self.work / "进度 测试 数据"
        self.export_dir = self.work / "导出 文件 夹"
        self.passphrase_file = self.work / "口令 文件.txt"
        self.passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

    # --- running the program ---------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        # The bundle must find everything inside itself: no override may point at the checkout.
        for name in ("JINDU_RESOURCES", "JINDU_DATA_DIR", "PYTHONPATH", "PYTHONHOME"):
            env.pop(name, None)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONIOENCODING"] = "utf-8"
        return env

    def run(self, *args: str, expect: int | None = 0) -> Result:
        cmd = [str(self.cli), "--data-dir", str(self.data), *args]
        start = time.perf_counter()
        proc = subprocess.run(
            cmd,
            capture_output=True,
            timeout=CALL_TIMEOUT,
            env=self.env(),
            cwd=self.work,  # not the checkout: a frozen build must not lean on it
        )
        result = Result(
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
            time.perf_counter() - start,
        )
        if expect is not None and result.code != expect:
            raise StepFailed(
                f"`jindu {' '.join(args)}` exited {result.code}, expected {expect}\n"
                f"stdout: {result.out.strip()[-1500:]}\nstderr: {result.err.strip()[-3000:]}"
            )
        return result

    def record(self, name: str, status: str, detail: str = "") -> None:
        self.outcomes.append(Outcome(name, status, detail))
        mark = {"ok": "PASS", "skip": "SKIP", "fail": "FAIL"}[status]
        print(f"[{mark}] {name}{': ' + detail if detail else ''}", flush=True)

    def step(self, name: str, action: object) -> bool:
        try:
            detail = action()  # type: ignore[operator]
        except StepFailed as exc:
            self.record(name, "fail", str(exc))
            return False
        except SkipStep as exc:
            self.record(name, "skip", str(exc))
            return False
        except (OSError, subprocess.SubprocessError, ValueError, KeyError) as exc:
            self.record(name, "fail", f"{type(exc).__name__}: {exc}")
            return False
        self.record(name, "ok", detail or "")
        return True

    # --- steps ---------------------------------------------------------------------------
    def version(self) -> str:
        expected = read_version()
        result = self.run("--version")
        if result.out.strip() != f"jindu {expected}":
            raise StepFailed(
                f"--version printed {result.out.strip()!r}, expected 'jindu {expected}'"
            )
        self.timings["cli --version (s)"] = result.seconds
        return result.out.strip()

    def setup(self) -> str:
        self.run(
            "setup",
            "--district",
            DISTRICT,
            "--clerk",
            "张三",
            "--reviewer",
            "李四",
            "--head",
            "王五",
            "--phone",
            "023-63651188",
            "--passphrase-file",
            str(self.passphrase_file),
        )
        status = self.run("status")
        if "渝中区" not in status.out + status.err:
            raise StepFailed(f"`status` does not name 渝中区: {status.out.strip()[:300]}")
        files = [p.name for p in self.data.iterdir()]
        return f"data folder {self.data} holds {', '.join(sorted(files))}"

    def complete_period(self) -> str:
        plan = json.loads(self.run("plan", "show", "--json").out)
        indicators = {
            ind["id"]: ind
            for section in plan["sections"]
            for item in section["items"]
            for ind in item["indicators"]
        }
        listing = json.loads(self.run("entry", "list", "--period", PERIOD, "--json").out)
        calls = 0
        for entry in listing["entries"]:
            ind = indicators[entry["indicator"]]
            if ind.get("formula"):
                continue  # computed from other indicators
            self.set_value(ind)
            calls += 1
        for item in listing["items"]:
            self.set_item(item["item"], "in_progress")
            calls += 1
        # Then whatever the checks still ask for, as a clerk would, until the return is signable.
        for _round in range(4):
            checks = json.loads(self.run("check", "--period", PERIOD, "--json").out)
            if checks.get("signable"):
                return (
                    f"{calls} entry calls, {_round + 1} check rounds; `check --json` says signable"
                )
            for check in checks["checks"]:
                if not stops_signing(check):
                    continue
                calls += 1
                self.answer(check, indicators)
        remaining = [c["message"] for c in checks["checks"] if stops_signing(c)]
        raise StepFailed("still not signable: " + "; ".join(remaining[:10]))

    def set_value(self, ind: dict[str, object], *, note: bool = True) -> None:
        value = VALUE_BY_KIND.get(str(ind["kind"]))
        if value is None:
            raise StepFailed(f"indicator {ind['id']}: unknown kind {ind['kind']!r}")
        args = ["entry", "set", "--period", PERIOD, str(ind["id"]), value]
        if note:
            args += ["--note", NOTE]
        self.run(*args)

    def set_item(self, item: str, status: str) -> None:
        self.run(
            "entry",
            "status",
            "--period",
            PERIOD,
            item,
            status,
            "--progress",
            PROGRESS,
            "--problems",
            "冒烟测试：存在问题",
            "--next",
            "冒烟测试：下步打算",
        )

    def answer(self, check: dict[str, object], indicators: dict[str, dict[str, object]]) -> None:
        code, target, ident = check["code"], check["target"], str(check["id"])
        if target == "item":
            self.set_item(ident, "in_progress")
        elif target == "indicator" and ident in indicators:
            self.set_value(indicators[ident])  # with a note: that explains an "explain" check
        else:
            raise StepFailed(f"no answer for check {code} on {target} {ident}: {check['message']}")

    def return_actions(self) -> set[str]:
        result = self.run("return", "--help", expect=None)
        if result.code != 0:
            return set()
        found = re.search(r"\{([\w,-]+)\}", result.out)
        if found:
            return set(found.group(1).split(","))
        return set(re.findall(r"^\s{4}([a-z][\w-]*)\s", result.out, flags=re.M))

    def export(self) -> str:
        if "export" not in self.return_actions():
            missing_or_skip("`return export`", ROOT / "src" / "app" / "cli_return_export.py")
        result = self.run("return", "export", "--period", PERIOD, "--out", str(self.export_dir))
        paths = written_paths(result.out)
        check_written(paths, self.export_dir, {".xlsx", ".pdf"})
        self.timings["return export (s)"] = result.seconds
        return ", ".join(p.name for p in paths)

    def sign(self) -> str:
        if "sign" not in self.return_actions():
            missing_or_skip("`return sign`", ROOT / "src" / "app" / "cli_return_sign.py")
        result = self.run(
            "return",
            "sign",
            "--period",
            PERIOD,
            "--out",
            str(self.export_dir),
            "--passphrase-file",
            str(self.passphrase_file),
            expect=None,
        )
        if result.code != 0:
            missing = re.search(r"No module named '([\w.]+)'", result.err)
            if missing:
                module = missing.group(1)
                source = ROOT / "src" / Path(*module.split("."))
                missing_or_skip(
                    f"`return sign` (needs {module})", source.with_suffix(".py"), source
                )
            raise StepFailed(f"`return sign` exited {result.code}: {result.err.strip()[-3000:]}")
        paths = written_paths(result.out)
        check_written(paths, self.export_dir, {".xlsx", ".pdf", ".zip"})
        package = next(p for p in paths if p.suffix == ".zip")
        with zipfile.ZipFile(package) as zf:
            names = {info.filename for info in zf.infolist()}
            # The appendix: names in UTF-8; the package writer flags every entry.
            not_utf8 = [i.filename for i in zf.infolist() if not i.flag_bits & 0x800]
        if names != PACKAGE_MEMBERS:
            raise StepFailed(
                f"package {package.name} holds {sorted(names)}, expected {sorted(PACKAGE_MEMBERS)}"
            )
        if not_utf8:
            raise StepFailed(f"package names without the UTF-8 flag: {not_utf8}")
        self.timings["return sign (s)"] = result.seconds
        verify = self.run("verify", *(str(p) for p in paths), expect=None)
        if verify.code != 0:
            raise StepFailed(
                f"`verify` exited {verify.code}:\n{verify.out.strip()}\n{verify.err.strip()}"
            )
        return f"{', '.join(p.name for p in paths)}; verify: {verify.err.strip()}"

    def plan_draft_docx(self) -> str:
        help_text = self.run("city", "plan", "--help", expect=None).out
        if not re.search(r"^\s+draft\s", help_text, flags=re.M):
            missing_or_skip("`city plan draft`", ROOT / "src" / "app" / "plan_draft")
        notice = self.work / "通知 文件.docx"
        write_docx(notice, NOTICE, NOTICE_TABLE_ROW)
        out = self.work / "计划 草稿.json"
        self.run("city", "plan", "draft", str(notice), "--out", str(out))
        plan = json.loads(out.read_text(encoding="utf-8"))
        shape = [len(section["items"]) for section in plan["sections"]]
        if plan["title"] != NOTICE[0] or shape != [2, 1]:
            raise StepFailed(
                f"draft of {notice.name}: title {plan['title']!r}, items per section {shape}; "
                f"expected {NOTICE[0]!r}, [2, 1]"
            )
        return f"{notice.name} → {out.name}: {len(shape)} sections, {sum(shape)} items"

    def window_check(self) -> str:
        if self.window is None:
            raise SkipStep("no window executable given")
        run = start_window(self.window, self.data, self.env(), self.work, hold=WINDOW_SECONDS)
        missing = re.search(
            r"No module named '([\w.]+)'", "\n".join(run.stderr_lines + run.log_lines)
        )
        if missing:
            module = missing.group(1)
            source = ROOT / "src" / Path(*module.split("."))
            missing_or_skip(f"the window (needs {module})", source.with_suffix(".py"), source)
        problems = []
        if run.exit_code is not None:
            problems.append(
                f"the window exited after {run.alive:.1f} s with status {run.exit_code}"
            )
        problems += [f"stderr: {line}" for line in unexpected(run.stderr_lines)]
        problems += [
            f"log: {line}" for line in unexpected(run.log_lines) if is_warning_or_worse(line)
        ]
        if problems:
            tail = "\n".join(run.stderr_lines[-20:] + run.log_lines[-20:])
            raise StepFailed("; ".join(problems[:10]) + (f"\n{tail}" if tail else ""))
        shown = f"shown after {run.shown:.2f} s, " if run.shown is not None else ""
        return f"{shown}up for {run.alive:.1f} s, then stopped; stderr and log clean"

    def summary(self) -> int:
        failed = [o for o in self.outcomes if o.status == "fail"]
        skipped = [o for o in self.outcomes if o.status == "skip"]
        print("\nSmoke test summary:")
        for outcome in self.outcomes:
            print(f"  {outcome.status.upper():4}  {outcome.name}")
        for name, seconds in self.timings.items():
            print(f"  time  {name}: {seconds:.2f}")
        if skipped:
            print(f"  {len(skipped)} step(s) SKIPPED: not in this build yet (see above)")
        return 1 if failed else 0


class SkipStep(Exception):
    pass


def missing_or_skip(what: str, *sources: Path) -> None:
    """A feature absent from the bundle: a skip if the source lacks it too, else a failure."""
    present = [s for s in sources if s.exists()]
    if present:
        raise StepFailed(f"{what} is in the source ({present[0]}) but missing from the bundle")
    raise SkipStep(f"{what} does not exist in this build yet (no {sources[0].relative_to(ROOT)})")


def stops_signing(check: dict[str, object]) -> bool:
    return check["severity"] == "blocking" or (
        check["severity"] == "explain" and not check["explained"]
    )


def written_paths(stdout: str) -> list[Path]:
    return [Path(line) for line in stdout.splitlines() if line.strip()]


def check_written(paths: list[Path], folder: Path, suffixes: set[str]) -> None:
    if not paths:
        raise StepFailed("no file path printed on stdout")
    for path in paths:
        if not path.is_file() or path.stat().st_size == 0:
            raise StepFailed(f"printed path {path} is not a non-empty file")
        if path.parent.resolve() != folder.resolve():
            raise StepFailed(f"{path} is not in the export folder {folder}")
    found = {p.suffix for p in paths}
    if not suffixes <= found:
        raise StepFailed(f"expected files {sorted(suffixes)}, got {[p.name for p in paths]}")
    for pdf in (p for p in paths if p.suffix == ".pdf"):
        if b"/FontFile2" not in pdf.read_bytes():
            raise StepFailed(
                f"{pdf.name} embeds no TrueType font (the bundled CJK font is missing?)"
            )


def write_docx(path: Path, paragraphs: tuple[str, ...], row: tuple[str, ...]) -> None:
    """A Word document with the three parts it must have: no styles, settings or theme,
    which python-docx would fill in from its templates if it ever needed them to read."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def para(text: str) -> str:
        return f"<w:p><w:r><w:t>{xml_escape(text)}</w:t></w:r></w:p>"

    cells = "".join(f"<w:tc>{para(text)}</w:tc>" for text in row)
    body = "".join(para(text) for text in paragraphs) + f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    parts = {
        "[Content_Types].xml": (
            f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            f"{head}<Relationships "
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>"
        ),
        "word/document.xml": f'{head}<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))


def unexpected(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip() and not any(n in line for n in ALLOWED_NOISE)]


def is_warning_or_worse(log_line: str) -> bool:
    return bool(re.search(r"\b(WARNING|ERROR|CRITICAL)\b|Traceback", log_line))


@dataclass
class WindowRun:
    shown: float | None  # seconds from start until the window was shown (log marker), if seen
    alive: float
    exit_code: int | None  # None: still running when stopped
    stderr_lines: list[str]
    log_lines: list[str]


def _log_sizes(data: Path) -> dict[Path, int]:
    return (
        {p: p.stat().st_size for p in (data / "logs").glob("*.log")}
        if (data / "logs").is_dir()
        else {}
    )


def _new_log_text(data: Path, before: dict[Path, int]) -> str:
    text = []
    for path in _log_sizes(data):
        with path.open("rb") as fh:
            fh.seek(before.get(path, 0))
            text.append(fh.read().decode("utf-8", "replace"))
    return "".join(text)


def start_window(
    exe: Path | list[str],
    data: Path,
    env: dict[str, str],
    cwd: Path,
    *,
    hold: float,
    stop_when_shown: bool = False,
) -> WindowRun:
    """Start the window offscreen, wait until `hold` seconds (or until shown), then stop it."""
    before = _log_sizes(data)
    command = [*(exe if isinstance(exe, list) else [str(exe)]), "--data-dir", str(data)]
    shown = None
    with tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=err_file, env=env, cwd=cwd
        )
        try:
            while time.perf_counter() - start < hold:
                if proc.poll() is not None:
                    break
                if shown is None and SHOWN_MARKER in _new_log_text(data, before):
                    shown = time.perf_counter() - start
                    if stop_when_shown:
                        break
                time.sleep(0.01)
            alive = time.perf_counter() - start
            exit_code = proc.poll()
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        err_file.seek(0)
        stderr = err_file.read().decode("utf-8", "replace").splitlines()
    log = _new_log_text(data, before).splitlines()
    return WindowRun(shown, alive, exit_code, stderr, log)


def measure_startup(label: str, exe: Path | list[str], smoke: Smoke) -> float | None:
    times = []
    for _ in range(TIMING_RUNS):
        run = start_window(exe, smoke.data, smoke.env(), smoke.work, hold=30, stop_when_shown=True)
        if run.shown is None:
            print(
                f"  {label}: no shown-window marker within 30 s (exit {run.exit_code}); not measured"
            )
            return None
        times.append(run.shown)
    median = statistics.median(times)
    print(
        f"  {label}: window shown after {', '.join(f'{t:.2f}' for t in times)} s (median {median:.2f} s)"
    )
    return median


def read_version() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from version_info import read_version as read

    return read()


def resolve_executables(target: Path, window: Path | None) -> tuple[Path, Path | None]:
    if target.is_dir():
        cli = target / f"jindu-cli{EXE}"
        window = window or target / f"jindu{EXE}"
    else:
        cli = target
        if window is None:
            sibling = target.with_name(f"jindu{EXE}")
            window = sibling if sibling.exists() else None
    if not cli.is_file():
        raise SystemExit(f"smoke_test: no executable at {cli}")
    # Absolute: the program runs with the temporary folder as its working directory.
    # Not resolve(): on Linux jindu-cli is a link to jindu, and its own name is what we test.
    return Path(os.path.abspath(cli)), Path(os.path.abspath(window)) if window else None


def command_words(text: str) -> list[str]:
    """An executable's path (spaces and all), or a command line such as `python -m app`."""
    if Path(text).is_file():
        return [os.path.abspath(text)]
    words = shlex.split(text, posix=not WINDOWS)
    if words and Path(words[0]).exists():
        words[0] = str(Path(words[0]).resolve())
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke test of a built Jindu (frozen or not)")
    parser.add_argument("cli", type=Path, help="jindu-cli executable, or the bundle folder")
    parser.add_argument(
        "--window", type=Path, help="jindu (windowed) executable; default: beside the CLI"
    )
    parser.add_argument(
        "--unfrozen",
        help="also time this unfrozen window command (e.g. .venv/bin/jindu) for comparison",
    )
    parser.add_argument("--require-all", action="store_true", help="a skipped step fails the test")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args(argv)
    cli, window = resolve_executables(args.cli, args.window)
    work = Path(tempfile.mkdtemp(prefix="jindu-smoke-"))
    print(f"Smoke test of {cli} (window: {window}) in {work}", flush=True)
    smoke = Smoke(cli, window, work)
    try:
        smoke.step("--version", smoke.version)
        if smoke.step("setup (Chinese path with spaces)", smoke.setup):
            completed = smoke.step(
                f"complete period {PERIOD} until signable", smoke.complete_period
            )
            smoke.step("return export", smoke.export)
            if completed:
                smoke.step("return sign + verify", smoke.sign)
            smoke.step("city plan draft from a .docx", smoke.plan_draft_docx)
            if smoke.step("window offscreen", smoke.window_check) and window is not None:
                print("Window start-up time (process start to window shown, offscreen):")
                frozen = measure_startup("this build", window, smoke)
                if frozen is not None:
                    smoke.timings["window start-up, this build (s)"] = frozen
                if args.unfrozen:
                    unfrozen = measure_startup("unfrozen  ", command_words(args.unfrozen), smoke)
                    if unfrozen is not None:
                        smoke.timings["window start-up, unfrozen (s)"] = unfrozen
        status = smoke.summary()
        if args.require_all and any(o.status == "skip" for o in smoke.outcomes):
            print("  --require-all: a skipped step counts as a failure")
            status = 1
        print("Smoke test " + ("PASSED" if status == 0 else "FAILED"))
        return status
    finally:
        if args.keep:
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

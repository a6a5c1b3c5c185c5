"""What installer/jindu.spec leaves out of the bundle must stay unneeded by the program."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import docx

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


def _smoke_test_module() -> ModuleType:
    name = "installer_smoke_test"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "installer" / "smoke_test.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]


def _imports_of(module: str, tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(name.split(".")[0] == module for name in names):
            found.append(node)
    return found


def test_only_the_pinyin_writer_imports_pypinyin() -> None:
    """pypinyin is a development dependency: the bundle has none."""
    allowed: set[int] = set()
    districts = SRC / "models" / "districts.py"
    tree = ast.parse(districts.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "pinyin_syllables":
            allowed |= {id(n) for n in _imports_of("pypinyin", node)}
    assert allowed, "pinyin_syllables no longer imports pypinyin: update this test"
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        parsed = tree if path == districts else ast.parse(path.read_text(encoding="utf-8"))
        offenders += [
            f"{path.relative_to(ROOT)}:{node.lineno}"
            for node in _imports_of("pypinyin", parsed)
            if id(node) not in allowed
        ]
    assert offenders == []


def test_a_notice_is_read_without_python_docx_templates(tmp_path: Path) -> None:
    """The spec drops python-docx's templates; the smoke test's .docx checks the frozen build."""
    smoke = _smoke_test_module()
    notice = tmp_path / "通知 文件.docx"
    smoke.write_docx(notice, smoke.NOTICE, smoke.NOTICE_TABLE_ROW)
    # A copy of python-docx without its templates, first on the path, in a fresh interpreter.
    packages = tmp_path / "packages"
    shutil.copytree(
        Path(docx.__file__).parent, packages / "docx", ignore=shutil.ignore_patterns("templates")
    )
    script = (
        "import json, sys, docx\n"
        "from pathlib import Path\n"
        "from app.plan_draft import draft_file, read_text\n"
        "assert docx.__file__.startswith(sys.argv[2]), docx.__file__\n"
        "path = Path(sys.argv[1])\n"
        "print(json.dumps({'text': read_text(path), 'plan': draft_file(path)}))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(packages), str(SRC)]))
    proc = subprocess.run(
        [sys.executable, "-c", script, str(notice), str(packages)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    result = json.loads(proc.stdout)
    assert result["text"].split("\n\n") == [*smoke.NOTICE, *smoke.NOTICE_TABLE_ROW]
    plan = result["plan"]
    assert plan["title"] == smoke.NOTICE[0]
    assert [len(s["items"]) for s in plan["sections"]] == [2, 1]

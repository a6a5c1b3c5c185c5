"""Every Chinese text the window shows goes through tr() (or QCoreApplication.translate).

A Chinese string constant in src/ui outside such a call is allowed only when it is not
shown as window text: data compared or passed to the services, a file name, a width
measured in characters. Each of those is listed here with why; anything new fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "ui"
CJK = re.compile(r"[\u4e00-\u9fff]")
TRANSLATING = {"tr", "translate"}

ALLOWED = {
    # A character whose width sizes widgets and columns, never shown.
    "中",
    # The language's own name in its own language, as language menus show it.
    "简体中文",
    # The city's default name in the setup dialog: data the clerk may change.
    "重庆市残疾人联合会",
    # File names the clerk saves (Chinese file names, as the returns have).
    "任务分解表_",
    "-目录.xlsx",
    # The services' words, compared or passed back: progress labels, milestone answers,
    # the report form's keys and the district field's key.
    "滞后",
    "已完成",
    "未完成",
    "超前",
    "正常",
    "是",
    "否",
    "表号",
    "制表机关",
    "批准机关",
    "批准文号",
    "有效期至",
    "说明",
    "区县",
    "请选择本单位所在区县",
    # Units offered in the plan editor's unit list: data, as the plan stores them.
    "户",
    "名",
    "人",
    "人次",
    "个",
    "项",
    "所",
    "家",
    "场",
    "件",
    "万元",
    "元",
}


def untranslated() -> list[str]:
    found = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if not CJK.search(node.value) or node.value in ALLOWED:
                continue
            if isinstance(parents.get(node), ast.Expr):
                continue  # a docstring
            outer = parents.get(node)
            while outer is not None and not (
                isinstance(outer, ast.Call)
                and getattr(outer.func, "attr", getattr(outer.func, "id", "")) in TRANSLATING
            ):
                outer = parents.get(outer)
            if outer is None:
                found.append(f"{path.name}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_every_chinese_text_in_the_window_goes_through_tr() -> None:
    assert untranslated() == []

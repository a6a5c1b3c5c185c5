"""installer/icu_data.py: Qt's ICU data cut to Chinese and English, still serving them."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _icu_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "installer" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


icu_data = _icu_data()


@pytest.mark.parametrize(
    ("item", "goes"),
    [
        ("coll/de.res", True),
        ("coll/de_.res", True),
        ("de_AT.res", True),
        ("zone/fr_CA.res", True),
        ("ibm-37_P100-1995.cnv", True),
        ("coll/zh.res", False),
        ("coll/zh_Hans_CN.res", False),
        ("en_GB.res", False),
        ("root.res", False),
        ("coll/root.res", False),
        ("curr/pool.res", False),
        ("coll/res_index.res", False),
        ("likelySubtags.res", False),
        ("zoneinfo64.res", False),
        ("coll/ucadata.icu", False),
        ("brkitr/cjdict.dict", False),
        ("gb18030.cnv", False),
        ("windows-936-2000.cnv", False),
    ],
)
def test_only_other_languages_and_non_chinese_encodings_go(item: str, goes: bool) -> None:
    assert icu_data.removable(item) is goes


def _qt_icu_library() -> Path:
    spec = importlib.util.find_spec("PySide6")  # found, not imported: Qt stays out of here
    assert spec is not None and spec.origin is not None
    found = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found or sys.platform != "linux":
        pytest.skip("this PySide6 has no bundled ICU (only the Linux wheels do)")
    return found[0]


# Sorting uses ICU's collation data; GB 18030 and Big5 use its converter tables.
PROBE = """
import json
from PySide6.QtCore import QCollator, QLocale, QStringDecoder
names = ["重庆", "渝中区", "万州区", "巴南区", "北碚区", "江津区", "长寿区", "酉阳县"]
zh = QCollator(QLocale("zh_CN"))
en = QCollator(QLocale("en_US"))
print(json.dumps({
    "zh": sorted(names, key=zh.sortKey),
    "en": sorted(["b", "B", "a", "A", "ä"], key=en.sortKey),
    "gb18030": QStringDecoder("GB18030").isValid(),
    "big5": QStringDecoder("Big5").isValid(),
}, ensure_ascii=False))
"""


def _probe(library_dir: Path | None) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if library_dir is not None:
        # Qt's libraries find their ICU through RUNPATH, which LD_LIBRARY_PATH overrides.
        env["LD_LIBRARY_PATH"] = str(library_dir)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    assert "Could not create collator" not in done.stderr, done.stderr
    return json.loads(done.stdout)


def test_the_cut_library_sorts_and_converts_like_the_full_one(tmp_path: Path) -> None:
    library = _qt_icu_library()
    built, summary = icu_data.filtered_icu_data(library, tmp_path)
    if built is None:
        pytest.skip(summary)
    assert built.name == library.name
    assert built.stat().st_size < 0.4 * library.stat().st_size, summary
    soname = subprocess.run(
        ["readelf", "-d", str(built)], capture_output=True, text=True, check=True
    ).stdout
    assert f"[{library.name}]" in soname

    full, cut = _probe(None), _probe(tmp_path)
    assert cut == full
    assert cut["zh"][:3] == ["巴南区", "北碚区", "重庆"]  # pinyin order: ba, bei, chong
    assert cut["gb18030"] and cut["big5"]


def test_without_the_tools_it_says_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda tool: None if tool == "icupkg" else "/bin/true")
    built, summary = icu_data.filtered_icu_data(tmp_path / "libicudata.so.73", tmp_path)
    assert built is None and "icupkg" in summary and "icu-devtools" in summary

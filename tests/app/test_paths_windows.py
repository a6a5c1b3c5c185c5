"""Windows-specific correctness that can be checked on any machine.

Clerks' data and export folders have Chinese names with spaces (用户名, 桌面\\上报 文件);
the data folder is %LOCALAPPDATA%\\Jindu from platformdirs; packages carry the zip's UTF-8
flag so that a Chinese Windows does not read their names as GBK; and the program finds its
resources the same way frozen (PyInstaller's sys._MEIPASS) and unfrozen.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
import zipfile
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from app.paths import default_data_dir, resolve_data_dir
from app.signing.package import MEMBERS, read_package, write_package
from models.plan import bundled_plan_paths, load_bundled_plans
from models.resources import resources_dir
from tests.app.helpers import jindu, setup_office
from tests.app.signing_fixtures import fill_period, passphrase_file

CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"
UTF8_FLAG = 0x800
LOCAL_HEADER = b"PK\x03\x04"


@pytest.fixture(scope="module")
def signed_office(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, list[Path], list[Path]]:
    """An office whose data folder and export folder have Chinese names with spaces,
    with 2018Q1 exported as a draft and then signed into the export folder."""
    base = tmp_path_factory.mktemp("win") / "张 三 的文档"
    data = base / "进度 数据 目录"
    out = base / "桌面" / "上报 文件 2018"
    base.mkdir(parents=True)
    assert setup_office(data).code == 0
    fill_period(data, "2018Q1")
    exported = jindu(data, "return", "export", "--period", "2018Q1", "--out", str(out))
    assert exported.code == 0, exported.err
    signed = jindu(
        data,
        "return",
        "sign",
        "--period",
        "2018Q1",
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase_file(base)),
    )
    assert signed.code == 0, signed.err
    as_paths = [[Path(line) for line in r.out.splitlines() if line] for r in (exported, signed)]
    return data, out, as_paths[0], as_paths[1]


def test_data_folder_with_chinese_name_and_spaces_holds_the_store(
    signed_office: tuple[Path, Path, list[Path], list[Path]],
) -> None:
    data, _out, _draft, _signed = signed_office
    assert (data / "jindu.sqlite3").is_file()
    status = jindu(data, "status")
    assert status.code == 0, status.err
    assert "渝中区" in status.out


def test_exports_land_in_a_chinese_folder_with_the_printed_names(
    signed_office: tuple[Path, Path, list[Path], list[Path]],
) -> None:
    _data, out, draft, signed = signed_office
    assert {p.suffix for p in draft} == {".xlsx", ".pdf"}
    assert all("草稿" in p.name for p in draft)  # a draft says so in its file name
    assert sorted(p.name for p in signed) == sorted(
        f"500103_2018Q1_r1{suffix}" for suffix in (".pdf", ".xlsx", ".zip")
    )
    for path in [*draft, *signed]:
        assert path.parent == out
        assert path.is_file() and path.stat().st_size > 0
    # Exactly what was printed, and no temporary file left behind by the atomic writes.
    assert sorted(os.listdir(out)) == sorted(p.name for p in [*draft, *signed])


def test_verify_accepts_files_in_a_chinese_folder(
    signed_office: tuple[Path, Path, list[Path], list[Path]],
) -> None:
    data, _out, _draft, signed = signed_office
    result = jindu(data, "verify", *(str(p) for p in signed))
    assert result.code == 0, result.out + result.err


def _local_header_flags(raw: bytes, info: zipfile.ZipInfo) -> int:
    offset = info.header_offset
    assert raw[offset : offset + 4] == LOCAL_HEADER
    return struct.unpack_from("<H", raw, offset + 6)[0]


def test_package_entries_carry_the_utf8_flag_in_both_headers(
    signed_office: tuple[Path, Path, list[Path], list[Path]],
) -> None:
    _data, _out, _draft, signed = signed_office
    package = next(p for p in signed if p.suffix == ".zip")
    raw = package.read_bytes()
    with zipfile.ZipFile(package) as zf:
        infos = zf.infolist()
    assert sorted(i.filename for i in infos) == sorted(MEMBERS)
    for info in infos:
        # The central directory (what Explorer lists) and the local header (what
        # extractors read) must agree, or a reader may still guess the code page.
        assert info.flag_bits & UTF8_FLAG, info.filename
        assert _local_header_flags(raw, info) & UTF8_FLAG, info.filename


def test_package_copied_to_a_chinese_path_reads_back(
    signed_office: tuple[Path, Path, list[Path], list[Path]], tmp_path: Path
) -> None:
    _data, _out, _draft, signed = signed_office
    package = next(p for p in signed if p.suffix == ".zip")
    target = write_package(
        tmp_path / "U盘 上报" / "二〇一八 一季度" / package.name, package.read_bytes()
    )
    assert target.is_file()
    assert sorted(read_package(target).files) == sorted(MEMBERS)


def test_a_chinese_member_name_round_trips_through_the_zip_writer(tmp_path: Path) -> None:
    # The way app code writes zips (write_atomic_with + zipfile), with a Chinese entry name:
    # the name must come back as written, from a file in a Chinese folder.
    from app.files import write_atomic_with

    def writer(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("渝中区 2018年第一季度.json", "{}")

    path = write_atomic_with(tmp_path / "导出 文件" / "包.zip", writer)
    with zipfile.ZipFile(path) as zf:
        (info,) = zf.infolist()
    assert info.filename == "渝中区 2018年第一季度.json"
    assert info.flag_bits & UTF8_FLAG
    assert _local_header_flags(path.read_bytes(), info) & UTF8_FLAG


def test_default_data_folder_on_windows_is_local_appdata_jindu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # platformdirs' Windows rules, run here: WIN_PD_OVERRIDE_* stands in for the shell's
    # known folders. Local, not Roaming (SQLite wants a local disk), and no "Jindu\\Jindu".
    local = "C:\\Users\\张 三\\AppData\\Local"
    roaming = "C:\\Users\\张 三\\AppData\\Roaming"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", roaming)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    assert str(default_data_dir()) == os.path.join(local, "Jindu")


def test_default_data_folder_elsewhere_is_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("the XDG rule is the Linux one")
    home = tmp_path / "家 目录" / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert default_data_dir() == home / "Jindu"
    assert resolve_data_dir(None) == home / "Jindu"


def test_data_folder_option_and_environment_keep_chinese_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir("相对 路径/数据") == tmp_path.resolve() / "相对 路径" / "数据"
    monkeypatch.setenv("JINDU_DATA_DIR", str(tmp_path / "环境 变量"))
    assert resolve_data_dir(None) == tmp_path.resolve() / "环境 变量"
    assert resolve_data_dir(str(tmp_path / "选项")) == tmp_path.resolve() / "选项"


def test_resources_unfrozen_are_the_checkout_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JINDU_RESOURCES", raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    found = resources_dir()
    assert found == CHECKOUT_RESOURCES
    # What installer/jindu.spec bundles: plans, districts, the CJK font, the icons.
    for name in (
        "plans/cq-2018.json",
        "districts.json",
        "fonts/wqy-microhei.ttc",
        "icons/jindu.ico",
        "icons/jindu.png",
    ):
        assert (found / name).is_file(), name


def test_resources_frozen_come_from_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JINDU_RESOURCES", raising=False)
    bundle = tmp_path / "Programs" / "进度 Jindu" / "_internal"
    shutil.copytree(CHECKOUT_RESOURCES / "plans", bundle / "resources" / "plans")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources_dir() == bundle / "resources"
    # The plan loader follows resources_dir(), not its own __file__.
    assert all(bundle in path.parents for path in bundled_plan_paths())
    assert [plan.id for plan in load_bundled_plans()] == ["cq-2018"]


def test_resources_environment_override_wins_over_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    monkeypatch.setenv("JINDU_RESOURCES", str(tmp_path / "覆盖 资源"))
    assert resources_dir() == tmp_path / "覆盖 资源"


def test_icon_has_every_windows_size() -> None:
    from PIL import Image

    with Image.open(CHECKOUT_RESOURCES / "icons" / "jindu.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= sizes
    with Image.open(CHECKOUT_RESOURCES / "icons" / "jindu.png") as png:
        assert png.size == (512, 512) and png.mode == "RGBA"

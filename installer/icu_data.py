"""Qt's ICU data for the Linux bundle, cut down to the languages Jindu speaks.

PySide6's Linux wheel builds Qt6Core with its own ICU. That ICU's data library,
libicudata, holds every CLDR locale and about 200 legacy converters: 32 MB, a fifth
of the bundle. Qt asks ICU only for the UI's locale (zh_CN or en): collation, case
mapping and legacy encodings.

This keeps, in every locale tree, the root locale and the Chinese and English
locales. It also keeps the Chinese legacy encodings and every item that is not
locale data: Unicode properties, normalisation, break rules and dictionaries, and
time zones. ICU's own tools do the work. `icupkg` removes the items; `genccode`
writes the package back as a shared object with the same symbol, and `gcc` links it
with the same soname. The result is about 11 MB. Qt for Windows does not bundle an
ICU, so this is for the Linux bundle only.

    python installer/icu_data.py LIBICUDATA OUT_DIR    # prints the new library's path

Needs readelf (binutils), icupkg and genccode (Debian's icu-devtools) and gcc;
`filtered_icu_data` returns None, with the reason, when one is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

# Kept in every tree (main, coll, curr, lang, region, unit, zone, rbnf, brkitr, ...): the
# tree's index of locales, and the root, English and Chinese locales.
KEEP_LOCALE = re.compile(r"^(res_index|root|en|en_\w+|zh|zh_\w+)\.res$")
# Locale data files are named like a locale (xx, xxx, xx_YY, zh_Hans_CN); the tree-wide
# items (pool.res, res_index.res) and the supplemental data (likelySubtags.res, ...) are not.
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
# Legacy converters kept: the Chinese ones (GB 18030, GBK, GB 2312, Big5, EUC-TW). UTF-*,
# ASCII and Latin-1 are algorithmic in ICU and need no table.
KEEP_CONVERTERS = {
    "gb18030.cnv",
    "windows-936-2000.cnv",
    "ibm-1386_P100-2001.cnv",
    "ibm-1383_P110-1999.cnv",
    "windows-950-2000.cnv",
    "ibm-950_P110-1999.cnv",
    "euc-tw-2014.cnv",
}
TOOLS = ("readelf", "icupkg", "genccode", "gcc")


def removable(item: str) -> bool:
    """Whether a package item (a path such as coll/de.res) can go."""
    name = item.rsplit("/", 1)[-1]
    if name.endswith(".cnv"):
        return name not in KEEP_CONVERTERS
    return bool(LOCALE_NAME.match(name)) and not KEEP_LOCALE.match(name)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The package symbol (icudt73_dat), and its file offset and size in `library`."""
    symbols = _run("readelf", "-W", "--dyn-syms", str(library))
    found = re.search(
        r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)$",
        symbols,
        re.M,
    )
    if found is None:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    address, size, section, name = int(found[1], 16), int(found[2], 0), int(found[3]), found[4]
    sections = _run("readelf", "-W", "-S", str(library))
    row = re.search(
        rf"^\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.M
    )
    if row is None:
        raise ValueError(f"{library}: section {section} of {name} not found")
    section_address, section_offset = int(row[1], 16), int(row[2], 16)
    return name, section_offset + address - section_address, size


def filtered_icu_data(library: Path, out_dir: Path) -> tuple[Path | None, str]:
    """Write the cut-down library into `out_dir`; returns (path, summary) or (None, why)."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        return None, f"missing {', '.join(missing)} (apt-get install binutils icu-devtools gcc)"
    name, offset, size = _data_symbol(library)
    package = name.removesuffix("_dat") + "l"  # icudt73l: the little-endian package
    work = out_dir / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # icupkg expects a package file named after the package (its items' prefix).
    (work / "full").mkdir()
    full = work / "full" / f"{package}.dat"
    with library.open("rb") as source:
        source.seek(offset)
        full.write_bytes(source.read(size))
    items = [line.strip() for line in _run("icupkg", "-l", str(full)).splitlines() if line.strip()]
    remove = {item for item in items if removable(item)}
    # icupkg names the items after the output file: it must be the package's own name.
    kept_dir = work / "kept"
    kept_dir.mkdir()
    kept = kept_dir / f"{package}.dat"
    # icupkg refuses to remove an item that a kept one needs (zh_Hant_HK's number spellout
    # inherits Cantonese's, Big5 shares a table with IBM-1373): keep those, and try again.
    for _attempt in range(10):
        (work / "remove.txt").write_text("\n".join(sorted(remove)) + "\n", encoding="utf-8")
        done = subprocess.run(
            ["icupkg", "-r", str(work / "remove.txt"), str(full), str(kept)],
            capture_output=True,
            text=True,
        )
        needed = set(re.findall(r"depends on missing item (\S+)", done.stdout + done.stderr))
        if done.returncode == 0:
            break
        if not needed & remove:
            raise RuntimeError(f"icupkg failed: {done.stderr.strip() or done.stdout.strip()}")
        remove -= needed
    else:
        raise RuntimeError("icupkg: the items' dependencies did not settle")
    _run("genccode", "-e", name.removesuffix("_dat"), "-a", "gcc", "-d", str(work), str(kept))
    assembly = work / f"{package}_dat.S"
    target = out_dir / library.name
    _run(
        "gcc", "-shared", "-o", str(target), str(assembly),
        f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack",
    )  # fmt: skip
    shutil.rmtree(work)
    summary = (
        f"{library.name}: {len(items) - len(remove)} of {len(items)} items kept,"
        f" {library.stat().st_size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB"
    )
    return target, summary


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, summary = filtered_icu_data(Path(sys.argv[1]), Path(sys.argv[2]))
    print(summary, file=sys.stderr)
    if path is None:
        sys.exit(1)
    print(path)

"""City benchmark: receive 40 districts x 4 quarters of signed returns, then consolidate.

Generates 160 real packages (40 district offices, each with its own key, every
district indicator and item of 2018Q1…Q4 filled and signed with `return sign`'s
service), then in a fresh city folder times:
- `jindu city import FOLDER` through the command line's `main()`, in process:
  every package verified (manifest signature, hashes, workbook rebuilt from its
  cells, PAdES PDF) and recorded — target <= 15 s on a 2-core machine; with the
  default number of verifying processes, then again in a new city with one;
- importing the same folder again (nothing to verify: already held);
- `jindu city summary --period 2018Q4` (and `--json`), in process, warm — target
  <= 0.5 s; and `summarize()` alone.

Generating the packages takes a minute or two; `--packages DIR` keeps them there and
reuses them on the next run.

Run: .venv/bin/python bench/bench_city.py [--packages DIR] [--districts 40]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from app.cli import main as jindu_main  # noqa: E402
from models.districts import current_districts  # noqa: E402

IMPORT_TARGET_S = 15.0
SUMMARY_TARGET_MS = 500.0
PASSPHRASE = "correct horse 电池"
PERIODS = ("2018Q1", "2018Q2", "2018Q3", "2018Q4")


def jindu(data: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = jindu_main(["--data-dir", str(data), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def must(data: Path, *args: str) -> str:
    code, out, err = jindu(data, *args)
    if code != 0:
        raise SystemExit(f"jindu {' '.join(args)} failed ({code}): {err}")
    return out


def make_district(job: tuple[str, str, str]) -> list[str]:
    """One district office: setup, four quarters filled and signed; the package paths."""
    from tests.app.signing_fixtures import fill_period

    from app import return_flow
    from app.office import open_office

    code, work, inbox = job
    office = Path(work) / code
    pw = Path(work) / "passphrase.txt"
    must(
        office, "setup", "--district", code, "--clerk", "张三", "--reviewer", "李四",
        "--head", "王五", "--phone", "023-63651188", "--passphrase-file", str(pw),
    )  # fmt: skip
    written = []
    for n, period in enumerate(PERIODS, start=1):
        fill_period(office, period, scale=n)
        service = open_office(office, auto_backup=False)
        try:
            paths = return_flow.sign(service, service.parse_period(period), Path(inbox), PASSPHRASE)
        finally:
            service.store.close()
        written.append(str(paths[-1]))
        for extra in paths[:-1]:
            extra.unlink()  # only the packages go to the city
    return written


def generate(folder: Path, districts: int) -> list[Path]:
    existing = sorted(folder.glob("*.zip"))
    if len(existing) == districts * len(PERIODS):
        print(f"  reusing {len(existing)} packages in {folder}")
        return existing
    folder.mkdir(parents=True, exist_ok=True)
    for stale in existing:
        stale.unlink()
    work = Path(tempfile.mkdtemp(prefix="jindu-bench-offices-"))
    (work / "passphrase.txt").write_text(PASSPHRASE, encoding="utf-8")
    codes = [d.code for d in current_districts(date(2018, 12, 31))][:districts]
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        done = [
            p
            for paths in pool.map(make_district, [(c, str(work), str(folder)) for c in codes])
            for p in paths
        ]
    print(
        f"  generated {len(done)} packages ({districts} offices) in {time.perf_counter() - t:.1f} s"
    )
    return sorted(folder.glob("*.zip"))


def time_import(city: Path, inbox: Path, *extra: str) -> tuple[float, str]:
    pw = city.parent / f"{city.name}-pw.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    must(city, "city", "setup", "--name", "重庆市残疾人联合会", "--passphrase-file", str(pw))
    t = time.perf_counter()
    code, _out, err = jindu(city, "city", "import", str(inbox), *extra)
    elapsed = time.perf_counter() - t
    if code != 0:
        raise SystemExit(f"city import failed ({code}): {err}")
    return elapsed, err.strip()


def verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "OVER TARGET"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--packages", metavar="DIR", help="keep (and reuse) the generated packages here"
    )
    parser.add_argument("--districts", type=int, default=40)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="jindu-bench-city-"))
    inbox = Path(args.packages) if args.packages else base / "inbox"
    print(
        f"City benchmark: {args.districts} districts x {len(PERIODS)} quarters, {os.cpu_count()} CPU cores"
    )
    packages = generate(inbox, args.districts)
    size = sum(p.stat().st_size for p in packages) / len(packages) / 1024
    print(f"  {len(packages)} packages, {size:.0f} KiB each on average")

    from app.city.receive import default_workers

    workers = default_workers(len(packages))
    elapsed, said = time_import(base / "city", inbox)
    print(
        f"  city import, {workers} verifying process(es): {elapsed:6.2f} s "
        f"({elapsed / len(packages) * 1000:.0f} ms a package; target <= {IMPORT_TARGET_S:.0f} s)  "
        f"{verdict(elapsed, IMPORT_TARGET_S)}"
    )
    print(f"    {said}")
    t = time.perf_counter()
    code, _out, said = jindu(base / "city", "city", "import", str(inbox))
    print(f"  the same folder again (all held):  {time.perf_counter() - t:6.2f} s, exit {code}")
    if workers > 1:
        single, _ = time_import(base / "city-1", inbox, "--workers", "1")
        print(
            f"  city import, 1 verifying process:  {single:6.2f} s ({single / len(packages) * 1000:.0f} ms a package)"
        )

    from app.city.consolidate import summarize
    from app.city.office import open_city

    for label, extra in (("city summary", ()), ("city summary --json", ("--json",))):
        samples = []
        for _ in range(11):
            t = time.perf_counter()
            must(base / "city", "city", "summary", "--period", "2018Q4", *extra)
            samples.append((time.perf_counter() - t) * 1000)
        median = statistics.median(samples[1:])
        print(
            f"  {label:<22} (CLI, in process) median {median:6.1f} ms, max {max(samples[1:]):6.1f} ms "
            f"(target <= {SUMMARY_TARGET_MS:.0f} ms)  {verdict(median, SUMMARY_TARGET_MS)}"
        )
    service = open_city(base / "city", auto_backup=False)
    try:
        period = service.parse_period("2018Q4")
        samples = []
        for _ in range(11):
            t = time.perf_counter()
            summary = summarize(service, period)
            samples.append((time.perf_counter() - t) * 1000)
        print(f"  summarize() alone                       median {statistics.median(samples[1:]):6.1f} ms "
              f"({len(summary.reporting)} districts reporting)")  # fmt: skip
    finally:
        service.store.close()
    print(f"  (city folders in {base})")


if __name__ == "__main__":
    main()

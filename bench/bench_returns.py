"""Returns benchmark: exporting the full 2018 return (xlsx + PDF) in a warm process.

Sets up a district office of 渝西 (so that every district indicator of the 2018
plan applies, the pilot one included), fills every indicator and every item of
2018Q1 with narratives of realistic length, then times `export_return` (store
read, checks, workbook, PDF; both files written atomically):
- the first export in the process (fonts registered, modules imported): cold;
- the median and worst of the following rounds: warm — target <= 1 s;
- the size of the PDF — target <= 1 MB — and of the workbook.

Run: .venv/bin/python bench/bench_returns.py [--rounds 10] [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from app.cli import main  # noqa: E402
from app.office import open_office  # noqa: E402
from models.kinds import Kind, Status  # noqa: E402

DISTRICT = "500116"  # 江津区, in 渝西: every district indicator of 2018 applies
PERIOD = "2018Q1"
NARRATIVE = (
    "按照全年工作要点和区委区政府部署，本季度召开专题推进会，细化任务分解表，"
    "明确责任科室和完成时限；会同民政、财政、人社等部门开展联合调研，摸清底数，"
    "建立工作台账，按月调度进度。"
)


def fill(data_dir: Path) -> int:
    service = open_office(data_dir, auto_backup=False)
    try:
        plan = service.plan()
        statuses = list(Status)
        for n, ind in enumerate(plan.district_indicators(DISTRICT)):
            if ind.computed:
                continue
            if ind.kind is Kind.MILESTONE:
                service.set_entry(PERIOD, ind.id, "2018-03-20", note="已按计划完成")
                continue
            # About a fortieth of the city's target, and 15-45 % of it done by March.
            if ind.target is None:  # a base figure, the denominator of a rate
                service.set_entry(PERIOD, ind.id, "24000")
                continue
            share = max(int(ind.target) // 40, 4)
            service.set_target(ind.id, str(share))
            service.set_entry(
                PERIOD, ind.id, str(share * (15 + n * 7 % 30) // 100), note="含上年结转"
            )
        for n, item in enumerate(plan.items()):
            service.set_item(
                PERIOD,
                item.id,
                statuses[n % len(statuses)].value,
                NARRATIVE * 2,
                NARRATIVE,
                NARRATIVE,
            )
        return len(plan.district_indicators(DISTRICT))
    finally:
        service.store.close()


def run(data_dir: Path, out: Path, rounds: int) -> None:
    from app.returns.export import export_return

    service = open_office(data_dir, auto_backup=False)
    try:
        t = time.perf_counter()
        paths = export_return(service, PERIOD, out)
        cold = time.perf_counter() - t
        samples = []
        for _ in range(rounds):
            t = time.perf_counter()
            paths = export_return(service, PERIOD, out)
            samples.append(time.perf_counter() - t)
    finally:
        service.store.close()
    xlsx, pdf = paths
    from pypdf import PdfReader

    pages = len(PdfReader(str(pdf)).pages)
    print(f"first export in the process (cold): {cold * 1000:.0f} ms")
    print(f"warm export, xlsx + PDF:            median {statistics.median(samples) * 1000:.0f} ms, "
          f"worst {max(samples) * 1000:.0f} ms over {rounds} rounds (target <= 1000 ms)")  # fmt: skip
    print(f"PDF:  {pdf.stat().st_size / 1024:.0f} KB, {pages} pages (target <= 1024 KB)")
    print(f"xlsx: {xlsx.stat().st_size / 1024:.0f} KB")


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--keep", metavar="DIR", help="keep the office and the files here")
    args = parser.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jindu-bench-returns-"))
    data_dir = base / "office"
    passphrase = base / "passphrase.txt"
    base.mkdir(parents=True, exist_ok=True)
    passphrase.write_text("bench passphrase", encoding="utf-8")
    err = io.StringIO()
    code = main(
        ["--data-dir", str(data_dir), "setup", "--district", DISTRICT, "--clerk", "张三",
         "--reviewer", "李四", "--head", "王五", "--phone", "023-47521234",
         "--passphrase-file", str(passphrase)],
        out=io.StringIO(), err=err,
    )  # fmt: skip
    if code != 0:
        sys.exit(f"setup failed: {err.getvalue()}")
    count = fill(data_dir)
    print(f"office {DISTRICT}, {PERIOD}: {count} district indicators, every item with narratives")
    run(data_dir, base / "out", args.rounds)
    if args.keep:
        print(f"kept in {base}")


if __name__ == "__main__":
    main_bench()

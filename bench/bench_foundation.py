"""Foundation benchmark: city-scale data for ten years, then the figures that matter.

Generates 40 offices x every indicator x 12 months x 10 years (plans bench-2018 …
bench-2027, copies of the 2018 catalogue reported monthly) into one database, and prints:
bulk load rate, loading one office's period (target <= 20 ms), a single audited edit,
`jindu plan show` process time against a bare `python -c pass`, and the database size.

Run: .venv/bin/python bench/bench_foundation.py [--years 10] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from app.office import open_office  # noqa: E402
from models.districts import current_districts  # noqa: E402
from models.kinds import Kind, Level  # noqa: E402
from models.periods import parse_period  # noqa: E402
from models.plan import load_bundled_plans, parse_plan  # noqa: E402


def timed(fn, repeat: int = 50) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--offices", type=int, default=40)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jindu-bench-"))
    folder.mkdir(parents=True, exist_ok=True)

    base = next(p for p in load_bundled_plans() if p.id == "cq-2018")
    service = open_office(folder, auto_backup=False)
    districts = [d for d in current_districts() if not d.local][: args.offices]
    while len(districts) < args.offices:  # more offices than real districts: reuse zones
        districts.append(current_districts()[len(districts) % len(current_districts())])
    service.setup(districts[0].code, "基准", "审核", "负责人", "023-12345678", base)

    rng = random.Random(2018)
    t0 = time.perf_counter()
    rows = 0
    db = service.store.db
    for year in range(2018, 2018 + args.years):
        data = base.to_json()
        data.update(
            id=f"bench-{year}", year=year, frequency="monthly", title=f"{year}年全市残疾人工作要点"
        )
        plan = parse_plan(json.loads(json.dumps(data, default=str)), f"bench {year}")
        service.install_plan(plan, "bench")
        indicators = [i for i in plan.indicators() if not i.computed]
        entries, reports = [], []
        for d in districts:
            for month in range(1, 13):
                period = f"{year}{month:02d}"
                for ind in indicators:
                    if ind.kind is Kind.MILESTONE:
                        value = "true" if month > 6 else "false"
                    elif ind.kind is Kind.RATE:
                        value = str(rng.randint(50, 100))
                    else:
                        value = str(rng.randint(0, 200) * month)
                    entries.append((d.code, plan.id, ind.id, period, value, None, "", "bench"))
                for item in plan.items():
                    reports.append(
                        (
                            d.code,
                            plan.id,
                            item.id,
                            period,
                            "in_progress",
                            "进展情况" * 20,
                            "",
                            "",
                            "bench",
                        )
                    )
        with service.store.change():
            db.conn.executemany(
                "INSERT OR REPLACE INTO entries (district, plan, indicator, period, value, date, note, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
            )
            db.conn.executemany(
                "INSERT OR REPLACE INTO item_reports (district, plan, item, period, status, progress, problems,"
                " next, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reports,
            )
            service.store.audit("bench-load", "plan", plan.id, None, len(entries))
        rows += len(entries) + len(reports)
    load_s = time.perf_counter() - t0
    print(f"bulk load: {rows:,} rows in {load_s:.2f} s ({rows / load_s:,.0f} rows/s)")

    # One office's period, in the middle of the data.
    mid = 2018 + args.years // 2
    with service.store.change():
        service.store.set_meta("plan", f"bench-{mid}")
    service._plans.clear()
    period = parse_period(f"{mid}06", "monthly")
    code = districts[len(districts) // 2].code
    service.period_data(period, district=code)  # warm the plan cache
    med, worst = timed(lambda: service.period_data(period, district=code))
    print(
        f"load one office's period ({len(base.indicators())} indicators, 22 items): median {med:.2f} ms, "
        f"max {worst:.2f} ms (target <= 20 ms) -> {'OK' if med <= 20 else 'SLOW'}"
    )
    own = parse_period(f"{mid}12", "monthly")
    district_level = next(
        i for i in service.plan().indicators() if i.level is Level.DISTRICT and i.kind is Kind.COUNT
    )
    counter = iter(range(10**9))
    med_e, worst_e = timed(
        lambda: service.set_entry(own.id, district_level.id, str(next(counter))), repeat=30
    )
    print(
        f"one audited edit (set_entry, fsync'd WAL commit + re-read of the period): median {med_e:.2f} ms, max {worst_e:.2f} ms"
    )
    service.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in folder.glob("jindu.sqlite3*"))
    print(f"database size: {size / 1e6:.1f} MB for {args.years} years x {args.offices} offices")
    service.store.close()

    jindu = [sys.executable, "-m", "app", "--data-dir", str(folder), "plan", "show"]
    bare = [sys.executable, "-c", "pass"]
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}

    def run(cmd: list[str]) -> float:
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        return (time.perf_counter() - t) * 1000

    run(jindu)
    plan_show = statistics.median(run(jindu) for _ in range(7))
    python = statistics.median(run(bare) for _ in range(7))
    print(
        f"`jindu plan show` process: {plan_show:.0f} ms (bare python: {python:.0f} ms, ratio {plan_show / python:.1f}x)"
        f" -> {'OK' if plan_show < 1000 else 'SLOW'} (target well under 1 s)"
    )
    check = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "app",
            "--data-dir",
            str(folder),
            "plan",
            "show",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    print("Qt imported by plan show:", "PySide6" in check.stderr)
    if not args.keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

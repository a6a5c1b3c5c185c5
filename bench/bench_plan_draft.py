"""Benchmark: drafting the seed notice into a plan catalogue (target <= 0.5 s).

Prints the first draft in a fresh process (imports included), then the median
and worst of repeated drafts of the text, and of the file as the command line
reads it.

Run: .venv/bin/python bench/bench_plan_draft.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SEED = ROOT.parent / "shared" / "seed" / "000_f7181fff8ff925ec.txt"
TARGET_S = 0.5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--file", type=Path, default=SEED, help="a notice (.txt, .docx, .pdf)")
    args = parser.parse_args()
    if not args.file.is_file():
        sys.exit(f"no notice at {args.file}")

    t0 = time.perf_counter()
    from app.plan_draft import draft_file, draft_plan

    first = draft_file(args.file, plan_id="bench")
    cold = time.perf_counter() - t0

    text = args.file.read_text(encoding="utf-8") if args.file.suffix == ".txt" else None
    samples_text: list[float] = []
    samples_file: list[float] = []
    for _ in range(args.repeat):
        if text is not None:
            t = time.perf_counter()
            draft_plan(text, plan_id="bench")
            samples_text.append(time.perf_counter() - t)
        t = time.perf_counter()
        draft_file(args.file, plan_id="bench")
        samples_file.append(time.perf_counter() - t)

    items = sum(len(s["items"]) for s in first["sections"])
    indicators = sum(len(i["indicators"]) for s in first["sections"] for i in s["items"])
    print(
        f"notice: {args.file.name}, {len(first['sections'])} sections, {items} items, "
        f"{indicators} indicators"
    )
    print(f"first draft in a fresh process (imports included): {cold * 1000:.1f} ms")
    if samples_text:
        print(
            f"draft_plan(text): median {statistics.median(samples_text) * 1000:.1f} ms, "
            f"max {max(samples_text) * 1000:.1f} ms"
        )
    worst = max(samples_file)
    print(
        f"draft_file(path): median {statistics.median(samples_file) * 1000:.1f} ms, "
        f"max {worst * 1000:.1f} ms"
    )
    verdict = "OK" if max(cold, worst) <= TARGET_S else "TOO SLOW"
    print(f"target <= {TARGET_S * 1000:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()

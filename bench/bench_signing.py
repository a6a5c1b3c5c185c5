"""Signing benchmark: `return sign` of a full 2018 return, and verifying its package.

Sets up a district office with a real key, fills every district indicator and every
item of 2018Q1, then, in one warm process:
- `jindu return sign` through the command line's `main()` (passphrase file, key
  decryption, xlsx, PDF, PAdES signature, workbook signature, package, self-check,
  files, archive, store) — target <= 1 s; each round first opens a correction
  (`return correct`, not timed) so that there is a new revision to sign;
- `verify_file` on the package (manifest signature, hashes, workbook rebuilt from
  its cells, PDF signature) — target <= 0.1 s (the city verifies 160 at a time);
- `verify_file` on the PDF and on the workbook alone.

Run: .venv/bin/python bench/bench_signing.py [--rounds 10]
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
sys.path.insert(0, str(ROOT))

from tests.app.signing_fixtures import PASSPHRASE, fill_period  # noqa: E402

from app.cli import main as jindu_main  # noqa: E402
from app.signing.verify import verify_file  # noqa: E402

SIGN_TARGET_MS = 1000
VERIFY_TARGET_MS = 100


def jindu(data: Path, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = jindu_main(["--data-dir", str(data), *args], out=out, err=err)
    if code != 0:
        raise SystemExit(f"jindu {' '.join(args)} failed ({code}): {err.getvalue()}")
    return out.getvalue()


def summary(label: str, samples: list[float], target: float | None = None) -> str:
    median, worst = statistics.median(samples), max(samples)
    verdict = "" if target is None else ("  OK" if median <= target else "  OVER TARGET")
    limit = "" if target is None else f" (target <= {target:.0f} ms)"
    return f"{label:<34} median {median:7.1f} ms   max {worst:7.1f} ms{limit}{verdict}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="jindu-bench-signing-"))
    office = base / "office"
    pw = base / "passphrase.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    jindu(
        office, "setup", "--district", "500103", "--clerk", "张三", "--reviewer", "李四",
        "--head", "王五", "--phone", "023-63651188", "--passphrase-file", str(pw),
    )  # fmt: skip
    fill_period(office, "2018Q1")

    sign_ms: list[float] = []
    packages: list[Path] = []
    for revision in range(1, args.rounds + 2):  # the first round warms the process up
        if revision > 1:
            jindu(
                office,
                "return",
                "correct",
                "--period",
                "2018Q1",
                "--reason",
                f"基准第 {revision} 轮",
            )
        t = time.perf_counter()
        written = jindu(office, "return", "sign", "--period", "2018Q1", "--out", str(base / "out"),
                        "--passphrase-file", str(pw)).split()  # fmt: skip
        elapsed = (time.perf_counter() - t) * 1000
        if revision > 1:
            sign_ms.append(elapsed)
        packages.append(Path(written[-1]))
    package = packages[-1]
    pdf, xlsx = package.with_suffix(".pdf"), package.with_suffix(".xlsx")

    def timed(path: Path, repeat: int) -> list[float]:
        verify_file(path)  # warm
        samples = []
        for _ in range(repeat):
            t = time.perf_counter()
            report = verify_file(path)
            samples.append((time.perf_counter() - t) * 1000)
            assert report.ok, report.problems
        return samples

    print(f"Signing benchmark ({args.rounds} rounds, full 2018Q1 return of 渝中区, warm process)")
    print(f"  package {package.stat().st_size / 1024:.1f} KiB: xlsx {xlsx.stat().st_size / 1024:.1f} KiB, "
          f"PDF {pdf.stat().st_size / 1024:.1f} KiB")  # fmt: skip
    print("  " + summary("return sign (CLI, in process)", sign_ms, SIGN_TARGET_MS))
    print("  " + summary("verify package", timed(package, 30), VERIFY_TARGET_MS))
    print("  " + summary("verify PDF alone", timed(pdf, 30)))
    print("  " + summary("verify workbook alone", timed(xlsx, 30)))
    t = time.perf_counter()
    for p in packages:
        verify_file(p)
    per = (time.perf_counter() - t) * 1000 / len(packages)
    print(f"  verify {len(packages)} different packages in a row: {per:.1f} ms each")
    print(f"  (files in {base})")


if __name__ == "__main__":
    main()

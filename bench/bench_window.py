"""Window benchmark: start-up against a bare PySide6 window, an edit, a period switch.

Uses the foundation's ten-year database (bench/bench_foundation.py --keep DIR: 40
offices x every indicator x 12 months x 10 years) and prints:

* process start to a shown main window, against a bare QMainWindow started the
  same way in the same run (target <= 1.5x);
* one edit typed into the grid, saved through the service and repainted (<= 16 ms);
* switching the period, reloading grid, tree and item report (<= 50 ms).

Run: .venv/bin/python bench/bench_window.py [--data DIR] [--runs 7]
     (without --data a fresh ten-year database is generated in a temporary folder)
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Both children print "shown" once the event loop has run after show(): the window
# has been laid out, exposed and painted.
# Jindu's child imports as `jindu` does (app.cli.import_window: the services, then Qt).
JINDU_CHILD = """
import sys, pathlib, time
t0 = time.perf_counter()
import app.cli
app.cli.import_window()
import ui.main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
t1 = time.perf_counter()
opened = []
real_open = ui.main.open_office
def timed_open(path, **options):
    t = time.perf_counter()
    service = real_open(path, **options)
    opened.append(time.perf_counter() - t)
    return service
ui.main.open_office = timed_open
app = QApplication(sys.argv)
started = ui.main.start(app, pathlib.Path(sys.argv[1]))
started.window.show()
t2 = time.perf_counter()
def shown():
    phases = (t1 - t0, opened[0], t2 - t1 - opened[0], time.perf_counter() - t2)
    print("shown", *(f"{1000 * p:.0f}" for p in phases), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
started.close()
"""
BARE_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

# The least a model/view window pays on top of the bare one: PySide6 builds the Python
# enums of each Qt class on its first use (the Qt namespace alone has about 90), so a
# window with a tree, a table and a model, touching Qt's enums, is measured too. It puts
# the bare-window target in context; the target itself stays against the bare window.
FLOOR_CHILD = """
import sys
from PySide6.QtCore import QAbstractTableModel, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QMainWindow, QSplitter, QTableView, QTreeWidget, QTreeWidgetItem,
)
class Model(QAbstractTableModel):
    def rowCount(self, parent=None):
        return 20
    def columnCount(self, parent=None):
        return 10
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()},{index.column()}"
        return None
app = QApplication(sys.argv)
window = QMainWindow()
split = QSplitter(Qt.Orientation.Horizontal)
tree = QTreeWidget(split)
tree.addTopLevelItem(QTreeWidgetItem(["一"]))
view = QTableView(split)
model = Model()
view.setModel(model)
window.setCentralWidget(split)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_to_shown(code: str, args: list[str], phases: list[list[float]] | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        # The floor window's splitter makes the offscreen platform warn on stderr.
        stderr=subprocess.DEVNULL if code is FLOOR_CHILD else None,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    # A child that fails shows Jindu's error dialog and would wait for ever.
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - t0) * 1000
    proc.wait()
    watchdog.cancel()
    words = line.split()
    if not words or words[0] != "shown":
        raise RuntimeError(f"the child did not show its window (exit {proc.returncode})")
    if phases is not None:
        phases.append([float(w) for w in words[1:]])
    return elapsed


def ten_year_data(folder: Path, years: int, offices: int = 40) -> None:
    print(
        f"generating {years} years of data for {offices} offices with bench_foundation.py …",
        flush=True,
    )
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_foundation.py"),
            "--years",
            str(years),
            "--offices",
            str(offices),
            "--keep",
            str(folder),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def timed(fn, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", help="a folder made by bench_foundation.py --keep (reused as is)")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    temporary = args.data is None
    folder = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="jindu-window-bench-"))
    if temporary:
        ten_year_data(folder, args.years)
    # A district's own database holds one office: start-up is also measured at that scale,
    # since opening grows with the file (a city-scale file is 40 times larger). The first
    # start of a day checks the file before its daily backup; the warm-up start takes it.
    district = Path(tempfile.mkdtemp(prefix="jindu-window-bench-district-"))
    try:
        ten_year_data(district, args.years, offices=1)
        print("== one district office, ten years ==")
        startup(district, args.runs)
        print("== city scale: 40 offices, ten years ==")
        run(folder, args.runs)
    finally:
        shutil.rmtree(district, ignore_errors=True)
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)


def startup(folder: Path, runs: int) -> None:
    # An installed Jindu starts from bytecode (pip and PyInstaller compile it). Where
    # PYTHONDONTWRITEBYTECODE is set, as on the CI machines, every child would compile
    # src/ from source again: write the bytecode once first.
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    time_to_shown(JINDU_CHILD, [str(folder)])  # warm the OS file cache for both
    time_to_shown(BARE_CHILD, [])
    jindu, bare, floor = [], [], []
    phases: list[list[float]] = []
    for _ in range(runs):  # interleaved, so that drift on the machine hits all alike
        jindu.append(time_to_shown(JINDU_CHILD, [str(folder)], phases))
        bare.append(time_to_shown(BARE_CHILD, []))
        floor.append(time_to_shown(FLOOR_CHILD, []))
    j, b, f = statistics.median(jindu), statistics.median(bare), statistics.median(floor)
    ratio = j / b
    print(
        f"start to shown window: Jindu {j:.0f} ms, bare QMainWindow {b:.0f} ms, ratio {ratio:.2f}x"
        f" (target <= 1.5x) -> {'OK' if ratio <= 1.5 else 'SLOW'}"
    )
    print(
        f"  for scale: a minimal tree + table + model window {f:.0f} ms ({f / b:.2f}x the bare one);"
        f" Jindu is {j / f:.2f}x that"
    )
    imports, store, build, paint = (statistics.median(p[i] for p in phases) for i in range(4))
    print(
        f"  Jindu's start, inside the process: PySide6 + ui/app/models imports {imports:.0f} ms,"
        f" open_office (store open; its quick_check runs beside the window) {store:.0f} ms,"
        f" fonts + translators + window {build:.0f} ms, first event-loop turn {paint:.0f} ms"
    )
    # The day's first start also copies the file (the daily backup), after the check and
    # beside the window: measured by removing the bench folder's backups before each run.
    first: list[float] = []
    for _ in range(max(3, runs // 2)):
        for old in (folder / "backups").glob("jindu-*"):
            old.unlink()
        first.append(time_to_shown(JINDU_CHILD, [str(folder)]))
    d = statistics.median(first)
    print(
        f"  the day's first start (check and backup beside the window): {d:.0f} ms,"
        f" {d / b:.2f}x the bare window"
    )


def run(folder: Path, runs: int) -> None:
    startup(folder, runs)

    # ----- in-process: an edit, a period switch ---------------------------------------------
    from PySide6.QtWidgets import QApplication

    from app.office import open_office
    from models.kinds import Kind
    from ui.app_context import AppContext, UiSettings
    from ui.dialogs import DialogService
    from ui.entry_model import COL_VALUE
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    from PySide6.QtCore import QThreadPool

    service = open_office(folder, auto_backup=False)
    context = AppContext(
        folder,
        service,
        QThreadPool.globalInstance(),
        DialogService(),
        UiSettings(folder / "bench-ui.ini"),
    )
    window = MainWindow(context)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    plan = service.plan()
    periods = [p.id for p in window.periods]
    print(
        f"database: {sum(p.stat().st_size for p in folder.glob('jindu.sqlite3*')) / 1e6:.0f} MB, "
        f"plan {plan.id} ({plan.frequency}, {len(periods)} periods), office {service.office().district.code}"
    )

    counter = iter(range(1, 10**9))
    window.select_period(periods[-1])  # the last period: nothing after it to re-read
    # A count no rate is computed from: the common case (a rate's parts also re-read the period).
    parts = {
        p
        for i in plan.indicators()
        if i.formula
        for p in (i.formula.numerator, i.formula.denominator)
    }
    target = next(
        r.indicator
        for r in window.model.all_rows()
        if r.indicator.kind is Kind.COUNT and r.indicator.id not in parts
    )
    window.select_item(target.item_id)
    row = window.model.row_of(target.id)
    index = window.model.index(row, COL_VALUE)

    def edit() -> None:
        assert window.model.setData(index, str(next(counter) * 10))
        app.processEvents()  # the repaint of the changed cells is part of "saved and shown"

    edit()
    med, worst = timed(edit, 30)
    print(
        f"an edit saved (setData -> undo command -> set_entry -> fsync -> dataChanged -> repaint): "
        f"median {med:.1f} ms, max {worst:.1f} ms (target <= 16 ms) -> {'OK' if med <= 16 else 'SLOW'}"
    )

    a, b2 = periods[len(periods) // 2], periods[len(periods) // 2 - 1]
    toggle = iter(range(10**9))

    def switch() -> None:
        window.select_period(a if next(toggle) % 2 else b2)
        app.processEvents()

    switch()
    med, worst = timed(switch, 30)
    print(
        f"switching period (grid, tree badges, item report, repaint): median {med:.1f} ms, "
        f"max {worst:.1f} ms (target <= 50 ms) -> {'OK' if med <= 50 else 'SLOW'}"
    )
    window.close()
    window.deleteLater()
    app.processEvents()
    service.store.close()


if __name__ == "__main__":
    main()

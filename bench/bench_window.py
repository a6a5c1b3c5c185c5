"""Window benchmark: start-up against a bare PySide6 window, an edit, a period switch.

Uses the foundation's ten-year database (bench/bench_foundation.py --keep DIR: 40
offices x every indicator x 12 months x 10 years) and prints:

* process start to a shown main window, against a bare QMainWindow started the
  same way in the same run (target <= 1.5x); for scale, a minimal tree + table window
  and a replica of the main window's widgets with no Jindu code are measured beside it;
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

# Jindu's main window as Qt widgets alone: the same widgets, layout, menus with 40
# shortcut actions, translator, settings file, lock and fonts as ui/main_window.py, with a
# small Python table model and a delegate, but no Jindu module, no database and no data.
# What it costs over the bare window is what this window's widgets cost in PySide6 before
# any of Jindu's own code runs; Jindu over it is what Jindu's code adds.
WIDGETS_CHILD = """
import sys
from PySide6.QtCore import QAbstractTableModel, QLockFile, QModelIndex, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QMainWindow, QPlainTextEdit, QScrollArea, QSplitter, QStackedWidget, QStyledItemDelegate,
    QTableView, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)
HEADERS = ("指标", "单位", "全年目标", "上期累计", "本期累计", "本期新增", "完成率", "时间进度", "进度状态", "备注")
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 12
    def columnCount(self, parent=QModelIndex()):
        return len(HEADERS)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"残疾人 {index.row()}.{index.column()}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None
    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
class Badge(QStyledItemDelegate):
    def sizeHint(self, option, index):
        return super().sizeHint(option, index)
app = QApplication(sys.argv)
translator = QTranslator()
translator.load(sys.argv[1])
app.installTranslator(translator)
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
settings.value("window/geometry")
lock = QLockFile(sys.argv[2] + ".lock")
lock.tryLock(0)
families = set(QFontDatabase.families())
font = QFont(app.font())
font.setFamilies(["Microsoft YaHei", "WenQuanYi Micro Hei"])
app.setFont(font)
palette = QPalette(app.palette())
window = QMainWindow()
undo = QUndoStack(window)
central = QWidget(window)
outer = QVBoxLayout(central)
bar = QHBoxLayout()
period_label = QLabel("报告期(&P)：", central)
combo = QComboBox(central)
combo.addItems([f"2018年{m}月" for m in range(1, 13)])
period_label.setBuddy(combo)
for widget in (QLabel("渝中区残联", central), period_label, combo, QLabel("草稿", central)):
    bar.addWidget(widget)
outer.addLayout(bar)
pages = QStackedWidget(central)
outer.addWidget(pages, 1)
page = QWidget(pages)
pages.addWidget(page)
QVBoxLayout(page).addWidget(h_split := QSplitter(Qt.Orientation.Horizontal, page))
tree_box = QWidget(h_split)
tree_layout = QVBoxLayout(tree_box)
tree = QTreeWidget(tree_box)
tree.setColumnCount(3)
tree.setUniformRowHeights(True)
tree.setAlternatingRowColors(True)
tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
tree.setItemDelegateForColumn(1, Badge(tree))
header = tree.header()
header.setStretchLastSection(False)
header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
for s in range(8):
    section = QTreeWidgetItem([f"{s + 1}. 残疾人基本公共服务", "60%", "正常"])
    tree.addTopLevelItem(section)
    for i in range(5):
        QTreeWidgetItem(section, [f"{s + 1}.{i + 1} 残疾人精准康复服务", "45%", "滞后"])
tree.expandAll()
tree_layout.addWidget(QLabel("工作要点(&T)", tree_box))
tree_layout.addWidget(tree)
v_split = QSplitter(Qt.Orientation.Vertical, h_split)
grid_box = QWidget(v_split)
grid_layout = QVBoxLayout(grid_box)
grid = QTableView(grid_box)
grid.setModel(Model(grid))
grid.resizeColumnsToContents()
grid_layout.addWidget(QLabel("本期数据(&G)", grid_box))
grid_layout.addWidget(grid, 1)
grid_layout.addWidget(QLabel(grid_box))
scroll = QScrollArea(v_split)
scroll.setWidgetResizable(True)
item_box = QWidget()
scroll.setWidget(item_box)
item_layout = QGridLayout(item_box)
item_layout.addWidget(QLabel("1. 残疾人精准康复服务", item_box), 0, 0, 1, 3)
text = QTextBrowser(item_box)
text.setPlainText("为有需求的残疾人提供基本康复服务。" * 5)
item_layout.addWidget(text, 2, 0, 1, 3)
status = QComboBox(item_box)
status.addItems(["未开始", "进行中", "已完成"])
item_layout.addWidget(status, 3, 0)
for column, name in enumerate(("进展情况(&1)", "存在问题(&2)", "下步打算(&3)")):
    label, edit = QLabel(name, item_box), QPlainTextEdit(item_box)
    edit.setTabChangesFocus(True)
    label.setBuddy(edit)
    item_layout.addWidget(label, 4, column)
    item_layout.addWidget(edit, 5, column)
window.setCentralWidget(central)
window.statusBar().addPermanentWidget(QLabel("应报：2018年6月"))
window.statusBar().addPermanentWidget(QLabel("草稿"))
menus = [window.menuBar().addMenu(t) for t in ("文件(&F)", "编辑(&E)", "视图(&V)", "报表(&R)", "计划(&L)", "帮助(&H)")]
for k in range(40):
    action = QAction(f"操作 {k}(&{k % 10})…", window)
    action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key(Qt.Key.Key_A.value + k % 26)))
    action.setStatusTip("说明")
    action.triggered.connect(lambda: None)
    menus[k % len(menus)].addAction(action)
    window.addAction(action)
window.setWindowTitle("进度 — 渝中区残联 — 2018年6月")
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
        stderr=subprocess.DEVNULL if code in (FLOOR_CHILD, WIDGETS_CHILD) else None,
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
    jindu, bare, floor, widgets = [], [], [], []
    phases: list[list[float]] = []
    replica = [
        str(ROOT / "resources" / "translations" / "jindu_en.qm"),
        str(folder / "bench-widgets.ini"),
    ]
    for _ in range(runs):  # interleaved, so that drift on the machine hits all alike
        jindu.append(time_to_shown(JINDU_CHILD, [str(folder)], phases))
        bare.append(time_to_shown(BARE_CHILD, []))
        floor.append(time_to_shown(FLOOR_CHILD, []))
        widgets.append(time_to_shown(WIDGETS_CHILD, replica))
    j, b, f = statistics.median(jindu), statistics.median(bare), statistics.median(floor)
    w = statistics.median(widgets)
    ratio = j / b
    print(
        f"start to shown window: Jindu {j:.0f} ms, bare QMainWindow {b:.0f} ms, ratio {ratio:.2f}x"
        f" (target <= 1.5x) -> {'OK' if ratio <= 1.5 else 'SLOW'}"
    )
    print(
        f"  for scale: a minimal tree + table + model window {f:.0f} ms ({f / b:.2f}x the bare one);"
        f" Jindu is {j / f:.2f}x that"
    )
    print(
        f"  for scale: Jindu's widgets alone (WIDGETS_CHILD: no Jindu code, no data) {w:.0f} ms"
        f" ({w / b:.2f}x the bare one); Jindu is {j / w:.2f}x that, {j - w:.0f} ms more"
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

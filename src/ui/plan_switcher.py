"""计划(&P): the work plans in the database, one per year, and newer bundled versions.

Switching the plan (2018 → 2019 …) is `OfficeService.switch_plan`; the window
is then rebuilt on the new plan (its tree, periods and grid all come from the
plan). A newer version of an installed plan that ships with the program
(`OfficeService.newer_bundled_plans`) is offered in a question when the window
opens and from the menu; it is installed only when the user says yes. A "no" is
remembered for that version, so that the question does not come back at every
start; the menu still offers it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from models.errors import JinduError
from models.plan import Plan

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

DECLINED_KEY = "plans/declined"


def plan_key(plan: Plan) -> str:
    return f"{plan.id}/v{plan.version}"


def replace_window(window: MainWindow) -> MainWindow:
    """A new main window on the office's current plan, in place of `window`.

    Everything in the window (tree, periods, grid, undo history) belongs to one
    plan, so a new plan gets a new window, at the same place and size.
    """
    from ui.main_window import MainWindow

    window.save_narratives()
    window.save_state()
    successor = MainWindow(window.context)
    # The old window stays referenced by whoever made it; this keeps the new one alive.
    window.successor = successor  # type: ignore[attr-defined]
    successor.show()
    window.close_agreed()  # its unsaved work was asked about before the plan changed
    return successor


class PlanSwitcher(QObject):
    """The 计划 menu of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.service = window.service
        self.settings = window.context.settings
        self.successor: MainWindow | None = None
        self.menu = QMenu(window)
        window.menuBar().insertMenu(window.menus["help"].menuAction(), self.menu)
        window.menus["plan"] = self.menu
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.plan_actions: dict[str, QAction] = {}
        self.updates = QAction(window)
        self.updates.triggered.connect(self.offer_updates)
        self.import_action = QAction(window)
        self.import_action.setShortcut(
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_I)
        )
        self.import_action.triggered.connect(self.import_package)
        self.fill()
        window.installEventFilter(self)
        # Asked once the window is on screen, never before it.
        QTimer.singleShot(0, self, self.offer_on_start)

    # ----- the menu ------------------------------------------------------------------------------
    def fill(self) -> None:
        self.menu.clear()
        for action in self.plan_actions.values():
            self.group.removeAction(action)
            self.window_.removeAction(action)
        self.plan_actions = {}
        current = self.window_.plan.id
        for number, (plan_id, version, title, year) in enumerate(self.service.installed_plans(), 1):
            action = QAction(self.window_)
            action.setCheckable(True)
            action.setChecked(plan_id == current)
            action.setData((plan_id, version, title, year, number))
            action.triggered.connect(lambda _checked=False, pid=plan_id: self.switch_to(pid))
            self.group.addAction(action)
            self.plan_actions[plan_id] = action
            self.window_.register_action(f"plan_{plan_id}", action, "plan")
        self.menu.addSeparator()
        self.window_.register_action("plan_import", self.import_action, "plan")
        self.window_.register_action("plan_updates", self.updates, "plan")
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("计划(&P)"))
        for action in self.plan_actions.values():
            plan_id, version, title, year, number = action.data()
            mnemonic = f"&{number} " if number < 10 else ""
            action.setText(
                mnemonic
                + self.tr("%1年《%2》（第 %3 版）")
                .replace("%1", str(year))
                .replace("%2", str(title))
                .replace("%3", str(version))
            )
            action.setStatusTip(self.tr("改用这个计划填报（计划编号 %1）").replace("%1", plan_id))
        self.import_action.setText(self.tr("导入市残联计划包(&I)…"))
        self.import_action.setStatusTip(
            self.tr("安装市残联签发的计划包（.zip）：新年度的计划和下达本区县的全年目标")
        )
        self.updates.setText(self.tr("检查计划的新版本(&N)…"))
        self.updates.setStatusTip(self.tr("程序附带了已安装计划的新版本时，询问是否安装"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    # ----- importing a city plan package ------------------------------------------------------
    @Slot()
    def import_package(self) -> MainWindow | None:
        """Install a plan package signed by the city; the window is rebuilt on what it brings."""
        from app.city.plan_package import CityKeyChanged, import_plan_package
        from app.fingerprints import group_fingerprint
        from ui.return_actions import remembered_folder

        window, dialogs = self.window_, self.window_.context.dialogs
        if not window.may_leave():  # the window is rebuilt on the package's plan
            return None
        path = dialogs.open_file(
            window,
            self.tr("选择市残联的计划包"),
            remembered_folder(window.context),
            self.tr("计划包 (*.zip)"),
        )
        if path is None:
            return None
        title = self.tr("计划包未导入")
        data_dir = window.context.data_dir
        try:
            try:
                messages = import_plan_package(self.service, path, data_dir)
            except CityKeyChanged as changed:
                typed = dialogs.ask_text(
                    window,
                    self.tr("市残联更换了签名密钥？"),
                    self.tr(
                        "这个计划包的签名证书与本机登记的市残联证书不同。\n\n"
                        "本机登记的指纹：%1\n计划包的指纹：%2\n\n"
                        "请打电话向市残联核对计划包的指纹。只有市残联确认更换了密钥时，"
                        "才在下面输入核对过的新指纹（可带空格）；否则请取消，计划包不会导入。"
                    )
                    .replace("%1", group_fingerprint(changed.pinned))
                    .replace("%2", group_fingerprint(changed.offered)),
                )
                if typed is None:
                    return None
                messages = import_plan_package(self.service, path, data_dir, new_city_key=typed)
        except JinduError as exc:
            log.warning("plan package %s refused: %s", path, exc.message)
            dialogs.warning(window, title, exc.message)
            return None
        log.info("plan package %s installed", path)
        dialogs.information(window, self.tr("计划包已导入"), "\n".join(messages))
        # The plan, its targets or the plan in use changed: the window is rebuilt on them.
        self.successor = replace_window(window)
        return self.successor

    # ----- switching ------------------------------------------------------------------------------
    def switch_to(self, plan_id: str) -> MainWindow | None:
        """Use another plan of the database, after asking; returns the new window."""
        current = self.window_.plan
        if plan_id == current.id:
            self.plan_actions[plan_id].setChecked(True)
            return None
        try:
            plan = self.service.plan(plan_id)
        except JinduError as exc:
            self.window_.context.dialogs.warning(self.window_, self.tr("切换计划"), exc.message)
            self.plan_actions[current.id].setChecked(True)
            return None
        if not self.window_.may_leave() or not self.window_.context.dialogs.question(
            self.window_,
            self.tr("切换计划"),
            self.tr("改用 %1 年的《%2》填报吗？\n各计划已填的数据都保留，可以随时切换回来。")
            .replace("%1", str(plan.year))
            .replace("%2", plan.title),
        ):
            self.plan_actions[current.id].setChecked(True)
            return None
        self.service.switch_plan(plan_id)
        log.info("switched plan %s -> %s", current.id, plan_id)
        self.successor = replace_window(self.window_)
        return self.successor

    # ----- newer bundled versions ---------------------------------------------------------------
    def _declined(self) -> set[str]:
        value = self.settings.qsettings.value(DECLINED_KEY, "")
        return {v for v in str(value or "").split(";") if v}

    @Slot()
    def offer_on_start(self) -> None:
        if not self.window_.isVisible():
            return  # closed before the event loop came round: nobody to ask
        newer = self.service.newer_bundled_plans()
        if newer and not {plan_key(p) for p in newer} <= self._declined():
            self.offer(newer)

    @Slot()
    def offer_updates(self) -> MainWindow | None:
        newer = self.service.newer_bundled_plans()
        if not newer:
            self.window_.context.dialogs.information(
                self.window_,
                self.tr("计划的新版本"),
                self.tr("已安装的计划都是最新版本。"),
            )
            return None
        return self.offer(newer)

    def offer(self, newer: list[Plan]) -> MainWindow | None:
        """Ask whether to install `newer`; install them only on yes."""
        installed = {pid: version for pid, version, _, _ in self.service.installed_plans()}
        lines = "\n".join(
            self.tr("《%1》第 %2 版（已安装第 %3 版）")
            .replace("%1", plan.title)
            .replace("%2", str(plan.version))
            .replace("%3", str(installed.get(plan.id, "")))
            for plan in newer
        )
        yes = self.window_.context.dialogs.question(
            self.window_,
            self.tr("计划的新版本"),
            self.tr(
                "程序附带了计划的新版本：\n%1\n\n现在安装并使用新版本吗？已填的数据都保留。"
                "选“否”则继续使用现在的版本，以后可从“计划”菜单安装。"
            ).replace("%1", lines),
        )
        if not yes:
            declined = self._declined() | {plan_key(p) for p in newer}
            self.settings.qsettings.setValue(DECLINED_KEY, ";".join(sorted(declined)))
            return None
        rebuilt = any(p.id == self.window_.plan.id for p in newer)
        if rebuilt and not self.window_.may_leave():
            return None
        for plan in newer:
            self.service.install_plan(plan, "bundled")
            log.info("installed bundled plan %s", plan_key(plan))
        if rebuilt:
            self.successor = replace_window(self.window_)
            return self.successor
        self.fill()
        return None

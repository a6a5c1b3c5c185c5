"""Settings: font size, high contrast, language, and the database's backups.

Appearance and language apply at once and are remembered in the data folder's
INI file; switching language retranslates every open window (LanguageChange),
no restart needed. Backups use the same code as the command line: a backup is
`Store.backup`, a restore is `jindu restore FILE` run in-process.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.backups import list_backups
from ui.app_context import FONT_SCALES, LANGUAGES, AppContext

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """Signals:
    restored(): the database was replaced by a backup; windows must reload.
    """

    restored = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)

        self.look_box = QGroupBox(self)
        form = QFormLayout(self.look_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.font_label = QLabel(self.look_box)
        self.font_combo = QComboBox(self.look_box)
        for scale in FONT_SCALES:
            self.font_combo.addItem(f"{scale}%", scale)
        self.font_combo.setCurrentIndex(
            max(self.font_combo.findData(context.settings.font_scale), 0)
        )
        self.font_label.setBuddy(self.font_combo)
        self.contrast = QCheckBox(self.look_box)
        self.contrast.setChecked(context.settings.high_contrast)
        self.language_label = QLabel(self.look_box)
        self.language_combo = QComboBox(self.look_box)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(context.settings.language), 0)
        )
        self.language_label.setBuddy(self.language_combo)
        form.addRow(self.font_label, self.font_combo)
        form.addRow(self.contrast)
        form.addRow(self.language_label, self.language_combo)
        layout.addWidget(self.look_box)

        self.backup_box = QGroupBox(self)
        backup_layout = QVBoxLayout(self.backup_box)
        self.backups_label = QLabel(self.backup_box)
        self.backups = QListWidget(self.backup_box)
        self.backups_label.setBuddy(self.backups)
        buttons_row = QHBoxLayout()
        self.backup_now = QPushButton(self.backup_box)
        self.restore_button = QPushButton(self.backup_box)
        buttons_row.addWidget(self.backup_now)
        buttons_row.addWidget(self.restore_button)
        buttons_row.addStretch(1)
        self.backup_status = QLabel(self.backup_box)
        self.backup_status.setWordWrap(True)
        backup_layout.addWidget(self.backups_label)
        backup_layout.addWidget(self.backups, 1)
        backup_layout.addLayout(buttons_row)
        backup_layout.addWidget(self.backup_status)
        layout.addWidget(self.backup_box, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.font_combo.activated.connect(self._appearance_changed)
        self.contrast.toggled.connect(self._appearance_changed)
        self.language_combo.activated.connect(self._language_changed)
        self.backup_now.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backups.currentRowChanged.connect(lambda _: self._update_buttons())

        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("中" * 34), metrics.height() * 24)
        self.retranslate()
        self.fill_backups()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("设置"))
        self.setAccessibleName(self.tr("设置"))
        self.look_box.setTitle(self.tr("显示"))
        self.font_label.setText(self.tr("字号(&F)："))
        self.font_combo.setAccessibleName(self.tr("字号"))
        self.font_combo.setAccessibleDescription(self.tr("界面文字大小，相对于系统字号"))
        self.contrast.setText(self.tr("高对比度(&C)"))
        self.contrast.setAccessibleName(self.tr("高对比度"))
        self.language_label.setText(self.tr("界面语言(&L)："))
        self.language_combo.setAccessibleName(self.tr("界面语言"))
        self.language_combo.setAccessibleDescription(
            self.tr("切换后立即生效；报表和命令行始终为中文")
        )
        self.backup_box.setTitle(self.tr("备份"))
        self.backups_label.setText(self.tr("已有备份(&K)（最新在前）："))
        self.backups.setAccessibleName(self.tr("已有备份"))
        self.backup_now.setText(self.tr("立即备份(&B)"))
        self.backup_now.setAccessibleName(self.tr("立即备份"))
        self.restore_button.setText(self.tr("从所选备份恢复(&R)…"))
        self.restore_button.setAccessibleName(self.tr("从所选备份恢复"))
        self.fill_backups()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- appearance and language ----------------------------------------------------------
    @Slot()
    def _appearance_changed(self) -> None:
        scale = int(self.font_combo.currentData())
        high = self.contrast.isChecked()
        self.context.settings.font_scale = scale
        self.context.settings.high_contrast = high
        if self.context.appearance is not None:
            self.context.appearance.apply(scale, high)

    @Slot()
    def _language_changed(self) -> None:
        language = str(self.language_combo.currentData())
        self.context.settings.language = language
        if self.context.translations is not None:
            self.context.translations.install(language)

    # ----- backups ------------------------------------------------------------------------------
    def _reasons(self) -> dict[str, str]:
        return {
            "manual": self.tr("手动"),
            "daily": self.tr("每日自动"),
            "before-migration": self.tr("升级前"),
            "before-restore": self.tr("恢复前"),
        }

    def fill_backups(self) -> None:
        self.backups.clear()
        reasons = self._reasons()
        for backup in list_backups(self.context.service.store.backup_dir):
            text = f"{backup.taken:%Y-%m-%d %H:%M:%S}  {reasons.get(backup.reason, backup.reason)}"
            entry = QListWidgetItem(text, self.backups)
            entry.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            entry.setToolTip(str(backup.path))
        if self.backups.count() == 0:
            empty = QListWidgetItem(self.tr("还没有备份"), self.backups)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.backups.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.backups.currentItem()
        self.restore_button.setEnabled(
            entry is not None and bool(entry.data(Qt.ItemDataRole.UserRole))
        )

    @Slot()
    def make_backup(self) -> None:
        self.backup_now.setEnabled(False)
        self.backup_status.setText(self.tr("正在备份…"))
        store_path = self.context.service.store.path
        backup_dir = self.context.service.store.backup_dir

        def work() -> Path:
            # A worker thread opens its own connections (take_backup does): none crosses threads.
            from models.backups import take_backup

            return take_backup(store_path, backup_dir, "manual")

        self.context.run_task(work, self._backup_done, self._backup_failed)

    def _backup_done(self, path: object) -> None:
        self.backup_now.setEnabled(True)
        self.backup_status.setText(self.tr("已备份到 %1").replace("%1", str(path)))
        self.fill_backups()

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_now.setEnabled(True)
        self.backup_status.setText(self.tr("备份失败：%1").replace("%1", str(error)))
        self.context.dialogs.error(self, self.tr("备份失败"), str(error))

    @Slot()
    def restore_selected(self) -> None:
        entry = self.backups.currentItem()
        if entry is None or not entry.data(Qt.ItemDataRole.UserRole):
            return
        path = Path(str(entry.data(Qt.ItemDataRole.UserRole)))
        if not self.context.dialogs.question(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用 %1 的备份替换当前数据？\n当前数据会先自动备份，恢复后可以再恢复回来。"
            ).replace("%1", entry.text()),
        ):
            return
        from app.cli import main as cli

        out, err = io.StringIO(), io.StringIO()
        code = cli(["--data-dir", str(self.context.data_dir), "restore", str(path)], out, err)
        if code != 0:
            self.context.dialogs.error(self, self.tr("恢复失败"), err.getvalue().strip())
            return
        log.info("restored from %s", path)
        self.backup_status.setText(err.getvalue().strip())
        self.fill_backups()
        self.restored.emit()

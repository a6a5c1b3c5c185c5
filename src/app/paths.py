"""Where Jindu keeps its data: `--data-dir`, `JINDU_DATA_DIR`, or the user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from models.errors import UsageError

APP_NAME = "Jindu"
ENV_DATA_DIR = "JINDU_DATA_DIR"
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smbfs",
    "smb3",
    "afs",
    "9p",
    "sshfs",
    "fuse.sshfs",
}


def default_data_dir() -> Path:
    # On Windows: %LOCALAPPDATA%\Jindu (per user, never roaming: SQLite wants a local disk).
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def _is_network_path(path: Path) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(text)[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]
        return False
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        mounted_here = len(parts) >= 3 and (
            text == parts[1] or text.startswith(parts[1].rstrip("/") + "/")
        )
        if mounted_here and len(parts[1]) > len(best):
            best, best_type = parts[1], parts[2]
    return best_type in NETWORK_FILESYSTEMS


def check_local(path: Path) -> None:
    """Refuse a data folder on a network share: SQLite's WAL is not safe there."""
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if _is_network_path(path) or _is_network_path(probe.resolve()):
        raise UsageError(
            f"数据文件夹「{path}」位于网络共享上：SQLite 数据库须放在本机磁盘，请选择本地文件夹。"
        )

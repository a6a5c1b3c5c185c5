"""Setting an office up and restoring a backup: the steps the CLI and the window share."""

from __future__ import annotations

from pathlib import Path

from app import keys
from app.office import Office, OfficeService, open_office
from models import backups
from models.districts import find_district
from models.errors import JinduError, UsageError
from models.plan import Plan


def setup_office(
    service: OfficeService,
    data_dir: Path,
    district: str,
    clerk: str,
    reviewer: str,
    head: str,
    phone: str,
    passphrase: str | None,
    plan: Plan | None = None,
) -> tuple[Office, keys.KeyInfo | None]:
    """Record the office, then give it its signing key if it has none.

    Everything that can be refused is checked before anything is written: the
    district, the passphrase, then the office fields inside `service.setup`.
    """
    find_district(district)
    need_key = not keys.has_identity(data_dir)
    if need_key:
        if passphrase is None:
            raise UsageError("需要签名密钥口令")
        keys.check_passphrase(passphrase)
    office = service.setup(district, clerk, reviewer, head, phone, plan)
    info = None
    if need_key:
        assert passphrase is not None
        info = keys.create_identity(
            data_dir, keys.office_name(office.district.name), office.district.code, passphrase
        )
        with service.store.change():
            service.store.audit("new", "key", office.district.code, None, info.fingerprint)
    return office, info


def restore_backup(
    service: OfficeService, data_dir: Path, backup: Path
) -> tuple[OfficeService, list[str]]:
    """Replace the database with a backup, after backing up the current one.

    The old service is closed; the returned service is open on the restored data.
    Signed packages kept in the archive are registered again, so that a restore
    never loses a signed return nor lets its revision number be reused.
    """
    backups.check_backup_file(backup)
    messages: list[str] = []
    safety = service.store.backup("before-restore")
    messages.append(f"已先备份当前数据：{safety}")
    db_path = service.store.path
    service.store.close()
    backups.restore_into(backup, db_path)
    restored = open_office(data_dir, auto_backup=False)
    with restored.store.change():
        restored.store.audit("restore", "database", str(backup), None, str(safety))
    from app.archive import reconcile_archive

    messages.extend(reconcile_archive(data_dir, restored))
    if restored.store.meta("mode") == "city":
        messages.extend(_reregister_received(data_dir))
    messages.append(f"已从 {backup} 恢复")
    return restored, messages


def _reregister_received(data_dir: Path) -> list[str]:
    """City: the returns received after the backup are on disk; register them again.

    Each is verified as on first receipt; one already in the restored database is a
    duplicate and changes nothing, so no received return is lost by a restore.
    """
    from app.city.office import open_city
    from app.city.receive import (
        ACCEPTED,
        REFUSED,
        collect_packages,
        import_packages,
        received_dir,
    )

    folder = received_dir(data_dir)
    if not folder.is_dir():
        return []
    city = open_city(data_dir, auto_backup=False)
    try:
        results = import_packages(city, collect_packages([folder]), workers=1)
    except JinduError as exc:
        return [f"已收到的上报包未能重新登记：{exc.message}"]
    finally:
        city.store.close()
    again = [r for r in results if r.outcome == ACCEPTED]
    refused = [r for r in results if r.outcome == REFUSED]
    messages = [
        f"已收到的上报包 {len(results)} 个：重新登记 {len(again)} 个（备份之后收到的），"
        f"{len(results) - len(again) - len(refused)} 个本已登记"
    ]
    messages += [f"未能重新登记 {r.path.name}：{'；'.join(r.reasons)}" for r in refused]
    return messages

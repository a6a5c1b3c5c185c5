"""The city office's data folder: mode "city", its name, its plan, its own signing key.

A city folder uses the same store as a district's (one SQLite file, audited
changes, backups) with `meta.mode = "city"`. Its key follows the districts' rules
(`app.keys`): ECDSA P-256, a 5-year certificate, PKCS#8 encrypted with the
passphrase; the certificate's district code is the municipality's, 500000.
A folder set up for a district is never turned into a city folder, nor back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import keys
from app.office import OfficeService, open_office, os_user
from models.audit import Actor
from models.districts import District, current_districts, district_by_code
from models.errors import InputError, JinduError, StateError
from models.periods import Period, parse_period
from models.plan import Plan
from models.store import Store

CITY_CODE = "500000"  # 重庆市, GB/T 2260: the code in the city certificate
MODE_CITY = "city"
MAX_NAME = 100


@dataclass(frozen=True)
class City:
    name: str
    plan_id: str
    data_dir: Path


class CityService:
    """One city office's data in one store. Plans are read through `OfficeService`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.plans = OfficeService(store)  # install_plan / plan(id) need no district
        name = store.meta("city.name")
        if name and store.meta("mode") == MODE_CITY:
            store.actor = Actor(name, os_user())

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    @property
    def is_city(self) -> bool:
        return self.store.meta("mode") == MODE_CITY and self.store.meta("city.name") is not None

    def city(self) -> City:
        if not self.is_city:
            if self.store.meta("office.district"):
                raise StateError(
                    "本数据文件夹属于区县单位，不是市残联的数据文件夹；"
                    "市残联请使用另一个数据文件夹（--data-dir）并运行 jindu city setup --name 名称。"
                )
            raise StateError(
                "本数据文件夹尚未设置为市残联（城市模式），请先运行 jindu city setup --name 名称。"
            )
        return City(
            name=self.store.meta("city.name", "") or "",
            plan_id=self.store.meta("plan", "") or "",
            data_dir=self.data_dir,
        )

    def setup(self, name: str, plan: Plan | None = None) -> City:
        """Make (or update) the city folder's settings; the key is made by `setup_city`."""
        text = name.strip()
        if not text:
            raise InputError("单位名称", name, "不能为空")
        if len(text) > MAX_NAME:
            raise InputError("单位名称", name[:20] + "…", f"过长（最多 {MAX_NAME} 字）")
        if self.store.meta("office.district"):
            self.city()  # raises: a district folder never becomes a city folder
        chosen = plan or (
            self.plan() if self.store.meta("plan") else OfficeService.latest_bundled_plan()
        )
        with self.store.change():
            self.store.set_meta("mode", MODE_CITY)
            self.store.set_meta("city.name", text)
            self.plans.install_plan(chosen, source="bundled" if plan is None else "file")
            self.store.set_meta("plan", chosen.id)
        self.store.actor = Actor(text, os_user())
        return self.city()

    # ----- plans and periods ---------------------------------------------------
    def plan(self, plan_id: str | None = None) -> Plan:
        return self.plans.plan(plan_id or self.store.meta("plan") or self.city().plan_id)

    def plan_versions(self, plan_id: str) -> set[int]:
        rows = self.store.db.execute("SELECT version FROM plans WHERE id = ?", [plan_id]).fetchall()
        return {int(r[0]) for r in rows}

    def parse_period(self, text: str, plan: Plan | None = None) -> Period:
        chosen = plan or self.plan()
        period = parse_period(text, chosen.frequency)
        if period.year != chosen.year:
            raise InputError(
                "报告期",
                text,
                f"当前计划《{chosen.title}》是 {chosen.year} 年的，报告期应在 {chosen.year} 年内",
            )
        return period

    def expected_districts(self, plan: Plan | None = None) -> list[District]:
        """The units expected to report: those valid at the plan year's end, plus any that reported."""
        chosen = plan or self.plan()
        found = {d.code: d for d in current_districts(date(chosen.year, 12, 31))}
        for (code,) in self.store.db.execute(
            "SELECT DISTINCT district FROM received WHERE plan = ?", [chosen.id]
        ):
            if code not in found:
                try:
                    found[code] = district_by_code(code)
                except JinduError:
                    continue
        return sorted(found.values(), key=lambda d: d.code)


def open_city(data_dir: Path, *, auto_backup: bool = True) -> CityService:
    """The composition root of a city folder (the store is the same kind as a district's)."""
    return CityService(open_office(data_dir, auto_backup=auto_backup).store)


def setup_city(
    service: CityService, name: str, passphrase: str | None, plan: Plan | None = None
) -> tuple[City, keys.KeyInfo | None]:
    """Set the city folder up; make its key when it has none (then `passphrase` is needed)."""
    need_key = not keys.has_identity(service.data_dir)
    if need_key:
        if passphrase is None:
            raise StateError("生成市残联签名密钥需要口令。")
        keys.check_passphrase(passphrase)  # refuse a short passphrase before writing anything
    city = service.setup(name, plan)
    info = None
    if need_key:
        assert passphrase is not None
        info = keys.create_identity(service.data_dir, city.name, CITY_CODE, passphrase)
        with service.store.change():
            service.store.audit("new", "key", CITY_CODE, None, info.fingerprint)
    return city, info

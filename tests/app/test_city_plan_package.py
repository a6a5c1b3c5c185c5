"""Plan packages: signed by the city, pinned and checked by each district, installed whole or not at all."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from app import keys
from app.city.office import open_city, setup_city
from app.city.plan_package import (
    CityKeyChanged,
    PlanPackageError,
    build_package,
    export_package,
    import_plan_package,
    pinned_city_cert,
    read_plan_package,
)
from app.fingerprints import group_fingerprint
from app.office import OfficeService, open_office
from models.errors import InputError, UsageError
from tests.app.helpers import db_fingerprint, jindu, setup_office
from tests.app.test_city_consolidate import PASSPHRASE, allocate

MEMBERS = ["plan.json", "allocations.json", "manifest.json", "manifest.sig", "signer.pem"]


@dataclass
class World:
    package: Path
    office: Path
    other_city_package: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    base = tmp_path_factory.mktemp("plan-package")
    packages = []
    for name in ("city", "other-city"):
        service = open_city(base / name, auto_backup=False)
        setup_city(service, "重庆市残疾人联合会", PASSPHRASE)
        allocate(service, "2.1.1", "500103", "600")
        allocate(service, "2.1.1", "500101", "700")
        allocate(service, "3.5.1", "500103", "1500" if name == "city" else "1")
        packages.append(export_package(service, base / name, PASSPHRASE))
        service.store.close()
    office = base / "office"
    assert setup_office(office, "500103").code == 0
    return World(packages[0], office, packages[1])


@pytest.fixture
def office(world: World, tmp_path: Path) -> Iterator[OfficeService]:
    import shutil

    folder = tmp_path / "office"
    shutil.copytree(world.office, folder)
    service = open_office(folder, auto_backup=False)
    yield service
    service.store.close()


def rezip(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of a zip with some members replaced (bytes), removed (None) or added."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            if info.filename in change:
                data = change[info.filename]
                if data is not None:
                    dst.writestr(info.filename, data)
            else:
                dst.writestr(info, src.read(info))
        for name, data in change.items():
            if name not in src.namelist() and data is not None:
                dst.writestr(name, data)
    return target


def test_the_package_has_exactly_the_appendix_members_and_verifies(world: World) -> None:
    assert world.package.name == "plan_cq-2018_v1.zip"
    with zipfile.ZipFile(world.package) as zf:
        assert zf.namelist() == MEMBERS
        manifest = json.loads(zf.read("manifest.json"))
        allocations = json.loads(zf.read("allocations.json"))
    assert manifest["format"] == "jindu-plan-package/1"
    assert (manifest["plan"], manifest["version"]) == ("cq-2018", 1)
    assert set(manifest["files"]) == {"plan.json", "allocations.json"}
    assert allocations["format"] == "jindu-allocations/1"
    assert allocations["allocations"]["2.1.1"] == {"500101": 700, "500103": 600}
    package = read_plan_package(world.package)
    assert package.allocations["3.5.1"] == {"500103": Decimal(1500)}
    assert keys.cert_district(package.signer) == "500000"


def test_the_first_import_pins_the_city_and_installs_the_allocations_locked(
    world: World, office: OfficeService
) -> None:
    from models.backups import list_backups

    messages = import_plan_package(office, world.package, office.store.path.parent)
    assert "首次导入" in messages[0] and "指纹" in messages[0]
    assert "before-import" in [b.reason for b in list_backups(office.store.backup_dir)]
    assert pinned_city_cert(office) is not None
    assert office.targets() == {
        "2.1.1": (Decimal(600), "allocated"),
        "3.5.1": (Decimal(1500), "allocated"),
    }
    from models.errors import StateError

    with pytest.raises(StateError):
        office.set_target("2.1.1", "1")
    again = import_plan_package(office, world.package, office.store.path.parent)
    assert not any("首次导入" in m for m in again)


def test_a_package_from_another_city_key_is_refused_after_the_pin(
    world: World, office: OfficeService
) -> None:
    import_plan_package(office, world.package, office.store.path.parent)
    before = db_fingerprint(office.store.path.parent)
    with pytest.raises(CityKeyChanged, match="本机登记的市残联证书") as refused:
        import_plan_package(office, world.other_city_package, office.store.path.parent)
    assert "--new-city-key" in str(refused.value)
    assert refused.value.pinned == pinned_city_cert(office)[0]  # type: ignore[index]
    assert db_fingerprint(office.store.path.parent) == before
    assert office.targets()["3.5.1"] == (Decimal(1500), "allocated")


def test_a_changed_city_key_is_accepted_only_with_its_fingerprint_checked_by_phone(
    world: World, office: OfficeService
) -> None:
    folder = office.store.path.parent
    import_plan_package(office, world.package, folder)
    old = pinned_city_cert(office)
    new = read_plan_package(world.other_city_package).fingerprint
    before = db_fingerprint(folder)
    # a fingerprint that is not the package's: refused, naming the option and the value
    with pytest.raises(InputError, match="--new-city-key") as wrong:
        import_plan_package(office, world.other_city_package, folder, new_city_key=old[0])  # type: ignore[index]
    assert group_fingerprint(new) in str(wrong.value)
    assert db_fingerprint(folder) == before
    # as read out on the phone: grouped, in lower case
    messages = import_plan_package(
        office, world.other_city_package, folder, new_city_key=group_fingerprint(new).lower()
    )
    assert "已更换市残联签名证书" in messages[0] and group_fingerprint(new) in messages[0]
    assert pinned_city_cert(office)[0] == new  # type: ignore[index]
    assert office.targets()["3.5.1"] == (Decimal(1), "allocated")
    retired = office.store.db.execute(
        "SELECT fingerprint FROM city_certs WHERE retired_at IS NOT NULL"
    ).fetchall()
    assert retired == [(old[0],)]  # type: ignore[index]
    actions = [r[0] for r in office.store.db.execute("SELECT action FROM audit")]
    assert "repin" in actions
    # the old key is now refused; going back to it needs the same deliberate step
    with pytest.raises(CityKeyChanged):
        import_plan_package(office, world.package, folder)
    import_plan_package(office, world.package, folder, new_city_key=old[0])  # type: ignore[index]
    assert pinned_city_cert(office)[0] == old[0]  # type: ignore[index]


def test_the_new_city_key_option_is_refused_where_nothing_changed(
    world: World, office: OfficeService
) -> None:
    folder = office.store.path.parent
    fingerprint = read_plan_package(world.package).fingerprint
    with pytest.raises(InputError, match="首次导入"):
        import_plan_package(office, world.package, folder, new_city_key=fingerprint)
    import_plan_package(office, world.package, folder)
    with pytest.raises(InputError, match="无需更换"):
        import_plan_package(office, world.package, folder, new_city_key=fingerprint)


def test_the_command_line_takes_the_new_city_key(world: World, office: OfficeService) -> None:
    folder = office.store.path.parent
    office.store.close()
    assert jindu(folder, "plan", "import", str(world.package)).code == 0
    refused = jindu(folder, "plan", "import", str(world.other_city_package))
    assert refused.code == 1 and "--new-city-key" in refused.err
    new = read_plan_package(world.other_city_package).fingerprint
    done = jindu(
        folder,
        "plan",
        "import",
        str(world.other_city_package),
        "--new-city-key",
        group_fingerprint(new),
    )
    assert done.code == 0 and "已更换市残联签名证书" in done.err


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"allocations.json": b'{"format": "jindu-allocations/1"}'}, "SHA-256 不符"),
        ({"manifest.json": b"{}"}, "签名无效"),
        ({"extra.txt": b"x"}, "多余的文件"),
        ({"signer.pem": None}, "缺少文件"),
    ],
)
def test_a_package_that_fails_verification_changes_nothing(
    world: World,
    office: OfficeService,
    tmp_path: Path,
    change: dict[str, bytes | None],
    expected: str,
) -> None:
    bad = rezip(world.package, tmp_path / world.package.name, change)
    before = db_fingerprint(office.store.path.parent)
    with pytest.raises(PlanPackageError, match=expected):
        import_plan_package(office, bad, office.store.path.parent)
    assert db_fingerprint(office.store.path.parent) == before
    assert office.targets() == {}


def test_a_package_signed_by_a_district_key_is_not_the_citys(
    world: World, office: OfficeService, tmp_path: Path
) -> None:
    data_dir = office.store.path.parent
    key = keys.load_private_key(data_dir, "correct horse 电池")
    data = build_package(
        office.plan(), {"2.1.1": {"500103": Decimal(1)}}, key, keys.load_certificate(data_dir)
    )
    path = tmp_path / "plan_cq-2018_v1.zip"
    path.write_bytes(data)
    with pytest.raises(PlanPackageError, match="不是市残联的"):
        import_plan_package(office, path, data_dir)


def test_allocations_must_be_valid_targets_of_indicators_that_apply(
    world: World, tmp_path: Path
) -> None:
    city = open_city(tmp_path / "city", auto_backup=False)
    try:
        setup_city(city, "重庆市残疾人联合会", PASSPHRASE)
        key = keys.load_private_key(city.data_dir, PASSPHRASE)
        cert = keys.load_certificate(city.data_dir)
        bad = {
            "9.9.9": {"500103": Decimal(1)},
            "2.1.1": {"500103": Decimal("1.5"), "509999": Decimal(1)},
            "4.3.7": {"500101": Decimal(3)},  # 万州区 is not one of the 13 districts of 渝西
        }
        path = tmp_path / "plan_cq-2018_v1.zip"
        path.write_bytes(build_package(city.plan(), bad, key, cert))
    finally:
        city.store.close()
    with pytest.raises(PlanPackageError) as caught:
        read_plan_package(path)
    joined = "；".join(caught.value.problems)
    for fragment in ("9.9.9", "「1.5」", "509999", "4.3.7 · 500101"):
        assert fragment in joined


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        read_plan_package(tmp_path / "none.zip")

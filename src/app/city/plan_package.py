"""Plan packages: the city signs the plan and its allocations; each district installs them.

`plan_{id}_v{version}.zip` (DESIGN.md appendix), flat, exactly:
`plan.json` (the catalogue), `allocations.json` (`{"format":
"jindu-allocations/1", "plan", "version", "allocations": {INDICATOR: {DISTRICT:
target}}}`), `manifest.json` (`{"format": "jindu-plan-package/1", "plan",
"version", "created", "signer", "files": {name: sha256}}`), `manifest.sig` (the
city key's signature over the bytes of `manifest.json`, as `app.signing.crypto`
makes it) and `signer.pem` (the city certificate).

On the district side (`jindu plan import`) everything is checked before anything
is written: the zip's names and sizes, the manifest signature and the hashes,
that the signer is the city (district code 500000) and — after the first import,
which pins the city certificate and shows its fingerprint — the pinned city
certificate; the catalogue is validated as any plan file; every allocation must
be a valid target of a district-level indicator that applies to that district.
Then, in one transaction: the pin, the plan, and this district's allocations as
its targets, locked (`OfficeService.set_allocated_targets`).
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography import x509

from app.city.allocation import allocatable, allocations
from app.city.office import CITY_CODE, CityService
from app.files import write_atomic
from app.fingerprints import bare_fingerprint, group_fingerprint
from app.keys import cert_district, fingerprint, load_certificate, load_private_key
from app.office import OfficeService, now_iso
from app.signing import crypto
from app.signing.package import manifest_problems, sha256_hex
from models.errors import InputError, JinduError, UsageError
from models.numbers import json_number, parse_value
from models.plan import MAX_FILE_BYTES, Plan, format_number, parse_plan

FORMAT = "jindu-plan-package/1"
ALLOCATIONS_FORMAT = "jindu-allocations/1"
PLAN_JSON = "plan.json"
ALLOCATIONS_JSON = "allocations.json"
MANIFEST = "manifest.json"
MANIFEST_SIG = "manifest.sig"
SIGNER_PEM = "signer.pem"
HASHED = (PLAN_JSON, ALLOCATIONS_JSON)
MEMBERS = (*HASHED, MANIFEST, MANIFEST_SIG, SIGNER_PEM)
# Per member, what a real one never exceeds; the whole file likewise.
LIMITS = {
    PLAN_JSON: MAX_FILE_BYTES,
    ALLOCATIONS_JSON: MAX_FILE_BYTES,
    MANIFEST: 64 * 1024,
    MANIFEST_SIG: 4 * 1024,
    SIGNER_PEM: crypto.MAX_CERT_BYTES,
}
MAX_PACKAGE_BYTES = 2 * MAX_FILE_BYTES + 256 * 1024


class PlanPackageError(JinduError):
    """A plan package that failed a check; nothing was changed."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"计划包「{path}」未通过验证，未作任何改动：" + "；".join(problems))


@dataclass(frozen=True)
class PlanPackage:
    """A verified plan package."""

    plan: Plan
    allocations: dict[str, dict[str, Decimal]]
    signer: x509.Certificate
    fingerprint: str
    created: str


def package_name(plan: Plan) -> str:
    return f"plan_{plan.id}_v{plan.version}.zip"


def _dumps(doc: Any) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


# ----- the city: export ------------------------------------------------------------------------


def build_package(
    plan: Plan,
    allocated: dict[str, dict[str, Decimal]],
    key: crypto.PrivateKey,
    cert: x509.Certificate,
    created: str | None = None,
) -> bytes:
    """The plan package as bytes, signed with the city key."""
    when = created or now_iso()
    files = {
        PLAN_JSON: _dumps(plan.to_json()),
        ALLOCATIONS_JSON: _dumps(
            {
                "format": ALLOCATIONS_FORMAT,
                "plan": plan.id,
                "version": plan.version,
                "allocations": {
                    ind: {code: json_number(v) for code, v in sorted(by.items())}
                    for ind, by in sorted(allocated.items())
                    if by
                },
            }
        ),
    }
    manifest = _dumps(
        {
            "format": FORMAT,
            "plan": plan.id,
            "version": plan.version,
            "created": when,
            "signer": fingerprint(cert),
            "files": {name: sha256_hex(files[name]) for name in HASHED},
        }
    )
    members = {
        **files,
        MANIFEST: manifest,
        MANIFEST_SIG: crypto.sign_bytes(key, manifest),
        SIGNER_PEM: crypto.cert_pem(cert),
    }
    try:
        stamp = datetime.fromisoformat(when)
    except ValueError:
        stamp = datetime.now()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in MEMBERS:
            info = zipfile.ZipInfo(
                name,
                date_time=(
                    stamp.year,
                    stamp.month,
                    stamp.day,
                    stamp.hour,
                    stamp.minute,
                    stamp.second,
                ),
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name])
    return buffer.getvalue()


def export_package(
    service: CityService, out: Path, passphrase: str, plan_id: str | None = None
) -> Path:
    """Write the signed plan package; `out` is a folder (the appendix's name is used) or a file."""
    city = service.city()
    plan = service.plan(plan_id)
    key = load_private_key(city.data_dir, passphrase)
    cert = load_certificate(city.data_dir)
    if cert_district(cert) != CITY_CODE:
        raise JinduError(
            f"本数据文件夹的签名证书不是市残联的（区县代码 {cert_district(cert)}），不能签发计划包。"
        )
    data = build_package(plan, allocations(service, plan.id), key, cert)
    target = out / package_name(plan) if out.is_dir() else out
    if not target.parent.is_dir():
        raise UsageError(f"输出文件夹「{target.parent}」不存在")
    write_atomic(target, data)
    with service.store.change():
        service.store.audit(
            "export",
            "plan_package",
            f"{plan.id}/v{plan.version}",
            None,
            {"file": str(target), "sha256": sha256_hex(data)},
        )
    return target


# ----- the district: verify and import ------------------------------------------------------------


def _read_members(path: Path) -> dict[str, bytes]:
    size = path.stat().st_size
    if size > MAX_PACKAGE_BYTES:
        raise PlanPackageError(path, [f"文件过大（{size} 字节）"])
    with path.open("rb") as fh:
        if fh.read(4) != b"PK\x03\x04":
            raise PlanPackageError(path, ["不是 zip 文件"])
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PlanPackageError(path, [f"不是有效的 zip 文件（{exc}）"]) from exc
    with zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        problems: list[str] = []
        if len(infos) > 2 * len(MEMBERS):
            raise PlanPackageError(path, [f"条目过多（{len(infos)} 个）"])
        if sorted(names) != sorted(MEMBERS):
            extra = sorted(set(names) - set(MEMBERS))
            missing = [n for n in MEMBERS if n not in names]
            if extra:
                problems.append(f"含有多余的文件：{'、'.join(extra)}")
            if missing:
                problems.append(f"缺少文件：{'、'.join(missing)}")
            if len(set(names)) != len(names):
                problems.append("文件名重复")
            problems.append(f"计划包只能包含 {'、'.join(MEMBERS)}")
        for info in infos:
            limit = LIMITS.get(info.filename, 0)
            if info.flag_bits & 0x1:
                problems.append(f"{info.filename}：已加密")
            if info.file_size > limit:
                problems.append(f"{info.filename}：解压后过大（{info.file_size} 字节）")
        if problems:
            raise PlanPackageError(path, problems)
        files: dict[str, bytes] = {}
        for info in infos:
            try:
                with zf.open(info) as member:
                    data = member.read(LIMITS[info.filename] + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise PlanPackageError(path, [f"{info.filename}：无法解压（{exc}）"]) from exc
            if len(data) != info.file_size:
                raise PlanPackageError(path, [f"{info.filename}：实际大小与目录记录不符"])
            files[info.filename] = data
    return files


def _json(path: Path, name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as exc:
        raise PlanPackageError(path, [f"{name} 不是有效的 UTF-8 JSON"]) from exc


def read_plan_package(path: Path) -> PlanPackage:
    """Verify a plan package completely; raises PlanPackageError (or UsageError: no such file)."""
    if not path.is_file():
        raise UsageError(f"计划包「{path}」不存在")
    files = _read_members(path)
    problems: list[str] = []
    try:
        cert = crypto.load_cert_bytes(files[SIGNER_PEM], SIGNER_PEM)
    except JinduError:
        raise PlanPackageError(path, ["signer.pem 不是有效的证书"]) from None
    fp = fingerprint(cert)
    if not crypto.verify_bytes(cert, files[MANIFEST], files[MANIFEST_SIG]):
        problems.append("manifest.json 的签名无效：清单被改动过，或不是由 signer.pem 的持有者签发")
    manifest = _json(path, MANIFEST, files[MANIFEST])
    if not isinstance(manifest, dict):
        raise PlanPackageError(path, ["manifest.json 不是 JSON 对象"])
    problems += manifest_problems(manifest, files, HASHED, FORMAT, fp)
    if cert_district(cert) != CITY_CODE:
        problems.append(
            f"签名证书不是市残联的（证书中的代码为「{cert_district(cert)}」，应为 {CITY_CODE}）"
        )
    if problems:
        raise PlanPackageError(path, problems)
    try:
        plan = parse_plan(_json(path, PLAN_JSON, files[PLAN_JSON]), f"{path.name}:{PLAN_JSON}")
    except JinduError as exc:
        raise PlanPackageError(path, [exc.message]) from exc
    if (manifest.get("plan"), manifest.get("version")) != (plan.id, plan.version):
        problems.append(
            f"清单中的计划「{manifest.get('plan')} 第 {manifest.get('version')} 版」与 plan.json"
            f"（{plan.id} 第 {plan.version} 版）不一致"
        )
    allocated = _allocations(
        path, plan, _json(path, ALLOCATIONS_JSON, files[ALLOCATIONS_JSON]), problems
    )
    if problems:
        raise PlanPackageError(path, problems)
    return PlanPackage(plan, allocated, cert, fp, str(manifest.get("created", "")))


def _allocations(
    path: Path, plan: Plan, doc: Any, problems: list[str]
) -> dict[str, dict[str, Decimal]]:
    from models.districts import district_by_code

    if not isinstance(doc, dict) or doc.get("format") != ALLOCATIONS_FORMAT:
        problems.append(f"allocations.json 的格式不是 {ALLOCATIONS_FORMAT}")
        return {}
    if (doc.get("plan"), doc.get("version")) != (plan.id, plan.version):
        problems.append("allocations.json 的计划编号或版本与 plan.json 不一致")
    raw = doc.get("allocations")
    if not isinstance(raw, dict):
        problems.append("allocations.json 中没有 allocations 对象")
        return {}
    allowed = {i.id: i for i in allocatable(plan)}
    found: dict[str, dict[str, Decimal]] = {}
    for ind_id, by_district in raw.items():
        ind = allowed.get(ind_id)
        if ind is None:
            problems.append(f"allocations.json：指标「{ind_id}」不是本计划可分解的区县指标")
            continue
        if not isinstance(by_district, dict):
            problems.append(f"allocations.json：指标 {ind_id} 的分解应为对象")
            continue
        for code, value in by_district.items():
            where = f"allocations.json：{ind_id} · {code}"
            try:
                district_by_code(code)
            except JinduError:
                problems.append(f"{where}：区县代码不在区划代码表中")
                continue
            if not ind.applies(code):
                problems.append(f"{where}：该指标不适用于此区县")
                continue
            if isinstance(value, bool) or not isinstance(value, int | Decimal):
                problems.append(f"{where}：「{value}」不是数字")
                continue
            try:
                number = parse_value(
                    format_number(Decimal(value)), ind.kind, where, ind.unit
                ).number
            except JinduError as exc:
                problems.append(exc.message)
                continue
            assert number is not None
            found.setdefault(ind_id, {})[code] = number
    return found


def pinned_city_cert(service: OfficeService) -> tuple[str, str] | None:
    """(fingerprint, subject) of the city certificate this district pinned, if any."""
    row = service.store.db.execute(
        "SELECT fingerprint, subject FROM city_certs WHERE retired_at IS NULL ORDER BY pinned_at DESC LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else None


class CityKeyChanged(PlanPackageError):
    """The package is signed by another city certificate than the pinned one."""

    def __init__(self, path: Path | str, pinned: str, offered: str) -> None:
        self.pinned = pinned
        self.offered = offered
        super().__init__(
            path,
            [
                f"签名证书（指纹 {group_fingerprint(offered)}）与本机登记的市残联证书"
                f"（指纹 {group_fingerprint(pinned)}）不同。请打电话向市残联核对新指纹；确认市残联确实"
                f"更换了密钥后，用 --new-city-key 加上核对过的新指纹再导入"
            ],
        )


def import_plan_package(
    service: OfficeService, path: Path, data_dir: Path, new_city_key: str | None = None
) -> list[str]:
    """Verify and install a city plan package at a district; the Chinese lines to show.

    `new_city_key`: the new city certificate's fingerprint, as checked by phone, when the
    city has changed its key; the old pin is retired and the new certificate pinned.
    Raises PlanPackageError (exit 1) and changes nothing when any check fails; a package
    signed by another certificate than the pinned one raises CityKeyChanged.
    """
    del data_dir  # everything lives in the store; kept for the command's signature
    office = service.office()
    package = read_plan_package(path)
    plan = package.plan
    code = office.district.code
    pinned = pinned_city_cert(service)
    repin = False
    if pinned is not None and pinned[0] != package.fingerprint:
        if new_city_key is None:
            raise CityKeyChanged(path, pinned[0], package.fingerprint)
        if bare_fingerprint(new_city_key) != bare_fingerprint(package.fingerprint):
            raise InputError(
                "--new-city-key",
                new_city_key,
                f"与计划包的签名证书指纹 {group_fingerprint(package.fingerprint)} 不符，未作任何改动",
            )
        repin = True
    elif new_city_key is not None:
        raise InputError(
            "--new-city-key",
            new_city_key,
            "计划包由本机已登记的市残联证书签发，无需更换"
            if pinned
            else "首次导入计划包时无需此项",
        )
    mine = {ind: by[code] for ind, by in package.allocations.items() if code in by}
    messages: list[str] = []
    current_plan = service.plan() if office.plan_id else None
    service.store.backup("before-import")
    with service.store.change() as db:
        if repin:
            assert pinned is not None
            db.execute("UPDATE city_certs SET retired_at = ? WHERE retired_at IS NULL", [now_iso()])
            service.store.audit(
                "repin", "city_cert", CITY_CODE,
                {"fingerprint": pinned[0]}, {"fingerprint": package.fingerprint},
            )  # fmt: skip
            messages.append(
                f"已更换市残联签名证书：旧指纹 {group_fingerprint(pinned[0])} 停用，"
                f"新指纹 {group_fingerprint(package.fingerprint)}。以后的计划包必须由新证书签发。"
            )
        if pinned is None or repin:
            db.execute(
                "INSERT INTO city_certs (fingerprint, cert, subject, pinned_at) VALUES (?, ?, ?, ?)"
                # a key the city used before and returns to is pinned again
                " ON CONFLICT(fingerprint) DO UPDATE SET retired_at = NULL,"
                " pinned_at = excluded.pinned_at",
                [
                    package.fingerprint,
                    crypto.cert_pem(package.signer).decode("ascii"),
                    package.signer.subject.rfc4514_string(),
                    now_iso(),
                ],
            )
        if pinned is None:
            service.store.audit(
                "pin", "city_cert", CITY_CODE, None, {"fingerprint": package.fingerprint}
            )
            messages.append(
                f"首次导入市残联计划包，已登记市残联签名证书，指纹：{group_fingerprint(package.fingerprint)}。"
                "请与市残联电话核对此指纹；以后的计划包必须由同一证书签发。"
            )
        service.install_plan(plan, source="package")
        stale = [
            r[0]
            for r in db.execute(
                "SELECT indicator FROM targets WHERE district = ? AND plan = ? AND source = 'allocated'",
                [code, plan.id],
            )
            if r[0] not in mine
        ]
        for ind_id in stale:
            db.execute(
                "DELETE FROM targets WHERE district = ? AND plan = ? AND indicator = ? AND source = 'allocated'",
                [code, plan.id, ind_id],
            )
            service.store.audit("unallocate", "target", f"{plan.id}/{ind_id}", "allocated", None)
        service.set_allocated_targets(plan.id, mine)
        service.store.audit(
            "import", "plan_package", f"{plan.id}/v{plan.version}", None,
            {"file": path.name, "signer": package.fingerprint, "targets": len(mine)},
        )  # fmt: skip
        if (
            current_plan is not None
            and current_plan.id != plan.id
            and plan.year > current_plan.year
        ):
            service.store.set_meta("plan", plan.id)
            messages.append(f"已切换到新年度的计划《{plan.title}》。")
    messages.append(f"已安装计划《{plan.title}》（{plan.id} 第 {plan.version} 版）。")
    if mine:
        messages.append(
            f"市残联下达本区县（{office.district.name}）全年目标 {len(mine)} 项，已锁定。"
        )
    else:
        messages.append(f"计划包中没有分解给本区县（{office.district.name}）的目标。")
    if current_plan is not None and current_plan.id != plan.id and plan.year <= current_plan.year:
        messages.append(
            f"当前使用的仍是计划 {current_plan.id}；如需切换，请运行 jindu plan use {plan.id}。"
        )
    return messages

"""`jindu city import`: receive the districts' signed packages.

Each package goes through three stages:

1. *examine* (no database): read the file once, verify a private copy of exactly
   those bytes with `app.signing.verify.verify_file` (manifest signature, hashes,
   the workbook rebuilt from its cells, identity across files), and read its
   manifest and `return.json`. This is the slow part; it can run in worker
   processes (`workers`), because it touches nothing but the file.
2. *decide* (database, read): the package must be from a district in the division
   list, signed by that district's registered certificate (a district with none
   is pinned on this first package), for the city's plan and a period of its year,
   with entries for that plan's indicators; a *different* package claiming a
   district, period and revision already held is refused; the very same bytes
   again are reported as already received, not as an error.
3. *record* (one transaction per package): the package row, its entries and items,
   which revision is current (a newer revision supersedes older ones; all are
   kept), the pin, and the audit record; the file is copied to
   `data_dir/received/`. A refusal is audited too (with its reasons and the file's
   SHA-256); a repeat changes nothing and is only logged.

A package that fails in any way is refused with its reasons and never stops or
spoils the others.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cryptography import x509

from app.city.office import CityService
from app.city.trust import current_cert, pin_district
from app.files import write_atomic
from app.fingerprints import group_fingerprint
from app.office import now_iso
from app.returns.progress import NoProgress, Progress
from app.signing import crypto
from app.signing.package import (
    MANIFEST,
    MAX_PACKAGE_BYTES,
    RETURN_JSON,
    SIGNER_PEM,
    PackageError,
    package_name,
    read_package,
)
from models.districts import district_by_code
from models.errors import JinduError, UsageError
from models.kinds import Kind, Status
from models.periods import Period
from models.plan import Plan

log = logging.getLogger(__name__)

RECEIVED_DIR = "received"
ACCEPTED, DUPLICATE, REFUSED = "accepted", "duplicate", "refused"
OUTCOME_LABELS = {ACCEPTED: "接收", DUPLICATE: "已接收", REFUSED: "拒收"}
# Worker processes pay for their start (and, on Windows, for re-importing): only worth it in bulk.
PARALLEL_FROM = 12
MAX_WORKERS = 4


@dataclass
class ImportResult:
    """What became of one file."""

    path: Path
    outcome: str
    district: str = ""
    period: str = ""
    revision: int | None = None
    reasons: list[str] = field(default_factory=list)  # why it was refused
    notes: list[str] = field(default_factory=list)  # pinned, superseded, …

    @property
    def refused(self) -> bool:
        return self.outcome == REFUSED

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def identity_label(self) -> str:
        if not self.district:
            return ""
        try:
            name = district_by_code(self.district).name
        except JinduError:
            name = self.district
        revision = f" 第{self.revision}版" if self.revision is not None else ""
        return f"{name}（{self.district}） {self.period}{revision}"


@dataclass
class Examined:
    """A package read and verified, before anything is decided: picklable."""

    path: Path
    data: bytes = b""
    sha256: str = ""
    problems: list[str] = field(default_factory=list)
    district: str = ""
    period: str = ""
    revision: int | None = None
    signer: str = ""
    signer_pem: bytes = b""
    manifest: dict[str, Any] = field(default_factory=dict)
    document: dict[str, Any] = field(default_factory=dict)


def received_dir(data_dir: Path) -> Path:
    return data_dir / RECEIVED_DIR


# ----- finding the files --------------------------------------------------------------------


def collect_packages(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the .zip files in the folders named (with their subfolders).

    A path that does not exist is a usage error: nothing is imported.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise UsageError(f"「{path}」不存在")
        if path.is_dir():
            members = sorted(
                (p for p in path.rglob("*") if p.suffix.lower() == ".zip" and p.is_file()),
                key=lambda p: str(p.relative_to(path)),
            )
        else:
            members = [path]
        for member in members:
            key = member.resolve()
            if key not in seen:
                seen.add(key)
                found.append(member)
    return found


# ----- stage 1: examine ------------------------------------------------------------------------


def examine(path: Path) -> Examined:
    """Read and verify one file; nothing is trusted yet and nothing is written."""
    from app.signing.verify import verify_file

    found = Examined(path)
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            found.problems.append(
                f"文件过大（{size} 字节，上限 {MAX_PACKAGE_BYTES} 字节），不是上报包"
            )
            return found
        data = path.read_bytes()
        found.data = data
        found.sha256 = hashlib.sha256(data).hexdigest()
        if data.startswith(b"%PDF-"):
            found.problems.append("这是 PDF 报表，不是上报包；请导入 .zip 上报包")
            return found
        if not data.startswith(b"PK\x03\x04"):
            found.problems.append("不是上报包（应为 zip 文件：{区县代码}_{报告期}_r{版次}.zip）")
            return found
        # Verify a private copy of exactly these bytes, under the same name (the name is checked).
        with tempfile.TemporaryDirectory(prefix="jindu-receive-") as tmp:
            copy = Path(tmp) / path.name
            copy.write_bytes(data)
            report = verify_file(copy)
            if report.kind != "package":
                found.problems.append(f"这是{report.kind_label}，不是上报包；请导入 .zip 上报包")
                return found
            found.problems.extend(report.problems)
            found.district, found.period, found.revision = (
                report.district,
                report.period,
                report.revision,
            )
            found.signer = report.signer or ""
            try:
                files = read_package(copy).files
            except PackageError:
                return found  # verify_file has said why
        found.signer_pem = files[SIGNER_PEM]
        found.manifest = _json_object(files[MANIFEST])
        found.document = _json_object(files[RETURN_JSON])
    except JinduError as exc:
        found.problems.append(exc.message)
    except OSError as exc:
        found.problems.append(f"无法读取文件：{exc.strerror or exc}")
    except Exception as exc:  # a hostile file must not stop the batch, whatever it breaks
        log.exception("unexpected failure verifying %s", path)
        found.problems.append(
            f"验证时出现内部错误（{type(exc).__name__}：{exc}），请将此上报包和日志交技术支持"
        )
    return found


def _json_object(data: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _examine_all(paths: Sequence[Path], workers: int) -> Generator[Examined, None, None]:
    """Examined packages in the order given; in worker processes when `workers` > 1.

    The caller stops between packages (a cancel) by closing the generator: queued
    work is then dropped and the worker processes end.
    """
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield examine(path)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_start_method())
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        futures = [pool.submit(examine, p) for p in paths]
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method() -> str:
    """fork where it is safe, spawn elsewhere.

    fork starts a worker in milliseconds with everything already imported, but only
    Linux has it, and it is unsafe once other threads run (the window's workers): a
    lock one of them holds at the fork stays held in the child. spawn starts a fresh
    interpreter that imports what it needs (about a second, on Windows always), and
    a frozen program must call `multiprocessing.freeze_support()` for it (see
    `default_workers`).
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def default_workers(count: int) -> int:
    """Processes for `count` packages: one unless there are many and several cores.

    A frozen program runs its own entry point in a spawned child unless it calls
    `multiprocessing.freeze_support()` first; until the entry point does, the frozen
    program verifies in one process.
    """
    if count < PARALLEL_FROM or getattr(sys, "frozen", False):
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


# ----- stages 2 and 3: decide and record -------------------------------------------------------


def import_packages(
    service: CityService,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[ImportResult]:
    """Import packages (files, as `collect_packages` lists them); one result per file."""
    service.city()
    plan = service.plan()
    tick = progress or NoProgress()
    tick.start(len(paths))
    results: list[ImportResult] = []
    pending: Generator[Examined, None, None] | None = None
    try:
        # Files already held byte for byte need no verification (a folder imported twice).
        held: dict[Path, ImportResult] = {}
        todo: list[Path] = []
        for path in paths:
            done = _held_copy(service, path)
            if done is not None:
                held[path] = done
            else:
                todo.append(path)
        if todo:  # something new may be written: keep the database as it was first
            service.store.backup("before-import")
        count = workers if workers is not None else default_workers(len(todo))
        pending = _examine_all(todo, count)
        for path in paths:
            if tick.cancelled:
                break
            tick.advance(f"正在导入 {path.name}")
            if path in held:
                results.append(held[path])
                continue
            results.append(_decide_and_record(service, plan, next(pending)))
    finally:
        if pending is not None:
            pending.close()  # a cancelled import: drops queued work, ends the worker processes
        tick.finish()
    return results


def _held_copy(service: CityService, path: Path) -> ImportResult | None:
    """The result for a file whose exact bytes were already accepted, else None."""
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            return None
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return _duplicate(service, path, sha)


def _duplicate(service: CityService, path: Path, sha: str) -> ImportResult | None:
    row = service.store.db.execute(
        "SELECT district, period, revision, received_at FROM received WHERE sha256 = ? LIMIT 1",
        [sha],
    ).fetchone()
    if row is None:
        return None
    district, period, revision, received_at = row
    # Nothing changes, so nothing is audited: importing a folder twice leaves the store as it was.
    log.info("%s is already held (sha256 %s)", path, sha)
    return ImportResult(
        path, DUPLICATE, district, period, revision,
        notes=[f"同一上报包已于 {received_at} 接收，本次未作改动"],
    )  # fmt: skip


def _refuse(service: CityService, found: Examined, reasons: list[str]) -> ImportResult:
    with service.store.change():
        service.store.audit(
            "refuse", "package", found.path.name, None, {"sha256": found.sha256, "reasons": reasons}
        )
    return ImportResult(found.path, REFUSED, found.district, found.period, found.revision, reasons)


def _decide_and_record(service: CityService, plan: Plan, found: Examined) -> ImportResult:
    try:
        if found.sha256:
            again = _duplicate(service, found.path, found.sha256)
            if again is not None:
                return again
        reasons = list(found.problems)
        decided = _decide(service, plan, found, reasons)
        if reasons or decided is None:
            return _refuse(service, found, reasons or ["无法读取上报包的内容"])
        return _record(service, plan, found, decided)
    except (JinduError, OSError, sqlite3.Error) as exc:
        message = exc.message if isinstance(exc, JinduError) else str(exc)
        log.warning("import of %s failed: %s", found.path, message)
        return _refuse(service, found, [f"导入失败：{message}"])
    except Exception as exc:  # a bug must not stop the other packages of the batch
        log.exception("unexpected failure importing %s", found.path)
        return _refuse(
            service,
            found,
            [f"内部错误（{type(exc).__name__}：{exc}），请将此上报包和日志交技术支持"],
        )


@dataclass
class _Decided:
    period: Period
    plan_version: int
    cert: x509.Certificate
    pin: bool
    entries: list[tuple[str, str, str, str]]
    items: list[tuple[str, str, str, str, str]]


def _decide(
    service: CityService, plan: Plan, found: Examined, reasons: list[str]
) -> _Decided | None:
    """Every check that needs the city's records; adds reasons, returns what to record."""
    if not found.manifest or not found.document or not found.signer_pem:
        return None
    district = found.district
    try:
        district_by_code(district)
    except JinduError:
        return None  # verification already gave the reason (not in the division list)
    try:
        cert = crypto.load_cert_bytes(found.signer_pem, SIGNER_PEM)
    except JinduError:
        return None
    pin = False
    registered = current_cert(service, district)
    if registered is None:
        pin = True
    elif registered.fingerprint != found.signer:
        reasons.append(
            f"签名证书（指纹 {group_fingerprint(found.signer)}）不是{registered.name}登记的证书"
            f"（指纹 {group_fingerprint(registered.fingerprint)}）；如该区县更换了密钥，"
            f"请核对指纹后用 jindu city trust {district} 证书文件 登记新证书，再重新导入"
        )
    plan_id = str(found.manifest.get("plan", ""))
    doc_plan = found.document.get("plan")
    version_text = str(doc_plan.get("version", "")) if isinstance(doc_plan, dict) else ""
    plan_version = int(version_text) if version_text.isdigit() else 0
    if plan_id != plan.id:
        reasons.append(
            f"属于计划「{plan_id}」，不是本机正在汇总的计划「{plan.id}」（{plan.title}）"
        )
        return None
    if plan_version not in service.plan_versions(plan.id):
        reasons.append(f"按计划 {plan.id} 第 {version_text or '?'} 版填报，本机没有该版本的计划")
    try:
        period = service.parse_period(found.period, plan)
    except JinduError as exc:
        reasons.append(f"报告期无效：{exc.message}")
        return None
    if found.revision is None or found.revision < 1:
        reasons.append("版次无效")
        return None
    other = service.store.db.execute(
        "SELECT sha256, received_at FROM received WHERE district = ? AND plan = ? AND period = ?"
        " AND revision = ?",
        [district, plan.id, period.id, found.revision],
    ).fetchone()
    if other is not None and other[0] != found.sha256:
        reasons.append(
            f"已于 {other[1]} 接收过{district_by_code(district).label}{period.label_zh}"
            f"第 {found.revision} 版的另一个上报包"
            f"（SHA-256 {other[0][:16]}…），内容不同，拒绝覆盖；如需更正，区县应签发新的版次"
        )
    entries = _entries(plan, district, found.document, reasons)
    items = _items(plan, found.document, reasons)
    return _Decided(period, plan_version, cert, pin, entries, items)


def _entries(
    plan: Plan, district: str, doc: dict[str, Any], reasons: list[str]
) -> list[tuple[str, str, str, str]]:
    found: list[tuple[str, str, str, str]] = []
    raw = doc.get("entries")
    if not isinstance(raw, list):
        reasons.append("return.json 中没有指标数据（entries）")
        return found
    for entry in raw:
        if not isinstance(entry, dict):
            reasons.append("return.json 的指标数据格式无效")
            continue
        ident = str(entry.get("indicator", ""))
        value, when, note = (str(entry.get(k, "")) for k in ("value", "date", "note"))
        try:
            indicator = plan.indicator(ident)
        except JinduError:
            reasons.append(f"指标 {ident} 不在计划 {plan.id} 中")
            continue
        if not indicator.applies(district):
            reasons.append(f"指标 {ident}（{indicator.name}）不由该区县填报")
            continue
        problem = _value_problem(indicator.kind, value, when)
        if problem:
            reasons.append(f"指标 {ident}（{indicator.name}）的数值「{value}」无效：{problem}")
            continue
        found.append((ident, value, when, note))
    return found


def _value_problem(kind: Kind, value: str, when: str) -> str | None:
    if value == "":
        return None
    if kind is Kind.MILESTONE:
        if value not in ("true", "false"):
            return "应为 true 或 false"
        if when:
            from datetime import date

            try:
                date.fromisoformat(when)
            except ValueError:
                return f"完成日期「{when}」不是有效日期"
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return "不是数字"
    if not number.is_finite() or number < 0:
        return "应为非负数"
    return None


def _items(
    plan: Plan, doc: dict[str, Any], reasons: list[str]
) -> list[tuple[str, str, str, str, str]]:
    found: list[tuple[str, str, str, str, str]] = []
    raw = doc.get("items")
    if not isinstance(raw, list):
        reasons.append("return.json 中没有工作任务（items）")
        return found
    statuses = {s.value for s in Status}
    for entry in raw:
        if not isinstance(entry, dict):
            reasons.append("return.json 的工作任务格式无效")
            continue
        ident = str(entry.get("item", ""))
        try:
            plan.item(ident)
        except JinduError:
            reasons.append(f"工作任务 {ident} 不在计划 {plan.id} 中")
            continue
        status = str(entry.get("status", ""))
        if status and status not in statuses:
            reasons.append(f"工作任务 {ident} 的状态「{status}」无效")
            continue
        progress, problems, next_steps = (
            str(entry.get(k, "")) for k in ("progress", "problems", "next")
        )
        found.append((ident, status, progress, problems, next_steps))
    return found


def _record(service: CityService, plan: Plan, found: Examined, d: _Decided) -> ImportResult:
    assert found.revision is not None
    district, period, revision = found.district, d.period.id, found.revision
    name = package_name(district, period, revision)
    target = received_dir(service.data_dir) / name
    relative = f"{RECEIVED_DIR}/{name}"
    doc = found.document
    office = doc.get("office") if isinstance(doc.get("office"), dict) else {}
    notes: list[str] = []
    write_atomic(target, found.data)
    try:
        with service.store.change() as db:
            if d.pin:
                pinned = pin_district(service, district, d.cert)
                notes.append(
                    f"首次接收{pinned.name}的上报包，已登记其签名证书，指纹 {pinned.fingerprint_grouped}；"
                    "请与区县电话核对此指纹（jindu city trust 可改为登记区县交来的证书）"
                )
            db.execute(
                "INSERT INTO received (district, plan, plan_version, period, revision, sha256, signer,"
                " signed_at, received_at, superseded, file, correction_reason, office)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                [
                    district, plan.id, d.plan_version, period, revision, found.sha256, found.signer,
                    str(doc.get("signed_at", "") or found.manifest.get("created", "")), now_iso(),
                    relative, str(doc.get("correction_reason", "")),
                    json.dumps(office, ensure_ascii=False, sort_keys=True),
                ],
            )  # fmt: skip
            key = (district, plan.id, period, revision)
            db.conn.executemany(
                "INSERT INTO received_entries (district, plan, period, revision, indicator, value, date, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(*key, *entry) for entry in d.entries],
            )
            db.conn.executemany(
                "INSERT INTO received_items (district, plan, period, revision, item, status, progress,"
                " problems, next) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*key, *item) for item in d.items],
            )
            latest = db.execute(
                "SELECT MAX(revision) FROM received WHERE district = ? AND plan = ? AND period = ?",
                [district, plan.id, period],
            ).fetchone()[0]
            db.execute(
                "UPDATE received SET superseded = (revision < ?) WHERE district = ? AND plan = ? AND period = ?",
                [latest, district, plan.id, period],
            )
            older = [
                r[0]
                for r in db.execute(
                    "SELECT revision FROM received WHERE district = ? AND plan = ? AND period = ?"
                    " AND revision < ? ORDER BY revision",
                    [district, plan.id, period, revision],
                )
            ]
            if latest > revision:
                notes.append(f"已有更新的第 {latest} 版，本版仅存档，不计入汇总")
            elif older:
                notes.append(f"取代第 {'、'.join(str(r) for r in older)} 版（旧版仍保留在存档中）")
            service.store.audit(
                "receive",
                "package",
                f"{plan.id}/{district}/{period}/r{revision}",
                None,
                {"sha256": found.sha256, "signer": found.signer, "file": relative},
            )
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return ImportResult(found.path, ACCEPTED, district, period, revision, notes=notes)

"""The office service: what a district office records, used by the CLI and the window.

Every write validates first, then changes the store and its audit log in one
transaction, so a refused value changes nothing.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from models.audit import Actor
from models.checks import Check, period_checks
from models.districts import District, district_by_code, find_district
from models.errors import InputError, NotFoundError, StateError, StoreError
from models.kinds import Kind, Level, Status
from models.numbers import Value, format_decimal, json_number, parse_number, parse_value
from models.period_data import IndicatorRow, ItemRow, PeriodData, computed_rate
from models.periods import Period, due_period, parse_period
from models.plan import Indicator, Plan, load_bundled_plans, parse_plan
from models.store import DB_NAME, Store, open_store

STATE_LABELS = {"draft": "草稿", "submitted": "已提交审核", "signed": "已签发"}
OFFICE_FIELDS = ("clerk", "reviewer", "head", "phone")
OFFICE_LABELS = {"clerk": "填表人", "reviewer": "审核人", "head": "单位负责人", "phone": "联系电话"}


# C0 control characters other than tab and newline cannot be written to an xlsx (XML 1.0)
# and are never typed on purpose: they arrive by pasting from other programs.
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)} | {0x7F}


def check_text(field: str, text: str, limit: int) -> None:
    """Refuse text that no return can carry: too long, or with control characters."""
    if len(text) > limit:
        raise InputError(field, text[:20] + "…", f"过长（最多 {limit} 字）")
    bad = next((ch for ch in text if ord(ch) in _CONTROL), None)
    if bad is not None:
        raise InputError(
            field, text[:20], f"含有不可见的控制字符（U+{ord(bad):04X}），请删除后重新输入"
        )


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no user name is set
        return "unknown"


@dataclass(frozen=True)
class Office:
    district: District
    clerk: str
    reviewer: str
    head: str
    phone: str
    plan_id: str
    mode: str = "district"


@dataclass(frozen=True)
class ReturnRecord:
    district: str
    plan: str
    period: str
    revision: int
    state: str
    reason: str = ""
    comment: str = ""
    signed_at: str | None = None
    signer: str | None = None
    package: str | None = None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def _value_to_row(value: Value) -> tuple[str | None, str | None]:
    if value.done is not None:
        return ("true" if value.done else "false", value.date.isoformat() if value.date else None)
    return (format_decimal(value.number) if value.number is not None else None, None)


def _row_to_value(kind: Kind, text: str | None, date_text: str | None) -> Value | None:
    from datetime import date

    if text is None:
        return None
    if kind is Kind.MILESTONE:
        return Value(done=text == "true", date=date.fromisoformat(date_text) if date_text else None)
    return Value(number=Decimal(text))


def value_json(value: Value | None) -> object:
    """A value as `entry list --json` prints it: number, true/false, or null."""
    if value is None:
        return None
    if value.done is not None:
        return value.done
    return json_number(value.number)


class OfficeService:
    """One office's data in one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._plans: dict[tuple[str, int], Plan] = {}

    # ----- office -------------------------------------------------------------
    @property
    def is_set_up(self) -> bool:
        return self.store.meta("office.district") is not None

    def office(self) -> Office:
        code = self.store.meta("office.district")
        if code is None:
            raise StateError("本机尚未设置单位，请先运行 jindu setup（或在窗口中完成首次设置）。")
        return Office(
            district=district_by_code(code),
            clerk=self.store.meta("office.clerk", "") or "",
            reviewer=self.store.meta("office.reviewer", "") or "",
            head=self.store.meta("office.head", "") or "",
            phone=self.store.meta("office.phone", "") or "",
            plan_id=self.store.meta("plan", "") or "",
            mode=self.store.meta("mode", "district") or "district",
        )

    def setup(
        self,
        district: str,
        clerk: str,
        reviewer: str,
        head: str,
        phone: str,
        plan: Plan | None = None,
    ) -> Office:
        found = find_district(district)
        if found.valid_to is not None:
            raise InputError(
                "区县", district, f"{found.name}（{found.code}）已撤销，请选择现行区划"
            )
        values = {"clerk": clerk, "reviewer": reviewer, "head": head, "phone": phone}
        for key, text in values.items():
            if not text.strip():
                raise InputError(OFFICE_LABELS[key], text, "不能为空")
            check_text(OFFICE_LABELS[key], text, 100)
        digits = phone.replace("-", "").replace(" ", "")
        if not digits.isdigit() or not 7 <= len(digits) <= 13:
            raise InputError("联系电话", phone, "应为 7 到 13 位数字，可含连字符")
        if self.is_set_up and self.office().district.code != found.code:
            raise StateError(
                f"本数据文件夹已属于{self.office().district.name}，不能改为{found.name}；"
                "请为另一单位使用另一个数据文件夹（--data-dir）。"
            )
        chosen = plan or self.latest_bundled_plan()
        with self.store.change():
            self.store.set_meta("mode", "district")
            self.store.set_meta("office.district", found.code)
            for key, text in values.items():
                self.store.set_meta(f"office.{key}", text.strip())
            self.install_plan(chosen, source="bundled" if plan is None else "file")
            self.store.set_meta("plan", chosen.id)
        self.store.actor = Actor(clerk.strip(), os_user())
        return self.office()

    def update_office(self, **fields: str) -> Office:
        with self.store.change():
            for key, text in fields.items():
                if key not in OFFICE_FIELDS:
                    raise InputError("字段", key, "不是单位信息字段")
                if not text.strip():
                    raise InputError(OFFICE_LABELS[key], text, "不能为空")
                check_text(OFFICE_LABELS[key], text, 100)
                self.store.set_meta(f"office.{key}", text.strip())
        return self.office()

    # ----- plans ---------------------------------------------------------------
    @staticmethod
    def latest_bundled_plan() -> Plan:
        plans = load_bundled_plans()
        if not plans:
            raise StateError("程序中没有附带任何工作要点计划文件（resources/plans）。")
        return max(plans, key=lambda p: (p.year, p.version))

    def install_plan(self, plan: Plan, source: str) -> None:
        with self.store.change() as db:
            catalogue = json.dumps(plan.to_json(), ensure_ascii=False, sort_keys=True)
            exists = db.execute(
                "SELECT catalogue FROM plans WHERE id = ? AND version = ?", [plan.id, plan.version]
            ).fetchone()
            if exists:
                if json.loads(exists[0]) != json.loads(catalogue):
                    # A version number names one content: silently keeping either copy would
                    # let two offices report against different plans under the same name.
                    raise InputError(
                        "计划",
                        f"{plan.id} 第 {plan.version} 版",
                        "本机已有同一版本号但内容不同的计划；修改过的计划须提高版本号后再发布",
                    )
                return
            db.execute(
                "INSERT INTO plans (id, version, title, year, catalogue, source, installed_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [plan.id, plan.version, plan.title, plan.year, catalogue, source, now_iso()],
            )
            self.store.audit("install", "plan", f"{plan.id}/v{plan.version}", None, source)

    def installed_plans(self) -> list[tuple[str, int, str, int]]:
        """(id, latest version, title, year) of every plan in the database."""
        rows = self.store.db.execute(
            "SELECT id, MAX(version), title, year FROM plans GROUP BY id ORDER BY year, id"
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def plan(self, plan_id: str | None = None) -> Plan:
        pid = plan_id or self.store.meta("plan") or self.office().plan_id
        row = self.store.db.execute(
            "SELECT version, catalogue FROM plans WHERE id = ? ORDER BY version DESC LIMIT 1", [pid]
        ).fetchone()
        if row is None:
            raise NotFoundError("计划", pid, "数据库中没有此计划")
        key = (pid, row[0])
        if key not in self._plans:
            self._plans[key] = parse_plan(json.loads(row[1]), f"数据库计划 {pid} v{row[0]}")
        return self._plans[key]

    def switch_plan(self, plan_id: str) -> Plan:
        plan = self.plan(plan_id)
        with self.store.change():
            self.store.set_meta("plan", plan.id)
        return plan

    def newer_bundled_plans(self) -> list[Plan]:
        """Bundled versions newer than those installed: offered, never applied silently."""
        installed = {pid: version for pid, version, _, _ in self.installed_plans()}
        return [
            p for p in load_bundled_plans() if p.id in installed and p.version > installed[p.id]
        ]

    # ----- periods -------------------------------------------------------------
    def parse_period(self, text: str) -> Period:
        plan = self.plan()
        period = parse_period(text, plan.frequency)
        if period.year != plan.year:
            raise InputError(
                "报告期",
                text,
                f"当前计划《{plan.title}》是 {plan.year} 年的，报告期应在 {plan.year} 年内",
            )
        return period

    def due_period(self, today: datetime | None = None) -> Period:
        plan = self.plan()
        day = (today or datetime.now()).date()
        return due_period(plan.year, plan.frequency, plan.due_days, day)

    # ----- targets -------------------------------------------------------------
    def _district_indicator(self, indicator_id: str) -> Indicator:
        plan = self.plan()
        indicator = plan.indicator(indicator_id)
        code = self.office().district.code
        if indicator.level is Level.CITY:
            raise InputError(
                "指标", indicator_id, f"「{indicator.name}」由市残联填报，区县无需填报"
            )
        if not indicator.applies(code):
            raise InputError(
                "指标", indicator_id, f"「{indicator.name}」不适用于{self.office().district.name}"
            )
        return indicator

    def targets(self) -> dict[str, tuple[Decimal, str]]:
        if not self.is_set_up:
            return {}  # before setup there is no district, hence no district targets
        office = self.office()
        rows = self.store.db.execute(
            "SELECT indicator, value, source FROM targets WHERE district = ? AND plan = ?",
            [office.district.code, office.plan_id],
        ).fetchall()
        return {r[0]: (Decimal(r[1]), r[2]) for r in rows}

    def set_target(self, indicator_id: str, text: str) -> Decimal:
        indicator = self._district_indicator(indicator_id)
        if indicator.computed:
            raise InputError("指标", indicator_id, "由两项计数计算得出，不需要单独目标")
        if indicator.kind is Kind.MILESTONE:
            raise InputError("指标", indicator_id, "是完成与否的事项，目标固定为完成")
        field = f"全年目标（{indicator.id} {indicator.name}）"
        parsed = parse_value(text, indicator.kind, field, indicator.unit).number
        assert parsed is not None
        office = self.office()
        current = self.targets().get(indicator.id)
        if current and current[1] == "allocated":
            raise StateError(
                f"{indicator.id} 的全年目标由市残联分解下达（{format_decimal(current[0])}），不能修改。"
            )
        new = format_decimal(parsed)
        with self.store.change() as db:
            db.execute(
                "INSERT INTO targets (district, plan, indicator, value, source, updated_at)"
                " VALUES (?, ?, ?, ?, 'entered', ?) ON CONFLICT (district, plan, indicator)"
                " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                [office.district.code, office.plan_id, indicator.id, new, now_iso()],
            )
            self.store.audit(
                "set",
                "target",
                f"{office.plan_id}/{indicator.id}",
                format_decimal(current[0]) if current else None,
                new,
            )
        return parsed

    def set_allocated_targets(self, plan_id: str, targets: dict[str, Decimal]) -> None:
        """Targets allocated by the city (plan package): they replace entered ones, locked."""
        code = self.office().district.code
        with self.store.change() as db:
            for indicator_id, value in targets.items():
                db.execute(
                    "INSERT INTO targets (district, plan, indicator, value, source, updated_at)"
                    " VALUES (?, ?, ?, ?, 'allocated', ?) ON CONFLICT (district, plan, indicator)"
                    " DO UPDATE SET value = excluded.value, source = 'allocated',"
                    " updated_at = excluded.updated_at",
                    [code, plan_id, indicator_id, format_decimal(value), now_iso()],
                )
                self.store.audit(
                    "allocate", "target", f"{plan_id}/{indicator_id}", None, format_decimal(value)
                )

    # ----- returns (state) -------------------------------------------------------
    def return_record(self, period: Period, revision: int | None = None) -> ReturnRecord:
        office = self.office()
        sql = (
            "SELECT district, plan, period, revision, state, reason, comment, signed_at, signer, package"
            " FROM returns WHERE district = ? AND plan = ? AND period = ?"
        )
        args: list[object] = [office.district.code, office.plan_id, period.id]
        if revision is not None:
            sql += " AND revision = ?"
            args.append(revision)
        row = self.store.db.execute(sql + " ORDER BY revision DESC LIMIT 1", args).fetchone()
        if row is None:
            if revision not in (None, 1):
                raise NotFoundError("版次", revision, f"{period.label_zh}没有第 {revision} 版")
            return ReturnRecord(office.district.code, office.plan_id, period.id, 1, "draft")
        return ReturnRecord(*row)

    def return_history(self, period: Period) -> list[ReturnRecord]:
        office = self.office()
        rows = self.store.db.execute(
            "SELECT district, plan, period, revision, state, reason, comment, signed_at, signer, package"
            " FROM returns WHERE district = ? AND plan = ? AND period = ? ORDER BY revision",
            [office.district.code, office.plan_id, period.id],
        ).fetchall()
        return [ReturnRecord(*r) for r in rows]

    def ensure_editable(self, period: Period) -> None:
        record = self.return_record(period)
        if record.state == "signed":
            raise StateError(
                f"{period.label_zh}的报表（第 {record.revision} 版）已签发并锁定，不能修改；"
                f"如需更正，请使用更正：jindu return correct --period {period.id} --reason 原因"
            )
        if record.state == "submitted":
            raise StateError(
                f"{period.label_zh}的报表已提交审核，审核人退回（jindu return send-back）后才能修改。"
            )

    # ----- entries ---------------------------------------------------------------
    def set_entry(
        self, period_text: str, indicator_id: str, text: str | None, note: str | None = None
    ) -> IndicatorRow:
        """Record the cumulative value (None or empty text clears it); returns the row."""
        period = self.parse_period(period_text)
        indicator = self._district_indicator(indicator_id)
        if indicator.computed and text:
            f = indicator.formula
            assert f is not None
            raise InputError(
                "指标",
                indicator_id,
                f"「{indicator.name}」由 {f.numerator} ÷ {f.denominator} 自动计算，不能直接填写",
            )
        field = f"本期累计（{indicator.id} {indicator.name}）"
        value = parse_value(text, indicator.kind, field, indicator.unit) if text else None
        return self._write_entry(period, indicator, (value,), note)

    def set_note(self, period_text: str, indicator_id: str, note: str) -> IndicatorRow:
        """Change only the indicator's note (备注), keeping its value."""
        period = self.parse_period(period_text)
        indicator = self._district_indicator(indicator_id)
        return self._write_entry(period, indicator, None, note)

    def _write_entry(
        self,
        period: Period,
        indicator: Indicator,
        value_change: tuple[Value | None] | None,
        note: str | None,
    ) -> IndicatorRow:
        if note is not None:
            check_text("备注", note, 2000)
        self.ensure_editable(period)
        office = self.office()
        key = [office.district.code, office.plan_id, indicator.id, period.id]
        with self.store.change() as db:
            old = db.execute(
                "SELECT value, date, note FROM entries WHERE district = ? AND plan = ?"
                " AND indicator = ? AND period = ?",
                key,
            ).fetchone()
            if value_change is None:
                new_value, new_date = (old[0], old[1]) if old else (None, None)
            else:
                new_value, new_date = (
                    _value_to_row(value_change[0]) if value_change[0] else (None, None)
                )
            new_note = note if note is not None else (old[2] if old else "")
            before = {"value": old[0], "date": old[1], "note": old[2]} if old else None
            after = {"value": new_value, "date": new_date, "note": new_note}
            if before != after:
                db.execute(
                    "INSERT INTO entries (district, plan, indicator, period, value, date, note,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (district, plan, indicator, period) DO UPDATE SET"
                    " value = excluded.value, date = excluded.date, note = excluded.note,"
                    " updated_at = excluded.updated_at",
                    [*key, new_value, new_date, new_note, now_iso()],
                )
                self.store.audit("set", "entry", "/".join(key[1:]), before, after)
        return self.period_data(period).by_indicator[indicator.id]

    def set_item(
        self,
        period_text: str,
        item_id: str,
        status: str | None = None,
        progress: str | None = None,
        problems: str | None = None,
        next_steps: str | None = None,
    ) -> ItemRow:
        """Set an item's status and narratives; a field left as None keeps its value."""
        period = self.parse_period(period_text)
        item = self.plan().item(item_id)
        parsed_status: Status | None = None
        if status:  # "" clears the status (undoing the first status given)
            parsed_status = parse_status(status)
        for label, text in (
            ("进展情况", progress),
            ("存在问题", problems),
            ("下步打算", next_steps),
        ):
            if text is not None:
                check_text(label, text, 5000)
        self.ensure_editable(period)
        office = self.office()
        key = [office.district.code, office.plan_id, item.id, period.id]
        with self.store.change() as db:
            old = db.execute(
                "SELECT status, progress, problems, next FROM item_reports WHERE district = ?"
                " AND plan = ? AND item = ? AND period = ?",
                key,
            ).fetchone()
            before = (
                dict(zip(("status", "progress", "problems", "next"), old, strict=True))
                if old
                else None
            )
            after = dict(before or {"status": None, "progress": "", "problems": "", "next": ""})
            if status is not None:
                after["status"] = parsed_status.value if parsed_status else None
            for name, text in (
                ("progress", progress),
                ("problems", problems),
                ("next", next_steps),
            ):
                if text is not None:
                    after[name] = text
            db.execute(
                "INSERT INTO item_reports (district, plan, item, period, status, progress, problems, next,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (district, plan, item, period) DO UPDATE SET status = excluded.status,"
                " progress = excluded.progress, problems = excluded.problems, next = excluded.next,"
                " updated_at = excluded.updated_at",
                [
                    *key,
                    after["status"],
                    after["progress"],
                    after["problems"],
                    after["next"],
                    now_iso(),
                ],
            )
            self.store.audit("set", "item", "/".join(key[1:]), before, after)
        return self.period_data(period).by_item[item.id]

    # ----- reading ---------------------------------------------------------------
    def period_data(self, period: Period, district: str | None = None) -> PeriodData:
        """The whole period for one office, with derived values: one query per table."""
        plan = self.plan()
        office = self.office()
        code = district or office.district.code
        db = self.store.db
        indicators = [i for i in plan.indicators() if i.applies(code)]
        year_periods = [p for p in _periods_up_to(period)]
        ids = [p.id for p in year_periods]
        marks = ",".join("?" * len(ids))
        raw: dict[tuple[str, str], tuple[str | None, str | None, str]] = {}
        for ind, per, value, date, note in db.execute(
            f"SELECT indicator, period, value, date, note FROM entries WHERE district = ? AND plan = ?"
            f" AND period IN ({marks})",
            [code, plan.id, *ids],
        ):
            raw[(ind, per)] = (value, date, note)
        targets = {
            r[0]: (Decimal(r[1]), r[2])
            for r in db.execute(
                "SELECT indicator, value, source FROM targets WHERE district = ? AND plan = ?",
                [code, plan.id],
            )
        }

        def value_at(ind: Indicator, per: Period) -> Value | None:
            got = raw.get((ind.id, per.id))
            return _row_to_value(ind.kind, got[0], got[1]) if got else None

        current_values: dict[str, Value] = {}
        for ind in indicators:
            v = value_at(ind, period)
            if v is not None:
                current_values[ind.id] = v
        rows: list[IndicatorRow] = []
        time_percent = period.time_percent
        for ind in indicators:
            if ind.computed:
                value = computed_rate(ind, current_values)
                previous = None
                for earlier in reversed(year_periods[:-1]):
                    prev_values = {
                        i.id: v for i in indicators if (v := value_at(i, earlier)) is not None
                    }
                    previous = computed_rate(ind, prev_values)
                    if previous is not None:
                        break
                note = raw.get((ind.id, period.id), (None, None, ""))[2]
            else:
                value = current_values.get(ind.id)
                note = raw.get((ind.id, period.id), (None, None, ""))[2]
                previous = None
                for earlier in reversed(year_periods[:-1]):
                    previous = value_at(ind, earlier)
                    if previous is not None and (
                        previous.number is not None or previous.done is not None
                    ):
                        break
                    previous = None
            if ind.kind is Kind.MILESTONE:
                target: tuple[Decimal, str] | None = (Decimal(1), "plan")
            elif ind.computed:
                target = (ind.target, "plan") if ind.target is not None else None
            else:
                target = targets.get(ind.id)
            rows.append(
                IndicatorRow(
                    indicator=ind,
                    value=value,
                    note=note,
                    previous=previous,
                    district_target=target[0] if target else None,
                    target_source=target[1] if target else None,
                    time_percent=time_percent,
                )
            )
        reports = {
            r[0]: r[1:]
            for r in db.execute(
                "SELECT item, status, progress, problems, next FROM item_reports WHERE district = ?"
                " AND plan = ? AND period = ?",
                [code, plan.id, period.id],
            )
        }
        items: list[ItemRow] = []
        for item in plan.items():
            rep = reports.get(item.id)
            if rep is None:
                items.append(ItemRow(item))
            else:
                items.append(
                    ItemRow(item, Status(rep[0]) if rep[0] else None, rep[1], rep[2], rep[3])
                )
        record = self.return_record(period) if district is None else None
        return PeriodData(
            plan=plan,
            district=code,
            district_name=district_by_code(code).name,
            period=period,
            revision=record.revision if record else 1,
            state=record.state if record else "draft",
            reason=record.reason if record else "",
            rows=rows,
            items=items,
        )

    def checks(self, period: Period) -> list[Check]:
        return period_checks(self.period_data(period))


def _periods_up_to(period: Period) -> list[Period]:
    """The periods of the same year up to and including `period`, oldest first."""
    found = [period]
    p = period
    while True:
        prev = p.previous()
        if prev.year != period.year:
            break
        found.append(prev)
        p = prev
    return list(reversed(found))


STATUS_INPUT = {
    "not_started": Status.NOT_STARTED,
    "未启动": Status.NOT_STARTED,
    "in_progress": Status.IN_PROGRESS,
    "推进中": Status.IN_PROGRESS,
    "done": Status.DONE,
    "已完成": Status.DONE,
    "完成": Status.DONE,
    "behind": Status.BEHIND,
    "滞后": Status.BEHIND,
}


def parse_status(text: str) -> Status:
    found = STATUS_INPUT.get(text.strip().lower()) or STATUS_INPUT.get(text.strip())
    if found is None:
        raise InputError(
            "状态",
            text,
            "应为 not_started（未启动）、in_progress（推进中）、done（已完成）或 behind（滞后）",
        )
    return found


def data_file(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def open_office(
    data_dir: Path, *, auto_backup: bool = True, check_beside: bool = False
) -> OfficeService:
    """The composition root for one data folder: the store and the office service on it.

    `check_beside`: the window's way, see `open_store`."""
    store = open_store(
        data_file(data_dir),
        Actor("(未设置)", os_user()),
        auto_backup=auto_backup,
        check_beside=check_beside,
    )
    service = OfficeService(store)
    try:
        if not service.installed_plans():
            # A new data folder carries the bundled plan from its first start, before setup.
            plan = service.latest_bundled_plan()
            with store.change():
                service.install_plan(plan, "bundled")
                store.set_meta("plan", plan.id)
        clerk = store.meta("office.clerk")
    except sqlite3.DatabaseError as exc:
        error = store.unreadable(exc)
        store.close()
        raise error from exc
    except StoreError:  # the first start could not write the plan (a full disk)
        store.close()
        raise
    if clerk:
        store.actor = Actor(clerk, os_user())
    return service


__all__ = [
    "Office",
    "OfficeService",
    "ReturnRecord",
    "data_file",
    "open_office",
    "parse_number",
    "parse_status",
    "value_json",
]

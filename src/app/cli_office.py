"""Office commands: setup, plan, target, entry, check, status, backup, restore, audit."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli import Context
from models.errors import InputError, UsageError
from models.numbers import json_number


def register(sub: Any) -> None:
    p = sub.add_parser(
        "setup", help="设置本单位（区县、填表人、审核人、负责人、电话）并生成签名密钥"
    )
    p.add_argument(
        "--district", required=True, metavar="CODE_OR_NAME", help="区县代码、名称或拼音首字母"
    )
    p.add_argument("--clerk", required=True, metavar="NAME", help="填表人")
    p.add_argument("--reviewer", required=True, metavar="NAME", help="审核人（统计负责人）")
    p.add_argument("--head", required=True, metavar="NAME", help="单位负责人")
    p.add_argument("--phone", required=True, metavar="TEL", help="联系电话")
    p.add_argument("--plan", metavar="FILE", help="计划文件（默认：程序附带的最新计划）")
    p.add_argument("--passphrase-file", metavar="FILE", help="签名密钥口令文件（否则在终端输入）")
    p.set_defaults(handler=cmd_setup)

    plan = sub.add_parser("plan", help="工作要点计划").add_subparsers(
        dest="plan_command", required=True, metavar="ACTION"
    )
    p = plan.add_parser("show", help="显示当前计划的部分、工作任务和指标")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=cmd_plan_show)
    p = plan.add_parser("import", help="导入市残联签发的计划包（分解目标随之锁定）")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--new-city-key",
        metavar="FINGERPRINT",
        help="市残联更换签名密钥后：电话核对过的新证书指纹（停用原登记的证书）",
    )
    p.set_defaults(handler=cmd_plan_import)
    p = plan.add_parser("list", help="列出数据库中的计划")
    p.set_defaults(handler=cmd_plan_list)
    p = plan.add_parser("use", help="切换到数据库中的另一个计划（年度）")
    p.add_argument("plan_id", metavar="PLAN")
    p.set_defaults(handler=cmd_plan_use)

    target = sub.add_parser("target", help="本区县全年目标").add_subparsers(
        dest="target_command", required=True, metavar="ACTION"
    )
    p = target.add_parser("set", help="录入市残联通知下达的本区县全年目标")
    p.add_argument("indicator", metavar="INDICATOR")
    p.add_argument("value", metavar="VALUE")
    p.set_defaults(handler=cmd_target_set)

    entry = sub.add_parser("entry", help="填报数据").add_subparsers(
        dest="entry_command", required=True, metavar="ACTION"
    )
    p = entry.add_parser("set", help="填写指标截至本期末的累计完成数")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("indicator", metavar="INDICATOR")
    p.add_argument("value", metavar="VALUE")
    p.add_argument("--note", metavar="TEXT", help="备注（说明）")
    p.set_defaults(handler=cmd_entry_set)
    p = entry.add_parser("status", help="填写工作任务的状态和进展情况、存在问题、下步打算")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("status", metavar="STATUS", help="not_started | in_progress | done | behind")
    p.add_argument("--progress", metavar="T", help="进展情况")
    p.add_argument("--problems", metavar="T", help="存在问题")
    p.add_argument("--next", metavar="T", help="下步打算")
    p.set_defaults(handler=cmd_entry_status)
    p = entry.add_parser("import", help="导入填写好的报表工作簿（Excel/WPS）")
    from app.cli_return_export import add_import_arguments, cmd_entry_import

    add_import_arguments(p)
    p.set_defaults(handler=cmd_entry_import)
    p = entry.add_parser("list", help="列出本期填报内容")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_entry_list)

    p = sub.add_parser("check", help="本期的审核检查")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("status", help="本单位和当前报告期的概况")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("backup", help="立即备份数据库")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("backups", help="列出备份")
    p.set_defaults(handler=cmd_backups)
    p = sub.add_parser("restore", help="从备份恢复（先自动备份当前数据）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_restore)

    audit = sub.add_parser("audit", help="审计日志").add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    p = audit.add_parser("verify", help="检查审计日志的哈希链是否完整")
    p.set_defaults(handler=cmd_audit_verify)
    p = audit.add_parser("log", help="显示最近的审计记录")
    p.add_argument("--limit", type=int, default=30)
    p.set_defaults(handler=cmd_audit_log)


def cmd_setup(ctx: Context) -> int:
    a = ctx.args
    from app import keys
    from app.office_setup import setup_office
    from models.districts import find_district
    from models.plan import load_plan

    find_district(a.district)  # refuse a bad district before asking for a passphrase
    plan = None
    if a.plan:
        path = Path(a.plan)
        if not path.is_file():
            raise UsageError(f"计划文件「{a.plan}」不存在")
        plan = load_plan(path)
    passphrase = ctx.passphrase(confirm=True) if not keys.has_identity(ctx.data_dir) else None
    office, info = setup_office(
        ctx.office(),
        ctx.data_dir,
        a.district,
        a.clerk,
        a.reviewer,
        a.head,
        a.phone,
        passphrase,
        plan,
    )
    if info is not None:
        ctx.warn(f"已生成签名密钥，证书指纹：{info.fingerprint_grouped}")
    ctx.warn(
        f"已设置：{office.district.name}（{office.district.code}），计划 {office.plan_id}，数据文件夹 {ctx.data_dir}"
    )
    return 0


def _plan_json(ctx: Context) -> dict[str, Any]:
    service = ctx.office()
    plan = service.plan()
    catalogue = plan.to_json()
    targets = service.targets()
    for section in catalogue["sections"]:
        for item in section["items"]:
            for ind in item["indicators"]:
                t = targets.get(ind["id"])
                ind["district_target"] = json_number(t[0] if t else None)
    sections = catalogue.pop("sections")
    return {"plan": catalogue, "sections": sections}


def cmd_plan_show(ctx: Context) -> int:
    from models.periods import period_type

    if ctx.args.json:
        ctx.print(json.dumps(_plan_json(ctx), ensure_ascii=False, indent=2))
        return 0
    service = ctx.office()
    plan = service.plan()
    targets = service.targets()
    ctx.print(
        f"{plan.title}（{plan.id} 第 {plan.version} 版，{plan.issuer}，{plan.issued.isoformat()}）"
    )
    ctx.print(f"填报频率：{period_type(plan.frequency).label_zh}，期末后 {plan.due_days} 天内报送")
    for section in plan.sections:
        ctx.print(f"\n{section.number}、{section.title}")
        for item in section.items:
            ctx.print(f"  {item.id} {item.number}{item.title}")
            for ind in item.indicators:
                mine = targets.get(ind.id)
                who = "市级" if ind.level.value == "city" else "区县"
                scope = "" if ind.applies_to == "all" else f"，限 {len(ind.applies_to)} 个区县"
                district_target = f"，本区县目标 {mine[0]}" if mine else ""
                ctx.print(
                    f"      {ind.id} {ind.name}：{ind.target_label} {ind.unit}（{who}{scope}{district_target}）"
                )
    return 0


def cmd_plan_import(ctx: Context) -> int:
    from app.city.plan_package import import_plan_package

    path = Path(ctx.args.file)
    if not path.exists():
        raise UsageError(f"计划包「{ctx.args.file}」不存在")
    for line in import_plan_package(
        ctx.office(), path, ctx.data_dir, new_city_key=ctx.args.new_city_key
    ):
        ctx.warn(line)
    return 0


def cmd_plan_list(ctx: Context) -> int:
    service = ctx.office()
    current = service.store.meta("plan") or ""
    for pid, version, title, year in service.installed_plans():
        mark = "*" if pid == current else " "
        ctx.print(f"{mark} {pid}\t第{version}版\t{year}\t{title}")
    for plan in service.newer_bundled_plans():
        ctx.warn(f"程序附带了 {plan.id} 的新版本（第 {plan.version} 版），尚未启用。")
    return 0


def cmd_plan_use(ctx: Context) -> int:
    plan = ctx.office().switch_plan(ctx.args.plan_id)
    ctx.warn(f"已切换到《{plan.title}》")
    return 0


def cmd_target_set(ctx: Context) -> int:
    value = ctx.office().set_target(ctx.args.indicator, ctx.args.value)
    from models.numbers import format_decimal

    ctx.warn(f"已设置 {ctx.args.indicator} 的全年目标：{format_decimal(value)}")
    return 0


def cmd_entry_set(ctx: Context) -> int:
    row = ctx.office().set_entry(
        ctx.args.period, ctx.args.indicator, ctx.args.value, note=ctx.args.note
    )
    from models.checks import indicator_checks

    for check in indicator_checks(row, ""):
        if check.code in ("value_decreased", "behind_schedule", "over_target"):
            ctx.warn(f"提醒：{check.message}（签发前须在备注或存在问题中说明）")
    return 0


def cmd_entry_status(ctx: Context) -> int:
    a = ctx.args
    ctx.office().set_item(a.period, a.item, a.status, a.progress, a.problems, a.next)
    return 0


def _fmt(value: object) -> str:
    from decimal import Decimal

    from models.numbers import format_decimal

    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    return str(value)


def cmd_entry_list(ctx: Context) -> int:
    from app.office import STATE_LABELS, value_json

    service = ctx.office()
    period = service.parse_period(ctx.args.period)
    data = service.period_data(period)
    if ctx.args.json:
        entries: list[dict[str, Any]] = []
        items: list[dict[str, Any]] = []
        doc = {
            "district": data.district,
            "plan": data.plan.id,
            "period": period.id,
            "revision": data.revision,
            "state": data.state,
            "entries": entries,
            "items": items,
        }
        for row in data.rows:
            entry: dict[str, Any] = {
                "indicator": row.indicator.id,
                "value": value_json(row.value),
                "note": row.note,
                "increment": json_number(row.increment),
                "percent": json_number(row.percent),
                "time_percent": json_number(row.time_percent),
            }
            if row.value is not None and row.value.done:
                entry["date"] = row.value.date.isoformat() if row.value.date else None
            entries.append(entry)
        for item in data.items:
            items.append(
                {
                    "item": item.item.id,
                    "status": item.status.value if item.status else None,
                    "progress": item.progress,
                    "problems": item.problems,
                    "next": item.next,
                }
            )
        ctx.print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    ctx.print(
        f"{data.district_name} {period.label_zh}（第 {data.revision} 版，{STATE_LABELS[data.state]}）"
    )
    ctx.print("指标\t名称\t单位\t全年目标\t本期累计\t本期新增\t完成率\t时间进度\t进度状态\t备注")
    for row in data.rows:
        value = ""
        if row.value is not None:
            value = (
                ("是" if row.value.done else "否")
                if row.value.done is not None
                else _fmt(row.value.number)
            )
        pct = f"{_fmt(row.percent)}%" if row.percent is not None else ""
        ctx.print(
            f"{row.indicator.id}\t{row.indicator.name}\t{row.indicator.unit}\t{_fmt(row.district_target)}\t"
            f"{value}\t{_fmt(row.increment)}\t{pct}\t{_fmt(row.time_percent)}%\t{row.progress_label}\t{row.note}"
        )
    ctx.print("\n工作任务\t状态\t进展情况")
    for item in data.items:
        status = item.status.label_zh if item.status else "（未填）"
        ctx.print(f"{item.item.id}\t{status}\t{item.progress[:40]}")
    return 0


def cmd_check(ctx: Context) -> int:
    service = ctx.office()
    period = service.parse_period(ctx.args.period)
    checks = service.checks(period)
    obstacles = [c for c in checks if c.stops_signing]
    if ctx.args.json:
        ctx.print(
            json.dumps(
                {
                    "period": period.id,
                    "signable": not obstacles,
                    "checks": [c.as_json() for c in checks],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for c in checks:
            done = "（已说明）" if c.explained else ""
            ctx.print(f"[{c.severity.label_zh}] {c.code}\t{c.message}{done}")
        ctx.warn(
            f"{period.label_zh}：共 {len(checks)} 项检查，{len(obstacles)} 项须处理后才能签发。"
            if obstacles
            else f"{period.label_zh}：可以签发。"
        )
    return 1 if obstacles else 0


def cmd_status(ctx: Context) -> int:
    from app import keys
    from app.office import STATE_LABELS

    service = ctx.office()
    office = service.office()
    plan = service.plan()
    period = service.due_period()
    data = service.period_data(period)
    checks = service.checks(period)
    filled = sum(1 for r in data.rows if r.has_value)
    items_done = sum(1 for i in data.items if i.status is not None and i.progress.strip())
    ctx.print(f"单位：{office.district.name}残疾人联合会（{office.district.code}）")
    ctx.print(
        f"填表人：{office.clerk}　审核人：{office.reviewer}　单位负责人：{office.head}　电话：{office.phone}"
    )
    ctx.print(f"计划：{plan.title}（{plan.id} 第 {plan.version} 版）")
    ctx.print(f"数据文件夹：{ctx.data_dir}")
    if keys.has_identity(ctx.data_dir):
        ctx.print(f"签名证书指纹：{keys.load_info(ctx.data_dir).fingerprint_grouped}")
    else:
        ctx.print("签名证书：尚未生成")
    due = period.due_date(plan.due_days)
    ctx.print(f"当前报告期：{period.label_zh}（{period.id}），报送截止 {due.isoformat()}")
    ctx.print(f"报表状态：第 {data.revision} 版，{STATE_LABELS[data.state]}")
    ctx.print(f"已填指标：{filled}/{len(data.rows)}　已填工作任务：{items_done}/{len(data.items)}")
    blocking = sum(1 for c in checks if c.stops_signing)
    ctx.print(f"检查：{len(checks)} 项，其中 {blocking} 项须处理后才能签发")
    return 0


def cmd_backup(ctx: Context) -> int:
    store = ctx.office(auto_backup=False).store
    ctx.print(str(store.backup("manual")))
    return 0


def cmd_backups(ctx: Context) -> int:
    from models.backups import list_backups
    from models.store import DB_NAME

    for b in list_backups(ctx.data_dir / "backups"):
        ctx.print(f"{b.path}\t{b.taken:%Y-%m-%d %H:%M:%S}\t{b.reason}")
    del DB_NAME
    return 0


def cmd_restore(ctx: Context) -> int:
    from app.office_setup import restore_backup

    path = Path(ctx.args.file)
    if not path.exists():
        raise UsageError(f"备份文件「{ctx.args.file}」不存在")
    from models import backups

    backups.check_backup_file(path)  # refuse before the office is even opened
    restored, messages = restore_backup(ctx.office(auto_backup=False), ctx.data_dir, path)
    ctx._office = restored
    for line in messages:
        ctx.warn(line)
    return 0


def cmd_audit_verify(ctx: Context) -> int:
    from models import audit

    store = ctx.office(auto_backup=False).store
    problems = audit.verify(store.db)
    count = store.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    if problems:
        for p in problems:
            ctx.warn(p)
        ctx.warn(f"审计日志共 {count} 条，发现 {len(problems)} 处问题。")
        return 1
    ctx.warn(f"审计日志完整：共 {count} 条记录，哈希链无断裂。")
    return 0


def cmd_audit_log(ctx: Context) -> int:
    from models import audit

    if ctx.args.limit <= 0:
        raise InputError("--limit", ctx.args.limit, "应为正整数")
    for r in audit.records(ctx.office(auto_backup=False).store.db, ctx.args.limit):
        ctx.print(
            f"{r['seq']}\t{r['at']}\t{r['actor']}（{r['os_user']}）\t{r['action']} {r['entity']} {r['key']}\t{r['old'] or ''} → {r['new'] or ''}"
        )
    return 0


del argparse

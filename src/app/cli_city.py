"""City commands (`jindu city …`): setup, trust, allocation, plan export/draft, import,
summary, completeness, report, export.

The district's `jindu plan import FILE` lives in the `plan` group
(`app.cli_office`); it calls `app.city.plan_package.import_plan_package`.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import Context
from models.errors import UsageError

if TYPE_CHECKING:
    from app.city.office import CityService


def register(sub: Any) -> None:
    city = sub.add_parser(
        "city", help="市残联（城市模式）：分解下达计划，接收、验证、汇总区县报表"
    ).add_subparsers(dest="city_command", required=True, metavar="ACTION")
    p = city.add_parser("setup", help="把本数据文件夹设为市残联，并生成市残联签名密钥")
    p.add_argument("--name", required=True, metavar="NAME", help="单位名称，如 重庆市残疾人联合会")
    p.add_argument("--passphrase-file", metavar="FILE", help="签名密钥口令文件（否则在终端输入）")
    p.add_argument("--plan", metavar="FILE", help="计划文件（默认：程序附带的最新计划）")
    p.set_defaults(handler=cmd_setup)

    p = city.add_parser("trust", help="登记（或更换）区县的签名证书，并显示其指纹")
    p.add_argument("district", metavar="DISTRICT", help="区县代码或名称")
    p.add_argument("cert", metavar="CERT", help="区县用 jindu key export-cert 导出的证书文件")
    p.set_defaults(handler=cmd_trust)

    p = city.add_parser("certs", help="列出已登记的区县证书")
    p.set_defaults(handler=cmd_certs)

    allocation = city.add_parser("allocation", help="任务分解表（各区县全年目标）").add_subparsers(
        dest="allocation_command", required=True, metavar="ACTION"
    )
    p = allocation.add_parser("export", help="导出任务分解表（Excel），供填写")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--plan", metavar="ID")
    p.set_defaults(handler=cmd_allocation_export)
    p = allocation.add_parser("import", help="导入填好的任务分解表（逐格检查，有错误则不导入）")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--plan", metavar="ID")
    p.set_defaults(handler=cmd_allocation_import)

    plan = city.add_parser("plan", help="计划：起草、签发计划包").add_subparsers(
        dest="city_plan_command", required=True, metavar="ACTION"
    )
    p = plan.add_parser("export", help="签发计划包（计划、报送频率、截止天数、分解目标）")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="输出文件，或文件夹（文件名为 plan_{id}_v{version}.zip）",
    )
    p.add_argument("--plan", metavar="ID")
    p.add_argument("--passphrase-file", metavar="FILE", help="签名密钥口令文件（否则在终端输入）")
    p.set_defaults(handler=cmd_plan_export)
    if importlib.util.find_spec("app.plan_draft") is not None:
        p = plan.add_parser("draft", help="从工作要点文本起草计划文件（JSON），供核对修改")
        p.add_argument("file", metavar="FILE")
        p.add_argument("--out", required=True, metavar="PLAN.json")
        p.add_argument("--id", dest="plan_id", metavar="ID", help="计划编号（默认由文本推断）")
        p.set_defaults(handler=cmd_plan_draft)

    p = city.add_parser("import", help="导入区县上报包（文件或文件夹），逐个验证")
    p.add_argument("paths", nargs="+", metavar="PACKAGE_OR_FOLDER")
    p.add_argument(
        "--workers", type=int, metavar="N", help="并行验证的进程数（默认按包数和处理器核数决定）"
    )
    p.set_defaults(handler=cmd_import)

    p = city.add_parser("summary", help="全市汇总：各指标全市合计与全市目标")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_summary)

    p = city.add_parser("completeness", help="报送情况：各区县按时、逾期、未报、未到期")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_completeness)

    p = city.add_parser("report", help="全市汇总报表（Excel 和 PDF）")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(handler=cmd_report)

    p = city.add_parser(
        "export", help="导出 DHIS2 dataValueSets JSON 或 IHE ADX XML（附 DHIS2 元数据）"
    )
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--format", required=True, choices=("dhis2-json", "adx"), dest="fmt")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export)


def _service(ctx: Context) -> CityService:
    from app.city.office import CityService

    return CityService(ctx.office().store)


def _city(ctx: Context) -> CityService:
    service = _service(ctx)
    service.city()  # refuses a folder that is not a city's
    return service


def _out_file(text: str) -> Path:
    out = Path(text)
    if out.is_dir():
        raise UsageError(f"「{out}」是文件夹，请给出文件名")
    if not out.parent.is_dir():
        raise UsageError(f"输出文件夹「{out.parent}」不存在")
    return out


def cmd_setup(ctx: Context) -> int:
    from app import keys
    from app.city.office import setup_city
    from models.plan import load_plan

    plan = None
    if ctx.args.plan:
        path = Path(ctx.args.plan)
        if not path.is_file():
            raise UsageError(f"计划文件「{ctx.args.plan}」不存在")
        plan = load_plan(path)
    service = _service(ctx)
    if service.store.meta("office.district"):
        service.city()  # refuses a district's folder before asking for a passphrase
    if not ctx.args.name.strip():
        from models.errors import InputError

        raise InputError("单位名称", ctx.args.name, "不能为空")
    passphrase = None if keys.has_identity(ctx.data_dir) else ctx.passphrase(confirm=True)
    city, info = setup_city(service, ctx.args.name, passphrase, plan)
    if info is not None:
        ctx.warn(f"已生成市残联签名密钥，证书指纹：{info.fingerprint_grouped}")
    ctx.warn(f"已设置市残联：{city.name}，计划 {city.plan_id}，数据文件夹 {ctx.data_dir}")
    return 0


def cmd_trust(ctx: Context) -> int:
    from app.city.trust import trust_district

    result = trust_district(_city(ctx), ctx.args.district, Path(ctx.args.cert))
    for line in result.warnings:
        ctx.warn(line)
    cert = result.cert
    ctx.print(f"{cert.name}（{cert.district}）\t{cert.fingerprint_grouped}")
    if result.unchanged:
        ctx.warn(f"{cert.name}的这张证书已经登记过，无变化。")
    elif result.replaced is not None:
        ctx.warn(
            f"已登记{cert.name}的新证书，取代原证书（指纹 {result.replaced.fingerprint_grouped}）；"
            "请确认已与区县电话核对新指纹。"
        )
    else:
        ctx.warn(f"已登记{cert.name}的证书。请与区县电话核对上面的指纹。")
    return 0


def cmd_certs(ctx: Context) -> int:
    from app.city.trust import registered_certs

    for cert in registered_certs(_city(ctx)):
        until = f"{cert.not_after:%Y-%m-%d}" if cert.not_after else ""
        ctx.print(
            f"{cert.district}\t{cert.name}\t{cert.fingerprint_grouped}\t{cert.source_label}\t{cert.added_at}\t有效期至 {until}"
        )
    return 0


def cmd_allocation_export(ctx: Context) -> int:
    from app.city.allocation import export_workbook

    ctx.print(str(export_workbook(_city(ctx), _out_file(ctx.args.out), ctx.args.plan)))
    return 0


def cmd_allocation_import(ctx: Context) -> int:
    from app.city.allocation import import_workbook

    result = import_workbook(_city(ctx), Path(ctx.args.file), ctx.args.plan)
    for line in result.warnings:
        ctx.warn(f"提醒：{line}")
    ctx.warn(
        f"已导入计划 {result.plan} 的任务分解表：{result.count} 个目标，其中 {result.changed} 处有变化。"
    )
    return 0


def cmd_plan_export(ctx: Context) -> int:
    from app import keys
    from app.city.plan_package import export_package

    service = _city(ctx)
    out = Path(ctx.args.out)
    if not out.is_dir() and not out.parent.is_dir():
        raise UsageError(f"输出文件夹「{out.parent}」不存在")
    if not keys.has_identity(ctx.data_dir):
        raise UsageError("市残联还没有签名密钥，请先运行 jindu city setup")
    service.plan(ctx.args.plan)  # an unknown plan is refused before the passphrase is asked for
    path = export_package(service, out, ctx.passphrase("市残联签名密钥口令"), ctx.args.plan)
    ctx.print(str(path))
    ctx.warn(f"计划包已签发，市残联证书指纹：{keys.load_info(ctx.data_dir).fingerprint_grouped}")
    return 0


def cmd_plan_draft(ctx: Context) -> int:
    from app.files import write_atomic
    from app.plan_draft import draft_file  # type: ignore[import-not-found,unused-ignore]

    source = Path(ctx.args.file)
    if not source.is_file():
        raise UsageError(f"文件「{source}」不存在")
    out = _out_file(ctx.args.out)
    doc = draft_file(source, plan_id=ctx.args.plan_id)
    write_atomic(out, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    ctx.print(str(out))
    return 0


def cmd_import(ctx: Context) -> int:
    from app.city.receive import collect_packages, import_packages

    if ctx.args.workers is not None and ctx.args.workers < 1:
        raise UsageError("--workers 应为正整数")
    service = _city(ctx)
    paths = collect_packages([Path(p) for p in ctx.args.paths])
    if not paths:
        raise UsageError("没有找到上报包（.zip 文件）")
    results = import_packages(service, paths, workers=ctx.args.workers)
    counts = {"accepted": 0, "duplicate": 0, "refused": 0}
    for result in results:
        counts[result.outcome] += 1
        ctx.print(f"{result.label}\t{result.path}\t{result.identity_label}")
        for reason in result.reasons:
            ctx.print(f"  原因：{reason}")
        for note in result.notes:
            ctx.print(f"  说明：{note}")
    ctx.warn(
        f"共 {len(results)} 个上报包：接收 {counts['accepted']} 个，此前已接收 {counts['duplicate']} 个，"
        f"拒收 {counts['refused']} 个。"
    )
    return 1 if counts["refused"] else 0


def cmd_summary(ctx: Context) -> int:
    from app.city.consolidate import summarize
    from app.city.report import total_text

    service = _city(ctx)
    summary = summarize(service, service.parse_period(ctx.args.period))
    if ctx.args.json:
        ctx.print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
        return 0
    period = summary.period
    ctx.print(f"{summary.plan.title} 全市汇总 {period.label_zh}（时间进度 {period.time_percent}%）")
    ctx.print(f"已报区县：{len(summary.reporting)}/{len(summary.districts)}")
    ctx.print("指标\t名称\t单位\t全市目标\t全市累计\t完成率\t已报/适用\t滞后区县")
    for s in summary.indicators:
        pct = f"{s.percent}%" if s.percent is not None else ""
        behind = "、".join(v.district.name for v in s.behind)
        ctx.print(
            f"{s.indicator.id}\t{s.indicator.name}\t{s.indicator.unit}\t{s.indicator.target_label}\t"
            f"{total_text(s)}\t{pct}\t{s.reported}/{s.expected}\t{behind}"
        )
    if summary.behind_items:
        ctx.print("\n滞后事项\t区县\t状态\t存在问题")
        for b in summary.behind_items:
            status = b.status.label_zh if b.status else ""
            ctx.print(f"{b.item.id} {b.item.title}\t{b.district.name}\t{status}\t{b.problems}")
    return 0


def cmd_completeness(ctx: Context) -> int:
    from app.city.consolidate import completeness

    service = _city(ctx)
    result = completeness(service, service.parse_period(ctx.args.period))
    if ctx.args.json:
        ctx.print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    due = result.period.due_date(result.plan.due_days)
    ctx.print(
        f"{result.period.label_zh} 报送情况（截止 {due.isoformat()}，截至 {result.today.isoformat()}）"
    )
    ctx.print("区划代码\t区县\t" + "\t".join(p.id for p in result.periods))
    for d in result.districts:
        cells = "\t".join(result.cell(d.code, p).label for p in result.periods)
        ctx.print(f"{d.code}\t{d.name}\t{cells}")
    counts = result.counts()
    ctx.warn(
        f"{result.period.id}：按时 {counts['on_time']}，逾期 {counts['late']}，未报 {counts['missing']}，"
        f"未到期 {counts['not_due']}。"
    )
    return 0


def cmd_report(ctx: Context) -> int:
    from app.city.report import build_report

    service = _city(ctx)
    period = service.parse_period(ctx.args.period)
    out = Path(ctx.args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"输出位置「{out}」不是文件夹")
    if not out.exists() and not out.parent.is_dir():
        raise UsageError(f"输出文件夹「{out}」的上级文件夹不存在")
    for path in build_report(service, period, out):
        ctx.print(str(path))
    return 0


def cmd_export(ctx: Context) -> int:
    from app.city.dhis2 import export

    service = _city(ctx)
    period = service.parse_period(ctx.args.period)
    for path in export(service, period, ctx.args.fmt, _out_file(ctx.args.out)):
        ctx.print(str(path))
    return 0

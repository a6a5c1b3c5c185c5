"""Review, signing and corrections (`jindu return submit|send-back|sign|correct`) and `jindu verify`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli import Context
from app.fingerprints import group_fingerprint
from models.errors import UsageError


def register_actions(actions: Any, root_sub: Any) -> None:
    p = actions.add_parser("submit", help="提交审核（草稿 → 已提交审核）")
    p.add_argument("--period", required=True, metavar="P")
    p.set_defaults(handler=cmd_submit)

    p = actions.add_parser("send-back", help="审核人退回修改（已提交审核 → 草稿）")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--comment", required=True, metavar="TEXT", help="退回意见")
    p.set_defaults(handler=cmd_send_back)

    p = actions.add_parser("sign", help="检查、签发并锁定本期报表，写出签名的 xlsx、PDF 和上报包")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    p.add_argument("--passphrase-file", metavar="FILE", help="签名密钥口令文件（否则在终端输入）")
    p.set_defaults(handler=cmd_sign)

    p = actions.add_parser("correct", help="更正已签发的报表：新开一版草稿")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--reason", required=True, metavar="TEXT", help="更正原因")
    p.set_defaults(handler=cmd_correct)

    p = root_sub.add_parser("verify", help="验证上报包、PDF 或 Excel 报表的签名和完整性")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--trust", metavar="CERT", help="只接受由此证书签发的文件")
    p.set_defaults(handler=cmd_verify)


def cmd_submit(ctx: Context) -> int:
    from app import return_flow

    service = ctx.office()
    period = service.parse_period(ctx.args.period)
    record = return_flow.submit(service, period)
    open_checks = return_flow.obstacles(service, period)
    ctx.warn(f"{period.label_zh}的报表第 {record.revision} 版已提交审核。")
    if open_checks:
        ctx.warn(
            f"提醒：还有 {len(open_checks)} 项检查须处理后才能签发（jindu check --period {period.id}）。"
        )
    return 0


def cmd_send_back(ctx: Context) -> int:
    from app import return_flow

    service = ctx.office()
    period = service.parse_period(ctx.args.period)
    record = return_flow.send_back(service, period, ctx.args.comment)
    ctx.warn(f"{period.label_zh}的报表第 {record.revision} 版已退回修改：{record.comment}")
    return 0


def cmd_sign(ctx: Context) -> int:
    from app import keys, return_flow

    service = ctx.office()
    period = service.parse_period(ctx.args.period)
    out = Path(ctx.args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"输出位置「{out}」不是文件夹")
    if not out.exists() and not out.parent.is_dir():
        raise UsageError(f"输出文件夹「{out}」的上级文件夹不存在")
    # Refuse before asking for the passphrase: no prompt for a return that cannot be signed.
    return_flow.ensure_signable(service, period)
    if not keys.has_identity(ctx.data_dir):
        raise UsageError("本单位还没有签名密钥，请先运行 jindu key new")
    passphrase = ctx.passphrase("签名密钥口令")
    paths = return_flow.sign(service, period, out, passphrase)
    for path in paths:
        ctx.print(str(path))
    record = service.return_record(period)
    ctx.warn(
        f"{period.label_zh}的报表第 {record.revision} 版已签发并锁定（{record.signed_at}）。"
        f"证书指纹：{keys.load_info(ctx.data_dir).fingerprint_grouped}"
    )
    return 0


def cmd_correct(ctx: Context) -> int:
    from app import return_flow

    service = ctx.office()
    period = service.parse_period(ctx.args.period)
    record = return_flow.correct(service, period, ctx.args.reason)
    ctx.warn(
        f"已开始{period.label_zh}报表的第 {record.revision} 版（更正：{record.reason}）；"
        f"第 {record.revision - 1} 版仍保存在存档中。修改后请重新签发。"
    )
    return 0


def cmd_verify(ctx: Context) -> int:
    from app.keys import fingerprint
    from app.signing.crypto import load_cert_file
    from app.signing.verify import verify_file

    paths = [Path(f) for f in ctx.args.files]
    for path in paths:
        if not path.exists():
            raise UsageError(f"文件「{path}」不存在")
        if path.is_dir():
            raise UsageError(f"「{path}」是文件夹，请指定文件")
    trust = None
    if ctx.args.trust:
        trust_path = Path(ctx.args.trust)
        if not trust_path.is_file():
            raise UsageError(f"证书文件「{ctx.args.trust}」不存在")
        trust = load_cert_file(trust_path)
    failed = 0
    for path in paths:
        report = verify_file(path, trust)
        ctx.print(f"{path}")
        ctx.print(f"  类型：{report.kind_label}")
        ctx.print(
            f"  签名人指纹：{group_fingerprint(report.signer) if report.signer else '（无法确定）'}"
        )
        ctx.print(f"  区县：{_district_label(report.district)}")
        ctx.print(f"  报告期：{report.period or '（无法确定）'}")
        ctx.print(f"  版次：{report.revision if report.revision is not None else '（无法确定）'}")
        if report.signed_at:
            ctx.print(f"  签发时间：{report.signed_at}")
        if report.ok:
            trusted = "，且由 --trust 指定的证书签发" if trust is not None else ""
            ctx.print(f"  结果：完好，签名有效{trusted}")
        else:
            failed += 1
            ctx.print(f"  结果：未通过（{len(report.problems)} 处问题）")
            for problem in report.problems:
                ctx.print(f"  问题：{problem}")
    if trust is not None:
        ctx.warn(f"信任的证书指纹：{group_fingerprint(fingerprint(trust))}")
    if failed:
        ctx.warn(f"共 {len(paths)} 个文件，{failed} 个未通过验证。")
        return 1
    ctx.warn(f"共 {len(paths)} 个文件，全部完好。")
    return 0


def _district_label(code: str) -> str:
    if not code:
        return "（无法确定）"
    from models.districts import district_by_code
    from models.errors import JinduError

    try:
        return f"{district_by_code(code).name}（{code}）"
    except JinduError:
        return f"{code}（不在区划代码表中）"

"""Key commands: show, export-cert, passwd, new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli import Context
from models.errors import UsageError


def register(sub: Any) -> None:
    key = sub.add_parser("key", help="本单位签名密钥和证书").add_subparsers(
        dest="key_command", required=True, metavar="ACTION"
    )
    p = key.add_parser("show", help="显示证书指纹和有效期")
    p.set_defaults(handler=cmd_show)
    p = key.add_parser("export-cert", help="导出证书（交市残联登记）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_export)
    p = key.add_parser("passwd", help="修改口令")
    p.add_argument("--passphrase-file", metavar="FILE", help="当前口令文件")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="新口令文件")
    p.set_defaults(handler=cmd_passwd)
    p = key.add_parser("new", help="生成新密钥（忘记口令或更换电脑后），须再交市残联登记")
    p.add_argument("--passphrase-file", metavar="FILE", help="新口令文件")
    p.set_defaults(handler=cmd_new)


def cmd_show(ctx: Context) -> int:
    from app import keys

    info = keys.load_info(ctx.data_dir)
    ctx.print(f"证书主体：{info.subject}")
    ctx.print(f"区县代码：{info.district}")
    ctx.print(f"指纹（SHA-256）：{info.fingerprint_grouped}")
    ctx.print(f"有效期：{info.not_before:%Y-%m-%d} 至 {info.not_after:%Y-%m-%d}")
    return 0


def cmd_export(ctx: Context) -> int:
    from app import keys
    from app.files import write_atomic

    info = keys.load_info(ctx.data_dir)
    target = Path(ctx.args.file)
    if not target.parent.exists():
        raise UsageError(f"文件夹「{target.parent}」不存在")
    write_atomic(target, info.cert_path.read_bytes())
    ctx.print(str(target))
    ctx.warn(f"证书指纹：{info.fingerprint_grouped}")
    return 0


def cmd_passwd(ctx: Context) -> int:
    from app import keys

    old = ctx.passphrase("当前口令")
    keys.load_private_key(
        ctx.data_dir, old
    )  # a wrong passphrase is refused before asking for the new one
    new = ctx.passphrase("新口令", confirm=True, option="new_passphrase_file")
    keys.change_passphrase(ctx.data_dir, old, new)
    ctx.warn("口令已修改。")
    return 0


def cmd_new(ctx: Context) -> int:
    from app import keys

    office = ctx.office().office()
    passphrase = ctx.passphrase("新密钥口令", confirm=True)
    info = keys.create_identity(
        ctx.data_dir,
        keys.office_name(office.district.name),
        office.district.code,
        passphrase,
        replace=True,
    )
    with ctx.office().store.change():
        ctx.office().store.audit("new", "key", office.district.code, None, info.fingerprint)
    ctx.warn(
        f"已生成新密钥，证书指纹：{info.fingerprint_grouped}。请导出证书（jindu key export-cert）交市残联重新登记。"
    )
    return 0

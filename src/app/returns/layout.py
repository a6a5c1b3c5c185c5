"""What a return shows and where: shared by the Excel builder, the PDF builder and the reader.

The workbook reader rebuilds the canonical return data (DESIGN.md appendix) from
the visible cells, so every conversion here comes in pairs — a value to its cell
or its text, and back — and each pair must be exact. The tests hold them to it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from math import ceil

from models.kinds import STATUS_LABELS, Kind, Status
from models.numbers import Value, format_decimal
from models.period_data import IndicatorRow, PeriodData
from models.plan import FORM_KEYS

MAIN_SHEET = "推进情况"
CHECK_SHEET = "审核检查"
DRAFT_MARK = "草稿（未签发）"
# Windows names the font 宋体 (SimSun); Excel, WPS and LibreOffice all find it by this name.
XLSX_FONT = "宋体"
TITLE_SUFFIX = "推进情况报表"

GROUP_INDICATORS = "量化指标完成情况"
GROUP_PROGRESS = "工作推进情况"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    group: str | None  # the merged top header cell; None: the label spans both rows
    width: float  # Excel column width (characters of the default font)
    pdf_width: float  # points
    mark: str  # 栏次: 甲乙丙… for text columns, 1 2 3… for numbers, as on statistical forms
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", "序号", None, 7, 28, "甲"),
    Column("task", "工作任务", None, 22, 84, "乙"),
    Column("status", "状态", None, 7.5, 30, "丙"),
    Column("indicator", "指标", GROUP_INDICATORS, 22, 84, "丁"),
    Column("unit", "单位", GROUP_INDICATORS, 5.5, 24, "戊"),
    Column("target", "全年目标", GROUP_INDICATORS, 9, 40, "1", numeric=True),
    Column("value", "本期累计完成", GROUP_INDICATORS, 11, 50, "2", numeric=True),
    Column("increment", "本期新增", GROUP_INDICATORS, 9, 38, "3", numeric=True),
    Column("percent", "完成率", GROUP_INDICATORS, 8, 33, "4", numeric=True),
    Column("time", "时间进度", GROUP_INDICATORS, 8, 37, "5", numeric=True),
    Column("progress", "进展情况", GROUP_PROGRESS, 34, 106, "己"),
    Column("problems", "存在问题", GROUP_PROGRESS, 22, 74, "庚"),
    Column("next", "下步打算", GROUP_PROGRESS, 22, 74, "辛"),
    Column("note", "备注", None, 14, 52, "壬"),
)
COLUMN_INDEX: dict[str, int] = {c.key: i + 1 for i, c in enumerate(COLUMNS)}  # 1-based
COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
LAST_COLUMN = len(COLUMNS)

# Cells a clerk fills in the template; everything else is computed and not read on import.
ITEM_INPUTS = ("status", "progress", "problems", "next")
INDICATOR_INPUTS = ("value", "note")

# Labelled fields above and below the table: key → label. A field is one cell,
# "label：value", so that the reader finds it wherever a re-save or a merge put it.
HEADER_LABELS: dict[str, str] = {
    "district_name": "填报单位",
    "district": "区划代码",
    "period_end": "报告期",
    "revision": "版次",
    "plan_title": "计划",
    "plan": "计划编号",
    "plan_version": "计划版本",
    "period": "报告期代码",
    "correction_reason": "更正说明",
}
SIGN_LABELS: dict[str, str] = {
    "head": "单位负责人",
    "reviewer": "统计负责人（审核人）",
    "clerk": "填表人",
    "phone": "联系电话",
    "signed_at": "报出日期",
}
LABEL_TEXT: dict[str, str] = {**HEADER_LABELS, **SIGN_LABELS}
LABEL_KEYS: dict[str, str] = {v: k for k, v in LABEL_TEXT.items()}
SEAL_LABEL = "单位（盖章）"

STATUS_BY_LABEL: dict[str, Status] = {label: status for status, label in STATUS_LABELS.items()}

_ID = re.compile(r"[0-9]+(?:\.[0-9]+)+")
_REVISION = re.compile(r"第\s*([0-9]+)\s*版")
_ISO_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}:[0-9]{2}:[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})"
)
_SHOWN_TIME = re.compile(
    r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日 ([0-9]{2}:[0-9]{2}:[0-9]{2})（UTC([+-][0-9]{2}:[0-9]{2})?）"
)
_MILESTONE_DONE = "已完成"
_MILESTONE_NOT_DONE = "未完成"
_MILESTONE_DATED = re.compile(r"已完成（([0-9]{4}-[0-9]{2}-[0-9]{2})）")
# Excel keeps 15 significant digits of a number; beyond that a value is written as text.
_EXCEL_DIGITS = 15


# ----- ids ---------------------------------------------------------------------------


def is_row_id(text: str) -> bool:
    """An item ("2.1") or indicator ("2.1.1") id in the 序号 column."""
    return bool(_ID.fullmatch(text))


def is_indicator_id(text: str) -> bool:
    return is_row_id(text) and text.count(".") >= 2


def id_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for dotted ids, numerically by part: "2.9" before "2.10"."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in text.split("."))


# ----- titles and labels ----------------------------------------------------------------


def return_title(data: PeriodData) -> str:
    return f"{data.plan.title}{TITLE_SUFFIX}"


def period_heading(data: PeriodData) -> str:
    return f"（{data.period.label_zh}）"


def revision_text(revision: int) -> str:
    return f"第{revision}版"


def parse_revision(text: str) -> int | None:
    found = _REVISION.fullmatch(text.strip())
    return int(found.group(1)) if found else None


def form_markings(data: PeriodData) -> list[tuple[str, str]]:
    """The statistical form's markings, top right, in the order forms print them."""
    return [(key, data.plan.form[key]) for key in FORM_KEYS if data.plan.form.get(key)]


def spaced_label(key: str) -> str:
    """表号 is printed 表　　号 so that the markings line up, as on printed forms."""
    return "　　".join(key) if len(key) == 2 else key


# 报出日期 of a draft: blank spaces to write the date by hand on the printout.
BLANK_DATE = "　　年　　月　　日"


def signed_at_text(signed_at: str) -> str:
    """报出日期 as a person reads it; `signed_at_from_text` gives the exact string back."""
    if not signed_at:
        return BLANK_DATE
    found = _ISO_TIME.fullmatch(signed_at)
    if not found:
        return signed_at
    year, month, day, clock, zone = found.groups()
    offset = "" if zone == "Z" else zone
    return f"{year}年{int(month)}月{int(day)}日 {clock}（UTC{offset}）"


def signed_at_from_text(text: str) -> str:
    if text.strip() in ("", BLANK_DATE.strip()):
        return ""
    found = _SHOWN_TIME.fullmatch(text)
    if not found:
        return text
    year, month, day, clock, offset = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}T{clock}{offset or 'Z'}"


def labelled(key: str, value: str) -> str:
    """A labelled field in one cell: "填表人：张三". The reader splits it at the label."""
    return f"{LABEL_TEXT[key]}：{value}"


def split_labelled(text: str) -> tuple[str, str] | None:
    """(key, value) of a labelled cell; None for any other text."""
    label, sep, value = text.partition("：")
    if not sep or label not in LABEL_KEYS:
        return None
    return (LABEL_KEYS[label], value)


# ----- values -----------------------------------------------------------------------------


def milestone_text(value: Value | None) -> str:
    if value is None or value.done is None:
        return ""
    if not value.done:
        return _MILESTONE_NOT_DONE
    return f"{_MILESTONE_DONE}（{value.date.isoformat()}）" if value.date else _MILESTONE_DONE


def milestone_from_text(text: str) -> tuple[str, str] | None:
    """(canonical value, date) for a milestone cell as we write it; None for other text."""
    if text == _MILESTONE_NOT_DONE:
        return ("false", "")
    if text == _MILESTONE_DONE:
        return ("true", "")
    found = _MILESTONE_DATED.fullmatch(text)
    if found:
        return ("true", found.group(1))
    return None


def milestone_input(text: str) -> str:
    """A milestone cell as typed input: our own display forms become what parse_value reads."""
    parsed = milestone_from_text(text.strip())
    if parsed is None:
        return text
    value, when = parsed
    if value == "false":
        return "否"
    return when or "是"


def canonical_value(kind: Kind, value: Value | None) -> tuple[str, str]:
    """(value, date) strings of the canonical return data for one indicator."""
    if value is None:
        return ("", "")
    if kind is Kind.MILESTONE or value.done is not None:
        if value.done is None:
            return ("", "")
        return (
            "true" if value.done else "false",
            value.date.isoformat() if value.done and value.date else "",
        )
    return (format_decimal(value.number) if value.number is not None else "", "")


def value_text(row: IndicatorRow) -> str:
    """本期累计完成 as printed."""
    if row.indicator.kind is Kind.MILESTONE:
        return milestone_text(row.value)
    if row.value is None or row.value.number is None:
        return ""
    return format_decimal(row.value.number)


def number_cell(number: Decimal) -> int | float | str:
    """A number for a cell: int or float when Excel keeps it exactly, else its text."""
    if number == number.to_integral_value() and abs(number) < 10**_EXCEL_DIGITS:
        return int(number)
    as_float = float(number)
    if (
        Decimal(repr(as_float)) == number
        and len(number.normalize().as_tuple().digits) <= _EXCEL_DIGITS
    ):
        return as_float
    return format_decimal(number)


def number_format(number: Decimal | None, kind: Kind) -> str:
    """Thousands separators and exactly as many decimals as the value has."""
    if number is None:
        return "#,##0" if kind is Kind.COUNT else "#,##0.00"
    exponent = number.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


PERCENT_FORMAT = "0.0%"


def cell_text(value: object) -> str:
    """A cell's value as text, the way the canonical data spells it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_decimal(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def canonical_value_from_cell(value: object) -> tuple[str, str]:
    """(value, date) rebuilt from a 本期累计完成 cell."""
    if isinstance(value, str):
        # Text is either a milestone as we write it, or a number too long for Excel,
        # written as its own canonical spelling: both come back exactly.
        return milestone_from_text(value) or (value, "")
    return (cell_text(value), "")


def status_text(status: Status | None) -> str:
    return status.label_zh if status else ""


def status_from_text(text: str) -> str:
    """The status code of a 状态 cell; other text comes back unchanged (it will not verify)."""
    found = STATUS_BY_LABEL.get(text)
    return found.value if found else text


# ----- sizes --------------------------------------------------------------------------------


# A Chinese character of 10-point 宋体 is 13 px wide, a digit of the default font 7 px:
# Excel's column width counts digits.
WIDE_CHAR = 1.9


def text_width(text: str) -> float:
    """Width in digits of the default font: a Chinese (full-width) character takes 1.9."""
    return sum(WIDE_CHAR if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def line_count(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column `width` digits wide (a little generous)."""
    usable = max(width - 0.5, 1.0)
    return sum(max(1, ceil(text_width(part) / usable)) for part in text.split("\n"))

"""A draft plan catalogue (``jindu-plan/1``) from the text of the city's notice.

``draft_plan`` never fails on any text: what it cannot find it leaves empty and
explains in ``catalogue["draft"]["warnings"]``; the statistician corrects the
draft in the plan editor before publishing it. Beyond the catalogue format, a
draft carries keys the loader does not accept: per indicator ``confidence``,
``span`` and ``match``, and the top-level ``draft``. ``strip_draft_keys``
removes them.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

from app.plan_draft.outline import (
    DATE_CN,
    DATE_ZH,
    Line,
    Outline,
    fold,
    is_date_line,
    is_org_line,
    read_outline,
    title_line,
)
from app.plan_draft.targets import Target, find_targets, parse_chinese_number, quoted_phrases
from app.plan_draft.text_sources import FIELD, read_text
from models.errors import InputError
from models.numbers import json_number

FORMAT = "jindu-plan/1"
DRAFT_FORMAT = "jindu-plan-draft/1"
# Keys a draft has beyond jindu-plan/1.
DRAFT_INDICATOR_KEYS = ("confidence", "span", "match")
DRAFT_KEY = "draft"
# What the notice never says; the 2018 plan's values, to be checked in the editor.
DEFAULT_FREQUENCY = "quarterly"
DEFAULT_DUE_DAYS = 10
TO_CONFIRM = "（待核定）"
FORM_NOTE = "草稿自动生成：表号和批准文号不在通知正文中，请按市残联的统计报表制度填写。"

# The same rule as the catalogue loader's (models.plan), checked here so that a
# bad id is refused before any work is done.
_PLAN_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_NOTICE_HEADER = re.compile(r"(?P<issuer>.{2,40}?)关于印发《(?P<title>[^《》]{2,60})》")
_PUBLISHER = re.compile(r"发布(?:单位|机构)[:：] ?(?P<issuer>[^\s:：]{2,40})")
_PUBLISHED = re.compile(
    r"发布(?:时间|日期)[:：] ?(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
)
_YEAR_IN_TITLE = re.compile(r"(?P<y>(?:19|20)[0-9]{2}) ?年")
_CN_YEAR_IN_TITLE = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年")


def draft_plan(text: str, *, plan_id: str, year: int | None = None) -> dict[str, Any]:
    """The draft catalogue of the notice ``text``.

    Args:
        text: the notice as plain text (website chrome, the notice and its
            signature may be included; they are left out).
        plan_id: the catalogue id (``cq-2019``): lower-case letters, digits, ``.``,
            ``_`` and ``-``.
        year: the plan's year; None takes it from the title (or the issue date).

    Raises:
        InputError: for a ``plan_id`` or ``year`` the catalogue format refuses.
    """
    if not isinstance(plan_id, str) or not _PLAN_ID.fullmatch(plan_id):
        raise InputError(
            "计划编号", plan_id, "只能由小写字母、数字、点、下划线和连字符组成，且以字母或数字开头"
        )
    if year is not None and (isinstance(year, bool) or not 2000 <= year <= 2100):
        raise InputError("年度", year, "应为 2000 到 2100 之间的年份")
    outline = read_outline(text)
    warnings = list(outline.warnings)
    title = _title(outline)
    issuer, issued = _issuer_and_date(outline)
    found_year = _year(title, issued)
    if year is not None and found_year is not None and found_year != year:
        warnings.append(f"通知标题中的年度为 {found_year}，按指定的 {year} 年生成")
    plan_year = year if year is not None else found_year
    if not title:
        warnings.append("没有找到计划标题（…工作要点），请填写")
    if not issuer:
        warnings.append("没有找到发文单位，请填写")
    if issued is None:
        warnings.append("没有找到发文日期（发文单位下方的日期），请填写")
    if plan_year is None:
        warnings.append("没有找到计划年度，请填写")
    if not outline.sections:
        warnings.append("没有找到「一、」「（一）」形式的编号标题")
    warnings.append(
        f"报送频率和截止天数按默认值（按季度报送，期末后 {DEFAULT_DUE_DAYS} 天内）生成，请核对"
    )
    sections = _sections(outline, plan_year, quoted_phrases(text), warnings)
    return {
        "format": FORMAT,
        "id": plan_id,
        "version": 1,
        "title": title,
        "issuer": issuer,
        "issued": issued.isoformat() if issued else None,
        "year": plan_year,
        "frequency": DEFAULT_FREQUENCY,
        "due_days": DEFAULT_DUE_DAYS,
        "form": {
            "表号": TO_CONFIRM,
            "制表机关": issuer or TO_CONFIRM,
            "批准机关": issuer or TO_CONFIRM,
            "批准文号": TO_CONFIRM,
            "有效期至": f"{plan_year}年12月31日" if plan_year else TO_CONFIRM,
            "说明": FORM_NOTE,
        },
        "sections": sections,
        DRAFT_KEY: {"format": DRAFT_FORMAT, "warnings": warnings},
    }


def draft_file(path: Path, *, plan_id: str | None = None) -> dict[str, Any]:
    """The draft catalogue of a notice file (``.txt``, ``.docx`` or text ``.pdf``).

    Without ``plan_id`` the id is the file's name when that is a valid id
    (``cq-2019.docx`` → ``cq-2019``), else ``plan-YEAR`` (``plan-draft`` when no
    year is found).

    Raises:
        UsageError: the file does not exist.
        InputError: the file cannot be read as text (wrong type, damaged, a
            scanned or encrypted PDF), or no numbered section was found in it.
    """
    text = read_text(path)
    from_name = path.stem.lower() if _PLAN_ID.fullmatch(path.stem.lower()) else None
    catalogue = draft_plan(text, plan_id=plan_id or from_name or "plan-draft")
    if plan_id is None and from_name is None and catalogue["year"] is not None:
        catalogue["id"] = f"plan-{catalogue['year']}"
    if not catalogue["sections"]:
        raise InputError(
            FIELD, path.name, "中没有找到「一、」「（一）」形式的编号标题，不像一份工作要点"
        )
    return catalogue


def strip_draft_keys(catalogue: dict[str, Any]) -> dict[str, Any]:
    """A copy of the draft without the keys ``jindu-plan/1`` does not have."""
    clean = copy.deepcopy(catalogue)
    clean.pop(DRAFT_KEY, None)
    for section in clean.get("sections", []):
        for item in section.get("items", []):
            for indicator in item.get("indicators", []):
                for key in DRAFT_INDICATOR_KEYS:
                    indicator.pop(key, None)
    return clean


# ----- the notice's particulars -----------------------------------------------------


def _title(outline: Outline) -> str:
    if outline.title_index is not None:
        line = outline.lines[outline.title_index]
        span = title_line(line.folded)
        if span is not None:
            return line.text[span[0] : span[1]].strip()
    for line in outline.before:
        match = _NOTICE_HEADER.search(line.folded)
        if match:
            return line.text[match.start("title") : match.end("title")]
    return ""


def _issuer_and_date(outline: Outline) -> tuple[str, date | None]:
    """The issuer and the date under it: before the body (the web page's layout)
    or after it (the document's). The website's 发布单位/发布时间 and the notice's
    header are fallbacks."""
    for lines in (outline.before, outline.after):
        found = _signature(lines)
        if found is not None:
            return found
    issuer = ""
    issued: date | None = None
    for line in outline.before:
        if not issuer and (match := _PUBLISHER.search(line.folded)):
            issuer = line.text[match.start("issuer") : match.end("issuer")]
        if not issuer and (match := _NOTICE_HEADER.search(line.folded)):
            issuer = line.text[match.start("issuer") : match.end("issuer")]
    for line in [*outline.before, *outline.after]:
        if is_date_line(line.folded):
            issued = _parse_date(line.folded)
            break
    if issued is None:
        for line in outline.before:
            if match := _PUBLISHED.search(line.folded):
                issued = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
                break
    return issuer, issued


def _signature(lines: list[Line]) -> tuple[str, date | None] | None:
    for index, line in enumerate(lines):
        folded = line.folded
        if is_org_line(folded) and index + 1 < len(lines) and is_date_line(lines[index + 1].folded):
            return line.text, _parse_date(lines[index + 1].folded)
        org, _, tail = folded.rpartition(" ")
        if org and is_org_line(org.strip()) and is_date_line(tail):
            return line.text[: len(org)].strip(), _parse_date(tail)
    return None


def _parse_date(folded: str) -> date | None:
    bare = folded.strip(" ()（）")
    match = DATE_ZH.fullmatch(bare)
    if match:
        return _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
    match = DATE_CN.fullmatch(bare)
    if match:
        year = parse_chinese_number(match["y"])
        month = parse_chinese_number(match["m"])
        day = parse_chinese_number(match["d"])
        if year and month and day:
            return _valid_date(year, month, day)
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if 2000 <= found.year <= 2100 else None


def _year(title: str, issued: date | None) -> int | None:
    folded = fold(title)
    if match := _YEAR_IN_TITLE.search(folded):
        return int(match["y"])
    if (match := _CN_YEAR_IN_TITLE.search(folded)) and (value := parse_chinese_number(match["y"])):
        return value if 2000 <= value <= 2100 else None
    return issued.year if issued else None


# ----- sections, items, indicators --------------------------------------------------


def _sections(
    outline: Outline, year: int | None, quoted: frozenset[str], warnings: list[str]
) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    for s_index, section in enumerate(outline.sections, 1):
        items: list[dict[str, Any]] = []
        for i_index, item in enumerate(section.items, 1):
            item_id = f"{s_index}.{i_index}"
            targets = find_targets(item.text, year=year, quoted=quoted)
            indicators = [
                _indicator(f"{item_id}.{n}", target, warnings)
                for n, target in enumerate(targets, 1)
            ]
            items.append(
                {
                    "id": item_id,
                    "number": item.number,
                    "title": item.title,
                    "text": item.text,
                    "indicators": indicators,
                }
            )
        sections.append(
            {
                "id": str(s_index),
                "number": section.number,
                "title": section.title,
                "text": section.text,
                "items": items,
            }
        )
    return sections


def _indicator(indicator_id: str, target: Target, warnings: list[str]) -> dict[str, Any]:
    if target.target_max is not None and target.target_max < target.target:
        warnings.append(f"指标 {indicator_id}「{target.match}」的区间上限小于下限，请核对")
    if target.kind.value == "rate" and target.target > 100:
        warnings.append(f"指标 {indicator_id}「{target.match}」的比率超过 100，请核对")
    return {
        "id": indicator_id,
        "name": target.name,
        "unit": target.unit,
        "kind": target.kind.value,
        "target": json_number(target.target),
        "target_max": json_number(target.target_max),
        "comparator": target.comparator,
        "level": target.level.value,
        "applies_to": "all",
        "formula": None,
        "source": target.source,
        "confidence": target.confidence,
        "span": [target.span[0], target.span[1]],
        "match": target.match,
    }

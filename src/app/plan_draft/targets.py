"""Quantitative targets and dated deliverables in the text of one plan item.

A target is a number with a unit (``2000户``, ``16.8万``, ``两千户``, ``百场``,
``5-8个``, ``80%以上``), or a milestone: a verb such as 出台/召开/举办/建立 with an
object that names a document (《…》) or an event or body (…大会, …锦标赛,
…基地). Numbers that are not targets are left out: years and dates, document
numbers (渝府发〔2015〕58号), hotlines and phone numbers, plan names and slogans
(十三五, “四个意识”, 一人一案), ordinals (第五次), counts of the authors of another
document (等26个部门), page counters, and districts that only say where a target
applies (13个区县7900户家庭: the target is 7900户).

Every target carries the clause it came from (``source``, split on 。；!?), the
exact text matched (``match``) and its offsets in ``source`` (``span``), and a
confidence between 0 and 1 that the editor uses to ask for a second look.
Matching runs on the folded text (see ``outline.fold``); what is reported is cut
from the original, so ``source[span[0]:span[1]] == match`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from app.plan_draft.outline import fold
from models.kinds import Kind, Level

MILESTONE_UNIT = "项"

# ----- Chinese numerals ----------------------------------------------------------

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
CN_NUMERAL_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG)


def parse_chinese_number(text: str) -> int | None:
    """两千 → 2000, 三十五 → 35, 百 → 100, 一万二千 → 12000, 两千五 → 2500.

    None for what is not one well-formed number (十三五, 七五, 万, 亿万), so that
    plan names made of numerals never read as numbers. Years (二〇一八) read digit
    by digit.
    """
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    if len(text) > 1 and all(c in _CN_DIGIT for c in text):
        # Digit by digit only for years (二〇一九); 七五 and 九五 are plan names.
        if "两" in text or not ("〇" in text or len(text) == 4):
            return None
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    total = 0
    section = 0
    digit: int | None = None
    zero = False
    last_small = 10**6
    last_big = 10**12
    last_unit = 0
    for char in text:
        if char in _CN_DIGIT:
            if _CN_DIGIT[char] == 0:
                if digit is not None:
                    return None
                zero = True
                continue
            if digit is not None:
                return None  # two digits in a row: 十三五, 七五
            digit = _CN_DIGIT[char]
        elif char in _CN_SMALL:
            unit = _CN_SMALL[char]
            if unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit, zero, last_small, last_unit = None, False, unit, unit
        else:
            unit = _CN_BIG[char]
            if unit >= last_big:
                return None
            section += digit or 0
            if section == 0:
                return None  # a bare 万 or 亿 is a word (万盛, 亿万), not a number
            total += section * unit
            section, digit, zero = 0, None, False
            last_small, last_big, last_unit = 10**6, unit, unit
    if digit is not None:
        # 两千五 is 2500 and 一万五 15000: a trailing digit counts in the next unit down,
        # unless a 零 says otherwise (一千零五 is 1005).
        section += digit if zero or last_unit <= 10 else digit * last_unit // 10
    value = total + section
    return value if value > 0 else None


# ----- the result ----------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    kind: Kind
    unit: str
    target: Decimal
    target_max: Decimal | None
    comparator: str | None
    level: Level
    name: str
    source: str  # the clause, as written
    span: tuple[int, int]  # of ``match`` in ``source``
    match: str
    confidence: float
    offset: int  # where the match starts in the item text (document order)


# ----- clauses -------------------------------------------------------------------

_CLAUSE_END = "。；;！!？?"
_TRIM = " \t\n\u3000\u00a0\u200b\ufeff"


def split_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause, split after 。；!?; whitespace and a trailing ；
    trimmed off; empty clauses dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index, char in enumerate(text):
        if char in _CLAUSE_END or char == "\n":
            spans.append((start, index + 1))
            start = index + 1
    spans.append((start, len(text)))
    result: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and (text[b - 1] in _TRIM or text[b - 1] in "；;"):
            b -= 1
        if b > a:
            result.append((a, b))
    return result


# ----- quotes and titles ---------------------------------------------------------

_QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "‘": "’", "『": "』"}
_MAX_QUOTE = 24  # a quote left open (“阳光家园计划“) does not swallow the clause
_BOOK = re.compile(r"《[^《》]{0,80}》")


def quote_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of quoted phrases, quotes included."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(folded):
        close = _QUOTE_PAIRS.get(folded[index])
        if close is not None:
            end = folded.find(close, index + 1, index + 2 + _MAX_QUOTE)
            if end > index + 1:
                spans.append((index, end + 1))
                index = end + 1
                continue
        index += 1
    return spans


def quoted_phrases(text: str) -> frozenset[str]:
    """Every phrase the text puts in quotes (folded): names and slogans."""
    folded = fold(text)
    return frozenset(folded[a + 1 : b - 1] for a, b in quote_spans(folded))


def _inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# ----- numbers -------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<ar>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(?P<armul> ?[万亿])?"
    r"|(?P<pct>百分之(?P<pctnum>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百]+))"
    rf"|(?P<zh>[{CN_NUMERAL_CHARS}]+)"
)
# Longest first. 万元/亿元 come from a multiplier before 元.
_UNITS = (
    "个百分点", "百分点", "人次", "户次", "%", "户", "名", "人", "个", "项", "所", "家",
    "场", "件", "元", "次", "座", "期", "例", "台", "套", "处", "支", "位",
)  # fmt: skip
_RATE_UNITS = ("%", "个百分点", "百分点")
# Units a small Chinese numeral (一, 两 … 十) counts for real things with; with 个
# and 项 such numerals are mostly names: 两个责任, 四个意识, 三项攻坚战.
_CONCRETE_UNITS = ("户", "名", "人", "所", "家", "场", "件", "座", "期", "例", "台", "套", "处")
_RANGE_SEP = re.compile(r" ?(?:-|~|至|到) ?")
# 不超过 ends in 超过 and 不低于 in 低于: the negated forms belong to the other side.
_GE_BEFORE = re.compile(
    r"(?:不少于|不低于|不小于|至少|(?<!不)超过|(?<!不)多于|达到|(?<!不)高于)\s*$"
)
_LE_BEFORE = re.compile(r"(?:不超过|不高于|不多于|不大于|(?<!不)低于|控制在)\s*$")
_GE_AFTER = re.compile(r"\s*(?:及以上|以上)")
_LE_AFTER = re.compile(r"\s*(?:及以下|以下|以内)")
_APPROX_AFTER = re.compile(r"\s*(?:左右|上下)")

# Characters that, just before a Chinese numeral, make it part of a word:
# 同一, 统一, 唯一, 之一, 逐一, 初一, 周一, 某一, 数十, 几百, 若干.
_WORD_BEFORE = "第同唯统之逐初周某数几若每万"
_SESSION = re.compile(rf"[0-9{CN_NUMERAL_CHARS}]+ ?届 ?[0-9{CN_NUMERAL_CHARS}]+ ?次")
_DOC_NUMBER = re.compile(r"[〔\[(【] ?[0-9]{4} ?[〕\])】] ?[0-9]+ ?号")
_PHONE = re.compile(
    r"(?<![0-9])(?:0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9}|12[0-9]{3}|96[0-9]{3})(?![0-9])"
)
_HOTLINE_NEAR = re.compile(r"热线|电话|服务号|短信|拨打")
_COUNTER_BEFORE = re.compile(r"(?:访问量|在线人数|访问|浏览|点击|阅读)[^0-9]{0,6}$")
_AUTHORS_AFTER = re.compile(r"(?:部门|部委|单位|成员单位|委办局)")
_AUTHORS_CONTEXT = re.compile(r"共同|联合|制定|印发|发布|起草")
_SCOPE_AFTER = re.compile(
    r"(?:区县|区 ?\(县\)|区、县|乡镇|街道)(?=[0-9" + CN_NUMERAL_CHARS + r"]|[，,、；;。]|的|$)"
)
_DURATION_AFTER = re.compile(r"(?:月|工作日|小时|学期)")
# Counted nouns a bare 16.8万 can take its unit from (人口 is a population, not people served).
_NOUN_UNIT = re.compile(r"家庭|户(?![籍口])|人(?![口])|儿童|学生")
# A unit character that starts another word: 30万人口, 户籍, 名单, 场所, 所有, 家庭, 期间.
_UNIT_WORDS = {
    "人": "口", "户": "籍口型", "名": "单称义额", "场": "所地馆景", "所": "有以在属需",
    "家": "庭长属", "期": "间限末满", "次": "数序", "件": "事", "位": "于置",
    "处": "理置于", "支": "持付出撑", "台": "账", "例": "如",
}  # fmt: skip
_PUNCT = "，,、；;。：:！!？?\n"


@dataclass
class _Number:
    start: int  # in the clause
    end: int  # after the number (and its multiplier)
    value: Decimal
    chinese: bool
    small: bool  # a Chinese numeral of ten or less
    multiplier: int  # 1, 10**4 or 10**8
    unit: str | None = None
    unit_end: int = 0
    percent: bool = False


def _read_numbers(folded: str) -> list[_Number]:
    numbers: list[_Number] = []
    for match in _TOKEN.finditer(folded):
        start, end = match.span()
        if match.group("ar") is not None:
            if start > 0 and (folded[start - 1].isdigit() or folded[start - 1] == "."):
                continue
            value = Decimal(match.group("ar").replace(",", ""))
            mul_text = (match.group("armul") or "").strip()
            multiplier = 10 ** (4 if mul_text == "万" else 8) if mul_text else 1
            numbers.append(_Number(start, end, value, False, False, multiplier))
        elif match.group("pct") is not None:
            raw = match.group("pctnum")
            parsed = Decimal(raw) if raw[0].isdigit() else _decimal(parse_chinese_number(raw))
            if parsed is not None:
                numbers.append(_Number(start, end, parsed, True, False, 1, "%", end, percent=True))
        else:
            numbers.extend(_chinese_tokens(folded, start, match.group("zh")))
    return numbers


def _decimal(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _chinese_tokens(folded: str, start: int, run: str) -> list[_Number]:
    if start > 0 and (folded[start - 1].isdigit() or folded[start - 1] == "."):
        return []
    multiplier = 1
    body = run
    # 五千万元: the trailing 万 belongs to the unit (万元), like 16.8万元.
    if (
        len(run) > 1
        and run[-1] in _CN_BIG
        and folded[start + len(run) : start + len(run) + 1] == "元"
    ):
        multiplier = _CN_BIG[run[-1]]
        body = run[:-1]
    value = parse_chinese_number(body)
    if value is None:
        return []
    small = value <= 10 and multiplier == 1
    return [_Number(start, start + len(run), Decimal(value), True, small, multiplier)]


def _read_unit(folded: str, number: _Number) -> None:
    if number.unit is not None:
        return
    at = number.end
    if at < len(folded) and folded[at] == " ":
        at += 1
    for unit in _UNITS:
        if folded.startswith(unit, at):
            following = folded[at + len(unit) : at + len(unit) + 1]
            if following and following in _UNIT_WORDS.get(unit, ""):
                return
            number.unit = unit
            number.unit_end = at + len(unit)
            return


# ----- milestones ----------------------------------------------------------------

_MILESTONE_VERB = re.compile(r"出台|召开|举办|承办|建成|建立|印发|制定|修订|发布|成立|组建")
_DOCUMENT_VERBS = ("出台", "印发", "制定", "修订", "发布")
_EVENT_VERBS = ("召开", "举办", "承办")
_EVENT_NOUN = re.compile(
    r"(?:代表大会|大会|会议|运动会|锦标赛|联赛|大赛|比赛|竞赛|汇演|展演|巡演|演出|晚会|书画展|展览|展"
    r"|招聘会|洽谈会|博览会|交流会|座谈会|研讨会|推进会|现场会|表彰会|论坛|培训班|培养班|研修班|培训"
    r"|活动|文化节|艺术节)$"
)
_BODY_NOUN = re.compile(
    r"(?:基地|中心|导师团|艺术团|服务队|队伍|站|馆|院|学校|平台|示范点|协会|联盟|工作室|数据库|专区)$"
)
_REVERSED_DOCUMENT = re.compile(r"(《[^《》]{1,80}》)(?:的)?(?:正式)?(出台|印发|发布|颁布)")
_OBJECT_LEAD = re.compile(
    rf"[“\"]?(?:(?:19|20)[0-9]{{2}} ?年(?:度)?)?(?:第[0-9{CN_NUMERAL_CHARS}]+[届次期])?[“\"]?"
)
_OBJECT_STRIP = ' ”"」』’' + _CLAUSE_END
_NEXT_VERB = re.compile(r"、(?=开展|组织|举办|实施|推进|加强|做好|建立|完善|推动|落实|承办|召开)")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2}) ?年")
_CITY_SUBJECT = re.compile(
    r"(?:\( ?[0-9]{1,2} ?\)|[0-9]{1,2}[.、]|[①-⑳])?(?:由|请)?"
    r"(?:[\u4e00-\u9fff]{2,3}[省市]|[省市])(?:残联|政府|残工委)"
)
_CITY_OBJECT = re.compile(
    r"全[省市]|全国|[省市](?:级|残联|政府)|[\u4e00-\u9fff]{1,4}[省市](?![场民区县])"
)
_NAME_CUT_BEFORE = re.compile(
    r"(?:不少于|不低于|不小于|至少|超过|多于|达到|高于|不超过|不高于|不多于|不大于|低于|控制在"
    r"|达|为|共|计)\s*$"
)
_NAME_CUT_AFTER = re.compile(r"\s*(?:及以上|以上|及以下|以下|以内|左右)")
_NAME_STRIP = _TRIM + '，,、“”"。！？!?'

_LEAD_FILLER = re.compile(
    r"(?:\( ?[0-9]{1,2} ?\)|[0-9]{1,2}[.、]|[①-⑳]|的|继续|进一步|积极|认真|努力|大力|确保|力争"
    r"|完成|实现|全年|今年|年内|并|同时)*"
)


@dataclass
class _Context:
    year: int | None
    quoted: frozenset[str]


def find_targets(
    text: str, *, year: int | None = None, quoted: frozenset[str] | None = None
) -> list[Target]:
    """Every target in one item's text, in document order.

    ``year`` is the plan's year (an event dated another year is not this year's
    deliverable); ``quoted`` the phrases the whole document quotes (a phrase
    quoted anywhere is a name wherever it appears: “两个责任” … 两个责任).
    """
    folded = fold(text)
    context = _Context(year, quoted if quoted is not None else quoted_phrases(text))
    found: list[Target] = []
    for start, end in split_clauses(text):
        found.extend(_clause_targets(text[start:end], folded[start:end], start, context))
    found.sort(key=lambda t: t.offset)
    return found


def _subclause(folded: str, start: int, end: int) -> tuple[int, int]:
    """The comma-delimited part of the clause around [start, end)."""
    a = start
    while a > 0 and folded[a - 1] not in "，,：:":
        a -= 1
    b = end
    while b < len(folded) and folded[b] not in "，,：:":
        b += 1
    return a, b


def _clause_targets(source: str, folded: str, offset: int, ctx: _Context) -> list[Target]:
    quotes = quote_spans(folded)
    books = [m.span() for m in _BOOK.finditer(folded)]
    excluded = [m.span() for m in _DOC_NUMBER.finditer(folded)]
    excluded += [m.span() for m in _SESSION.finditer(folded)]
    excluded += [
        m.span()
        for m in _PHONE.finditer(folded)
        if _HOTLINE_NEAR.search(folded, max(0, m.start() - 8), m.end() + 8)
        or "-" in m.group()
        or len(m.group()) == 11
    ]
    tokens = _read_numbers(folded)
    for number in tokens:
        _read_unit(folded, number)
    numbers = _merge_ranges(folded, tokens)

    candidates: list[tuple[_Number, _Number, float, str | None, bool]] = []
    for first, last in numbers:
        end = last.unit_end or last.end
        if _inside(books, first.start, end) or any(
            a < end and first.start < b for a, b in excluded
        ):
            continue
        verdict = _judge(folded, first, last, quotes, ctx)
        if verdict is None:
            continue
        confidence, unit = verdict
        scope = last.unit == "个" and bool(_SCOPE_AFTER.match(folded, end))
        candidates.append((first, last, confidence, unit, scope))

    # 13个区县7900户家庭: districts that only say where the next number applies.
    any_target = any(not scope for *_, scope in candidates)
    results: list[Target] = []
    for first, last, confidence, unit, scope in candidates:
        if scope:
            if any_target:
                continue
            confidence = min(confidence, 0.3)
        results.append(_quantity(source, folded, offset, first, last, confidence, unit))
    results.extend(_milestones(source, folded, offset, books, results, ctx))
    return results


def _merge_ranges(folded: str, numbers: list[_Number]) -> list[tuple[_Number, _Number]]:
    """Pairs (low, high) for 5-8个 / 5至8个 / 5万至8万人 / 80%-90%; (n, n) otherwise."""
    merged: list[tuple[_Number, _Number]] = []
    index = 0
    while index < len(numbers):
        low = numbers[index]
        if index + 1 < len(numbers):
            high = numbers[index + 1]
            gap_from = low.unit_end or low.end
            sep = _RANGE_SEP.fullmatch(folded, gap_from, high.start)
            if (
                sep is not None
                and high.unit is not None
                and (low.unit is None or low.unit == high.unit)
                and low.chinese == high.chinese
            ):
                if low.unit is None:
                    low.unit = high.unit
                    low.unit_end = low.end
                merged.append((low, high))
                index += 2
                continue
        merged.append((low, low))
        index += 1
    return merged


def _judge(
    folded: str,
    first: _Number,
    last: _Number,
    quotes: list[tuple[int, int]],
    ctx: _Context,
) -> tuple[float, str | None] | None:
    """None when the number is not a target; else (confidence, inferred unit)."""
    unit = last.unit
    start = first.start
    end = last.unit_end or last.end
    before = folded[max(0, start - 10) : start]
    after = folded[end : end + 12]
    # Years, dates and document numbers never get here: 年, 月, 日 and 号 are not units.
    if before.rstrip(" ").endswith("第"):
        return None  # an ordinal: 第五次, 第二期
    if _COUNTER_BEFORE.search(before):
        return None
    confidence = 0.9
    inferred: str | None = None
    if unit is None:
        # Only 16.8万 / 1.2亿 stand without a unit; the counted noun gives it.
        if last.multiplier == 1:
            return None
        inferred = _noun_unit(folded, last.end)
        if inferred is None:
            return None
        confidence = 0.6
        unit = inferred
    if unit == "个" and _DURATION_AFTER.match(folded, end):
        return None
    if unit == "次" and after.startswith(("全会", "会议", "代表大会", "性")):
        return None
    if unit in ("个", "家") and _AUTHORS_AFTER.match(folded, end):
        if before.rstrip(" ").endswith("等") or _AUTHORS_CONTEXT.search(after):
            return None
        confidence = min(confidence, 0.4)
    quoted = _inside(quotes, start, end)
    if first.chinese and not first.percent:
        if before[-1:] and before[-1] in _WORD_BEFORE:
            return None
        if _idiom(folded, first, last):
            return None
        if first.small:
            if not quoted and _names_a_quote(folded, start, ctx.quoted):
                return None
            if quoted or unit not in _CONCRETE_UNITS:
                if unit not in ("个", "项") or quoted or after[:1] in ("不", "一", "都", "也"):
                    return None
                confidence = min(confidence, 0.4)
            else:
                confidence = min(confidence, 0.5)
            if first.value == 2 and folded[start] == "二":
                return None  # 二期 is phase two; a count of two is 两期
        else:
            confidence = min(confidence, 0.8)
    if quoted:
        confidence *= 0.7
    part_start, _ = _subclause(folded, start, end)
    if "每" in folded[part_start:start] or after.startswith("/"):
        confidence -= 0.2  # a rate per person or per base (每人每月80元), not a total
    if _APPROX_AFTER.match(folded, end):
        confidence -= 0.1
    head = folded[end : end + 16]
    stop = next((i for i, c in enumerate(head) if c in _PUNCT), len(head))
    if unit == "个" and "区县" in head[:stop] and not _SCOPE_AFTER.match(folded, end):
        confidence = min(confidence, 0.5)  # 6个试点区县: a count of districts, maybe a target
    if last is not first and last.value < first.value:
        confidence = min(confidence, 0.3)
    return max(0.05, round(confidence, 2)), inferred


def _noun_unit(folded: str, at: int) -> str | None:
    head = folded[at : at + 20]
    stop = next((i for i, c in enumerate(head) if c in _PUNCT), len(head))
    match = _NOUN_UNIT.search(head[:stop])
    if match is None:
        return None
    return "户" if match.group() in ("家庭", "户") else "人"


def _idiom(folded: str, first: _Number, last: _Number) -> bool:
    """一人一案, 一地一特色, 千家万户: numeral, one character, numeral."""
    end = last.unit_end or last.end
    if end < len(folded) and folded[end] in CN_NUMERAL_CHARS and end - first.start <= 2:
        return True
    start = first.start
    return start >= 2 and folded[start - 2] in CN_NUMERAL_CHARS and end - start <= 2


def _names_a_quote(folded: str, start: int, quoted: frozenset[str]) -> bool:
    return any(len(phrase) >= 3 and folded.startswith(phrase, start) for phrase in quoted)


def _comparator(folded: str, start: int, end: int, ranged: bool) -> str | None:
    if ranged:
        return None
    if _GE_AFTER.match(folded, end):
        return ">="
    if _LE_AFTER.match(folded, end):
        return "<="
    part_start, _ = _subclause(folded, start, end)
    before = folded[part_start:start]
    if _GE_BEFORE.search(before):
        return ">="
    if _LE_BEFORE.search(before):
        return "<="
    if "力争" in before:
        return ">="
    return None


def _quantity(
    source: str,
    folded: str,
    offset: int,
    first: _Number,
    last: _Number,
    confidence: float,
    inferred: str | None,
) -> Target:
    start = first.start
    end = last.unit_end or last.end
    unit = inferred or last.unit or ""
    ranged = last is not first
    low = first.value * first.multiplier
    high = last.value * last.multiplier if ranged else None
    kind = Kind.COUNT
    if unit in _RATE_UNITS:
        kind = Kind.RATE
    elif unit == "元":
        kind = Kind.AMOUNT
        if last.multiplier > 1:
            # Amounts are kept in 万元, as the federation's accounts are.
            unit = "万元"
            low = low / 10**4
            high = None if high is None else high / 10**4
    elif low != low.to_integral_value() or (high is not None and high != high.to_integral_value()):
        kind = Kind.AMOUNT  # a fractional count (2.5个) cannot be a count
        confidence = min(confidence, 0.3)
    comparator = _comparator(folded, start, end, ranged)
    return Target(
        kind=kind,
        unit=unit,
        target=low,
        target_max=high,
        comparator=comparator,
        level=_level(folded, after_unit=end),
        name=_quantity_name(source, folded, start, end),
        source=source,
        span=(start, end),
        match=source[start:end],
        confidence=confidence,
        offset=offset + start,
    )


def _quantity_name(source: str, folded: str, start: int, end: int) -> str:
    """The comma part of the clause without the number: 完成2000户农村贫困残疾人危房改造任务
    → 农村贫困残疾人危房改造任务 (the editor shows it for the statistician to shorten).
    A number inside a quoted name keeps the name whole: 特殊艺术百场巡演."""
    for qa, qb in quote_spans(folded):
        if qa < start and end < qb:
            return source[qa + 1 : qb - 1]
    a, b = _subclause(folded, start, end)
    left = folded[a:start]
    cut = _NAME_CUT_BEFORE.search(left)
    keep = cut.start() if cut else len(left)
    skip = _NAME_CUT_AFTER.match(folded, end, b)
    name = (source[a : a + keep] + source[skip.end() if skip else end : b]).strip(_NAME_STRIP)
    lead = _LEAD_FILLER.match(fold(name))
    if lead and lead.end() < len(name):
        name = name[lead.end() :].strip(_NAME_STRIP)
    return name or source[start:end]


def _level(folded: str, *, anchor: int | None = None, after_unit: int | None = None) -> Level:
    """``city`` when the city (or province) office carries the task out: its name is
    the clause's subject (市残联…, 市政府残工委组织…), a milestone's object is a city
    event (举办全市…, 召开市残联…), or the things counted are city ones (8个市级基地)."""
    if _CITY_SUBJECT.match(folded):
        return Level.CITY
    if anchor is not None and _CITY_OBJECT.match(folded, anchor):
        return Level.CITY
    if after_unit is not None and folded.startswith(("市级", "省级"), after_unit):
        return Level.CITY
    return Level.DISTRICT


def _milestones(
    source: str,
    folded: str,
    offset: int,
    books: list[tuple[int, int]],
    quantities: list[Target],
    ctx: _Context,
) -> list[Target]:
    found: list[Target] = []
    taken: list[tuple[int, int]] = []

    def other_year(text: str) -> bool:
        return ctx.year is not None and any(int(y) != ctx.year for y in _YEAR.findall(text))

    for match in _REVERSED_DOCUMENT.finditer(folded):
        a, b = match.span()
        part_start, _ = _subclause(folded, a, b)
        if other_year(folded[part_start:b]):
            continue
        found.append(_milestone(source, folded, offset, a, b, 0.6, a))
        taken.append((a, b))

    for match in _MILESTONE_VERB.finditer(folded):
        verb = match.group()
        a, verb_end = match.span()
        if _inside(books, a, verb_end) or folded[verb_end : verb_end + 1] in ("的", "了"):
            continue
        if any(x <= a < y for x, y in taken):
            continue
        part_start, part_end = _subclause(folded, a, verb_end)
        cut = _NEXT_VERB.search(folded, verb_end, part_end)
        obj_end = cut.start() if cut else part_end
        obj = folded[verb_end:obj_end].rstrip(_OBJECT_STRIP)
        obj_end = verb_end + len(obj)
        if not obj or any(verb_end <= q.offset - offset < obj_end for q in quantities):
            continue
        if other_year(folded[part_start:obj_end]):
            continue
        confidence: float | None = None
        book = next(((x, y) for x, y in books if verb_end <= x < obj_end), None)
        if verb in _DOCUMENT_VERBS:
            if book is not None and book[0] - verb_end <= 12:
                obj_end = book[1]
                confidence = 0.8
        elif verb in _EVENT_VERBS:
            if _EVENT_NOUN.search(obj):
                confidence = 0.7
        elif _BODY_NOUN.search(obj):
            confidence = 0.7
        if confidence is None:
            continue
        found.append(_milestone(source, folded, offset, a, obj_end, confidence, verb_end))
        taken.append((a, obj_end))
    return found


def _milestone(
    source: str, folded: str, offset: int, start: int, end: int, confidence: float, anchor: int
) -> Target:
    # The city test reads the object's own words: past a quote or a year (举办2018年重庆市…).
    lead = _OBJECT_LEAD.match(folded, anchor)
    anchor = lead.end() if lead else anchor
    text = source[start:end]
    return Target(
        kind=Kind.MILESTONE,
        unit=MILESTONE_UNIT,
        target=Decimal(1),
        target_max=None,
        comparator=None,
        level=_level(folded, anchor=anchor),
        name=text,
        source=source,
        span=(start, end),
        match=text,
        confidence=confidence,
        offset=offset + start,
    )

"""The numbered hierarchy of a 工作要点 notice: sections (一、) and items ((一)).

A notice as the city publishes it is wrapped in other text: the web page's
chrome, the notice itself (addressees, the 印发 sentence, the issuer and the
date) and a footer. The plan's body starts at its own title line (…工作要点) or,
when there is none, at the first ``一、`` heading, and ends at the first footer,
signature or date line after it.

Matching is done on a *folded* copy of the text (``fold``): full-width forms,
dashes and the traditional characters the parser's patterns use are mapped one
character to one character, so that every offset found in the folded copy is
also an offset in the original. Everything shown to the user (titles, texts,
matched numbers) is cut from the original text.

Numbering levels, outermost first: ``一、`` · ``（一）``/``(一)`` · ``1.``/``1、``/``１．``
· ``（1）``/``(1)`` · ``①``. Sections are the outermost level present, items the next
level present inside each section; deeper levels stay in the item's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum

# ----- folding -------------------------------------------------------------------

# Traditional characters that matter to the patterns here and in targets.py
# (units, numerals, comparators, milestone verbs and nouns, notice furniture),
# each with its simplified form. A full converter (OpenCC) is not installed and
# would not keep a one-to-one character mapping, which the offsets rely on.
_TRADITIONAL = (
    "戶户 萬万 億亿 場场 個个 項项 兩两 達达 於于 舉举 辦办 開开 會会 議议 製制 訂订 發发"
    " 臺台 設设 點点 區区 縣县 聯联 殘残 級级 與与 為为 實实 標标 準准 資资 務务 數数"
    " 額额 費费 補补 貼贴 條条 計计 劃划 屆届 團团 體体 運运 動动 賽赛 錦锦 幫帮 導导"
    " 師师 訓训 練练 養养 療疗 復复 學学 園园 圖图 書书 畫画 覽览 藝艺 術术 匯汇 彙汇"
    " 論论 壇坛 讀读 號号 電电 話话 熱热 線线 網网 訪访 問问 總总 處处 間间 張张 輛辆"
    " 冊册 類类 歲岁 週周 長长 門门 單单 據据 證证 頒颁 佈布 編编 並并 對对 從从 這这"
    " 們们 來来 還还 進进 過过 際际 貧贫 礙碍 業业 職职 環环 護护 鄉乡 鎮镇 兒儿 親亲"
    " 積积 極极 優优 權权 維维 傳传 獎奖 簽签 約约 預预 險险 醫医 員员 經经 濟济 農农"
    " 買买 購购 錄录 規规 範范 節节 統统 蓋盖 層层 專专 愛爱 關关 懷怀 樣样 變变 應应"
    " 聽听 視视 語语 讓让 強强 廣广 東东 車车 創创 協协 質质 後后 紀纪 勵励 產产 績绩"
    " 勞劳 試试 驗验 圍围 報报 戰战 頭头 踐践 續续 繼继 態态 響响 啟启 啓启 狀状 況况"
    " 爭争 內内 種种 現现 義义 組组 織织 轉转 換换 邊边 遠远 錢钱 貸贷 餘余 廳厅 陽阳"
    " 聾聋 啞哑 齡龄 輔辅 適适 腦脑 癱瘫 檢检 測测 篩筛 樂乐 館馆 廠厂 參参 認认 識识"
    " 寫写 講讲 談谈 衛卫 藥药 脫脱 堅坚 崗岗 責责 黨党 風风 潔洁 獻献 領领 構构 築筑"
    " 夢梦 鑒鉴 屬属 將将 擴扩 勢势 興兴 畢毕 誌志 願愿 隊队 眾众 衆众 則则 細细 筆笔"
    " 選选 齊齐 備备 籌筹 結结 確确 顧顾 幹干 歷历 習习 貫贯 徹彻 軍军 別别 時时"
    " 務务 閱阅 諮咨 詢询 劃划 辭辞"
)
_FOLD_MAP: dict[int, int] = {}
for _pair in _TRADITIONAL.split():
    if _pair[0] != _pair[1]:
        _FOLD_MAP[ord(_pair[0])] = ord(_pair[1])
# Full-width ASCII forms (（１２３）．％～：；) → ASCII, except the full-width comma:
# "1，000" in running text is more often two numbers than one.
for _code in range(0xFF01, 0xFF5F):
    if _code != 0xFF0C:
        _FOLD_MAP[_code] = _code - 0xFEE0
# Dashes that sit between the numbers of a range or a phone number.
for _dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63":
    _FOLD_MAP[ord(_dash)] = ord("-")
_FOLD_MAP[ord("\u301c")] = ord("~")  # wave dash 〜
for _space in "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff":
    _FOLD_MAP[ord(_space)] = ord(" ")
del _pair, _code, _dash, _space


def fold(text: str) -> str:
    """The text as the patterns read it; always exactly as long as ``text``."""
    return text.translate(_FOLD_MAP)


# ----- numbering -----------------------------------------------------------------


class Level(IntEnum):
    """Numbering levels, outermost first."""

    CHINESE = 0  # 一、
    PAREN_CHINESE = 1  # （一）
    ARABIC = 2  # 1.  1、
    PAREN_ARABIC = 3  # （1）
    CIRCLED = 4  # ①


_CN_DIGITS = "一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Patterns run on folded lines (full-width brackets and digits already ASCII).
_MARKERS: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (Level.CHINESE, re.compile(r"([一二三四五六七八九十]{1,3}) ?[、.](?![0-9])")),
    (Level.PAREN_CHINESE, re.compile(r"\( ?([一二三四五六七八九十]{1,3}) ?\)[、.]?")),
    (Level.ARABIC, re.compile(r"([0-9]{1,2}) ?(?:、|\.(?![0-9]))")),
    (Level.PAREN_ARABIC, re.compile(r"\( ?([0-9]{1,2}) ?\)[、.]?")),
    (Level.CIRCLED, re.compile(f"([{_CIRCLED}])[、.]?")),
)


def chinese_ordinal(text: str) -> int | None:
    """一 … 九十九 as used in headings; None for anything else."""
    if not text or any(c not in _CN_DIGITS + "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    value = (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10
    return value + (_CN_DIGITS.index(ones) + 1 if ones else 0)


def chinese_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三 (headings only go this far)."""
    if value < 10:
        return _CN_DIGITS[value - 1]
    tens, ones = divmod(value, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens - 1]
    return head + "十" + (_CN_DIGITS[ones - 1] if ones else "")


@dataclass(frozen=True)
class Marker:
    level: Level
    value: int
    length: int  # characters of the marker itself in the line

    @property
    def label(self) -> str:
        """The number as the catalogue writes it: 一, （一）, 1., （1）, ①."""
        if self.level is Level.CHINESE:
            return chinese_numeral(self.value)
        if self.level is Level.PAREN_CHINESE:
            return f"（{chinese_numeral(self.value)}）"
        if self.level is Level.ARABIC:
            return f"{self.value}."
        if self.level is Level.PAREN_ARABIC:
            return f"（{self.value}）"
        return _CIRCLED[self.value - 1]


def heading_marker(folded_line: str) -> Marker | None:
    """The numbering a (folded, stripped) line starts with, if any."""
    for level, pattern in _MARKERS:
        match = pattern.match(folded_line)
        if match is None:
            continue
        raw = match.group(1)
        if level in (Level.CHINESE, Level.PAREN_CHINESE):
            value = chinese_ordinal(raw)
        elif level is Level.CIRCLED:
            value = _CIRCLED.index(raw) + 1
        else:
            value = int(raw)
        rest = folded_line[match.end() :].strip()
        if value is None or value == 0 or not rest:
            continue
        return Marker(level, value, match.end())
    return None


# ----- lines and the body --------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str  # original, stripped
    folded: str
    gap: bool  # a blank line came before it (a paragraph break for sure)


_STRIP = " \t\u3000\u00a0\u200b\ufeff"
# Lines PDF extraction leaves between pages: "- 3 -", "—3—", "第 3 页".
_PAGE_NUMBER = re.compile(
    r"[-~ ]*[0-9]{1,3}[-~ ]*|第 ?[0-9]{1,3} ?页(?:[,，]? ?共 ?[0-9]{1,3} ?页)?"
)


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip(_STRIP)
        if not stripped:
            gap = True
            continue
        folded = fold(stripped)
        if _PAGE_NUMBER.fullmatch(folded):
            continue
        lines.append(Line(stripped, folded, gap))
        gap = False
    return lines


# The plan's own title line: "2018年全市残疾人工作要点", possibly after "附件：".
_TITLE_LINE = re.compile(
    r"(?:附件 ?[0-9]? ?[:：]? ?)?(?P<title>[^《》“”\"，,。；;:：]{2,60}?"
    r"(?:工作要点|要点|工作计划|工作安排|重点工作|工作任务))"
)
# Where the body ends: the web page's footer, the document's colophon.
_FOOTER = re.compile(
    r"(?:附件|附 ?[:：]|©|\(c\)|版权所有|copyright|主办单位|主办[:：]|承办单位|协办单位|技术支持"
    r"|地址[:：]|电话[:：]|联系电话|联系人[:：]|邮编|抄送|抄报|主题词|关键词|【打印】|打印本页"
    r"|【关闭】|关闭窗口|上一篇|下一篇|分享到|责任编辑|扫一扫|网站地图|今天的访问量|当前在线"
    r"|\(此件|（此件)",
    re.IGNORECASE,
)
_FOOTER_ANYWHERE = re.compile(r"ICP备|访问量|在线人数")
ORG_SUFFIX = r"(?:联合会|委员会|人民政府|政府|办公室|办公厅|残联|残工委|局|厅|委|部|中心|协会|基金会|领导小组)"
_ORG_LINE = re.compile(rf"[^\s，,。；;:：、]{{2,40}}{ORG_SUFFIX}")
DATE_ZH = re.compile(r"(?P<y>[0-9]{4}) ?年 ?(?P<m>[0-9]{1,2}) ?月 ?(?P<d>[0-9]{1,2}) ?日")
DATE_CN = re.compile(
    r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
    r"(?P<d>[一二三四五六七八九十]{1,3})日"
)


def is_date_line(folded: str) -> bool:
    bare = folded.strip(" ()（）")
    return bool(DATE_ZH.fullmatch(bare) or DATE_CN.fullmatch(bare))


def is_org_line(folded: str) -> bool:
    return bool(_ORG_LINE.fullmatch(folded))


def is_signature(lines: list[Line], index: int) -> bool:
    """An issuer line with the date under it, a date line alone, or both on one line."""
    folded = lines[index].folded
    if is_date_line(folded):
        return True
    if is_org_line(folded):
        return index + 1 < len(lines) and is_date_line(lines[index + 1].folded)
    org, _, tail = folded.rpartition(" ")
    return bool(org) and is_org_line(org.strip()) and is_date_line(tail)


def title_line(folded: str) -> tuple[int, int] | None:
    """Where the plan title is, if this line is one (not the notice's 《…》 reference)."""
    match = _TITLE_LINE.fullmatch(folded)
    return match.span("title") if match else None


def is_footer(folded: str) -> bool:
    return bool(_FOOTER.match(folded) or _FOOTER_ANYWHERE.search(folded))


# ----- the tree ------------------------------------------------------------------


@dataclass
class OutlineItem:
    number: str
    title: str
    text: str  # the paragraph without its number, and any paragraphs under it


@dataclass
class OutlineSection:
    number: str
    title: str
    text: str  # the heading as written (with its number) and any lead-in paragraphs
    items: list[OutlineItem] = field(default_factory=list)


@dataclass
class Outline:
    lines: list[Line]
    body_start: int  # index into lines; == len(lines) when no body was found
    body_end: int  # exclusive
    title_index: int | None  # the plan's title line, when there is one
    sections: list[OutlineSection]
    warnings: list[str]

    @property
    def before(self) -> list[Line]:
        """Lines before the body: web chrome and the notice (issuer, date …)."""
        return self.lines[: self.body_start]

    @property
    def after(self) -> list[Line]:
        """Lines after the body: signature, attachments line, footer."""
        return self.lines[self.body_end :]


_SENTENCE_END = "。！？!?"
_PARAGRAPH_END = "。；;！？!?：:”」）)"


def first_sentence(text: str) -> str:
    """The text up to its first 。！？ (without it); the whole first line otherwise."""
    line = text.split("\n", 1)[0]
    for index, char in enumerate(line):
        if char in _SENTENCE_END:
            return line[:index].strip(_STRIP)
    return line.strip(_STRIP)


def _join(parts: list[Line], first: str) -> str:
    """A block's text: wrapped lines (PDF) joined, paragraphs kept apart."""
    text = first
    for line in parts:
        if not text:
            text = line.text
        elif line.gap or text[-1] in _PARAGRAPH_END:
            text += "\n" + line.text
        else:
            text += line.text
    return text


def _find_body(lines: list[Line]) -> tuple[int, int | None]:
    """(first body line, title line index or None)."""
    first_heading = next(
        (
            i
            for i, line in enumerate(lines)
            if (m := heading_marker(line.folded)) and m.level is Level.CHINESE and m.value == 1
        ),
        None,
    )
    search_to = first_heading if first_heading is not None else len(lines)
    for i in range(search_to - 1, -1, -1):
        if title_line(lines[i].folded):
            return i, i
    if first_heading is not None:
        return first_heading, None
    # No 一、 at all: start at the first numbered line of any level.
    for i, line in enumerate(lines):
        if heading_marker(line.folded):
            return i, None
    return len(lines), None


def _find_end(lines: list[Line], start: int) -> int:
    seen_heading = False
    for i in range(start, len(lines)):
        folded = lines[i].folded
        if heading_marker(folded):
            seen_heading = True
            continue
        if i == start:
            continue
        if is_footer(folded) or (seen_heading and is_signature(lines, i)):
            return i
    return len(lines)


def read_outline(text: str) -> Outline:
    """Find the body and its sections and items. Never raises on any text."""
    lines = split_lines(text)
    start, title_index = _find_body(lines)
    end = _find_end(lines, start)
    warnings: list[str] = []
    body = lines[start + (1 if title_index is not None else 0) : end]
    marked = [(line, heading_marker(line.folded)) for line in body]
    levels = sorted({m.level for _, m in marked if m is not None})
    sections: list[OutlineSection] = []
    if levels:
        sections = _build(marked, levels[0], warnings)
    return Outline(lines, start, end, title_index, sections, warnings)


def _build(
    marked: list[tuple[Line, Marker | None]], top: Level, warnings: list[str]
) -> list[OutlineSection]:
    # Split the body into sections: a top-level marker whose number goes up.
    groups: list[tuple[Line, Marker, list[tuple[Line, Marker | None]]]] = []
    last = 0
    for line, marker in marked:
        if marker is not None and marker.level is top and marker.value > last:
            if marker.value != last + 1:
                warnings.append(
                    f"第{chinese_numeral(last + 1)}部分缺失：「{line.text[:20]}」编号跳过了"
                )
            groups.append((line, marker, []))
            last = marker.value
        elif groups:
            groups[-1][2].append((line, marker))
        # Lines before the first section (the plan's lead-in) belong to no section.
    sections: list[OutlineSection] = []
    for line, marker, rest in groups:
        heading = line.text[marker.length :].strip(_STRIP)
        # A heading wrapped over lines (PDF, hard-wrapped text) continues on lines
        # with no blank line before them until it ends with punctuation.
        while (
            rest
            and rest[0][1] is None
            and not rest[0][0].gap
            and heading[-1:] not in _PARAGRAPH_END
        ):
            heading += rest.pop(0)[0].text
        title = first_sentence(heading)
        levels = sorted({m.level for _, m in rest if m is not None and m.level > top})
        lead: list[Line] = []
        items: list[OutlineItem] = []
        if levels:
            items = _items(rest, levels[0], lead, warnings, marker.label)
        else:
            lead = [ln for ln, _ in rest]
        section = OutlineSection(
            number=marker.label,
            title=title,
            text=_join(lead, line.text[: marker.length] + heading),
            items=items,
        )
        if not section.items:
            # Every item is reported on: a section with no numbered items is one item.
            warnings.append(f"第{marker.label}部分没有编号的工作任务，整段作为一项任务")
            body = _join(lead, heading)
            section.items.append(OutlineItem(marker.label, first_sentence(body) or title, body))
        sections.append(section)
    return sections


def _items(
    rest: list[tuple[Line, Marker | None]],
    level: Level,
    lead: list[Line],
    warnings: list[str],
    section_label: str,
) -> list[OutlineItem]:
    items: list[tuple[Line, Marker, list[Line]]] = []
    last = 0
    for line, marker in rest:
        if marker is not None and marker.level is level and marker.value > last:
            if marker.value != last + 1:
                warnings.append(f"第{section_label}部分的任务编号从 {last} 跳到 {marker.value}")
            items.append((line, marker, []))
            last = marker.value
        elif items:
            items[-1][2].append(line)
        else:
            lead.append(line)
    result: list[OutlineItem] = []
    for line, marker, more in items:
        text = _join(more, line.text[marker.length :].strip(_STRIP))
        result.append(OutlineItem(marker.label, first_sentence(text), text))
    return result

"""Chongqing's districts and counties (区县), with GB/T 2260 codes, for lookup and search.

The list is data (`resources/districts.json`, format `jindu-districts/1`): the 38
current county-level units, the codes they replaced (kept so that an old return
still names its district), and the zones that report separately but have no
GB/T 2260 code, under application-local codes 5099xx. GB/T 2260 gives
Chongqing's county-level units 5001xx (市辖区) and 5002xx (县) only, so a local
code can never be mistaken for a national one.

Pinyin and initials serve type-to-search. Each unit's syllables are part of
the list itself, so that the program needs no pinyin library: pypinyin is a
development dependency only. pinyin_syllables() gives them for a new unit; where
pypinyin reads a place name wrongly (丰都 is fēngdū, not fēngdōu) a phrase
override fixes it. The tests check every name in the list against it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from models.errors import InputError, NotFoundError, StoreError
from models.resources import resources_dir

FORMAT = "jindu-districts/1"
CITY_PREFIXES = ("重庆市", "重庆")

# Place names pypinyin reads wrongly, as whole phrases (checked for every name
# in the list by tests/models/test_districts.py).
PINYIN_OVERRIDES: dict[str, tuple[str, ...]] = {
    "丰都": ("feng", "du"),
}

# Suffixes dropped for the short name, longest first. Chongqing's autonomous
# counties are 土家族 and/or 苗族 ones.
_AUTONOMOUS = re.compile(r"(?:土家族|苗族)+自治县$")
_SUFFIXES = ("经济技术开发区", "新区", "区", "县")


class DistrictKind(StrEnum):
    DISTRICT = "district"  # 市辖区
    COUNTY = "county"  # 县、自治县
    ZONE = "zone"  # 功能区 without a GB/T 2260 code


def pinyin_syllables(name: str) -> list[str]:
    """Toneless lowercase syllables, one per character, with PINYIN_OVERRIDES applied.

    For writing a new unit's `pinyin` into the list and for the tests: pypinyin is a
    development dependency, absent from the installed program, which reads the list.
    """
    from pypinyin import lazy_pinyin

    if not PINYIN_OVERRIDES:
        return [s.lower() for s in lazy_pinyin(name)]
    pattern = "(" + "|".join(re.escape(p) for p in PINYIN_OVERRIDES) + ")"
    syllables: list[str] = []
    for chunk in re.split(pattern, name):
        if not chunk:
            continue
        if chunk in PINYIN_OVERRIDES:
            syllables.extend(PINYIN_OVERRIDES[chunk])
        else:
            # A whole chunk at a time, so that pypinyin sees phrases (重庆, 长寿).
            syllables.extend(s.lower() for s in lazy_pinyin(chunk))
    return syllables


def short_name(name: str) -> str:
    """石柱土家族自治县 → 石柱, 渝中区 → 渝中, 两江新区 → 两江; 忠县 stays 忠县."""
    bare = name
    for prefix in CITY_PREFIXES:
        if bare.startswith(prefix) and len(bare) > len(prefix):
            bare = bare[len(prefix) :]
            break
    stripped = _AUTONOMOUS.sub("", bare)
    if stripped == bare:
        for suffix in _SUFFIXES:
            if bare.endswith(suffix):
                stripped = bare[: -len(suffix)]
                break
    # One character alone (忠, 开) is not how anyone names a county.
    return stripped if len(stripped) >= 2 else bare


@dataclass(frozen=True)
class District:
    """A county-level unit, current or historic. Pinyin fields are derived from the name."""

    code: str
    name: str
    kind: DistrictKind
    syllables: tuple[str, ...]  # from the list: one toneless syllable per character
    local: bool = False
    valid_from: date | None = None  # inclusive; None: before the records we keep
    valid_to: date | None = None  # inclusive; None: still valid
    successor: str | None = None
    note: str = ""
    short: str = field(init=False)
    pinyin: str = field(init=False)  # "yuzhongqu"
    initials: str = field(init=False)  # "yzq"
    short_pinyin: str = field(init=False)  # "yuzhong"
    short_initials: str = field(init=False)  # "yz"

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DistrictKind(self.kind))
        syllables = list(self.syllables)
        # The short name's pinyin is cut out of the syllables by character position.
        if len(syllables) != len(self.name):
            raise ValueError(
                f"{self.name}: {len(syllables)} syllables for {len(self.name)} characters"
            )
        object.__setattr__(self, "syllables", tuple(syllables))
        short = short_name(self.name)
        start = self.name.index(short)
        short_syllables = syllables[start : start + len(short)]
        object.__setattr__(self, "short", short)
        object.__setattr__(self, "pinyin", "".join(syllables))
        object.__setattr__(self, "initials", "".join(s[0] for s in syllables))
        object.__setattr__(self, "short_pinyin", "".join(short_syllables))
        object.__setattr__(self, "short_initials", "".join(s[0] for s in short_syllables))

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def label(self) -> str:
        """渝中区（500103）: how messages and combo boxes show a district."""
        return f"{self.name}（{self.code}）"


# ----- loading ----------------------------------------------------------------


def _bad(path: Path, problem: str) -> StoreError:
    return StoreError(f"区划代码表 {path} 有误：{problem}。请重新安装进度。")


def _date_or_none(path: Path, code: str, key: str, value: object) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad(path, f"{code} 的 {key}「{value}」不是 ISO 日期") from None


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[District, ...]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _bad(path, "文件不存在") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(path, f"无法读取（{exc}）") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad(path, f"格式应为 {FORMAT}")
    records = doc.get("districts")
    if not isinstance(records, list) or not records:
        raise _bad(path, "缺少 districts 列表")
    found: list[District] = []
    for record in records:
        if not isinstance(record, dict):
            raise _bad(path, "districts 中有一项不是对象")
        code = record.get("code")
        name = record.get("name")
        if not isinstance(code, str) or not re.fullmatch(r"[0-9]{6}", code, re.ASCII):
            raise _bad(path, f"代码「{code}」不是 6 位数字")
        if not isinstance(name, str) or not name:
            raise _bad(path, f"{code} 缺少名称")
        try:
            kind = DistrictKind(str(record.get("kind")))
        except ValueError:
            raise _bad(path, f"{code} 的类别「{record.get('kind')}」无效") from None
        syllables = record.get("pinyin")
        if syllables is None or syllables == []:
            raise _bad(path, f"{code}（{name}）缺少拼音 pinyin（每字一个音节的列表）")
        if (
            not isinstance(syllables, list)
            or len(syllables) != len(name)
            or not all(
                isinstance(x, str) and re.fullmatch(r"[a-z]+", x, re.ASCII) for x in syllables
            )
        ):
            raise _bad(path, f"{code}（{name}）的 pinyin 应为每字一个小写音节的列表")
        successor = record.get("successor")
        if successor is not None and not isinstance(successor, str):
            raise _bad(path, f"{code} 的 successor 应为代码或 null")
        found.append(
            District(
                code=code,
                name=name,
                kind=kind,
                local=bool(record.get("local", False)),
                valid_from=_date_or_none(path, code, "valid_from", record.get("valid_from")),
                valid_to=_date_or_none(path, code, "valid_to", record.get("valid_to")),
                successor=successor,
                note=str(record.get("note") or ""),
                syllables=tuple(syllables),
            )
        )
    codes = [d.code for d in found]
    if len(set(codes)) != len(codes):
        raise _bad(path, "代码重复")
    for d in found:
        if d.successor is not None and d.successor not in codes:
            raise _bad(path, f"{d.code} 的承继代码 {d.successor} 不在表中")
    return tuple(sorted(found, key=lambda d: d.code))


def districts_path() -> Path:
    return resources_dir() / "districts.json"


def load_districts(path: Path | None = None) -> list[District]:
    """Every district in the list, historic ones included, sorted by code (cached)."""
    return list(_load((path or districts_path()).resolve()))


def current_districts(on: date | None = None) -> list[District]:
    """The units valid on `on` (default today), zones included, sorted by code."""
    day = on or date.today()
    return [d for d in load_districts() if d.valid_on(day)]


def district_by_code(code: str) -> District:
    """The district with this code, historic codes included.

    Raises:
        NotFoundError: field 区县代码 when the code is not in the list.
    """
    wanted = unicodedata.normalize("NFKC", str(code)).strip()
    for d in load_districts():
        if d.code == wanted:
            return d
    raise NotFoundError("区县代码", code, "不在区划代码表中")


def current_successor(district: District, on: date | None = None) -> District:
    """The unit that carries on `district` on `on` (default today): itself if still valid.

    Raises:
        NotFoundError: when the unit was abolished without a successor in the list.
    """
    day = on or date.today()
    seen: set[str] = set()
    d = district
    while not d.valid_on(day):
        if d.successor is None or d.code in seen:
            raise NotFoundError("区县代码", district.code, f"{district.name}已撤销，没有承继的区划")
        seen.add(d.code)
        d = district_by_code(d.successor)
    return d


# ----- lookup and search ---------------------------------------------------------


def _chinese_forms(text: str) -> set[str]:
    """The text, and the text without a leading 重庆市/重庆."""
    forms = {text}
    for prefix in CITY_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            forms.add(text[len(prefix) :])
    return forms


def _latin_key(text: str) -> str | None:
    """Lowercase letters only ("Yu Zhong" → "yuzhong"), or None for other text."""
    key = re.sub(r"[\s'’\-]", "", text).lower()
    return key if key and re.fullmatch(r"[a-z]+", key, re.ASCII) else None


def find_district(text: str) -> District:
    """The district a person means by a code, name, short name, pinyin or initials.

    `500103`, `渝中区`, `重庆市渝中区`, `渝中`, `yuzhongqu`, `yuzhong`, `yzq`, `yz`.
    Current units are tried first; only if none matches are historic ones tried,
    so `梁平` is 梁平区 while `梁平县` is the historic county (the caller decides
    what to do with it, see current_successor). A historic code resolves to the
    historic unit.

    Raises:
        InputError: field 区县 when several units match, listing them.
        NotFoundError: field 区县 when nothing matches.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise InputError("区县", text, "不能为空")
    if re.fullmatch(r"[0-9]{6}", cleaned, re.ASCII):
        try:
            return district_by_code(cleaned)
        except NotFoundError:
            raise NotFoundError("区县", text, "不在区划代码表中") from None

    names = _chinese_forms(cleaned)
    key = _latin_key(cleaned)
    matchers: tuple[Callable[[District], bool], ...] = (
        lambda d: d.name in names,
        lambda d: d.short in names,
        lambda d: key is not None and key in (d.pinyin, d.short_pinyin),
        lambda d: key is not None and key in (d.initials, d.short_initials),
    )
    today = date.today()
    everything = load_districts()
    current = [d for d in everything if d.valid_on(today)]
    historic = [d for d in everything if not d.valid_on(today)]
    for pool in (current, historic):
        for matches in matchers:
            hits = [d for d in pool if matches(d)]
            if len(hits) == 1:
                return hits[0]
            if hits:
                listed = "、".join(d.label for d in hits)
                raise InputError("区县", text, f"有多个区县符合：{listed}，请输入代码或全称")
    raise NotFoundError("区县", text, "不是区划代码表中的区县代码、名称、拼音或拼音首字母")


def _rank(d: District, cleaned: str, key: str | None) -> int | None:
    """How well `d` matches typed text: lower is better, None is no match."""
    if cleaned in (d.code, d.name, d.short) or (
        key is not None and key in (d.pinyin, d.short_pinyin, d.initials, d.short_initials)
    ):
        return 0
    if cleaned.isascii() and cleaned.isdigit() and d.code.startswith(cleaned):
        return 1
    if d.name.startswith(cleaned) or d.short.startswith(cleaned):
        return 2
    if cleaned in d.name:
        return 3
    if key is not None and (d.initials.startswith(key) or d.short_initials.startswith(key)):
        return 4
    if key is not None and (d.pinyin.startswith(key) or d.short_pinyin.startswith(key)):
        return 5
    return None


def search_districts(text: str, on: date | None = None) -> list[District]:
    """Units valid on `on` (default today) matching typed text, best first, for a combo box.

    Ranking: exact code, name, short name, pinyin or initials; then code prefix;
    name prefix; name substring; initials prefix; pinyin prefix; ties by code.
    Empty text gives every current unit, sorted by code.
    """
    pool = current_districts(on)
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return pool
    for prefix in CITY_PREFIXES:
        if cleaned.startswith(prefix) and len(cleaned) > len(prefix):
            cleaned = cleaned[len(prefix) :]
            break
    key = _latin_key(cleaned)
    ranked = [(rank, d.code, d) for d in pool if (rank := _rank(d, cleaned, key)) is not None]
    return [d for _, _, d in sorted(ranked, key=lambda t: (t[0], t[1]))]

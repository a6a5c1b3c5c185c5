"""An editable plan catalogue: what the city's plan editor works on before publishing.

A draft from the notice (``app.plan_draft``), a catalogue file or an installed
``Plan`` is loaded into a ``Catalogue``: a mutable tree of ``SectionNode`` →
``ItemNode`` → ``IndicatorNode``. The editor adds, removes, moves and edits nodes;
``validate`` lists every problem in Chinese with its place; ``publish`` turns the
catalogue into a ``Plan`` (through ``models.plan.parse_plan``, the only reader of
the ``jindu-plan/1`` format: this module never repeats its rules), installs it in
the city's database and keeps the catalogue file in ``data_dir/plans/``.

Ids follow position, as the format requires: sections ``1``…``n``, items
``s.k``, indicators ``s.k.m``. Every structural change renumbers the tree at once
and reports each id that changed (``IdChange``), so the statistician sees it.
Each node also has a ``key`` that never changes while the catalogue is open (the
editor tracks selection and rate formulas by key, so a formula follows its
counts when they move), and an ``origin``: the id it had in the published plan it
was loaded from (``based_on``).

The rule for a new version of a published plan. Districts have stored entries,
targets and signed returns under the previous version's ids, so an id that
exists in both versions must mean the same thing in both:

* a node that came from the previous version (its ``origin``) must keep its id:
  moving it, or removing a node before it so that it moves up, is **refused**
  (``renumbered``); add new sections, items and indicators after the existing
  ones of their parent instead;
* a new node may not take an id the previous version used for something else
  (``reused``): it would inherit the districts' data of that id. Refused too.
  A node without an origin (typed anew, or from a fresh draft of the notice)
  counts as the previous one when its id and its name or title are the same;
* an id of the previous version that is gone (``removed``) is allowed only when
  the user confirms it (``confirm_removal=True``): the districts' data under it
  stays in their databases but is no longer reported.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, Protocol

from app.files import write_atomic
from models.districts import District, current_districts, district_by_code, find_district
from models.errors import InputError, JinduError, NotFoundError, PlanFormatError, StateError
from models.kinds import Kind, Level
from models.numbers import format_decimal, json_number, parse_number
from models.plan import (
    ALL,
    COMPARATORS,
    FORM_KEYS,
    FORMAT,
    GROUP_PREFIX,
    MILESTONE_UNIT,
    Group,
    Plan,
    load_bundled_plans,
    parse_plan,
)

DRAFT_KEYS = ("confidence", "span", "match")
PLANS_FOLDER = "plans"
AUTHORED = "authored"

KIND_LABELS: dict[Kind, str] = {
    Kind.COUNT: "计数",
    Kind.AMOUNT: "金额",
    Kind.RATE: "比率",
    Kind.MILESTONE: "完成事项",
}
LEVEL_LABELS: dict[Level, str] = {Level.DISTRICT: "区县", Level.CITY: "市级"}
COMPARATOR_LABELS: dict[str, str] = {">=": "≥", "<=": "≤", "=": "="}
FREQUENCY_LABELS: dict[str, str] = {
    "yearly": "每年",
    "semiannual": "每半年",
    "quarterly": "每季度",
    "monthly": "每月",
}
ALL_LABEL = "全部"
# What people write in a cell for a comparator, beside the signs themselves.
_COMPARATOR_WORDS: dict[str, str] = {
    "≥": ">=", ">=": ">=", "以上": ">=", "不少于": ">=", "不低于": ">=", "至少": ">=",
    "≤": "<=", "<=": "<=", "以下": "<=", "不超过": "<=", "不高于": "<=", "至多": "<=",
    "=": "=", "＝": "=", "等于": "=",
}  # fmt: skip
_APPLIES_SPLIT = re.compile(r"[、，,;；\s]+")
_GROUP_ID = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_ZH_DIGITS = "零一二三四五六七八九"
_LABEL_NUMBER = re.compile(r"^([（(]?)([一二三四五六七八九十百]+|[0-9]+)([）)、.．]?)$")
_JSON_PATH = re.compile(
    r"^sections\[(\d+)\](?:\.items\[(\d+)\](?:\.indicators\[(\d+)\])?)?(?:\.([a-z_]+))?"
)

FIELD_LABELS: dict[str, str] = {
    "id": "编号",
    "number": "序号",
    "title": "标题",
    "text": "正文",
    "name": "名称",
    "unit": "单位",
    "kind": "类型",
    "target": "目标",
    "target_max": "目标上限",
    "comparator": "比较",
    "level": "填报层级",
    "applies_to": "适用区县",
    "formula": "公式",
    "source": "来源句",
    "note": "备注",
    "items": "工作任务",
}
PLAN_FIELD_LABELS: dict[str, str] = {
    "id": "计划编号",
    "version": "版本",
    "title": "计划标题",
    "issuer": "发文单位",
    "issued": "发文日期",
    "year": "年度",
    "frequency": "报送频率",
    "due_days": "报送期限（天）",
    "form": "表式",
    "groups": "区县组",
    "sections": "部分",
}


def zh_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section and item labels); from 100 on, digits."""
    if n <= 0 or n >= 100:
        return str(n)
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")


def _relabel(label: str, position: int) -> str:
    """Renumber a printed label that counts its position (一、 （二） 3.); leave others."""
    found = _LABEL_NUMBER.match(label.strip())
    if not found:
        return label
    opening, numeral, closing = found.groups()
    new = str(position) if numeral.isdigit() else zh_numeral(position)
    return f"{opening}{new}{closing}"


def parse_kind(text: str, field_name: str = "类型") -> Kind:
    """计数/金额/比率/完成事项 or the codes count/amount/rate/milestone."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    for kind, label in KIND_LABELS.items():
        if cleaned in (label, kind.value):
            return kind
    if cleaned.lower() in {k.value for k in Kind}:
        return Kind(cleaned.lower())
    choices = "、".join(f"{label}（{kind.value}）" for kind, label in KIND_LABELS.items())
    raise InputError(field_name, text, f"应为 {choices} 之一")


def parse_level(text: str, field_name: str = "填报层级") -> Level:
    """区县/市级 (also 区县级, 市, district, city)."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().lower()
    if cleaned in ("区县", "区县级", "district"):
        return Level.DISTRICT
    if cleaned in ("市级", "市", "市残联", "city"):
        return Level.CITY
    raise InputError(field_name, text, "应为「区县」或「市级」")


def parse_comparator(text: str | None, field_name: str = "比较") -> str | None:
    """≥ / ≤ / = (or >=, 以上, 不少于 …); empty means none."""
    if text is None:
        return None
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    if not cleaned:
        return None
    found = _COMPARATOR_WORDS.get(cleaned) or _COMPARATOR_WORDS.get(str(text).strip())
    if found is None:
        raise InputError(field_name, text, "应为 ≥（以上）、≤（以下）、= 或留空")
    return found


def comparator_label(comparator: str | None) -> str:
    return COMPARATOR_LABELS.get(comparator or "", "")


def parse_target_text(text: str, field_name: str, unit: str | None = None) -> Decimal | None:
    """A target as typed (``2000``, ``1.2万``, ``80%``, ``２０００户``); empty is None."""
    if not str(text).strip():
        return None
    number = parse_number(str(text), field_name, unit or None)
    if number < 0:
        raise InputError(field_name, text, "目标不能为负数")
    return number


def target_label(node: IndicatorNode) -> str:
    """2000, 5-8, ≥80; empty when there is no target yet."""
    if node.target is None:
        return ""
    text = format_decimal(node.target)
    if node.target_max is not None:
        return f"{text}-{format_decimal(node.target_max)}"
    if node.comparator and node.comparator != "=":
        return COMPARATOR_LABELS[node.comparator] + text
    return text


# ----- the tree --------------------------------------------------------------------------


@dataclass(eq=False, kw_only=True)
class Node:
    key: int
    id: str = ""
    origin: str | None = None  # its id in the published plan this catalogue is based on

    level_zh = ""

    @property
    def label(self) -> str:
        """The node's name or title (each kind of node says which)."""
        return ""

    @property
    def where(self) -> str:
        """How a message names the node: 指标 2.1.3（农村贫困残疾人危房改造）."""
        shown = self.label.strip()
        if len(shown) > 24:
            shown = shown[:24] + "…"
        return f"{self.level_zh} {self.id}（{shown}）" if shown else f"{self.level_zh} {self.id}"


@dataclass(eq=False, kw_only=True)
class IndicatorNode(Node):
    name: str = ""
    unit: str = ""
    kind: Kind = Kind.COUNT
    target: Decimal | None = None
    target_max: Decimal | None = None
    comparator: str | None = None
    level: Level = Level.DISTRICT
    applies_to: Literal["all"] | list[str] = ALL  # district codes and "group:ID"
    formula: tuple[int | str, int | str] | None = None  # node keys (str: an unresolved id)
    source: str = ""
    note: str = ""
    confidence: float | None = None  # draft only: how sure the drafter was
    span: tuple[int, int] | None = None  # draft only: the target's place in `source`
    match: str | None = None  # draft only: the text that was read as the target

    level_zh = "指标"

    @property
    def label(self) -> str:
        return self.name

    @property
    def target_text(self) -> str:
        return target_label(self)


@dataclass(eq=False, kw_only=True)
class ItemNode(Node):
    number: str = ""
    title: str = ""
    text: str = ""
    indicators: list[IndicatorNode] = field(default_factory=list)

    level_zh = "工作任务"

    @property
    def label(self) -> str:
        return self.title


@dataclass(eq=False, kw_only=True)
class SectionNode(Node):
    number: str = ""
    title: str = ""
    text: str = ""
    items: list[ItemNode] = field(default_factory=list)

    level_zh = "部分"

    @property
    def label(self) -> str:
        return self.title


@dataclass(eq=False)
class GroupDef:
    """A named set of districts (plan-level ``groups``)."""

    id: str
    name: str
    districts: list[str]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return Group(self.id, self.name, tuple(self.districts), self.note).to_json()


@dataclass(frozen=True)
class IdChange:
    """An id that changed when the tree was renumbered."""

    level_zh: str
    key: int
    old: str
    new: str
    label: str

    def __str__(self) -> str:
        return f"{self.level_zh} {self.old} → {self.new}（{self.label}）"


@dataclass(frozen=True)
class Edit:
    """What a structural change did: the node concerned and the ids that changed."""

    node: Node | None
    renumbered: tuple[IdChange, ...] = ()


@dataclass(frozen=True)
class Problem:
    """A reason the catalogue cannot be published yet, with its place.

    ``key`` is the node (None: the plan itself), ``field`` the JSON key concerned.
    """

    key: int | None
    where: str
    field: str
    message: str

    @property
    def field_label(self) -> str:
        labels = PLAN_FIELD_LABELS if self.key is None else FIELD_LABELS
        return labels.get(self.field, self.field)

    def __str__(self) -> str:
        label = self.field_label
        return f"{self.where}{label}：{self.message}" if label else f"{self.where}：{self.message}"


class CatalogueInvalid(JinduError):
    """Publishing refused: the catalogue has problems (all listed)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"计划目录有 {len(problems)} 处问题，未发布：\n{lines}")


# ----- the catalogue ---------------------------------------------------------------------


class Catalogue:
    """The whole editable catalogue: plan fields, district groups and the tree."""

    def __init__(
        self,
        *,
        id: str = "",
        version: int = 1,
        title: str = "",
        issuer: str = "",
        issued: str = "",
        year: int | None = None,
        frequency: str = "quarterly",
        due_days: int = 10,
        form: Mapping[str, str] | None = None,
        groups: Mapping[str, GroupDef] | None = None,
        notice: str = "",
        based_on: tuple[str, int] | None = None,
    ) -> None:
        self.id = id
        self.version = version
        self.title = title
        self.issuer = issuer
        self.issued = issued
        self.year = year
        self.frequency = frequency
        self.due_days = due_days
        self.form: dict[str, str] = {key: "" for key in FORM_KEYS}
        self.form.update(form or {})
        self.groups: dict[str, GroupDef] = dict(groups or {})
        self.notice = notice  # the notice's text, when the catalogue was drafted from it
        self.based_on = based_on  # (plan id, version) whose ids the origins are
        self.sections: list[SectionNode] = []
        self.load_changes: tuple[IdChange, ...] = ()  # ids corrected while loading
        self.warnings: list[str] = []  # the drafter's remarks (what it could not find)
        self._next_key = 1
        self._removed_ids: dict[int, str] = {}

    # ----- loading ---------------------------------------------------------------------

    @classmethod
    def from_plan(cls, plan: Plan) -> Catalogue:
        """An installed plan, to edit for a new version: every node's origin is its id."""
        cat = cls.from_json(plan.to_json(), origin=f"计划 {plan.id} 第 {plan.version} 版")
        cat.based_on = (plan.id, plan.version)
        return cat

    @classmethod
    def from_draft(cls, draft: Mapping[str, Any], notice: str = "") -> Catalogue:
        """A draft made from the notice (``app.plan_draft``): nodes have no origin."""
        cat = cls.from_json(draft, origin="草稿", draft=True)
        if notice:
            cat.notice = notice
        return cat

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any], *, origin: str, draft: bool | None = None
    ) -> Catalogue:
        """A catalogue document, complete or not (a draft may lack units and targets).

        ``draft=None`` decides by the draft-only keys. A catalogue (not a draft) gets
        origins from its ids and ``based_on`` from its id and version. Structural
        mistakes (a list where an object belongs) raise PlanFormatError; missing
        fields are left empty for ``validate`` to report.
        """
        reader = _Reader(origin)
        if not isinstance(data, Mapping):
            reader.fail("", "应为 JSON 对象")
        if draft is None:
            draft = _has_draft_keys(data)
        year = data.get("year")
        cat = cls(
            id=reader.text(data, "id", ""),
            version=reader.integer(data, "version", "", 1),
            title=reader.text(data, "title", ""),
            issuer=reader.text(data, "issuer", ""),
            issued=reader.text(data, "issued", ""),
            year=year if isinstance(year, int) and not isinstance(year, bool) else None,
            frequency=reader.text(data, "frequency", "") or "quarterly",
            due_days=reader.integer(data, "due_days", "", 10),
            form=reader.form(data.get("form")),
            groups=reader.groups(data.get("groups")),
            notice=data.get("notice", "") if isinstance(data.get("notice"), str) else "",
        )
        extra = data.get("draft")
        if isinstance(extra, Mapping) and isinstance(extra.get("warnings"), list):
            cat.warnings = [str(w) for w in extra["warnings"]]
        raw_sections = data.get("sections") or []
        if not isinstance(raw_sections, list):
            reader.fail("sections", "应为列表")
        ids: dict[str, IndicatorNode] = {}
        formulas: list[tuple[IndicatorNode, Any, str]] = []
        for s, raw_s in enumerate(raw_sections):
            path_s = f"sections[{s}]"
            doc_s = reader.obj(raw_s, path_s)
            section = SectionNode(
                key=cat._new_key(),
                id=reader.text(doc_s, "id", path_s),
                number=reader.text(doc_s, "number", path_s),
                title=reader.text(doc_s, "title", path_s),
                text=reader.text(doc_s, "text", path_s),
            )
            for k, raw_i in enumerate(reader.list(doc_s, "items", path_s)):
                path_i = f"{path_s}.items[{k}]"
                doc_i = reader.obj(raw_i, path_i)
                item = ItemNode(
                    key=cat._new_key(),
                    id=reader.text(doc_i, "id", path_i),
                    number=reader.text(doc_i, "number", path_i),
                    title=reader.text(doc_i, "title", path_i),
                    text=reader.text(doc_i, "text", path_i),
                )
                for m, raw_n in enumerate(reader.list(doc_i, "indicators", path_i)):
                    path_n = f"{path_i}.indicators[{m}]"
                    node = reader.indicator(raw_n, path_n, cat._new_key())
                    if node.id:
                        ids.setdefault(node.id, node)
                    formulas.append((node, reader.obj(raw_n, path_n).get("formula"), path_n))
                    item.indicators.append(node)
                section.items.append(item)
            cat.sections.append(section)
        for node, raw_formula, path in formulas:
            if raw_formula is None:
                continue
            doc_f = reader.obj(raw_formula, f"{path}.formula")
            refs: list[int | str] = []
            for part in ("numerator", "denominator"):
                ref = reader.text(doc_f, part, f"{path}.formula")
                refs.append(ids[ref].key if ref in ids else ref)
            node.formula = (refs[0], refs[1])
        if not draft:
            for n in cat.nodes():
                n.origin = n.id or None
            if cat.id:
                cat.based_on = (cat.id, cat.version)
        cat.load_changes = tuple(cat.renumber())
        return cat

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        """A catalogue or draft JSON file (UTF-8, at most a few megabytes)."""
        from models.plan import MAX_FILE_BYTES

        origin = str(path)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise PlanFormatError(origin, "", "文件过大，不是计划目录")
            text = path.read_bytes().decode("utf-8-sig")
            data = json.loads(text, parse_float=Decimal)
        except FileNotFoundError as exc:
            raise NotFoundError("文件", origin, "不存在") from exc
        except UnicodeDecodeError as exc:
            raise PlanFormatError(origin, "", "不是 UTF-8 编码的文本") from exc
        except json.JSONDecodeError as exc:
            raise PlanFormatError(
                origin, f"第 {exc.lineno} 行第 {exc.colno} 列", "JSON 语法错误"
            ) from exc
        except OSError as exc:
            raise NotFoundError("文件", origin, f"无法读取：{exc.strerror or exc}") from exc
        if not isinstance(data, dict):
            raise PlanFormatError(origin, "", "应为 JSON 对象")
        return cls.from_json(data, origin=origin)

    def copy(self) -> Catalogue:
        """An independent copy (keys and origins kept), for trying a change."""
        return copy.deepcopy(self)

    # ----- walking -------------------------------------------------------------------

    def _new_key(self) -> int:
        key = self._next_key
        self._next_key += 1
        return key

    def nodes(self) -> Iterator[Node]:
        """Every node in document order: a section, its items, each with its indicators."""
        for section in self.sections:
            yield section
            for item in section.items:
                yield item
                yield from item.indicators

    def items(self) -> list[ItemNode]:
        return [i for s in self.sections for i in s.items]

    def indicators(self) -> list[IndicatorNode]:
        return [n for s in self.sections for i in s.items for n in i.indicators]

    def node(self, key: int) -> Node:
        for n in self.nodes():
            if n.key == key:
                return n
        raise NotFoundError("节点", key, "目录中没有此节点（可能已删除）")

    def find(self, node_id: str) -> Node:
        for n in self.nodes():
            if n.id == node_id:
                return n
        raise NotFoundError("编号", node_id, "目录中没有此编号")

    def parent(self, node: Node) -> SectionNode | ItemNode | None:
        """The section of an item, the item of an indicator; None for a section."""
        for section in self.sections:
            if node in section.items:
                return section
            for item in section.items:
                if node in item.indicators:
                    return item
        return None

    def _siblings(self, node: Node) -> list[Any]:
        if isinstance(node, SectionNode):
            return self.sections
        parent = self.parent(node)
        if parent is None:
            raise NotFoundError("节点", node.id, "不在此目录中")
        return parent.items if isinstance(parent, SectionNode) else parent.indicators

    def id_of(self, ref: int | str) -> str:
        """The current id of a formula reference (a removed node: its last id)."""
        if isinstance(ref, str):
            return ref
        for n in self.indicators():
            if n.key == ref:
                return n.id
        return self._removed_ids.get(ref, "")

    # ----- numbering -------------------------------------------------------------------

    def renumber(self) -> list[IdChange]:
        """Give every node the id of its position; return the ids that changed."""
        changes: list[IdChange] = []

        def assign(node: Node, new: str) -> None:
            if node.id != new:
                if node.id:
                    changes.append(IdChange(node.level_zh, node.key, node.id, new, node.label))
                node.id = new

        for s, section in enumerate(self.sections, start=1):
            assign(section, str(s))
            for k, item in enumerate(section.items, start=1):
                assign(item, f"{s}.{k}")
                for m, ind in enumerate(item.indicators, start=1):
                    assign(ind, f"{s}.{k}.{m}")
        return changes

    def _relabel(self, siblings: Sequence[SectionNode | ItemNode]) -> None:
        for position, node in enumerate(siblings, start=1):
            node.number = _relabel(node.number, position)

    def _changed(self, node: Node | None, relabel: Sequence[Any] | None = None) -> Edit:
        if relabel is not None and relabel and not isinstance(relabel[0], IndicatorNode):
            self._relabel(relabel)
        return Edit(node, tuple(self.renumber()))

    # ----- structure -------------------------------------------------------------------

    def add_section(self, index: int | None = None, *, title: str = "", text: str = "") -> Edit:
        """A new section at `index` (default: last), with one empty item (a section needs one)."""
        at = len(self.sections) if index is None else max(0, min(index, len(self.sections)))
        section = SectionNode(
            key=self._new_key(), number=zh_numeral(at + 1), title=title, text=text
        )
        self.sections.insert(at, section)
        return self._changed(section, self.sections)

    def add_item(
        self, section: SectionNode, index: int | None = None, *, title: str = "", text: str = ""
    ) -> Edit:
        at = len(section.items) if index is None else max(0, min(index, len(section.items)))
        item = ItemNode(
            key=self._new_key(), number=f"（{zh_numeral(at + 1)}）", title=title, text=text
        )
        section.items.insert(at, item)
        return self._changed(item, section.items)

    def add_indicator(
        self, item: ItemNode, index: int | None = None, *, name: str = "", source: str = ""
    ) -> Edit:
        at = len(item.indicators) if index is None else max(0, min(index, len(item.indicators)))
        node = IndicatorNode(key=self._new_key(), name=name, source=source)
        item.indicators.insert(at, node)
        return self._changed(node)

    def remove(self, node: Node) -> Edit:
        """Remove a node and everything under it; the parent is returned as `node`."""
        siblings = self._siblings(node)
        parent = self.parent(node)
        siblings.remove(node)
        for gone in _subtree(node):
            self._removed_ids[gone.key] = gone.id
        return self._changed(parent, siblings)

    def move(self, node: Node, delta: int) -> Edit:
        """Move a node up (negative) or down among its siblings; at the edge nothing moves."""
        siblings = self._siblings(node)
        old = siblings.index(node)
        new = max(0, min(old + delta, len(siblings) - 1))
        if new == old:
            return Edit(node)
        siblings.insert(new, siblings.pop(old))
        return self._changed(node, siblings)

    # ----- fields ----------------------------------------------------------------------

    def set_title(self, node: SectionNode | ItemNode, title: str) -> None:
        node.title = _one_line(title, f"{node.where}标题", 200)

    def set_number(self, node: SectionNode | ItemNode, number: str) -> None:
        node.number = _one_line(number, f"{node.where}序号", 20)

    def set_text(self, node: SectionNode | ItemNode, text: str) -> None:
        node.text = _limited(text, f"{node.where}正文", 20000)

    def set_name(self, node: IndicatorNode, name: str) -> None:
        node.name = _one_line(name, f"{node.where}名称", 200)

    def set_source(self, node: IndicatorNode, source: str) -> None:
        node.source = _limited(source, f"{node.where}来源句", 5000).strip()
        # The drafter's span belongs to its own sentence.
        if node.match is None or node.match not in node.source:
            node.span = None
            node.match = None
        elif node.span is not None:
            start = node.source.find(node.match)
            node.span = (start, start + len(node.match))

    def set_note(self, node: IndicatorNode, note: str) -> None:
        node.note = _limited(note, f"{node.where}备注", 2000).strip()

    def set_kind(self, node: IndicatorNode, kind: Kind | str) -> None:
        """Change the kind; a milestone is 1 项 (done), and only a rate keeps a formula."""
        new = kind if isinstance(kind, Kind) else parse_kind(kind, f"{node.where}类型")
        if new is node.kind:
            return
        if new is Kind.MILESTONE:
            node.unit, node.target, node.target_max, node.comparator = (
                MILESTONE_UNIT,
                Decimal(1),
                None,
                None,
            )
        elif node.kind is Kind.MILESTONE:
            node.target = None
            if node.unit == MILESTONE_UNIT:
                node.unit = "%" if new is Kind.RATE else ""
        elif new is Kind.RATE and not node.unit:
            node.unit = "%"
        if new is not Kind.RATE:
            node.formula = None
        node.kind = new

    def set_unit(self, node: IndicatorNode, unit: str) -> None:
        node.unit = _one_line(unit, f"{node.where}单位", 20)

    def set_target(self, node: IndicatorNode, value: str | Decimal | None) -> None:
        node.target = self._target(node, value, "目标")
        if node.target is None:
            node.target_max = None
            node.comparator = None

    def set_target_max(self, node: IndicatorNode, value: str | Decimal | None) -> None:
        """The upper bound of a range (5-8); a range has no comparator."""
        node.target_max = self._target(node, value, "目标上限")
        if node.target_max is not None:
            node.comparator = None

    def _target(
        self, node: IndicatorNode, value: str | Decimal | None, label: str
    ) -> Decimal | None:
        where = f"{node.where}{label}"
        if value is None:
            return None
        if isinstance(value, Decimal):
            if not value.is_finite() or value < 0:
                raise InputError(where, value, "目标应为不小于 0 的数")
            return value
        return parse_target_text(value, where, node.unit or None)

    def set_comparator(self, node: IndicatorNode, comparator: str | None) -> None:
        found = parse_comparator(comparator, f"{node.where}比较")
        if found is not None and found not in COMPARATORS:
            raise InputError(f"{node.where}比较", comparator, "不是可用的比较符")
        node.comparator = found
        if found is not None:
            node.target_max = None

    def set_level(self, node: IndicatorNode, level: Level | str) -> None:
        """区县 or 市级; a city task is reported by the city office for the whole city."""
        new = level if isinstance(level, Level) else parse_level(level, f"{node.where}填报层级")
        node.level = new
        if new is Level.CITY:
            node.applies_to = ALL

    def set_applies_to(self, node: IndicatorNode, value: str | Sequence[str]) -> None:
        """``"all"`` or district codes and ``group:ID`` entries (checked, duplicates dropped)."""
        node.applies_to = self.check_scope(value, f"{node.where}适用区县")
        if node.applies_to != ALL and node.level is Level.CITY:
            node.applies_to = ALL
            raise InputError(f"{node.where}适用区县", value, "市级指标由市残联填报，适用于全部区县")

    def set_formula(
        self, node: IndicatorNode, numerator: str | None, denominator: str | None
    ) -> None:
        """A rate computed as numerator / denominator (count indicator ids); None clears it."""
        where = f"{node.where}公式"
        if not numerator and not denominator:
            node.formula = None
            return
        if node.kind is not Kind.RATE:
            raise InputError(where, f"{numerator}/{denominator}", "只有比率指标可以由公式计算")
        refs: list[int] = []
        for ref in (numerator, denominator):
            other = self.find(ref or "")
            if not isinstance(other, IndicatorNode) or other.kind is not Kind.COUNT:
                raise InputError(where, ref, "应为本计划中的计数指标编号")
            if other is node:
                raise InputError(where, ref, "公式不能引用指标自身")
            refs.append(other.key)
        if refs[0] == refs[1]:
            raise InputError(where, numerator, "分子和分母不能是同一个指标")
        node.formula = (refs[0], refs[1])

    def check_scope(self, value: str | Sequence[str], where: str) -> Literal["all"] | list[str]:
        if isinstance(value, str):
            if value == ALL:
                return ALL
            raise InputError(where, value, '应为 "all" 或区县代码列表')
        entries: list[str] = []
        for entry in value:
            if entry.startswith(GROUP_PREFIX):
                if entry[len(GROUP_PREFIX) :] not in self.groups:
                    raise InputError(where, entry, "没有这个区县组")
            else:
                district_by_code(entry)
            if entry not in entries:
                entries.append(entry)
        if not entries:
            raise InputError(where, "", "至少选择一个区县，或选择全部区县")
        return entries

    # ----- groups ------------------------------------------------------------------------

    def add_group(
        self, name: str, districts: Iterable[str], note: str = "", group_id: str | None = None
    ) -> GroupDef:
        """A new named group of districts; its id is made from nothing the user must type."""
        label = _one_line(name, "区县组名称", 50)
        if not label:
            raise InputError("区县组名称", name, "不能为空")
        if any(g.name == label for g in self.groups.values()):
            raise InputError("区县组名称", name, "已有同名的区县组")
        codes: list[str] = []
        for code in districts:
            district_by_code(code)
            if code not in codes:
                codes.append(code)
        if not codes:
            raise InputError("区县组", label, "至少选择一个区县")
        gid = group_id or self._free_group_id()
        if not _GROUP_ID.fullmatch(gid):
            raise InputError(
                "区县组编号", gid, "应以小写字母开头，只含小写字母、数字、下划线和连字符"
            )
        if gid in self.groups:
            raise InputError("区县组编号", gid, "已被另一个区县组使用")
        group = GroupDef(gid, label, codes, note)
        self.groups[gid] = group
        return group

    def _free_group_id(self) -> str:
        n = 1
        while f"group{n}" in self.groups:
            n += 1
        return f"group{n}"

    def remove_group(self, group_id: str) -> None:
        users = [n.id for n in self.indicators() if GROUP_PREFIX + group_id in _scope(n)]
        if users:
            raise InputError(
                "区县组", group_id, f"仍被指标 {'、'.join(users)} 使用，请先改这些指标的适用区县"
            )
        self.groups.pop(group_id, None)

    def group_for(self, codes: Iterable[str]) -> GroupDef | None:
        """The group whose members are exactly these districts, if any."""
        wanted = set(codes)
        for group in self.groups.values():
            if set(group.districts) == wanted:
                return group
        return None

    def scope_codes(self, node: IndicatorNode) -> set[str] | None:
        """The district codes an indicator applies to; None for all districts."""
        return self.scope_codes_of(node.applies_to)

    def scope_codes_of(self, applies_to: Literal["all"] | Sequence[str]) -> set[str] | None:
        """The district codes of an ``applies_to`` value (groups resolved); None for all."""
        if applies_to == ALL:
            return None
        codes: set[str] = set()
        for entry in applies_to:
            if entry.startswith(GROUP_PREFIX):
                group = self.groups.get(entry[len(GROUP_PREFIX) :])
                codes.update(group.districts if group else ())
            else:
                codes.add(entry)
        return codes

    def applies_label(self, node: IndicatorNode) -> str:
        """全部, or the group names and district names, separated by 、."""
        if node.applies_to == ALL:
            return ALL_LABEL
        shown: list[str] = []
        for entry in node.applies_to:
            if entry.startswith(GROUP_PREFIX):
                group = self.groups.get(entry[len(GROUP_PREFIX) :])
                shown.append(group.name if group else entry)
            else:
                try:
                    shown.append(district_by_code(entry).name)
                except NotFoundError:
                    shown.append(entry)
        return "、".join(shown)

    def parse_applies(self, text: str, where: str) -> Literal["all"] | list[str]:
        """全部, or codes, names and group names separated by 、 (also ，,; and spaces)."""
        cleaned = unicodedata.normalize("NFKC", str(text)).strip()
        if cleaned in ("", ALL_LABEL, "全部区县", ALL, "ALL"):
            return ALL
        entries: list[str] = []
        for token in (t for t in _APPLIES_SPLIT.split(cleaned) if t):
            group = next(
                (g for g in self.groups.values() if token in (g.name, g.id, GROUP_PREFIX + g.id)),
                None,
            )
            if group is not None:
                entry = GROUP_PREFIX + group.id
            else:
                try:
                    entry = find_district(token).code
                except InputError as exc:
                    raise InputError(
                        where, token, exc.reason + "；也不是本计划的区县组名称"
                    ) from None
            if entry not in entries:
                entries.append(entry)
        return entries

    # ----- plan fields -------------------------------------------------------------------

    def districts(self) -> list[District]:
        """The districts to pick from: those valid at the end of the plan's year."""
        on = date(self.year, 12, 31) if self.year else None
        return current_districts(on)

    def fill_from(self, previous: Plan) -> None:
        """Fill empty plan fields from an earlier plan (issuer, frequency, 表式 with the year)."""
        self.issuer = self.issuer or previous.issuer
        if not self.frequency:
            self.frequency = previous.frequency
        for key, value in previous.form.items():
            if not self.form.get(key):
                text = value
                if self.year and str(previous.year) in text:
                    text = text.replace(str(previous.year), str(self.year))
                self.form[key] = text
        for gid, group in previous.groups.items():
            if gid not in self.groups:
                self.groups[gid] = GroupDef(gid, group.name, list(group.districts), group.note)

    # ----- writing -----------------------------------------------------------------------

    def to_json(self, *, draft_keys: bool = False) -> dict[str, Any]:
        """The catalogue in the ``jindu-plan/1`` shape (with the draft-only keys if asked)."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "issuer": self.issuer,
            "issued": self.issued,
            "year": self.year,
            "frequency": self.frequency,
            "due_days": self.due_days,
            "form": {k: v for k, v in self.form.items() if k in FORM_KEYS or v},
        }
        if self.groups:
            doc["groups"] = {gid: g.to_json() for gid, g in self.groups.items()}
        doc["sections"] = [
            {
                "id": s.id,
                "number": s.number,
                "title": s.title,
                "text": s.text or s.title,
                "items": [
                    {
                        "id": i.id,
                        "number": i.number,
                        "title": i.title,
                        "text": i.text or i.title,
                        "indicators": [self._indicator_json(n, draft_keys) for n in i.indicators],
                    }
                    for i in s.items
                ],
            }
            for s in self.sections
        ]
        return doc

    def _indicator_json(self, node: IndicatorNode, draft_keys: bool) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": node.id,
            "name": node.name,
            "unit": node.unit,
            "kind": node.kind.value,
            "target": json_number(node.target),
            "target_max": json_number(node.target_max),
            "comparator": node.comparator,
            "level": node.level.value,
            "applies_to": ALL if node.applies_to == ALL else list(node.applies_to),
            "formula": None
            if node.formula is None
            else {
                "numerator": self.id_of(node.formula[0]),
                "denominator": self.id_of(node.formula[1]),
            },
            "source": node.source,
        }
        if node.note:
            doc["note"] = node.note
        if draft_keys:
            if node.confidence is not None:
                doc["confidence"] = node.confidence
            if node.span is not None:
                doc["span"] = list(node.span)
            if node.match is not None:
                doc["match"] = node.match
        return doc

    def save(self, path: Path) -> Path:
        """Save the work in progress atomically: draft keys and the notice's text kept.

        The file opens again with ``Catalogue.load``; it is a work file, not a
        catalogue for ``load_plan`` (publishing writes that one).
        """
        doc = self.to_json(draft_keys=True)
        if self.notice:
            doc["notice"] = self.notice
        return write_atomic(path, dumps(doc))


def dumps(doc: Mapping[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2, default=_json_default) + "\n").encode(
        "utf-8"
    )


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return json_number(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _subtree(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, SectionNode):
        for item in node.items:
            yield from _subtree(item)
    elif isinstance(node, ItemNode):
        yield from node.indicators


def _scope(node: IndicatorNode) -> list[str]:
    return [] if node.applies_to == ALL else list(node.applies_to)


def _one_line(text: str, where: str, limit: int) -> str:
    cleaned = " ".join(str(text).split())
    if len(cleaned) > limit:
        raise InputError(where, cleaned[:20] + "…", f"过长（最多 {limit} 字）")
    return cleaned


def _limited(text: str, where: str, limit: int) -> str:
    if len(text) > limit:
        raise InputError(where, text[:20] + "…", f"过长（最多 {limit} 字）")
    return text


def _has_draft_keys(data: Mapping[str, Any]) -> bool:
    for section in data.get("sections") or []:
        for item in (section.get("items") or []) if isinstance(section, Mapping) else []:
            for ind in (item.get("indicators") or []) if isinstance(item, Mapping) else []:
                if isinstance(ind, Mapping) and any(k in ind for k in DRAFT_KEYS):
                    return True
    return False


class _Reader:
    """Lenient reading of a catalogue or draft: wrong types fail, missing keys are empty."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, path: str, problem: str) -> Any:
        raise PlanFormatError(self.origin, path, problem)

    def obj(self, value: object, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(path, "应为 JSON 对象")
        assert isinstance(value, Mapping)
        return value

    def list(self, doc: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = doc.get(key) or []
        if not isinstance(value, list):
            self.fail(f"{path}.{key}".lstrip("."), "应为列表")
        return value

    def text(self, doc: Mapping[str, Any], key: str, path: str) -> str:
        value = doc.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail(f"{path}.{key}".lstrip("."), "应为文本")
        return str(value)

    def integer(self, doc: Mapping[str, Any], key: str, path: str, default: int) -> int:
        value = doc.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{path}.{key}".lstrip("."), "应为整数")
        return int(value)

    def number(self, value: object, path: str) -> Decimal | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            self.fail(path, "应为数字")
        try:
            if isinstance(value, float):
                number = Decimal(repr(value))
            elif isinstance(value, int | Decimal):
                number = Decimal(value)
            elif isinstance(value, str):
                number = parse_number(value, path)
            else:
                self.fail(path, "应为数字")
        except (InvalidOperation, InputError):
            self.fail(path, f"不是有效的数字「{value}」")
        if not number.is_finite() or number < 0:
            self.fail(path, f"应为不小于 0 的数「{value}」")
        return number

    def form(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        doc = self.obj(value, "form")
        return {str(k): self.text(doc, str(k), "form") for k in doc}

    def groups(self, value: object) -> dict[str, GroupDef]:
        if value is None:
            return {}
        doc = self.obj(value, "groups")
        found: dict[str, GroupDef] = {}
        for gid, raw in doc.items():
            path = f"groups.{gid}"
            group = self.obj(raw, path)
            districts = group.get("districts") or []
            if not isinstance(districts, list) or not all(isinstance(c, str) for c in districts):
                self.fail(f"{path}.districts", "应为区县代码列表")
            found[str(gid)] = GroupDef(
                str(gid),
                self.text(group, "name", path),
                list(districts),
                self.text(group, "note", path),
            )
        return found

    def indicator(self, raw: object, path: str, key: int) -> IndicatorNode:
        doc = self.obj(raw, path)
        kind_text = self.text(doc, "kind", path)
        level_text = self.text(doc, "level", path)
        try:
            kind = parse_kind(kind_text, f"{path}.kind") if kind_text else Kind.COUNT
            level = parse_level(level_text, f"{path}.level") if level_text else Level.DISTRICT
            comparator = parse_comparator(doc.get("comparator"), f"{path}.comparator")
        except InputError as exc:
            self.fail(path, exc.message)
        applies = doc.get("applies_to", ALL)
        if applies is None or applies == ALL:
            applies_to: Literal["all"] | list[str] = ALL
        elif isinstance(applies, list) and all(isinstance(a, str) for a in applies):
            applies_to = list(applies)
        else:
            self.fail(f"{path}.applies_to", '应为 "all" 或区县代码列表')
        span = doc.get("span")
        confidence = doc.get("confidence")
        match = doc.get("match")
        return IndicatorNode(
            key=key,
            id=self.text(doc, "id", path),
            name=self.text(doc, "name", path),
            unit=self.text(doc, "unit", path),
            kind=kind,
            target=self.number(doc.get("target"), f"{path}.target"),
            target_max=self.number(doc.get("target_max"), f"{path}.target_max"),
            comparator=comparator,
            level=level,
            applies_to=applies_to,
            source=self.text(doc, "source", path),
            note=self.text(doc, "note", path),
            confidence=float(confidence)
            if isinstance(confidence, int | float | Decimal) and not isinstance(confidence, bool)
            else None,
            span=(int(span[0]), int(span[1]))
            if isinstance(span, list | tuple)
            and len(span) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in span)
            else None,
            match=match if isinstance(match, str) else None,
        )


# ----- suggestions -------------------------------------------------------------------------


def suggested_groups() -> list[GroupDef]:
    """District groups of the bundled plans (渝西片区 13 区县 …), offered in the picker."""
    found: dict[str, GroupDef] = {}
    for plan in load_bundled_plans():
        for gid, group in plan.groups.items():
            found.setdefault(gid, GroupDef(gid, group.name, list(group.districts), group.note))
    return list(found.values())


# ----- validation ------------------------------------------------------------------------------


def validate(catalogue: Catalogue) -> list[Problem]:
    """Every problem that stops publishing, in Chinese, with its place.

    The editor's own rules are checked on every node (so all are listed at
    once): ids unique and positional, every indicator with a name, a unit, a
    target (except the base count a rate's formula divides by) and its sentence,
    ranges ordered, formulas pointing at indicators that exist, groups defined.
    Then the catalogue is read by ``models.plan.parse_plan``, the format's only
    checker; its finding is added unless one of ours already covers that field.
    """
    problems: list[Problem] = []

    def add(node: Node | None, field_name: str, message: str) -> None:
        problems.append(
            Problem(node.key if node else None, node.where if node else "计划", field_name, message)
        )

    seen: dict[str, Node] = {}
    for node in catalogue.nodes():
        if node.id in seen:
            add(node, "id", f"编号「{node.id}」与{seen[node.id].where}重复")
        seen.setdefault(node.id, node)
    if not catalogue.sections:
        add(None, "sections", "至少要有一个部分")
    denominators = {
        catalogue.id_of(n.formula[1]) for n in catalogue.indicators() if n.formula is not None
    }
    for section in catalogue.sections:
        if not section.title.strip():
            add(section, "title", "未填写")
        if not section.items:
            add(section, "items", "每个部分至少要有一项工作任务")
        for item in section.items:
            if not item.title.strip():
                add(item, "title", "未填写")
            for ind in item.indicators:
                _check_indicator(catalogue, ind, denominators, add)
    covered = {(p.key, p.field) for p in problems}
    try:
        parse_plan(catalogue.to_json(), "计划目录")
    except PlanFormatError as exc:
        problem = _locate(catalogue, exc)
        if (problem.key, problem.field) not in covered:
            problems.append(problem)
    return problems


def _check_indicator(
    catalogue: Catalogue, ind: IndicatorNode, denominators: set[str], add: Any
) -> None:
    if not ind.name.strip():
        add(ind, "name", "未填写")
    if not ind.unit.strip():
        add(ind, "unit", "未填写")
    if ind.target is None and not (ind.kind is Kind.COUNT and ind.id in denominators):
        add(ind, "target", "未填写（只有比率公式的分母基数可以不设目标）")
    if ind.target is not None and ind.target_max is not None and ind.target_max < ind.target:
        add(
            ind,
            "target_max",
            f"区间上限 {format_decimal(ind.target_max)} 小于下限 {format_decimal(ind.target)}",
        )
    if not ind.source.strip():
        add(ind, "source", "未填写：请填写此指标在通知中的原句")
    if ind.formula is not None:
        for ref in ind.formula:
            ref_id = catalogue.id_of(ref)
            if isinstance(ref, int) and not any(n.key == ref for n in catalogue.indicators()):
                add(ind, "formula", f"公式引用的指标 {ref_id} 已被删除")
            elif isinstance(ref, str) and not any(n.id == ref for n in catalogue.indicators()):
                add(ind, "formula", f"公式引用的指标 {ref} 不存在")
    for entry in _scope(ind):
        if entry.startswith(GROUP_PREFIX) and entry[len(GROUP_PREFIX) :] not in catalogue.groups:
            add(ind, "applies_to", f"区县组「{entry[len(GROUP_PREFIX) :]}」没有定义")


def _locate(catalogue: Catalogue, exc: PlanFormatError) -> Problem:
    """Turn parse_plan's JSON path into the node and field it names."""
    found = _JSON_PATH.match(exc.path)
    if found is None:
        top = exc.path.split(".")[0].split("[")[0]
        return Problem(None, "计划", top, exc.problem)
    s, i, n, field_name = found.groups()
    node: Node | None = None
    try:
        section = catalogue.sections[int(s)]
        node = section
        if i is not None:
            node = section.items[int(i)]
            if n is not None:
                node = section.items[int(i)].indicators[int(n)]
    except IndexError:
        node = None
    if node is None:
        return Problem(None, "计划", "sections", exc.problem)
    return Problem(node.key, node.where, field_name or "", exc.problem)


# ----- new versions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionCheck:
    """How a catalogue relates to the published version it would replace."""

    previous: Plan
    renumbered: tuple[tuple[str, str, str], ...]  # (old id, new id, label)
    reused: tuple[tuple[str, str, str], ...]  # (id, previous label, new label)
    removed: tuple[tuple[str, str], ...]  # (id, label)

    @property
    def refused(self) -> bool:
        return bool(self.renumbered or self.reused)

    def lines(self) -> list[str]:
        out = [f"{old} 变成了 {new}（{label}）" for old, new, label in self.renumbered]
        out += [
            f"{i} 在第 {self.previous.version} 版是「{a}」，现在是「{b}」"
            for i, a, b in self.reused
        ]
        out += [f"{i}（{label}）已删除" for i, label in self.removed]
        return out


class VersionRefused(StateError):
    """A new version that renumbers ids of the previous one, or gives them a new meaning."""

    def __init__(self, check: VersionCheck) -> None:
        self.check = check
        prev = check.previous
        lines = [f"{o} → {n}（{label}）" for o, n, label in check.renumbered]
        lines += [f"{i}：第 {prev.version} 版是「{a}」，此处是「{b}」" for i, a, b in check.reused]
        super().__init__(
            f"不能发布为计划 {prev.id} 的新版本：区县已按第 {prev.version} 版的编号填报，"
            "已发布的编号不能改变含义或位置。新增的部分、任务和指标请排在原有的之后。\n"
            + "\n".join(lines)
        )


class RemovalNotConfirmed(StateError):
    """A new version removes ids of the previous one; publish again with confirm_removal."""

    def __init__(self, check: VersionCheck) -> None:
        self.check = check
        prev = check.previous
        lines = [f"{i}（{label}）" for i, label in check.removed]
        super().__init__(
            f"新版本删除了计划 {prev.id} 第 {prev.version} 版中的 {len(lines)} 个编号，"
            "区县已填的这些数据将不再报送。确认删除后才能发布：\n" + "\n".join(lines)
        )


def _same_text(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def version_check(previous: Plan, catalogue: Catalogue) -> VersionCheck:
    """Compare a catalogue with the published version it would follow (see module docstring)."""
    before: dict[str, tuple[str, str]] = {}
    for section in previous.sections:
        before[section.id] = ("部分", section.title)
        for item in section.items:
            before[item.id] = ("工作任务", item.title)
            for ind in item.indicators:
                before[ind.id] = ("指标", ind.name)
    origins_valid = catalogue.based_on is not None and catalogue.based_on[0] == previous.id
    kept: set[str] = set()
    renumbered: list[tuple[str, str, str]] = []
    reused: list[tuple[str, str, str]] = []
    for node in catalogue.nodes():
        same_as = node.origin if origins_valid else None
        old = before.get(node.id)
        if (
            same_as is None
            and old is not None
            and old[0] == node.level_zh
            and _same_text(old[1], node.label)
        ):
            same_as = node.id
        if same_as is not None and same_as in before:
            kept.add(same_as)
            if node.id != same_as:
                renumbered.append((same_as, node.id, node.label))
        elif old is not None:
            reused.append((node.id, old[1], node.label))
    reused_ids = {r[0] for r in reused}
    removed = tuple(
        (i, label) for i, (_, label) in before.items() if i not in kept and i not in reused_ids
    )
    return VersionCheck(previous, tuple(renumbered), tuple(reused), removed)


# ----- publishing --------------------------------------------------------------------------------


class PlanService(Protocol):
    """What publishing needs: OfficeService (CityService hands its ``plans``)."""

    store: Any

    def install_plan(self, plan: Plan, source: str) -> None: ...

    def plan(self, plan_id: str | None = None) -> Plan: ...

    def installed_plans(self) -> list[tuple[str, int, str, int]]: ...

    def switch_plan(self, plan_id: str) -> Plan: ...


def _plan_service(service: Any) -> PlanService:
    """An OfficeService, or the OfficeService a CityService reads plans through."""
    inner = getattr(service, "plans", None)
    if inner is not None and hasattr(inner, "install_plan"):
        return inner  # type: ignore[no-any-return]
    return service  # type: ignore[no-any-return]


def plans_dir(service: Any) -> Path:
    """``data_dir/plans``: where published catalogues are kept as files."""
    return Path(_plan_service(service).store.path).parent / PLANS_FOLDER


def catalogue_path(service: Any, plan_id: str, version: int) -> Path:
    return plans_dir(service) / f"{plan_id}-v{version}.json"


def installed_plan_ids(service: Any) -> list[tuple[str, int, str, int]]:
    return _plan_service(service).installed_plans()


def publish(
    service: Any,
    catalogue: Catalogue,
    *,
    new_version_of: str | None = None,
    confirm_removal: bool = False,
    make_current: bool = False,
) -> Plan:
    """Publish the catalogue: install it in the (city) database and keep its file.

    A new plan must have an id the database does not hold yet. A new version of
    ``new_version_of`` takes that id and the next version number and must pass
    ``version_check``. The catalogue is then validated; nothing is written when
    anything is refused. The plan is installed with ``source="authored"`` (so
    ``jindu city allocation`` and ``jindu city plan export`` can use it) and its
    catalogue is written atomically to ``data_dir/plans/{id}-v{version}.json``.
    On success the catalogue's id, version and origins become the published ones.

    Raises:
        CatalogueInvalid: the problems ``validate`` found.
        VersionRefused, RemovalNotConfirmed: see the module docstring.
        StateError: a new plan whose id is already installed.
        NotFoundError: ``new_version_of`` is not installed.
    """
    plans = _plan_service(service)
    trial = catalogue.copy()
    installed = {pid: version for pid, version, _, _ in plans.installed_plans()}
    if new_version_of is not None:
        previous = plans.plan(new_version_of)
        trial.id = previous.id
        trial.version = installed.get(previous.id, previous.version) + 1
        check = version_check(previous, trial)
        if check.refused:
            raise VersionRefused(check)
        if check.removed and not confirm_removal:
            raise RemovalNotConfirmed(check)
    elif trial.id in installed:
        raise StateError(
            f"计划编号「{trial.id}」已在数据库中（第 {installed[trial.id]} 版）；"
            "请改用新的计划编号，或发布为该计划的新版本。"
        )
    problems = validate(trial)
    if problems:
        raise CatalogueInvalid(problems)
    doc = trial.to_json()
    plan = parse_plan(doc, f"计划目录 {trial.id}")
    path = catalogue_path(service, plan.id, plan.version)
    write_atomic(path, dumps(plan.to_json()))
    try:
        plans.install_plan(plan, source=AUTHORED)
        if make_current:
            plans.switch_plan(plan.id)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    catalogue.id = plan.id
    catalogue.version = plan.version
    catalogue.based_on = (plan.id, plan.version)
    catalogue.renumber()
    for node in catalogue.nodes():
        node.origin = node.id
    return plan


__all__ = [
    "ALL_LABEL",
    "KIND_LABELS",
    "LEVEL_LABELS",
    "Catalogue",
    "CatalogueInvalid",
    "Edit",
    "GroupDef",
    "IdChange",
    "IndicatorNode",
    "ItemNode",
    "Node",
    "Problem",
    "RemovalNotConfirmed",
    "SectionNode",
    "VersionCheck",
    "VersionRefused",
    "catalogue_path",
    "comparator_label",
    "parse_comparator",
    "parse_kind",
    "parse_level",
    "parse_target_text",
    "publish",
    "suggested_groups",
    "validate",
    "version_check",
    "zh_numeral",
]

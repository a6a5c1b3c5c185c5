"""Plan catalogues (format ``jindu-plan/1``): the work plan as data.

A plan (工作要点) is a tree: sections (一、) → items ((一)) → indicators. Every
year's plan is loaded the same way, from JSON, so nothing about one year lives in
code. The shape is the one in DESIGN.md's appendix; this module is its only
reader and writer:

* ``parse_plan`` validates a decoded JSON document and returns a frozen ``Plan``;
  any problem raises ``PlanFormatError`` naming the JSON path
  (``sections[1].items[0].indicators[2].unit``) and the problem in Chinese.
* ``Plan.to_json`` writes it back; ``parse_plan(plan.to_json())`` equals ``plan``.

Rules beyond the appendix's list of fields, each enforced on load:

* Ids are stable and positional: section ``"2"``, item ``"2.1"``, indicator
  ``"2.1.3"``; unknown keys are refused (a typo such as ``"taget"`` would otherwise
  silently drop a target).
* Targets are non-negative numbers with at most 4 decimal places (so that they
  survive JSON exactly). A count's target is whole; a rate's lies in 0..100; a
  milestone's is 1 in unit 项 (done / not done). ``target_max`` marks a range
  (5-8) and is at least ``target``; ``comparator`` (``>=``, ``<=``, ``=``) marks a
  bound such as "80%以上" and is never combined with a range.
* ``target`` may be null only for a count that is the denominator of some rate's
  formula: a base figure the plan gives no target for (有康复需求的残疾人数).
* ``formula`` belongs to a rate only and names two different count indicators of
  the same plan, at the rate's level, reported by every district the rate is.

Districts an indicator applies to (``applies_to``): the string ``"all"``, or a
non-empty list whose entries are 6-digit district codes or ``"group:ID"``, ID
naming an entry of the plan's optional top-level ``"groups"`` object
(``{ID: {"name", "districts": [codes], "note"}}``). Group entries are resolved to
codes when the plan is parsed (``Indicator.applies_to`` holds codes only), and the
list as written is kept in ``Indicator.scope`` so that ``to_json`` writes the
group back: a group's members are then corrected in one place. A city-level
indicator (``level: "city"``) is reported by the city office and applies to
``"all"``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, Literal, NoReturn

from models.errors import NotFoundError, PlanFormatError, UsageError
from models.kinds import Kind, Level
from models.numbers import json_number
from models.resources import resources_dir

FORMAT = "jindu-plan/1"
FREQUENCIES = ("yearly", "semiannual", "quarterly", "monthly")
COMPARATORS = (">=", "<=", "=")
FORM_KEYS = ("表号", "制表机关", "批准机关", "批准文号", "有效期至")
# Optional: a remark on the markings themselves (for instance that they are this
# program's defaults); exporters print only FORM_KEYS.
FORM_OPTIONAL_KEYS = ("说明",)
MAX_DUE_DAYS = 90
MILESTONE_UNIT = "项"
GROUP_PREFIX = "group:"
ALL: Final = "all"
# A plan catalogue is a few tens of kilobytes; refuse anything absurd before parsing.
MAX_FILE_BYTES = 5 * 1024 * 1024
# Targets must survive the trip through a JSON float exactly (see to_json).
MAX_TARGET = Decimal(10) ** 11
MAX_DECIMALS = 4

_PLAN_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_GROUP_ID = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_DISTRICT_CODE = re.compile(r"[0-9]{6}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_PLAN_KEYS = (
    "format", "id", "version", "title", "issuer", "issued", "year",
    "frequency", "due_days", "form", "sections",
)  # fmt: skip
_SECTION_KEYS = ("id", "number", "title", "text", "items")
_ITEM_KEYS = ("id", "number", "title", "text", "indicators")
_INDICATOR_KEYS = (
    "id", "name", "unit", "kind", "target", "target_max", "comparator",
    "level", "applies_to", "formula", "source",
)  # fmt: skip
_COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "=": ""}


def format_number(value: Decimal) -> str:
    """Plain decimal text: no exponent, no trailing zeros (``2000``, ``16.8``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class Formula:
    """A computed percentage: numerator / denominator * 100 (indicator ids)."""

    numerator: str
    denominator: str


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    kind: Kind
    target: Decimal | None
    target_max: Decimal | None
    comparator: str | None
    level: Level
    applies_to: Literal["all"] | tuple[str, ...]  # district codes, groups resolved
    formula: Formula | None
    source: str  # the sentence of the plan the indicator comes from
    item_id: str
    section_id: str
    note: str = ""
    scope: tuple[str, ...] = ()  # applies_to as written (keeps "group:ID"); () = codes

    def applies(self, district_code: str) -> bool:
        """Whether this district reports the indicator (never for a city task)."""
        if self.level is not Level.DISTRICT:
            return False
        return self.applies_to == ALL or district_code in self.applies_to

    @property
    def computed(self) -> bool:
        return self.formula is not None

    @property
    def target_label(self) -> str:
        """The city target for display: ``2000``, ``5-8``, ``≥80``; ``—`` when none."""
        if self.target is None:
            return "—"
        text = format_number(self.target)
        if self.target_max is not None:
            return f"{text}-{format_number(self.target_max)}"
        if self.comparator:
            return _COMPARATOR_SIGNS[self.comparator] + text
        return text

    def to_json(self) -> dict[str, Any]:
        if self.applies_to == ALL:
            applies: str | list[str] = ALL
        else:
            applies = list(self.scope or self.applies_to)
        doc: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "kind": self.kind.value,
            "target": json_number(self.target),
            "target_max": json_number(self.target_max),
            "comparator": self.comparator,
            "level": self.level.value,
            "applies_to": applies,
            "formula": (
                None
                if self.formula is None
                else {"numerator": self.formula.numerator, "denominator": self.formula.denominator}
            ),
            "source": self.source,
        }
        if self.note:
            doc["note"] = self.note
        return doc


@dataclass(frozen=True)
class Item:
    id: str
    number: str
    title: str
    text: str
    indicators: tuple[Indicator, ...]
    section_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "indicators": [i.to_json() for i in self.indicators],
        }


@dataclass(frozen=True)
class Section:
    id: str
    number: str
    title: str
    text: str
    items: tuple[Item, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "items": [i.to_json() for i in self.items],
        }


@dataclass(frozen=True)
class Group:
    """A named set of districts that indicators can apply to (渝西片区 …)."""

    id: str
    name: str
    districts: tuple[str, ...]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"name": self.name, "districts": list(self.districts)}
        if self.note:
            doc["note"] = self.note
        return doc


@dataclass(frozen=True)
class Plan:
    id: str
    version: int
    title: str
    issuer: str
    issued: date
    year: int
    frequency: str
    due_days: int
    form: dict[str, str] = field(hash=False)
    sections: tuple[Section, ...]
    groups: dict[str, Group] = field(default_factory=dict, hash=False)
    # Lookup tables built once; not part of the value.
    _sections: dict[str, Section] = field(init=False, repr=False, compare=False, hash=False)
    _items: dict[str, Item] = field(init=False, repr=False, compare=False, hash=False)
    _indicators: dict[str, Indicator] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        items = [i for s in self.sections for i in s.items]
        object.__setattr__(self, "_sections", {s.id: s for s in self.sections})
        object.__setattr__(self, "_items", {i.id: i for i in items})
        object.__setattr__(self, "_indicators", {n.id: n for i in items for n in i.indicators})

    def indicators(self) -> list[Indicator]:
        """Every indicator, in document order."""
        return list(self._indicators.values())

    def items(self) -> list[Item]:
        """Every item, in document order."""
        return list(self._items.values())

    def section(self, section_id: str) -> Section:
        found = self._sections.get(section_id)
        if found is None:
            raise self._missing("部分", section_id)
        return found

    def item(self, item_id: str) -> Item:
        found = self._items.get(item_id)
        if found is None:
            raise self._missing("工作任务", item_id)
        return found

    def indicator(self, indicator_id: str) -> Indicator:
        found = self._indicators.get(indicator_id)
        if found is None:
            raise self._missing("指标", indicator_id)
        return found

    def item_of(self, indicator_id: str) -> Item:
        return self.item(self.indicator(indicator_id).item_id)

    def district_indicators(self, district_code: str) -> list[Indicator]:
        """The indicators this district reports, in document order."""
        return [n for n in self._indicators.values() if n.applies(district_code)]

    def _missing(self, field_zh: str, key: str) -> NotFoundError:
        return NotFoundError(field_zh, key, f"计划 {self.id} 中没有此编号")

    def to_json(self) -> dict[str, Any]:
        """The catalogue as JSON-ready data (numbers as int or float, never Decimal)."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "issuer": self.issuer,
            "issued": self.issued.isoformat(),
            "year": self.year,
            "frequency": self.frequency,
            "due_days": self.due_days,
            "form": dict(self.form),
        }
        if self.groups:
            doc["groups"] = {gid: g.to_json() for gid, g in self.groups.items()}
        doc["sections"] = [s.to_json() for s in self.sections]
        return doc


# ----- parsing -------------------------------------------------------------------


def _type_zh(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int | float | Decimal):
        return "数字"
    if isinstance(value, str):
        return "文本"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class _Parser:
    """Walks one document, failing at the first problem with its JSON path."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.groups: dict[str, Group] = {}
        self.paths: dict[str, str] = {}  # indicator id → its JSON path
        self.ids: set[str] = set()  # every section, item and indicator id so far

    def fail(self, path: str, problem: str) -> NoReturn:
        raise PlanFormatError(self.origin, path, problem)

    # --- primitives

    def obj(
        self, value: object, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, f"应为 JSON 对象，实际是{_type_zh(value)}")
        for key in required:
            if key not in value:
                self.fail(_join(path, key), "缺少此字段")
        for key in value:
            if key not in required and key not in optional:
                self.fail(_join(path, str(key)), f"不认识的字段「{key}」（{FORMAT} 中没有此字段）")
        return value

    def text(self, obj: dict[str, Any], key: str, path: str, *, empty: bool = False) -> str:
        value = obj[key]
        where = _join(path, key)
        if not isinstance(value, str):
            self.fail(where, f"应为文本，实际是{_type_zh(value)}")
        if not empty and not value.strip():
            self.fail(where, "不能为空")
        return value

    def integer(self, obj: dict[str, Any], key: str, path: str, low: int, high: int) -> int:
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(_join(path, key), f"应为 {low} 到 {high} 之间的整数，实际是「{value}」")
        return value

    def number(self, value: object, where: str) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.fail(where, f"应为数字或 null，实际是{_type_zh(value)}「{value}」")
        try:
            # repr() of a float is its shortest exact spelling: 16.8, not 16.80000000000000071.
            number = value if isinstance(value, Decimal) else Decimal(repr(value))
        except InvalidOperation:
            self.fail(where, f"不是有效的数字「{value}」")
        if not number.is_finite():
            self.fail(where, f"不是有效的数字「{value}」")
        if number < 0:
            self.fail(where, f"不能为负数「{format_number(number)}」")
        if number >= MAX_TARGET:
            self.fail(where, f"数值过大「{format_number(number)}」")
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
            self.fail(where, f"最多 {MAX_DECIMALS} 位小数，实际是「{format_number(number)}」")
        return number

    # --- the tree

    def plan(self, data: object) -> Plan:
        doc = self.obj(data, "", _PLAN_KEYS, ("groups",))
        if doc["format"] != FORMAT:
            self.fail("format", f'应为 "{FORMAT}"，实际是「{doc["format"]}」')
        plan_id = self.text(doc, "id", "")
        if not _PLAN_ID.fullmatch(plan_id):
            self.fail("id", f"计划编号「{plan_id}」只能由小写字母、数字、点、下划线和连字符组成")
        version = self.integer(doc, "version", "", 1, 1_000_000)
        title = self.text(doc, "title", "")
        issuer = self.text(doc, "issuer", "")
        issued = self.date(doc["issued"], "issued")
        year = self.integer(doc, "year", "", 2000, 2100)
        frequency = self.text(doc, "frequency", "")
        if frequency not in FREQUENCIES:
            self.fail("frequency", f"应为 {'、'.join(FREQUENCIES)} 之一，实际是「{frequency}」")
        due_days = self.integer(doc, "due_days", "", 0, MAX_DUE_DAYS)
        form = self.form(doc["form"])
        if "groups" in doc:
            self.groups = self.group_table(doc["groups"])
        raw_sections = doc["sections"]
        if not isinstance(raw_sections, list) or not raw_sections:
            self.fail("sections", f"应为非空列表，实际是{_type_zh(raw_sections)}")
        sections = tuple(
            self.section(raw, _join("sections", k), k) for k, raw in enumerate(raw_sections)
        )
        indicators = {n.id: n for s in sections for i in s.items for n in i.indicators}
        self.check_formulas(indicators)
        return Plan(
            id=plan_id,
            version=version,
            title=title,
            issuer=issuer,
            issued=issued,
            year=year,
            frequency=frequency,
            due_days=due_days,
            form=form,
            sections=sections,
            groups=dict(self.groups),
        )

    def date(self, value: object, where: str) -> date:
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(where, f"应为 YYYY-MM-DD 格式的日期，实际是「{value}」")

    def form(self, value: object) -> dict[str, str]:
        form = self.obj(value, "form", FORM_KEYS, FORM_OPTIONAL_KEYS)
        return {key: self.text(form, key, "form") for key in form}

    def group_table(self, value: object) -> dict[str, Group]:
        if not isinstance(value, dict):
            self.fail("groups", f"应为 JSON 对象，实际是{_type_zh(value)}")
        groups: dict[str, Group] = {}
        for gid, raw in value.items():
            path = _join("groups", str(gid))
            if not isinstance(gid, str) or not _GROUP_ID.fullmatch(gid):
                self.fail(
                    path, f"区县组编号「{gid}」应以小写字母开头，只含小写字母、数字、下划线和连字符"
                )
            group = self.obj(raw, path, ("name", "districts"), ("note",))
            name = self.text(group, "name", path)
            note = self.text(group, "note", path, empty=True) if "note" in group else ""
            codes = self.code_list(
                group["districts"], _join(path, "districts"), groups_allowed=False
            )
            groups[gid] = Group(id=gid, name=name, districts=codes, note=note)
        return groups

    def code_list(self, value: object, where: str, *, groups_allowed: bool) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.fail(where, f"应为非空的区县代码列表，实际是{_type_zh(value)}「{value}」")
        seen: set[str] = set()
        for k, entry in enumerate(value):
            at = _join(where, k)
            if not isinstance(entry, str):
                self.fail(at, f"应为文本，实际是{_type_zh(entry)}「{entry}」")
            if entry in seen:
                self.fail(at, f"「{entry}」重复")
            seen.add(entry)
            if groups_allowed and entry.startswith(GROUP_PREFIX):
                gid = entry[len(GROUP_PREFIX) :]
                if gid not in self.groups:
                    self.fail(at, f"区县组「{gid}」没有在 groups 中定义")
            elif not _DISTRICT_CODE.fullmatch(entry):
                hint = '或 "group:组编号"' if groups_allowed else ""
                self.fail(at, f"应为 6 位数字的区县代码{hint}，实际是「{entry}」")
        return tuple(value)

    def section(self, raw: object, path: str, position: int) -> Section:
        doc = self.obj(raw, path, _SECTION_KEYS)
        section_id = self.positional_id(doc, path, str(position + 1))
        items_raw = doc["items"]
        if not isinstance(items_raw, list) or not items_raw:
            self.fail(_join(path, "items"), f"应为非空列表，实际是{_type_zh(items_raw)}")
        return Section(
            id=section_id,
            number=self.text(doc, "number", path),
            title=self.text(doc, "title", path),
            text=self.text(doc, "text", path),
            items=tuple(
                self.item(r, _join(_join(path, "items"), k), f"{section_id}.{k + 1}", section_id)
                for k, r in enumerate(items_raw)
            ),
        )

    def item(self, raw: object, path: str, expected_id: str, section_id: str) -> Item:
        doc = self.obj(raw, path, _ITEM_KEYS)
        item_id = self.positional_id(doc, path, expected_id)
        raw_indicators = doc["indicators"]
        if not isinstance(raw_indicators, list):
            self.fail(_join(path, "indicators"), f"应为列表，实际是{_type_zh(raw_indicators)}")
        return Item(
            id=item_id,
            number=self.text(doc, "number", path),
            title=self.text(doc, "title", path),
            text=self.text(doc, "text", path),
            indicators=tuple(
                self.indicator(
                    r,
                    _join(_join(path, "indicators"), k),
                    f"{item_id}.{k + 1}",
                    item_id,
                    section_id,
                )
                for k, r in enumerate(raw_indicators)
            ),
            section_id=section_id,
        )

    def positional_id(self, doc: dict[str, Any], path: str, expected: str) -> str:
        value = doc["id"]
        where = _join(path, "id")
        if not isinstance(value, str):
            self.fail(where, f"应为文本，实际是{_type_zh(value)}「{value}」")
        if value != expected:
            # Positional ids are unique by construction: an id seen before is a
            # copied entry, anything else a numbering slip.
            if value in self.ids:
                self.fail(where, f"编号「{value}」重复")
            self.fail(where, f"编号「{value}」与位置不符，应为「{expected}」（按顺序编号）")
        self.ids.add(value)
        return value

    def indicator(
        self, raw: object, path: str, expected_id: str, item_id: str, section_id: str
    ) -> Indicator:
        doc = self.obj(raw, path, _INDICATOR_KEYS, ("note",))
        ind_id = self.positional_id(doc, path, expected_id)
        self.paths[ind_id] = path
        name = self.text(doc, "name", path)
        unit = self.text(doc, "unit", path)
        source = self.text(doc, "source", path)
        note = self.text(doc, "note", path, empty=True) if "note" in doc else ""
        kind_text = doc["kind"]
        if not isinstance(kind_text, str) or kind_text not in {k.value for k in Kind}:
            choices = "、".join(k.value for k in Kind)
            self.fail(_join(path, "kind"), f"应为 {choices} 之一，实际是「{kind_text}」")
        kind = Kind(kind_text)
        level_text = doc["level"]
        if not isinstance(level_text, str) or level_text not in {lv.value for lv in Level}:
            choices = "、".join(lv.value for lv in Level)
            self.fail(_join(path, "level"), f"应为 {choices} 之一，实际是「{level_text}」")
        level = Level(level_text)
        target = self.number(doc["target"], _join(path, "target"))
        target_max = self.number(doc["target_max"], _join(path, "target_max"))
        comparator = doc["comparator"]
        self.check_target(path, kind, unit, target, target_max, comparator)
        formula = self.formula(doc["formula"], _join(path, "formula"), kind, ind_id)
        applies_to, scope = self.applies_to(doc["applies_to"], _join(path, "applies_to"), level)
        return Indicator(
            id=ind_id,
            name=name,
            unit=unit,
            kind=kind,
            target=target,
            target_max=target_max,
            comparator=comparator,
            level=level,
            applies_to=applies_to,
            formula=formula,
            source=source,
            item_id=item_id,
            section_id=section_id,
            note=note,
            scope=scope,
        )

    def check_target(
        self,
        path: str,
        kind: Kind,
        unit: str,
        target: Decimal | None,
        target_max: Decimal | None,
        comparator: object,
    ) -> None:
        if comparator is not None and comparator not in COMPARATORS:
            self.fail(
                _join(path, "comparator"),
                f"应为 {'、'.join(COMPARATORS)} 之一或 null，实际是「{comparator}」",
            )
        if target is None:
            if target_max is not None:
                self.fail(_join(path, "target_max"), "没有 target 时不能有 target_max")
            if comparator is not None:
                self.fail(_join(path, "comparator"), "没有 target 时不能有比较符")
        if target is not None and target_max is not None:
            if target_max < target:
                self.fail(
                    _join(path, "target_max"),
                    f"区间上限「{format_number(target_max)}」小于下限「{format_number(target)}」",
                )
            if comparator is not None:
                self.fail(_join(path, "comparator"), "区间目标（target_max）不能同时设比较符")
        if kind is Kind.COUNT:
            for key, value in (("target", target), ("target_max", target_max)):
                if value is not None and value != value.to_integral_value():
                    self.fail(
                        _join(path, key),
                        f"计数（count）指标的目标应为整数，实际是「{format_number(value)}」",
                    )
        if kind is Kind.RATE:
            for key, value in (("target", target), ("target_max", target_max)):
                if value is not None and value > 100:
                    self.fail(
                        _join(path, key),
                        f"比率（rate）目标应在 0 到 100 之间，实际是「{format_number(value)}」",
                    )
        if kind is Kind.MILESTONE:
            if target != 1:
                shown = "null" if target is None else format_number(target)
                self.fail(
                    _join(path, "target"),
                    f"里程碑（milestone）指标的目标应为 1（完成），实际是「{shown}」",
                )
            if target_max is not None:
                self.fail(_join(path, "target_max"), "里程碑（milestone）指标不能有区间目标")
            if comparator is not None:
                self.fail(_join(path, "comparator"), "里程碑（milestone）指标不能有比较符")
            if unit != MILESTONE_UNIT:
                self.fail(
                    _join(path, "unit"),
                    f"里程碑（milestone）指标的单位应为「{MILESTONE_UNIT}」，实际是「{unit}」",
                )

    def formula(self, value: object, where: str, kind: Kind, ind_id: str) -> Formula | None:
        if value is None:
            return None
        doc = self.obj(value, where, ("numerator", "denominator"))
        if kind is not Kind.RATE:
            self.fail(where, f"只有比率（rate）指标可以由公式计算，此指标是 {kind.value}")
        numerator = self.text(doc, "numerator", where)
        denominator = self.text(doc, "denominator", where)
        if numerator == denominator:
            self.fail(where, f"分子和分母不能是同一个指标「{numerator}」")
        if ind_id in (numerator, denominator):
            self.fail(where, f"公式不能引用指标自身「{ind_id}」")
        return Formula(numerator, denominator)

    def applies_to(
        self, value: object, where: str, level: Level
    ) -> tuple[Literal["all"] | tuple[str, ...], tuple[str, ...]]:
        if value == ALL:
            return ALL, ()
        if isinstance(value, str):
            self.fail(where, f'应为 "all" 或区县代码列表，实际是「{value}」')
        scope = self.code_list(value, where, groups_allowed=True)
        if level is Level.CITY:
            self.fail(where, '市级（city）指标由市残联填报，applies_to 应为 "all"')
        codes: list[str] = []
        for entry in scope:
            members = (
                self.groups[entry[len(GROUP_PREFIX) :]].districts
                if entry.startswith(GROUP_PREFIX)
                else (entry,)
            )
            codes.extend(c for c in members if c not in codes)
        # Keep the spelling only when it differs from the resolved codes (groups used).
        return tuple(codes), scope if tuple(codes) != scope else ()

    def check_formulas(self, indicators: dict[str, Indicator]) -> None:
        denominators: set[str] = set()
        for ind in indicators.values():
            if ind.formula is None:
                continue
            base = _join(self.paths[ind.id], "formula")
            for key, ref in (
                ("numerator", ind.formula.numerator),
                ("denominator", ind.formula.denominator),
            ):
                where = _join(base, key)
                other = indicators.get(ref)
                if other is None:
                    self.fail(where, f"指标「{ref}」在本计划中不存在")
                if other.kind is not Kind.COUNT:
                    self.fail(
                        where, f"公式只能引用计数（count）指标，「{ref}」是 {other.kind.value}"
                    )
                if other.level is not ind.level:
                    self.fail(
                        where,
                        f"「{ref}」的填报层级（{other.level.value}）与比率指标（{ind.level.value}）不同",
                    )
                if other.applies_to != ALL and (
                    ind.applies_to == ALL or not set(ind.applies_to) <= set(other.applies_to)
                ):
                    self.fail(where, f"「{ref}」不是由比率指标的每个区县填报的")
            denominators.add(ind.formula.denominator)
        for ind in indicators.values():
            if ind.target is None and not (ind.kind is Kind.COUNT and ind.id in denominators):
                self.fail(
                    _join(self.paths[ind.id], "target"),
                    "只有作为某个比率公式分母的基数（count）指标可以不设目标（null）",
                )


def parse_plan(data: object, origin: str) -> Plan:
    """Validate a decoded ``jindu-plan/1`` document; ``origin`` names it in errors."""
    return _Parser(origin).plan(data)


# ----- files ---------------------------------------------------------------------

# Python's json messages, in the clerk's language (the rest are shown as they are).
_JSON_MESSAGES = {
    "Expecting value": "此处应为一个值",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting property name enclosed in double quotes": "键名应使用英文双引号",
    "Unterminated string starting at": "字符串缺少结束引号",
    "Invalid control character at": "字符串中有控制字符（如未转义的换行）",
    "Invalid \\escape": "无效的转义符",
    "Extra data": "JSON 结束后还有多余内容",
}


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(name)


def load_plan(path: Path) -> Plan:
    """Read and validate a UTF-8 plan catalogue file."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlanFormatError(
                origin, "", f"文件过大（{size} 字节），计划文件不应超过 {MAX_FILE_BYTES} 字节"
            )
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(f"找不到计划文件 {origin}") from exc
    except OSError as exc:
        raise UsageError(f"无法读取计划文件 {origin}：{exc.strerror or exc}") from exc
    try:
        # utf-8-sig: Notepad on Windows writes a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFormatError(
            origin, "", f"不是 UTF-8 编码的文本（第 {exc.start} 字节处）"
        ) from exc
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as exc:
        message = next((zh for en, zh in _JSON_MESSAGES.items() if exc.msg.startswith(en)), exc.msg)
        raise PlanFormatError(
            origin, f"第 {exc.lineno} 行第 {exc.colno} 列", f"JSON 语法错误：{message}"
        ) from exc
    except _DuplicateKey as exc:
        raise PlanFormatError(origin, "", f"JSON 对象中键「{exc}」出现了两次") from exc
    except ValueError as exc:  # NaN, Infinity
        raise PlanFormatError(origin, "", f"JSON 中不允许 {exc}，数值应为普通数字") from exc
    return parse_plan(data, origin)


def bundled_plan_paths() -> list[Path]:
    """The catalogues shipped in ``resources/plans``, sorted by file name."""
    folder = resources_dir() / "plans"
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"))


def load_bundled_plans() -> list[Plan]:
    """Every bundled plan; two files with the same id and version are refused."""
    plans: list[Plan] = []
    seen: dict[tuple[str, int], Path] = {}
    for path in bundled_plan_paths():
        plan = load_plan(path)
        key = (plan.id, plan.version)
        if key in seen:
            raise PlanFormatError(
                str(path), "id", f"计划 {plan.id} 第 {plan.version} 版已由 {seen[key].name} 提供"
            )
        seen[key] = path
        plans.append(plan)
    return plans

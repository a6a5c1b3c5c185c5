"""The jindu-plan/1 catalogue format: what loads, what is refused and how it is said."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import NotFoundError, PlanFormatError, UsageError
from models.kinds import Kind, Level
from models.plan import (
    Formula,
    Plan,
    bundled_plan_paths,
    load_bundled_plans,
    load_plan,
    parse_plan,
)


def _indicator(ind_id: str, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": ind_id,
        "name": "危房改造",
        "unit": "户",
        "kind": "count",
        "target": 2000,
        "target_max": None,
        "comparator": None,
        "level": "district",
        "applies_to": "all",
        "formula": None,
        "source": "完成2000户危房改造任务。",
    }
    doc.update(fields)
    return doc


def small_plan() -> dict[str, Any]:
    """A plan exercising every feature: a range, a rate with its base, a group, a milestone."""
    return {
        "format": "jindu-plan/1",
        "id": "test-2030",
        "version": 2,
        "title": "2030年测试工作要点",
        "issuer": "测试残联",
        "issued": "2030-01-10",
        "year": 2030,
        "frequency": "quarterly",
        "due_days": 10,
        "form": {
            "表号": "测统1表",
            "制表机关": "测试残联",
            "批准机关": "测试残联",
            "批准文号": "（待核定）",
            "有效期至": "2030年12月31日",
        },
        "groups": {
            "west": {"name": "西片", "districts": ["500118", "500153"], "note": "推定"},
        },
        "sections": [
            {
                "id": "1",
                "number": "一",
                "title": "基础工作",
                "text": "一、基础工作",
                "items": [
                    {
                        "id": "1.1",
                        "number": "（一）",
                        "title": "定性任务",
                        "text": "定性任务。没有数字。",
                        "indicators": [],
                    },
                    {
                        "id": "1.2",
                        "number": "（二）",
                        "title": "危房改造",
                        "text": "危房改造。完成2000户危房改造任务。",
                        "indicators": [
                            _indicator("1.2.1"),
                            _indicator(
                                "1.2.2",
                                name="科研项目补助",
                                unit="个",
                                target=5,
                                target_max=8,
                                level="city",
                            ),
                        ],
                    },
                ],
            },
            {
                "id": "2",
                "number": "二",
                "title": "康复",
                "text": "二、康复",
                "items": [
                    {
                        "id": "2.1",
                        "number": "（一）",
                        "title": "康复服务",
                        "text": "康复服务。服务率达80%以上。",
                        "indicators": [
                            _indicator(
                                "2.1.1",
                                name="康复服务率",
                                unit="%",
                                kind="rate",
                                target=80,
                                comparator=">=",
                                formula={"numerator": "2.1.2", "denominator": "2.1.3"},
                            ),
                            _indicator("2.1.2", name="得到康复服务人数", unit="人", target=168000),
                            _indicator(
                                "2.1.3",
                                name="有康复需求人数",
                                unit="人",
                                target=None,
                                note="基数",
                            ),
                            _indicator(
                                "2.1.4",
                                name="出台办法",
                                unit="项",
                                kind="milestone",
                                target=1,
                                level="city",
                            ),
                            _indicator(
                                "2.1.5",
                                name="关爱家庭",
                                target=Decimal("7.5"),
                                kind="amount",
                                unit="万元",
                                applies_to=["group:west", "500103"],
                            ),
                        ],
                    }
                ],
            },
        ],
    }


IND = "sections[0].items[1].indicators[0]"  # the first count
RATE = "sections[1].items[0].indicators[0]"
BASE = "sections[1].items[0].indicators[2]"
MILESTONE = "sections[1].items[0].indicators[3]"
GROUPED = "sections[1].items[0].indicators[4]"


def _at(doc: dict[str, Any], path: str) -> dict[str, Any]:
    """The object at a path such as ``sections[1].items[0]``."""
    node: Any = doc
    for part in path.replace("]", "").replace("[", ".").split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    return node  # type: ignore[no-any-return]


def _set(path: str, key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        _at(doc, path)[key] = value

    return mutate


def _delete(path: str, key: str) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        del (_at(doc, path) if path else doc)[key]

    return mutate


def _top(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc[key] = value

    return mutate


def _append_indicator(
    item_path: str, indicator: dict[str, Any]
) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        _at(doc, item_path)["indicators"].append(indicator)

    return mutate


# (mutation, the JSON path the error must name, a fragment of the problem)
BAD_INPUTS: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("format", _top("format", "jindu-plan/2"), "format", "jindu-plan/1"),
    ("not an object", lambda d: d.clear() or d.update({"x": 1}), "format", "缺少此字段"),
    ("missing title", _delete("", "title"), "title", "缺少此字段"),
    ("unknown top key", _top("colour", "red"), "colour", "不认识的字段"),
    ("empty title", _top("title", "  "), "title", "不能为空"),
    ("title not text", _top("title", 2018), "title", "应为文本"),
    ("plan id", _top("id", "CQ 2018"), "id", "小写字母"),
    ("version text", _top("version", "1"), "version", "整数"),
    ("version zero", _top("version", 0), "version", "整数"),
    ("version bool", _top("version", True), "version", "整数"),
    ("issued format", _top("issued", "2030/01/10"), "issued", "YYYY-MM-DD"),
    ("issued impossible", _top("issued", "2030-02-30"), "issued", "2030-02-30"),
    ("year", _top("year", 18), "year", "整数"),
    ("frequency", _top("frequency", "weekly"), "frequency", "quarterly"),
    ("due days high", _top("due_days", 91), "due_days", "0 到 90"),
    ("due days negative", _top("due_days", -1), "due_days", "0 到 90"),
    ("form missing", _delete("form", "批准文号"), "form.批准文号", "缺少此字段"),
    ("form unknown", _set("form", "备注", "x"), "form.备注", "不认识的字段"),
    ("form empty", _set("form", "表号", ""), "form.表号", "不能为空"),
    ("form not object", _top("form", []), "form", "JSON 对象"),
    ("group id", _top("groups", {"West": {"name": "x", "districts": ["500118"]}}), "groups.West", "小写字母"),
    ("group no name", _delete("groups.west", "name"), "groups.west.name", "缺少此字段"),
    ("group code", _set("groups.west", "districts", ["500118", "5001"]), "groups.west.districts[1]", "6 位数字"),
    ("group empty", _set("groups.west", "districts", []), "groups.west.districts", "非空"),
    ("group dup", _set("groups.west", "districts", ["500118", "500118"]), "groups.west.districts[1]", "重复"),
    ("group of group", _set("groups.west", "districts", ["group:west"]), "groups.west.districts[0]", "6 位数字"),
    ("no sections", _top("sections", []), "sections", "非空列表"),
    ("section id", _set("sections[1]", "id", "3"), "sections[1].id", "应为「2」"),
    ("section dup id", _set("sections[1]", "id", "1"), "sections[1].id", "重复"),
    ("section number", _set("sections[0]", "number", ""), "sections[0].number", "不能为空"),
    ("section no items", _set("sections[0]", "items", []), "sections[0].items", "非空列表"),
    ("item id", _set("sections[0].items[1]", "id", "1.3"), "sections[0].items[1].id", "应为「1.2」"),
    ("item dup id", _set("sections[0].items[1]", "id", "1.1"), "sections[0].items[1].id", "重复"),
    ("item text", _delete("sections[0].items[1]", "text"), "sections[0].items[1].text", "缺少此字段"),
    ("item indicators", _set("sections[0].items[1]", "indicators", {}), "sections[0].items[1].indicators", "列表"),
    ("indicator id", _set(IND, "id", "1.2.9"), f"{IND}.id", "应为「1.2.1」"),
    ("indicator dup id", _set("sections[0].items[1].indicators[1]", "id", "1.2.1"), "sections[0].items[1].indicators[1].id", "重复"),
    ("indicator id type", _set(IND, "id", 121), f"{IND}.id", "应为文本"),
    ("typo key", lambda d: _at(d, IND).update(taget=5), f"{IND}.taget", "不认识的字段"),
    ("missing key", _delete(IND, "comparator"), f"{IND}.comparator", "缺少此字段"),
    ("kind", _set(IND, "kind", "percent"), f"{IND}.kind", "count、amount、rate、milestone"),
    ("level", _set(IND, "level", "county"), f"{IND}.level", "district、city"),
    ("unit empty", _set(IND, "unit", ""), f"{IND}.unit", "不能为空"),
    ("name empty", _set(IND, "name", " "), f"{IND}.name", "不能为空"),
    ("source empty", _set(IND, "source", ""), f"{IND}.source", "不能为空"),
    ("note type", _set(IND, "note", 3), f"{IND}.note", "应为文本"),
    ("target negative", _set(IND, "target", -1), f"{IND}.target", "负数"),
    ("target text", _set(IND, "target", "2000"), f"{IND}.target", "应为数字"),
    ("target bool", _set(IND, "target", True), f"{IND}.target", "应为数字"),
    ("target decimals", _set(GROUPED, "target", Decimal("1.23456")), f"{GROUPED}.target", "4 位小数"),
    ("target huge", _set(IND, "target", 10**12), f"{IND}.target", "过大"),
    ("count fraction", _set(IND, "target", 2.5), f"{IND}.target", "整数"),
    ("range reversed", _set(IND, "target_max", 1000), f"{IND}.target_max", "小于下限"),
    ("range without target", _set(BASE, "target_max", 5), f"{BASE}.target_max", "没有 target"),
    ("range and comparator", _set("sections[0].items[1].indicators[1]", "comparator", ">="), "sections[0].items[1].indicators[1].comparator", "区间"),
    ("comparator", _set(RATE, "comparator", ">"), f"{RATE}.comparator", ">=、<=、="),
    ("comparator without target", _set(BASE, "comparator", ">="), f"{BASE}.comparator", "没有 target"),
    ("rate above 100", _set(RATE, "target", 120), f"{RATE}.target", "0 到 100"),
    ("rate range above 100", lambda d: _at(d, RATE).update(target_max=101, comparator=None), f"{RATE}.target_max", "0 到 100"),
    ("milestone target", _set(MILESTONE, "target", 2), f"{MILESTONE}.target", "应为 1"),
    ("milestone null", _set(MILESTONE, "target", None), f"{MILESTONE}.target", "应为 1"),
    ("milestone unit", _set(MILESTONE, "unit", "次"), f"{MILESTONE}.unit", "项"),
    ("milestone range", _set(MILESTONE, "target_max", 2), f"{MILESTONE}.target_max", "区间"),
    ("null target", _set(IND, "target", None), f"{IND}.target", "分母"),
    ("applies text", _set(IND, "applies_to", "some"), f"{IND}.applies_to", '"all"'),
    ("applies empty", _set(IND, "applies_to", []), f"{IND}.applies_to", "非空"),
    ("applies code", _set(IND, "applies_to", ["50010"]), f"{IND}.applies_to[0]", "6 位数字"),
    ("applies number", _set(IND, "applies_to", [500103]), f"{IND}.applies_to[0]", "应为文本"),
    ("applies group", _set(IND, "applies_to", ["group:east"]), f"{IND}.applies_to[0]", "east"),
    ("applies dup", _set(IND, "applies_to", ["500103", "500103"]), f"{IND}.applies_to[1]", "重复"),
    ("city with list", _set(MILESTONE, "applies_to", ["500103"]), f"{MILESTONE}.applies_to", "市级"),
    ("formula on count", _set(IND, "formula", {"numerator": "2.1.2", "denominator": "2.1.3"}), f"{IND}.formula", "rate"),
    ("formula keys", _set(RATE, "formula", {"numerator": "2.1.2"}), f"{RATE}.formula.denominator", "缺少此字段"),
    ("formula same", _set(RATE, "formula", {"numerator": "2.1.2", "denominator": "2.1.2"}), f"{RATE}.formula", "同一个"),
    ("formula self", _set(RATE, "formula", {"numerator": "2.1.1", "denominator": "2.1.3"}), f"{RATE}.formula", "自身"),
    ("formula missing ref", _set(RATE, "formula", {"numerator": "9.9.9", "denominator": "2.1.3"}), f"{RATE}.formula.numerator", "9.9.9"),
    ("formula ref kind", _set(RATE, "formula", {"numerator": "2.1.4", "denominator": "2.1.3"}), f"{RATE}.formula.numerator", "milestone"),
    ("formula ref level", _set(RATE, "formula", {"numerator": "1.2.2", "denominator": "2.1.3"}), f"{RATE}.formula.numerator", "层级"),
    ("formula ref scope", _set(BASE, "applies_to", ["500103"]), f"{RATE}.formula.denominator", "每个区县"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "path", "problem"),
    [pytest.param(m, p, pr, id=name) for name, m, p, pr in BAD_INPUTS],
)
def test_a_bad_catalogue_is_refused_naming_the_path_and_problem(
    mutate: Callable[[dict[str, Any]], None], path: str, problem: str
) -> None:
    doc = small_plan()
    parse_plan(copy.deepcopy(doc), "ok.json")  # the base document itself is valid
    mutate(doc)
    with pytest.raises(PlanFormatError) as caught:
        parse_plan(doc, "bad.json")
    error = caught.value
    assert error.path == path
    assert problem in error.problem
    assert error.origin == "bad.json"
    assert "bad.json" in str(error) and path in str(error)


def test_a_swapped_formula_leaves_a_base_figure_without_target() -> None:
    # 2.1.2 has a target, 2.1.3 none: once 2.1.3 is no longer a denominator it
    # is a count without a target, which the format refuses.
    doc = small_plan()
    _at(doc, RATE)["formula"] = {"numerator": "2.1.3", "denominator": "2.1.2"}
    with pytest.raises(PlanFormatError) as caught:
        parse_plan(doc, "x")
    assert caught.value.path == f"{BASE}.target"
    assert "分母" in caught.value.problem


def test_a_rate_without_formula_is_reported_directly() -> None:
    doc = small_plan()
    _at(doc, RATE)["formula"] = None
    _at(doc, BASE)["target"] = 10
    plan = parse_plan(doc, "x")
    assert not plan.indicator("2.1.1").computed


def test_a_valid_plan_reads_into_the_tree() -> None:
    plan = parse_plan(small_plan(), "small.json")
    assert (plan.id, plan.version, plan.year) == ("test-2030", 2, 2030)
    assert plan.issued == date(2030, 1, 10)
    assert [s.id for s in plan.sections] == ["1", "2"]
    assert [i.id for i in plan.items()] == ["1.1", "1.2", "2.1"]
    assert [n.id for n in plan.indicators()] == [
        "1.2.1",
        "1.2.2",
        "2.1.1",
        "2.1.2",
        "2.1.3",
        "2.1.4",
        "2.1.5",
    ]
    rate = plan.indicator("2.1.1")
    assert rate.kind is Kind.RATE and rate.computed
    assert rate.formula == Formula("2.1.2", "2.1.3")
    assert rate.target == Decimal(80) and rate.comparator == ">="
    assert plan.indicator("2.1.3").target is None and plan.indicator("2.1.3").note == "基数"
    assert plan.indicator("2.1.5").target == Decimal("7.5")
    assert plan.item_of("2.1.4").id == "2.1"
    assert plan.indicator("2.1.4").item_id == "2.1" and plan.indicator("2.1.4").section_id == "2"
    assert plan.groups["west"].districts == ("500118", "500153")


def test_groups_resolve_to_codes_and_are_written_back_as_groups() -> None:
    plan = parse_plan(small_plan(), "x")
    grouped = plan.indicator("2.1.5")
    assert grouped.applies_to == ("500118", "500153", "500103")
    assert grouped.applies("500153") and grouped.applies("500103")
    assert not grouped.applies("500101")
    assert grouped.to_json()["applies_to"] == ["group:west", "500103"]


def test_who_reports_what() -> None:
    plan = parse_plan(small_plan(), "x")
    assert [n.id for n in plan.district_indicators("500101")] == [
        "1.2.1",
        "2.1.1",
        "2.1.2",
        "2.1.3",
    ]
    assert [n.id for n in plan.district_indicators("500118")] == [
        "1.2.1", "2.1.1", "2.1.2", "2.1.3", "2.1.5",
    ]  # fmt: skip
    city = plan.indicator("1.2.2")
    assert city.level is Level.CITY and not city.applies("500101")


def test_target_labels_for_display() -> None:
    plan = parse_plan(small_plan(), "x")
    assert plan.indicator("1.2.1").target_label == "2000"
    assert plan.indicator("1.2.2").target_label == "5-8"
    assert plan.indicator("2.1.1").target_label == "≥80"
    assert plan.indicator("2.1.3").target_label == "—"
    assert plan.indicator("2.1.5").target_label == "7.5"
    doc = small_plan()
    _at(doc, RATE)["comparator"] = "<="
    assert parse_plan(doc, "x").indicator("2.1.1").target_label == "≤80"


@pytest.mark.parametrize(
    ("lookup", "field", "value"),
    [("indicator", "指标", "9.9.9"), ("item", "工作任务", "7.1"), ("section", "部分", "8")],
)
def test_an_unknown_id_names_the_field_value_and_plan(lookup: str, field: str, value: str) -> None:
    plan = parse_plan(small_plan(), "x")
    with pytest.raises(NotFoundError) as caught:
        getattr(plan, lookup)(value)
    assert caught.value.field == field and caught.value.value == value
    assert "test-2030" in str(caught.value) and value in str(caught.value)


def test_to_json_round_trips_through_parse_and_through_json_text() -> None:
    doc = small_plan()
    plan = parse_plan(doc, "x")
    assert parse_plan(plan.to_json(), "again") == plan
    text = json.dumps(plan.to_json(), ensure_ascii=False)
    assert parse_plan(json.loads(text), "float") == plan
    assert parse_plan(json.loads(text, parse_float=Decimal), "decimal") == plan
    # Written back as it was read: Decimals become plain JSON numbers.
    expected = json.loads(json.dumps(doc, default=float))
    assert json.loads(text) == expected
    assert '"target": 2000,' in text and '"target": 7.5,' in text


def test_a_changed_plan_is_not_equal() -> None:
    plan = parse_plan(small_plan(), "x")
    doc = small_plan()
    _at(doc, IND)["target"] = 2001
    assert parse_plan(doc, "x") != plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.integers(min_value=0, max_value=10**10),
    extra=st.integers(min_value=0, max_value=10**6),
    amount=st.decimals(
        min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    ),
    rate=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
)
def test_targets_round_trip_exactly(
    target: int, extra: int, amount: Decimal, rate: Decimal
) -> None:
    doc = small_plan()
    _at(doc, "sections[0].items[1].indicators[1]").update(target=target, target_max=target + extra)
    _at(doc, GROUPED)["target"] = amount
    _at(doc, RATE)["target"] = rate
    plan = parse_plan(doc, "x")
    again = parse_plan(json.loads(json.dumps(plan.to_json())), "y")
    assert again == plan
    assert again.indicator("2.1.5").target == amount


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


ALL_PATHS = _paths(small_plan())


@settings(max_examples=300, deadline=None)
@given(where=st.sampled_from(ALL_PATHS), value=JSON_VALUES)
def test_any_damaged_field_gives_a_plan_or_a_format_error(
    where: tuple[Any, ...], value: object
) -> None:
    doc = small_plan()
    node: Any = doc
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    try:
        plan = parse_plan(doc, "fuzz")
    except PlanFormatError as error:
        assert error.problem
    else:
        assert parse_plan(plan.to_json(), "again") == plan


@settings(max_examples=100, deadline=None)
@given(value=JSON_VALUES)
def test_any_json_value_as_a_whole_document_is_refused_cleanly(value: object) -> None:
    with pytest.raises(PlanFormatError):
        parse_plan(value, "fuzz")


# ----- files -----------------------------------------------------------------------


def _write(tmp_path: Path, text: str | bytes, name: str = "plan.json") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_a_file_loads_with_or_without_byte_order_mark(tmp_path: Path) -> None:
    text = json.dumps(small_plan(), ensure_ascii=False, indent=2, default=float)
    plain = load_plan(_write(tmp_path, text, "a.json"))
    marked = load_plan(_write(tmp_path, "\ufeff" + text, "b.json"))
    assert plain == marked == parse_plan(small_plan(), "x")


def test_a_json_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    lines = json.dumps(small_plan(), ensure_ascii=False, indent=2, default=float).splitlines()
    broken = next(k for k, line in enumerate(lines) if '"year"' in line)
    lines[broken] = lines[broken].rstrip(",")  # the clerk deleted a comma
    path = _write(tmp_path, "\n".join(lines))
    with pytest.raises(PlanFormatError) as caught:
        load_plan(path)
    assert caught.value.path.startswith(f"第 {broken + 2} 行第 ")
    assert "缺少逗号" in caught.value.problem
    assert str(path) in str(caught.value)


def test_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    text = json.dumps(small_plan(), ensure_ascii=False, default=float)
    text = text.replace('"year": 2030', '"year": 2030, "year": 2031')
    with pytest.raises(PlanFormatError) as caught:
        load_plan(_write(tmp_path, text))
    assert "year" in caught.value.problem and "两次" in caught.value.problem


def test_nan_is_refused(tmp_path: Path) -> None:
    text = json.dumps(small_plan(), ensure_ascii=False, default=float).replace(
        '"target": 2000', '"target": NaN', 1
    )
    with pytest.raises(PlanFormatError) as caught:
        load_plan(_write(tmp_path, text))
    assert "NaN" in caught.value.problem


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    text = json.dumps(small_plan(), ensure_ascii=False, default=float)
    with pytest.raises(PlanFormatError) as caught:
        load_plan(_write(tmp_path, text.encode("gb18030")))
    assert "UTF-8" in caught.value.problem


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        load_plan(tmp_path / "nowhere.json")
    assert "nowhere.json" in str(caught.value)


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = _write(tmp_path, b" " * (5 * 1024 * 1024 + 1))
    with pytest.raises(PlanFormatError) as caught:
        load_plan(path)
    assert "过大" in caught.value.problem


def test_bundled_plans_come_from_the_resources_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINDU_RESOURCES", str(tmp_path))
    assert bundled_plan_paths() == [] and load_bundled_plans() == []
    (tmp_path / "plans").mkdir()
    text = json.dumps(small_plan(), ensure_ascii=False, default=float)
    _write(tmp_path / "plans", text, "b.json")
    other = small_plan()
    other["version"] = 3
    _write(tmp_path / "plans", json.dumps(other, ensure_ascii=False, default=float), "a.json")
    _write(tmp_path / "plans", "not a plan", "notes.txt")
    assert [p.name for p in bundled_plan_paths()] == ["a.json", "b.json"]
    assert [p.version for p in load_bundled_plans()] == [3, 2]
    _write(tmp_path / "plans", text, "c.json")  # the same id and version twice
    with pytest.raises(PlanFormatError) as caught:
        load_bundled_plans()
    assert "c.json" in caught.value.origin and "b.json" in caught.value.problem


def test_the_real_bundled_folder_holds_valid_plans() -> None:
    plans = load_bundled_plans()
    assert plans and all(isinstance(p, Plan) for p in plans)
    assert "cq-2018" in {p.id for p in plans}

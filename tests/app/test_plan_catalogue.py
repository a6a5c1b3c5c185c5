"""The editable catalogue behind the plan editor: edits, stable ids, validation, publishing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.office import OfficeService, open_office
from app.plan_catalogue import (
    Catalogue,
    CatalogueInvalid,
    IndicatorNode,
    ItemNode,
    RemovalNotConfirmed,
    SectionNode,
    VersionRefused,
    catalogue_path,
    publish,
    suggested_groups,
    validate,
    version_check,
    zh_numeral,
)
from models.errors import InputError, StateError
from models.kinds import Kind, Level
from models.plan import Plan, load_bundled_plans, load_plan, parse_plan

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_f7181fff8ff925ec.txt"


@pytest.fixture(scope="module")
def plan_2018() -> Plan:
    return next(p for p in load_bundled_plans() if p.id == "cq-2018")


@pytest.fixture
def city(tmp_path: Path) -> Iterator[OfficeService]:
    """A data folder with the 2018 plan installed, as a city folder has it."""
    service = open_office(tmp_path / "city", auto_backup=False)
    service.install_plan(OfficeService.latest_bundled_plan(), source="bundled")
    yield service
    service.store.close()


def small() -> Catalogue:
    """Two sections; a rate computed from two counts; an item without indicators."""
    cat = Catalogue(id="cq-2019", title="2019年全市残疾人工作要点", issuer="重庆市残疾人联合会",
                    issued="2019-01-20", year=2019)  # fmt: skip
    cat.form.update({"表号": "渝残联统1表", "制表机关": "重庆市残联", "批准机关": "重庆市残联",
                     "批准文号": "（待核定）", "有效期至": "2019年12月31日"})  # fmt: skip
    s1 = cat.add_section(title="脱贫攻坚").node
    assert isinstance(s1, SectionNode)
    i1 = cat.add_item(s1, title="危房改造").node
    assert isinstance(i1, ItemNode)
    for name, unit, target in (("危房改造", "户", "2000"), ("技术培训", "名", "1万")):
        node = cat.add_indicator(i1, name=name, source=f"完成{target}{unit}{name}。").node
        assert isinstance(node, IndicatorNode)
        cat.set_unit(node, unit)
        cat.set_target(node, target)
    s2 = cat.add_section(title="康复服务").node
    assert isinstance(s2, SectionNode)
    i2 = cat.add_item(s2, title="精准康复").node
    assert isinstance(i2, ItemNode)
    rate, served, base = (cat.add_indicator(i2, name=n, source="康复服务率达到80%以上。").node
                          for n in ("康复服务率", "已服务人数", "有需求人数"))  # fmt: skip
    assert isinstance(rate, IndicatorNode) and isinstance(served, IndicatorNode)
    assert isinstance(base, IndicatorNode)
    cat.set_kind(rate, Kind.RATE)
    cat.set_target(rate, "80%")
    cat.set_comparator(rate, "以上")
    for node in (served, base):
        cat.set_unit(node, "人")
    cat.set_target(served, "16.8万")
    cat.set_formula(rate, "2.1.2", "2.1.3")
    cat.add_item(s2, title="宣传工作")
    return cat


def test_a_published_plan_loads_unchanged_and_keeps_its_ids_as_origins(plan_2018: Plan) -> None:
    cat = Catalogue.from_plan(plan_2018)
    assert cat.load_changes == ()
    assert cat.based_on == ("cq-2018", 1)
    assert all(n.origin == n.id for n in cat.nodes())
    assert validate(cat) == []
    assert parse_plan(cat.to_json(), "test") == plan_2018
    assert cat.groups["yuxi"].name == "渝西片区"


def test_the_seed_draft_loads_with_its_highlights_and_no_origins() -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed plan text is not beside the checkout ({SEED})")
    from app.plan_draft import draft_file, read_text

    cat = Catalogue.from_draft(draft_file(SEED), read_text(SEED))
    assert (len(cat.sections), len(cat.items())) == (5, 22)
    assert cat.based_on is None and all(n.origin is None for n in cat.nodes())
    first = cat.find("2.1.1")
    assert isinstance(first, IndicatorNode) and first.span is not None and first.match
    assert first.source[first.span[0] : first.span[1]] == first.match
    assert first.source in cat.notice
    # Draft keys are kept for saving the work, never in the catalogue itself.
    assert "confidence" in cat.to_json(draft_keys=True)["sections"][1]["items"][0]["indicators"][0]
    assert "confidence" not in cat.to_json()["sections"][1]["items"][0]["indicators"][0]


def test_the_small_catalogue_is_publishable() -> None:
    cat = small()
    assert validate(cat) == []
    plan = parse_plan(cat.to_json(), "test")
    assert plan.indicator("1.1.2").target == Decimal(10000)
    rate = plan.indicator("2.1.1")
    assert (rate.comparator, rate.formula) == (">=", plan.indicator("2.1.1").formula)
    assert rate.formula is not None and (rate.formula.numerator, rate.formula.denominator) == (
        "2.1.2",
        "2.1.3",
    )
    assert plan.item("2.2").text == "宣传工作"  # an item typed anew: its title is its text


def test_reordering_renumbers_reports_and_formulas_follow_their_counts() -> None:
    cat = small()
    base = cat.find("2.1.3")
    edit = cat.move(base, -1)
    assert [str(c) for c in edit.renumbered] == [
        "指标 2.1.3 → 2.1.2（有需求人数）",
        "指标 2.1.2 → 2.1.3（已服务人数）",
    ]
    rate = cat.find("2.1.1")
    assert isinstance(rate, IndicatorNode)
    doc = cat.to_json()["sections"][1]["items"][0]["indicators"][0]
    assert doc["formula"] == {"numerator": "2.1.3", "denominator": "2.1.2"}
    assert validate(cat) == []
    section_edit = cat.move(cat.sections[1], -1)
    assert cat.sections[0].title == "康复服务" and cat.sections[0].number == "一"
    assert "部分 2 → 1（康复服务）" in [str(c) for c in section_edit.renumbered]
    assert cat.move(cat.sections[0], -1).renumbered == ()  # at the top: nothing moves


def test_removing_a_count_used_by_a_rate_is_reported_where_it_is(tmp_path: Path) -> None:
    cat = small()
    rate = cat.find("2.1.1")
    cat.remove(cat.find("2.1.2"))
    problems = validate(cat)
    assert [(p.key, p.field) for p in problems] == [(rate.key, "formula")]
    assert str(problems[0]) == "指标 2.1.1（康复服务率）公式：公式引用的指标 2.1.2 已被删除"


def test_validation_lists_every_missing_unit_target_and_sentence_with_its_place() -> None:
    cat = small()
    item = cat.find("1.1")
    assert isinstance(item, ItemNode)
    new = cat.add_indicator(item).node
    assert isinstance(new, IndicatorNode)
    ranged = cat.find("1.1.1")
    assert isinstance(ranged, IndicatorNode)
    cat.set_target_max(ranged, "1500")
    messages = [str(p) for p in validate(cat)]
    assert "指标 1.1.3名称：未填写" in messages
    assert "指标 1.1.3单位：未填写" in messages
    assert any(m.startswith("指标 1.1.3目标：未填写") for m in messages)
    assert any(m.startswith("指标 1.1.3来源句") for m in messages)
    assert "指标 1.1.1（危房改造）目标上限：区间上限 1500 小于下限 2000" in messages
    # An empty section is refused too, and the plan's own fields are checked by parse_plan.
    cat.add_section(title="空部分").node.items.clear()  # type: ignore[union-attr]
    assert any(p.field == "items" for p in validate(cat))


def test_the_format_rules_come_from_parse_plan_located_on_the_node() -> None:
    cat = small()
    rate = cat.find("2.1.1")
    assert isinstance(rate, IndicatorNode)
    cat.set_comparator(rate, None)
    cat.set_target(rate, "120")  # a rate above 100: only models.plan knows that rule
    problems = validate(cat)
    assert len(problems) == 1
    assert (problems[0].key, problems[0].field) == (rate.key, "target")
    assert "0 到 100" in problems[0].message
    cat.set_target(rate, "80")
    cat.id = "CQ 2019"
    problems = validate(cat)
    assert [(p.key, p.field) for p in problems] == [(None, "id")]
    assert str(problems[0]).startswith("计划计划编号：")


def test_duplicate_ids_are_reported() -> None:
    cat = small()
    cat.find("1.1.2").id = "1.1.1"
    assert any("重复" in p.message and p.field == "id" for p in validate(cat))


def test_field_setters_read_what_people_type_and_refuse_nonsense() -> None:
    cat = small()
    node = cat.find("1.1.1")
    assert isinstance(node, IndicatorNode)
    cat.set_target(node, "２，０００户")
    assert node.target == Decimal(2000)
    for bad in ("abc", "-5", "5人"):
        with pytest.raises(InputError) as caught:
            cat.set_target(node, bad)
        assert "指标 1.1.1" in caught.value.field
    assert node.target == Decimal(2000)
    cat.set_kind(node, "完成事项")
    assert (node.kind, node.unit, node.target) == (Kind.MILESTONE, "项", Decimal(1))
    cat.set_kind(node, Kind.COUNT)
    assert node.target is None and node.unit == ""
    cat.set_level(node, "市级")
    assert node.level is Level.CITY and node.applies_to == "all"
    with pytest.raises(InputError):
        cat.set_applies_to(node, ["500103"])
    with pytest.raises(InputError):
        cat.set_comparator(node, "大约")
    with pytest.raises(InputError):
        cat.set_formula(node, "2.1.2", "2.1.3")  # not a rate


def test_district_groups_the_suggestion_and_the_applies_to_text() -> None:
    yuxi = next(g for g in suggested_groups() if g.id == "yuxi")
    assert len(yuxi.districts) == 13
    cat = small()
    node = cat.find("1.1.1")
    assert isinstance(node, IndicatorNode)
    cat.add_group(yuxi.name, yuxi.districts, yuxi.note, group_id="yuxi")
    pilots = cat.add_group("康复试点", ["500103", "500104"])
    assert pilots.id == "group1"
    with pytest.raises(InputError):
        cat.add_group("康复试点", ["500105"])  # the same name twice
    with pytest.raises(InputError):
        cat.add_group("空组", [])
    cat.set_applies_to(node, cat.parse_applies("渝西片区、渝中区、500104", "适用区县"))
    assert node.applies_to == ["group:yuxi", "500103", "500104"]
    assert cat.applies_label(node) == "渝西片区、渝中区、大渡口区"
    assert cat.scope_codes(node) == set(yuxi.districts) | {"500103", "500104"}
    with pytest.raises(InputError, match="火星区"):
        cat.parse_applies("渝中区、火星区", "适用区县")
    with pytest.raises(InputError, match=r"1\.1\.1"):
        cat.remove_group("yuxi")  # still used
    plan = parse_plan(cat.to_json(), "test")
    assert plan.indicator("1.1.1").applies("500110")  # 綦江区, in 渝西
    assert not plan.indicator("1.1.1").applies("500101")
    assert cat.group_for(["500104", "500103"]) is pilots


def test_publishing_a_new_plan_installs_it_and_keeps_its_file(city: OfficeService) -> None:
    cat = small()
    plan = publish(city, cat)
    assert (plan.id, plan.version) == ("cq-2019", 1)
    assert city.plan("cq-2019") == plan
    source = city.store.db.execute("SELECT source FROM plans WHERE id = 'cq-2019'").fetchone()[0]
    assert source == "authored"
    path = catalogue_path(city, "cq-2019", 1)
    assert path == city.store.path.parent / "plans" / "cq-2019-v1.json"
    assert load_plan(path) == plan
    assert cat.based_on == ("cq-2019", 1) and all(n.origin == n.id for n in cat.nodes())
    assert not list(path.parent.glob(".tmp-*"))
    with pytest.raises(StateError, match="已在数据库中"):
        publish(city, small())  # the same id again as a new plan


def test_an_invalid_catalogue_publishes_nothing(city: OfficeService) -> None:
    cat = small()
    node = cat.find("1.1.1")
    assert isinstance(node, IndicatorNode)
    cat.set_unit(node, "")
    with pytest.raises(CatalogueInvalid) as caught:
        publish(city, cat)
    assert "1.1.1" in caught.value.message
    assert [r[0] for r in city.installed_plans()] == ["cq-2018"]
    assert not (city.store.path.parent / "plans").exists()


def test_a_new_version_keeps_every_id_of_the_previous_one(city: OfficeService) -> None:
    cat = Catalogue.from_plan(city.plan("cq-2018"))
    node = cat.find("2.1.1")
    assert isinstance(node, IndicatorNode)
    cat.set_target(node, "2500")
    item = cat.find("2.1")
    assert isinstance(item, ItemNode)
    new = cat.add_indicator(item, name="扶持残疾人扶贫基地", source="扶持残疾人扶贫基地10个。").node
    assert isinstance(new, IndicatorNode)
    cat.set_unit(new, "个")
    cat.set_target(new, "10")
    plan = publish(city, cat, new_version_of="cq-2018", make_current=True)
    assert (plan.id, plan.version) == ("cq-2018", 2)
    assert city.plan("cq-2018").indicator("2.1.1").target == Decimal(2500)
    assert city.plan("cq-2018").indicator("2.1.4").name == "扶持残疾人扶贫基地"
    assert city.store.meta("plan") == "cq-2018"
    assert load_plan(catalogue_path(city, "cq-2018", 2)) == plan


def test_a_new_version_that_renumbers_is_refused_and_changes_nothing(city: OfficeService) -> None:
    cat = Catalogue.from_plan(city.plan("cq-2018"))
    cat.move(cat.find("2.1.3"), -2)
    with pytest.raises(VersionRefused) as caught:
        publish(city, cat, new_version_of="cq-2018")
    assert "2.1.3 → 2.1.1" in caught.value.message
    assert city.plan("cq-2018").version == 1
    assert not catalogue_path(city, "cq-2018", 2).exists()
    # Removing an indicator in the middle moves the ones after it: refused as well.
    cat = Catalogue.from_plan(city.plan("cq-2018"))
    cat.remove(cat.find("2.1.1"))
    check = version_check(city.plan("cq-2018"), cat)
    assert ("2.1.2", "2.1.1", "农村残疾人实用技术培训") in check.renumbered


def test_removing_the_last_ids_needs_confirmation(city: OfficeService) -> None:
    cat = Catalogue.from_plan(city.plan("cq-2018"))
    cat.remove(cat.find("5.1.2"))
    with pytest.raises(RemovalNotConfirmed) as caught:
        publish(city, cat, new_version_of="cq-2018")
    assert "5.1.2" in caught.value.message
    assert city.plan("cq-2018").version == 1
    plan = publish(city, cat, new_version_of="cq-2018", confirm_removal=True)
    assert plan.version == 2 and [n.id for n in plan.item("5.1").indicators] == ["5.1.1"]


def test_a_new_node_may_not_take_an_id_the_previous_version_used(city: OfficeService) -> None:
    cat = Catalogue.from_plan(city.plan("cq-2018"))
    cat.remove(cat.find("2.1.3"))
    item = cat.find("2.1")
    assert isinstance(item, ItemNode)
    cat.add_indicator(item, name="残疾人电商培训", source="开展残疾人电商培训。")
    check = version_check(city.plan("cq-2018"), cat)
    assert check.reused == (("2.1.3", "扶持农村残疾人种养业大户", "残疾人电商培训"),)
    assert check.refused
    # A fresh draft of the same text, without origins, matches by id and name.
    again = Catalogue.from_json(city.plan("cq-2018").to_json(), origin="草稿", draft=True)
    assert not version_check(city.plan("cq-2018"), again).refused


def test_a_saved_work_file_opens_again_with_its_highlights(tmp_path: Path) -> None:
    cat = small()
    node = cat.find("1.1.1")
    assert isinstance(node, IndicatorNode)
    node.confidence, node.span, node.match = 0.9, (2, 7), "2000户"
    cat.notice = "通知原文：完成2000户危房改造。"
    path = cat.save(tmp_path / "work.json")
    again = Catalogue.load(path)
    reopened = again.find("1.1.1")
    assert isinstance(reopened, IndicatorNode)
    assert (reopened.confidence, reopened.span, reopened.match) == (0.9, (2, 7), "2000户")
    assert again.to_json() == cat.to_json()
    assert again.notice == cat.notice
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["sections"][0]["items"][0]["indicators"][0]["match"] == "2000户"


def test_chinese_numerals_for_labels() -> None:
    assert [zh_numeral(n) for n in (1, 9, 10, 11, 20, 23, 99, 100)] == [
        "一", "九", "十", "十一", "二十", "二十三", "九十九", "100",
    ]  # fmt: skip


OPS = st.lists(
    st.tuples(
        st.sampled_from(["add_section", "add_item", "add_indicator", "remove", "up", "down"]),
        st.integers(min_value=0, max_value=40),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(OPS)
def test_any_sequence_of_edits_keeps_ids_positional_unique_and_reported(
    ops: list[tuple[str, int]],
) -> None:
    cat = small()
    for op, n in ops:
        nodes = list(cat.nodes())
        before = {node.key: node.id for node in nodes}
        node = nodes[n % len(nodes)] if nodes else None
        if op == "add_section" or node is None:
            edit = cat.add_section(n % (len(cat.sections) + 1), title="新")
        elif op == "add_item":
            section = node if isinstance(node, SectionNode) else cat.sections[0]
            edit = cat.add_item(section, n % (len(section.items) + 1), title="新")
        elif op == "add_indicator":
            items = cat.items()
            if not items:
                continue
            item = items[n % len(items)]
            edit = cat.add_indicator(item, n % (len(item.indicators) + 1), name="新")
        elif op == "remove":
            edit = cat.remove(node)
        else:
            edit = cat.move(node, -1 if op == "up" else 1)
        # Every id that changed is reported, with its old and new value.
        changed = {
            k: (old, new.id)
            for k, old in before.items()
            for new in cat.nodes()
            if new.key == k and new.id != old
        }
        assert {c.key: (c.old, c.new) for c in edit.renumbered} == changed
        ids = [x.id for x in cat.nodes()]
        assert len(ids) == len(set(ids))
        for s, section in enumerate(cat.sections, start=1):
            assert section.id == str(s)
            for k, item in enumerate(section.items, start=1):
                assert item.id == f"{s}.{k}"
                assert [i.id for i in item.indicators] == [
                    f"{s}.{k}.{m}" for m in range(1, len(item.indicators) + 1)
                ]
    # Whatever was done, validation explains itself instead of crashing.
    for problem in validate(cat):
        assert str(problem)

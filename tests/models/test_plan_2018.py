"""The bundled 2018 plan against the seed text it was encoded from.

The catalogue is data typed by hand from 《2018年全市残疾人工作要点》; these tests
re-read the seed and hold the catalogue to it, so that a dropped item, a mistyped
sentence or a target left out of the catalogue fails here.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from models.kinds import Kind, Level
from models.plan import Indicator, Plan, format_number, load_plan
from models.resources import resources_dir

SEED = Path(__file__).resolve().parents[3] / "shared/seed/000_f7181fff8ff925ec.txt"
CATALOGUE = resources_dir() / "plans" / "cq-2018.json"

SECTION_LINE = re.compile(r"([一二三四五六七八九十]+)、(.+)")
ITEM_LINE = re.compile(r"\(([一二三四五六七八九十]+)\)(.+)")
ARABIC = re.compile(r"\d+(?:\.\d+)?")

# Targets not written as plain Arabic numerals in the text, as they are written.
WRITTEN = {
    "3.3.2": "16.8万",  # 168000
    "3.4.2": "一所",  # 1
    "4.3.5": "百场",  # 100
}

# Every Arabic number in an item's text that is not a target, and why. A number
# added to an item's text must either become an indicator or be listed here.
NOT_TARGETS: dict[str, set[str]] = {
    # 26 departments wrote the national plan; 2016-2020 its years; 2020 the
    # deadline for the remaining dilapidated houses; 2018 the year of the loan subsidy.
    "2.1": {"26", "2016", "2020", "2018"},
    "3.1": {"2015", "58", "2017", "11"},  # 渝府发〔2015〕58号, 〔2017〕11号
    "3.2": {"2017", "184"},  # 渝府办发〔2017〕184号
    "3.3": {"2016", "2020", "2017", "118"},  # 实施方案(2016―2020年), 渝府办发〔2017〕118号
    # 13: the size of 渝西片区, encoded as the group "yuxi" (checked below);
    # 2019: the year of the national games; 2020: the city games (a later year);
    # 2018: the name of the swimming championship.
    "4.3": {"13", "2019", "2020", "2018"},
    "5.1": {"12385"},  # the hotline's number
}

# The verb that makes a milestone a one-off deliverable, found in its sentence.
MILESTONE_VERBS = ("出台", "召开", "举办", "承办", "建立", "开展", "换届")

DISTRICT_INDICATORS = [
    "2.1.1", "2.1.2", "2.1.3", "2.2.1", "3.2.1", "3.3.1", "3.3.2", "3.3.3",
    "3.3.7", "3.4.1", "3.5.1", "4.3.7", "4.3.8", "5.1.1",
]  # fmt: skip

YUXI = {
    "500102", "500115", "500116", "500117", "500118", "500119", "500110",
    "500111", "500120", "500151", "500152", "500153", "509902",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed text is not beside the checkout ({SEED}); it is present in CI")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(CATALOGUE)


def _seed_outline(seed: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(number, title, [(item number, paragraph)]) for every section of the seed."""
    outline: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in seed.splitlines():
        if m := SECTION_LINE.fullmatch(line):
            outline.append((m[1], m[2], []))
        elif (m := ITEM_LINE.fullmatch(line)) and outline:
            outline[-1][2].append((m[1], m[2]))
    return outline


def _written(ind: Indicator) -> str:
    """The target as the plan's sentence writes it."""
    assert ind.target is not None
    if ind.id in WRITTEN:
        return WRITTEN[ind.id]
    text = format_number(ind.target)
    if ind.target_max is not None:
        text += "-" + format_number(ind.target_max)
    return text + ("%" if ind.kind is Kind.RATE else "")


def test_sections_and_items_follow_the_seed_in_order(seed: str, plan: Plan) -> None:
    outline = _seed_outline(seed)
    assert [len(items) for _, _, items in outline] == [3, 5, 5, 7, 2]
    assert [(s.number, s.title) for s in plan.sections] == [(n, t) for n, t, _ in outline]
    assert [s.text for s in plan.sections] == [f"{n}、{t}" for n, t, _ in outline]
    assert len(plan.items()) == 22
    for section, (_, _, items) in zip(plan.sections, outline, strict=True):
        assert len(section.items) == len(items), section.id
        for item, (number, paragraph) in zip(section.items, items, strict=True):
            # The catalogue shows full-width brackets where the web page had ASCII ones.
            assert item.number == f"（{number}）"
            assert item.text == paragraph
            assert item.title == paragraph[: paragraph.index("。")]


def test_every_text_and_source_occurs_verbatim_in_the_seed(seed: str, plan: Plan) -> None:
    for section in plan.sections:
        assert section.text in seed
        for item in section.items:
            assert item.text in seed, item.id
            for ind in item.indicators:
                assert ind.source in seed and ind.source in item.text, ind.id


def test_a_source_is_a_whole_sentence_or_clause(plan: Plan) -> None:
    for item in plan.items():
        for ind in item.indicators:
            start = item.text.index(ind.source)
            before = item.text[start - 1] if start else "。"
            assert before in "。;；", (ind.id, before)
            body = ind.source.removesuffix("。")
            assert not any(mark in body for mark in "。;；"), ind.id
            if not ind.source.endswith("。"):
                assert item.text[start + len(ind.source)] in ";；", ind.id


def test_every_source_holds_its_target_or_its_verb(plan: Plan) -> None:
    for ind in plan.indicators():
        if ind.kind is Kind.MILESTONE:
            verbs = [v for v in MILESTONE_VERBS if v in ind.name and v in ind.source]
            assert verbs, (ind.id, ind.name)
        elif ind.target is None:
            # A base figure: the source names what is counted.
            assert "有康复需求的残疾人" in ind.source, ind.id
        else:
            assert _written(ind) + ind.unit in ind.source or _written(ind) in ind.source, ind.id
            # The unit is the one the sentence uses next to the number.
            if ind.id not in WRITTEN and ind.kind is Kind.COUNT:
                assert _written(ind) + ind.unit in ind.source, (ind.id, ind.unit)


def test_every_arabic_number_in_the_items_is_a_target_or_explained(plan: Plan) -> None:
    for item in plan.items():
        targets = {
            number
            for ind in item.indicators
            if ind.target is not None
            for number in ARABIC.findall(_written(ind))
        }
        explained = NOT_TARGETS.get(item.id, set())
        found = set(ARABIC.findall(item.text))
        assert found <= targets | explained, (item.id, found - targets - explained)
        # The list of exceptions stays honest: each is in the text and not a target.
        assert explained <= found, (item.id, explained - found)
        assert not explained & targets, item.id
    assert set(NOT_TARGETS) <= {i.id for i in plan.items()}


def test_the_plan_header(plan: Plan) -> None:
    assert (plan.id, plan.version, plan.year) == ("cq-2018", 1, 2018)
    assert plan.title == "2018年全市残疾人工作要点"
    assert plan.issuer == "重庆市残疾人联合会"
    assert plan.issued.isoformat() == "2018-01-15"
    assert (plan.frequency, plan.due_days) == ("quarterly", 10)
    assert set(plan.form) >= {"表号", "制表机关", "批准机关", "批准文号", "有效期至"}
    assert "默认" in plan.form["说明"]


def test_who_reports_and_in_what_units(plan: Plan) -> None:
    district = [n.id for n in plan.indicators() if n.level is Level.DISTRICT]
    assert district == DISTRICT_INDICATORS
    assert {n.unit for n in plan.indicators()} == {"户", "名", "人", "个", "项", "%", "所", "场"}
    assert {n.kind for n in plan.indicators()} == {Kind.COUNT, Kind.RATE, Kind.MILESTONE}
    assert all(
        n.unit == "项" and n.target == 1 for n in plan.indicators() if n.kind is Kind.MILESTONE
    )
    assert len(plan.indicators()) == 35
    assert len([n for n in plan.indicators() if n.kind is Kind.MILESTONE]) == 16


def test_the_rehabilitation_rate_is_computed_from_two_counts(plan: Plan) -> None:
    rate = plan.indicator("3.3.1")
    assert rate.kind is Kind.RATE and rate.unit == "%"
    assert (rate.target, rate.comparator, rate.target_label) == (Decimal(80), ">=", "≥80")
    assert rate.formula is not None
    served = plan.indicator(rate.formula.numerator)
    in_need = plan.indicator(rate.formula.denominator)
    assert (served.id, served.target, served.unit) == ("3.3.2", Decimal(168000), "人")
    assert (in_need.id, in_need.target, in_need.unit) == ("3.3.3", None, "人")
    assert in_need.note  # says why it has no target
    assert [n.id for n in plan.indicators() if n.computed] == ["3.3.1"]


def test_the_range_and_the_targets_the_clerk_sees(plan: Plan) -> None:
    ranged = [(n.id, n.target_label) for n in plan.indicators() if n.target_max is not None]
    assert ranged == [("2.4.3", "5-8")]
    expected = {
        "2.1.1": (2000, "户"), "2.1.2": (10000, "名"), "2.1.3": (100, "户"),
        "2.4.1": (6, "个"), "2.4.2": (5, "个"), "3.2.1": (10, "项"), "3.3.7": (40, "个"),
        "3.4.1": (2000, "人"), "3.4.2": (1, "所"), "3.5.1": (20000, "名"),
        "4.3.5": (100, "场"), "4.3.7": (7900, "户"), "4.3.8": (50, "个"),
        "4.3.9": (8, "个"), "5.1.1": (5000, "户"),
    }  # fmt: skip
    for ind_id, (target, unit) in expected.items():
        ind = plan.indicator(ind_id)
        assert (ind.target, ind.unit, ind.kind) == (Decimal(target), unit, Kind.COUNT), ind_id


def test_the_family_sports_programme_applies_to_the_13_districts_of_yuxi(plan: Plan) -> None:
    group = plan.groups["yuxi"]
    assert group.name == "渝西片区" and set(group.districts) == YUXI and len(group.districts) == 13
    assert "以市残联任务分解表为准" in group.note
    family = plan.indicator("4.3.7")
    assert "渝西片区13个区县" in family.source
    assert set(family.applies_to) == YUXI
    assert family.to_json()["applies_to"] == ["group:yuxi"]
    assert family in plan.district_indicators("500118")  # 永川区
    assert family not in plan.district_indicators("500103")  # 渝中区
    assert len(plan.district_indicators("500103")) == len(DISTRICT_INDICATORS) - 1


def test_city_tasks_are_not_reported_by_districts(plan: Plan) -> None:
    congress = plan.indicator("4.1.1")
    assert congress.kind is Kind.MILESTONE and congress.level is Level.CITY
    assert "第五次代表大会" in congress.name
    assert not any(n.level is Level.CITY for n in plan.district_indicators("500101"))


def test_the_catalogue_file_is_what_to_json_writes(plan: Plan) -> None:
    assert plan.to_json() == json.loads(CATALOGUE.read_text(encoding="utf-8"))

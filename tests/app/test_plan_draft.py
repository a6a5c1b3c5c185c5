"""Drafting a plan catalogue from a 工作要点 notice: the rules, on texts written for them.

The texts in ``plan_draft_texts/`` are notices in the seed's style: the city's
2019 notice as the website shows it (``cq_2019_web.txt``), a province's notice
laid out as the document itself with the signature at the end and items
numbered 1. / 2、 / ３． (``province_2020.txt``), and a notice in traditional
characters (``traditional_2019.txt``). Shorter texts are written inline next to
the rule they pin down.
"""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.plan_draft import draft_file, draft_plan, read_text, strip_draft_keys
from app.plan_draft.outline import _TRADITIONAL, fold
from app.plan_draft.targets import parse_chinese_number
from models.errors import InputError, UsageError
from models.plan import parse_plan

TEXTS = Path(__file__).parent / "plan_draft_texts"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def _indicators(catalogue: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        ind
        for section in catalogue["sections"]
        for item in section["items"]
        for ind in item["indicators"]
    ]


def _summary(catalogue: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            ind["id"],
            ind["kind"],
            ind["target"],
            ind["target_max"],
            ind["unit"],
            ind["comparator"],
            ind["match"],
        )
        for ind in _indicators(catalogue)
    ]


def _one_item(sentence: str, year: int | None = 2018) -> list[dict[str, Any]]:
    """The indicators drafted from one sentence, as the only item of a plan."""
    text = f"2018年全市残疾人工作要点\n\n一、工作任务\n\n（一）测试任务。{sentence}\n"
    catalogue = draft_plan(text, plan_id="t", year=year)
    assert len(catalogue["sections"]) == 1
    return catalogue["sections"][0]["items"][0]["indicators"]


# ----- the city's 2019 notice, as the website shows it ----------------------------------


def test_a_2019_notice_from_the_website() -> None:
    catalogue = draft_plan(_text("cq_2019_web.txt"), plan_id="cq-2019")
    assert catalogue["title"] == "2019年全市残疾人工作要点"
    assert catalogue["issuer"] == "重庆市残疾人联合会"
    assert catalogue["issued"] == "2019-01-18"
    assert catalogue["year"] == 2019
    assert catalogue["form"]["有效期至"] == "2019年12月31日"
    sections = catalogue["sections"]
    assert [(s["id"], s["number"], len(s["items"])) for s in sections] == [
        ("1", "一", 2), ("2", "二", 3), ("3", "三", 3), ("4", "四", 2),
    ]  # fmt: skip
    assert sections[1]["items"][2]["title"] == "落实残疾人两项补贴制度"
    assert sections[3]["items"][1]["text"].endswith("主题宣传活动。")
    assert _summary(catalogue) == [
        ("2.1.1", "count", 2000, None, "户", None, "两千户"),
        ("2.1.2", "count", 8000, None, "名", None, "8000名"),
        ("2.1.3", "count", 120, None, "户", ">=", "120户"),
        ("2.2.1", "count", 3000, None, "人", ">=", "3000人"),
        ("2.2.2", "count", 1500, None, "人", None, "1500人"),
        ("2.2.3", "milestone", 1, None, "项", None, "举办第三届重庆市残疾人职业技能竞赛"),
        ("2.2.4", "milestone", 1, None, "项", None, "举办残疾人专场招聘会"),
        ("2.2.5", "count", 200, None, "人次", None, "200人次"),
        ("2.3.1", "rate", 95, None, "%", ">=", "95%"),
        ("2.3.2", "amount", 12000, None, "万元", None, "1.2亿元"),
        ("2.3.3", "amount", 3500, None, "万元", None, "3500万元"),
        ("3.1.1", "rate", 85, None, "%", ">=", "85%"),
        ("3.1.2", "count", 125000, None, "名", None, "12.5万名"),
        ("3.1.3", "count", 35, None, "个", None, "三十五个"),
        ("3.1.4", "milestone", 1, None, "项", None, "出台《重庆市残疾儿童康复救助实施办法》"),
        ("3.1.5", "count", 5, 8, "个", None, "5至8个"),
        ("3.1.6", "count", 3, 5, "个", None, "3～5个"),
        ("3.2.1", "count", 1000, None, "人", None, "1000人"),
        ("3.2.2", "count", 1, None, "所", None, "一所"),
        ("3.3.1", "count", 100, None, "场", None, "百场"),
        ("3.3.2", "count", 100, None, "场", None, "一百场"),
        ("3.3.3", "count", 5000, None, "户", None, "5000户"),
        ("3.3.4", "count", 30, None, "个", None, "30个"),
        ("3.3.5", "milestone", 1, None, "项", None, "召开市残联第五次代表大会第二次会议"),
        ("4.1.1", "count", 3000, None, "户", None, "3000户"),
        ("4.2.1", "milestone", 1, None, "项", None, "举办“筑梦善行•残健共融”主题宣传活动"),
    ]
    levels = {ind["id"]: ind["level"] for ind in _indicators(catalogue)}
    assert levels["2.2.3"] == "city"  # 重庆市 …竞赛: the city holds it
    assert levels["3.3.5"] == "city"  # 市残联 … 代表大会
    assert levels["2.2.4"] == "district"
    assert levels["4.1.1"] == "district"


def test_web_chrome_preamble_and_footer_are_left_out() -> None:
    catalogue = draft_plan(_text("cq_2019_web.txt"), plan_id="cq-2019")
    whole = json.dumps(catalogue["sections"], ensure_ascii=False)
    for outside in (
        "欢迎访问",
        "发布单位",
        "各区县(自治县)残联",
        "现印发你们",
        "70周年",
        "附件",
        "ICP",
        "访问量",
    ):
        assert outside not in whole, outside


# ----- a province's notice: signature at the end, items numbered 1. ---------------------


def test_a_province_notice_with_arabic_numbered_items_and_the_signature_at_the_end() -> None:
    catalogue = draft_plan(_text("province_2020.txt"), plan_id="prov-2020")
    assert catalogue["title"] == "某省2020年残疾人工作要点"
    assert (catalogue["issuer"], catalogue["issued"], catalogue["year"]) == (
        "某省残疾人联合会", "2020-02-10", 2020,
    )  # fmt: skip
    sections = catalogue["sections"]
    # 1. / 2、 / ３． are the items; （1） and ① under them stay in the item's text.
    assert [[i["number"] for i in s["items"]] for s in sections] == [
        ["1.", "2.", "3."], ["1.", "2.", "3."], ["1.", "2."],
    ]  # fmt: skip
    first = sections[0]["items"][0]
    assert first["title"] == "巩固脱贫成果"
    assert "\n（1）省残联牵头制定" in first["text"]
    assert "\n①省级基地每个补助20万元;" in sections[0]["items"][1]["text"]
    assert "抄送" not in sections[2]["items"][1]["text"]
    assert sections[2]["items"][0]["title"] == "召开省残联第七次代表大会"
    found = {ind["match"]: ind for ind in _indicators(catalogue)}
    assert found["98%"]["comparator"] == ">="
    assert found["1.5万户"]["target"] == 15000
    assert found["1.2万名"]["target"] == 12000
    assert found["2万人次"]["target"] == 20000
    assert found["制定《某省残疾人脱贫巩固行动方案》"]["level"] == "city"
    assert found["召开省残联第七次代表大会"]["level"] == "city"
    assert found["建立全省残疾人工作者能力素质导师团"]["level"] == "city"
    # Per-unit standards (每人每月80元, 每个…补助20万元) are drafted, flagged for review.
    assert found["80元"]["confidence"] < found["50个"]["confidence"]
    # 30万人口 is a population, not 30万 people served; a 2021 event is not a 2020 deliverable.
    assert not any("30万" in m for m in found)
    assert not any("2021" in m or "特奥会" in m for m in found)


# ----- numbering variants ---------------------------------------------------------------


def test_items_numbered_with_half_width_brackets_and_circled_digits() -> None:
    text = (
        "2021年某区残疾人工作要点\n"
        "一、康复服务\n(1)完成辅具适配300件。\n(2)建成社区康复站5座。\n"
        "二、就业服务\n①举办招聘会3场。\n②培训残疾人500名。\n"
    )
    catalogue = draft_plan(text, plan_id="qu-2021")
    assert [[(i["number"], i["title"]) for i in s["items"]] for s in catalogue["sections"]] == [
        [("（1）", "完成辅具适配300件"), ("（2）", "建成社区康复站5座")],
        [("①", "举办招聘会3场"), ("②", "培训残疾人500名")],
    ]
    # 举办招聘会3场 is a count of 3 场, not also a milestone.
    assert [(i["target"], i["unit"], i["kind"]) for i in _indicators(catalogue)] == [
        (300, "件", "count"), (5, "座", "count"), (3, "场", "count"), (500, "名", "count"),
    ]  # fmt: skip


def test_full_width_markers_and_a_numbered_sub_list() -> None:
    text = (
        "2019年全市残疾人工作要点\n"
        "一、康复\n"
        "（一）精准康复。主要任务：\n１．完成2000人康复服务；\n２．建立康复站10个。\n"
        "（二）辅具适配。适配辅具3000件。\n"
    )
    catalogue = draft_plan(text, plan_id="t")
    items = catalogue["sections"][0]["items"]
    assert [i["number"] for i in items] == ["（一）", "（二）"]
    assert (
        items[0]["text"] == "精准康复。主要任务：\n１．完成2000人康复服务；\n２．建立康复站10个。"
    )
    assert [ind["match"] for ind in items[0]["indicators"]] == ["2000人", "10个"]


def test_out_of_sequence_numbers_stay_text_and_gaps_are_warned() -> None:
    text = "2019年全市残疾人工作要点\n一、甲\n（一）任务一。\n（三）任务三。\n（一）不是新任务。\n二、乙\n（一）任务。\n"
    catalogue = draft_plan(text, plan_id="t")
    first = catalogue["sections"][0]["items"]
    assert [i["number"] for i in first] == ["（一）", "（三）"]
    assert first[1]["text"] == "任务三。\n（一）不是新任务。"
    assert any("从 1 跳到 3" in w for w in catalogue["draft"]["warnings"])


def test_a_section_without_numbered_items_is_one_item() -> None:
    text = "2019年全市残疾人工作要点\n一、加强自身建设。完成培训500人。\n二、其他\n（一）任务。\n"
    catalogue = draft_plan(text, plan_id="t")
    only = catalogue["sections"][0]["items"]
    assert [(i["number"], i["title"]) for i in only] == [("一", "加强自身建设")]
    assert only[0]["indicators"][0]["match"] == "500人"
    assert any("第一部分没有编号的工作任务" in w for w in catalogue["draft"]["warnings"])


# ----- numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两千", 2000), ("一百", 100), ("百", 100), ("三十五", 35), ("十", 10), ("十五", 15),
        ("二十", 20), ("一千零五", 1005), ("两千五", 2500), ("一万五", 15000), ("一万二千", 12000),
        ("三亿", 300_000_000), ("二〇一九", 2019), ("十万", 100_000),
        ("十三五", None), ("七五", None), ("万", None), ("亿万", None), ("百百", None), ("", None),
    ],
)  # fmt: skip
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("完成两千户农村贫困残疾人危房改造。", (2000, None, "户", "count", None)),
        ("全年演出一百场。", (100, None, "场", "count", None)),
        ("建成三十五个残疾人康复示范点。", (35, None, "个", "count", None)),
        ("为16.8万有康复需求的残疾人提供康复服务。", (168000, None, "人", "count", None)),
        ("为3万户家庭提供服务。", (30000, None, "户", "count", None)),
        ("投入资金1.2亿元。", (12000, None, "万元", "amount", None)),
        ("安排补助资金500万元。", (500, None, "万元", "amount", None)),
        ("安排资金五千万元。", (5000, None, "万元", "amount", None)),
        ("发放一次性补贴300元。", (300, None, "元", "amount", None)),
        ("培训残疾人2万人次。", (20000, None, "人次", "count", None)),
        ("完成１２０００名残疾人培训。", (12000, None, "名", "count", None)),
        ("完成1,200户改造。", (1200, None, "户", "count", None)),
        ("完成白内障复明手术500例。", (500, None, "例", "count", None)),
        ("对5至8个科研项目给予补助。", (5, 8, "个", "count", None)),
        ("对5～8个科研项目给予补助。", (5, 8, "个", "count", None)),
        ("对5-8个科研项目给予补助。", (5, 8, "个", "count", None)),
        ("对5到8个科研项目给予补助。", (5, 8, "个", "count", None)),
        ("对5—8个科研项目给予补助。", (5, 8, "个", "count", None)),
        ("对三至五个科研项目给予补助。", (3, 5, "个", "count", None)),
        ("新增就业5万至8万人。", (50000, 80000, "人", "count", None)),
        ("服务率达到80%-90%。", (80, 90, "%", "rate", None)),
        ("力争我市残疾人康复服务率达80%以上。", (80, None, "%", "rate", ">=")),
        ("百分之八十的残疾人得到服务。", (80, None, "%", "rate", None)),
        ("康复服务率提高5个百分点。", (5, None, "个百分点", "rate", None)),
        ("新增就业不少于3000人。", (3000, None, "人", "count", ">=")),
        ("补贴发放率不低于95%。", (95, None, "%", "rate", ">=")),
        ("力争完成危房改造2000户。", (2000, None, "户", "count", ">=")),
        ("康复服务率达到85%。", (85, None, "%", "rate", ">=")),
        ("新增就业超过1000人。", (1000, None, "人", "count", ">=")),
        ("培训残疾人1000人以上。", (1000, None, "人", "count", ">=")),
        ("差错率控制在5%以内。", (5, None, "%", "rate", "<=")),
        ("投诉不超过10件。", (10, None, "件", "count", "<=")),
    ],
)
def test_targets(sentence: str, expected: tuple[Any, ...]) -> None:
    found = _one_item(sentence)
    assert [
        (i["target"], i["target_max"], i["unit"], i["kind"], i["comparator"]) for i in found
    ] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "深入落实《重庆市人民政府关于加快推进残疾人小康进程的实施意见》(渝府发〔2015〕58号)。",
        "认真落实市政府办公厅文件(渝府办发〔2017〕184号)精神。",
        "督促区县按2020年全面完成存量危房改造任务。",
        "落实《贫困残疾人脱贫攻坚行动计划(2016-2020年)》。",
        "落实《残疾预防行动实施方案(2016―2020年)》。",
        "与市体育局签订2019年全国残运会奖牌指标任务。",
        "2019年8月组团参加全国残运会。",
        "确保12385残疾人服务热线高质量稳定运行。",
        "咨询电话:023-63651188。",
        "实施“十三五”规划，贯彻党的十九大精神。",
        "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。",
        "推进“两学一做”常态化，落实“三会一课”制度。",
        "开展“七五”普法，推进“十助”行动，开展“四风”问题专项整治。",
        "统筹实施五大行动。",
        "继续开展文化进家庭“五个一”活动。",
        "做好第五次代表大会筹备工作，筹备重庆市第六届残疾人运动会。",
        "纪念改革开放40周年。",
        "按照中国残联、国务院扶贫办等26个部门和单位共同制定的《行动计划》执行。",
        "落实“一人一案”，开展“一地一特色”“一校一品牌”创建工作。",
        "坚持认真履行“两个责任”，切实把全面从严治党两个责任扛起来。",
        "组织好第二批残疾儿童康复机构的分级评估，推进第二期《特殊教育提升计划》。",
        "推进康复中心二期工程建设。",
        "6个月内完成摸底调查，确保残疾人一个不落下。",
        "在30万人口以上的县设立特殊教育学校。",
        "紧扣市委五届三次全会精神，实施“八项战略行动计划”，打好“三项攻坚战”。",
        "精准帮助贫困残疾人实施产业扶贫带动一批。",
        "按同一事项、同一标准、同一编码办理。",
    ],
)
def test_numbers_that_are_not_targets(sentence: str) -> None:
    assert _one_item(sentence) == []


def test_districts_that_say_where_are_not_targets() -> None:
    found = _one_item("为渝西片区13个区县7900户家庭实施残疾人康复体育关爱家庭计划项目。")
    assert [(i["target"], i["unit"]) for i in found] == [(7900, "户")]
    pilots = _one_item("在6个残疾预防综合试点区县开展出生缺陷等残疾预防检测、干预工作。")
    assert [(i["target"], i["unit"]) for i in pilots] == [(6, "个")]
    assert pilots[0]["confidence"] <= 0.5


def test_confidence_is_lower_for_quoted_small_and_inferred_numbers() -> None:
    plain = _one_item("完成2000户危房改造。")[0]["confidence"]
    quoted = _one_item("继续开展“特殊艺术百场巡演”活动。")[0]
    assert quoted["name"] == "特殊艺术百场巡演"
    one = _one_item("集中力量办好一所面向全市招生的盲人高中。")[0]
    inferred = _one_item("为16.8万有康复需求的残疾人提供康复服务。")[0]
    assert plain > inferred["confidence"] > one["confidence"]
    assert plain > quoted["confidence"]


# ----- milestones and levels -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "match", "level"),
    [
        (
            "出台《残疾儿童康复机构等级评估实施办法》。",
            "出台《残疾儿童康复机构等级评估实施办法》",
            "district",
        ),
        (
            "推进重庆市地方标准——《社区康复服务规范》的正式出台。",
            "《社区康复服务规范》的正式出台",
            "district",
        ),
        ("筹备召开市残联第五次代表大会。", "召开市残联第五次代表大会", "city"),
        ("举办残疾人就业招聘会。", "举办残疾人就业招聘会", "district"),
        ("举办全市残疾人就业服务机构负责人培训。", "举办全市残疾人就业服务机构负责人培训", "city"),
        ("举办2018年重庆市残疾人游泳锦标赛。", "举办2018年重庆市残疾人游泳锦标赛", "city"),
        ("承办全国残疾人艺术巡演和书画展。", "承办全国残疾人艺术巡演和书画展", "city"),
        ("建立特殊艺术人才培养基地。", "建立特殊艺术人才培养基地", "district"),
        ("市残联印发《残疾人证管理办法》。", "印发《残疾人证管理办法》", "city"),
        ("建成区县残疾人托养中心。", "建成区县残疾人托养中心", "district"),
    ],
)
def test_milestones(sentence: str, match: str, level: str) -> None:
    found = _one_item(sentence)
    assert [(i["kind"], i["match"], i["target"], i["unit"], i["level"]) for i in found] == [
        ("milestone", match, 1, "项", level)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "按照中国残联等部门共同制定的《行动计划》执行。",  # 制定的: someone else's document
        "建立质量控制工作机制。",  # a way of working, not a deliverable
        "认真落实《市政府办公厅关于印发重庆市残疾预防行动实施方案的通知》。",
        "与永川区政府协调2020年同城举办“重庆市第六届残疾人运动会”。",  # another year's event
        "推动各区县制定具体实施办法和配套政策。",
    ],
)
def test_not_milestones(sentence: str) -> None:
    assert _one_item(sentence, year=2018) == []


def test_city_level_when_the_city_office_is_the_subject() -> None:
    assert _one_item("市残联组织培训残疾人工作者1000人。")[0]["level"] == "city"
    assert _one_item("与8个市级训练基地签订协议。")[0]["level"] == "city"
    assert _one_item("为5000户残疾人家庭实施家庭无障碍改造。")[0]["level"] == "district"
    assert _one_item("在全市范围内建设50个残疾人文体示范点。")[0]["level"] == "district"


# ----- traditional characters -------------------------------------------------------------


def test_a_notice_in_traditional_characters() -> None:
    catalogue = draft_plan(_text("traditional_2019.txt"), plan_id="t-2019")
    # What the user wrote is kept as written; units are the catalogue's own words.
    assert catalogue["title"] == "2019年某市殘疾人工作要點"
    assert (catalogue["issuer"], catalogue["issued"], catalogue["year"]) == (
        "某市殘疾人聯合會", "2019-01-20", 2019,
    )  # fmt: skip
    assert catalogue["sections"][1]["items"][0]["title"] == "精準康復"
    assert _summary(catalogue) == [
        ("1.1.1", "count", 2000, None, "户", None, "兩千戶"),
        ("1.1.2", "count", 1500, None, "人", ">=", "1500人"),
        ("1.2.1", "count", 100, None, "场", None, "百場"),
        ("1.2.2", "count", 100, None, "场", None, "一百場"),
        ("1.2.3", "milestone", 1, None, "项", None, "舉辦全市殘疾人藝術匯演"),
        ("2.1.1", "rate", 90, None, "%", ">=", "90%"),
        ("2.1.2", "amount", 25000, None, "万元", None, "2.5億元"),
        ("2.1.3", "count", 30000, None, "名", None, "3萬名"),
        ("2.1.4", "milestone", 1, None, "项", None, "出臺《某市殘疾兒童康復救助辦法》"),
        ("2.2.1", "count", 1200, None, "户", None, "1200戶"),
    ]


def test_the_traditional_table_maps_one_character_to_one() -> None:
    pairs = _TRADITIONAL.split()
    assert all(len(p) == 2 for p in pairs)
    assert fold("戶萬億場個項兩達於舉辦臺點") == "户万亿场个项两达于举办台点"
    assert fold("１２３（一）％～：") == "123(一)%~:"
    assert fold("1，000") == "1，000"  # the full-width comma separates clauses, not thousands


# ----- the catalogue -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cq_2019_web.txt", "province_2020.txt", "traditional_2019.txt"])
def test_the_stripped_draft_loads_as_a_plan(name: str) -> None:
    catalogue = draft_plan(_text(name), plan_id="draft-test")
    clean = strip_draft_keys(catalogue)
    assert "draft" not in clean
    assert all("confidence" not in i and "span" not in i for i in _indicators(clean))
    plan = parse_plan(clean, name)
    assert len(plan.indicators()) == len(_indicators(catalogue))
    # Stripping copies: the draft keeps its review aids.
    assert all("confidence" in i for i in _indicators(catalogue))


def test_a_bad_plan_id_or_year_is_refused() -> None:
    with pytest.raises(InputError, match="计划编号"):
        draft_plan("一、甲\n（一）乙。", plan_id="2019年计划")
    with pytest.raises(InputError, match="年度"):
        draft_plan("一、甲\n（一）乙。", plan_id="ok", year=1999)


def test_a_given_year_overrides_the_title_with_a_warning() -> None:
    catalogue = draft_plan(_text("cq_2019_web.txt"), plan_id="cq-2020", year=2020)
    assert catalogue["year"] == 2020
    assert any("2019" in w and "2020" in w for w in catalogue["draft"]["warnings"])


def test_missing_particulars_are_warned_not_invented() -> None:
    catalogue = draft_plan("一、康复\n（一）完成2000人康复服务。\n", plan_id="t")
    assert (catalogue["title"], catalogue["issuer"], catalogue["issued"], catalogue["year"]) == (
        "", "", None, None,
    )  # fmt: skip
    warnings = " ".join(catalogue["draft"]["warnings"])
    for what in ("标题", "发文单位", "发文日期", "年度"):
        assert what in warnings


# ----- files -------------------------------------------------------------------------------


def test_txt_in_gb18030_and_utf8_with_bom(tmp_path: Path) -> None:
    text = _text("province_2020.txt")
    gbk = tmp_path / "prov-2020.txt"
    gbk.write_bytes(text.encode("gb18030"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(text.encode("utf-8-sig"))
    expected = draft_plan(text, plan_id="prov-2020")
    assert draft_file(gbk) == expected
    assert draft_file(bom, plan_id="prov-2020") == expected


def test_the_plan_id_comes_from_the_file_name_or_the_year(tmp_path: Path) -> None:
    named = tmp_path / "cq-2019.txt"
    named.write_text(_text("cq_2019_web.txt"), encoding="utf-8")
    chinese = tmp_path / "2019年工作要点.txt"
    chinese.write_text(_text("cq_2019_web.txt"), encoding="utf-8")
    assert draft_file(named)["id"] == "cq-2019"
    assert draft_file(chinese)["id"] == "plan-2019"
    assert draft_file(chinese, plan_id="city-2019")["id"] == "city-2019"


def _write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "抄送"
    table.cell(0, 1).text = "市残联办公室"
    document.save(str(path))


@pytest.mark.parametrize("name", ["cq_2019_web.txt", "province_2020.txt"])
def test_a_docx_drafts_like_its_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / "notice.docx"
    _write_docx(path, _text(name))
    assert draft_file(path, plan_id="t") == draft_plan(_text(name), plan_id="t")


def _write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("WQY-MicroHei", str(CJK_FONT), subfontIndex=0))
    style = ParagraphStyle("zh", fontName="WQY-MicroHei", fontSize=11, leading=16, wordWrap="CJK")
    paragraphs = [
        Paragraph(line.replace("&", "&amp;").replace("<", "&lt;"), style)
        for line in text.split("\n")
        if line.strip()
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(paragraphs)


def test_a_text_pdf_drafts_like_its_text(tmp_path: Path) -> None:
    if not CJK_FONT.is_file():
        pytest.skip(f"no Chinese TrueType font to write the PDF with ({CJK_FONT})")
    path = tmp_path / "notice.pdf"
    _write_pdf(path, _text("cq_2019_web.txt"))
    from_pdf = draft_file(path, plan_id="t")
    from_text = draft_plan(_text("cq_2019_web.txt"), plan_id="t")
    # The PDF wraps lines (the draft joins them) and spans two pages.
    for key in ("title", "issuer", "issued", "year"):
        assert from_pdf[key] == from_text[key]

    def shape(catalogue: dict[str, Any]) -> list[Any]:
        return [
            (s["number"], s["title"], [(i["number"], i["title"]) for i in s["items"]])
            for s in catalogue["sections"]
        ]

    assert shape(from_pdf) == shape(from_text)
    assert _summary(from_pdf) == _summary(from_text)


def test_a_scanned_pdf_is_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)  # an image of text has no text layer
    page.save()
    with pytest.raises(InputError, match="扫描版 PDF") as caught:
        draft_file(path)
    assert caught.value.value == "scan.pdf"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notice.doc", b"\xd0\xcf\x11\xe0 old word", "另存为 .docx"),
        ("notice.xlsx", b"PK\x03\x04", "不支持的文件类型"),
        ("notice.docx", b"not a zip at all", "不是有效的 Word"),
        ("notice.pdf", b"%PDF-1.4 broken", "不是有效的 PDF"),
        ("notice.txt", b"", "没有找到"),
        ("notice.txt", b"\x00\x01\x02binary", "二进制"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        draft_file(path)


def test_a_docx_that_is_a_zip_of_something_else(tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "你好")
    with pytest.raises(InputError, match="不是有效的 Word"):
        read_text(path)


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="找不到文件"):
        draft_file(tmp_path / "nowhere.txt")


# ----- no input crashes the parser ----------------------------------------------------------

FRAGMENTS = [
    "一、", "二、", "三、", "十、", "（一）", "(二)", "（三）", "1.", "2、", "１．", "（1）", "(2)", "①", "②",
    "\n", "\n\n", "。", "；", "，", ",", "：", "、", "！", "?", " ", "\u3000",
    "完成", "扶持", "为", "2000", "10000", "16.8", "1.2", "1,200", "１２", "两千", "一百", "百", "三十五",
    "十", "二", "一", "万", "亿", "户", "戶", "萬", "場", "名", "人", "人次", "个", "项", "所", "家", "场",
    "万元", "元", "%", "％", "个百分点", "百分之", "以上", "不少于", "力争", "达到", "超过", "以内",
    "5-8个", "5至8个", "～", "—", "-", "至", "到", "出台", "召开", "举办", "承办", "建立", "建成",
    "印发", "制定", "的", "《", "》", "“", "”", '"', "大会", "锦标赛", "基地", "培训", "第", "届", "次",
    "年", "2018年", "2020年", "〔2015〕58号", "12385", "023-63651188", "区县", "13个区县", "部门",
    "等", "工作要点", "2019年全市残疾人工作要点", "重庆市残疾人联合会", "2018年1月15日", "附件:",
    "©", "访问量", "一人一案", "十三五", "五个一", "市残联", "全市", "市级", "每", "人口", "月",
]  # fmt: skip
notice_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=80).map(
    "".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice_text)
def test_no_text_crashes_the_parser_and_every_match_is_at_its_span(text: str) -> None:
    catalogue = draft_plan(text, plan_id="fuzz")
    for s_index, section in enumerate(catalogue["sections"], 1):
        assert section["id"] == str(s_index)
        assert section["items"], "every section has at least one item"
        for i_index, item in enumerate(section["items"], 1):
            assert item["id"] == f"{s_index}.{i_index}"
            for n_index, ind in enumerate(item["indicators"], 1):
                assert ind["id"] == f"{item['id']}.{n_index}"
                start, end = ind["span"]
                assert ind["match"] and ind["source"][start:end] == ind["match"]
                assert ind["source"] in item["text"]
                assert ind["name"].strip() and ind["unit"]
                assert 0 < ind["confidence"] <= 1
                assert ind["kind"] in ("count", "amount", "rate", "milestone")
                assert isinstance(ind["target"], int | float) and ind["target"] >= 0
                if ind["kind"] == "milestone":
                    assert (ind["target"], ind["unit"], ind["target_max"]) == (1, "项", None)
                if ind["kind"] == "count":
                    assert Decimal(str(ind["target"])) == int(ind["target"])
    json.dumps(catalogue, ensure_ascii=False)  # the draft is plain JSON data


@given(st.text(max_size=200))
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


@settings(max_examples=60, deadline=None)
@given(
    content=st.one_of(
        st.binary(max_size=400),
        notice_text.map(lambda t: t.encode("utf-8")),
        notice_text.map(lambda t: t.encode("gb18030", errors="ignore")),
    ),
    suffix=st.sampled_from([".txt", ".docx", ".pdf"]),
)
def test_a_file_is_drafted_or_refused_with_input_error(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"notice{suffix}"
    path.write_bytes(content)
    try:
        catalogue = draft_file(path)
    except InputError as exc:
        assert exc.field == "通知文件" and exc.value == path.name
    else:
        assert catalogue["sections"]

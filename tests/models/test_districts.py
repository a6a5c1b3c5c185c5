"""Chongqing's districts: the code list, pinyin, lookups by what people type, and search."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from models.districts import (
    District,
    DistrictKind,
    current_districts,
    current_successor,
    district_by_code,
    districts_path,
    find_district,
    load_districts,
    search_districts,
)
from models.errors import InputError, NotFoundError, StoreError

SHARED_LIST = Path(__file__).parents[3] / "shared" / "data" / "chongqing-divisions.md"

# The 38 units as published (kept here too, so the test runs without the shared folder).
EXPECTED_38 = {
    "500101": "万州区", "500102": "涪陵区", "500103": "渝中区", "500104": "大渡口区",
    "500105": "江北区", "500106": "沙坪坝区", "500107": "九龙坡区", "500108": "南岸区",
    "500109": "北碚区", "500110": "綦江区", "500111": "大足区", "500112": "渝北区",
    "500113": "巴南区", "500114": "黔江区", "500115": "长寿区", "500116": "江津区",
    "500117": "合川区", "500118": "永川区", "500119": "南川区", "500120": "璧山区",
    "500151": "铜梁区", "500152": "潼南区", "500153": "荣昌区", "500154": "开州区",
    "500155": "梁平区", "500156": "武隆区",
    "500229": "城口县", "500230": "丰都县", "500231": "垫江县", "500233": "忠县",
    "500235": "云阳县", "500236": "奉节县", "500237": "巫山县", "500238": "巫溪县",
    "500240": "石柱土家族自治县", "500241": "秀山土家族苗族自治县",
    "500242": "酉阳土家族苗族自治县", "500243": "彭水苗族土家族自治县",
}  # fmt: skip
ZONES = {"509901": "两江新区", "509902": "万盛经济技术开发区", "509903": "重庆高新区"}
HISTORIC = {
    "500234": ("开县", "500154"),
    "500228": ("梁平县", "500155"),
    "500232": ("武隆县", "500156"),
}

# Every name's pinyin and initials, checked by hand: polyphonic characters
# (重 chong, 长 chang, 都 du, 大 da, 石 shi, 万 wan …) and rare ones (綦, 碚, 璧, 涪, 潼, 酉).
PINYIN = {
    "万州区": ("wanzhouqu", "wzq"), "涪陵区": ("fulingqu", "flq"),
    "渝中区": ("yuzhongqu", "yzq"), "大渡口区": ("dadukouqu", "ddkq"),
    "江北区": ("jiangbeiqu", "jbq"), "沙坪坝区": ("shapingbaqu", "spbq"),
    "九龙坡区": ("jiulongpoqu", "jlpq"), "南岸区": ("nananqu", "naq"),
    "北碚区": ("beibeiqu", "bbq"), "綦江区": ("qijiangqu", "qjq"),
    "大足区": ("dazuqu", "dzq"), "渝北区": ("yubeiqu", "ybq"),
    "巴南区": ("bananqu", "bnq"), "黔江区": ("qianjiangqu", "qjq"),
    "长寿区": ("changshouqu", "csq"), "江津区": ("jiangjinqu", "jjq"),
    "合川区": ("hechuanqu", "hcq"), "永川区": ("yongchuanqu", "ycq"),
    "南川区": ("nanchuanqu", "ncq"), "璧山区": ("bishanqu", "bsq"),
    "铜梁区": ("tongliangqu", "tlq"), "潼南区": ("tongnanqu", "tnq"),
    "荣昌区": ("rongchangqu", "rcq"), "开州区": ("kaizhouqu", "kzq"),
    "梁平区": ("liangpingqu", "lpq"), "武隆区": ("wulongqu", "wlq"),
    "城口县": ("chengkouxian", "ckx"), "丰都县": ("fengduxian", "fdx"),
    "垫江县": ("dianjiangxian", "djx"), "忠县": ("zhongxian", "zx"),
    "云阳县": ("yunyangxian", "yyx"), "奉节县": ("fengjiexian", "fjx"),
    "巫山县": ("wushanxian", "wsx"), "巫溪县": ("wuxixian", "wxx"),
    "石柱土家族自治县": ("shizhutujiazuzizhixian", "sztjzzzx"),
    "秀山土家族苗族自治县": ("xiushantujiazumiaozuzizhixian", "xstjzmzzzx"),
    "酉阳土家族苗族自治县": ("youyangtujiazumiaozuzizhixian", "yytjzmzzzx"),
    "彭水苗族土家族自治县": ("pengshuimiaozutujiazuzizhixian", "psmztjzzzx"),
    "开县": ("kaixian", "kx"), "梁平县": ("liangpingxian", "lpx"), "武隆县": ("wulongxian", "wlx"),
    "两江新区": ("liangjiangxinqu", "ljxq"),
    "万盛经济技术开发区": ("wanshengjingjijishukaifaqu", "wsjjjskfq"),
    "重庆高新区": ("chongqinggaoxinqu", "cqgxq"),
}  # fmt: skip

SHORT = {
    "渝中区": ("渝中", "yuzhong", "yz"),
    "石柱土家族自治县": ("石柱", "shizhu", "sz"),
    "秀山土家族苗族自治县": ("秀山", "xiushan", "xs"),
    "酉阳土家族苗族自治县": ("酉阳", "youyang", "yy"),
    "彭水苗族土家族自治县": ("彭水", "pengshui", "ps"),
    "忠县": ("忠县", "zhongxian", "zx"),  # one character alone is not a name
    "开县": ("开县", "kaixian", "kx"),
    "两江新区": ("两江", "liangjiang", "lj"),
    "万盛经济技术开发区": ("万盛", "wansheng", "ws"),
    "重庆高新区": ("高新区", "gaoxinqu", "gxq"),
    "丰都县": ("丰都", "fengdu", "fd"),
    "长寿区": ("长寿", "changshou", "cs"),
}


def by_name() -> dict[str, District]:
    return {d.name: d for d in load_districts()}


# ----- the list ------------------------------------------------------------------------


def parse_shared_list(text: str) -> dict[str, str]:
    """The 38 current units from shared/data/chongqing-divisions.md (not its change notes)."""
    current = text.split("## Districts")[1].split("## Changes")[0]
    return dict(re.findall(r"([0-9]{6}) ([^\s·]+)", current))


def test_the_38_current_units_are_those_of_the_shared_list() -> None:
    if SHARED_LIST.is_file():
        assert parse_shared_list(SHARED_LIST.read_text(encoding="utf-8")) == EXPECTED_38
    current = {d.code: d.name for d in current_districts(date(2018, 6, 30)) if not d.local}
    assert current == EXPECTED_38
    kinds = {d.code: d.kind for d in load_districts() if d.code in EXPECTED_38}
    assert sum(k is DistrictKind.DISTRICT for k in kinds.values()) == 26
    assert sum(k is DistrictKind.COUNTY for k in kinds.values()) == 12


def test_the_resource_file_follows_its_format() -> None:
    doc = json.loads(districts_path().read_text(encoding="utf-8"))
    assert doc["format"] == "jindu-districts/1" and doc["source"]
    keys = {
        "code",
        "name",
        "kind",
        "local",
        "valid_from",
        "valid_to",
        "successor",
        "note",
        "pinyin",
    }
    for record in doc["districts"]:
        assert set(record) == keys
        for field in ("valid_from", "valid_to"):
            assert record[field] is None or date.fromisoformat(record[field])
    assert len(doc["districts"]) == 38 + 3 + 3


def test_the_zones_have_local_codes_that_cannot_clash() -> None:
    everything = load_districts()
    local = [d for d in everything if d.local]
    assert {d.code: d.name for d in local} == ZONES
    real = {d.code for d in everything if not d.local}
    for d in local:
        assert d.kind is DistrictKind.ZONE and d.note
        assert d.code not in real
        # GB/T 2260 gives Chongqing's county-level units 5001xx and 5002xx (5003xx reserved).
        assert d.code[:4] not in {"5001", "5002", "5003"}
        assert d.code.startswith("50")  # still sorts and reads as a Chongqing unit
    assert all(not d.local for d in everything if d.kind is not DistrictKind.ZONE)


def test_the_same_41_units_report_before_and_after_the_2016_changes() -> None:
    on_2018 = current_districts(date(2018, 6, 30))
    assert len(on_2018) == 41
    assert [d.code for d in on_2018] == sorted(d.code for d in on_2018)
    assert current_districts(date(2018, 6, 30)) == current_districts()
    names_2016 = {d.name for d in current_districts(date(2016, 1, 1))}
    assert len(names_2016) == 41
    assert {"开县", "梁平县", "武隆县"} <= names_2016
    assert not {"开州区", "梁平区", "武隆区"} & names_2016
    mid_2017 = {d.name for d in current_districts(date(2017, 1, 1))}
    assert {"开州区", "梁平县", "武隆县"} <= mid_2017 and "开县" not in mid_2017


@pytest.mark.parametrize(
    ("code", "name", "successor"), [(c, n, s) for c, (n, s) in HISTORIC.items()]
)
def test_historic_codes_keep_their_dates_and_successor(
    code: str, name: str, successor: str
) -> None:
    old = district_by_code(code)
    new = district_by_code(successor)
    assert old.name == name and old.successor == successor
    assert old.valid_to is not None and new.valid_from is not None
    assert (new.valid_from - old.valid_to).days == 1  # no gap, no overlap
    assert "国家统计局" in old.note and "列表" in old.note
    assert current_successor(old, date(2018, 6, 30)) == new
    assert current_successor(new) == new
    assert current_successor(old, date(2015, 1, 1)) == old


def test_the_change_dates_are_the_first_lists_showing_the_new_units() -> None:
    assert district_by_code("500154").valid_from == date(2016, 7, 31)
    assert district_by_code("500234").valid_to == date(2016, 7, 30)
    for code in ("500155", "500156"):
        assert district_by_code(code).valid_from == date(2017, 10, 31)


def test_an_unknown_code_is_not_found() -> None:
    with pytest.raises(NotFoundError) as caught:
        district_by_code("500199")
    assert caught.value.field == "区县代码" and caught.value.value == "500199"
    assert "不在区划代码表中" in str(caught.value)
    assert district_by_code(" ５００１０３ ").name == "渝中区"


# ----- names and pinyin -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), sorted(PINYIN.items()))
def test_pinyin_and_initials_of_every_name(name: str, expected: tuple[str, str]) -> None:
    d = by_name()[name]
    assert (d.pinyin, d.initials) == expected


def test_every_unit_has_its_pinyin_checked() -> None:
    assert set(by_name()) == set(PINYIN)


@pytest.mark.parametrize(("name", "expected"), sorted(SHORT.items()))
def test_short_names(name: str, expected: tuple[str, str, str]) -> None:
    d = by_name()[name]
    assert (d.short, d.short_pinyin, d.short_initials) == expected


def test_every_district_and_county_has_a_short_name_of_two_or_more_characters() -> None:
    for d in load_districts():
        assert len(d.short) >= 2 and d.short in d.name
        assert not d.short.endswith(("区", "县")) or d.short in ("忠县", "开县", "高新区")


# ----- find_district ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("500103", "500103"),
        ("５００１０３", "500103"),
        ("渝中区", "500103"),
        ("渝中", "500103"),
        ("重庆市渝中区", "500103"),
        ("yuzhongqu", "500103"),
        ("YuZhong", "500103"),
        ("yu zhong qu", "500103"),
        ("yzq", "500103"),
        ("YZQ", "500103"),
        ("kz", "500154"),
        ("kzq", "500154"),
        ("开州", "500154"),
        ("石柱", "500240"),
        ("shizhu", "500240"),
        ("石柱土家族自治县", "500240"),
        ("fengdu", "500230"),
        ("nan'an", "500108"),
        ("忠县", "500233"),
        ("两江新区", "509901"),
        ("两江", "509901"),
        ("ljxq", "509901"),
        ("万盛", "509902"),
        ("重庆高新区", "509903"),
        ("高新区", "509903"),
        ("梁平", "500155"),  # the current district, not the historic county
        ("lp", "500155"),
        ("wl", "500156"),
    ],
)
def test_find_a_district_by_what_people_type(text: str, code: str) -> None:
    assert find_district(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("500234", "500234"), ("开县", "500234"), ("kx", "500234"), ("梁平县", "500228")],
)
def test_historic_units_are_found_when_nothing_current_matches(text: str, code: str) -> None:
    found = find_district(text)
    assert found.code == code and found.valid_to is not None
    assert current_successor(found).valid_to is None


def test_every_current_unit_is_found_by_its_code_name_and_pinyin() -> None:
    for d in current_districts():
        assert find_district(d.code) == d
        assert find_district(d.name) == d
        assert find_district(d.short) == d
        assert find_district(d.pinyin) == d


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("qjq", ["綦江区（500110）", "黔江区（500114）"]),
        ("qj", ["綦江区", "黔江区"]),
        ("yy", ["云阳县", "酉阳土家族苗族自治县"]),
        ("ws", ["巫山县", "万盛经济技术开发区"]),
    ],
)
def test_ambiguous_initials_list_the_candidates(text: str, candidates: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        find_district(text)
    assert not isinstance(caught.value, NotFoundError)
    assert caught.value.field == "区县" and caught.value.value == text
    for candidate in candidates:
        assert candidate in caught.value.reason


@pytest.mark.parametrize("text", ["500199", "abc", "北京", "渝", "yuzhongq", "重庆"])
def test_unknown_text_is_not_found(text: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_district(text)
    assert caught.value.field == "区县" and caught.value.value == text


def test_empty_text_is_refused() -> None:
    with pytest.raises(InputError, match="不能为空"):
        find_district("  ")


# ----- search ----------------------------------------------------------------------------


def names(found: list[District]) -> list[str]:
    return [d.name for d in found]


def test_empty_search_lists_every_current_unit_by_code() -> None:
    found = search_districts("")
    assert len(found) == 41
    assert [d.code for d in found] == sorted(d.code for d in found)
    assert "开县" not in names(found)


def test_search_by_code_prefix() -> None:
    assert [d.code for d in search_districts("50011")] == [f"5001{n}" for n in range(10, 20)]
    assert names(search_districts("500103")) == ["渝中区"]
    assert names(search_districts("5099")) == list(ZONES.values())
    assert search_districts("500234") == []  # historic units are not offered


def test_search_by_name_puts_prefixes_before_substrings() -> None:
    assert names(search_districts("江")) == [
        "江北区", "江津区", "綦江区", "黔江区", "垫江县", "两江新区",
    ]  # fmt: skip
    assert names(search_districts("渝")) == ["渝中区", "渝北区"]
    assert names(search_districts("土家族"))[:1] == ["石柱土家族自治县"]
    assert names(search_districts("重庆高新")) == ["重庆高新区"]


def test_search_by_initials_then_pinyin() -> None:
    assert names(search_districts("yz")) == ["渝中区"]
    assert names(search_districts("jj")) == ["江津区"]
    assert names(search_districts("qj")) == ["綦江区", "黔江区"]
    assert names(search_districts("wan")) == ["万州区", "万盛经济技术开发区"]
    # Exact initials first, then initials prefixes, then pinyin prefixes.
    found = names(search_districts("ws"))
    assert found[:2] == ["巫山县", "万盛经济技术开发区"]
    assert names(search_districts("fengd")) == ["丰都县"]
    assert names(search_districts("Chang Shou")) == ["长寿区"]


def test_search_finds_nothing_for_nonsense() -> None:
    assert search_districts("xyz") == []
    assert search_districts("北京") == []


# ----- a damaged list ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json", "无法读取"),
        (json.dumps({"format": "other/1", "districts": []}), "jindu-districts/1"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "5001", "name": "x", "kind": "district"}]}), "6 位数字"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "x", "kind": "city"}]}), "类别"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "x", "kind": "county", "pinyin": ["x"], "successor": "500199"}]}), "承继"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "x", "kind": "county", "pinyin": ["x"], "valid_to": "2016-07"}]}), "ISO"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "万州区", "kind": "district"}]}), "500101（万州区）缺少拼音"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "万州区", "kind": "district", "pinyin": []}]}), "500101（万州区）缺少拼音"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "万州区", "kind": "district", "pinyin": ["wan", "zhou"]}]}), "每字一个小写音节"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "万州区", "kind": "district", "pinyin": ["Wan", "zhou", "qu"]}]}), "每字一个小写音节"),
        (json.dumps({"format": "jindu-districts/1", "districts": [{"code": "500101", "name": "万州区", "kind": "district", "pinyin": "wanzhouqu"}]}), "每字一个小写音节"),
    ],
)  # fmt: skip
def test_a_damaged_list_is_reported(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "districts.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        load_districts(path)
    assert problem in str(caught.value) and str(path) in str(caught.value)


def test_a_list_elsewhere_is_read_and_cached(tmp_path: Path) -> None:
    path = tmp_path / "districts.json"
    path.write_text(districts_path().read_text(encoding="utf-8"), encoding="utf-8")
    assert load_districts(path) == load_districts()
    assert load_districts(path) is not load_districts(path)  # callers may not mutate the cache
    with pytest.raises(StoreError, match="不存在"):
        load_districts(tmp_path / "missing.json")


def test_the_bundled_pinyin_is_what_pypinyin_with_the_overrides_gives() -> None:
    """The list carries each name's syllables: pypinyin is a development dependency only."""
    from models.districts import load_districts, pinyin_syllables

    for d in load_districts():
        assert list(d.syllables) == pinyin_syllables(d.name), d.name


def test_the_list_is_read_and_searched_without_pypinyin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The installed program has no pypinyin (installer/jindu.spec leaves it out).
    monkeypatch.setitem(sys.modules, "pypinyin", None)
    path = tmp_path / "districts.json"
    path.write_text(districts_path().read_text(encoding="utf-8"), encoding="utf-8")
    found = {d.name: d for d in load_districts(path)}
    assert (found["丰都县"].pinyin, found["丰都县"].short_initials) == ("fengduxian", "fd")
    assert find_district("yzq").name == "渝中区"

"""DHIS2 dataValueSets JSON, IHE ADX XML and the DHIS2 metadata beside them.

ADX is validated with lxml against `tests/app/data/adx.xsd`, a minimal schema of
the ADX message structure written from the IHE QRPH ADX profile (root `adx` with
`exported`; `group` with `orgUnit` and an ISO start/duration `period`; `dataValue`
with `dataElement` and a decimal `value`; optional `annotation`). The JSON files
are checked against the shapes DHIS2 documents for `/api/dataValueSets` and
`/api/metadata`: the fields each object has, identifier formats, value types, and
that every reference resolves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from app.city import dhis2
from app.city.office import CityService
from tests.app.helpers import jindu
from tests.app.test_city_consolidate import add_return, make_city

SCHEMA = Path(__file__).parent / "data" / "adx.xsd"
UID = re.compile(r"[A-Za-z][A-Za-z0-9]{10}")
VALUE_PATTERNS = {
    "INTEGER_ZERO_OR_POSITIVE": re.compile(r"0|[1-9][0-9]*"),
    "NUMBER": re.compile(r"-?[0-9]+(\.[0-9]+)?"),
    "PERCENTAGE": re.compile(r"[0-9]+(\.[0-9]+)?"),
    "BOOLEAN": re.compile(r"true|false"),
}


@pytest.fixture
def city(tmp_path: Path) -> Iterator[CityService]:
    service = make_city(tmp_path / "city")
    add_return(
        service, "500103", "2018Q2",
        values={"2.1.1": "120", "2.1.3": "0", "3.5.1": "12000", "2.2.1": "2018-03-15", "3.3.1": "82.5", "5.1.1": ""},
        notes={"2.1.1": "含上年结转 20 户 <& \"引号\">"},
    )  # fmt: skip
    add_return(service, "500101", "2018Q2", values={"2.1.1": "80", "2.2.1": "false", "5.1.1": "15"})
    yield service
    service.store.close()


def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def test_codes_are_stable_and_readable() -> None:
    from models.plan import load_bundled_plans

    plan = next(p for p in load_bundled_plans() if p.id == "cq-2018")
    assert dhis2.data_element_code(plan, "2.1.1") == "JD_CQ2018_2_1_1"
    assert dhis2.dataset_code(plan) == "JD_CQ2018"
    assert dhis2.org_unit_code("500103") == "500103"
    assert dhis2.uid("JD_CQ2018_2_1_1") == dhis2.uid("JD_CQ2018_2_1_1")
    ids = {dhis2.uid(dhis2.data_element_code(plan, i.id)) for i in plan.indicators()}
    assert len(ids) == len(plan.indicators()) and all(UID.fullmatch(i) for i in ids)


def test_adx_validates_against_the_schema_and_carries_iso_periods(
    city: CityService, tmp_path: Path
) -> None:
    out = tmp_path / "2018Q2.adx.xml"
    written = dhis2.export(city, city.parse_period("2018Q2"), "adx", out)
    assert written == [out, tmp_path / "2018Q2.adx.metadata.json"]
    doc = etree.parse(str(out))
    xsd = schema()
    assert xsd.validate(doc), xsd.error_log
    ns = {"a": dhis2.ADX_NS}
    groups = doc.findall("a:group", ns)
    assert {g.get("orgUnit") for g in groups} == {"500103", "500101"}
    assert {g.get("period") for g in groups} == {"2018-04-01/P3M"}
    values = {
        (g.get("orgUnit"), v.get("dataElement")): v
        for g in groups
        for v in g.findall("a:dataValue", ns)
    }
    assert values[("500103", "JD_CQ2018_2_1_1")].get("value") == "120"
    assert (
        values[("500103", "JD_CQ2018_2_1_1")].findtext("a:annotation", namespaces=ns)
        == '含上年结转 20 户 <& "引号">'
    )
    assert (
        values[("500103", "JD_CQ2018_2_2_1")].get("value") == "1"
    )  # a milestone done: ADX values are decimals
    assert values[("500101", "JD_CQ2018_2_2_1")].get("value") == "0"
    assert values[("500103", "JD_CQ2018_2_1_3")].get("value") == "0"  # zero is a value
    assert ("500103", "JD_CQ2018_5_1_1") not in values  # not entered: not sent
    meta = json.loads((tmp_path / "2018Q2.adx.metadata.json").read_text(encoding="utf-8"))
    codes = {e["code"] for e in meta["dataElements"]}
    assert {element for _, element in values} <= codes


def test_the_schema_refuses_what_adx_does_not_allow(city: CityService, tmp_path: Path) -> None:
    out = tmp_path / "x.xml"
    dhis2.export(city, city.parse_period("2018Q2"), "adx", out)
    xsd = schema()
    text = out.read_text(encoding="utf-8")
    for broken in (
        text.replace('value="120"', 'value="是"'),  # a value must be a decimal
        text.replace(
            'period="2018-04-01/P3M"', 'period="2018Q2"', 1
        ),  # DHIS2 ids are not ADX periods
        re.sub(r' exported="[^"]*"', "", text),  # the export time is required
    ):
        assert not xsd.validate(etree.fromstring(broken.encode("utf-8")))


def test_data_value_set_json_has_the_dhis2_shape(city: CityService, tmp_path: Path) -> None:
    out = tmp_path / "2018Q2.json"
    dhis2.export(city, city.parse_period("2018Q2"), "dhis2-json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    meta = json.loads((tmp_path / "2018Q2.metadata.json").read_text(encoding="utf-8"))
    assert (doc["idScheme"], doc["dataElementIdScheme"], doc["orgUnitIdScheme"]) == (
        "CODE",
        "CODE",
        "CODE",
    )
    assert doc["dataSet"] == "JD_CQ2018" and doc["period"] == "2018Q2"
    elements = {e["code"]: e for e in meta["dataElements"]}
    units = {u["code"] for u in meta["organisationUnits"]}
    for value in doc["dataValues"]:
        assert set(value) <= {"dataElement", "period", "orgUnit", "value", "comment"}
        assert value["period"] == "2018Q2" and value["orgUnit"] in units
        element = elements[value["dataElement"]]
        assert isinstance(value["value"], str)
        assert VALUE_PATTERNS[element["valueType"]].fullmatch(value["value"]), value
    by = {(v["orgUnit"], v["dataElement"]): v for v in doc["dataValues"]}
    assert by[("500103", "JD_CQ2018_2_2_1")]["value"] == "true"
    assert by[("500101", "JD_CQ2018_2_2_1")]["value"] == "false"
    assert by[("500103", "JD_CQ2018_3_3_1")]["value"] == "82.5"
    assert by[("500101", "JD_CQ2018_5_1_1")]["value"] == "15"
    assert by[("500103", "JD_CQ2018_2_1_1")]["comment"].startswith("含上年结转")


def test_metadata_is_complete_and_cumulative_values_aggregate_as_last(
    city: CityService, tmp_path: Path
) -> None:
    out = tmp_path / "d.json"
    dhis2.export(city, city.parse_period("2018Q2"), "dhis2-json", out)
    meta = json.loads(dhis2.metadata_path(out).read_text(encoding="utf-8"))
    elements = {e["code"]: e for e in meta["dataElements"]}
    assert elements["JD_CQ2018_2_1_1"]["aggregationType"] == "LAST"
    assert elements["JD_CQ2018_2_1_1"]["valueType"] == "INTEGER_ZERO_OR_POSITIVE"
    assert elements["JD_CQ2018_2_2_1"]["valueType"] == "BOOLEAN"
    assert elements["JD_CQ2018_3_3_1"]["aggregationType"] == "LAST_AVERAGE_ORG_UNIT"
    assert "JD_CQ2018_2_2_2" not in elements  # a city-level task is not a district data element
    for e in meta["dataElements"]:
        assert UID.fullmatch(e["id"]) and e["domainType"] == "AGGREGATE"
        assert len(e["shortName"]) <= 50 and e["name"] and e["code"]
    assert len({e["shortName"] for e in meta["dataElements"]}) == len(elements)
    (dataset,) = meta["dataSets"]
    assert dataset["code"] == "JD_CQ2018" and dataset["periodType"] == "Quarterly"
    element_ids = {e["id"] for e in meta["dataElements"]}
    assert {d["dataElement"]["id"] for d in dataset["dataSetElements"]} == element_ids
    units = {u["id"]: u for u in meta["organisationUnits"]}
    root = next(u for u in units.values() if u["code"] == "500000")
    assert all(u["parent"]["id"] == root["id"] for u in units.values() if u is not root)
    assert {o["id"] for o in dataset["organisationUnits"]} == set(units) - {root["id"]}
    assert all(
        re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", u["openingDate"]) for u in units.values()
    )


def test_cli_export_writes_data_and_metadata_and_refuses_an_empty_period(tmp_path: Path) -> None:
    service = make_city(tmp_path / "city")
    add_return(service, "500103", "2018Q1", values={"2.1.1": "10"})
    service.store.close()
    out = tmp_path / "q1.xml"
    result = jindu(
        tmp_path / "city",
        "city",
        "export",
        "--period",
        "2018Q1",
        "--format",
        "adx",
        "--out",
        str(out),
    )
    assert result.code == 0, result.err
    assert result.out.split() == [str(out), str(tmp_path / "q1.metadata.json")]
    empty = jindu(
        tmp_path / "city",
        "city",
        "export",
        "--period",
        "2018Q3",
        "--format",
        "dhis2-json",
        "--out",
        str(tmp_path / "q3.json"),
    )
    assert empty.code == 1 and "第三季度" in empty.err
    assert not (tmp_path / "q3.json").exists()
    wrong = jindu(
        tmp_path / "city",
        "city",
        "export",
        "--period",
        "2018Q1",
        "--format",
        "csv",
        "--out",
        str(out),
    )
    assert wrong.code == 2

"""Handing the consolidated data on: DHIS2 dataValueSets JSON, IHE ADX XML, DHIS2 metadata.

Stable identifiers, so that every export of every period lands on the same
objects:

* data element code: `JD_{PLAN}_{indicator id with "_"}`, PLAN being the plan id
  in capitals without punctuation: indicator 2.1.1 of plan cq-2018 is
  `JD_CQ2018_2_1_1`; the data set is `JD_CQ2018`;
* org unit code: the district's own 6-digit GB/T 2260 code (`500103`), under the
  municipality `500000` (重庆市);
* DHIS2 UIDs (11 characters, a letter first) derived from those codes by a hash,
  so the metadata also imports with DHIS2's default identifier scheme.

Only district-level indicators are exported, one value per district and
indicator from the current revision of its return. Values are cumulative year to
date, so data elements aggregate over time with "LAST" (last value, summed over
org units); rates with "LAST_AVERAGE_ORG_UNIT" (a sum of percentages means
nothing). Milestones are DHIS2 BOOLEAN ("true"/"false") in JSON and 1/0 in ADX,
whose values are decimals by the profile. The district's note goes into the
value's comment (JSON) or annotation (ADX).

The dataValueSets JSON names its identifier scheme (`idScheme`,
`dataElementIdScheme`, `orgUnitIdScheme`: CODE); ADX uses codes as the profile
intends. Periods: DHIS2 ids in JSON (`2018Q1`), ISO start/duration in ADX
(`2018-01-01/P3M`).
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

from app.city.consolidate import CitySummary, summarize
from app.city.office import CITY_CODE, CityService
from app.files import write_atomic
from app.office import now_iso
from models.districts import District
from models.errors import InputError, StateError
from models.kinds import Kind, Level
from models.numbers import format_decimal
from models.periods import Period
from models.plan import Indicator, Plan

FORMATS = ("dhis2-json", "adx")
ADX_NS = "urn:ihe:qrph:adx:2015"
CITY_NAME = "重庆市"
CITY_OPENED = date(1997, 6, 18)  # 重庆直辖市 was established on this day
VALUE_TYPES = {
    Kind.COUNT: "INTEGER_ZERO_OR_POSITIVE",
    Kind.AMOUNT: "NUMBER",
    Kind.RATE: "PERCENTAGE",
    Kind.MILESTONE: "BOOLEAN",
}
PERIOD_TYPES = {
    "yearly": "Yearly",
    "semiannual": "SixMonthly",
    "quarterly": "Quarterly",
    "monthly": "Monthly",
}
_UID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def plan_code(plan: Plan) -> str:
    return re.sub(r"[^A-Z0-9]", "", plan.id.upper())


def dataset_code(plan: Plan) -> str:
    return f"JD_{plan_code(plan)}"


def data_element_code(plan: Plan, indicator_id: str) -> str:
    return f"JD_{plan_code(plan)}_{indicator_id.replace('.', '_')}"


def org_unit_code(district_code: str) -> str:
    return district_code


def uid(code: str) -> str:
    """A DHIS2 UID derived from a code: 11 characters, a letter first, always the same."""
    digest = int.from_bytes(hashlib.sha256(f"jindu:{code}".encode()).digest(), "big")
    chars = [_UID_CHARS[digest % 52]]
    digest //= 52
    for _ in range(10):
        chars.append(_UID_CHARS[digest % 62])
        digest //= 62
    return "".join(chars)


def exported_indicators(plan: Plan) -> list[Indicator]:
    return [i for i in plan.indicators() if i.level is Level.DISTRICT]


def aggregation_type(indicator: Indicator) -> str:
    return "LAST_AVERAGE_ORG_UNIT" if indicator.kind is Kind.RATE else "LAST"


# ----- metadata ----------------------------------------------------------------------------------


def metadata(plan: Plan, districts: list[District]) -> dict[str, Any]:
    """DHIS2 metadata (`/api/metadata`): data elements, the data set, the org units."""
    root = org_unit_code(CITY_CODE)
    elements = []
    for ind in exported_indicators(plan):
        code = data_element_code(plan, ind.id)
        scope = "全部区县" if ind.applies_to == "all" else f"{len(ind.applies_to)} 个区县"
        elements.append(
            {
                "id": uid(code),
                "code": code,
                "name": f"[{plan_code(plan)}] {ind.id} {ind.name}"[:230],
                "shortName": f"{plan_code(plan)} {ind.id} {ind.name}"[:50],
                "formName": f"{ind.name}（{ind.unit}）"[:230],
                "description": (
                    f"《{plan.title}》{ind.id}；单位：{ind.unit}；全市目标：{ind.target_label}；"
                    f"适用：{scope}；截至报告期末累计值。来源：{ind.source}"
                ),
                "valueType": VALUE_TYPES[ind.kind],
                "aggregationType": aggregation_type(ind),
                "domainType": "AGGREGATE",
                "zeroIsSignificant": True,
            }
        )
    units = [
        {
            "id": uid(f"ou:{root}"),
            "code": root,
            "name": CITY_NAME,
            "shortName": CITY_NAME,
            "openingDate": CITY_OPENED.isoformat(),
        }
    ]
    for d in districts:
        unit: dict[str, Any] = {
            "id": uid(f"ou:{d.code}"),
            "code": org_unit_code(d.code),
            "name": d.name,
            "shortName": d.name[:50],
            "openingDate": (d.valid_from or CITY_OPENED).isoformat(),
            "parent": {"id": uid(f"ou:{root}")},
        }
        if d.valid_to is not None:
            unit["closedDate"] = d.valid_to.isoformat()
        units.append(unit)
    ds_code = dataset_code(plan)
    dataset = {
        "id": uid(ds_code),
        "code": ds_code,
        "name": f"{plan.title}（{plan.id} 第{plan.version}版）"[:230],
        "shortName": f"{ds_code} {plan.year}"[:50],
        "periodType": PERIOD_TYPES[plan.frequency],
        "timelyDays": plan.due_days,
        "dataSetElements": [{"dataElement": {"id": e["id"]}} for e in elements],
        "organisationUnits": [{"id": u["id"]} for u in units[1:]],
    }
    return {
        "system": {"generator": "进度（Jindu）", "plan": plan.id, "version": plan.version},
        "dataElements": elements,
        "dataSets": [dataset],
        "organisationUnits": units,
    }


# ----- data ----------------------------------------------------------------------------------------


def _values(summary: CitySummary) -> list[tuple[str, str, Indicator, str, bool | None, str]]:
    """(district, indicator code, indicator, number text, done, note) of every value."""
    found = []
    for s in summary.indicators:
        code = data_element_code(summary.plan, s.indicator.id)
        for v in s.values:
            value = v.row.value
            if value is None or (value.number is None and value.done is None):
                continue
            number = format_decimal(value.number) if value.number is not None else ""
            found.append((v.district.code, code, s.indicator, number, value.done, v.row.note))
    found.sort(key=lambda t: (t[0], t[1]))
    return found


def data_value_set(summary: CitySummary) -> dict[str, Any]:
    """A DHIS2 dataValueSet (`/api/dataValueSets`, JSON) with code identifiers."""
    values = []
    for district, code, ind, number, done, note in _values(summary):
        entry: dict[str, Any] = {
            "dataElement": code,
            "period": summary.period.id,
            "orgUnit": org_unit_code(district),
            "value": ("true" if done else "false") if ind.kind is Kind.MILESTONE else number,
        }
        if note:
            entry["comment"] = note
        values.append(entry)
    return {
        "idScheme": "CODE",
        "dataElementIdScheme": "CODE",
        "orgUnitIdScheme": "CODE",
        "dataSet": dataset_code(summary.plan),
        "period": summary.period.id,
        "dataValues": values,
    }


def adx_document(summary: CitySummary, exported: str | None = None) -> bytes:
    """An IHE ADX message: one group per district, period as ISO start/duration."""
    ET.register_namespace("", ADX_NS)
    root = ET.Element(f"{{{ADX_NS}}}adx", {"exported": exported or now_iso()})
    groups: dict[str, ET.Element] = {}
    for district, code, ind, number, done, note in _values(summary):
        group = groups.get(district)
        if group is None:
            group = ET.SubElement(
                root,
                f"{{{ADX_NS}}}group",
                {
                    "orgUnit": org_unit_code(district),
                    "period": summary.period.as_iso_range(),
                    "dataSet": dataset_code(summary.plan),
                },
            )
            groups[district] = group
        value = ("1" if done else "0") if ind.kind is Kind.MILESTONE else number
        element = ET.SubElement(
            group, f"{{{ADX_NS}}}dataValue", {"dataElement": code, "value": value}
        )
        if note:
            ET.SubElement(element, f"{{{ADX_NS}}}annotation").text = note
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def metadata_path(out: Path) -> Path:
    """The metadata file written beside the data: `NAME.metadata.json`."""
    return out.with_name(f"{out.stem}.metadata.json")


def export(service: CityService, period: Period, fmt: str, out: Path) -> list[Path]:
    """Write the data file and its DHIS2 metadata beside it; the paths written."""
    if fmt not in FORMATS:
        raise InputError("--format", fmt, f"应为 {' 或 '.join(FORMATS)}")
    summary = summarize(service, period)
    if not _values(summary):
        # An ADX message needs at least one group; an empty export helps nobody.
        raise StateError(f"{period.label_zh}还没有接收到任何区县报表的数据，没有可导出的内容。")
    if fmt == "adx":
        data = adx_document(summary)
    else:
        data = (json.dumps(data_value_set(summary), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8"
        )
    meta = metadata(summary.plan, summary.districts)
    written = [
        write_atomic(out, data),
        write_atomic(
            metadata_path(out),
            (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        ),
    ]
    with service.store.change():
        service.store.audit(
            "export", fmt, f"{summary.plan.id}/{period.id}", None, {"file": str(out)}
        )
    return written

"""The city report: the workbook and the PDF, read back as a person would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from app.city.report import BEHIND_MARK, build_report
from tests.app.helpers import jindu
from tests.app.test_city_consolidate import add_return, allocate, make_city


@pytest.fixture
def report(tmp_path: Path) -> list[Path]:
    service = make_city(tmp_path / "city")
    try:
        allocate(service, "2.1.1", "500103", "1000")
        add_return(
            service, "500103", "2018Q2", values={"2.1.1": "200", "2.2.1": "2018-05-20"},
            items={"2.1": ("behind", "危房改造进度偏慢", "资金拨付滞后，施工队伍不足", "协调财政加快拨付")},
        )  # fmt: skip
        add_return(
            service,
            "500101",
            "2018Q2",
            values={"2.1.1": "300"},
            signed_at="2018-07-20T09:00:00+08:00",
        )
        return build_report(
            service, service.parse_period("2018Q2"), tmp_path / "out", today=date(2018, 8, 1)
        )
    finally:
        service.store.close()


def test_the_workbook_has_totals_districts_completeness_and_items_behind(
    report: list[Path],
) -> None:
    xlsx, pdf = report
    assert (xlsx.name, pdf.name) == ("city_cq-2018_2018Q2.xlsx", "city_cq-2018_2018Q2.pdf")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["全市汇总", "分区县完成情况", "报送情况", "滞后事项", "完成率图表"]
    totals = wb["全市汇总"]
    row = next(r for r in totals.iter_rows(values_only=True) if r[0] == "2.1.1")
    assert row[1] == "农村贫困残疾人危房改造" and row[4] == 500  # 200 + 300
    assert row[9] == "渝中区"  # 20 % against 50 % of the year
    completeness = {
        r[0]: r for r in wb["报送情况"].iter_rows(values_only=True) if r[0] and str(r[0]).isdigit()
    }
    assert completeness["500103"][3] == "按时 第1版"  # column of 2018Q2
    assert completeness["500101"][3] == "逾期 第1版"
    assert completeness["500104"][2] == "未报"
    behind = [r for r in wb["滞后事项"].iter_rows(values_only=True) if r[0] == "渝中区"]
    assert behind and behind[0][5] == "资金拨付滞后，施工队伍不足"
    districts = wb["分区县完成情况"]
    line = next(r for r in districts.iter_rows(values_only=True) if r[0] == "500103")
    assert line[2] == "第1版" and "2.1.1" in line[-1]
    assert wb["完成率图表"]._charts  # the chart of completion by district


def test_the_pdf_shows_every_part_with_page_numbers(report: list[Path]) -> None:
    with pdfplumber.open(report[1]) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    text = "\n".join(pages)
    for expected in (
        "2018年全市残疾人工作要点推进情况汇总表",
        "一、全市汇总",
        "二、各部分完成率与时间进度",
        "三、各区县平均完成率与时间进度",
        "四、分区县完成率",
        "五、报送情况",
        "六、滞后的工作任务及存在问题",
        "资金拨付滞后",
        "两江新区",
        "20.0%" + BEHIND_MARK,
        "逾期 第1版",
    ):
        assert expected in text, expected
    assert f"第 1 页 共 {len(pages)} 页" in pages[0]


def test_the_cli_writes_both_files_and_prints_their_paths(tmp_path: Path) -> None:
    make_city(tmp_path / "city").store.close()
    out = tmp_path / "report"
    result = jindu(tmp_path / "city", "city", "report", "--period", "2018Q1", "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.split() == [
        str(out / "city_cq-2018_2018Q1.xlsx"),
        str(out / "city_cq-2018_2018Q1.pdf"),
    ]
    assert all(Path(p).stat().st_size > 0 for p in result.out.split())

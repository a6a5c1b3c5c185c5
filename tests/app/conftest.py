"""Fixtures for the return tests: a district office set up through the CLI, 2018Q1 filled.

Setting up and filling an office takes about a second, so it is done once per
session into a template folder, and every test gets its own copy in tmp_path.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.office import OfficeService, open_office
from tests.app.helpers import jindu, setup_office

PERIOD = "2018Q1"

# Narratives as clerks write them: line breaks, full-width text, text that a
# spreadsheet would take for a formula, and fields left empty.
NARRATIVES: dict[str, tuple[str, str, str, str]] = {
    "1.1": ("done", "组织全区残联干部集中学习党的十九大报告。\n举办专题辅导 2 场。", "", ""),
    "1.2": ("in_progress", "=SUM(A1:A3) 落实“一岗双责”", "+86 部分支部学习记录不全", "-完善台账"),
    "1.3": ("in_progress", "@全体干部：学习新时代残疾人事业发展要求", "", "继续学习"),
    "2.1": (
        "in_progress",
        "完成危房改造 120 户，培训 ５００ 名（全角数字）。",
        "资金到位较晚",
        "加快拨付",
    ),
    "2.2": ("done", "3 月 15 日举办春风行动招聘会。", "", ""),
    "2.3": ("not_started", "计划二季度启动。", "", "二季度启动"),
    "3.3": (
        "behind",
        "康复服务进度偏慢。",
        "康复机构承接能力不足。\n专业人员缺乏。",
        "新增两家定点机构。",
    ),
}
ENTRIES: dict[str, str] = {
    "2.1.1": "120",
    "2.1.2": "500",
    "2.1.3": "8",
    "2.2.1": "2018-03-15",
    "3.2.1": "2",
    "3.3.2": "1,800",
    "3.3.3": "2400",
    "3.3.7": "0",
    "3.4.1": "35",
    "3.5.1": "1.2万",
    "4.3.8": "3",
}
NOTES: dict[str, str] = {
    "2.1.1": "含上年结转 20 户",
    "3.3.7": "=0 待二季度建设",
    "3.4.1": "第一行\n第二行",
}
TARGETS: dict[str, str] = {
    "2.1.1": "200",
    "2.1.2": "1000",
    "3.3.2": "3000",
    "3.5.1": "16000",
    "5.1.1": "150",
}


def fill_period(service: OfficeService, period: str = PERIOD) -> None:
    for indicator, value in TARGETS.items():
        service.set_target(indicator, value)
    for indicator, value in ENTRIES.items():
        service.set_entry(period, indicator, value, note=NOTES.get(indicator))
    for item in service.plan().items():
        status, progress, problems, next_steps = NARRATIVES.get(
            item.id, ("in_progress", f"{item.title}：按计划推进。", "", "")
        )
        service.set_item(period, item.id, status, progress, problems, next_steps)


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("office-template") / "data"
    result = setup_office(data)
    assert result.code == 0, result.err
    # One value through the command line, as a clerk types it; the rest through the service.
    assert jindu(data, "entry", "set", "--period", PERIOD, "5.1.1", "４０").code == 0
    service = open_office(data, auto_backup=False)
    try:
        fill_period(service)
    finally:
        service.store.close()
    return data


@pytest.fixture
def office_dir(office_template: Path, tmp_path: Path) -> Path:
    """A private copy of the filled office."""
    data = tmp_path / "office"
    shutil.copytree(office_template, data)
    return data


@pytest.fixture
def service(office_dir: Path) -> Iterator[OfficeService]:
    svc = open_office(office_dir, auto_backup=False)
    try:
        yield svc
    finally:
        svc.store.close()

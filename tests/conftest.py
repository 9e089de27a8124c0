"""Fixture trees built inside each test: a township with one village, and valid items."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from noticeboard.checks.item import CheckedItem, check_item
from noticeboard.checks.settings import find_setting
from noticeboard.clerk.skeletons import skeleton

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

TOWNSHIP_YAML = """\
name: 青山镇
county: 临安区
hotline: 0571-63812345
"""

VILLAGE_YAML = """\
name: 双河村
committee: 双河村村民委员会
party_branch: 中共双河村支部委员会
supervision: 双河村村务监督委员会
phone: 0571-63811001
"""

FINANCE_YAML = """\
kind: finance
period: 2026-Q3
posted: 2026-10-08
days: 7
reviewed_by: 孙立平
reviewed_on: 2026-10-06
opening_balance: 1000.00
income:
  - date: 2026-07-01
    voucher: 记-001
    summary: 村集体厂房租金收入
    category: 发包及上交收入
    amount: 2000.50
    handler: 陈静
expense:
  - date: 2026-08-02
    voucher: 付-001
    summary: 村委会办公用品采购
    category: 管理费用
    amount: 300.25
    handler: 刘洋
    approver: 张建国
closing_balance: 2700.25
accountant: 周会计
"""

RELIEF_YAML = """\
kind: relief
program: 农村最低生活保障金
period: 2026-10
posted: 2026-10-10
days: 7
reviewed_by: 孙立平
reviewed_on: 2026-10-09
recipients:
  - name: 王桂英
    group: 第一村民小组
    household_size: 2
    category: 一类低保
    amount: 1120.00
  - name: 刘长水
    group: 第二村民小组
    household_size: 1
    category: 特困供养
    amount: 980.00
"""

NOTICE_YAML = """\
kind: notice
title: 关于召开村民代表会议的通知
period: 2026-11
posted: 2026-11-20
body: |
  各位村民代表：

  定于11月28日上午9时在村文化礼堂开会。
"""


# What a clerk does to a `noticeboard new` skeleton before it may be posted: replace the
# role-named sample people and take the 【示例】 mark off each line confirmed.
FILLED_IN = {"孙监督": "孙立平", "王会计": "王丽华"}


def confirmed(text: str) -> str:
    """A skeleton's text with every sample confirmed (rules/placeholders.py passes it)."""
    text = re.sub(r"【示例】 ?", "", text)
    for sample, real in FILLED_IN.items():
        text = text.replace(sample, real)
    return text


def filled_skeleton(kind: str) -> str:
    """`noticeboard new KIND` as a clerk leaves it once every sample is confirmed."""
    return confirmed(skeleton(kind))


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding=encoding)
    return path


@pytest.fixture
def township(tmp_path: Path) -> Path:
    root = tmp_path / "青山镇"
    write(root / "township.yaml", TOWNSHIP_YAML)
    write(root / "双河村" / "village.yaml", VILLAGE_YAML)
    return root


@pytest.fixture
def village(township: Path) -> Path:
    return township / "双河村"


def check_text(folder: Path, text: str, name: str = "item.yaml") -> CheckedItem:
    """Write `text` as an item in `folder` and check it."""
    path = write(folder / name, text)
    setting, findings = find_setting(folder)
    assert findings == []
    return check_item(path, setting)


def check_past_stylesheet_refusals(folder: Path, text: str, name: str = "item.yaml") -> CheckedItem:
    """As check_text, for a township whose stylesheet `check` refuses (issue 25): the
    item checked anyway, to show that render refuses the poster on its own too."""
    path = write(folder / name, text)
    setting, findings = find_setting(folder)
    assert findings and {f.code for f in findings} <= {"stylesheet_changes_content", "stylesheet_syntax"}
    return check_item(path, setting)


def codes(checked: CheckedItem) -> list[str]:
    return [f.code for f in checked.findings]


@pytest.fixture(autouse=True)
def every_pdf_opens_in_two_engines(tmp_path: Path):
    """After each test, every PDF it left must open in pdfium and in poppler (pdfinfo)."""
    yield
    import subprocess

    import pypdfium2

    for pdf in (p for p in tmp_path.rglob("*.pdf") if p.is_file()):  # a folder may be named x.pdf
        document = pypdfium2.PdfDocument(pdf)
        assert len(document) >= 1, pdf
        document.close()
        result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=False)
        assert result.returncode == 0, (pdf, result.stderr)


def line_of(text: str, fragment: str) -> int:
    """The line number (from 1) of the first line of `text` containing `fragment`."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """WeasyPrint's FontConfiguration removes its temporary font folder in `__del__`;
    one still alive when the interpreter tears its modules down prints "Exception
    ignored … 'NoneType' object is not callable" after the summary. Drop the one the
    in-process renderer keeps and collect while WeasyPrint is still whole."""
    import gc

    from noticeboard.run import pool

    pool._RENDERER = None
    gc.collect()

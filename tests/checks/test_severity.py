"""Severity by source: practice rules warn, and a township raises them to errors by name."""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticeboard.checks.settings import find_setting
from noticeboard.checks.severity import practice
from noticeboard.cli import app
from noticeboard.errors import Severity
from noticeboard.kinds.practices import BY_CODE, PRACTICES, practice_code
from noticeboard.messages import MESSAGES
from tests.conftest import FINANCE_YAML, TOWNSHIP_YAML, check_text, write

ROOT = Path(__file__).resolve().parents[2]
NO_DATE = FINANCE_YAML.replace("reviewed_on: 2026-10-06\n", "")


def severities(checked):
    return [(f.severity.value, f.code) for f in checked.findings]


def test_a_practice_rule_warns_by_default(village):
    checked = check_text(village, NO_DATE)
    assert severities(checked) == [("warning", "review_date_missing")]
    assert checked.ok


@pytest.mark.parametrize("name", ["review_date_missing", "审核日期"])
def test_a_township_raises_it_by_code_or_chinese_name(township, village, name):
    write(township / "township.yaml", TOWNSHIP_YAML + f"defaults:\n  升为错误: [{name}]\n")
    checked = check_text(village, NO_DATE)
    assert severities(checked) == [("error", "review_date_missing")]
    assert checked.findings[0].message() == "没有写审核日期：写明哪天审核，才看得出是先审核、后公开"
    assert not checked.ok


def test_raising_one_rule_leaves_the_others_warnings(township, village):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  raise_to_error: [四至]\n")
    assert severities(check_text(village, NO_DATE)) == [("warning", "review_date_missing")]


def test_an_unknown_name_in_township_yaml_is_an_error_on_its_line(township, village):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  升为错误: [审核时间]\n")
    _, findings = find_setting(village)
    assert [(f.code, f.line) for f in findings] == [("practice_unknown", 5)]
    message = findings[0].message()
    assert message.startswith("「审核时间」不是可以升为错误的规则；运行 noticeboard rules 查看全部代码和中文名（如：审核日期、审核人、")


def test_practice_refuses_a_code_nobody_registered(village):
    setting, _ = find_setting(village)
    with pytest.raises(KeyError):
        practice("no_such_rule", setting)
    assert practice("review_date_missing", setting).severity is Severity.WARNING


def test_every_practice_has_a_message_and_a_unique_chinese_name():
    assert all(p.code in MESSAGES for p in PRACTICES)
    assert len({p.name for p in PRACTICES}) == len(PRACTICES)
    assert all(practice_code(p.name) == p.code == practice_code(p.code) for p in PRACTICES)


def test_every_practice_call_in_the_rules_names_a_registered_code():
    called, named = set(), set()
    for source in (ROOT / "noticeboard").rglob("*.py"):
        if source.name == "practices.py":
            continue
        text = source.read_text(encoding="utf-8")
        called |= set(re.findall(r'practice\(\s*"([a-z_]+)"', text))
        named |= set(re.findall(r'"([a-z_]+)"', text))  # codes held in tables (ROW_DETAILS)
    assert called - set(BY_CODE) == set()
    assert set(BY_CODE) - named == set(), "a registered practice that no rule emits"


def test_every_practice_is_in_docs_severity():
    text = (ROOT / "docs" / "severity.md").read_text(encoding="utf-8")
    assert [p.code for p in PRACTICES if f"`{p.code}`" not in text] == []


def test_rules_lists_every_practice_with_this_townships_severity(township, monkeypatch):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  升为错误: [审核日期]\n")
    monkeypatch.chdir(township)
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:3] == [
        "以下规则出于良好做法或地方规定，默认只给警告；本镇要求必须做到的，写进 township.yaml（代码或中文名均可）：",
        "  defaults:",
        "    升为错误: [审核日期, 四至]"]
    rows = {line.split()[0]: line.split()[1:3] for line in lines[4:-1]}
    assert rows == {p.code: [p.name, "错误" if p.code == "review_date_missing" else "警告"]
                    for p in PRACTICES}
    assert lines[-1].endswith("每条规则的依据见 docs/severity.md。")

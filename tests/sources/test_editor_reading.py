"""One reading of the text (issue 25): what YAML and an editor read differently is
refused or warned with its line, and every number goes through one strict reader."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic_core import PydanticCustomError

from noticeboard.checks.settings import find_setting
from noticeboard.errors import NoticeboardError
from noticeboard.kinds.common import label_disagrees, parse_count, parse_quantity
from noticeboard.sources.loader import load_yaml_file
from tests.conftest import write


def _load(tmp_path, text):
    return load_yaml_file(write(tmp_path / "item.yaml", text))


def test_a_paragraph_separator_is_refused_at_the_editors_line(tmp_path):
    with pytest.raises(NoticeboardError) as caught:
        _load(tmp_path, "kind: notice\n# 注释\u2029hidden: 1\ntitle: 通知\n")
    [finding] = caught.value.findings
    assert (finding.code, finding.line, finding.params["codepoint"]) == ("text_line_separator", 2, "2029")


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u2800", "\u1160", "\uffa0", "\ufe0f"])
def test_letters_that_draw_nothing_are_refused(tmp_path, char):
    with pytest.raises(NoticeboardError) as caught:
        _load(tmp_path, f"name: 王{char}\n")
    assert [f.code for f in caught.value.findings] == ["text_blank_letter"]


def test_compatibility_ideographs_are_refused_and_the_ordinary_ones_of_that_block_kept(tmp_path):
    with pytest.raises(NoticeboardError) as caught:
        _load(tmp_path, "name: \uf9e1桂英\n")  # 李 from the compatibility block
    assert [f.code for f in caught.value.findings] == ["text_compat_ideograph"]
    assert _load(tmp_path, "name: \ufa11崎\n").data == {"name": "\ufa11崎"}  # 﨑 is a unified ideograph


def test_a_value_cut_by_a_hash_is_warned_but_a_comment_or_a_block_is_not(tmp_path):
    loaded = _load(tmp_path, "summary: 更换 #3 至 #5 号路灯灯泡\namount: 100   # 金额\n"
                             "note: |\n  更换 #3 号灯\nitems:\n  - 修理 #2 号泵\n")
    assert [(n.code, n.line, n.params["kept"], n.params["cut"]) for n in loaded.notes] == [
        ("value_cut_by_hash", 1, "更换", "#3 至 #5 号路灯灯泡"),
        ("value_cut_by_hash", 6, "修理", "#2 号泵")]
    # quoted, the # is content; a comment touching a plain value still cuts nothing but is named
    assert [(n.code, n.line) for n in _load(tmp_path, 'summary: "更换 #3 号"\namount: 1 #1\n').notes] == [
        ("value_cut_by_hash", 2)]


@pytest.mark.parametrize("written", ["1_2", "1e1", "+3", "12.0", "١٢", "0x10", "true"])
def test_every_whole_number_is_read_strictly(written):
    with pytest.raises(PydanticCustomError):
        parse_count(written)


def test_counts_and_quantities_as_clerks_type_them():
    assert parse_count("１２") == 12
    assert parse_count(" 12 ") == 12
    assert parse_count(7) == 7
    assert parse_quantity("2.5") == Decimal("2.5")
    for written in ("-0", "-0.0"):
        with pytest.raises(PydanticCustomError) as caught:
            parse_quantity(written)
        assert caught.value.type == "count_minus_zero"
    with pytest.raises(PydanticCustomError):
        parse_quantity("1e1")


def test_a_setting_number_is_read_strictly_too(township):
    write(township / "township.yaml", "name: 青山镇\ndefaults:\n  max_sheets: 1_0\n")
    _, findings = find_setting(township / "双河村")
    assert [(f.code, f.line, f.message()) for f in findings] == [
        ("int_format", 3, "「1_0」不是整数")]


def test_a_period_label_must_agree_with_its_dates():
    q3 = (date(2026, 7, 1), date(2026, 9, 30))
    assert label_disagrees("2026年第三季度", *q3) is None
    assert label_disagrees("2026年7月至9月", *q3) is None
    assert label_disagrees("2026年第二季度", *q3) == "第二季度"
    assert label_disagrees("2025年第三季度", *q3) == "2025年"
    assert label_disagrees("2026年11月", *q3) == "11月"
    assert label_disagrees("2025-2026学年", date(2025, 9, 1), date(2026, 7, 31)) is None

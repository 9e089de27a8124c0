"""Masking in messages: a value cut to fit a message never shows part of a number."""

from noticeboard.errors import clipped
from tests.conftest import NOTICE_YAML, check_text


def test_a_short_value_is_shown_whole_and_masked():
    assert clipped("身份证 11010519491231002X", 40) == "身份证 110105********002X"


def test_a_long_value_is_masked_before_it_is_cut():
    text = "2026年11月20日，经办人王桂英，身份证号码为 110105194912310021"
    assert text[:37].endswith("为 11010519491")  # cut first: a region and a birth year
    # masked first, the cut still falls inside the number: it goes back to before it
    assert clipped(text, 40) == "2026年11月20日，经办人王桂英，身份证号码为…"
    assert clipped(text, 50) == "2026年11月20日，经办人王桂英，身份证号码为 110105********0021"


def test_a_cut_inside_a_run_of_digits_goes_back_to_before_it():
    text = "编号：" + "9" * 60  # no known number, but a cut would show its first digits
    assert clipped(text, 40) == "编号：…"
    assert clipped("金额合计为 1120.00 元，" + "另" * 40, 20) == "金额合计为 1120.00 元，另…"


def test_a_date_message_never_shows_the_start_of_an_id(village):
    """validation._shown cut a bad value at 37 characters: an ID standing across the
    cut lost its end, was no longer found, and its first twelve digits showed."""
    posted = "二〇二六年十一月二十日公开，经办人王桂英，身份证号码为110105194912310021"
    checked = check_text(village, NOTICE_YAML.replace("posted: 2026-11-20", f"posted: {posted}"))
    [date] = [f for f in checked.findings if f.code == "date_format"]
    assert date.message() == ("「二〇二六年十一月二十日公开，经办人王桂英，身份证号码为…」"
                              "不是日期，请写成 2026-10-08 或 2026年10月8日")
    assert [f.code for f in checked.findings] == ["privacy_id_check_digit", "date_format"]
    for finding in checked.findings:
        assert "1949" not in finding.format() and "1949" not in finding.format("en")

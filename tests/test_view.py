from datetime import date
from decimal import Decimal

import pytest

from noticeboard.view import capital, money, money_plain, short_end, title_size_pt


# Expected strings are written out by hand from the rules for 大写金额:
# 整 after 元 or 角 when nothing follows; one 零 for a run of zeros.
@pytest.mark.parametrize(("amount", "words"), [
    ("0.00", "人民币零元整"),
    ("1234.50", "人民币壹仟贰佰叁拾肆元伍角整"),
    ("1234.56", "人民币壹仟贰佰叁拾肆元伍角陆分"),
    ("1234.00", "人民币壹仟贰佰叁拾肆元整"),
    ("1234.05", "人民币壹仟贰佰叁拾肆元零伍分"),
    ("0.50", "人民币伍角整"),
    ("0.05", "人民币伍分"),
    ("1010.00", "人民币壹仟零壹拾元整"),
    ("1001.00", "人民币壹仟零壹元整"),
    ("100010.00", "人民币壹拾万零壹拾元整"),
    ("10000.01", "人民币壹万元零壹分"),
    ("105000.00", "人民币壹拾万伍仟元整"),
    ("100000000.00", "人民币壹亿元整"),
    ("100010000.00", "人民币壹亿零壹万元整"),
    ("151913.79", "人民币壹拾伍万壹仟玖佰壹拾叁元柒角玖分"),
    ("188826.34", "人民币壹拾捌万捌仟捌佰贰拾陆元叁角肆分"),
])
def test_capital_amounts(amount, words):
    assert capital(Decimal(amount)) == words


def test_money_figures():
    assert money(Decimal("1234567.5")) == "¥1,234,567.50"
    assert money(Decimal("-0.36")) == "-¥0.36"
    assert money_plain(Decimal("980")) == "980.00"


def test_window_end_is_written_without_repeating_year_or_month():
    start = date(2026, 10, 8)
    assert short_end(start, date(2026, 10, 15)) == "15日"
    assert short_end(start, date(2026, 11, 2)) == "11月2日"
    assert short_end(start, date(2027, 1, 2)) == "2027年1月2日"


def test_title_size_shrinks_with_length_but_not_below_readable():
    assert title_size_pt("短标题", "A3") > title_size_pt("一个长得多得多的标题" * 2, "A3")
    assert title_size_pt("标" * 200, "A3") == 28.0
    assert title_size_pt("标" * 200, "A4") < 28.0

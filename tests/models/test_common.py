from datetime import date
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from noticeboard.models.common import ChineseDate, Money, Period, parse_money


@pytest.mark.parametrize(("typed", "amount"), [
    ("1234.5", "1234.50"),
    ("1,234.50", "1234.50"),
    ("¥1,234.50", "1234.50"),
    ("１２３．５０", "123.50"),
    ("12元", "12.00"),
    ("0", "0.00"),
    ("9999999999.99", "9999999999.99"),
])
def test_money_is_read_exactly(typed, amount):
    parsed = parse_money(typed)
    assert parsed == Decimal(amount)
    assert str(parsed) == amount


def test_money_never_goes_through_float():
    # 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    assert parse_money("0.1") + parse_money("0.2") == parse_money("0.3")


@pytest.mark.parametrize(("typed", "error_type"), [
    ("12.345", "money_cents"),
    ("1 234,50", "money"),
    ("1,23.00", "money"),
    ("1e400", "money"),
    (".inf", "money"),
    ("abc", "money"),
    ("10000000000", "money_absurd"),
    ("-5", "money_negative"),
])
def test_bad_money_is_refused(typed, error_type):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Money).validate_python(typed)
    assert caught.value.errors()[0]["type"] == error_type


@pytest.mark.parametrize(("typed", "day"), [
    ("2026-10-08", date(2026, 10, 8)),
    ("2026/10/8", date(2026, 10, 8)),
    ("2026年10月8日", date(2026, 10, 8)),
    ("２０２６年１０月８日", date(2026, 10, 8)),
])
def test_dates_in_clerks_forms(typed, day):
    assert TypeAdapter(ChineseDate).validate_python(typed) == day


def test_a_date_that_does_not_exist_is_refused():
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(ChineseDate).validate_python("2026-02-30")
    assert caught.value.errors()[0]["type"] == "date_invalid"


@pytest.mark.parametrize(("typed", "start", "end", "label"), [
    ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度"),
    ("2026q1", date(2026, 1, 1), date(2026, 3, 31), "2026年第一季度"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024年2月"),
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026年度"),
])
def test_periods(typed, start, end, label):
    period = Period.model_validate(typed)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_period_range_gets_a_written_label():
    period = Period.model_validate({"start": "2026-10-01", "end": "2026-11-15"})
    assert period.label == "2026年10月1日至2026年11月15日"


def test_period_must_not_end_before_it_starts():
    with pytest.raises(ValidationError) as caught:
        Period.model_validate({"start": "2026-10-01", "end": "2026-09-15"})
    assert caught.value.errors()[0]["type"] == "period_order"

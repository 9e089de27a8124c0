from datetime import date
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from noticeboard.kinds.common import ChineseDate, Money, Period, SignedMoney, parse_money


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


@pytest.mark.parametrize(("typed", "char"), [
    ("৪০০", "৪"),            # Bengali: Decimal() would read it as 400
    ("٤٠٠.٥٠", "٤"),          # Arabic-Indic
    ("۴۰۰", "۴"),             # Extended Arabic-Indic (Persian)
    ("४००", "४"),             # Devanagari
    ("1,2৩4.00", "৩"),
])
def test_digits_of_other_scripts_are_refused_in_amounts(typed, char):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(SignedMoney).validate_python(typed)
    error = caught.value.errors()[0]
    assert (error["type"], error["ctx"]["char"]) == ("digits_foreign", char)


@pytest.mark.parametrize("typed", ["٢٠٢٦-١٠-٠٨", "২০২৬年১০月৮日"])
def test_digits_of_other_scripts_are_refused_in_dates(typed):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(ChineseDate).validate_python(typed)
    assert caught.value.errors()[0]["type"] == "digits_foreign"


def test_digits_of_other_scripts_are_refused_in_periods():
    with pytest.raises(ValidationError) as caught:
        Period.model_validate("٢٠٢٦-Q3")
    assert caught.value.errors()[0]["type"] == "digits_foreign"


def test_full_width_digits_stay_accepted():
    assert parse_money("１，１２０．５０") == Decimal("1120.50")
    assert TypeAdapter(ChineseDate).validate_python("２０２６－１０－０８") == date(2026, 10, 8)


@pytest.mark.parametrize("typed", ["-0", "-0.00", "-0,000.00", "－０"])
def test_minus_zero_is_refused_not_printed(typed):
    for model in (Money, SignedMoney):
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(model).validate_python(typed)
        assert caught.value.errors()[0]["type"] == "money_minus_zero"


def test_zero_is_fine():
    assert str(parse_money("0")) == "0.00"


@pytest.mark.parametrize("typed", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_implausible_years_are_refused(typed):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(ChineseDate).validate_python(typed)
    error = caught.value.errors()[0]
    assert (error["type"], error["ctx"]["low"], error["ctx"]["high"]) == ("date_absurd", 1900, 2199)


def test_a_period_in_year_9999_is_refused():
    with pytest.raises(ValidationError) as caught:
        Period.model_validate("9999-Q4")
    assert caught.value.errors()[0]["type"] == "date_absurd"


def test_a_posting_window_past_the_calendar_does_not_overflow():
    from noticeboard.kinds.notice import Notice

    notice = Notice.model_construct(posted=date(2199, 12, 31), until=None, days=None)
    assert notice.window_end(366) == date(2200, 12, 31)
    notice = Notice.model_construct(posted=date.max, until=None, days=None)
    assert notice.window_end(7) == date.max

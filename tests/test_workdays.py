"""Working days by the State Council schedule, township corrections, unknown years."""

from datetime import date

import pytest

from noticeboard.checks.settings import find_setting
from noticeboard.poster.context import poster_context
from noticeboard.workdays import WorkCalendar, package_years
from tests.conftest import check_text, filled_skeleton, write

CALENDAR = WorkCalendar()
DEVELOPMENT = filled_skeleton("member_development")

# 国务院办公厅关于2025年、2026年部分节假日安排的通知: days off on weekdays, and the
# weekend days worked in lieu (调休上班).
DAYS_OFF = ["2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-05-05", "2025-06-02",
            "2025-10-01", "2025-10-08", "2026-01-02", "2026-02-16", "2026-02-23", "2026-04-06",
            "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-07"]
MAKE_UP = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
           "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]


@pytest.mark.parametrize("day", DAYS_OFF)
def test_public_holidays_are_not_working_days(day):
    assert date.fromisoformat(day).weekday() < 5
    assert not CALENDAR.is_workday(date.fromisoformat(day))


@pytest.mark.parametrize("day", MAKE_UP)
def test_make_up_weekend_days_are_working_days(day):
    assert date.fromisoformat(day).weekday() >= 5
    assert CALENDAR.is_workday(date.fromisoformat(day))


def test_counting_across_national_day():
    # 9.28–30 (Mon–Wed), 10.1–7 off, 10.8–9 (Thu, Fri), 10.10 (Sat, worked in lieu).
    assert CALENDAR.count(date(2026, 9, 28), date(2026, 10, 10)) == 6
    assert CALENDAR.end_of(date(2026, 9, 30), 5) == date(2026, 10, 12)


def test_a_township_adds_and_corrects_days():
    corrected = WorkCalendar.of(workdays=[date(2026, 10, 11)], holidays=[date(2026, 10, 9)])
    assert corrected.is_workday(date(2026, 10, 11)) and not corrected.is_workday(date(2026, 10, 9))
    assert corrected.count(date(2026, 10, 8), date(2026, 10, 12)) == CALENDAR.count(
        date(2026, 10, 8), date(2026, 10, 12))


def test_a_year_nobody_knows_is_reported_and_counted_monday_to_friday():
    last = package_years()[1]
    year = last + 5
    assert CALENDAR.knows(last) and not CALENDAR.knows(year)
    assert CALENDAR.unknown_years(date(last, 12, 30), date(last + 1, 1, 2)) == [last + 1]
    monday = next(date(year, 3, d) for d in range(1, 8) if date(year, 3, d).weekday() == 0)
    assert CALENDAR.count(monday, date.fromordinal(monday.toordinal() + 6)) == 5
    # A township that gives days for that year has entered its schedule.
    assert WorkCalendar.of(holidays=[date(year, 1, 1)]).knows(year)


def test_an_unknown_year_warns_on_a_working_day_window(village):
    year = package_years()[1] + 5
    text = DEVELOPMENT.replace("posted: 2026-10-09", f"posted: {year}-03-02").replace(
        "period: 2026-10", f"period: {year}-03")
    checked = check_text(village, text)
    last = package_years()[1]
    assert [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings] == [(
        "workdays_year_unknown", 20,
        f"日历包还没有 {year} 年的放假安排（已收录到 {last} 年），工作日暂按周一至周五计算；"
        "国务院公布后请更新日历包，或在乡镇设置文件的默认设置中填写补充放假日和补充工作日",
        f"the calendar has no holiday schedule for {year} yet (known up to {last}); working "
        "days are counted Monday to Friday. Update the calendar package, or give "
        "extra_holidays and extra_workdays under defaults in township.yaml")]
    assert checked.ok


def window(village, text):
    checked = check_text(village, text)
    assert checked.findings == []
    setting, _ = find_setting(village)
    return poster_context(checked.item, setting)["window"]


def test_days_in_working_days_are_printed_with_their_true_end(village):
    # Posted on Thursday 26 November 2026: five working days end on Wednesday 2 December,
    # not on Monday 30 November (which would be three working days).
    text = DEVELOPMENT.replace("posted: 2026-10-09", "posted: 2026-11-26").replace(
        "period: 2026-10", "period: 2026-11").replace("days: 7  ", "days: 5  ")
    assert window(village, text) == "2026年11月26日至12月2日"
    # Across National Day the window stretches over the holiday and includes the make-up Saturday.
    holiday = DEVELOPMENT.replace("posted: 2026-10-09", "posted: 2026-09-30").replace(
        "period: 2026-10", "period: 2026-09").replace("days: 7  ", "days: 5  ")
    assert window(village, holiday) == "2026年9月30日至10月12日"


def test_township_yaml_days_move_the_window(township, village):
    text = DEVELOPMENT.replace("posted: 2026-10-09", "posted: 2026-11-26").replace(
        "period: 2026-10", "period: 2026-11").replace("days: 7  ", "days: 5  ")
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  补充放假日: [2026-11-27]\n")
    # 26 (Thu), 27 off by the township, then 30 November, 1, 2 and 3 December.
    assert window(village, text) == "2026年11月26日至12月3日"
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  extra_workdays: [2026-11-28]\n")
    # 26, 27, 28 (Saturday worked), 30 November and 1 December.
    assert window(village, text) == "2026年11月26日至12月1日"

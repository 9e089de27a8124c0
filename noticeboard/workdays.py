"""Working days (工作日) by the State Council's holiday schedule, with a township's corrections.

The schedule changes every year (announced each November or December), so it
comes from `chinese-calendar`, which tracks it: public holidays are not working
days, and the make-up working days (调休上班, often a Saturday or a Sunday) are.
`chinese-calendar` was chosen over `holidays` because it refuses a year it has no
schedule for, where `holidays` silently computes one without the make-up days; a
poster must warn about that year rather than guess (docs/local-practice.md).
A township adds or corrects days in township.yaml (`defaults.extra_workdays`,
`defaults.extra_holidays`); a year it gives any day for counts as known.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar  # type: ignore[import-untyped]  # ships no type hints

# The longest window we count: a posting window is at most 366 days (the `days` limit).
_MAX_SPAN = 800


@functools.cache
def package_years() -> tuple[int, int]:
    """The first and last year whose schedule the installed calendar package knows."""
    years = [day.year for day in chinese_calendar.holidays]
    return min(years), max(years)


@dataclass(frozen=True)
class WorkCalendar:
    """The State Council calendar with a township's added working days and days off."""

    extra_workdays: frozenset[date] = frozenset()
    extra_holidays: frozenset[date] = frozenset()

    @classmethod
    def of(cls, workdays: Iterable[date] = (), holidays: Iterable[date] = ()) -> WorkCalendar:
        return cls(frozenset(workdays), frozenset(holidays))

    def knows(self, year: int) -> bool:
        first, last = package_years()
        township_years = {d.year for d in self.extra_workdays | self.extra_holidays}
        return first <= year <= last or year in township_years

    def is_workday(self, day: date) -> bool:
        """A working day; in a year nobody knows, Monday to Friday (and a warning elsewhere)."""
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        first, last = package_years()
        if first <= day.year <= last:
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    def count(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included."""
        return sum(self.is_workday(first + timedelta(days=n))
                   for n in range((last - first).days + 1))

    def end_of(self, start: date, working_days: int) -> date:
        """The last day of a window of `working_days` working days beginning on `start`."""
        day, counted = start, 0
        for _ in range(_MAX_SPAN):
            if self.is_workday(day):
                counted += 1
                if counted >= working_days:
                    return day
            day += timedelta(days=1)
        return day

    def unknown_years(self, first: date, last: date) -> list[int]:
        return [year for year in range(first.year, last.year + 1) if not self.knows(year)]

"""What every item's envelope must get right: issuer, posting window, review."""

from __future__ import annotations

from datetime import date

from noticeboard.checks.rules import unless_missing
from noticeboard.checks.severity import practice
from noticeboard.errors import Finding, Localized, error, warning
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.party_dues import PartyDues
from noticeboard.kinds.settings import Defaults, Setting
from noticeboard.workdays import package_years


def check_envelope(item: Envelope, setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    if not item.issuer and setting.village is None:
        findings.append(error("issuer_missing", ("issuer",)))
    if not _has_feedback_channel(item, setting):
        findings.append(error("feedback_missing", ("contact",)))
    findings += unless_missing(lambda: _review(item, setting))
    findings += unless_missing(lambda: _window(item, setting))
    if isinstance(item, Finance | PartyDues):
        # Dues paid for months still to come are reported before they happen, like a ledger.
        findings += unless_missing(lambda: _posted_before_end(item, setting))
    return findings


def _window(item: Envelope, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    end = defaults.window_end(item)
    if end < item.posted:
        return [error("window_order", ("until",), until=end.isoformat(),
                      posted=item.posted.isoformat())]
    return _days_agree(item, end, defaults) + _window_length(item, end, setting)


def _days_agree(item: Envelope, end: date, defaults: Defaults) -> list[Finding]:
    """`days` and `until` both given say the window twice; the poster prints `until`, so
    a `days` that counts to another day would be silently dropped."""
    if item.days is None or item.until is None:
        return []
    by_days = defaults.window_end(item.model_copy(update={"until": None}))
    if by_days == end:
        return []
    working = item.KIND in defaults.working_day_kinds
    unit = Localized("个工作日", "working days") if working else Localized("天", "days")
    return [error("window_days_until_conflict", ("days",), days=item.days, unit=unit,
                  by_days=by_days.isoformat(), until=end.isoformat())]


def _posted_before_end(item: Finance | PartyDues, setting: Setting) -> list[Finding]:
    if item.posted < item.period.end:
        return [practice("posted_before_period_end", setting, ("posted",),
                        posted=item.posted.isoformat(), end=item.period.end.isoformat())]
    return []


def _window_length(item: Envelope, end: date, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    minimum = defaults.min_days_for(item.KIND)
    field = "until" if item.until is not None else "days"
    if item.KIND in defaults.working_day_kinds:
        calendar = defaults.calendar()
        _, last_known = package_years()
        findings = [warning("workdays_year_unknown", (field,), year=year, last=last_known)
                    for year in calendar.unknown_years(item.posted, end)]
        days = calendar.count(item.posted, end)
        if days < minimum:
            findings.append(practice("window_short_working", setting, (field,), days=days,
                                     minimum=minimum))
        return findings
    days = (end - item.posted).days + 1
    if days >= minimum:
        return []
    return [practice("window_short", setting, (field,), days=days, minimum=minimum)]


def _review(item: Envelope, setting: Setting) -> list[Finding]:
    """docs/severity.md: the accounts are audited, then posted (the essay: 在审计的基础上公开;
    村民委员会组织法 第三十二条, 民主理财), so a ledger or a spend without its reviewer is an
    error; for the other kinds the reviewer, and for all the review's date, is practice."""
    if not item.NEEDS_REVIEW:
        return []
    findings: list[Finding] = []
    if item.reviewed_by is None:
        findings.append(error("review_missing", ("reviewed_by",)) if isinstance(item, Finance | Expense)
                        else practice("reviewer_missing", setting, ("reviewed_by",)))
    if item.reviewed_on is None:
        findings.append(practice("review_date_missing", setting, ("reviewed_on",)))
    if item.reviewed_on is not None and item.reviewed_on > item.posted:
        findings.append(error("review_after_posting", ("reviewed_on",),
                              reviewed_on=item.reviewed_on.isoformat(),
                              posted=item.posted.isoformat()))
    return findings


def _has_feedback_channel(item: Envelope, setting: Setting) -> bool:
    village, township = setting.village, setting.township
    return bool(item.contact or (village and village.phone) or (township and township.hotline))

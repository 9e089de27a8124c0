"""Dates that must come in order: announcements before meetings, lead times, stages."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from noticeboard.checks.severity import practice
from noticeboard.errors import FieldPath, Finding, error, warning
from noticeboard.kinds.common import Envelope, zh_date
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.election import Election, ElectionStage
from noticeboard.kinds.meeting import Meeting, MeetingStage
from noticeboard.kinds.member_development import Applicant, DevelopmentStage, MemberDevelopment
from noticeboard.kinds.settings import Setting
from noticeboard.kinds.work_plan import WorkPlan


def check_schedule(item: Envelope, setting: Setting) -> list[Finding]:
    if isinstance(item, Meeting):
        return _meeting(item, setting)
    if isinstance(item, Election):
        return _election(item, setting)
    if isinstance(item, MemberDevelopment):
        return [f for index, person in enumerate(item.people)
                for f in _development(item, person, index, setting)]
    if isinstance(item, WorkPlan):
        return [warning("goal_deadline_past", ("goals", index, "deadline"),
                        deadline=goal.deadline.isoformat(), posted=item.posted.isoformat())
                for index, goal in enumerate(item.goals) if goal.deadline < item.posted]
    if isinstance(item, Contract):
        return _contract(item)
    return []


def _meeting(item: Meeting, setting: Setting) -> list[Finding]:
    if item.stage is MeetingStage.ANNOUNCEMENT and item.posted >= item.meeting_date:
        return [error("meeting_not_before", ("posted",), posted=item.posted.isoformat(),
                      meeting=item.meeting_date.isoformat())]
    end = setting.defaults.window_end(item)
    if item.stage is MeetingStage.ANNOUNCEMENT and end >= item.meeting_date:
        # Posted past its meeting, it announces what has happened as if it were to come.
        return [error("announcement_window_after_meeting",
                      ("until",) if item.until is not None else ("days",),
                      until=end.isoformat(), meeting=item.meeting_date.isoformat())]
    lead = setting.defaults.notice_days_for(item.body)
    ahead = (item.meeting_date - item.posted).days
    if item.stage is MeetingStage.ANNOUNCEMENT and lead is not None and ahead < lead:
        return [error("meeting_notice_too_late", ("posted",), body=item.body, minimum=lead,
                      days=ahead)]
    if item.stage is MeetingStage.RESULT and item.posted < item.meeting_date:
        return [error("result_before_meeting", ("posted",), posted=item.posted.isoformat(),
                      meeting=item.meeting_date.isoformat())]
    return []


def _election(item: Election, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    lead = {ElectionStage.VOTERS: defaults.election_voter_days,
            ElectionStage.CANDIDATES: defaults.election_candidate_days}.get(item.stage)
    days_before = (item.election_date - item.posted).days
    if lead is not None and days_before < lead:
        return [error("election_too_late", ("posted",), stage=item.stage.value,
                      days=days_before, minimum=lead)]
    if item.stage is ElectionStage.RESULT and days_before > 0:
        return [error("result_before_meeting", ("posted",), posted=item.posted.isoformat(),
                      meeting=item.election_date.isoformat())]
    if item.stage is ElectionStage.RESULT and days_before < 0:
        # 村民委员会组织法 第十五条: 选举结果应当当场公布. The written result may follow,
        # so a later poster is a warning, not an error.
        return [warning("election_result_late", ("posted",), posted=item.posted.isoformat(),
                        election=item.election_date.isoformat(), days=-days_before)]
    return []


# The dates each stage needs, and whether introducers are needed from it on.
_NEEDED_DATES = {
    DevelopmentStage.ACTIVIST: ("applied_on", "activist_on"),
    DevelopmentStage.CANDIDATE: ("applied_on", "activist_on", "candidate_on"),
    DevelopmentStage.PROBATIONARY: ("applied_on", "activist_on", "candidate_on"),
    DevelopmentStage.FULL: ("applied_on", "activist_on", "candidate_on", "probationary_on"),
}


def _development(item: MemberDevelopment, person: Applicant, index: int,
                 setting: Setting) -> list[Finding]:
    """What the notice shows is checked by the law (党章, 细则); what it leaves out (a
    personal field, an earlier stage's date, the introducers) is practice: it cannot be
    checked, so the warning says which rule it hides."""
    stage = item.stage
    path = ("people", index)
    findings = _age(person, path)
    missing = person.details_missing()
    if missing:
        findings.append(practice("applicant_details_missing", setting, path, name=person.name,
                                 fields="、".join(missing)))
    labels = {name: label for name, label, _ in person.stage_dates()}
    for name in _NEEDED_DATES[stage]:
        if getattr(person, name) is None:
            findings.append(practice("stage_date_missing", setting, (*path, name),
                                     name=person.name, label=labels[name], stage=stage.value))
    known = [(name, label, day) for name, label, day in person.stage_dates() if day is not None]
    for (_, earlier_label, earlier), (name, label, later) in itertools.pairwise(known):
        if later < earlier:
            findings.append(error("stage_dates_order", (*path, name), name=person.name,
                                  later=label, earlier=earlier_label))
    introducers = {"".join(name.split()) for name in person.introducers if name.strip()}
    if stage is not DevelopmentStage.ACTIVIST and not introducers:
        findings.append(practice("introducers_missing", setting, (*path, "introducers"),
                                 name=person.name, stage=stage.value))
    elif stage is not DevelopmentStage.ACTIVIST and len(introducers) < 2:
        # 党章 第五条: 要有两名正式党员作介绍人; one name written twice is one person.
        code = "introducers_twice" if len(person.introducers) >= 2 else "introducers_one"
        findings.append(error(code, (*path, "introducers"), name=person.name,
                              stage=stage.value))
    # 细则 第十六条: 一年以上 (which includes a full year) of training is a hard precondition.
    if person.activist_on and person.candidate_on and \
            person.candidate_on < _one_year_after(person.activist_on):
        findings.append(error("activist_under_a_year", (*path, "candidate_on"),
                              name=person.name, activist=person.activist_on.isoformat(),
                              candidate=person.candidate_on.isoformat()))
    # 党章 第七条, 细则 第三十条: the 预备期 is one year from admission; 转正 comes after it.
    if stage is DevelopmentStage.FULL and person.probationary_on and \
            item.posted < _one_year_after(person.probationary_on):
        findings.append(error("probation_under_a_year", (*path, "probationary_on"),
                              name=person.name, admitted=person.probationary_on.isoformat(),
                              earliest=_one_year_after(person.probationary_on).isoformat(),
                              posted=item.posted.isoformat()))
    return findings


def _age(person: Applicant, path: FieldPath) -> list[Finding]:
    """党章 第一条: an applicant is 年满十八岁 on the day of applying. Born given to the day:
    checked to the day; given by month: from the month's first day (the most lenient reading),
    and an application in the very month of the 18th birthday is a warning to give the day."""
    if person.born is None:  # not given: applicant_details_missing says so
        return []
    born = born_day(person.born)
    if born is None:
        return [error("born_invalid", (*path, "born"), name=person.name, value=person.born)]
    day, exact = born
    eighteen = _years_after(day, 18)
    where = (*path, "applied_on")
    if person.applied_on is None:
        return []
    if person.applied_on < eighteen:
        shown = zh_date(day) if exact else f"{day.year}年{day.month}月"
        return [error("applicant_under_18", where, name=person.name, born=shown,
                      applied=person.applied_on.isoformat())]
    if not exact and (person.applied_on.year, person.applied_on.month) == \
            (eighteen.year, eighteen.month):
        return [warning("applicant_age_unsure", where, name=person.name,
                        born=f"{day.year}年{day.month}月", applied=person.applied_on.isoformat())]
    return []


def born_day(text: str) -> tuple[date, bool] | None:
    """The birthday from `1995-08-20` / `1995年8月20日` (exact), or the first day of the
    month from `1995-08`, `1995年8月`, `1995.8` (not exact); None if no such date."""
    match = re.match(r"^(\d{4})[-.年/](\d{1,2})(?:月?[-./]?(\d{1,2}))?", text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1)), match[3] is not None
    except ValueError:
        return None


def _years_after(day: date, years: int) -> date:
    """The same day `years` later; a 29 February birthday is reached on 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28) + timedelta(days=1)


def _one_year_after(day: date) -> date:
    return _years_after(day, 1)


def _contract(item: Contract) -> list[Finding]:
    findings: list[Finding] = []
    if item.term_end <= item.term_start:
        findings.append(error("contract_term_order", ("term_end",),
                              start=item.term_start.isoformat(), end=item.term_end.isoformat()))
    if item.decision.date > item.signed_on:
        findings.append(error("contract_signed_before_decision", ("signed_on",),
                              signed=item.signed_on.isoformat(),
                              decided=item.decision.date.isoformat()))
    return findings

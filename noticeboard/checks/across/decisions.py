"""The decision an item names is read, not only found: its meeting result (a file in the
folder, or the decision given inline when it lives elsewhere) must be a result, by the
body the law names for the matter, with the votes the item claims, held and posted
before the spending, the signing or the payment it allowed.

- 村民委员会组织法 第二十四条、第二十五条: the matters only the 村民会议 (or the 村民代表
  会议 it authorises) decides; 第二十二条: the 村民会议 may sit as 本村三分之二以上的户的代表.
- 第三十条(一): the decisions of those meetings and their implementation are posted;
  四议两公开 (决议公开、实施结果公开): the resolution is posted before it is carried out.
- disclosure-rules.md, Who decides: a pre-announcement is never a decision; a large
  ledger row (township threshold) has a decision.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from noticeboard.checks.across.village import Problem, Village, where
from noticeboard.checks.item import CheckedItem
from noticeboard.checks.rules.votes import VILLAGERS_BODIES
from noticeboard.checks.severity import practice
from noticeboard.errors import FieldPath, Finding, Localized, error
from noticeboard.formatting import money
from noticeboard.kinds.common import Decision, Vote
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.major_matter import MajorMatter
from noticeboard.kinds.meeting import (
    Meeting,
    MeetingStage,
    canonical_body,
    majority_of_expected,
    motion_passed,
)
from noticeboard.kinds.one_matter import OneMatter

VOTE_FIELDS = (("expected", "应到人数"), ("present", "实到人数"), ("votes_for", "赞成票"),
               ("votes_against", "反对票"), ("abstain", "弃权票"))


@dataclass(frozen=True)
class Done:
    """A step that carries a decision out: what it is, where it is written, and when."""

    what: str
    path: FieldPath
    day: date


@dataclass(frozen=True)
class Cited:
    """A decision as one item names it, with the fields it was read from."""

    entry: CheckedItem
    decision: Decision
    path: FieldPath            # the decision's mapping (or the fields holding it)
    matter: str | None         # the matter villagers must decide, None when 两委 may
    done: tuple[Done, ...]     # the steps that carry it out
    must_be_posted: bool       # the resolution must be posted before it is carried out
    file_path: FieldPath = ()
    date_path: FieldPath = ()
    vote_path: FieldPath = ()
    body_path: FieldPath = ()

    def at(self, own: FieldPath, name: str) -> FieldPath:
        return own or (*self.path, name)


def check_decisions(village: Village, threshold: Decimal) -> list[Problem]:
    problems: list[Problem] = []
    for cited in _cited(village, threshold):
        problems += [(cited.entry, f) for f in _read(cited, village)]
    problems += _large_rows_decided(village, threshold)
    return problems


def _cited(village: Village, threshold: Decimal) -> Iterator[Cited]:
    for entry, expense in village.of(Expense):
        if expense.decision is not None:
            done = (Done("开支日期", ("spent_on",), expense.spent_on),) if expense.spent_on else ()
            matter = expense.matter.value if expense.matter else None
            yield Cited(entry, expense.decision, ("decision",), matter, done,
                        expense.amount_sum() > threshold)
    for entry, matter_item in village.of(MajorMatter):
        # The 重大事项 poster is itself the resolution's publication.
        yield Cited(entry, matter_item.decision, ("decision",), "村务重大事项", (), False)
    for entry, contract in village.of(Contract):
        steps = [Done("合同签订日期", ("signed_on",), contract.signed_on)]
        steps += [Done(f"收款第 {i + 1} 笔", ("payments", i, "date"), p.date)
                  for i, p in enumerate(contract.payments)]
        first = min(steps, key=lambda d: d.day)  # the first step is the one that matters
        yield Cited(entry, contract.decision, ("decision",), "承包、租赁方案", (first,), True)
    for entry, plan in village.of(OneMatter):
        if (decision := plan.decided_by() or _by_file_alone(plan, village)) is not None:
            yield Cited(entry, decision, (), "一事一议筹资筹劳方案", (), False,
                        file_path=("decision_file",), date_path=("vote_date",),
                        vote_path=("vote",), body_path=("vote_body",))
    for entry, ledger in village.of(Finance):
        for index, row in enumerate(ledger.expense):
            if row.decision is not None:
                done = () if row.date is None else (  # a row without its date: practice
                    Done(f"支出「{row.summary}」", ("expense", index, "date"), row.date),)
                yield Cited(entry, row.decision, ("expense", index, "decision"), None, done, False)


def _by_file_alone(plan: OneMatter, village: Village) -> Decision | None:
    """A plan that names its result notice but not the vote's date: the notice's date, so
    everything else it says is still compared (or a missing file still reported)."""
    if not plan.decision_file:
        return None
    source = village.named(plan.decision_file)
    meeting = source.item if source is not None else None
    day = meeting.meeting_date if isinstance(meeting, Meeting) else plan.posted
    return Decision(body=plan.vote_body, date=day, vote=plan.vote, file=plan.decision_file)


def _read(cited: Cited, village: Village) -> list[Finding]:
    decision = cited.decision
    file_at = cited.at(cited.file_path, "file")
    if not decision.file:
        return _timing(cited, decision.date, decision.posted, None)
    source = village.named(decision.file)
    if source is None:
        if (cited.entry.path.parent / decision.file).is_file():
            return []  # a file that is not an item here (a village.yaml?): said elsewhere
        return [error("decision_file_missing", file_at, file=decision.file)]
    if source.item is None:
        return []  # the file has its own errors; what it says cannot be read
    meeting = source.item
    if not isinstance(meeting, Meeting):
        return [error("decision_file_not_meeting", file_at, file=decision.file,
                      kind=meeting.NAME_ZH)]
    if meeting.stage is MeetingStage.ANNOUNCEMENT:
        return [error("decision_is_announcement", file_at, file=decision.file,
                      other=where(source, ("stage",)))]
    findings = _agrees(cited, source, meeting)
    return findings + _timing(cited, meeting.meeting_date, meeting.posted, source)


def _agrees(cited: Cited, source: CheckedItem, meeting: Meeting) -> list[Finding]:
    decision = cited.decision
    findings = []
    body_at = cited.at(cited.body_path, "body")
    if (canonical_body(decision.body) or decision.body) != (canonical_body(meeting.body)
                                                            or meeting.body):
        findings.append(error("decision_body_differs", body_at, mine=decision.body,
                              theirs=meeting.body, other=where(source, ("body",))))
    if cited.matter and canonical_body(meeting.body) not in VILLAGERS_BODIES:
        findings.append(error("decision_file_not_villagers", body_at, matter=cited.matter,
                              body=meeting.body, other=where(source, ("body",))))
    date_at = cited.at(cited.date_path, "date")
    if decision.date != meeting.meeting_date:
        findings.append(error("decision_date_differs", date_at, mine=decision.date.isoformat(),
                              theirs=meeting.meeting_date.isoformat(),
                              other=where(source, ("meeting_date",)),
                              days=abs((decision.date - meeting.meeting_date).days)))
    if meeting.vote is not None:
        findings += _votes_agree(cited, source, meeting.vote)
        if motion_passed(meeting.vote, meeting.body) is False:
            findings.append(_not_passed(cited, source, meeting))
    return findings


def _not_passed(cited: Cited, source: CheckedItem, meeting: Meeting) -> Finding:
    vote = meeting.vote
    assert vote is not None
    at = cited.at(cited.file_path, "file")
    members = majority_of_expected(meeting.body)
    basis = vote.expected if members else vote.present
    if vote.tally_for() is None or basis is None:  # the notice says 未通过 in words
        return error("decision_failed_stated", at, other=where(source, ("vote",)))
    return error("decision_not_passed", at, other=where(source, ("vote", "votes_for")),
                 votes_for=vote.tally_for(),
                 basis=Localized(f"{'应到' if members else '实到'} {basis} 人",
                                 f"the {basis} {'entitled to attend' if members else 'present'}"))


def _votes_agree(cited: Cited, source: CheckedItem, theirs: Vote) -> list[Finding]:
    mine = cited.decision.vote
    if mine is None:
        return []
    vote_at = cited.at(cited.vote_path, "vote")
    return [error("decision_vote_differs", (*vote_at, name), label=label,
                  mine=getattr(mine, name), theirs=getattr(theirs, name),
                  diff=abs(getattr(mine, name) - getattr(theirs, name)),
                  other=where(source, ("vote", name)))
            for name, label in VOTE_FIELDS
            if None not in (getattr(mine, name), getattr(theirs, name))  # counts given in both
            and getattr(mine, name) != getattr(theirs, name)]


def _timing(cited: Cited, decided: date, posted: date | None,
            source: CheckedItem | None) -> list[Finding]:
    findings: list[Finding] = []
    inline = cited.decision.date
    for step in cited.done:
        # The item's own date rules already compare the inline date; here the file's.
        if source is not None and decided > step.day >= inline:
            findings.append(error("carried_out_before_meeting", step.path, what=step.what,
                                  done=step.day.isoformat(), decided=decided.isoformat(),
                                  other=where(source, ("meeting_date",)),
                                  days=(decided - step.day).days))
    posted_at = (where(source, ("posted",)) if source is not None
                 else where(cited.entry, cited.at((), "posted")))
    if posted is None:
        if cited.must_be_posted:
            # Unknown is not proof of never: a warning that says what to add (a township
            # may raise it); a posting that came after the spending is an error below.
            findings.append(practice("decision_not_posted", cited.entry.setting,
                                     cited.path or cited.date_path, body=cited.decision.body))
        return findings
    for step in cited.done:
        if posted > step.day:
            findings.append(error("carried_out_before_posted", step.path, what=step.what,
                                  done=step.day.isoformat(), posted=posted.isoformat(),
                                  other=posted_at, days=(posted - step.day).days))
    return findings


def _large_rows_decided(village: Village, threshold: Decimal) -> list[Problem]:
    """A ledger expense row above the township's threshold has a decision: its own, or
    that of the expense poster that shows it (same voucher, else same date and amount)."""
    posters = [(e, x) for e, x in village.of(Expense) if x.decision is not None]
    problems: list[Problem] = []
    for entry, ledger in village.of(Finance):
        for index, row in enumerate(ledger.expense):
            if row.amount <= threshold or row.decision is not None:
                continue
            if any(_shows(expense, row.voucher, row.date, row.amount) for _, expense in posters):
                continue
            # The threshold is the township's (local practice): a warning it may raise.
            problems.append((entry, practice(
                "ledger_row_needs_decision", entry.setting, ("expense", index, "amount"),
                summary=row.summary, amount=money(row.amount), threshold=money(threshold))))
    return problems


def _shows(expense: Expense, voucher: str | None, day: date | None, amount: Decimal) -> bool:
    """The same money: the same voucher, else the same day and amount (as money.py finds it)."""
    total = expense.total if expense.total is not None else expense.amount_sum()
    if voucher is not None and expense.voucher == voucher:
        return True
    return day is not None and expense.spent_on == day and total == amount

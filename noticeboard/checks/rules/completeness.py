"""The parts each kind and stage must show: the steps, the lists, the approval chain."""

from __future__ import annotations

from noticeboard.checks.severity import practice
from noticeboard.errors import Finding, error, warning
from noticeboard.kinds.appointment import Appointment
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.contract import Contract, ContractMethod
from noticeboard.kinds.election import Election, ElectionStage
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.hot_issue import ISSUE_STEPS, HotIssues
from noticeboard.kinds.meeting import Meeting, MeetingStage
from noticeboard.kinds.member_development import MemberDevelopment
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.settings import Setting
from noticeboard.kinds.work_plan import WorkPlan


def check_completeness(item: Envelope, setting: Setting) -> list[Finding]:
    if isinstance(item, Meeting):
        return _meeting(item, setting)
    if isinstance(item, HotIssues):
        return _hot_issues(item)
    if isinstance(item, Expense):
        return _expense_chain(item, setting)
    if isinstance(item, Election):
        return _election(item, setting)
    if isinstance(item, OneMatter):
        return _one_matter(item, setting)
    if isinstance(item, Contract):
        return _contract(item, setting)
    lists = {WorkPlan: ("goals", "目标任务"), Appointment: ("people", "人员"),
             MemberDevelopment: ("people", "人员")}
    for model, (field, label) in lists.items():
        if isinstance(item, model) and not getattr(item, field):
            return [error("list_empty", (field,), label=label)]
    return []


def _meeting(item: Meeting, setting: Setting) -> list[Finding]:
    if item.stage is MeetingStage.ANNOUNCEMENT:
        # The meeting has not happened: a pre-announcement stating a result reports the future.
        findings = [error("announcement_has_result", (name,), label=label)
                    for name, label in (("vote", "到会和表决情况"), ("resolution", "决议"))
                    if getattr(item, name) is not None]
        if not item.agenda:
            findings.insert(0, error("meeting_agenda_missing", ("agenda",)))
        # disclosure-rules.md, 民主决策: the pre-announcement gives the proposal itself, so
        # people can think before the meeting (提供思想空间); an agenda alone is a formality.
        if not (item.proposal or "").strip():
            findings.append(error("meeting_proposal_missing", ("proposal",)))
        if item.place is None:  # those who would come need to know where
            findings.append(error("meeting_place_required", ("place",)))
        return findings
    # A result says how it was decided, if only in a word (一致同意, 民主评议): a resolution
    # with nothing about the decision is 通报意见 (the essay), not a decision.
    findings = [error("meeting_result_missing", (name,), label=label)
                for name, label in (("vote", "表决情况"), ("resolution", "决议"))
                if getattr(item, name) is None]
    if item.place is None:
        findings.append(practice("meeting_place_missing", setting, ("place",)))
    return findings


def _hot_issues(item: HotIssues) -> list[Finding]:
    if not item.issues:
        return [error("list_empty", ("issues",), label="问题清单")]
    return [error("issue_step_missing", ("issues", index, name), step=label, issue=issue.issue)
            for index, issue in enumerate(item.issues)
            for name, label in ISSUE_STEPS
            if not (getattr(issue, name) or "").strip()]


def _expense_chain(item: Expense, setting: Setting) -> list[Finding]:
    findings = [error("approval_step_missing", (name,), step=label)
                for name, label in (("handler", "经手人"), ("reviewed_by", "监督委员会审核"),
                                    ("approver", "审批人"))
                if not getattr(item, name)]
    threshold = setting.defaults.expense_meeting_threshold
    if item.amount_sum() > threshold and item.decision is None:
        findings.append(error("expense_needs_meeting", ("decision",),
                              threshold=f"{threshold:,.2f}", amount=f"{item.amount_sum():,.2f}"))
    return findings


def _election(item: Election, setting: Setting) -> list[Finding]:
    if item.stage is ElectionStage.VOTERS:
        return [] if item.voters else [error("list_empty", ("voters",), label="选民名单")]
    if not item.candidates:
        return [error("list_empty", ("candidates",), label="候选人")]
    findings: list[Finding] = []
    if item.place is None:
        findings.append(error("election_place_missing", ("place",)))
    if item.stage is ElectionStage.CANDIDATES:
        votes = [c.nomination_votes for c in item.candidates]
        if None in votes:
            findings.append(error("nomination_votes_missing", ("candidates",)))
        elif _out_of_order(item):
            findings.append(practice("candidates_order", setting, ("candidates",)))
    return findings


def _out_of_order(item: Election) -> bool:
    """Within each post, candidates are listed by nomination votes, most first."""
    last: dict[str, int] = {}
    for candidate in item.candidates:
        votes = candidate.nomination_votes or 0
        if candidate.post in last and votes > last[candidate.post]:
            return True
        last[candidate.post] = votes
    return False


def _one_matter(item: OneMatter, setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    if item.exemptions is None:
        findings.append(error("exemptions_missing", ("exemptions",)))
    if not item.township_review:
        findings.append(practice("township_review_missing", setting, ("township_review",)))
    return findings


def _contract(item: Contract, setting: Setting) -> list[Finding]:
    """What disclosure-rules.md lists for a contract beyond its required fields."""
    findings: list[Finding] = []
    if item.method is ContractMethod.NEGOTIATION:
        # 农村土地承包法 第四十八条: 招标、拍卖、公开协商; a plain 协商 is not open.
        findings.append(warning("contract_method_not_open", ("method",),
                                method=item.method.value))
    if item.boundaries is None:
        findings.append(practice("contract_boundaries_missing", setting, ("boundaries",)))
    if not (item.supervision_opinion or "").strip():
        findings.append(practice("contract_supervision_missing", setting,
                                 ("supervision_opinion",)))
    return findings

"""Votes that add up: attendance, tallies, quorum and majorities, body by body."""

from __future__ import annotations

from noticeboard.errors import FieldPath, Finding, error, warning
from noticeboard.kinds.common import Envelope, Vote
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.major_matter import MajorMatter
from noticeboard.kinds.meeting import (
    MEETING_BODIES,
    Meeting,
    MeetingStage,
    canonical_body,
    majority_of_expected,
    motion_passed,
)
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.settings import Defaults, Setting

QUORUM_WORDS = {"1/2": "过半数", "2/3": "三分之二以上"}
# 支部工作条例 第十一条: 表决必须有半数以上有表决权的党员到会方可进行. 以上 includes the
# number itself (as in 三分之二以上), so exactly half of the members is a quorum; the
# villagers' meeting's 过半数 (组织法 第二十二条) is strictly more than half.
HALF_OR_MORE = ("党员大会",)


def check_votes(item: Envelope, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    if isinstance(item, Meeting):
        findings = _body_known(item.body, ("body",))
        if item.stage is MeetingStage.RESULT and item.vote:
            findings += check_vote(item.vote, ("vote",), item.body, defaults, must_pass=False)
        return findings
    if isinstance(item, MajorMatter | Expense | Contract) and item.decision:
        body = item.decision.body
        villagers = isinstance(item, MajorMatter | Contract) or (
            isinstance(item, Expense) and item.matter is not None)
        findings = (_villagers_decide(body, ("decision", "body"), item.KIND)
                    if villagers else _body_known(body, ("decision", "body")))
        if isinstance(item, Contract) and item.decision.vote is None:
            # The rules ask for the deciding meeting *and its vote* (disclosure-rules.md, contracts).
            findings.append(error("decision_vote_missing", ("decision", "vote"), body=body))
        if item.decision.vote:
            findings += check_vote(item.decision.vote, ("decision", "vote"), body, defaults,
                                   must_pass=True)
        return findings
    if isinstance(item, OneMatter):
        return _villagers_decide(item.vote_body, ("vote_body",), item.KIND) + check_vote(
            item.vote, ("vote",), item.vote_body, defaults, must_pass=True)
    return []


def _body_known(body: str, path: FieldPath) -> list[Finding]:
    if canonical_body(body) is not None:
        return []
    return [warning("meeting_body_unknown", path, body=body, known="、".join(MEETING_BODIES))]


# 村民委员会组织法 第二十四条: 筹资筹劳方案, 承包方案, 处分集体财产 and the other matters it
# lists are decided by the 村民会议, which may authorize the 村民代表会议 (第二十五条); a
# 两委会 or a party meeting proposes and deliberates (四议两公开) but does not decide.
VILLAGERS_BODIES = ("村民会议", "户代表会议", "村民代表会议")
_MATTERS = {"contract": "承包、租赁方案", "major_matter": "村务重大事项",
            "one_matter": "一事一议筹资筹劳方案", "expense": "第二十四条所列事项的开支"}


def _villagers_decide(body: str, path: FieldPath, kind: str) -> list[Finding]:
    if canonical_body(body) in VILLAGERS_BODIES:
        return []
    return [error("decision_not_by_villagers", path, body=body, kind=_MATTERS[kind])]


def check_vote(vote: Vote, path: FieldPath, body: str, defaults: Defaults,
               must_pass: bool) -> list[Finding]:
    findings: list[Finding] = []
    quorum = defaults.quorum_for(body)
    if vote.present > vote.expected:
        findings.append(error("vote_present_over", (*path, "present"), present=vote.present,
                              expected=vote.expected))
    cast = vote.votes_for + vote.votes_against + vote.abstain
    if cast > vote.present:
        findings.append(error("vote_sum_over", (*path, "votes_for"), cast=cast,
                              present=vote.present))
    half_or_more = quorum == "1/2" and canonical_body(body) in HALF_OR_MORE
    if not _quorum_met(vote, quorum, half_or_more):
        words = "半数以上" if half_or_more else QUORUM_WORDS.get(quorum, quorum)
        findings.append(error("quorum_not_met", (*path, "present"), present=vote.present,
                              expected=vote.expected, rule=words))
    if not motion_passed(vote, body):
        make = error if must_pass else warning
        if majority_of_expected(body):
            findings.append(make("vote_not_passed_members", (*path, "votes_for"),
                                 votes_for=vote.votes_for, expected=vote.expected))
        else:
            findings.append(make("vote_not_passed", (*path, "votes_for"),
                                 votes_for=vote.votes_for, present=vote.present))
    return findings


def _quorum_met(vote: Vote, quorum: str, half_or_more: bool = False) -> bool:
    numerator, _, denominator = quorum.partition("/")
    num, den = int(numerator), int(denominator or 1)
    if (num, den) == (1, 2) and not half_or_more:  # 过半数: strictly more than half
        return vote.present * 2 > vote.expected
    return vote.present * den >= vote.expected * num  # 三分之二以上 includes two thirds

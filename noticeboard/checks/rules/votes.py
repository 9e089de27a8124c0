"""Votes that add up: attendance, tallies, quorum and majorities, body by body.

A vote is recorded as the notice gives it (docs/severity.md): 一致同意, 全票通过, 举手表决 or
民主评议 with or without head counts. Counts that are given are checked (law: quorum,
majority, arithmetic); counts that are not are a practice warning a township may raise.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from noticeboard.checks.severity import practice
from noticeboard.errors import FieldPath, Finding, Localized, error, warning
from noticeboard.kinds.common import Envelope, Vote, VoteMethod, VoteOutcome
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.major_matter import MajorMatter
from noticeboard.kinds.meeting import (
    MEETING_BODIES,
    Meeting,
    MeetingStage,
    canonical_body,
    is_hearing,
    majority_of_expected,
    motion_passed,
)
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.settings import Setting

QUORUM_WORDS = {"1/2": "过半数", "2/3": "三分之二以上"}
# 支部工作条例 第十一条: 表决必须有半数以上有表决权的党员到会方可进行. 以上 includes the
# number itself (as in 三分之二以上), so exactly half of the members is a quorum; the
# villagers' meeting's 过半数 (组织法 第二十二条) is strictly more than half.
HALF_OR_MORE = ("党员大会",)


def check_votes(item: Envelope, setting: Setting) -> list[Finding]:
    if isinstance(item, Meeting):
        findings = _body_known(item.body, ("body",))
        if item.stage is MeetingStage.RESULT and item.vote:
            findings += check_vote(item.vote, ("vote",), item.body, setting, must_pass=False)
        return findings
    if isinstance(item, MajorMatter | Expense | Contract) and item.decision:
        body = item.decision.body
        villagers = isinstance(item, MajorMatter | Contract) or (
            isinstance(item, Expense) and item.matter is not None)
        findings = (_villagers_decide(body, ("decision", "body"), item.KIND)
                    if villagers else _body_known(body, ("decision", "body")))
        if isinstance(item, Expense) and not villagers:
            findings += _looks_like_public_works(item, body)
        if isinstance(item, Contract) and item.decision.vote is None:
            # The rules ask for the deciding meeting *and its vote* (disclosure-rules.md,
            # contracts); a notice that only says it was decided is practice left undone.
            findings.append(practice("decision_vote_missing", setting, ("decision", "vote"),
                                     body=body))
        if item.decision.vote:
            findings += check_vote(item.decision.vote, ("decision", "vote"), body, setting,
                                   must_pass=True)
        return findings
    if isinstance(item, OneMatter):
        return _villagers_decide(item.vote_body, ("vote_body",), item.KIND) + check_vote(
            item.vote, ("vote",), item.vote_body, setting, must_pass=True)
    return []


# Words of building something new for the village (第二十四条(三) 本村公益事业的兴办); repair
# and upkeep (维修, 保洁) are not 兴办. A doubt: the clerk says which it is with `matter`.
PUBLIC_WORKS_WORDS = ("新建", "修建", "兴建", "兴办", "硬化", "建设", "工程", "改造", "铺设")


def _looks_like_public_works(item: Expense, body: str) -> list[Finding]:
    words = [w for w in PUBLIC_WORKS_WORDS if w in item.purpose]
    if not words or canonical_body(body) in VILLAGERS_BODIES:
        return []
    return [warning("expense_maybe_public_works", ("decision", "body"), purpose=item.purpose,
                    word=words[0], body=body)]


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


def check_vote(vote: Vote, path: FieldPath, body: str, setting: Setting,
               must_pass: bool) -> list[Finding]:
    """The counts that are given, checked against each other and the law; the words
    (一致同意) against the counts; what is missing, as practice."""
    if not vote.counted() and vote.method is None and vote.outcome is None:
        return [error("vote_empty", path)]
    findings = _missing_counts(vote, path, body, setting)
    findings += _attendance(vote, path, body, setting)
    findings += _words_agree(vote, path, body)
    findings += _rates(vote, path)
    passed = motion_passed(vote, body)
    if passed is False and not is_hearing(body):
        make = error if must_pass else warning
        tally, basis = vote.tally_for(), vote.expected if majority_of_expected(body) else vote.present
        if tally is None or basis is None:
            findings.append(make("vote_stated_failed", (*path, "outcome")))
        elif majority_of_expected(body):
            findings.append(make("vote_not_passed_members", (*path, "votes_for"),
                                 votes_for=tally, expected=basis))
        else:
            findings.append(make("vote_not_passed", (*path, "votes_for"),
                                 votes_for=tally, present=basis))
    return findings


_COUNT_LABELS = (("expected", "应到人数"), ("present", "实到人数"), ("votes_for", "赞成票数"))


def _missing_counts(vote: Vote, path: FieldPath, body: str, setting: Setting) -> list[Finding]:
    if vote.method is VoteMethod.DELIBERATION and vote.outcome is None and vote.tally_for() is None:
        # 组织法 第二十二、二十六条: a decision passes by more than half of those present; a
        # 民主评议 records a discussion, not who agreed.
        return [practice("vote_not_taken", setting, path, body=body)]
    missing = [label for name, label in _COUNT_LABELS
               if (vote.tally_for() if name == "votes_for" else getattr(vote, name)) is None]
    if not missing or is_hearing(body):
        return []
    stated = vote.words() or "人数"
    return [practice("vote_counts_missing", setting, path, stated=stated,
                     missing="、".join(missing))]


def _attendance(vote: Vote, path: FieldPath, body: str, setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    if vote.attendees is not None and vote.present is not None and vote.present > vote.attendees:
        findings.append(error("vote_attendees_under", (*path, "attendees"),
                              attendees=vote.attendees, present=vote.present))
    if vote.expected is None or vote.present is None:
        return findings
    if vote.present > vote.expected:
        findings.append(error("vote_present_over", (*path, "present"), present=vote.present,
                              expected=vote.expected))
    cast = sum(n or 0 for n in (vote.votes_for, vote.votes_against, vote.abstain))
    if cast > vote.present:
        findings.append(error("vote_sum_over", (*path, "votes_for"), cast=cast,
                              present=vote.present))
    if is_hearing(body):
        return findings
    quorum = setting.defaults.quorum_for(body)
    half_or_more = quorum == "1/2" and canonical_body(body) in HALF_OR_MORE
    if not _quorum_met(vote.present, vote.expected, quorum, half_or_more):
        words = "半数以上" if half_or_more else QUORUM_WORDS.get(quorum, quorum)
        findings.append(error("quorum_not_met", (*path, "present"), present=vote.present,
                              expected=vote.expected, rule=words))
    return findings


def _words_agree(vote: Vote, path: FieldPath, body: str) -> list[Finding]:
    """一致同意 / 全票通过 with counts: every vote for, none against or abstaining;
    通过 / 未通过 against what the counts give."""
    findings: list[Finding] = []
    if vote.unanimous:
        assert vote.outcome is not None
        others = (vote.votes_against or 0) + (vote.abstain or 0)
        short = vote.votes_for is not None and vote.present is not None and \
            vote.votes_for != vote.present
        if others or short:
            findings.append(error("vote_unanimous_mismatch", (*path, "votes_for"),
                                  words=vote.outcome.value, votes_for=_count(vote.votes_for),
                                  present=_count(vote.present), against=vote.votes_against or 0,
                                  abstain=vote.abstain or 0))
    if vote.outcome in (VoteOutcome.PASSED, VoteOutcome.FAILED) and vote.votes_for is not None:
        basis = vote.expected if majority_of_expected(body) else vote.present
        if basis is not None and (vote.votes_for * 2 > basis) != (vote.outcome is VoteOutcome.PASSED):
            findings.append(error("vote_outcome_contradicts", (*path, "outcome"),
                                  words=vote.outcome.value, votes_for=vote.votes_for, basis=basis))
    return findings


def _count(number: int | None) -> Localized | int:
    return Localized("未写", "not given") if number is None else number


def _rates(vote: Vote, path: FieldPath) -> list[Finding]:
    """A percentage as published agrees with the counts, rounded or cut to its decimals."""
    findings: list[Finding] = []
    for name, label, part, whole in (("present_rate", "到会率", vote.present, vote.expected),
                                     ("for_rate", "赞成率", vote.tally_for(), vote.present)):
        stated = getattr(vote, name)
        if stated is None or part is None or not whole:
            continue
        exact = Decimal(part) * 100 / Decimal(whole)
        step = Decimal(1).scaleb(min(stated.as_tuple().exponent, 0))
        if stated not in (exact.quantize(step, ROUND_HALF_UP), exact.quantize(step, ROUND_DOWN)):
            findings.append(error("vote_rate_mismatch", (*path, name), label=label,
                                  stated=f"{stated}%", part=part, whole=whole,
                                  computed=f"{exact.quantize(step, ROUND_HALF_UP)}%"))
    return findings


def _quorum_met(present: int, expected: int, quorum: str, half_or_more: bool = False) -> bool:
    numerator, _, denominator = quorum.partition("/")
    num, den = int(numerator), int(denominator or 1)
    if (num, den) == (1, 2) and not half_or_more:  # 过半数: strictly more than half
        return present * 2 > expected
    return present * den >= expected * num  # 三分之二以上 includes two thirds

"""Votes that add up: attendance, tallies, quorum, majorities, and election counts."""

from __future__ import annotations

import itertools
from collections import defaultdict

from noticeboard.config import Setting
from noticeboard.errors import FieldPath, Finding, error, warning
from noticeboard.models.common import Envelope, Vote
from noticeboard.models.contract import Contract
from noticeboard.models.election import Candidate, Election, ElectionStage
from noticeboard.models.expense import Expense
from noticeboard.models.major_matter import MajorMatter
from noticeboard.models.meeting import Meeting, MeetingStage
from noticeboard.models.one_matter import OneMatter

QUORUM_WORDS = {"1/2": "过半数", "2/3": "三分之二以上"}


def check_votes(item: Envelope, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    if isinstance(item, Meeting) and item.stage is MeetingStage.RESULT and item.vote:
        return check_vote(item.vote, ("vote",), defaults.quorum_for(item.body), must_pass=False)
    if isinstance(item, MajorMatter | Expense | Contract) and item.decision and item.decision.vote:
        body = item.decision.body
        return check_vote(item.decision.vote, ("decision", "vote"), defaults.quorum_for(body),
                          must_pass=True)
    if isinstance(item, OneMatter):
        return check_vote(item.vote, ("vote",), defaults.quorum_for(item.vote_body),
                          must_pass=True)
    if isinstance(item, Election) and item.stage is ElectionStage.RESULT:
        return _election_counts(item)
    return []


def check_vote(vote: Vote, path: FieldPath, quorum: str, must_pass: bool) -> list[Finding]:
    findings: list[Finding] = []
    if vote.present > vote.expected:
        findings.append(error("vote_present_over", (*path, "present"), present=vote.present,
                              expected=vote.expected))
    cast = vote.votes_for + vote.votes_against + vote.abstain
    if cast > vote.present:
        findings.append(error("vote_sum_over", (*path, "votes_for"), cast=cast,
                              present=vote.present))
    if not _quorum_met(vote, quorum):
        findings.append(error("quorum_not_met", (*path, "present"), present=vote.present,
                              expected=vote.expected, rule=QUORUM_WORDS.get(quorum, quorum)))
    if vote.votes_for * 2 <= vote.present:
        make = error if must_pass else warning
        findings.append(make("vote_not_passed", (*path, "votes_for"), votes_for=vote.votes_for,
                             present=vote.present))
    return findings


def _quorum_met(vote: Vote, quorum: str) -> bool:
    numerator, _, denominator = quorum.partition("/")
    num, den = int(numerator), int(denominator or 1)
    if (num, den) == (1, 2):  # 过半数: strictly more than half
        return vote.present * 2 > vote.expected
    return vote.present * den >= vote.expected * num  # 三分之二以上 includes two thirds


def _election_counts(item: Election) -> list[Finding]:
    findings: list[Finding] = []
    chain = [("registered", "登记选民数", item.registered), ("present", "参加投票选民数", item.present),
             ("ballots_cast", "收回选票", item.ballots_cast), ("ballots_valid", "有效票", item.ballots_valid)]
    for (_, big_label, big), (name, small_label, small) in itertools.pairwise(chain):
        if big is not None and small is not None and small > big:
            findings.append(error("election_count_order", (name,), small=small_label,
                                  small_value=small, big=big_label, big_value=big))
    if item.ballots_valid is None:
        findings.append(error("election_result_counts", ("ballots_valid",)))
    by_post: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    for index, candidate in enumerate(item.candidates):
        if candidate.votes is None:
            findings.append(error("election_votes_missing", ("candidates", index, "votes"),
                                  name=candidate.name))
            continue
        by_post[candidate.post].append((index, candidate))
    for post, entries in by_post.items():
        findings += _elected_have_most_votes(post, entries)
    if item.ballots_cast is not None:
        for index, candidate in enumerate(item.candidates):
            if candidate.elected and (candidate.votes or 0) * 2 <= item.ballots_cast:
                findings.append(error("election_not_majority", ("candidates", index, "votes"),
                                      name=candidate.name, votes=candidate.votes,
                                      cast=item.ballots_cast))
    return findings


def _elected_have_most_votes(post: str, entries: list[tuple[int, Candidate]]) -> list[Finding]:
    """No one elected to a post may have fewer votes than someone not elected to it."""
    others = [c for _, c in entries if not c.elected]
    if not others:
        return []
    runner_up = max(others, key=lambda c: c.votes or 0)
    return [
        error("election_not_top", ("candidates", index, "elected"), name=c.name, votes=c.votes,
              other=runner_up.name, other_votes=runner_up.votes, post=post)
        for index, c in entries
        if c.elected and (c.votes or 0) < (runner_up.votes or 0)
    ]

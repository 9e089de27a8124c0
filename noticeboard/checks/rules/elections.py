"""Election counts by 村民委员会组织法 第十五条: validity, majorities, 差额, seats and tallies."""

from __future__ import annotations

import itertools
from collections import defaultdict

from noticeboard.errors import Finding, error
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.election import (
    COMPETITIVE_POSTS,
    Candidate,
    Election,
    ElectionStage,
    post_name,
)
from noticeboard.kinds.settings import Setting

_COUNTS = (("registered", "登记选民数"), ("present", "参加投票选民数"),
           ("ballots_cast", "收回选票"), ("ballots_valid", "有效票"))


def check_election(item: Envelope, setting: Setting) -> list[Finding]:
    if not isinstance(item, Election) or item.stage is ElectionStage.VOTERS:
        return []
    findings = _competitive(item)
    if item.stage is ElectionStage.CANDIDATES:
        findings += _no_result_yet(item)
    if item.stage is ElectionStage.RESULT:
        findings += _counts(item) + _void(item) + _tallies(item)
    return findings


def _posts(item: Election) -> dict[str, list[tuple[int, Candidate]]]:
    posts: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    for index, candidate in enumerate(item.candidates):
        posts[post_name(candidate.post)].append((index, candidate))
    return posts


def _competitive(item: Election) -> list[Finding]:
    """主任, 副主任 and 委员 each need more candidates than seats, and known seats."""
    findings: list[Finding] = []
    for post, entries in _posts(item).items():
        seats = item.seats_for(post)
        first = entries[0][0]
        if seats is None:
            findings.append(error("election_seats_missing", ("seats",), post=post))
        elif post in COMPETITIVE_POSTS and len(entries) <= seats:
            findings.append(error("election_not_competitive", ("candidates", first, "post"),
                                  post=post, candidates=len(entries), seats=seats))
    return findings


def _no_result_yet(item: Election) -> list[Finding]:
    """The candidates are posted before election day: votes or a winner report the future."""
    findings = [error("candidates_have_result", ("candidates", index, name), name=c.name,
                      label=label)
                for index, c in enumerate(item.candidates)
                for name, label, given in (("votes", "得票数", c.votes is not None),
                                           ("elected", "是否当选", c.elected))
                if given]
    findings += [error("candidates_have_result", (name,), name="本次选举", label=label)
                 for name, label in _COUNTS if getattr(item, name) is not None
                 and name != "registered"]
    return findings


def _counts(item: Election) -> list[Finding]:
    missing = [name for name, _ in _COUNTS if getattr(item, name) is None]
    findings = [error("election_result_counts", (missing[0],))] if missing else []
    chain = [(name, label, getattr(item, name)) for name, label in _COUNTS]
    for (_, big_label, big), (name, small_label, small) in itertools.pairwise(chain):
        if big is not None and small is not None and small > big:
            findings.append(error("election_count_order", (name,), small=small_label,
                                  small_value=small, big=big_label, big_value=big))
    return findings


def _void(item: Election) -> list[Finding]:
    if not item.is_void():
        return []
    return [error("election_void", ("present",), present=item.present,
                  registered=item.registered)]


def _tallies(item: Election) -> list[Finding]:
    findings: list[Finding] = []
    counted: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    for index, candidate in enumerate(item.candidates):
        if candidate.votes is None:
            findings.append(error("election_votes_missing", ("candidates", index, "votes"),
                                  name=candidate.name))
        else:
            counted[post_name(candidate.post)].append((index, candidate))
    for post, entries in counted.items():
        findings += _post_tally(item, post, entries)
    return findings


def _post_tally(item: Election, post: str, entries: list[tuple[int, Candidate]]) -> list[Finding]:
    findings: list[Finding] = []
    valid, present, seats = item.ballots_valid, item.present, item.seats_for(post)
    for index, c in entries:
        votes = c.votes or 0
        if valid is not None and votes > valid:
            findings.append(error("election_votes_over_valid", ("candidates", index, "votes"),
                                  name=c.name, votes=votes, valid=valid))
        if c.elected and present is not None and votes * 2 <= present:
            findings.append(error("election_not_majority", ("candidates", index, "votes"),
                                  name=c.name, votes=votes, present=present))
    total = sum(c.votes or 0 for _, c in entries)
    if valid is not None and seats is not None and total > valid * seats:
        findings.append(error("election_post_votes_over", ("candidates", entries[0][0], "votes"),
                              post=post, total=total, valid=valid, seats=seats,
                              limit=valid * seats))
    elected = [index for index, c in entries if c.elected]
    if seats is not None and len(elected) > seats:
        findings.append(error("election_too_many_elected", ("candidates", elected[seats], "elected"),
                              post=post, elected=len(elected), seats=seats))
    return findings + _elected_have_most_votes(post, entries)


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

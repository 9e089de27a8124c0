"""Checks across documents: a village's items, for their periods, agree with each other.

One module per concern: balances carry between ledgers (balances), decisions are read
and come before what they allow (decisions), money one poster states is in the ledger
(money), 一事一议 funds are accounted for (one_matter); `summary` tells per village and
period what was decided, spent, received and posted. The sources of every rule are in
docs/across-documents.md."""

from __future__ import annotations

from noticeboard.checks.across.balances import check_balances
from noticeboard.checks.across.decisions import check_decisions
from noticeboard.checks.across.money import check_money
from noticeboard.checks.across.one_matter import check_one_matter
from noticeboard.checks.across.village import Problem, villages
from noticeboard.checks.item import CheckedItem


def check_across(checked: list[CheckedItem]) -> list[Problem]:
    """Add cross-file findings to the items they concern (items seen together only);
    return them too, as (item, finding) pairs."""
    problems: list[Problem] = []
    for village in villages(checked):
        if not village.entries:
            continue
        threshold = village.entries[0].setting.defaults.expense_meeting_threshold
        problems += [*check_balances(village), *check_decisions(village, threshold),
                     *check_money(village), *check_one_matter(village)]
    located = [(entry, finding.located(entry.path, entry.lines)) for entry, finding in problems]
    for entry, finding in located:
        entry.findings.append(finding)
    return located


__all__ = ["check_across"]

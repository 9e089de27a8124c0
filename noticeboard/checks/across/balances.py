"""Balances carry from each ledger to the next one in time, whatever the mix of months,
quarters and years: a period that starts the day after another ends opens with its
closing balance; two ledgers that start together open alike, two that end together close
alike (a quarter and its first and last months, a year and its first and last quarters).

村集体经济组织会计制度 and disclosure-rules.md (Across documents): a period's closing
balance is the next period's opening balance; a gap between them hides money."""

from __future__ import annotations

import itertools
from datetime import timedelta

from noticeboard.checks.across.village import Problem, Village, where
from noticeboard.checks.item import CheckedItem
from noticeboard.errors import error
from noticeboard.formatting import money
from noticeboard.kinds.finance import Finance

Ledger = tuple[CheckedItem, Finance]


def check_balances(village: Village) -> list[Problem]:
    problems: list[Problem] = []
    for (before, prev), (after, nxt) in itertools.permutations(village.ledgers(), 2):
        if prev.period.end + timedelta(days=1) == nxt.period.start:
            problems += _differs(after, nxt, "opening_balance", before, prev, "closing_balance",
                                 "balance_not_carried")
    for (first, a), (second, b) in itertools.combinations(village.ledgers(), 2):
        if a.period.start == b.period.start:
            problems += _differs(second, b, "opening_balance", first, a, "opening_balance",
                                 "opening_differs_same_start")
        if a.period.end == b.period.end:
            problems += _differs(second, b, "closing_balance", first, a, "closing_balance",
                                 "closing_differs_same_end")
    return problems


def _differs(entry: CheckedItem, item: Finance, name: str, other: CheckedItem,
             other_item: Finance, other_name: str, code: str) -> list[Problem]:
    mine, theirs = getattr(item, name), getattr(other_item, other_name)
    if mine is None or theirs is None or mine == theirs:  # a spending-only ledger has none
        return []
    return [(entry, error(code, (name,), mine=money(mine), theirs=money(theirs),
                          other=where(other, (other_name,)), diff=money(abs(mine - theirs)),
                          period=item.period.label, other_period=other_item.period.label))]

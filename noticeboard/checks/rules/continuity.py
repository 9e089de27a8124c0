"""Checks across files: one period's closing balance opens the next; referenced files exist."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding, error
from noticeboard.formatting import money
from noticeboard.kinds.finance import Finance


def check_across(checked: list[CheckedItem]) -> None:
    """Add cross-file findings to the items they concern (items seen together only)."""
    for item, finding in [*_balances_carry_over(checked), *_decision_files_exist(checked)]:
        item.findings.append(finding.located(item.path, item.lines))


def _balances_carry_over(checked: list[CheckedItem]) -> list[tuple[CheckedItem, Finding]]:
    ledgers: dict[Path, list[CheckedItem]] = defaultdict(list)
    for entry in checked:
        if isinstance(entry.item, Finance):
            ledgers[entry.path.parent.resolve()].append(entry)
    problems = []
    for entries in ledgers.values():
        entries.sort(key=lambda e: e.item.period.start)  # type: ignore[union-attr]
        for before, after in itertools.pairwise(entries):
            prev, nxt = before.item, after.item
            assert isinstance(prev, Finance) and isinstance(nxt, Finance)
            adjacent = prev.period.end + timedelta(days=1) == nxt.period.start
            closing, opening = prev.closing_balance, nxt.opening_balance
            if adjacent and closing is not None and opening is not None and closing != opening:
                problems.append((after, error(
                    "balance_not_carried", ("opening_balance",), opening=money(opening),
                    previous=before.path.name, closing=money(closing))))
    return problems


def _decision_files_exist(checked: list[CheckedItem]) -> list[tuple[CheckedItem, Finding]]:
    problems = []
    for entry in checked:
        decision = getattr(entry.item, "decision", None)
        if decision is not None and decision.file and \
                not (entry.path.parent / decision.file).is_file():
            problems.append((entry, error("decision_file_missing", ("decision", "file"),
                                          file=decision.file)))
    return problems

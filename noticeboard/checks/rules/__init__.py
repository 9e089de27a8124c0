"""Checks beyond types, one module per concern; `check_rules` runs them all."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rules.privacy is imported by config's key normalizer: keep this light
    from noticeboard.errors import Finding
    from noticeboard.kinds.common import Envelope
    from noticeboard.kinds.settings import Setting


# True while the rules run on a partial item (fields that failed validation are absent).
_PARTIAL: ContextVar[bool] = ContextVar("partial", default=False)


def unless_missing(part: Callable[[], list[Finding]]) -> list[Finding]:
    """One part of a rule; on a partial item, a part that reads an absent field is skipped
    while the rule's other parts still run (one `check` shows every problem)."""
    try:
        return part()
    except AttributeError:
        if not _PARTIAL.get():
            raise
        return []


def check_rules(item: Envelope, setting: Setting, partial: bool = False) -> list[Finding]:
    """Every rule's findings. `partial`: the item lacks the fields that failed validation;
    a rule that needs one of them (AttributeError) is skipped, the others still run."""
    from noticeboard.checks.rules.capitals import check_capitals
    from noticeboard.checks.rules.completeness import check_completeness
    from noticeboard.checks.rules.dates import check_dates
    from noticeboard.checks.rules.dues import check_dues
    from noticeboard.checks.rules.elections import check_election
    from noticeboard.checks.rules.envelope import check_envelope
    from noticeboard.checks.rules.ledger import check_ledger
    from noticeboard.checks.rules.schedule import check_schedule
    from noticeboard.checks.rules.size import check_size
    from noticeboard.checks.rules.votes import check_votes

    checks = (check_ledger, check_dues, check_votes, check_election, check_schedule,
              check_dates, check_completeness, check_envelope,
              check_size, check_capitals)
    token = _PARTIAL.set(partial)
    try:
        return [f for check in checks for f in unless_missing(functools.partial(check, item, setting))]
    finally:
        _PARTIAL.reset(token)

"""Checks beyond types, one module per concern; `check_rules` runs them all."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rules.privacy is imported by config's key normalizer: keep this light
    from noticeboard.config import Setting
    from noticeboard.errors import Finding
    from noticeboard.models.common import Envelope


def check_rules(item: Envelope, setting: Setting) -> list[Finding]:
    from noticeboard.rules.completeness import check_completeness
    from noticeboard.rules.dates import check_dates
    from noticeboard.rules.dues import check_dues
    from noticeboard.rules.elections import check_election
    from noticeboard.rules.envelope import check_envelope
    from noticeboard.rules.ledger import check_ledger
    from noticeboard.rules.schedule import check_schedule
    from noticeboard.rules.votes import check_votes

    checks = (check_ledger, check_dues, check_votes, check_election, check_schedule,
              check_dates, check_completeness, check_envelope)
    return [finding for check in checks for finding in check(item, setting)]

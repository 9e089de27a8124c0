"""Party dues by the 2008 rules: the monthly amount from base and member type, and arrears."""

from __future__ import annotations

from noticeboard.errors import Finding, error, warning
from noticeboard.formatting import money
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.party_dues import (
    FARMER_RANGE,
    MemberType,
    PartyDues,
    bracket_rate,
    expected_monthly,
)
from noticeboard.kinds.settings import Setting


def check_dues(item: Envelope, setting: Setting) -> list[Finding]:
    if not isinstance(item, PartyDues):
        return []
    findings: list[Finding] = []
    for index, member in enumerate(item.members):
        path = ("members", index)
        if member.member_type in (MemberType.EMPLOYED, MemberType.RETIRED) and member.base is None:
            findings.append(error("dues_base_missing", (*path, "base"), name=member.name,
                                  member_type=member.member_type.value))
        expected = expected_monthly(member)
        if expected is not None and member.monthly != expected:
            rate = bracket_rate(member)
            basis = (f"基数 {money(member.base)} × {(rate * 100).normalize()}%"
                     if rate is not None and member.base is not None else member.member_type.value)
            findings.append(error("dues_amount_wrong", (*path, "monthly"), name=member.name,
                                  stated=money(member.monthly), expected=money(expected),
                                  basis=basis))
        low, high = FARMER_RANGE
        if member.member_type is MemberType.FARMER and not low <= member.monthly <= high:
            findings.append(error("dues_farmer_range", (*path, "monthly"), name=member.name,
                                  stated=money(member.monthly)))
        if member.monthly * member.months != member.paid:
            findings.append(error("dues_paid_wrong", (*path, "paid"), name=member.name,
                                  stated=money(member.paid),
                                  expected=money(member.monthly * member.months)))
        limit = setting.defaults.dues_arrears_months
        # 党章 第九条: six consecutive months unpaid is already the line, so six is flagged.
        if member.arrears_months >= limit and not member.arrears_reason:
            findings.append(warning("dues_arrears", (*path, "arrears_months"), name=member.name,
                                    months=member.arrears_months, limit=limit))
    return findings

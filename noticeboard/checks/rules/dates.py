"""Dates that cannot report the future: what a poster states as done is dated by its posting.

A ledger row, a payment, a stage reached, an issue raised, a decision taken, a
review: each on or before the day the poster goes up (disclosure-rules.md, dates).
Spending comes after the decision that allowed it; ledger rows come in date order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from noticeboard.checks.severity import practice
from noticeboard.errors import FieldPath, Finding, error
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.hot_issue import HotIssues
from noticeboard.kinds.major_matter import MajorMatter
from noticeboard.kinds.member_development import MemberDevelopment
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.settings import Setting

# A dated fact: where it is, what to call it, and its date.
Dated = tuple[FieldPath, str, date]


def check_dates(item: Envelope, setting: Setting) -> list[Finding]:
    findings = [error("dated_after_posting", path, what=what, date=day.isoformat(),
                      posted=item.posted.isoformat())
                for path, what, day in _facts(item) if day > item.posted]
    if isinstance(item, Finance):
        findings += _in_order(item, setting)
    if isinstance(item, Expense) and item.decision and item.spent_on \
            and item.spent_on < item.decision.date:
        findings.append(error("spent_before_decision", ("spent_on",),
                              spent=item.spent_on.isoformat(),
                              decided=item.decision.date.isoformat()))
    return findings


def _facts(item: Envelope) -> Iterator[Dated]:
    if isinstance(item, Finance):
        for name, label, rows in (("income", "收入", item.income),
                                  ("expense", "支出", item.expense)):
            for index, row in enumerate(rows):
                if row.date is not None:
                    yield (name, index, "date"), f"{label}第 {index + 1} 行「{row.summary}」", row.date
    if isinstance(item, Contract):
        for index, payment in enumerate(item.payments):
            yield ("payments", index, "date"), f"收款第 {index + 1} 笔", payment.date
        yield ("signed_on",), "合同签订日期", item.signed_on
    if isinstance(item, Contract | Expense | MajorMatter) and item.decision is not None:
        yield ("decision", "date"), "决策会议日期", item.decision.date
    if isinstance(item, Expense) and item.spent_on is not None:
        yield ("spent_on",), "开支日期", item.spent_on
    if isinstance(item, HotIssues):
        for index, issue in enumerate(item.issues):
            if issue.raised_on is not None:
                yield ("issues", index, "raised_on"), f"问题「{issue.issue}」的反映日期", issue.raised_on
    if isinstance(item, OneMatter) and item.township_reviewed_on is not None:
        yield ("township_reviewed_on",), "乡镇审核日期", item.township_reviewed_on
    if isinstance(item, MemberDevelopment):
        for index, person in enumerate(item.people):
            for name, label, day in person.stage_dates():
                if day is not None:
                    yield ("people", index, name), f"{person.name}的{label}", day


def _in_order(item: Finance, setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    for name, label, rows in (("income", "收入", item.income), ("expense", "支出", item.expense)):
        for (_, before), (index, row) in itertools.pairwise(enumerate(rows)):
            if row.date is not None and before.date is not None and row.date < before.date:
                findings.append(practice("rows_out_of_order", setting, (name, index, "date"),
                                        what=f"{label}第 {index + 1} 行「{row.summary}」",
                                        date=row.date.isoformat(),
                                        previous=before.date.isoformat()))
    return findings

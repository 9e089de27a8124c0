"""Per village and period: what was decided, spent, received and posted, and what does
not agree (the findings of the checks across documents). For `check --summary` and
report.json; one day a township poster."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from noticeboard.checks.across.village import villages
from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding, shown
from noticeboard.formatting import money
from noticeboard.kinds.common import QUARTER_NAMES, Envelope, Period
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.meeting import Meeting, MeetingStage
from noticeboard.messages import MESSAGES
from noticeboard.messages.across import MESSAGES as ACROSS

ACROSS_CODES = frozenset(ACROSS) - {code for code in ACROSS if code.startswith("summary_")}


@dataclass
class PeriodSummary:
    """One village's quarter (or year, for what spans more than a quarter)."""

    village: str
    period: str
    start: date
    decided: list[str] = field(default_factory=list)
    spent: Decimal | None = None       # the ledgers' expense (None: no ledger of it here)
    received: Decimal | None = None
    contract_money: Decimal = Decimal("0.00")
    large_expenses: Decimal = Decimal("0.00")
    posted: list[str] = field(default_factory=list)
    disagreements: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        # shown: a folder or file name may hold a personal number (masked) or controls
        return {"village": shown(self.village), "period": self.period,
                "decided": [shown(text) for text in self.decided],
                "spent": _figure(self.spent), "received": _figure(self.received),
                "contract_money_received": _figure(self.contract_money),
                "large_expenses_posted": _figure(self.large_expenses),
                "posted": [shown(name) for name in self.posted],
                "disagreements": [{"file": shown(f.file.name) if f.file else None, "line": f.line,
                                   "code": f.code, "message": f.message("zh"),
                                   "message_en": f.message("en")} for f in self.disagreements]}

    def lines(self, lang: str = "zh") -> list[str]:
        none = _say("summary_none", lang)
        out = [_say("summary_heading", lang, village=self.village, period=self.period)]
        out.append(_say("summary_decided", lang, decided="；".join(self.decided) or none))
        ledger = (_say("summary_money", lang, spent=money(self.spent),
                       received=money(self.received or Decimal(0)))
                  if self.spent is not None else _say("summary_no_ledger", lang))
        out.append(ledger)
        if self.contract_money or self.large_expenses:
            out.append(_say("summary_other_money", lang, contract=money(self.contract_money),
                            expenses=money(self.large_expenses)))
        out.append(_say("summary_posted", lang, count=len(self.posted),
                        files="、".join(self.posted) or none))
        if not self.disagreements:
            out.append(_say("summary_agrees", lang))
        else:
            out.append(_say("summary_disagrees", lang, count=len(self.disagreements)))
            out += [f"    {f.format(lang)}" for f in self.disagreements]
        return out


def summarize(checked: list[CheckedItem]) -> list[PeriodSummary]:
    """Every village and period the items cover, in order."""
    table: dict[tuple[str, date, str], PeriodSummary] = {}

    def bucket(village: str, period: Period) -> PeriodSummary:
        label, start = _bucket(period)
        key = (village, start, label)
        if key not in table:
            table[key] = PeriodSummary(village, label, start)
        return table[key]

    for village in villages(checked):
        name = village.folder.name
        for entry in village.entries:
            item = entry.item
            assert item is not None
            summary = bucket(name, item.period)
            summary.posted.append(entry.path.name)
            summary.disagreements += [f for f in entry.findings if f.code in ACROSS_CODES]
            summary.decided += _decided(item, entry.path.name)
            if isinstance(item, Contract):
                for payment in item.payments:
                    pay = bucket(name, Period(start=payment.date, end=payment.date))
                    pay.contract_money += payment.amount
            if isinstance(item, Expense):
                summary.large_expenses += (item.total if item.total is not None
                                           else item.amount_sum())
        _ledger_money(village.ledgers(), functools.partial(bucket, name))
    return [table[key] for key in sorted(table)]


def _decided(item: Envelope, file_name: str) -> list[str]:
    if isinstance(item, Meeting) and item.stage is MeetingStage.RESULT:
        passed = {True: "通过", False: "未通过", None: ""}[item.passed()]
        return [f"{item.meeting_date.isoformat()} {item.body}{passed}（{file_name}）"]
    decision = getattr(item, "decision", None)
    if decision is not None and not decision.file:
        return [f"{decision.date.isoformat()} {decision.body}（{file_name}）"]
    return []


def _ledger_money(ledgers: list[tuple[CheckedItem, Finance]],
                  bucket: Callable[[Period], PeriodSummary]) -> None:
    """Each bucket's spending and income from the widest ledgers that do not overlap (a
    quarter's, else its months'), so nothing is counted twice."""
    taken: dict[int, list[Finance]] = defaultdict(list)
    for _, ledger in sorted(ledgers, key=lambda p: (p[1].period.start - p[1].period.end)):
        summary = bucket(ledger.period)
        mine = taken[id(summary)]
        if any(o.period.start <= ledger.period.end and ledger.period.start <= o.period.end
               for o in mine):
            continue
        mine.append(ledger)
        summary.spent = (summary.spent or Decimal("0.00")) + ledger.expense_sum()
        summary.received = (summary.received or Decimal("0.00")) + ledger.income_sum()


def _bucket(period: Period) -> tuple[str, date]:
    """The quarter holding the period, else its year, else the period itself."""
    start, end = period.start, period.end
    quarter = (start.month - 1) // 3
    if start.year == end.year and quarter == (end.month - 1) // 3:
        return f"{start.year}年第{QUARTER_NAMES[quarter]}季度", date(start.year, 3 * quarter + 1, 1)
    if start.year == end.year:
        return f"{start.year}年度", date(start.year, 1, 1)
    return period.label, start


def _figure(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def _say(code: str, lang: str, **params: Any) -> str:
    zh, en = MESSAGES[code]
    return (en if lang == "en" else zh).format(**params)


def summary_lines(checked: list[CheckedItem], lang: str = "zh") -> list[str]:
    return [line for s in summarize(checked) for line in s.lines(lang)]


__all__ = ["PeriodSummary", "summarize", "summary_lines"]

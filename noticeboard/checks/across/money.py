"""Money one poster says was received or paid is in the ledger of its period, and a
ledger row that names a contract is one of its payments.

A contract's payment is found among the income rows of every ledger whose period holds
its date: by voucher, else by date and amount; it is booked where the accounting system
puts a contract's money (村集体经济组织会计制度: 发包及上交收入 holds 承包金, 经营收入 the
出租收入). An expense poster's spending is found among the expense rows the same way.
Where no ledger of that period is in the folder, nothing can be compared (the summary
says so)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from noticeboard.checks.across.village import Problem, Village, where
from noticeboard.checks.item import CheckedItem
from noticeboard.errors import FieldPath, Finding, Localized, error
from noticeboard.formatting import money
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import Finance, IncomeRow

CONTRACT_CATEGORIES = ("发包及上交收入", "经营收入")
NO_DATE = Localized("日期未写", "no date")  # real ledgers leave a row's date out


@dataclass(frozen=True)
class Money:
    """One sum a poster states: what, where, when, how much, and its voucher if given."""

    entry: CheckedItem
    what: str
    path: FieldPath
    day: date
    amount: Decimal
    voucher: str | None
    side: str                          # "income" or "expense": where the ledger books it
    amount_path: FieldPath
    categories: tuple[str, ...] = ()   # empty: any category of that side


def check_money(village: Village) -> list[Problem]:
    problems: list[Problem] = []
    for sum_ in _stated(village):
        for ledger_entry, ledger in village.ledgers_on(sum_.day):
            problems += [(sum_.entry, f) for f in _in_ledger(sum_, ledger_entry, ledger)]
    problems += _rows_naming_contracts(village)
    problems += _rows_naming_expenses(village)
    return problems


def _stated(village: Village) -> list[Money]:
    sums = []
    for entry, contract in village.of(Contract):
        sums += [Money(entry, f"收款第 {i + 1} 笔", ("payments", i), p.date, p.amount, p.voucher,
                       "income", ("payments", i, "amount"), CONTRACT_CATEGORIES)
                 for i, p in enumerate(contract.payments)]
    for entry, expense in village.of(Expense):
        if expense.spent_on is not None:
            total = expense.total if expense.total is not None else expense.amount_sum()
            sums.append(Money(entry, f"开支「{expense.purpose}」", ("spent_on",), expense.spent_on,
                              total, expense.voucher, "expense",
                              ("total",) if expense.total is not None else ("items",)))
    return sums


def _in_ledger(sum_: Money, entry: CheckedItem, ledger: Finance) -> list[Finding]:
    rows: list[IncomeRow] = list(getattr(ledger, sum_.side))
    side_zh = "收入" if sum_.side == "income" else "支出"
    by_voucher = [(i, r) for i, r in enumerate(rows) if sum_.voucher and r.voucher == sum_.voucher]
    found = by_voucher or [(i, r) for i, r in enumerate(rows)
                           if r.date == sum_.day and r.amount == sum_.amount]
    if not found:
        return [error("money_not_in_ledger", sum_.path, what=sum_.what, date=sum_.day.isoformat(),
                      amount=money(sum_.amount), ledger=entry.path.name, side=side_zh,
                      voucher=sum_.voucher or "（未写）")]
    # One voucher may book a sum in several rows (materials, labour): they are compared whole.
    index, row = found[0]
    booked = sum((r.amount for _, r in by_voucher), Decimal("0.00")) if by_voucher else row.amount
    at = (sum_.side, index)
    findings = []
    if booked != sum_.amount:
        findings.append(error("money_amount_differs", sum_.amount_path, what=sum_.what,
                              mine=money(sum_.amount), theirs=money(booked),
                              other=where(entry, (*at, "amount")),
                              diff=money(abs(sum_.amount - booked))))
    if row.date is not None and row.date != sum_.day:  # a row without its date: practice
        findings.append(error("money_date_differs", sum_.path, what=sum_.what,
                              mine=sum_.day.isoformat(), theirs=row.date.isoformat(),
                              other=where(entry, (*at, "date")),
                              days=abs((sum_.day - row.date).days)))
    for i, wrong in by_voucher or found[:1]:
        if sum_.categories and wrong.category is not None and wrong.category not in sum_.categories:
            findings.append(error("money_category_wrong", sum_.path, what=sum_.what,
                                  category=wrong.category,
                                  other=where(entry, (sum_.side, i, "category")),
                                  allowed="或".join(sum_.categories)))
    return findings


def _rows_naming_contracts(village: Village) -> list[Problem]:
    """An income row naming a contract (its number or the contractor) is one of its payments."""
    contracts = list(village.of(Contract))
    problems: list[Problem] = []
    for entry, ledger in village.of(Finance):
        for index, row in enumerate(ledger.income):
            for contract_entry, contract in contracts:
                if not (contract.contract_no in row.summary or contract.contractor in row.summary):
                    continue
                if any(p.voucher == row.voucher if p.voucher else
                       (p.date == row.date and p.amount == row.amount)
                       for p in contract.payments):
                    continue
                problems.append((entry, error(
                    "ledger_row_not_in_contract", ("income", index, "summary"),
                    summary=row.summary, amount=money(row.amount),
                    date=row.date.isoformat() if row.date else NO_DATE,
                    contract=contract.contract_no, other=where(contract_entry, ("payments",)))))
    return problems


def _rows_naming_expenses(village: Village) -> list[Problem]:
    """An expense row naming an expense poster's purpose, in the ledger of the poster's
    period, is that poster's spending (its voucher, else its day and amount)."""
    posters = [(e, x) for e, x in village.of(Expense) if x.spent_on is not None]
    problems: list[Problem] = []
    for entry, ledger in village.of(Finance):
        for index, row in enumerate(ledger.expense):
            for poster_entry, expense in posters:
                assert expense.spent_on is not None
                if expense.purpose not in row.summary or not (
                        ledger.period.start <= expense.spent_on <= ledger.period.end):
                    continue
                total = expense.total if expense.total is not None else expense.amount_sum()
                if (row.voucher is not None and row.voucher == expense.voucher) or (
                        row.date == expense.spent_on and row.amount == total):
                    continue
                problems.append((entry, error(
                    "ledger_row_not_in_expense", ("expense", index, "summary"),
                    summary=row.summary, amount=money(row.amount),
                    date=row.date.isoformat() if row.date else NO_DATE,
                    other=where(poster_entry, ("spent_on",)))))
    return problems

"""Money that must add up: balances, stated totals, and rows rather than bare totals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from noticeboard.checks.rules import unless_missing
from noticeboard.checks.severity import practice
from noticeboard.errors import Finding, error, warning
from noticeboard.formatting import money
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import EXPENSE_CATEGORIES, INCOME_CATEGORIES, Finance
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.party_dues import PartyDues
from noticeboard.kinds.relief import Relief
from noticeboard.kinds.settings import Setting


def check_ledger(item: Envelope, setting: Setting) -> list[Finding]:
    if isinstance(item, Finance):
        return _finance(item, setting)
    if isinstance(item, Relief):
        return _relief(item)
    if isinstance(item, Expense):
        return _rows_and_total(item.items, "items", item.total, item.amount_sum())
    if isinstance(item, PartyDues):
        return _rows_and_total(item.members, "members", item.total, item.paid_sum())
    if isinstance(item, OneMatter):
        return _one_matter(item, setting)
    if isinstance(item, Contract):
        return _contract(item)
    return []


def _rows_and_total(rows: list, field: str, stated: Decimal | None,
                    computed: Decimal) -> list[Finding]:
    if not rows:
        return [error("money_no_rows", (field,))]
    return _stated_total("合计", "total", stated, computed)


def _one_matter(item: OneMatter, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    findings: list[Finding] = []
    if not item.budget:
        findings.append(error("money_no_rows", ("budget",)))
    if item.money_per_person > defaults.one_matter_money_cap:
        findings.append(error("one_matter_money_cap", ("money_per_person",),
                              value=money(item.money_per_person),
                              cap=money(defaults.one_matter_money_cap)))
    if item.labour_days > defaults.one_matter_labour_cap:
        findings.append(error("one_matter_labour_cap", ("labour_days",),
                              value=f"{item.labour_days:g}",
                              cap=f"{defaults.one_matter_labour_cap:g}"))
    return findings


def _contract(item: Contract) -> list[Finding]:
    findings: list[Finding] = []
    years = whole_years(item.term_start, item.term_end)
    if years is not None and item.annual * years != item.total:
        # disclosure-rules.md, contracts: price per year and in total; over a term of whole
        # years at one yearly price the two must agree to the cent.
        findings.append(error("contract_total_mismatch", ("total",), total=money(item.total),
                              annual=money(item.annual), years=years,
                              expected=money(item.annual * years)))
    if item.received > item.total:
        findings.append(error("contract_received_over", ("received",),
                              received=money(item.received), total=money(item.total)))
    if item.received > 0 and not item.payments:
        findings.append(error("money_no_rows", ("payments",)))
    elif item.payments and item.payments_sum() != item.received:
        findings.append(error("total_mismatch", ("received",), label="已收金额",
                              stated=money(item.received), computed=money(item.payments_sum()),
                              diff=money(abs(item.received - item.payments_sum()))))
    return findings


def whole_years(start: date, end: date) -> int | None:
    """The years of a term from `start` to `end` (both included) when it is whole years:
    2027-01-01 to 2031-12-31 is 5; None for a term of months or odd days."""
    years = end.year - start.year + (1 if (end.month, end.day) >= (start.month, start.day) else 0)
    for count in (years, years - 1):
        if count >= 1 and _add_years(start, count) - timedelta(days=1) == end:
            return count
    return None


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28) + timedelta(days=1)


def _finance(item: Finance, setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    if not item.income and not item.expense:
        findings.append(error("finance_no_rows", ("income",)))
    findings += unless_missing(lambda: _balance(item))
    income, expense = item.income_sum(), item.expense_sum()
    findings += _stated_total("收入合计", "income_total", item.income_total, income)
    findings += _stated_total("支出合计", "expense_total", item.expense_total, expense)
    findings += _categories("income", [r.category for r in item.income], INCOME_CATEGORIES,
                            setting)
    findings += _categories("expense", [r.category for r in item.expense], EXPENSE_CATEGORIES,
                            setting)
    findings += unless_missing(lambda: _rows_in_period(item))
    return findings


def _balance(item: Finance) -> list[Finding]:
    income, expense = item.income_sum(), item.expense_sum()
    expected = item.opening_balance + income - expense
    if expected == item.closing_balance:
        return []
    return [error("finance_unbalanced", ("closing_balance",),
                  opening=money(item.opening_balance), income=money(income),
                  expense=money(expense), expected=money(expected),
                  closing=money(item.closing_balance),
                  diff=money(item.closing_balance - expected))]


def _rows_in_period(item: Finance) -> list[Finding]:
    return [warning("row_outside_period", (name, index, "date"),
                    date=row.date.isoformat(), period=item.period.label)
            for name, rows in (("income", item.income), ("expense", item.expense))
            for index, row in enumerate(rows)
            if not item.period.start <= row.date <= item.period.end]


def _relief(item: Relief) -> list[Finding]:
    findings: list[Finding] = []
    if not item.recipients:
        findings.append(error("relief_no_rows", ("recipients",)))
    findings += _stated_total("合计", "total", item.total, item.amount_sum())
    if item.monthly_standard is not None:
        months = item.months_paid()
        for index, person in enumerate(item.recipients):
            cap = item.monthly_standard * person.household_size * months
            if person.amount > cap:
                findings.append(warning(
                    "relief_over_standard", ("recipients", index, "amount"), name=person.name,
                    amount=money(person.amount), size=person.household_size,
                    standard=money(item.monthly_standard), months=months, cap=money(cap)))
    return findings


def _stated_total(label: str, field: str, stated: Decimal | None,
                  computed: Decimal) -> list[Finding]:
    if stated is None or stated == computed:
        return []
    return [error("total_mismatch", (field,), label=label, stated=money(stated),
                  computed=money(computed), diff=money(abs(stated - computed)))]


def _categories(list_name: str, categories: list[str], known: tuple[str, ...],
                setting: Setting) -> list[Finding]:
    return [
        practice("category_unusual", setting, (list_name, index, "category"), value=value,
                known="、".join(known))
        for index, value in enumerate(categories)
        if value not in known
    ]

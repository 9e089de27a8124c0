"""Money that must add up: balances, stated totals, and rows rather than bare totals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from noticeboard.checks.rules import unless_missing
from noticeboard.checks.severity import practice
from noticeboard.errors import Finding, Localized, error, warning
from noticeboard.formatting import money
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import EXPENSE_CATEGORIES, INCOME_CATEGORIES, ROW_DETAILS, Finance
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
    # The caps are the province's (国办发〔2007〕4号): over a cap the township set, an error;
    # over the built-in default, which may not be this province's, a practice warning.
    for field, setting_name, value, cap, shown, what in (
            ("money_per_person", "one_matter_money_cap", item.money_per_person,
             defaults.one_matter_money_cap, money, "筹资标准"),
            ("labour_days", "one_matter_labour_cap", item.labour_days,
             defaults.one_matter_labour_cap, lambda d: f"{d:g}", "筹劳标准")):
        if value <= cap:
            continue
        if setting_name in defaults.model_fields_set:
            findings.append(error(setting_name, (field,), value=shown(value), cap=shown(cap)))
        else:
            findings.append(practice("one_matter_cap_default", setting, (field,), what=what,
                                     value=shown(value), cap=shown(cap), name=setting_name))
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
    findings += unless_missing(lambda: _balance(item, setting))
    income, expense = item.income_sum(), item.expense_sum()
    findings += _stated_total("收入合计", "income_total", item.income_total, income)
    findings += _stated_total("支出合计", "expense_total", item.expense_total, expense)
    findings += _categories("income", [r.category for r in item.income], INCOME_CATEGORIES,
                            setting)
    findings += _categories("expense", [r.category for r in item.expense], EXPENSE_CATEGORIES,
                            setting)
    findings += _row_details(item, setting)
    findings += unless_missing(lambda: _rows_in_period(item))
    if not (item.accountant or "").strip():
        findings.append(practice("accountant_missing", setting, ("accountant",)))
    return findings


def _row_details(item: Finance, setting: Setting) -> list[Finding]:
    """One practice warning per column a table leaves out, naming its rows."""
    findings: list[Finding] = []
    for name, label, rows in (("income", Localized("收入", "income"), item.income),
                              ("expense", Localized("支出", "expense"), item.expense)):
        for column, _, code in ROW_DETAILS:
            lacking = [index for index, row in enumerate(rows)
                       if hasattr(row, column) and getattr(row, column) is None]
            if lacking:
                findings.append(practice(code, setting, (name, lacking[0], column), table=label,
                                         count=len(lacking), which=_which(lacking, len(rows))))
    return findings


ROWS_NAMED = 10  # past this, the first ten and 等


def _which(indexes: list[int], rows: int) -> Localized:
    """`全部` when every row, else `第 1、4 行，共 9 笔` (the first ten, then 等)."""
    if len(indexes) == rows:
        return Localized("全部", "all of them")
    numbers = "、".join(str(i + 1) for i in indexes[:ROWS_NAMED])
    more = len(indexes) > ROWS_NAMED
    return Localized(f"第 {numbers}{'等' if more else ''} 行，共 {rows} 笔",
                     f"rows {numbers.replace('、', ', ')}{' …' if more else ''} of {rows}")


def _balance(item: Finance, setting: Setting) -> list[Finding]:
    missing = [label for value, label in ((item.opening_balance, "期初余额"),
                                          (item.closing_balance, "期末余额")) if value is None]
    if missing:
        field = "opening_balance" if item.opening_balance is None else "closing_balance"
        return [practice("ledger_balance_missing", setting, (field,), missing="和".join(missing))]
    assert item.opening_balance is not None and item.closing_balance is not None
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
            if row.date is not None and not item.period.start <= row.date <= item.period.end]


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
    if stated > computed:  # the essay: 只公开大体概况，不公开具体情况 — lines are missing
        return [error("total_exceeds_rows", (field,), label=label, stated=money(stated),
                      computed=money(computed), diff=money(stated - computed))]
    return [error("total_mismatch", (field,), label=label, stated=money(stated),
                  computed=money(computed), diff=money(abs(stated - computed)))]


def _categories(list_name: str, categories: list[str | None], known: tuple[str, ...],
                setting: Setting) -> list[Finding]:
    return [
        practice("category_unusual", setting, (list_name, index, "category"), value=value,
                known="、".join(known))
        for index, value in enumerate(categories)
        if value is not None and value not in known
    ]

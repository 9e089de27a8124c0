"""一事一议 funds accounted for: no more collected from villagers than the plan they
adopted, and no 低保 household of the village asked to pay.

- 村民一事一议筹资筹劳管理办法 (国办发〔2007〕4号) 第九条: 农村低保户不承担筹资任务; the
  village's own 低保 list (the latest posted before the plan) names them.
- 第十条 and disclosure-rules.md: the money collected is what the villagers adopted
  (筹资标准 × 筹资人数); collecting more is raising a levy nobody voted for.
"""

from __future__ import annotations

from decimal import Decimal

from noticeboard.checks.across.village import Problem, Village, where
from noticeboard.checks.item import CheckedItem
from noticeboard.errors import error
from noticeboard.formatting import money
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.relief import Relief

COLLECTED_WORDS = ("筹资", "村民出资", "集资")
NOT_VILLAGERS = ("奖补", "财政", "补助", "以资代劳")
DIBAO_WORDS = ("低保", "最低生活保障")


def check_one_matter(village: Village) -> list[Problem]:
    problems: list[Problem] = []
    for entry, plan in village.of(OneMatter):
        problems += _collected_within_plan(village, entry, plan)
        problems += _dibao_exempt(village, entry, plan)
    return problems


def collected_from_villagers(summary: str) -> bool:
    return any(w in summary for w in COLLECTED_WORDS) and not any(
        w in summary for w in NOT_VILLAGERS)


def _collected_within_plan(village: Village, entry: CheckedItem,
                           plan: OneMatter) -> list[Problem]:
    adopted = plan.raised()
    problems: list[Problem] = []
    rows = [(i, r) for i, r in enumerate(plan.income_rows) if collected_from_villagers(r.summary)]
    collected = sum((r.amount for _, r in rows), Decimal("0.00"))
    if rows and collected > adopted:
        problems.append((entry, error(
            "one_matter_collected_over_plan", ("income_rows", rows[0][0], "amount"),
            collected=money(collected), adopted=money(adopted), diff=money(collected - adopted),
            per_person=money(plan.money_per_person), contributors=plan.contributors,
            other=where(entry, ("money_per_person",)))))
    problems += _cash_in_lieu_within_plan(entry, plan)
    for ledger_entry, ledger in village.of(Finance):
        named = [(i, r) for i, r in enumerate(ledger.income)
                 if plan.project in r.summary and collected_from_villagers(r.summary)]
        in_ledger = sum((r.amount for _, r in named), Decimal("0.00"))
        if named and in_ledger > adopted:
            problems.append((ledger_entry, error(
                "one_matter_ledger_over_plan", ("income", named[0][0], "amount"),
                project=plan.project, collected=money(in_ledger), adopted=money(adopted),
                diff=money(in_ledger - adopted), other=where(entry, ("money_per_person",)))))
    return problems


def _cash_in_lieu_within_plan(entry: CheckedItem, plan: OneMatter) -> list[Problem]:
    """以资代劳 is labour paid in money: at most 筹劳人数 × 筹劳标准 × 以资代劳标准."""
    rows = [(i, r) for i, r in enumerate(plan.income_rows) if "以资代劳" in r.summary]
    paid = sum((r.amount for _, r in rows), Decimal("0.00"))
    most = (plan.workers * plan.labour_days * (plan.cash_in_lieu or Decimal(0))).quantize(
        Decimal("0.01"))
    if not rows or paid <= most:
        return []
    return [(entry, error("one_matter_cash_in_lieu_over_plan", ("income_rows", rows[0][0], "amount"),
                          paid=money(paid), most=money(most), diff=money(paid - most),
                          workers=plan.workers, days=plan.labour_days,
                          rate=money(plan.cash_in_lieu or Decimal(0)),
                          other=where(entry, ("cash_in_lieu",))))]


def _dibao_exempt(village: Village, entry: CheckedItem, plan: OneMatter) -> list[Problem]:
    if plan.exemptions is None:
        return []  # the plan's own check asks for the list
    lists = sorted(((e, r) for e, r in village.of(Relief)
                    if r.posted <= plan.posted and _is_dibao(r.program)),
                   key=lambda pair: pair[1].period.end)
    if not lists:
        return []
    relief_entry, relief = lists[-1]
    exempt = {x.name for x in plan.exemptions}
    return [(entry, error("one_matter_dibao_not_exempt", ("exemptions",), name=person.name,
                          group=person.group, other=where(relief_entry, ("recipients", i))))
            for i, person in enumerate(relief.recipients)
            if _is_dibao(person.category) and person.name not in exempt]


def _is_dibao(text: str) -> bool:
    return any(w in text for w in DIBAO_WORDS)

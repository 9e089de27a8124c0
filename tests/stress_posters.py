"""Generated posters that push the layout: short and long names, rare characters, long
notes, one row, hundreds of rows (issue 15). Each is a valid item (it checks clean),
built from the project's own examples so that amounts and dates stay consistent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import EXAMPLES, FINANCE_YAML

# Two-, three- and four-character names, and names with characters outside the common
# sets (CJK Extension B), which every configured font must still draw on one line.
NAMES = ["王五", "欧阳秀兰", "𠮷英", "司马长风", "李𠮷祥", "张建国", "诸葛明月", "丁一"]
NOTE_40 = "因家中主要劳动力外出务工收入不稳定，经村民代表评议同意继续纳入保障范围按月发放"
THREE_LINES = "各位村民：\n定于12月5日上午9时在村文化礼堂召开村民大会，请准时参加。\n特此通知。\n"
EVERY_ELEMENT = """各村民小组、全体村民：

入冬以来天干物燥，森林火险等级持续偏高。为保障全村群众生命财产安全，村委会决定自11月16日起开展为期一个月的冬季森林防火检查。会议议程：一、通报检查安排；二、部署各组任务。
一、严禁在林区及林缘地带烧荒、烧纸、燃放烟花爆竹。
二、各户请自查电线老化、私拉乱接等情况，检查组将逐户上门，请予配合。
（一）第一村民小组由组长负责。
（二）第二村民小组由村委委员负责。
1.检查时间为每天上午。
（1）雨天顺延。
请各户相互转告。特此通知。

附件：1.冬季森林防火责任人名单
2.逐户检查安排表（按村民小组分列，含检查时间、检查人员、联系电话、整改要求和复查日期）
"""


def example(relative: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / relative).read_text(encoding="utf-8"))


class _PlainDumper(yaml.SafeDumper):
    """Writes a shared value in full each time: the checker refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)


def relief(rows: int, notes: bool = True) -> str:
    data = example("李家村/2026-10-低保.yaml")
    base = data["recipients"]
    data["recipients"] = [
        {**base[i % len(base)], "name": NAMES[i % len(NAMES)],
         **({"note": NOTE_40} if notes and i % 3 == 0 else {})}
        for i in range(rows)]
    data.pop("total", None)
    return dump(data)


def party_dues(members: int) -> str:
    data = example("张家村/2026-Q3-党费收缴.yaml")
    base = data["members"]
    data["members"] = [{**base[i % len(base)], "name": NAMES[i % len(NAMES)]}
                       for i in range(members)]
    data.pop("total", None)
    return dump(data)


def voters(count: int) -> str:
    data = example("李家村/2026-10-选民名单.yaml")
    groups = ["第一村民小组", "第二村民小组", "第三村民小组", "第十二村民小组"]
    data["voters"] = [{"name": NAMES[i % len(NAMES)], "group": groups[i * len(groups) // count],
                       "gender": "男" if i % 2 else "女"} for i in range(count)]
    return dump(data)


def finance(rows: int) -> str:
    data = yaml.safe_load(FINANCE_YAML)
    income, expense = data["income"][0], data["expense"][0]
    data["income"] = [{**income, "voucher": f"记-{i + 1:03d}", "handler": NAMES[i % len(NAMES)]}
                      for i in range(rows // 2)]
    data["expense"] = [{**expense, "voucher": f"付-{i + 1:03d}",
                        "summary": "村委会办公用品采购及村务公开栏维修更换" if i % 4 == 0
                        else expense["summary"], "approver": NAMES[(i + 3) % len(NAMES)]}
                       for i in range(rows - rows // 2)]
    closing = (Decimal(str(data["opening_balance"]))
               + sum(Decimal(str(r["amount"])) for r in data["income"])
               - sum(Decimal(str(r["amount"])) for r in data["expense"]))
    data["closing_balance"] = float(closing)
    return dump(data)


def big_amounts(rows: int) -> str:
    """A ledger whose every figure has ten digits before the point (issue 22): the key
    figures, the totals and the cells must hold ¥9,999,999,999.99."""
    data = yaml.safe_load(FINANCE_YAML)
    income, expense = data["income"][0], data["expense"][0]
    data["opening_balance"] = 9_999_999_999.99
    data["income"] = [{**income, "voucher": f"记-{i + 1:03d}", "amount": 999_999_999.99}
                      for i in range(rows // 2)]
    data["expense"] = [{**expense, "voucher": f"付-{i + 1:03d}", "amount": 999_999_999.99}
                       for i in range(rows - rows // 2)]
    closing = (Decimal("9999999999.99") + Decimal("999999999.99") * (rows // 2)
               - Decimal("999999999.99") * (rows - rows // 2))
    data["closing_balance"] = float(closing)
    return dump(data)


def notice(body: str) -> str:
    data = example("张家村/2026-11-通知.yaml")
    data["body"] = body
    return dump(data)


def from_example(relative: str) -> str:
    return (EXAMPLES / relative).read_text(encoding="utf-8")


# name: (YAML text, paper). Kept small enough for two shared cores: the long lists
# are the heaviest (marked `heavy` in the tests) and still run in `make test`.
STRESS: dict[str, tuple[Any, str]] = {
    "relief-1-row": (lambda: relief(1), "A3"),
    "relief-1-row-A4": (lambda: relief(1), "A4"),
    "relief-64-rows": (lambda: relief(64), "A3"),
    "party-dues-1": (lambda: party_dues(1), "A3"),
    "party-dues-40": (lambda: party_dues(40), "A3"),
    "party-dues-3-A4": (lambda: from_example("张家村/2026-Q3-党费收缴.yaml"), "A4"),
    "notice-three-lines": (lambda: notice(THREE_LINES), "A3"),
    "notice-three-lines-A4": (lambda: notice(THREE_LINES), "A4"),
    "notice-every-element": (lambda: notice(EVERY_ELEMENT), "A3"),
    "hot-issue-one-A4": (lambda: from_example("李家村/2026-Q3-热点难点问题.yaml"), "A4"),
    "appointment-one-A4": (lambda: from_example("张家村/2026-10-干部任用.yaml"), "A4"),
    "member-development-A4": (lambda: from_example("张家村/2026-10-发展对象公示.yaml"), "A4"),
    "work-plan-A4": (lambda: from_example("张家村/2027-工作思路与目标.yaml"), "A4"),
    "election-result-A4": (lambda: from_example("李家村/2026-11-选举结果.yaml"), "A4"),
    "one-matter-A4": (lambda: from_example("双河村/2026-12-村道硬化一事一议.yaml"), "A4"),
    "contract-A4": (lambda: from_example("双河村/2026-12-果园承包合同.yaml"), "A4"),
    "expense-A4": (lambda: from_example("双河村/2026-09-路灯维修开支.yaml"), "A4"),
    "meeting-A4": (lambda: from_example("双河村/2026-11-村民代表会议决议.yaml"), "A4"),
    "major-matter-A4": (lambda: from_example("双河村/2026-12-果园发包.yaml"), "A4"),
    "finance-A4": (lambda: from_example("张家村/2026-Q3-财务.yaml"), "A4"),
    "finance-ten-digits-2-rows": (lambda: big_amounts(2), "A3"),
    "finance-ten-digits-2-rows-A4": (lambda: big_amounts(2), "A4"),
    "finance-ten-digits-40-rows": (lambda: big_amounts(40), "A3"),
}
HEAVY: dict[str, tuple[Any, str]] = {
    "relief-300-rows": (lambda: relief(300), "A3"),
    "voters-300": (lambda: voters(300), "A3"),
    "finance-120-rows-A4": (lambda: finance(120), "A4"),
}


def write_item(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path

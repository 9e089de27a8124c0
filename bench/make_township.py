"""A synthetic township for benchmarks: 10 villages × 20 items of realistic sizes."""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
            "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷")
GIVEN = ("建国 秀英 桂兰 志强 春花 德明 玉兰 长发 小妹 木根 翠兰 福根 石头 春娥 海燕 文军 红梅 国强 "
         "丽华 晓东 永红 金凤 淑芬 家豪 立新 水生 根宝 来娣 桂香 满仓").split()
INCOME = [("合作社分红", "投资收益"), ("村集体厂房租金收入", "发包及上交收入"),
          ("镇财政拨付村干部报酬补助", "补助收入"), ("存款利息收入", "其他收入"),
          ("农贸市场摊位费", "经营收入")]
EXPENSE = [("村委会办公用品采购", "管理费用"), ("村干部误工补贴", "管理费用"),
           ("集体果园农药化肥款", "经营支出"), ("路灯维修更换灯具", "公益支出"),
           ("防汛物资采购", "其他支出"), ("村道保洁人员工资", "公益支出")]
GROUPS = [f"第{n}村民小组" for n in "一二三四五六"]


def money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def finance(rng: random.Random, month: int, opening: Decimal) -> tuple[str, Decimal]:
    rows = rng.randint(20, 80)
    lines = ["kind: finance", f"period: 2026-{month:02d}", f"posted: 2026-{month + 1:02d}-08",
             "reviewed_by: 孙监督", f"reviewed_on: 2026-{month + 1:02d}-06",
             f"opening_balance: {opening}", "income:"]
    total_in = total_out = Decimal(0)
    n_income = rows // 3
    for i in range(n_income):
        summary, category = rng.choice(INCOME)
        amount = money(rng, 300, 30_000)
        total_in += amount
        lines += [f"  - {{date: 2026-{month:02d}-{rng.randint(1, 28):02d}, voucher: 记-{i + 1:03d}, "
                  f"summary: {summary}, category: {category}, amount: {amount}, handler: 陈静}}"]
    lines.append("expense:")
    for i in range(rows - n_income):
        summary, category = rng.choice(EXPENSE)
        amount = money(rng, 100, 9_000)
        total_out += amount
        lines += [f"  - {{date: 2026-{month:02d}-{rng.randint(1, 28):02d}, voucher: 付-{i + 1:03d}, "
                  f"summary: {summary}, category: {category}, amount: {amount}, handler: 刘洋, "
                  f"approver: 张建国}}"]
    closing = opening + total_in - total_out
    lines.append(f"closing_balance: {closing}")
    return "\n".join(lines) + "\n", closing


def relief(rng: random.Random, month: int) -> str:
    lines = ["kind: relief", "program: 农村最低生活保障金", "standard: 每人每月560元",
             f"period: 2026-{month:02d}", f"posted: 2026-{month:02d}-10", "days: 7",
             "reviewed_by: 孙监督", f"reviewed_on: 2026-{month:02d}-09", "recipients:"]
    for _ in range(rng.randint(10, 60)):
        size = rng.randint(1, 5)
        lines.append(f"  - {{name: {rng.choice(SURNAMES)}{rng.choice(GIVEN)}, group: {rng.choice(GROUPS)}, "
                     f"household_size: {size}, category: 一类低保, amount: {size * 560}.00}}")
    return "\n".join(lines) + "\n"


def notice(rng: random.Random, month: int) -> str:
    body = "\n\n".join(
        "".join(rng.choice(["村委会", "各村民小组", "本村", "全体村民", "按照镇里统一部署", "请大家相互转告",
                            "特此通知", "认真做好", "安全生产", "环境卫生整治"]) for _ in range(12)) + "。"
        for _ in range(rng.randint(2, 5)))
    return (f"kind: notice\ntitle: 关于做好{month}月份村务工作的通知\nperiod: 2026-{month:02d}\n"
            f"posted: 2026-{month:02d}-05\nbody: |\n" + "".join(f"  {line}\n" for line in body.split("\n")))


def write_township(root: Path, villages: int = 10, items: int = 20, seed: int = 2026) -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "township.yaml").write_text("name: 基准镇\nhotline: 0571-00000000\n", encoding="utf-8")
    for v in range(villages):
        folder = root / f"村{v + 1:02d}"
        folder.mkdir(exist_ok=True)
        (folder / "village.yaml").write_text(f"name: 村{v + 1:02d}\nphone: 0571-1000{v:04d}\n",
                                             encoding="utf-8")
        balance = money(rng, 50_000, 300_000)
        for i in range(items):
            month = 1 + i // 3 % 11
            if i % 3 == 0:  # consecutive months, each opening with the last closing balance
                text, balance = finance(rng, month, balance)
                name = "finance"
            else:
                name, text = ("relief", relief(rng, month)) if i % 3 == 1 else ("notice", notice(rng, month))
            (folder / f"{i + 1:02d}-{name}.yaml").write_text(text, encoding="utf-8")
    return root


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--villages", type=int, default=10)
    parser.add_argument("--items", type=int, default=20)
    args = parser.parse_args()
    print(write_township(args.folder, args.villages, args.items))

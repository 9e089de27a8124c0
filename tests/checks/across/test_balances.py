"""Balances carry from each ledger to the next in time, months, quarters and years mixed."""

from tests.checks.across.township import SH, across, copy_township, edit, line


def test_the_examples_carry_every_balance(tmp_path):
    assert across(copy_township(tmp_path)) == []


def test_a_wrong_opening_after_the_quarter_before(tmp_path):
    village = copy_township(tmp_path) / SH
    q3 = village / "2026-Q3-财务.yaml"
    edit(q3, "期初余额: 151913.79", "期初余额: 151913.97")
    edit(q3, "期末余额: 167221.62", "期末余额: 167221.80")  # still balanced on its own
    q2 = village / "2026-Q2-财务.yaml"
    assert across(village) == [
        ("2026-Q3-财务.yaml", line(q3, "期初余额:"),
         f"期初余额 ¥151,913.97 与上期（2026年第二季度，2026-Q2-财务.yaml 第{line(q2, '期末余额:')}行）"
         "的期末余额 ¥151,913.79 不一致，相差 ¥0.18：上期期末余额应结转为本期期初余额"),
        ("2026-Q4-财务.yaml", line(village / "2026-Q4-财务.yaml", "期初余额:"),
         f"期初余额 ¥167,221.62 与上期（2026年第三季度，2026-Q3-财务.yaml 第{line(q3, '期末余额:')}行）"
         "的期末余额 ¥167,221.80 不一致，相差 ¥0.18：上期期末余额应结转为本期期初余额")]


def month(text: str, period: str, opening: str, closing: str) -> str:
    """A ledger of `period` with no rows in it: only its balances."""
    return (f"kind: finance\nperiod: {period}\nposted: 2027-01-08\nreviewed_by: 孙立平\n"
            f"reviewed_on: 2027-01-06\nopening_balance: {opening}\n"
            f"income:\n{text}\nexpense: []\nclosing_balance: {closing}\n")


def test_months_beside_quarters_agree_with_them(tmp_path):
    """October's ledger starts with Q4 and December's ends with it; November's follows
    October. A wrong December closing is caught against Q4, and the wrong November opening
    against October's closing."""
    village = copy_township(tmp_path) / SH
    row = ("  - {date: %s, voucher: 记-%s, summary: 存款利息收入, category: 其他收入, "
           "amount: 10.00, handler: 陈静}")
    (village / "2026-10-财务.yaml").write_text(
        month(row % ("2026-10-20", "201"), "2026-10", "167221.62", "167231.62"), encoding="utf-8")
    (village / "2026-11-财务.yaml").write_text(
        month(row % ("2026-11-20", "202"), "2026-11", "167231.60", "167241.60"), encoding="utf-8")
    orchard = ("\n  - {date: 2026-12-15, voucher: 记-118, summary: 村集体果园承包费, "
               "category: 发包及上交收入, amount: 27950.00, handler: 陈静}")
    (village / "2026-12-财务.yaml").write_text(
        month(row % ("2026-12-20", "203") + orchard, "2026-12", "167241.60", "195201.60"),
        encoding="utf-8")
    oct_, dec = village / "2026-10-财务.yaml", village / "2026-12-财务.yaml"
    q4 = village / "2026-Q4-财务.yaml"
    assert across(village) == [
        ("2026-11-财务.yaml", line(village / "2026-11-财务.yaml", "opening_balance"),
         f"期初余额 ¥167,231.60 与上期（2026年10月，2026-10-财务.yaml 第{line(oct_, 'closing')}行）"
         "的期末余额 ¥167,231.62 不一致，相差 ¥0.02：上期期末余额应结转为本期期初余额"),
        ("2026-12-财务.yaml", line(dec, "closing_balance"),
         "期末余额 ¥195,201.60 与同日结束的2026年第四季度财务公开"
         f"（2026-Q4-财务.yaml 第{line(q4, '期末余额:')}行）的期末余额 ¥218,517.39 不一致，相差 ¥23,315.79")]

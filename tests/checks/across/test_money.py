"""Money a contract or an expense poster states is in the ledger of its period, booked
where the accounting system puts it; a ledger row naming a contract is one of its payments."""

from tests.checks.across.township import SH, across, copy_township, edit, line

CONTRACT = "2026-12-果园承包合同.yaml"
Q4 = "2026-Q4-财务.yaml"
ORCHARD_ROW = "    凭证号: 记-118"


def test_a_payment_absent_from_the_ledger_of_its_period(tmp_path):
    village = copy_township(tmp_path) / SH
    ledger = village / Q4
    edit(ledger, ORCHARD_ROW, "    凭证号: 记-119")
    edit(ledger, "    金额: 27950.00", "    金额: 27590.00")
    edit(ledger, "期末余额: 218517.39", "期末余额: 218157.39")
    contract = village / CONTRACT
    assert across(village) == [
        (CONTRACT, line(contract, "- date: 2026-12-15"),
         f"收款第 1 笔（2026-12-15，¥27,950.00，凭证号 记-118）不在同期的财务公开 {Q4} 的收入中："
         "既没有这个凭证号，也没有同一天同金额的一笔"),
        (Q4, line(ledger, "摘要: 村集体果园承包费"),
         "收入「村集体果园承包费（合同SH-2026-07，2027年度）」（2026-12-15，¥27,590.00）写的是合同 SH-2026-07，"
         f"但合同公开（{CONTRACT} 第{line(contract, 'payments:')}行）的收款明细中没有这一笔")]


def test_a_payment_at_another_amount_or_in_the_wrong_category(tmp_path):
    village = copy_township(tmp_path) / SH
    ledger = village / Q4
    edit(ledger, "    金额: 27950.00", "    金额: 27590.00")
    edit(ledger, "    类别: 发包及上交收入", "    类别: 补助收入")
    edit(ledger, "期末余额: 218517.39", "期末余额: 218157.39")
    contract = village / CONTRACT
    row = line(ledger, ORCHARD_ROW)
    assert across(village) == [
        (CONTRACT, line(contract, "- date: 2026-12-15"),
         f"收款第 1 笔在财务公开（{Q4} 第{row + 2}行）中记为「补助收入」："
         "承包、租赁款应记入发包及上交收入或经营收入（村集体经济组织会计制度）"),
        (CONTRACT, line(contract, "amount: 27950.00"),
         f"收款第 1 笔的金额是 ¥27,950.00，但财务公开（{Q4} 第{row + 3}行）记的是 ¥27,590.00，相差 ¥360.00")]


def test_an_expense_poster_absent_from_its_ledger(tmp_path):
    village = copy_township(tmp_path) / SH
    edit(village / "2026-09-路灯维修开支.yaml", "voucher: 付-011", "voucher: 付-111")
    q3 = village / "2026-Q3-财务.yaml"
    edit(q3, "    金额: 10440.00", "    金额: 10400.00")
    edit(q3, "期末余额: 167221.62", "期末余额: 167261.62")
    edit(village / Q4, "期初余额: 167221.62", "期初余额: 167261.62")
    edit(village / Q4, "期末余额: 218517.39", "期末余额: 218557.39")
    expense = village / "2026-09-路灯维修开支.yaml"
    assert across(village) == [
        ("2026-09-路灯维修开支.yaml", line(expense, "spent_on:"),
         "开支「村道路灯维修更换」（2026-09-18，¥10,440.00，凭证号 付-111）不在同期的财务公开 2026-Q3-财务.yaml "
         "的支出中：既没有这个凭证号，也没有同一天同金额的一笔"),
        ("2026-Q3-财务.yaml", line(q3, "摘要: 村道路灯维修更换"),
         "支出「村道路灯维修更换（见大额经费开支公示）」（2026-09-18，¥10,400.00）写的是一笔单独公示的开支，"
         f"但大额经费开支公示（2026-09-路灯维修开支.yaml 第{line(expense, 'spent_on:')}行）的凭证号、日期和金额都与它不同"),
        ("2026-Q3-财务.yaml", line(q3, "金额: 10400.00"),
         "支出「村道路灯维修更换（见大额经费开支公示）」¥10,400.00 超过乡镇规定的上会标准 ¥10,000.00，但没有决策："
         "请写明决定它的会议（决策情况），或单独张贴大额经费开支公示")]


def test_one_voucher_in_two_rows_is_compared_whole(tmp_path):
    """The 路灯 spend booked as materials and labour under one voucher: 8,640 + 1,800."""
    village = copy_township(tmp_path) / SH
    q3 = village / "2026-Q3-财务.yaml"
    edit(q3, "    摘要: 村道路灯维修更换（见大额经费开支公示）\n    类别: 公益支出\n    金额: 10440.00\n",
         "    摘要: 村道路灯维修更换（灯具）\n    类别: 公益支出\n    金额: 8640.00\n    经手人: 王建国\n"
         "    审批人: 张建国\n  - 日期: 2026-09-18\n    凭证号: 付-011\n    摘要: 村道路灯维修更换（人工）\n"
         "    类别: 公益支出\n    金额: 1800.00\n")
    assert across(village) == []
    edit(q3, "    金额: 1800.00", "    金额: 1880.00")
    edit(q3, "期末余额: 167221.62", "期末余额: 167141.62")
    edit(village / Q4, "期初余额: 167221.62", "期初余额: 167141.62")
    edit(village / Q4, "期末余额: 218517.39", "期末余额: 218437.39")
    expense = village / "2026-09-路灯维修开支.yaml"
    assert across(village) == [
        ("2026-09-路灯维修开支.yaml", line(expense, "total:"),
         f"开支「村道路灯维修更换」的金额是 ¥10,440.00，但财务公开（2026-Q3-财务.yaml 第{line(q3, '金额: 8640.00')}行）"
         "记的是 ¥10,520.00，相差 ¥80.00")]


def test_a_ledger_row_naming_an_expense_poster_is_its_spending(tmp_path):
    village = copy_township(tmp_path) / SH
    q3 = village / "2026-Q3-财务.yaml"
    edit(q3, "  - 日期: 2026-09-21\n", "  - 日期: 2026-09-21\n    凭证号: 付-098\n"
         "    摘要: 村道路灯维修更换（补付）\n    类别: 公益支出\n    金额: 600.00\n    经手人: 王建国\n"
         "    审批人: 张建国\n  - 日期: 2026-09-21\n")
    edit(q3, "期末余额: 167221.62", "期末余额: 166621.62")
    edit(village / Q4, "期初余额: 167221.62", "期初余额: 166621.62")
    edit(village / Q4, "期末余额: 218517.39", "期末余额: 217917.39")
    expense = village / "2026-09-路灯维修开支.yaml"
    assert across(village) == [
        ("2026-Q3-财务.yaml", line(q3, "摘要: 村道路灯维修更换（补付）"),
         "支出「村道路灯维修更换（补付）」（2026-09-21，¥600.00）写的是一笔单独公示的开支，"
         f"但大额经费开支公示（2026-09-路灯维修开支.yaml 第{line(expense, 'spent_on:')}行）的凭证号、日期和金额都与它不同")]


def test_a_row_without_its_date_naming_an_expense_poster_is_said_so(tmp_path):
    """Real ledgers leave a row's date out: the row is still compared, by what it has."""
    village = copy_township(tmp_path) / SH
    q3 = village / "2026-Q3-财务.yaml"
    edit(q3, "  - 日期: 2026-09-21\n", "  - 凭证号: 付-098\n"
         "    摘要: 村道路灯维修更换（补付）\n    类别: 公益支出\n    金额: 600.00\n    经手人: 王建国\n"
         "    审批人: 张建国\n  - 日期: 2026-09-21\n")
    edit(q3, "期末余额: 167221.62", "期末余额: 166621.62")
    edit(village / Q4, "期初余额: 167221.62", "期初余额: 166621.62")
    edit(village / Q4, "期末余额: 218517.39", "期末余额: 217917.39")
    expense = village / "2026-09-路灯维修开支.yaml"
    assert [f for f in across(village) if f[0] == q3.name] == [
        ("2026-Q3-财务.yaml", line(q3, "摘要: 村道路灯维修更换（补付）"),
         "支出「村道路灯维修更换（补付）」（日期未写，¥600.00）写的是一笔单独公示的开支，"
         f"但大额经费开支公示（2026-09-路灯维修开支.yaml 第{line(expense, 'spent_on:')}行）的凭证号、日期和金额都与它不同")]

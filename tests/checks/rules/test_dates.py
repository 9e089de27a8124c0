"""Dates that cannot report the future, spending after its decision, ledgers in date order."""

from tests.conftest import FINANCE_YAML, check_text, filled_skeleton, line_of


def found(checked):
    return [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings]


def test_a_ledger_row_after_the_posting_date_is_an_error_naming_the_row(village):
    # Posted on 8 October; the expense row claims 9 October.
    text = FINANCE_YAML.replace("date: 2026-08-02", "date: 2026-10-09").replace(
        "period: 2026-Q3", "period: {from: 2026-07-01, to: 2026-10-31}")
    checked = check_text(village, text)
    # (The period is still open on the posting date: that is a warning of its own.)
    assert [f for f in found(checked) if f[0] != "posted_before_period_end"] == [(
        "dated_after_posting", line_of(text, "date: 2026-10-09"),
        "支出第 1 行「村委会办公用品采购」（2026-10-09）晚于公开日期 2026-10-08：海报不能公布还没有发生的事",
        "支出第 1 行「村委会办公用品采购」 (2026-10-09) is after the posting date 2026-10-08: "
        "a poster cannot report the future")]
    assert not checked.ok


def test_ledger_rows_out_of_date_order_warn(village):
    second = ("  - date: 2026-07-20\n    voucher: 记-002\n    summary: 土地流转租金\n"
              "    category: 发包及上交收入\n    amount: 100.00\n    handler: 陈静\n")
    text = FINANCE_YAML.replace("expense:\n", second + "expense:\n", 1).replace(
        "date: 2026-07-01", "date: 2026-07-25").replace("closing_balance: 2700.25", "closing_balance: 2800.25")
    checked = check_text(village, text)
    assert found(checked) == [(
        "rows_out_of_order", line_of(text, "date: 2026-07-20"),
        "收入第 2 行「土地流转租金」（2026-07-20）早于上一行（2026-07-25）：明细应按日期先后排列",
        "收入第 2 行「土地流转租金」 (2026-07-20) comes before the row above it (2026-07-25); "
        "list rows in date order")]
    assert checked.ok


def test_a_payment_and_a_signing_after_posting(village):
    text = filled_skeleton("contract").replace("  - date: 2026-12-15 ", "  - date: 2026-12-17 ").replace(
        "signed_on: 2026-12-12", "signed_on: 2026-12-18")
    assert [(c, line, zh) for c, line, zh, _ in found(check_text(village, text))] == [
        ("dated_after_posting", line_of(text, "date: 2026-12-17"),
         "收款第 1 笔（2026-12-17）晚于公开日期 2026-12-16：海报不能公布还没有发生的事"),
        ("dated_after_posting", line_of(text, "signed_on:"),
         "合同签订日期（2026-12-18）晚于公开日期 2026-12-16：海报不能公布还没有发生的事")]


def test_a_decision_after_posting(village):
    text = filled_skeleton("major_matter").replace("date: 2026-11-28 ", "date: 2026-12-02 ")
    assert found(check_text(village, text)) == [(
        "dated_after_posting", line_of(text, "date: 2026-12-02"),
        "决策会议日期（2026-12-02）晚于公开日期 2026-12-01：海报不能公布还没有发生的事",
        "决策会议日期 (2026-12-02) is after the posting date 2026-12-01: a poster cannot "
        "report the future")]


def test_spending_before_the_decision_that_allowed_it(village):
    text = filled_skeleton("expense").replace("spent_on: 2026-09-18", "spent_on: 2026-09-08")
    assert found(check_text(village, text)) == [(
        "spent_before_decision", line_of(text, "spent_on:"),
        "开支日期 2026-09-08 早于决定这笔开支的会议日期 2026-09-10：应先决策后开支",
        "spent on 2026-09-08, before the meeting that allowed it on 2026-09-10")]


def test_spending_after_posting(village):
    text = filled_skeleton("expense").replace("spent_on: 2026-09-18", "spent_on: 2026-09-26")
    assert [c[:3] for c in found(check_text(village, text))] == [(
        "dated_after_posting", line_of(text, "spent_on:"),
        "开支日期（2026-09-26）晚于公开日期 2026-09-25：海报不能公布还没有发生的事")]


def test_an_issue_raised_after_posting(village):
    text = filled_skeleton("hot_issue").replace("raised_on: 2026-08-05", "raised_on: 2026-10-16")
    assert [c[:3] for c in found(check_text(village, text))] == [(
        "dated_after_posting", line_of(text, "raised_on:"),
        "问题「第三村民小组路灯损坏，夜间出行不便」的反映日期（2026-10-16）晚于公开日期 2026-10-15："
        "海报不能公布还没有发生的事")]


def test_a_township_review_after_posting(village):
    text = filled_skeleton("one_matter").replace("township_reviewed_on: 2026-12-05", "township_reviewed_on: 2026-12-09")
    assert [c[:3] for c in found(check_text(village, text))] == [(
        "dated_after_posting", line_of(text, "township_reviewed_on:"),
        "乡镇审核日期（2026-12-09）晚于公开日期 2026-12-08：海报不能公布还没有发生的事")]

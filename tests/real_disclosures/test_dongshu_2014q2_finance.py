"""东书村 2014年第二季度财务公告 (浙江日报 2014-10-14): a spending-only ledger as published."""

from tests.real_disclosures import check_case, found, rendered_text

CASE = "东书村-2014Q2-财务"
PRACTICE_WARNINGS = [
    ("warning", 4, "期初余额", "没有写期初余额和期末余额：只公开支出，群众看不出村里还有多少钱，也核对不了账是否平、是否和上期接得上"),
    ("warning", 4, "会计", "没有写会计：写明记账的会计，账目有人签字负责"),
    ("warning", 4, "审核日期", "没有写审核日期：写明哪天审核，才看得出是先审核、后公开"),
    ("warning", 9, "支出[1].日期", "支出有 {n} 笔没有写日期（全部）：写明哪天发生，才能看出先后、是否在本期"),
    ("warning", 9, "支出[1].凭证号", "支出有 {n} 笔没有写凭证号（全部）：凭证号让每笔账能和原始单据对上"),
    ("warning", 9, "支出[1].类别", "支出有 {n} 笔没有写类别（全部）：类别按会计制度归口，便于核对"),
    ("warning", 9, "支出[1].经手人", "支出有 {n} 笔没有写经手人（全部）：写明经手人，每笔账才有人负责"),
    ("warning", 9, "支出[1].审批人", "支出有 {n} 笔没有写审批人（全部）：写明谁批准的，才看得出开支经过审批"),
]


def warnings_for(rows: int) -> list[tuple[str, int, str, str]]:
    return [(s, line, field, text.format(n=rows)) for s, line, field, text in PRACTICE_WARNINGS]


def test_what_the_report_shows_warns_for_practice_and_errs_for_the_missing_lines():
    """The report quotes 2 of the 139 rows and the total: the rows, vouchers, dates and
    balances it leaves out are practice (warnings); a total whose lines are not shown is
    the essay's 只公开大体概况 (an error naming the sum that has no rows)."""
    checked = check_case(CASE, "2014-Q2-财务-原文可知部分.yaml")
    assert found(checked) == [*warnings_for(2), (
        "error", 13, "支出合计",
        "支出合计写的是 ¥222,801.00，但各行相加只有 ¥4,319.00：有 ¥218,482.00 没有列出明细。"
        "只公开合计、不公开具体账目是走形式，请把没有列出的账目逐笔补上，或核对合计")]


def test_with_the_unreported_rows_as_one_line_it_passes_with_warnings_and_prints_every_figure():
    checked = check_case(CASE, "2014-Q2-财务-其余137笔合为一行.yaml")
    assert found(checked) == warnings_for(3)
    assert checked.ok
    text = rendered_text(checked)
    # 139条, 共计支出22.2801万元, 最大一笔4295元, 最小一笔24元; the reviewer who posted it
    for figure in ["共139条", "222,801.00", "4,295.00", "24.00", "修建济川桥花坛",
                   "村党支部书记和村长两人在水利局办事吃中餐", "审核：徐最洪", "人民币贰拾贰万贰仟捌佰零壹元整"]:
        assert figure in text, figure
    # Nothing the notice does not hold: no balances, no income, no review date, no empty columns.
    for absent in ["期初余额", "期末余额", "收入", "凭证号", "经手人", "审批人", "会计"]:
        assert absent not in text, absent

"""Money on the other kinds: rows required, caps, contract payments."""

from tests.conftest import check_text, filled_skeleton, line_of, write


def codes(checked):
    return [(f.code, f.line, f.message()) for f in checked.findings]


def test_expense_without_items_is_a_bare_total(village):
    text = filled_skeleton("expense")
    text = text[:text.index("items:")] + "items: []\n" + text[text.index("total:"):]
    items = text[:text.index("items:")].count("\n") + 1
    assert codes(check_text(village, text)) == [("money_no_rows", items, "只有合计、没有明细：按规定必须逐项列出")]


def test_one_matter_money_cap(village):
    # Over the built-in cap, which may not be this province's: a practice warning.
    checked = check_text(village, filled_skeleton("one_matter").replace("money_per_person: 15.00", "money_per_person: 20.00"))
    assert codes(checked) == [("one_matter_cap_default", 7,
                               "筹资标准 ¥20.00 超过默认上限 ¥15.00：上限由各省规定，请在 township.yaml 的 defaults 中按本省规定写 "
                               "one_matter_money_cap（写了之后，超过即为错误）")]
    assert checked.ok


def test_one_matter_money_cap_set_by_the_township_is_an_error(township, village):
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  one_matter_money_cap: 15\n")
    checked = check_text(village, filled_skeleton("one_matter").replace("money_per_person: 15.00", "money_per_person: 20.00"))
    assert codes(checked) == [("one_matter_money_cap", 7, "筹资标准 ¥20.00 超过本省上限（每人每年 ¥15.00）")]


def test_one_matter_caps_come_from_the_township(township, village):
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  one_matter_money_cap: 20\n  one_matter_labour_cap: 4\n")
    checked = check_text(village, filled_skeleton("one_matter").replace("money_per_person: 15.00", "money_per_person: 20.00"))
    assert codes(checked) == [("one_matter_labour_cap", 9, "筹劳标准 5 个工日超过上限（每个劳动力每年 4 个工日）")]


def test_contract_received_cannot_exceed_total(village):
    text = filled_skeleton("contract").replace("total: 139750.00", "total: 20000.00").replace(
        "term_end: 2031-12-31", "term_end: 2027-06-30")  # half a year: no yearly total to compare
    assert codes(check_text(village, text)) == [(
        "contract_received_over", 21, "已收金额 ¥27,950.00 超过合同总额 ¥20,000.00")]


def test_contract_received_needs_payment_rows(village):
    text = filled_skeleton("contract")
    text = text[:text.index("payments:")] + text[text.index("received:"):]
    assert [c[0] for c in codes(check_text(village, text))] == ["money_no_rows"]


def test_contract_method_must_be_a_lawful_one(village):
    checked = check_text(village, filled_skeleton("contract").replace("method: 竞价 ", "method: 指定 "))
    [(code, line, message)] = codes(checked)
    assert (code, line) == ("not_one_of", 9)
    # The list's wording belongs to validation.py; every lawful method must be offered.
    for method in ("招标", "拍卖", "公开协商", "竞价", "协商"):
        assert method in message.split("应为：")[1]


def test_every_method_of_the_land_contract_law_is_accepted(village):
    # 农村土地承包法 第四十八条: 招标、拍卖、公开协商; 竞价 as clerks write them.
    for method in ("招标", "拍卖", "公开协商", "竞价"):
        checked = check_text(village, filled_skeleton("contract").replace("method: 竞价 ", f"method: {method} "))
        assert checked.findings == [], method


def test_a_plain_negotiation_is_accepted_with_a_warning(village):
    # disclosure-rules.md names 招标, 拍卖, 公开协商 and 竞价 the legal ways (第四十八条):
    # a plain 协商 is still read (clerks write it for 公开协商) but the clerk is asked.
    checked = check_text(village, filled_skeleton("contract").replace("method: 竞价 ", "method: 协商 "))
    assert codes(checked) == [(
        "contract_method_not_open", 9,
        "发包方式「协商」不是公开的方式：农村土地承包法第四十八条规定为招标、拍卖、公开协商；"
        "如果是公开协商，请写「公开协商」")]
    assert checked.ok


def test_a_deciding_meeting_without_its_vote_is_a_practice_warning(village):
    text = filled_skeleton("contract").replace(
        "  vote: {expected: 45, present: 41, votes_for: 38, votes_against: 2, abstain: 1}\n", "")
    checked = check_text(village, text)
    assert [(f.severity.value, f.code, f.line, f.message(), f.message("en"))
            for f in checked.findings] == [(
        "warning", "decision_vote_missing", line_of(text, "decision:"),
        "决定发包的村民代表会议没有写表决情况：写明怎样通过的（如 一致同意，或应到、实到、赞成人数），"
        "群众才能看出发包经过了村民的决定",
        "the 村民代表会议 that decided the contract is recorded without its vote: say how it "
        "passed (e.g. 一致同意, or the head counts)")]
    assert checked.ok


RELIEF = filled_skeleton("relief")


def test_relief_above_household_size_times_standard_times_months(village):
    # Two people at 560 yuan a month for one month: at most 1,120.00.
    text = RELIEF.replace("amount: 1120.00 ", "amount: 1200.00 ")
    checked = check_text(village, text)
    assert [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings] == [(
        "relief_over_standard", line_of(text, "amount: 1200.00"),
        "张大山发放 ¥1,200.00，超过 保障人数 2 × 每人每月 ¥560.00 × 1 个月 = ¥1,120.00，请核对",
        "张大山 receives ¥1,200.00, more than 2 people × ¥560.00 a month × 1 months = ¥1,120.00")]
    assert check_text(village, RELIEF).findings == []


def test_relief_months_come_from_the_period_or_are_given(village):
    quarter = RELIEF.replace("period: 2026-10 ", "period: 2026-Q4 ").replace(
        "posted: 2026-10-10", "posted: 2027-01-05").replace(
        "reviewed_on: 2026-10-09", "reviewed_on: 2027-01-04").replace("amount: 1120.00 ", "amount: 3360.00 ")
    assert check_text(village, quarter).findings == []
    one_month = quarter.replace("# months: 1 ", "months: 1 ")
    assert [f.code for f in check_text(village, one_month).findings] == ["relief_over_standard"]


def test_without_a_standard_nothing_is_compared(village):
    text = RELIEF.replace("monthly_standard: 560 ", "# monthly_standard: 560 ").replace(
        "amount: 1120.00 ", "amount: 9000.00 ")
    assert check_text(village, text).findings == []


def test_contract_total_is_the_yearly_price_times_whole_years(village):
    text = filled_skeleton("contract").replace("total: 139750.00", "total: 139750.01")
    assert codes(check_text(village, text)) == [(
        "contract_total_mismatch", 15,
        "合同总额写的是 ¥139,750.01，但年租金 ¥27,950.00 × 承包期 5 年应为 ¥139,750.00，请核对")]
    # A term that is not whole years (here 5 years and a day) has no yearly total to compare.
    odd = text.replace("term_end: 2031-12-31", "term_end: 2032-01-01")
    assert codes(check_text(village, odd)) == []


def test_contract_boundaries_and_supervision_opinion_are_asked_for(village):
    text = filled_skeleton("contract")
    text = "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(("boundaries:", "supervision_opinion:")))
    checked = check_text(village, text)
    assert codes(checked) == [
        ("contract_boundaries_missing", 3, "请写明承包、租赁标的的四至（东、南、西、北），让群众知道具体是哪一块"),
        ("contract_supervision_missing", 3, "缺少村务监督委员会对本次发包的意见")]
    assert checked.ok

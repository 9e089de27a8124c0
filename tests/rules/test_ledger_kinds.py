"""Money on the other kinds: rows required, caps, contract payments."""

from noticeboard.skeletons import skeleton
from tests.conftest import check_text, write


def codes(checked):
    return [(f.code, f.line, f.message()) for f in checked.findings]


def test_expense_without_items_is_a_bare_total(village):
    text = skeleton("expense")
    text = text[:text.index("items:")] + "items: []\n" + text[text.index("total:"):]
    assert codes(check_text(village, text)) == [("money_no_rows", 6, "只有合计、没有明细：按规定必须逐项列出")]


def test_one_matter_money_cap(village):
    checked = check_text(village, skeleton("one_matter").replace("money_per_person: 15.00", "money_per_person: 20.00"))
    assert codes(checked) == [("one_matter_money_cap", 7, "筹资标准 ¥20.00 超过本省上限（每人每年 ¥15.00）")]


def test_one_matter_caps_come_from_the_township(township, village):
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  one_matter_money_cap: 20\n  one_matter_labour_cap: 4\n")
    checked = check_text(village, skeleton("one_matter").replace("money_per_person: 15.00", "money_per_person: 20.00"))
    assert codes(checked) == [("one_matter_labour_cap", 9, "筹劳标准 5 个工日超过上限（每个劳动力每年 4 个工日）")]


def test_contract_received_cannot_exceed_total(village):
    text = skeleton("contract").replace("total: 139750.00", "total: 20000.00")
    assert codes(check_text(village, text)) == [(
        "contract_received_over", 21, "已收金额 ¥27,950.00 超过合同总额 ¥20,000.00")]


def test_contract_received_needs_payment_rows(village):
    text = skeleton("contract")
    text = text[:text.index("payments:")] + text[text.index("received:"):]
    assert [c[0] for c in codes(check_text(village, text))] == ["money_no_rows"]


def test_contract_method_must_be_one_of_three(village):
    checked = check_text(village, skeleton("contract").replace("method: 竞价 ", "method: 指定 "))
    assert codes(checked) == [("not_one_of", 9, "「指定」不是可选值，应为：招标、竞价、协商")]

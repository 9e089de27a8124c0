"""Party dues by the 2008 brackets."""

from decimal import Decimal

import pytest

from noticeboard.kinds.party_dues import DuesMember, expected_monthly
from tests.conftest import check_text, filled_skeleton

DUES = filled_skeleton("party_dues")


@pytest.mark.parametrize(("member_type", "base", "monthly"), [
    ("在职", "3000.00", "15.00"),     # ≤3000: 0.5%
    ("在职", "3000.01", "30.00"),     # 3000–5000: 1% (30.0001 rounds to 30.00)
    ("在职", "5000.00", "50.00"),
    ("在职", "8000.00", "120.00"),    # 5000–10000: 1.5%
    ("在职", "12345.67", "246.91"),   # >10000: 2%, half up to the cent
    ("离退休", "5000.00", "25.00"),   # ≤5000: 0.5%
    ("离退休", "6000.00", "60.00"),   # >5000: 1%
    # each edge of the 2008 table: 以下（含） belongs to the lower bracket
    ("在职", "5000.01", "75.00"),
    ("在职", "10000.00", "150.00"),
    ("在职", "10000.01", "200.00"),
    ("离退休", "5000.01", "50.00"),
])
def test_brackets(member_type, base, monthly):
    member = DuesMember.model_validate({"name": "甲", "member_type": member_type, "base": base,
                                        "monthly": "0", "months": 1, "paid": "0"})
    assert expected_monthly(member) == Decimal(monthly)


def test_students_pay_twenty_fen():
    member = DuesMember.model_validate({"name": "甲", "member_type": "学生", "monthly": "0.2",
                                        "months": 1, "paid": "0.2"})
    assert expected_monthly(member) == Decimal("0.20")


def test_a_stated_amount_that_disagrees_is_an_error(village):
    checked = check_text(village, DUES.replace("monthly: 42.00", "monthly: 21.00").replace(
        "paid: 126.00", "paid: 63.00").replace("total: 183.00", "total: 120.00"))
    [finding] = checked.findings
    assert (finding.code, finding.line) == ("dues_amount_wrong", 11)
    assert finding.message() == "张建国月缴党费写的是 ¥21.00，按规定应为 ¥42.00（基数 ¥4,200.00 × 1%）"


def test_paid_must_be_monthly_times_months(village):
    checked = check_text(village, DUES.replace("paid: 54.00", "paid: 50.00").replace(
        "total: 183.00", "total: 179.00"))
    assert [(f.code, f.message()) for f in checked.findings] == [
        ("dues_paid_wrong", "王秀兰缴纳金额写的是 ¥50.00，按月缴党费和月数应为 ¥54.00")]


def test_farmer_range(village):
    checked = check_text(village, DUES.replace("monthly: 1.00 ", "monthly: 2.00 ").replace(
        "paid: 3.00", "paid: 6.00").replace("total: 183.00", "total: 186.00"))
    assert [f.code for f in checked.findings] == ["dues_farmer_range"]


def test_arrears_of_six_months_or_more_are_flagged(village):
    # 党章 第九条: six consecutive months is the line itself, so six is flagged, five is not.
    assert check_text(village, DUES.replace("arrears_months: 0 ", "arrears_months: 5 ")).findings == []
    text = DUES.replace("arrears_months: 0 ", "arrears_months: 6 ")
    checked = check_text(village, text)
    [finding] = checked.findings
    assert (finding.code, finding.message()) == (
        "dues_arrears", "陈老根已连续欠缴党费 6 个月（达到 6 个月），请写明欠缴原因（党章第九条）")
    assert finding.message("en") == (
        "陈老根 is 6 months in arrears (6 or more); give the reason (Party Constitution, art. 9)")
    with_reason = text.replace("    # arrears_reason: 外出务工", "    arrears_reason: 外出务工")
    assert check_text(village, with_reason).findings == []


def test_employed_member_needs_a_base(village):
    checked = check_text(village, DUES.replace("    base: 4200.00            # 缴纳基数：在职为月税后工资，离退休为月养老金，其余不填\n", ""))
    assert [f.message() for f in checked.findings] == ["张建国为在职党员，须填写缴纳基数"]


def test_dues_posted_before_the_period_ends_are_a_warning(village):
    text = DUES.replace("period: 2026-Q3 ", "period: 2026-Q4 ")
    checked = check_text(village, text)
    assert [(f.code, f.line, f.message()) for f in checked.findings] == [
        ("posted_before_period_end", 5, "公开日期 2026-10-10 早于所属期间结束（2026-12-31），账目可能还不完整")]
    assert checked.ok

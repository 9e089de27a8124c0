from tests.conftest import FINANCE_YAML, RELIEF_YAML, check_text, codes


def test_valid_finance_has_no_findings(village):
    checked = check_text(village, FINANCE_YAML)
    assert checked.findings == []
    assert checked.ok


def test_unbalanced_accounts_name_every_figure(village):
    checked = check_text(village, FINANCE_YAML.replace("closing_balance: 2700.25",
                                                       "closing_balance: 2700.52"))
    [finding] = checked.findings
    assert finding.code == "finance_unbalanced"
    assert finding.line == 23
    assert finding.message() == (
        "账不平：期初 ¥1,000.00 + 收入 ¥2,000.50 − 支出 ¥300.25 = ¥2,700.25，"
        "但期末余额写的是 ¥2,700.52（相差 ¥0.27）")


def test_a_bare_total_is_an_error(village):
    text = FINANCE_YAML.split("income:")[0] + "closing_balance: 1000.00\naccountant: 周会计\n"
    checked = check_text(village, text)
    assert codes(checked) == ["finance_no_rows"]


def test_stated_totals_must_equal_the_rows(village):
    text = FINANCE_YAML + "income_total: 2000.05\nexpense_total: 300.25\n"
    checked = check_text(village, text)
    assert codes(checked) == ["total_mismatch"]
    assert checked.findings[0].message() == "收入合计写的是 ¥2,000.05，但各行相加是 ¥2,000.50，相差 ¥0.45"


def test_unusual_category_and_date_outside_period_warn(village):
    text = FINANCE_YAML.replace("category: 管理费用", "category: 办公费").replace(
        "date: 2026-08-02", "date: 2026-10-02")
    checked = check_text(village, text)
    assert codes(checked) == ["row_outside_period", "category_unusual"]  # in line order
    assert checked.ok  # warnings do not block a poster
    assert [f.line for f in checked.findings] == [16, 19]


def test_relief_without_recipients_is_an_error(village):
    text = RELIEF_YAML.split("recipients:")[0] + "recipients: []\n"
    assert codes(check_text(village, text)) == ["relief_no_rows"]


def test_relief_stated_total(village):
    checked = check_text(village, RELIEF_YAML + "total: 2000.00\n")
    assert codes(checked) == ["total_mismatch"]
    assert checked.findings[0].message() == "合计写的是 ¥2,000.00，但各行相加是 ¥2,100.00，相差 ¥100.00"

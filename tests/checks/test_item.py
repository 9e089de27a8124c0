from decimal import Decimal

from noticeboard.kinds import Finance, Relief
from tests.conftest import FINANCE_YAML, RELIEF_YAML, check_text, codes

CHINESE_FINANCE = """\
类型: 财务公开
所属期间: 2026-Q3
公开日期: 2026年10月8日
公示天数: 7
审核人: 孙立平
审核日期: 2026-10-06
期初余额: "1,000.00"
收入:
  - {日期: 2026-07-01, 凭证号: 记-001, 摘要: 租金, 类别: 经营收入, 金额: ¥2000.50, 经手人: 陈静}
支出:
  - {日期: 2026-08-02, 凭证号: 付-001, 摘要: 办公用品, 类别: 管理费用, 金额: 300.25,
     经手人: 刘洋, 审批人: 张建国}
期末余额: 2700.25
会计: 周会计
"""


def test_chinese_keys_and_kind_name_are_accepted(village):
    checked = check_text(village, CHINESE_FINANCE)
    assert checked.findings == []
    assert isinstance(checked.item, Finance)
    assert checked.item.income[0].amount == Decimal("2000.50")
    assert checked.item.opening_balance == Decimal("1000.00")


def test_same_field_in_english_and_chinese_is_an_error(village):
    checked = check_text(village, FINANCE_YAML + "期末余额: 2700.25\n")
    assert codes(checked) == ["key_twice"]
    assert checked.findings[0].message() == "「期末余额」和「closing_balance」是同一个字段，只能写一次"


def test_unknown_key_names_the_nearest_and_is_not_dropped(village):
    checked = check_text(village, FINANCE_YAML.replace("    summary: 村集体厂房租金收入", "    summry: 村集体厂房租金收入"))
    assert codes(checked) == ["missing_field", "key_unknown_near"]  # in line order
    missing, typo = checked.findings
    assert typo.message() == "不认识的字段「summry」，是不是「summary」？（为免丢失内容，不会忽略它）"
    assert typo.line == 11
    assert missing.message() == "缺少必填字段「摘要（summary）」"
    assert missing.line == 9  # the row that lacks it
    assert not checked.ok


def test_wrong_chinese_alias_suggests_the_right_one(village):
    checked = check_text(village, RELIEF_YAML.replace("    household_size: 1", "    保障人口: 1"))
    typo = next(f for f in checked.findings if f.code == "key_unknown_near")
    assert typo.params["nearest"] == "保障人数"


def test_unknown_kind(village):
    checked = check_text(village, "kind: financ\n")
    assert [f.message() for f in checked.findings] == ["不认识的类型「financ」，是不是「finance」？"]
    checked = check_text(village, "类型: 天气预报\n")
    assert checked.findings[0].code == "kind_unknown"


def test_missing_kind(village):
    assert codes(check_text(village, "title: 通知\n")) == ["kind_missing"]


def test_list_instead_of_mapping(village):
    checked = check_text(village, "- kind: notice\n")
    assert codes(checked) == ["root_not_mapping"]


def test_every_value_problem_is_reported_with_its_line(village):
    text = FINANCE_YAML.replace("amount: 2000.50", "amount: 2000.505").replace(
        "date: 2026-08-02", "date: 2026-02-30").replace("posted: 2026-10-08", "posted: 昨天")
    checked = check_text(village, text)
    assert [(f.code, f.line) for f in checked.findings] == [
        ("date_format", 3), ("money_cents", 13), ("date_invalid", 16)]
    assert checked.findings[0].message() == "「昨天」不是日期，请写成 2026-10-08 或 2026年10月8日"


def test_yes_stays_text_in_a_text_field(village):
    checked = check_text(village, RELIEF_YAML.replace("category: 特困供养", "category: yes"))
    assert isinstance(checked.item, Relief)
    assert checked.item.recipients[1].category == "yes"


def test_leading_zero_is_kept_in_text(village):
    checked = check_text(village, RELIEF_YAML + "contact: 0571\n")
    assert checked.item is not None and checked.item.contact == "0571"


def test_household_size_must_be_a_whole_number(village):
    checked = check_text(village, RELIEF_YAML.replace("household_size: 2", "household_size: 两"))
    assert [(f.code, f.line) for f in checked.findings] == [("int_format", 11)]


MANY_PROBLEMS = """\
类型: 低保
项目: 农村最低生活保障金
公开日期: 2026-10-10
公示截止: 2026-10-05
名单:
  - 户主姓名: 王桂英
    村民小组: 第一村民小组
    保障人数: 两
    类别: 一类低保
    金额: 1120.00
  - 户主姓名: 刘长水
    村民小组: 第二村民小组
    保障人数: 1
    类别: 特困供养
    金额: 980.00
    备注: 电话13812345678
"""


def test_one_check_lists_every_problem_sorted_with_the_keys_written(village):
    checked = check_text(village, MANY_PROBLEMS)
    assert [f"{f.line}: {f.field_text()}: {f.message()}" for f in checked.findings] == [
        "1: 所属期间: 缺少必填字段「所属期间（period）」",
        "1: 审核人: 没有写审核人：写明村务监督委员会由谁审核，群众才知道公开前有人把过关",
        "1: 审核日期: 没有写审核日期：写明哪天审核，才看得出是先审核、后公开",
        "4: 公示截止: 公示截止日期 2026-10-05 早于公开日期 2026-10-10",
        "8: 名单[1].保障人数: 「两」不是整数",
        "16: 名单[2].备注: 这里有一个个人手机号（138****5678），不得公开张贴，请删除；群众反映问题的电话请写在「监督电话」一栏",
    ]
    assert checked.item is None  # the rules ran on what validated; nothing is rendered


def test_english_output_adds_the_english_path(village):
    checked = check_text(village, MANY_PROBLEMS)
    assert [f.field_text("en") for f in checked.findings][-2:] == [
        "名单[1].保障人数 (recipients[1].household_size)", "名单[2].备注 (recipients[2].note)"]


def test_english_keys_are_named_in_english(village):
    checked = check_text(village, RELIEF_YAML.replace("household_size: 2", "household_size: x"))
    assert [(f.field_text("zh"), f.field_text("en")) for f in checked.findings] == [
        ("recipients[1].household_size", "recipients[1].household_size")]


def test_rules_never_see_a_default_for_a_field_that_failed(village):
    # The list failed: an empty default list would make "no recipients" appear.
    checked = check_text(village, RELIEF_YAML.replace("household_size: 2", "household_size: x")
                         .replace("days: 7", "days: 2"))
    assert codes(checked) == ["window_short", "int_format"]


def test_rules_that_need_a_missing_field_are_skipped_others_run(village):
    text = FINANCE_YAML.replace("period: 2026-Q3\n", "").replace("reviewed_by: 孙立平\n", "")
    checked = check_text(village, text.replace("closing_balance: 2700.25", "closing_balance: 2700.00"))
    assert codes(checked) == ["missing_field", "review_missing", "finance_unbalanced"]

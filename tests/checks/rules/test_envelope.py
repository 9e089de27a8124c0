from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, check_text, codes, write


def test_window_shorter_than_minimum_warns(village):
    checked = check_text(village, RELIEF_YAML.replace("days: 7", "days: 3"))
    assert codes(checked) == ["window_short"]
    assert checked.findings[0].message() == "公示期只有 3 天，少于本类事项要求的 7 天"


def test_until_before_posted_is_an_error(village):
    checked = check_text(village, NOTICE_YAML + "until: 2026-11-01\n")
    assert codes(checked) == ["window_order"]
    assert checked.findings[0].line == 9


def test_minimum_comes_from_township_yaml(township, village):
    write(township / "township.yaml", "name: 青山镇\ndefaults:\n  min_days:\n    relief: 3\n")
    checked = check_text(village, RELIEF_YAML.replace("days: 7", "days: 3"))
    assert checked.findings == []


def test_finance_needs_its_reviewer_and_warns_without_the_review_date(village):
    text = FINANCE_YAML.replace("reviewed_by: 孙立平\n", "").replace("reviewed_on: 2026-10-06\n", "")
    checked = check_text(village, text)
    assert [(f.severity.value, f.code, f.message()) for f in checked.findings] == [
        ("error", "review_missing", "缺少审核人：账目和开支须经村务监督委员会（民主理财小组）审核后才能公开"
                                    "（在审计的基础上公开；村民委员会组织法第三十二条）"),
        ("warning", "review_date_missing", "没有写审核日期：写明哪天审核，才看得出是先审核、后公开")]


def test_relief_without_reviewer_warns(village):
    checked = check_text(village, RELIEF_YAML.replace("reviewed_by: 孙立平\n", ""))
    assert [(f.severity.value, f.code) for f in checked.findings] == [("warning", "reviewer_missing")]
    assert checked.ok


def test_review_after_posting_is_an_error(village):
    checked = check_text(village, FINANCE_YAML.replace("reviewed_on: 2026-10-06",
                                                       "reviewed_on: 2026-10-09"))
    assert codes(checked) == ["review_after_posting"]


def test_finance_posted_before_period_end_warns(village):
    text = FINANCE_YAML.replace("posted: 2026-10-08", "posted: 2026-09-20").replace(
        "reviewed_on: 2026-10-06", "reviewed_on: 2026-09-19")
    assert codes(check_text(village, text)) == ["posted_before_period_end"]


def test_item_without_village_needs_issuer_and_contact(tmp_path):
    checked = check_text(tmp_path, NOTICE_YAML)
    assert codes(checked) == ["issuer_missing", "feedback_missing"]
    checked = check_text(tmp_path, NOTICE_YAML + "issuer: 双河村村民委员会\ncontact: 0571-1\n")
    assert checked.findings == []


def test_days_and_until_that_disagree_are_an_error(village):
    text = RELIEF_YAML.replace("days: 7\n", "days: 7\nuntil: 2026-10-12\n")
    checked = check_text(village, text)
    assert [(f.code, f.line, f.message()) for f in checked.findings] == [
        ("window_days_until_conflict", 5,
         "公示天数写的是 7 天，应到 2026-10-16 截止，但公示截止日期写的是 2026-10-12：两处不一致，请删去一处或改成一致"),
        ("window_short", 6, "公示期只有 3 天，少于本类事项要求的 7 天")]
    assert not checked.ok
    agreeing = text.replace("until: 2026-10-12", "until: 2026-10-16")
    assert check_text(village, agreeing).findings == []

"""Party-member development by 党章 and the 2014 细则: age, training, probation, dates."""

from tests.conftest import check_text, filled_skeleton

DEVELOPMENT = filled_skeleton("member_development")


def found(checked):
    return [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings]


def test_an_applicant_is_eighteen_or_older(village):
    text = DEVELOPMENT.replace("born: 1995-08", "born: 2006-04").replace(
        "applied_on: 2024-03-15", "applied_on: 2024-03-31")
    checked = check_text(village, text)
    assert found(checked) == [(
        "applicant_under_18", 12, "李明出生于2006年4月，申请入党时（2024-03-31）未满十八周岁（党章第一条）",
        "李明, born 2006年4月, was under 18 when applying (2024-03-31) (Party Constitution, art. 1)")]
    assert not checked.ok
    # From the first day of the month of the 18th birthday the day is unknown: not refused,
    # but the clerk is asked for the day.
    checked = check_text(village, text.replace("applied_on: 2024-03-31", "applied_on: 2024-04-01"))
    assert [(f.code, f.line, f.message()) for f in checked.findings] == [(
        "applicant_age_unsure", 12,
        "李明出生于2006年4月，申请入党时间（2024-04-01）正好在满十八周岁的那个月，"
        "无法按月核对是否年满十八岁：请把出生年月写到日（如 2006-03-20）（党章第一条）")]
    assert checked.ok
    assert check_text(village, text.replace("applied_on: 2024-03-31", "applied_on: 2024-05-01")).findings == []


def test_the_chinese_way_of_writing_a_birth_month_is_read_too(village):
    text = DEVELOPMENT.replace("born: 1995-08", "born: 2006年5月")
    assert [f.code for f in check_text(village, text).findings] == ["applicant_under_18"]


def full_member(probationary_on, posted):
    return DEVELOPMENT.replace("stage: 发展对象 ", "stage: 预备党员转正 ").replace(
        "candidate_on: 2026-09-28", "candidate_on: 2025-06-01").replace(
        "    # probationary_on: 2027-03-01", f"    probationary_on: {probationary_on}").replace(
        "posted: 2026-10-09", f"posted: {posted}")


def test_probation_lasts_a_year_before_full_membership_is_posted(village):
    checked = check_text(village, full_member("2025-10-20", "2026-10-09"))
    assert found(checked) == [(
        "probation_under_a_year", 15,
        "李明于 2025-10-20 接收为预备党员，预备期一年，最早 2026-10-20 才能公示转正（现公开日期 2026-10-09）",
        "李明 was admitted as a probationary member on 2025-10-20: the probation lasts a year, "
        "so 转正 is posted no earlier than 2026-10-20 (posted 2026-10-09)")]
    assert not checked.ok
    assert check_text(village, full_member("2025-10-09", "2026-10-09")).findings == []


def test_a_stage_reached_after_the_posting_date_is_an_error(village):
    text = DEVELOPMENT.replace("candidate_on: 2026-09-28", "candidate_on: 2026-10-12")
    assert found(check_text(village, text)) == [(
        "dated_after_posting", 14,
        "李明的确定为发展对象时间（2026-10-12）晚于公开日期 2026-10-09：海报不能公布还没有发生的事",
        "李明的确定为发展对象时间 (2026-10-12) is after the posting date 2026-10-09: a poster "
        "cannot report the future")]


def test_a_birth_date_to_the_day_is_checked_to_the_day(village):
    # 党章 第一条 (年满十八岁): on the 18th birthday the applicant may apply, the day before not.
    text = DEVELOPMENT.replace("born: 1995-08", "born: 2006-03-20")
    day_before = check_text(village, text.replace("applied_on: 2024-03-15", "applied_on: 2024-03-19"))
    assert found(day_before) == [(
        "applicant_under_18", 12, "李明出生于2006年3月20日，申请入党时（2024-03-19）未满十八周岁（党章第一条）",
        "李明, born 2006年3月20日, was under 18 when applying (2024-03-19) (Party Constitution, art. 1)")]
    on_the_day = text.replace("applied_on: 2024-03-15", "applied_on: 2024-03-20")
    assert check_text(village, on_the_day).findings == []
    chinese = on_the_day.replace("born: 2006-03-20", "born: 2006年3月20日")
    assert check_text(village, chinese).findings == []


def test_a_leap_day_birthday_turns_eighteen_on_the_first_of_march(village):
    text = DEVELOPMENT.replace("born: 1995-08", "born: 2004-02-29")
    early = check_text(village, text.replace("applied_on: 2024-03-15", "applied_on: 2022-02-28"))
    assert [f.code for f in early.findings] == ["applicant_under_18"]
    assert check_text(village, text.replace("applied_on: 2024-03-15", "applied_on: 2022-03-01")).findings == []


def test_a_birth_month_that_does_not_exist_is_an_error(village):
    checked = check_text(village, DEVELOPMENT.replace("born: 1995-08", "born: 1995-13"))
    assert found(checked) == [(
        "born_invalid", 9, "李明的出生年月「1995-13」不是有效的日期，请写成 1995-08 或 1995-08-20",
        "李明: the birth date `1995-13` is not a real date; write 1995-08 or 1995-08-20")]
    assert not checked.ok


def test_one_introducer_written_twice_is_not_two(village):
    text = DEVELOPMENT.replace("[张建国, 王秀兰]", "[张建国, 张 建国]")
    checked = check_text(village, text)
    assert found(checked) == [(
        "introducers_twice", 16,
        "李明处于「发展对象」阶段，须有两名不同的入党介绍人，现在同一人写了两次（党章第五条）",
        "李明 is at stage 发展对象: two different introducers are required, one name is written "
        "twice (Party Constitution, art. 5)")]
    assert not checked.ok

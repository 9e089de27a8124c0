"""Party-member development by 党章 and the 2014 细则: age, training, probation, dates."""

from noticeboard.skeletons import skeleton
from tests.conftest import check_text

DEVELOPMENT = skeleton("member_development")


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
    # From the first day of the month of the 18th birthday the day is unknown: not refused.
    assert check_text(village, text.replace("applied_on: 2024-03-31", "applied_on: 2024-04-01")).findings == []


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

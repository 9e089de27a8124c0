"""Dates in order: announcements before meetings, election lead times, party stages."""

from tests.conftest import check_text, filled_skeleton

RESULT = filled_skeleton("meeting")
# A pre-announcement: the result skeleton without its vote and resolution (not yet held).
ANNOUNCEMENT = RESULT[:RESULT.index("vote:")].replace("stage: 决议公告 ", "stage: 会前公告 ").replace(
    "posted: 2026-11-29 ", "posted: 2026-11-20 ")
DEVELOPMENT = filled_skeleton("member_development")
ELECTION = filled_skeleton("election")


def candidates_notice(text):
    """The election skeleton as a candidates' notice: no votes, winners or counts yet."""
    dropped = ("    votes:", "    elected:", "present:", "ballots_cast:", "ballots_valid:")
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(dropped)).replace("stage: 选举结果 ", "stage: 候选人 ")


def codes(checked):
    return [(f.code, f.line, f.message()) for f in checked.findings]


def test_announcement_must_be_posted_before_the_meeting(village):
    text = ANNOUNCEMENT.replace("posted: 2026-11-20 ", "posted: 2026-11-28 ")
    assert codes(check_text(village, text)) == [(
        "meeting_not_before", 11,
        "会前公告须在开会之前张贴（公开日期 2026-11-28，会议日期 2026-11-28），让群众有时间思考")]


def test_result_cannot_precede_the_meeting(village):
    text = filled_skeleton("meeting").replace("posted: 2026-11-29 ", "posted: 2026-11-27 ")
    assert [c[0] for c in codes(check_text(village, text))] == ["result_before_meeting"]


def test_voter_list_twenty_days_ahead(village):
    text = ELECTION.replace("stage: 选举结果 ", "stage: 选民名单 ").replace(
        "posted: 2026-11-15 ", "posted: 2026-10-30 ").replace(
        "# voters:                    # 选民", "voters:                    # 选民").replace(
        "#   - {name: 王桂英", "  - {name: 王桂英")
    assert codes(check_text(village, text)) == [(
        "election_too_late", 10, "选民名单应在选举日前至少 20 天公布，现在只提前 16 天")]
    assert check_text(village, text.replace("posted: 2026-10-30 ", "posted: 2026-10-26 ")).findings == []


def test_candidates_five_days_ahead(village):
    text = candidates_notice(ELECTION).replace(
        "posted: 2026-11-15 ", "posted: 2026-11-12 ")
    assert codes(check_text(village, text)) == [(
        "election_too_late", 10, "候选人应在选举日前至少 5 天公布，现在只提前 3 天")]


def test_stage_dates_required_and_in_order(village):
    text = DEVELOPMENT.replace("    candidate_on: 2026-09-28", "    candidate_on: 2024-04-01")
    found = codes(check_text(village, text))
    assert ("stage_dates_order", 14, "李明的确定为发展对象时间早于确定为入党积极分子时间") in found
    text = DEVELOPMENT.replace("    activist_on: 2024-05-20  # 确定为入党积极分子时间\n", "")
    assert codes(check_text(village, text))[0] == (
        "stage_date_missing", 6, "李明处于「发展对象」阶段，没有写确定为入党积极分子时间：看不出是否按"
        "《中国共产党发展党员工作细则》的顺序和期限（如培养考察一年以上）发展")


def test_introducers_from_candidate_stage_on(village):
    text = DEVELOPMENT.replace("[张建国, 王秀兰]", "[张建国]")
    assert codes(check_text(village, text)) == [(
        "introducers_one", 16, "李明处于「发展对象」阶段，只有一名入党介绍人：须有两名正式党员作介绍人（党章第五条）")]
    activist = text.replace("stage: 发展对象 ", "stage: 入党积极分子 ")
    assert check_text(village, activist).findings == []


def test_activist_for_less_than_a_year_is_an_error(village):
    # 细则 第十六条: a year of training is a hard precondition, not advice.
    text = DEVELOPMENT.replace("candidate_on: 2026-09-28", "candidate_on: 2025-05-19")
    checked = check_text(village, text)
    [finding] = checked.findings
    assert (finding.code, finding.line, finding.message()) == (
        "activist_under_a_year", 14,
        "李明确定为入党积极分子（2024-05-20）后培养不满一年就确定为发展对象（2025-05-19），"
        "不符合《中国共产党发展党员工作细则》第十六条")
    assert finding.message("en") == (
        "李明 became a candidate (2025-05-19) less than a year after becoming an activist "
        "(2024-05-20); the 2014 rules (art. 16) require a year of training")
    assert not checked.ok
    # 一年以上 includes the full year itself.
    exactly = DEVELOPMENT.replace("candidate_on: 2026-09-28", "candidate_on: 2025-05-20")
    assert check_text(village, exactly).findings == []


def test_development_window_counts_working_days(village):
    # 2026-10-09 is a Friday and 2026-10-10 a Saturday worked in lieu of the National Day
    # holiday (调休上班): 9, 10, 12, 13 October are four working days.
    text = DEVELOPMENT.replace("days: 7  ", "until: 2026-10-13")
    assert codes(check_text(village, text)) == [(
        "window_short_working", 20, "公示期只有 4 个工作日，少于要求的 5 个工作日")]
    assert check_text(village, text.replace("until: 2026-10-13", "until: 2026-10-14")).findings == []


def test_contract_term_and_signing_order(village):
    text = filled_skeleton("contract").replace("term_end: 2031-12-31", "term_end: 2026-12-31").replace(
        "signed_on: 2026-12-12", "signed_on: 2026-11-20")
    assert [c[0] for c in codes(check_text(village, text))] == [
        "contract_term_order", "contract_signed_before_decision"]


def test_goal_deadline_before_posting_warns(village):
    text = filled_skeleton("work_plan").replace("deadline: 2027-10-31", "deadline: 2026-10-31")
    assert codes(check_text(village, text)) == [(
        "goal_deadline_past", 16, "完成时限 2026-10-31 早于公开日期 2027-01-10")]

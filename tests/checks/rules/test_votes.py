"""Meetings, decisions and elections: attendance, tallies, quorum, majorities."""

from tests.conftest import check_text, filled_skeleton, line_of, write

MEETING = filled_skeleton("meeting")
ELECTION = filled_skeleton("election")


def only(checked):
    [finding] = checked.findings
    return finding.code, finding.line, finding.message()


def test_present_cannot_exceed_expected(village):
    checked = check_text(village, MEETING.replace("present: 41 ", "present: 46 "))
    assert only(checked) == ("vote_present_over", line_of(MEETING, "present: 41"), "实到人数 46 超过应到人数 45")


def test_votes_cannot_exceed_present(village):
    checked = check_text(village, MEETING.replace("votes_for: 38", "votes_for: 40"))
    assert only(checked) == ("vote_sum_over", line_of(MEETING, "votes_for: 38"), "赞成、反对、弃权合计 43 票，超过实到人数 41")


def test_quorum_of_a_representatives_meeting_is_two_thirds(village):
    text = MEETING.replace("present: 41 ", "present: 29 ").replace("votes_for: 38", "votes_for: 26")
    assert only(check_text(village, text)) == (
        "quorum_not_met", line_of(MEETING, "present: 41"), "实到 29 人、应到 45 人，未达到三分之二以上的到会要求，会议决定无效")
    assert check_text(village, text.replace("present: 29 ", "present: 30 ")).findings == []


def test_quorum_is_configurable_per_body(township, village):
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  quorum:\n    村民代表会议: 1/2\n")
    text = MEETING.replace("present: 41 ", "present: 23 ").replace("votes_for: 38", "votes_for: 20")
    assert check_text(village, text).findings == []
    fewer = text.replace("present: 23 ", "present: 22 ").replace("votes_for: 20", "votes_for: 19")
    assert only(check_text(village, fewer))[0] == "quorum_not_met"


def test_a_failed_vote_is_only_a_warning_on_a_result_notice(village):
    checked = check_text(village, MEETING.replace("votes_for: 38", "votes_for: 20"))
    assert only(checked) == ("vote_not_passed", line_of(MEETING, "votes_for: 38"), "赞成 20 票，未超过实到人数 41 的半数，未获通过")
    assert checked.ok


def test_a_decision_referenced_by_a_contract_must_have_passed(village):
    text = filled_skeleton("contract").replace("votes_for: 38", "votes_for: 20")
    checked = check_text(village, text)
    assert [f.code for f in checked.findings] == ["vote_not_passed"]
    assert not checked.ok


def test_election_counts_must_nest(village):
    checked = check_text(village, ELECTION.replace("ballots_cast: 884 ", "ballots_cast: 890 "))
    assert only(checked) == ("election_count_order", 29, "收回选票 890 不能多于参加投票选民数 886")


def test_the_elected_must_have_the_most_votes(village):
    text = ELECTION.replace("votes: 702 ", "votes: 160 ").replace(
        "    votes: 168\n    elected: 否", "    votes: 168\n    elected: 否")
    checked = check_text(village, text)
    assert [f.code for f in checked.findings] == ["election_not_majority", "election_not_top"]
    assert checked.findings[1].message() == (
        "主任：张建国 得 160 票当选，但未当选的 刘长水 得 168 票，得票多者应当选")
    assert checked.findings[0].message() == (
        "张建国 得 160 票，未超过参加投票选民 886 人的半数，不能当选（村民委员会组织法第十五条）")


def test_result_without_vote_counts(village):
    checked = check_text(village, ELECTION.replace("    votes: 168\n", ""))
    assert only(checked) == ("election_votes_missing", 21, "选举结果缺少 刘长水 的得票数")


def test_a_quorum_that_is_not_a_fraction_is_refused_in_the_settings(township, village):
    from noticeboard.checks.settings import find_setting

    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  quorum:\n    村民代表会议: 过半\n")
    _, findings = find_setting(village)
    assert [(f.code, f.line, f.message()) for f in findings] == [
        ("bad_characters", 5, "「过半」含有不允许的字符")]  # located at its own line under `quorum:`


def test_a_contract_decided_by_the_two_committees_is_an_error(village):
    # 村民委员会组织法 第二十四条 (承包方案) and 第二十五条: the villagers decide, not the 两委.
    text = filled_skeleton("contract").replace("  body: 村民代表会议\n", "  body: 村“两委”会\n").replace(
        "vote: {expected: 45, present: 41, votes_for: 38", "vote: {expected: 7, present: 7, votes_for: 7").replace(
        "votes_against: 2, abstain: 1}", "votes_against: 0, abstain: 0}")
    assert only(check_text(village, text)) == (
        "decision_not_by_villagers", line_of(text, "body: 村“两委”会"),
        "承包、租赁方案须由村民会议或经授权的村民代表会议讨论决定，现在写的决策机构是「村“两委”会」"
        "（村民委员会组织法第二十四条、第二十五条）")
    assert check_text(village, text.replace("body: 村“两委”会", "body: 村民会议")).findings == []


def test_one_matter_and_major_matters_are_decided_by_the_villagers(village):
    one = filled_skeleton("one_matter").replace("vote_body: 村民代表会议", "vote_body: 党员大会")
    assert only(check_text(village, one)) == (
        "decision_not_by_villagers", line_of(one, "vote_body:"),
        "一事一议筹资筹劳方案须由村民会议或经授权的村民代表会议讨论决定，现在写的决策机构是「党员大会」"
        "（村民委员会组织法第二十四条、第二十五条）")
    major = filled_skeleton("major_matter").replace("body: 村民代表会议 ", "body: 支委会 ")
    assert [f.code for f in check_text(village, major).findings] == ["decision_not_by_villagers"]
    # A large expense may be decided by the 两委 (local practice): no such error there.
    assert check_text(village, filled_skeleton("expense")).findings == []

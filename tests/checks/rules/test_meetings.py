"""Meetings by the law: bodies by any of their names, notice, majorities, 通过 or 未通过."""

import pytest

from noticeboard.kinds.meeting import canonical_body
from noticeboard.poster.render import Renderer
from tests.conftest import check_text, filled_skeleton, line_of
from tests.pdftext import page_texts, squeezed

RESULT = filled_skeleton("meeting")
ANNOUNCEMENT = RESULT[:RESULT.index("vote:")].replace("stage: 决议公告 ", "stage: 会前公告 ").replace(
    "posted: 2026-11-29 ", "posted: 2026-11-20 ")


def found(checked):
    return [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings]


def with_vote(text, present, votes_for, expected=45):
    return text.replace("expected: 45 ", f"expected: {expected} ").replace(
        "present: 41 ", f"present: {present} ").replace("votes_for: 38", f"votes_for: {votes_for}")


@pytest.mark.parametrize("name", ["村民代表大会", "村民代表会", "村民代表会议"])
def test_every_name_of_the_representatives_meeting_needs_two_thirds(village, name):
    text = with_vote(RESULT.replace("body: 村民代表会议 ", f"body: {name} "), 25, 20)
    assert found(check_text(village, text)) == [(
        "quorum_not_met", line_of(RESULT, "present: 41"),
        "实到 25 人、应到 45 人，未达到三分之二以上的到会要求，会议决定无效",
        "25 of 45 present: the quorum (三分之二以上) is not met")]


def test_one_matter_voted_by_a_representatives_assembly_needs_two_thirds(village):
    text = filled_skeleton("one_matter")
    assert check_text(village, text).findings == []
    text = text.replace("vote_body: 村民代表会议", "vote_body: 村民代表大会").replace(
        "present: 41", "present: 25").replace("votes_for: 39", "votes_for: 20")
    assert [f.code for f in check_text(village, text).findings] == ["quorum_not_met"]


def test_aliases_ignore_quotes_and_spaces():
    assert canonical_body('村"两委"会') == canonical_body("村两委会") == "村“两委”会"
    assert canonical_body("群众会") == "村民会议"
    assert canonical_body("村民议事会") is None


def test_an_unknown_body_is_a_warning_listing_the_known_ones(village):
    checked = check_text(village, RESULT.replace("body: 村民代表会议 ", "body: 村民议事会 "))
    known = ("党委会、支委会、班子会、主席团会、村“两委”会、村民代表会议、村民会议、户代表会议、党员大会、"
             "村民小组会议、听证会")
    assert found(checked) == [(
        "meeting_body_unknown", line_of(RESULT, "body: 村民代表会议"),
        f"不认识的会议名称「村民议事会」，已按过半数计算到会和表决；常用名称：{known}",
        f"unknown meeting body `村民议事会`; more than half is assumed; known bodies: {known}")]
    assert checked.ok


def test_a_villagers_meeting_is_announced_ten_days_ahead(village):
    text = ANNOUNCEMENT.replace("body: 村民代表会议 ", "body: 村民会议 ")  # posted 20th, held 28th
    assert found(check_text(village, text)) == [(
        "meeting_notice_too_late", line_of(text, "posted:"),
        "召开村民会议应提前 10 天公告，现在只提前 8 天（村民委员会组织法第二十一条）",
        "a 村民会议 must be announced 10 days ahead, not 8 (Organic Law of Villagers' "
        "Committees, art. 21)")]
    assert check_text(village, text.replace("posted: 2026-11-20 ", "posted: 2026-11-18 ")).findings == []
    # Another name for the same body is held to the same notice.
    assert [f.code for f in check_text(village, text.replace("村民会议", "群众会")).findings] == [
        "meeting_notice_too_late"]


def test_party_members_meeting_decides_by_half_of_those_entitled(village):
    # 20 of 30 members came and 14 voted for: a majority of those present, not of the 30.
    party = RESULT.replace("body: 村民代表会议 ", "body: 党员大会 ")
    text = with_vote(party, 20, 14, expected=30)
    checked = check_text(village, text)
    assert found(checked) == [(
        "vote_not_passed_members", line_of(RESULT, "votes_for: 38"),
        "赞成 14 票，未超过应到会党员 30 人的半数，未获通过"
        "（党员大会以应到会党员过半数通过，《中国共产党支部工作条例》第十一条）",
        "14 for is not more than half of the 30 members entitled to attend: not passed "
        "(a party members' meeting decides by a majority of all its members)")]
    assert check_text(village, with_vote(party, 20, 16, expected=30)).findings == []


def test_a_failed_motion_is_posted_as_not_passed_never_as_a_resolution(village):
    checked = check_text(village, with_vote(RESULT, 41, 20))
    assert [f.code for f in checked.findings] == ["vote_not_passed"]
    poster = Renderer().render(checked)
    text = squeezed(page_texts(poster.pdf)[0])
    for needle in ["双河村村民代表会议表决结果公告", "表决结果：未通过", "本议案表决未通过，不形成决议"]:
        assert needle in text, needle
    assert "决议公告" not in text and "、决议" not in text


def test_a_passed_motion_says_so(village):
    html = Renderer().html(check_text(village, RESULT), "A3")
    assert "表决结果：<strong class=\"outcome\">通过</strong>" in html
    assert "双河村村民代表会议决议公告" in html and "未通过" not in html


def test_a_pre_announcement_carries_no_result(village):
    # `noticeboard new meeting` with only the stage changed: the meeting has not been held.
    text = RESULT.replace("stage: 决议公告 ", "stage: 会前公告 ").replace(
        "posted: 2026-11-29 ", "posted: 2026-11-20 ")
    checked = check_text(village, text)
    assert found(checked) == [
        ("announcement_has_result", line_of(text, "vote:"),
         "会前公告不能写到会和表决情况：会议还没有召开；会后请另发决议公告",
         "a pre-announcement cannot give the 到会和表决情况: the meeting has not been held; "
         "post a result notice afterwards"),
        ("announcement_has_result", line_of(text, "resolution:"),
         "会前公告不能写决议：会议还没有召开；会后请另发决议公告",
         "a pre-announcement cannot give the 决议: the meeting has not been held; post a "
         "result notice afterwards")]
    assert not checked.ok
    # Even forced through, the poster shows no attendance, votes or resolution.
    html = Renderer().html(checked, "A3")
    for word in ("应到", "实到", "赞成", "反对", "弃权", "表决", "同意村集体果园"):
        assert word not in html, word
    assert check_text(village, ANNOUNCEMENT).findings == []


def test_a_pre_announcement_gives_the_proposal_itself(village):
    # disclosure-rules.md, 民主决策: body, time, place, agenda, *proposal text*, how to comment.
    start, end = ANNOUNCEMENT.index("proposal:"), ANNOUNCEMENT.index("how_to_comment:")
    checked = check_text(village, ANNOUNCEMENT[:start] + ANNOUNCEMENT[end:])
    assert found(checked) == [(
        "meeting_proposal_missing", 3,
        "会前公告须公布提交会议讨论的方案全文（方案），让群众会前有时间思考和提出意见",
        "a pre-announcement must give the proposal itself, so people can think before the meeting")]
    assert not checked.ok
    assert check_text(village, ANNOUNCEMENT).findings == []


@pytest.mark.parametrize(("abstain", "passed"), [(16, False), (15, True)])
def test_abstentions_do_not_count_for_a_motion(village, abstain, passed):
    # 村民委员会组织法 第二十六条: more than half of those *present* (41): 20 for is not enough.
    text = with_vote(RESULT, 41, 41 - 5 - abstain).replace("votes_against: 2 ", "votes_against: 5 ").replace(
        "abstain: 1 ", f"abstain: {abstain} ")
    codes = [f.code for f in check_text(village, text).findings]
    assert codes == ([] if passed else ["vote_not_passed"])


def test_a_villagers_meeting_needs_more_than_half_present_and_for(village):
    # 村民委员会组织法 第二十二条: 过半数 is strictly more than half, for attendance and votes.
    text = RESULT.replace("body: 村民代表会议 ", "body: 村民会议 ")
    half = with_vote(text, 50, 40, expected=100)
    assert [f.code for f in check_text(village, half).findings] == ["quorum_not_met"]
    assert check_text(village, with_vote(text, 51, 26, expected=100)).findings == []
    tie = with_vote(text, 51, 25, expected=100)
    assert [(f.code, f.message()) for f in check_text(village, tie).findings] == [
        ("vote_not_passed", "赞成 25 票，未超过实到人数 51 的半数，未获通过")]


def test_half_of_the_party_members_is_a_quorum_but_cannot_pass_a_motion(village):
    # 支部工作条例 第十一条: 半数以上有表决权的党员到会 (half included), but a motion needs
    # more than half of all 40 members entitled: 20 present can never carry it.
    party = RESULT.replace("body: 村民代表会议 ", "body: 党员大会 ").replace(
        "votes_against: 2 ", "votes_against: 0 ").replace("abstain: 1 ", "abstain: 0 ")
    checked = check_text(village, with_vote(party, 20, 20, expected=40))
    assert [f.code for f in checked.findings] == ["vote_not_passed_members"]
    short = check_text(village, with_vote(party, 19, 19, expected=40))
    assert [(f.code, f.message()) for f in short.findings] == [
        ("quorum_not_met", "实到 19 人、应到 40 人，未达到半数以上的到会要求，会议决定无效"),
        ("vote_not_passed_members", "赞成 19 票，未超过应到会党员 40 人的半数，未获通过"
         "（党员大会以应到会党员过半数通过，《中国共产党支部工作条例》第十一条）")]

"""Votes as real notices give them: in words, with or without counts, or 民主评议."""

import pytest

from noticeboard.poster.render import Renderer
from tests.conftest import TOWNSHIP_YAML, check_text, filled_skeleton, write
from tests.pdftext import page_texts, squeezed

RESULT = filled_skeleton("meeting")
COUNTS = """vote:                        # 表决情况：决议公告必填
  expected: 45               # 应到人数
  present: 41                # 实到人数
  votes_for: 38              # 赞成
  votes_against: 2           # 反对
  abstain: 1                 # 弃权
"""
assert COUNTS in RESULT


def with_vote(vote_yaml: str) -> str:
    return RESULT.replace(COUNTS, vote_yaml)


def vote_line_no(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("vote:"))


def found(checked):
    return [(f.severity.value, f.code, f.line, f.message()) for f in checked.findings]


def test_unanimous_in_words_alone_passes_with_a_warning(village):
    text = with_vote("vote: 举手表决，一致同意\n")
    checked = check_text(village, text)
    assert found(checked) == [(
        "warning", "vote_counts_missing", vote_line_no(text),
        "表决情况只写了「举手表决，一致同意」，没有应到人数、实到人数、赞成票数：无法核对到会是否达到法定人数、"
        "是否过半数通过（村民委员会组织法第二十二、二十六条）")]
    assert checked.ok and checked.item.passed() is True


def test_a_township_may_require_the_counts(township, village):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  升为错误: [表决人数]\n")
    checked = check_text(village, with_vote("vote: 全票通过\n"))
    assert [(f.severity.value, f.code) for f in checked.findings] == [("error", "vote_counts_missing")]


def test_unanimous_with_counts_means_every_vote_for(village):
    text = with_vote("vote: {outcome: 一致同意, expected: 45, present: 41, votes_for: 40}\n")
    assert found(check_text(village, text)) == [(
        "error", "vote_unanimous_mismatch", vote_line_no(text),
        "表决结果写的是「一致同意」，但赞成 40 票、实到 41 人、反对 0 票、弃权 0 票：一致同意应是实到的人全部赞成")]
    agreeing = text.replace("votes_for: 40", "votes_for: 41")
    assert check_text(village, agreeing).findings == []


def test_unanimous_with_present_only_counts_every_one_present(village):
    checked = check_text(village, with_vote("vote: {表决结果: 全票通过, 应到人数: 45, 实到人数: 41}\n"))
    assert checked.findings == []
    assert checked.item.vote.tally_for() == 41


def test_words_that_contradict_the_counts_are_an_error(village):
    text = with_vote("vote: {outcome: 通过, expected: 45, present: 41, votes_for: 20}\n")
    assert [f.code for f in check_text(village, text).findings] == [
        "vote_outcome_contradicts", "vote_not_passed"]


def test_a_deliberation_without_a_vote_is_a_practice_warning(village):
    checked = check_text(village, with_vote("vote: 民主评议\n"))
    assert found(checked) == [(
        "warning", "vote_not_taken", vote_line_no(with_vote("vote: 民主评议\n")),
        "村民代表会议是民主评议，没有表决：组织法要求决定经到会人员过半数通过（第二十二、二十六条），"
        "公告看不出有多少人同意")]
    assert checked.item.passed() is None


def test_an_empty_vote_and_an_unknown_word_are_errors(village):
    assert [f.code for f in check_text(village, with_vote("vote: {}\n")).findings] == ["vote_empty"]
    checked = check_text(village, with_vote("vote: 举手表决，大家都同意\n"))
    assert [f.code for f in checked.findings] == ["vote_text_unknown"]
    assert checked.findings[0].message().startswith(
        "「举手表决，大家都同意」中的「大家都同意」不是表决的写法；可写：举手表决、无记名投票、")


def test_two_tiers_of_attendance_with_percentages(village):
    vote = "vote: {参会人数: 52, 应到人数: 45, 实到人数: 41, 到会率: 91.1%, 赞成: 41, 赞成率: 100%}\n"
    checked = check_text(village, with_vote(vote))
    assert checked.findings == []
    text = squeezed(page_texts(Renderer().render(checked).pdf)[0])
    assert "参会52人，其中有表决权的应到45人、实到41人（到会率91.1%）；赞成41票，赞成率100%。表决结果：通过" in text
    assert "反对" not in text and "弃权" not in text  # not given, not invented


@pytest.mark.parametrize(("vote", "code"), [
    ("{参会人数: 40, 应到人数: 45, 实到人数: 41, 赞成: 41}", "vote_attendees_under"),
    ("{应到人数: 45, 实到人数: 41, 到会率: 90.0%, 赞成: 41}", "vote_rate_mismatch"),
])
def test_tiers_and_percentages_must_agree(village, vote, code):
    assert [f.code for f in check_text(village, with_vote(f"vote: {vote}\n")).findings] == [code]


def test_rate_message_gives_both_figures(village):
    checked = check_text(village, with_vote("vote: {应到人数: 45, 实到人数: 41, 到会率: 90.0%, 赞成: 41}\n"))
    assert checked.findings[0].message() == "到会率写的是 90.0%，但 41 ÷ 45 = 91.1%"


def test_a_vote_in_words_prints_no_boxes_and_no_invented_outcome(village):
    text = with_vote("vote: 民主评议\n") + "speakers: [鄂金柱, 敖洪波]\ndiscussion: 参会人员对方案进行了激烈讨论。\n" \
        "implementation: 报镇审核后实施\n"
    checked = check_text(village, text)
    assert [f.code for f in checked.findings] == ["vote_not_taken"]
    html = Renderer().html(checked, "A3")
    assert 'class="figures"' not in html and "表决结果" not in html and "通过" not in html
    page = squeezed(page_texts(Renderer().render(checked).pdf)[0])
    for needle in ["讨论情况", "参会人员对方案进行了激烈讨论。", "发言人：鄂金柱、敖洪波", "表决情况民主评议。",
                   "决议同意村集体果园", "实施状态：待镇审核后实施"]:
        assert needle in page, needle


def test_counts_given_print_as_boxes(village):
    checked = check_text(village, RESULT)
    html = Renderer().html(checked, "A3")
    assert html.count('class="figure"') == 5


@pytest.mark.parametrize("body", ["村民小组会议", "村民小组会", "听证会"])
def test_group_meetings_and_hearings_are_known_bodies(village, body):
    text = RESULT.replace("body: 村民代表会议 ", f"body: {body} ")
    assert check_text(village, text).findings == []


def test_a_group_meeting_needs_two_thirds(village):
    text = RESULT.replace("body: 村民代表会议 ", "body: 村民小组会议 ").replace("present: 41 ", "present: 29 ").replace(
        "votes_for: 38", "votes_for: 26")
    assert [f.code for f in check_text(village, text).findings] == ["quorum_not_met"]


def test_a_hearing_has_no_quorum(village):
    text = RESULT.replace("body: 村民代表会议 ", "body: 听证会 ").replace("present: 41 ", "present: 10 ").replace(
        "votes_for: 38", "votes_for: 7")
    assert check_text(village, text).findings == []


def test_a_result_notice_may_omit_the_place_with_a_warning(village):
    checked = check_text(village, RESULT.replace("place: 村文化礼堂             # 地点\n", ""))
    assert [(f.severity.value, f.code) for f in checked.findings] == [("warning", "meeting_place_missing")]
    announcement = RESULT[:RESULT.index("# 表决情况")].replace("stage: 决议公告 ", "stage: 会前公告 ").replace(
        "posted: 2026-11-29 ", "posted: 2026-11-20 ").replace("place: 村文化礼堂             # 地点\n", "")
    assert [f.code for f in check_text(village, announcement).findings] == ["meeting_place_required"]


def test_the_one_matter_vote_may_be_given_in_words(village):
    text = filled_skeleton("one_matter")
    start = text.index("vote:")
    end = text.index("\n", text.index("abstain:", start)) + 1
    checked = check_text(village, text[:start] + "vote: 举手表决，一致同意\n" + text[end:])
    assert [(f.severity.value, f.code) for f in checked.findings] == [("warning", "vote_counts_missing")]

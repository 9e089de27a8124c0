"""The parts each kind must show: steps of an issue, approval chain, lists, exemptions."""

from tests.conftest import check_text, filled_skeleton, write


def candidates_notice(text):
    """The election skeleton as a candidates' notice: no votes, winners or counts yet."""
    dropped = ("    votes:", "    elected:", "present:", "ballots_cast:", "ballots_valid:")
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(dropped)).replace("stage: 选举结果 ", "stage: 候选人 ")


def codes(checked):
    return [(f.code, f.line, f.message()) for f in checked.findings]


def test_every_issue_step_is_required(village):
    text = filled_skeleton("hot_issue").replace("    feedback: 9月20日在村民小组会上通报，并在本栏公开   # 反馈情况\n", "")
    assert codes(check_text(village, text)) == [(
        "issue_step_missing", 8,
        "问题「第三村民小组路灯损坏，夜间出行不便」缺少反馈情况：每个问题都要有调查、处理、结果和反馈")]


def test_expense_approval_chain(village):
    text = filled_skeleton("expense").replace("approver: 张建国              # 审批人\n", "")
    assert codes(check_text(village, text)) == [(
        "approval_step_missing", 3, "审批流程不完整：缺少审批人（经手人 → 监督委员会审核 → 审批人）")]


def test_expense_over_threshold_needs_a_meeting(village):
    text = filled_skeleton("expense")
    text = text[:text.index("decision:")] + text[text.index("period:"):]
    assert codes(check_text(village, text)) == [(
        "expense_needs_meeting", 3, "开支 ¥10,440.00 超过 ¥5,000.00，须经会议决定：请填写决策情况")]


def test_expense_threshold_is_configurable(township, village):
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\ndefaults:\n  expense_meeting_threshold: 20000\n")
    text = filled_skeleton("expense")
    text = text[:text.index("decision:")] + text[text.index("period:"):]
    assert check_text(village, text).findings == []


def test_announcement_needs_an_agenda(village):
    text = filled_skeleton("meeting").replace("stage: 决议公告 ", "stage: 会前公告 ").replace(
        "posted: 2026-11-29 ", "posted: 2026-11-20 ")
    text = text[:text.index("agenda:")] + text[text.index("proposal:"):text.index("vote:")]
    assert codes(check_text(village, text)) == [("meeting_agenda_missing", 3, "会前公告须列出会议议题")]


def test_result_needs_vote_and_resolution(village):
    text = filled_skeleton("meeting")
    text = text[:text.index("resolution:")]
    assert codes(check_text(village, text)) == [("meeting_result_missing", 3, "决议公告缺少决议")]


def test_one_matter_exemptions_must_be_listed(village):
    text = filled_skeleton("one_matter")
    text = text[:text.index("exemptions:")] + text[text.index("vote_body:"):]
    assert codes(check_text(village, text)) == [(
        "exemptions_missing", 3, "须列出减免名单（没有减免也要写 减免名单: []）")]


def test_candidates_need_nomination_votes_and_order(village):
    text = candidates_notice(filled_skeleton("election")).replace(
        "posted: 2026-11-15 ", "posted: 2026-11-08 ").replace("nomination_votes: 215", "nomination_votes: 700")
    assert codes(check_text(village, text)) == [("candidates_order", 14, "候选人未按提名得票多少排序")]


def test_empty_lists(village):
    text = filled_skeleton("appointment")
    text = text[:text.index("people:")] + "people: []\n" + text[text.index("objection_to:"):]
    assert codes(check_text(village, text)) == [("list_empty", 5, "人员不能为空")]

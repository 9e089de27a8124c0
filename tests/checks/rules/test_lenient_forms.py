"""Real notices that leave practice out: 发展对象 by name and date, caps by province,
objections on party and election posters, a pre-announcement's window."""

from noticeboard.poster.render import Renderer
from tests.conftest import TOWNSHIP_YAML, check_text, filled_skeleton, write
from tests.pdftext import page_texts, squeezed

DEVELOPMENT = filled_skeleton("member_development")
PERSONAL = """    gender: 男                # 性别
    ethnicity: 汉族           # 民族
    born: 1995-08            # 出生年月
    education: 本科           # 学历
    unit: 第二村民小组 村文书   # 村民小组及职务
"""
assert PERSONAL in DEVELOPMENT


def found(checked):
    return [(f.severity.value, f.code, f.message()) for f in checked.findings]


def test_a_candidate_by_name_and_dates_passes_with_one_warning(village):
    checked = check_text(village, DEVELOPMENT.replace(PERSONAL, ""))
    assert found(checked) == [(
        "warning", "applicant_details_missing",
        "李明没有写性别、民族、出生年月、学历、村民小组及职务：这些是公示对象的基本情况，写明了群众才认得清是谁，也才能核对年满十八岁")]
    page = squeezed(page_texts(Renderer().render(checked).pdf)[0])
    assert "李明" in page and "2026.09" in page
    assert "汉族" not in page and "民族" not in page  # nothing filled in for the clerk


def test_earlier_dates_and_introducers_left_out_are_practice_but_one_introducer_is_an_error(village):
    text = DEVELOPMENT.replace("    applied_on: 2024-03-15   # 申请入党时间\n", "").replace(
        "    activist_on: 2024-05-20  # 确定为入党积极分子时间\n", "")
    assert [(s, c) for s, c, _ in found(check_text(village, text))] == [
        ("warning", "stage_date_missing"), ("warning", "stage_date_missing")]
    none = DEVELOPMENT.replace("introducers: [张建国, 王秀兰]", "introducers: []")
    assert [(s, c) for s, c, _ in found(check_text(village, none))] == [("warning", "introducers_missing")]
    one = DEVELOPMENT.replace("introducers: [张建国, 王秀兰]", "introducers: [张建国]")
    assert found(check_text(village, one)) == [(
        "error", "introducers_one", "李明处于「发展对象」阶段，只有一名入党介绍人：须有两名正式党员作介绍人（党章第五条）")]


def test_a_too_short_training_shown_is_still_an_error(village):
    text = DEVELOPMENT.replace(PERSONAL, "").replace("activist_on: 2024-05-20", "activist_on: 2026-01-20")
    assert [c for _, c, _ in found(check_text(village, text))] == [
        "applicant_details_missing", "activist_under_a_year"]


ONE_MATTER = filled_skeleton("one_matter")


def twelve_days(text: str) -> str:
    import re
    return re.sub(r"labour_days: [0-9.]+", "labour_days: 12", text, count=1)


def test_twelve_work_days_warn_against_the_default_cap(village):
    checked = check_text(village, twelve_days(ONE_MATTER))
    assert found(checked) == [(
        "warning", "one_matter_cap_default",
        "筹劳标准 12 超过默认上限 10：上限由各省规定，请在 township.yaml 的 defaults 中按本省规定写 "
        "one_matter_labour_cap（写了之后，超过即为错误）")]


def test_twelve_work_days_pass_with_the_provinces_cap_and_fail_above_a_set_one(township, village):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  one_matter_labour_cap: 12\n")
    assert check_text(village, twelve_days(ONE_MATTER)).findings == []
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  one_matter_labour_cap: 8\n")
    assert [(s, c) for s, c, _ in found(check_text(village, twelve_days(ONE_MATTER)))] == [
        ("error", "one_matter_labour_cap")]


def poster_text(checked) -> str:
    return "".join(squeezed(t) for t in page_texts(Renderer().render(checked).pdf))


def test_a_party_poster_sends_objections_to_the_branch_and_the_township_party_committee(village):
    text = poster_text(check_text(village, DEVELOPMENT))
    assert "如有疑问，请于公示期内向中共双河村支部委员会或青山镇党委（组织办、纪委）反映，我们将在10日内答复。" in text
    assert "村务监督委员会反映" not in text


def test_a_village_poster_still_sends_them_to_the_supervision_committee(village):
    text = poster_text(check_text(village, filled_skeleton("notice")))
    assert "如有疑问，请于公示期内向双河村村务监督委员会反映" in text


def test_an_election_poster_is_signed_by_the_election_committee(village):
    checked = check_text(village, filled_skeleton("election"))
    assert checked.ok
    html = Renderer().html(checked, "A3")
    assert '<p class="issuer">双河村村民选举委员会</p>' in html
    assert "如有疑问，请于公示期内向双河村村民选举委员会反映" in html


MEETING = filled_skeleton("meeting")
ANNOUNCEMENT = MEETING[:MEETING.index("# 表决情况")].replace("stage: 决议公告 ", "stage: 会前公告 ").replace(
    "posted: 2026-11-29 ", "posted: 2026-11-20 ")


def test_a_pre_announcement_window_ends_before_its_meeting(village):
    text = ANNOUNCEMENT.replace("days: 7 ", "days: 9 ")
    assert found(check_text(village, text)) == [(
        "error", "announcement_window_after_meeting",
        "会前公告的公示期到 2026-11-28 才结束，但会议在 2026-11-28 召开：会前公告应在开会前撤下，请把公示截止改到会议前一天或更早")]
    assert check_text(village, ANNOUNCEMENT).findings == []  # 7 days end on 11-26


def test_without_days_the_window_stops_the_day_before_the_meeting(village):
    text = ANNOUNCEMENT.replace("days: 7                      # 公示天数（含张贴当天）\n", "").replace(
        "posted: 2026-11-20 ", "posted: 2026-11-25 ")
    checked = check_text(village, text)
    assert checked.findings == []
    assert "公示期：2026年11月25日至27日" in poster_text(checked)

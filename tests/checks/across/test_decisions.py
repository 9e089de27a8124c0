"""The decision an item names is read: a result, by the body the law names, with the
votes claimed, held and posted before what it allowed."""

from pathlib import Path

from noticeboard.run.build import Build
from tests.checks.across.township import SH, across, copy_township, edit, line

EXPENSE = "2026-09-路灯维修开支.yaml"
RESULT = "2026-11-村民代表会议决议.yaml"


def committee_result(village: Path, name: str, day: str, posted: str) -> Path:
    """A 两委 meeting's result notice, made from the example's representatives' one."""
    path = village / name
    text = (village / RESULT).read_text(encoding="utf-8")
    text = text.replace("body: 村民代表会议 ", "body: 村“两委”会 ")
    text = text.replace("meeting_date: 2026-11-28", f"meeting_date: {day}")
    text = text.replace("period: 2026-11", f"period: {day[:7]}")
    text = text.replace("posted: 2026-11-29", f"posted: {posted}")
    text = text.replace("expected: 45", "expected: 7").replace("present: 41", "present: 7")
    text = text.replace("votes_for: 38", "votes_for: 7").replace("votes_against: 2", "votes_against: 0")
    text = text.replace("abstain: 1 ", "abstain: 0 ")
    path.write_text(text, encoding="utf-8")
    return path


def test_spending_before_the_cited_meeting_and_its_posting(tmp_path):
    village = copy_township(tmp_path) / SH
    minutes = committee_result(village, "2026-09-两委会决议.yaml", "2026-09-22", "2026-09-23")
    expense = village / EXPENSE
    edit(expense, "  posted: 2026-09-11", "  file: 2026-09-两委会决议.yaml")
    assert across(village) == sorted([
        (EXPENSE, line(expense, "spent_on:"),
         f"开支日期 2026-09-18 早于引用的决议公告（2026-09-两委会决议.yaml 第{line(minutes, 'meeting_date')}行）"
         "的会议日期 2026-09-22，早 4 天：应先决策、后实施"),
        (EXPENSE, line(expense, "spent_on:"),
         f"开支日期 2026-09-18 早于决议公开的日期 2026-09-23（2026-09-两委会决议.yaml 第{line(minutes, 'posted:')}行），"
         "早 5 天：决议应先公开、后实施（四议两公开）"),
        (EXPENSE, line(expense, "date: 2026-09-10"),
         "会议日期写的是 2026-09-10，但引用的决议公告"
         f"（2026-09-两委会决议.yaml 第{line(minutes, 'meeting_date')}行）的会议日期是 2026-09-22，相差 12 天")])


def test_votes_claimed_are_the_votes_cast(tmp_path):
    """The result notice says 20 for out of 41 present; the major matter claims 38."""
    village = copy_township(tmp_path) / SH
    result = village / RESULT
    edit(result, "votes_for: 38", "votes_for: 20")
    edit(result, "votes_against: 2", "votes_against: 20")
    matter = village / "2026-12-果园发包.yaml"
    found = [f for f in across(village) if f[0] == matter.name]
    assert found == [
        (matter.name, line(matter, "votes_for: 38"),
         f"赞成票写的是 38，但引用的决议公告（{RESULT} 第{line(result, 'votes_for')}行）是 20，相差 18"),
        (matter.name, line(matter, "votes_against: 2"),
         f"反对票写的是 2，但引用的决议公告（{RESULT} 第{line(result, 'votes_against')}行）是 20，相差 18"),
        (matter.name, line(matter, "file:"),
         f"引用的决议公告（{RESULT} 第{line(result, 'votes_for')}行）表决未通过：赞成 20 票，"
         "没有超过实到 41 人的半数；未通过的决议不能作为依据")]
    # The contract and the 一事一议 plan cite the same meeting and are told the same.
    assert {f[0] for f in across(village)} == {
        matter.name, "2026-12-果园承包合同.yaml", "2026-12-村道硬化一事一议.yaml"}


def test_a_pre_announcement_is_not_a_decision(tmp_path):
    village = copy_township(tmp_path) / SH
    matter = village / "2026-12-果园发包.yaml"
    edit(matter, "file: 2026-11-村民代表会议决议.yaml", "file: 2026-11-村民代表会议预告.yaml")
    notice = village / "2026-11-村民代表会议预告.yaml"
    assert across(village) == [
        (matter.name, line(matter, "file:"),
         f"引用的「2026-11-村民代表会议预告.yaml」（2026-11-村民代表会议预告.yaml 第{line(notice, 'stage:')}行）"
         "是会前公告，不是决议：会前公告只公布议题和方案，请引用会后张贴的决议公告")]


def test_a_committee_result_cited_for_what_the_villagers_decide(tmp_path):
    village = copy_township(tmp_path) / SH
    minutes = committee_result(village, "2026-11-两委会决议.yaml", "2026-11-28", "2026-11-29")
    matter = village / "2026-12-果园发包.yaml"
    edit(matter, "file: 2026-11-村民代表会议决议.yaml", "file: 2026-11-两委会决议.yaml")
    edit(matter, "    expected: 45", "    expected: 7")
    edit(matter, "    present: 41", "    present: 7")
    edit(matter, "    votes_for: 38", "    votes_for: 7")
    edit(matter, "    votes_against: 2", "    votes_against: 0")
    edit(matter, "    abstain: 1", "    abstain: 0")
    body = line(minutes, "body:")
    assert across(village) == [
        (matter.name, line(matter, "body: 村民代表会议"),
         f"决策机构写的是「村民代表会议」，但引用的决议公告（2026-11-两委会决议.yaml 第{body}行）是「村“两委”会」的决议"),
        (matter.name, line(matter, "body: 村民代表会议"),
         "村务重大事项须由村民会议或经授权的村民代表会议讨论决定（村民委员会组织法第二十四条、第二十五条），"
         f"但引用的决议公告（2026-11-两委会决议.yaml 第{body}行）是「村“两委”会」的决议")]


def test_public_works_are_not_the_committees_to_decide(tmp_path):
    village = copy_township(tmp_path) / SH
    expense = village / EXPENSE
    edit(expense, "purpose: 村道路灯维修更换", "purpose: 新建村道路灯\nmatter: 公益事业兴办")
    build = Build.for_paths([village])
    build.check()
    assert [(f.file.name, f.line, f.message()) for f in build.findings] == [
        (EXPENSE, line(expense, "body: 村“两委”会"),
         "第二十四条所列事项的开支须由村民会议或经授权的村民代表会议讨论决定，现在写的决策机构是「村“两委”会」"
         "（村民委员会组织法第二十四条、第二十五条）")]


def test_household_representatives_are_a_villagers_meeting_of_two_thirds(tmp_path):
    """村民委员会组织法 第二十二条: 本村三分之二以上的户的代表参加; 160 of 300 is not."""
    village = copy_township(tmp_path) / SH
    result = village / RESULT
    edit(result, "body: 村民代表会议 ", "body: 户代表会议 ")
    edit(result, "expected: 45", "expected: 300")
    edit(result, "present: 41", "present: 160")
    edit(result, "votes_for: 38", "votes_for: 150")
    edit(result, "votes_against: 2", "votes_against: 9")
    build = Build.for_paths([result])
    build.check()
    assert [(f.line, f.message()) for f in build.findings] == [
        (line(result, "present: 160"), "实到 160 人、应到 300 人，未达到三分之二以上的到会要求，会议决定无效")]


def test_a_resolution_never_posted_or_posted_after_the_spending(tmp_path):
    village = copy_township(tmp_path) / SH
    expense = village / EXPENSE
    posted = next(t for t in expense.read_text(encoding="utf-8").splitlines() if "posted: 2026-09-11" in t)
    edit(expense, posted, "  # posted:")
    build = Build.for_paths([village])
    build.check()
    assert [(f.severity.value, f.line, f.message()) for f in build.findings] == [
        ("warning", line(expense, "decision:"),
         "「村“两委”会」的决议没有公开：请在决策情况中写明决议公告的文件名（会议公告文件），"
         "或决议张贴公开的日期（决议公开日期）；决议应先公开、后实施（四议两公开；村民委员会组织法第三十条）")]
    edit(expense, "  # posted:", "  posted: 2026-09-20")
    assert across(village) == [
        (EXPENSE, line(expense, "spent_on:"),
         f"开支日期 2026-09-18 早于决议公开的日期 2026-09-20（{EXPENSE} 第{line(expense, '  posted:')}行），"
         "早 2 天：决议应先公开、后实施（四议两公开）")]


def test_a_large_ledger_row_needs_a_decision(tmp_path):
    village = copy_township(tmp_path) / SH
    q3 = village / "2026-Q3-财务.yaml"
    edit(q3, "  - 日期: 2026-09-21\n", "  - 日期: 2026-09-21\n    凭证号: 付-099\n    摘要: 村部屋顶翻修\n"
         "    类别: 管理费用\n    金额: 12000.00\n    经手人: 陈静\n    审批人: 张建国\n  - 日期: 2026-09-21\n")
    edit(q3, "期末余额: 167221.62", "期末余额: 155221.62")
    edit(village / "2026-Q4-财务.yaml", "期初余额: 167221.62", "期初余额: 155221.62")
    edit(village / "2026-Q4-财务.yaml", "期末余额: 218517.39", "期末余额: 206517.39")
    build = Build.for_paths([village])
    build.check()
    assert [(f.severity.value, f.file.name, f.line, f.message()) for f in build.findings] == [
        ("warning", q3.name, line(q3, "金额: 12000.00"),
         "支出「村部屋顶翻修」¥12,000.00 超过乡镇规定的上会标准 ¥10,000.00，但没有决策："
         "请写明决定它的会议（决策情况），或单独张贴大额经费开支公示")]


def test_a_township_raises_the_large_row_rule_to_an_error(tmp_path):
    root = copy_township(tmp_path)
    edit(root / "township.yaml", "defaults:  ", "defaults:\n  升为错误: [大额支出决策]  ")
    q3 = root / SH / "2026-Q3-财务.yaml"
    edit(q3, "    金额: 10440.00", "    金额: 10440.01")  # no longer the expense poster's amount…
    edit(q3, "    凭证号: 付-011", "    凭证号: 付-111")  # …nor its voucher
    edit(q3, "期末余额: 167221.62", "期末余额: 167221.61")
    edit(root / SH / "2026-Q4-财务.yaml", "期初余额: 167221.62", "期初余额: 167221.61")
    edit(root / SH / "2026-Q4-财务.yaml", "期末余额: 218517.39", "期末余额: 218517.38")
    build = Build.for_paths([root / SH])
    build.check()
    assert [(f.severity.value, f.code) for f in build.findings] == [
        ("error", "money_not_in_ledger"), ("error", "ledger_row_needs_decision"),
        ("error", "ledger_row_not_in_expense")]


def test_a_purpose_that_reads_like_public_works_is_a_doubt_without_its_matter(tmp_path):
    """86,000 for hardening a road, decided by the 两委: a warning asks whether it is 兴办 of
    a public work (组织法 第二十四条(三)); saying so with `matter` makes it an error."""
    village = copy_township(tmp_path) / SH
    expense = village / EXPENSE
    edit(expense, "purpose: 村道路灯维修更换", "purpose: 三组村道硬化")
    build = Build.for_paths([expense])
    build.check()
    assert [(f.severity.value, f.line, f.message()) for f in build.findings
            if f.code == "expense_maybe_public_works"] == [
        ("warning", line(expense, "body: 村“两委”会"),
         "用途「三组村道硬化」（硬化）看来是兴办本村公益事业，这须由村民会议或经授权的村民代表会议决定"
         "（村民委员会组织法第二十四条第三项），现在写的决策机构是「村“两委”会」；如果是，请写 决策事项: 公益事业兴办")]
    edit(expense, "purpose: 三组村道硬化", "purpose: 三组村道硬化\nmatter: 公益事业兴办")
    build = Build.for_paths([expense])
    build.check()
    assert [(f.severity.value, f.code) for f in build.findings if f.code.startswith(
        ("decision_not", "expense_maybe"))] == [("error", "decision_not_by_villagers")]

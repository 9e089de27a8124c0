"""The village-period summary: none of the example township's items disagree; in a copy
made inconsistent once per rule, the summary lists each disagreement where it belongs."""

import json
from pathlib import Path

from typer.testing import CliRunner

from noticeboard.checks.across.summary import summarize
from noticeboard.cli import app
from noticeboard.run.build import Build
from noticeboard.run.report import write_report
from tests.checks.across.township import SH, copy_township, edit
from tests.conftest import EXAMPLES


def summaries(root: Path) -> dict[tuple[str, str], list[str]]:
    build = Build.for_paths([root])
    build.check()
    return {(s.village, s.period): [f.code for f in s.disagreements]
            for s in summarize(build.checked)}


def test_the_example_township_agrees_everywhere():
    found = summaries(EXAMPLES)
    assert {village for village, _ in found} == {"双河村", "张家村", "李家村"}
    assert all(codes == [] for codes in found.values())


def make_inconsistent(root: Path) -> None:
    """One disagreement per rule, in 双河村 (the other villages stay as they are)."""
    village = root / SH
    q3, q4 = village / "2026-Q3-财务.yaml", village / "2026-Q4-财务.yaml"
    # the Q3 opening is not Q2's closing; Q3's new closing is not Q4's opening
    edit(q3, "期初余额: 151913.79", "期初余额: 151913.97")
    # a large row with no decision
    edit(q3, "  - 日期: 2026-09-21\n", "  - 日期: 2026-09-21\n    凭证号: 付-099\n    摘要: 村部屋顶翻修\n"
         "    类别: 管理费用\n    金额: 12000.00\n    经手人: 陈静\n    审批人: 张建国\n  - 日期: 2026-09-21\n")
    edit(q3, "期末余额: 167221.62", "期末余额: 155221.80")
    # spent before the resolution was posted
    expense = village / "2026-09-路灯维修开支.yaml"
    posted = next(t for t in expense.read_text(encoding="utf-8").splitlines()
                  if "posted: 2026-09-11" in t)
    edit(expense, posted, "  posted: 2026-09-20")
    # a pre-announcement cited as the decision
    edit(village / "2026-12-果园发包.yaml", "file: 2026-11-村民代表会议决议.yaml",
         "file: 2026-11-村民代表会议预告.yaml")
    # the contract's payment booked as a subsidy
    edit(q4, "    类别: 发包及上交收入", "    类别: 补助收入")
    plan = village / "2026-12-村道硬化一事一议.yaml"
    # more collected than adopted; a 低保 household not exempt; a vote other than the file's
    edit(plan, "# income_rows:               # 实际收入：项目完成后填写，每项一行\n"
               "#   - {summary: 村民筹资, amount: 6450.00}",
         "income_rows:\n  - {summary: 村民筹资, amount: 9800.00}")
    edit(plan, "  - {name: 陈玉兰, group: 第三村民小组, reason: 低保户}\n", "")
    edit(plan, "  votes_for: 38", "  votes_for: 39")
    edit(plan, "  votes_against: 2", "  votes_against: 1")


def test_the_inconsistent_copy_lists_each_disagreement(tmp_path):
    root = copy_township(tmp_path)
    make_inconsistent(root)
    found = summaries(root)
    assert sorted(found[(SH, "2026年第三季度")]) == sorted([
        "balance_not_carried", "ledger_row_needs_decision", "carried_out_before_posted"])
    assert sorted(found[(SH, "2026年第四季度")]) == sorted([
        "balance_not_carried", "decision_is_announcement", "money_category_wrong",
        "one_matter_collected_over_plan", "one_matter_dibao_not_exempt",
        "decision_vote_differs", "decision_vote_differs"])
    others = {key: codes for key, codes in found.items()
              if key[1] not in ("2026年第三季度", "2026年第四季度") or key[0] != SH}
    assert all(codes == [] for codes in others.values())


def test_check_summary_prints_each_period(tmp_path, monkeypatch):
    root = copy_township(tmp_path)
    monkeypatch.chdir(root)
    build = Build.for_paths([root / SH])
    build.check()
    q2 = next(item for c in build.checked if (item := c.item) is not None
              and c.path.name == "2026-Q2-财务.yaml")
    result = CliRunner().invoke(app, ["check", "--summary", SH])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    start = lines.index(f"【{SH} 2026年第二季度】")
    assert lines[start:start + 5] == [
        f"【{SH} 2026年第二季度】",
        "  决策：无",
        f"  财务公开：收入 ¥{q2.income_sum():,.2f}，支出 ¥{q2.expense_sum():,.2f}",  # type: ignore[attr-defined]
        "  公开：1 项（2026-Q2-财务.yaml）",
        "  相互核对：一致"]


def test_report_json_holds_the_summary(tmp_path):
    root = copy_township(tmp_path)
    make_inconsistent(root)
    build = Build.for_paths([root])
    build.check()
    out = tmp_path / "out"
    out.mkdir()
    pairs = list(zip(build.workspace.items, build.checked, strict=True))
    report = json.loads(write_report(out, pairs, []).read_text(encoding="utf-8"))
    periods = {(p["village"], p["period"]): p for p in report["periods"]}
    q4 = periods[(SH, "2026年第四季度")]
    assert q4["contract_money_received"] == "27950.00"
    assert [d["code"] for d in q4["disagreements"]].count("decision_vote_differs") == 2
    announcement = next(d for d in q4["disagreements"] if d["code"] == "decision_is_announcement")
    assert announcement["file"] == "2026-12-果园发包.yaml"
    assert announcement["message"].startswith("引用的「2026-11-村民代表会议预告.yaml」")

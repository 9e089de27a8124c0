"""一事一议: no more collected than the adopted plan; the village's 低保 households exempt."""

from tests.checks.across.township import SH, across, copy_township, edit, line

PLAN = "2026-12-村道硬化一事一议.yaml"


def test_money_collected_beyond_the_plan(tmp_path):
    """The plan: 15 yuan × 430 people = 6,450; 9,800 was collected."""
    village = copy_township(tmp_path) / SH
    plan = village / PLAN
    edit(plan, "# income_rows:               # 实际收入：项目完成后填写，每项一行\n"
               "#   - {summary: 村民筹资, amount: 6450.00}",
         "income_rows:\n  - {summary: 村民筹资, amount: 9800.00}\n  - {summary: 财政奖补, amount: 120000.00}")
    assert across(village) == [
        (PLAN, line(plan, "amount: 9800.00"),
         "实际筹资 ¥9,800.00 超过了村民表决通过的方案：筹资标准 ¥15.00 × 筹资人数 430 = ¥6,450.00"
         f"（{PLAN} 第{line(plan, 'money_per_person')}行），多收 ¥3,350.00（村民一事一议筹资筹劳管理办法，国办发〔2007〕4号）")]


def test_a_dibao_household_missing_from_the_exemptions(tmp_path):
    village = copy_township(tmp_path) / SH
    plan = village / PLAN
    edit(plan, "  - {name: 陈玉兰, group: 第三村民小组, reason: 低保户}\n", "")
    relief = village / "2026-10-低保.yaml"
    assert across(village) == [
        (PLAN, line(plan, "exemptions:"),
         f"陈玉兰（第三村民小组）是本村低保户（2026-10-低保.yaml 第{line(relief, '陈玉兰')}行），低保户不承担筹资任务，"
         "但不在减免名单中（村民一事一议筹资筹劳管理办法第九条，国办发〔2007〕4号）")]


def test_cash_in_lieu_beyond_the_labour_planned(tmp_path):
    """The plan: 210 workers × 5 days × 80 yuan = 84,000 at most in lieu of labour."""
    village = copy_township(tmp_path) / SH
    plan = village / PLAN
    edit(plan, "# income_rows:               # 实际收入：项目完成后填写，每项一行\n"
               "#   - {summary: 村民筹资, amount: 6450.00}",
         "income_rows:\n  - {summary: 村民筹资, amount: 6450.00}\n  - {summary: 以资代劳, amount: 84080.00}")
    assert across(village) == [
        (PLAN, line(plan, "amount: 84080.00"),
         "以资代劳收入 ¥84,080.00 超过了方案：筹劳人数 210 × 筹劳标准 5 个工日 × 以资代劳标准 ¥80.00 = ¥84,000.00"
         f"（{PLAN} 第{line(plan, 'cash_in_lieu:')}行），多收 ¥80.00")]


def test_a_plan_naming_its_result_notice_without_the_date_is_still_compared(tmp_path):
    village = copy_township(tmp_path) / SH
    plan = village / PLAN
    edit(plan, "vote_date: 2026-11-28        # 表决日期\n", "")
    edit(plan, "  votes_for: 38", "  votes_for: 39")
    edit(plan, "  votes_against: 2", "  votes_against: 1")
    result = village / "2026-11-村民代表会议决议.yaml"
    assert across(village) == sorted([
        (PLAN, line(plan, "votes_for: 39"),
         f"赞成票写的是 39，但引用的决议公告（2026-11-村民代表会议决议.yaml 第{line(result, 'votes_for')}行）是 38，相差 1"),
        (PLAN, line(plan, "votes_against: 1"),
         f"反对票写的是 1，但引用的决议公告（2026-11-村民代表会议决议.yaml 第{line(result, 'votes_against')}行）是 2，相差 1")])

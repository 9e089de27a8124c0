"""Across files: balances carry over between periods; referenced meeting files exist."""

from noticeboard.run.build import Build
from tests.conftest import FINANCE_YAML, filled_skeleton, write


def test_closing_balance_opens_the_next_period(village):
    write(village / "q3.yaml", FINANCE_YAML)
    q4 = FINANCE_YAML.replace("period: 2026-Q3", "period: 2026-Q4").replace(
        "posted: 2026-10-08", "posted: 2027-01-08").replace("reviewed_on: 2026-10-06", "reviewed_on: 2027-01-06")
    q4 = q4.replace("2026-07-01", "2026-10-01").replace("2026-08-02", "2026-11-02")
    q4 = q4.replace("opening_balance: 1000.00", "opening_balance: 2700.00").replace(
        "closing_balance: 2700.25", "closing_balance: 4400.25")
    write(village / "q4.yaml", q4)
    build = Build.for_paths([village])
    build.check()
    assert [(f.file.name, f.line, f.message()) for f in build.findings] == [
        ("q4.yaml", 7, "期初余额 ¥2,700.00 与上期（2026年第三季度，q3.yaml 第23行）的期末余额 ¥2,700.25 "
         "不一致，相差 ¥0.25：上期期末余额应结转为本期期初余额")]


def test_referenced_meeting_file_must_exist(village):
    write(village / "m.yaml", filled_skeleton("major_matter"))
    build = Build.for_paths([village])
    build.check()
    assert [f.message() for f in build.findings] == [
        "找不到引用的会议公告文件「2026-11-村民代表会议决议.yaml」（应与本文件在同一文件夹）"]
    write(village / "2026-11-村民代表会议决议.yaml", filled_skeleton("meeting"))
    build = Build.for_paths([village])
    build.check()
    assert build.findings == []

"""`noticeboard status`: which village has not posted what."""

import json

from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import FINANCE_YAML, RELIEF_YAML, write

runner = CliRunner()


def setup_tree(township):
    write(township / "township.yaml",
          "name: 青山镇\nhotline: 1\nrequired:\n  finance: 季度\n  relief: 月\n")
    write(township / "双河村" / "财务.yaml", FINANCE_YAML)
    for month in ("07", "08"):
        write(township / "双河村" / f"低保{month}.yaml", RELIEF_YAML.replace(
            "period: 2026-10", f"period: 2026-{month}").replace(
            "posted: 2026-10-10", f"posted: 2026-{month}-10").replace(
            "reviewed_on: 2026-10-09", f"reviewed_on: 2026-{month}-09"))
    write(township / "李家村" / "village.yaml", "name: 李家村\nphone: 1\n")


def test_status_table_shows_what_is_missing(township, monkeypatch):
    setup_tree(township)
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-Q3", "--today", "2026-10-12"])
    assert result.output == (
        "村      财务收支公开  救助补助发放公示\n"
        "双河村  公示中        7月已公开 8月已公开 9月缺失\n"
        "李家村  缺失          7月缺失 8月缺失 9月缺失\n")
    assert result.exit_code == 1


def test_status_before_the_period_ends_is_not_due(township, monkeypatch):
    setup_tree(township)
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇/双河村", "--period", "2026-Q4", "--today",
                                 "2026-10-12", "--json"])
    data = json.loads(result.output)
    states = {(r["kind"], p["period"]): p["state"] for r in data["requirements"] for p in r["parts"]}
    assert states[("finance", "2026年第四季度")] == "not_due"
    assert states[("relief", "2026年10月")] == "not_due"
    assert result.exit_code == 0


def test_status_needs_required_in_township_yaml(township, monkeypatch):
    monkeypatch.chdir(township.parent)
    write(township / "双河村" / "财务.yaml", FINANCE_YAML)
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-Q3"])
    assert result.exit_code == 1
    assert "township.yaml 中没有 required" in result.output


def test_status_bad_period_is_misuse(township):
    result = runner.invoke(app, ["status", str(township), "--period", "去年"])
    assert result.exit_code == 2


def test_an_item_before_its_posting_date_is_to_be_posted_not_on_the_board(township, monkeypatch):
    setup_tree(township)
    monkeypatch.chdir(township.parent)
    # 财务.yaml is posted on 2026-10-08: on 10-05 it waits, on 10-08 it is up, after its
    # seven days it has been posted.
    outputs = {today: runner.invoke(app, ["status", "青山镇/双河村", "--period", "2026-Q3",
                                          "--today", today]).output.splitlines()[1]
               for today in ("2026-10-05", "2026-10-08", "2026-10-20")}
    assert outputs == {
        "2026-10-05": "双河村  待张贴        7月已公开 8月已公开 9月缺失",
        "2026-10-08": "双河村  公示中        7月已公开 8月已公开 9月缺失",
        "2026-10-20": "双河村  已公开        7月已公开 8月已公开 9月缺失",
    }


def test_period_defaults_to_the_quarter_of_today(township, monkeypatch):
    setup_tree(township)
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇/双河村", "--today", "2026-08-15", "--json"])
    data = json.loads(result.output)
    assert data["period"] == "2026-Q3"
    parts = {(r["kind"], p["period"]): p["state"] for r in data["requirements"] for p in r["parts"]}
    assert parts == {("finance", "2026年第三季度"): "pending", ("relief", "2026年7月"): "posted",
                     ("relief", "2026年8月"): "open", ("relief", "2026年9月"): "not_due"}


def test_status_in_english(township, monkeypatch):
    setup_tree(township)
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["--lang", "en", "status", "青山镇", "--period", "2026-Q3",
                                 "--today", "2026-10-12"])
    assert result.output == (
        "village  finance   relief\n"
        "双河村   on board  2026-07:posted 2026-08:posted 2026-09:missing\n"
        "李家村   missing   2026-07:missing 2026-08:missing 2026-09:missing\n")


def test_status_bad_period_and_date_are_said_in_chinese(township):
    result = runner.invoke(app, ["status", str(township), "--period", "去年"],
                           prog_name="noticeboard")
    assert result.output.splitlines()[-1] == (
        "错误：--period 的值不对：「去年」不是有效的期间，请写成 2026-Q3、2026-10 或 2026")
    result = runner.invoke(app, ["status", str(township), "--today", "明天"])
    assert result.output.splitlines()[-1] == (
        "错误：--today 的值不对：「明天」不是日期，请写成 2026-10-08 或 2026年10月8日")
    assert result.exit_code == 2


# ---- odd `required:` and broken settings (helper "output") -----------------------

def test_status_without_required_names_the_township_file(township, monkeypatch):
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-Q3"])
    assert result.output == ("-: 错误: 青山镇/township.yaml 中没有 required（必须公开的事项），无法判断缺失；"
                             "例如 required: {finance: 季度, relief: 月}\n")
    assert result.exit_code == 1


def test_an_unknown_or_repeated_required_kind_is_said_once_at_its_line(township, monkeypatch):
    write(township / "township.yaml",
          "name: 青山镇\nhotline: 1\nrequired:\n  finance: 季度\n  fianance: 月\n  财务公开: 月\n")
    write(township / "李家村" / "village.yaml", "name: 李家村\nphone: 1\n")
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-Q3", "--today", "2026-10-12"])
    known = "notice、meeting、major_matter、expense、appointment、member_development、party_dues、relief、" \
            "work_plan、hot_issue、finance、election、one_matter、contract"
    assert result.output == (  # once, not once per village; `财务公开: 月` no longer silently wins
        f"青山镇/township.yaml:5: 错误 required.fianance: 不认识的类型「fianance」；可用的类型：{known}\n"
        "青山镇/township.yaml:6: 错误 required.财务公开: 「财务公开」与「finance」是同一类事项，required 里只能写一次\n")
    assert result.exit_code == 1


def test_broken_settings_are_said_instead_of_nothing_required_or_all_missing(township, monkeypatch):
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\nrequired:\n  finance: 每天\n")
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-Q3"])
    assert result.output == "青山镇/township.yaml:4: 错误 required.finance: 「每天」不是可选值，应为：month、quarter、year\n"
    assert result.exit_code == 1
    setup_tree(township)
    write(township / "李家村" / "village.yaml", "name: 李家村\nphone: 1\nnmae: x\n")
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-Q3", "--today", "2026-10-12"])
    assert result.output.startswith("青山镇/李家村/village.yaml:3: 错误 nmae: ")  # not 李家村 缺失
    assert result.exit_code == 1


def test_an_empty_period_is_misuse_not_this_quarter(township):
    result = runner.invoke(app, ["status", str(township), "--period", ""], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：--period 的值不对：「」不是有效的期间，请写成 2026-Q3、2026-10 或 2026"
    assert result.exit_code == 2


def test_status_inside_a_village_folder_lists_that_village_once(township, monkeypatch):
    """The README's default is "this folder": it is the village, not a nameless extra one."""
    setup_tree(township)
    monkeypatch.chdir(township / "双河村")
    result = runner.invoke(app, ["status", "--period", "2026-Q3", "--today", "2026-10-12"])
    assert result.output == (
        "村      财务收支公开  救助补助发放公示\n"
        "双河村  公示中        7月已公开 8月已公开 9月缺失\n")
    assert result.exit_code == 1

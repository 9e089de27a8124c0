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

"""Shards merged into the report and print files an unsharded run makes (issue 30)."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import EXAMPLES
from tests.pdftext import page_texts


@pytest.fixture
def township(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLES, tmp_path / "青山镇")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "青山镇"


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _report(path, out):
    """The report with the output folder's name taken out of its paths."""
    text = path.read_text(encoding="utf-8").replace(f"{out}/", "OUT/")
    return json.loads(text)


def test_merged_shards_give_the_report_of_an_unsharded_run(township, tmp_path):
    assert cli("render", "青山镇", "-o", "whole", "-j", "1").exit_code == 0
    for shard in ("1/3", "2/3", "3/3"):
        assert cli("render", "青山镇", "-o", "parts", "-j", "1", "--shard", shard).exit_code == 0
    result = cli("merge", "parts", "--print-file")
    assert result.exit_code == 0, result.output
    whole = _report(tmp_path / "whole" / "report.json", "whole")
    merged = _report(tmp_path / "parts" / "report.json", "parts")
    assert merged == whole and len(merged["items"]) > 20
    assert result.output.splitlines()[0] == "已写出 parts/report.json"
    assert result.output.splitlines()[-1] == f"合并了 {len(whole['items'])} 个事项"
    # the village's print file holds its posters in item order, as an unsharded run's does
    assert cli("render", "青山镇", "-o", "whole", "--print-file").exit_code == 0
    assert page_texts(tmp_path / "parts" / "打印-双河村.pdf") == \
        page_texts(tmp_path / "whole" / "打印-双河村.pdf")


def test_a_missing_shard_is_named_and_nothing_is_written(township, tmp_path):
    for shard in ("1/3", "3/3"):
        cli("render", "青山镇", "-o", "parts", "-j", "1", "--shard", shard)
    result = cli("merge", "parts")
    assert result.exit_code == 1
    assert result.output == ("parts: 错误: parts 里缺少分份报告 report-2of3.json："
                             "请先生成或拷进这几份，再合并；什么也没有写\n")
    assert not (tmp_path / "parts" / "report.json").exists()


def test_overlapping_shards_are_named(township, tmp_path):
    cli("render", "青山镇", "-o", "parts", "-j", "1", "--shard", "1/2")
    shutil.copy(tmp_path / "parts" / "report-1of2.json", tmp_path / "parts" / "report-2of2.json")
    result = cli("merge", "parts")
    assert result.exit_code == 1
    first = json.loads((tmp_path / "parts" / "report-1of2.json").read_text())["items"][0]["source"]
    assert (f"parts/report-2of2.json: 错误: 事项 {first} 同时出现在 report-1of2.json、report-2of2.json 里："
            "这些份有重叠，不是同一次分份；什么也没有写") in result.output.splitlines()


def test_shards_of_two_splits_and_no_shards_are_refused(township, tmp_path):
    (tmp_path / "parts").mkdir()
    assert cli("merge", "parts").output == (
        "parts: 错误: parts 里没有分份生成的报告（report-1of4.json 这样的文件），没有可合并的；什么也没有写\n")
    cli("render", "青山镇", "-o", "parts", "-j", "1", "--shard", "1/2")
    (tmp_path / "parts" / "report-1of3.json").write_text("{}", encoding="utf-8")
    result = cli("merge", "parts")
    assert result.output == ("parts: 错误: parts 里的分份报告来自不同的分法（分成 2、3 份）："
                             "请只留同一次分份的报告；什么也没有写\n")


def test_a_damaged_shard_report_is_named(township, tmp_path):
    cli("render", "青山镇", "-o", "parts", "-j", "1", "--shard", "1/1")
    (tmp_path / "parts" / "report-1of1.json").write_text("{", encoding="utf-8")
    assert cli("merge", "parts").output == (
        "parts/report-1of1.json: 错误: 无法读取分份报告 parts/report-1of1.json（JSONDecodeError）："
        "文件可能不完整或被改过；什么也没有写\n")

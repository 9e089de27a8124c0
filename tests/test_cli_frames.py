"""The one error boundary: a defect of the tool is one plain line, its traceback only on --debug."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from noticeboard import cli
from noticeboard.cli import app
from noticeboard.cli_frames import INTERNAL_ERROR, take_debug
from noticeboard.errors import NoticeboardError, error

runner = CliRunner()


@pytest.fixture
def broken_kinds(monkeypatch):
    def explode(name):
        raise RuntimeError("模拟的缺陷 110105194912310021")
    monkeypatch.setattr(cli, "_kind_aliases", explode)


def test_defect_is_one_chinese_line_without_traceback(broken_kinds):
    result = runner.invoke(app, ["kinds"])
    assert result.exit_code == INTERNAL_ERROR
    assert result.stderr == (
        "内部错误（RuntimeError）：这是本工具的缺陷，不是您数据的问题；已写出的海报不受影响\n"
        "请在命令后加 --debug 重新运行，把显示的全部内容发给维护人员\n"
    )
    assert "110105194912310021" not in result.output  # the exception's text may hold a clerk's data


def test_defect_in_english(broken_kinds):
    result = runner.invoke(app, ["kinds", "--lang", "en"])
    assert result.stderr.splitlines()[0] == (
        "internal error (RuntimeError): a defect of this tool, not of your data; "
        "posters already written are intact")


def test_debug_shows_the_traceback(broken_kinds):
    result = runner.invoke(app, ["--debug", "kinds"])
    assert result.exit_code == INTERNAL_ERROR
    assert "Traceback" in result.stderr and "RuntimeError: 模拟的缺陷" in result.stderr
    assert "请在命令后加 --debug" not in result.stderr


def test_debug_by_environment(broken_kinds, monkeypatch):
    monkeypatch.setenv("NOTICEBOARD_DEBUG", "1")
    result = runner.invoke(app, ["kinds"])
    assert "Traceback" in result.stderr


def test_uncaught_user_error_is_its_finding(monkeypatch):
    def refuse(name):
        raise NoticeboardError([error("cli_aborted")])
    monkeypatch.setattr(cli, "_kind_aliases", refuse)
    result = runner.invoke(app, ["kinds"])
    assert result.exit_code == 1
    assert result.stderr == "-: 错误: 已中止\n"


@pytest.mark.parametrize(("words", "expected"), [
    (["--debug", "check"], (["check"], True)),
    (["check", "--debug", "x"], (["check", "x"], True)),
    (["check", "--", "--debug"], (["check", "--", "--debug"], False)),
    (["check"], (["check"], False)),
])
def test_take_debug(words, expected, monkeypatch):
    monkeypatch.delenv("NOTICEBOARD_DEBUG", raising=False)
    assert take_debug(words) == expected


def test_real_process_exit_code_and_no_traceback(tmp_path):
    """The console script's own process: Click's standalone mode, not the test runner."""
    script = ("import noticeboard.cli as c\n"
              "c._kind_aliases = lambda name: 1 / 0\n"
              "c.app()\n")
    done = subprocess.run([sys.executable, "-c", script, "kinds"], capture_output=True, text=True,
                          cwd=tmp_path)
    assert done.returncode == INTERNAL_ERROR
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("内部错误（ZeroDivisionError）")

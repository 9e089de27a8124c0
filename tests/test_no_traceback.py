"""Every command over a corpus of odd paths and values: a clear message, never a traceback.

The paths are what a careless user or an attacker hands the tool: devices, a FIFO,
standard input, a folder named like an item, a symlink loop, a name too long, a
path through a file, binary and empty files, absurd dates and settings.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from noticeboard.cli import app
from tests.conftest import NOTICE_YAML, RELIEF_YAML, TOWNSHIP_YAML, VILLAGE_YAML, write

BAD_INPUT = Path(__file__).parent / "bad_input" / "files"
TIMEOUT = 120  # seconds; a FIFO opened for reading would block for ever


@pytest.fixture(scope="module")
def odd(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("odd")
    fifo = root / "管道.yaml"
    os.mkfifo(fifo)
    (root / "像事项的文件夹.yaml").mkdir()
    os.symlink(root / "loop-b", root / "loop-a")
    os.symlink(root / "loop-a", root / "loop-b")
    write(root / "空.yaml", "")
    (root / "二进制.yaml").write_bytes(bytes(range(256)) * 4)
    write(root / "换\n行.yaml", NOTICE_YAML)
    write(root / "普通.yaml", NOTICE_YAML)
    township = root / "设置越界镇"
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  posting_days:\n    relief: 99999999\n")
    write(township / "村" / "village.yaml", VILLAGE_YAML)
    write(township / "村" / "低保.yaml", RELIEF_YAML)
    far = root / "远日期村"
    write(far / "village.yaml", VILLAGE_YAML)
    write(far / "通知.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: 9999-12-31"))
    corpus = root / "坏输入"
    shutil.copytree(BAD_INPUT, corpus)
    return {
        "/dev/null": Path("/dev/null"), "/dev/zero": Path("/dev/zero"),
        "/dev/stdin": Path("/dev/stdin"), "fifo": fifo, "folder.yaml": root / "像事项的文件夹.yaml",
        "symlink loop": root / "loop-a", "missing": root / "没有.yaml",
        "through a file": root / "普通.yaml" / "x.yaml", "name too long": root / ("长" * 200 + ".yaml"),
        "empty": root / "空.yaml", "binary": root / "二进制.yaml", "newline": root / "换\n行.yaml",
        "settings out of range": township, "year 9999": far, "bad input corpus": corpus,
    }


def invoke(args: list[str]) -> Result:
    """Run the CLI in a thread, so that a read that blocks fails the test instead of hanging it."""
    box: list[Result] = []
    thread = threading.Thread(target=lambda: box.append(CliRunner().invoke(app, args)), daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    assert box, f"{args} did not finish in {TIMEOUT} s"
    return box[0]


def assert_no_traceback(result: Result, args: list[str]) -> None:
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, repr(result.exception))


READERS = [
    ["check", "{}"], ["status", "{}", "--period", "2026-Q3"], ["extract", "{}"],
    ["import", "{}", "--kind", "finance"], ["new", "{}"],
]
WRITERS = [
    ["new", "notice", "-o", "{}"], ["init", "{}", "--village", "村"],
    ["init", "{}", "--township", "镇", "--village", "村"], ["schema", "-o", "{}/schema"],
    ["schema", "-o", "{}"], ["extract", "{poster}", "-o", "{}"],
]
NAMES = ["/dev/null", "/dev/zero", "/dev/stdin", "fifo", "folder.yaml", "symlink loop", "missing",
         "through a file", "name too long", "empty", "binary", "newline", "settings out of range",
         "year 9999", "bad input corpus"]


@pytest.mark.parametrize("name", NAMES)
def test_no_command_shows_a_traceback_for_an_odd_path(odd, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = str(odd[name])
    for template in READERS:
        args = [part.format(path) for part in template]
        assert_no_traceback(invoke(args), args)
    if name != "bad input corpus":  # rendering the whole corpus is test_corpus's job
        args = ["render", path, "-o", str(tmp_path / "out")]
        assert_no_traceback(invoke(args), args)
    for template in WRITERS:
        if name in ("bad input corpus", "settings out of range", "year 9999") and "init" in template:
            continue  # writing settings into a test fixture's folders proves nothing
        args = [part.format(path, poster=odd["/dev/null"]) for part in template]
        assert_no_traceback(invoke(args), args)


def test_the_commands_without_paths_run_cleanly():
    for args in (["kinds"], ["doctor"], ["new", "天气预报"], ["new", "\u202e"]):
        assert_no_traceback(invoke(args), args)


def test_devices_and_pipes_are_refused_by_name(odd, monkeypatch):
    monkeypatch.chdir(odd["fifo"].parent)
    result = invoke(["check", "管道.yaml", "/dev/null"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "-: 错误: 管道.yaml 不是普通文件或文件夹（是设备、管道或套接字），无法读取公开事项",
        "-: 错误: /dev/null 不是普通文件或文件夹（是设备、管道或套接字），无法读取公开事项",
        "检查了 0 个文件：2 个错误，0 个警告"]
    result = invoke(["extract", "管道.yaml"])
    assert (result.exit_code, result.output) == (
        1, "管道.yaml: 错误: 这不是普通文件（是设备、管道或套接字），无法读取\n")


def test_settings_out_of_range_are_blamed_on_township_yaml_and_its_line(odd, monkeypatch):
    monkeypatch.chdir(odd["settings out of range"])
    result = invoke(["check", "."])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "township.yaml:6: 错误 defaults.posting_days.relief: 「99999999」太大，应不大于 366")

"""Windows-made text and streams: a GBK console or file, a GB18030 locale, GBK file names.

Chinese Windows writes redirected output (`noticeboard check > 结果.txt`) in GBK (code page
936), which has no ¥ − ✓. These run the real command in a child process with such a
stream (PYTHONIOENCODING) or locale (LC_ALL, built with localedef when it is there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FINANCE_YAML, NOTICE_YAML, write

COMMAND = [sys.executable, "-m", "noticeboard"]


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], cwd=cwd, capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONUTF8": "0", **env})


def test_a_money_finding_on_a_gbk_stream_is_written_escaped_and_the_encoding_named(township):
    write(township / "双河村" / "财务.yaml", FINANCE_YAML.replace("closing_balance: 2700.25", "closing_balance: 2700.00"))
    result = run(["check"], township / "双河村", PYTHONIOENCODING="gbk")
    assert result.returncode == 1
    out, err = result.stdout.decode("gbk"), result.stderr.decode("gbk")
    assert "财务.yaml:23: 错误 closing_balance: 账不平：期初 \\xa51,000.00 + 收入 \\xa52,000.50 \\u2212 支出" in out
    as_utf8 = run(["check"], township / "双河村", PYTHONIOENCODING="utf-8").stdout.decode()
    not_in_gbk = sum(1 for ch in as_utf8 if ch.encode("gbk", "replace") == b"?" and ch != "?")
    assert err == (f"注意：输出用的是 GBK 编码，有 {not_in_gbk} 个字符（如人民币符号、对勾）它写不下，已写成 \\xa5 这样的转义；"
                   "要完整显示，请在 Windows 上先运行 chcp 65001，或设置环境变量 PYTHONUTF8=1\n")


def test_doctor_on_a_gbk_stream_does_not_crash(township):
    result = run(["doctor"], township, PYTHONIOENCODING="gbk")
    assert result.returncode in (0, 1), result.stderr.decode("gbk")
    assert "\\u2713 Pango" in result.stdout.decode("gbk")


def test_a_utf8_stream_is_left_alone(township):
    write(township / "双河村" / "财务.yaml", FINANCE_YAML.replace("closing_balance: 2700.25", "closing_balance: 2700.00"))
    result = run(["check"], township / "双河村", PYTHONIOENCODING="utf-8")
    assert "期初 ¥1,000.00" in result.stdout.decode() and result.stderr == b""


@pytest.fixture(scope="module")
def gb18030_locale(tmp_path_factory) -> dict[str, str]:
    if shutil.which("localedef") is None or not Path("/usr/share/i18n/charmaps/GB18030.gz").exists():
        pytest.skip("localedef or the GB18030 charmap is not installed")
    folder = tmp_path_factory.mktemp("locales")
    subprocess.run(["localedef", "-i", "zh_CN", "-f", "GB18030", str(folder / "zh_CN.GB18030")],
                   check=True, capture_output=True)
    return {"LOCPATH": str(folder), "LC_ALL": "zh_CN.GB18030", "PYTHONIOENCODING": ""}


def test_under_a_gb18030_locale_utf8_names_are_refused_in_chinese_never_exit_70(township, gb18030_locale):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    result = run(["render", "双河村", "-o", "out"], township, **gb18030_locale)
    out = result.stdout.decode("gb18030") + result.stderr.decode("gb18030")
    assert result.returncode == 1, out
    assert "这台电脑的编码（GB18030）读不出的字节" in out and "读作 UTF-8 或 GBK 是「双河村」" in out
    assert not list((township / "out").rglob("*.pdf"))


def test_a_file_named_in_gbk_bytes_is_refused_at_check_naming_it(township):
    village = township / "双河村"
    name = os.fsdecode("财务.yaml".encode("gbk"))  # as a zip from Chinese Windows unpacks here
    write(village / name, FINANCE_YAML)
    result = run(["check"], village, PYTHONIOENCODING="utf-8")
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "里有这台电脑的编码（UTF-8）读不出的字节" in out and "读作 UTF-8 或 GBK 是「财务.yaml」" in out
    assert "检查了 1 个文件：1 个错误，0 个警告" in out


def test_a_gbk_file_holding_gbk_symbols_is_read_as_gbk(township):
    text = NOTICE_YAML + "  水位≥警戒线时→立即撤离；已落实√；附件ⅰ。\n"
    path = township / "双河村" / "通知.yaml"
    path.write_bytes(text.encode("gbk"))
    result = run(["check", "通知.yaml"], township / "双河村", PYTHONIOENCODING="utf-8")
    assert result.returncode == 0, result.stdout.decode()
    assert "文件按 GBK/GB18030 编码读取" in result.stdout.decode()


def test_extract_prints_a_gbk_item_as_chinese(township):
    text = NOTICE_YAML + "  水位≥警戒线时→立即撤离。\n"
    (township / "双河村" / "通知.yaml").write_bytes(text.encode("gbk"))
    rendered = run(["render", "双河村", "-o", "out"], township, PYTHONIOENCODING="utf-8")
    assert rendered.returncode == 0, rendered.stdout.decode()
    extracted = run(["extract", "out/双河村/通知.pdf"], township, PYTHONIOENCODING="utf-8")
    assert extracted.stdout.decode() == text

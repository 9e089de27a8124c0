"""Terminal-safe output: control, bidi and zero-width characters from values and file
names are printed escaped, never raw."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.errors import Finding, Severity, display_path, error
from noticeboard.terminal import terminal_safe
from tests.conftest import NOTICE_YAML, write

runner = CliRunner()
ESC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal window's title


@pytest.mark.parametrize("raw, shown", [
    ("a\x1bb", "a\\x1bb"),
    (ESC_TITLE, "\\x1b]0;pwned\\x07"),
    ("gpj.\u202eexe", "gpj.\\u202eexe"),
    ("王\u200b桂英", "王\\u200b桂英"),
    ("x\u2066y\u2069", "x\\u2066y\\u2069"),
    ("a\nb\tc\rd", "a\\x0ab\\x09c\\x0dd"),
    ("\u0085\u2028\u2029", "\\x85\\u2028\\u2029"),
    ("bad\udcff", "bad\\udcff"),  # an undecodable byte in a file name
    ("\U000e0041", "\\U000e0041"),  # a tag character
])
def test_non_printing_characters_are_escaped(raw, shown):
    assert terminal_safe(raw) == shown


def test_ordinary_text_is_untouched():
    text = "双河村　2026年第三季度 财务（元）：¥1,234.50 吉𠮷祥 é"
    assert terminal_safe(text) == text


def test_lines_and_tabs_can_be_kept_for_a_whole_file():
    assert terminal_safe("a: 1\n\tb\x1b\n", keep="\n\t") == "a: 1\n\tb\\x1b\n"


def test_a_finding_escapes_its_values_and_its_file_name():
    finding = Finding(Severity.ERROR, "key_unknown_plain", {"key": f"k{ESC_TITLE}"},
                      ("x",), Path(f"/tmp/a{ESC_TITLE}.yaml"), 3)
    line = finding.format()
    assert "\x1b" not in line and "\x07" not in line
    assert line.endswith("a\\x1b]0;pwned\\x07.yaml:3: 错误 x: 不认识的字段「k\\x1b]0;pwned\\x07」")
    assert finding.message("en") == "unknown field `k\\x1b]0;pwned\\x07`"


def test_display_path_escapes():
    assert display_path(Path("/tmp/x\u202egpj.yaml")).endswith("x\\u202egpj.yaml")


def test_check_never_sends_raw_control_characters(township, monkeypatch):
    monkeypatch.chdir(township.parent)
    village = township / "双河村"
    write(village / f"通知{ESC_TITLE}.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: 明天\u202e"))
    result = runner.invoke(app, ["check", str(village)])
    assert "\x1b" not in result.output and "\u202e" not in result.output
    # the loader refuses the bidi character itself, naming it; the file name is escaped
    assert "青山镇/双河村/通知\\x1b]0;pwned\\x07.yaml:4: 错误 posted: " in result.output
    assert "（U+202E）" in result.output


def test_a_message_quoting_a_file_name_escapes_it(township, monkeypatch):
    monkeypatch.chdir(township.parent)
    village = township / "双河村"
    write(village / f"通知{ESC_TITLE}.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: 明天"))
    result = runner.invoke(app, ["check", str(village)])
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert ("青山镇/双河村/通知\\x1b]0;pwned\\x07.yaml:4: 错误 posted: "
            "「明天」不是日期，请写成 2026-10-08 或 2026年10月8日") in result.output


def test_error_helper_keeps_ordinary_messages():
    assert error("date_format", value="2026-13-01").message() == (
        "「2026-13-01」不是日期，请写成 2026-10-08 或 2026年10月8日")


def test_extract_escapes_only_when_printing_to_a_terminal(monkeypatch):
    import sys

    from noticeboard.cli import _safe_for_terminal

    text = "title: 通知\x1b[2J\n\tbody: x\n"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert _safe_for_terminal(text) == "title: 通知\\x1b[2J\n\tbody: x\n"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert _safe_for_terminal(text) == text


def test_private_use_characters_stay_so_a_missing_glyph_can_be_named():
    assert terminal_safe("「\U000f0005」") == "「\U000f0005」"

"""Placeholders and skeleton samples never reach the board (rules/placeholders.py)."""

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import NOTICE_YAML, RELIEF_YAML, check_text, line_of, write

runner = CliRunner()


def messages(checked):
    return [(f.code, f.line, f.message()) for f in checked.findings]


@pytest.mark.parametrize("phone", ["0000-00000000", "1111-11111111", "00000000", "8888888"])
def test_a_phone_of_one_repeated_digit_is_refused(village, phone):
    text = RELIEF_YAML.replace("days: 7\n", f"days: 7\ncontact: {phone}\n")
    assert messages(check_text(village, text)) == [(
        "placeholder_phone", line_of(text, "contact:"),
        f"「{phone}」是占位的电话号码（全是同一个数字），海报上会印出这个假号码；请填写真实的电话")]


@pytest.mark.parametrize("text", ["0571-63811001", "编号 000000", "2026-02-22", "金额 1111.11"])
def test_real_numbers_and_short_runs_pass(village, text):
    assert check_text(village, RELIEF_YAML.replace("days: 7\n", f"days: 7\ncontact: {text}\n")).findings == []


@pytest.mark.parametrize(("written", "word"), [
    ("某某县民政局", "某某"), ("青山镇某某村村委会", "某某"), ("××村", "××"), ("XXX村委会", "XXX"),
])
def test_a_placeholder_word_is_refused_naming_it(village, written, word):
    text = RELIEF_YAML.replace("days: 7\n", f"days: 7\nissuer: {written}\n")
    assert messages(check_text(village, text)) == [(
        "placeholder_word", line_of(text, "issuer:"),
        f"「{written}」里的「{word}」是占位文字或模板里的示例，请改成真实内容")]


def test_a_name_hidden_as_zhang_mou_mou_is_how_notices_write_it(village):
    text = NOTICE_YAML + "  特困人员救助供养对象张某某，按月发放。\n"
    assert "张某某" in text
    assert check_text(village, text).findings == []


def test_the_role_named_sample_people_are_refused_even_without_their_mark(village):
    text = RELIEF_YAML.replace("reviewed_by: 孙立平", "reviewed_by: 孙监督")
    assert messages(check_text(village, text)) == [(
        "placeholder_value", line_of(text, "reviewed_by:"), "「孙监督」是占位文字或模板里的示例，请改成真实内容")]


def test_a_line_still_marked_as_a_sample_is_refused(village):
    text = RELIEF_YAML.replace("posted: 2026-10-10", "posted: 2026-10-10   # 【示例】公开日期")
    assert messages(check_text(village, text)) == [(
        "placeholder_sample", line_of(text, "posted:"),
        "「2026-10-10」是模板里的示例，还没有改成真实内容；改好后删掉这一行注释里的「【示例】」")]


def test_a_township_adds_its_own_placeholders(township, village):
    write(township / "township.yaml",
          "name: 青山镇\nhotline: 0571-63812345\ndefaults:\n  placeholders: [待定, 张三]\n")
    text = RELIEF_YAML.replace("group: 第一村民小组", "group: 待定").replace("days: 7\n", "days: 7\nissuer: 张三\n")
    assert messages(check_text(village, text)) == [
        ("placeholder_value", line_of(text, "issuer:"), "「张三」是占位文字或模板里的示例，请改成真实内容"),
        ("placeholder_value", line_of(text, "group: 待定"), "「待定」是占位文字或模板里的示例，请改成真实内容"),
    ]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """What a clerk has after `init` and `new relief`, nothing edited."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "青山镇", "--township", "青山镇", "--village", "双河村"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "青山镇" / "双河村")
    assert runner.invoke(app, ["new", "relief", "-o", "低保.yaml"]).exit_code == 0
    return tmp_path / "青山镇"


def test_init_new_render_is_refused_naming_every_placeholder_of_the_settings(fresh):
    result = runner.invoke(app, ["render"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:3] == [
        "../township.yaml:3: 错误 county: 「某某县」里的「某某」是占位文字或模板里的示例，请改成真实内容",
        "../township.yaml:4: 错误 hotline: 「0000-00000000」是占位的电话号码（全是同一个数字），海报上会印出这个假号码；请填写真实的电话",
        "village.yaml:6: 错误 phone: 「0000-00000000」是占位的电话号码（全是同一个数字），海报上会印出这个假号码；请填写真实的电话",
    ]
    assert not (fresh / "双河村" / "out").exists() or not list((fresh / "双河村" / "out").rglob("*.pdf"))


def test_with_the_settings_filled_render_names_every_sample_of_the_item(fresh):
    township = (fresh / "township.yaml").read_text(encoding="utf-8")
    write(fresh / "township.yaml", township.replace("某某县", "临安区").replace("0000-00000000", "0571-63812345"))
    village = (fresh / "双河村" / "village.yaml").read_text(encoding="utf-8")
    write(fresh / "双河村" / "village.yaml", village.replace("0000-00000000", "0571-63811001"))
    result = runner.invoke(app, ["render"])
    assert result.exit_code == 1
    tail = "是模板里的示例，还没有改成真实内容；改好后删掉这一行注释里的「【示例】」"
    assert result.output.splitlines()[:5] == [
        f"低保.yaml:8: 错误 period: 「2026-10」{tail}",
        f"低保.yaml:9: 错误 posted: 「2026-10-10」{tail}",
        f"低保.yaml:16: 错误 reviewed_by: 「孙监督」{tail}",
        f"低保.yaml:17: 错误 reviewed_on: 「2026-10-09」{tail}",
        f"低保.yaml:19: 错误 recipients[1].name: 「张大山」{tail}",
    ]
    assert not list((fresh / "双河村").rglob("*.pdf"))

"""A Chinese keyboard's slips in YAML: named at their own line and column, with the fix."""

import pytest

from noticeboard.errors import NoticeboardError
from noticeboard.sources.loader import load_yaml_file
from tests.conftest import write


def refusal(tmp_path, text):
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(write(tmp_path / "item.yaml", text))
    return [(f.code, f.line, f.message()) for f in caught.value.findings]


NOTICE = "kind: notice\ntitle: 关于冬季防火的通知\nperiod: 2026-11\n{line}\ndays: 7\nbody: |\n  各位村民：\n  注意防火。\n"


def test_a_full_width_colon_is_named_on_its_own_line(tmp_path):
    assert refusal(tmp_path, NOTICE.format(line="posted：2026-11-20")) == [(
        "yaml_fullwidth_colon", 4,
        "第 7 个字处是中文冒号「：」；键名后面要用英文冒号加一个空格，请改成：posted: 2026-11-20")]


def test_a_file_typed_all_in_full_width_colons_names_every_line(tmp_path):
    assert refusal(tmp_path, "类型：通知\n标题：关于冬季防火的通知\n") == [
        ("yaml_fullwidth_colon", 1, "第 3 个字处是中文冒号「：」；键名后面要用英文冒号加一个空格，请改成：类型: 通知"),
        ("yaml_fullwidth_colon", 2, "第 3 个字处是中文冒号「：」；键名后面要用英文冒号加一个空格，请改成：标题: 关于冬季防火的通知"),
    ]


def test_a_colon_without_its_space(tmp_path):
    assert refusal(tmp_path, NOTICE.format(line="公开日期:2026-11-20")) == [(
        "yaml_no_space_after_colon", 4, "第 5 个字处的冒号后面少了一个空格；请改成：公开日期: 2026-11-20")]


def test_a_full_width_space_after_the_colon(tmp_path):
    assert refusal(tmp_path, NOTICE.format(line="posted:\u30002026-11-20")) == [(
        "yaml_ideographic_space", 4,
        "第 8 个字处是全角空格（中文输入法打出的空格），冒号后面要用英文空格；请改成：posted: 2026-11-20")]


def test_a_full_width_space_as_indentation(tmp_path):
    assert refusal(tmp_path, NOTICE.format(line="\u3000\u3000posted: 2026-11-20")) == [(
        "yaml_ideographic_indent", 4,
        "第 1 个字处是全角空格：行首缩进只能用英文空格（半角），请删掉全角空格，改用英文空格和上一层对齐")]


def test_a_quote_closed_by_a_chinese_one(tmp_path):
    text = 'kind: notice\ntitle: "关于冬季防火的通知”\nperiod: 2026-11\nposted: 2026-11-20\n'
    assert refusal(tmp_path, text) == [(
        "yaml_quote_mismatch", 2,
        "第 18 个字处是中文引号，而这段内容是用英文引号「\"」开头的，引号没有配对；"
        "请改成：title: \"关于冬季防火的通知\"")]


@pytest.mark.parametrize(("line", "column", "fixed"), [
    ("introducers: [张建国，王秀兰]", 18, "introducers: [张建国, 王秀兰]"),
    ("seats: {主任：1，委员：3}", 13, "seats: {主任: 1, 委员: 3}"),
])
def test_a_full_width_comma_in_brackets_would_make_one_item(tmp_path, line, column, fixed):
    text = f"kind: election\n{line}\n"
    assert refusal(tmp_path, text) == [(
        "yaml_fullwidth_comma", 2,
        f"第 {column} 个字处是中文逗号「，」，方括号（花括号）里的各项要用英文逗号分开，否则会读成一项；请改成：{fixed}")]


def test_a_tab_is_named_at_its_column(tmp_path):
    text = "kind: relief\nrecipients:\n  - name: 张大海\n  \tgroup: 第一村民小组\n"
    assert refusal(tmp_path, text) == [(
        "yaml_tab_at", 4, "第 3 个字处是 Tab 键（跳格），YAML 只允许用空格缩进，请把它换成空格")]


def test_running_text_keeps_its_chinese_punctuation(tmp_path):
    text = ("kind: notice\ntitle: “两委”会议通知\nperiod: 2026-11\nposted: 2026-11-20\nbody: |\n"
            "  \u3000\u3000各位村民：\n  议程：一、审议[甲，乙]；二、其他\n  时间:上午9时\n")
    assert load_yaml_file(write(tmp_path / "item.yaml", text)).data["body"].startswith("\u3000\u3000各位村民：")


def test_urls_and_times_are_not_slips(tmp_path):
    text = "kind: meeting\nurl: https://example.gov.cn/a\nagenda:\n  - 8:30 签到\nmeeting_time: 上午9:30\n"
    assert load_yaml_file(write(tmp_path / "item.yaml", text)).data["url"] == "https://example.gov.cn/a"

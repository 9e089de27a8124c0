import codecs
import time
from pathlib import Path

import pytest

from noticeboard.errors import NoticeboardError
from noticeboard.sources.loader import MAX_FILE_BYTES, load_yaml_file
from tests.conftest import write


def refusal(path: Path) -> tuple[str, int | None]:
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    first = caught.value.findings[0]
    return first.code, first.line


def test_scalars_stay_text_as_typed(tmp_path):
    path = write(tmp_path / "a.yaml", """\
        answer: yes
        off: off
        zip: 0571
        time: 1:30
        day: 2026-10-01
        big: 1e400
        nan: .nan
        empty:
        tilde: ~
        quoted_null: "null"
        """)
    data = load_yaml_file(path).data
    assert data == {"answer": "yes", "off": "off", "zip": "0571", "time": "1:30",
                    "day": "2026-10-01", "big": "1e400", "nan": ".nan", "empty": None,
                    "tilde": None, "quoted_null": "null"}


def test_line_map_points_at_keys_and_rows(tmp_path):
    path = write(tmp_path / "a.yaml", """\
        kind: finance
        income:
          - date: 2026-07-01
            amount: 12
          - date: 2026-07-02
            amount: 13
        """)
    lines = load_yaml_file(path).lines
    assert lines[("kind",)] == 1
    assert lines[("income", 1)] == 5
    assert lines[("income", 1, "amount")] == 6


def test_duplicate_key_names_both_lines(tmp_path):
    path = write(tmp_path / "a.yaml", "title: 甲\nbody: 乙\ntitle: 丙\n")
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    [finding] = caught.value.findings
    assert finding.code == "yaml_duplicate_key"
    assert finding.line == 3
    assert finding.message() == "「title」写了两次（第 1 行和第 3 行），请删掉一处"


def test_every_duplicate_is_reported(tmp_path):
    path = write(tmp_path / "a.yaml", "a: 1\na: 2\nb: 1\nb: 2\n")
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    assert [f.line for f in caught.value.findings] == [2, 4]


def test_alias_is_refused(tmp_path):
    assert refusal(write(tmp_path / "a.yaml", "a: &x 1\nb: *x\n")) == ("yaml_alias", 2)


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    assert refusal(path)[0] == "yaml_alias"
    assert time.perf_counter() - started < 1.0


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 1) + b"\n")
    assert refusal(path) == ("file_too_large", None)


def test_deep_nesting_is_refused(tmp_path):
    path = write(tmp_path / "deep.yaml", "a: " + "[" * 500 + "]" * 500 + "\n")
    assert refusal(path)[0] == "yaml_too_deep"


@pytest.mark.parametrize(("text", "code", "line"), [
    ("a: 1\n\tb: 2\n", "yaml_tab_at", 2),
    ("a: 1\n---\nb: 2\n", "yaml_multiple_documents", 2),
    ("title: 时间: 上午\n", "yaml_colon_in_value", 1),
    ("", "file_empty", None),
    ("# 只有注释\n", "file_empty", None),
    ("a: [1, 2\n", "yaml_unclosed_bracket", 2),
    ("a: 'not closed\n", "yaml_unexpected_end", 2),
    ("%YAML 9.9\n---\na: 1\n", "yaml_syntax", 1),
    ("? [a, b]\n: c\n", "yaml_complex_key", 1),
])
def test_syntax_problems_have_codes_and_lines(tmp_path, text, code, line):
    assert refusal(write(tmp_path / "bad.yaml", text)) == (code, line)


def test_utf8_bom_is_read(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(codecs.BOM_UTF8 + "标题: 通知\n".encode())
    loaded = load_yaml_file(path)
    assert loaded.data == {"标题": "通知"}
    assert loaded.notes == []


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "u16.yaml"
    path.write_bytes("标题: 通知\n".encode("utf-16"))
    assert load_yaml_file(path).data == {"标题": "通知"}


def test_gbk_is_read_with_a_warning(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("标题: 关于村民代表会议的通知\n".encode("gbk"))
    loaded = load_yaml_file(path)
    assert loaded.data == {"标题": "关于村民代表会议的通知"}
    assert [n.code for n in loaded.notes] == ["encoding_gb18030"]


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert refusal(path)[0] in {"file_not_text", "file_bad_encoding"}


def test_crlf_line_ends_are_read(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes("标题: 通知\r\n正文: 第一段\r\n".encode())
    assert load_yaml_file(path).data == {"标题": "通知", "正文": "第一段"}


def test_latin1_text_is_refused_not_mangled(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: notice\ntitle: Résumé des dépenses\n".encode("cp1252"))
    assert refusal(path) == ("file_bad_encoding", 2)


def test_gb18030_rare_character_is_read(tmp_path):
    path = tmp_path / "gb.yaml"
    path.write_bytes("name: 吉𠮷祥\n".encode("gb18030"))
    assert load_yaml_file(path).data == {"name": "吉𠮷祥"}


def test_a_gbk_line_in_a_utf8_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "mixed.yaml"
    path.write_bytes("标题: 通知\n正文: 第一段\n".encode() + "事项: 人事任用\n".encode("gbk")
                     + "备注: 无\n".encode())
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    [finding] = caught.value.findings
    assert (finding.code, finding.line, finding.params) == ("file_mixed_encoding", 3, {"lines": "3"})


def test_a_utf8_line_in_a_gbk_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("标题: 关于村民代表会议的通知\n正文: 请准时参加会议。\n".encode("gbk")
                     + "备注: 无\n".encode())  # mostly GBK: the UTF-8 line is the odd one
    assert refusal(path) == ("file_bad_encoding", 3)


def test_control_characters_in_text_name_their_line(tmp_path):
    path = write(tmp_path / "ctl.yaml", "kind: notice\nbody: |\n  第一行\n  第二\x07行\n")
    assert refusal(path) == ("file_not_text", 4)


@pytest.mark.parametrize(("value", "code", "codepoint"), [
    (r'"王\0桂英"', "text_control", "0000"),
    (r'"王\e桂英"', "text_control", "001B"),
    (r'"王\x85桂英"', "text_control", "0085"),
    (r'"王\u202E英桂"', "text_bidi", "202E"),
    ("王\u2067桂英", "text_bidi", "2067"),
    ("王\u200b桂英", "text_invisible", "200B"),
    ("王\u200d桂英", "text_invisible", "200D"),
    ("王\ufeff桂英", "text_invisible", "FEFF"),
    ("王\u00ad桂英", "text_invisible", "00AD"),
])
def test_what_the_eye_cannot_see_is_refused_with_its_line(tmp_path, value, code, codepoint):
    path = write(tmp_path / "x.yaml", f"kind: relief\nrecipients:\n  - name: {value}\n")
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    [finding] = caught.value.findings
    assert (finding.code, finding.line, finding.field_path, finding.params["codepoint"]) == (
        code, 3, ("recipients", 0, "name"), codepoint)


def test_a_hidden_character_in_a_literal_block_names_its_own_line(tmp_path):
    path = write(tmp_path / "x.yaml", "kind: notice\nbody: |\n  第一段\n  第二段\u202e\n")
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    assert caught.value.findings[0].line == 4


@pytest.mark.parametrize("value", ['"  "', "\u3000\u3000", "'\t'"])
def test_a_value_of_only_spaces_is_refused(tmp_path, value):
    path = write(tmp_path / "x.yaml", f"kind: relief\nrecipients:\n  - name: {value}\n")
    with pytest.raises(NoticeboardError) as caught:
        load_yaml_file(path)
    assert [(f.code, f.line) for f in caught.value.findings] == [("value_blank", 3)]


def test_an_empty_quoted_value_is_empty(tmp_path):
    path = write(tmp_path / "x.yaml", 'kind: notice\ntitle: ""\nissuer: \'\'\n')
    assert load_yaml_file(path).data == {"kind": "notice", "title": None, "issuer": None}


def test_tabs_and_line_breaks_inside_text_are_fine(tmp_path):
    path = write(tmp_path / "x.yaml", r'kind: notice' + '\n' + r'body: "一\t二\n三"' + '\n')
    assert load_yaml_file(path).data["body"] == "一\t二\n三"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert refusal(fifo) == ("file_not_regular", None)

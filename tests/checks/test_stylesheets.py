"""A township's stylesheets read at `check` (issue 25): what would change, hide, move or
add to what a poster says is refused there with its file and line, for every poster of
the township, before anything is rendered."""

from __future__ import annotations

from noticeboard.checks.settings import find_setting
from noticeboard.checks.stylesheets import stylesheet_refusals
from noticeboard.poster.render import builtin_template_dir
from tests.conftest import write

BUILTIN_CSS = (builtin_template_dir() / "poster.css").read_text(encoding="utf-8")
CHANGES = "本镇样式表的这一行「{}」会{}：海报必须原样印出事项的全部内容，不得隐藏、遮挡、移动或添加；请删除这一条"


def _found(township, css, name="poster.css"):
    write(township / "templates" / name, css)
    _, findings = find_setting(township / "双河村")
    return [(f.code, f.file.name, f.line, f.message()) for f in findings]


def test_the_builtin_stylesheet_copied_by_a_township_is_accepted(township):
    assert _found(township, BUILTIN_CSS) == []


def test_generated_content_and_hiding_are_refused_with_their_line(township):
    css = ('.rows td.num::before { content: "1"; }\n'
           ".rows tbody tr:first-child { display: none; }\n"
           ".rows td.name { visibility: hidden; }\n"
           ".rows tr { transform: translateX(200cm); }\n"
           ".figure .value { color: transparent; }\n"
           ".num { font-size: 0; }\n"
           ".cover { position: absolute; }\n"
           '@page { @bottom-left { content: "2026年" } }\n'
           ".meta span + span::before { content: \"｜\"; }\n")
    assert _found(township, css) == [
        ("stylesheet_changes_content", "poster.css", 1,
         CHANGES.format('.rows td.num::before { content: "1"; }', "在海报上添加事项里没有的文字或数字")),
        ("stylesheet_changes_content", "poster.css", 2,
         CHANGES.format(".rows tbody tr:first-child { display: none; }", "把内容隐藏起来")),
        ("stylesheet_changes_content", "poster.css", 3,
         CHANGES.format(".rows td.name { visibility: hidden; }", "把内容隐藏起来")),
        ("stylesheet_changes_content", "poster.css", 4,
         CHANGES.format(".rows tr { transform: translateX(200cm); }", "把内容移到别处或移出纸面")),
        ("stylesheet_changes_content", "poster.css", 5,
         CHANGES.format(".figure .value { color: transparent; }", "让文字看不见")),
        ("stylesheet_changes_content", "poster.css", 6,
         CHANGES.format(".num { font-size: 0; }", "让文字看不见")),
        ("stylesheet_changes_content", "poster.css", 7,
         CHANGES.format(".cover { position: absolute; }", "把内容移到别处或移出纸面")),
        ("stylesheet_changes_content", "poster.css", 8,
         CHANGES.format('@page { @bottom-left { content: "2026年" } }', "在海报上添加事项里没有的文字或数字")),
    ]


def test_a_typo_in_the_stylesheet_is_named_at_check(township):
    """Every poster of the township was refused at render; check said nothing."""
    assert _found(township, BUILTIN_CSS + "\n.rows td { color red; }\n") == [(
        "stylesheet_syntax", "poster.css", BUILTIN_CSS.count("\n") + 2,
        "本镇样式表的这一行「.rows td { color red; }」写得不对，生成海报时整条规则会被跳过；请改正")]


def test_style_in_a_township_template_is_read_too(township):
    template = ('{% extends "base.html.j2" %}{% block content %}\n'
                '<style>\n.rows td { opacity: 0 }\n</style>\n'
                '<p style="display:none">{{ item.body }}</p>{% endblock %}\n')
    found = _found(township, template, name="notice.html.j2")
    assert [(code, name, line) for code, name, line, _ in found] == [
        ("stylesheet_changes_content", "notice.html.j2", 3),
        ("stylesheet_changes_content", "notice.html.j2", 5)]


def test_refusals_inside_media_and_nesting():
    found = list(stylesheet_refusals("@media print {\n  .q { opacity: 0.1 }\n}\n.a { .b { clip-path: inset(50%) } }"))
    assert [(line, code, what.zh) for line, (code, what), _ in found] == [
        (2, "stylesheet_changes_content", "把内容隐藏起来"),
        (4, "stylesheet_changes_content", "把内容裁掉或遮住")]


def test_a_character_no_font_draws_in_village_yaml_is_named_at_check(township):
    """Render blamed "模板" for it; check said nothing."""
    write(township / "双河村" / "village.yaml",
          "name: 双河村\ncommittee: 双河村\U0002a6a5村民委员会\nphone: 0571-63811001\n")
    _, findings = find_setting(township / "双河村")
    assert [(f.code, f.file.name, f.line, f.message()) for f in findings] == [(
        "glyph_missing", "village.yaml", 2,
        "「\U0002a6a5」（U+2A6A5）没有任何已安装字体能显示，海报上会成为空白方框；出现在 committee。"
        "请安装含此字的字体（如 fonts-noto-cjk-extra 或花园明朝），并在 township.yaml 的 defaults.fonts 中配置")]

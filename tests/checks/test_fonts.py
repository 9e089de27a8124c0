"""`check` knows whether some installed font can draw every character of an item."""

import subprocess
import sys

from noticeboard.checks import fonts as fontcheck
from tests.conftest import NOTICE_YAML, ROOT, check_text


def test_fontconfig_charsets_are_read_as_ranges():
    assert fontcheck.parse_charsets("20-7e a0-17f 192\n4e00-9fff") == [
        (0x20, 0x7E), (0xA0, 0x17F), (0x192, 0x192), (0x4E00, 0x9FFF)]


def test_installed_fonts_cover_chinese_and_not_a_private_use_character():
    assert fontcheck.uncovered(["双河村村民委员会", "\U000f0000", "\n\t "]) == ["\U000f0000"]


def test_check_names_a_character_no_font_has_and_where_it_is(village):
    checked = check_text(village, NOTICE_YAML.replace("各位村民代表", "各位\U0002a6a5村民代表"))
    assert [(f.line, f.message()) for f in checked.findings] == [(
        5, "「\U0002a6a5」（U+2A6A5）没有任何已安装字体能显示，海报上会成为空白方框；出现在 body。"
           "请安装含此字的字体（如 fonts-noto-cjk-extra 或花园明朝），并在 township.yaml 的 "
           "defaults.fonts 中配置")]
    assert not checked.ok


def test_many_missing_characters_give_one_summary(village):
    text = NOTICE_YAML.replace("各位村民代表", "".join(chr(0xF0000 + n) for n in range(8)))
    checked = check_text(village, text)
    assert [f.code for f in checked.findings] == ["glyph_missing"] * 5 + ["glyphs_missing_many"]
    assert checked.findings[-1].message() == (
        "还有 3 个字（如「\U000f0005\U000f0006\U000f0007」）没有任何已安装字体能显示，"
        "海报上会成为空白方框；请运行 noticeboard doctor 检查中文字体")


def test_check_does_not_load_weasyprint():
    code = ("import sys, noticeboard.run.build, noticeboard.checks.fonts as f; f.uncovered(['字']); "
            "print('weasyprint' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout == "False\n"


def test_posters_name_a_documented_fallback_list_of_families(village):
    from noticeboard.poster.context import SANS_FALLBACK, SERIF_FALLBACK
    from noticeboard.poster.render import Renderer

    checked = check_text(village, NOTICE_YAML)
    page = Renderer().html(checked, "A3")
    assert 'html { font-family: "Noto Serif CJK SC", "Noto Serif CJK SC", "Source Han Serif SC", ' \
        '"Source Han Serif CN", "SimSun", "Songti SC", "AR PL UMing CN", serif; }' in page
    assert '"Microsoft YaHei", "SimHei", "WenQuanYi Zen Hei", sans-serif;' in page
    guide = (ROOT / "docs" / "使用指南.md").read_text(encoding="utf-8")
    for family in (*SERIF_FALLBACK, *SANS_FALLBACK):
        if "CN" not in family:  # the CN cuts are the same faces as SC, named once in the guide
            assert family in guide, family


def test_without_fontconfig_check_says_so_once_never_silently(township):
    import os
    import subprocess
    import sys

    from tests.conftest import NOTICE_YAML, write

    write(township / "双河村" / "a.yaml", NOTICE_YAML)
    write(township / "双河村" / "b.yaml", NOTICE_YAML)
    result = subprocess.run([sys.executable, "-m", "noticeboard", "check"], cwd=township,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PATH": "/nonexistent"})  # no fc-list
    assert result.stdout.splitlines() == [
        "-: 警告: 没有找到 fontconfig（fc-list 命令），检查时无法核对每个字有没有字体能印出来；"
        "请安装 fontconfig（make setup 会装），否则生成海报时缺字会印成空白方框",
        "检查了 2 个文件：0 个错误，1 个警告",
    ]

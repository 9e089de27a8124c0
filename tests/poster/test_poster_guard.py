"""The last guard: the text a finished poster draws is searched before it is written,
and a personal number that the item checks missed stops that poster."""

import time

import pytest

from noticeboard.checks.privacy import guard_poster, poster_text
from noticeboard.errors import NoticeboardError
from noticeboard.poster.render import Renderer
from tests.conftest import NOTICE_YAML, check_past_stylesheet_refusals, check_text, write

VALID_ID = "11010519491231002X"


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def _refusal(renderer, checked):
    assert checked.ok, [f.format() for f in checked.findings]
    with pytest.raises(NoticeboardError) as caught:
        renderer.render(checked)
    return [(f.code, f.file.name, f.message(), f.message("en")) for f in caught.value.findings]


def test_a_number_from_a_township_template_stops_the_poster(renderer, township):
    village = township / "双河村"
    write(township / "templates" / "notice.html.j2", """\
        {% extends "base.html.j2" %}
        {% block content %}<p>{{ item.body }}</p><p>值班：书记 138 1234 5678</p>{% endblock %}
        """)
    checked = check_text(village, NOTICE_YAML)
    assert _refusal(renderer, checked) == [(
        "privacy_poster_guard", "item.yaml",
        "海报上将印出个人手机号（138****5678），来自 本镇模板 notice.html.j2；逐项检查时没有发现它，"
        "为免泄露，这张海报没有生成。请从 本镇模板 notice.html.j2 中删除",
        "the poster would print a personal mobile number (138****5678) from the township's template "
        "notice.html.j2, which the item checks did not catch; the poster was not written. "
        "Remove it from the township's template notice.html.j2",
    )]


def test_an_id_drawn_by_a_township_stylesheet_stops_the_poster(renderer, township):
    village = township / "双河村"
    builtin = (Renderer().environment(None).loader.get_source(Renderer().environment(None), "poster.css")[0])
    write(township / "templates" / "poster.css",
          builtin + f'\nfooter::after {{ content: "经办人身份证 {VALID_ID}"; }}\n')
    checked = check_past_stylesheet_refusals(village, NOTICE_YAML)  # check refuses it first
    [(code, _, message, _)] = _refusal(Renderer(), checked)
    assert code == "privacy_poster_guard"
    assert message.startswith("海报上将印出完整的身份证号（110105********002X），来自 本镇模板 poster.css；")


def test_the_official_phones_are_printed(renderer, township):
    village = township / "双河村"
    write(village / "village.yaml", "name: 双河村\nphone: 139 0000 1111\n")
    write(township / "township.yaml", "name: 青山镇\nhotline: +86 138-1234-5678\n")
    drawn = poster_text(renderer.render(check_text(village, NOTICE_YAML)).pdf)
    assert "监督电话：139 0000 1111 青山镇举报电话：+86 138-1234-5678" in drawn
    with_contact = NOTICE_YAML.replace("kind: notice\n", "kind: notice\ncontact: 13700001111\n")
    drawn = poster_text(renderer.render(check_text(village, with_contact)).pdf)
    assert "监督电话：13700001111 青山镇举报电话：+86 138-1234-5678" in drawn


def test_the_guard_reads_the_drawn_text_of_every_example_quickly(renderer):
    from noticeboard.run.build import Build
    from tests.conftest import EXAMPLES

    build = Build.for_paths([EXAMPLES / "双河村" / "2026-Q3-财务.yaml"])
    [checked] = build.check()
    poster = renderer.render(checked)
    start = time.perf_counter()
    guard_poster(poster.pdf, checked, [])
    elapsed = time.perf_counter() - start
    assert "农贸市场摊位费" in poster_text(poster.pdf)
    assert elapsed < 0.5, elapsed


def test_render_command_writes_nothing_for_a_refused_poster(township, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from noticeboard.cli import app

    write(township / "templates" / "notice.html.j2", """\
        {% extends "base.html.j2" %}
        {% block content %}<p>{{ item.body }}</p><p>会计 身份证 110105-19491231-002X</p>{% endblock %}
        """)
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["render", str(township), "-o", "out"])
    assert result.exit_code == 1
    assert ("通知.yaml: 错误: 海报上将印出完整的身份证号（110105********002X），来自 本镇模板 notice.html.j2；"
            "逐项检查时没有发现它，为免泄露，这张海报没有生成。请从 本镇模板 notice.html.j2 中删除") in result.output
    assert "19491231" not in result.output
    assert not list((tmp_path / "out").rglob("*.pdf"))
    report = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    assert "privacy_poster_guard" in report and "19491231" not in report


def test_a_number_from_settings_that_escaped_their_check_is_named(renderer, township):
    """Settings read some other way than load_settings_file (a default, a future
    setting) still cannot print a number: the guard names the file holding it."""
    from dataclasses import replace

    from noticeboard.kinds.settings import Village

    village = township / "双河村"
    checked = check_text(village, NOTICE_YAML)
    write(village / "village.yaml", "name: 双河村\ncommittee: 双河村村民委员会（值班 139-0000-1111）\n")
    leaked = Village(name="双河村", committee="双河村村民委员会（值班 139-0000-1111）")
    checked.setting = replace(checked.setting, village=leaked)
    assert _refusal(renderer, checked) == [(
        "privacy_poster_guard", "item.yaml",
        "海报上将印出个人手机号（139****1111），来自 village.yaml；逐项检查时没有发现它，"
        "为免泄露，这张海报没有生成。请从 village.yaml 中删除",
        "the poster would print a personal mobile number (139****1111) from village.yaml, which the "
        "item checks did not catch; the poster was not written. Remove it from village.yaml",
    )]


@pytest.mark.parametrize("drawn, what, masked", [
    ("值班：一三八一二三四五六七八", "个人手机号", "138****5678"),  # Chinese numerals
    ("值班：l38 l234 5678", "个人手机号", "138****5678"),  # letters for digits
    ("会计身份证<br>110105<br>19491231002X", "完整的身份证号", "110105********002X"),  # over two lines
    ("<table><tr><td>110105</td><td>19491231</td><td>002X</td></tr></table>", "完整的身份证号",
     "110105********002X"),  # in three cells
])
def test_a_number_a_template_draws_in_other_clothes_stops_the_poster(renderer, township, drawn,
                                                                     what, masked):
    village = township / "双河村"
    write(township / "templates" / "notice.html.j2", f"""\
        {{% extends "base.html.j2" %}}
        {{% block content %}}<p>{{{{ item.body }}}}</p><p>{drawn}</p>{{% endblock %}}
        """)
    checked = check_text(village, NOTICE_YAML)
    [(code, _, message, _)] = _refusal(renderer, checked)
    assert code == "privacy_poster_guard"
    assert message == (f"海报上将印出{what}（{masked}），来自 本镇模板 notice.html.j2；逐项检查时没有发现它，"
                       "为免泄露，这张海报没有生成。请从 本镇模板 notice.html.j2 中删除")


def test_a_number_escaped_in_a_stylesheet_is_named_with_its_file(renderer, township):
    """The guard read `\\31\\33\\38…` drawn as 138…, but could not tell where it came from."""
    builtin = (Renderer().environment(None).loader.get_source(Renderer().environment(None), "poster.css")[0])
    escaped = "".join(f"\\{ord(c):x} " for c in "13812345678")
    write(township / "templates" / "poster.css", builtin + f'\nfooter::after {{ content: "值班 {escaped}"; }}\n')
    checked = check_past_stylesheet_refusals(township / "双河村", NOTICE_YAML)
    [(code, _, message, _)] = _refusal(Renderer(), checked)
    assert code == "privacy_poster_guard"
    assert message == ("海报上将印出个人手机号（138****5678），来自 本镇模板 poster.css；逐项检查时没有发现它，"
                       "为免泄露，这张海报没有生成。请从 本镇模板 poster.css 中删除")

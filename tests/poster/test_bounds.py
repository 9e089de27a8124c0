"""Nothing runs without bound (issue 25): a time limit per poster, a bounded template
output, and the township's sheet limit for every kind, each with a Chinese message
naming what was too big."""

from __future__ import annotations

import time

import pytest

from noticeboard.errors import NoticeboardError
from noticeboard.poster import render
from noticeboard.poster.render import Renderer
from tests.conftest import NOTICE_YAML, TOWNSHIP_YAML, check_text, write


def _refused(checked):
    assert checked.ok, [f.format() for f in checked.findings]
    with pytest.raises(NoticeboardError) as caught:
        Renderer().render(checked)
    return [(f.code, f.message()) for f in caught.value.findings]


def test_a_template_loop_that_never_ends_is_stopped_at_the_time_limit(township):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  render_seconds: 2\n")
    write(township / "templates" / "notice.html.j2", """\
        {% extends "base.html.j2" %}
        {% block content %}{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}
        <p>{{ item.body }}</p>{% endblock %}
        """)
    checked = check_text(township / "双河村", NOTICE_YAML)
    started = time.monotonic()
    assert _refused(checked) == [("render_too_slow", (
        "这张海报 2 秒还没有生成完，已停止：可能是本镇模板里的循环停不下来，或内容太多；"
        "请检查模板或把这一项分开。如确需更长时间，可在 township.yaml 的 defaults.render_seconds 中调高"))]
    assert time.monotonic() - started < 30


def test_the_time_limit_is_lifted_after_the_poster(township):
    import signal

    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  render_seconds: 60\n")
    handler = signal.getsignal(signal.SIGALRM)
    poster = Renderer().render(check_text(township / "双河村", NOTICE_YAML))
    assert poster.pages == 1
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left to go off later
    assert signal.getsignal(signal.SIGALRM) == handler


def test_a_template_that_makes_too_much_html_is_stopped(township, monkeypatch):
    monkeypatch.setattr(render, "MAX_HTML_CHARS", 2_000_000)
    write(township / "templates" / "notice.html.j2", """\
        {% extends "base.html.j2" %}
        {% block content %}{% for a in range(1000) %}{% for b in range(1000) %}<i>x</i>{% endfor %}{% endfor %}
        {% endblock %}
        """)
    assert _refused(check_text(township / "双河村", NOTICE_YAML)) == [("template_too_big", (
        "模板 notice.html.j2 生成的网页超过 2 百万个字符，已停止：多半是本镇模板里的循环嵌套太多；请检查模板"))]


def test_a_poster_laid_out_on_more_sheets_than_the_limit_is_not_written(township):
    """The check's estimate errs low; the sheets laid out are counted too, for every kind."""
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  max_sheets: 1\n")
    body = "\n".join("  " + "定于11月28日上午9时在村文化礼堂开会，请各位代表准时参加。" * 4 for _ in range(30))
    text = NOTICE_YAML.replace("  定于11月28日上午9时在村文化礼堂开会。", body)
    [(code, message)] = _refused(check_text(township / "双河村", text))
    assert code == "poster_sheets_over_limit"
    assert message.endswith("张纸，超过本镇每张海报最多 1 张的上限，没有生成；"
                            "请分成几项，或在 township.yaml 的 defaults.max_sheets 中调高上限")

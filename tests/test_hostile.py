"""Untrusted content stays inert: nothing fetched, nothing executed, templates sandboxed."""

import base64

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from tests.bad_input.test_corpus import FILES
from tests.conftest import NOTICE_YAML, write
from tests.pdftext import page_texts, squeezed
from tests.spies import record_fetches

runner = CliRunner()
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")


@pytest.fixture
def fetches(monkeypatch):
    """Every URL WeasyPrint asks for, and whether it was served (a real spy: see tests/spies.py)."""
    return record_fetches(monkeypatch)


def test_the_hostile_corpus_fetches_nothing(tmp_path, fetches):
    hostile = sorted(FILES.glob("hostile-*.yaml"))
    result = runner.invoke(app, ["render", *map(str, hostile), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert fetches == []


def test_a_township_template_may_use_its_own_files_and_nothing_else(township, tmp_path, fetches):
    (township / "templates").mkdir()
    (township / "templates" / "seal.png").write_bytes(PNG)
    write(township / "templates" / "notice.html.j2", """\
        {% extends "base.html.j2" %}
        {% block content %}<img src="seal.png"><img src="file:///etc/passwd">
        <img src="http://example.invalid/x.png"><p>{{ item.body }}</p>{% endblock %}
        """)
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    result = runner.invoke(app, ["render", str(township), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1, result.output
    served = {url.rsplit("/", 1)[-1]: ok for url, ok in fetches}
    assert served == {"seal.png": True, "passwd": False, "x.png": False}
    assert "模板或样式表要读取「file:///etc/passwd」" in result.output
    assert "模板或样式表要读取「http://example.invalid/x.png」" in result.output


def test_a_template_that_reaches_for_python_internals_is_stopped(township, tmp_path):
    write(township / "templates" / "notice.html.j2",
          "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    result = runner.invoke(app, ["render", str(township), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1
    assert "模板出错（notice.html.j2）" in result.output
    assert "Traceback" not in result.output


def test_user_text_is_never_compiled_as_a_template(village, tmp_path):
    write(village / "通知.yaml", NOTICE_YAML.replace("开会。", "开会。{{ config }}{% raw %}"))
    result = runner.invoke(app, ["render", str(village / "通知.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = squeezed(page_texts(tmp_path / "双河村" / "通知.pdf")[0])
    assert "{{config}}{%raw%}" in text

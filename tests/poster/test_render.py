"""Posters: sheet size, pages, every row's text, metadata, fonts, safety of writes."""

import base64
import http.server
import io
import os
import sys
import threading
from pathlib import Path

import pypdf
import pytest

from noticeboard.errors import NoticeboardError
from noticeboard.poster.render import Renderer, builtin_template_dir
from noticeboard.run.atomic import write_atomic
from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, TOWNSHIP_YAML, check_text, write
from tests.pdftext import page_sizes, page_texts, pdfium_texts, squeezed
from tests.spies import audit_log, network_events, opened_outside, record_fetches

A3 = (841.89, 1190.55)
A4 = (595.28, 841.89)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
SEAL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="5" cx="5" cy="5"/></svg>'


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def render(renderer, folder, text, paper=None):
    checked = check_text(folder, text)
    assert checked.ok, [f.format() for f in checked.findings]
    return renderer.render(checked, paper)


def test_finance_poster_carries_every_row_and_figure(renderer, village):
    poster = render(renderer, village, FINANCE_YAML)
    assert poster.pages == 1
    assert page_sizes(poster.pdf) == [A3]
    text = squeezed(page_texts(poster.pdf)[0])
    for needle in ["财务公开栏", "双河村2026年第三季度财务收支公开", "公开单位：双河村村民委员会",
                   "所属期间：2026年第三季度", "公示期：2026年10月8日至14日",
                   "记-001", "村集体厂房租金收入", "发包及上交收入", "2,000.50", "陈静",
                   "付-001", "村委会办公用品采购", "300.25", "刘洋", "张建国",
                   "1,000.00", "2,700.25", "人民币贰仟柒佰元贰角伍分",
                   "双河村村务监督委员会审核：孙立平（2026年10月6日）",
                   "监督电话：0571-63811001", "青山镇举报电话：0571-63812345",
                   "2026年10月8日", "第1页共1页"]:
        assert needle in text, needle


def test_relief_poster_and_a_rare_character_in_a_name(renderer, village):
    poster = render(renderer, village, RELIEF_YAML.replace("王桂英", "吉𠮷祥"))
    text = squeezed(page_texts(poster.pdf)[0])
    for needle in ["吉𠮷祥", "第一村民小组", "一类低保", "1,120.00", "刘长水", "980.00",
                   "2,100.00", "人民币贰仟壹佰元整", "3人"]:
        assert needle in text, needle
    assert "吉𠮷祥" in squeezed(pdfium_texts(poster.pdf)[0])


def test_character_no_font_has_fails_naming_it_and_the_field(renderer, village):
    checked = check_text(village, RELIEF_YAML.replace("刘长水", "刘\U0002a6a5水"))
    with pytest.raises(NoticeboardError) as caught:
        renderer.render(checked)
    [finding] = caught.value.findings
    assert finding.code == "glyph_missing"
    assert finding.params["codepoint"] == "2A6A5"
    assert finding.field_path == ("recipients", 1, "name")
    assert finding.line == 14
    assert "recipients[2].name" in finding.message()
    assert "请安装含此字的字体" in finding.message()


def test_short_notice_is_set_at_the_largest_step_of_the_type_scale(renderer, village):
    from noticeboard.poster.render import TYPE_SCALE_PT

    poster = render(renderer, village, NOTICE_YAML)
    assert poster.pages == 1
    assert poster.scale * TYPE_SCALE_PT["A3"][0] == TYPE_SCALE_PT["A3"][-1] == 23.0


def test_long_table_runs_on_with_repeated_header_and_page_numbers(renderer, village):
    row = ("  - {{date: 2026-08-02, voucher: 付-{n:03d}, summary: 第{n}笔路灯维修, category: 公益支出,"
           " amount: 10.00, handler: 刘洋, approver: 张建国}}\n")
    rows = "".join(row.format(n=n) for n in range(2, 122))
    text = FINANCE_YAML.replace("closing_balance: 2700.25", "closing_balance: 1500.25").replace(
        "expense:\n", "expense:\n" + rows)
    poster = render(renderer, village, text)
    assert poster.pages >= 3
    pages = [squeezed(t) for t in page_texts(poster.pdf)]
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{poster.pages}页" in page
        if "付-" in page:
            assert "凭证号" in page and "审批人" in page  # the header row repeats
    everything = "".join(pages)
    for n in range(2, 122):
        assert f"第{n}笔路灯维修" in everything
    assert everything.count("付-121") == 1  # a row is never printed twice or split


def test_a4_on_request(renderer, village):
    assert page_sizes(render(renderer, village, NOTICE_YAML, "A4").pdf) == [A4]


def test_metadata_attachment_and_pdfa(renderer, village):
    poster = render(renderer, village, FINANCE_YAML)
    reader = pypdf.PdfReader(io.BytesIO(poster.pdf))
    assert reader.metadata.title == "双河村2026年第三季度财务收支公开"
    assert reader.metadata.author == "双河村村民委员会"
    assert reader.metadata.subject == "finance"
    assert reader.attachments["item.yaml"] == [FINANCE_YAML.encode()]
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.get_element("", "http://www.aiim.org/pdfa/ns/id/", "part")


def test_same_input_gives_the_same_bytes(renderer, village):
    assert render(renderer, village, FINANCE_YAML).pdf == render(renderer, village, FINANCE_YAML).pdf


def test_user_text_is_printed_literally_and_nothing_is_fetched(renderer, village, monkeypatch):
    hostile = ('<img src="file:///etc/passwd"> {{ 7*7 }} {% raw %} '
               '<link href="http://example.invalid/x.css"> url(file:///etc/hosts)')
    fetched = record_fetches(monkeypatch)
    poster = render(renderer, village, NOTICE_YAML.replace("开会。", "开会。" + hostile.replace(
        "{%", "{ %")))
    text = squeezed(page_texts(poster.pdf)[0])
    assert squeezed('<imgsrc="file:///etc/passwd">{{7*7}}') in text
    assert fetched == []


def test_the_fetch_spy_sees_what_weasyprint_fetches(renderer, township, monkeypatch):
    """The spy is real: a template that does use a file shows up in it."""
    fetched = record_fetches(monkeypatch)
    (township / "templates").mkdir()
    (township / "templates" / "seal.svg").write_text(SEAL_SVG)
    write(township / "templates" / "notice.html.j2", """\
        {% extends "base.html.j2" %}
        {% block content %}<img src="seal.svg"><p>{{ item.body }}</p>{% endblock %}
        """)
    render(renderer, township / "双河村", NOTICE_YAML)
    # Once per layout: WeasyPrint caches images within one layout only.
    assert set(fetched) == {((township / "templates" / "seal.svg").resolve().as_uri(), True)}


@pytest.fixture
def web_server():
    """A local web server that counts the requests it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"p { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def allowed_folders(township):
    """The township (its items and settings are attached to the poster), the tool's templates and
    Python's own files: nothing else may be opened (fonts are opened by fontconfig, unaudited)."""
    return (township, builtin_template_dir(), Path(sys.prefix), Path(sys.base_prefix))


def test_a_township_stylesheet_reaches_no_file_outside_and_no_network(renderer, township, web_server,
                                                                      monkeypatch):
    url, requests = web_server
    fetched = record_fetches(monkeypatch)
    write(township / "templates" / "poster.css", f"""\
        @import url(file:///etc/hostname);
        @import url({url}/imported.css);
        @font-face {{ font-family: Remote; src: url({url}/font.woff); }}
        body {{ background: url({url}/background.png); }}
        """)
    checked = check_text(township / "双河村", NOTICE_YAML)
    with audit_log() as events, pytest.raises(NoticeboardError) as caught:
        renderer.render(checked)
    assert requests == []
    assert network_events(events) == []
    assert opened_outside(events, *allowed_folders(township)) == []
    assert [f.message() for f in caught.value.findings] == [
        f"模板或样式表要读取「{target}」，它不在本镇 templates 文件夹里，也不是本工具自带的文件，已拒绝；"
        "海报不从网络或其他文件夹取任何东西，图片请放进 templates 文件夹，字体请按名称使用已安装的字体"
        for target in ["file:///etc/hostname", f"{url}/imported.css", f"{url}/font.woff"]]
    assert {f.file for f in caught.value.findings} == {township / "templates" / "poster.css"}
    # (The stylesheet is parsed once more on its own to find what WeasyPrint would ignore.)
    assert {u for u, ok in fetched if not ok} == {"file:///etc/hostname", f"{url}/imported.css",
                                                  f"{url}/font.woff"}
    assert [u for u, ok in fetched if ok] == []


def test_a_township_template_reaches_no_file_outside_and_no_network(renderer, township, web_server,
                                                                    monkeypatch):
    url, requests = web_server
    fetched = record_fetches(monkeypatch)
    (township / "secret.png").write_bytes(PNG)
    (township / "templates").mkdir()
    (township / "templates" / "link.png").symlink_to(township / "secret.png")
    write(township / "templates" / "notice.html.j2", f"""\
        {{% extends "base.html.j2" %}}
        {{% block content %}}<link rel="stylesheet" href="{url}/linked.css">
        <style>@import url({url}/inline.css); p {{ background: url(file:///etc/hostname) }}</style>
        <img src="link.png"><img src="../secret.png"><p>{{{{ item.body }}}}</p>{{% endblock %}}
        """)
    checked = check_text(township / "双河村", NOTICE_YAML)
    with audit_log() as events, pytest.raises(NoticeboardError) as caught:
        renderer.render(checked)
    assert requests == []
    assert network_events(events) == []
    assert opened_outside(events, *allowed_folders(township)) == []
    refused = sorted(f.params["url"] for f in caught.value.findings)
    templates = (township / "templates").resolve().as_uri()
    assert refused == sorted([f"{url}/linked.css", f"{url}/inline.css", "file:///etc/hostname",
                              f"{templates}/link.png", township.resolve().as_uri() + "/secret.png"])
    assert all(not ok for _, ok in fetched)


def test_a_township_stylesheet_may_import_its_own_files(renderer, township, monkeypatch):
    fetched = record_fetches(monkeypatch)
    write(township / "templates" / "poster.css", """\
        @import "base.css";
        .band::after { content: "（本镇样式）"; }
        """)
    builtin_css = (builtin_template_dir() / "poster.css").read_text(encoding="utf-8")
    write(township / "templates" / "base.css", builtin_css.replace("{", "{", 1))
    with audit_log() as events:
        poster = render(renderer, township / "双河村", NOTICE_YAML)
    assert "（本镇样式）" in squeezed(page_texts(poster.pdf)[0])
    assert fetched == [((township / "templates" / "base.css").resolve().as_uri(), True)]
    assert opened_outside(events, *allowed_folders(township)) == []


@pytest.mark.parametrize("name", ["notice.html.j2", "poster.css"])
def test_a_template_symlinked_out_of_the_township_is_refused_unread(renderer, township, name):
    (township / "templates").mkdir()
    (township / "templates" / name).symlink_to("/etc/hostname")
    checked = check_text(township / "双河村", NOTICE_YAML)
    with audit_log() as events, pytest.raises(NoticeboardError) as caught:
        renderer.render(checked)
    [finding] = caught.value.findings
    assert finding.message() == (
        f"模板「{name}」实际指向本镇文件夹以外的「/etc/hostname」（快捷方式或符号链接），已拒绝读取；"
        "请把文件本身复制进本镇的 templates 文件夹")
    assert opened_outside(events, *allowed_folders(township)) == []


def test_a_templates_folder_symlinked_out_of_the_township_is_refused(renderer, township, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "notice.html.j2", "<p>不应出现</p>")
    (township / "templates").symlink_to(elsewhere)
    checked = check_text(township / "双河村", NOTICE_YAML)
    with pytest.raises(NoticeboardError) as caught:
        renderer.render(checked)
    [finding] = caught.value.findings
    assert finding.code == "template_outside"
    assert finding.params == {"template": str(township / "templates"), "target": str(elsewhere.resolve())}


def test_written_files_follow_the_umask_not_mkstemps_private_mode(tmp_path):
    write_atomic(tmp_path / "a.bin", b"data")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "a.bin").stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "out" / "a.bin"
    write_atomic(target, b"old")

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["a.bin"]


def test_overflow_detection(renderer):
    from weasyprint import HTML

    from noticeboard.poster.engine import overflows_right

    page = "<style>@page {{ size: A4; margin: 20mm }}</style><p style='white-space: nowrap'>{}</p>"
    assert overflows_right(HTML(string=page.format("长" * 80)).render())
    assert not overflows_right(HTML(string=page.format("长" * 20)).render())


def test_a_very_long_name_wraps_instead_of_running_off(renderer, village):
    long_name = "欧阳" + "长" * 60
    poster = render(renderer, village, RELIEF_YAML.replace("王桂英", long_name))
    assert long_name in squeezed(page_texts(poster.pdf)[0])


LONG_ROW = ("  - {{date: 2026-08-02, voucher: 付-{n:03d}, summary: 第{n}笔路灯维修, category: 公益支出,"
            " amount: 10.00, handler: 刘洋, approver: 张建国}}\n")


def long_finance(rows: int) -> str:
    extra = "".join(LONG_ROW.format(n=n) for n in range(2, rows + 2))
    return FINANCE_YAML.replace("closing_balance: 2700.25",
                                f"closing_balance: {2700.25 - 10 * rows:.2f}").replace(
        "expense:\n", "expense:\n" + extra)


LONG_NOTICE = NOTICE_YAML.replace("定于11月28日上午9时在村文化礼堂开会。", "\n\n  ".join(
    ["定于11月28日上午9时在村文化礼堂开会，请各位代表准时参加，不得缺席，有事请提前向村委会请假。"] * 6))


def spy_on_layouts(monkeypatch) -> list[tuple[float, float]]:
    """The (scale, spacing) of every layout made from now on, in order."""
    from noticeboard.poster import render as render_module

    layouts: list[tuple[float, float]] = []
    original = render_module._ScaledLayout.__call__

    def spy(self, scale, spacing=1.0):
        layouts.append((scale, spacing))
        return original(self, scale, spacing)

    monkeypatch.setattr(render_module._ScaledLayout, "__call__", spy)
    return layouts


STEPS_A3 = (1.0, 19 / 16, 23 / 16)  # 16, 19 and 23 pt


def test_a_poster_is_laid_out_at_steps_of_the_scale_only_and_none_twice(renderer, village, monkeypatch):
    layouts = spy_on_layouts(monkeypatch)
    for text in (NOTICE_YAML, LONG_NOTICE, RELIEF_YAML, FINANCE_YAML, long_finance(60)):
        layouts.clear()
        poster = render(renderer, village, text)
        assert poster.layouts == len(layouts) <= 4, layouts
        assert len(set(layouts)) == len(layouts), layouts
        assert {scale for scale, _ in layouts} <= set(STEPS_A3), layouts
        assert poster.scale in STEPS_A3
    for text in (NOTICE_YAML, RELIEF_YAML, FINANCE_YAML):
        layouts.clear()
        poster = render(renderer, village, text)
        # at the step the HTML's estimate gives, then at most once more to space it out
        assert [scale for scale, _ in layouts] in ([poster.scale], [poster.scale] * 2), layouts


def test_the_estimate_is_within_a_few_percent_of_the_laid_out_height(renderer, village):
    """The estimate's constants describe poster.css and base.html.j2: a change there that
    makes them wrong fails here (the posters would still be right, at more layouts)."""
    from noticeboard.poster import engine
    from noticeboard.poster.render import Estimate, _ScaledLayout, builtin_template_dir, estimate

    for text in (NOTICE_YAML, LONG_NOTICE, RELIEF_YAML, FINANCE_YAML, long_finance(30)):
        checked = check_text(village, text)
        fetcher = engine.TemplateFetcher([builtin_template_dir()])
        html = engine.parse_html(renderer.html(checked, "A3"), builtin_template_dir(), fetcher)
        guess = estimate(engine.element_tree(html), "A3")
        assert isinstance(guess, Estimate)
        layout = _ScaledLayout(html, renderer.stylesheet(None), renderer.font_config, fetcher, "A3")
        for scale in STEPS_A3:
            document = layout(scale)
            if len(document.pages) > 1:
                continue  # page breaks waste a little: the fitter allows for it
            measured = engine.used_height(document)
            assert abs(guess.height(scale) - measured) <= 0.04 * measured, (text[:20], scale)
        assert abs(guess.usable_px - engine.usable_height(document)) < 1


def test_a_wrong_estimate_costs_layouts_not_the_poster(renderer, village, monkeypatch):
    from noticeboard.poster import render as render_module

    right = render(renderer, village, long_finance(30))
    layouts = spy_on_layouts(monkeypatch)
    monkeypatch.setitem(render_module.FIXED_REM, "finance", 2.0)  # far too little: one sheet
    wrong = render(renderer, village, long_finance(30))
    assert right.pages > 1 and len(layouts) > 1
    assert (wrong.pages, wrong.scale) == (right.pages, right.scale)
    layouts.clear()
    monkeypatch.setitem(render_module.FIXED_REM, "notice", 400.0)  # far too much: thinks it is long
    notice = render(renderer, village, NOTICE_YAML)
    assert layouts[0][0] == 1.0 and (notice.pages, notice.scale) == (1, max(STEPS_A3))


def test_a_200_row_table_takes_more_sheets_never_smaller_text(renderer, village, monkeypatch):
    layouts = spy_on_layouts(monkeypatch)
    poster = render(renderer, village, long_finance(200))
    assert poster.scale == 1.0  # the smallest step, the written minimum
    assert [scale for scale, _ in layouts] in ([1.0], [1.0, 1.0]), layouts  # estimated right
    assert poster.pages == 7  # 202 rows at 16 pt


def test_a_township_may_raise_the_smallest_step_never_lower_it(township):
    text = long_finance(50)
    default = Renderer().render(check_text(township / "双河村", text))
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  min_body_pt: 23\n")
    at_least_23 = Renderer().render(check_text(township / "双河村", text))
    assert default.scale < at_least_23.scale == 23 / 16
    assert default.pages < at_least_23.pages
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  min_body_pt: 9\n")
    lower = Renderer().render(check_text(township / "双河村", text))
    assert (lower.scale, lower.pages) == (default.scale, default.pages)


def test_relief_total_in_words_has_a_line_of_its_own(renderer, village):
    """In the three narrow columns before 保障人数 the amount in words wrapped in two."""
    import subprocess

    poster = render(renderer, village, RELIEF_YAML)
    layout = subprocess.run(["pdftotext", "-layout", "-", "-"], input=poster.pdf,
                            capture_output=True, check=True).stdout.decode()
    lines = [" ".join(line.split()) for line in layout.splitlines()]
    assert "发放金额合计（大写）：人民币贰仟壹佰元整" in lines
    assert "合计 3 2,100.00" in lines

"""What noticeboard/engine.py assumes about WeasyPrint, pinned one assumption a test.

A WeasyPrint upgrade that changes any of these fails here first, with the name
of the assumption, instead of quietly changing posters (`make upgrade-check`).
"""

import ast
import base64
import io
import subprocess
import sys
import zlib
from pathlib import Path

import page
import pydyf
import pypdf
import pytest
import weasyprint
from weasyprint.urls import URLFetcher

from noticeboard.poster import engine
from noticeboard.poster.images import page_images
from noticeboard.poster.render import builtin_template_dir
from tests.conftest import ROOT
from tests.spies import record_fetches

A4_MARGIN = "@page { size: A4; margin: 20mm }"
PX_PER_MM = 96 / 25.4  # WeasyPrint measures in CSS pixels


def lay_out(body: str, style: str = "", fetcher=None, base: Path | None = None):
    html = f"<style>{A4_MARGIN} body {{ margin: 0 }} {style}</style>{body}"
    fetcher = fetcher or engine.TemplateFetcher([])
    return engine.lay_out(engine.parse_html(html, base or ROOT, fetcher), [],
                          engine.font_configuration())


def test_the_tested_weasyprint_major_is_installed():
    assert weasyprint.__version__.split(".")[0] == str(engine.TESTED_MAJOR)


def test_weasyprint_is_imported_by_engine_py_only():
    importers = []
    for path in sorted((ROOT / "noticeboard").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name.split(".")[0] in ("weasyprint", "pydyf") for name in names):
                importers.append(path.name)
    assert sorted(set(importers)) == ["engine.py"]


def test_check_never_imports_weasyprint(tmp_path):
    """`check` must start in a blink: importing WeasyPrint costs 0.6–0.9 s."""
    script = ("import sys; from typer.testing import CliRunner; from noticeboard.cli import app; "
              f"result = CliRunner().invoke(app, ['check', {str(ROOT / 'examples')!r}]); "
              "print(result.exit_code, 'weasyprint' in sys.modules, 'noticeboard.poster.engine' in sys.modules)")
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=tmp_path).stdout.split()
    assert output[1:] == ["False", "False"], output


# ---- the fetcher ----------------------------------------------------------------

def test_weasyprint_calls_fetch_through_urlfetcher_call(tmp_path, monkeypatch):
    """WeasyPrint calls `fetcher(url)`; URLFetcher.__call__ must lead to `fetch`, where
    the rules are (and where the test spies listen)."""
    assert issubclass(engine.TemplateFetcher, URLFetcher)
    assert "__call__" not in vars(engine.TemplateFetcher)
    (tmp_path / "a.css").write_text("p { color: red }")
    fetched = record_fetches(monkeypatch)
    fetcher = engine.TemplateFetcher([tmp_path])
    assert fetcher((tmp_path / "a.css").as_uri()).read() == b"p { color: red }"
    assert fetched == [((tmp_path / "a.css").as_uri(), True)]
    assert fetcher._fail_on_errors is False  # read by weasyprint.urls.fetch


def test_every_kind_of_reference_goes_through_the_fetcher(tmp_path, monkeypatch):
    """<img>, <link>, <style>, @import, url(), @font-face and an SVG's own image: all
    reach WeasyPrint's url_fetcher (a kind that did not would escape the rules)."""
    pixel = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
    names = ["img.png", "link.css", "import.css", "bg.png", "font.woff", "inner.svg", "deep.png"]
    for name in names:
        (tmp_path / name).write_bytes(pixel if name.endswith(".png") else b"")
    (tmp_path / "inner.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                        'xmlns:xlink="http://www.w3.org/1999/xlink" width="4" height="4">'
                                        '<image xlink:href="deep.png" width="4" height="4"/></svg>')
    fetched = record_fetches(monkeypatch)
    html = ('<style>@import url(import.css); @font-face { font-family: F; src: url(font.woff) } '
            '.x { background: url(bg.png); font-family: F }</style>'
            '<link rel="stylesheet" href="link.css"><img src="img.png"><img src="inner.svg">'
            '<p class="x">x</p>')
    fetcher = engine.TemplateFetcher([tmp_path])
    document = engine.lay_out(engine.parse_html(html, tmp_path, fetcher), [],
                              engine.font_configuration())
    engine.write_pdf(document, [])  # an SVG's own images are fetched while drawing
    assert {url.rsplit("/", 1)[-1] for url, _ in fetched} == set(names)


def test_a_refused_fetch_is_not_fatal_and_is_remembered(tmp_path):
    fetcher = engine.TemplateFetcher([tmp_path])
    document = lay_out('<img src="file:///etc/hostname"><p>x</p>', fetcher=fetcher)
    assert len(document.pages) == 1
    assert fetcher.refused == ["file:///etc/hostname"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x.css", "https://example.invalid/x",
                                 "ftp://example.invalid/x", "file://otherhost/etc/hostname",
                                 "file:///etc/hostname", "file:///nonexistent/x.png"])
def test_the_fetcher_refuses_the_network_and_other_files(tmp_path, url):
    fetcher = engine.TemplateFetcher([tmp_path])
    with pytest.raises(ValueError, match="refused to fetch"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_the_fetcher_follows_a_symlink_only_to_a_file_inside(tmp_path):
    root = tmp_path / "templates"
    root.mkdir()
    (root / "seal.png").write_bytes(b"inside")
    (tmp_path / "secret.png").write_bytes(b"outside")
    (root / "ok.png").symlink_to(root / "seal.png")
    (root / "out.png").symlink_to(tmp_path / "secret.png")
    fetcher = engine.TemplateFetcher([root])
    assert fetcher.fetch((root / "ok.png").as_uri()).read() == b"inside"
    with pytest.raises(ValueError):
        fetcher.fetch((root / "out.png").as_uri())
    with pytest.raises(ValueError):
        fetcher.fetch(root.as_uri() + "/../secret.png")


def test_data_urls_are_served_without_reading_anything():
    fetcher = engine.TemplateFetcher([])
    assert fetcher.fetch("data:text/css,p%7Bcolor:red%7D").read() == b"p{color:red}"


# ---- the box tree -----------------------------------------------------------------

def test_usable_and_used_height_and_page_count():
    usable = (297 - 40) * PX_PER_MM
    document = lay_out('<div style="height: 100px"></div>')
    assert engine.usable_height(document) == pytest.approx(usable, abs=0.01)
    assert engine.used_height(document) == pytest.approx(100, abs=0.01)
    tall = lay_out('<div style="height: 940px"></div><div style="height: 50px"></div>')
    assert len(tall.pages) == 2  # the second block does not fit on the first page
    assert engine.used_height(tall) == pytest.approx(940 + 50, abs=0.01)  # page breaks waste none


def test_overflow_to_the_right_is_seen():
    page = "<p style='white-space: nowrap'>{}</p>"
    assert engine.overflows_right(lay_out(page.format("长" * 80)))
    assert not engine.overflows_right(lay_out(page.format("长" * 20)))


def test_pin_to_bottom_moves_the_footer_to_the_bottom_margin():
    document = lay_out('<p>x</p><footer style="height: 30pt">f</footer>')
    engine.pin_to_bottom(document, "footer")
    footer = next(b for b in engine.content_boxes(document.pages[0])
                  if getattr(b, "element_tag", None) == "footer")
    assert footer.position_y + footer.margin_height() == pytest.approx((297 - 20) * PX_PER_MM, abs=0.01)


def test_a_changed_box_tree_fails_loudly():
    class Page:  # what an upgrade renaming `_page_box` would hand over
        pass

    with pytest.raises(engine.EngineContractError, match=r"WeasyPrint 70\..*`_page_box`"):
        list(engine.content_boxes(Page()))


# ---- what WeasyPrint logs -----------------------------------------------------------

def test_a_glyph_no_font_has_is_reported_while_drawing():
    document = lay_out("<p>刘\U0002a6a5水</p>")
    with engine.missing_glyphs() as missing:
        engine.write_pdf(document, [])
    assert missing == ["\U0002a6a5"]


def test_stylesheet_problems_name_each_line():
    css = "p { colr: red }\nh1 { font-size: -3px }\n$$$ { color: blue }\np { color: red }\n"
    assert engine.stylesheet_problems(css, ROOT) == [
        (1, "p { colr: red }"), (2, "h1 { font-size: -3px }"), (3, "$$$ { color: blue }")]


def test_the_tools_own_stylesheet_has_nothing_weasyprint_ignores():
    source = (builtin_template_dir() / "poster.css").read_text(encoding="utf-8")
    assert engine.stylesheet_problems(source, builtin_template_dir()) == []


# ---- the PDF ------------------------------------------------------------------------

def test_pdf_is_pdfa3b_version_17_with_each_attachment_listed_once():
    from datetime import UTC, datetime

    stamp = datetime(2026, 1, 2, tzinfo=UTC)
    files = [engine.AttachedFile("a.yaml", b"a: 1\n", "source", "Source", stamp),
             engine.AttachedFile("b.yaml", b"b: 2\n", "settings", "Supplement", stamp)]
    pdf = engine.write_pdf(lay_out("<p>公开</p>"), files)
    assert pdf.startswith(b"%PDF-1.7\n")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert [ref.get_object()["/F"] for ref in catalog["/AF"]] == ["a.yaml", "b.yaml"]
    assert [ref.get_object()["/AFRelationship"] for ref in catalog["/AF"]] == ["/Source", "/Supplement"]
    assert "/Filter" not in catalog["/Metadata"].get_object()
    report = page.validate_pdf_bytes(pdf)  # page-validation: the PDF/A validator installable here
    assert report.profile == page.ValidationProfile.PDF_A_3B
    assert [(f.rule_id, f.message) for f in report.failures] == []


def test_a_stream_never_ends_with_a_carriage_return():
    """Flate data ending in \\r reads as a CRLF before `endstream`: one byte short of /Length."""
    for size in range(1, 2000):  # text whose compressed form ends in \r
        text = b"BT /F1 12 Tf (%d) Tj ET\n" % size * 3
        if zlib.compress(text, 9).endswith(b"\r"):
            break
    else:
        pytest.skip("no such text found")
    written = pydyf.Stream([text], compress=True).data
    assert not written.endswith(b"\r\nendstream")
    head, _, rest = written.partition(b"\nstream\n")
    data = rest[:-len(b"\nendstream")]
    assert f"/Length {len(data)}".encode() in head
    assert zlib.decompress(data).rstrip(b"\n") == text.rstrip(b"\n")


def test_page_images_are_pngs_of_the_asked_width():
    from PIL import Image

    pdf = engine.write_pdf(lay_out("<p>公开</p>"), [])
    [png] = page_images(pdf, 300)
    assert Image.open(io.BytesIO(png)).size[0] == 300


def test_the_text_stack_is_reported():
    stack = engine.text_stack()
    assert stack.weasyprint == weasyprint.__version__
    assert stack.pango.count(".") == 2
    assert stack.harfbuzz_subset  # `make setup` installs libharfbuzz-subset0


def test_the_element_tree_is_the_parsed_html_before_layout():
    html = engine.parse_html('<body class="kind-notice"><p class="gap">公开<span>栏</span></p></body>',
                             ROOT, engine.TemplateFetcher([ROOT]))
    root = engine.element_tree(html)
    assert root.tag == "html"
    assert root.find("body").get("class") == "kind-notice"
    [paragraph] = root.iter("p")
    assert "".join(paragraph.itertext()) == "公开栏"


# ---- fonts subset once (fontpack) ------------------------------------------------------

def embedded_faces(pdf: bytes) -> list[tuple[str, bytes]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    faces = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        stream = descendant["/FontDescriptor"].get_object()["/FontFile3"].get_object()
        faces.append((stream.get("/Subtype"), stream.get_data()))
    return faces


def test_font_subset_is_the_hook_weasyprint_calls_with_codes_and_hinting():
    """engine._DeferredSubsets replaces `Font.subset(to_unicode, hinting)` while a PDF is
    written; WeasyPrint embeds a font file starting with `OTTO` as OpenType (FontFile3)."""
    import inspect

    from weasyprint.pdf.fonts import Font

    assert list(inspect.signature(Font.subset).parameters) == ["self", "to_unicode", "hinting"]
    font = Font.__new__(Font)
    font.file_content = b"OTTO noticeboard face 0"
    assert font.type == "otf"
    for name in ("tables", "bitmap", "png", "svg", "colr", "index", "file_content"):
        assert name in inspect.getsource(Font.__init__), name


def test_cjk_faces_are_subset_once_from_the_font_file(monkeypatch):
    """With compaction, WeasyPrint's own subsetter (45–55 ms a CJK face) never runs; the
    compactor gets the whole font file and the face's index in it."""
    from weasyprint.pdf.fonts import Font

    from noticeboard.poster import fontpack

    weasyprint_calls, calls = [], []
    original = Font._harfbuzz_subset
    monkeypatch.setattr(Font, "_harfbuzz_subset",
                        lambda font, *a: weasyprint_calls.append(font) or original(font, *a))

    def compactor(file: bytes, codes: list[int], index: int) -> bytes:
        calls.append((len(file), index))
        return fontpack.compact_cff(file, codes, index)

    pdf = engine.write_pdf(lay_out("<p style='font-family: Noto Serif CJK SC'>公开栏</p>"), [], compactor)
    assert weasyprint_calls == []
    assert calls and all(size > 1_000_000 for size, _ in calls)  # the file, not a subset
    assert [subtype for subtype, _ in embedded_faces(pdf)] == ["/CIDFontType0C"]
    assert Font.subset is engine._WEASYPRINT_SUBSET  # put back after writing


def test_a_face_the_compactor_cannot_rewrite_is_subset_as_weasyprint_would():
    def failing(file: bytes, codes: list[int], index: int) -> bytes:
        raise ValueError("cannot")

    document = lay_out("<p style='font-family: Noto Serif CJK SC'>公开栏</p>")
    compacted = engine.write_pdf(document, [], failing)
    plain = engine.write_pdf(document, [])
    assert embedded_faces(compacted) == embedded_faces(plain)
    assert b"noticeboard face" not in compacted


def test_a_font_file_is_copied_out_of_harfbuzz_once_per_process():
    """The 26 MB CJK collection was copied for every face of every poster (25 ms each);
    it is kept, and served again only if HarfBuzz's memory still holds the same bytes."""
    from noticeboard.poster import fontpack

    files: list[bytes] = []

    def compactor(file: bytes, codes: list[int], index: int) -> bytes:
        files.append(file)
        return fontpack.compact_cff(file, codes, index)

    for family in ("Noto Serif CJK SC", "Noto Serif CJK SC", "Noto Sans CJK SC"):
        engine.write_pdf(lay_out(f"<p style='font-family: {family}'>公开栏</p>"), [], compactor)
    serif, again, sans = files
    assert again is serif and sans is not serif
    assert serif == Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").read_bytes()
    assert sans == Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").read_bytes()


def test_a_pdf_written_without_compaction_never_meets_another_threads_patch():
    """The deferral patches WeasyPrint's Font class while a PDF is written; a thread
    writing a plain PDF at the same time must still get WeasyPrint's own subsets."""
    from concurrent.futures import ThreadPoolExecutor

    from noticeboard.poster import fontpack

    document = lay_out("<p style='font-family: Noto Serif CJK SC'>公开栏</p>")
    jobs = [fontpack.compact_cff if n % 2 else None for n in range(8)]
    with ThreadPoolExecutor(4) as threads:
        pdfs = list(threads.map(lambda compact: engine.write_pdf(document, [], compact), jobs))
    for compact, pdf in zip(jobs, pdfs, strict=True):
        assert b"noticeboard face" not in pdf
        [(subtype, _)] = embedded_faces(pdf)
        assert subtype == ("/CIDFontType0C" if compact else "/OpenType")


def test_a_document_written_twice_gets_its_fonts_both_times():
    """WeasyPrint keeps a document's Font objects between two `write_pdf` calls; the
    second must not find the first one's marker in place of the font file."""
    from noticeboard.poster import fontpack

    document = lay_out("<p style='font-family: Noto Serif CJK SC'>公开栏</p>")
    compacted = [engine.write_pdf(document, [], fontpack.compact_cff) for _ in range(2)]
    plain = engine.write_pdf(document, [])
    assert compacted[0] == compacted[1]
    assert [subtype for subtype, _ in embedded_faces(compacted[1])] == ["/CIDFontType0C"]
    assert [subtype for subtype, _ in embedded_faces(plain)] == ["/OpenType"]
    assert b"noticeboard face" not in plain

"""Compact fonts: smaller PDFs that draw exactly the same pages."""

from io import BytesIO

import pypdf
import pypdfium2
import pytest
from fontTools.ttLib import TTFont
from PIL import ImageChops

from noticeboard.fontpack import cids_by_glyph
from noticeboard.render import Renderer
from tests.conftest import FINANCE_YAML, RELIEF_YAML, check_text


@pytest.fixture(scope="module")
def renderers():
    return Renderer(compact=False), Renderer(compact=True)


def embedded_fonts(pdf: bytes):
    reader = pypdf.PdfReader(BytesIO(pdf))
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        stream = descendant["/FontDescriptor"].get_object()["/FontFile3"].get_object()
        yield stream.get("/Subtype"), stream.get_data()


def page_image(pdf: bytes, index: int = 0):
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[index].render(scale=1.5).to_pil().convert("L")
    finally:
        document.close()


@pytest.mark.parametrize("text", [RELIEF_YAML.replace("王桂英", "吉𠮷祥"), FINANCE_YAML])
def test_compact_pdf_draws_the_same_page_in_a_fraction_of_the_size(village, renderers, text):
    checked = check_text(village, text)
    full, compact = (renderer.render(checked).pdf for renderer in renderers)
    assert len(compact) * 4 < len(full)
    assert {subtype for subtype, _ in embedded_fonts(compact)} == {"/CIDFontType0C"}
    difference = ImageChops.difference(page_image(full), page_image(compact))
    # The same glyphs, drawn through a different font format: edges may be shaded a
    # little differently (measured: at most 32 of 255), a wrong glyph would differ by
    # up to 255 over its whole shape.
    assert max(value for value, count in enumerate(difference.histogram()) if count) <= 64


def test_cid_reader_agrees_with_fonttools(village, renderers):
    full = renderers[0].render(check_text(village, RELIEF_YAML)).pdf
    for subtype, data in embedded_fonts(full):
        assert subtype == "/OpenType"
        names = TTFont(BytesIO(data))["CFF "].cff.topDictIndex[0].charset
        expected = [0] + [int(name[3:]) for name in names[1:]]
        assert cids_by_glyph(data) == expected

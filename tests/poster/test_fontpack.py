"""Compact fonts: smaller PDFs that draw exactly the same pages."""

from io import BytesIO
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from fontTools.ttLib import TTFont
from PIL import ImageChops

from noticeboard.poster.fontpack import cids_by_glyph
from noticeboard.poster.render import Renderer
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


def cff_widths(data: bytes) -> dict[int, float]:
    """Each CID's advance width as the CFF program draws it, with the Private DICT of
    the font dictionary its glyph belongs to (CID-keyed fonts have several)."""
    from fontTools.cffLib import CFFFontSet
    from fontTools.misc.psCharStrings import T2WidthExtractor

    fonts = CFFFontSet()
    fonts.decompile(BytesIO(data), None)
    top = fonts.topDictIndex[0]
    widths = {}
    for name in top.charset:
        charstring, selector = top.CharStrings.getItemAndSelector(name)
        private = top.FDArray[selector].Private
        extractor = T2WidthExtractor([], [], private.nominalWidthX, private.defaultWidthX)
        extractor.execute(charstring)
        widths[0 if name == ".notdef" else int(name[3:])] = extractor.width
    return widths


def widths_in_pdf(descendant) -> dict[int, float]:
    items, widths, index = list(descendant["/W"]), {}, 0
    while index < len(items):
        start, following = int(items[index]), items[index + 1]
        if isinstance(following, list):
            widths.update({start + i: float(w) for i, w in enumerate(following)})
            index += 2
        else:
            widths.update({code: float(items[index + 2]) for code in range(start, int(following) + 1)})
            index += 3
    return widths


@pytest.mark.parametrize("text", [RELIEF_YAML, FINANCE_YAML])
def test_compact_pdf_is_pdfa3b_version_17_and_its_fonts_keep_their_widths(village, renderers, text):
    """page-validation (the PDF/A validator installable here) finds nothing but one rule,
    PDFA3B-TRUETYPE-GLYPH-WIDTH-001, where it reads a CID-keyed CFF's widths with the
    wrong Private DICT (it reports width − nominalWidthX): the widths are checked here
    the right way instead, glyph by glyph, against the PDF's /W."""
    import page

    pdf = renderers[1].render(check_text(village, text)).pdf
    assert pdf.startswith(b"%PDF-1.7\n")
    report = page.validate_pdf_bytes(pdf)
    assert report.profile == page.ValidationProfile.PDF_A_3B
    assert {f.rule_id for f in report.failures} <= {"PDFA3B-TRUETYPE-GLYPH-WIDTH-001"}
    reader = pypdf.PdfReader(BytesIO(pdf))
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        stream = descendant["/FontDescriptor"].get_object()["/FontFile3"].get_object()
        drawn, declared = cff_widths(stream.get_data()), widths_in_pdf(descendant)
        assert {cid: drawn[cid] for cid in declared} == declared


def test_cid_reader_reads_the_face_asked_for_in_a_collection():
    """engine.py hands fontpack the system's font collection (.ttc) and a face index."""
    path = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    if not path.exists():
        pytest.skip("Noto Serif CJK collection not installed here")
    data = path.read_bytes()
    font = TTFont(BytesIO(data), fontNumber=2, lazy=True)
    names = font["CFF "].cff.topDictIndex[0].charset
    assert cids_by_glyph(data, 2) == [0] + [int(name[3:]) for name in names[1:]]
    assert cids_by_glyph(data, 2) is not cids_by_glyph(data, 2)  # the cache hands out copies

"""Every example poster: the layout audit, golden images and the largest blank band;
the notice with every element of an official notice, as golden text and one test per
element (issues 15 and 17). Regenerate the golden files on purpose: `make golden`."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from noticeboard.poster.render import Renderer
from tests.golden import (
    GOLDEN,
    NOTICE_TEXT,
    checked_example,
    example_items,
    image_name,
    notice_layout_text,
    page_images,
)
from tests.layout_audit import MAX_BAND, CapturingRenderer, audit

ITEMS = example_items()
# A pixel differs when its grey level moves by more than DIFF_LEVEL; a page matches when
# at most DIFF_SHARE of its pixels differ. Rendering here is deterministic (0 pixels
# differ from run to run); the slack absorbs antialiasing after a font or pdfium
# update, while a rule, a line or a margin moved by one CSS pixel changes thousands.
DIFF_LEVEL, DIFF_SHARE = 48, 0.002
WHITE = 245  # a row of pixels all at least this light is blank paper


def item_id(item: Path) -> str:
    return f"{item.parent.name}/{item.stem}"


@pytest.fixture(scope="module")
def rendered() -> dict[Path, tuple[bytes, object]]:
    """Each example rendered once (A3, as `noticeboard render` does), with its audit."""
    renderer = CapturingRenderer(write_pdf=True)
    result = {}
    for item in ITEMS:
        poster = renderer.render(checked_example(item))
        result[item] = (poster.pdf, audit(renderer.document))
    return result


@pytest.mark.parametrize("item", ITEMS, ids=item_id)
def test_example_passes_the_layout_audit(rendered, item):
    _, result = rendered[item]
    assert result.problems == [], (item_id(item), result)


def test_the_example_township_is_set_in_three_body_sizes_at_most(rendered):
    """One type scale (issue 27): a board of the township's posters reads as one office's."""
    from noticeboard.poster.render import TYPE_SCALE_PT

    sizes = {result.body_pt for _, result in rendered.values()}
    assert sizes <= set(TYPE_SCALE_PT["A3"]) and len(sizes) <= 3, sizes


@pytest.mark.parametrize("item", ITEMS, ids=item_id)
def test_example_matches_its_golden_images(rendered, item, tmp_path):
    pdf, _ = rendered[item]
    pages = page_images(pdf)
    expected = sorted(GOLDEN.glob(f"{item.parent.name}-{item.stem}-*.png"))
    assert len(expected) == len(pages), (
        f"{item_id(item)} has {len(pages)} pages, tests/golden has {len(expected)} images: "
        "if the change is intended, run `make golden` and look at the images")
    for number, actual in enumerate(pages, start=1):
        golden = GOLDEN / image_name(item, number)
        reference = Image.open(golden).convert("L")
        if reference.size != actual.size:
            pytest.fail(f"{golden} is {reference.size}, the poster page is {actual.size}")
        changed = sum(ImageChops.difference(reference, actual)
                      .point(lambda v: 255 if v > DIFF_LEVEL else 0).histogram()[255:])
        if changed > DIFF_SHARE * actual.width * actual.height:
            saved = tmp_path / golden.name
            actual.save(saved)
            pytest.fail(f"page {number} of {item_id(item)} differs from {golden} in {changed} "
                        f"pixels; the new page is {saved}. Look at both; if the change is "
                        "intended, run `make golden`.")


def blank_band(image: Image.Image) -> float:
    """The tallest run of blank pixel rows, as a share of the page's height."""
    longest = run = 0
    for y in range(image.height):
        row = image.crop((0, y, image.width, y + 1))
        run = run + 1 if row.getextrema()[0] >= WHITE else 0
        longest = max(longest, run)
    return longest / image.height


@pytest.mark.parametrize("item", ITEMS, ids=item_id)
def test_no_blank_band_over_a_fifth_of_the_page(rendered, item):
    """Measured on the page images: a one-sheet poster, or every sheet but the last of a
    longer one (its last sheet ends where the content ends)."""
    pdf, _ = rendered[item]
    pages = page_images(pdf, dpi=20)
    for number, image in enumerate(pages[:-1] if len(pages) > 1 else pages, start=1):
        band = blank_band(image)
        assert band <= MAX_BAND, f"{item_id(item)} page {number}: a blank band of {band:.0%}"


# --- the notice with every element (issue 17) ---
@pytest.fixture(scope="module")
def notice_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("notice")
    (folder / "layout.txt").write_text(notice_layout_text(Renderer(compact=False), folder),
                                       encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def notice_lines(notice_folder) -> list[str]:
    return (notice_folder / "layout.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def notice_pdf(notice_folder) -> bytes:
    return (notice_folder / "notice.pdf").read_bytes()


def test_notice_matches_its_golden_text(notice_lines):
    expected = NOTICE_TEXT.read_text(encoding="utf-8").splitlines()
    if notice_lines != expected:
        diff = "\n".join(difflib.unified_diff(expected, notice_lines, str(NOTICE_TEXT),
                                              "rendered", lineterm="", n=1))
        pytest.fail(f"the notice's text layout changed (run `make golden` if intended):\n{diff}")


def starting(lines: list[str], text: str) -> str:
    """The one line whose text begins with `text`."""
    found = [line for line in lines if line.strip().startswith(text)]
    assert len(found) == 1, (text, found)
    return found[0]


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def test_the_salutation_is_flush_left_and_paragraphs_are_indented(notice_lines):
    salutation = starting(notice_lines, "各村民小组、全体村民：")
    body = starting(notice_lines, "入冬以来天干物燥")
    assert salutation.strip() == "各村民小组、全体村民："  # alone on its line
    assert indent(body) > indent(salutation)  # two characters in
    after = notice_lines[notice_lines.index(body) + 1]
    assert indent(after) == indent(salutation)  # wraps flush left


@pytest.mark.parametrize("point", ["一、严禁", "二、各户", "（一）第一", "（二）第二", "1.检查",
                                   "（1）雨天", "一、通报", "二、部署"])
def test_every_numbered_point_starts_its_own_line(notice_lines, point):
    body = starting(notice_lines, "入冬以来天干物燥")
    assert indent(starting(notice_lines, point)) == indent(body)


def test_the_closing_words_are_a_paragraph_of_their_own(notice_lines):
    assert starting(notice_lines, "特此通知").strip() == "特此通知。"
    assert starting(notice_lines, "请各户相互转告").strip() == "请各户相互转告。"


def test_attachments_sit_below_a_blank_line_with_names_aligned(notice_lines, notice_pdf):
    first = starting(notice_lines, "附件：1.")
    assert notice_lines[notice_lines.index(first) - 1].strip() == ""  # a blank line above
    # Names aligned after 附件：(GB/T 9704-2012 7.3.6): 2. starts where 1. does, and a
    # name that wraps continues under its own first character.
    second = starting(notice_lines, "2.逐户检查安排表")
    wrapped = notice_lines[notice_lines.index(second) + 1].strip()
    assert wrapped.endswith("复查日期）")  # the long name wraps to a second line
    assert abs(left_of(notice_pdf, "2.逐户") - left_of(notice_pdf, "1.冬季")) < 1
    assert abs(left_of(notice_pdf, wrapped[:4]) - left_of(notice_pdf, "2.逐户")) < 1


def left_of(pdf: bytes, text: str) -> float:
    """The left edge, in points, of the first character of `text` on page one."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0].get_textpage()
        found = page.search(text).get_next()
        assert found is not None, text
        return page.get_charbox(found[0])[0]
    finally:
        document.close()


def test_no_line_of_the_notice_is_one_character_and_its_full_stop(notice_lines):
    assert not [line for line in notice_lines if re.fullmatch(r"\s*\S[。；，！？）]", line)]

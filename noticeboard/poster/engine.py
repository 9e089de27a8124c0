"""Every contact with WeasyPrint, in one place.

The rest of the package asks this module to parse a stylesheet, lay out HTML,
measure the laid-out boxes, write a PDF, or report what the machine offers; it
never imports WeasyPrint itself. Each assumption made here about WeasyPrint's
behaviour or internals is pinned by tests/test_engine_contract.py, so an
upgrade that breaks one fails there first, with a clear message, instead of
silently changing posters.

Importing this module imports WeasyPrint (0.6–0.9 s): only rendering code does.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import os
import re
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pydyf
import weasyprint
import weasyprint.pdf.fonts
from weasyprint import CSS, HTML, Attachment, Document
from weasyprint.formatting_structure.boxes import (
    BlockBox,
    LineBox,
    MarginBox,
    PageBox,
    ParentBox,
    TableRowBox,
)
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from noticeboard.poster.fontpack import codes_in_widths

# The WeasyPrint release these assumptions were checked against (constraints.txt).
TESTED_MAJOR = 70
_LOGGER = logging.getLogger("weasyprint")  # WeasyPrint reports through this logger

# A template's image, font or stylesheet; anything larger is not one.
MAX_RESOURCE_BYTES = 32 * 1024 * 1024
# WeasyPrint needs the type of a stylesheet (`<link>` requires text/css) and of an
# SVG image; it recognises raster images by their bytes. (The `mimetypes` module
# would read the system's type files on first use: reading nothing is simpler.)
CONTENT_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
                 ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
                 ".webp": "image/webp", ".otf": "font/otf", ".ttf": "font/ttf",
                 ".woff": "font/woff", ".woff2": "font/woff2"}


class TemplateFetcher(URLFetcher):
    """The only way WeasyPrint reaches a file: serves regular files whose real path
    (after symlinks) lies inside one of `roots`, and inline `data:` URLs; refuses
    everything else (other files, the network) and remembers what it refused.

    WeasyPrint calls `fetcher(url)`, which `URLFetcher.__call__` sends to `fetch`;
    a refusal raises, which WeasyPrint turns into a logged warning and a missing
    resource, so the caller reads `refused` after laying out and stops the poster.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        # No redirects, no network protocols: even the parent's machinery, used for
        # `data:` URLs only, cannot reach further.
        super().__init__(timeout=1, allowed_protocols={"data"}, allow_redirects=False,
                         fail_on_errors=False)
        self.roots = tuple(dict.fromkeys(Path(os.path.realpath(root)) for root in roots))
        self.refused: list[str] = []
        self.served: list[Path] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: not a file inside {self.roots}")
        with path.open("rb") as stream:
            body = stream.read(MAX_RESOURCE_BYTES + 1)
        if len(body) > MAX_RESOURCE_BYTES:
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: larger than {MAX_RESOURCE_BYTES} bytes")
        self.served.append(path)
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def allowed_path(self, url: str) -> Path | None:
        """The real path a `file:` URL names, if it is a regular file inside a root."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(os.path.realpath(unquote(parts.path)))
        if not any(path.is_relative_to(root) for root in self.roots):
            return None
        return path if path.is_file() else None


def file_url(folder: Path) -> str:
    """A folder's `file:` URL with a trailing slash, for use as a base URL."""
    return folder.resolve().as_uri() + "/"


class EngineContractError(RuntimeError):
    """WeasyPrint no longer behaves as this module expects: an upgrade changed it."""

    def __init__(self, what: str):
        super().__init__(f"WeasyPrint {weasyprint.__version__}: {what}. noticeboard is tested with "
                         f"WeasyPrint {TESTED_MAJOR} (constraints.txt); see tests/test_engine_contract.py")


def version() -> str:
    return str(weasyprint.__version__)


def font_configuration() -> FontConfiguration:
    """WeasyPrint's font configuration: one per process, shared by every layout."""
    return FontConfiguration()


def parse_stylesheet(source: str, folder: Path, fetcher: TemplateFetcher,
                     font_config: FontConfiguration) -> CSS:
    """A stylesheet whose relative URLs (`@import`, `@font-face`, `url()`) resolve in
    `folder` and are fetched by `fetcher` only."""
    return CSS(string=source, base_url=file_url(folder), url_fetcher=fetcher,
               font_config=font_config)


def parse_html(source: str, folder: Path, fetcher: TemplateFetcher) -> HTML:
    """A document whose relative URLs resolve in `folder` and are fetched by `fetcher` only."""
    return HTML(string=source, base_url=file_url(folder), url_fetcher=fetcher)


def step_stylesheet(css: str, fetcher: TemplateFetcher, font_config: FontConfiguration) -> CSS:
    """The sizes of one step of the type scale (render.step_css), as a stylesheet."""
    return CSS(string=css, url_fetcher=fetcher, font_config=font_config)


def lay_out(html: HTML, stylesheets: list[CSS], font_config: FontConfiguration) -> Document:
    return html.render(stylesheets=stylesheets, font_config=font_config)


def element_tree(html: HTML) -> Any:
    """The parsed document as an ElementTree element (`<html>`): read before any layout."""
    return html.etree_element


# ---- reading the laid-out box tree ---------------------------------------------
# WeasyPrint offers no public measurement of a laid-out page; these read its box
# tree (`Page._page_box`, stable since WeasyPrint 53) and fail loudly, never
# quietly, when it is not what they expect. Lengths are in CSS pixels (0.75 pt).

def _page_box(page: object) -> PageBox:
    box = getattr(page, "_page_box", None)
    if not isinstance(box, PageBox):
        raise EngineContractError("a laid-out page has no `_page_box` PageBox")
    return box


def _number(box: object, name: str) -> float:
    value = getattr(box, name, None)
    if not isinstance(value, int | float):
        raise EngineContractError(f"a laid-out {type(box).__name__} has no numeric `{name}`")
    return float(value)


def content_boxes(page: object) -> Iterator[object]:
    """Boxes of the document on a page (margin boxes such as page numbers excluded)."""
    for child in _page_box(page).children:
        if not isinstance(child, MarginBox):
            yield from child.descendants()


def _bottom(box: object) -> float:
    return _number(box, "position_y") + box.margin_height()  # type: ignore[attr-defined]


def _right(box: object) -> float:
    return _number(box, "position_x") + box.margin_width()  # type: ignore[attr-defined]


def usable_height(document: Document) -> float:
    """The height between the top and bottom page margins."""
    box = _page_box(document.pages[0])
    return box.margin_height() - _number(box, "margin_top") - _number(box, "margin_bottom")


def used_height(document: Document) -> float:
    """Content height: the height each page's content uses, summed over the pages.

    (Counting every page before the last as full would add the space page breaks
    waste, which changes in jumps with the scale and misleads a prediction.)"""
    return sum(page_heights(document))


def page_heights(document: Document) -> list[float]:
    """The height each page's content uses, from its top margin to its lowest line."""
    heights = []
    for page in document.pages:
        top = _number(_page_box(page), "margin_top")
        heights.append(max((_bottom(b) for b in content_boxes(page) if _is_content(b)),
                           default=top) - top)
    return heights


def _is_content(box: object) -> bool:
    """A line, a table row, or a box holding no others: what takes height on a page
    (a block split across pages reaches down to the page's foot on every page but
    the last, whatever it holds there)."""
    return isinstance(box, LineBox | TableRowBox) or not isinstance(box, ParentBox) or not box.children


def overflows_right(document: Document) -> bool:
    """Whether any box reaches past the right margin (it would be clipped or cut)."""
    for page in document.pages:
        box = _page_box(page)
        limit = box.margin_width() - _number(box, "margin_right") + 0.5
        if any(_right(b) > limit for b in content_boxes(page)):
            return True
    return False


def content_rects(document: Document) -> list[tuple[float, float, float, float]]:
    """Each page's content area (inside its margins, where page numbers and running
    heads are not) as (left, top, right, bottom) in PDF points from the page's
    top-left corner: the part of the sheet whose text is compared with the item."""
    rects = []
    for page in document.pages:
        box = _page_box(page)
        left, top = _number(box, "margin_left"), _number(box, "margin_top")
        right = box.margin_width() - _number(box, "margin_right")
        bottom = box.margin_height() - _number(box, "margin_bottom")
        rects.append((left * 0.75, top * 0.75, right * 0.75, bottom * 0.75))
    return rects


def pin_to_bottom(document: Document, tag: str, spring: str = "spring") -> None:
    """Move the last `<tag>` element on a one-page document down to the bottom margin
    (moving laid-out boxes costs nothing, where a flex layout made WeasyPrint several
    times slower). When the template marks springs (`<div class="spring">`), the space
    left is shared among them instead: whatever follows a spring in document order
    moves down by its share, so a short poster shows no single large blank band."""
    page = document.pages[0]
    box = _page_box(page)
    bottom = box.margin_height() - _number(box, "margin_bottom")
    # The element's own block, not the line and text boxes inside it (same tag).
    boxes = list(content_boxes(page))
    found = [b for b in boxes if isinstance(b, BlockBox) and b.element_tag == tag]
    if not found:
        return
    free = bottom - _bottom(found[-1])
    if free <= 1:
        return
    springs = {id(b) for b in boxes if isinstance(b, BlockBox) and b.element_tag == "div"
               and spring in (b.element.get("class") or "").split()}
    if not springs:
        found[-1].translate(dy=free)
        return
    _share_among_springs(box, springs, free / len(springs))


def _share_among_springs(page_box: PageBox, springs: set[int], share: float) -> None:
    """Move each box down by one share per spring before it, and place its backgrounds
    again (WeasyPrint places them once laid out; the templates fetch no images)."""
    from weasyprint.layout.background import layout_box_backgrounds

    parents: dict[int, Any] = {}
    for parent in page_box.descendants():
        for child in getattr(parent, "children", None) or ():
            parents[id(child)] = parent
    holders: set[int] = set()  # boxes with a spring somewhere inside
    for spring_id in springs:
        up = parents.get(spring_id)
        while up is not None and id(up) not in holders:
            holders.add(id(up))
            up = parents.get(id(up))
    seen = 0

    def walk(parent: Any, applied: float) -> None:
        nonlocal seen
        for child in getattr(parent, "children", None) or ():
            if isinstance(child, MarginBox):
                continue
            if id(child) in springs:
                seen += 1
                continue
            wanted = seen * share
            if wanted != applied:
                child.translate(dy=wanted - applied)
                layout_box_backgrounds(page_box, child, lambda **_: None)
            if id(child) in holders:
                walk(child, wanted)

    walk(page_box, 0.0)


# ---- what WeasyPrint reports through its log -------------------------------------
_NOTDEF_RE = re.compile(r"\.notdef glyph.*\(U\+([0-9A-Fa-f]{4,6})\)")
_CSS_AT_RE = re.compile(r" at (\d+):\d+\b")
_CSS_SELECTOR_RE = re.compile(r"Invalid or unsupported selector, '(.*)'")


class _Collector(logging.Handler):
    def __init__(self, messages: list[str]):
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings meanwhile (the wording is pinned by the contract tests)."""
    messages: list[str] = []
    handler = _Collector(messages)
    _LOGGER.addHandler(handler)
    try:
        yield messages
    finally:
        _LOGGER.removeHandler(handler)


@contextmanager
def missing_glyphs() -> Iterator[list[str]]:
    """Characters WeasyPrint drew as .notdef (a blank box) meanwhile: it logs each
    one while drawing, that is inside `write_pdf`."""
    characters: list[str] = []
    with _warnings() as messages:
        yield characters
        characters.extend(chr(int(match[1], 16)) for message in messages
                          if (match := _NOTDEF_RE.search(message)))


class _EmptyFetcher(URLFetcher):
    """Answers every URL with nothing, reading nothing: a stylesheet parsed with it
    reports only its own problems, not those of what it would load."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        return URLFetcherResponse(url, body=b"", headers={"Content-Type": "text/css"})


def stylesheet_problems(source: str, folder: Path) -> list[tuple[int, str]]:
    """(line, the line's text) for each declaration, rule or selector WeasyPrint would
    ignore in `source` (a stylesheet in `folder`), parsed on its own."""
    with _warnings() as messages:
        CSS(string=source, base_url=file_url(folder), url_fetcher=_EmptyFetcher())
    lines = source.splitlines()
    problems: dict[int, str] = {}
    for message in messages:
        if located := _CSS_AT_RE.search(message):
            line = int(located[1])
        elif selector := _CSS_SELECTOR_RE.search(message):
            # WeasyPrint names a bad selector without its line: find it.
            line = next((n for n, text in enumerate(lines, start=1) if selector[1].strip() in text), 0)
        else:
            continue
        problems[line] = lines[line - 1].strip() if 0 < line <= len(lines) else message
    return sorted(problems.items())


# ---- writing -----------------------------------------------------------------------

@dataclass(frozen=True)
class AttachedFile:
    """A file embedded in the PDF (PDF/A-3 associated file)."""

    name: str
    data: bytes
    description: str
    relationship: str  # "Source", "Supplement", … (ISO 32000-2, 7.11.3)
    stamp: datetime


FontCompactor = Callable[[bytes, list[int], int], bytes]


def write_pdf(document: Document, files: list[AttachedFile],
              compact_font: FontCompactor | None = None) -> bytes:
    """PDF/A-3b bytes with `files` attached; dates come from the files, so the same
    input gives the same bytes. `compact_font(font_file, codes, index)`, if given,
    rewrites each embedded CID-keyed OpenType face as a bare CFF keeping just `codes`
    (fontpack), and WeasyPrint does not subset those faces itself first."""
    attachments = [Attachment(file_obj=BytesIO(f.data), name=f.name, description=f.description,
                              created=f.stamp, modified=f.stamp, relationship=f.relationship,
                              url_fetcher=TemplateFetcher([]))
                   for f in files]
    deferred = _DeferredSubsets()

    def finish(_document: Document, pdf: Any) -> None:
        _list_each_attachment_once(pdf)
        _metadata_unfiltered(pdf)
        if compact_font is not None:
            _compact_fonts(pdf, compact_font, deferred)

    # The deferral patches WeasyPrint's Font class: one PDF is written at a time, so a
    # thread writing without compaction never meets another's patch.
    with _WRITING, deferred.installed() if compact_font is not None else _nothing():
        return bytes(document.write_pdf(pdf_variant="pdf/a-3b", attachments=attachments,
                                        finisher=finish))


_WRITING = threading.Lock()


@contextmanager
def _nothing() -> Iterator[None]:
    yield


_WEASYPRINT_SUBSET = weasyprint.pdf.fonts.Font.subset


_WEASYPRINT_FONT_DATA = weasyprint.pdf.fonts.get_hb_object_data
_FONT_FILES: list[bytes] = []  # the system font files embedded so far, newest first
_FONT_FILES_KEPT = 4  # a poster uses three faces; each file is 20–30 MB
_MIN_CACHED_BYTES = 1 << 20


@functools.cache
def _memcmp() -> Callable[[bytes, int, int], int] | None:
    try:
        function = ctypes.CDLL(None).memcmp
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_int
    function.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t]
    return function


def _font_file_once(hb_object: Any, ot_color: Any = None, glyph: Any = None) -> Any:
    """WeasyPrint's `get_hb_object_data`, except that a whole font file is copied out of
    HarfBuzz once per process, not once per poster (a CJK collection is 26 MB: 25 ms a
    face, three faces a poster). The memory is compared byte for byte (3 ms) with the
    copy kept, so a different font can never be served a kept file."""
    from weasyprint.text.ffi import ffi, harfbuzz

    memcmp = _memcmp()
    if ot_color is not None or memcmp is None:
        return _WEASYPRINT_FONT_DATA(hb_object, ot_color, glyph)
    blob = harfbuzz.hb_face_reference_blob(hb_object)
    try:
        length = ffi.new("unsigned int *")
        data = harfbuzz.hb_blob_get_data(blob, length)
        size = int(length[0])
        if data == ffi.NULL or size < _MIN_CACHED_BYTES:
            return None if data == ffi.NULL else ffi.unpack(data, size)
        address = int(ffi.cast("uintptr_t", data))
        for kept in _FONT_FILES:
            if len(kept) == size and memcmp(kept, address, size) == 0:
                return kept
        copied = ffi.unpack(data, size)
        _FONT_FILES.insert(0, copied)
        del _FONT_FILES[_FONT_FILES_KEPT:]
        return copied
    finally:
        harfbuzz.hb_blob_destroy(blob)


@dataclass
class _Deferred:
    font: Any  # weasyprint.pdf.fonts.Font
    file: bytes  # the whole font file (a collection holds several faces)
    to_unicode: dict[int, str]
    hinting: bool


class _DeferredSubsets:
    """Faces whose subsetting is left to fontpack, which subsets once, straight from the
    font file: WeasyPrint would subset each CJK face twice (keeping glyph ids, 45–55 ms
    a face) and fontpack a third time.

    While installed, `Font.subset` leaves a plain CFF face (a system CJK font: no
    variations, colour or bitmaps) as it is and puts a marker in its place; WeasyPrint
    then embeds the marker as an OpenType font file, and the finisher replaces it. A
    face fontpack cannot rewrite is subset the way WeasyPrint would have, then."""

    def __init__(self) -> None:
        self.by_marker: dict[bytes, _Deferred] = {}

    @contextmanager
    def installed(self) -> Iterator[None]:
        def subset(font: Any, to_unicode: dict[int, str], hinting: bool) -> None:
            self._subset(font, to_unicode, hinting)

        weasyprint.pdf.fonts.Font.subset = subset
        weasyprint.pdf.fonts.get_hb_object_data = _font_file_once
        try:
            yield
        finally:
            weasyprint.pdf.fonts.Font.subset = _WEASYPRINT_SUBSET
            weasyprint.pdf.fonts.get_hb_object_data = _WEASYPRINT_FONT_DATA
            # A document keeps its Font objects: one written again must not find a marker.
            for deferred in self.by_marker.values():
                deferred.font.file_content = deferred.file

    def _subset(self, font: Any, to_unicode: dict[int, str], hinting: bool) -> None:
        plain_cff = ("CFF " in font.tables and "fvar" not in font.tables and not font.bitmap
                     and not (font.png or font.svg or font.colr))
        if not to_unicode or not plain_cff:
            _WEASYPRINT_SUBSET(font, to_unicode, hinting)
            return
        # "OTTO" first: WeasyPrint embeds a font file starting so as OpenType (FontFile3).
        marker = b"OTTO noticeboard face %d" % len(self.by_marker)
        self.by_marker[marker] = _Deferred(font, font.file_content, dict(to_unicode), hinting)
        font.file_content = marker

    def subset_as_weasyprint_would(self, deferred: _Deferred) -> bytes:
        deferred.font.file_content = deferred.file
        _WEASYPRINT_SUBSET(deferred.font, deferred.to_unicode, deferred.hinting)
        return bytes(deferred.font.file_content)


def _object(pdf: Any, reference: Any) -> Any:
    """The pydyf object a reference (`b"12 0 R"`) points to."""
    return pdf.objects[int(bytes(reference).split()[0])]


def _list_each_attachment_once(pdf: Any) -> None:
    """WeasyPrint 70 lists every attached file twice in the catalog's /AF (once from
    the embedded-files name tree, once from the file specifications): once is right."""
    associated = pdf.catalog.get("AF")
    if associated:
        unique = list(dict.fromkeys(bytes(reference) for reference in associated))
        associated[:] = unique


def _metadata_unfiltered(pdf: Any) -> None:
    """PDF/A validators reject a compressed XMP metadata stream (a /Filter key on the
    catalog's /Metadata); WeasyPrint 70 compresses it for PDF/A-2 and later. It is
    1–2 KB: write it plain."""
    if "Metadata" in pdf.catalog:
        _object(pdf, pdf.catalog["Metadata"]).compress = False


_PYDYF_STREAM_DATA = pydyf.Stream.data


def _stream_data_ending_cleanly(self: pydyf.Stream) -> bytes:
    """pydyf's `Stream.data`, except that the data never ends with `\r`.

    pydyf writes a stream's data then `\nendstream`; data ending in `\r` reads as a
    `\r\n` end-of-line, so a PDF/A validator counts one byte less than /Length and
    rejects the file (5 of the 24 example posters). Flate data ends with a checksum
    of the content, so another compression level does not help: a text stream
    (page content, character map, object stream) gets one more trailing newline,
    which means nothing to a reader; binary data (a font, an image, an attached
    file) is written uncompressed instead."""
    written = bytes(_PYDYF_STREAM_DATA.fget(self))
    if not written.endswith(b"\r\nendstream"):
        return written
    head, _, rest = written.partition(b"\nstream\n")
    if b"/Filter /FlateDecode" not in head or b"/DecodeParms" in head:
        return written
    try:
        raw = zlib.decompress(rest[:-len(b"\nendstream")])
    except zlib.error:
        return written
    binary = any(key in self.extra for key in ("Subtype", "Length1", "Type"))
    extra = pydyf.Dictionary(self.extra)
    packed = raw
    if binary or raw.endswith(b"\r"):
        extra.pop("Filter", None)
    else:
        extra["Filter"] = "/FlateDecode"
        while packed.endswith(b"\r") or packed is raw:
            raw += b"\n"
            packed = zlib.compress(raw, 9)
    if packed.endswith(b"\r"):
        return written
    extra["Length"] = len(packed)
    return b"\n".join((extra.data, b"stream", packed, b"endstream"))


# Every stream, including those pydyf creates inside `PDF.write`, so this cannot be
# done in a finisher; tests/poster/test_engine_contract.py pins it.
pydyf.Stream.data = property(_stream_data_ending_cleanly)


def _compact_fonts(pdf: Any, compact_font: FontCompactor, deferred: _DeferredSubsets) -> None:
    """Rewrite each embedded OpenType CFF face, keeping the glyphs that any font using
    it draws. A face that cannot be rewritten is written as WeasyPrint writes it: a
    poster matters more than its size (the tests watch the sizes)."""
    codes_by_stream: dict[int, set[int]] = {}
    for item in pdf.objects:
        if isinstance(item, dict) and item.get("Subtype") == "/CIDFontType0" and "W" in item:
            descriptor = _object(pdf, item["FontDescriptor"])
            if "FontFile3" in descriptor:
                number = int(bytes(descriptor["FontFile3"]).split()[0])
                codes_by_stream.setdefault(number, set()).update(codes_in_widths(item["W"]))
    for number, codes in codes_by_stream.items():
        stream = pdf.objects[number]
        if stream.extra.get("Subtype") != "/OpenType":
            continue
        data = b"".join(stream.stream)
        face = deferred.by_marker.get(data)
        try:
            compact = compact_font(face.file if face else data, sorted(codes),
                                   face.font.index if face else 0)
        except Exception:  # see the docstring
            continue
        stream.stream = [compact]
        stream.extra["Subtype"] = "/CIDFontType0C"
    for item in pdf.objects:  # a face not rewritten above must not stay a marker
        if isinstance(item, pydyf.Stream) and len(item.stream) == 1:
            data = item.stream[0]
            face = deferred.by_marker.get(data) if isinstance(data, bytes) and len(data) < 64 else None
            if face is not None:
                item.stream = [deferred.subset_as_weasyprint_would(face)]


# ---- what the machine offers ------------------------------------------------------

@dataclass(frozen=True)
class TextStack:
    weasyprint: str
    pango: str
    harfbuzz_subset: bool  # WeasyPrint subsets fonts with HarfBuzz (~60x faster than fontTools)


def text_stack() -> TextStack:
    """Versions of WeasyPrint and Pango, and whether HarfBuzz's subsetter is there."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset, pango

    number = pango.pango_version()  # encoded as major*10000 + minor*100 + micro
    subset = harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))
    return TextStack(version(), f"{number // 10000}.{number // 100 % 100}.{number % 100}", subset)

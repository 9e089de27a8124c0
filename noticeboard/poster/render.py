"""HTML from Jinja templates, then a PDF/A poster from WeasyPrint, fitted to its sheet."""

from __future__ import annotations

import gc
import math
import os
import signal
import threading
import traceback
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from noticeboard.checks.item import CheckedItem
from noticeboard.checks.privacy import guard_poster, walk_strings
from noticeboard.errors import Finding, Localized, NoticeboardError, clipped, error, format_field_path
from noticeboard.poster import compare
from noticeboard.poster.context import TEMPLATE_FILTERS, poster_context

if TYPE_CHECKING:  # annotations only: importing WeasyPrint is engine.py's business
    from noticeboard.poster.engine import CSS, Document, FontConfiguration

PAPER_SIZES_MM = {"A3": (297, 420), "A4": (210, 297)}
ITEM_DESCRIPTION = "公开事项源数据（YAML）"
SETTINGS_DESCRIPTION = "村、乡镇设置（YAML）"
# The township type scale (issue 27; docs/typography.md): the body text sizes a poster
# may be set at, in points, per paper. The smallest is the minimum for reading at a
# distance (an A3 board from one to two metres, an A4 sheet at arm's length); a poster
# never goes below it, it takes more sheets. A township may raise the floor
# (`defaults.min_body_pt`), never lower it.
TYPE_SCALE_PT = {"A3": (16.0, 19.0, 23.0), "A4": (11.5, 13.5, 16.0)}
BASE_FONT_PT = {paper: steps[0] for paper, steps in TYPE_SCALE_PT.items()}  # scale 1
# The written minimums for reading at a distance (docs/typography.md), in points: table
# text, and any text at all (notes, the posting window, page numbers). The smallest
# step gives them; the layout audit asserts them on every poster.
MIN_TABLE_PT = {"A3": 12.5, "A4": 9.0}
MIN_TEXT_PT = {"A3": 11.0, "A4": 8.0}
# Sizes in rem of the body step that the renderer sets itself (poster.css sets the rest).
TITLE_REM, LONG_TITLE_REM = 2.0, 1.6  # h1, h1.long
PAGE_NUMBER_REM = 0.7  # the page number and the running title of continuation sheets
FIGURE_REM = 1.4  # a key figure at most; less when its box cannot hold the longest
FIGURE_PADDING_REM = 0.6  # `.figure` padding, left and right
FIGURE_SLACK = 1.12  # bold figures run a little wider than text_em counts
FILL = 0.97  # the estimate aims just under a full sheet
# Then the spacing (issue 27): what a step leaves over goes first to the lines and rows
# (opened up by at most MAX_SPACING), then to the template's springs; a poster of
# several sheets opens up so its last sheet is at least TAIL_FILL full.
LINE_HEIGHTS = (("html", 1.55), (".notice-body", 1.8))  # poster.css's line heights
ROW_PADDING_REM = 0.26  # `.rows td` padding, top and bottom
MAX_SPACING, TAIL_MAX_SPACING = 1.25, 1.6
SPACE_BELOW = 0.85  # a one-sheet poster filled less than this is opened up
SPACE_AIM = 0.95  # ...aiming at this share of its sheet
TAIL_FILL = 0.5  # the last sheet of several at least this full
TAIL_AIM = 0.7

def builtin_template_dir() -> Path:
    """Templates ship inside the wheel; in a source checkout they sit beside the package."""
    package = Path(__file__).parent.parent
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parent / "templates"


def template_folders(override_dir: Path | None) -> list[Path]:
    """Where templates, stylesheets and everything they use may come from, first match
    first: the township's own `templates/` folder, then the tool's."""
    return [*([override_dir] if override_dir else []), builtin_template_dir()]


@dataclass(frozen=True)
class Poster:
    """A rendered poster, ready to write."""

    pdf: bytes
    pages: int
    scale: float
    layouts: int = 1  # how many times it was laid out to fit its sheets


class TemplateOutside(jinja2.TemplateNotFound):
    """A template whose real path (after symlinks) lies outside the folders templates
    may come from: refused before it is read."""

    def __init__(self, name: str, target: Path):
        super().__init__(name)
        self.target = target


class ContainedLoader(jinja2.BaseLoader):
    """Like Jinja's FileSystemLoader, but a template (or the folder it is in) that is a
    symlink leading out of its search folder is refused, not read: a township's
    `templates/notice.html.j2 -> /etc/hostname` must not print that file on a poster."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.roots = [Path(os.path.realpath(folder)) for folder in folders]

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Any]:
        pieces = split_template_path(template)
        for folder in self.folders:
            candidate = folder.joinpath(*pieces)
            if not os.path.lexists(candidate):
                continue
            real = Path(os.path.realpath(candidate))
            if not any(real.is_relative_to(root) for root in self.roots):
                raise TemplateOutside(template, real)
            if real.is_file():
                return self._read(real)
        raise jinja2.TemplateNotFound(template)

    @staticmethod
    def _read(path: Path) -> tuple[str, str, Any]:
        source = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate


@dataclass
class _ScaledLayout:
    """One poster's parsed HTML, laid out at any step of the type scale."""

    html: Any
    stylesheet: Any
    font_config: Any
    fetcher: Any
    paper: str
    figures: tuple[tuple[int, float], ...] = ()  # (boxes, longest value in em) per `.figures`
    count: int = 0  # layouts made (the benchmark's passes per poster)

    def __call__(self, scale: float, spacing: float = 1.0) -> Document:
        from noticeboard.poster import engine

        self.count += 1
        css = step_css(BASE_FONT_PT[self.paper] * scale, self.paper, self.figures, spacing)
        sizes = engine.step_stylesheet(css, self.fetcher, self.font_config)
        return engine.lay_out(self.html, [self.stylesheet, sizes], self.font_config)


def step_css(body_pt: float, paper: str, figures: tuple[tuple[int, float], ...] = (),
             spacing: float = 1.0) -> str:
    """The sizes of one step: the root (the body text; poster.css sets everything else in
    rem), the page number and running title (margin boxes do not follow rem), and the
    key figures, at most 1.4rem and narrower when the longest would not fit its box;
    with `spacing` over 1, lines and table rows opened up by that factor."""
    css = (f"html {{ font-size: {body_pt:.2f}pt }} "
           f"@page {{ @bottom-center {{ font-size: {PAGE_NUMBER_REM * body_pt:.2f}pt }} "
           f"@top-center {{ font-size: {PAGE_NUMBER_REM * body_pt:.2f}pt }} }}")
    if figures:
        width_mm = PAPER_SIZES_MM[paper][0] - PAGE_MARGINS_MM[1] - PAGE_MARGINS_MM[3]
        room = min((width_mm * PT_PER_MM / boxes - FIGURE_PADDING_REM * body_pt)
                   / (longest * FIGURE_SLACK) for boxes, longest in figures if longest > 0)
        # A property poster.css reads, so that a township's own stylesheet still has the last word.
        css += f" html {{ --figure-size: {min(FIGURE_REM * body_pt, room):.2f}pt }}"
    if spacing > 1.0:
        css += "".join(f" {selector} {{ line-height: {height * spacing:.3f} }}"
                       for selector, height in LINE_HEIGHTS)
        css += (f" .rows td {{ padding-top: {ROW_PADDING_REM * spacing:.3f}rem;"
                f" padding-bottom: {ROW_PADDING_REM * spacing:.3f}rem }}")
    return css


def fit_to_sheets(layout: _ScaledLayout, scales: tuple[float, ...],
                  estimate: Estimate | None = None) -> tuple[Document, float]:
    """The largest step of the type scale (`scales`, as multiples of the smallest) that
    prints on the fewest sheets the smallest step needs.

    The policy (docs/typography.md): text is never set below the smallest step, the
    written minimum for reading at a distance; a poster that does not fit one sheet
    takes more sheets, at the largest step that needs no more of them than the
    smallest does. A short poster is set at the largest step, and the space left on
    its sheet goes to the template's springs (engine.pin_to_bottom), not to a larger
    size. With an `estimate` of the content's height (the built-in templates), the
    first layout is at the step it predicts, and is accepted when it takes the sheets
    predicted; otherwise the steps are laid out largest first, then smallest.
    """
    return _Fitter(layout, scales, estimate).fit()


@dataclass
class _Made:
    """One layout's measurements; its document is kept only while it may be chosen."""

    scale: float
    pages: int
    height: float
    wide: bool
    document: Document | None


class _Fitter:
    """Lays a poster out at as few steps as it can, keeping only layouts that may be chosen."""

    def __init__(self, layout: _ScaledLayout, scales: tuple[float, ...],
                 estimate: Estimate | None = None):
        self.layout, self.estimate = layout, estimate
        self.scales = tuple(sorted(set(scales), reverse=True))  # largest first
        self.made: dict[float, _Made] = {}
        self.usable = 0.0

    def make(self, scale: float) -> _Made:
        from noticeboard.poster.engine import overflows_right, usable_height, used_height

        if scale in self.made:
            return self.made[scale]
        document = self.layout(scale)
        self.usable = self.usable or usable_height(document)
        made = _Made(scale, len(document.pages), used_height(document), overflows_right(document),
                     document)
        self.made[scale] = made
        return made

    def fit(self) -> tuple[Document, float]:
        smallest = self.scales[-1]
        if self.estimate is not None:
            scale, sheets = self.estimate.first_step(self.scales)
            first = self.make(scale)
            if not first.wide and first.pages == sheets:  # fewer: the estimate was wrong
                return self._chosen(first)
        largest = self.make(self.scales[0])
        if not largest.wide and largest.pages == 1:
            return self._chosen(largest)
        least = self.make(smallest)
        if least.wide:
            return self._chosen(least)  # only the caller can say why (too_wide)
        # Pages grow with the step: the largest step that needs no more sheets.
        for scale in self.scales:
            made = self.make(scale)
            if not made.wide and made.pages <= least.pages:
                return self._chosen(made)
            made.document = None  # never chosen now: a layout is tens of MB of boxes
            gc.collect()  # (the renderer pauses automatic collection while fitting)
        return self._chosen(least)

    def _chosen(self, made: _Made) -> tuple[Document, float]:
        for other in self.made.values():
            if other is not made:
                other.document = None  # a layout is tens of MB of boxes: free it now
        assert made.document is not None
        spaced = self._spaced(made)
        if spaced is not None:
            made.document = None
            gc.collect()
            return spaced, made.scale
        return made.document, made.scale

    def _spaced(self, made: _Made) -> Document | None:
        """The chosen step laid out once more with its lines and rows opened up, when it
        leaves much of its sheet empty (or a short last sheet) and the opened-up layout
        still takes the same sheets; None to keep the layout as it is. Height grows
        less than the spacing (margins, rules and figures do not open up), so the aim
        is approached from below."""
        from noticeboard.poster.engine import overflows_right, page_heights

        assert made.document is not None
        if made.wide or made.height <= 0:
            return None
        if made.pages == 1:
            if made.height >= SPACE_BELOW * self.usable:
                return None
            spacing = min(MAX_SPACING, SPACE_AIM * self.usable / made.height)
        else:
            last = page_heights(made.document)[-1]
            if last >= TAIL_FILL * self.usable:
                return None
            spacing = min(TAIL_MAX_SPACING, (made.height - last + TAIL_AIM * self.usable)
                          / made.height)
        document = self.layout(made.scale, spacing)
        if len(document.pages) != made.pages or overflows_right(document):
            return None
        return document


# ---- the first step, estimated before any layout ---------------------------------
# A layout is the costly step (WeasyPrint's cascade, boxes and lines: 50 ms for a
# notice, 2 s for a 200-row table), so the first one should already be at the right
# step. The estimate knows the geometry of the built-in templates (poster.css,
# base.html.j2) for the kinds posted most: notices (lines of body text) and the
# finance and relief ledgers (table rows). A township's own templates, and other
# kinds, get no estimate: they are laid out at the largest step first.
# tests/poster/test_render.py lays posters out and compares, so a stylesheet change that
# makes the estimate wrong fails there; a wrong estimate costs layouts, not posters.
PAGE_MARGINS_MM = (16, 18, 18, 18)  # base.html.j2's @page margins: top, right, bottom, left
PX_PER_MM, PX_PER_PT, PT_PER_MM = 96 / 25.4, 4 / 3, 72 / 25.4  # WeasyPrint measures in CSS pixels
# What a poster holds besides its ledger rows and body paragraphs, in rem:
# band, title (one line), meta line, figures, headings, table headers and totals, closing, signature.
FIXED_REM = {"notice": 17.85, "finance": 40.25, "relief": 36.6}
ROW_REM = 1.81  # a one-line `.rows` row: 0.8rem x 1.55, padding 0.26rem twice, a 1px rule
BREAK_REM = 1.0  # a page break: the table header repeated (1.9rem) when it falls in a table
# Paragraphs that wrap, by class: (font size in rem, line height in em, first-line indent in em).
TEXT_BLOCKS = {"notice-body": (1.0, 1.8, 2.0), "balance": (1.0, 1.55, 0.0),
               "lead": (1.0, 1.55, 2.0), "review": (0.75, 1.55, 0.0)}
TITLE_LINE_EM = 1.3  # h1 line height
REVIEW_BELOW_EM = 0.27  # `.review` margin-bottom (0.2rem at 0.75rem)
BODY_TOP_REM = 0.6  # `.notice-body` margin-top
GAP_EM = 0.5  # `.notice-body p.gap` margin-top (a blank line typed)
WIDE_EM, NARROW_EM = 1.0, 0.55  # advance of a CJK (full-width) character, and of another
SPARE = 0.98  # the estimate counts sheets at the smallest step with 2 % to spare


@dataclass(frozen=True)
class Estimate:
    """The height a poster of the built-in templates takes at any step, from its HTML."""

    fixed_rem: float
    rows: int  # one-line ledger rows
    paragraphs: tuple[tuple[float, float, float, float], ...]  # font rem, line em, advance em, above em
    root_px: float  # the root font size at scale 1 (the smallest step)
    width_px: float  # the text column
    usable_px: float  # the sheet between its top and bottom margins
    title: tuple[float, float] = (0.0, 2.0)  # the title's advance in em, and its size in rem

    def height(self, scale: float, breaks: bool = True) -> float:
        """Content height in CSS pixels at `scale` (summed over sheets, like used_height),
        with an allowance for page breaks unless `breaks` is False."""
        root = self.root_px * scale
        rem = self.fixed_rem + self.rows * ROW_REM
        advance, title_rem = self.title
        per_line = max(1, math.floor(self.width_px / (title_rem * root)))
        rem += title_rem * TITLE_LINE_EM * (max(1, math.ceil(advance / per_line)) - 1)
        for font, line, advance, above in self.paragraphs:
            per_line = max(1, math.floor(self.width_px / (font * root)))
            rem += font * (line * max(1, math.ceil(advance / per_line)) + above)
        height = rem * root
        if not breaks:
            return height
        return height + max(0, math.ceil(height / self.usable_px) - 1) * BREAK_REM * root

    def first_step(self, scales: tuple[float, ...]) -> tuple[float, int]:
        """(scale, sheets): the largest step estimated to need no more sheets than the
        smallest step does, and that many sheets."""
        ordered = sorted(scales, reverse=True)
        sheets = max(1, math.ceil(self.height(ordered[-1]) / (self.usable_px * SPARE)))
        for scale in ordered:
            if self.height(scale) <= sheets * FILL * self.usable_px:
                return scale, sheets
        return ordered[-1], sheets


def estimate(root: Any, paper: str) -> Estimate | None:
    """The estimate for a poster whose parsed HTML is `root` (`<html>`), or None when it
    is not a kind the estimate knows."""
    body = root.find("body")
    kinds = [c[len("kind-"):] for c in _classes(body) if c.startswith("kind-")]
    if not kinds or kinds[0] not in FIXED_REM:
        return None
    rows = sum(1 for table in root.iter("table") if "rows" in _classes(table)
               for group in table.iter("tbody") if "totals" not in _classes(group)
               for _ in group.iter("tr"))
    paragraphs = []
    for element in root.iter():
        classes = _classes(element)
        if element.tag == "section" and "notice-body" in classes:
            font, line, indent = TEXT_BLOCKS["notice-body"]
            paragraphs.append((1.0, 0.0, 0.0, BODY_TOP_REM))  # its top margin
            for paragraph in element.iter("p"):
                inner = _classes(paragraph)
                paragraphs.append((font, line, (0.0 if "salutation" in inner else indent)
                                   + _advance_em(paragraph), GAP_EM if "gap" in inner else 0.0))
        elif element.tag == "p" and (known := [c for c in classes if c in ("balance", "lead", "review")]):
            font, line, indent = TEXT_BLOCKS[known[0]]
            below = REVIEW_BELOW_EM if known[0] == "review" else 0.0
            paragraphs.append((font, line, indent + _advance_em(element), below))
    heading = root.find(".//h1")
    title = (_advance_em(heading) if heading is not None else 0.0,
             LONG_TITLE_REM if "long" in _classes(heading) else TITLE_REM)
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    top, right, bottom, left = PAGE_MARGINS_MM
    return Estimate(FIXED_REM[kinds[0]], rows, tuple(paragraphs),
                    BASE_FONT_PT[paper] * PX_PER_PT, (width_mm - left - right) * PX_PER_MM,
                    (height_mm - top - bottom) * PX_PER_MM, title)


def figure_widths(root: Any) -> tuple[tuple[int, float], ...]:
    """(boxes, the longest value's advance in em) for each row of key figures."""
    from noticeboard.poster.context import text_em

    found = []
    for table in root.iter("table"):
        if "figures" not in _classes(table):
            continue
        values = [" ".join("".join(v.itertext()).split()) for v in table.iter("div")
                  if "value" in _classes(v)]
        if values:
            found.append((len(values), max(text_em(v) for v in values)))
    return tuple(found)


def _classes(element: Any) -> list[str]:
    return (element.get("class") or "").split() if element is not None else []


def _advance_em(element: Any) -> float:
    text = "".join(element.itertext()).strip()
    return sum(WIDE_EM if unicodedata.east_asian_width(ch) in "WF" else NARROW_EM for ch in text)


def _predict(scale: float, height: float, target: float, growth: float) -> float:
    """The scale at which content `height` tall at `scale` would be `target` tall."""
    return scale * (target / height) ** (1 / growth)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection during a layout: a layout allocates millions of objects,
    and every full collection would scan each one still alive (0.6–0.95 s of a 3 s
    200-row poster). The fitter collects once when it drops a layout, and the
    renderer once a poster."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Renderer:
    """One per process: the Jinja environments and WeasyPrint's font configuration."""

    def __init__(self, compact: bool = True) -> None:
        from noticeboard.poster import engine

        self.compact = compact  # re-subset the embedded fonts (fontpack): 5-8x smaller PDFs
        self.font_config: FontConfiguration = engine.font_configuration()
        self._environments: dict[Path | None, jinja2.Environment] = {}
        self._stylesheets: dict[Path | None, CSS] = {}
        self._frozen = False

    def environment(self, override_dir: Path | None) -> jinja2.Environment:
        """Sandboxed, autoescaping; a township's `templates/` folder overrides built-ins."""
        if override_dir not in self._environments:
            env = ImmutableSandboxedEnvironment(
                loader=ContainedLoader(template_folders(override_dir)),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
            )
            env.filters.update(TEMPLATE_FILTERS)
            self._environments[override_dir] = env
        return self._environments[override_dir]

    def html(self, checked: CheckedItem, paper: str) -> str:
        return self._html(self.environment(self._override_dir(checked)), checked, paper)

    def builtin_html(self, checked: CheckedItem, paper: str) -> str:
        """The HTML the built-in template makes of the item: what its kind prints."""
        return self._html(self.environment(None), checked, paper)

    @staticmethod
    def _html(env: jinja2.Environment, checked: CheckedItem, paper: str) -> str:
        """The template's HTML, at most MAX_HTML_CHARS of it: a township template's nested
        loops could otherwise fill the memory before the time limit stops them."""
        assert checked.item is not None
        template = env.get_template(f"{checked.item.KIND}.html.j2")
        context = poster_context(checked.item, checked.setting, checked.path)
        width, height = PAPER_SIZES_MM[paper]
        parts, size = [], 0
        for part in template.generate(**context, paper=paper, paper_width=width, paper_height=height):
            size += len(part)
            if size > MAX_HTML_CHARS:
                raise NoticeboardError([error("template_too_big", template=template.name or "?",
                                              limit=MAX_HTML_CHARS // 1_000_000)
                                        .located(checked.path, {})])
            parts.append(part)
        return "".join(parts)

    def stylesheet(self, override_dir: Path | None) -> CSS:
        """poster.css, parsed once per template folder (parsing it per layout cost 30 ms).

        Its `@import`, `@font-face` and `url()` go through the same fetcher as the
        HTML; anything it asks for outside the template folders stops the poster."""
        from noticeboard.poster import engine

        if override_dir not in self._stylesheets:
            env = self.environment(override_dir)
            source, filename, _ = env.loader.get_source(env, "poster.css")  # type: ignore[union-attr]
            assert filename is not None  # ContainedLoader names every file it serves
            fetcher = engine.TemplateFetcher(template_folders(override_dir))
            css = engine.parse_stylesheet(source, Path(filename).parent, fetcher, self.font_config)
            findings = [_refused_finding(url).located(Path(filename), {})
                        for url in dict.fromkeys(fetcher.refused)]
            if override_dir is not None:
                findings += _stylesheet_findings(override_dir, [Path(filename), *fetcher.served])
            if findings:
                raise NoticeboardError(findings)
            self._stylesheets[override_dir] = css
        return self._stylesheets[override_dir]

    @staticmethod
    def _override_dir(checked: CheckedItem) -> Path | None:
        root = checked.setting.root
        override = root / "templates" if root else None
        if override is None or not override.is_dir():
            return None
        assert root is not None
        real = Path(os.path.realpath(override))
        if not real.is_relative_to(os.path.realpath(root)):
            raise NoticeboardError([error("template_outside", template=str(override),
                                          target=str(real)).located(checked.path, {})])
        return override

    def render(self, checked: CheckedItem, paper: str | None = None) -> Poster:
        """Lay out, fit to the fewest sheets, and write PDF/A-3b bytes; within the
        township's time limit (`defaults.render_seconds`)."""
        seconds = checked.setting.defaults.render_seconds
        try:
            with _collector_paused(), time_limit(seconds):
                return self._render(checked, paper)
        except RenderTimeout:
            raise NoticeboardError([error("render_too_slow", seconds=seconds)
                                    .located(checked.path, {})]) from None
        finally:
            # The poster's layouts are garbage now: one collection. After the first
            # poster, what the process keeps (modules, fonts, stylesheets, caches) is
            # frozen out of every later collection, which then scans one poster's objects.
            gc.collect()
            if not self._frozen:
                gc.freeze()
                self._frozen = True

    def _render(self, checked: CheckedItem, paper: str | None) -> Poster:
        from noticeboard.poster import engine

        assert checked.item is not None and checked.loaded is not None
        paper = paper or checked.setting.defaults.paper
        override_dir = self._override_dir(checked)
        try:
            source = self.html(checked, paper)
            stylesheet = self.stylesheet(override_dir)
        except TemplateOutside as exc:
            finding = error("template_outside", template=exc.name, target=str(exc.target))
            raise NoticeboardError([finding.located(checked.path, {})]) from None
        except jinja2.TemplateError as exc:  # a township's own template, usually
            finding = error("template_error", template=_template_name(exc),
                            reason=str(exc).rstrip("."))
            raise NoticeboardError([finding.located(checked.path, {})]) from None
        # Relative URLs in a template are relative to the folder templates come from.
        fetcher = engine.TemplateFetcher(template_folders(override_dir))
        document_html = engine.parse_html(source, override_dir or builtin_template_dir(), fetcher)
        tree = engine.element_tree(document_html)
        layout = _ScaledLayout(document_html, stylesheet, self.font_config, fetcher, paper,
                               figure_widths(tree))
        # The estimate knows the built-in templates only.
        guess = estimate(tree, paper) if override_dir is None else None
        with engine.missing_glyphs() as missing:  # WeasyPrint reports them while drawing
            document, scale = fit_to_sheets(layout, self._scales(checked, paper), guess)
            limit = checked.setting.defaults.max_sheets
            if len(document.pages) > limit:  # what check's estimate could not see coming
                raise NoticeboardError([error("poster_sheets_over_limit", sheets=len(document.pages),
                                              limit=limit).located(checked.path, {})])
            if fetcher.refused:
                raise NoticeboardError([_refused_finding(url).located(checked.path, {})
                                        for url in dict.fromkeys(fetcher.refused)])
            if engine.overflows_right(document):
                raise NoticeboardError([error("too_wide").located(checked.path, checked.lines)])
            if len(document.pages) == 1:
                # Official notices put the issuer and date at the bottom right.
                engine.pin_to_bottom(document, "footer")
            pdf = self._pdf(document, checked)
            rects = engine.content_rects(document)
        if missing:
            raise NoticeboardError([_glyph_finding(checked, ch) for ch in sorted(set(missing))])
        whole, inside = compare.drawn_text(pdf, rects) if pdf else ("", "")
        # The last guards: no personal number leaves in the drawn text (checks.privacy),
        # and the poster says what the item says (poster.compare).
        guard_poster(pdf, checked, [self._override_dir(checked), builtin_template_dir()], whole)
        if pdf:
            self._compare(checked, paper, override_dir, source, inside)
        return Poster(pdf, len(document.pages), scale, layout.count)

    def _compare(self, checked: CheckedItem, paper: str, override_dir: Path | None,
                 source: str, drawn: str) -> None:
        """Refuse a poster whose text does not say what the built-in template makes of
        the item, naming the township's templates and stylesheet that were used."""
        assert checked.item is not None
        own = township_files(override_dir, checked.item.KIND)
        # Without a template of the township's, the HTML made is the built-in one.
        builtin = source if not any(n.endswith(".j2") for n in own) else self.builtin_html(checked, paper)
        texts = [text for _, text in walk_strings(checked.item.model_dump())]
        difference = compare.first_difference(compare.html_text(builtin), drawn, texts)
        if difference is not None:
            where = Localized("、".join(f"本镇的 templates/{n}" for n in own) or "内置模板",
                              ", ".join(f"the township's templates/{n}" for n in own)
                              or "the built-in template")
            finding = error("poster_differs", source=where, difference=difference.what)
            raise NoticeboardError([finding.located(checked.path, {})])

    @staticmethod
    def _scales(checked: CheckedItem, paper: str) -> tuple[float, ...]:
        """The steps a poster may be set at, as multiples of the smallest: the paper's type
        scale, from the township's minimum body size up when it sets a larger one."""
        steps = TYPE_SCALE_PT[paper]
        floor = checked.setting.defaults.min_body_pt or steps[0]
        allowed = [step for step in steps if step >= floor - 1e-9] or [steps[-1]]
        return tuple(step / BASE_FONT_PT[paper] for step in allowed)

    def _pdf(self, document: Document, checked: CheckedItem) -> bytes:
        """PDF/A-3b with the item's YAML (and its village and township settings) attached,
        so an archived poster can be checked or rendered again; dates fixed for
        byte-identical output."""
        from noticeboard.poster import engine, fontpack

        assert checked.item is not None and checked.loaded is not None
        stamp = datetime.combine(checked.item.posted, datetime.min.time(), tzinfo=UTC)
        files = [engine.AttachedFile(checked.path.name, checked.loaded.raw, ITEM_DESCRIPTION,
                                     "Source", stamp)]
        for name, raw in checked.setting.checked_files():
            files.append(engine.AttachedFile(name, raw, SETTINGS_DESCRIPTION, "Supplement", stamp))
        return engine.write_pdf(document, files, fontpack.compact_cff if self.compact else None)


# A poster's HTML is a few hundred KB; the largest sane one (100 sheets) is under 5 MB.
MAX_HTML_CHARS = 40_000_000


class RenderTimeout(BaseException):
    """Raised in the render when its time is up. A BaseException, so that no `except
    Exception` in WeasyPrint or Jinja takes it for an error of theirs and goes on."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt what runs inside after `seconds` (SIGALRM), where a signal can reach it:
    on a system with `setitimer`, in the main thread (each worker process renders in
    its main thread). Elsewhere nothing is timed."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def township_files(override_dir: Path | None, kind: str) -> list[str]:
    """The township's own files that shape a poster of `kind`: its templates that
    replace built-in ones (the kind's, the base and the macros) and its poster.css."""
    if override_dir is None:
        return []
    names = [f"{kind}.html.j2", "base.html.j2", "macros.html.j2", "poster.css"]
    return [name for name in names if (override_dir / name).is_file()]


def _stylesheet_findings(override_dir: Path, files: list[Path]) -> list[Finding]:
    """What WeasyPrint would silently ignore in the township's own stylesheets, each
    named with its file and line (the tool's own stylesheet is kept clean by a test)."""
    from noticeboard.poster import engine

    own = Path(os.path.realpath(override_dir))
    findings = []
    for path in dict.fromkeys(Path(os.path.realpath(f)) for f in files):
        if path.suffix.lower() != ".css" or not path.is_relative_to(own):
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        for line, text in engine.stylesheet_problems(source, path.parent):
            snippet = clipped(text, 83)  # masked before the cut
            findings.append(replace(error("stylesheet_ignored", snippet=snippet),
                                    file=override_dir / path.relative_to(own), line=line))
    return findings


def _refused_finding(url: str) -> Finding:
    return error("resource_refused", url=clipped(url, 203))


def _template_name(exc: jinja2.TemplateError) -> str:
    """The template an error happened in (Jinja puts template files in the traceback)."""
    name = getattr(exc, "name", None)
    if name:
        return str(name)
    frames = [f.filename for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    return Path(frames[-1]).name if frames else "?"


def _glyph_finding(checked: CheckedItem, char: str) -> Finding:
    assert checked.item is not None
    data = checked.item.model_dump(mode="json")
    paths = [path for path, text in walk_strings(data) if char in text]
    fields = "、".join(format_field_path(p) for p in paths) or "模板"
    finding = error("glyph_missing", paths[0] if paths else (), char=char,
                    codepoint=f"{ord(char):04X}", fields=fields)
    return finding.located(checked.path, checked.lines)



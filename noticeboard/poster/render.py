"""HTML from Jinja templates, then a PDF/A poster from WeasyPrint, fitted to its sheet."""

from __future__ import annotations

import gc
import math
import os
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
from noticeboard.poster.context import TEMPLATE_FILTERS, poster_context, title_of, title_size_pt

if TYPE_CHECKING:  # annotations only: importing WeasyPrint is engine.py's business
    from noticeboard.poster.engine import CSS, Document, FontConfiguration

PAPER_SIZES_MM = {"A3": (297, 420), "A4": (210, 297)}
ITEM_DESCRIPTION = "公开事项源数据（YAML）"
SETTINGS_DESCRIPTION = "村、乡镇设置（YAML）"
# Short posters are enlarged until they fill the sheet (read from two metres);
# the base size is 16 pt on A3, scaled for A4.
BASE_FONT_PT = {"A3": 16.0, "A4": 11.3}
TITLE_REM = 2.3  # the title's size relative to body text, when it fits on one line
MAX_SCALE = 1.6
MIN_SCALE = 0.8  # a poster is shrunk at most this far to save a sheet (unless a township says)
FIT_STEPS = 3  # layouts after the first, at most
GROWTH = 1.1  # a table's height grows a little faster than its scale (cells re-wrap)
TEXT_GROWTH = 1.5  # a short poster is mostly text: more lines, each taller (measured 1.3–1.7)
FILL = 0.97  # aim just under a full sheet
ACCEPT_FILL = 0.85  # a one-sheet poster filled this far is accepted, not searched further
PACKING = 0.95  # share of a sheet a table fills across page breaks (rows are not split)
MIN_STEP = 0.01  # scales closer than this are not worth another layout
MULTI_FILL = 0.9  # a poster of several sheets is accepted once it fills them this far


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
    """One poster's parsed HTML, laid out at any scale of its text."""

    html: Any
    stylesheet: Any
    font_config: Any
    fetcher: Any
    paper: str
    title_max_pt: float
    count: int = 0  # layouts made (the benchmark's passes per poster)

    def __call__(self, scale: float) -> Document:
        from noticeboard.poster import engine

        self.count += 1
        root_pt = BASE_FONT_PT[self.paper] * scale
        title_pt = min(self.title_max_pt, TITLE_REM * root_pt)
        sizes = engine.scale_stylesheet(root_pt, title_pt, self.fetcher, self.font_config)
        return engine.lay_out(self.html, [self.stylesheet, sizes], self.font_config)


def fit_to_sheets(layout: _ScaledLayout, min_scale: float = MIN_SCALE,
                  estimate: Estimate | None = None) -> tuple[Document, float]:
    """The largest scale in [min_scale, MAX_SCALE] that prints on the fewest sheets.

    The policy for long documents: the body text is never set below the minimum
    readable size (`min_scale` of the base size; a township sets it as
    `defaults.min_body_pt`), and within that a poster takes the fewest sheets it
    can, at the largest size that fills them. A poster that cannot save a sheet
    by shrinking to that size stays at the base size; a short one grows (up to
    MAX_SCALE) to fill its sheet; no scale may push content past the right margin.

    With an `estimate` of the content's height (the built-in templates), the first
    layout is at the scale it predicts rather than at 1: most posters are then laid
    out once. A wrong estimate costs layouts, not the poster: a layout is accepted
    by what it measures, and if the sheets the estimate aimed at cannot be reached
    the search starts again from the base size.
    """
    return _Fitter(layout, min_scale, estimate).fit()


@dataclass
class _Made:
    """One layout's measurements; its document is kept only while it is the best so far."""

    scale: float
    pages: int
    height: float
    wide: bool
    document: Document | None


class _Fitter:
    """Lays a poster out at as few scales as it can, keeping only the best layout made.

    The first layout is at the scale the estimate predicts (see `Estimate`), or at
    scale 1 without one. A layout at scale 1 measures the content's height; the
    scale for the target number of sheets is predicted from it (height grows as
    scale**GROWTH), and a layout that fits and fills its sheets well enough is
    accepted instead of searching for the last percent. A prediction that misses is
    corrected from the heights measured so far, within the bounds the layouts made
    so far have set. No scale is laid out twice; a superseded layout is dropped at once.
    """

    def __init__(self, layout: _ScaledLayout, min_scale: float, estimate: Estimate | None = None):
        self.layout, self.min_scale, self.estimate = layout, min(min_scale, 1.0), estimate
        self.made: dict[float, _Made] = {}
        self.best: _Made | None = None
        self.sheets = 1
        self.usable = 0.0

    def fits(self, made: _Made) -> bool:
        return made.pages <= self.sheets and not made.wide

    def rank(self, made: _Made) -> tuple[bool, bool, int, float]:
        fits = self.fits(made)
        return (not made.wide, fits, 0 if fits else -made.pages, made.scale)

    def accepted(self, made: _Made) -> bool:
        """Fits its sheets and fills them (a one-sheet poster: ACCEPT_FILL of the sheet,
        or it is at MAX_SCALE; a longer one: MULTI_FILL of its sheets, or at scale 1)."""
        if not self.fits(made):
            return False
        if self.sheets == 1:
            return made.scale >= MAX_SCALE or made.height >= ACCEPT_FILL * self.usable
        return made.scale >= 1.0 or made.height >= MULTI_FILL * self.sheets * self.usable

    def make(self, scale: float) -> _Made:
        from noticeboard.poster.engine import overflows_right, usable_height, used_height

        scale = round(scale, 3)
        if scale in self.made:
            return self.made[scale]
        document = self.layout(scale)
        self.usable = self.usable or usable_height(document)
        made = _Made(scale, len(document.pages), used_height(document), overflows_right(document),
                     document)
        self.made[scale] = made
        if self.best is None or self.rank(made) > self.rank(self.best):
            self.best, superseded = made, self.best
        else:
            superseded = made
        if superseded is not None:
            superseded.document = None  # a layout is tens of MB of boxes: free it now
            gc.collect()  # (the renderer pauses automatic collection while fitting)
        return made

    def fit(self) -> tuple[Document, float]:
        guess = self.estimate.first_scale(self.min_scale) if self.estimate else None
        if guess is not None:
            scale, self.sheets = guess
            first = self.make(scale)
            if not first.wide:
                self.search(first, FIT_STEPS - 1)
                assert self.best is not None
                if self.fits(self.best):
                    return self._result()
            self.sheets = 1  # the estimate was wrong: decide again from the base size
        return self.from_base()

    def from_base(self) -> tuple[Document, float]:
        first = self.make(1.0)
        if first.wide:
            self.sheets = max(first.pages, 1)
            self.make(self.min_scale)  # a long unbroken string: only shrinking can help
            return self._result()
        if first.pages == 1:
            self.sheets = 1
            aim = min(MAX_SCALE, _predict(1.0, first.height, self.usable * FILL, TEXT_GROWTH))
            if aim < 1.0 + MIN_STEP or first.height >= ACCEPT_FILL * self.usable:
                return self._result()
        else:
            # The fewest sheets at the smallest readable size (page breaks waste a little).
            self.sheets = max(1, math.ceil(first.height * self.min_scale ** GROWTH
                                           / (self.usable * PACKING)))
            if self.sheets >= first.pages:
                return self._result()  # no sheet to save: print at the base size
            aim = max(self.min_scale, _predict(1.0, first.height, self.sheets * self.usable * FILL,
                                               GROWTH))
        self.search(self.make(aim), FIT_STEPS - 1)
        return self._result()

    def search(self, made: _Made, steps: int) -> None:
        """From a layout made, correct the scale up to `steps` times until one is accepted."""
        for _ in range(steps):
            if self.accepted(made):
                return
            aim = self._correct(made)
            if aim is None:
                return
            made = self.make(aim)

    def _correct(self, made: _Made) -> float | None:
        """The next scale: predicted from this layout's height with the growth measured
        between the layouts made so far, kept between the largest scale that fits and
        the smallest that does not; None when that interval is too narrow to bother."""
        fitting = [m.scale for m in self.made.values() if self.fits(m)]
        failing = [m.scale for m in self.made.values() if not self.fits(m)]
        low = max(fitting, default=self.min_scale - MIN_STEP)
        high = min(failing, default=MAX_SCALE + MIN_STEP)
        high = min(high, MAX_SCALE + MIN_STEP) if self.sheets == 1 else min(high, 1.0 + MIN_STEP)
        if high - low < 2 * MIN_STEP:
            return None
        others = [m for m in self.made.values() if m is not made and not m.wide and m.height > 0]
        growth = GROWTH
        if others and not made.wide:
            nearest = min(others, key=lambda m: abs(m.scale - made.scale))
            if abs(nearest.scale - made.scale) > MIN_STEP:
                measured = math.log(made.height / nearest.height) / math.log(made.scale / nearest.scale)
                growth = min(max(measured, 0.8), 2.0)
        target = self.sheets * self.usable * FILL
        aim = made.scale if made.wide else _predict(made.scale, made.height, target, growth)
        if not low + MIN_STEP <= aim <= high - MIN_STEP:
            aim = (low + high) / 2
        return aim

    def _result(self) -> tuple[Document, float]:
        assert self.best is not None and self.best.document is not None
        return self.best.document, self.best.scale


# ---- the first scale, estimated before any layout ---------------------------------
# A layout is the costly step (WeasyPrint's cascade, boxes and lines: 50 ms for a
# notice, 2 s for a 200-row table), so the first one should already be at the right
# scale. The estimate knows the geometry of the built-in templates (poster.css,
# base.html.j2) for the kinds posted most: notices (lines of body text) and the
# finance and relief ledgers (table rows). A township's own templates, and other
# kinds, get no estimate: their first layout is at scale 1, as before.
# tests/poster/test_render.py lays posters out and compares, so a stylesheet change that
# makes the estimate wrong fails there; a wrong estimate costs layouts, not posters.
PAGE_MARGINS_MM = (16, 18, 18, 18)  # base.html.j2's @page margins: top, right, bottom, left
PX_PER_MM, PX_PER_PT = 96 / 25.4, 4 / 3  # WeasyPrint measures in CSS pixels
# What a poster holds besides its ledger rows and body paragraphs, in rem at scale 1:
# band, title, meta line, figures, headings, table headers and totals, closing, signature.
FIXED_REM = {"notice": 18.1, "finance": 42.65, "relief": 36.95}
ROW_REM = 1.81  # a one-line `.rows` row: 0.8rem x 1.55, padding 0.26rem twice, a 1px rule
BREAK_REM = 1.0  # a page break: the table header repeated (1.9rem) when it falls in a table
# Paragraphs that wrap, by class: (font size in rem, line height in em, first-line indent in em).
TEXT_BLOCKS = {"notice-body": (1.2, 1.8, 2.0), "brief": (1.7, 1.8, 2.0),
               "balance": (0.9, 1.55, 0.0), "lead": (0.95, 1.55, 2.0), "review": (0.75, 1.55, 0.0)}
TITLE_LINE_EM = 1.3  # h1 line height
REVIEW_BELOW_EM = 0.27  # `.review` margin-bottom (0.2rem at 0.75rem)
BODY_TOP_REM = 0.6  # `.notice-body` margin-top
GAP_EM = 0.5  # `.notice-body p.gap` margin-top (a blank line typed)
WIDE_EM, NARROW_EM = 1.0, 0.55  # advance of a CJK (full-width) character, and of another
SPARE = 0.98  # the estimate counts sheets at the smallest size with 2 % to spare
SCAN_STEP = 0.005  # scales tried (arithmetic only) when looking for the estimated fit


@dataclass(frozen=True)
class Estimate:
    """The height a poster of the built-in templates takes at any scale, from its HTML."""

    fixed_rem: float
    rows: int  # one-line ledger rows
    paragraphs: tuple[tuple[float, float, float, float], ...]  # font rem, line em, advance em, above em
    root_px: float  # the root font size at scale 1
    width_px: float  # the text column
    usable_px: float  # the sheet between its top and bottom margins
    title_cap_rem: float = TITLE_REM  # the largest title that fits one line, in rem at scale 1

    def height(self, scale: float, breaks: bool = True) -> float:
        """Content height in CSS pixels at `scale` (summed over sheets, like used_height),
        with an allowance for page breaks unless `breaks` is False."""
        root = self.root_px * scale
        # The title grows with the scale until it would take two lines (_ScaledLayout).
        rem = self.fixed_rem + self.rows * ROW_REM
        rem -= TITLE_LINE_EM * (TITLE_REM - min(TITLE_REM, self.title_cap_rem / scale))
        for font, line, advance, above in self.paragraphs:
            per_line = max(1, math.floor(self.width_px / (font * root)))
            rem += font * (line * max(1, math.ceil(advance / per_line)) + above)
        height = rem * root
        if not breaks:
            return height
        return height + max(0, math.ceil(height / self.usable_px) - 1) * BREAK_REM * root

    def first_scale(self, min_scale: float) -> tuple[float, int] | None:
        """(scale, sheets) to lay out at first, or None to start at scale 1 (a poster
        that fills one sheet at the base size, or that cannot save a sheet)."""
        usable = self.usable_px
        base = self.height(1.0)
        if base <= FILL * usable:  # room to spare on one sheet: grow
            return self._largest(1.0, MAX_SCALE, FILL * usable), 1
        if base <= usable:
            return None
        # Shrink only when even perfectly packed sheets could not hold it at the base
        # size (a poster printed at 1 is never shrunk without saving a sheet); the
        # sheets at the smallest size are counted with a little to spare (if they
        # cannot be reached, the fit starts again from the base size).
        sheets = max(1, math.ceil(self.height(min_scale) / (usable * SPARE)))
        if sheets >= math.ceil(self.height(1.0, breaks=False) / usable):
            return None
        return self._largest(min_scale, 1.0, sheets * FILL * usable), sheets

    def _largest(self, low: float, high: float, target: float) -> float:
        """The largest scale in [low, high] whose estimated height is within `target`."""
        steps = int((high - low) / SCAN_STEP + 1e-9)
        for step in range(steps + 1):
            scale = round(high - step * SCAN_STEP, 3)
            if self.height(scale) <= target:
                return scale
        return low


def estimate(root: Any, paper: str, title_max_pt: float) -> Estimate | None:
    """The estimate for a poster whose parsed HTML is `root` (`<html>`) and whose title
    is set at most `title_max_pt`, or None when it is not a kind the estimate knows."""
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
            font, line, indent = TEXT_BLOCKS["brief" if "brief" in classes else "notice-body"]
            paragraphs.append((1.0, 0.0, 0.0, BODY_TOP_REM))  # its top margin
            for paragraph in element.iter("p"):
                inner = _classes(paragraph)
                paragraphs.append((font, line, (0.0 if "salutation" in inner else indent)
                                   + _advance_em(paragraph), GAP_EM if "gap" in inner else 0.0))
        elif element.tag == "p" and (known := [c for c in classes if c in ("balance", "lead", "review")]):
            font, line, indent = TEXT_BLOCKS[known[0]]
            below = REVIEW_BELOW_EM if known[0] == "review" else 0.0
            paragraphs.append((font, line, indent + _advance_em(element), below))
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    top, right, bottom, left = PAGE_MARGINS_MM
    return Estimate(FIXED_REM[kinds[0]], rows, tuple(paragraphs),
                    BASE_FONT_PT[paper] * PX_PER_PT, (width_mm - left - right) * PX_PER_MM,
                    (height_mm - top - bottom) * PX_PER_MM, title_max_pt / BASE_FONT_PT[paper])


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
        assert checked.item is not None
        template = env.get_template(f"{checked.item.KIND}.html.j2")
        context = poster_context(checked.item, checked.setting, checked.path)
        width, height = PAPER_SIZES_MM[paper]
        return template.render(**context, paper=paper, paper_width=width, paper_height=height)

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
        """Lay out, fit to the fewest sheets, and write PDF/A-3b bytes."""
        try:
            with _collector_paused():
                return self._render(checked, paper)
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
        layout = _ScaledLayout(
            document_html, stylesheet, self.font_config, fetcher,
            paper, title_size_pt(title_of(checked.item, checked.setting), paper))
        # The estimate knows the built-in templates only.
        guess = (estimate(engine.element_tree(document_html), paper, layout.title_max_pt)
                 if override_dir is None else None)
        with engine.missing_glyphs() as missing:  # WeasyPrint reports them while drawing
            document, scale = fit_to_sheets(layout, self._min_scale(checked, paper), guess)
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
    def _min_scale(checked: CheckedItem, paper: str) -> float:
        """The smallest scale a long poster may shrink to: the township's minimum
        readable body size, or MIN_SCALE of the base size."""
        min_body_pt = checked.setting.defaults.min_body_pt
        return MIN_SCALE if min_body_pt is None else min(1.0, min_body_pt / BASE_FONT_PT[paper])

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



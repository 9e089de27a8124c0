"""HTML from Jinja templates, then a PDF/A poster from WeasyPrint, fitted to its sheet."""

from __future__ import annotations

import math
import os
import secrets
import traceback
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from noticeboard.config import TOWNSHIP_FILE, VILLAGE_FILE
from noticeboard.errors import Finding, NoticeboardError, error, format_field_path
from noticeboard.items import CheckedItem
from noticeboard.rules.privacy import guard_poster, walk_strings
from noticeboard.view import TEMPLATE_FILTERS, poster_context, title_of, title_size_pt

if TYPE_CHECKING:  # annotations only: importing WeasyPrint is engine.py's business
    from noticeboard.engine import CSS, Document, FontConfiguration

PAPER_SIZES_MM = {"A3": (297, 420), "A4": (210, 297)}
ITEM_DESCRIPTION = "公开事项源数据（YAML）"
SETTINGS_DESCRIPTION = "村、乡镇设置（YAML）"
# Short posters are enlarged until they fill the sheet (read from two metres);
# the base size is 16 pt on A3, scaled for A4.
BASE_FONT_PT = {"A3": 16.0, "A4": 11.3}
TITLE_REM = 2.3  # the title's size relative to body text, when it fits on one line
MAX_SCALE = 1.6
MIN_SCALE = 0.8  # a poster is shrunk at most this far to save a sheet
FIT_STEPS = 3
GROWTH = 1.1  # a poster's height grows a little faster than its scale (lines re-wrap)
FILL = 0.985  # aim just under a full sheet


def builtin_template_dir() -> Path:
    """Templates ship inside the wheel; in a source checkout they sit beside the package."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


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


@dataclass(frozen=True)
class _ScaledLayout:
    """One poster's parsed HTML, laid out at any scale of its text."""

    html: Any
    stylesheet: Any
    font_config: Any
    fetcher: Any
    paper: str
    title_max_pt: float

    def __call__(self, scale: float) -> Document:
        from noticeboard import engine

        root_pt = BASE_FONT_PT[self.paper] * scale
        title_pt = min(self.title_max_pt, TITLE_REM * root_pt)
        sizes = engine.scale_stylesheet(root_pt, title_pt, self.fetcher, self.font_config)
        return engine.lay_out(self.html, [self.stylesheet, sizes], self.font_config)


def fit_to_sheets(layout: _ScaledLayout) -> tuple[Document, float]:
    """The largest scale in [MIN_SCALE, MAX_SCALE] that prints on the fewest sheets.

    A short poster grows to fill its sheet; a long one shrinks a little when
    that saves a sheet; no scale may push content past the right margin.
    WeasyPrint has no fit-to-page, so this lays out again, guessing each next
    scale from the height the last layout used (usually 2 or 3 layouts).
    """
    from noticeboard.engine import overflows_right, usable_height, used_height

    first = layout(1.0)
    page_height = usable_height(first)
    if len(first.pages) == 1 and not overflows_right(first):
        sheets = 1
    else:
        # Optimistic on purpose (page breaks waste some height that shrinking
        # recovers): a wasted layout costs less than a wasted sheet.
        shrunk = used_height(first) * MIN_SCALE ** GROWTH / page_height
        sheets = max(1, math.ceil(shrunk * 0.95))
        if sheets >= len(first.pages) and not overflows_right(first):
            return first, 1.0
    return _search_scale(layout, first, sheets, page_height)


def _search_scale(layout: _ScaledLayout, first: Document, sheets: int,
                  page_height: float) -> tuple[Document, float]:
    """Predict the scale from the height used; bisect when width is what limits it."""
    from noticeboard.engine import overflows_right, used_height

    fits_first = len(first.pages) <= sheets and not overflows_right(first)
    best: tuple[Document, float] | None = (first, 1.0) if fits_first else None
    low = 1.0 if fits_first else MIN_SCALE
    high = MAX_SCALE if fits_first else 1.0
    too_wide_at = math.inf  # the smallest scale seen to push content past the margin
    scale, height = 1.0, used_height(first)
    for _ in range(FIT_STEPS):
        guess = scale * (sheets * page_height * FILL / height) ** (1 / GROWTH)
        guess = min(max(guess, low), high)
        if guess >= too_wide_at * 0.99:
            guess = (low + too_wide_at) / 2
        if best is not None and abs(guess - best[1]) < 0.02:
            break
        document = layout(guess)
        wide = overflows_right(document)
        if len(document.pages) <= sheets and not wide:
            best, low = (document, guess), guess
            scale, height = guess, used_height(document)
        elif wide:
            too_wide_at = min(too_wide_at, guess)
        else:
            high = guess * 0.99
            scale, height = guess, used_height(document)
        if high <= low:
            break
    if best is not None:
        return best
    return (first, 1.0) if not overflows_right(first) else (layout(MIN_SCALE), MIN_SCALE)


class Renderer:
    """One per process: the Jinja environments and WeasyPrint's font configuration."""

    def __init__(self, compact: bool = True) -> None:
        from noticeboard import engine

        self.compact = compact  # re-subset the embedded fonts (fontpack): 5-8x smaller PDFs
        self.font_config: FontConfiguration = engine.font_configuration()
        self._environments: dict[Path | None, jinja2.Environment] = {}
        self._stylesheets: dict[Path | None, CSS] = {}

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
        assert checked.item is not None
        env = self.environment(self._override_dir(checked))
        template = env.get_template(f"{checked.item.KIND}.html.j2")
        context = poster_context(checked.item, checked.setting)
        width, height = PAPER_SIZES_MM[paper]
        return template.render(**context, paper=paper, paper_width=width, paper_height=height)

    def stylesheet(self, override_dir: Path | None) -> CSS:
        """poster.css, parsed once per template folder (parsing it per layout cost 30 ms).

        Its `@import`, `@font-face` and `url()` go through the same fetcher as the
        HTML; anything it asks for outside the template folders stops the poster."""
        from noticeboard import engine

        if override_dir not in self._stylesheets:
            env = self.environment(override_dir)
            source, filename, _ = env.loader.get_source(env, "poster.css")  # type: ignore[union-attr]
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
        from noticeboard import engine

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
        with engine.missing_glyphs() as missing:  # WeasyPrint reports them while drawing
            document, scale = fit_to_sheets(layout)
            if fetcher.refused:
                raise NoticeboardError([_refused_finding(url).located(checked.path, {})
                                        for url in dict.fromkeys(fetcher.refused)])
            if engine.overflows_right(document):
                raise NoticeboardError([error("too_wide").located(checked.path, checked.lines)])
            if len(document.pages) == 1:
                # Official notices put the issuer and date at the bottom right.
                engine.pin_to_bottom(document, "footer")
            pdf = self._pdf(document, checked)
        if missing:
            raise NoticeboardError([_glyph_finding(checked, ch) for ch in sorted(set(missing))])
        # The last guard (rules.privacy): no personal number leaves in the drawn text.
        guard_poster(pdf, checked, [self._override_dir(checked), builtin_template_dir()])
        return Poster(pdf, len(document.pages), scale)

    def _pdf(self, document: Document, checked: CheckedItem) -> bytes:
        """PDF/A-3b with the item's YAML (and its village and township settings) attached,
        so an archived poster can be checked or rendered again; dates fixed for
        byte-identical output."""
        from noticeboard import engine, fontpack

        assert checked.item is not None and checked.loaded is not None
        stamp = datetime.combine(checked.item.posted, datetime.min.time(), tzinfo=UTC)
        files = [engine.AttachedFile(checked.path.name, checked.loaded.raw, ITEM_DESCRIPTION,
                                     "Source", stamp)]
        for folder, name in ((checked.setting.village_dir, VILLAGE_FILE),
                             (checked.setting.township_dir, TOWNSHIP_FILE)):
            if folder is not None and (folder / name).is_file():
                files.append(engine.AttachedFile(name, (folder / name).read_bytes(),
                                                 SETTINGS_DESCRIPTION, "Supplement", stamp))
        return engine.write_pdf(document, files, fontpack.compact_cff if self.compact else None)


def _stylesheet_findings(override_dir: Path, files: list[Path]) -> list[Finding]:
    """What WeasyPrint would silently ignore in the township's own stylesheets, each
    named with its file and line (the tool's own stylesheet is kept clean by a test)."""
    from noticeboard import engine

    own = Path(os.path.realpath(override_dir))
    findings = []
    for path in dict.fromkeys(Path(os.path.realpath(f)) for f in files):
        if path.suffix.lower() != ".css" or not path.is_relative_to(own):
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        for line, text in engine.stylesheet_problems(source, path.parent):
            snippet = text if len(text) <= 80 else text[:80] + "…"
            findings.append(replace(error("stylesheet_ignored", snippet=snippet),
                                    file=override_dir / path.relative_to(own), line=line))
    return findings


def _refused_finding(url: str) -> Finding:
    return error("resource_refused", url=url if len(url) <= 200 else url[:200] + "…")


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


POSTER_FILE_MODE = 0o666  # less the umask, as for any file a program creates


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new file beside the target, created with `POSTER_FILE_MODE` (the kernel applies
    the umask; `mkstemp` would make it private to the user, and reading the umask means
    changing it process-wide for a moment)."""
    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           POSTER_FILE_MODE), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_atomic(target: Path, data: bytes) -> None:
    """Write via a temporary file and rename: readers see the old file or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = _create_temp(target.parent, target.name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise

"""The site's pages from Jinja templates (templates/site/): township, village, item, version,
search and check; and each item's text as HTML, from the same kind templates as its poster.

An item's text is rendered with the poster's own kind template, which extends
"base.html.j2": in the site's template folders that name is templates/site/base.html.j2,
which keeps the text (title, figures, tables, review) and leaves out the sheet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from noticeboard.checks.item import CheckedItem
from noticeboard.kinds.record import shown_code
from noticeboard.poster.context import TEMPLATE_FILTERS, poster_context
from noticeboard.poster.render import ContainedLoader, builtin_template_dir
from noticeboard.site.feedback import Question

SNAPSHOT_START, SNAPSHOT_END = "<!--nb:snapshot-->", "<!--nb:/snapshot-->"
ASSETS = ("assets/site.css", "assets/site.js")


def site_template_dir() -> Path:
    return builtin_template_dir() / "site"


@dataclass(frozen=True)
class VersionView:
    code: str
    posted: str
    status: str  # 现行, 已被取代, 已撤回
    href: str

    @property
    def shown_code(self) -> str:
        return shown_code(self.code)


@dataclass
class ItemView:
    """What an item's page (or one version's page) shows."""

    folder: PurePosixPath
    title: str
    village: str
    board: str
    period: str
    posted: str
    code: str
    pdf_sha256: str
    record_sha256: str
    snapshot: Markup
    downloads: list[tuple[str, str, str]]
    contact: str | None = None
    hotline: str | None = None
    withdrawn_on: str | None = None
    versions: list[VersionView] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    @property
    def shown_code(self) -> str:
        return shown_code(self.code)

    @property
    def versions_json(self) -> Markup:
        """The versions for site.js, safe inside a <script> element."""
        data = {"current": self.code, "withdrawn": self.withdrawn_on is not None,
                "versions": [{"code": v.code, "posted": v.posted} for v in self.versions]}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e"))


class Pages:
    """One per build: the Jinja environments (the township's own templates may override a
    kind's, as for posters; the site's pages are always the tool's)."""

    def __init__(self, township: str, county: str | None) -> None:
        self.township = township
        self.county = county
        self._environments: dict[Path | None, jinja2.Environment] = {}

    def environment(self, override_dir: Path | None) -> jinja2.Environment:
        if override_dir not in self._environments:
            folders = [site_template_dir(), *([override_dir] if override_dir else []),
                       builtin_template_dir()]
            env = ImmutableSandboxedEnvironment(
                loader=ContainedLoader(folders), autoescape=True,
                undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
            env.filters.update(TEMPLATE_FILTERS)
            self._environments[override_dir] = env
        return self._environments[override_dir]

    def snapshot(self, checked: CheckedItem) -> Markup:
        """The item's poster text as an HTML fragment."""
        assert checked.item is not None
        root = checked.setting.root
        override = root / "templates" if root and (root / "templates").is_dir() else None
        template = self.environment(override).get_template(f"{checked.item.KIND}.html.j2")
        context = poster_context(checked.item, checked.setting, checked.path)
        return Markup(label_cells(_tidy(template.render(**context, paper="A3", paper_width=297,
                                                        paper_height=420))))

    def page(self, template: str, depth: int, **context: Any) -> bytes:
        """A whole page; `depth` folders below the site's root."""
        html = self.environment(None).get_template(template).render(
            township=self.township, county=self.county, root="../" * depth,
            crumbs=context.pop("crumbs", None), **context)
        return _tidy(html).encode("utf-8")


def href(folder: PurePosixPath | str, page: str = "index.html") -> str:
    """A link to a page below the root, percent-encoded (Chinese folder names)."""
    return f"{quote(str(folder))}/{page}"


def read_snapshot(version_page: bytes) -> Markup | None:
    """The item's text kept in a version page written by an earlier build."""
    text = version_page.decode("utf-8", errors="replace")
    start, end = text.find(SNAPSHOT_START), text.find(SNAPSHOT_END)
    if start < 0 or end < start:
        return None
    return Markup(text[start + len(SNAPSHOT_START):end])


_ROWS_TABLE = re.compile(r'<table class="rows[^"]*">.*?</table>', re.S)
_HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<td\b([^>]*)>")
_COLSPAN = re.compile(r'colspan="(\d+)"')


def label_cells(html: str) -> str:
    """Each cell of a list table carries its column's header (`data-label="金额（元）"`), so a
    phone can show a row as a card of labelled lines instead of a table wider than the screen;
    the table's roles are written out, so it is still read as a table."""
    return _ROWS_TABLE.sub(_label_table, html)


def _label_table(match: re.Match[str]) -> str:
    table = match.group()
    head, _, rest = table.partition("</thead>")
    if not rest:
        return table
    headers = [Markup(h).striptags() for h in _HEADER.findall(head)]

    def row(row_match: re.Match[str]) -> str:
        column = 0

        def cell(cell_match: re.Match[str]) -> str:
            nonlocal column
            attributes = cell_match.group(1)
            span = _COLSPAN.search(attributes)
            label = headers[column] if column < len(headers) and not span else ""
            column += int(span.group(1)) if span else 1
            if not label:
                return cell_match.group()
            return f'<td{attributes} data-label="{Markup.escape(label)}">'

        return _CELL.sub(cell, row_match.group())

    return _with_roles(head + "</thead>" + _ROW.sub(row, rest))


_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row",
          "th": "columnheader", "td": "cell"}
_OPEN_TAG = re.compile(r"<(table|thead|tbody|tr|th|td)\b")


def _with_roles(table: str) -> str:
    """Roles written out: a table shown as cards (CSS `display: block`) is still read as a
    table by a screen reader."""
    return _OPEN_TAG.sub(lambda m: f'<{m.group(1)} role="{_ROLES[m.group(1)]}"', table)


_BLANK_LINES = re.compile(r"\n\s*\n+")


def _tidy(html: str) -> str:
    """Blank lines left by template tags dropped: smaller pages, same text."""
    return _BLANK_LINES.sub("\n", html).strip() + "\n"


_INLINE_TAG = re.compile(r"</?(?:span|strong|b|em|small|a|mark)\b[^<>]*>")
_TEXT_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"\s+")


def plain_text(snapshot: str) -> str:
    """The words of an item's text, for the search index: an inline tag (the no-break span
    around a paragraph's last characters) joins, any other tag parts words."""
    import html as html_module

    text = _TEXT_TAG.sub(" ", _INLINE_TAG.sub("", snapshot))
    return _SPACES.sub(" ", html_module.unescape(text)).strip()

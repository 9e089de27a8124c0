"""The poster says what the item says: its drawn text compared with the item before writing.

A township may bring its own templates and `poster.css`, and either can change
what a sheet shows without changing the item: a row hidden while the totals
still count it, a `::before { content: "1" }` turning 1,200.00 into 11,200.00,
a loop over `expense[1:]`, a row moved off the sheet. So the finished PDF's text
(what pdfium reads inside each page's margins, as a reader would copy it) is
compared with the text the built-in template makes of the same item — the
definition of what its kind prints:

- the figures (every run of digits, with its `,` and `.`) must be the same, in
  the same order, each exactly once; a number that a narrow cell wrapped over two
  lines (`2.` / `3公里`) counts as the one number it is;
- every text of the item the built-in template prints (names, summaries, notes)
  must be on the page at least as often as the built-in template prints it.

The first difference refuses the poster, naming the township's files in play.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from noticeboard.errors import Localized

# A figure as a poster prints it: digits, with thousands separators and a decimal point.
_FIGURE_RE = re.compile(r"\d+(?:[,.]\d+)*")
_SPACE_RE = re.compile(r"\s+")
# Elements that flow inside a line; every other element starts a block of its own.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "em", "i", "mark",
                     "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr"})
_SKIPPED = frozenset({"head", "script", "style", "svg", "template", "title"})
# A figure wrapped over several lines is joined from at most this many pieces.
_MAX_PIECES = 8
# A difference is shown after this many characters the built-in poster prints before it.
_CONTEXT_CHARS = 12


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Difference:
    """The first place the poster and the item disagree, said for a clerk."""

    what: Localized


def html_text(source: str) -> str:
    """The text a document's body holds, a line break between blocks (what the
    built-in template prints; our own HTML, so the standard library's parser is enough)."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    return "".join(parser.parts)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._in_body = False
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_body = self._in_body or tag == "body"
        self._skipping += tag in _SKIPPED
        if tag not in _INLINE:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._skipping -= tag in _SKIPPED and self._skipping > 0
        if tag not in _INLINE:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_body and not self._skipping:
            self.parts.append(data)


def figures(text: str) -> list[Figure]:
    return [Figure(m.group(), m.start(), m.end()) for m in _FIGURE_RE.finditer(text)]


def squeezed(text: str) -> str:
    return _SPACE_RE.sub("", text)


def first_difference(expected: str, drawn: str, texts: Iterable[str]) -> Difference | None:
    """Where `drawn` (the poster's text) first fails to say what `expected` (the
    built-in rendering's text) says: its figures, then the item's `texts`."""
    return _figure_difference(expected, drawn) or _text_difference(expected, drawn, texts)


def _figure_difference(expected: str, drawn: str) -> Difference | None:
    wanted, found = figures(expected), figures(drawn)
    i = j = 0
    while i < len(wanted) and j < len(found):
        pieces = _pieces_matching(wanted[i].text, drawn, found, j)
        if pieces == 0:
            return Difference(Localized(
                f"{_where(expected, wanted[i])}事项应印「{wanted[i].text}」，海报上是「{found[j].text}」",
                f"{_where(expected, wanted[i], 'en')}the item says {wanted[i].text}, "
                f"the poster {found[j].text}"))
        i, j = i + 1, j + pieces
    if i < len(wanted):
        return Difference(Localized(
            f"{_where(expected, wanted[i])}海报上少了「{wanted[i].text}」",
            f"{_where(expected, wanted[i], 'en')}the poster lacks {wanted[i].text}"))
    if j < len(found):
        return Difference(Localized(f"海报上多出了数字「{found[j].text}」，事项里没有",
                                    f"the poster shows {found[j].text}, which the item does not hold"))
    return None


def _where(expected: str, figure: Figure, lang: str = "zh") -> str:
    """The words the built-in poster prints just before a figure, to find it by."""
    before = squeezed(expected[max(0, figure.start - 40):figure.start])[-_CONTEXT_CHARS:]
    if not before:
        return "开头处，" if lang == "zh" else "at the start, "
    return f"在「{before}」之后，" if lang == "zh" else f"after {before!r}, "


def _pieces_matching(want: str, drawn: str, found: Sequence[Figure], j: int) -> int:
    """How many figures of the poster from `j` on make `want`: one, or several a line
    break or spacing split (`2.` / `3`), joined only across white space; 0 if none."""
    if found[j].text == want:
        return 1
    for k in range(j + 1, min(j + _MAX_PIECES, len(found))):
        joined = squeezed(drawn[found[j].start:found[k].end])
        between = drawn[found[k - 1].end:found[k].start]
        if squeezed(between) not in ("", ".", ","):
            return 0
        if joined == want:
            return k - j + 1
        if len(joined) >= len(want) or not want.startswith(joined):
            return 0
    return 0


def _text_difference(expected: str, drawn: str, texts: Iterable[str]) -> Difference | None:
    """The first of the item's texts the poster prints less often than the built-in
    template does (white space aside: a cell wraps anywhere)."""
    want, have = squeezed(expected), squeezed(drawn)
    for text in dict.fromkeys(t for t in map(squeezed, texts) if t):
        if have.count(text) < want.count(text):
            return Difference(Localized(f"事项里的「{text}」没有印在海报上",
                                        f"the item's {text!r} is not on the poster"))
    return None


def drawn_text(pdf: bytes, rects: Sequence[tuple[float, float, float, float]]) -> tuple[str, str]:
    """The text the PDF draws: all of it (for the privacy guard, which reads page
    numbers and running heads too), and what lies inside each page's content area
    `rects` (left, top, right, bottom in points from the top-left; off the sheet or
    in the margins is not part of what the poster says)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    whole, inside = [], []
    try:
        for index, page in enumerate(document):
            textpage = page.get_textpage()
            whole.append(textpage.get_text_range())
            if index < len(rects):
                left, top, right, bottom = rects[index]
                height = page.get_height()
                inside.append(textpage.get_text_bounded(left=left, bottom=height - bottom,
                                                        right=right, top=height - top))
            textpage.close()
            page.close()
    finally:
        document.close()
    return "\n".join(whole), "\n".join(inside)

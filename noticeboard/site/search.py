"""The township's search index: a static script the search page loads, no server.

Chinese is not split into words by spaces, and villagers search for short strings
(低保, 村道, a name): the index keeps each item's plain text and the page matches
every typed word as a substring, which finds what a word splitter would miss
(docs/site.md weighs this against Pagefind). It is a script (`window.NB_INDEX = …`),
not JSON fetched at run time, so the page also works opened from a USB stick
(browsers refuse to fetch files from `file://` pages). It also maps every 核验码
to its item's page, for the check page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

INDEX_FILE = "search/index.js"
CODES_FILE = "search/codes.js"  # the check page needs only the codes, not every item's text


@dataclass(frozen=True)
class Entry:
    href: str  # from the site's root
    title: str
    village: str
    board: str
    period: str
    status: str  # "" for a current item, else 已撤回
    text: str


def index_script(entries: list[Entry]) -> bytes:
    """`window.NB_INDEX`: each item's address, title, village, board, period, status, text."""
    items = [{"u": e.href, "t": e.title, "v": e.village, "b": e.board, "p": e.period,
              "s": e.status, "x": e.text} for e in entries]
    return _script("NB_INDEX", items)


def codes_script(codes: dict[str, str]) -> bytes:
    """`window.NB_CODES`: every version's 核验码 and its item's page."""
    return _script("NB_CODES", dict(sorted(codes.items())))


def _script(name: str, value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # `</script>` or `<!--` in a clerk's text cannot end the script early: `<` is escaped.
    safe = text.replace("<", "\\u003c")
    return f"window.{name} = {safe};\n".encode()

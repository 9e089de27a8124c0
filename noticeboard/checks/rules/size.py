"""How many sheets a poster's tables need: refused at `check` above the township's limit.

A 25,000-row relief list passed `check`, then `render` ran for minutes and took
2.6 GB. Rendering costs about 150 KB and 60–120 ms per table row on top of a
~250 MB WeasyPrint (bench/rows_bench.py, docs/performance.md), so the row count
alone decides whether a poster is sane; it is known as soon as the item parses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from noticeboard.errors import FieldPath, Finding, error

if TYPE_CHECKING:
    from noticeboard.kinds.common import Envelope
    from noticeboard.kinds.settings import Setting

# Table rows one sheet holds, measured with bench/rows_bench.py (relief and finance
# lists, built-in templates). Rounded up, so the estimate of sheets errs low and a
# poster is refused only when it surely exceeds the limit.
ROWS_PER_SHEET = {"A3": 34, "A4": 33}  # the A4 templates scale the A3 ones down


def table_rows(item: BaseModel) -> tuple[int, str | None]:
    """The rows of every table in the item, and the field holding the longest one."""
    total, longest, name = 0, -1, None
    for field_name in type(item).model_fields:
        value = getattr(item, field_name, None)
        if isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            total += len(value)
            if len(value) > longest:
                longest, name = len(value), field_name
    return total, name


def check_size(item: Envelope, setting: Setting) -> list[Finding]:
    defaults = setting.defaults
    rows, field_name = table_rows(item)
    per_sheet = ROWS_PER_SHEET.get(defaults.paper, ROWS_PER_SHEET["A3"])
    sheets = math.ceil(rows / per_sheet)
    findings = _unbreakable(item)
    if field_name is not None and sheets > defaults.max_sheets:
        findings.append(error("poster_too_many_sheets", (field_name,), rows=rows, sheets=sheets,
                              paper=defaults.paper, limit=defaults.max_sheets, per_sheet=per_sheet,
                              max_rows=defaults.max_sheets * per_sheet))
    return findings or _text_size(item, setting)


# Characters of running text one sheet holds at the smallest body size (A3 at 12.8 pt:
# about 57 a line, 55 lines; A4 alike at its own scale), rounded up so that only a
# poster that surely exceeds the limit is refused: a 1.9 MB notice made 1,290 sheets.
CHARS_PER_SHEET = 4000


def _text_size(item: Envelope, setting: Setting) -> list[Finding]:
    """Every kind, not only tables: the sheets its text needs at least."""
    defaults = setting.defaults
    longest: tuple[int, FieldPath] = (0, ())
    total = 0
    for path, text in _strings(item.model_dump()):
        total += len(text)
        longest = max(longest, (len(text), path))
    sheets = math.ceil(total / CHARS_PER_SHEET)
    if sheets <= defaults.max_sheets:
        return []
    return [error("poster_text_too_long", longest[1], chars=total, sheets=sheets,
                  limit=defaults.max_sheets, max_chars=defaults.max_sheets * CHARS_PER_SHEET)]


# A run of characters with no place to break a line (no space, no Chinese character, no
# punctuation) wider than any column: a 24,000-character one made the layout run for
# minutes. A URL goes into the QR code, not the text.
MAX_UNBROKEN = 200
_UNBROKEN_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff_=+*#@$%^&~|<>]"
                          + f"{{{MAX_UNBROKEN + 1},}}")


def _unbreakable(item: Envelope) -> list[Finding]:
    findings = []
    for path, text in _strings(item.model_dump()):
        if len(text) > MAX_UNBROKEN and path != ("url",) and (run := _UNBROKEN_RE.search(text)):
            findings.append(error("text_unbreakable", path, length=len(run.group()),
                                  sample=run.group()[:12], limit=MAX_UNBROKEN))
    return findings


def _strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data

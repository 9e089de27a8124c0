"""How many sheets a poster's tables need: refused at `check` above the township's limit.

A 25,000-row relief list passed `check`, then `render` ran for minutes and took
2.6 GB. Rendering costs about 150 KB and 60–120 ms per table row on top of a
~250 MB WeasyPrint (bench/rows_bench.py, docs/performance.md), so the row count
alone decides whether a poster is sane; it is known as soon as the item parses.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from pydantic import BaseModel

from noticeboard.errors import Finding, error

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
    if field_name is None or sheets <= defaults.max_sheets:
        return []
    return [error("poster_too_many_sheets", (field_name,), rows=rows, sheets=sheets,
                  paper=defaults.paper, limit=defaults.max_sheets, per_sheet=per_sheet,
                  max_rows=defaults.max_sheets * per_sheet)]

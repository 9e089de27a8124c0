"""Real published disclosures, copied from ../shared/reference/real-disclosures (read-only):
each checked as published (warnings allowed, exact), rendered, every figure on the poster."""

from __future__ import annotations

from pathlib import Path

from noticeboard.checks.item import CheckedItem, check_item
from noticeboard.checks.settings import find_setting
from tests.layout_audit import CapturingRenderer, audit
from tests.pdftext import page_texts, squeezed

CASES = Path(__file__).resolve().parent


def check_case(case: str, file: str) -> CheckedItem:
    folder = CASES / case
    setting, findings = find_setting(folder)
    assert findings == []
    return check_item(folder / file, setting)


def found(checked: CheckedItem) -> list[tuple[str, int | None, str, str]]:
    return [(f.severity.value, f.line, f.field_text(), f.message()) for f in checked.findings]


def rendered_text(checked: CheckedItem) -> str:
    """The poster's text, whitespace removed, after a layout audit that finds nothing wrong."""
    renderer = CapturingRenderer(write_pdf=True)
    poster = renderer.render(checked)
    assert audit(renderer.document).problems == []
    return "".join(squeezed(text) for text in page_texts(poster.pdf))

"""The site's last guard: no page, data file or search index holds a personal number.

The checks already refused every item that carries one, and each poster was read
back before it was written; this reads every text file the site is about to
publish the same way (as a reader sees it: tags as line breaks, character
references decoded), so a page template, a settings file or text pieced together
for the search index cannot put one online either. Only the official contact
numbers (a village's 监督电话, the township's 举报电话, an item's own) may appear.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from noticeboard.checks.item import CheckedItem
from noticeboard.checks.privacy import ITEM_CONTACT_FIELDS, KIND_NAMES
from noticeboard.errors import Finding, error
from noticeboard.personal_data import Kind, find_numbers

TEXT_SUFFIXES = frozenset({".html", ".csv", ".json", ".jsonl", ".js", ".css", ".txt", ".sig"})
_TAG_RE = re.compile(r"\s*<[^<>]*>\s*")
# Hashes and keys are long runs of hex or base64 that would now and then hold eleven
# digits in a row: they are set aside before the search (no number hides in one).
_DIGEST_RE = re.compile(r"(?<![0-9A-Za-z+/])"
                        r"(?:(?=[0-9]*[a-f])[0-9a-f]{40,}|(?=[0-9+/]*[A-Za-z])[A-Za-z0-9+/]{43,}={0,2})"
                        r"(?![0-9A-Za-z+/])")


def official_mobiles(checked: Iterable[CheckedItem]) -> set[str]:
    """Mobiles the posters print by design: the contact fields of items and settings."""
    texts: list[str | None] = []
    for one in checked:
        setting = one.setting
        texts += [getattr(one.item, str(name[0]), None) for name in ITEM_CONTACT_FIELDS]
        texts.append(setting.village.phone if setting.village else None)
        texts.append(setting.township.hotline if setting.township else None)
    return {hit.digits for text in texts if isinstance(text, str)
            for hit in find_numbers(text) if hit.kind is Kind.MOBILE}


def as_read(name: str, data: bytes) -> str:
    """The file's text as a person reading it sees it."""
    text = data.decode("utf-8", errors="replace")
    if name.endswith(".html"):
        text = html.unescape(_TAG_RE.sub("\n", text))
    elif name.endswith((".json", ".jsonl", ".js")):  # `\u0031…` escapes in JSON strings
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return _DIGEST_RE.sub("#", text)


def guard_files(files: dict[str, bytes], allowed: set[str], site: Path) -> list[Finding]:
    """A finding naming each file that holds a personal number, and the number masked."""
    findings = []
    for name, data in sorted(files.items()):
        if Path(name).suffix not in TEXT_SUFFIXES:
            continue
        reported: set[str] = set()
        for hit in find_numbers(as_read(name, data)):
            if hit.digits in reported or (hit.kind is Kind.MOBILE and hit.digits in allowed):
                continue
            reported.add(hit.digits)
            findings.append(error("site_privacy_guard", page=str(site / name),
                                  what=KIND_NAMES[hit.kind], masked=hit.masked))
    return findings

"""Can some installed font draw every character of an item? Asked at `check`, so that a
clean check means the poster renders without blank boxes.

Pango (under WeasyPrint) falls back through every font fontconfig knows when the
configured family lacks a character, and draws a blank box only when none has it.
So the question is answered from the union of all installed fonts' character sets,
read once per process with one `fc-list` call (about 0.1 s), without loading WeasyPrint.
"""

from __future__ import annotations

import bisect
import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable

# Characters no font needs to draw: controls, format marks, spaces, line breaks. Control
# and format characters are judged by the value checks, not here.
_NOT_DRAWN = {"Cc", "Cf", "Zs", "Zl", "Zp", "Cs"}


@functools.cache
def installed_coverage() -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Merged code point ranges (starts, ends) of all installed fonts; None when fontconfig
    is not there to ask (Windows without WSL): then the check is skipped, not guessed."""
    if shutil.which("fc-list") is None:
        return None
    try:
        result = subprocess.run(["fc-list", "--format", "%{charset}\n"], capture_output=True,
                                text=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return _merge(parse_charsets(result.stdout))


def parse_charsets(text: str) -> list[tuple[int, int]]:
    """fontconfig's `20-7e a0-17f 192` as [(0x20, 0x7e), (0xa0, 0x17f), (0x192, 0x192)]."""
    ranges = []
    for token in text.split():
        first, _, last = token.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    return ranges


def _merge(ranges: list[tuple[int, int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    merged: list[list[int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return tuple(r[0] for r in merged), tuple(r[1] for r in merged)


def needs_a_glyph(char: str) -> bool:
    return unicodedata.category(char) not in _NOT_DRAWN


def covered(char: str, coverage: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    starts, ends = coverage
    index = bisect.bisect_right(starts, ord(char)) - 1
    return index >= 0 and ord(char) <= ends[index]


def uncovered(texts: Iterable[str]) -> list[str]:
    """Characters of `texts` (first-seen order) that no installed font can draw."""
    coverage = installed_coverage()
    if coverage is None:
        return []
    seen: dict[str, None] = {}
    for text in texts:
        for char in text:
            if char not in seen and needs_a_glyph(char) and not covered(char, coverage):
                seen[char] = None
    return list(seen)

"""Text that is safe to print on a terminal: nothing in it can move the cursor,
retitle the window, reorder the line or hide itself.

Values and file names are hostile input. An ESC sequence (`\\x1b]0;…\\x07`) in a
file name retitles the clerk's terminal; a right-to-left override (U+202E)
makes `gpj.exe` read as `exe.jpg`; a zero-width space hides a difference.
Every such character is shown escaped, the way Python writes it.
"""

from __future__ import annotations

import functools
import unicodedata

# Control (Cc), format (Cf: bidi, zero-width, soft hyphen, tags), line and paragraph
# separators, and surrogates (undecodable bytes in a file name, which cannot even
# be encoded for output). Spaces stay, and so do private-use characters: a
# terminal draws them as boxes, and a message about a missing glyph must show them.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


@functools.lru_cache(maxsize=4096)
def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def terminal_safe(text: str, keep: str = "") -> str:
    """`text` with every non-printing character escaped (`\\x1b`, `\\u202e`), except
    those in `keep` (line breaks and tabs, when printing a whole file)."""
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(_escape(c) if _unsafe(c) and c not in keep else c for c in text)

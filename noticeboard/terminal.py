"""Text that is safe to print on a terminal: nothing in it can move the cursor,
retitle the window, reorder the line or hide itself.

Values and file names are hostile input. An ESC sequence (`\\x1b]0;…\\x07`) in a
file name retitles the clerk's terminal; a right-to-left override (U+202E)
makes `gpj.exe` read as `exe.jpg`; a zero-width space hides a difference.
Every such character is shown escaped, the way Python writes it.
"""

from __future__ import annotations

import codecs
import functools
import sys
import unicodedata
from typing import Any

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


# --- output streams that cannot hold every character ---
#
# Chinese Windows writes redirected output (`noticeboard check > 结果.txt`) in GBK, which
# has no ¥ − ✓; an ASCII console has no Chinese at all. Python raises on the first such
# character: the run would die with exit 70 half-way through its report. Instead each
# stream that cannot hold everything writes what it can and escapes the rest (`\xa5`),
# and the run names the stream's encoding once, at its end.

_ESCAPE_HANDLER = "noticeboard-escape"
_escaped: dict[str, int] = {}  # stream encoding -> characters escaped in this run


def _escape_and_count(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _escaped[exc.encoding] = _escaped.get(exc.encoding, 0) + (exc.end - exc.start)
    return "".join(_escape(ch) for ch in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_ESCAPE_HANDLER, _escape_and_count)

# Encodings that hold every character: nothing to guard.
_WHOLE_UNICODE = frozenset({"utf-8", "utf-16", "utf-32", "gb18030", "utf-8-sig"})


def guard_streams(*streams: Any) -> None:
    """Let each text stream that cannot hold every character escape what it cannot."""
    for stream in streams or (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None or _holds_everything(encoding):
            continue
        try:
            reconfigure(errors=_ESCAPE_HANDLER)
        except (ValueError, OSError):  # closed, or already written in a way that forbids it
            continue


def _holds_everything(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in _WHOLE_UNICODE
    except LookupError:
        return False


def escaped_note() -> tuple[str, int] | None:
    """(the encoding, how many characters were escaped) once something was; then None."""
    if not _escaped:
        return None
    encoding, count = next(iter(_escaped.items()))
    _escaped.clear()
    return encoding, count

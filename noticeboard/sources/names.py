"""File names: which files are items, and the harmless form of a name an output takes."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

ITEM_SUFFIXES = frozenset({".yaml", ".yml"})


# Names Windows reserves for devices, whatever the extension (CON.pdf is the console).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}


# Characters Windows refuses in file names, and control characters.
_UNSAFE_CHARACTERS = re.compile(r'[/\\<>:"|?*\x00-\x1f\x7f]')


def safe_name(name: str) -> str:
    """A single, harmless path component: no separators, no `..`, no device names."""
    name = _UNSAFE_CHARACTERS.sub("_", name).strip().rstrip(". ")
    if not name or set(name) <= {"."}:
        return "_"
    if name.split(".")[0].upper() in _RESERVED:
        return f"_{name}"
    return name


def output_key(stem: Path) -> str:
    """The name a case-folding, normalising file system (Windows, macOS) gives an output.

    `A.pdf` and `a.pdf`, or é written as one code point and as e + accent, are one
    file there; so they must be one name here.
    """
    return unicodedata.normalize("NFC", stem.as_posix()).casefold()


def undecodable_name(path: Path) -> tuple[str, str, str | None] | None:
    """(the name shown escaped, this machine's encoding, the name read in another encoding)
    when the item's name or its folder's holds bytes this machine cannot read as text:
    a zip from Chinese Windows names its files in GBK, a UTF-8 machine reads them as
    `\\udcb6\\udcfe` (and a GB18030 one reads UTF-8 names so). Written into the state file,
    the report or a PDF, such a name cannot be encoded: it is refused at `check`."""
    for part in (path.name, path.parent.name):
        if not any("\udc80" <= ch <= "\udcff" for ch in part):
            continue
        raw = os.fsencode(part)
        guess = next(iter(_decodings(raw)), None)
        shown = part.encode("utf-8", "backslashreplace").decode("utf-8")
        return shown, sys.getfilesystemencoding(), guess
    return None


def _decodings(raw: bytes) -> list[str]:
    found = []
    for encoding in ("utf-8", "gb18030"):
        try:
            found.append(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return found

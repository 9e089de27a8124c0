"""File names: which files are items, and the harmless form of a name an output takes."""

from __future__ import annotations

import re
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

"""Posters as archives: the YAML embedded in a PDF, read back out years later."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from noticeboard.config import TOWNSHIP_FILE, VILLAGE_FILE
from noticeboard.errors import NoticeboardError, error


def embedded_files(pdf: Path) -> dict[str, bytes]:
    """Every file attached to a PDF, by name; refused clearly when it is not a poster."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not for clerks
    try:
        attachments = PdfReader(pdf).attachments
        files = {name: contents[0] for name, contents in attachments.items() if contents}
    except (OSError, PdfReadError, ValueError, KeyError) as exc:
        raise NoticeboardError([error("pdf_unreadable", reason=str(exc)).located(pdf, {})]) from None
    # Each file is listed twice: under its Unicode name and its name in PDFDocEncoding
    # (UTF-8 bytes read as Latin letters). Keep one name per file, the Unicode one.
    by_data: dict[bytes, list[str]] = {}
    for name, data in files.items():
        if name.endswith((".yaml", ".yml")):
            by_data.setdefault(data, []).append(name)
    readable = {max(names, key=_unicode_name_first): data for data, names in by_data.items()}
    if not any(name not in (VILLAGE_FILE, TOWNSHIP_FILE) for name in readable):
        raise NoticeboardError([error("pdf_no_source").located(pdf, {})])
    return readable


def _unicode_name_first(name: str) -> tuple[bool, str]:
    return any(ord(ch) > 0xFF for ch in name) or name.isascii(), name


def item_source(pdf: Path) -> tuple[str, bytes]:
    """The item's file name and bytes, exactly as the clerk saved them."""
    files = embedded_files(pdf)
    name = next(n for n in files if n not in (VILLAGE_FILE, TOWNSHIP_FILE))
    return name, files[name]


def unpack(pdf: Path) -> Path:
    """Recreate township/village/item folders from a poster; return the item's path."""
    files = embedded_files(pdf)
    root = Path(tempfile.mkdtemp(prefix="noticeboard-poster-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    village = root / "village"
    village.mkdir()
    for name, data in files.items():
        target = root / name if name == TOWNSHIP_FILE else village / name
        target.write_bytes(data)
    name, _ = item_source(pdf)
    return village / name

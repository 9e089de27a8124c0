"""Posters as archives: the YAML embedded in a PDF, read back out years later.

An archived poster is untrusted input: it may have been mailed around, cut
short, damaged, or crafted by someone who wants the tool to write where it
should not. So:

- everything pypdf does happens inside `_pypdf_boundary`: one place that turns
  any of its errors into a clear message, silences its repair notes for that
  call only, and applies tight resource limits for that call only;
- the size of the file, its page and object counts and every attachment's size
  after decompression are bounded (decompression stops at the limit: a bomb is
  never inflated whole);
- attachment names are reduced to a plain base name; absolute names and names
  with `..` are refused; files are created only inside a private temp folder,
  never over an existing file.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noticeboard.errors import NoticeboardError, error
from noticeboard.sources.loader import MAX_FILE_BYTES
from noticeboard.sources.names import ITEM_SUFFIXES, safe_name
from noticeboard.sources.settings import SETTINGS_FILES, TOWNSHIP_FILE

# Posters are tens of kilobytes to a few megabytes; these leave room for long
# items while keeping a crafted file from costing minutes or gigabytes.
MB = 1024 * 1024
MAX_PDF_BYTES = 50 * MB
MAX_PAGES = 500
MAX_OBJECTS = 100_000
MAX_ATTACHMENTS = 16
MAX_ATTACHMENT_BYTES = MAX_FILE_BYTES  # the loader refuses bigger item files anyway
MAX_NAME_TREE_DEPTH = 8
# Every other stream pypdf may have to decode while reading the structure
# (cross-reference and object streams) is bounded too.
MAX_STREAM_BYTES = 16 * MB


@dataclass(frozen=True)
class Attachment:
    """One YAML file carried by a poster, under a name safe to create in a folder."""

    name: str
    data: bytes


class _Refusal(Exception):
    """A reason to refuse the PDF, raised inside the pypdf boundary and passed through it."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


def embedded_files(pdf: Path) -> dict[str, bytes]:
    """Every YAML file attached to a poster, by safe name; refused clearly otherwise."""
    try:
        attachments = _attachments(pdf)
    except _Refusal as refusal:
        raise NoticeboardError([error(refusal.code, **refusal.params).located(pdf, {})]) from None
    if not any(a.name not in SETTINGS_FILES for a in attachments):
        raise NoticeboardError([error("pdf_no_source").located(pdf, {})])
    return {a.name: a.data for a in attachments}


def item_source(pdf: Path) -> tuple[str, bytes]:
    """The item's file name and bytes, exactly as the clerk saved them."""
    files = embedded_files(pdf)
    name = _item_name(files, pdf)
    return name, files[name]


def _item_name(files: dict[str, bytes], pdf: Path) -> str:
    items = [name for name in files if name not in SETTINGS_FILES]
    if len(items) > 1:  # the tool attaches exactly one item; which one would be a guess
        raise NoticeboardError([error("pdf_several_items", names="、".join(items)).located(pdf, {})])
    return items[0]


def unpack(pdf: Path) -> Path:
    """Recreate township/village/item folders from a poster in a private temp
    folder; return the item's path. Nothing is written outside that folder."""
    files = embedded_files(pdf)  # read once: everything below uses these bytes
    name = _item_name(files, pdf)
    root = Path(tempfile.mkdtemp(prefix="noticeboard-poster-")).resolve()  # mode 0700
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    village = root / "village"
    village.mkdir()
    for file_name, data in files.items():
        folder = root if file_name == TOWNSHIP_FILE else village
        target = folder / file_name
        if target.resolve().parent != folder:  # belt and braces: the name was reduced already
            raise NoticeboardError([error("pdf_attachment_name", name=file_name).located(pdf, {})])
        try:
            with target.open("xb") as stream:  # never over an existing file or symlink
                stream.write(data)
        except OSError:  # two names that a case-insensitive disk takes for one
            raise NoticeboardError([error("pdf_attachment_name", name=file_name)
                                    .located(pdf, {})]) from None
    return village / name


# ---- reading the PDF: the single boundary around pypdf --------------------------

def _attachments(pdf: Path) -> list[Attachment]:
    data = _read_bounded(pdf)
    if not data.lstrip()[:5] == b"%PDF-":
        raise _Refusal("pdf_not_pdf")
    with _pypdf_boundary():
        stored = _stored_attachments(data)
    attachments: list[Attachment] = []
    for names, content in stored:
        name = _safe_base_name(names)
        if Path(name).suffix.lower() not in ITEM_SUFFIXES:
            continue  # not something this tool attached; ignored, never written
        if any(a.name == name for a in attachments):
            raise _Refusal("pdf_attachment_twice", name=name)
        attachments.append(Attachment(name, content))
    return attachments


def _read_bounded(pdf: Path) -> bytes:
    try:
        with pdf.open("rb") as stream:
            # The size first: read(limit) would reserve the whole limit in memory up front.
            if os.fstat(stream.fileno()).st_size > MAX_PDF_BYTES:
                raise _Refusal("pdf_too_large", limit=MAX_PDF_BYTES // MB)
            return stream.read()
    except OSError:
        raise _Refusal("pdf_cannot_open") from None


@contextmanager
def _pypdf_boundary() -> Iterator[None]:
    """Limits and quiet for pypdf during one read; any error it raises means a damaged file."""
    from pypdf import Configuration
    from pypdf._configuration import apply_configuration  # public in pypdf's docs, not re-exported

    limits = {name: MAX_STREAM_BYTES for name in (
        "maximum_declared_stream_length", "array_based_stream_maximum_output_length",
        "jbig2_maximum_output_length", "lzw_maximum_output_length",
        "run_length_maximum_output_length", "zlib_maximum_output_length",
        "brotli_maximum_output_length", "image_maximum_buffer_size",
        "stream_decoding_work_maximum_length")} | {
        "stream_filters_maximum_length": 4, "page_tree_maximum_entries": MAX_PAGES * 2,
        "zlib_maximum_recovery_input_length": 0}
    limits = {k: v for k, v in limits.items() if k in Configuration.__dataclass_fields__}
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)  # its repair notes are not for clerks; restored below
    try:
        with warnings.catch_warnings(), apply_configuration(**limits):  # type: ignore[arg-type]
            warnings.simplefilter("ignore")
            yield
    except _Refusal:
        raise
    except Exception:  # pypdf raises many kinds on fuzzed input (ValueError, KeyError, ...)
        raise _Refusal("pdf_damaged") from None
    finally:
        logger.setLevel(level)


def _stored_attachments(data: bytes) -> list[tuple[list[Any], bytes]]:
    """(names, contents) of each attached file. Strict: the tool writes well-formed
    PDFs, so one that needs repair was damaged or altered."""
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data), strict=True, xref_stream_maximum_entries=MAX_OBJECTS)
    if reader.is_encrypted:
        raise _Refusal("pdf_encrypted")
    objects = sum(len(entries) for entries in reader.xref.values()) + len(reader.xref_objStm)
    if objects > MAX_OBJECTS:
        raise _Refusal("pdf_too_many_objects", count=objects, limit=MAX_OBJECTS)
    pages = len(reader.pages)
    if pages > MAX_PAGES:
        raise _Refusal("pdf_too_many_pages", count=pages, limit=MAX_PAGES)
    specs = list(_name_tree(_embedded_files_tree(reader.trailer["/Root"]), 0))
    if len(specs) > MAX_ATTACHMENTS:
        raise _Refusal("pdf_too_many_attachments", count=len(specs), limit=MAX_ATTACHMENTS)
    return [(names, _contents(spec, names)) for names, spec in specs]


def _embedded_files_tree(root: Any) -> Any:
    names = root.get_object().get("/Names")
    return None if names is None else names.get_object().get("/EmbeddedFiles")


def _name_tree(node: Any, depth: int) -> Iterator[tuple[list[Any], Any]]:
    """(names, file specification) pairs. pypdf's own walker trips over keys it reads
    as byte strings (UTF-8 names such as 通知.yaml), so the tree is walked here."""
    if node is None:
        return
    if depth > MAX_NAME_TREE_DEPTH:
        raise ValueError("name tree too deep")
    node = node.get_object()
    for kid in node.get("/Kids", []):
        yield from _name_tree(kid, depth + 1)
    pairs = list(node.get("/Names", []))
    for key, value in zip(pairs[::2], pairs[1::2], strict=True):
        spec = value.get_object()
        # /UF (Unicode) is the name readers shall use; /F and the tree key are older spellings.
        yield [spec.get(k) for k in ("/UF", "/F") if spec.get(k) is not None] + [key], spec


def _contents(spec: Any, names: list[Any]) -> bytes:
    """The attachment's bytes, decompressed no further than the limit."""
    from pypdf._configuration import apply_configuration
    from pypdf.errors import LimitReachedError

    stream = spec["/EF"].get("/UF", spec["/EF"].get("/F")).get_object()
    label = _display_name(names[0])
    declared = stream.get("/Params", {}).get("/Size")
    if isinstance(declared, int) and declared > MAX_ATTACHMENT_BYTES:
        raise _Refusal("pdf_attachment_too_large", name=label, limit=MAX_ATTACHMENT_BYTES // MB)
    limit = MAX_ATTACHMENT_BYTES + 1  # one byte over tells "too large" from "exactly the limit"
    try:
        with apply_configuration(zlib_maximum_output_length=limit, lzw_maximum_output_length=limit,
                                 run_length_maximum_output_length=limit,
                                 stream_decoding_work_maximum_length=limit):
            data = stream.get_data()
    except LimitReachedError as exc:
        if "Recovery" in str(exc):  # pypdf's attempt to repair a broken stream, switched off
            raise _Refusal("pdf_damaged") from None
        raise _Refusal("pdf_attachment_too_large", name=label,
                       limit=MAX_ATTACHMENT_BYTES // MB) from None
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _Refusal("pdf_attachment_too_large", name=label, limit=MAX_ATTACHMENT_BYTES // MB)
    return bytes(data)


# ---- names ---------------------------------------------------------------------

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _display_name(raw: Any) -> str:
    """A name as text: PDF byte strings hold UTF-8 when this tool wrote them."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)
    return _CONTROL.sub("_", text)  # shown to the clerk and used as a file name


def _safe_base_name(names: list[Any]) -> str:
    """The base name to create the file under. Every spelling the PDF gives is checked:
    another reader might use another one, and none should point elsewhere."""
    for raw in names:
        text = _display_name(raw)
        parts = re.split(r"[\\/]", text)
        if text.startswith(("/", "\\")) or _DRIVE.match(text) or ".." in parts:
            raise _Refusal("pdf_attachment_name", name=text)
    return safe_name(re.split(r"[\\/]", _display_name(names[0]))[-1])

"""Crafted poster PDFs for the hostile corpus: built with pypdf inside each test."""

from __future__ import annotations

import io
import re
import zlib

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

ITEM = "kind: notice\ntitle: 关于召开村民代表会议的通知\nperiod: 2026-11\nposted: 2026-11-20\nbody: 开会\n"


class Deflated(bytes):
    """Attachment bytes that are already deflated: stored as they are, with /FlateDecode."""


def _pdf_string(value: str | bytes) -> TextStringObject | ByteStringObject:
    return ByteStringObject(value) if isinstance(value, bytes) else TextStringObject(value)


def crafted(files: list[tuple[str | bytes, bytes]], pages: int = 1, password: str | None = None) -> bytes:
    """A PDF whose attachments have exactly the given names (text or bytes) and contents."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(100, 100)
    names = ArrayObject()
    for name, data in files:
        stream = DecodedStreamObject()
        stream.set_data(bytes(data))
        if isinstance(data, Deflated):
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
        spec = DictionaryObject({
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): _pdf_string(name), NameObject("/UF"): _pdf_string(name),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(stream)}),
        })
        names += [_pdf_string(name), writer._add_object(spec)]
    writer._root_object[NameObject("/Names")] = DictionaryObject({
        NameObject("/EmbeddedFiles"): DictionaryObject({NameObject("/Names"): names})})
    if password is not None:
        writer.encrypt(password, algorithm="RC4-128")  # needs no extra library
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb(megabytes: int) -> Deflated:
    """`megabytes` MB of zeros, deflated chunk by chunk (a few hundred KB, never whole in memory)."""
    compressor = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    parts = [compressor.compress(zeros) for _ in range(megabytes)]
    return Deflated(b"".join(parts) + compressor.flush())


def absurd_startxref(pdf: bytes) -> bytes:
    return re.sub(rb"startxref\s+\d+", b"startxref\n999999999999999999", pdf)


def fuzzed_trailer(pdf: bytes) -> bytes:
    """Every third byte from `trailer` to the end flipped."""
    start = pdf.rfind(b"trailer")
    data = bytearray(pdf)
    for index in range(start, len(data), 3):
        data[index] ^= 0x5A
    return bytes(data)

"""Smaller PDFs: re-subset the CJK fonts WeasyPrint embeds, without keeping glyph ids.

WeasyPrint subsets each face keeping the original glyph ids, so a CJK face
keeps an index entry for every id up to the highest used: 100–150 KB per face
for a few hundred characters. Here each embedded CID-keyed OpenType face is
subset again to just its glyphs and embedded as a bare CFF (`CIDFontType0C`).
For such a font the viewer finds a glyph through the CFF charset by CID, and
the charset is written so that each glyph's CID is the code the page already
uses (the old glyph id): the page content, widths and Unicode maps stay as they
are. A relief poster goes from 444 KB to 59 KB.

This module works on font bytes only; `engine.write_pdf` calls it on each face
while WeasyPrint writes the PDF (its `finisher` hook), so the PDF is written
once, as WeasyPrint writes it (PDF 1.7, cross-reference stream). For the system's
CJK faces WeasyPrint's own subsetting is skipped (engine.py), and the face is
subset once, here, straight from the font file (a TrueType/OpenType collection
and the face's index in it).
"""

from __future__ import annotations

import ctypes
import functools
import struct
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont


def codes_in_widths(widths: Sequence[Any]) -> list[int]:
    """Every code with a width in a CIDFont's /W array (`c [w1 w2 …]` or `c_first
    c_last w` entries): WeasyPrint writes one for each glyph it draws."""
    items, codes, index = list(widths), {0}, 0
    while index < len(items):
        start, following = int(items[index]), items[index + 1]
        if isinstance(following, list):
            codes.update(range(start, start + len(following)))
            index += 2
        else:
            codes.update(range(start, int(following) + 1))
            index += 3
    return sorted(codes)


def compact_cff(otf: bytes, codes: list[int], index: int = 0) -> bytes:
    """A bare CID-keyed CFF holding just `codes` (glyph ids of face `index` of the font
    file `otf`), each under CID = its code."""
    old_cids = cids_by_glyph(otf, index)
    # WeasyPrint draws a character no font has with an id past the font's glyphs.
    codes = [code for code in codes if code < len(old_cids)]
    # recalcBBoxes=False: renaming glyphs changes no outline, and recomputing the
    # font box would decompile every charstring.
    font = TTFont(BytesIO(_subset(otf, codes, index)), recalcBBoxes=False)
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    cid_name = {(".notdef" if code == 0 else f"cid{old_cids[code]:05d}"):
                (".notdef" if code == 0 else f"cid{code:05d}") for code in codes}
    names = [cid_name.get(name, name) for name in top.charset]
    spare = max(codes) + 1
    for index, name in enumerate(names):  # glyphs the subsetter added on its own: unused
        if name not in cid_name.values():
            while f"cid{spare:05d}" in names:
                spare += 1
            names[index] = f"cid{spare:05d}"
            spare += 1
    renamed = dict(zip(top.charset, names, strict=True))
    top.CharStrings.charStrings = {renamed[n]: i for n, i in top.CharStrings.charStrings.items()}
    top.charset = names
    font.setGlyphOrder(names)
    output = BytesIO()
    cff.compile(output, font, isCFF2=False)
    return output.getvalue()


def cids_by_glyph(otf: bytes, index: int = 0) -> list[int]:
    """The CID of every glyph of face `index` of a CID-keyed OpenType font file.

    Reading a whole CJK face's CFF table takes ~40 ms, so the answer is kept per face,
    known by where its CFF table lies in the file and the checksum the file records
    for it (the same system font file is embedded in every poster)."""
    table = TTFont(BytesIO(otf), lazy=True, fontNumber=index).reader.tables["CFF "]
    return list(_cids_of_face(otf, index, (len(otf), table.offset, table.length, table.checkSum)))


_FACE_CACHE_SIZE = 16  # faces: a poster uses three
_FACE_CIDS: dict[tuple[int, int, int, int, int], tuple[int, ...]] = {}


def _cids_of_face(otf: bytes, index: int, where: tuple[int, int, int, int]) -> tuple[int, ...]:
    key = (index, *where)
    if key not in _FACE_CIDS:
        if len(_FACE_CIDS) >= _FACE_CACHE_SIZE:
            _FACE_CIDS.pop(next(iter(_FACE_CIDS)))
        _FACE_CIDS[key] = tuple(_read_cids(otf, index))
    return _FACE_CIDS[key]


def _read_cids(otf: bytes, index: int) -> list[int]:
    """The CFF charset, read straight from the table (fontTools' charset reader takes
    30 ms for a CJK face; this takes one)."""
    font = TTFont(BytesIO(otf), lazy=True, fontNumber=index)
    table = font.reader["CFF "]
    top = font["CFF "].cff.topDictIndex[0]
    charstrings, charset = top.rawDict["CharStrings"], top.rawDict["charset"]
    count = struct.unpack_from(">H", table, charstrings)[0]
    cids, position, form = [0], charset + 1, table[charset]
    if form == 0:
        return cids + list(struct.unpack_from(f">{count - 1}H", table, position))
    while len(cids) < count:  # formats 1 and 2: ranges of consecutive CIDs
        first = struct.unpack_from(">H", table, position)[0]
        left = table[position + 2] if form == 1 else struct.unpack_from(">H", table, position + 2)[0]
        cids.extend(range(first, first + left + 1))
        position += 3 if form == 1 else 4
    return cids[:count]


def _subset(otf: bytes, codes: list[int], index: int) -> bytes:
    harfbuzz = _harfbuzz()
    if harfbuzz is not None:
        return harfbuzz(otf, codes, index)
    options = ft_subset.Options(retain_gids=False, notdef_outline=True, desubroutinize=True,
                                hinting=False, glyph_names=True)
    options.drop_tables += ["GSUB", "GPOS", "SVG ", "vmtx", "vhea", "VORG"]
    font = TTFont(BytesIO(otf), fontNumber=index)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(gids=codes)
    subsetter.subset(font)
    output = BytesIO()
    font.save(output)
    return output.getvalue()


@functools.cache
def _harfbuzz() -> Any:
    """HarfBuzz's subsetter through ctypes (100× faster than fontTools), or None."""
    try:
        hb = ctypes.CDLL("libharfbuzz.so.0")
        hbs = ctypes.CDLL("libharfbuzz-subset.so.0")
    except OSError:
        return None
    pointer = ctypes.c_void_p
    for function, restype, argtypes in (
        (hb.hb_blob_create, pointer, [ctypes.c_char_p, ctypes.c_uint, ctypes.c_int, pointer, pointer]),
        (hb.hb_face_create, pointer, [pointer, ctypes.c_uint]),
        (hb.hb_face_reference_blob, pointer, [pointer]),
        (hb.hb_blob_get_data, ctypes.POINTER(ctypes.c_char), [pointer, ctypes.POINTER(ctypes.c_uint)]),
        (hb.hb_set_add, None, [pointer, ctypes.c_uint]),
        (hb.hb_blob_destroy, None, [pointer]),
        (hb.hb_face_destroy, None, [pointer]),
        (hb.hb_tag_from_string, ctypes.c_uint32, [ctypes.c_char_p, ctypes.c_int]),
        (hbs.hb_subset_input_create_or_fail, pointer, []),
        (hbs.hb_subset_input_glyph_set, pointer, [pointer]),
        (hbs.hb_subset_input_set, pointer, [pointer, ctypes.c_int]),
        (hbs.hb_subset_input_set_flags, None, [pointer, ctypes.c_uint]),
        (hbs.hb_subset_or_fail, pointer, [pointer, pointer]),
        (hbs.hb_subset_input_destroy, None, [pointer]),
    ):
        function.restype, function.argtypes = restype, argtypes  # type: ignore[assignment]
    no_hinting, desubroutinize, notdef_outline = 0x1, 0x4, 0x40  # hb-subset.h
    drop_table_tags = 3  # HB_SUBSET_SETS_DROP_TABLE_TAG

    def subset(otf: bytes, codes: list[int], index: int) -> bytes:
        blob = hb.hb_blob_create(otf, len(otf), 1, None, None)  # 1: read-only, no copy
        face = hb.hb_face_create(blob, index)
        plan = hbs.hb_subset_input_create_or_fail()
        result = None
        try:
            glyphs = hbs.hb_subset_input_glyph_set(plan)
            for code in codes:
                hb.hb_set_add(glyphs, code)
            hbs.hb_subset_input_set_flags(plan, no_hinting | desubroutinize | notdef_outline)
            dropped = hbs.hb_subset_input_set(plan, drop_table_tags)
            for tag in (b"GSUB", b"GPOS", b"SVG ", b"vmtx", b"vhea", b"VORG", b"BASE", b"DSIG"):
                hb.hb_set_add(dropped, hb.hb_tag_from_string(tag, -1))
            result = hbs.hb_subset_or_fail(face, plan)
            if not result:
                raise ValueError("HarfBuzz could not subset the font")
            data_blob = hb.hb_face_reference_blob(result)
            length = ctypes.c_uint()
            data = ctypes.string_at(hb.hb_blob_get_data(data_blob, ctypes.byref(length)), length.value)
            hb.hb_blob_destroy(data_blob)
            return data
        finally:
            if result:
                hb.hb_face_destroy(result)
            hbs.hb_subset_input_destroy(plan)
            hb.hb_face_destroy(face)
            hb.hb_blob_destroy(blob)

    return subset

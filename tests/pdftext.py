"""Reading our PDFs back, with two independent engines."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2


def page_texts(pdf: Path | bytes) -> list[str]:
    """Text of each page as pypdf extracts it."""
    source = pdf if isinstance(pdf, Path) else io.BytesIO(pdf)
    return [page.extract_text() for page in pypdf.PdfReader(source).pages]


def squeezed(text: str) -> str:
    """Text without whitespace: table cells may wrap anywhere."""
    return "".join(text.split())


def pdfium_texts(pdf: Path | bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def page_sizes(pdf: Path | bytes) -> list[tuple[float, float]]:
    source = pdf if isinstance(pdf, Path) else io.BytesIO(pdf)
    return [(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in pypdf.PdfReader(source).pages]


def char_boxes(pdf: Path | bytes) -> list[tuple[float, float, list[tuple[float, ...]]]]:
    """Per page: its width, height, and the box of every character (pdfium's view)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage()
            width, height = page.get_size()
            boxes = [text.get_charbox(i) for i in range(text.count_chars())]
            pages.append((width, height, [b for b in boxes if b[2] > b[0]]))
    finally:
        document.close()
    return pages

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

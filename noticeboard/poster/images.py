"""A finished poster as PNG images, for phones and the preview (pdfium, not WeasyPrint)."""

from __future__ import annotations

from io import BytesIO


def page_images(pdf: bytes, width_px: int, optimize: bool = False) -> list[bytes]:
    """Each page as PNG bytes, `width_px` wide (pdfium, a maintained rasteriser)."""
    import pypdfium2  # only images need it

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            buffer = BytesIO()
            image = page.render(scale=width_px / page.get_width()).to_pil()
            image.save(buffer, format="PNG", optimize=optimize)
            images.append(buffer.getvalue())
    finally:
        document.close()
    return images


"""Golden images and golden text of the example posters (issues 15 and 17).

`make golden` (python -m tests.golden) renders every example and writes its pages as
low-resolution greyscale PNGs to tests/golden/, and the notice with every element of
an official notice as `pdftotext -layout` text. Run it on purpose after a template,
stylesheet or WeasyPrint change, and look at the images in review.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from noticeboard.checks.item import CheckedItem, check_item
from noticeboard.checks.settings import find_setting
from noticeboard.poster.render import Renderer
from tests.conftest import EXAMPLES, TOWNSHIP_YAML, VILLAGE_YAML, write
from tests.stress_posters import EVERY_ELEMENT, notice

GOLDEN = Path(__file__).resolve().parent / "golden"
DPI = 30  # an A3 page is 351 x 496 pixels: a moved rule or line shows, files stay small
NOTICE_TEXT = GOLDEN / "notice-every-element.txt"


def example_items() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*.yaml")
                  if p.name not in ("village.yaml", "township.yaml"))


def image_name(item: Path, page: int) -> str:
    return f"{item.parent.name}-{item.stem}-{page}.png"


def page_images(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    """Each page as a greyscale image, drawn by pdfium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil().convert("L")
                for i in range(len(document))]
    finally:
        document.close()


def checked_example(item: Path) -> CheckedItem:
    setting, _ = find_setting(item.parent)
    return check_item(item, setting)


def notice_layout_text(renderer: Renderer, folder: Path) -> str:
    """The notice with every element, rendered in a fresh township, as pdftotext lays it out."""
    township = folder / "青山镇"
    write(township / "township.yaml", TOWNSHIP_YAML)
    write(township / "双河村" / "village.yaml", VILLAGE_YAML)
    path = township / "双河村" / "notice.yaml"
    path.write_text(notice(EVERY_ELEMENT), encoding="utf-8")
    setting, _ = find_setting(path.parent)
    pdf = folder / "notice.pdf"
    pdf.write_bytes(renderer.render(check_item(path, setting), "A3").pdf)
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True)
    return result.stdout


def main() -> None:
    renderer = Renderer(compact=False)
    GOLDEN.mkdir(exist_ok=True)
    for old in GOLDEN.glob("*.png"):
        old.unlink()
    for item in example_items():
        poster = renderer.render(checked_example(item))
        for number, image in enumerate(page_images(poster.pdf), start=1):
            image.save(GOLDEN / image_name(item, number), optimize=True)
            print(GOLDEN / image_name(item, number))
    with tempfile.TemporaryDirectory() as folder:
        NOTICE_TEXT.write_text(notice_layout_text(renderer, Path(folder)), encoding="utf-8")
    print(NOTICE_TEXT)


if __name__ == "__main__":
    main()

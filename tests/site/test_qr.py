"""The QR on a poster whose township names its site decodes (zbar) to the item's page,
with the version's 核验码, which is printed beside it; the page is there in the site."""

from __future__ import annotations

import shutil
import subprocess
from urllib.parse import unquote, urlsplit

from noticeboard.kinds.record import shown_code
from noticeboard.site.log import read_log
from tests.pdftext import page_texts, squeezed
from tests.site.conftest import BASE


def zbar(png) -> list[str]:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is installed by `make setup` (Debian package zbar-tools)"
    result = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_qr_of_a_rendered_poster_decodes_to_its_page(built):
    _, site, _, _ = built
    log, _ = read_log(site)
    for entry in log.entries:
        version = site / entry.item / entry.code
        last_page = sorted(version.glob("poster-*.png"), key=lambda p: int(p.stem.split("-")[1]))[-1]
        [address] = zbar(last_page)  # the QR is printed at the end
        assert address == f"{BASE}/{'/'.join(map(_quoted, entry.item.split('/')))}/?v={entry.code}"
        path = unquote(urlsplit(address).path).removeprefix(urlsplit(BASE).path + "/")
        assert (site / path / "index.html").is_file(), path
        assert f"核验码{shown_code(entry.code)}" in squeezed(page_texts(version / "poster.pdf")[-1])


def _quoted(part: str) -> str:
    from urllib.parse import quote

    return quote(part)

"""Where an item lives on the township's online board, and the address its QR carries.

The site wing lays its files out by the same rule, so the poster's QR and the page
never disagree: `<village folder>/<item file name>/` below the site's base address.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from noticeboard.kinds.settings import Setting
from noticeboard.sources.names import safe_name

CODE_PARAMETER = "v"  # ?v=<核验码>: the version the scanned poster shows


def item_folder(file: Path, setting: Setting) -> PurePosixPath:
    """The item's folder in the site (and its poster's stem in the output folder)."""
    if setting.village_dir is not None:
        return PurePosixPath(safe_name(setting.village_dir.name)) / safe_name(file.stem)
    return PurePosixPath(safe_name(file.stem))


def page_address(base: str, folder: PurePosixPath, code: str) -> str:
    """`https://…/张家村/2026-Q3-财务/?v=7Q2K9XMD`, the path percent-encoded for any reader."""
    return f"{base.rstrip('/')}/{quote(folder.as_posix())}/?{CODE_PARAMETER}={code}"

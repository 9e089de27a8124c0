"""Every contact with WeasyPrint, in one place.

The rest of the package asks this module to parse a stylesheet, lay out HTML,
measure the laid-out boxes, write a PDF, or report what the machine offers; it
never imports WeasyPrint itself. Each assumption made here about WeasyPrint's
behaviour or internals is pinned by tests/test_engine_contract.py, so an
upgrade that breaks one fails there first, with a clear message, instead of
silently changing posters.

Importing this module imports WeasyPrint (0.6–0.9 s): only rendering code does.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A template's image, font or stylesheet; anything larger is not one.
MAX_RESOURCE_BYTES = 32 * 1024 * 1024
# WeasyPrint needs the type of a stylesheet (`<link>` requires text/css) and of an
# SVG image; it recognises raster images by their bytes. (The `mimetypes` module
# would read the system's type files on first use: reading nothing is simpler.)
CONTENT_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
                 ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
                 ".webp": "image/webp", ".otf": "font/otf", ".ttf": "font/ttf",
                 ".woff": "font/woff", ".woff2": "font/woff2"}


class TemplateFetcher(URLFetcher):
    """The only way WeasyPrint reaches a file: serves regular files whose real path
    (after symlinks) lies inside one of `roots`, and inline `data:` URLs; refuses
    everything else (other files, the network) and remembers what it refused.

    WeasyPrint calls `fetcher(url)`, which `URLFetcher.__call__` sends to `fetch`;
    a refusal raises, which WeasyPrint turns into a logged warning and a missing
    resource, so the caller reads `refused` after laying out and stops the poster.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        # No redirects, no network protocols: even the parent's machinery, used for
        # `data:` URLs only, cannot reach further.
        super().__init__(timeout=1, allowed_protocols={"data"}, allow_redirects=False,
                         fail_on_errors=False)
        self.roots = tuple(dict.fromkeys(Path(os.path.realpath(root)) for root in roots))
        self.refused: list[str] = []
        self.served: list[Path] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: not a file inside {self.roots}")
        with path.open("rb") as stream:
            body = stream.read(MAX_RESOURCE_BYTES + 1)
        if len(body) > MAX_RESOURCE_BYTES:
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: larger than {MAX_RESOURCE_BYTES} bytes")
        self.served.append(path)
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def allowed_path(self, url: str) -> Path | None:
        """The real path a `file:` URL names, if it is a regular file inside a root."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(os.path.realpath(unquote(parts.path)))
        if not any(path.is_relative_to(root) for root in self.roots):
            return None
        return path if path.is_file() else None


def file_url(folder: Path) -> str:
    """A folder's `file:` URL with a trailing slash, for use as a base URL."""
    return folder.resolve().as_uri() + "/"


def font_configuration() -> FontConfiguration:
    """WeasyPrint's font configuration: one per process, shared by every layout."""
    return FontConfiguration()


def parse_stylesheet(source: str, folder: Path, fetcher: TemplateFetcher,
                     font_config: FontConfiguration) -> CSS:
    """A stylesheet whose relative URLs (`@import`, `@font-face`, `url()`) resolve in
    `folder` and are fetched by `fetcher` only."""
    return CSS(string=source, base_url=file_url(folder), url_fetcher=fetcher,
               font_config=font_config)


def parse_html(source: str, folder: Path, fetcher: TemplateFetcher) -> HTML:
    """A document whose relative URLs resolve in `folder` and are fetched by `fetcher` only."""
    return HTML(string=source, base_url=file_url(folder), url_fetcher=fetcher)

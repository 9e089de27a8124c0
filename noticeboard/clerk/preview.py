"""A live preview on localhost: the poster as images, or the findings when the item is invalid.

The page asks the server every second whether the item, its settings or the
templates changed, and reloads when they did; a clerk keeps it open beside the
editor. Everything stays on this computer (the server listens on 127.0.0.1).
"""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlparse

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding, NoticeboardError, has_errors, shown
from noticeboard.poster.render import builtin_template_dir
from noticeboard.run.build import Build
from noticeboard.sources.settings import TOWNSHIP_FILE, VILLAGE_FILE

PREVIEW_WIDTH_PX = 900
POLL_MS = 1000


@dataclass
class Preview:
    """The latest check and images of one item, remade when its inputs change."""

    path: Path
    version: str = ""
    title: str = ""
    findings: list[Finding] = field(default_factory=list)
    images: list[bytes] = field(default_factory=list)


def _neighbours(item: Path) -> list[Path]:
    """The other item files of the item's village folder (a poster PDF, or an item
    outside a village folder, is previewed alone)."""
    if item.suffix.lower() not in (".yaml", ".yml") or not (item.parent / VILLAGE_FILE).is_file():
        return []
    return sorted(p for p in item.parent.glob("*.y*ml")
                  if p != item and p.name not in (VILLAGE_FILE, TOWNSHIP_FILE))


def checked_with_neighbours(item: Path) -> tuple[Build, list[CheckedItem]]:
    """`item` checked together with its folder's other items, as `check` of the folder
    does (the checks across documents see them); only `item`'s own entry is returned."""
    if not _neighbours(item):
        build = Build.for_paths([item])
        return build, build.check()
    build = Build.for_paths([item.parent])
    target = item.resolve()
    mine = [entry for entry in build.check() if entry.path.resolve() == target]
    if not mine:  # not an item of its folder's run (a name discover leaves out)
        build = Build.for_paths([item])
        return build, build.check()
    return build, mine


class PreviewState:
    """What the server shows: the items under the paths, each rendered on demand."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        self.lock = threading.Lock()
        self.previews: dict[Path, Preview] = {}
        self._renderer: Any = None

    def items(self) -> list[Path]:
        return [source.path for source in Build.for_paths(self.paths).workspace.items]

    def version(self, item: Path) -> str:
        """A digest of the modification times of everything the poster is made from."""
        watched = [item, item.parent / VILLAGE_FILE, item.parent.parent / TOWNSHIP_FILE,
                   item.parent / TOWNSHIP_FILE, *builtin_template_dir().iterdir(),
                   *_neighbours(item)]  # the checks across documents read them
        for root in (item.parent, item.parent.parent):
            if (root / "templates").is_dir():
                watched += list((root / "templates").iterdir())
        stamps = [f"{p}:{p.stat().st_mtime_ns}" for p in watched if p.is_file()]
        return hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]

    def preview(self, item: Path) -> Preview:
        with self.lock:
            current = self.version(item)
            cached = self.previews.get(item)
            if cached is None or cached.version != current:
                cached = self._make(item, current)
                self.previews[item] = cached
            return cached

    def _make(self, item: Path, version: str) -> Preview:
        from noticeboard.poster.context import title_of
        from noticeboard.poster.images import page_images
        from noticeboard.poster.render import Renderer

        preview = Preview(item, version, title=shown(item.name))  # numbers masked
        build, checked = checked_with_neighbours(item)
        preview.findings = list(build.workspace.findings) + [
            f for entry in checked for f in entry.findings]
        if not checked or not checked[0].ok or has_errors(preview.findings):
            return preview
        assert checked[0].item is not None
        preview.title = title_of(checked[0].item, checked[0].setting)
        if self._renderer is None:
            self._renderer = Renderer()
        try:
            poster = self._renderer.render(checked[0])
        except NoticeboardError as exc:
            preview.findings += exc.findings
            return preview
        preview.images = page_images(poster.pdf, PREVIEW_WIDTH_PX)
        return preview


PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title} · 预览</title>
<style>
body {{ font-family: "Noto Sans CJK SC", sans-serif; margin: 1.5rem; background: #f4f1ec; }}
h1 {{ font-size: 1.2rem; }} a {{ color: #c0151c; }}
.findings {{ background: #fff; border-left: 4px solid #c0151c; padding: .6rem 1rem; }}
.findings li {{ margin: .3rem 0; }} .warning {{ color: #8a5a00; }}
.error {{ color: #c0151c; font-weight: bold; }} .errors .state {{ color: #c0151c; font-weight: bold; }}
.warnings .state {{ color: #8a5a00; }} .clean .state {{ color: #2e7d32; }}
img {{ display: block; width: {width}px; max-width: 100%; margin: 1rem 0; box-shadow: 0 1px 6px #0003; }}
</style></head>
<body data-version="{version}">
<p><a href="/">全部事项</a> · {path}</p>
<h1>{title}</h1>
{body}
<script>
setInterval(async () => {{
  try {{
    const answer = await fetch("/version/{index}");
    if ((await answer.text()) !== document.body.dataset.version) location.reload();
  }} catch (e) {{}}
}}, {poll});
</script>
</body></html>"""


def item_page(index: int, preview: Preview) -> str:
    if preview.findings:
        items = "".join(
            f'<li class="{f.severity.value}">{html.escape(f.format("zh"))}</li>'
            for f in preview.findings)
        body = f'<ul class="findings" id="findings">{items}</ul>'
    else:
        body = ""
    body += "".join(f'<img id="page-{n}" alt="第 {n} 页" src="/image/{index}/{n}?v={preview.version}">'
                    for n in range(1, len(preview.images) + 1))
    return PAGE.format(title=html.escape(preview.title), version=preview.version,
                       path=html.escape(shown(str(preview.path))), body=body, index=index,
                       poll=POLL_MS, width=PREVIEW_WIDTH_PX)


INDEX_SCRIPT = """<script>
setInterval(async () => {{
  try {{
    const page = await (await fetch("/")).text();
    const found = page.match(/data-version="([^"]*)"/);
    if (found && found[1] !== document.body.dataset.version) location.reload();
  }} catch (e) {{}}
}}, {poll});
</script>"""
STATE_WORDS = {"clean": "无问题", "warnings": "有警告", "errors": "有错误"}
# (path, version) → (state, errors, warnings): an index poll re-checks only what changed.
_summaries: dict[Path, tuple[str, tuple[str, int, int]]] = {}


def index_page(items: list[Path]) -> str:
    """Every item with its state (clean, warnings, errors); the page reloads itself when
    an item, its settings or the list of items changes, as item pages do."""
    rows = []
    for number, item in enumerate(items):
        state, errors, warnings = item_summary(item)
        counts = (f"{errors} 个错误，{warnings} 个警告" if state == "errors"
                  else f"{warnings} 个警告" if state == "warnings" else "")
        rows.append(f'<li class="{state}"><a href="/item/{number}">{html.escape(shown(str(item)))}</a>'
                    f' <span class="state">{STATE_WORDS[state]}</span>'
                    f'{f" <span class=count>{counts}</span>" if counts else ""}</li>')
    body = f'<ul class="items">{"".join(rows) or "<li>没有找到事项文件</li>"}</ul>'
    version = hashlib.sha256(body.encode()).hexdigest()[:16]
    page = PAGE.format(title="公开事项", version=version, path="", index=0, poll=POLL_MS,
                       width=PREVIEW_WIDTH_PX, body=body)
    script_at = page.index("<script>")
    return page[:script_at] + INDEX_SCRIPT.format(poll=POLL_MS) + page[page.index("</script>") + 9:]


def item_summary(item: Path) -> tuple[str, int, int]:
    """("errors" | "warnings" | "clean", errors, warnings) from `check`, cached per version."""
    watched = [item, item.parent / VILLAGE_FILE, item.parent / TOWNSHIP_FILE,
               item.parent.parent / TOWNSHIP_FILE, *_neighbours(item)]
    version = ":".join(str(p.stat().st_mtime_ns) if p.is_file() else "-" for p in watched)
    cached = _summaries.get(item)
    if cached is not None and cached[0] == version:
        return cached[1]
    build, checked = checked_with_neighbours(item)
    findings = build.workspace.findings + [f for entry in checked for f in entry.findings]
    errors = sum(f.severity.value == "error" for f in findings)
    warnings = len(findings) - errors
    summary = ("errors" if errors else "warnings" if warnings else "clean", errors, warnings)
    _summaries[item] = (version, summary)
    return summary


LOCAL_NAMES = ("localhost", "127.0.0.1", "[::1]")
ROUTE_PARTS = {"item": 2, "version": 2, "image": 3}  # /item/N, /version/N, /image/N/PAGE


def host_allowed(host: str | None, port: int) -> bool:
    """Only this computer's own names with the served port: a page on another site
    that points its name at 127.0.0.1 (DNS rebinding) sends its own name and is refused."""
    if host is None:
        return False
    allowed = {f"{name}:{port}" for name in LOCAL_NAMES}
    if port == 80:  # browsers leave the default port out
        allowed |= set(LOCAL_NAMES)
    return host.strip().lower() in allowed


def _number(text: str, low: int, high: int) -> int:
    """A number from a URL part: ASCII digits only (int() takes other scripts' digits
    too), low <= n < high (a negative list index would count from the end)."""
    if not (text.isascii() and text.isdigit()) or not low <= int(text) < high:
        raise LookupError(text)
    return int(text)


def make_server(paths: list[Path], host: str = "127.0.0.1", port: int = 8321) -> ThreadingHTTPServer:
    state = PreviewState(paths)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            host = self.headers.get("Host")
            if host is None:
                return self.send_error(HTTPStatus.BAD_REQUEST)
            if not host_allowed(host, cast(tuple[str, int], self.server.server_address)[1]):
                return self.send_error(HTTPStatus.MISDIRECTED_REQUEST)
            parts = [p for p in urlparse(self.path).path.split("/") if p]
            try:
                self._route(parts)
            except LookupError:  # an unknown page, an item or page number out of range
                self.send_error(HTTPStatus.NOT_FOUND)

        def _route(self, parts: list[str]) -> None:
            items = state.items()
            if not parts:
                if len(items) == 1:
                    return self._redirect("/item/0")
                return self._send(index_page(items).encode(), "text/html; charset=utf-8")
            if ROUTE_PARTS.get(parts[0]) != len(parts):
                raise LookupError(parts[0])
            index = _number(parts[1], 0, len(items))
            item = items[index]
            if parts[0] == "item":
                page = item_page(index, state.preview(item))
                return self._send(page.encode(), "text/html; charset=utf-8")
            if parts[0] == "version":
                return self._send(state.version(item).encode(), "text/plain")
            images = state.preview(item).images
            return self._send(images[_number(parts[2], 1, len(images) + 1) - 1], "image/png")

        def _redirect(self, where: str) -> None:
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", where)
            self.end_headers()

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the clerk's terminal
            pass

    return ThreadingHTTPServer((host, port), Handler)

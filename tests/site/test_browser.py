"""Every page type in a real browser (Debian's headless chromium), at a phone's width and a
desktop's: no sideways scroll, no failed request, no request leaving the site, the check
banner and the search working; screenshots for a person to look at."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image

from noticeboard.kinds.record import shown_code
from noticeboard.site.log import read_log

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
PHONE, DESKTOP = 390, 1280
HARNESS = """<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<iframe id="f" style="border:0;width:{width}px;height:800px" src="{page}"></iframe>
<pre id="result"></pre>
<script>
document.getElementById("f").addEventListener("load", function () {{
  setTimeout(function () {{
    var w = document.getElementById("f").contentWindow, d = w.document, e = d.documentElement;
    var banner = d.getElementById("check-banner"), status = d.getElementById("search-status");
    document.getElementById("result").textContent = JSON.stringify({{
      url: w.location.pathname + w.location.search, scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
      resources: w.performance.getEntriesByType("resource").map(function (r) {{ return r.name; }}),
      banner: banner && !banner.hidden ? banner.textContent : null,
      status: status ? status.textContent : null,
      results: d.querySelectorAll("#search-results li").length}});
  }}, 300);
}});
</script></body></html>"""


class Handler(SimpleHTTPRequestHandler):
    """The site's files, the harness page, and a log of every request and its status."""

    requests: list[tuple[str, int]]

    def do_GET(self) -> None:
        if self.path.startswith("/__harness__"):
            page, width = re.match(r"/__harness__/(\d+)(/.*)", self.path).group(2, 1)
            body = HARNESS.format(width=width, page=page).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_request(self, code="-", size="-") -> None:
        if not self.path.startswith("/__harness__"):
            self.requests.append((self.path, int(code)))

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(built):
    site = built[1]
    requests: list[tuple[str, int]] = []
    handler = functools.partial(type("H", (Handler,), {"requests": requests}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", requests, site
    server.shutdown()
    server.server_close()


def chromium(*arguments: str, profile: Path) -> str:
    binary = shutil.which("chromium")
    assert binary, "chromium is installed by `make setup` (Debian package chromium)"
    result = subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def measure(base: str, page: str, width: int, profile: Path) -> dict:
    dom = chromium("--virtual-time-budget=5000", "--dump-dom", f"{base}/__harness__/{width}{page}",
                   profile=profile)
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), dom[-2000:]
    import html

    return json.loads(html.unescape(found.group(1)))


def pages(site: Path) -> dict[str, str]:
    """One address of each page type, and the scanned-poster cases of the item page."""
    log, _ = read_log(site)
    finance = log.versions("双河村/2026-Q3-财务")[-1]
    item = "/" + quote("双河村/2026-Q3-财务") + "/"
    return {
        "township": "/index.html",
        "village": "/" + quote("双河村") + "/index.html",
        "item-current": f"{item}index.html?v={finance.code}",
        "item-unknown": f"{item}index.html?v=ZZZZ-ZZZZ",
        "version": f"{item}{finance.code}/index.html",
        "search": "/search.html?q=" + quote("厂房 租金"),
        "check": "/check.html?v=" + quote(shown_code(finance.code).lower()),
        "check-unknown": "/check.html?v=00000000",
    }


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_every_page_type_fits_and_loads_everything_it_asks_for(served, tmp_path, width):
    base, requests, site = served
    requests.clear()
    seen = {name: measure(base, page, width, tmp_path / "profile") for name, page in pages(site).items()}
    for name, result in seen.items():
        assert result["scrollWidth"] <= result["clientWidth"] == width, (name, result)
        assert all(r.startswith(base + "/") for r in result["resources"]), (name, result["resources"])
    assert [r for r in requests if r[1] >= 400] == []
    assert {path.split("?")[0] for path, _ in requests} >= {"/assets/site.css", "/assets/site.js",
                                                            "/search/index.js", "/search/codes.js"}
    assert seen["item-current"]["banner"].startswith("现行：这张海报是审核通过的现行版本")
    assert seen["item-unknown"]["banner"].startswith("未知：本站没有核验码为 ZZZZ-ZZZZ 的版本")
    assert seen["check"]["url"] == pages(site)["item-current"]  # the typed code led to the item
    assert seen["check"]["banner"].startswith("现行：")
    assert seen["check-unknown"]["banner"].startswith("未知：本站没有核验码为 0000-0000 的版本")
    assert (seen["search"]["status"], seen["search"]["results"]) == ("找到 1 项", 1)


def test_screenshots_of_every_page_type_at_phone_width(served, tmp_path):
    """Saved beside the test's files for a person to look at; each shows the site's red band."""
    base, _, site = served
    shots = tmp_path / "screenshots"
    shots.mkdir()
    for name, page in pages(site).items():
        target = shots / f"{name}-{PHONE}.png"
        chromium(f"--window-size={PHONE},1600", "--virtual-time-budget=3000",
                 f"--screenshot={target}", base + page, profile=tmp_path / "profile")
        with Image.open(target) as image:
            assert image.size == (PHONE, 1600)
            assert image.convert("RGB").getpixel((5, 5)) == (0xB7, 0x1C, 0x1C), name

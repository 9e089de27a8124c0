"""The live preview, loaded in a real headless browser (Debian's chromium)."""

import shutil
import subprocess
import threading
import urllib.request

import pytest

from noticeboard.clerk.preview import make_server
from tests.conftest import NOTICE_YAML, write

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def serve(tmp_path):
    servers = []

    def start(path):
        server = make_server([path], port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def browser_dom(url: str, profile) -> str:
    """The page as the browser sees it after its scripts ran."""
    chromium = shutil.which("chromium")
    assert chromium, "chromium is installed by `make test` (Debian package chromium)"
    result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                             "--virtual-time-budget=3000", "--dump-dom", url],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_preview_shows_the_poster_then_the_findings_after_an_edit(village, tmp_path, serve):
    item = write(village / "通知.yaml", NOTICE_YAML)
    base = serve(item)
    dom = browser_dom(f"{base}/", tmp_path / "profile")
    assert "<h1>关于召开村民代表会议的通知</h1>" in dom
    assert 'id="page-1"' in dom and "/image/0/1?v=" in dom
    assert 'id="findings"' not in dom
    with urllib.request.urlopen(f"{base}/image/0/1") as response:
        assert response.read().startswith(b"\x89PNG")
    with urllib.request.urlopen(f"{base}/version/0") as response:
        before = response.read().decode()

    write(item, NOTICE_YAML.replace("posted: 2026-11-20", "posted: 昨天"))
    with urllib.request.urlopen(f"{base}/version/0") as response:
        assert response.read().decode() != before  # what the page polls to reload itself
    dom = browser_dom(f"{base}/item/0", tmp_path / "profile")
    assert "「昨天」不是日期，请写成 2026-10-08 或 2026年10月8日" in dom
    assert 'id="page-1"' not in dom


def test_preview_of_a_folder_lists_its_items(village, tmp_path, serve):
    write(village / "a.yaml", NOTICE_YAML)
    write(village / "b.yaml", NOTICE_YAML)
    dom = browser_dom(serve(village) + "/", tmp_path / "profile")
    assert dom.count('href="/item/') == 2


def test_index_shows_each_items_state_and_changes_when_an_item_does(village, tmp_path, serve):
    import re

    write(village / "a.yaml", NOTICE_YAML)
    write(village / "b.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: 昨天"))
    write(village / "c.yaml", NOTICE_YAML.replace("period: 2026-11", "period: 2026-11\ndays: 1"))
    base = serve(village)
    dom = browser_dom(base + "/", tmp_path / "profile")
    states = re.findall(r'<li class="(\w+)"><a href="/item/\d">[^<]*/(\w)\.yaml</a> '
                        r'<span class="state">(\w+)</span>', dom)
    assert states == [("clean", "a", "无问题"), ("errors", "b", "有错误"), ("warnings", "c", "有警告")]
    assert '<span class="count">1 个错误，0 个警告</span>' in dom

    def version() -> str:
        with urllib.request.urlopen(f"{base}/") as response:  # what the index polls
            return re.search(r'data-version="(\w+)"', response.read().decode())[1]

    before = version()
    assert version() == before  # nothing changed: no reload
    write(village / "b.yaml", NOTICE_YAML)
    assert version() != before


def test_index_polls_like_the_item_pages():
    from noticeboard.clerk.preview import POLL_MS, index_page

    page = index_page([])
    assert f"}}, {POLL_MS});" in page and 'fetch("/")' in page
    assert "<li>没有找到事项文件</li>" in page

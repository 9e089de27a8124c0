"""The live preview, loaded in a real headless browser (Debian's chromium)."""

import shutil
import subprocess
import threading
import urllib.request

import pytest

from noticeboard.preview import make_server
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

"""The preview server answers only this computer's names, and only pages that exist (issue 10, ask 7)."""

import http.client
import threading

import pytest

from noticeboard.clerk.preview import host_allowed, make_server
from tests.conftest import NOTICE_YAML, write


@pytest.fixture
def server(village):
    write(village / "通知.yaml", NOTICE_YAML)
    server = make_server([village / "通知.yaml"], port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def get(server, path: str, host: str | None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=60)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_only_local_names_with_the_served_port_are_answered(server):
    port = server.server_port
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", f"LocalHost:{port}"):
        status, body = get(server, "/version/0", host)
        assert (status, len(body)) == (200, 16), host
    for host in ("attacker.example", f"attacker.example:{port}", "localhost", f"localhost:{port + 1}",
                 f"127.0.0.1.attacker.example:{port}", f"localhost:{port}@attacker.example", ""):
        assert get(server, "/version/0", host)[0] == 421, host
    assert get(server, "/version/0", None)[0] == 400


def test_port_80_may_be_left_out():
    assert host_allowed("localhost", 80) and host_allowed("localhost:80", 80)
    assert not host_allowed("localhost", 8321)


@pytest.mark.parametrize("path", ["/item/1", "/item/-1", "/version/-1", "/item/%D9%A1", "/item/%EF%BC%90", "/item/0x0",
                                  "/item/", "/item/0/extra", "/version/0/1", "/image/0", "/image/0/0",
                                  "/image/0/-1", "/image/0/2", "/image/0/999999999999", "/nothing"])
def test_ids_out_of_range_are_404(server, path):
    assert get(server, path, f"localhost:{server.server_port}")[0] == 404


def test_the_pages_that_exist_are_served(server):
    host = f"127.0.0.1:{server.server_port}"
    status, body = get(server, "/image/0/1", host)
    assert (status, body[:4]) == (200, b"\x89PNG")
    status, body = get(server, "/item/0", host)
    assert status == 200 and "<h1>关于召开村民代表会议的通知</h1>" in body.decode()

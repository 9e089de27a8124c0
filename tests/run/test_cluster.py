"""Rendering on a real local Dask cluster: a scheduler and two worker processes started
here, the example township rendered through them (issue 30)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.errors import NoticeboardError
from noticeboard.run import cluster
from noticeboard.run.build import Build
from noticeboard.run.outcomes import RenderOptions, Status
from tests.conftest import EXAMPLES

distributed = pytest.importorskip("distributed")
DASK = Path(sys.executable).with_name("dask")


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(DASK), *args], stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


@pytest.fixture
def local_cluster(tmp_path):
    """A scheduler on loopback and two single-threaded workers without nannies (a killed
    worker stays dead, as a lost machine would)."""
    address_file = tmp_path / "scheduler.json"
    processes = [_start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                         "--scheduler-file", str(address_file)], tmp_path / "scheduler.log")]
    deadline = time.monotonic() + 60
    while not address_file.is_file() and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = [_start(["worker", "--scheduler-file", str(address_file), "--nthreads", "1",
                       "--no-nanny", "--no-dashboard", "--name", f"w{n}"], tmp_path / f"w{n}.log")
               for n in (1, 2)]
    processes += workers
    import json

    address = json.loads(address_file.read_text())["address"]
    with distributed.Client(address, timeout=30) as client:
        client.wait_for_workers(2, timeout=60)
    yield address, workers
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def township(tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "青山镇")
    return tmp_path / "青山镇"


def _pdfs(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*.pdf"))}


def test_the_example_township_renders_through_the_cluster_to_the_same_bytes(
        local_cluster, township, tmp_path):
    address, _ = local_cluster
    local = Build.for_paths([township]).render(RenderOptions(out_dir=tmp_path / "local", jobs=1))
    clustered = Build.for_paths([township]).render(
        RenderOptions(out_dir=tmp_path / "cluster", scheduler=address))
    assert [o.status for o in clustered] == [o.status for o in local]
    assert {o.status for o in clustered} == {Status.RENDERED}
    assert _pdfs(tmp_path / "cluster") == _pdfs(tmp_path / "local") != {}
    again = Build.for_paths([township]).render(
        RenderOptions(out_dir=tmp_path / "cluster", scheduler=address))
    assert {o.status for o in again} == {Status.UNCHANGED}  # the same incremental state


def test_a_worker_killed_mid_run_has_its_posters_redone(local_cluster, township, tmp_path):
    address, workers = local_cluster
    expected = Build.for_paths([township]).render(RenderOptions(out_dir=tmp_path / "local", jobs=1))
    killed = []

    def kill_after_first(outcome):
        if not killed:
            os.killpg(workers[0].pid, signal.SIGKILL)
            killed.append(outcome)

    outcomes = Build.for_paths([township]).render(
        RenderOptions(out_dir=tmp_path / "cluster", scheduler=address), progress=kill_after_first)
    assert killed and workers[0].wait(timeout=10) == -signal.SIGKILL
    assert [o.status for o in outcomes] == [o.status for o in expected]
    assert _pdfs(tmp_path / "cluster") == _pdfs(tmp_path / "local")
    assert [p.name for p in (tmp_path / "cluster").rglob("*") if ".nbtmp-" in p.name] == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_scheduler_is_a_chinese_error_and_nothing_is_written(
        township, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    monkeypatch.chdir(tmp_path)
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = CliRunner().invoke(app, ["render", "青山镇", "-o", "out", "--scheduler", address])
    assert result.exit_code == 1
    assert f"连不上集群调度器 {address}（OSError）：请检查地址和网络，调度器是否已启动；什么也没有写" \
        in result.output
    assert not (tmp_path / "out").exists()


def test_the_scheduler_may_come_from_the_environment(township, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    monkeypatch.setenv("NOTICEBOARD_SCHEDULER", f"tcp://127.0.0.1:{_free_port()}")
    with pytest.raises(NoticeboardError) as caught:
        Build.for_paths([township]).render(RenderOptions(out_dir=tmp_path / "out"))
    assert [f.code for f in caught.value.findings] == ["cluster_unreachable"]
    assert not (tmp_path / "out").exists()


class _Client:
    def __init__(self, versions):
        self.versions = versions

    def run(self, function):
        return self.versions


def test_a_worker_with_other_versions_is_refused_naming_it_and_the_difference():
    ours = cluster.worker_versions()
    theirs = {**ours, "weasyprint": "69.0"}
    with pytest.raises(NoticeboardError) as caught:
        cluster._refuse_different_workers(_Client({"tcp://10.0.0.9:4000": theirs,
                                                  "tcp://10.0.0.8:4000": ours}), "tcp://s:8786")
    [finding] = caught.value.findings
    assert finding.message() == (
        f"集群工作进程 tcp://10.0.0.9:4000 的环境和本机不同（weasyprint 69.0≠{ours['weasyprint']}），"
        "生成的海报会不一样，已拒绝；请在每台机器上装同一版本的本工具、排版引擎和字体；什么也没有写")


def test_a_scheduler_without_workers_is_refused():
    with pytest.raises(NoticeboardError) as caught:
        cluster._refuse_different_workers(_Client({}), "tcp://s:8786")
    assert [f.code for f in caught.value.findings] == ["cluster_no_workers"]

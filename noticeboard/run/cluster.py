"""Rendering on a Dask cluster (`render --scheduler tcp://HOST:PORT`).

Workers run the same `render_task` as the local pool, reading items and writing posters
through a folder every worker shares with this process (the township tree and the output
folder at the same paths). A worker whose tool, WeasyPrint, Python or fonts differ would
make other bytes: it is refused before anything is written. A worker that dies mid-run
has its posters redone by another (Dask reschedules them); writes are atomic, so a
poster is either whole or absent.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from noticeboard.errors import NoticeboardError, error
from noticeboard.run.outcomes import Status
from noticeboard.run.pool import Task, WorkResult, render_task

CONNECT_SECONDS = 10
PACKAGES = ("noticeboard", "weasyprint", "pydyf", "fonttools", "pypdfium2")


def worker_versions() -> dict[str, str]:
    """What decides a poster's bytes on this computer: packages, Python, installed fonts."""
    found = {name: _version(name) for name in PACKAGES}
    found["python"] = platform.python_version()
    found["fonts"] = _fonts_digest()
    return found


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def _fonts_digest() -> str:
    """The installed font files by name: another set of fonts draws other glyphs."""
    try:
        listing = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True,
                                 text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return "-"
    names = sorted({line.rsplit("/", 1)[-1] for line in listing.splitlines() if line})
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]


@dataclass
class DaskCluster:
    client: Any

    @classmethod
    def connect(cls, address: str) -> DaskCluster:
        try:
            from distributed import Client
        except ImportError:
            raise NoticeboardError([error("cluster_not_installed")]) from None
        try:
            client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise NoticeboardError([error("cluster_unreachable", address=address,
                                          reason=type(exc).__name__)]) from None
        try:
            _refuse_different_workers(client, address)
        except BaseException:
            client.close()
            raise
        return cls(client)

    def run(self, tasks: list[Task]) -> Iterator[tuple[int, WorkResult]]:
        from distributed import as_completed

        # pure=False: a poster is written as a side effect, so it is never taken from a cache
        futures = {self.client.submit(render_task, task, pure=False): task for task in tasks}
        try:
            for future in as_completed(futures, loop=self.client.loop):
                task = futures[future]
                yield task.index, _result(future, task)
        finally:
            for future in futures:  # Ctrl-C, or an error here: nothing left to run
                future.cancel()

    def close(self) -> None:
        self.client.close()


def _result(future: Any, task: Task) -> WorkResult:
    """The worker's result; a task the cluster gave up on (its workers kept dying) fails alone."""
    try:
        result: WorkResult = future.result()
    except Exception as exc:
        finding = error("render_failed", reason=f"{type(exc).__name__}（集群）")
        return WorkResult(Status.FAILED, findings=[finding.located(task.checked.path, {})])
    return result


def _refuse_different_workers(client: Any, address: str) -> None:
    workers: dict[str, dict[str, str]] = client.run(worker_versions)
    if not workers:
        raise NoticeboardError([error("cluster_no_workers", address=address)])
    ours = worker_versions()
    refused = []
    for worker, theirs in sorted(workers.items()):
        differing = [f"{name} {theirs.get(name, '-')}≠{value}" for name, value in ours.items()
                     if theirs.get(name) != value]
        if differing:
            refused.append(error("cluster_worker_differs", worker=worker,
                                 differences="，".join(differing)))
    if refused:
        raise NoticeboardError(refused)

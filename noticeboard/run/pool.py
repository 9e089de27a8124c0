"""Rendering posters in worker processes: one Renderer per process, a crash fails one item,
and workers leave as soon as the main process has gone."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding, NoticeboardError, display_path, error, os_reason
from noticeboard.run.atomic import process_alive, write_atomic
from noticeboard.run.outcomes import Status


@dataclass(frozen=True)
class Task:
    index: int
    checked: CheckedItem
    target: Path  # the PDF's path; images go beside it with the same stem
    paper: str | None
    formats: frozenset[str] = frozenset({"pdf"})


@dataclass(frozen=True)
class WorkResult:
    status: Status
    pages: int = 0
    sha256: str | None = None
    findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # what was written, PDF first


_RENDERER: Any = None  # one per process, made on first use


def render_task(task: Task) -> WorkResult:
    """Render and write one poster; every failure becomes a finding, never an exception."""
    global _RENDERER
    from noticeboard.poster.render import Renderer  # WeasyPrint: in the worker only

    try:
        if _RENDERER is None:
            _RENDERER = Renderer()
        poster = _RENDERER.render(task.checked, task.paper)
        files = []
        if "pdf" in task.formats:
            write_atomic(task.target, poster.pdf)
            files.append(task.target)
        if "png" in task.formats:
            files += write_images(poster.pdf, task.target)
    except NoticeboardError as exc:
        return WorkResult(Status.FAILED, findings=exc.findings)
    except OSError as exc:
        finding = error("write_failed", location=display_path(task.target),
                        reason=os_reason(exc))
        return WorkResult(Status.FAILED, findings=[finding.located(task.checked.path, {})])
    except Exception as exc:  # a crash in one poster must not stop the others
        finding = error("render_failed", reason=f"{type(exc).__name__}: {exc}")
        return WorkResult(Status.FAILED, findings=[finding.located(task.checked.path, {})])
    digest = hashlib.sha256(poster.pdf).hexdigest()
    return WorkResult(Status.RENDERED, poster.pages, digest, files=files)


def run_tasks(tasks: list[Task], jobs: int) -> Iterator[tuple[int, WorkResult]]:
    """(index, result) as each task finishes; in this process when one job is enough."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield task.index, render_task(task)
        return
    yield from _pooled(tasks, jobs)


def _pooled(tasks: list[Task], jobs: int) -> Iterator[tuple[int, WorkResult]]:
    finished: set[int] = set()
    try:
        yield from _in_pool(tasks, min(jobs, len(tasks)), finished)
    except BrokenProcessPool:
        # A worker died (killed, out of memory, a crash in a C library). Run what is
        # left one task per process, so only the item that kills its worker fails.
        for task in [t for t in tasks if t.index not in finished]:
            try:
                yield from _in_pool([task], 1, finished)
            except BrokenProcessPool:
                finding = error("render_failed", reason="生成海报的进程意外退出（worker crashed）")
                yield task.index, WorkResult(Status.FAILED, findings=[
                    finding.located(task.checked.path, {})])


def _in_pool(tasks: list[Task], workers: int,
             finished: set[int]) -> Iterator[tuple[int, WorkResult]]:
    pool = ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=watch_parent, initargs=(os.getpid(),))
    try:
        # Longest first: the last poster to start is a short one, so no worker waits
        # long at the end for another to finish a 3-sheet ledger.
        futures = {pool.submit(render_task, task): task
                   for task in sorted(tasks, key=_expected_cost, reverse=True)}
        for future in as_completed(futures):
            task = futures[future]
            result = future.result()
            finished.add(task.index)
            yield task.index, result
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _expected_cost(task: Task) -> int:
    """A poster's layout time grows with its source: rows, paragraphs, names."""
    loaded = getattr(task.checked, "loaded", None)  # an ordering hint must never fail a run
    return len(loaded.raw) if loaded is not None else 0


PARENT_POLL_SECONDS = 1.0


def watch_parent(parent_pid: int) -> None:
    """In each worker: exit as soon as the main process has gone (even by SIGKILL).

    A worker holds a whole WeasyPrint (~250 MB); without this, workers whose parent
    was killed go on rendering for minutes. When the parent dies the worker is
    re-parented, so `os.getppid()` changes.
    """
    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if not process_alive(parent_pid) or os.getppid() != parent_pid:
                os._exit(3)

    threading.Thread(target=watch, name="noticeboard-watch-parent", daemon=True).start()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C or a broken pool): cancel what has not started, end the workers."""
    processes = list((pool._processes or {}).values())  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


# Phone screens are 1080–1440 pixels wide; an A3 sheet 1240 pixels wide reads well
# on one when zoomed, and stays under a megabyte for messaging apps.
IMAGE_WIDTH_PX = 1240


def write_images(pdf: bytes, target: Path) -> list[Path]:
    """One PNG per sheet beside the PDF's path: `name.png`, or `name-1.png`, `name-2.png`…"""
    from noticeboard.poster.images import page_images  # pdfium: only when images are asked for

    images = page_images(pdf, IMAGE_WIDTH_PX, optimize=True)
    written = []
    for index, image in enumerate(images):
        suffix = "" if len(images) == 1 else f"-{index + 1}"
        path = target.with_name(f"{target.stem}{suffix}.png")
        write_atomic(path, image)
        written.append(path)
    return written

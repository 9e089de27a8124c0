"""Rendering many posters: skip what has not changed, render the rest in a process pool.

Each worker process keeps one Renderer (one WeasyPrint font configuration) and
writes its PDFs atomically; a worker that crashes fails only its own item. The
state of the last run (`.noticeboard-state.json` in the output folder) records,
for every PDF, a digest of everything it was made from, so a re-run skips it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from noticeboard.build import Outcome, RenderOptions, Status
from noticeboard.errors import Finding, NoticeboardError, display_path, error
from noticeboard.items import CheckedItem
from noticeboard.workspace import ItemSource

STATE_FILE = ".noticeboard-state.json"
Pair = tuple[ItemSource, CheckedItem]


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


def render_all(pairs: list[Pair], options: RenderOptions,
               progress: Callable[[Outcome], None] | None = None
               ) -> tuple[list[Outcome], list[Finding]]:
    """Outcomes in item order (unchanged ones skipped, the rest rendered, in parallel),
    and any problem writing the run's own files (state, report, print files)."""
    from noticeboard.report import write_print_files, write_report

    report_progress = progress or (lambda outcome: None)
    state = RunState.load(options.out_dir)
    remove_stale_temp_files(options.out_dir)
    digests = InputDigests()
    outcomes: list[Outcome | None] = [None] * len(pairs)
    keys: dict[int, str] = {}
    tasks: list[Task] = []
    for index, (source, checked) in enumerate(pairs):
        outcome, task, key = _plan(index, source, checked, options, state, digests)
        if task is None:
            outcomes[index] = outcome
            report_progress(outcome)  # type: ignore[arg-type]
        else:
            tasks.append(task)
            keys[index] = key
    problems: list[Finding] = []
    tasks_by_index = {task.index: task for task in tasks}
    try:
        for index, result in run_tasks(tasks, options.jobs):
            outcome = _outcome(pairs[index][0], result)
            if outcome.status is Status.RENDERED:
                state.record(tasks_by_index[index].target, keys[index], result)
            outcomes[index] = outcome
            report_progress(outcome)
    finally:
        problems += _run_file(state.save, options.out_dir / STATE_FILE)
        remove_stale_temp_files(options.out_dir)
    done = [o for o in outcomes if o is not None]
    problems += _run_file(lambda: write_report(options.out_dir, pairs, done),
                          options.out_dir / "report.json")
    if options.print_file:
        problems += _run_file(lambda: write_print_files(options.out_dir, pairs, done, state),
                              options.out_dir)
        problems += _run_file(state.save, options.out_dir / STATE_FILE)
    return done, problems


def _run_file(write: Callable[[], Any], target: Path) -> list[Finding]:
    """Write one of the run's own files; a failure is reported, the posters stand."""
    try:
        write()
    except OSError as exc:
        return [error("write_failed", location=display_path(Path(exc.filename or target)),
                      reason=exc.strerror or exc)]
    return []


def _plan(index: int, source: ItemSource, checked: CheckedItem, options: RenderOptions,
          state: RunState, digests: InputDigests) -> tuple[Outcome | None, Task | None, str]:
    if not checked.ok:  # its check findings are reported with the check
        return Outcome(source, Status.FAILED), None, ""
    target = options.out_dir / source.output_stem.with_suffix(".pdf")
    key = digests.item_key(checked, options.paper, options.formats)
    entry = None if options.force else state.unchanged(target, key)
    if entry is not None:
        files = [options.out_dir / name for name in entry["files"]]
        return (Outcome(source, Status.UNCHANGED, files[0], entry["pages"], entry["sha256"],
                        files=files), None, key)
    return None, Task(index, checked, target, options.paper, options.formats), key


def _outcome(source: ItemSource, result: WorkResult) -> Outcome:
    output = result.files[0] if result.status is Status.RENDERED and result.files else None
    return Outcome(source, result.status, output, result.pages, result.sha256, result.findings,
                   files=list(result.files))


# ---- running the tasks -------------------------------------------------------

_RENDERER: Any = None  # one per process, made on first use


def render_task(task: Task) -> WorkResult:
    """Render and write one poster; every failure becomes a finding, never an exception."""
    global _RENDERER
    from noticeboard.render import Renderer, write_atomic

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
                        reason=exc.strerror or exc)
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
                               mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = {pool.submit(render_task, task): task for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            result = future.result()
            finished.add(task.index)
            yield task.index, result
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C or a broken pool): cancel what has not started, end the workers."""
    processes = list((pool._processes or {}).values())  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def remove_stale_temp_files(out_dir: Path) -> None:
    """Temporary files left by a render that was killed mid-write (see write_atomic)."""
    if out_dir.is_dir():
        for temp in out_dir.rglob(".*.tmp"):
            temp.unlink(missing_ok=True)


# ---- what a poster is made from ------------------------------------------------

class InputDigests:
    """Digests of the files posters are made from, each file read once per run."""

    def __init__(self) -> None:
        self._files: dict[Path, str] = {}
        self._folders: dict[Path, str] = {}
        self._versions = f"noticeboard {_version('noticeboard')}; weasyprint {_version('weasyprint')}"

    def item_key(self, checked: CheckedItem, paper: str | None, formats: frozenset[str]) -> str:
        from noticeboard.config import TOWNSHIP_FILE, VILLAGE_FILE
        from noticeboard.render import builtin_template_dir

        setting = checked.setting
        assert checked.loaded is not None
        parts = [self._versions, f"paper={paper}", f"formats={sorted(formats)}",
                 hashlib.sha256(checked.loaded.raw).hexdigest(),
                 self.folder(builtin_template_dir())]
        if setting.village_dir is not None:
            parts.append(self.file(setting.village_dir / VILLAGE_FILE))
        if setting.township_dir is not None:
            parts.append(self.file(setting.township_dir / TOWNSHIP_FILE))
        if setting.root is not None and (setting.root / "templates").is_dir():
            parts.append(self.folder(setting.root / "templates"))
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def file(self, path: Path) -> str:
        if path not in self._files:
            self._files[path] = hashlib.sha256(path.read_bytes()).hexdigest() \
                if path.is_file() else "-"
        return self._files[path]

    def folder(self, folder: Path) -> str:
        if folder not in self._folders:
            digest = hashlib.sha256()
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(self.file(path).encode())
            self._folders[folder] = digest.hexdigest()
        return self._folders[folder]


def _version(package: str) -> str:
    try:
        return version(package)
    except Exception:
        return "?"


class RunState:
    """What the last runs wrote: for every PDF, its input key, digest, pages, size, mtime."""

    def __init__(self, out_dir: Path, entries: dict[str, dict[str, Any]]):
        self.out_dir = out_dir
        self.entries = entries

    @classmethod
    def load(cls, out_dir: Path) -> RunState:
        path = out_dir / STATE_FILE
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))["outputs"]
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}  # no state or a damaged one: everything is rendered again
        return cls(out_dir, entries if isinstance(entries, dict) else {})

    def _name(self, target: Path) -> str:
        return target.relative_to(self.out_dir).as_posix()

    def unchanged(self, target: Path, key: str) -> dict[str, Any] | None:
        """The entry for a poster made from the same inputs, if all its files are as written."""
        entry = self.entries.get(self._name(target))
        if not entry or entry.get("key") != key or not isinstance(entry.get("files"), dict):
            return None
        for name, (size, mtime_ns) in entry["files"].items():
            try:
                stat = (self.out_dir / name).stat()
            except OSError:
                return None
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns):
                return None
        return entry

    def record(self, target: Path, key: str, result: WorkResult | Any) -> None:
        files = {}
        for path in result.files:
            stat = path.stat()
            files[self._name(path)] = [stat.st_size, stat.st_mtime_ns]
        self.entries[self._name(target)] = {
            "key": key, "sha256": result.sha256, "pages": result.pages, "files": files}

    def save(self) -> None:
        from noticeboard.render import write_atomic

        if not self.out_dir.is_dir():
            return
        text = json.dumps({"outputs": self.entries}, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.out_dir / STATE_FILE, text.encode("utf-8"))


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


# Phone screens are 1080–1440 pixels wide; an A3 sheet 1240 pixels wide reads well
# on one when zoomed, and stays under a megabyte for messaging apps.
IMAGE_WIDTH_PX = 1240


def write_images(pdf: bytes, target: Path) -> list[Path]:
    """One PNG per sheet beside the PDF's path: `name.png`, or `name-1.png`, `name-2.png`…"""
    from noticeboard.engine import page_images
    from noticeboard.render import write_atomic

    images = page_images(pdf, IMAGE_WIDTH_PX, optimize=True)
    written = []
    for index, image in enumerate(images):
        suffix = "" if len(images) == 1 else f"-{index + 1}"
        path = target.with_name(f"{target.stem}{suffix}.png")
        write_atomic(path, image)
        written.append(path)
    return written

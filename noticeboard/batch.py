"""Rendering many posters: skip what has not changed, render the rest in a process pool.

Each worker process keeps one Renderer (one WeasyPrint font configuration) and
writes its PDFs atomically; a worker that crashes fails only its own item. The
state of the last run (`.noticeboard-state.json` in the output folder) records,
for every PDF, a digest of everything it was made from, so a re-run skips it.

The output folder tells the truth: one run at a time holds its lock; an item that
fails, or a format not made this run from the same inputs, has its old outputs
moved aside into `已失效/` (never deleted: the file may be the only copy); and only
temporary files of a writer that is no longer running are cleaned up.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from noticeboard.build import Outcome, RenderOptions, Status
from noticeboard.errors import Finding, NoticeboardError, display_path, error, os_reason, warning
from noticeboard.items import CheckedItem
from noticeboard.workspace import ItemSource, output_key

STATE_FILE = ".noticeboard-state.json"
LOCK_FILE = ".noticeboard.lock"
STALE_DIR = "已失效"  # where outputs that no longer match their item are moved
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
               progress: Callable[[Outcome], None] | None = None,
               whole_villages: frozenset[str] = frozenset()
               ) -> tuple[list[Outcome], list[Finding]]:
    """Outcomes in item order (unchanged ones skipped, the rest rendered, in parallel),
    and any problem with the run's own files (lock, state, report, print files).

    `whole_villages` are output folders whose every item is in `pairs`: a poster this
    tool made there whose item is gone is moved aside too."""
    lock = OutputLock(options.out_dir)
    try:
        lock.acquire()
    except NoticeboardError as exc:
        return [], exc.findings
    try:
        return _render_locked(pairs, options, progress, whole_villages)
    finally:
        lock.release()


def _render_locked(pairs: list[Pair], options: RenderOptions,
                   progress: Callable[[Outcome], None] | None, whole_villages: frozenset[str]
                   ) -> tuple[list[Outcome], list[Finding]]:
    from noticeboard.report import write_print_files, write_report

    report_progress = progress or (lambda outcome: None)
    state, problems = RunState.load(options.out_dir)
    remove_stale_temp_files(options.out_dir)
    digests = InputDigests()
    claimed = {output_key(source.output_stem) for source, _ in pairs}
    outcomes: list[Outcome | None] = [None] * len(pairs)
    keys: dict[int, str] = {}
    tasks: list[Task] = []
    for index, (source, checked) in enumerate(pairs):
        outcome, task, key = _plan(index, source, checked, options, state, digests)
        if task is None:
            assert outcome is not None
            if outcome.status is Status.FAILED:
                _retire(outcome, options.out_dir, state, claimed, keep=[])
            outcomes[index] = outcome
            report_progress(outcome)
        else:
            tasks.append(task)
            keys[index] = key
    tasks_by_index = {task.index: task for task in tasks}
    try:
        for index, result in run_tasks(tasks, options.jobs):
            outcome = _outcome(pairs[index][0], result)
            if outcome.status is Status.RENDERED:
                kept = state.current_files(tasks_by_index[index].target, keys[index])
                _retire(outcome, options.out_dir, state, claimed, keep=[*result.files, *kept])
                state.record(tasks_by_index[index].target, keys[index], result, kept)
            else:
                _retire(outcome, options.out_dir, state, claimed, keep=[])
            outcomes[index] = outcome
            report_progress(outcome)
        problems += _retire_orphans(options.out_dir, state, claimed, whole_villages)
    finally:
        problems += _run_file(state.save, options.out_dir / STATE_FILE)
        remove_stale_temp_files(options.out_dir)
    done = [o for o in outcomes if o is not None]
    report = report_name(options.shard)
    problems += _run_file(lambda: write_report(options.out_dir, pairs, done, report),
                          options.out_dir / report)
    if options.print_file:
        problems += _run_file(lambda: write_print_files(options.out_dir, pairs, done, state,
                                                        options.shard),
                              options.out_dir)
        problems += _run_file(state.save, options.out_dir / STATE_FILE)
    return done, problems


def report_name(shard: tuple[int, int] | None) -> str:
    """`report.json`, or one per shard (`report-1of2.json`) so shards never overwrite each other."""
    return "report.json" if shard is None else f"report-{shard[0]}of{shard[1]}.json"


def _run_file(write: Callable[[], Any], target: Path) -> list[Finding]:
    """Write one of the run's own files; a failure is reported, the posters stand."""
    try:
        write()
    except OSError as exc:
        return [error("write_failed", location=display_path(Path(exc.filename or target)),
                      reason=os_reason(exc))]
    return []


def _plan(index: int, source: ItemSource, checked: CheckedItem, options: RenderOptions,
          state: RunState, digests: InputDigests) -> tuple[Outcome | None, Task | None, str]:
    if not checked.ok:  # its check findings are reported with the check
        return Outcome(source, Status.FAILED), None, ""
    target = pdf_path(options.out_dir, source.output_stem)
    key = digests.item_key(checked, options.paper)
    entry = None if options.force else state.unchanged(target, key, options.formats)
    if entry is not None:
        files = [options.out_dir / name for name in sorted(entry["files"], key=_pdf_first)
                 if _format_of(name) in options.formats]
        return (Outcome(source, Status.UNCHANGED, files[0], entry["pages"], entry["sha256"],
                        files=files), None, key)
    return None, Task(index, checked, target, options.paper, options.formats), key


def pdf_path(out_dir: Path, stem: Path) -> Path:
    """`out/<村>/<名>.pdf`. Not `with_suffix`: for `2026.Q3财务` that gives `2026.pdf`,
    and `2026.Q4财务` would overwrite it."""
    return out_dir / stem.parent / f"{stem.name}.pdf"


def _format_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower()


def _pdf_first(name: str) -> tuple[bool, str]:
    return _format_of(name) != "pdf", name


# ---- outputs that no longer match their item --------------------------------------

def _retire(outcome: Outcome, out_dir: Path, state: RunState, claimed: set[str],
            keep: list[Path]) -> None:
    """Move aside the item's outputs that are not in `keep`; the outcome says which, and where.

    Moved, not deleted: the old poster may be the only copy of something a clerk
    needs, and a file of the same name may not even be ours.
    """
    source = outcome.source
    stem_path = out_dir / source.output_stem
    kept = {p.resolve() for p in keep}
    moved: list[tuple[Path, Path]] = []
    for path in _outputs_below(out_dir, stem_path, claimed):
        if path.resolve() in kept:
            continue
        aside = out_dir / STALE_DIR / path.relative_to(out_dir)
        try:
            aside.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, aside)
        except OSError as exc:
            outcome.findings.append(error("stale_not_moved", file=display_path(path),
                                          reason=os_reason(exc)).located(source.path, {}))
            continue
        moved.append((path, aside))
    if not keep:
        state.forget(pdf_path(out_dir, source.output_stem))
    if moved:
        files = "、".join(display_path(old) for old, _ in moved)
        code = "stale_moved_failed" if not keep else "stale_moved_other"
        outcome.findings.append(warning(code, files=files,
                                        folder=display_path(out_dir / STALE_DIR)
                                        ).located(source.poster or source.path, {}))
        outcome.moved += [new for _, new in moved]


def _retire_orphans(out_dir: Path, state: RunState, claimed: set[str],
                    whole_villages: frozenset[str]) -> list[Finding]:
    """Posters this tool made in a village read whole, whose item is no longer there
    (deleted, renamed, or unreadable because the village's settings are broken)."""
    findings = []
    villages = {output_key(Path(v)) for v in whole_villages}
    for name, entry in list(state.entries.items()):
        stem = Path(name).with_suffix("")
        if "files" not in entry or output_key(stem.parent) not in villages \
                or output_key(stem) in claimed:
            continue
        moved = []
        for file in entry["files"]:
            path = out_dir / file
            if path.is_file() and not path.is_symlink():
                aside = out_dir / STALE_DIR / file
                try:
                    aside.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, aside)
                except OSError as exc:
                    findings.append(error("stale_not_moved", file=display_path(path),
                                          reason=os_reason(exc)))
                    continue
                moved.append(display_path(path))
        state.forget(out_dir / name)
        if moved:
            findings.append(warning("stale_moved_orphan", files="、".join(moved),
                                    folder=display_path(out_dir / STALE_DIR)))
    return findings


def _outputs_below(out_dir: Path, stem_path: Path, claimed: set[str]) -> list[Path]:
    """What a poster at `stem_path` (no suffix) may have left: its PDF, PNG and page PNGs.

    A page image `通知-2.png` is not `通知`'s when another item of the run is `通知-2`.
    Compared without case: on Windows and macOS `通知.PDF` is the same file.
    """
    folder, stem = stem_path.parent, stem_path.name
    if not folder.is_dir():
        return []
    page = re.compile(re.escape(stem) + r"-[0-9]+\.png", re.IGNORECASE)
    names = {f"{stem}.pdf".casefold(), f"{stem}.png".casefold()}
    found = []
    for path in folder.iterdir():
        mine = path.name.casefold() in names or (
            page.fullmatch(path.name) is not None
            and output_key(path.relative_to(out_dir).with_suffix("")) not in claimed)
        if mine and path.is_file() and not path.is_symlink():
            found.append(path)
    return sorted(found)


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
            if not _alive(parent_pid) or os.getppid() != parent_pid:
                os._exit(3)

    threading.Thread(target=watch, name="noticeboard-watch-parent", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, someone else's; Windows: see os.kill
        return True
    return True


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C or a broken pool): cancel what has not started, end the workers."""
    processes = list((pool._processes or {}).values())  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


# write_atomic's temporary files: `.<name>.nbtmp-<pid>-<random>.tmp`. Nothing else
# (a clerk's `.草稿.tmp`, a sync tool's temp files) is ever touched.
TEMP_FILE = re.compile(r"\..+\.nbtmp-([0-9]+)-[^./\\]*\.tmp")


def remove_stale_temp_files(out_dir: Path) -> None:
    """Temporary files left by a render that was killed mid-write, and only those.

    A file whose writer is still running (another render's worker, this run's own)
    is left alone; its pid is in its name.
    """
    if not out_dir.is_dir():
        return
    for temp in out_dir.rglob("*.tmp"):
        match = TEMP_FILE.fullmatch(temp.name)
        if match and not _alive(int(match[1])) and not temp.is_symlink():
            temp.unlink(missing_ok=True)


# ---- what a poster is made from ------------------------------------------------

class InputDigests:
    """Digests of the files posters are made from, each file read once per run."""

    def __init__(self) -> None:
        self._files: dict[Path, str] = {}
        self._folders: dict[Path, str] = {}
        self._versions = f"noticeboard {_version('noticeboard')}; weasyprint {_version('weasyprint')}"

    def item_key(self, checked: CheckedItem, paper: str | None) -> str:
        """Everything a poster is made from; the formats asked for are not part of it,
        so a PDF stays current when the next run asks for images only."""
        from noticeboard.config import TOWNSHIP_FILE, VILLAGE_FILE
        from noticeboard.render import builtin_template_dir

        setting = checked.setting
        assert checked.loaded is not None
        parts = [self._versions, f"paper={paper}",
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
    """What the last runs wrote: for every PDF, its input key, digest, pages, and files."""

    def __init__(self, out_dir: Path, entries: dict[str, dict[str, Any]]):
        self.out_dir = out_dir
        self.entries = entries

    @classmethod
    def load(cls, out_dir: Path) -> tuple[RunState, list[Finding]]:
        """The state, or none (everything renders again) with a warning when it is damaged."""
        path = out_dir / STATE_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(out_dir, {}), []
        except (OSError, ValueError):
            text = ""
        try:
            entries = json.loads(text)["outputs"]
        except (ValueError, LookupError, TypeError):
            entries = None
        if not (isinstance(entries, dict) and all(
                _sound_entry(name, entry) for name, entry in entries.items())):
            return cls(out_dir, {}), [warning("state_damaged", file=display_path(path))]
        return cls(out_dir, entries), []

    def _name(self, target: Path) -> str:
        return target.relative_to(self.out_dir).as_posix()

    def unchanged(self, target: Path, key: str, formats: frozenset[str]) -> dict[str, Any] | None:
        """The entry for a poster made from the same inputs, if it has every format asked
        for and all its files are as written."""
        entry = self.entries.get(self._name(target))
        if not entry or entry.get("key") != key or not isinstance(entry.get("files"), dict):
            return None
        if not formats <= {_format_of(name) for name in entry["files"]}:
            return None
        if any(not self._intact(name, stamp) for name, stamp in entry["files"].items()):
            return None
        return entry

    def _intact(self, name: str, stamp: list[int]) -> bool:
        try:
            stat = (self.out_dir / name).stat()
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns] == list(stamp)

    def current_files(self, target: Path, key: str) -> list[Path]:
        """Files of the last poster from these same inputs that are still as written:
        a PDF stays current when this run writes only images, and the other way round."""
        entry = self.entries.get(self._name(target))
        if not entry or entry.get("key") != key:
            return []
        return [self.out_dir / name for name, stamp in entry.get("files", {}).items()
                if self._intact(name, stamp)]

    def record(self, target: Path, key: str, result: WorkResult | Any,
               kept: list[Path] | None = None) -> None:
        files = {}
        written = {self._name(p) for p in result.files}
        for path in [*result.files, *(p for p in kept or [] if self._name(p) not in written)]:
            stat = path.stat()
            files[self._name(path)] = [stat.st_size, stat.st_mtime_ns]
        self.entries[self._name(target)] = {
            "key": key, "sha256": result.sha256, "pages": result.pages, "files": files}

    def forget(self, target: Path) -> None:
        self.entries.pop(self._name(target), None)

    def save(self) -> None:
        from noticeboard.render import write_atomic

        if not self.out_dir.is_dir():
            return
        text = json.dumps({"outputs": self.entries}, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.out_dir / STATE_FILE, text.encode("utf-8"))


def _sound_entry(name: Any, entry: Any) -> bool:
    """An entry as this module writes it, naming files inside the output folder only."""
    if not (_inside(name) and isinstance(entry, dict) and isinstance(entry.get("key"), str)):
        return False
    if "files" not in entry:  # a print file's entry (report._merge)
        return all(isinstance(entry.get(k), int) for k in ("size", "mtime_ns"))
    files = entry["files"]
    return (isinstance(files, dict) and bool(files)
            and isinstance(entry.get("pages"), int) and not isinstance(entry["pages"], bool)
            and isinstance(entry.get("sha256"), str | None)
            and all(_inside(n) and isinstance(v, list) and len(v) == 2
                    and all(isinstance(x, int) for x in v) for n, v in files.items()))


def _inside(name: Any) -> bool:
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        return False
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts


class OutputLock:
    """One render at a time per output folder; the second refuses, naming the first.

    An OS lock (flock / msvcrt) is released by the system when its holder dies,
    even by SIGKILL, so a killed run never leaves the folder locked.
    """

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise NoticeboardError([error("write_failed", location=display_path(self.path),
                                          reason=os_reason(exc))]) from None
        if not _try_lock(fd):
            holder = _read_pid(fd)
            os.close(fd)
            raise NoticeboardError([error(
                "output_locked", folder=display_path(self.path.parent), pid=holder or "?")])
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock; the file stays (harmless)
            self._fd = None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_pid(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() if hasattr(os, "pread") \
            else ""
    except OSError:
        return ""


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

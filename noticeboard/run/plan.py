"""Planning a render run: skip what has not changed, render the rest, keep the output
folder truthful.

One run at a time holds the folder's lock (`files.OutputLock`); the state of the last
runs (`state.RunState`) says what is current; the rest goes to the worker pool
(`pool.run_tasks`). An item that fails, or a format not made this run from the same
inputs, has its old outputs moved aside into `已失效/` (never deleted: the file may be
the only copy).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import (
    Finding,
    NoticeboardError,
    display_path,
    error,
    os_reason,
    shown,
    warning,
)
from noticeboard.run.atomic import LOCK_FILE, OutputLock, remove_stale_temp_files
from noticeboard.run.executors import Executor, open_executor
from noticeboard.run.outcomes import Outcome, Pair, RenderOptions, Status
from noticeboard.run.pool import Task, WorkResult
from noticeboard.run.report import PRINT_PREFIX, write_print_files, write_report
from noticeboard.run.state import STATE_FILE, InputDigests, RunState, format_of
from noticeboard.sources.names import output_key
from noticeboard.sources.workspace import ItemSource

STALE_DIR = "已失效"  # where outputs that no longer match their item are moved


def render_all(pairs: list[Pair], options: RenderOptions,
               progress: Callable[[Outcome], None] | None = None,
               whole_villages: frozenset[str] = frozenset(),
               all_checked: list[CheckedItem] | None = None
               ) -> tuple[list[Outcome], list[Finding]]:
    """Outcomes in item order (unchanged ones skipped, the rest rendered, in parallel),
    and any problem with the run's own files (lock, state, report, print files).

    `whole_villages` are output folders whose every item is in `pairs`: a poster this
    tool made there whose item is gone is moved aside too."""
    executor = open_executor(options)  # a cluster refused or unreachable: nothing written yet
    try:
        lock = OutputLock(options.out_dir)
        lock.acquire()  # refused: NoticeboardError, the run does not start (and has no summary)
        try:
            return _render_locked(pairs, options, executor, progress, whole_villages, all_checked)
        finally:
            lock.release()
    finally:
        executor.close()


def _render_locked(pairs: list[Pair], options: RenderOptions, executor: Executor,
                   progress: Callable[[Outcome], None] | None, whole_villages: frozenset[str],
                   all_checked: list[CheckedItem] | None
                   ) -> tuple[list[Outcome], list[Finding]]:
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
    changed: set[str] = set()  # villages with a poster made, failed or moved aside this run
    try:
        for index, result in executor.run(tasks) if tasks else ():
            outcome = _outcome(pairs[index][0], result)
            if outcome.status is Status.RENDERED:
                kept = state.current_files(tasks_by_index[index].target, keys[index])
                _retire(outcome, options.out_dir, state, claimed, keep=[*result.files, *kept])
                state.record(tasks_by_index[index].target, keys[index], result, kept)
            else:
                _retire(outcome, options.out_dir, state, claimed, keep=[])
            outcomes[index] = outcome
            report_progress(outcome)
        problems += _retire_orphans(options.out_dir, state, claimed, whole_villages, changed)
    finally:
        problems += _run_file(state.save, options.out_dir / STATE_FILE)
        remove_stale_temp_files(options.out_dir)
    done = [o for o in outcomes if o is not None]
    report = report_name(options.shard)
    problems += _run_file(lambda: write_report(options.out_dir, pairs, done, report, all_checked),
                          options.out_dir / report)
    written: list[Path] = []
    if options.print_file:
        refused: list[Finding] = []

        def print_files() -> None:
            made, not_made = write_print_files(options.out_dir, pairs, done, state, options.shard,
                                               None if options.shard else whole_villages)
            written.extend(made)
            refused.extend(not_made)

        problems += _run_file(print_files, options.out_dir)
        problems += refused
    changed |= {pdf_path(Path(), o.source.output_stem).as_posix()
                for o in done if o.status is not Status.UNCHANGED}
    problems += _retire_print_files(options.out_dir, state, changed,
                                    {p.name for p in written})
    problems += _run_file(state.save, options.out_dir / STATE_FILE)
    return done, problems


def _retire_print_files(out_dir: Path, state: RunState, changed: set[str],
                        written: set[str]) -> list[Finding]:
    """Print files of earlier runs holding a poster made again, failed or moved aside in
    this run (`changed`, names below the output folder), and not made again: moved
    aside, or the clerk prints a stale notice from a file that looks current."""
    if not changed:
        return []
    findings = []
    for name, entry in list(state.entries.items()):
        if "files" in entry or name in written:
            continue  # a poster, or a print file made in this run
        posters = entry.get("posters")
        if isinstance(posters, list) and not changed & {str(p) for p in posters}:
            continue  # (an entry written before posters were listed counts as outdated)
        path = out_dir / name
        state.forget(path)
        if not path.is_file() or path.is_symlink():
            continue
        aside = _aside(out_dir, name)
        try:
            aside.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, aside)
        except OSError as exc:
            findings.append(error("stale_not_moved", file=display_path(path), reason=os_reason(exc)))
            continue
        findings.append(warning("print_file_outdated", file=display_path(path),
                                folder=display_path(out_dir / STALE_DIR)))
    return findings


def check_output_folder(out_dir: Path, items: list[ItemSource]) -> None:
    """Refuse, before anything is written, an output folder that is a file or is where
    the items are: posters would mix with the clerk's files there, and a PDF of the same
    name (a scanned copy, the archived poster being rendered again) would be replaced."""
    # The output folder as typed (`/dev/null`, not `../../../dev/null`).
    if out_dir.exists() and not out_dir.is_dir():
        raise NoticeboardError([error("output_not_folder", folder=shown(str(out_dir)))])
    # A symlink inside the output folder (a village folder, 已失效) would carry posters
    # and moved files elsewhere; one can come with an output folder inside a township's.
    below = {out_dir / STALE_DIR} | {out_dir / s.output_stem.parent for s in items
                                     if s.output_stem.parent.name}
    below |= {out_dir / STALE_DIR / s.output_stem.parent for s in items if s.output_stem.parent.name}
    links = sorted(p for p in below if p.is_symlink())
    if links:
        raise NoticeboardError([error("output_symlink", link=display_path(link),
                                      target=os.path.realpath(link)) for link in links])
    target = out_dir.resolve()
    for source in items:
        folders = source.folders
        own = (source.poster or source.path).parent
        inputs = {p.resolve() for p in (own, folders.village_dir, folders.township_dir) if p}
        # The township's templates: posters there would change the templates' digest
        # (every poster made again each run) and be served to the poster's stylesheet.
        templates = (folders.root / "templates").resolve() if folders.root else None
        for folder in ((out_dir / source.output_stem.parent).resolve(), target):
            if folder in inputs:
                raise NoticeboardError([error("output_is_input", folder=shown(str(out_dir)),
                                              input=display_path(folder))])
            if templates is not None and folder.is_relative_to(templates):
                raise NoticeboardError([error("output_in_templates", folder=shown(str(out_dir)),
                                              templates=display_path(templates))])


# What the run keeps in the output folder beside the village folders: no village may be
# named like one of them (compared as output_key compares, without case).
_RUN_FILES = re.compile("|".join([re.escape(STALE_DIR), re.escape(STATE_FILE), re.escape(LOCK_FILE),
                                  r"report(-[0-9]+of[0-9]+)?\.json", re.escape(PRINT_PREFIX) + r".*\.pdf"]),
                        re.IGNORECASE)


def reserved_names(items: list[ItemSource]) -> dict[int, Finding]:
    """Items whose village folder is named like one of the run's own files or folders
    (`已失效`, `report.json`, `打印-….pdf`…): its posters would be mixed up with them."""
    found = {}
    for index, source in enumerate(items):
        village = source.output_stem.parent
        if village.name and _RUN_FILES.fullmatch(output_key(village)):
            found[index] = error("village_name_reserved", name=village.as_posix()).located(
                source.poster or source.path, {})
    return found


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
                 if format_of(name) in options.formats]
        return (Outcome(source, Status.UNCHANGED, files[0], entry["pages"], entry["sha256"],
                        files=files), None, key)
    return None, Task(index, checked, target, options.paper, options.formats), key


def pdf_path(out_dir: Path, stem: Path) -> Path:
    """`out/<村>/<名>.pdf`. Not `with_suffix`: for `2026.Q3财务` that gives `2026.pdf`,
    and `2026.Q4财务` would overwrite it."""
    return out_dir / stem.parent / f"{stem.name}.pdf"


def _pdf_first(name: str) -> tuple[bool, str]:
    return format_of(name) != "pdf", name


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
        aside = _aside(out_dir, path.relative_to(out_dir).as_posix())
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
                    whole_villages: frozenset[str], changed: set[str]) -> list[Finding]:
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
                aside = _aside(out_dir, file)
                try:
                    aside.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, aside)
                except OSError as exc:
                    findings.append(error("stale_not_moved", file=display_path(path),
                                          reason=os_reason(exc)))
                    continue
                moved.append(display_path(path))
        state.forget(out_dir / name)
        changed.add(name)
        if moved:
            findings.append(warning("stale_moved_orphan", files="、".join(moved),
                                    folder=display_path(out_dir / STALE_DIR)))
    return findings


def _aside(out_dir: Path, name: str) -> Path:
    """Where an outdated output goes: `已失效/<村>/<名>`, or `<名>（2）`… when an earlier
    one is there already (it may be the only copy of what was posted then)."""
    first = out_dir / STALE_DIR / name
    stem, suffix = _stem(first.name), first.name[len(_stem(first.name)):]
    for number in range(1, 10_000):
        aside = first if number == 1 else first.with_name(f"{stem}（{number}）{suffix}")
        if not _taken(aside):
            return aside
    return first  # ten thousand outdated copies of one poster: the oldest gives way


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _stem(name: str) -> str:
    """`通知` of `通知.pdf`, `2026.Q3财务` of `2026.Q3财务.pdf` (only the format's suffix)."""
    return name.rsplit(".", 1)[0] if "." in name else name


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


# ---- what a poster is made from ------------------------------------------------



"""`strace`-style evidence inside the test process: every file Python opens, via `sys.addaudithook`.

An audit hook cannot be removed, so one hook is installed once and appends to
the lists of whichever `recorded_opens()` blocks are active.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_active: list[list[Opened]] = []
_installed = False

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@dataclass(frozen=True)
class Opened:
    path: Path
    writes: bool


def _hook(event: str, args: tuple) -> None:
    if event != "open" or not _active:
        return
    path, mode, flags = args
    if isinstance(path, int):  # an already open descriptor: its opening was recorded
        return
    writes = bool(set(mode) & set("wxa+")) if isinstance(mode, str) else bool(flags & WRITE_FLAGS)
    opened = Opened(Path(os.path.abspath(os.fsdecode(path))), writes)
    for record in _active:
        record.append(opened)


@contextmanager
def recorded_opens() -> Iterator[list[Opened]]:
    """Every file opened (by Python code, in this process) while the block runs."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    record: list[Opened] = []
    _active.append(record)
    try:
        yield record
    finally:
        _active.remove(record)


def outside(opened: list[Opened], roots: list[Path]) -> list[Opened]:
    """Those opened files that lie under none of `roots` (real paths compared)."""
    real_roots = [Path(os.path.realpath(root)) for root in roots]
    return [o for o in opened
            if not any(Path(os.path.realpath(o.path)).is_relative_to(r) for r in real_roots)]

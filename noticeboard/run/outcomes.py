"""What a render run is asked to do and what became of each item: plain types, no logic,
so planning, the pool, the report and the CLI can share them without importing each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding
from noticeboard.sources.workspace import ItemSource


class Status(StrEnum):
    RENDERED = "rendered"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class Outcome:
    """What happened to one item in a render run."""

    source: ItemSource
    status: Status
    output: Path | None = None
    pages: int = 0
    sha256: str | None = None
    findings: list[Finding] = field(default_factory=list)  # from rendering, not checking
    files: list[Path] = field(default_factory=list)  # the PDF and/or images, PDF first
    moved: list[Path] = field(default_factory=list)  # old outputs moved aside, where they are now


@dataclass(frozen=True)
class RenderOptions:
    """How a render run goes; the defaults suit a clerk rendering one village."""

    out_dir: Path = Path("out")
    paper: str | None = None
    jobs: int = 1
    force: bool = False
    print_file: bool = False
    shard: tuple[int, int] | None = None  # (index from 1, count)
    formats: frozenset[str] = frozenset({"pdf"})  # "pdf" and/or "png"
    scheduler: str | None = None  # a Dask scheduler's address: render on that cluster


Pair = tuple[ItemSource, CheckedItem]

"""One village's items seen together: grouped by folder, found by kind or file name, and
each figure located (file and line) so a message can name both sides of a disagreement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import FieldPath, Finding, Localized
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.finance import Finance

K = TypeVar("K", bound=Envelope)
Problem = tuple[CheckedItem, Finding]


@dataclass
class Village:
    """The items of one village folder that parsed (the others have their own errors)."""

    folder: Path
    entries: list[CheckedItem] = field(default_factory=list)
    every: list[CheckedItem] = field(default_factory=list)  # with those that did not parse

    def of(self, kind: type[K]) -> Iterator[tuple[CheckedItem, K]]:
        for entry in self.entries:
            if isinstance(entry.item, kind):
                yield entry, entry.item

    def named(self, file_name: str) -> CheckedItem | None:
        """The item in this folder with this file name, parsed or not."""
        return next((e for e in self.every if e.path.name == file_name), None)

    def ledgers(self) -> list[tuple[CheckedItem, Finance]]:
        """Every ledger in time order (by start, then the shorter first)."""
        return sorted(self.of(Finance), key=lambda pair: (pair[1].period.start,
                                                          pair[1].period.end))

    def ledgers_on(self, day: date) -> list[tuple[CheckedItem, Finance]]:
        """The ledgers whose period holds `day` (a month's and its quarter's, say)."""
        return [(e, f) for e, f in self.ledgers() if f.period.start <= day <= f.period.end]


def villages(checked: list[CheckedItem]) -> list[Village]:
    """The checked items by village folder, in the order first seen."""
    folders: dict[Path, Village] = {}
    grouped: dict[Path, list[CheckedItem]] = defaultdict(list)
    for entry in checked:
        folder = entry.path.parent.resolve()
        grouped[folder].append(entry)
        folders.setdefault(folder, Village(folder))
    for folder, village in folders.items():
        village.every = grouped[folder]
        village.entries = [e for e in grouped[folder] if e.item is not None]
    return list(folders.values())


def line_of(entry: CheckedItem, path: FieldPath) -> int | None:
    """The line of `path` in the entry's file (of the nearest enclosing field)."""
    while True:
        if (line := entry.lines.get(path)) is not None:
            return line
        if not path:
            return None
        path = path[:-1]


def where(entry: CheckedItem, path: FieldPath) -> Localized:
    """`2026-Q2-财务.yaml 第52行`: the other side of a disagreement, for a message."""
    line = line_of(entry, path)
    if line is None:
        return Localized(entry.path.name, entry.path.name)
    return Localized(f"{entry.path.name} 第{line}行", f"{entry.path.name} line {line}")

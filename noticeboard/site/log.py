"""The site's append-only log: every version published and every item withdrawn.

One JSON object a line. Each line names the SHA-256 of the line before it, so a
line taken out or changed breaks the chain after it; the signed manifest names the
number of lines and the last line's hash, so the last line cannot be dropped
unseen either. A site is checked against an earlier copy of itself by asking that
the earlier log is the start of the later one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from noticeboard.errors import Finding, error

LOG_FILE = "log.jsonl"
GENESIS = "0" * 64  # the `prev` of the first line
PUBLISHED, WITHDRAWN = "published", "withdrawn"


@dataclass(frozen=True)
class Entry:
    """One line of the log, with the fields a page needs to list the version."""

    seq: int
    action: str
    item: str  # the item's folder in the site, `张家村/2026-Q3-财务`
    code: str
    fields: dict[str, Any]  # title, board, period, posted, sha256s… (published) / on (withdrawn)
    prev: str

    def line(self) -> bytes:
        data = {"seq": self.seq, "action": self.action, "item": self.item, "code": self.code,
                **self.fields, "prev": self.prev}
        return json.dumps(data, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8") + b"\n"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.line()).hexdigest()


@dataclass
class Log:
    entries: list[Entry]

    @property
    def head(self) -> str:
        return self.entries[-1].sha256 if self.entries else GENESIS

    def append(self, action: str, item: str, code: str, fields: dict[str, Any]) -> Entry:
        entry = Entry(len(self.entries) + 1, action, item, code, fields, self.head)
        self.entries.append(entry)
        return entry

    def to_bytes(self) -> bytes:
        return b"".join(entry.line() for entry in self.entries)

    def versions(self, item: str) -> list[Entry]:
        """The item's published versions, oldest first."""
        return [e for e in self.entries if e.item == item and e.action == PUBLISHED]

    def last(self, item: str) -> Entry | None:
        return next((e for e in reversed(self.entries) if e.item == item), None)

    def items(self) -> list[str]:
        """Every item ever published, in the order first published."""
        return list(dict.fromkeys(e.item for e in self.entries if e.action == PUBLISHED))


def read_log(site: Path) -> tuple[Log, list[Finding]]:
    """The site's log, and a finding for each line that breaks its chain."""
    path = site / LOG_FILE
    if not path.exists():
        return Log([]), []
    return parse_log(path.read_bytes(), path)


def parse_log(data: bytes, path: Path) -> tuple[Log, list[Finding]]:
    entries: list[Entry] = []
    findings: list[Finding] = []
    prev = GENESIS
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            value = json.loads(raw)
            entry = Entry(value.pop("seq"), value.pop("action"), value.pop("item"),
                          value.pop("code"), {}, value.pop("prev"))
            entry = Entry(entry.seq, entry.action, entry.item, entry.code, value, entry.prev)
        except (ValueError, KeyError, AttributeError, TypeError):
            findings.append(_at(error("site_log_unreadable", line=number), path, number))
            break
        if entry.prev != prev or entry.seq != number:
            findings.append(_at(error("site_log_broken", line=number), path, number))
            break
        if entry.line() != raw:  # the same fields spelt differently: not the line signed
            findings.append(_at(error("site_log_respelt", line=number), path, number))
            break
        entries.append(entry)
        prev = entry.sha256
    return Log(entries), findings


def grew_from(earlier: Log, later: Log) -> int | None:
    """The first line (from 1) where `later` stops repeating `earlier`, or None when it
    holds all of `earlier` as its start."""
    for index, entry in enumerate(earlier.entries):
        if index >= len(later.entries) or later.entries[index].line() != entry.line():
            return index + 1
    return None


def _at(finding: Finding, path: Path, line: int) -> Finding:
    return replace(finding, file=path, line=line)

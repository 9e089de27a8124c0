"""Real spies on what rendering reaches: every fetch, every file opened, every connection.

`record_fetches` wraps `TemplateFetcher.fetch`, the method WeasyPrint's
`URLFetcher.__call__` calls for every URL; `AuditLog` listens to Python's audit
events (`open`, `socket.connect`, …), which fire whatever code opens the file,
so a fetch that bypassed the fetcher would show up there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from noticeboard.poster import engine

_LISTENERS: list[list[tuple[str, str]]] = []
_EVENTS = ("open", "os.listdir", "socket.connect", "socket.getaddrinfo", "urllib.Request")


def _hook(event: str, args: tuple) -> None:
    if _LISTENERS and event in _EVENTS:
        target = args[0]
        if isinstance(target, bytes):
            target = os.fsdecode(target)
        for listener in _LISTENERS:
            listener.append((event, str(target)))


sys.addaudithook(_hook)  # hooks cannot be removed: this one is idle unless listened to


@contextmanager
def audit_log() -> Iterator[list[tuple[str, str]]]:
    """Every audited file open and network call made in this process meanwhile."""
    events: list[tuple[str, str]] = []
    _LISTENERS.append(events)
    try:
        yield events
    finally:
        _LISTENERS.remove(events)


def opened_outside(events: list[tuple[str, str]], *allowed: Path) -> list[str]:
    """Files opened that are not under an allowed folder (Python's own files and the
    fonts are allowed by the caller passing their folders)."""
    roots = [Path(os.path.realpath(folder)) for folder in allowed]
    outside = []
    for event, target in events:
        if event != "open" or target.isdigit():
            continue
        real = Path(os.path.realpath(target))
        if not any(real.is_relative_to(root) for root in roots):
            outside.append(target)
    return outside


def network_events(events: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(event, target) for event, target in events if not event.startswith(("open", "os."))]


def record_fetches(monkeypatch) -> list[tuple[str, bool]]:
    """Every URL WeasyPrint asks the fetcher for, and whether it was served."""
    attempts: list[tuple[str, bool]] = []
    original = engine.TemplateFetcher.fetch

    def recording(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except Exception:
            attempts.append((url, False))
            raise
        attempts.append((url, True))
        return response

    monkeypatch.setattr(engine.TemplateFetcher, "fetch", recording)
    return attempts

"""The villagers' questions about an item and their answers, as its page shows them.

The feedback register (a later wing) fills this; until it exists every item has none,
and its page says so and gives the channel (the supervision phone, the hotline).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Question:
    """One question as published: never who asked, only what and when, and the answer."""

    asked_on: str
    question: str
    answer: str | None = None
    answered_on: str | None = None


def questions_for(folder: PurePosixPath) -> list[Question]:
    """The published questions about the item at `folder` (`张家村/2026-Q3-财务`), oldest first."""
    return []

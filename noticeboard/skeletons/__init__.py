"""Commented starting files for `noticeboard new KIND`, one per kind."""

from pathlib import Path


def skeleton(kind: str) -> str:
    return (Path(__file__).parent / f"{kind}.yaml").read_text(encoding="utf-8")

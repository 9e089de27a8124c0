"""Commented starting files: `noticeboard new KIND` items and `noticeboard init` settings."""

from pathlib import Path
from string import Template


def skeleton(kind: str) -> str:
    return (Path(__file__).parent / f"{kind}.yaml").read_text(encoding="utf-8")


def settings_file(which: str, **names: str) -> str:
    """township.yaml or village.yaml with the names filled in."""
    return Template(skeleton(which)).substitute(**names)

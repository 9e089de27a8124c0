"""A copy of the example township to make inconsistent, one disagreement at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from noticeboard.checks.across.summary import ACROSS_CODES
from noticeboard.run.build import Build
from tests.conftest import EXAMPLES

SH = "双河村"


def copy_township(tmp_path: Path) -> Path:
    root = tmp_path / "青山镇"
    shutil.copytree(EXAMPLES, root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there, once) by `new`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path.name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def line(path: Path, needle: str, after: str | None = None) -> int:
    """The 1-based line of the first line holding `needle` (after the line holding `after`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, text in enumerate(lines) if after in text) if after else 0
    return next(i for i, text in enumerate(lines) if i >= start and needle in text) + 1


def across(root: Path) -> list[tuple[str, int | None, str]]:
    """(file, line, message) of each finding of the checks across documents."""
    build = Build.for_paths([root])
    build.check()
    return sorted((f.file.name if f.file else "", f.line, f.message())
                  for f in build.findings if f.code in ACROSS_CODES)


def codes(root: Path) -> list[str]:
    build = Build.for_paths([root])
    build.check()
    return [f.code for f in build.findings]

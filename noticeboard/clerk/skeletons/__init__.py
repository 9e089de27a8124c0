"""Commented starting files: `noticeboard new KIND` items and `noticeboard init` settings."""

from __future__ import annotations

import re
from pathlib import Path
from string import Template
from typing import Any, cast

from pydantic import BaseModel

_KEY_LINE = re.compile(r"^(?P<lead> *)(?P<hash># ?)?(?P<dash>- )?(?P<key>[a-z_]+):(?P<rest>.*)$")


def skeleton(kind: str) -> str:
    return (Path(__file__).parent / f"{kind}.yaml").read_text(encoding="utf-8")


def chinese_skeleton(kind: str) -> str:
    """The same skeleton with every key (and the kind) written in Chinese, as `check`
    reads them back: each key becomes its field's Chinese name."""
    from noticeboard.kinds import KIND_ALIASES, KINDS
    from noticeboard.kinds.keys import nested_model

    model = KINDS[kind]
    kind_name = next(alias for alias, name in KIND_ALIASES.items() if name == kind)
    stack: list[tuple[int, type[BaseModel] | None]] = [(-1, model)]
    lines = []
    for line in skeleton(kind).splitlines():
        match = _KEY_LINE.match(line)
        if match is None:
            lines.append(line)
            continue
        column = len(match["lead"]) + (2 if match["dash"] else 0)
        while stack[-1][0] >= column:
            stack.pop()
        parent = stack[-1][1]
        info = parent.model_fields.get(match["key"]) if parent is not None else None
        if info is None:
            lines.append(line)
            continue
        stack.append((column, nested_model(cast(Any, info.annotation))[0]))
        rest = match["rest"]
        if match["key"] == "kind" and parent is model:
            rest = re.sub(r"^(\s*)\S+", lambda m: m[1] + kind_name, rest, count=1)
        key = info.title or match["key"]
        lines.append(_realign(
            f"{match['lead']}{match['hash'] or ''}{match['dash'] or ''}{key}:{rest}"))
    return "\n".join(lines) + "\n"


def _realign(line: str) -> str:
    """Chinese keys are shorter than English ones: keep the comment in its column."""
    from noticeboard.formatting import display_width

    body, sep, comment = line.partition("  # ")
    if not sep or "'" in body or '"' in body:
        return line
    body = body.rstrip()
    return f"{body}{' ' * max(2, 29 - display_width(body))}# {comment.lstrip()}"


def settings_file(which: str, **names: str) -> str:
    """township.yaml or village.yaml with the names filled in."""
    return Template(skeleton(which)).substitute(**names)

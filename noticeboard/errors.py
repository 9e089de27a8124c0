"""Findings (errors and warnings) with their source location, and user-facing errors."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from noticeboard.messages import MESSAGES
from noticeboard.personal_data import mask_personal
from noticeboard.terminal import terminal_safe

FieldPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Localized(NamedTuple):
    """A message parameter that is itself words, given in both languages."""

    zh: str
    en: str


def shown(text: str) -> str:
    """Text as a message may show it: personal numbers masked, non-printing escaped."""
    return terminal_safe(mask_personal(text))


SEVERITY_LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning"},
}


@dataclass(frozen=True)
class Finding:
    """One problem found in one file, located by line and field path."""

    severity: Severity
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    field_path: FieldPath = ()
    file: Path | None = None
    line: int | None = None

    def message(self, lang: str = "zh") -> str:
        """The message in `lang`; whatever a parameter holds (a value, a key, a file
        name), no personal number is shown in full and no control character raw."""
        zh, en = MESSAGES[self.code]
        english = lang == "en"
        params = {key: (value.en if english else value.zh) if isinstance(value, Localized)
                  else value for key, value in self.params.items()}
        return shown((en if english else zh).format(**params))

    def located(self, file: Path, lines: Mapping[FieldPath, int]) -> Finding:
        """Fill in file and line from the line map (nearest enclosing field)."""
        line = self.line
        path = self.field_path
        while line is None:
            line = lines.get(path)
            if not path:
                break
            path = path[:-1]
        return replace(self, file=self.file or file, line=line)

    def format(self, lang: str = "zh") -> str:
        where = display_path(self.file) if self.file else "-"
        if self.line:
            where += f":{self.line}"
        label = SEVERITY_LABELS["en" if lang == "en" else "zh"][self.severity]
        dotted = format_field_path(self.field_path)
        middle = f" {dotted}" if dotted else ""
        return shown(f"{where}: {label}{middle}: {self.message(lang)}")


def error(code: str, path: FieldPath = (), **params: Any) -> Finding:
    return Finding(Severity.ERROR, code, params, path)


def warning(code: str, path: FieldPath = (), **params: Any) -> Finding:
    return Finding(Severity.WARNING, code, params, path)


def format_field_path(path: FieldPath) -> str:
    """`('income', 2, 'amount')` → `income[3].amount` (rows counted from 1, as clerks do)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def display_path(path: Path) -> str:
    """A path relative to the working folder when it lies below it, safe to print."""
    try:
        return shown(os.path.relpath(path))
    except ValueError:  # other drive on Windows
        return shown(str(path))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


class NoticeboardError(Exception):
    """A user error that stops a command: carries findings, caught once in the CLI."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.format("en") for f in findings))
        self.findings = findings

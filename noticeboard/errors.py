"""Findings (errors and warnings) with their source location, and user-facing errors."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from noticeboard.messages import MESSAGES
from noticeboard.personal_data import mask_personal
from noticeboard.terminal import terminal_safe

FieldPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


def shown(text: str) -> str:
    """Text as a message may show it: personal numbers masked, non-printing escaped."""
    return terminal_safe(mask_personal(text))


# The tail of a cut text that may be the start of a number: digits (and the stars of a
# mask), with the spaces, dashes and dots people write between digit groups.
_NUMBER_TAIL_RE = re.compile(r"[\d\*XxＸｘ \u3000\-－.．]+$")
_NUMBER_NEXT_RE = re.compile(r"[\d\*XxＸｘ]")


def clipped(text: str, limit: int) -> str:
    """`text` for a message: whole when it has at most `limit` characters, else its
    first `limit - 3` and `…`.

    Personal numbers are masked before the cut: cut first, a number would lose its
    end and with it the shape that lets it be found, and its region and birth date
    (`110105194912…`) would show. A cut that still falls in a run of digits (a number
    the detector does not know) goes back to before that run.
    """
    text = mask_personal(text)
    if len(text) <= limit:
        return text
    head = text[:limit - 3]
    tail = _NUMBER_TAIL_RE.search(head)
    if tail is not None and _NUMBER_NEXT_RE.match(text, len(head)) and \
            sum(c.isdigit() for c in tail.group()) >= 4:
        head = head[:tail.start()].rstrip()
    return head + "…"


SEVERITY_LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning"},
}


@dataclass(frozen=True)
class Localized:
    """A message parameter that reads differently per language (a list of choices:
    「男、女」 in Chinese, "男 or 女" in English)."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def __str__(self) -> str:
        return self.zh


# The operating system's reasons, in words a clerk reads (its own are English).
_OS_REASONS = {
    errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出了磁盘配额", errno.EACCES: "没有权限",
    errno.EPERM: "没有权限", errno.ENOENT: "找不到这个文件或文件夹", errno.EEXIST: "已有同名的文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹", errno.EISDIR: "这是一个文件夹",
    errno.ENAMETOOLONG: "文件名太长", errno.EROFS: "磁盘是只读的", errno.ELOOP: "符号链接绕成了圈",
    errno.EIO: "读写磁盘出错", errno.EBUSY: "文件正被其他程序占用", errno.ENXIO: "设备不存在",
    errno.EADDRINUSE: "这个端口已被其他程序占用", errno.EADDRNOTAVAIL: "本机没有这个地址",
    errno.EMFILE: "同时打开的文件太多", errno.ENOTEMPTY: "文件夹不是空的",
}


def os_reason(exc: OSError) -> Localized:
    """Why the system refused, in Chinese for zh and the system's own words for en."""
    zh = _OS_REASONS.get(exc.errno or -1, f"系统错误（错误号 {exc.errno}）")
    return Localized(zh, exc.strerror or str(exc))


@dataclass(frozen=True)
class Finding:
    """One problem found in one file, located by line and field path."""

    severity: Severity
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    field_path: FieldPath = ()
    file: Path | None = None
    line: int | None = None
    # The field path as written, for zh and en: ("名单[4].备注", "名单[4].备注 (recipients[4].note)")
    shown_path: tuple[str, str] | None = None

    def message(self, lang: str = "zh") -> str:
        """The message in `lang`; whatever a parameter holds (a value, a key, a file
        name), no personal number is shown in full and no control character raw."""
        zh, en = MESSAGES[self.code]
        params = {k: v.text(lang) if isinstance(v, Localized) else v
                  for k, v in self.params.items()}
        return shown((en if lang == "en" else zh).format(**params))

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
        dotted = self.field_text(lang)
        middle = f" {dotted}" if dotted else ""
        return shown(f"{where}: {label}{middle}: {self.message(lang)}")

    def field_text(self, lang: str = "zh") -> str:
        """The field as the clerk wrote it (rows counted from 1), e.g. `名单[4].备注`."""
        if self.shown_path is not None:
            return self.shown_path[1 if lang == "en" else 0]
        return format_field_path(self.field_path)


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


def sort_key(finding: Finding) -> tuple[str, int]:
    """File, then line: a clerk reads the findings top to bottom beside the file."""
    return (display_path(finding.file) if finding.file else "", finding.line or 0)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in file, then line order; the order they were found breaks ties."""
    return sorted(findings, key=sort_key)


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

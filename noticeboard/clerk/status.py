"""What each village has posted for a period, against what its township requires."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from noticeboard.checks.item import CheckedItem
from noticeboard.checks.settings import find_setting
from noticeboard.errors import (
    FieldPath,
    Finding,
    NoticeboardError,
    Severity,
    display_path,
    error,
    shown,
)
from noticeboard.kinds import KINDS, kind_for
from noticeboard.kinds.common import Period, parse_period_text
from noticeboard.kinds.settings import Frequency, Township
from noticeboard.run.build import Build
from noticeboard.sources.names import safe_name
from noticeboard.sources.settings import TOWNSHIP_FILE


class State(StrEnum):
    POSTED = "posted"        # window over
    OPEN = "open"            # on the board now: between its posting date and its end
    PENDING = "pending"      # ready, but its posting date has not come yet
    INVALID = "invalid"      # a file exists but has errors
    MISSING = "missing"      # due and not posted
    NOT_DUE = "not_due"      # the sub-period has not ended yet


STATE_WORDS = {
    "zh": {State.POSTED: "已公开", State.OPEN: "公示中", State.PENDING: "待张贴",
           State.INVALID: "有错误", State.MISSING: "缺失", State.NOT_DUE: "未到期"},
    "en": {State.POSTED: "posted", State.OPEN: "on board", State.PENDING: "to post",
           State.INVALID: "invalid", State.MISSING: "missing", State.NOT_DUE: "not due"},
}


@dataclass(frozen=True)
class Part:
    """One sub-period a village must post for, and what was found."""

    label: str
    start: date
    end: date
    state: State
    source: Path | None = None


@dataclass(frozen=True)
class Requirement:
    village: str
    kind: str
    every: Frequency
    parts: list[Part]


def village_status(build: Build, period_text: str, today: date) -> tuple[list[Requirement], list[Finding]]:
    """Every village's requirements for the period (from township.yaml), each part's state."""
    period = Period.model_validate(parse_period_text(period_text))
    # Broken settings first: a village whose village.yaml does not load would show every
    # part missing, and a township.yaml that does not load would seem to require nothing.
    # A township with no items yet is what status is for: everything is missing.
    settings_errors = [f for f in build.workspace.findings
                       if f.severity is Severity.ERROR and f.code != "no_items"]
    if settings_errors:
        return [], settings_errors
    township, township_file, problems = _township(build)
    if problems:
        return [], problems
    required = township.required if township else {}
    if not required:
        return [], [error("status_nothing_required",
                           file=display_path(township_file) if township_file else TOWNSHIP_FILE)]
    kinds, findings = _required_kinds(required, township_file)
    if findings:
        return [], findings
    rows: list[Requirement] = []
    for village, items in _villages(build).items():
        for kind, every in kinds.items():
            parts = [_part(label, start, end, kind, items, today)
                     for label, start, end in split_period(period, every)]
            rows.append(Requirement(village, kind, every, parts))
    return rows, []


def _required_kinds(required: dict[str, Frequency], township_file: Path | None
                    ) -> tuple[dict[str, Frequency], list[Finding]]:
    """township.yaml's `required:` by kind; an unknown kind, or one kind named twice
    (`财务公开: 季度` and `finance: 月`: which one holds?), is an error at its line."""
    lines = _lines(township_file)
    kinds: dict[str, Frequency] = {}
    first: dict[str, str] = {}
    findings = []
    for name, every in required.items():
        kind = kind_for(name)
        if kind is None:
            finding = error("kind_unknown", ("required", name), kind=name, known="、".join(KINDS))
        elif kind in kinds:
            finding = error("status_required_twice", ("required", name), name=name,
                            other=first[kind])
        else:
            kinds[kind], first[kind] = every, name
            continue
        findings.append(finding.located(township_file, lines) if township_file else finding)
    return kinds, findings


def _lines(path: Path | None) -> dict[FieldPath, int]:
    from noticeboard.sources.loader import load_yaml_file

    if path is None:
        return {}
    try:
        return load_yaml_file(path).lines
    except NoticeboardError:  # it loaded a moment ago; without lines the file is still named
        return {}


def _township(build: Build) -> tuple[Township | None, Path | None, list[Finding]]:
    """The township the villages belong to, its township.yaml, and why a village's or the
    township's settings did not load (read here too: a village with no items yet)."""
    settings = [c.setting for c in build.checked]
    problems: list[Finding] = []
    for folder in build.workspace.village_dirs:  # a village with no items: read only here
        setting, findings = find_setting(folder)
        settings.append(setting)
        problems += [f for f in findings if f not in problems]
    if problems:
        return None, None, problems
    found = next((s for s in settings if s.township is not None), None)
    if found is None or found.township_dir is None:
        return None, None, problems
    return found.township, found.township_dir / TOWNSHIP_FILE, problems


def _villages(build: Build) -> dict[str, list[CheckedItem]]:
    villages: dict[str, list[CheckedItem]] = {}
    for source, checked in zip(build.workspace.items, build.checked, strict=True):
        villages.setdefault(source.output_stem.parent.name or ".", []).append(checked)
    for folder in build.workspace.village_dirs:  # `.` (status inside a village) is named too
        villages.setdefault(safe_name(folder.resolve().name), [])
    return dict(sorted(villages.items()))


def _part(label: str, start: date, end: date, kind: str, items: list[CheckedItem],
          today: date) -> Part:
    covering = [c for c in items if c.item is not None and kind == c.item.KIND
                and c.item.period.start <= start and c.item.period.end >= end]
    broken = [c for c in items if c.item is None and kind_of_file(c) == kind]
    if covering:
        best = covering[0]
        assert best.item is not None
        if not best.ok:
            return Part(label, start, end, State.INVALID, best.path)
        return Part(label, start, end, posting_state(best, today), best.path)
    if broken:
        return Part(label, start, end, State.INVALID, broken[0].path)
    return Part(label, start, end, State.MISSING if end < today else State.NOT_DUE)


def posting_state(checked: CheckedItem, today: date) -> State:
    """On the board only from its posting date to the end of its window; before, it waits."""
    assert checked.item is not None
    if today < checked.item.posted:
        return State.PENDING
    window_end = checked.setting.defaults.window_end(checked.item)
    return State.POSTED if window_end < today else State.OPEN


def kind_of_file(checked: CheckedItem) -> str | None:
    data = checked.loaded.data if checked.loaded else None
    if isinstance(data, dict):
        raw = data.get("kind") or data.get("类型")
        return kind_for(raw) if isinstance(raw, str) else None
    return None


def split_period(period: Period, every: Frequency) -> list[tuple[str, date, date]]:
    """The months, quarters or years that fall within (or contain) the period."""
    parts: list[tuple[str, date, date]] = []
    year, month = period.start.year, period.start.month
    while date(year, month, 1) <= period.end:
        if every is Frequency.MONTH:
            start, end, label = date(year, month, 1), _month_end(year, month), f"{year}年{month}月"
        elif every is Frequency.QUARTER:
            quarter = (month - 1) // 3 + 1
            start = date(year, 3 * quarter - 2, 1)
            end, label = _month_end(year, 3 * quarter), f"{year}年第{'一二三四'[quarter - 1]}季度"
        else:
            start, end, label = date(year, 1, 1), date(year, 12, 31), f"{year}年度"
        if not parts or parts[-1][0] != label:
            parts.append((label, start, end))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return parts


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def as_json(rows: list[Requirement], period: str, today: date) -> dict[str, object]:
    return {
        "period": period,
        "today": today.isoformat(),
        "requirements": [
            {"village": shown(r.village), "kind": r.kind, "every": r.every.value,
             "parts": [{"period": p.label, "state": p.state.value,
                        "source": shown(p.source.as_posix()) if p.source else None}  # masked
                       for p in r.parts]}
            for r in rows],
    }


def table(rows: list[Requirement], lang: str = "zh") -> list[str]:
    """Villages down, required kinds across; widths counted as a terminal shows CJK."""
    kinds = list(dict.fromkeys(r.kind for r in rows))
    villages = list(dict.fromkeys(r.village for r in rows))
    cells = {(r.village, r.kind): _cell(r, lang) for r in rows}
    corner = "village" if lang == "en" else "村"
    grid = [[corner, *(k if lang == "en" else KINDS[k].NAME_ZH for k in kinds)]]
    grid += [[v, *(cells.get((v, k), "") for k in kinds)] for v in villages]
    widths = [max(display_width(row[i]) for row in grid) for i in range(len(grid[0]))]
    return ["  ".join(pad(text, width) for text, width in zip(row, widths, strict=True)).rstrip()
            for row in grid]


def _cell(requirement: Requirement, lang: str = "zh") -> str:
    words = STATE_WORDS["en" if lang == "en" else "zh"]
    if len(requirement.parts) == 1:
        return words[requirement.parts[0].state]
    if lang == "en":
        return " ".join(f"{p.start:%Y-%m}:{words[p.state]}" for p in requirement.parts)
    return " ".join(f"{_short(p.label)}{words[p.state]}" for p in requirement.parts)


def _short(label: str) -> str:
    return label.split("年", 1)[1] if "年" in label and not label.endswith("年度") else label


def display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))

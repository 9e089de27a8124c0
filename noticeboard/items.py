"""One item's way from file to checked model: load, pick its kind, parse, apply rules."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from noticeboard.config import Setting
from noticeboard.errors import FieldPath, Finding, NoticeboardError, error, has_errors
from noticeboard.loader import LoadedYaml, load_yaml_file
from noticeboard.models import KIND_ALIASES, KINDS, Envelope, kind_for
from noticeboard.models.keys import normalize_keys
from noticeboard.rules import check_rules
from noticeboard.rules.privacy import check_file_name, check_privacy, check_source, check_unparsed
from noticeboard.validation import validation_findings

KIND_KEYS = ("kind", "类型")


@dataclass
class CheckedItem:
    """An item file after checking: the model when it parsed, and every finding."""

    path: Path
    setting: Setting
    loaded: LoadedYaml | None = None
    item: Envelope | None = None
    findings: list[Finding] = field(default_factory=list)
    lines: dict[FieldPath, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.item is not None and not has_errors(self.findings)


def check_item(path: Path, setting: Setting) -> CheckedItem:
    checked = CheckedItem(path, setting)
    try:
        checked.loaded = load_yaml_file(path)
    except NoticeboardError as exc:
        checked.findings = exc.findings + check_unparsed(path) + check_file_name(path)
        return checked
    loaded = checked.loaded
    findings, lines = list(loaded.notes), loaded.lines
    if not isinstance(loaded.data, dict):
        findings.append(error("root_not_mapping"))
    else:
        item, found, lines = parse_item(loaded.data, lines)
        findings += found
        if item is not None:
            findings += check_rules(item, setting)
        checked.item = item
    findings += check_source(loaded)  # comments, unknown keys: what the value checks missed
    checked.findings = [f.located(path, lines) for f in findings] + check_file_name(path)
    checked.lines = lines
    return checked


def parse_item(
    data: dict[str, Any], lines: dict[FieldPath, int]
) -> tuple[Envelope | None, list[Finding], dict[FieldPath, int]]:
    """The model for `data` (None when invalid), findings, and the re-keyed line map."""
    kind_key = next((k for k in KIND_KEYS if k in data), None)
    if kind_key is None:
        return None, [error("kind_missing")], lines
    raw_kind = data[kind_key]
    kind = kind_for(raw_kind) if isinstance(raw_kind, str) else None
    if kind is None:
        return None, [_unknown_kind(raw_kind, kind_key)], lines
    model = KINDS[kind]
    normalized, findings, new_lines = normalize_keys(model, data, lines)
    normalized["kind"] = kind
    findings += check_privacy(normalized)
    try:
        item = model.model_validate(normalized)
    except ValidationError as exc:
        return None, findings + validation_findings(exc, model), new_lines
    return item, findings, new_lines


def _unknown_kind(raw_kind: Any, kind_key: str) -> Finding:
    names = [*KINDS, *KIND_ALIASES]
    nearest = difflib.get_close_matches(str(raw_kind), names, n=1, cutoff=0.5)
    if nearest:
        return error("kind_unknown_near", (kind_key,), kind=raw_kind, nearest=nearest[0])
    known = "、".join(f"{name}（{model.NAME_ZH}）" for name, model in KINDS.items())
    return error("kind_unknown", (kind_key,), kind=raw_kind, known=known)

"""One item's way from file to checked model: load, pick its kind, parse, apply rules."""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from noticeboard.checks import fonts as fontcheck
from noticeboard.checks.privacy import (
    check_file_name,
    check_privacy,
    check_source,
    check_unparsed,
    walk_strings,
)
from noticeboard.checks.rules import check_rules
from noticeboard.checks.rules.placeholders import check_placeholders
from noticeboard.checks.validation import validation_findings
from noticeboard.errors import (
    FieldPath,
    Finding,
    Localized,
    NoticeboardError,
    error,
    format_field_path,
    has_errors,
    sorted_findings,
)
from noticeboard.kinds import KIND_ALIASES, KINDS, Envelope, kind_for
from noticeboard.kinds.keys import has_cjk, normalize, shown_path
from noticeboard.kinds.settings import Setting
from noticeboard.sources.loader import LoadedYaml, decode_text, load_yaml_file
from noticeboard.sources.names import undecodable_name

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
    if (unreadable := name_encoding_finding(path)) is not None:
        checked.findings = [unreadable]  # its state, report and PDF could not even be written
        return checked
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
        parsed = parse_item(loaded.data, lines)
        findings += parsed.findings
        lines = parsed.lines
        if parsed.item is not None:
            findings += check_rules(parsed.item, setting)
        elif parsed.partial is not None:  # one pass: the rules that can run, run now
            findings += check_rules(parsed.partial, setting, partial=True)
        findings += glyph_findings(parsed)
        findings += placeholder_findings(parsed, loaded, setting)
        checked.item = parsed.item
        findings = [_named(f, parsed) for f in findings]
    findings += check_source(loaded)  # comments, unknown keys: what the value checks missed
    checked.findings = sorted_findings([*(f.located(path, lines) for f in findings),
                                        *check_file_name(path)])
    checked.lines = lines
    return checked


@dataclass
class Parsed:
    """One file's data read as its kind: the model when everything validated, else the
    fields that did (`partial`, for the rules); findings; lines; paths as written."""

    item: Envelope | None
    findings: list[Finding]
    lines: dict[FieldPath, int]
    data: dict[str, Any] = field(default_factory=dict)  # with canonical keys once known
    partial: Envelope | None = None
    model: type[Envelope] | None = None
    written: dict[FieldPath, FieldPath] = field(default_factory=dict)
    chinese: bool = False


def parse_item(data: dict[str, Any], lines: dict[FieldPath, int]) -> Parsed:
    """The model for `data` (None when invalid), findings, and the re-keyed line map."""
    kind_key = next((k for k in KIND_KEYS if k in data), None)
    if kind_key is None:
        return Parsed(None, [error("kind_missing")], lines, data)
    raw_kind = data[kind_key]
    kind = kind_for(raw_kind) if isinstance(raw_kind, str) else None
    if kind is None:
        return Parsed(None, [_unknown_kind(raw_kind, kind_key)], lines, data)
    model = KINDS[kind]
    normalized = normalize(model, data, lines)
    normalized.data["kind"] = kind
    findings = normalized.findings + check_privacy(normalized.data)
    chinese = _mostly_chinese(data)
    try:
        item = model.model_validate(normalized.data)
    except ValidationError as exc:
        return Parsed(None, findings + validation_findings(exc, model), normalized.lines,
                      normalized.data, partial_item(model, normalized.data, exc), model,
                      normalized.written, chinese)
    return Parsed(item, findings, normalized.lines, normalized.data, None, model,
                  normalized.written, chinese)


def partial_item(model: type[Envelope], data: dict[str, Any],
                 exc: ValidationError) -> Envelope:
    """The item with only the top-level fields that validated on their own.

    A field that failed, or was left out, is absent: a rule that reads it raises
    AttributeError and is skipped, so no rule ever sees a guessed or default value."""
    failed = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
    valid: dict[str, Any] = {}
    for name, value in data.items():
        if name in failed or name not in model.model_fields:
            continue
        try:
            valid[name] = _field_adapter(model, name).validate_python(value)
        except ValidationError:
            failed.add(name)
    item = model.model_construct(**valid)
    for failed_name in failed:  # model_construct filled defaults (an empty list) for these
        item.__dict__.pop(failed_name, None)
    return item


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, info])  # type: ignore[arg-type]  # built at run time


GLYPHS_LISTED = 5  # past this, one summary: the machine lacks a font, not the file a word


def glyph_findings(parsed: Parsed) -> list[Finding]:
    """Characters of the item that no installed font can draw: render would print blank
    boxes, so `check` says so first, naming where each one is."""
    strings = list(walk_strings(parsed.data))
    missing = fontcheck.uncovered(text for _, text in strings)
    findings = []
    for char in missing[:GLYPHS_LISTED]:
        paths = [path for path, text in strings if char in text]
        names = [_path_names(p, parsed) for p in paths[:3]]
        fields = Localized("、".join(zh for zh, _ in names), ", ".join(en for _, en in names))
        findings.append(error("glyph_missing", paths[0], char=char,
                              codepoint=f"{ord(char):04X}", fields=fields))
    if len(missing) > GLYPHS_LISTED:
        first = next(path for path, text in strings if missing[GLYPHS_LISTED] in text)
        findings.append(error("glyphs_missing_many", first, count=len(missing) - GLYPHS_LISTED,
                              sample="".join(missing[GLYPHS_LISTED:GLYPHS_LISTED + 10])))
    return findings


def name_encoding_finding(path: Path) -> Finding | None:
    """A name (the item's, its folder's) in bytes this machine does not read as text."""
    undecodable = undecodable_name(path)
    if undecodable is None:
        return None
    name, encoding, guess = undecodable
    said = Localized(f"，读作 UTF-8 或 GBK 是「{guess}」", f" (read as UTF-8 or GBK: `{guess}`)") \
        if guess else Localized("", "")
    return replace(error("name_undecodable", name=name, encoding=encoding.upper(), guess=said),
                   file=path)


def placeholder_findings(parsed: Parsed, loaded: LoadedYaml, setting: Setting) -> list[Finding]:
    """Sample values and placeholders the clerk has not replaced (rules/placeholders.py)."""
    text, _ = decode_text(loaded.raw)
    return check_placeholders(parsed.data, text, parsed.lines, setting.defaults.placeholders)


def _mostly_chinese(data: dict[str, Any]) -> bool:
    keys = [k for k in data if isinstance(k, str)]
    return sum(has_cjk(k) for k in keys) * 2 > len(keys)


def _named(finding: Finding, parsed: Parsed) -> Finding:
    """Name the finding's field as the file wrote it."""
    if not finding.field_path or parsed.model is None:
        return finding
    return replace(finding, shown_path=_path_names(finding.field_path, parsed))


def _path_names(path: FieldPath, parsed: Parsed) -> tuple[str, str]:
    if parsed.model is None:
        return format_field_path(path), format_field_path(path)
    return shown_path(parsed.model, path, parsed.written, parsed.chinese)


def _unknown_kind(raw_kind: Any, kind_key: str) -> Finding:
    names = [*KINDS, *KIND_ALIASES]
    nearest = difflib.get_close_matches(str(raw_kind), names, n=1, cutoff=0.5)
    if nearest:
        return error("kind_unknown_near", (kind_key,), kind=raw_kind, nearest=nearest[0])
    known = "、".join(f"{name}（{model.NAME_ZH}）" for name, model in KINDS.items())
    return error("kind_unknown", (kind_key,), kind=raw_kind, known=known)

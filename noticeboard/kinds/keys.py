"""Map the keys a clerk typed (English or Chinese) to the model's field names.

Unknown keys are errors that name the nearest known key, so a typo never drops
data silently; keys that would carry personal data get a privacy message.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from noticeboard.errors import FieldPath, Finding, error, format_field_path
from noticeboard.personal_data import SENSITIVE_KEYS


def field_aliases(info: FieldInfo) -> list[str]:
    """The Chinese names of a field: its title first, then any extra aliases."""
    names = [info.title] if info.title else []
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    names += list(extra.get("aliases", []))  # type: ignore[arg-type]
    return names


@functools.cache
def key_table(model: type[BaseModel]) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, info in model.model_fields.items():
        table[name] = name
        for alias in field_aliases(info):
            table.setdefault(alias, name)
    return table


@functools.cache
def nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside `Model`, `Model | None` or `list[Model]`, and whether it is a list."""
    origin = typing.get_origin(annotation)
    if origin is list:
        inner, _ = nested_model(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner, is_list = nested_model(arg)
            if inner is not None:
                return inner, is_list
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def normalize_keys(
    model: type[BaseModel], data: dict[str, Any], lines: dict[FieldPath, int] | None = None
) -> tuple[dict[str, Any], list[Finding], dict[FieldPath, int]]:
    """Data with canonical keys, the key findings, and the line map re-keyed to match."""
    normalized = normalize(model, data, lines)
    return normalized.data, normalized.findings, normalized.lines


@dataclass
class Normalized:
    """Data with canonical keys; `written` maps each canonical path to the file's own."""

    data: dict[str, Any]
    findings: list[Finding]
    lines: dict[FieldPath, int]
    written: dict[FieldPath, FieldPath]


def normalize(model: type[BaseModel], data: dict[str, Any],
              lines: dict[FieldPath, int] | None = None) -> Normalized:
    normalizer = _KeyNormalizer(lines or {})
    result = normalizer.mapping(model, data, (), ())
    return Normalized(result, normalizer.findings, normalizer.lines, normalizer.written)


class _KeyNormalizer:
    def __init__(self, source_lines: dict[FieldPath, int]):
        self.source_lines = source_lines
        self.lines: dict[FieldPath, int] = {}
        self.written: dict[FieldPath, FieldPath] = {}
        self.findings: list[Finding] = []

    def _line(self, path: FieldPath, source: FieldPath) -> None:
        self.written[path] = source
        if source in self.source_lines:
            self.lines[path] = self.source_lines[source]

    def mapping(self, model: type[BaseModel], data: dict[str, Any], path: FieldPath,
                source: FieldPath) -> dict[str, Any]:
        self._line(path, source)
        table = key_table(model)
        result: dict[str, Any] = {}
        given_as: dict[str, str] = {}
        for key, value in data.items():
            name = table.get(key)
            if name is None:
                self.findings.append(_unknown_key(key, table, (*path, key)))
                self._line((*path, key), (*source, key))
                continue
            if name in given_as:
                self.findings.append(error("key_twice", (*path, name), key=key,
                                           other=given_as[name]))
                continue
            given_as[name] = key
            self._line((*path, name), (*source, key))
            annotation = model.model_fields[name].annotation
            result[name] = self.value(annotation, value, (*path, name), (*source, key))
        return result

    def value(self, annotation: Any, value: Any, path: FieldPath, source: FieldPath) -> Any:
        inner, is_list = nested_model(annotation)
        if inner is None:
            return value
        if is_list and isinstance(value, list):
            rows = []
            for index, row in enumerate(value):
                self._line((*path, index), (*source, index))
                if isinstance(row, dict):
                    row = self.mapping(inner, row, (*path, index), (*source, index))
                rows.append(row)
            return rows
        if not is_list and isinstance(value, dict):
            return self.mapping(inner, value, path, source)
        return value


def _unknown_key(key: str, table: dict[str, str], path: FieldPath) -> Finding:
    if key.strip().lower() in SENSITIVE_KEYS:
        return error("privacy_key", path, key=key)
    nearest = difflib.get_close_matches(key, list(table), n=1, cutoff=0.5)
    if nearest:
        return error("key_unknown_near", path, key=key, nearest=nearest[0])
    known = "、".join(k for k, v in table.items() if k == v)
    return error("key_unknown", path, key=key, known=known)


def field_label(model: type[BaseModel], path: FieldPath) -> str:
    """`期初余额（opening_balance）` for a field path, walking nested models."""
    current: type[BaseModel] | None = model
    label = str(path[-1]) if path else ""
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return label
        label = f"{info.title}（{part}）" if info.title else part
        current, _ = nested_model(typing.cast(Any, info.annotation))
    return label


def field_names(model: type[BaseModel], path: FieldPath) -> list[tuple[str | int, str | int]]:
    """Each part of a canonical path with its Chinese title: `[("recipients", "名单"), (3, 3)]`.
    A part the model does not know (an unknown key) keeps its own text in both."""
    current: type[BaseModel] | None = model
    names: list[tuple[str | int, str | int]] = []
    for part in path:
        if isinstance(part, int) or current is None:
            names.append((part, part))
            continue
        info = current.model_fields.get(part)
        if info is None:
            names.append((part, part))
            current = None
            continue
        names.append((part, info.title or part))
        current, _ = nested_model(typing.cast(Any, info.annotation))
    return names


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def shown_path(model: type[BaseModel], path: FieldPath, written: dict[FieldPath, FieldPath],
               chinese: bool) -> tuple[str, str]:
    """The path as the file wrote it, for zh and for en output.

    A field the file left out is named in the file's language (`chinese`: its keys are
    mostly Chinese). English output adds the English path in brackets when they differ."""
    parts: list[str | int] = []
    for index, (english, title) in enumerate(field_names(model, path)):
        source = written.get(path[: index + 1])
        if source is not None and source:
            parts.append(source[-1])
        else:
            parts.append(title if chinese else english)
    as_written = format_field_path(tuple(parts))
    english = format_field_path(path)
    if as_written != english and has_cjk(as_written):
        return as_written, f"{as_written} ({english})"
    return as_written, as_written

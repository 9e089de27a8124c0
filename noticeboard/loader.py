"""Strict YAML reading: text in, plain data plus a line map out, nothing guessed.

Every scalar stays a string (or None for an empty value): `0571`, `yes`, `1:30`
and `2026-10-01` reach the schema as typed, and only the schema decides what
becomes a number, a date or a boolean. Aliases, duplicate keys, multiple
documents, deep nesting and oversized files are refused with a location.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from noticeboard.errors import FieldPath, Finding, NoticeboardError, error, warning

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20
NULL_WORDS = {"", "~", "null", "Null", "NULL"}


@dataclass
class LoadedYaml:
    """A file's data with the line of every field, and how it was decoded."""

    path: Path
    raw: bytes
    data: Any
    lines: dict[FieldPath, int]
    notes: list[Finding] = field(default_factory=list)


class _Refusal(Exception):
    def __init__(self, code: str, mark: yaml.Mark | None, **params: Any):
        super().__init__(code)
        self.code, self.mark, self.params = code, mark, params


class _StrictLoader(Reader, Scanner, Parser, Composer, BaseResolver):
    """Composes nodes only; refuses aliases and deep nesting while composing."""

    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            raise _Refusal("yaml_alias", self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refusal("yaml_too_deep", self.peek_event().start_mark, limit=MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml_file(path: Path) -> LoadedYaml:
    """Read one YAML file strictly; raise NoticeboardError with every problem found."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise NoticeboardError([_at(path, error("file_too_large", size=size,
                                                    limit=MAX_FILE_BYTES))])
        raw = path.read_bytes()
    except OSError as exc:
        raise NoticeboardError([_at(path, error("file_unreadable", reason=exc.strerror))]) from None
    text, notes = decode_text(raw)
    if text is None:
        raise NoticeboardError([_at(path, f) for f in notes])
    data, lines = parse_yaml_text(text, path)
    return LoadedYaml(path, raw, data, lines, [_at(path, n) for n in notes])


def decode_text(raw: bytes) -> tuple[str | None, list[Finding]]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else strict GB18030 with a warning."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", None)]
    elif raw.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", None)]
    else:
        candidates = [("utf-8", None), ("gb18030", "encoding_gb18030")]
    for encoding, note in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            return None, [error("file_not_text")]
        if note and not _plausibly_chinese(text):
            break  # bytes that happen to decode as GB18030 but read as nonsense
        return text, [warning(note)] if note else []
    return None, [error("file_bad_encoding")]


# What a clerk's GBK file holds beyond ASCII: Han characters, CJK and full-width
# punctuation, and a few symbols (℃ ① ㎡ ×). Anything else after a GB18030
# decode means the file was in another encoding, and is refused, not guessed.
_CHINESE_RANGES = (
    (0x00B0, 0x00B1), (0x00B7, 0x00B7), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
    (0x2010, 0x203B), (0x2103, 0x2116), (0x2160, 0x216B), (0x2460, 0x249B),
    (0x2500, 0x254B), (0x25A0, 0x25CF), (0x2605, 0x2606), (0x3000, 0x303F),
    (0x3200, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF01, 0xFFEF), (0x20000, 0x3134F),
)


def _plausibly_chinese(text: str) -> bool:
    return all(
        ord(ch) < 0x80 or any(low <= ord(ch) <= high for low, high in _CHINESE_RANGES)
        for ch in text
    )


def _looks_binary(text: str) -> bool:
    return any(
        unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text[:100_000]
    )


def parse_yaml_text(text: str, path: Path) -> tuple[Any, dict[FieldPath, int]]:
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except _Refusal as refusal:
        raise NoticeboardError([_refusal_finding(path, refusal)]) from None
    except yaml.MarkedYAMLError as exc:
        raise NoticeboardError([_syntax_finding(path, exc)]) from None
    except yaml.YAMLError as exc:
        raise NoticeboardError([_at(path, error("yaml_syntax", problem=str(exc)))]) from None
    finally:
        loader.dispose()
    if root is None:
        raise NoticeboardError([_at(path, error("file_empty"))])
    builder = _DataBuilder(path)
    data = builder.build(root, ())
    if builder.problems:
        raise NoticeboardError(builder.problems)
    return data, builder.lines


class _DataBuilder:
    """Turns composed nodes into dicts, lists and strings, recording lines."""

    def __init__(self, path: Path):
        self.path = path
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Finding] = []

    def build(self, node: Node, path: FieldPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.style is None and node.value in NULL_WORDS:
            return None
        return node.value

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.problems.append(_at(self.path, error("yaml_complex_key"), line))
                continue
            key = key_node.value
            if key in first_line:
                self.problems.append(_at(self.path, error(
                    "yaml_duplicate_key", key=key, first=first_line[key], second=line), line))
                continue
            first_line[key] = line
            self.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result


def _at(path: Path, finding: Finding, where: yaml.Mark | int | None = None) -> Finding:
    line = where.line + 1 if isinstance(where, yaml.Mark) else where
    return replace(finding, file=path, line=line)


def _refusal_finding(path: Path, refusal: _Refusal) -> Finding:
    return _at(path, error(refusal.code, **refusal.params), refusal.mark)


# PyYAML's problems, said in words a clerk can act on.
_SYNTAX_HINTS = [
    ("that cannot start any token", "'\\t'", "yaml_tab"),
    ("tab character", "", "yaml_tab"),
    ("expected a single document", "", "yaml_multiple_documents"),
    ("mapping values are not allowed here", "", "yaml_colon_in_value"),
    ("could not find expected ':'", "", "yaml_missing_colon"),
    ("found duplicate anchor", "", "yaml_alias"),
]


def _syntax_finding(path: Path, exc: yaml.MarkedYAMLError) -> Finding:
    problem = exc.problem or exc.context or "?"
    said = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    for fragment, needle, code in _SYNTAX_HINTS:
        if fragment in said and needle in said:
            return _at(path, error(code), mark)
    return _at(path, error("yaml_syntax", problem=problem), mark)

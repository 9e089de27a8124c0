"""Strict YAML reading: text in, plain data plus a line map out, nothing guessed.

Every scalar stays a string (or None for an empty value): `0571`, `yes`, `1:30`
and `2026-10-01` reach the schema as typed, and only the schema decides what
becomes a number, a date or a boolean. Aliases, duplicate keys, multiple
documents, deep nesting and oversized files are refused with a location.
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from noticeboard.errors import (
    FieldPath,
    Finding,
    Localized,
    NoticeboardError,
    error,
    os_reason,
    warning,
)
from noticeboard.sources.typing_slips import always_slips, slips_behind_error

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


def _line(event: yaml.Event) -> int:
    """The 1-based line an event starts on (the parser always marks its events)."""
    assert event.start_mark is not None
    return int(event.start_mark.line) + 1


class _Refusal(Exception):
    def __init__(self, code: str, mark: Any, **params: Any):  # libyaml's Mark or PyYAML's
        super().__init__(code)
        self.code, self.mark, self.params = code, mark, params


# libyaml (C) reads a 300-row file in a millisecond where the pure-Python reader
# takes 30; both yield the same events.
_EVENT_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def not_regular(path: Path) -> Finding | None:
    """A finding when `path` exists but is a FIFO, a device or a socket: reading one
    would block or never end (`/dev/zero`, `/dev/stdin`, a named pipe)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # missing or unreadable: the reader says so in its own words
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _at(path, error("file_not_regular"))


def load_yaml_file(path: Path) -> LoadedYaml:
    """Read one YAML file strictly; raise NoticeboardError with every problem found."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would block or never end
            raise NoticeboardError([_at(path, error("file_not_regular"))])
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise NoticeboardError([_at(path, error("file_too_large", size=size,
                                                    limit=MAX_FILE_BYTES))])
        raw = path.read_bytes()
    except OSError as exc:
        raise NoticeboardError([_at(path, error("file_unreadable", reason=os_reason(exc)))]) from None
    text, notes = decode_text(raw)
    if text is None:
        raise NoticeboardError([_at(path, f) for f in notes])
    data, lines = parse_yaml_text(text, path)
    _refuse_typing_slips(text, path, data)
    notes += values_cut_by_hash(text, data)
    return LoadedYaml(path, raw, data, lines, [_at(path, n) for n in notes])


def _refuse_typing_slips(text: str, path: Path, data: Any) -> None:
    """A Chinese keyboard's slips that still parse (typing_slips.py): an ideographic-space
    indent, a full-width comma in brackets, a file that read as one text for its ：."""
    slips = always_slips(text)
    if not isinstance(data, dict | list):
        slips += slips_behind_error(text, None)
    if slips:
        raise NoticeboardError([slip.finding(path) for slip in slips])


def _explained_syntax_error(path: Path, exc: yaml.MarkedYAMLError, text: str) -> list[Finding]:
    """The slips that caused a syntax error, each on its own line; else PyYAML's problem."""
    mark = exc.problem_mark or exc.context_mark
    slips = slips_behind_error(text, mark.line + 1 if mark is not None else None)
    return [slip.finding(path) for slip in slips] or [_syntax_finding(path, exc, text)]


def decode_text(raw: bytes) -> tuple[str | None, list[Finding]]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else strict GB18030 with a warning.

    Every refusal names its line: the first line that is not text, or not in the
    file's encoding. A UTF-8 file with a line pasted from a GBK file is refused
    naming that line, never read whole as GB18030 mojibake (浜轰簨 for 人事).
    """
    candidates: list[tuple[str, str | None]]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", None)]
    elif b"\x00" in raw:  # NUL bytes: an image, a spreadsheet, a Word file...
        return None, [_on_line(error("file_not_text"), raw[:raw.index(b"\x00")].count(b"\n") + 1)]
    elif raw.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", None)]
    else:
        candidates = [("utf-8", None), ("gb18030", "encoding_gb18030")]
        mixed = _mixed_lines(raw)
        if mixed:
            shown = "、".join(str(n) for n in mixed[:5]) + ("……" if len(mixed) > 5 else "")
            return None, [_on_line(error("file_mixed_encoding", lines=shown), mixed[0])]
    first_bad: int | None = None
    for encoding, note in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            first_bad = _line_of_byte(raw, exc.start, encoding)  # the last encoding tried: the file's
            continue
        if (binary := _CONTROL_CHARACTERS.search(text)) is not None:
            return None, [_on_line(error("file_not_text"), text[:binary.start()].count("\n") + 1)]
        if note and (odd := _first_implausible(text)) is not None:
            first_bad = odd  # bytes that decode as GB18030 but read as nonsense: that line
            break
        return text, [warning(note)] if note else []
    return None, [_on_line(error("file_bad_encoding"), first_bad)]


def _on_line(finding: Finding, line: int | None) -> Finding:
    return replace(finding, line=line)


def _line_of_byte(raw: bytes, index: int, encoding: str) -> int:
    if encoding.startswith("utf-16"):  # count decoded line ends: bytes of "\n" are two wide
        return raw[:index].decode(encoding, errors="replace").count("\n") + 1
    return raw[:index].count(b"\n") + 1


def _mixed_lines(raw: bytes) -> list[int]:
    """Lines that are not UTF-8 in a file whose other non-ASCII lines are: pasted text.

    When most non-ASCII lines are not UTF-8, the file is in another encoding (GBK),
    and the few that decode as UTF-8 do so by chance.
    """
    utf8 = 0
    other = []
    for number, line in enumerate(raw.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8 += 1
    return other if other and utf8 >= len(other) else []


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


def _in_gbk(ch: str) -> bool:
    """Whether Notepad's GBK (Windows code page 936) holds `ch`: ≥ → √ ⅰ are as much a
    clerk's characters as Han ones. GB18030's four-byte rest (beyond the Han ranges) is
    where a file in another encoding lands, and stays refused."""
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def _first_implausible(text: str) -> int | None:
    """The line of the first character a clerk's GBK file would not hold, if any."""
    for index, ch in enumerate(text):
        if ord(ch) >= 0x80 and not _in_gbk(ch) and \
                not any(low <= ord(ch) <= high for low, high in _CHINESE_RANGES):
            return text[:index].count("\n") + 1
    return None


# Control characters other than tab and line ends: not something a clerk typed.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def parse_yaml_text(text: str, path: Path) -> tuple[Any, dict[FieldPath, int]]:
    refuse_breaks_only_yaml_sees(text, path)
    builder = _EventBuilder(path)
    try:
        for event in yaml.parse(text, Loader=_EVENT_LOADER):
            builder.feed(event)
    except _Refusal as refusal:
        raise NoticeboardError([_refusal_finding(path, refusal)]) from None
    except yaml.MarkedYAMLError as exc:
        raise NoticeboardError(_explained_syntax_error(path, exc, text)) from None
    except yaml.YAMLError as exc:
        raise NoticeboardError([_at(path, error("yaml_syntax", problem=_unknown(str(exc))))]) \
            from None
    if builder.problems:
        raise NoticeboardError(builder.problems)
    if builder.root is None:
        raise NoticeboardError([_at(path, error("file_empty"))])
    return builder.root, builder.lines


# Bidirectional controls reorder what is shown: U+202E made a poster show 王桂英 for
# the data 王‮英桂. Listed apart from other invisible format characters for the message.
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _hidden_character(ch: str) -> str | None:
    """The message code for a character a clerk cannot see, if `ch` is one."""
    if ch in "\t\n":
        return None
    if ch in _BIDI:
        return "text_bidi"
    category = unicodedata.category(ch)
    if category == "Cc":  # NUL and other controls, reachable through "\0", "\x01" escapes
        return "text_control"
    if category == "Cf":  # zero-width space and joiners, soft hyphen, a BOM inside text...
        return "text_invisible"
    return _lookalike_character(ch)


# --- issue 25: where YAML and an editor read the same text differently ---

# U+2028 and U+2029 (and NEL) are line breaks to YAML and not to most editors: a row
# hidden after what the editor shows as a comment is published, and the line numbers
# of every message after it are off. Refused before parsing, at the editor's line.
_BREAKS_ONLY_YAML_SEES_RE = re.compile("[\u2028\u2029\x85]")


def refuse_breaks_only_yaml_sees(text: str, path: Path) -> None:
    found = [_at(path, error("text_line_separator", codepoint=f"{ord(m.group()):04X}",
                             name=unicodedata.name(m.group(), "NEXT LINE")),
                 text.count("\n", 0, m.start()) + 1)
             for m in _BREAKS_ONLY_YAML_SEES_RE.finditer(text)]
    if found:
        raise NoticeboardError(found[:5])


# Letters that draw nothing (Hangul fillers, the blank Braille pattern, Khmer inherent
# vowels, the combining grapheme joiner, Mongolian and other variation selectors): a
# name made of them printed as a blank cell with money beside it.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u034f"
                           "\u180b\u180c\u180d\u180f")


def _lookalike_character(ch: str) -> str | None:
    """Characters that look like nothing, or like another character, in a value."""
    if ch < "\u034f":
        return None
    if ch in _BLANK_LETTERS or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        return "text_blank_letter"
    # A compatibility ideograph (U+F900–FAFF, U+2F800–2FA1F) or a Kangxi radical looks
    # exactly like a common character and is another one to every search and comparison:
    # one 村民 introducer could be two. Twelve ideographs in that block are ordinary ones.
    if ("\uf900" <= ch <= "\ufaff" or "\U0002f800" <= ch <= "\U0002fa1f" or "\u2e80" <= ch <= "\u2fdf") \
            and unicodedata.normalize("NFKC", ch) != ch:
        return "text_compat_ideograph"
    return None


def values_cut_by_hash(text: str, data: Any) -> list[Finding]:
    """A warning for each plain value YAML ended at ` #` (`summary: 更换 #3 至 #5 号路灯灯泡`
    is read as 更换 and a comment): a line whose text after a key ends, as read, where a
    `#` touching the next word begins."""
    if " #" not in text:
        return []
    values = set(_strings(data))
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        at = line.find(" #")
        while at >= 0 and (at + 2 >= len(line) or line[at + 2] in " \t#"):
            at = line.find(" #", at + 1)
        if at < 0 or line.lstrip().startswith("#"):
            continue
        match = _PLAIN_VALUE_RE.match(line[:at])
        if match is None or match["value"].strip() not in values:
            continue
        cut = line[at + 1:].strip()
        if any(cut in value for value in values):
            continue
        findings.append(replace(warning("value_cut_by_hash", kept=match["value"].strip(), cut=cut),
                                line=number))
    return findings


# What precedes a plain value on its line: list dashes and a key.
_PLAIN_VALUE_RE = re.compile(r"^\s*(?:-\s+)*(?:[^\s'\"#-][^:]*:\s+)?(?P<value>[^\s'\"|>#&*!{\[].*)$")


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, str):
        yield data


@dataclass
class _Frame:
    """An open mapping or sequence while reading events."""

    container: dict[str, Any] | list[Any]
    path: FieldPath
    key: str | None = None          # a mapping's key awaiting its value
    skip_value: bool = False        # the value of a duplicate key, already reported
    key_lines: dict[str, int] = field(default_factory=dict)


_NO_ROOT = object()


class _EventBuilder:
    """Builds dicts, lists and strings from parse events, recording the line of every field.

    Working from events (not composed nodes) makes aliases, depth and a second
    document refusable the moment they appear, before anything is expanded.
    """

    def __init__(self, path: Path):
        self.path = path
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Finding] = []
        self.stack: list[_Frame] = []
        self.documents = 0
        self._root: Any = _NO_ROOT

    @property
    def root(self) -> Any:
        return None if self._root is _NO_ROOT else self._root

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Refusal("yaml_multiple_documents", event.start_mark)
        elif isinstance(event, yaml.AliasEvent):
            raise _Refusal("yaml_alias", event.start_mark)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._open({} if isinstance(event, yaml.MappingStartEvent) else [], event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            plain = not event.style  # None from the Python parser, "" from libyaml
            # `""` is as empty as nothing at all: a required name is "not filled in",
            # never an empty cell on the poster.
            empty = (plain and event.value in NULL_WORDS) or event.value == ""
            path = self._place(None if empty else event.value, event, is_scalar=True)
            self._check_text(event, path)

    def _check_text(self, event: yaml.ScalarEvent, path: FieldPath) -> None:
        """Refuse what the eye cannot see on the poster, naming the line (see docs/security.md)."""
        value = event.value
        if value and not value.strip():
            self.problems.append(_at(self.path, error("value_blank", path), event.start_mark))
            return
        for index, ch in enumerate(value):
            code = _hidden_character(ch)
            if code is not None:
                line = _line(event)
                if event.style in ("|", ">"):  # a block's text starts below its `|`
                    line += 1
                if event.style == "|":  # and a literal block keeps its lines
                    line += value[:index].count("\n")
                self.problems.append(_at(self.path, error(
                    code, path, codepoint=f"{ord(ch):04X}",
                    name=unicodedata.name(ch, "?")), line))
                return

    def _open(self, container: dict[str, Any] | list[Any], event: yaml.Event) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Refusal("yaml_too_deep", event.start_mark, limit=MAX_DEPTH)
        path = self._place(container, event, is_scalar=False)
        self.stack.append(_Frame(container, path))

    def _place(self, value: Any, event: yaml.Event, is_scalar: bool) -> FieldPath:
        """Attach a value (or a key) to the open container; return the value's path."""
        line = _line(event)
        if not self.stack:
            self._root = value
            self.lines[()] = line
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            self.lines[path] = line
            return path
        if frame.key is None and not frame.skip_value:
            self._take_key(frame, value, line, is_scalar, event)
            return frame.path
        if frame.skip_value:
            frame.skip_value = False
            return (*frame.path, "\0duplicate")
        key, frame.key = frame.key, None
        assert key is not None
        frame.container[key] = value
        return (*frame.path, key)

    def _take_key(self, frame: _Frame, key: Any, line: int, is_scalar: bool,
                  event: yaml.Event) -> None:
        if not is_scalar:
            raise _Refusal("yaml_complex_key", event.start_mark)
        key = "" if key is None else key
        if key in frame.key_lines:
            self.problems.append(_at(self.path, error(
                "yaml_duplicate_key", key=key, first=frame.key_lines[key], second=line), line))
            frame.skip_value = True
            return
        frame.key_lines[key] = line
        frame.key = key
        self.lines[(*frame.path, key)] = line


# PyYAML's problems, said in words a clerk can act on.
_SYNTAX_HINTS = [
    ("tab character", "yaml_tab"),
    ("did not find expected ',' or ']'", "yaml_unclosed_bracket"),
    ("did not find expected ',' or '}'", "yaml_unclosed_brace"),
    ("found unexpected end of stream", "yaml_unexpected_end"),
    ("did not find expected key", "yaml_bad_indent"),
    ("did not find expected '-' indicator", "yaml_bad_indent"),
    ("mapping values are not allowed", "yaml_colon_in_value"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("found duplicate anchor", "yaml_alias"),
]


def _syntax_finding(path: Path, exc: yaml.MarkedYAMLError, text: str) -> Finding:
    problem = exc.problem or exc.context or "?"
    said = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    if "cannot start any token" in said and mark is not None and \
            text[mark.index:mark.index + 1] == "\t":
        return _at(path, error("yaml_tab"), mark)
    for fragment, code in _SYNTAX_HINTS:
        if fragment in said:
            return _at(path, error(code), mark)
    return _at(path, error("yaml_syntax", problem=_unknown(problem)), mark)


def _unknown(problem: str) -> Localized:
    """PyYAML's own words for a problem we have no hint for: English only for English."""
    return Localized("这里的写法读不懂，请检查冒号、引号、括号和缩进", problem)


def _at(path: Path, finding: Finding, where: Any = None) -> Finding:
    if where is None:
        return replace(finding, file=path)  # keeps a line the finding already has
    line = where if isinstance(where, int) else where.line + 1  # a Mark
    return replace(finding, file=path, line=line)


def _refusal_finding(path: Path, refusal: _Refusal) -> Finding:
    return _at(path, error(refusal.code, **refusal.params), refusal.mark)

"""Placeholders and sample values left in a file: they must never reach the board.

Three kinds are found, in items and in village.yaml / township.yaml alike:
- a phone whose digits are all one digit (`0000-00000000`, `1111111`): a skeleton's
  stand-in, never a number anyone answers;
- a placeholder word anywhere in a value (`某某县`, `××村`, and the skeletons' role-named
  sample people 孙监督, 王会计), extended by a township's `defaults.placeholders`;
- a value whose line still carries the skeletons' sample marker `# 示例`: `noticeboard new`
  marks every sample name and date so, and the mark goes when the clerk confirms the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from noticeboard.errors import FieldPath, Finding, error

# Stand-ins no real value holds. 某某 only before a place or a body (某某县, 某某村委会) or
# alone: 张某某 is how a published notice hides a name, and stays allowed.
_PLACEHOLDER_PATTERNS = (
    re.compile(r"某某(?=[县区市镇乡村省组队社单公部委])|^\s*某某\s*$"),
    re.compile(r"×{2,}|Ｘ{2,}|X{3,}|○{2,}"),
)
# The role-named sample people are listed as well as marked in the skeletons, so a clerk
# who deletes every comment (as the skeletons allow) is still told; samples that could be
# real names (张大山) are found by their mark only.
PLACEHOLDER_WORDS = ("孙监督", "王会计")

# The marker the skeletons write in the comment of every sample name and date.
SAMPLE_MARKER = "示例"

# Digits with the separators a phone is written with; at least 7 digits, as a phone has.
_DIGIT_RUN = re.compile(r"(?<![\d.])\d(?:[\d\- ]*\d)?(?![\d.])")
_MIN_PHONE_DIGITS = 7
PHONE_FIELDS = frozenset({"phone", "hotline", "contact"})
# A YAML comment: ` #` outside quotes (the skeletons never quote a sample value).
_COMMENT = re.compile(r"(?:^|\s)#(?P<comment>.*)$")


def check_placeholders(data: Any, text: str | None, lines: Mapping[FieldPath, int],
                       extra_words: Iterable[str] = (),
                       skip: frozenset[FieldPath] = frozenset()) -> list[Finding]:
    """Every placeholder in `data` (read from `text`, with `lines` mapping fields to lines);
    `extra_words` are the township's own; fields in `skip` hold words, not values."""
    words = tuple(dict.fromkeys([*PLACEHOLDER_WORDS, *(w for w in extra_words if w.strip())]))
    source_lines = text.splitlines() if text is not None else []
    findings = []
    for path, value in _scalars(data):
        if any(path[:len(s)] == s for s in skip):
            continue
        finding = (_phone_finding(path, value) or _sample_finding(path, value, lines, source_lines)
                   or _word_finding(path, value, words))
        if finding is not None:
            findings.append(finding)
    return findings


def _scalars(data: Any, path: FieldPath = ()) -> Iterable[tuple[FieldPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _scalars(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _scalars(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _phone_finding(path: FieldPath, value: str) -> Finding | None:
    phone_field = bool(path) and path[-1] in PHONE_FIELDS
    for match in _DIGIT_RUN.finditer(value):
        run = match.group()
        digits = re.sub(r"\D", "", run)
        # outside a phone field, only what is written as a phone (0571-…, 0000…):
        # `posting_days: 99999999` is a number out of range, said by its own rule
        looks_like_phone = phone_field or "-" in run or " " in run or run.startswith("0")
        if looks_like_phone and len(digits) >= _MIN_PHONE_DIGITS and len(set(digits)) == 1:
            return error("placeholder_phone", path, value=match.group().strip())
    return None


def _word_finding(path: FieldPath, value: str, words: tuple[str, ...]) -> Finding | None:
    word = next((w for w in words if w in value), None) or next(
        (m.group().strip() for p in _PLACEHOLDER_PATTERNS if (m := p.search(value))), None)
    if word is None:
        return None
    if value.strip() == word:
        return error("placeholder_value", path, value=word)
    return error("placeholder_word", path, value=_shortened(value, 30), word=word)


def _sample_finding(path: FieldPath, value: str, lines: Mapping[FieldPath, int],
                    source_lines: list[str]) -> Finding | None:
    line = next((lines[path[:n]] for n in range(len(path), 0, -1) if path[:n] in lines), None)
    if line is None or not 0 < line <= len(source_lines):
        return None
    comment = _COMMENT.search(source_lines[line - 1])
    if comment is None or SAMPLE_MARKER not in comment["comment"]:
        return None
    return error("placeholder_sample", path, value=_shortened(value))


def _shortened(value: str, limit: int = 20) -> str:
    first = value.strip().splitlines()[0] if value.strip() else value
    return first if len(first) <= limit and first == value.strip() else first[:limit] + "…"

"""What a Chinese keyboard types into YAML by mistake, found line by line with the fix.

A Chinese input method gives full-width punctuation: `公开日期：2026-11-20` (：), `[张建国，王秀兰]`
(，), `"关于…”` (” closes nothing), `公开日期:　2026` (an ideographic space after the colon),
and an ideographic space as indentation. PyYAML either reads such a line as text and
complains about the *next* line ("缺少冒号" one line late), or reads it without a word
(`　posted` becomes an unknown key, `[张建国，王秀兰]` one introducer). Each slip here is
named at its own line and column, with the line as it should be typed.

Block scalars (`正文: |`) hold running Chinese text, where all of these are right; they
are never scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from noticeboard.errors import Finding, error

IDEOGRAPHIC_SPACE = "\u3000"
# A key as clerks write them: a word without spaces or sentence punctuation.
_KEY = r"[^\s:：，,。、；;“”\"'#\[\]{}|>-][^\s:：，,。、；;“”\"'#\[\]{}]{0,29}"
_LEAD = re.compile(r"^(?P<indent>[ \u3000]*)(?P<dash>-[ \u3000]+)?")
_FULLWIDTH_COLON_KEY = re.compile(rf"^(?P<key>{_KEY})：(?P<rest>.*)$")
_NO_SPACE_KEY = re.compile(rf"^(?!\d+:)(?P<key>{_KEY}):(?P<rest>[^\s/].*)$")  # not http:// nor 8:30
_IDEOGRAPHIC_AFTER_COLON = re.compile(rf"^(?P<key>{_KEY}):(?P<space>\u3000+)(?P<rest>.*)$")
_BLOCK_START = re.compile(r"(?:^|[:：]\s*|-\s+)[|>][+-]?\d*\s*(?:#.*)?$")
_FLOW = re.compile(r"(?P<open>[\[{])(?P<inner>[^\[\]{}]*)(?P<close>[\]}])")
_CLOSING_QUOTES = "”“＂’‘"


@dataclass(frozen=True)
class Slip:
    """One slip: where (1-based line and column, counted in characters) and the fix."""

    code: str
    line: int
    column: int
    fixed: str = ""  # the whole line as it should be typed, without its indentation
    quote: str = ""

    def finding(self, path: Path) -> Finding:
        return replace(error(self.code, column=self.column, fixed=self.fixed, quote=self.quote),
                       file=path, line=self.line)


def scan(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line outside block scalars and not only a comment."""
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if not line.strip() or line.lstrip(" ").startswith("#"):
            continue
        yield number, line
        if _BLOCK_START.search(_without_comment(line)):
            block_indent = indent


def always_slips(text: str) -> list[Slip]:
    """Slips PyYAML reads without a word, so they are looked for in every file."""
    slips = []
    for number, line in scan(text):
        slip = _ideographic_indent(number, line) or _fullwidth_comma(number, line)
        if slip is not None:
            slips.append(slip)
    return slips


def slips_behind_error(text: str, error_line: int | None) -> list[Slip]:
    """The slips that explain a syntax error reported at `error_line` (or a file that read
    as one long text): every key line typed with a full-width colon, a colon without its
    space, an ideographic space after a colon, or a quote closed by a Chinese one."""
    slips = []
    for number, line in scan(text):
        if error_line is not None and number > error_line:
            break
        slip = (_tab(number, line) or _fullwidth_colon(number, line)
                or _ideographic_after_colon(number, line)
                or _no_space_after_colon(number, line) or _mismatched_quote(number, line))
        if slip is not None:
            slips.append(slip)
    return slips


def _split(line: str) -> tuple[str, str]:
    """(indentation and `- `, the rest)."""
    lead = _LEAD.match(line)
    assert lead is not None  # the pattern matches the empty string
    return line[:lead.end()], line[lead.end():]


def _tab(number: int, line: str) -> Slip | None:
    lead = re.match(r"^[ \t\u3000-]*", line)
    assert lead is not None
    return Slip("yaml_tab_at", number, lead.group().index("\t") + 1) if "\t" in lead.group() else None


def _ideographic_indent(number: int, line: str) -> Slip | None:
    lead, rest = _split(line)
    if IDEOGRAPHIC_SPACE not in lead:
        return None
    column = lead.index(IDEOGRAPHIC_SPACE) + 1
    fixed_lead = lead.replace(IDEOGRAPHIC_SPACE, "  ")  # one full-width space is two wide
    return Slip("yaml_ideographic_indent", number, column, (fixed_lead + rest).strip())


def _fullwidth_colon(number: int, line: str) -> Slip | None:
    lead, rest = _split(line)
    match = _FULLWIDTH_COLON_KEY.match(_without_comment(rest))
    if match is None:
        return None
    value = match["rest"].strip(" \u3000")
    fixed = f"{lead.strip()} {match['key']}: {value}".strip()
    fixed = fixed.replace("：", ": ") if re.fullmatch(rf"{_KEY}：.*", value) else fixed
    return Slip("yaml_fullwidth_colon", number, len(lead) + len(match["key"]) + 1, fixed)


def _no_space_after_colon(number: int, line: str) -> Slip | None:
    lead, rest = _split(line)
    match = _NO_SPACE_KEY.match(_without_comment(rest))
    if match is None:
        return None
    fixed = f"{lead.strip()} {match['key']}: {match['rest'].strip()}".strip()
    return Slip("yaml_no_space_after_colon", number, len(lead) + len(match["key"]) + 1, fixed)


def _ideographic_after_colon(number: int, line: str) -> Slip | None:
    lead, rest = _split(line)
    match = _IDEOGRAPHIC_AFTER_COLON.match(_without_comment(rest))
    if match is None:
        return None
    fixed = f"{lead.strip()} {match['key']}: {match['rest'].strip()}".strip()
    return Slip("yaml_ideographic_space", number, len(lead) + len(match["key"]) + 2, fixed)


def _mismatched_quote(number: int, line: str) -> Slip | None:
    """`"关于…”`: an ASCII quote opened, a Chinese one where it should close."""
    for quote in "\"'":
        start = line.find(f": {quote}")
        if start < 0:
            continue
        body = line[start + 3:]
        if quote in body:
            continue  # closed as it should be
        stripped = _without_comment(body).rstrip()
        if stripped and stripped[-1] in _CLOSING_QUOTES:
            column = start + 3 + len(stripped)
            fixed = (line[:start + 3] + stripped[:-1] + quote).strip()
            return Slip("yaml_quote_mismatch", number, column, fixed, quote)
    return None


def _fullwidth_comma(number: int, line: str) -> Slip | None:
    """`[张建国，王秀兰]` reads as one item: a flow list or mapping split by ，."""
    code_part = _without_comment(line)
    for match in _FLOW.finditer(code_part):
        inner = match["inner"]
        if "，" in inner and "," not in inner and '"' not in inner and "'" not in inner:
            column = match.start("inner") + inner.index("，") + 1
            fixed_inner = ", ".join(part.strip() for part in inner.split("，"))
            if match["open"] == "{":
                fixed_inner = re.sub(r"(?<=\S)：\s*", ": ", fixed_inner)
            fixed = (code_part[:match.start("inner")] + fixed_inner + code_part[match.end("inner"):])
            return Slip("yaml_fullwidth_comma", number, column, fixed.strip())
    return None


def _without_comment(text: str) -> str:
    """The text before a ` #` comment (quotes are not tracked: a value with ` #` in it is
    quoted, and its line is never a slip)."""
    index = text.find(" #")
    return text if index < 0 else text[:index].rstrip()

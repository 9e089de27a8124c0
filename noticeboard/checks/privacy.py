"""Personal data that must never reach a public poster (national de-identification rules).

Every string of an item or settings file is searched, not only lists of
people: IDs, mobiles and bank numbers however they are written
(noticeboard.personal_data), illness and address words in a row about a
person, and then the file's raw text, so numbers in YAML comments and keys are
found too (the source file travels inside the poster PDF). Only the official
contact fields (an item's 监督电话 and 意见受理, a village's 监督电话, a
township's 举报电话) may hold a mobile; an ID or bank number is an error there too.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from noticeboard.errors import FieldPath, Finding, Localized, NoticeboardError, error
from noticeboard.personal_data import (
    CHINESE_DIGITS,
    LOOKALIKES,
    SENSITIVE_KEYS,
    Hit,
    Kind,
    find_details,
    find_named_details,
    find_numbers,
)
from noticeboard.sources.loader import MAX_FILE_BYTES, LoadedYaml, decode_text

if TYPE_CHECKING:
    from noticeboard.checks.item import CheckedItem


# Fields that carry an official number for feedback: a mobile there is allowed.
ITEM_CONTACT_FIELDS: frozenset[FieldPath] = frozenset({("contact",), ("objection_to",)})
VILLAGE_CONTACT_FIELDS: frozenset[FieldPath] = frozenset({("phone",)})
TOWNSHIP_CONTACT_FIELDS: frozenset[FieldPath] = frozenset({("hotline",)})

CODES = {
    Kind.ID: "privacy_id_number",
    Kind.ID_CHECK: "privacy_id_check_digit",
    Kind.OLD_ID: "privacy_old_id",
    Kind.ID_SHORT: "privacy_id_short",
    Kind.MOBILE: "privacy_phone",
    Kind.BANK: "privacy_bank_account",
}

# What each kind of number is called, for messages about comments, file names
# and the poster guard.
KIND_NAMES = {
    Kind.ID: Localized("完整的身份证号", "a full ID number"),
    Kind.ID_CHECK: Localized("身份证号（校验位似乎输错了，但仍是身份证号）",
                             "an ID number (its check digit looks mistyped, but it is an ID)"),
    Kind.OLD_ID: Localized("15位的老身份证号", "an old 15-digit ID number"),
    Kind.ID_SHORT: Localized("少了最后一位的身份证号", "an ID number missing its last character"),
    Kind.MOBILE: Localized("个人手机号", "a personal mobile number"),
    Kind.BANK: Localized("银行卡号或账号", "a bank card or account number"),
}


def walk_strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def number_finding(hit: Hit, path: FieldPath = ()) -> Finding:
    return error(CODES[hit.kind], path, masked=hit.masked)


def check_privacy(data: dict[str, Any],
                  contact_fields: frozenset[FieldPath] = ITEM_CONTACT_FIELDS) -> list[Finding]:
    """Personal numbers in every value, personal details in rows about a person, and in
    running text the details of a person it names."""
    findings = []
    names: frozenset[str] | None = None  # found once some running text has detail words
    for path, text, about_a_person in _strings(data):
        findings += [number_finding(hit, path) for hit in find_numbers(text)
                     if not (hit.kind is Kind.MOBILE and path in contact_fields)]
        if about_a_person and path[-1] != "name":
            findings += _detail_findings(text, path)
        elif not about_a_person and not text.isascii() and find_details(text) != ([], []):
            names = frozenset(_names(data)) if names is None else names
            findings += _named_detail_findings(text, path, names)
    return findings + _split_findings(data)


def _split_findings(data: Any) -> list[Finding]:
    return [error("privacy_split", path, what=KIND_NAMES[hit.kind], masked=hit.masked)
            for path, hit in split_numbers(data)]


def split_numbers(data: dict[Any, Any] | list[Any],
                  path: FieldPath = ()) -> Iterator[tuple[FieldPath, Hit]]:
    """Numbers written across neighbouring fields (`note: 身份证 110105` and
    `category: 19491231002X`, two lines of an agenda), with the path of the field they
    begin in. The poster prints the fields side by side or one under the other, so
    they are read together, as lines; a line break joins only what is unmistakable
    (an ID with a right check digit, or a number after a word naming it), so two
    amounts never make a number."""
    children = data.items() if isinstance(data, dict) else enumerate(data)
    texts = []
    for key, value in children:
        if isinstance(value, str):
            if value:
                texts.append((key, value))
        elif isinstance(value, dict | list):
            yield from split_numbers(value, (*path, key))
    if len(texts) > 1 and any(_digit_at(before, -1) and _digit_at(after, 0)  # else nothing
                              for (_, before), (_, after) in itertools.pairwise(texts)):  # to join
        starts = []
        joined = ""
        for _, value in texts:
            starts.append(len(joined))
            joined += value + "\n"
        for hit in find_numbers(joined):
            first = bisect.bisect_right(starts, hit.start) - 1
            if first != bisect.bisect_right(starts, hit.end - 1) - 1:
                yield (*path, texts[first][0]), hit


def _digit_at(text: str, index: int) -> bool:
    """Whether the text, without spaces at that end, starts (0) or ends (-1) in a
    character that may be part of a number."""
    char = (text.rstrip()[-1:] if index else text.lstrip()[:1])
    return char.isdigit() or (char != "" and char in _DIGIT_WORDS)


_DIGIT_WORDS = frozenset([*CHINESE_DIGITS, *LOOKALIKES, "X", "x", "Ｘ", "ｘ"])


def _names(data: Any, in_list: bool = False) -> Iterator[str]:
    """The names of the people an item lists (recipients, voters, candidates…): the
    `name` of a list row, as _strings tells a row about a person."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "name" and in_list and isinstance(value, str):
                yield value.strip()
            else:
                yield from _names(value)
    elif isinstance(data, list):
        for value in data:
            yield from _names(value, in_list=True)


def _named_detail_findings(text: str, path: FieldPath, names: frozenset[str]) -> list[Finding]:
    """A body or complaint that names a person and tells their illness or address: one
    finding per kind of detail, naming the first person it was found with."""
    found = find_named_details(text, names)
    findings = []
    illness = [(who, words) for who, words, _ in found if words]
    address = [(who, words) for who, _, words in found if words]
    for code, pairs in (("privacy_illness_named", illness), ("privacy_address_named", address)):
        if pairs:
            words = "、".join(dict.fromkeys(w for _, ws in pairs for w in ws))
            findings.append(error(code, path, who=pairs[0][0], words=words))
    return findings


def _strings(data: Any, path: FieldPath = (),
             person: bool = False) -> Iterator[tuple[FieldPath, str, bool]]:
    """Every string, and whether it lies in a row about a person (a list row with a
    name: recipients, voters, candidates, members...)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key), person)
    elif isinstance(data, list):
        for index, row in enumerate(data):
            yield from _strings(row, (*path, index),
                                person or (isinstance(row, dict) and "name" in row))
    elif isinstance(data, str):
        yield path, data, person


def _detail_findings(text: str, path: FieldPath) -> list[Finding]:
    illness, address = find_details(text)
    findings = []
    if illness:
        findings.append(error("privacy_illness", path, words="、".join(dict.fromkeys(illness))))
    if address:
        findings.append(error("privacy_address", path, words="、".join(dict.fromkeys(address))))
    return findings


def check_source_text(text: str, checked_values: set[str],
                      contact_lines: bool = False) -> list[Finding]:
    """Numbers in a file's raw text other than those in `checked_values` (the digits of
    every number in the values check_privacy searched, reported there or allowed as
    an official contact): in comments, in keys, in values under a key the model does
    not know, or in a file whose kind is unknown. Each is reported at its line.
    With `contact_lines` (a file that did not parse), a mobile on a line that starts
    with a contact key (`监督电话:`, `hotline:`...) is taken as the official number."""
    findings = []
    # The `#` that starts a comment line is read as a space, so a number written over
    # several comment lines is read as the lines would be, one under the other.
    for hit in find_numbers(_as_read(text)):
        if hit.digits in checked_values:
            continue
        start = text.rfind("\n", 0, hit.start) + 1
        if contact_lines and hit.kind is Kind.MOBILE and \
                _CONTACT_LINE_RE.match(text, start, hit.start):
            continue
        line = text.count("\n", 0, hit.start) + 1
        if _in_comment(text, hit.start):
            finding = error("privacy_in_comment", what=KIND_NAMES[hit.kind], masked=hit.masked)
        else:
            finding = number_finding(hit)
        findings.append(replace(finding, line=line))
    return findings


# The official contact fields under every name a clerk may give them (titles and aliases
# of contact, objection_to, a village's phone and a township's hotline).
_CONTACT_LINE_RE = re.compile(
    r"\s*(?:contact|objection_to|phone|hotline|监督电话|联系电话|意见受理|电话|举报电话|乡镇举报电话)"
    r"\s*[:：]")


_COMMENT_MARK_RE = re.compile(r"(?m)^[ \t]*#")


def _as_read(text: str) -> str:
    """The text with each comment line's `#` as a space (positions kept)."""
    return _COMMENT_MARK_RE.sub(lambda m: m.group()[:-1] + " ", text)


def _in_comment(text: str, position: int) -> bool:
    """Whether a `#` comment begins before `position` on its line (a rough reading of
    YAML, enough to say "in a comment" in the message)."""
    start = text.rfind("\n", 0, position) + 1
    before = text[start:position]
    return before.startswith("#") or " #" in before or "\t#" in before


def check_file_name(path: Path) -> list[Finding]:
    """A file's name is attached to the poster with its content, and the name of its
    folder (the village's) names the posters and print files made from it: no
    personal numbers in either."""
    return [replace(error(code, what=KIND_NAMES[hit.kind], masked=hit.masked), file=path)
            for code, name in (("privacy_folder_name", path.parent.name),
                               ("privacy_file_name", path.name))
            for hit in find_numbers(name)]


def check_source(loaded: LoadedYaml, model: type[BaseModel] | None = None) -> list[Finding]:
    """What a file carries besides the values check_privacy searches: comments, keys,
    values under unknown keys. `model` is the settings model; for an item it is
    found from the item's kind."""
    text, _ = decode_text(loaded.raw)
    if text is None or not find_numbers(_as_read(text)):
        return []  # the common case: no number anywhere in the file
    return check_source_text(text, _numbers_in_checked_values(loaded.data, model))


def _numbers_in_checked_values(data: Any, model: type[BaseModel] | None) -> set[str]:
    """The digits of every number in the values check_privacy sees: the data under the
    keys the model knows (keys normalised as the item check does)."""
    from noticeboard.kinds import KINDS, Envelope, kind_for
    from noticeboard.kinds.keys import normalize_keys

    if not isinstance(data, dict):
        return set()
    if model is None:
        raw_kind = data.get("kind", data.get("类型"))
        kind = kind_for(raw_kind) if isinstance(raw_kind, str) else None
        if kind is None:  # no value check ran: every number is reported by line,
            return _official_mobiles(normalize_keys(Envelope, data)[0])  # but a contact's
        model = KINDS[kind]
    normalized = normalize_keys(model, data)[0]
    checked = {hit.digits for _, text in walk_strings(normalized) for hit in find_numbers(text)}
    checked |= {hit.digits for _, hit in split_numbers(normalized)}
    return checked | _under_sensitive_keys(data)


def _under_sensitive_keys(data: Any) -> set[str]:
    """Numbers under a key such as 银行卡号: the key is refused already (privacy_key),
    one message for the line is enough."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and key.strip().lower() in SENSITIVE_KEYS:
                found |= {hit.digits for _, text in walk_strings(value) for hit in find_numbers(text)}
            else:
                found |= _under_sensitive_keys(value)
    elif isinstance(data, list):
        for value in data:
            found |= _under_sensitive_keys(value)
    return found


def _official_mobiles(data: dict[str, Any]) -> set[str]:
    texts = [data.get(str(field[0])) for field in ITEM_CONTACT_FIELDS]
    return {hit.digits for text in texts if isinstance(text, str)
            for hit in find_numbers(text) if hit.kind is Kind.MOBILE}


def check_unparsed(path: Path) -> list[Finding]:
    """A file that did not load (bad YAML, say) is still searched, line by line: a clerk
    fixing its syntax should learn about the ID in it in the same run."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return []
        text, _ = decode_text(path.read_bytes())
    except OSError:
        return []
    found = check_source_text(text, set(), contact_lines=True) if text is not None else []
    return [replace(f, file=path) for f in found]


# --- the last guard: what the finished poster draws ---

def guard_poster(pdf: bytes, checked: CheckedItem, template_dirs: Sequence[Path | None],
                 text: str | None = None) -> None:
    """Refuse a poster whose drawn text holds a personal number the item checks missed.

    The text comes from the finished PDF (pdfium reads it as a reader would
    copy it), so whatever put the number there — a template, a default, a
    settings file, text pieced together from several fields — it is caught
    before the file is written. Only the official contact numbers may appear.
    `text` is that text when the caller has read it already.
    """
    if not pdf:  # no bytes, nothing drawn (a test renderer that only lays out)
        return
    allowed = _official_numbers(checked)
    findings: list[Finding] = []
    reported: set[str] = set()
    for hit in find_numbers(poster_text(pdf) if text is None else text):
        if hit.digits in reported or (hit.kind is Kind.MOBILE and hit.digits in allowed):
            continue
        reported.add(hit.digits)
        source = _source_of(hit.digits, checked, template_dirs)
        finding = error("privacy_poster_guard", what=KIND_NAMES[hit.kind], masked=hit.masked,
                        source=source)
        findings.append(replace(finding, file=checked.path))
    if findings:
        raise NoticeboardError(findings)


def poster_text(pdf: bytes) -> str:
    """All text a PDF draws, page by page, read in memory."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages)
    finally:
        document.close()


def _official_numbers(checked: CheckedItem) -> set[str]:
    """Mobiles in the official contact fields, which a poster prints by design."""
    setting = checked.setting
    texts = [getattr(checked.item, str(name[0]), None) for name in ITEM_CONTACT_FIELDS]
    texts.append(setting.village.phone if setting.village else None)
    texts.append(setting.township.hotline if setting.township else None)
    return {hit.digits for text in texts if isinstance(text, str)
            for hit in find_numbers(text) if hit.kind is Kind.MOBILE}


def _source_of(digits: str, checked: CheckedItem,
               template_dirs: Sequence[Path | None]) -> Localized:
    """Where the number is written: the item, a settings file or a template."""
    from noticeboard.sources.settings import TOWNSHIP_FILE, VILLAGE_FILE

    setting = checked.setting
    candidates: list[tuple[Path, Localized]] = [
        (checked.path, Localized(f"事项文件 {checked.path.name}", f"the item file {checked.path.name}"))]
    for folder, name in ((setting.village_dir, VILLAGE_FILE), (setting.township_dir, TOWNSHIP_FILE)):
        if folder is not None:
            candidates.append((folder / name, Localized(name, name)))
    for index, folder in enumerate(template_dirs):
        if folder is None or not folder.is_dir():
            continue
        zh, en = ("本镇模板", "the township's template") if index == 0 else ("内置模板", "built-in template")
        candidates += [(file, Localized(f"{zh} {file.relative_to(folder)}",
                                        f"{en} {file.relative_to(folder)}"))
                       for file in sorted(folder.rglob("*")) if _inside(file, folder)]
    for file, label in candidates:
        if _holds(file, digits):
            return label
    return Localized("模板或默认设置（未能确定是哪个文件）",
                     "a template or a default (the file could not be determined)")


def _inside(file: Path, folder: Path) -> bool:
    """A regular file really inside `folder`: a symlink out of it is never opened."""
    return file.is_file() and not file.is_symlink() and \
        file.resolve().is_relative_to(folder.resolve())


def _holds(file: Path, digits: str) -> bool:
    try:
        text = file.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False
    # Read as drawn: tags as line breaks (a number a template spreads over cells,
    # `<td>110105</td><td>19491231002X</td>`, is drawn on lines of its own), character
    # references (`&#49;&#51;&#56;`) and CSS escapes (`content: "\31\33\38"`) decoded.
    drawn = _CSS_ESCAPE_RE.sub(lambda m: _code_point(m.group(1)), html.unescape(text))
    return any(hit.digits == digits for hit in find_numbers(_TAG_RE.sub("\n", drawn)))


_TAG_RE = re.compile(r"\s*<[^<>]*>\s*")
_CSS_ESCAPE_RE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")


def _code_point(hex_digits: str) -> str:
    value = int(hex_digits, 16)
    return chr(value) if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"

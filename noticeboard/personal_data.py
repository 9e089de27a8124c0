"""Personal numbers and details as people actually write them, found and masked.

One detector serves every place text comes from: item values, settings files,
YAML comments, file names, messages and, last of all, the text a finished
poster draws. Text is normalised before matching (NFKC, so full-width digits
and a full-width Ｘ count; zero-width and other format characters dropped), and
a number may be written in groups joined by spaces, dashes or dots
(`110105 19491231 002X`, `138-1234-5678`, `6222 0212 3456 7890 123`) or carry
a `+86` / `0086` prefix. Groups must have one of the shapes people use for
that kind of number, so amounts, dates and voucher or contract numbers
(`2026-11-28`, `1,234,567.89`, `HT-2026-001`) are not joined into one.
Masked forms (`110105********002X`, `138****5678`) are not numbers at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    ID = "id"                # 18-character resident ID, check digit right
    ID_CHECK = "id_check"    # 18 characters that are an ID but whose check digit is wrong
    OLD_ID = "old_id"        # the first-generation 15-digit ID
    MOBILE = "mobile"
    BANK = "bank"            # bank card or account number, 16-19 digits passing Luhn


@dataclass(frozen=True)
class Hit:
    """One personal number: its kind, its normalised digits and its span in the text."""

    kind: Kind
    digits: str
    start: int
    end: int

    @property
    def masked(self) -> str:
        return mask_number(self.kind, self.digits)


def mask_number(kind: Kind, digits: str) -> str:
    """The masked form a poster may carry: region and last four of an ID, 138****5678."""
    if kind in (Kind.ID, Kind.ID_CHECK, Kind.OLD_ID):
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if kind is Kind.MOBILE:
        return digits[:3] + "****" + digits[-4:]
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


# Characters that may stand for a digit once NFKC-normalised: any decimal digit
# (full-width, mathematical...) plus circled, superscript and subscript digits.
_DIGITISH = r"\d\u2460-\u2468\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2080-\u2089"
# Between digit groups, before normalisation: spaces (also no-break and
# ideographic), hyphens and dashes of every width, dots and middle dots.
_SEPARATORS_RAW = (r" \t\u00a0\u3000\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d.\uff0e\u00b7"
                   r"\u2022\u30fb\uff65")
# Invisible format characters an attacker (or a copy from a web page) leaves
# between digits: zero-width spaces and joiners, bidi controls, soft hyphen, BOM.
_INVISIBLE = r"\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_X = r"Xx\uff38\uff58"
_REGION_RE = re.compile(
    rf"[+\uff0b]?[{_DIGITISH}](?:[{_DIGITISH}{_SEPARATORS_RAW}{_INVISIBLE}{_X}]*[{_DIGITISH}{_X}])?")
_SEPARATORS = frozenset(" \t-‐‑‒–—―−﹘﹣.·•・")
_MAX_GAP = 3  # "138 - 1234 - 5678" at most
_TOKEN_RE = re.compile(r"\d+[Xx]?")

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_MOBILE_SHAPES = {(11,), (3, 4, 4), (3, 8), (7, 4)}
_ID_SHAPES = {(18,), (6, 8, 4), (6, 4, 4, 4), (6, 8, 3, 1), (4, 4, 4, 4, 2), (6, 12), (17, 1),
              (6, 11, 1), (3, 3, 4, 4, 4), (6, 8, 2, 2)}
_OLD_ID_SHAPES = {(15,), (6, 6, 3), (6, 9)}
_PHONE_PREFIXES = ("0086", "86")
# First two digits of every resident ID: the province-level region it was issued in.
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83"})
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Bank cards in China start with 62 (UnionPay) or are co-branded (3 JCB/Amex,
# 4 Visa, 5 Mastercard); a few old domestic cards start with 9.
_CARD_FIRST_DIGITS = frozenset("34569")


def find_numbers(text: str) -> list[Hit]:
    """Every ID, mobile and bank number in `text`, however it is written, in order."""
    hits: list[Hit] = []
    if len(text) < 11:  # the shortest number (a mobile) has 11 digits: most values are shorter
        return hits
    for region in _REGION_RE.finditer(text):
        if region.end() - region.start() >= 11 or not region.group().isascii():
            hits += _numbers_in(text, region.start(), region.end())
    return hits


def mask_personal(text: str) -> str:
    """`text` with every personal number replaced by its masked form."""
    hits = find_numbers(text)
    for hit in reversed(hits):
        text = text[:hit.start] + hit.masked + text[hit.end:]
    return text


def _normalised(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """NFKC text of text[start:end] with ASCII digits and no format characters, and for
    each character kept the index in `text` it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index in range(start, end):
        char = text[index]
        if unicodedata.category(char) == "Cf":
            continue
        for out in unicodedata.normalize("NFKC", char):
            if out.isdigit() and not out.isascii():
                out = str(unicodedata.digit(out, 0))
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


@dataclass(frozen=True)
class _Token:
    digits: str
    start: int  # in the normalised region
    end: int


def _numbers_in(text: str, start: int, end: int) -> list[Hit]:
    norm, origin = _normalised(text, start, end)
    hits = []
    for chain in _chains(norm):
        for first, last, kind, digits in _pick(chain):
            begin = chain[first].start
            if first == 0 and begin > 0 and norm[begin - 1] == "+":
                begin -= 1
            hits.append(Hit(kind, digits, origin[begin], origin[chain[last].end - 1] + 1))
    return hits


def _chains(norm: str) -> Iterator[list[_Token]]:
    """Runs of digit groups joined by short separators (a longer gap or other text splits)."""
    chain: list[_Token] = []
    for match in _TOKEN_RE.finditer(norm):
        token = _Token(match.group().upper(), match.start(), match.end())
        if chain:
            gap = norm[chain[-1].end:token.start]
            joined = len(gap) <= _MAX_GAP and set(gap) <= _SEPARATORS
            if not joined or chain[-1].digits.endswith("X"):
                yield chain
                chain = []
        chain.append(token)
    if chain:
        yield chain


def _pick(chain: list[_Token]) -> list[tuple[int, int, Kind, str]]:
    """Non-overlapping numbers among consecutive groups of a chain, longest first."""
    found = []
    for first in range(len(chain)):
        total = 0
        for last in range(first, len(chain)):
            total += len(chain[last].digits)
            if total > 23:  # 0086 + the longest number
                break
            group = [t.digits for t in chain[first:last + 1]]
            classified = classify(group)
            if classified is not None:
                found.append((first, last, *classified))
    found.sort(key=lambda f: (-len(f[3]), f[0]))
    taken: set[int] = set()
    picked = []
    for first, last, kind, digits in found:
        span = set(range(first, last + 1))
        if not span & taken:
            taken |= span
            picked.append((first, last, kind, digits))
    return sorted(picked)


def classify(groups: list[str]) -> tuple[Kind, str] | None:
    """The kind of number these digit groups make, written together, or None."""
    if any(g.endswith("X") for g in groups[:-1]):
        return None
    digits = "".join(groups)
    shape = tuple(len(g) for g in groups)
    mobile = _mobile(groups, digits)
    if mobile is not None:
        return Kind.MOBILE, mobile
    if len(digits) == 18 and (len(groups) == 1 or shape in _ID_SHAPES):
        kind = id_kind(digits)
        if kind is not None:
            return kind, digits
    if "X" in digits:
        return None
    if len(digits) == 15 and shape in _OLD_ID_SHAPES and _plausible_old_id(digits):
        return Kind.OLD_ID, digits
    if 16 <= len(digits) <= 19 and _card_shape(shape) and _card_number(digits):
        return Kind.BANK, digits
    return None


def _mobile(groups: list[str], digits: str) -> str | None:
    """The 11-digit mobile these groups make, with or without a +86 / 0086 prefix."""
    if "X" in digits:
        return None
    for prefix in _PHONE_PREFIXES:
        if groups[0] == prefix and len(groups) > 1:
            return _mobile(groups[1:], digits[len(prefix):])
        if len(groups) == 1 and len(digits) == len(prefix) + 11 and digits.startswith(prefix):
            digits = digits[len(prefix):]
    shape = tuple(len(g) for g in groups) if len(groups) > 1 else (len(digits),)
    if shape in _MOBILE_SHAPES and _MOBILE_RE.fullmatch(digits):
        return digits
    return None


def _card_number(digits: str) -> bool:
    """A card number: Luhn-valid with a card network's first digit, or in UnionPay's
    62 range, where many domestic debit cards were issued without a Luhn digit."""
    if digits.startswith("62"):
        return True
    return digits[0] in _CARD_FIRST_DIGITS and luhn_valid(digits)


def _card_shape(shape: tuple[int, ...]) -> bool:
    """One run, groups of four (the last shorter), or a six-digit bank prefix then the rest."""
    if len(shape) == 1:
        return True
    if all(n == 4 for n in shape[:-1]) and 1 <= shape[-1] <= 4:
        return True
    return len(shape) == 2 and shape[0] == 6


def id_kind(digits: str) -> Kind | None:
    """Kind.ID for a resident ID, Kind.ID_CHECK for one whose check digit is wrong, else None.

    An 18-character number from a real region with a real birth date is an ID
    whatever its last character says: a mistyped check digit does not make it
    something else (a bank account, say) that could be printed.
    """
    if not re.fullmatch(r"\d{17}[\dX]", digits) or digits[:2] not in _PROVINCES:
        return None
    check_ok = id_check_digit(digits[:17]) == digits[17]
    if check_ok:
        return Kind.ID
    return Kind.ID_CHECK if _real_date(digits[6:14]) else None


def id_check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_id_number(text: str) -> bool:
    """An 18-character resident ID with a real birth date and a valid check digit."""
    text = text.upper()
    return id_kind(text) is Kind.ID and _real_date(text[6:14])


def _plausible_old_id(digits: str) -> bool:
    return digits[:2] in _PROVINCES and _real_date("19" + digits[6:12])


def _real_date(yyyymmdd: str) -> bool:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


# --- details in words: illness and addresses in a note about a person ---

# Names of legal programmes that contain illness or disability words but say
# nothing about one person's health: blanked out before the words are looked for.
PROGRAMME_NAMES = (
    "困难残疾人生活补贴和重度残疾人护理补贴", "残疾人两项补贴", "困难残疾人生活补贴",
    "重度残疾人护理补贴", "残疾人生活补贴", "残疾人护理补贴", "特困人员救助供养", "特困供养",
    "医疗救助", "大病救助", "大病保险", "因病致贫", "重度残疾人", "困难残疾人",
)
_PROGRAMME_RE = re.compile("|".join(map(re.escape, PROGRAMME_NAMES)))
_NUMERAL = r"[0-9一二三四五六七八九十百零〇两]"
ILLNESS_RE = re.compile(
    r"患[^，。；,;\s]{0,10}?(?:病|症|癌|瘤|炎)|透析|[^\s，。；,;]{0,4}癌|偏?瘫痪|偏瘫|尿毒症|白血病|肿瘤|"
    r"化疗|放疗|截肢|脑梗|脑溢血|中风|精神病|精神分裂|抑郁症|艾滋|HIV|乙肝|肝硬化|结核病|智障|"
    r"痴呆|植物人|住院|病情|病重|重病|残疾等级|"
    rf"{_NUMERAL}级(?:残疾|伤残)|(?:肢体|视力|听力|言语|智力|精神|多重)残疾(?:{_NUMERAL}级)?")
ADDRESS_RE = re.compile(
    r"住[^，。；,;\s]{0,12}?组[^，。；,;\s]{0,6}?号|门牌|住址|家住|现住|居住于|"
    rf"(?:组|村|路|街|巷|弄|社区|小区|屯|庄){_NUMERAL}+号|\d+(?:栋|幢|单元|室)")


def find_details(text: str) -> tuple[list[str], list[str]]:
    """Illness or disability words and address words in `text` (programme names aside)."""
    if text.isascii() and "HIV" not in text.upper():  # names, amounts, dates: no words
        return [], []
    text = _PROGRAMME_RE.sub("□", unicodedata.normalize("NFKC", text))
    illness = [m.group() for m in ILLNESS_RE.finditer(text)]
    address = [m.group() for m in ADDRESS_RE.finditer(text)]
    return illness, address

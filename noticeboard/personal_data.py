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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# Keys a clerk might add to a list of people; each is refused with a privacy message.
SENSITIVE_KEYS = {
    "id", "id_number", "id_card", "idcard", "身份证", "身份证号", "身份证号码", "证件号", "证件号码",
    "phone", "mobile", "tel", "telephone", "手机", "手机号", "手机号码", "电话", "联系电话",
    "bank", "bank_account", "account", "card", "银行卡", "银行卡号", "银行账号", "账号", "卡号",
    "存折", "存折号", "address", "住址", "地址", "家庭住址", "门牌", "门牌号",
    "illness", "disease", "disability", "病情", "病因", "疾病", "残疾", "残疾情况", "残疾等级",
    "income", "收入情况", "家庭收入", "年收入",
    # the names the forms themselves use (身份证上写的是「公民身份号码」)
    "公民身份号码", "身份号码", "身份证件号码", "社会保障号码", "社保卡号", "残疾证号", "残疾人证号",
    "联系方式", "联系号码", "移动电话", "银行账户", "开户账号", "一卡通账号", "一折通账号",
    "家庭地址", "户籍地址", "现住址", "居住地址", "详细地址",
    "病种", "疾病名称", "患病情况", "健康状况", "残疾类别", "致贫原因",
}


class Kind(StrEnum):
    ID = "id"                # 18-character resident ID, check digit right
    ID_CHECK = "id_check"    # 18 characters that are an ID but whose check digit is wrong
    OLD_ID = "old_id"        # the first-generation 15-digit ID
    ID_SHORT = "id_short"    # an 18-character ID without its last character (it can be worked out)
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
    if kind in (Kind.ID, Kind.ID_CHECK, Kind.OLD_ID, Kind.ID_SHORT):
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if kind is Kind.MOBILE:
        return digits[:3] + "****" + digits[-4:]
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


# Characters that may stand for a digit once NFKC-normalised: any decimal digit
# (full-width, mathematical...) plus circled, superscript and subscript digits.
_DIGITISH = r"\d\u2460-\u2468\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2080-\u2089"
# Digits written as Chinese numerals: everyday (〇一二…, 零), the capitals of banking
# and receipts (壹贰叁…, with their traditional forms) and 幺, the "one" of a phone
# number read aloud. 十百千 are not digits: 二十 is a number, not the digits 2 and 10.
CHINESE_DIGITS = {
    "〇": "0", "零": "0", "一": "1", "幺": "1", "壹": "1", "二": "2", "贰": "2", "貳": "2",
    "三": "3", "叁": "3", "參": "3", "四": "4", "肆": "4", "五": "5", "伍": "5", "六": "6",
    "陆": "6", "陸": "6", "七": "7", "柒": "7", "八": "8", "捌": "8", "九": "9", "玖": "9",
}
# Latin letters typed for a digit (O for 0, l and I for 1): read as digits only when
# the letters stand alone against a digit (`l38 l234 5678`), never inside a word.
LOOKALIKES = {"O": "0", "o": "0", "I": "1", "l": "1"}
_LOOKALIKE_CHARS = "OoIl\uff2f\uff4f\uff29\uff4c"
# Separators that join digit groups as people write one number: spaces of every
# width, hyphens and dashes of every kind, minus signs, dots and middle dots, brackets
# around an area code or a group (`(138)1234-5678`).
_STRONG_RAW = (r" \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
               r"\-\u058a\u05be\u1400\u1806\u2010-\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
               r"\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\u2212\u2796\u2043\u02d7\u30fc"
               r"\uff70.\uff0e\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65"
               r"()\uff08\uff09\[\]\uff3b\uff3d\u3010\u3011\u3014\u3015")
# Separators that also part the numbers of a list or a table (`1120、980`, a comma, a
# slash, a line break): groups joined by them are one number only when the result
# is unmistakable (see _classify_weak).
_WEAK_RAW = (r"\u3001,\uff0c;\uff1b/\uff0f\\\uff3c|\uff5c_\uff3f:\uff1a~\uff5e"
             r"\n\r\u2028\u2029\x85\x0b\x0c")
# Invisible format characters an attacker (or a copy from a web page) leaves
# between digits: zero-width spaces and joiners, bidi controls, soft hyphen, BOM.
_INVISIBLE = r"\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_X = r"Xx\uff38\uff58\u00d7\u2715\u2716\u2573\u2169"
# What people type for an ID's X when the keyboard offers them a sign: ×, ✕, ╳.
X_LOOKALIKES = frozenset("×✕✖╳")
_CHINESE = "".join(CHINESE_DIGITS)
_DIGITLIKE = _DIGITISH + _CHINESE + _LOOKALIKE_CHARS
_REGION_RE = re.compile(
    rf"[+\uff0b]?[{_DIGITLIKE}]"
    rf"(?:[{_DIGITLIKE}{_STRONG_RAW}{_WEAK_RAW}{_INVISIBLE}{_X}]*[{_DIGITLIKE}{_X}])?")
DIGITLIKE_RE = re.compile(f"[{_DIGITLIKE}]")
_STRONG = frozenset("_ \t\u1680.·•‧∙⋅・()[]【】〔〕−➖⁃˗ー")
_WEAK = frozenset("、,;/\\|:~\n\r\u2028\u2029\x85\x0b\x0c")
_MAX_GAP = 4  # "138 -- 1234 -- 5678" at most
_SPACES_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\d+[Xx]?|(?<=\d )[Xx](?![A-Za-z])")  # a lone X: `… 0 0 2 X`
_LETTERS_RE = re.compile(r"[A-Za-z]+")
# Words before a number that say what it is: they make a number written in a list's
# separators (`电话：138/1234/5678`, `卡号 6222，0212，…`) certain.
_PHONE_WORDS_RE = re.compile(r"电话|手机|联系|号码|致电|拨打|热线|短信|微信|tel|phone|mobile", re.I)
_ID_WORDS_RE = re.compile(r"身份|证件|证号|公民|\bid\b", re.I)
_CARD_WORDS_RE = re.compile(r"卡号|账号|帐号|账户|帐户|银行|存折|一卡通|社保卡|card|account", re.I)

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_MOBILE_SHAPES = {(11,), (3, 4, 4), (3, 8), (7, 4), (1,) * 11}
_ID_SHAPES = {(18,), (6, 8, 4), (6, 4, 4, 4), (6, 8, 3, 1), (4, 4, 4, 4, 2), (6, 12), (17, 1),
              (6, 11, 1), (3, 3, 4, 4, 4), (6, 8, 2, 2), (6, 4, 2, 2, 4), (6, 4, 2, 2, 3, 1),
              (1,) * 18}
_OLD_ID_SHAPES = {(15,), (6, 6, 3), (6, 9)}
_SHORT_ID_SHAPES = {(17,), (6, 8, 3), (6, 11), (6, 4, 4, 3), (6, 4, 2, 2, 3)}
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
        if region.end() - region.start() >= 11 and len(DIGITLIKE_RE.findall(region.group())) >= 11:
            hits += _numbers_in(text, region.start(), region.end())
    return hits


def mask_personal(text: str) -> str:
    """`text` with every personal number replaced by its masked form."""
    hits = find_numbers(text)
    for hit in reversed(hits):
        text = text[:hit.start] + hit.masked + text[hit.end:]
    return text


def _normalised(text: str, start: int, end: int) -> tuple[str, list[int], str]:
    """NFKC text of text[start:end] with ASCII digits (Chinese numerals and lookalike
    letters read as digits) and no format characters; for each character kept, the
    index in `text` it came from and how it was written (a: a digit, c: a Chinese
    numeral, l: a letter)."""
    chars: list[str] = []
    origin: list[int] = []
    script: list[str] = []
    for index in range(start, end):
        char = text[index]
        if unicodedata.category(char) == "Cf":
            continue
        for out in unicodedata.normalize("NFKC", char):
            written = "a"
            if out in CHINESE_DIGITS:
                out, written = CHINESE_DIGITS[out], "c"
            elif out in X_LOOKALIKES:
                out = "X"
            elif out.isdigit() and not out.isascii():
                out = str(unicodedata.digit(out, 0))
            chars.append(out)
            origin.append(index)
            script.append(written)
    _read_lookalikes(text, chars, origin, script)
    return "".join(chars), origin, "".join(script)


def _read_lookalikes(text: str, chars: list[str], origin: list[int], script: list[str]) -> None:
    """O, o, I and l as digits where a run of them (and no other letter, in the whole
    text) touches a digit: `l38`, `1380O00`, but not the l of `Hello138...`."""
    joined = "".join(chars)
    for run in _LETTERS_RE.finditer(joined):
        first, last = run.start(), run.end()
        if not set(run.group()) <= LOOKALIKES.keys():
            continue
        before = text[origin[first] - 1] if origin[first] > 0 else ""
        after = text[origin[last - 1] + 1] if origin[last - 1] + 1 < len(text) else ""
        if _is_letter(before) or _is_letter(after):
            continue  # part of a longer word that the region cut
        touches = (first > 0 and joined[first - 1].isdigit()) or \
            (last < len(joined) and joined[last].isdigit())
        if touches:
            chars[first:last] = [LOOKALIKES[c] for c in run.group()]
            script[first:last] = ["l"] * (last - first)


def _is_letter(char: str) -> bool:
    return bool(char) and unicodedata.normalize("NFKC", char).isascii() and \
        unicodedata.normalize("NFKC", char).isalpha()


@dataclass(frozen=True)
class _Token:
    digits: str
    start: int  # in the normalised region
    end: int
    weak: bool = False  # joined to the group before it by a list's separator
    glued: bool = False  # follows the group before it directly, written another way


def _numbers_in(text: str, start: int, end: int) -> list[Hit]:
    norm, origin, script = _normalised(text, start, end)
    hits = []
    for chain in _chains(norm, script):
        def before(first: int, chain: list[_Token] = chain) -> str:
            at = origin[chain[first].start]
            return text[max(0, at - 12):at]

        for first, last, kind, digits in _pick(chain, before):
            begin = chain[first].start
            if first == 0 and begin > 0 and norm[begin - 1] == "+":
                begin -= 1
            hits.append(Hit(kind, digits, origin[begin], origin[chain[last].end - 1] + 1))
    return hits


def _chains(norm: str, script: str) -> Iterator[list[_Token]]:
    """Runs of digit groups joined by short separators (a longer gap or other text splits).

    Where digits change from one way of writing to another (`一13812345678`,
    `138一二三四5678`) the run is parted into glued groups: read together they are
    one group, but a number may also start or end there, so a Chinese numeral or a
    letter written next to a number cannot hide it."""
    chain: list[_Token] = []
    for match in _TOKEN_RE.finditer(norm):
        weak = False
        if chain:
            gap = norm[chain[-1].end:match.start()]
            joined, weak = _join(gap)
            if not joined or chain[-1].digits.endswith("X"):
                yield chain
                chain = []
                weak = False
        begin = match.start()
        for index in range(match.start() + 1, match.end() + 1):
            if index == match.end() or script[index] != script[index - 1]:
                chain.append(_Token(norm[begin:index].upper(), begin, index, weak,
                                    glued=begin != match.start()))
                begin = index
    if chain:
        yield chain


def _join(gap: str) -> tuple[bool, bool]:
    """Whether a gap joins two digit groups, and whether it holds a list's separator.
    A run of spaces counts once: a line break and the next line's indent (`110105\n
    19491231002X` in an indented comment or list) is one gap."""
    if len(gap) > _MAX_GAP and (len(gap) > 4 * _MAX_GAP or len(_SPACES_RE.sub(" ", gap)) > _MAX_GAP):
        return False, False
    weak = False
    for char in gap:
        if char in _WEAK:
            weak = True
        elif char not in _STRONG and unicodedata.category(char) not in ("Zs", "Pd"):
            return False, False
    return True, weak


# How many digits each kind has: a mobile (11, with 86 or 0086: 13, 15), the old ID
# (15), a bank number (16-19), an ID without its last character (17), an ID (18).
_LENGTHS = frozenset({11, 13, 15, 16, 17, 18, 19})
_LONGEST = max(_LENGTHS)


def _pick(chain: list[_Token], before: Callable[[int], str]) -> list[tuple[int, int, Kind, str]]:
    """Non-overlapping numbers among consecutive groups of a chain, longest first.

    Runs of groups are tried from each group on while they hold at most 19 digits;
    only a run with a length and a shape some number has is classified, so a long
    chain (`1 1 1 …`, a table's column) is read in linear time."""
    found = []
    for first in range(len(chain)):
        total = 0
        weak = False
        ones = True  # digit by digit so far (`1 3 8 1 2 …`): only 11 or 18 of them are a number
        shape: list[int] = []
        for last in range(first, len(chain)):
            token = chain[last]
            total += len(token.digits)
            if total > _LONGEST:
                break
            if last > first and token.glued:
                shape[-1] += len(token.digits)
            else:
                shape.append(len(token.digits))
            weak = weak or (last > first and token.weak)
            ones = ones and len(token.digits) == 1 and not token.glued
            if total not in _LENGTHS or (ones and total not in (11, 18)) or \
                    not _plausible(tuple(shape), weak):
                continue
            group = _groups(chain[first:last + 1])
            classified = _classify_weak(group, before(first)) if weak else classify(group)
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


_SHAPES = _MOBILE_SHAPES | _ID_SHAPES | _OLD_ID_SHAPES | _SHORT_ID_SHAPES


def _plausible(shape: tuple[int, ...], weak: bool) -> bool:
    """Whether groups of these lengths may be a number, before their digits are read: a
    shape some number is written in, a phone prefix then anything, a card's groups.
    Joined by a list's separator, any shape may follow a word naming the number."""
    # a card's groups of four start with a 4; (6, rest) has two groups
    return weak or len(shape) <= 2 or shape[0] in (2, 4) or shape in _SHAPES


def _groups(tokens: list[_Token]) -> list[str]:
    """The digit groups these tokens make, glued tokens read as one group."""
    groups: list[str] = []
    for token in tokens:
        if groups and token.glued:
            groups[-1] += token.digits
        else:
            groups.append(token.digits)
    return groups


def _classify_weak(groups: list[str], before: str) -> tuple[Kind, str] | None:
    """Groups of which some are parted by a list's separator (、 , / a line break): one
    number only when that is unmistakable, since `150、1200、1800` are three amounts.
    An ID with a right check digit and a real birth date, in an ID's groups or broken
    once (a line wrapped in a narrow cell); any number after a word that names its
    kind (电话、手机, 身份证, 卡号、账号… in the twelve characters `before` it)."""
    digits = "".join(groups)
    shape = tuple(len(g) for g in groups)
    fits = len(groups) == 2 or shape in _ID_SHAPES
    if len(digits) == 18 and fits and id_kind(digits) is Kind.ID and _real_date(digits[6:14]):
        return Kind.ID, digits
    classified = classify(_regrouped(groups))
    if classified is None:
        return None
    words = {Kind.MOBILE: _PHONE_WORDS_RE, Kind.BANK: _CARD_WORDS_RE}.get(classified[0], _ID_WORDS_RE)
    return classified if words.search(before) else None


def _regrouped(groups: list[str]) -> list[str]:
    """The groups as one run (a prefix such as 0086 kept apart): after a word naming the
    number, how it was broken does not matter."""
    if len(groups) > 1 and groups[0] in _PHONE_PREFIXES:
        return [groups[0], "".join(groups[1:])]
    return ["".join(groups)]


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
    if len(digits) == 17 and shape in _SHORT_ID_SHAPES and digits[:2] in _PROVINCES and \
            _real_date(digits[6:14]):
        return Kind.ID_SHORT, digits  # its check character follows from the other 17
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
    "住院医疗救助", "住院救助", "门诊救助", "医疗救助", "大病救助", "大病保险", "因病致贫",
    "重度残疾人", "困难残疾人",
)
_PROGRAMME_RE = re.compile("|".join(map(re.escape, PROGRAMME_NAMES)))
_NUMERAL = r"[0-9一二三四五六七八九十百零〇两]"
ILLNESS_RE = re.compile(
    r"患[^，。；,;\s]{0,10}?(?:病|症|癌|瘤|炎)|透析|[^\s，。；,;患某]{0,3}癌|偏?瘫痪|偏瘫|尿毒症|白血病|肿瘤|"
    r"化疗|放疗|截肢|脑梗|脑溢血|中风|精神病|精神分裂|抑郁症|艾滋|HIV|乙肝|肝硬化|结核病|智障|"
    r"痴呆|植物人|住院|病情|病重|重病|残疾等级|"
    rf"{_NUMERAL}级(?:残疾|伤残)|(?:肢体|视力|听力|言语|智力|精神|多重)残疾(?:{_NUMERAL}级)?")
ADDRESS_RE = re.compile(
    r"住[^，。；,;\s]{0,12}?组[^，。；,;\s]{0,6}?号|门牌|住址|家住|现住|居住于|"
    rf"(?:组|村|路|街|巷|弄|社区|小区|屯|庄){_NUMERAL}+号|(?<!\d)\d+(?:栋|幢|单元|室)")


def find_details(text: str) -> tuple[list[str], list[str]]:
    """Illness or disability words and address words in `text` (programme names aside)."""
    if text.isascii() and "HIV" not in text.upper():  # names, amounts, dates: no words
        return [], []
    text = unicodedata.normalize("NFKC", text)
    if not ILLNESS_RE.search(text) and not ADDRESS_RE.search(text):  # most text: no words
        return [], []
    text = _PROGRAMME_RE.sub("□", text)
    illness = [m.group() for m in ILLNESS_RE.finditer(text)]
    address = [m.group() for m in ADDRESS_RE.finditer(text)]
    return illness, address


# --- the same details in running text, when it names the person they belong to ---

# Common surnames that are not also everyday words after 村民/户主 (应, 和, 全, 高… are
# left out: 「村民应积极参加癌症筛查」 names nobody).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶苏魏吕"
    "沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯陶黎贺顾郝龚邵覃戴莫孔汤樊葛邢"
    "乔庞颜倪庄聂鲁岳翟殷詹欧耿焦俞祝舒阮柯梅童凌毕裴霍涂苗翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕饶"
    "牟艾穆缪褚娄窦戚岑瞿佟臧闵苟邬卞姬栾隋刁巫寇桑郎甄")
# Who a sentence is about: a name after a word for a villager (村民王桂英, 户主：李春花),
# a name kept half hidden (王某、张某某), or a word that points back at one household
# (该户, 其妻…).
PERSON_RE = re.compile(
    rf"(?:村民|户主|居民|低保户|五保户|特困户|困难户|贫困户|脱贫户|监测户|申请人|救助对象|党员|老人|同志)"
    rf"[：:]?[{SURNAMES}][\u4e00-\u9fff]{{1,2}}"
    rf"|[{SURNAMES}]某某?"
    r"|该户|该村民|该同志|该党员|其(?:妻子?|丈夫|儿子|女儿|父亲|母亲|老伴|配偶|家属|本人)|本人")
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+")


def _blank(match: re.Match[str]) -> str:
    return "□" * len(match.group())


def find_named_details(text: str, names: frozenset[str] = frozenset(),
                       ) -> list[tuple[str, list[str], list[str]]]:
    """Sentences of running text (a notice's body, a complaint, an agenda) that name a
    person — one of `names` (the people the item lists) or as PERSON_RE finds them —
    and tell that person's illness, disability or address: for each, who and the words.
    Programmes (大病医疗救助, 残疾人两项补贴) and details about nobody in particular
    (开展癌症筛查) are not reported."""
    if text.isascii() or find_details(text) == ([], []):
        return []
    found = []
    for sentence in _SENTENCE_RE.findall(text):
        illness, address = find_details(sentence)
        if not illness and not address:
            continue
        who = next((name for name in names if len(name) >= 2 and name in sentence), None)
        if who is None:
            match = PERSON_RE.search(_PROGRAMME_RE.sub(_blank, sentence))
            who = match.group() if match else None
        if who is not None:
            found.append((who, illness, address))
    return found

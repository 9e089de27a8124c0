"""Amounts written in capitals (大写) agree with the figure written beside them.

disclosure-rules.md, finance: "an amount written in capitals (大写) agrees with the
figure". A clerk writes both in a body, a note or a summary, e.g.
`合同总额人民币壹拾叁万玖仟柒佰伍拾元整（¥139,750.00）` or `¥500.00（大写：伍佰元整）`;
a capital amount that differs from its figure is the kind of slip a reader trusts
the wrong half of (the capitals exist to stop altering the figure), so it is an error.
Capitals that agree but end without 整 (or with 整 after 分) are a warning: the ending
rule is 会计基础工作规范 第五十二条. Its other rules leave a choice (one 零 or several for
a run of zeros, 整 or 正), so nothing else is compared with the tool's own spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from noticeboard.errors import FieldPath, Finding, error, warning
from noticeboard.formatting import capital, money
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.settings import Setting

_DIGITS = {ch: n for n, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
# A capital amount: its characters, with 元 (or 圆), or 角/分, somewhere in it.
_CAPITAL_RE = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*[元圆][零壹贰叁肆伍陆柒捌玖角分整正]*"
                         r"|[零壹贰叁肆伍陆柒捌玖]+[角分][零壹贰叁肆伍陆柒捌玖角分整正]*")
_FIGURE = r"[¥￥]?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]{1,2})?\s*元?"
# A figure just before the capitals (`¥500.00（大写：伍佰元整）`) or just after them
# (`伍佰元整（¥500.00）`, `伍佰元整（小写：500元）`): only brackets, colons and those words between.
_GAP = r"[\s（(:：]*(?:大写|小写|人民币|金额)?[\s:：]*(?:人民币)?[\s:：]*"
_NEAR = 40  # characters either side of the capitals searched for the figure
_AFTER_RE = re.compile(_GAP + _FIGURE)
_BEFORE_RE = re.compile(_FIGURE + _GAP + r"$")


def parse_capital(text: str) -> Decimal | None:
    """`壹拾叁万玖仟柒佰伍拾元整` → 139750.00; None when it is not a well-formed amount."""
    yuan_text, sep, rest = text.partition("元") if "元" in text else text.partition("圆")
    if not sep:  # 伍角, 伍分: no yuan part
        yuan_text, rest = "", text
    yuan = _integer(yuan_text) if yuan_text else 0
    if yuan is None:
        return None
    match = re.fullmatch(r"零?(?:([壹贰叁肆伍陆柒捌玖])角)?零?(?:([壹贰叁肆伍陆柒捌玖])分)?[整正]?", rest)
    if not match:
        return None
    jiao = _DIGITS[match[1]] if match[1] else 0
    fen = _DIGITS[match[2]] if match[2] else 0
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


def _integer(text: str) -> int | None:
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            total = (total + section) * _BIG[ch] if ch == "亿" else total + section * _BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name, None), (*path, name))
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            yield from _strings(entry, (*path, index))
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from _strings(entry, (*path, str(key)))


def _looks_like_money(text: str) -> bool:
    """A figure a clerk wrote as money (¥, 元, cents, or called 小写/大写), not `第3组：`."""
    return bool(re.search(r"[¥￥元]|\.[0-9]|大写|小写", text))


def _figure(match: re.Match[str]) -> Decimal:
    return Decimal(match[1].replace(",", "") + (match[2] or ""))


def check_capitals(item: Envelope, setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    for path, text in _strings(item, ()):
        for found in _CAPITAL_RE.finditer(text):
            if not re.search("[壹贰叁肆伍陆柒捌玖]", found[0]):
                continue  # 元 alone (`500元`) is a unit, not capitals
            # Only the few characters beside the capitals: a figure is short, and a search
            # over the whole text for every capital would be quadratic on hostile input.
            after = _AFTER_RE.match(text[found.end():found.end() + _NEAR])
            before = _BEFORE_RE.search(
                text[max(0, found.start() - _NEAR):found.start()].removesuffix("人民币"))
            figure = after or before
            if figure is None or not _looks_like_money(figure[0]):
                continue
            written, stated = parse_capital(found[0]), _figure(figure)
            if written != stated:
                findings.append(error("capital_mismatch", path, capital=found[0],
                                      figure=money(stated), expected=capital(stated)))
            elif (ending := _ending_problem(found[0])) is not None:
                findings.append(warning(ending, path, capital=found[0],
                                        expected=capital(stated)))
    return findings


def _ending_problem(text: str) -> str | None:
    """会计基础工作规范 第五十二条: 到元或者角为止的写「整」(或「正」); 有分的不写."""
    if text.endswith(("元", "圆", "角")):
        return "capital_no_zheng"
    if text.endswith(("整", "正")) and "分" in text:
        return "capital_zheng_after_fen"
    return None

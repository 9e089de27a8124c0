"""Money as a poster and a message print it (figures with ¥ and two decimals, and in
capitals, 大写), and the width of text in terminal cells. A leaf module, so rules, the
importer and skeletons can use them without importing the poster's view or the CLI."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"


SMALL_UNITS = ("", "拾", "佰", "仟")


GROUP_UNITS = ("", "万", "亿", "万亿")


def money(amount: Decimal) -> str:
    """`¥1,234.50`: the ¥ sign, thousands separators, always two decimals."""
    sign = "-" if amount < 0 else ""
    return f"{sign}¥{abs(amount):,.2f}"


def money_plain(amount: Decimal) -> str:
    """`1,234.50` for table cells whose header already says 元."""
    return f"{amount:,.2f}"


def capital(amount: Decimal) -> str:
    """人民币 in capitals: 1234.50 → 人民币壹仟贰佰叁拾肆元伍角整."""
    cents = int((abs(amount) * 100).to_integral_value())
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = "人民币" + ("负" if amount < 0 else "")
    if yuan or not (jiao or fen):
        text += _integer_capital(yuan) + "元"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        return text + DIGITS[fen] + "分"
    return text + "整"


def _integer_capital(number: int) -> str:
    if number == 0:
        return "零"
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    text, pending_zero = "", False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or group < 1000):
            text += "零"
        text += _group_capital(group) + GROUP_UNITS[index]
        pending_zero = False
    return text


def _group_capital(group: int) -> str:
    """1..9999 with one 零 for each run of inner zeros and none at the end."""
    text, zero_run = "", False
    for position in (3, 2, 1, 0):
        digit = group // 10**position % 10
        if digit == 0:
            zero_run = bool(text)
            continue
        if zero_run:
            text += "零"
            zero_run = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def display_width(text: str) -> int:
    """Terminal cells: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

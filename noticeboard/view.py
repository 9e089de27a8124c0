"""Formatting for posters: money, capital amounts (大写), dates, and the template context."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from noticeboard.config import Setting
from noticeboard.models.common import Board, Envelope, Vote, zh_date
from noticeboard.models.party_dues import DuesMember, bracket_rate

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


def issuer_of(item: Envelope, setting: Setting) -> str:
    if item.issuer:
        return item.issuer
    village = setting.village
    if village is None:
        return ""
    return village.branch_name if item.posting_board() is Board.PARTY else village.committee_name


# The largest title that still fits on one line (A3 points; A4 scales with the
# paper width), never below a size readable from two metres.
TITLE_MIN_PT, A3_TEXT_WIDTH_PT = 28.0, 720.0
PAPER_WIDTH_FACTOR = {"A3": 1.0, "A4": 210 / 297}


def title_size_pt(title: str, paper: str) -> float:
    one_line = A3_TEXT_WIDTH_PT / max(len(title), 1)
    return round(max(TITLE_MIN_PT, one_line) * PAPER_WIDTH_FACTOR[paper], 1)


def title_of(item: Envelope, setting: Setting) -> str:
    village = setting.village
    return item.title or item.default_title(village.name if village else "")


def link_of(item: Envelope, setting: Setting) -> str | None:
    """The item's URL, else its village's, else its township's."""
    village, township = setting.village, setting.township
    return item.url or (village.url if village else None) or (township.url if township else None)


def qr_svg(url: str, border: int = 2) -> Markup:
    """A QR code as one filled SVG path, a square per dark module: vector, sharp at any size.

    (segno's own SVG strokes lines, which WeasyPrint draws with gaps between rows.)
    """
    import segno

    matrix = segno.make(url, error="m").matrix
    size = len(matrix) + 2 * border
    squares = "".join(f"M{x + border} {y + border}h1v1h-1z"
                      for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
                  f'shape-rendering="crispEdges"><path fill="#000" d="{squares}"/></svg>')


# Font families tried after the township's own (defaults.fonts), by name, so a poster
# renders with what the computer has: Noto or Source Han (Debian, Ubuntu, UOS), SimSun and
# Microsoft YaHei (Windows fonts), WenQuanYi (Kylin and older systems). docs/使用指南.md
# lists them; any character none of these has is still found by fontconfig's fallback.
SERIF_FALLBACK = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun",
                  "Songti SC", "AR PL UMing CN")
SANS_FALLBACK = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                 "Microsoft YaHei", "SimHei", "WenQuanYi Zen Hei")


def _css_families(families: tuple[str, ...]) -> Markup:
    return Markup(", ".join(f'"{family}"' for family in families))  # constants, not input


def poster_context(item: Envelope, setting: Setting) -> dict[str, Any]:
    """Everything the templates print, already formatted."""
    village, township = setting.village, setting.township
    title = title_of(item, setting)
    defaults = setting.defaults
    window_end = defaults.window_end(item)
    review = None
    if item.reviewed_by:  # printed for every kind that gives it, party items too
        body = "" if item.posting_board() is Board.PARTY else (
            village.supervision_name if village else "村务监督委员会")
        when = f"（{zh_date(item.reviewed_on)}）" if item.reviewed_on else ""
        review = f"{body}审核：{item.reviewed_by}{when}"
    return {
        "item": item,
        "board": item.posting_board().value,
        "title": title,
        "issuer": issuer_of(item, setting),
        "period": item.period.label,
        "posted": zh_date(item.posted),
        "window": f"{zh_date(item.posted)}至{short_end(item.posted, window_end)}",
        "contact": item.contact or (village.phone if village else None),
        "hotline": township.hotline if township else None,
        "township": township.name if township else None,
        "review": review,
        "fonts": defaults.fonts,
        "serif_fallback": _css_families(SERIF_FALLBACK),
        "sans_fallback": _css_families(SANS_FALLBACK),
        "qr": qr_svg(url) if (url := link_of(item, setting)) else None,
        "url": url,
    }


def short_end(start: date, end: date) -> str:
    """The end of a range without repeating the year (and month) of its start."""
    if end.year != start.year:
        return zh_date(end)
    if end.month != start.month:
        return f"{end.month}月{end.day}日"
    return f"{end.day}日"


def month_day(day: date) -> str:
    """Table dates: `7月1日` (the year is the period's)."""
    return f"{day.month}月{day.day}日"


def year_month_short(day: date) -> str:
    """`2024.03` for dense tables."""
    return f"{day.year}.{day.month:02d}"


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are kept as text."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def vote_line(vote: Vote) -> str:
    return (f"应到{vote.expected}人，实到{vote.present}人；赞成{vote.votes_for}票，"
            f"反对{vote.votes_against}票，弃权{vote.abstain}票")


def dues_rate(member: DuesMember) -> str:
    rate = bracket_rate(member)
    return f"{(rate * 100).normalize()}%" if rate is not None else "—"


def group_in_order(rows: list[Any], attribute: str) -> list[tuple[Any, list[Any]]]:
    """Rows grouped by an attribute, groups in order of first appearance (Jinja sorts)."""
    groups: dict[Any, list[Any]] = {}
    for row in rows:
        groups.setdefault(getattr(row, attribute), []).append(row)
    return list(groups.items())


ZH_NUMBERS = "零一二三四五六七八九十"


def zh_number(number: int) -> str:
    """1 → 一 … 99 → 九十九, for section numbers."""
    if number <= 10:
        return ZH_NUMBERS[number]
    tens, ones = divmod(number, 10)
    return (ZH_NUMBERS[tens] if tens > 1 else "") + "十" + (ZH_NUMBERS[ones] if ones else "")


TEMPLATE_FILTERS = {
    "md": month_day,
    "ym_short": year_month_short,
    "paragraphs": paragraphs,
    "vote_line": vote_line,
    "dues_rate": dues_rate,
    "zh_number": zh_number,
    "group_in_order": group_in_order,
    "money": money,
    "money_plain": money_plain,
    "capital": capital,
    "zh_date": zh_date,
}

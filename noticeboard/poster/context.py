"""The template context: dates, tables and their column widths, notice paragraphs, QR codes."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from noticeboard.formatting import capital, money, money_plain
from noticeboard.kinds.common import Board, Envelope, Vote, zh_date
from noticeboard.kinds.election import Election
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.party_dues import DuesMember, bracket_rate
from noticeboard.kinds.record import check_code, record_sha256, shown_code
from noticeboard.kinds.settings import Setting
from noticeboard.poster.address import item_folder, page_address


def issuer_of(item: Envelope, setting: Setting) -> str:
    if item.issuer:
        return item.issuer
    if isinstance(item, Election) and item.committee:
        return item.committee
    village = setting.village
    if village is None:
        return ""
    if isinstance(item, Election):  # 村民委员会组织法 第十二条: 村民选举委员会主持村民委员会的选举
        return f"{village.name}村民选举委员会"
    return village.branch_name if item.posting_board() is Board.PARTY else village.committee_name


def feedback_of(item: Envelope, setting: Setting) -> str:
    """Where objections go: a 党务 poster to the branch and the township's party committee
    (组织办、纪委), an election to the election committee (组织法 第十四条), the rest to the
    village affairs supervision committee (disclosure-rules.md, where objections go)."""
    village, township = setting.village, setting.township
    if isinstance(item, Election):
        to = issuer_of(item, setting) or "村民选举委员会"
    elif item.posting_board() is Board.PARTY:
        branch = village.branch_name if village else "村党支部"
        party = f"{township.name}党委" if township else "乡镇党委"
        to = f"{branch}或{party}（组织办、纪委）"
    else:
        to = village.supervision_name if village else "村务监督委员会"
    return f"如有疑问，请于公示期内向{to}反映，我们将在10日内答复。"


# Titles (issue 27): 2rem of the body step, or 1.6rem when the title would take more
# than two lines at 2rem on the largest step; a title of two lines breaks between two
# halves balanced in length, so no line holds only 的通知. Characters a title line
# holds at the largest step (A3 and A4 alike, a little to spare: render.TYPE_SCALE_PT).
TITLE_LINE_EM, LONG_TITLE_LINE_EM = 15.0, 19.0
# Good places to break a title: before 关于 and the document's kind, after 的 and 关于.
TITLE_BREAK_BEFORE = ("关于", "公示", "公开", "公告", "通知", "名单", "决议", "情况", "结果")
TITLE_BREAK_AFTER = ("关于", "的", "年", "度", "村", "镇")
TITLE_BREAK_BONUS_EM = 3.5  # a good place may leave the halves this much less balanced


def title_is_long(title: str) -> bool:
    """Whether the title is set at 1.6rem rather than 2rem."""
    return text_em(title) > 2 * TITLE_LINE_EM


def title_lines(title: str) -> Markup:
    """The title, escaped, as one or two unbreakable halves: a title that fits one line
    at the largest step never breaks; one of two lines breaks at the balanced place;
    a longer one wraps as text does, numbers and dates kept whole."""
    per_line = LONG_TITLE_LINE_EM if title_is_long(title) else TITLE_LINE_EM
    width = text_em(title)
    if width <= per_line:
        return Markup('<span class="half">%s</span>') % title
    if width > 2 * per_line:
        return bind_tail(title)
    whole = _whole_spans(title)
    best: tuple[float, int] | None = None
    for cut in range(1, len(title)):
        if any(start < cut < end for start, end in whole):
            continue
        left, right = text_em(title[:cut]), text_em(title[cut:])
        if max(left, right) > per_line or title[cut] in TRAILING_PUNCTUATION:
            continue
        good = (title[cut:].startswith(TITLE_BREAK_BEFORE)
                or title[:cut].endswith(TITLE_BREAK_AFTER))
        score = abs(left - right) - (TITLE_BREAK_BONUS_EM if good else 0.0)
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:
        return bind_tail(title)
    cut = best[1]
    return Markup('<span class="half">%s</span><span class="half">%s</span>') % (
        title[:cut], title[cut:])


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


def site_link(item: Envelope, setting: Setting, file: Path) -> tuple[str, str] | None:
    """The item's page on the township's site and its 核验码, when township.yaml names a site."""
    township = setting.township
    if township is None or township.site is None:
        return None
    code = check_code(record_sha256(item, setting))
    return page_address(township.site, item_folder(file, setting), code), shown_code(code)


def poster_context(item: Envelope, setting: Setting, file: Path | None = None) -> dict[str, Any]:
    """Everything the templates print, already formatted; `file` (the item's) places it on
    the township's site."""
    village, township = setting.village, setting.township
    on_site = site_link(item, setting, file) if file is not None else None
    url = on_site[0] if on_site else link_of(item, setting)
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
        "feedback": feedback_of(item, setting),
        "period": item.period.label,
        "posted": zh_date(item.posted),
        "window": f"{zh_date(item.posted)}至{short_end(item.posted, window_end)}",
        "contact": item.contact or (village.phone if village else None),
        "hotline": township.hotline if township else None,
        "township": township.name if township else None,
        "review": review,
        "fonts": defaults.fonts,
        "seal_guide": defaults.seal_guide,
        "serif_fallback": _css_families(SERIF_FALLBACK),
        "sans_fallback": _css_families(SANS_FALLBACK),
        "qr": qr_svg(url) if url else None,
        "url": url,
        "check_code": on_site[1] if on_site else None,
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
    """Every line the clerk typed is a paragraph of its own; blank lines only add space."""
    return [block.text for block in blocks(text)]


# How a notice is set (GB/T 9704-2012, adapted to a poster). The rule the clerk
# reads in the skeleton and the guide: every line typed is a paragraph on the
# poster; a blank line adds half a line of space before the next one.
SALUTATION_MAX = 40  # a first line this long or longer ending in a colon is a sentence
CLOSING_RE = re.compile(r"特此(?:通知|公告|公示|通告|告知|函告)[。.！!]?$")
ATTACHMENT_RE = re.compile(r"附\s*件\s*\d*\s*[：:]")
ATTACHMENT_MORE_RE = re.compile(r"(?:\d+|[（(]\d+[）)])\s*[.．、]?\S")
# Markers of numbered points by level: 一、 (一) 1. (1).
POINT_MARKERS = (
    ("[一二三四五六七八九十]{1,3}、", 1),
    ("[（(][一二三四五六七八九十]{1,3}[）)]", 2),
    ("\\d{1,2}[.．](?!\\d)", 3),
    ("[（(]\\d{1,2}[）)]", 4),
)
POINT_RE = re.compile("|".join(f"(?P<l{level}>{marker})" for marker, level in POINT_MARKERS))
# Where a numbered point may start inside a line: after a colon, semicolon or full stop.
INLINE_BREAK = "：:；;。"
TRAILING_PUNCTUATION = "。，、；：？！…—）》」』”’.,;:?!)"
BOUND_CHARACTERS = 3  # the last characters kept together with the closing punctuation
BIND_FROM = 5  # texts of up to this many characters are left as they are


@dataclass(frozen=True)
class Block:
    """One paragraph of a notice: its text, its role, and whether a blank line came first."""

    text: str
    role: str = "body"  # salutation, body, point, ending (特此通知), attachment, attachment-more
    level: int = 0  # a numbered point's level, 1 (一、) to 4 ((1))
    gap: bool = False

    @property
    def html(self) -> Markup:
        return bind_tail(self.text)

    @property
    def classes(self) -> str:
        names = [self.role] + ([f"level-{self.level}"] if self.level else [])
        return " ".join(names + (["gap"] if self.gap else []))


def blocks(text: str) -> list[Block]:
    """The clerk's text as paragraphs with roles, in the order typed."""
    result: list[Block] = []
    gap = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            gap = bool(result)
            continue
        for piece in _split_line(line, first=not result):
            result.append(_classify(piece, result, gap))
            gap = False
    return result


def _split_line(line: str, first: bool) -> list[str]:
    """A line split before inline numbered points (一、…；二、…) and before 特此通知."""
    pieces = _split_points(line)
    last = pieces[-1]
    closing = CLOSING_RE.search(last)
    if closing and closing.start() > 0 and last[closing.start() - 1] in "。！!？?":
        pieces[-1:] = [last[:closing.start()], last[closing.start():]]
    return pieces


def _split_points(line: str) -> list[str]:
    """Split only a run of at least two consecutive points, each after ： ； or 。,
    so a date like 2.5亩 or a lone 一、 inside a sentence stays as typed."""
    starts = []
    for match in POINT_RE.finditer(line):
        if match.start() == 0 or line[match.start() - 1] in INLINE_BREAK:
            starts.append((match.start(), match.lastgroup, _ordinal(match.group())))
    chosen: list[int] = []
    for level in {group for _, group, _ in starts}:
        run = [(start, number) for start, group, number in starts if group == level]
        for index, (start, number) in enumerate(run):
            if number != 1:
                continue
            sequence = [start]
            for later, later_number in run[index + 1:]:
                if later_number == number + len(sequence):
                    sequence.append(later)
            if len(sequence) >= 2:
                chosen.extend(sequence)
    cuts = sorted({start for start in chosen if start > 0})
    return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def _ordinal(marker: str) -> int:
    digits = re.sub(r"\D", "", marker)
    if digits:
        return int(digits)
    numerals = re.sub(r"[^一二三四五六七八九十]", "", marker)
    return _zh_to_int(numerals)


def _zh_to_int(numerals: str) -> int:
    if "十" not in numerals:
        return ZH_NUMBERS.index(numerals) if len(numerals) == 1 else 0
    tens, _, ones = numerals.partition("十")
    return (ZH_NUMBERS.index(tens) if tens else 1) * 10 + (ZH_NUMBERS.index(ones) if ones else 0)


def _classify(piece: str, before: list[Block], gap: bool) -> Block:
    if not before and piece.endswith(("：", ":")) and len(piece) < SALUTATION_MAX:
        return Block(piece, "salutation", gap=gap)
    if CLOSING_RE.fullmatch(piece):
        return Block(piece, "ending", gap=gap)
    if ATTACHMENT_RE.match(piece):
        # GB/T 9704-2012 7.3.6: one blank line below the text, then 附件：name.
        return Block(piece, "attachment", gap=True)
    if before and before[-1].role.startswith("attachment") and not gap \
            and ATTACHMENT_MORE_RE.match(piece):
        return Block(piece, "attachment-more")
    point = POINT_RE.match(piece)
    if point and point.lastgroup:
        return Block(piece, "point", level=int(point.lastgroup[1:]), gap=gap)
    return Block(piece, "body", gap=gap)


# What is never broken across lines (issue 27): dates, times, and numbers with their
# unit ("2.3公里", "¥1,234.50", "第3组"). A line may break before or after one.
WHOLE_RE = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?"
    r"|\d{1,2}[:：]\d{2}|\d{1,2}时(?:\d{1,2}分|半)?"
    r"|(?:第|约|共)?[¥￥-]?\d[\d,，]*(?:\.\d+)?(?:%|％|‰|万元|元|角|分|公里|千米|平方米|立方米|米|亩|"
    r"公斤|千克|吨|户|人|票|张|项|笔|个|天|日|月|年|季度|组|次|盏|台|棵|间|栋|名|条|处|工日)?")


def _whole_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WHOLE_RE.finditer(text) if m.end() - m.start() > 1]


def keep_whole(text: str) -> Markup:
    """The text, escaped, with each date, time and number-with-unit in a no-break span."""
    if isinstance(text, Markup):
        return text
    out, at = [], 0
    for start, end in _whole_spans(text):
        out.append(Markup.escape(text[at:start]))
        out.append(Markup('<span class="whole">%s</span>') % text[start:end])
        at = end
    out.append(Markup.escape(text[at:]))
    return Markup("").join(out)


def bind_tail(text: str, keep: int = BOUND_CHARACTERS) -> Markup:
    """The text, escaped, with its last few characters and closing punctuation bound
    in a no-break span, so a paragraph never ends on one character and its full stop;
    numbers and dates kept whole (keep_whole)."""
    if isinstance(text, Markup):  # already HTML: slicing it could cut a tag or an entity
        return text
    if len(text) <= BIND_FROM:  # a short text sits on one line wherever it is printed
        return Markup.escape(text)
    end = len(text)
    while end > 0 and text[end - 1] in TRAILING_PUNCTUATION:
        end -= 1
    start = max(0, end - keep)
    for whole_start, whole_end in _whole_spans(text):  # the bound tail never cuts a number
        if whole_start < start < whole_end:
            start = whole_start
    if start == 0 or any(ch.isspace() for ch in text[start:]):
        return keep_whole(text)
    return keep_whole(text[:start]) + Markup('<span class="bound">%s</span>') % keep_whole(
        text[start:])


# Table columns sized from their content. Cells that hold a name, a category, a
# date, an amount or a count never wrap: their column is as wide as the longest
# cell (in character units of the table's own font). Free-text columns (摘要, 备注,
# 事由) share what remains, each at least FREE_MIN_EM characters wide (or its
# longest cell, if shorter). The layout is fixed (fast for long lists); a table
# whose columns need more than the sheet's width makes the fit loop shrink the
# poster until it fits, so no column is ever squeezed below its content.
CELL_PADDING_EM = 1.25  # both sides of a cell (.rows td: 0.45rem at 0.8rem text) and a margin
FREE_MIN_EM = 6.0
KEEP_MAX_EM = 12.0  # wider "names" (hostile input, not a person's name) wrap
HEADER_WHOLE = 5  # headers up to this many characters never wrap


def text_em(text: str) -> float:
    """The width of `text` in em: CJK and full-width characters 1, digits and Latin
    about 0.58 (Noto Serif's figures), narrow punctuation 0.3."""
    width = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            width += 1.0
        elif char in ".,:;'|!ilI ":
            width += 0.3
        else:
            width += 0.58
    return width


def header_em(label: str) -> float:
    """Short headers stay whole; a longer one may wrap before an opening bracket,
    or in half: 缴纳基数（元） takes four characters, 确定积极分子 three."""
    if len(label) <= HEADER_WHOLE:
        return text_em(label)
    parts = [part for part in re.split(r"(?=[（(])", label) if part]
    return max(text_em(part) if len(part) <= 4 else math.ceil(len(part) / 2) for part in parts)


@dataclass(frozen=True)
class Grid:
    """Column widths for one table, in em of the table's text (None: takes what remains)."""

    widths: tuple[float | None, ...]
    free_min: float  # em the free columns need at least, together
    rem: float  # the table's text size in rem (.rows 0.8)

    @property
    def colgroup(self) -> Markup:
        cols = "".join("<col>" if width is None else f'<col style="width: {width:.2f}em">'
                       for width in self.widths)
        return Markup(f"<colgroup>{cols}</colgroup>")

    @property
    def frame(self) -> str:
        """The table's frame is at least as wide as its columns need: when that is wider
        than the sheet, the frame overflows and the fit loop shrinks the poster, so a
        free column is never squeezed (WeasyPrint ignores min-width on tables)."""
        need = sum(width for width in self.widths if width is not None) + self.free_min
        return f"min-width: {need * self.rem:.2f}rem"


def grid(columns: list[tuple[str, Any, str]], rem: float = 0.8) -> Grid:
    """Widths from (header, cells as printed, mode) per column: `keep` columns are as wide
    as their longest cell (up to KEEP_MAX_EM), `free` ones share what remains."""
    widths: list[float | None] = []
    free_min = 0.0
    for label, cells, mode in columns:
        longest = max((text_em(str(cell)) for cell in cells), default=0.0)
        if mode == "free":
            widths.append(None)
            free_min += max(min(longest, FREE_MIN_EM), header_em(label)) + CELL_PADDING_EM
        else:  # a clerk's overlong "name" wraps rather than push the table off the sheet
            widths.append(round(max(min(longest, KEEP_MAX_EM), header_em(label))
                                + CELL_PADDING_EM, 2))
    return Grid(tuple(widths), round(free_min, 2), rem)


def vote_line(vote: Vote) -> str:
    """The vote as the notice gives it, and nothing it does not give: `应到35人，实到30人；
    赞成30票，反对0票，弃权0票`, `参会42人，其中有表决权的应到35人、实到30人（到会率85.7%）`,
    `举手表决，一致同意`."""
    groups = []
    attendance = [text for text in (
        f"应到{vote.expected}人" if vote.expected is not None else "",
        f"实到{vote.present}人" + (f"（到会率{vote.present_rate}%）" if vote.present_rate is not None
                                 else "") if vote.present is not None else "") if text]
    if vote.attendees is not None:
        groups.append(f"参会{vote.attendees}人" + ("，其中有表决权的" + "、".join(attendance)
                                                 if attendance else ""))
    elif attendance:
        groups.append("，".join(attendance))
    tally = [f"{label}{count}票" for label, count in (
        ("赞成", vote.votes_for), ("反对", vote.votes_against), ("弃权", vote.abstain))
        if count is not None]
    if vote.for_rate is not None:
        tally.append(f"赞成率{vote.for_rate}%")
    if tally:
        groups.append("，".join(tally))
    if vote.words():
        groups.append(vote.words())
    return "；".join(groups)


def ledger_columns(item: Finance) -> dict[str, bool]:
    """The ledger's optional columns that some row fills: the others are left off the poster."""
    rows = [*item.income, *item.expense]
    shown = {name: any(getattr(row, name) is not None for row in rows)
             for name in ("date", "voucher", "category", "handler")}
    shown["approver"] = any(row.approver is not None for row in item.expense)
    return shown


def vote_figures(vote: Vote) -> list[tuple[str, int]]:
    """The key-figure boxes of a vote: only the counts the notice gives (none: no boxes)."""
    return [(label, count) for label, count in (
        ("参会（人）", vote.attendees), ("应到（人）", vote.expected), ("实到（人）", vote.present),
        ("赞成（票）", vote.votes_for), ("反对（票）", vote.votes_against), ("弃权（票）", vote.abstain))
        if count is not None]


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
    "blocks": blocks,
    "grid": grid,
    "bind_tail": bind_tail,
    "keep_whole": keep_whole,
    "title_lines": title_lines,
    "title_is_long": title_is_long,
    "vote_line": lambda vote: keep_whole(vote_line(vote)),
    "vote_figures": vote_figures,
    "ledger_columns": ledger_columns,
    "dues_rate": dues_rate,
    "zh_number": zh_number,
    "group_in_order": group_in_order,
    "money": money,
    "money_plain": money_plain,
    "capital": capital,
    # What a template prints of these is never broken across lines (keep_whole).
    "zh_date": lambda day: keep_whole(zh_date(day)),
}

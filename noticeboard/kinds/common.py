"""Types every kind shares: money, dates, periods, boards and the item envelope."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

MONEY_LIMIT = Decimal("10000000000")  # ten billion yuan: no village account is larger
# [0-9], not \d: Python's \d and Decimal() also take Bengali ৪০০ or Arabic-Indic ٤٠٠ and
# read them as 400, which a clerk who typed them did not see. Full-width digits are
# folded to ASCII by NFKC first (a Chinese input method types them), so they stay.
_MONEY_RE = re.compile(r"^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$")


def _ascii_digits_only(text: str) -> None:
    """Refuse digits of other scripts (after NFKC, full-width ones are already ASCII)."""
    foreign = [ch for ch in text if unicodedata.category(ch) == "Nd" and not "0" <= ch <= "9"]
    if foreign:
        raise PydanticCustomError("digits_foreign", "digits of another script",
                                  {"value": text, "char": foreign[0],
                                   "codepoint": f"{ord(foreign[0]):04X}"})


def parse_money(value: Any) -> Decimal:
    """Read an amount exactly: `1234.5`, `1,234.50`, `¥1234.50`, full-width `１２３．５０`."""
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        text = str(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        text = text.removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
        text = text.replace("，", ",")
        _ascii_digits_only(text)
    else:
        raise PydanticCustomError("money", "not an amount", {"value": str(value)})
    if not _MONEY_RE.match(text):
        raise PydanticCustomError("money", "not an amount", {"value": str(value)})
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise PydanticCustomError("money", "not an amount", {"value": str(value)}) from None
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise PydanticCustomError("money_cents", "more than two decimals", {"value": text})
    if abs(amount) >= MONEY_LIMIT:
        raise PydanticCustomError("money_absurd", "too large", {"value": text})
    if amount.is_zero() and text.startswith("-"):  # would print as -0.00
        raise PydanticCustomError("money_minus_zero", "minus zero", {"value": text})
    return amount.quantize(Decimal("0.01"))


def _not_negative(amount: Decimal) -> Decimal:
    if amount < 0:
        raise PydanticCustomError("money_negative", "negative", {"value": str(amount)})
    return amount


_MONEY_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^[¥￥]?\d[\d,]*(\.\d{1,2})?元?$"},
    ]
}

Money = Annotated[
    Decimal,
    BeforeValidator(lambda v: _not_negative(parse_money(v))),
    WithJsonSchema(_MONEY_SCHEMA),
]
SignedMoney = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}]}),
]

_ZH_DATE_RE = re.compile(r"^([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日?$")
_ISO_DATE_RE = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")

# Dates a village notice can carry. `9999-12-31` is a typo, and date arithmetic on it
# (a posting window, the next period) would overflow Python's calendar.
YEARS = range(1900, 2200)


def parse_date(value: Any) -> date:
    """`2026-10-08`, `2026/10/8`, `2026年10月8日`; a date that does not exist is refused."""
    if isinstance(value, date):
        return _plausible(value, value.isoformat())
    text = unicodedata.normalize("NFKC", str(value)).strip()
    _ascii_digits_only(text)
    match = _ISO_DATE_RE.match(text) or _ZH_DATE_RE.match(text)
    if not match:
        raise PydanticCustomError("date_format", "not a date", {"value": text})
    year, month, day = (int(g) for g in match.groups())
    try:
        found = date(year, month, day)
    except ValueError:
        raise PydanticCustomError("date_invalid", "no such date", {"value": text}) from None
    return _plausible(found, text)


def _plausible(day: date, text: str) -> date:
    if day.year not in YEARS:
        raise PydanticCustomError("date_absurd", "implausible year",
                                  {"value": text, "low": YEARS.start, "high": YEARS.stop - 1})
    return day


ChineseDate = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "examples": ["2026-10-08", "2026年10月8日"]}),
]

_TRUE_WORDS = {"是", "对", "当选", "有"}
_FALSE_WORDS = {"否", "不", "未当选", "无"}


def parse_bool(value: Any) -> Any:
    """是/否 as well as true/false, yes/no (which pydantic reads itself)."""
    if isinstance(value, str):
        text = value.strip()
        if text in _TRUE_WORDS:
            return True
        if text in _FALSE_WORDS:
            return False
    return value


ChineseBool = Annotated[bool, BeforeValidator(parse_bool),
                        WithJsonSchema({"anyOf": [{"type": "boolean"},
                                                  {"enum": ["是", "否", "当选", "未当选"]}]})]

QUARTER_NAMES = "一二三四"


class Period(BaseModel):
    """The span an item covers: `2026-Q3`, `2026-10`, `2026`, or `{from:, to:}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: ChineseDate = Field(title="起始日期", json_schema_extra={"aliases": ["from", "从"]})
    end: ChineseDate = Field(title="截止日期", json_schema_extra={"aliases": ["to", "至"]})
    label: str = Field("", title="期间名称")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_period_text(value)
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError("period_order", "end before start", {})
        if not self.label:
            object.__setattr__(self, "label", _range_label(self.start, self.end))
        return self


def parse_period_text(text: str) -> dict[str, Any]:
    text = unicodedata.normalize("NFKC", text).strip().upper()
    _ascii_digits_only(text)
    if m := re.fullmatch(r"([0-9]{4})-?Q([1-4])", text):
        year, quarter = int(m[1]), int(m[2])
        start = date(year, 3 * quarter - 2, 1)
        end = _month_end(year, 3 * quarter)
        return {"start": start, "end": end,
                "label": f"{year}年第{QUARTER_NAMES[quarter - 1]}季度"}
    if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return {"start": date(year, month, 1), "end": _month_end(year, month),
                    "label": f"{year}年{month}月"}
    if m := re.fullmatch(r"([0-9]{4})", text):
        year = int(m[1])
        return {"start": date(year, 1, 1), "end": date(year, 12, 31), "label": f"{year}年度"}
    raise PydanticCustomError("period_format", "not a period", {"value": text})


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _range_label(start: date, end: date) -> str:
    return f"{zh_date(start)}至{zh_date(end)}"


def zh_date(day: date) -> str:
    """Dates in full without zero padding, as official notices write them."""
    return f"{day.year}年{day.month}月{day.day}日"


URL_PATTERN = r"^https?://[^\s]{1,500}$"


class Board(StrEnum):
    """The three columns of a village notice board."""

    PARTY = "党务公开"
    VILLAGE = "村务公开"
    FINANCE = "财务公开"


class Envelope(BaseModel):
    """What every item carries, whatever its kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str = Field(title="类型", description="公开事项的类型，如 finance / 财务公开")
    title: str | None = Field(None, title="标题", description="不填则按类型和期间自动生成")
    period: Period = Field(title="所属期间", json_schema_extra={"aliases": ["期间"]},
                           description="2026-Q3、2026-10、2026，或 from/to 起止日期")
    posted: ChineseDate = Field(title="公开日期", description="张贴公开的日期")
    until: ChineseDate | None = Field(None, title="公示截止",
                                      json_schema_extra={"aliases": ["截止日期"]},
                                      description="公示期最后一天；不填则按公示天数推算")
    days: int | None = Field(None, ge=1, le=366, title="公示天数",
                             description="公示期天数（含张贴当天）")
    issuer: str | None = Field(None, title="公开单位",
                               description="不填则党务用村党支部、其余用村民委员会")
    contact: str | None = Field(None, title="监督电话",
                                json_schema_extra={"aliases": ["联系电话"]},
                                description="群众反映问题的电话；不填则用村里的监督电话")
    reviewed_by: str | None = Field(None, title="审核人",
                                    description="村务监督委员会审核人")
    reviewed_on: ChineseDate | None = Field(None, title="审核日期",
                                            description="村务监督委员会审核日期")
    url: str | None = Field(None, title="网址", pattern=URL_PATTERN,
                            description="电子版或在线反馈的网址；海报上印成二维码")

    KIND: ClassVar[str] = ""
    NAME_ZH: ClassVar[str] = ""
    BOARD: ClassVar[Board] = Board.VILLAGE
    NEEDS_REVIEW: ClassVar[bool] = False

    def posting_board(self) -> Board:
        return self.BOARD

    def window_end(self, default_days: int) -> date:
        if self.until is not None:
            return self.until
        try:
            return self.posted + timedelta(days=(self.days or default_days) - 1)
        except OverflowError:  # settings are range-checked; this is the last guard
            return date.max

    def default_title(self, village_name: str) -> str:
        return f"{village_name}{self.period.label}{self.NAME_ZH}"


class VoteMethod(StrEnum):
    """How a meeting decided, as real notices write it."""

    SHOW_OF_HANDS = "举手表决"
    SECRET_BALLOT = "无记名投票"
    BALLOT = "投票表决"
    DELIBERATION = "民主评议"  # discussed to a resolution, no count


class VoteOutcome(StrEnum):
    UNANIMOUS = "一致同意"
    ALL_VOTES = "全票通过"
    PASSED = "通过"
    FAILED = "未通过"


UNANIMOUS_OUTCOMES = (VoteOutcome.UNANIMOUS, VoteOutcome.ALL_VOTES)

# The words notices use, to the method or outcome they name (`表决情况: 举手表决，一致同意`).
VOTE_WORDS: dict[str, VoteMethod | VoteOutcome] = {
    **{method.value: method for method in VoteMethod},
    **{outcome.value: outcome for outcome in VoteOutcome},
    "举手": VoteMethod.SHOW_OF_HANDS, "举手通过": VoteOutcome.PASSED,
    "无记名投票表决": VoteMethod.SECRET_BALLOT, "投票": VoteMethod.BALLOT,
    "讨论决定": VoteMethod.DELIBERATION, "讨论通过": VoteMethod.DELIBERATION,
    "一致通过": VoteOutcome.UNANIMOUS, "全体同意": VoteOutcome.UNANIMOUS,
    "全票同意": VoteOutcome.ALL_VOTES, "未获通过": VoteOutcome.FAILED, "没有通过": VoteOutcome.FAILED,
}
_VOTE_SEPARATORS = re.compile(r"[\s，,、；;。.]+")


def parse_vote_text(text: str) -> dict[str, Any]:
    """`举手表决，一致同意` as {method, outcome}; a word that names neither is refused."""
    found: dict[str, Any] = {}
    for word in (w for w in _VOTE_SEPARATORS.split(unicodedata.normalize("NFKC", text)) if w):
        meaning = VOTE_WORDS.get(word)
        if meaning is None:
            raise PydanticCustomError("vote_text_unknown", "not a vote word",
                                      {"word": word, "known": "、".join(VOTE_WORDS)})
        found["method" if isinstance(meaning, VoteMethod) else "outcome"] = meaning
    return found


def _percent(value: Any) -> Any:
    """`85.7%` or `85.7` as a Decimal number of percent."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFKC", value).strip().removesuffix("%").strip()
    return value


Percent = Annotated[Decimal, BeforeValidator(_percent), Field(ge=0, le=100),
                    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}],
                                    "examples": ["85.7%"]})]


class Vote(BaseModel):
    """How a meeting decided: the method and outcome a notice states (一致同意, 举手表决,
    民主评议) and the head counts it gives, as many as it gives; counts given must agree."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    method: VoteMethod | None = Field(None, title="表决方式",
                                      description="举手表决、无记名投票、投票表决、民主评议")
    outcome: VoteOutcome | None = Field(None, title="表决结果",
                                        description="一致同意、全票通过、通过、未通过")
    attendees: int | None = Field(None, title="参会人数", ge=0,
                                  json_schema_extra={"aliases": ["到会总人数", "出席人数"]},
                                  description="到会的全部人员，含列席（无表决权）的")
    expected: int | None = Field(None, title="应到人数", ge=1,
                                 json_schema_extra={"aliases": ["应到"]},
                                 description="有表决权的应到人数")
    present: int | None = Field(None, title="实到人数", ge=0,
                                json_schema_extra={"aliases": ["实到"]},
                                description="有表决权的实到人数")
    present_rate: Percent | None = Field(None, title="到会率",
                                         json_schema_extra={"aliases": ["出席率"]},
                                         description="如 85.7%：实到占应到的百分比，照公告填写")
    votes_for: int | None = Field(None, title="赞成", ge=0,
                                  json_schema_extra={"aliases": ["同意", "for"]})
    votes_against: int | None = Field(None, title="反对", ge=0,
                                      json_schema_extra={"aliases": ["against"]})
    abstain: int | None = Field(None, title="弃权", ge=0)
    for_rate: Percent | None = Field(None, title="赞成率",
                                     json_schema_extra={"aliases": ["同意率"]},
                                     description="如 100%：赞成占实到的百分比，照公告填写")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_vote_text(value)
        return value

    @property
    def unanimous(self) -> bool:
        return self.outcome in UNANIMOUS_OUTCOMES

    def tally_for(self) -> int | None:
        """The votes for: as given, or every one present when the notice says 一致同意."""
        if self.votes_for is not None:
            return self.votes_for
        return self.present if self.unanimous else None

    def counted(self) -> bool:
        """Whether any head count is given (a vote on words alone has none)."""
        return any(n is not None for n in (self.attendees, self.expected, self.present,
                                           self.votes_for, self.votes_against, self.abstain))

    def words(self) -> str:
        """The method and outcome as the notice says them: `举手表决，一致同意`."""
        return "，".join(word.value for word in (self.method, self.outcome) if word is not None)


class Decision(BaseModel):
    """The meeting that decided a matter (民主决策), referenced from another item."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    body: str = Field(title="决策机构", min_length=1,
                      description="如 村民代表会议、村“两委”会、党员大会")
    date: ChineseDate = Field(title="会议日期")
    vote: Vote | None = Field(None, title="表决情况")
    file: str | None = Field(None, title="会议公告文件",
                             description="同村文件夹中会议决议公告的文件名（可不填）")
    posted: ChineseDate | None = Field(
        None, title="决议公开日期",
        description="决议公告不在本村文件夹时，写它张贴公开的日期（决议公开须在实施之前）")


class Gender(StrEnum):
    MALE = "男"
    FEMALE = "女"


TEXT_LIST_SCHEMA = {"type": "array", "items": {"type": "string"}}

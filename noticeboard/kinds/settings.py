"""What township.yaml and village.yaml may say, and the defaults that cascade to items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from noticeboard.kinds.common import (
    URL_PATTERN,
    ChineseDate,
    Count,
    Envelope,
    Quantity,
    parse_quantity,
)
from noticeboard.kinds.meeting import Meeting, MeetingStage, canonical_body
from noticeboard.kinds.practices import BY_CODE, BY_NAME, practice_code
from noticeboard.sources.settings import TOWNSHIP_FILE, VILLAGE_FILE
from noticeboard.workdays import WorkCalendar

FONT_NAME = r"^[\w \-]{1,64}$"  # goes into CSS: letters, digits, spaces, hyphens only


class Fonts(BaseModel):
    """Installed font families by role (named, never loaded from a file path)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field("Noto Serif CJK SC", title="标题字体", pattern=FONT_NAME)
    body: str = Field("Noto Serif CJK SC", title="正文字体", pattern=FONT_NAME)
    heading: str = Field("Noto Sans CJK SC", title="黑体字体", pattern=FONT_NAME)


# Local practice (disclosure-rules.md). Every number here varies by province and
# is overridden under `defaults:` in township.yaml; docs/local-practice.md says
# where each default comes from.
DEFAULT_POSTING_DAYS = {"relief": 7, "member_development": 7, "appointment": 7}
DEFAULT_MIN_DAYS = {"notice": 3, "finance": 5, "relief": 7, "appointment": 5,
                    "member_development": 5, "one_matter": 7, "contract": 5, "expense": 5,
                    "major_matter": 5}
# 村民小组会议: 组织法 第二十八条, 三分之二以上的村民（或户的代表）参加.
# 户代表会议: the 村民会议 of 第二十二条 sitting as 本村三分之二以上的户的代表.
DEFAULT_QUORUM = {"村民会议": "1/2", "户代表会议": "2/3", "村民代表会议": "2/3", "党员大会": "1/2",
                  "村民小组会议": "2/3"}
DEFAULT_NOTICE_DAYS = {"村民会议": 10}  # 村民委员会组织法 第二十一条: 提前十天通知


# Township settings are range-checked like an item's values: `posting_days: 99999999`
# would overflow the calendar, a negative one be blamed on every item's `until`.
Days = Annotated[Count, Field(ge=1, le=366)]
# A size in points, read by the same strict number reader as every other number.
Points = Annotated[float, BeforeValidator(lambda v: float(parse_quantity(v)))]
DEFAULT_MAX_SHEETS = 20  # about 680 table rows; see rules/size.py and docs/performance.md
# The longest a poster may take (issue 25): the slowest sane poster, 100 sheets of
# table, takes about two minutes on a slow office PC; an endless template loop is stopped.
DEFAULT_RENDER_SECONDS = 300


def _practice_codes(value: Any) -> Any:
    """`raise_to_error` names as codes; a name that is no practice rule is refused."""
    if not isinstance(value, list):
        return value
    codes = []
    for name in value:
        code = practice_code(name) if isinstance(name, str) else None
        if code is None:
            raise PydanticCustomError("practice_unknown", "not a practice rule",
                                      {"name": str(name), "known": "、".join(BY_NAME)})
        codes.append(code)
    return codes


class Defaults(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # docs/severity.md: the practice warnings this township treats as errors.
    raise_to_error: Annotated[list[str], BeforeValidator(_practice_codes), WithJsonSchema(
        {"type": "array", "items": {"enum": [*BY_CODE, *(p.name for p in BY_CODE.values())]}})] = Field(
        default_factory=list, title="升为错误", json_schema_extra={"aliases": ["警告升为错误"]},
        description="本镇要求必须做到的规则（noticeboard rules 列出代码和中文名），警告改报错误")

    posting_days: dict[str, Days] = Field(default_factory=lambda: dict(DEFAULT_POSTING_DAYS),
                                          title="公示天数", description="按类型；未列出的为 7 天")
    min_days: dict[str, Days] = Field(default_factory=lambda: dict(DEFAULT_MIN_DAYS),
                                      title="最短公示天数", description="按类型；少于此数给出警告")
    working_day_kinds: list[str] = Field(default_factory=lambda: ["member_development"],
                                         title="按工作日计算公示期的类型")
    extra_workdays: list[ChineseDate] = Field(
        default_factory=list, title="补充工作日", json_schema_extra={"aliases": ["调休上班日"]},
        description="日历包未收录或需更正的工作日（如新公布的调休上班日）")
    extra_holidays: list[ChineseDate] = Field(
        default_factory=list, title="补充放假日", json_schema_extra={"aliases": ["放假日"]},
        description="日历包未收录或需更正的放假日（如新公布的法定节假日）")
    meeting_notice_days: dict[str, Count] = Field(
        default_factory=lambda: dict(DEFAULT_NOTICE_DAYS), title="会议提前公告天数",
        description="按会议：会前公告至少提前几天张贴")
    quorum: dict[str, Annotated[str, Field(pattern=r"^[1-9]\d?/[1-9]\d?$")]] = Field(
        default_factory=lambda: dict(DEFAULT_QUORUM), title="到会人数要求",
        description="按会议：1/2 为过半数，2/3 为三分之二以上")
    expense_meeting_threshold: Quantity = Field(Decimal(5000), title="大额开支上会标准",
                                               description="开支超过此数须经会议决定，元")
    one_matter_money_cap: Quantity = Field(Decimal(15), title="一事一议筹资上限",
                                          description="每人每年，元")
    one_matter_labour_cap: Quantity = Field(Decimal(10), title="一事一议筹劳上限",
                                           description="每个劳动力每年工日")
    dues_arrears_months: Count = Field(6, ge=1, le=120, title="党费欠缴提示月数")
    # 100 sheets (3,400 rows) is the largest poster that stays under 1 GB while rendering
    max_sheets: Count = Field(DEFAULT_MAX_SHEETS, ge=1, le=100, title="每张海报最多页数",
                              description="表格或文字超过此页数时 check 即报错，请按村民小组或月份分成几项")
    render_seconds: Count = Field(DEFAULT_RENDER_SECONDS, ge=1, le=3600, title="每张海报最长生成时间",
                                  description="秒；超过时这张海报停止生成并报错（如模板里的循环停不下来）")
    election_voter_days: Days = Field(20, title="选民名单提前公布天数")
    election_candidate_days: Days = Field(5, title="候选人提前公布天数")
    paper: Literal["A3", "A4"] = Field("A3", title="纸张")
    min_body_pt: Points | None = Field(  # engine (issue 16): the long-document policy
        None, ge=8, le=30, title="正文最小字号",
        description="海报只用字号阶梯中不小于此值的几级（A3：16、19、23 磅；"
                    "A4：11.5、13.5、16 磅）；只能提高，不能低于最小阅读字号；放不下时多用纸，不缩小字")
    seal_guide: bool = Field(False, title="印章位置虚线圈",
                             description="在落款处画虚线圆圈标出盖章位置；默认不印")
    fonts: Fonts = Field(default_factory=Fonts, title="字体")
    chinese_keys: bool = Field(False, title="模板用中文键名",
                               description="noticeboard new 默认写中文键名（加 --英文键 可改回）")
    placeholders: list[Annotated[str, Field(min_length=1, max_length=50)]] = Field(
        default_factory=list, title="占位文字", max_length=200,
        description="这些文字出现在事项的任何字段里，check 就报错（如 张三、李四、待定）；"
                    "内置的 某某、××、0000-00000000 和模板示例总是查")

    def raises(self, code: str) -> bool:
        """Whether this township treats the practice warning `code` as an error."""
        return code in self.raise_to_error

    def days_for(self, kind: str) -> int:
        return self.posting_days.get(kind, 7)

    def min_days_for(self, kind: str) -> int:
        return self.min_days.get(kind, 1)

    def quorum_for(self, body: str) -> str:
        """The quorum of a body, found through its other names (村民代表大会 = 村民代表会议)."""
        return _by_body(self.quorum, body) or "1/2"

    def notice_days_for(self, body: str) -> int | None:
        return _by_body(self.meeting_notice_days, body)

    def calendar(self) -> WorkCalendar:
        return WorkCalendar.of(self.extra_workdays, self.extra_holidays)

    def window_end(self, item: Envelope) -> date:
        """The last day of an item's posting window, in working days for the kinds counted so."""
        if item.until is not None:
            return item.until
        days = item.days or self.days_for(item.KIND)
        if item.KIND in self.working_day_kinds:
            return self.calendar().end_of(item.posted, days)
        end = item.posted + timedelta(days=days - 1)
        if item.days is None and isinstance(item, Meeting) and item.stage is MeetingStage.ANNOUNCEMENT:
            # A pre-announcement is posted until the meeting, not past it.
            return max(item.posted, min(end, item.meeting_date - timedelta(days=1)))
        return end


def _by_body(table: dict[str, Any], body: str) -> Any:
    wanted = canonical_body(body) or body
    return next((value for name, value in table.items()
                 if (canonical_body(name) or name) == wanted), None)


class Frequency(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


FREQUENCY_WORDS = {"月": "month", "每月": "month", "季": "quarter", "季度": "quarter",
                   "每季度": "quarter", "年": "year", "每年": "year", "年度": "year"}


def _frequency(value: Any) -> Any:
    return FREQUENCY_WORDS.get(value.strip(), value.strip().lower()) if isinstance(value, str) else value


class Township(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="乡镇名称", json_schema_extra={"aliases": ["名称", "镇名"]})
    county: str | None = Field(None, title="县区", json_schema_extra={"aliases": ["县"]})
    hotline: str | None = Field(None, title="举报电话",
                                json_schema_extra={"aliases": ["乡镇举报电话", "监督电话"]})
    defaults: Defaults = Field(default_factory=Defaults, title="默认设置")
    url: str | None = Field(None, title="网址", pattern=URL_PATTERN,
                            description="本镇村务公开网页或在线反馈表；海报上印成二维码")
    site: str | None = Field(None, title="公开网站", pattern=URL_PATTERN,
                             json_schema_extra={"aliases": ["网站", "公开网站地址", "网站地址"]},
                             description="noticeboard site 生成的网站放在哪个网址；填了，每张海报的"
                                         "二维码就通向该事项的网页，旁边印核验码")
    required: dict[str, Annotated[Frequency, BeforeValidator(_frequency), WithJsonSchema(
        {"enum": [*Frequency, *FREQUENCY_WORDS]})]] = Field(
        default_factory=dict, title="必须公开的事项",
        description="类型: 频次（月、季度、年），`noticeboard status` 据此列出缺失的事项")


class Village(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="村名", json_schema_extra={"aliases": ["名称"]})
    committee: str | None = Field(None, title="村民委员会")
    party_branch: str | None = Field(None, title="党支部",
                                     json_schema_extra={"aliases": ["村党支部"]})
    supervision: str | None = Field(None, title="村务监督委员会")
    phone: str | None = Field(None, title="监督电话", json_schema_extra={"aliases": ["电话"]})
    url: str | None = Field(None, title="网址", pattern=URL_PATTERN,
                            description="本村公开网页或在线反馈表；海报上印成二维码")

    @property
    def committee_name(self) -> str:
        return self.committee or f"{self.name}村民委员会"

    @property
    def branch_name(self) -> str:
        return self.party_branch or f"中共{self.name}支部委员会"

    @property
    def supervision_name(self) -> str:
        return self.supervision or f"{self.name}村务监督委员会"


@dataclass(frozen=True)
class Setting:
    """The township and village an item belongs to (either may be absent)."""

    township: Township | None
    village: Village | None
    township_dir: Path | None
    village_dir: Path | None
    # The bytes that were checked, attached to every poster and digested for the state:
    # a settings file saved during a run is neither attached nor trusted unchecked.
    township_raw: bytes | None = field(default=None, repr=False)
    village_raw: bytes | None = field(default=None, repr=False)

    @property
    def defaults(self) -> Defaults:
        return self.township.defaults if self.township else Defaults()

    @property
    def root(self) -> Path | None:
        """The folder whose files a poster may use (seal, logo, template overrides)."""
        return self.township_dir or self.village_dir

    def checked_files(self) -> list[tuple[str, bytes]]:
        """The settings files as the bytes that were checked, village first."""
        files = [(VILLAGE_FILE, self.village_raw), (TOWNSHIP_FILE, self.township_raw)]
        return [(name, raw) for name, raw in files if raw is not None]

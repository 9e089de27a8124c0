"""民主决策：会前公告（议题、方案、时间地点）与决议公告（到会、表决、决议）."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from noticeboard.kinds.common import Board, ChineseDate, Envelope, Vote, VoteOutcome


class MeetingStage(StrEnum):
    ANNOUNCEMENT = "会前公告"
    RESULT = "决议公告"


MEETING_BODIES = ("党委会", "支委会", "班子会", "主席团会", "村“两委”会", "村民代表会议",
                  "村民会议", "户代表会议", "党员大会", "村民小组会议", "听证会")

# Other names clerks write for the same body (disclosure-rules.md, 民主决策). Quotes and
# spaces are ignored when matching, so 村"两委"会 and 村两委会 are one body.
BODY_ALIASES = {
    "村民代表大会": "村民代表会议", "村民代表会": "村民代表会议",
    "群众会": "村民会议", "村民大会": "村民会议", "群众大会": "村民会议",
    "支部委员会": "支委会", "党支部委员会": "支委会", "支部委员会会议": "支委会",
    "党委会议": "党委会", "班子会议": "班子会", "两委会": "村“两委”会",
    "村两委联席会议": "村“两委”会", "两委联席会议": "村“两委”会",
    # 村民委员会组织法 第二十二条: a 村民会议 may sit as 本村三分之二以上的户的代表.
    "村民会议（户代表）": "户代表会议", "村民会议(户代表)": "户代表会议",
    "户代表大会": "户代表会议", "农户代表会议": "户代表会议", "户主会": "户代表会议",
    "户主会议": "户代表会议",
    "支部党员大会": "党员大会", "党员会议": "党员大会", "党员大会会议": "党员大会",
    "村民小组会": "村民小组会议", "组民会议": "村民小组会议", "小组会议": "村民小组会议",
    "听证会议": "听证会", "民主听证会": "听证会",
}
_QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》〈〉]")


def _bare(name: str) -> str:
    return _QUOTES.sub("", unicodedata.normalize("NFKC", name))


_CANONICAL = {_bare(name): name for name in MEETING_BODIES} | {
    _bare(alias): body for alias, body in BODY_ALIASES.items()}


def canonical_body(name: str) -> str | None:
    """The standard name of a meeting body (村民代表大会 → 村民代表会议), or None if unknown."""
    return _CANONICAL.get(_bare(name))


# 党员大会 decides by more than half of the members entitled to attend (支部工作条例 第十一条);
# the other bodies by more than half of those present (村民委员会组织法 第二十二、二十六条).
MAJORITY_OF_EXPECTED = ("党员大会",)


# A hearing (听证会) hears views and decides nothing: no quorum, and its count is no decision.
HEARINGS = ("听证会",)


def is_hearing(body: str) -> bool:
    return canonical_body(body) in HEARINGS


def majority_of_expected(body: str) -> bool:
    return canonical_body(body) in MAJORITY_OF_EXPECTED


def motion_passed(vote: Vote, body: str) -> bool | None:
    """Whether a motion passed: computed from the votes when they are given, never taken
    from the clerk's word; else what the notice states (一致同意, 未通过); None when the
    notice says neither (民主评议, a method alone)."""
    tally = vote.tally_for()
    basis = vote.expected if majority_of_expected(body) else vote.present
    if tally is not None and basis is not None:
        return tally * 2 > basis
    if vote.outcome is None:
        return None
    return vote.outcome is not VoteOutcome.FAILED


class Implementation(StrEnum):
    """Where a resolution stands, as a result notice says it."""

    PENDING_TOWNSHIP = "待镇审核后实施"
    IN_FORCE = "实施中"
    DONE = "已实施"


IMPLEMENTATION_WORDS = {"报镇审核后实施": Implementation.PENDING_TOWNSHIP,
                        "待乡镇审核后实施": Implementation.PENDING_TOWNSHIP,
                        "报乡镇审核后实施": Implementation.PENDING_TOWNSHIP,
                        "正在实施": Implementation.IN_FORCE, "已完成": Implementation.DONE}


def _implementation(value: Any) -> Any:
    return IMPLEMENTATION_WORDS.get(value.strip(), value.strip()) if isinstance(value, str) else value


class Meeting(Envelope):
    KIND: ClassVar[str] = "meeting"
    NAME_ZH: ClassVar[str] = "民主决策公告"

    kind: Literal["meeting"] = Field(title="类型")
    stage: MeetingStage = Field(title="阶段", description="会前公告 或 决议公告")
    board: Board = Field(Board.VILLAGE, title="公开栏目", description="党务公开 或 村务公开")
    body: str = Field(title="会议", min_length=1, json_schema_extra={"aliases": ["会议名称"]},
                      description="、".join(MEETING_BODIES))
    meeting_date: ChineseDate = Field(title="会议日期")
    meeting_time: str | None = Field(None, title="会议时间", description="如 上午9时")
    place: str | None = Field(None, title="地点", min_length=1,
                              json_schema_extra={"aliases": ["会议地点"]},
                              description="会前公告必填")
    agenda: list[str] = Field(default_factory=list, title="议题",
                              json_schema_extra={"aliases": ["会议议题"]})
    proposal: str | None = Field(None, title="方案", description="提交会议讨论的方案全文")
    how_to_comment: str | None = Field(None, title="意见征求方式",
                                       description="群众如何在会前提出意见")
    vote: Vote | None = Field(None, title="表决情况", description="决议公告必填")
    resolution: str | None = Field(None, title="决议", description="决议公告必填：决议内容")
    discussion: str | None = Field(None, title="讨论情况",
                                   description="会上如何讨论，照会议记录填写")
    speakers: list[str] = Field(default_factory=list, title="发言人",
                                json_schema_extra={"aliases": ["发言人员"]})
    implementation: Annotated[Implementation, BeforeValidator(_implementation)] | None = Field(
        None, title="实施状态", json_schema_extra={"aliases": ["状态"]},
        description="待镇审核后实施、实施中、已实施")

    def posting_board(self) -> Board:
        return self.board

    def passed(self) -> bool | None:
        """Whether the motion passed; None for a pre-announcement or without a vote."""
        if self.stage is not MeetingStage.RESULT or self.vote is None:
            return None
        return motion_passed(self.vote, self.body)

    def default_title(self, village_name: str) -> str:
        stage = "表决结果公告" if self.passed() is False else self.stage.value
        return f"{village_name}{self.body}{stage}"

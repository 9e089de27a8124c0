"""民主决策：会前公告（议题、方案、时间地点）与决议公告（到会、表决、决议）."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import Field

from noticeboard.models.common import Board, ChineseDate, Envelope, Vote


class MeetingStage(StrEnum):
    ANNOUNCEMENT = "会前公告"
    RESULT = "决议公告"


MEETING_BODIES = ("党委会", "支委会", "班子会", "主席团会", "村“两委”会", "村民代表会议",
                  "村民会议", "党员大会")


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
    place: str = Field(title="地点", min_length=1, json_schema_extra={"aliases": ["会议地点"]})
    agenda: list[str] = Field(default_factory=list, title="议题",
                              json_schema_extra={"aliases": ["会议议题"]})
    proposal: str | None = Field(None, title="方案", description="提交会议讨论的方案全文")
    how_to_comment: str | None = Field(None, title="意见征求方式",
                                       description="群众如何在会前提出意见")
    vote: Vote | None = Field(None, title="表决情况", description="决议公告必填")
    resolution: str | None = Field(None, title="决议", description="决议公告必填：决议内容")

    def posting_board(self) -> Board:
        return self.board

    def default_title(self, village_name: str) -> str:
        return f"{village_name}{self.body}{self.stage.value}"

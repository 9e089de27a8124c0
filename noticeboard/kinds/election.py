"""村委会选举: the voter list, the final candidates, and the result, each posted in time."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import ChineseBool, ChineseDate, Count, Envelope, Gender


class ElectionStage(StrEnum):
    VOTERS = "选民名单"
    CANDIDATES = "候选人"
    RESULT = "选举结果"


# Posts elected 差额 (more candidates than seats), by 村民委员会组织法 第十五条.
COMPETITIVE_POSTS = ("主任", "副主任", "委员")


def post_name(post: str) -> str:
    """`村委会主任`, `村民委员会副主任` → 主任, 副主任: the post without the committee's name."""
    name = "".join(post.split())
    for prefix in ("村民委员会", "村委会", "村委"):
        name = name.removeprefix(prefix)
    return name


class Voter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="姓名", min_length=1)
    group: str = Field(title="村民小组", min_length=1)
    gender: Gender | None = Field(None, title="性别")


class Candidate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="姓名", min_length=1)
    gender: Gender = Field(title="性别")
    post: str = Field(title="职务", min_length=1, description="主任、副主任、委员")
    nomination_votes: Count | None = Field(None, title="提名票数", ge=0)
    votes: Count | None = Field(None, title="得票数", ge=0, description="选举结果必填")
    elected: ChineseBool = Field(False, title="当选", description="选举结果中当选者写 是")


class Election(Envelope):
    KIND: ClassVar[str] = "election"
    NAME_ZH: ClassVar[str] = "村民委员会选举公告"

    kind: Literal["election"] = Field(title="类型")
    stage: ElectionStage = Field(title="阶段", description="选民名单、候选人、选举结果")
    election_date: ChineseDate = Field(title="选举日期")
    election_time: str | None = Field(None, title="选举时间", description="如 上午8时至12时")
    place: str | None = Field(None, title="选举地点")
    committee: str | None = Field(None, title="村民选举委员会")
    voters: list[Voter] = Field(default_factory=list, title="选民",
                                json_schema_extra={"aliases": ["选民名单"]})
    candidates: list[Candidate] = Field(default_factory=list, title="候选人",
                                        json_schema_extra={"aliases": ["候选人名单"]})
    registered: Count | None = Field(None, title="登记选民数", ge=0)
    present: Count | None = Field(None, title="参加投票选民数", ge=0)
    ballots_cast: Count | None = Field(None, title="收回选票", ge=0)
    ballots_valid: Count | None = Field(None, title="有效票", ge=0)
    seats: dict[str, Annotated[int, Field(ge=1, le=99)]] = Field(default_factory=dict, title="应选名额",
                                  json_schema_extra={"aliases": ["职数"]},
                                  description="按职务，如 {主任: 1, 副主任: 1, 委员: 3}；主任不填为 1 名")

    def seats_for(self, post: str) -> int | None:
        """Seats of a post; one 主任 when not given (村民委员会组织法 第六条)."""
        wanted = post_name(post)
        given = {post_name(name): count for name, count in self.seats.items()}
        return given.get(wanted, 1 if wanted == "主任" else None)

    def seats_line(self) -> str:
        """`主任1名、委员3名`: the seats of the posts on the list, in the list's order."""
        posts = dict.fromkeys(post_name(c.post) for c in self.candidates)
        return "、".join(f"{post}{seats}名" for post in posts
                        if (seats := self.seats_for(post)) is not None)

    def is_void(self) -> bool:
        """Not more than half of the registered voters voted (村民委员会组织法 第十五条)."""
        return (self.stage is ElectionStage.RESULT and self.registered is not None
                and self.present is not None and self.present * 2 <= self.registered)

    def default_title(self, village_name: str) -> str:
        words = {ElectionStage.VOTERS: "选民名单公告", ElectionStage.CANDIDATES: "正式候选人公告",
                 ElectionStage.RESULT: "选举结果公告"}
        return f"{village_name}{self.election_date.year}年村民委员会换届选举{words[self.stage]}"

"""人事任用: who is proposed for which post, by what procedure, and the objection window."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, Envelope, Gender


class Appointee(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="姓名", min_length=1)
    gender: Gender = Field(title="性别")
    born: str = Field(title="出生年月", pattern=r"^\d{4}[-.年/]\d{1,2}月?$",
                      description="如 1985-06 或 1985年6月")
    education: str | None = Field(None, title="学历")
    current: str | None = Field(None, title="现任职务")
    post: str = Field(title="拟任职务", min_length=1)


class Appointment(Envelope):
    KIND: ClassVar[str] = "appointment"
    NAME_ZH: ClassVar[str] = "人事任用公示"
    BOARD: ClassVar[Board] = Board.PARTY

    kind: Literal["appointment"] = Field(title="类型")
    procedure: str = Field(title="任用程序", min_length=1,
                           description="如 经支委会研究、党员大会推荐、镇党委同意")
    people: list[Appointee] = Field(default_factory=list, title="人员",
                                    json_schema_extra={"aliases": ["拟任人员"]})
    objection_to: str | None = Field(None, title="意见受理",
                                     description="受理意见的单位、电话或地址")

    def default_title(self, village_name: str) -> str:
        return f"{village_name}干部任用公示"

"""党员发展公示: candidates at one stage, with the dates of their earlier stages."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, ChineseDate, Envelope, Gender


class DevelopmentStage(StrEnum):
    ACTIVIST = "入党积极分子"
    CANDIDATE = "发展对象"
    PROBATIONARY = "接收预备党员"
    FULL = "预备党员转正"


# The date each stage began, in order; a person at a stage must have all earlier ones.
STAGE_DATES: tuple[tuple[str, str], ...] = (
    ("applied_on", "申请入党时间"),
    ("activist_on", "确定为入党积极分子时间"),
    ("candidate_on", "确定为发展对象时间"),
    ("probationary_on", "接收为预备党员时间"),
)
STAGE_ORDER = list(DevelopmentStage)
PERSONAL_FIELDS = (("gender", "性别"), ("ethnicity", "民族"), ("born", "出生年月"),
                   ("education", "学历"), ("unit", "村民小组及职务"))
BORN_PATTERN = r"^\d{4}[-.年/]\d{1,2}(月|[-./]\d{1,2}|月\d{1,2}日?)?$"


class Applicant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="姓名", min_length=1)
    # docs/severity.md: the 细则 asks for a 公示, not for its columns; gender, ethnicity,
    # birth, education and unit are practice (a warning), never filled in for the clerk.
    gender: Gender | None = Field(None, title="性别")
    ethnicity: str | None = Field(None, title="民族")
    # 出生年月 as the 细则 lists it; a full date is taken too, and then the age rule
    # (党章 第一条, 年满十八岁) is checked to the day rather than from the month's first day.
    born: str | None = Field(None, title="出生年月", pattern=BORN_PATTERN,
                      description="如 1995-08；写到日（1995-08-20）则按日核对年满十八岁")
    education: str | None = Field(None, title="学历")
    unit: str | None = Field(None, title="村民小组及职务", json_schema_extra={"aliases": ["单位及职务"]})
    applied_on: ChineseDate | None = Field(None, title="申请入党时间")
    activist_on: ChineseDate | None = Field(None, title="确定为入党积极分子时间")
    candidate_on: ChineseDate | None = Field(None, title="确定为发展对象时间")
    probationary_on: ChineseDate | None = Field(None, title="接收为预备党员时间")
    introducers: list[str] = Field(default_factory=list, title="入党介绍人")

    def details_missing(self) -> list[str]:
        """The personal fields of the 公示 this person is listed without."""
        return [label for name, label in PERSONAL_FIELDS if getattr(self, name) is None]

    def stage_dates(self) -> list[tuple[str, str, date | None]]:
        return [(name, label, getattr(self, name)) for name, label in STAGE_DATES]


class MemberDevelopment(Envelope):
    KIND: ClassVar[str] = "member_development"
    NAME_ZH: ClassVar[str] = "党员发展公示"
    BOARD: ClassVar[Board] = Board.PARTY

    kind: Literal["member_development"] = Field(title="类型")
    stage: DevelopmentStage = Field(title="阶段",
                                    description="入党积极分子、发展对象、接收预备党员、预备党员转正")
    people: list[Applicant] = Field(default_factory=list, title="人员",
                                    json_schema_extra={"aliases": ["公示对象"]})
    objection_to: str | None = Field(None, title="意见受理",
                                     description="受理意见的电话和地址")

    def default_title(self, village_name: str) -> str:
        return f"{village_name}党支部{self.stage.value}公示"

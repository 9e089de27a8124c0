"""工作思路与目标: each goal with its measures, the person responsible and a deadline."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, ChineseDate, Envelope


class Goal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    goal: str = Field(title="目标", min_length=1)
    measures: str | None = Field(None, title="措施")
    responsible: str = Field(title="责任人", min_length=1)
    deadline: ChineseDate = Field(title="完成时限")


class WorkPlan(Envelope):
    KIND: ClassVar[str] = "work_plan"
    NAME_ZH: ClassVar[str] = "工作思路与目标"
    BOARD: ClassVar[Board] = Board.PARTY

    kind: Literal["work_plan"] = Field(title="类型")
    summary: str | None = Field(None, title="总体思路")
    goals: list[Goal] = Field(default_factory=list, title="目标任务",
                              json_schema_extra={"aliases": ["目标"]})

    def default_title(self, village_name: str) -> str:
        return f"{village_name}{self.period.label}工作思路与目标"

"""群众热点难点问题: each issue from being raised to the answer given back to villagers."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import ChineseDate, Envelope

# The steps every issue goes through; a missing one is the formality the essay condemns.
ISSUE_STEPS = (("investigation", "调查核实"), ("handling", "处理意见"), ("result", "办理结果"),
               ("feedback", "反馈情况"))


class HotIssue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    issue: str = Field(title="问题", min_length=1, json_schema_extra={"aliases": ["反映问题"]})
    raised_on: ChineseDate | None = Field(None, title="反映日期")
    investigation: str | None = Field(None, title="调查核实")
    handling: str | None = Field(None, title="处理意见")
    result: str | None = Field(None, title="办理结果")
    feedback: str | None = Field(None, title="反馈情况", description="何时、以何种方式向群众反馈")


class HotIssues(Envelope):
    KIND: ClassVar[str] = "hot_issue"
    NAME_ZH: ClassVar[str] = "群众热点难点问题办理公开"

    kind: Literal["hot_issue"] = Field(title="类型")
    issues: list[HotIssue] = Field(default_factory=list, title="问题清单",
                                   json_schema_extra={"aliases": ["问题"]})

    def default_title(self, village_name: str) -> str:
        return f"{village_name}{self.period.label}群众热点难点问题办理情况公开"

"""重大事项: what was decided, by whom and when, and how it is carried out."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from noticeboard.kinds.common import Decision, Envelope


class MajorMatter(Envelope):
    KIND: ClassVar[str] = "major_matter"
    NAME_ZH: ClassVar[str] = "重大事项公开"
    NEEDS_REVIEW: ClassVar[bool] = True

    kind: Literal["major_matter"] = Field(title="类型")
    matter: str = Field(title="事项", min_length=1, json_schema_extra={"aliases": ["事项名称"]})
    content: str = Field(title="主要内容", min_length=1)
    decision: Decision = Field(title="决策情况", description="决策机构、会议日期、表决情况")
    implementation: str | None = Field(None, title="实施情况")

    def default_title(self, village_name: str) -> str:
        return f"{village_name}关于{self.matter}的公告"

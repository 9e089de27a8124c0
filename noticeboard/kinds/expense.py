"""大额经费开支: every item of a large spend and its approval chain."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, ChineseDate, Decision, Envelope, Money


class ExpenseItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    summary: str = Field(title="摘要", min_length=1, json_schema_extra={"aliases": ["项目"]})
    quantity: str | None = Field(None, title="数量", description="如 120米、3台")
    amount: Money = Field(title="金额")
    note: str | None = Field(None, title="备注")


class Expense(Envelope):
    KIND: ClassVar[str] = "expense"
    NAME_ZH: ClassVar[str] = "大额经费开支公示"
    BOARD: ClassVar[Board] = Board.FINANCE
    NEEDS_REVIEW: ClassVar[bool] = True

    kind: Literal["expense"] = Field(title="类型")
    purpose: str = Field(title="用途", min_length=1, json_schema_extra={"aliases": ["开支事由"]})
    spent_on: ChineseDate | None = Field(None, title="开支日期")
    items: list[ExpenseItem] = Field(default_factory=list, title="明细",
                                     json_schema_extra={"aliases": ["开支明细"]})
    total: Money | None = Field(None, title="合计", description="可不填；填了就要等于各行之和")
    handler: str | None = Field(None, title="经手人")
    approver: str | None = Field(None, title="审批人")
    decision: Decision | None = Field(None, title="决策情况",
                                      description="超过乡镇规定数额的开支须经会议决定")

    def amount_sum(self) -> Decimal:
        return sum((item.amount for item in self.items), Decimal("0.00"))

    def default_title(self, village_name: str) -> str:
        return f"{village_name}关于{self.purpose}的经费开支公示"

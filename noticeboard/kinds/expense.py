"""大额经费开支: every item of a large spend and its approval chain."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, ChineseDate, Decision, Envelope, Money


class VillagersMatter(StrEnum):
    """村民委员会组织法 第二十四条: matters only the 村民会议 (or the 村民代表会议 it
    authorises, 第二十五条) decides; an expense for one of them needs their decision."""

    ALLOWANCES = "误工补贴"            # (一) 本村享受误工补贴的人员及补贴标准
    COLLECTIVE_INCOME = "集体收益使用"  # (二) 从村集体经济所得收益的使用
    PUBLIC_WORKS = "公益事业兴办"       # (三) 本村公益事业的兴办和筹资筹劳方案及建设承包方案
    LAND_CONTRACTING = "土地承包经营"   # (四) 土地承包经营方案
    COLLECTIVE_PROJECT = "集体经济项目"  # (五) 村集体经济项目的立项、承包方案
    HOMESTEADS = "宅基地使用"           # (六) 宅基地的使用方案
    LAND_COMPENSATION = "征地补偿费"     # (七) 征地补偿费的使用、分配方案
    DISPOSAL = "处分集体财产"           # (八) 以借贷、租赁或者其他方式处分村集体财产


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
    voucher: str | None = Field(None, title="凭证号",
                                description="记账凭证号；财务公开中按它找到这笔开支")
    matter: VillagersMatter | None = Field(
        None, title="决策事项",
        description="属于村民委员会组织法第二十四条所列事项时填写，如 公益事业兴办；"
                    "须由村民会议或村民代表会议决定")
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

"""承包、租赁合同: the asset, the price and payments, and the meeting that decided it."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, ChineseDate, Decision, Envelope, Money


class ContractMethod(StrEnum):
    """农村土地承包法 第四十八条: 招标、拍卖、公开协商; 竞价 and 协商 as written locally."""

    TENDER = "招标"
    AUCTION = "拍卖"
    OPEN_NEGOTIATION = "公开协商"
    BIDDING = "竞价"
    NEGOTIATION = "协商"


class Boundaries(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    east: str = Field(title="东")
    south: str = Field(title="南")
    west: str = Field(title="西")
    north: str = Field(title="北")


class Payment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: ChineseDate = Field(title="日期")
    amount: Money = Field(title="金额")
    voucher: str | None = Field(None, title="凭证号")


class Contract(Envelope):
    KIND: ClassVar[str] = "contract"
    NAME_ZH: ClassVar[str] = "承包租赁合同公开"
    BOARD: ClassVar[Board] = Board.FINANCE
    NEEDS_REVIEW: ClassVar[bool] = True

    kind: Literal["contract"] = Field(title="类型")
    asset: str = Field(title="资产资源", min_length=1, json_schema_extra={"aliases": ["标的"]})
    location: str = Field(title="坐落")
    boundaries: Boundaries | None = Field(None, title="四至")
    area: str = Field(title="面积", description="带单位，如 32.5亩")
    use: str = Field(title="用途")
    method: ContractMethod = Field(title="发包方式", description="招标、拍卖、公开协商、竞价或协商")
    contractor: str = Field(title="承包方", min_length=1, json_schema_extra={"aliases": ["承租方"]})
    term_start: ChineseDate = Field(title="起始日期")
    term_end: ChineseDate = Field(title="终止日期")
    unit_price: str | None = Field(None, title="单价", description="如 每亩每年800元")
    annual: Money = Field(title="年租金", json_schema_extra={"aliases": ["年承包费"]})
    total: Money = Field(title="合同总额")
    payment_terms: str = Field(title="付款方式")
    payments: list[Payment] = Field(default_factory=list, title="收款明细")
    received: Money = Field(Decimal("0.00"), title="已收金额")
    contract_no: str = Field(title="合同编号")
    signed_on: ChineseDate = Field(title="签订日期")
    decision: Decision = Field(title="决策情况", description="决定发包的会议及表决")
    supervision_opinion: str | None = Field(None, title="监督委员会意见")

    def owed(self) -> Decimal:
        return self.total - self.received

    def payments_sum(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0.00"))

    def default_title(self, village_name: str) -> str:
        return f"{village_name}{self.asset}{self.method.value}发包结果公示"

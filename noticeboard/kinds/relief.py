"""困难救济、低保、补助发放公示: who receives what, without personal data."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, Count, Envelope, Money


class Recipient(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="户主姓名", min_length=1, json_schema_extra={"aliases": ["姓名"]})
    group: str = Field(title="村民小组", min_length=1, json_schema_extra={"aliases": ["组别"]})
    household_size: Count = Field(title="保障人数", ge=1, le=30,
                                json_schema_extra={"aliases": ["人数"]})
    category: str = Field(title="类别", description="如 一类低保、特困供养、临时救助")
    amount: Money = Field(title="金额", description="本期发放金额，元")
    note: str | None = Field(None, title="备注")


class Relief(Envelope):
    KIND: ClassVar[str] = "relief"
    NAME_ZH: ClassVar[str] = "救助补助发放公示"
    BOARD: ClassVar[Board] = Board.VILLAGE
    NEEDS_REVIEW: ClassVar[bool] = True

    kind: Literal["relief"] = Field(title="类型")
    program: str = Field(title="项目", min_length=1,
                         json_schema_extra={"aliases": ["项目名称", "救助项目"]},
                         description="如 农村最低生活保障金、临时救助")
    standard: str | None = Field(None, title="发放标准", description="标准或依据，如 每人每月560元")
    monthly_standard: Money | None = Field(
        None, title="每人每月标准", json_schema_extra={"aliases": ["月标准"]},
        description="元；填了就核对每户金额不超过 保障人数 × 标准 × 发放月数")
    months: Count | None = Field(None, title="发放月数", ge=1, le=12,
                               description="不填则按所属期间的月数")
    recipients: list[Recipient] = Field(default_factory=list, title="名单",
                                        json_schema_extra={"aliases": ["发放名单"]})
    total: Money | None = Field(None, title="合计", description="可不填；填了就要等于各行之和")

    def default_title(self, village_name: str) -> str:
        period = "" if self.period.label in self.program else self.period.label
        return f"{village_name}{period}{self.program}发放公示"

    def months_paid(self) -> int:
        """Months this payment covers: as given, else the whole months of the period."""
        if self.months is not None:
            return self.months
        start, end = self.period.start, self.period.end
        return max(1, (end.year - start.year) * 12 + end.month - start.month + 1)

    def amount_sum(self) -> Decimal:
        return sum((r.amount for r in self.recipients), Decimal("0.00"))

    def people_sum(self) -> int:
        return sum(r.household_size for r in self.recipients)

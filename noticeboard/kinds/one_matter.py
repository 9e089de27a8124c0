"""一事一议筹资筹劳: the project, what each villager pays or works, the vote and the accounts."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import ChineseDate, Decision, Envelope, Money, Vote


class BudgetLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    summary: str = Field(title="项目", min_length=1)
    amount: Money = Field(title="金额")


class Exemption(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="户主姓名", min_length=1, json_schema_extra={"aliases": ["姓名"]})
    group: str | None = Field(None, title="村民小组")
    reason: str = Field(title="减免原因", description="如 现役军人、低保户、在校学生、孕产妇")


class OneMatter(Envelope):
    KIND: ClassVar[str] = "one_matter"
    NAME_ZH: ClassVar[str] = "一事一议筹资筹劳公示"
    NEEDS_REVIEW: ClassVar[bool] = True

    kind: Literal["one_matter"] = Field(title="类型")
    project: str = Field(title="项目名称", min_length=1, json_schema_extra={"aliases": ["项目"]})
    beneficiaries: str = Field(title="受益范围", description="如 第一、二村民小组 126户 468人")
    contributors: int = Field(title="筹资人数", ge=0, description="按标准出资的人数")
    money_per_person: Money = Field(title="筹资标准", description="每人每年，元")
    workers: int = Field(0, title="筹劳人数", ge=0)
    labour_days: Decimal = Field(Decimal(0), title="筹劳标准", ge=0,
                                 description="每个劳动力每年的工日数")
    cash_in_lieu: Money | None = Field(None, title="以资代劳标准", description="每个工日折合，元")
    matching_funds: Money = Field(Decimal("0.00"), title="财政奖补")
    budget: list[BudgetLine] = Field(default_factory=list, title="预算明细")
    exemptions: list[Exemption] | None = Field(None, title="减免名单",
                                                description="没有减免也要写 减免名单: []")
    vote_body: str = Field("村民代表会议", title="表决会议", description="村民会议 或 村民代表会议")
    vote: Vote = Field(title="表决情况")
    vote_date: ChineseDate | None = Field(None, title="表决日期", description="表决会议的日期")
    decision_file: str | None = Field(None, title="决议公告文件",
                                      description="同村文件夹中表决会议决议公告的文件名（可不填）")
    township_review: str | None = Field(None, title="乡镇审核",
                                        description="乡镇审核意见")
    township_reviewed_on: ChineseDate | None = Field(None, title="乡镇审核日期")
    income_rows: list[BudgetLine] = Field(default_factory=list, title="实际收入")
    spending_rows: list[BudgetLine] = Field(default_factory=list, title="实际支出")

    def decided_by(self) -> Decision | None:
        """The vote as a decision, when its date is given (the rules across files read it)."""
        if self.vote_date is None:
            return None
        return Decision(body=self.vote_body, date=self.vote_date, vote=self.vote,
                        file=self.decision_file)

    def budget_sum(self) -> Decimal:
        return sum((line.amount for line in self.budget), Decimal("0.00"))

    def raised(self) -> Decimal:
        return self.money_per_person * self.contributors

    def default_title(self, village_name: str) -> str:
        return f"{village_name}{self.project}一事一议筹资筹劳方案公示"

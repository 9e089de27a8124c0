"""财务收支公开: a period's accounts with every income and expense row."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, ChineseDate, Decision, Envelope, Money

INCOME_CATEGORIES = ("经营收入", "发包及上交收入", "投资收益", "补助收入", "其他收入")
EXPENSE_CATEGORIES = ("经营支出", "管理费用", "公益支出", "其他支出")


# docs/severity.md: the essay needs the line items (摘要 and 金额); the rest of a row is good
# practice (real ledgers post 摘要 and 金额 only), a warning per column left out.
class IncomeRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: ChineseDate | None = Field(None, title="日期")
    voucher: str | None = Field(None, title="凭证号", min_length=1)
    summary: str = Field(title="摘要", min_length=1, description="这笔收入的具体内容")
    category: str | None = Field(None, title="类别", description="、".join(INCOME_CATEGORIES))
    amount: Money = Field(title="金额", description="元，两位小数")
    handler: str | None = Field(None, title="经手人", min_length=1)


class ExpenseRow(IncomeRow):
    category: str | None = Field(None, title="类别", description="、".join(EXPENSE_CATEGORIES))
    approver: str | None = Field(None, title="审批人", min_length=1)
    decision: Decision | None = Field(
        None, title="决策情况",
        description="超过乡镇上会标准、又没有单独公示的开支，写明决定它的会议")


# The columns of a row that practice asks for, with the practice code of each.
ROW_DETAILS: tuple[tuple[str, str, str], ...] = (
    ("date", "日期", "ledger_row_date_missing"),
    ("voucher", "凭证号", "ledger_row_voucher_missing"),
    ("category", "类别", "ledger_row_category_missing"),
    ("handler", "经手人", "ledger_row_handler_missing"),
    ("approver", "审批人", "ledger_row_approver_missing"),
)


class Finance(Envelope):
    KIND: ClassVar[str] = "finance"
    NAME_ZH: ClassVar[str] = "财务收支公开"
    BOARD: ClassVar[Board] = Board.FINANCE
    NEEDS_REVIEW: ClassVar[bool] = True

    kind: Literal["finance"] = Field(title="类型")
    opening_balance: Money | None = Field(None, title="期初余额",
                                          description="只公开支出的账可不填（警告）")
    income: list[IncomeRow] = Field(default_factory=list, title="收入",
                                    json_schema_extra={"aliases": ["收入明细"]})
    expense: list[ExpenseRow] = Field(default_factory=list, title="支出",
                                      json_schema_extra={"aliases": ["支出明细"]})
    income_total: Money | None = Field(None, title="收入合计",
                                       description="可不填；填了就要等于各行之和")
    expense_total: Money | None = Field(None, title="支出合计",
                                        description="可不填；填了就要等于各行之和")
    closing_balance: Money | None = Field(None, title="期末余额",
                                          description="只公开支出的账可不填（警告）")
    accountant: str | None = Field(None, title="会计")

    def income_sum(self) -> Decimal:
        return sum((row.amount for row in self.income), Decimal("0.00"))

    def expense_sum(self) -> Decimal:
        return sum((row.amount for row in self.expense), Decimal("0.00"))

    @property
    def spending_only(self) -> bool:
        """A ledger that shows spending and nothing of income or balances: its poster says
        nothing about income rather than claim there was none."""
        return not self.income and self.opening_balance is None and self.closing_balance is None

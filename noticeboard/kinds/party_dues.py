"""党费收缴公示: each member's base, rate and monthly dues, computed by the 2008 rules."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from noticeboard.kinds.common import Board, Count, Envelope, Money


class MemberType(StrEnum):
    EMPLOYED = "在职"
    RETIRED = "离退休"
    FARMER = "农民"
    STUDENT = "学生"
    UNEMPLOYED = "下岗失业"
    RELIEF = "低保"


# 中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》(2008).
EMPLOYED_BRACKETS = ((Decimal(3000), Decimal("0.005")), (Decimal(5000), Decimal("0.01")),
                     (Decimal(10000), Decimal("0.015")), (None, Decimal("0.02")))
RETIRED_BRACKETS = ((Decimal(5000), Decimal("0.005")), (None, Decimal("0.01")))
FARMER_RANGE = (Decimal("0.20"), Decimal("1.00"))
FLAT_MONTHLY = Decimal("0.20")  # students, the unemployed, those on 低保
CENT = Decimal("0.01")


class DuesMember(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="姓名", min_length=1)
    member_type: MemberType = Field(title="类别", description="在职、离退休、农民、学生、下岗失业、低保")
    base: Money | None = Field(None, title="缴纳基数",
                               description="在职：每月税后工资收入；离退休：每月养老金；其余不填")
    monthly: Money = Field(title="月缴党费")
    months: Count = Field(title="缴纳月数", ge=0, le=24)
    paid: Money = Field(title="缴纳金额", description="本期实缴，应等于 月缴党费 × 缴纳月数")
    arrears_months: Count = Field(0, title="欠缴月数", ge=0)
    arrears_reason: str | None = Field(None, title="欠缴原因")


def bracket_rate(member: DuesMember) -> Decimal | None:
    """The percentage rate for members paying by income; None for the others."""
    table = {MemberType.EMPLOYED: EMPLOYED_BRACKETS,
             MemberType.RETIRED: RETIRED_BRACKETS}.get(member.member_type)
    if table is None or member.base is None:
        return None
    return next(rate for limit, rate in table if limit is None or member.base <= limit)


def expected_monthly(member: DuesMember) -> Decimal | None:
    rate = bracket_rate(member)
    if rate is not None and member.base is not None:
        return (member.base * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    if member.member_type in (MemberType.STUDENT, MemberType.UNEMPLOYED, MemberType.RELIEF):
        return FLAT_MONTHLY
    return None


class PartyDues(Envelope):
    KIND: ClassVar[str] = "party_dues"
    NAME_ZH: ClassVar[str] = "党费收缴公示"
    BOARD: ClassVar[Board] = Board.PARTY

    kind: Literal["party_dues"] = Field(title="类型")
    method: str = Field(
        "按《关于中国共产党党费收缴、使用和管理的规定》：在职党员按月税后工资收入，3000元以下（含）"
        "交0.5%，3000至5000元（含）交1%，5000至10000元（含）交1.5%，10000元以上交2%；离退休党员"
        "养老金5000元以下（含）交0.5%，5000元以上交1%；农民党员每月0.2至1元；学生、下岗失业、"
        "享受低保的党员每月0.2元。",
        title="收缴办法")
    members: list[DuesMember] = Field(default_factory=list, title="党员",
                                      json_schema_extra={"aliases": ["名单"]})
    total: Money | None = Field(None, title="合计", description="可不填；填了就要等于各行之和")

    def paid_sum(self) -> Decimal:
        return sum((m.paid for m in self.members), Decimal("0.00"))

    def default_title(self, village_name: str) -> str:
        return f"中共{village_name}支部{self.period.label}党费收缴情况公示"

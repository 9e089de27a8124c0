"""The kinds of disclosure item, by English and Chinese name."""

from __future__ import annotations

from noticeboard.kinds.appointment import Appointment
from noticeboard.kinds.common import Envelope
from noticeboard.kinds.contract import Contract
from noticeboard.kinds.election import Election
from noticeboard.kinds.expense import Expense
from noticeboard.kinds.finance import Finance
from noticeboard.kinds.hot_issue import HotIssues
from noticeboard.kinds.major_matter import MajorMatter
from noticeboard.kinds.meeting import Meeting
from noticeboard.kinds.member_development import MemberDevelopment
from noticeboard.kinds.notice import Notice
from noticeboard.kinds.one_matter import OneMatter
from noticeboard.kinds.party_dues import PartyDues
from noticeboard.kinds.relief import Relief
from noticeboard.kinds.work_plan import WorkPlan

# In the order of disclosure-rules.md.
KINDS: dict[str, type[Envelope]] = {
    model.KIND: model
    for model in (Notice, Meeting, MajorMatter, Expense, Appointment, MemberDevelopment,
                  PartyDues, Relief, WorkPlan, HotIssues, Finance, Election, OneMatter, Contract)
}

KIND_ALIASES: dict[str, str] = {
    "通知公告": "notice", "通知": "notice", "公告": "notice",
    "民主决策": "meeting", "会议": "meeting", "会前公告": "meeting", "决议公告": "meeting",
    "重大事项": "major_matter",
    "大额经费开支": "expense", "经费开支": "expense", "大额开支": "expense",
    "人事任用": "appointment", "干部任用": "appointment",
    "党员发展公示": "member_development", "党员发展": "member_development",
    "党费收缴公示": "party_dues", "党费收缴": "party_dues", "党费": "party_dues",
    "救助补助公示": "relief", "救助补助发放公示": "relief", "困难救济": "relief",
    "低保": "relief", "补助发放": "relief", "救助": "relief",
    "工作思路与目标": "work_plan", "工作思路": "work_plan", "工作目标": "work_plan",
    "群众热点难点问题": "hot_issue", "热点难点问题": "hot_issue", "热点问题": "hot_issue",
    "财务公开": "finance", "财务收支公开": "finance", "财务收支": "finance", "财务": "finance",
    "民主选举": "election", "选举": "election", "村委会选举": "election",
    "一事一议": "one_matter", "一事一议筹资筹劳": "one_matter",
    "承包租赁合同": "contract", "承包、租赁合同": "contract", "合同": "contract",
    "承包合同": "contract", "租赁合同": "contract",
}


def kind_for(name: str) -> str | None:
    """The English kind name for `name` (English or Chinese), or None."""
    key = name.strip()
    if key.lower() in KINDS:
        return key.lower()
    return KIND_ALIASES.get(key)


__all__ = ["KINDS", "KIND_ALIASES", "Envelope", "Finance", "Notice", "Relief", "kind_for"]

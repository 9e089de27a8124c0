"""The rules that rest on good practice or local procedure, not on the law.

Each is a warning that says what is missing and why it matters; a township raises any of
them to an error in township.yaml (`defaults.raise_to_error`, 升为错误), by code or by its
Chinese name. The law and the essay's demand for detail are errors and are not listed
here (docs/severity.md lists every rule with its source). A leaf of `kinds`, so the
township's settings can check the names it is given and the rules can emit by code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    """One practice rule: its message code, the Chinese name a township writes, the kinds
    it concerns, and where disclosure-rules.md describes it."""

    code: str
    name: str
    kinds: str
    source: str


PRACTICES: tuple[Practice, ...] = (
    Practice("review_date_missing", "审核日期", "财务、开支、救助、重大事项、一事一议、合同",
             "Elements every poster carries; Severity（审核日期是良好做法）"),
    Practice("reviewer_missing", "审核人", "救助、重大事项、一事一议、合同",
             "Elements every poster carries（村务监督委员会审核）"),
    Practice("ledger_row_date_missing", "每笔日期", "财务", "Finance: Rows; Severity"),
    Practice("ledger_row_voucher_missing", "凭证号", "财务", "Finance: Rows; Severity（凭证号）"),
    Practice("ledger_row_category_missing", "类别", "财务", "Finance: Categories; Severity"),
    Practice("ledger_row_handler_missing", "经手人", "财务", "Finance: Rows; Severity"),
    Practice("ledger_row_approver_missing", "审批人", "财务", "Finance: Rows; Severity"),
    Practice("ledger_balance_missing", "期初期末余额", "财务",
             "Finance: Header, Totals（只公开支出的账）"),
    Practice("accountant_missing", "会计签字", "财务", "Finance: Sign-offs; Severity"),
    Practice("category_unusual", "常用类别", "财务", "Finance: Categories（按会计制度）"),
    Practice("rows_out_of_order", "按日期排列", "财务", "Finance: Rows"),
    Practice("posted_before_period_end", "期末后公开", "财务、党费", "Frequency; Dates tell the story"),
    Practice("window_short", "最短公示天数", "全部", "Relief（7天）、Party-member development（5个工作日）"),
    Practice("window_short_working", "最短公示工作日", "按工作日计算的类型",
             "Party-member development（5个工作日，local practice）"),
    Practice("vote_counts_missing", "表决人数", "会议、开支、重大事项、合同、一事一议",
             "Meetings and decisions; Severity（一致同意、全票通过、举手表决不写人数）"),
    Practice("vote_not_taken", "民主评议", "会议、开支、重大事项、合同、一事一议",
             "Meetings and decisions; Severity（民主评议不计票）"),
    Practice("contract_boundaries_missing", "四至", "合同", "Contracts and leases（坐落四至）"),
    Practice("contract_supervision_missing", "监督委员会意见", "合同",
             "Contracts and leases（supervision committee opinion）"),
    Practice("township_review_missing", "乡镇审核", "一事一议", "一事一议（township review）"),
    Practice("candidates_order", "候选人按票数排列", "选举", "Elections（in nomination-vote order）"),
    Practice("applicant_details_missing", "发展对象个人信息", "党员发展",
             "Party-member development（性别、民族、出生年月、学历、单位及职务）"),
    Practice("stage_date_missing", "各阶段日期", "党员发展",
             "Party-member development（the dates of earlier stages）"),
    Practice("introducers_missing", "入党介绍人", "党员发展",
             "Party-member development（入党介绍人 for 发展对象 onward）"),
    Practice("one_matter_cap_default", "筹资筹劳上限（未设定）", "一事一议",
             "一事一议（上限由各省规定：local practice）"),
    Practice("decision_vote_missing", "决定发包的表决", "合同",
             "Contracts and leases（the meeting that decided it and its vote）"),
    Practice("meeting_place_missing", "决议公告会议地点", "会议", "Meetings and decisions"),
    Practice("decision_not_posted", "决议公开日期", "开支、合同",
             "Who decides, and in what order（决议公开）; docs/across-documents.md"),
    Practice("ledger_row_needs_decision", "大额支出决策", "财务",
             "Who decides（a large ledger row has a decision; the threshold is local practice）"),
)

BY_CODE: dict[str, Practice] = {practice.code: practice for practice in PRACTICES}
BY_NAME: dict[str, str] = {practice.name: practice.code for practice in PRACTICES}


def practice_code(name: str) -> str | None:
    """The code for `name`, written as a code (`review_date_missing`) or in Chinese (审核日期)."""
    key = name.strip()
    if key in BY_CODE:
        return key
    return BY_NAME.get(key)

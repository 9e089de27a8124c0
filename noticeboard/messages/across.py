"""Messages of the checks across documents (checks/across/): each names both files and
lines, both figures and the difference."""

MESSAGES: dict[str, tuple[str, str]] = {
    # balances.py
    "balance_not_carried": (
        "期初余额 {mine} 与上期（{other_period}，"
        "{other}）的期末余额 {theirs} 不一致，相差 {diff}：上期期末余额应结转为本期期初余额",
        "the opening balance {mine} differs from the closing balance {theirs} of the period "
        "before ({other_period}, {other}) by {diff}",
    ),
    "opening_differs_same_start": (
        "期初余额 {mine} 与同日开始的{other_period}财务公开（{other}）"
        "的期初余额 {theirs} 不一致，相差 {diff}",
        "the opening balance {mine} differs from that of {other_period} ({other}), which "
        "starts the same day: {theirs}, difference {diff}",
    ),
    "closing_differs_same_end": (
        "期末余额 {mine} 与同日结束的{other_period}财务公开（{other}）"
        "的期末余额 {theirs} 不一致，相差 {diff}",
        "the closing balance {mine} differs from that of {other_period} ({other}), which "
        "ends the same day: {theirs}, difference {diff}",
    ),
    # decisions.py
    "decision_file_missing": (
        "找不到引用的会议公告文件「{file}」（应与本文件在同一文件夹）",
        "the referenced meeting notice `{file}` is not in this folder",
    ),
    "decision_file_not_meeting": (
        "引用的「{file}」是{kind}，不是会议决议公告：请写决定这件事的会议的决议公告文件名",
        "`{file}` is a {kind}, not a meeting's result notice",
    ),
    "decision_is_announcement": (
        "引用的「{file}」（{other}）是会前公告，不是决议：会前公告只公布议题和方案，"
        "请引用会后张贴的决议公告",
        "`{file}` ({other}) is a pre-announcement, not a decision: cite the result notice "
        "posted after the meeting",
    ),
    "decision_body_differs": (
        "决策机构写的是「{mine}」，但引用的决议公告（{other}）是「{theirs}」的决议",
        "the deciding body is given as `{mine}`, but the cited result notice ({other}) is "
        "one of `{theirs}`",
    ),
    "decision_file_not_villagers": (
        "{matter}须由村民会议或经授权的村民代表会议讨论决定（村民委员会组织法第二十四条、第二十五条），"
        "但引用的决议公告（{other}）是「{body}」的决议",
        "a {matter} is decided by the villagers' meeting or the representatives' meeting "
        "it authorises (Organic Law of Villagers' Committees, art. 24 and 25), but the "
        "cited result notice ({other}) is one of `{body}`",
    ),
    "decision_date_differs": (
        "会议日期写的是 {mine}，但引用的决议公告（{other}）的会议日期是 {theirs}，相差 {days} 天",
        "the meeting date is given as {mine}, but the cited result notice ({other}) says "
        "{theirs}: {days} days apart",
    ),
    "decision_vote_differs": (
        "{label}写的是 {mine}，但引用的决议公告（{other}）是 {theirs}，相差 {diff}",
        "{label} is given as {mine}, but the cited result notice ({other}) says {theirs}: "
        "difference {diff}",
    ),
    "decision_not_passed": (
        "引用的决议公告（{other}）表决未通过：赞成 {votes_for} 票，没有超过{basis}的半数；"
        "未通过的决议不能作为依据",
        "the cited result notice ({other}) did not pass: {votes_for} for, not more than "
        "half of {basis}; a motion that failed allows nothing",
    ),
    "decision_failed_stated": (
        "引用的决议公告（{other}）写明表决未通过；未通过的决议不能作为依据",
        "the cited result notice ({other}) says the motion failed; it allows nothing",
    ),
    "carried_out_before_meeting": (
        "{what} {done} 早于引用的决议公告（{other}）的会议日期 {decided}，早 {days} 天：应先决策、后实施",
        "{what} {done} comes before the meeting of the cited result notice ({other}) on "
        "{decided}, by {days} days: decide first, then act",
    ),
    "decision_not_posted": (
        "「{body}」的决议没有公开：请在决策情况中写明决议公告的文件名（会议公告文件），"
        "或决议张贴公开的日期（决议公开日期）；决议应先公开、后实施（四议两公开；村民委员会组织法第三十条）",
        "the resolution of `{body}` was never posted: give its result notice's file or the "
        "day it was posted; a resolution is posted before it is carried out (art. 30)",
    ),
    "carried_out_before_posted": (
        "{what} {done} 早于决议公开的日期 {posted}（{other}），"
        "早 {days} 天：决议应先公开、后实施（四议两公开）",
        "{what} {done} comes before the resolution was posted on {posted} ({other}), by "
        "{days} days: a resolution is posted before it is carried out",
    ),
    "ledger_row_needs_decision": (
        "支出「{summary}」{amount} 超过乡镇规定的上会标准 {threshold}，但没有决策：请写明决定它的会议"
        "（决策情况），或单独张贴大额经费开支公示",
        "the expense `{summary}` of {amount} exceeds the township's threshold {threshold} "
        "but names no decision: give the deciding meeting, or post the expense on its own",
    ),
    # money.py
    "money_not_in_ledger": (
        "{what}（{date}，{amount}，凭证号 {voucher}）不在同期的财务公开 {ledger} 的{side}中："
        "既没有这个凭证号，也没有同一天同金额的一笔",
        "{what} ({date}, {amount}, voucher {voucher}) is not among the {side} rows of the "
        "same period's accounts {ledger}: no such voucher, nor a row of that day and amount",
    ),
    "money_amount_differs": (
        "{what}的金额是 {mine}，但财务公开（{other}）记的是 {theirs}，相差 {diff}",
        "{what} is {mine}, but the accounts ({other}) book {theirs}: difference {diff}",
    ),
    "money_date_differs": (
        "{what}的日期是 {mine}，但财务公开（{other}）记的是 {theirs}，相差 {days} 天",
        "{what} is dated {mine}, but the accounts ({other}) book it on {theirs}: {days} days apart",
    ),
    "money_category_wrong": (
        "{what}在财务公开（{other}）中记为「{category}」："
        "承包、租赁款应记入{allowed}（村集体经济组织会计制度）",
        "{what} is booked as `{category}` in the accounts ({other}): contract money belongs "
        "in {allowed}",
    ),
    "ledger_row_not_in_contract": (
        "收入「{summary}」（{date}，"
        "{amount}）写的是合同 {contract}，但合同公开（{other}）的收款明细中没有这一笔",
        "the income `{summary}` ({date}, {amount}) names contract {contract}, but the "
        "contract's payments ({other}) do not include it",
    ),
    "ledger_row_not_in_expense": (
        "支出「{summary}」（{date}，{amount}）写的是一笔单独公示的开支，但大额经费开支公示（{other}）"
        "的凭证号、日期和金额都与它不同",
        "the expense `{summary}` ({date}, {amount}) names an expense posted on its own, but "
        "that poster ({other}) has another voucher, date and amount",
    ),
    # one_matter.py
    "one_matter_collected_over_plan": (
        "实际筹资 {collected} 超过了村民表决通过的方案：筹资标准 {per_person} × 筹资人数 {contributors} "
        "= {adopted}（{other}），多收 {diff}（村民一事一议筹资筹劳管理办法，国办发〔2007〕4号）",
        "{collected} was collected, more than the adopted plan of {per_person} × "
        "{contributors} = {adopted} ({other}): {diff} too much",
    ),
    "one_matter_cash_in_lieu_over_plan": (
        "以资代劳收入 {paid} 超过了方案：筹劳人数 {workers} × 筹劳标准 {days} 个工日 × 以资代劳标准 {rate}"
        " = {most}（{other}），多收 {diff}",
        "{paid} was taken as cash in lieu of labour, more than the plan's {workers} × {days} "
        "days × {rate} = {most} ({other}): {diff} too much",
    ),
    "one_matter_ledger_over_plan": (
        "财务公开中「{project}」的村民筹资共 {collected}，"
        "超过了表决通过的方案 {adopted}（{other}），多收 {diff}",
        "the accounts book {collected} collected for `{project}`, more than the adopted "
        "plan of {adopted} ({other}): {diff} too much",
    ),
    "one_matter_dibao_not_exempt": (
        "{name}（{group}）是本村低保户（{other}），低保户不承担筹资任务，但不在减免名单中"
        "（村民一事一议筹资筹劳管理办法第九条，国办发〔2007〕4号）",
        "{name} ({group}) is a 低保 household of the village ({other}) and pays nothing, "
        "but is missing from the exemptions",
    ),
    # summary.py: `check --summary`, one block per village and period
    "summary_heading": ("【{village} {period}】", "[{village} {period}]"),
    "summary_decided": ("  决策：{decided}", "  decided: {decided}"),
    "summary_money": ("  财务公开：收入 {received}，支出 {spent}",
                      "  accounts: income {received}, expense {spent}"),
    "summary_no_ledger": ("  财务公开：本期没有财务公开，收支无法核对",
                          "  accounts: no ledger for this period; money cannot be compared"),
    "summary_other_money": ("  合同收款 {contract}，大额开支公示 {expenses}",
                            "  contract money received {contract}, large expenses posted {expenses}"),
    "summary_posted": ("  公开：{count} 项（{files}）", "  posted: {count} ({files})"),
    "summary_agrees": ("  相互核对：一致", "  across documents: they agree"),
    "summary_disagrees": ("  相互核对：{count} 处不一致", "  across documents: {count} disagreements"),
    "summary_none": ("无", "none"),
}

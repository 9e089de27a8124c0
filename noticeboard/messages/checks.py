"""One item's checks: every rule, personal data, fonts, the posting window."""

MESSAGES: dict[str, tuple[str, str]] = {
    # keys
    "key_unknown_plain": ("不认识的字段「{key}」", "unknown field `{key}`"),
    # kinds
    "kind_missing": (
        "缺少「类型」（kind），例如 类型: 财务公开",
        "missing `kind`, e.g. `kind: finance`",
    ),
    "kind_unknown_near": (
        "不认识的类型「{kind}」，是不是「{nearest}」？",
        "unknown kind `{kind}`; did you mean `{nearest}`?",
    ),
    "kind_unknown": (
        "不认识的类型「{kind}」；可用的类型：{known}",
        "unknown kind `{kind}`; known kinds: {known}",
    ),
    # values
    "missing_field": ("缺少必填字段「{key}」", "required field `{key}` is missing"),
    "value_empty": ("「{key}」没有填写", "`{key}` is empty"),
    "money_format": (
        "「{value}」不是有效的金额，请写成 1234.50 这样的数字",
        "`{value}` is not an amount; write it like 1234.50",
    ),
    "int_format": ("「{value}」不是整数", "`{value}` is not a whole number"),
    "too_small": ("「{value}」太小，应不小于 {limit}", "`{value}` is too small (minimum {limit})"),
    "too_large": ("「{value}」太大，应不大于 {limit}", "`{value}` is too large (maximum {limit})"),
    "empty_text": ("不能为空", "must not be empty"),
    "not_text": ("这里应填文字，不是列表或表格", "expected text here, not a list or mapping"),
    "bad_characters": ("「{value}」含有不允许的字符", "`{value}` contains characters not allowed"),
    "text_too_long": ("文字太长", "text too long"),
    "not_list": (
        "这里应是一个列表，每一行以「- 」开头",
        "expected a list here, one row per line starting with `- `",
    ),
    "not_mapping": ("这里应是「键: 值」的形式", "expected a mapping of keys to values here"),
    "not_one_of": ("「{value}」不是可选值，应为：{expected}", "`{value}` must be one of: {expected}"),
    "not_bool": ("「{value}」应为 是/否（true/false）", "`{value}` must be true or false"),
    "invalid_value": ("「{value}」无效：{detail}", "`{value}` is invalid: {detail}"),
    # --- clerk (issue 14) ---
    "number_format": ("「{value}」不是数字", "`{value}` is not a number"),
    "too_small_strict": ("「{value}」太小，应大于 {limit}", "`{value}` is too small (must exceed {limit})"),
    "too_large_strict": ("「{value}」太大，应小于 {limit}", "`{value}` is too large (must be below {limit})"),
    # import (importer.py)
    "glyphs_missing_many": (
        "还有 {count} 个字（如「{sample}」）没有任何已安装字体能显示，海报上会成为空白方框；"
        "请运行 noticeboard doctor 检查中文字体",
        "{count} characters (e.g. `{sample}`) have no installed font and would print as "
        "blank boxes; run `noticeboard doctor` to check the Chinese fonts",
    ),
    # rules: accounts
    "finance_no_rows": (
        "只有合计、没有收支明细：按规定必须逐笔公开收入和支出",
        "totals without rows: every income and expense must be listed",
    ),
    "finance_unbalanced": (
        "账不平：期初 {opening} + 收入 {income} − 支出 {expense} = {expected}，"
        "但期末余额写的是 {closing}（相差 {diff}）",
        "accounts do not balance: opening {opening} + income {income} − expense {expense} "
        "= {expected}, but the closing balance is {closing} (difference {diff})",
    ),
    "total_mismatch": (
        "{label}写的是 {stated}，但各行相加是 {computed}，相差 {diff}",
        "{label} is stated as {stated}, but the rows add up to {computed}: difference {diff}",
    ),
    "category_unusual": (
        "类别「{value}」不在常用类别中（{known}），请核对",
        "category `{value}` is not a standard one ({known})",
    ),
    "row_outside_period": (
        "日期 {date} 不在所属期间（{period}）内",
        "date {date} lies outside the period ({period})",
    ),
    "relief_no_rows": (
        "没有发放名单：补助公示必须列出每户的姓名、人数和金额",
        "no recipients: a relief notice must list every household",
    ),
    # rules: money on the other kinds
    "money_no_rows": (
        "只有合计、没有明细：按规定必须逐项列出",
        "a total without rows: every item must be listed",
    ),
    "one_matter_money_cap": (
        "筹资标准 {value} 超过本省上限（每人每年 {cap}）",
        "money per person {value} exceeds the provincial cap ({cap} per person a year)",
    ),
    "one_matter_labour_cap": (
        "筹劳标准 {value} 个工日超过上限（每个劳动力每年 {cap} 个工日）",
        "labour of {value} work-days exceeds the cap ({cap} work-days a year)",
    ),
    "contract_received_over": (
        "已收金额 {received} 超过合同总额 {total}",
        "received {received} exceeds the contract total {total}",
    ),
    # rules: votes and elections
    "vote_present_over": (
        "实到人数 {present} 超过应到人数 {expected}",
        "{present} present is more than the {expected} expected",
    ),
    "vote_sum_over": (
        "赞成、反对、弃权合计 {cast} 票，超过实到人数 {present}",
        "for + against + abstain = {cast}, more than the {present} present",
    ),
    "quorum_not_met": (
        "实到 {present} 人、应到 {expected} 人，未达到{rule}的到会要求，会议决定无效",
        "{present} of {expected} present: the quorum ({rule}) is not met",
    ),
    "vote_not_passed": (
        "赞成 {votes_for} 票，未超过实到人数 {present} 的半数，未获通过",
        "{votes_for} for is not more than half of the {present} present: not passed",
    ),
    # --- rules (issue 13): meetings and elections by the law ---
    "vote_not_passed_members": (
        "赞成 {votes_for} 票，未超过应到会党员 {expected} 人的半数，未获通过"
        "（党员大会以应到会党员过半数通过，《中国共产党支部工作条例》第十一条）",
        "{votes_for} for is not more than half of the {expected} members entitled to attend: "
        "not passed (a party members' meeting decides by a majority of all its members)",
    ),
    "meeting_body_unknown": (
        "不认识的会议名称「{body}」，已按过半数计算到会和表决；常用名称：{known}",
        "unknown meeting body `{body}`; more than half is assumed; known bodies: {known}",
    ),
    "meeting_notice_too_late": (
        "召开{body}应提前 {minimum} 天公告，现在只提前 {days} 天（村民委员会组织法第二十一条）",
        "a {body} must be announced {minimum} days ahead, not {days} (Organic Law of "
        "Villagers' Committees, art. 21)",
    ),
    "announcement_has_result": (
        "会前公告不能写{label}：会议还没有召开；会后请另发决议公告",
        "a pre-announcement cannot give the {label}: the meeting has not been held; post a "
        "result notice afterwards",
    ),
    "election_void": (
        "参加投票 {present} 人，未超过登记选民 {registered} 人的半数，选举无效"
        "（村民委员会组织法第十五条），不得公布当选人",
        "{present} of {registered} registered voters voted, not more than half: the election "
        "is void (Organic Law of Villagers' Committees, art. 15) and no one is elected",
    ),
    "election_seats_missing": (
        "请在应选名额中写明{post}的名额，如 应选名额: {{{post}: 1}}",
        "give the number of seats for {post}, e.g. seats: {{{post}: 1}}",
    ),
    "election_not_competitive": (
        "{post}应差额选举：候选人 {candidates} 人，应选 {seats} 名，候选人应多于应选名额"
        "（村民委员会组织法第十五条）",
        "{post} must be contested: {candidates} candidates for {seats} seats; there must be "
        "more candidates than seats (Organic Law of Villagers' Committees, art. 15)",
    ),
    "election_too_many_elected": (
        "{post}应选 {seats} 名，却有 {elected} 人当选",
        "{post} has {seats} seats but {elected} are elected",
    ),
    "election_votes_over_valid": (
        "{name} 得 {votes} 票，多于有效票 {valid} 张",
        "{name} has {votes} votes, more than the {valid} valid ballots",
    ),
    "election_post_votes_over": (
        "{post}各候选人得票合计 {total} 票，超过有效票 {valid} 张 × 应选 {seats} 名 = {limit} 票",
        "the votes for {post} add up to {total}, more than {valid} valid ballots × {seats} "
        "seats = {limit}",
    ),
    "election_count_order": (
        "{small} {small_value} 不能多于{big} {big_value}",
        "{small} ({small_value}) cannot exceed {big} ({big_value})",
    ),
    "election_result_counts": (
        "选举结果须公布登记选民数、参加投票人数、收回选票和有效票数",
        "a result must give registered voters, voters present, ballots cast and valid",
    ),
    "election_votes_missing": ("选举结果缺少 {name} 的得票数", "no vote count for {name}"),
    "election_not_majority": (
        "{name} 得 {votes} 票，未超过参加投票选民 {present} 人的半数，不能当选（村民委员会组织法第十五条）",
        "{name} has {votes} votes, not more than half of the {present} who voted: cannot be "
        "elected (Organic Law of Villagers' Committees, art. 15)",
    ),
    "election_not_top": (
        "{post}：{name} 得 {votes} 票当选，但未当选的 {other} 得 {other_votes} 票，得票多者应当选",
        "{post}: {name} elected with {votes} votes while {other} has {other_votes}",
    ),
    "election_too_late": (
        "{stage}应在选举日前至少 {minimum} 天公布，现在只提前 {days} 天",
        "the {stage} must be posted at least {minimum} days before election day, not {days}",
    ),
    "election_place_missing": (
        "须公布选举的时间和地点（选举地点）",
        "the election's time and place must be posted",
    ),
    "nomination_votes_missing": (
        "正式候选人须按提名得票多少排序公布，请填写每人的提名票数",
        "give each candidate's nomination votes: candidates are posted in that order",
    ),
    "candidates_order": (
        "候选人未按提名得票多少排序",
        "candidates are not listed in order of nomination votes",
    ),
    # rules: meetings and decisions
    "meeting_not_before": (
        "会前公告须在开会之前张贴（公开日期 {posted}，会议日期 {meeting}），让群众有时间思考",
        "a pre-announcement must be posted before the meeting (posted {posted}, meeting {meeting})",
    ),
    "result_before_meeting": (
        "结果在会议（选举）之前就公布了（公开日期 {posted}，会议日期 {meeting}）",
        "the result is posted ({posted}) before the meeting or election ({meeting})",
    ),
    "meeting_agenda_missing": ("会前公告须列出会议议题", "a pre-announcement must list the agenda"),
    "meeting_result_missing": ("决议公告缺少{label}", "a result notice must give the {label}"),
    "expense_needs_meeting": (
        "开支 ¥{amount} 超过 ¥{threshold}，须经会议决定：请填写决策情况",
        "spending of ¥{amount} exceeds ¥{threshold} and needs a meeting's decision",
    ),
    "approval_step_missing": (
        "审批流程不完整：缺少{step}（经手人 → 监督委员会审核 → 审批人）",
        "the approval chain is incomplete: no {step} (handler → review → approver)",
    ),
    # rules: people and stages
    "list_empty": ("{label}不能为空", "the {label} list is empty"),
    "stage_date_missing": (
        "{name}处于「{stage}」阶段，没有写{label}：看不出是否按《中国共产党发展党员工作细则》的顺序和期限"
        "（如培养考察一年以上）发展",
        "{name} is at stage {stage} without the {label}: the order and the periods of the "
        "2014 rules (a year of training) cannot be checked",
    ),
    "stage_dates_order": ("{name}的{later}早于{earlier}", "{name}: {later} is before {earlier}"),
    "introducers_missing": (
        "{name}处于「{stage}」阶段，没有写入党介绍人：须有两名正式党员作介绍人（党章第五条），写明便于监督",
        "{name} is at stage {stage} without introducers: two full members introduce an "
        "applicant (party constitution art. 5)",
    ),
    "introducers_one": (
        "{name}处于「{stage}」阶段，只有一名入党介绍人：须有两名正式党员作介绍人（党章第五条）",
        "{name} is at stage {stage} with one introducer: two are required (art. 5)",
    ),
    "applicant_details_missing": (
        "{name}没有写{fields}：这些是公示对象的基本情况，写明了群众才认得清是谁，也才能核对年满十八岁",
        "{name} is listed without {fields}: people need them to know who it is, and the "
        "age of 18 cannot be checked without the birth date",
    ),
    "one_matter_cap_default": (
        "{what} {value} 超过默认上限 {cap}：上限由各省规定，请在 township.yaml 的 defaults 中按本省规定写 "
        "{name}（写了之后，超过即为错误）",
        "{what} {value} exceeds the built-in cap {cap}: caps are provincial; set {name} "
        "under defaults in township.yaml (then exceeding it is an error)",
    ),
    "activist_under_a_year": (
        "{name}确定为入党积极分子（{activist}）后培养不满一年就确定为发展对象（{candidate}），"
        "不符合《中国共产党发展党员工作细则》第十六条",
        "{name} became a candidate ({candidate}) less than a year after becoming an activist "
        "({activist}); the 2014 rules (art. 16) require a year of training",
    ),
    "window_short_working": (
        "公示期只有 {days} 个工作日，少于要求的 {minimum} 个工作日",
        "the posting window has {days} working days, fewer than the {minimum} required",
    ),
    "goal_deadline_past": (
        "完成时限 {deadline} 早于公开日期 {posted}",
        "the deadline {deadline} is before the posting date {posted}",
    ),
    "issue_step_missing": (
        "问题「{issue}」缺少{step}：每个问题都要有调查、处理、结果和反馈",
        "issue “{issue}” has no {step}: every issue needs each step",
    ),
    "exemptions_missing": (
        "须列出减免名单（没有减免也要写 减免名单: []）",
        "list the exemptions (write `exemptions: []` when there are none)",
    ),
    "township_review_missing": (
        "缺少乡镇审核意见",
        "the township's review is missing",
    ),
    # rules: party dues
    "dues_base_missing": (
        "{name}为{member_type}党员，须填写缴纳基数",
        "{name} ({member_type}) needs a base income",
    ),
    "dues_amount_wrong": (
        "{name}月缴党费写的是 {stated}，按规定应为 {expected}（{basis}）",
        "{name}: monthly dues stated as {stated}, the rules give {expected} ({basis})",
    ),
    "dues_farmer_range": (
        "{name}为农民党员，月缴党费应在 0.2 至 1 元之间（现为 {stated}）",
        "{name} is a farmer: monthly dues must be 0.20 to 1.00 yuan, not {stated}",
    ),
    "dues_paid_wrong": (
        "{name}缴纳金额写的是 {stated}，按月缴党费和月数应为 {expected}",
        "{name}: paid {stated}, but monthly dues × months gives {expected}",
    ),
    "dues_arrears": (
        "{name}已连续欠缴党费 {months} 个月（达到 {limit} 个月），请写明欠缴原因（党章第九条）",
        "{name} is {months} months in arrears ({limit} or more); give the reason (Party "
        "Constitution, art. 9)",
    ),
    "contract_term_order": (
        "合同终止日期 {end} 不晚于起始日期 {start}",
        "the term ends ({end}) no later than it starts ({start})",
    ),
    "contract_signed_before_decision": (
        "合同签订日期 {signed} 早于会议决定日期 {decided}：应先决策后签订",
        "signed on {signed}, before the meeting decided on {decided}",
    ),
    # --- rules (issue 13): people, dates, contracts, relief, working days ---
    "applicant_under_18": (
        "{name}出生于{born}，申请入党时（{applied}）未满十八周岁（党章第一条）",
        "{name}, born {born}, was under 18 when applying ({applied}) (Party Constitution, art. 1)",
    ),
    "probation_under_a_year": (
        "{name}于 {admitted} 接收为预备党员，预备期一年，最早 {earliest} 才能公示转正"
        "（现公开日期 {posted}）",
        "{name} was admitted as a probationary member on {admitted}: the probation lasts a "
        "year, so 转正 is posted no earlier than {earliest} (posted {posted})",
    ),
    "dated_after_posting": (
        "{what}（{date}）晚于公开日期 {posted}：海报不能公布还没有发生的事",
        "{what} ({date}) is after the posting date {posted}: a poster cannot report the future",
    ),
    "spent_before_decision": (
        "开支日期 {spent} 早于决定这笔开支的会议日期 {decided}：应先决策后开支",
        "spent on {spent}, before the meeting that allowed it on {decided}",
    ),
    "poster_text_too_long": (
        "这一项共有 {chars} 个字，印出来至少要 {sheets} 张纸，超过本镇每张海报最多 {limit} 张的上限"
        "（约 {max_chars} 个字）：生成它要很长时间和很多内存；请分成几项，"
        "或在 township.yaml 的 defaults.max_sheets 中调高上限",
        "the item holds {chars} characters, at least {sheets} sheets, above the township's limit of "
        "{limit} (about {max_chars} characters); split it, or raise defaults.max_sheets",
    ),
    "text_unbreakable": (
        "这里有一串 {length} 个字符连在一起、中间没有空格或标点（「{sample}……」），超过 {limit} 个："
        "海报上没有地方断行，排版会非常慢，也印不进栏里；请加上空格或删去",
        "this value holds a run of {length} characters with no space or punctuation "
        "(`{sample}…`), above {limit}: it cannot be broken into lines; add spaces or remove it",
    ),
    "date_far_from_period": (
        "{what}（{date}）与所属期间「{period}」相差一年以上，可能是年份输错了（如把 2026 输成 2062），请核对",
        "{what} ({date}) is more than a year away from the period {period}: a mistyped year "
        "(2062 for 2026)?",
    ),
    # issue 25: a township's stylesheets read at check
    "stylesheet_changes_content": (
        "本镇样式表的这一行「{snippet}」会{what}：海报必须原样印出事项的全部内容，"
        "不得隐藏、遮挡、移动或添加；请删除这一条",
        "this line of the township's stylesheet, `{snippet}`, {what}: a poster prints the whole "
        "item as it is; remove the rule",
    ),
    "stylesheet_syntax": (
        "本镇样式表的这一行「{snippet}」写得不对，生成海报时整条规则会被跳过；请改正",
        "this line of the township's stylesheet, `{snippet}`, does not parse and would be "
        "skipped; correct it",
    ),
    "rows_out_of_order": (
        "{what}（{date}）早于上一行（{previous}）：明细应按日期先后排列",
        "{what} ({date}) comes before the row above it ({previous}); list rows in date order",
    ),
    "decision_vote_missing": (
        "决定发包的{body}没有写表决情况：写明怎样通过的（如 一致同意，或应到、实到、赞成人数），"
        "群众才能看出发包经过了村民的决定",
        "the {body} that decided the contract is recorded without its vote: say how it "
        "passed (e.g. 一致同意, or the head counts)",
    ),
    "relief_over_standard": (
        "{name}发放 {amount}，超过 保障人数 {size} × 每人每月 {standard} × {months} 个月 = {cap}，请核对",
        "{name} receives {amount}, more than {size} people × {standard} a month × {months} "
        "months = {cap}",
    ),
    "workdays_year_unknown": (
        "日历包还没有 {year} 年的放假安排（已收录到 {last} 年），工作日暂按周一至周五计算；"
        "国务院公布后请更新日历包，或在乡镇设置文件的默认设置中填写补充放假日和补充工作日",
        "the calendar has no holiday schedule for {year} yet (known up to {last}); working "
        "days are counted Monday to Friday. Update the calendar package, or give "
        "extra_holidays and extra_workdays under defaults in township.yaml",
    ),
    # --- rules (regulation audit): each rule read against the article it cites ---
    "born_invalid": (
        "{name}的出生年月「{value}」不是有效的日期，请写成 1995-08 或 1995-08-20",
        "{name}: the birth date `{value}` is not a real date; write 1995-08 or 1995-08-20",
    ),
    "applicant_age_unsure": (
        "{name}出生于{born}，申请入党时间（{applied}）正好在满十八周岁的那个月，"
        "无法按月核对是否年满十八岁：请把出生年月写到日（如 2006-03-20）（党章第一条）",
        "{name}, born {born}, applied ({applied}) in the month of the 18th birthday: give the "
        "birth date to the day so the age can be checked (Party Constitution, art. 1)",
    ),
    "introducers_twice": (
        "{name}处于「{stage}」阶段，须有两名不同的入党介绍人，现在同一人写了两次（党章第五条）",
        "{name} is at stage {stage}: two different introducers are required, one name is "
        "written twice (Party Constitution, art. 5)",
    ),
    "candidates_have_result": (
        "候选人公告不能写{name}的{label}：选举还没有举行；选举后请另发选举结果公告",
        "a candidates' notice cannot give the {label} of {name}: the election has not been "
        "held; post a result notice afterwards",
    ),
    "election_result_late": (
        "选举结果应当场公布（村民委员会组织法第十五条），本公告在选举日 {election} 之后 {days} 天"
        "（{posted}）才张贴，请核对选举当天是否已公布",
        "election results are announced on the spot (Organic Law of Villagers' Committees, "
        "art. 15); this notice is posted {days} days after election day {election} ({posted})",
    ),
    "meeting_proposal_missing": (
        "会前公告须公布提交会议讨论的方案全文（方案），让群众会前有时间思考和提出意见",
        "a pre-announcement must give the proposal itself, so people can think before the "
        "meeting",
    ),
    "expense_maybe_public_works": (
        "用途「{purpose}」（{word}）看来是兴办本村公益事业，这须由村民会议或经授权的村民代表会议决定"
        "（村民委员会组织法第二十四条第三项），现在写的决策机构是「{body}」；"
        "如果是，请写 决策事项: 公益事业兴办",
        "the purpose `{purpose}` ({word}) looks like founding a public work, which the "
        "villagers' meeting decides (art. 24 (3)), not `{body}`; if it is, write matter: 公益事业兴办",
    ),
    "decision_not_by_villagers": (
        "{kind}须由村民会议或经授权的村民代表会议讨论决定，现在写的决策机构是「{body}」"
        "（村民委员会组织法第二十四条、第二十五条）",
        "a {kind} is decided by the villagers' meeting or the representatives' meeting it "
        "authorizes, not by `{body}` (Organic Law of Villagers' Committees, art. 24 and 25)",
    ),
    "contract_total_mismatch": (
        "合同总额写的是 {total}，但年租金 {annual} × 承包期 {years} 年应为 {expected}，请核对",
        "the contract total is {total}, but {annual} a year × {years} years is {expected}",
    ),
    "contract_method_not_open": (
        "发包方式「{method}」不是公开的方式：农村土地承包法第四十八条规定为招标、拍卖、公开协商；"
        "如果是公开协商，请写「公开协商」",
        "`{method}` is not an open method: the Rural Land Contract Law (art. 48) names tender, "
        "auction and open negotiation",
    ),
    "contract_boundaries_missing": (
        "请写明承包、租赁标的的四至（东、南、西、北），让群众知道具体是哪一块",
        "give the boundaries (east, south, west, north) of what is contracted or leased",
    ),
    "capital_mismatch": (
        "大写金额「{capital}」与小写金额 {figure} 不符，{figure} 应写作「{expected}」",
        "the amount in capitals `{capital}` does not match the figure {figure}, which is "
        "written `{expected}`",
    ),
    "window_days_until_conflict": (
        "公示天数写的是 {days} {unit}，应到 {by_days} 截止，但公示截止日期写的是 {until}："
        "两处不一致，请删去一处或改成一致",
        "the window is given as {days} {unit} (to {by_days}) and as ending on {until}: they "
        "disagree; keep one or make them agree",
    ),
    "capital_no_zheng": (
        "大写金额「{capital}」到元或角为止，后面应写「整」字，如「{expected}」（会计基础工作规范第五十二条）",
        "the amount in capitals `{capital}` ends at 元 or 角 and needs 整 after it, as in "
        "`{expected}`",
    ),
    "capital_zheng_after_fen": (
        "大写金额「{capital}」有分，分字后面不写「整」字，应为「{expected}」（会计基础工作规范第五十二条）",
        "the amount in capitals `{capital}` has 分: no 整 after it; write `{expected}`",
    ),
    "contract_supervision_missing": (
        "缺少村务监督委员会对本次发包的意见",
        "the village affairs supervision committee's opinion is missing",
    ),
    # rules: privacy
    "privacy_id_number": (
        "这里有一个完整的身份证号，不得公开张贴；请删除或打码（如 {masked}）",
        "a full Chinese ID number must not be posted; remove or mask it (e.g. {masked})",
    ),
    "privacy_phone": (
        "这里有一个个人手机号（{masked}），不得公开张贴，请删除；群众反映问题的电话请写在「监督电话」一栏",
        "a personal mobile number ({masked}) must not be posted; remove it "
        "(a number for feedback belongs in the `contact` field)",
    ),
    "privacy_bank_account": (
        "这里有一个银行卡号或账号（{masked}），不得公开张贴，请删除",
        "a bank card or account number ({masked}) must not be posted; remove it",
    ),
    # --- privacy (issue 10) ---
    "privacy_id_check_digit": (
        "这里有一个身份证号（{masked}），最后一位校验码对不上，可能是输错了；"
        "但它仍是身份证号，不得公开张贴，请删除或打码",
        "an ID number ({masked}) whose check digit looks mistyped; it is still an ID number "
        "and must not be posted: remove or mask it",
    ),
    "privacy_old_id": (
        "这里有一个15位的老身份证号，不得公开张贴；请删除或打码（如 {masked}）",
        "an old 15-digit ID number must not be posted; remove or mask it (e.g. {masked})",
    ),
    "privacy_id_short": (
        "这里有一个少了最后一位的身份证号（{masked}）：缺的校验位可以算出来，它仍等于完整的身份证号，"
        "不得公开张贴，请删除或打码",
        "an ID number missing its last character ({masked}): that character can be worked out, "
        "so it is still a full ID number and must not be posted; remove or mask it",
    ),
    "privacy_in_comment": (
        "注释里有{what}（{masked}）：注释会随源文件附在海报 PDF 里一起公开，同样不得出现，请删除或打码",
        "a comment holds {what} ({masked}): comments travel inside the poster PDF with the "
        "source file, so remove or mask it",
    ),
    "privacy_file_name": (
        "文件名里有{what}（{masked}）：文件名会随源文件附在海报 PDF 里，请给文件改名",
        "the file name holds {what} ({masked}): it travels inside the poster PDF; rename the file",
    ),
    "privacy_poster_name": (
        "归档海报的文件名里有{what}（{masked}）：重新生成的海报会用这个文件名，运行报告也会记下它，"
        "请给这个 PDF 文件改名后再检查或生成",
        "the archived poster's file name holds {what} ({masked}): the poster made again would be "
        "named after it, and report.json would record it; rename the PDF first",
    ),
    "privacy_folder_name": (
        "所在文件夹的名字里有{what}（{masked}）：文件夹名会用作海报和打印文件的文件名，请给文件夹改名",
        "the folder's name holds {what} ({masked}): it names the posters and print files made "
        "from it; rename the folder",
    ),
    "privacy_illness": (
        "这里写了个人的疾病或残疾情况（「{words}」），不得公开；"
        "如需说明，只写救助项目名称（如 残疾人两项补贴）",
        "this tells a person's illness or disability ({words}), which must not be posted; "
        "give only the programme's name (e.g. 残疾人两项补贴)",
    ),
    "privacy_address": (
        "这里写了详细住址（「{words}」），不得公开；只写村民小组即可",
        "this gives a home address ({words}), which must not be posted; give only the village group",
    ),
    "privacy_split": (
        "这一栏和后面的栏目连起来是{what}（{masked}）：海报上它们挨着印出，同样不得公开；请删除或打码",
        "this field and the next together make {what} ({masked}): the poster prints them "
        "side by side, so remove or mask it",
    ),
    "privacy_illness_named": (
        "这段文字点出了具体的人（「{who}」），又写了其疾病或残疾情况（「{words}」），不得公开；"
        "请删去病情，如需说明只写救助项目名称（如 大病医疗救助）",
        "this text names a person ({who}) and tells their illness or disability ({words}), "
        "which must not be posted; remove it, or give only the programme's name "
        "(e.g. 大病医疗救助)",
    ),
    "privacy_address_named": (
        "这段文字点出了具体的人（「{who}」），又写了其详细住址（「{words}」），不得公开；只写村民小组即可",
        "this text names a person ({who}) and gives their home address ({words}), which must "
        "not be posted; give only the village group",
    ),
    "privacy_poster_guard": (
        "海报上将印出{what}（{masked}），来自 {source}；逐项检查时没有发现它，"
        "为免泄露，这张海报没有生成。请从 {source} 中删除",
        "the poster would print {what} ({masked}) from {source}, which the item checks did not "
        "catch; the poster was not written. Remove it from {source}",
    ),
    # rules: posting window and review
    "issuer_missing": (
        "缺少公开单位：请填写公开单位，或在同一文件夹放一个村设置文件 village.yaml",
        "no issuing body: give `issuer`, or put a village.yaml beside the item",
    ),
    "feedback_missing": (
        "海报上没有反映问题的渠道：请填写监督电话，或在村设置文件 village.yaml 中填写监督电话",
        "no feedback channel: give `contact`, or a phone in village.yaml or a township hotline",
    ),
    "window_order": (
        "公示截止日期 {until} 早于公开日期 {posted}",
        "the posting window ends ({until}) before the posting date ({posted})",
    ),
    "window_short": (
        "公示期只有 {days} 天，少于本类事项要求的 {minimum} 天",
        "the posting window is {days} days, shorter than the {minimum} days required",
    ),
    "review_missing": (
        "缺少审核人：账目和开支须经村务监督委员会（民主理财小组）审核后才能公开"
        "（在审计的基础上公开；村民委员会组织法第三十二条）",
        "no reviewer: accounts and spending are reviewed by the supervision committee before "
        "they are posted (the essay; Organic Law art. 32)",
    ),
    "reviewer_missing": (
        "没有写审核人：写明村务监督委员会由谁审核，群众才知道公开前有人把过关",
        "no reviewer: name who on the supervision committee reviewed it, so people know it "
        "was checked before posting",
    ),
    "review_date_missing": (
        "没有写审核日期：写明哪天审核，才看得出是先审核、后公开",
        "no review date: give the day of the review, so it shows the review came before posting",
    ),
    "review_after_posting": (
        "审核日期 {reviewed_on} 晚于公开日期 {posted}：应先审核后公开",
        "reviewed on {reviewed_on}, after posting on {posted}: review comes first",
    ),
    "posted_before_period_end": (
        "公开日期 {posted} 早于所属期间结束（{end}），账目可能还不完整",
        "posted on {posted}, before the period ends ({end}); the accounts may be incomplete",
    ),
    # rendering
    # placeholders and sample values (rules/placeholders.py)
    "placeholder_phone": (
        "「{value}」是占位的电话号码（全是同一个数字），海报上会印出这个假号码；请填写真实的电话",
        "`{value}` is a placeholder phone number (one digit repeated); it would be printed "
        "on the poster; write the real number",
    ),
    "placeholder_word": (
        "「{value}」里的「{word}」是占位文字或模板里的示例，请改成真实内容",
        "`{word}` in `{value}` is a placeholder or a skeleton's sample; write the real value",
    ),
    "placeholder_value": (
        "「{value}」是占位文字或模板里的示例，请改成真实内容",
        "`{value}` is a placeholder or a skeleton's sample; write the real value",
    ),
    "placeholder_sample": (
        "「{value}」是模板里的示例，还没有改成真实内容；改好后删掉这一行注释里的「【示例】」",
        "`{value}` is the skeleton's sample, not yet replaced; once it is, delete "
        "【示例】 from this line's comment",
    ),
    "fonts_unchecked": (
        "没有找到 fontconfig（fc-list 命令），检查时无法核对每个字有没有字体能印出来；"
        "请安装 fontconfig（make setup 会装），否则生成海报时缺字会印成空白方框",
        "fontconfig (fc-list) was not found, so no character's font could be checked; install "
        "fontconfig (make setup does), or a missing character prints as a blank box",
    ),
    "glyph_missing": (
        "「{char}」（U+{codepoint}）没有任何已安装字体能显示，海报上会成为空白方框；"
        "出现在 {fields}。请安装含此字的字体（如 fonts-noto-cjk-extra 或花园明朝），"
        "并在 township.yaml 的 defaults.fonts 中配置",
        "no installed font can draw `{char}` (U+{codepoint}), found in {fields}; it would "
        "print as a blank box. Install a font that has it and name it in defaults.fonts",
    ),
    # --- output (issue 12): the output folder, odd paths, values changed without a word ---
    "poster_too_many_sheets": (
        "表格共 {rows} 行，约需 {sheets} 张 {paper} 纸，超过每张海报最多 {limit} 张的规定"
        "（{paper} 每张约 {per_sheet} 行，最多 {max_rows} 行）；请按村民小组或月份分成几项，"
        "或在 township.yaml 的 defaults.max_sheets 中调高上限",
        "the tables have {rows} rows, about {sheets} {paper} sheets, more than the limit of "
        "{limit} sheets per poster ({per_sheet} rows a sheet, {max_rows} rows at most); split "
        "the item by group or month, or raise defaults.max_sheets in township.yaml",
    ),
    # --- settings across villages (issue 25) ---
    "village_copied_name": (
        "村名「{value}」和 {other} 的 village.yaml 一样：是不是复制了别村的文件夹，没改 village.yaml？"
        "两个村的海报会署同一个村名",
        "the village name `{value}` is the same as in {other}'s village.yaml: was another "
        "village's folder copied without changing village.yaml? Both villages' posters would carry it",
    ),
    "village_copied_phone": (
        "监督电话「{value}」和 {other} 的 village.yaml 一样：是不是复制了别村的文件夹，没改 village.yaml？"
        "两个村的海报会印同一个监督电话",
        "the phone `{value}` is the same as in {other}'s village.yaml: was another village's "
        "folder copied without changing village.yaml? Both villages' posters would print it",
    ),
    # --- severity and real notices (issue 22) ---
    "vote_empty": (
        "表决情况是空的：请写明表决结果（如 一致同意、全票通过、举手表决，一致同意、民主评议），"
        "或应到、实到、赞成人数",
        "the vote is empty: give the outcome (e.g. 一致同意, 民主评议) or the head counts",
    ),
    "vote_counts_missing": (
        "表决情况只写了「{stated}」，没有{missing}：无法核对到会是否达到法定人数、是否过半数通过"
        "（村民委员会组织法第二十二、二十六条）",
        "the vote only says “{stated}”, without {missing}: the quorum and the majority "
        "cannot be checked (Organic Law arts. 22, 26)",
    ),
    "vote_not_taken": (
        "{body}是民主评议，没有表决：组织法要求决定经到会人员过半数通过（第二十二、二十六条），"
        "公告看不出有多少人同意",
        "the {body} deliberated (民主评议) without a vote: a decision needs more than half of "
        "those present (Organic Law arts. 22, 26), and the notice does not show how many agreed",
    ),
    "vote_attendees_under": (
        "参会人数 {attendees} 少于有表决权的实到人数 {present}：参会人数应包括全部到会人员",
        "{attendees} attendees is fewer than the {present} voting members present",
    ),
    "vote_unanimous_mismatch": (
        "表决结果写的是「{words}」，但赞成 {votes_for} 票、实到 {present} 人、反对 {against} 票、"
        "弃权 {abstain} 票：{words}应是实到的人全部赞成",
        "the vote says “{words}”, but {votes_for} for of {present} present, {against} "
        "against, {abstain} abstaining: {words} means every vote for",
    ),
    "vote_outcome_contradicts": (
        "表决结果写的是「{words}」，但赞成 {votes_for} 票对 {basis} 人，按人数计算结果相反",
        "the vote says “{words}”, but {votes_for} for of {basis} gives the opposite",
    ),
    "vote_stated_failed": (
        "表决结果为「未通过」，不能据此实施",
        "the vote failed (未通过): it cannot be acted on",
    ),
    "vote_rate_mismatch": (
        "{label}写的是 {stated}，但 {part} ÷ {whole} = {computed}",
        "the {label} is stated as {stated}, but {part} ÷ {whole} = {computed}",
    ),
    "vote_text_unknown": (
        "「{value}」中的「{word}」不是表决的写法；可写：{known}",
        "`{word}` in `{value}` is not a way to record a vote; known: {known}",
    ),
    "meeting_place_required": (
        "会前公告须写明会议地点，参会的人才知道去哪里",
        "a pre-announcement must give the place of the meeting",
    ),
    "meeting_place_missing": (
        "决议公告没有写会议地点",
        "the result notice does not give the place of the meeting",
    ),
    "ledger_row_date_missing": (
        "{table}有 {count} 笔没有写日期（{which}）：写明哪天发生，才能看出先后、是否在本期",
        "{count} {table} rows have no date ({which}): the date shows when it "
        "happened and that it belongs to the period",
    ),
    "ledger_row_voucher_missing": (
        "{table}有 {count} 笔没有写凭证号（{which}）：凭证号让每笔账能和原始单据对上",
        "{count} {table} rows have no voucher number ({which}): it ties each "
        "row to its receipt",
    ),
    "ledger_row_category_missing": (
        "{table}有 {count} 笔没有写类别（{which}）：类别按会计制度归口，便于核对",
        "{count} {table} rows have no category ({which})",
    ),
    "ledger_row_handler_missing": (
        "{table}有 {count} 笔没有写经手人（{which}）：写明经手人，每笔账才有人负责",
        "{count} {table} rows have no handler ({which}): someone answers for each row",
    ),
    "ledger_row_approver_missing": (
        "{table}有 {count} 笔没有写审批人（{which}）：写明谁批准的，才看得出开支经过审批",
        "{count} {table} rows have no approver ({which}): it shows the spending "
        "was approved",
    ),
    "ledger_balance_missing": (
        "没有写{missing}：只公开支出，群众看不出村里还有多少钱，也核对不了账是否平、是否和上期接得上",
        "no {missing}: a ledger of spending alone shows neither what is left nor whether it "
        "balances and carries over",
    ),
    "accountant_missing": (
        "没有写会计：写明记账的会计，账目有人签字负责",
        "no accountant: name who kept the books, so someone signs for them",
    ),
    "total_exceeds_rows": (
        "{label}写的是 {stated}，但各行相加只有 {computed}：有 {diff} 没有列出明细。只公开合计、"
        "不公开具体账目是走形式，请把没有列出的账目逐笔补上，或核对合计",
        "{label} is stated as {stated}, but the rows add up to only {computed}: {diff} is "
        "not itemised. A total without its lines is a formality: list every row, or check "
        "the total",
    ),
    "announcement_window_after_meeting": (
        "会前公告的公示期到 {until} 才结束，但会议在 {meeting} 召开：会前公告应在开会前撤下，"
        "请把公示截止改到会议前一天或更早",
        "the pre-announcement is posted until {until}, but the meeting is on {meeting}: end "
        "the window before the meeting",
    ),
}

"""Every message the tool prints about an input, in Chinese and English.

Keys are stable codes (tests and the JSON report use them); placeholders are
filled from the finding's parameters.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "file_too_large": (
        "文件过大（{size} 字节，上限 {limit} 字节），不像是一份公开事项，已拒绝读取",
        "file too large ({size} bytes, limit {limit}); refused",
    ),
    "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "file_not_text": (
        "这不是文本文件（含有控制字符），请用记事本或 WPS 另存为 UTF-8 文本",
        "not a text file (control characters found); save it as UTF-8 text",
    ),
    "file_bad_encoding": (
        "无法识别文件编码（不是 UTF-8，也不是 GBK/GB18030），请另存为 UTF-8",
        "unknown text encoding (neither UTF-8 nor GBK/GB18030); save it as UTF-8",
    ),
    "encoding_gb18030": (
        "文件按 GBK/GB18030 编码读取；建议另存为 UTF-8，以免在其他电脑上乱码",
        "read as GBK/GB18030; saving it as UTF-8 is recommended",
    ),
    "file_empty": ("文件是空的（或只有注释）", "the file is empty (or only comments)"),
    "root_not_mapping": (
        "文件顶层应是「键: 值」的形式，例如 类型: 财务公开",
        "the top level must be a mapping of keys to values, e.g. `kind: finance`",
    ),
    # YAML syntax
    "yaml_syntax": ("YAML 格式错误：{problem}", "YAML syntax error: {problem}"),
    "yaml_tab": (
        "这一行用了 Tab 键缩进，YAML 只允许空格缩进，请把 Tab 换成空格",
        "a tab is used for indentation; YAML allows only spaces",
    ),
    "yaml_multiple_documents": (
        "一个文件只能写一项公开内容（文件里出现了多个 ---）",
        "one item per file: the file holds several YAML documents (---)",
    ),
    "yaml_colon_in_value": (
        "这里不能出现冒号；如果内容里有「: 」，请给整段内容加上引号",
        "a colon is not allowed here; quote a value that contains ': '",
    ),
    "yaml_missing_colon": (
        "缺少冒号：每一项应写成「键: 值」",
        "missing colon: each entry must be `key: value`",
    ),
    "yaml_unclosed_bracket": (
        "方括号 [ ] 没有配对：列表少了「]」，或者内容里的逗号、冒号需要加引号",
        "unclosed [ ]: a list is missing its ], or text with commas needs quotes",
    ),
    "yaml_unclosed_brace": (
        "花括号 {{ }} 没有配对：少了「}}」，或者内容里的逗号、冒号需要加引号",
        "unclosed {{ }}: a mapping is missing its }}, or text with commas needs quotes",
    ),
    "yaml_unexpected_end": (
        "文件意外结束：引号或括号没有配对",
        "unexpected end of file: a quote or bracket is not closed",
    ),
    "yaml_bad_indent": (
        "缩进不对齐：同一层的各项应左对齐，用空格缩进",
        "inconsistent indentation: items at one level must line up, indented with spaces",
    ),
    "yaml_alias": (
        "不支持 YAML 锚点和别名（& 和 *），请把内容直接写出来",
        "YAML anchors and aliases (& and *) are not supported; write the content out",
    ),
    "yaml_too_deep": (
        "嵌套层次过深（超过 {limit} 层）",
        "nested too deeply (more than {limit} levels)",
    ),
    "yaml_complex_key": ("键必须是简单的文字", "keys must be plain text"),
    "yaml_duplicate_key": (
        "「{key}」写了两次（第 {first} 行和第 {second} 行），请删掉一处",
        "key `{key}` appears twice (lines {first} and {second}); remove one",
    ),
    # keys
    "key_unknown_near": (
        "不认识的字段「{key}」，是不是「{nearest}」？（为免丢失内容，不会忽略它）",
        "unknown field `{key}`; did you mean `{nearest}`? (not ignored, so no data is lost)",
    ),
    "key_unknown": (
        "不认识的字段「{key}」；可用的字段：{known}",
        "unknown field `{key}`; known fields: {known}",
    ),
    "key_unknown_plain": ("不认识的字段「{key}」", "unknown field `{key}`"),
    "key_twice": (
        "「{key}」和「{other}」是同一个字段，只能写一次",
        "`{key}` and `{other}` are the same field; give it once",
    ),
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
    "money_cents": (
        "金额「{value}」超过两位小数，请精确到分",
        "amount `{value}` has more than two decimals; round to the cent",
    ),
    "money_absurd": ("金额「{value}」大得不合常理，请核对", "amount `{value}` is implausibly large"),
    "money_negative": ("金额不能为负数（{value}）", "amount cannot be negative ({value})"),
    "date_format": (
        "「{value}」不是日期，请写成 2026-10-08 或 2026年10月8日",
        "`{value}` is not a date; write it like 2026-10-08",
    ),
    "date_invalid": ("日期「{value}」不存在，请核对", "date `{value}` does not exist"),
    "period_format": (
        "「{value}」不是有效的期间，请写成 2026-Q3、2026-10、2026，或写明起止日期",
        "`{value}` is not a period; use 2026-Q3, 2026-10, 2026 or from/to dates",
    ),
    "period_order": ("期间的截止日期早于起始日期", "the period ends before it starts"),
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
    # the command line (cli.py, cli_frames.py)
    "cli_check_summary": (
        "检查了 {count} 个文件：{errors} 个错误，{warnings} 个警告",
        "checked {count} files: {errors} errors, {warnings} warnings",
    ),
    "cli_wrote_poster": ("已生成 {file}（{pages} 页）", "wrote {file} ({pages} pages)"),
    "cli_village_summary": (
        "{village}：生成 {rendered}，未变化 {unchanged}，失败 {failed}",
        "{village}: {rendered} rendered, {unchanged} unchanged, {failed} failed",
    ),
    "cli_render_summary": (
        "共 {count} 项：生成 {rendered} 项，未变化 {unchanged} 项，失败 {failed} 项",
        "{count} items: {rendered} rendered, {unchanged} unchanged, {failed} failed",
    ),
    "cli_rendering": ("生成海报", "rendering"),
    "cli_interrupted": (
        "已中断：已写完的海报保留，下次运行从中断处继续。",
        "interrupted: finished posters are kept; the next run continues",
    ),
    "cli_shard_format": ("应写成 I/N，例如 1/4", "write it as I/N, e.g. 1/4"),
    "cli_shard_range": ("I 应在 1 到 N 之间，例如 1/4", "I must lie between 1 and N, e.g. 1/4"),
    "cli_at_least_one": ("「{value}」太小，至少为 1", "`{value}` is too small; at least 1"),
    "cli_bad_date": (
        "「{value}」不是日期，请写成 2026-10-08 或 2026年10月8日",
        "`{value}` is not a date; write it like 2026-10-08",
    ),
    "cli_bad_period": (
        "「{value}」不是有效的期间，请写成 2026-Q3、2026-10 或 2026",
        "`{value}` is not a period; use 2026-Q3, 2026-10 or 2026",
    ),
    "cli_exists": ("{file} 已存在，不会覆盖", "{file} exists; not overwritten"),
    "cli_written": ("已写入 {file}", "wrote {file}"),
    "cli_created": ("已创建 {file}", "created {file}"),
    "cli_init_one_village": (
        "没有 --township 时，请用 --village 给出一个村名",
        "without --township, give one village name with --village",
    ),
    "cli_preview_failed": (
        "无法在 {host}:{port} 启动预览：{reason}；可用 --port 换一个端口",
        "cannot start the preview on {host}:{port}: {reason}; try another --port",
    ),
    "cli_preview_at": (
        "预览地址：http://{host}:{port}/  （按 Ctrl-C 结束）",
        "preview at http://{host}:{port}/  (Ctrl-C to stop)",
    ),
    "cli_preview_ended": ("预览已结束", "preview stopped"),
    "cli_import_kind": (
        "「{value}」不能从表格导入；可导入的类型：{known}",
        "`{value}` cannot be imported from a spreadsheet; kinds that can: {known}",
    ),
    "cli_import_unreadable": (
        "{file}: 错误: 无法读取：{reason}", "{file}: error: cannot read: {reason}"),
    "cli_import_note": ("{file}: 提示: {text}", "{file}: note: {text}"),
    "cli_import_error": ("{file}: 错误: {text}", "{file}: error: {text}"),
    "cli_import_summary": (
        "导入 {count} 行，拒绝 {rejected} 行", "imported {count} rows, rejected {rejected}"),
    "cli_kinds_aliases": ("也可写作：{aliases}", "also: {aliases}"),
    "cli_new_unknown_kind": (
        "不认识的类型「{kind}」；可用：{known}",
        "unknown kind `{kind}`; known: {known}",
    ),
    "cli_no_command_near": (
        "没有「{name}」这个命令，是不是「{nearest}」？",
        "no such command `{name}`; did you mean `{nearest}`?",
    ),
    "cli_no_command": (
        "没有「{name}」这个命令；可用的命令：{known}", "no such command `{name}`; commands: {known}"),
    "cli_no_option_near": (
        "没有 {option} 这个选项，是不是 {nearest}？", "no such option {option}; did you mean {nearest}?"),
    "cli_no_option": ("没有 {option} 这个选项", "no such option {option}"),
    "cli_missing": ("缺少 {name}", "missing {name}"),
    "cli_bad_value": ("{name} 的值不对：{reason}", "invalid value for {name}: {reason}"),
    "cli_option_needs_value": ("{option} 后面要写一个值", "{option} needs a value"),
    "cli_extra_argument": ("多余的参数：{value}", "unexpected extra argument: {value}"),
    "cli_try_help": ("运行 {command} 查看帮助。", "Try '{command}' for help."),
    "cli_error": ("错误：{message}", "Error: {message}"),
    "cli_bad_lang": (
        "--lang（或环境变量 NOTICEBOARD_LANG）只能是 zh 或 en，不能是「{value}」",
        "--lang (or NOTICEBOARD_LANG) must be zh or en, not `{value}`",
    ),
    "cli_aborted": ("已中止", "aborted"),
    # --- output (the output folder, the batch and the CLI) ---
    "cli_port_range": ("「{value}」不是端口号，应在 0 到 65535 之间",
                       "`{value}` is not a port; use 0 to 65535"),
    "output_not_folder": (
        "输出文件夹 {folder} 是一个文件，不是文件夹；请另选一个输出文件夹",
        "the output folder {folder} is a file, not a folder; choose another with -o",
    ),
    "output_is_input": (
        "输出文件夹 {folder} 会把海报写进公开事项所在的文件夹 {input}，与事项文件混在一起，"
        "还可能替换那里同名的 PDF；请另选一个输出文件夹",
        "the output folder {folder} would put posters into {input}, where the items are, "
        "and could replace a PDF of the same name there; choose another with -o, e.g. out",
    ),
    "village_name_reserved": (
        "村文件夹名「{name}」与本工具在输出文件夹里自用的名称相同（「已失效」文件夹、报告、"
        "记录、锁、打印文件），海报会和它混在一起；请给这个文件夹改名",
        "the village folder name `{name}` is one the output folder uses for itself "
        "(已失效, report.json, 打印-….pdf…); its posters would be mixed up with it; rename the folder",
    ),
    "print_file_taken": (
        "没有生成打印文件 {file}：这个名字已是一张海报或另一个打印文件（事项或村与打印文件同名，"
        "如事项名「打印-全部」、村名与乡镇名相同）；请给事项或村文件夹改名",
        "print file {file} not written: the name is already a poster or another print file "
        "(an item or village named like a print file, e.g. an item `打印-全部`, or a village "
        "named like its township); rename the item or the village folder",
    ),
    "cli_shard_too_many": ("N 最大为 {limit}，不是 {count}", "N is at most {limit}, not {count}"),
    "status_required_twice": (
        "「{name}」与「{other}」是同一类事项，required 里只能写一次",
        "`{name}` and `{other}` are the same kind; list it once in required",
    ),
    "village_collision": (
        "村文件夹 {folders} 的海报会写进同一个输出文件夹 {output}，互相混在一起，打印文件也会混入"
        "别村的海报（只差大小写、末尾的空格或点号，在多数电脑上也算同一个名字）；请给其中的文件夹改名",
        "the village folders {folders} would share the output folder {output}: their posters "
        "and print files would mix (case, trailing spaces and dots do not count on most "
        "computers); rename all but one",
    ),
    "print_file_outdated": (
        "打印文件 {file} 里有本次更新、未能生成或已移走的海报，本次没有重新合并它；"
        "已移到 {folder} 文件夹，以免打印出旧海报",
        "the print file {file} holds posters rendered again, failed or moved aside in this "
        "run, and was not made again; moved to {folder} so that no outdated poster is printed",
    ),
    "output_lock_not_file": (
        "锁文件 {location} 不是普通文件（是符号链接、管道或设备），本工具不会打开它；请删除它后再运行",
        "the lock file {location} is not a regular file (a symlink, pipe or device); it is not "
        "opened; delete it and run again",
    ),
    "output_symlink": (
        "输出文件夹里的 {link} 是指向别处（{target}）的符号链接，海报会写到输出文件夹以外；"
        "请删除这个链接后再运行",
        "{link} in the output folder is a symlink to {target}: posters would be written "
        "outside the output folder; delete the link and run again",
    ),
    "cli_init_name_blank": ("名称不能为空", "a name must not be blank"),
    "cli_init_name_twice": (
        "「{first}」和「{second}」会是同一个文件夹（同名，或只差大小写、符号），请只写一次或改名",
        "`{first}` and `{second}` would be one folder (the same name, or differing only by "
        "case or symbols); give it once or rename one",
    ),
    "output_in_templates": (
        "输出文件夹 {folder} 在乡镇的模板文件夹 {templates} 里：海报会混进模板，每次都要全部重新生成；"
        "请另选一个输出文件夹",
        "the output folder {folder} lies in the township's templates folder {templates}: "
        "posters would mix with the templates and all be made again each run; choose another",
    ),
    "import_no_sheet": ("表格里没有名为「{sheet}」的工作表；现有的工作表：{known}",
                        "the workbook has no sheet `{sheet}`; its sheets: {known}"),
    # --- structure (issue 11): the one error boundary ---
    "cli_internal_error": (
        "内部错误（{kind}）：这是本工具的缺陷，不是您数据的问题；已写出的海报不受影响",
        "internal error ({kind}): a defect of this tool, not of your data; "
        "posters already written are intact",
    ),
    "cli_internal_error_hint": (
        "请在命令后加 --debug 重新运行，把显示的全部内容发给维护人员",
        "run the command again with --debug and send everything it prints to the maintainers",
    ),
    "cli_not_one_of": ("「{value}」不是可选值，应为：{choices}", "`{value}` is not one of: {choices}"),
    "cli_not_integer": ("「{value}」不是整数{choices}", "`{value}` is not a whole number{choices}"),
    "cli_not_number": ("「{value}」不是数字{choices}", "`{value}` is not a number{choices}"),
    "cli_want_integer": ("应写一个整数", "must be a whole number"),
    "cli_want_number": ("应写一个数字", "must be a number"),
    "cli_want_bool": ("应写 是 或 否", "must be yes or no"),
    "cli_want_date": ("应写一个日期，如 2026-10-08", "must be a date like 2026-10-08"),
    "cli_value_wrong": ("写法不对，请看 --help 里的说明", "not a valid value; see --help"),
    "cli_out_of_range": ("「{value}」超出范围 {choices}", "`{value}` is out of the range {choices}"),
    # import (importer.py)
    "import_column_private": (
        "列「{header}」属于个人隐私，未导入", "column `{header}` holds personal data; not imported"),
    "import_column_unknown": ("未识别的列「{header}」，未导入", "unknown column `{header}`; not imported"),
    "import_column_blank": (
        "表格没有「{header}」列：导入的每一行都留空了这一项，请填写",
        "the sheet has no `{header}` column: it is left blank in every row for you to fill",
    ),
    "import_row_invalid": ("第 {row} 行：{column} {problem}", "row {row}: {column} {problem}"),
    "import_row_cents": (
        "第 {row} 行：金额「{value}」超过两位小数，请在表格里改正",
        "row {row}: amount `{value}` has more than two decimals; correct it in the sheet",
    ),
    "import_row_both": (
        "第 {row} 行同时填了收入和支出：一笔账只能是收入或支出，请分成两行",
        "row {row} has both income and expense: one entry is either, split it in two rows",
    ),
    "import_row_no_amount": (
        "第 {row} 行没有金额（收入和支出都是空的）",
        "row {row} has no amount (income and expense are both empty)",
    ),
    "import_total_agrees": (
        "第 {row} 行是表格的{label}（{stated}），与导入的各行相符；合计行本身不导入",
        "row {row} is the sheet's {label} ({stated}) and agrees with the imported rows; "
        "total rows are not imported",
    ),
    "import_total_mismatch": (
        "第 {row} 行的{label}写的是 {stated}，导入的各行相加是 {computed}（相差 {diff}）；"
        "未导入的行：{left_out}",
        "row {row}: the sheet's {label} is {stated}, the imported rows add up to {computed} "
        "(difference {diff}); rows not imported: {left_out}",
    ),
    "import_total_unreadable": (
        "第 {row} 行的{label}「{value}」不是金额，无法核对",
        "row {row}: the sheet's {label} `{value}` is not an amount; not compared",
    ),
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
        "{label}写的是 {stated}，但各行相加是 {computed}",
        "{label} is stated as {stated}, but the rows add up to {computed}",
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
        "{name}处于「{stage}」阶段，须填写{label}",
        "{name} is at stage {stage}: give the {label}",
    ),
    "stage_dates_order": ("{name}的{later}早于{earlier}", "{name}: {later} is before {earlier}"),
    "introducers_missing": (
        "{name}处于「{stage}」阶段，须填写两名入党介绍人",
        "{name} is at stage {stage}: two introducers are required",
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
    "rows_out_of_order": (
        "{what}（{date}）早于上一行（{previous}）：明细应按日期先后排列",
        "{what} ({date}) comes before the row above it ({previous}); list rows in date order",
    ),
    "decision_vote_missing": (
        "决定发包的{body}缺少表决情况（应到、实到、赞成、反对、弃权）",
        "the {body} that decided the contract is recorded without its vote",
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
    # rules: across files
    "balance_not_carried": (
        "期初余额 {opening} 与上期（{previous}）的期末余额 {closing} 不一致",
        "the opening balance {opening} differs from the closing balance {closing} of {previous}",
    ),
    "decision_file_missing": (
        "找不到引用的会议公告文件「{file}」（应与本文件在同一文件夹）",
        "the referenced meeting notice `{file}` is not in this folder",
    ),
    # rules: privacy
    "privacy_key": (
        "「{key}」属于个人隐私，按国家去标识化要求不得张贴公开，请删除这一项",
        "`{key}` is personal data that must not be posted (de-identification rules); remove it",
    ),
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
        "缺少村务监督委员会的审核（{field}）：财务和村务公开须先审核后公开",
        "missing the supervision committee's review ({field}): review comes before posting",
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
    "glyph_missing": (
        "「{char}」（U+{codepoint}）没有任何已安装字体能显示，海报上会成为空白方框；"
        "出现在 {fields}。请安装含此字的字体（如 fonts-noto-cjk-extra 或花园明朝），"
        "并在 township.yaml 的 defaults.fonts 中配置",
        "no installed font can draw `{char}` (U+{codepoint}), found in {fields}; it would "
        "print as a blank box. Install a font that has it and name it in defaults.fonts",
    ),
    "too_wide": (
        "内容太宽，即使缩小也会超出纸张右边（可能是一串没有空格的长文字或数字），请缩短或加空格",
        "content is too wide for the sheet even when shrunk (a long unbroken string?); shorten it",
    ),
    "status_nothing_required": (
        "{file} 中没有 required（必须公开的事项），无法判断缺失；"
        "例如 required: {{finance: 季度, relief: 月}}",
        "{file} has no `required:` list, e.g. required: {{finance: quarter, relief: month}}",
    ),
    "template_error": (
        "模板出错（{template}）：{reason}。如果是本镇自己的模板，请检查或删除它",
        "template error ({template}): {reason}; check the township's own template",
    ),
    # --- engine (issues 10 and 11): what templates and stylesheets may reach ---
    "template_outside": (
        "模板「{template}」实际指向本镇文件夹以外的「{target}」（快捷方式或符号链接），已拒绝读取；"
        "请把文件本身复制进本镇的 templates 文件夹",
        "template `{template}` leads outside the township (to `{target}`, through a symlink); "
        "refused. Copy the file itself into the township's templates folder",
    ),
    "resource_refused": (
        "模板或样式表要读取「{url}」，它不在本镇 templates 文件夹里，也不是本工具自带的文件，已拒绝；"
        "海报不从网络或其他文件夹取任何东西，图片请放进 templates 文件夹，字体请按名称使用已安装的字体",
        "a template or stylesheet asks for `{url}`, which is neither in the township's templates "
        "folder nor one of the tool's own files; refused. Posters take nothing from the network or "
        "other folders: put images in the templates folder, name installed fonts by family",
    ),
    "stylesheet_ignored": (
        "本镇样式表这一行有排版引擎不认识的写法，会被忽略：「{snippet}」；请改正或删除它",
        "the township's stylesheet has something the layout engine does not understand and "
        "would ignore: `{snippet}`; correct or delete it",
    ),
    "pdf_no_source": (
        "这个 PDF 里没有附带公开事项的源数据（不是用 noticeboard 生成的海报？）",
        "this PDF carries no item source (not a poster made by noticeboard?)",
    ),
    # --- containment (issue 10) ---
    # An archived poster is untrusted input: each way it can be wrong has its own message.
    "pdf_cannot_open": ("无法读取这个 PDF：文件打不开", "cannot read this PDF: the file cannot be opened"),
    "pdf_not_pdf": ("无法读取这个 PDF：它不是 PDF 文件", "cannot read this PDF: it is not a PDF file"),
    "pdf_too_large": (
        "无法读取这个 PDF：文件超过 {limit} 兆字节，不像是一张海报",
        "cannot read this PDF: it is over {limit} MB, too large for a poster",
    ),
    "pdf_damaged": (
        "无法读取这个 PDF：文件已损坏、被截断或被改动过，请找原来的海报文件",
        "cannot read this PDF: it is damaged, truncated or altered; use the original poster file",
    ),
    "pdf_encrypted": (
        "无法读取这个 PDF：文件已加密，本工具生成的海报不会加密",
        "cannot read this PDF: it is encrypted, which posters made by this tool never are",
    ),
    "pdf_too_many_pages": (
        "无法读取这个 PDF：有 {count} 页，超过上限 {limit} 页",
        "cannot read this PDF: {count} pages, more than the limit of {limit}",
    ),
    "pdf_too_many_objects": (
        "无法读取这个 PDF：有 {count} 个对象，超过上限 {limit} 个",
        "cannot read this PDF: {count} objects, more than the limit of {limit}",
    ),
    "pdf_too_many_attachments": (
        "无法读取这个 PDF：附带了 {count} 个文件，超过上限 {limit} 个",
        "cannot read this PDF: {count} attached files, more than the limit of {limit}",
    ),
    "pdf_attachment_too_large": (
        "附带的文件「{name}」解压后超过 {limit} 兆字节，已拒绝，没有解压",
        "the attached file \"{name}\" is over {limit} MB when decompressed; refused, not unpacked",
    ),
    "pdf_attachment_name": (
        "附带的文件名「{name}」指向别的文件夹（绝对路径或含 ..），已拒绝，没有写入任何文件",
        "the attached file name \"{name}\" points to another folder (absolute or with ..); "
        "refused, nothing written",
    ),
    "pdf_attachment_twice": (
        "附带了两个同名文件「{name}」，无法判断用哪一个",
        "two attached files are both named \"{name}\"; cannot tell which to use",
    ),
    "pdf_several_items": (
        "附带了多个公开事项文件（{names}），本工具生成的海报只带一个",
        "several item files are attached ({names}); posters made by this tool carry one",
    ),
    # A symlink must not lead out of the folder being processed (workspace.py).
    "outside_folder": (
        "指向本文件夹以外（{target}），已拒绝：不会读取，也不会印在海报上",
        "leads outside the folder being processed (to {target}); refused: not read, not printed",
    ),
    "import_format": (
        "不支持 {suffix} 文件，请另存为 .xlsx 或 .csv",
        "{suffix} files are not supported; save as .xlsx or .csv",
    ),
    "import_unreadable": ("无法读取这个表格：{reason}", "cannot read this spreadsheet: {reason}"),
    "import_no_header": (
        "找不到表头：表格里应有一行列名，如 {known}",
        "no header row found; expected column names such as {known}",
    ),
    "import_missing_columns": (
        "表格缺少必需的列：{columns}",
        "the spreadsheet lacks required columns: {columns}",
    ),
    "render_failed": ("生成海报失败：{reason}", "rendering failed: {reason}"),
    # --- output (issue 12): the output folder, odd paths, values changed without a word ---
    "output_collision": (
        "输出文件重名：{files} 都会生成 {output}，只能留下一张海报；请给其中的文件改名"
        "（只差大小写、末尾的空格或点号，在多数电脑上也算同一个名字）",
        "outputs collide: {files} would all be written as {output}, and only one poster "
        "would be kept; rename all but one (case, trailing spaces and dots do not count on Windows)",
    ),
    "output_collision_images": (
        "输出图片重名：{files} 生成的图片会互相覆盖（多页海报第 N 页的图片名是「名称-N」）；"
        "请给其中的文件改名",
        "output images collide: {files} would overwrite each other's images (page N of a "
        "poster is `name-N.png`); rename one of them",
    ),
    "stale_moved_failed": (
        "这一项没有生成，原来的旧海报已移到 {folder} 文件夹，以免打印出与内容不符的旧海报：{files}",
        "not rendered: its old outputs were moved to {folder} so that no outdated poster "
        "is printed: {files}",
    ),
    "stale_moved_other": (
        "与本次海报内容不一致的旧文件已移到 {folder} 文件夹：{files}",
        "old outputs that no longer match this poster were moved to {folder}: {files}",
    ),
    "stale_moved_orphan": (
        "旧海报 {files} 在本次没有对应的事项（事项文件已删除或改名，或所在村的设置有错误），"
        "已移到 {folder} 文件夹，以免打印出过期的海报",
        "old outputs {files} have no item in this run (deleted, renamed, or the village's "
        "settings are broken); moved to {folder} so that no outdated poster is printed",
    ),
    "stale_not_moved": (
        "旧海报 {file} 与内容不符，但无法移走（{reason}），请勿打印，并手动删除",
        "the outdated {file} could not be moved aside ({reason}); do not print it, delete it",
    ),
    "state_damaged": (
        "记录文件 {file} 已损坏（被修改或不完整），本次全部重新生成",
        "the state file {file} is damaged (edited or truncated); everything is rendered again",
    ),
    "output_locked": (
        "另一个 noticeboard（进程 {pid}）正在向 {folder} 生成海报；请等它结束后再运行，"
        "或换一个输出文件夹",
        "another noticeboard (process {pid}) is rendering into {folder}; wait until it "
        "finishes, or use -o for another output folder",
    ),
    "path_not_regular": (
        "{location} 不是普通文件或文件夹（是设备、管道或套接字），无法读取公开事项",
        "{location} is not a regular file or folder (a device, pipe or socket); no items read",
    ),
    "path_folder_unreadable": (
        "没有权限读取文件夹 {location}",
        "no permission to read the folder {location}",
    ),
    "path_unreadable": ("无法读取 {location}：{reason}", "cannot read {location}: {reason}"),
    "money_minus_zero": (
        "金额「{value}」是带负号的零，请写成 0",
        "amount `{value}` is a minus zero; write 0",
    ),
    "digits_foreign": (
        "「{value}」里有其他文字的数字「{char}」（U+{codepoint}），请用 0–9 书写",
        "`{value}` holds a digit of another script `{char}` (U+{codepoint}); write 0-9",
    ),
    "date_absurd": (
        "日期「{value}」的年份不合常理（应在 {low} 年至 {high} 年之间），请核对",
        "date `{value}` has an implausible year (expected {low} to {high})",
    ),
    "poster_too_many_sheets": (
        "表格共 {rows} 行，约需 {sheets} 张 {paper} 纸，超过每张海报最多 {limit} 张的规定"
        "（{paper} 每张约 {per_sheet} 行，最多 {max_rows} 行）；请按村民小组或月份分成几项，"
        "或在 township.yaml 的 defaults.max_sheets 中调高上限",
        "the tables have {rows} rows, about {sheets} {paper} sheets, more than the limit of "
        "{limit} sheets per poster ({per_sheet} rows a sheet, {max_rows} rows at most); split "
        "the item by group or month, or raise defaults.max_sheets in township.yaml",
    ),
    "file_not_regular": (
        "这不是普通文件（是设备、管道或套接字），无法读取",
        "not a regular file (a device, pipe or socket); not read",
    ),
    "file_mixed_encoding": (
        "第 {lines} 行不是 UTF-8 编码（可能是从 GBK 文件复制过来的），其余各行是 UTF-8；"
        "请在这几行重新输入文字，或把整个文件另存为 UTF-8",
        "line(s) {lines} are not UTF-8 (pasted from a GBK file?) while the rest is; "
        "retype them, or save the whole file as UTF-8",
    ),
    "value_blank": (
        "这里只有空格，没有内容；请填写，或删除这一项",
        "only spaces here, no content; fill it in or remove it",
    ),
    "text_control": (
        "这里有看不见的控制字符（U+{codepoint}），打印时会丢失或出错；请删除它"
        "（常见于从网页或其他软件复制的文字）",
        "an invisible control character (U+{codepoint}) would be lost or garble "
        "the print; remove it",
    ),
    "text_bidi": (
        "这里有改变文字显示方向的隐藏字符（U+{codepoint}），海报上显示的文字顺序会与实际内容不同"
        "（姓名可能被显示成另一个人的名字）；请删除它",
        "a hidden direction control (U+{codepoint}) would make the poster show the "
        "text in another order than the data; remove it",
    ),
    "text_invisible": (
        "这里有看不见的隐藏字符（U+{codepoint}），会让两个看起来相同的名字实际不同；请删除它",
        "an invisible character (U+{codepoint}) makes text that looks the same "
        "differ; remove it",
    ),
    "write_failed": ("无法写入 {location}：{reason}", "cannot write {location}: {reason}"),
    "path_not_found": ("找不到 {location}", "{location} does not exist"),
    "no_items": (
        "{location} 中没有找到公开事项文件（*.yaml）",
        "no item files (*.yaml) found in {location}",
    ),
}

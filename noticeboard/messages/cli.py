"""The command line: usage, options, the one error boundary."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "cli_rules_head": (
        "以下规则出于良好做法或地方规定，默认只给警告；本镇要求必须做到的，写进 township.yaml"
        "（代码或中文名均可）：",
        "These rules rest on good practice or local procedure and warn by default; a township "
        "that requires one lists it in township.yaml (by code or Chinese name):"),
    "cli_rules_example": ("    升为错误: [审核日期, 四至]",
                          "    raise_to_error: [review_date_missing, 四至]"),
    "cli_rules_law": (
        "法律和公开要求（如账要平、只有总数没有明细、隐私、会前公告晚于会议）一律是错误，不在此列；"
        "每条规则的依据见 docs/severity.md。",
        "Rules of the law and the demand for detail are always errors and are not listed; "
        "docs/severity.md gives the source of every rule."),
    "cli_rules_columns": ("代码|中文名|本镇|涉及事项", "code|name|here|kinds"),
    "cli_rules_error": ("错误", "error"),
    "cli_rules_warning": ("警告", "warning"),
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
    "cli_shard_too_many": ("N 最大为 {limit}，不是 {count}", "N is at most {limit}, not {count}"),
    "cli_init_name_blank": ("名称不能为空", "a name must not be blank"),
    "cli_init_name_twice": (
        "「{first}」和「{second}」会是同一个文件夹（同名，或只差大小写、符号），请只写一次或改名",
        "`{first}` and `{second}` would be one folder (the same name, or differing only by "
        "case or symbols); give it once or rename one",
    ),
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
    "cli_stream_escaped": (
        "注意：输出用的是 {encoding} 编码，有 {count} 个字符（如人民币符号、对勾）它写不下，"
        "已写成 \\xa5 这样的转义；要完整显示，请在 Windows 上先运行 chcp 65001，或设置环境变量 PYTHONUTF8=1",
        "note: the output is encoded in {encoding}, which cannot hold {count} of its characters "
        "(such as the yuan sign or a tick); they are written escaped, like \\xa5. "
        "Set PYTHONUTF8=1 to see them",
    ),
    "cli_ime_dash": (
        "你输入的是 {typed}，是不是 {meant}？（中文输入法把两个减号变成了破折号，请切换到英文输入后再输入）",
        "you typed {typed}; did you mean {meant}? (an input method turned the hyphens into dashes)",
    ),
    "cli_merged_file": ("已写出 {file}", "wrote {file}"),
    "cli_merge_summary": ("合并了 {count} 个事项", "merged {count} items"),
}

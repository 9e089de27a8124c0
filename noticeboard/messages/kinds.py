"""The kinds and their values: keys, kinds, numbers, dates, money."""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "root_not_mapping": (
        "文件顶层应是「键: 值」的形式，例如 类型: 财务公开",
        "the top level must be a mapping of keys to values, e.g. `kind: finance`",
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
    "key_twice": (
        "「{key}」和「{other}」是同一个字段，只能写一次",
        "`{key}` and `{other}` are the same field; give it once",
    ),
    # values
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
    # rules: privacy
    "privacy_key": (
        "「{key}」属于个人隐私，按国家去标识化要求不得张贴公开，请删除这一项",
        "`{key}` is personal data that must not be posted (de-identification rules); remove it",
    ),
    # --- output (issue 12): the output folder, odd paths, values changed without a word ---
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
    # severity (issue 22): the practice warnings a township raises to errors
    "practice_unknown": (
        "「{name}」不是可以升为错误的规则；运行 noticeboard rules 查看全部代码和中文名（如：{known}）",
        "`{name}` is not a rule that can be raised to an error; `noticeboard rules` lists "
        "every code and Chinese name (e.g. {known})",
    ),
}

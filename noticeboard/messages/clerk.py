"""The clerk's tools: import, skeletons, status, preview, doctor."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- output (the output folder, the batch and the CLI) ---
    "status_required_twice": (
        "「{name}」与「{other}」是同一类事项，required 里只能写一次",
        "`{name}` and `{other}` are the same kind; list it once in required",
    ),
    "import_no_sheet": ("表格里没有名为「{sheet}」的工作表；现有的工作表：{known}",
                        "the workbook has no sheet `{sheet}`; its sheets: {known}"),
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
    # rendering
    "status_nothing_required": (
        "{file} 中没有 required（必须公开的事项），无法判断缺失；"
        "例如 required: {{finance: 季度, relief: 月}}",
        "{file} has no `required:` list, e.g. required: {{finance: quarter, relief: month}}",
    ),
    # A symlink must not lead out of the folder being processed (workspace.py).
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
}

"""Spreadsheets to items: a clerk's .xlsx or .csv with Chinese headers becomes item YAML.

Amounts are read exactly (text as typed; a float from Excel only when it is a
whole number of cents), every rejected row is reported with its row number, and
columns that are unknown or hold personal data are named, never silently used.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from noticeboard.errors import NoticeboardError, error
from noticeboard.loader import decode_text
from noticeboard.models.common import parse_money
from noticeboard.models.finance import ExpenseRow, IncomeRow
from noticeboard.models.keys import field_label
from noticeboard.models.relief import Recipient
from noticeboard.rules.privacy import SENSITIVE_KEYS
from noticeboard.validation import validation_findings

# Header text → column name, per kind. Headers are matched after removing spaces,
# line breaks and a unit in brackets: "金额\n（元）" is "金额".
COLUMNS: dict[str, dict[str, str]] = {
    "finance": {
        "日期": "date", "凭证号": "voucher", "凭证": "voucher", "凭证编号": "voucher",
        "摘要": "summary", "类别": "category", "科目": "category", "收入": "income",
        "收入金额": "income", "支出": "expense", "支出金额": "expense", "经手人": "handler",
        "审批人": "approver",
    },
    "relief": {
        "姓名": "name", "户主姓名": "name", "户主": "name", "村民小组": "group", "组别": "group",
        "小组": "group", "保障人数": "household_size", "人数": "household_size",
        "类别": "category", "金额": "amount", "发放金额": "amount", "备注": "note",
    },
}
REQUIRED = {"finance": {"date", "voucher", "summary", "category", "handler"},
            "relief": {"name", "group", "household_size", "category", "amount"}}
TOTAL_WORDS = ("合计", "小计", "总计")
CENT = Decimal("0.01")


@dataclass
class ImportResult:
    kind: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)   # "第 7 行：…"
    notes: list[str] = field(default_factory=list)      # columns skipped, totals skipped

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def read_table(path: Path, sheet: str | None = None) -> list[tuple[int, list[Any]]]:
    """Rows as (spreadsheet row number, cells); merged header cells filled in."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix == ".csv":
        text, notes = decode_text(path.read_bytes())
        if text is None:
            raise NoticeboardError([f.located(path, {}) for f in notes])
        return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
    raise NoticeboardError([error("import_format", suffix=suffix or "?").located(path, {})])


def _read_xlsx(path: Path, sheet: str | None) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)  # data_only: formulas' last results
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise NoticeboardError([error("import_unreadable", reason=str(exc)).located(path, {})]) from None
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    for merged in list(worksheet.merged_cells.ranges):
        value = worksheet.cell(merged.min_row, merged.min_col).value
        worksheet.unmerge_cells(str(merged))
        for row in range(merged.min_row, merged.max_row + 1):  # a header merged across rows
            worksheet.cell(row, merged.min_col).value = value
    return [(n, list(row)) for n, row in enumerate(worksheet.iter_rows(values_only=True), start=1)]


def _header_name(cell: Any) -> str:
    text = re.sub(r"\s+", "", str(cell or ""))
    return re.sub(r"[（(][^）)]*[）)]$", "", text)


def import_rows(table: list[tuple[int, list[Any]]], kind: str) -> ImportResult:
    columns = COLUMNS[kind]
    header_at = _header_row(table, columns)
    headers = _headers(table, header_at)
    result = ImportResult(kind)
    mapping = _map_columns(headers, columns, result)
    missing = REQUIRED[kind] - set(mapping.values())
    if missing:
        first_header = {name: header for header, name in reversed(columns.items())}
        names = [
            first_header[name] for name in dict.fromkeys(columns.values()) if name in missing]
        raise NoticeboardError([error("import_missing_columns", columns="、".join(names))])
    for number, row in table[header_at + 1:]:
        _take_row(number, row, mapping, result)
    return result


def _header_row(table: list[tuple[int, list[Any]]], columns: dict[str, str]) -> int:
    """The row, among the first fifteen, that names the most known columns (a title
    above it, or a header split over two rows, is common in clerks' sheets)."""
    counts = [sum(_header_name(c) in columns for c in row) for _, row in table[:15]]
    best = max(counts, default=0)
    if best < 2:
        raise NoticeboardError([error("import_no_header", known="、".join(columns))])
    return len(counts) - 1 - counts[::-1].index(best)


def _headers(table: list[tuple[int, list[Any]]], header_at: int) -> list[str]:
    """Column names from the header row; an empty cell takes the name above it."""
    headers = [_header_name(c) for c in table[header_at][1]]
    for index, name in enumerate(headers):
        for _, row in reversed(table[:header_at]):
            if name:
                break
            name = _header_name(row[index]) if index < len(row) else ""
        headers[index] = name
    return headers


def _map_columns(headers: list[str], columns: dict[str, str], result: ImportResult) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        if header.lower() in SENSITIVE_KEYS or header in SENSITIVE_KEYS:
            result.notes.append(f"列「{header}」属于个人隐私，未导入")
        elif header in columns and columns[header] not in mapping.values():
            mapping[index] = columns[header]
        else:
            result.notes.append(f"未识别的列「{header}」，未导入")
    return mapping


def _take_row(number: int, row: list[Any], mapping: dict[int, str], result: ImportResult) -> None:
    values = {name: row[i] for i, name in mapping.items() if i < len(row)}
    if all(v is None or str(v).strip() == "" for v in values.values()):
        return
    if any(str(v).strip().startswith(TOTAL_WORDS) for v in row if isinstance(v, str)):
        result.notes.append(f"第 {number} 行是合计行，已跳过（合计由工具计算）")
        return
    try:
        target, data = _row_data(result.kind, values)
    except ValueError as exc:
        result.rejected.append(f"第 {number} 行：{exc}")
        return
    model = {"income": IncomeRow, "expense": ExpenseRow, "recipients": Recipient}[target]
    problem = _validate(model, data)
    if problem:
        result.rejected.append(f"第 {number} 行：{problem}")
        return
    data["amount"] = str(parse_money(data["amount"]))  # "1,300.25" is written 1300.25
    result.rows.setdefault(target, []).append(data)


def _row_data(kind: str, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    data = {name: cell_text(value, name) for name, value in values.items()
            if value is not None and str(value).strip() != ""}
    if kind == "relief":
        return "recipients", data
    income, expense = data.pop("income", None), data.pop("expense", None)
    if income and expense:
        raise ValueError("同一行既有收入又有支出，请分成两行")
    if not income and not expense:
        raise ValueError("没有金额（收入和支出都是空的）")
    return ("income", {**data, "amount": income}) if income else ("expense", {**data, "amount": expense})


def cell_text(value: Any, column: str) -> str:
    """A cell as the exact text it stands for: money to the cent, dates ISO, ints plain."""
    if isinstance(value, datetime | date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
        return _number_text(value, column)
    return str(value).strip()


def _number_text(value: float | int | Decimal, column: str) -> str:
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if column in ("income", "expense", "amount"):
        cents = number.quantize(CENT)
        # A float from Excel is exact only to about 15 digits: 0.1+0.2 is 0.30000000000000004.
        if abs(cents - number) > Decimal("0.000001"):
            raise ValueError(f"金额「{value}」超过两位小数，请在表格里改正")
        return str(cents)
    if number == number.to_integral_value():
        return str(int(number))
    return str(number)


def _validate(model: type[BaseModel], data: dict[str, Any]) -> str | None:
    """The first problem with a row, in the words `check` would use; None when valid."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        finding = validation_findings(exc, model)[0]
        column = field_label(model, finding.field_path) if finding.field_path else ""
        return f"{column} {finding.message()}".strip()
    return None


def item_yaml(result: ImportResult, period: str | None, source: str) -> str:
    """The imported rows as an item file. Fields the spreadsheet cannot give are left
    empty, so `noticeboard check` refuses the file until the clerk fills them in."""
    lines = [f"# 由 {source} 导入。请核对，并填写下面空着的项目（不填，检查不会通过）。",
             f"kind: {result.kind}",
             f"period: {period or ''}    # 所属期间，如 2026-Q3、2026-10",
             "posted:           # 公开日期",
             "reviewed_by:      # 村务监督委员会审核人",
             "reviewed_on:      # 审核日期"]
    if result.kind == "finance":
        income = sum(Decimal(r["amount"]) for r in result.rows.get("income", []))
        expense = sum(Decimal(r["amount"]) for r in result.rows.get("expense", []))
        lines.append("opening_balance:  # 期初余额")
        for section in ("income", "expense"):
            lines.append(f"{section}:" if result.rows.get(section) else f"{section}: []")
            lines += _rows(result.rows.get(section, []))
        lines.append(f"closing_balance:  # 期末余额 = 期初余额 + {income:.2f} − {expense:.2f}")
    else:
        lines.append("program:          # 项目，如 农村最低生活保障金")
        lines.append("recipients:")
        lines += _rows(result.rows.get("recipients", []))
    return "\n".join(lines) + "\n"


def _rows(rows: list[dict[str, Any]]) -> list[str]:
    lines = []
    for row in rows:
        for index, (key, value) in enumerate(row.items()):
            lines.append(f"{'  - ' if index == 0 else '    '}{key}: {yaml_scalar(value)}")
    return lines


_PLAIN_SAFE = re.compile(r"^[^\s:#{}\[\],&*?|<>=!%@`'\"-][^:#{}\[\],&*|<>`'\"]*$")


def yaml_scalar(text: str) -> str:
    """Plain when that reads back as the same text, else single-quoted."""
    if _PLAIN_SAFE.match(text) and text == text.strip():
        return text
    return "'" + text.replace("'", "''") + "'"

"""Spreadsheets to items: a clerk's .xlsx or .csv with Chinese headers becomes item YAML.

Amounts are read exactly (text as typed; a float from Excel only when it is a
whole number of cents), every rejected row is reported with its row number, and
columns that are unknown or hold personal data are named, never silently used.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from noticeboard.checks.validation import validation_findings
from noticeboard.errors import Finding, Localized, NoticeboardError, error, os_reason, warning
from noticeboard.formatting import money
from noticeboard.kinds.common import parse_money
from noticeboard.kinds.finance import ExpenseRow, IncomeRow
from noticeboard.kinds.keys import field_label
from noticeboard.kinds.relief import Recipient
from noticeboard.personal_data import SENSITIVE_KEYS, mask_personal
from noticeboard.sources.loader import NULL_WORDS, decode_text

# Header text → column name, per kind. Headers are matched after removing spaces,
# line breaks and a unit in brackets: "金额\n（元）" is "金额".
COLUMNS: dict[str, dict[str, str]] = {
    "finance": {
        "日期": "date", "凭证号": "voucher", "凭证": "voucher", "凭证编号": "voucher",
        "摘要": "summary", "类别": "category", "科目": "category", "类型": "category",
        "收入": "income", "收入金额": "income", "支出": "expense", "支出金额": "expense",
        "经手人": "handler", "审批人": "approver",
    },
    "relief": {
        "姓名": "name", "户主姓名": "name", "户主": "name", "村民小组": "group", "组别": "group",
        "小组": "group", "保障人数": "household_size", "人数": "household_size",
        "家庭人口": "household_size", "人口": "household_size", "家庭人数": "household_size",
        "类别": "category", "救助类别": "category", "保障类别": "category", "类型": "category",
        "金额": "amount", "发放金额": "amount", "备注": "note",
    },
}
REQUIRED = {"finance": {"date", "voucher", "summary", "handler"},
            "relief": {"name", "group", "household_size", "amount"}}
# Required in the item but often absent from a sheet: left blank in every row, for the
# clerk to fill (check refuses the file until then), rather than refusing the sheet.
BLANK_WHEN_MISSING = {"category"}
# 合计, 小计, 总计, 本月合计, `合  计`… (spaces inside are removed before matching).
TOTAL_RE = re.compile(r"^(本[月季期年])?(合计|小计|总计)")
CENT = Decimal("0.01")
PLACEHOLDER = "待填写"  # stands for a blank column while a row is validated


@dataclass
class Rejected:
    """A row left out, and where in the item it would have gone."""

    number: int
    reason: Finding
    section: str
    position: int           # how many rows of `section` come before it
    cells: list[str]


@dataclass
class ImportResult:
    kind: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)    # columns skipped, totals agreed
    totals: list[Finding] = field(default_factory=list)   # sheet totals that disagree
    blanks: list[str] = field(default_factory=list)       # columns left blank to fill
    private: set[int] = field(default_factory=set)        # columns of personal data, never copied
    _since_total: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    @property
    def problems(self) -> list[Finding]:
        """Rejected rows and disagreeing totals, in the sheet's row order."""
        return sorted([r.reason for r in self.rejected] + self.totals,
                      key=lambda f: f.params.get("row", 0))


def read_table(path: Path, sheet: str | None = None) -> list[tuple[int, list[Any]]]:
    """Rows as (spreadsheet row number, cells); merged header cells filled in."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix == ".csv":
        try:
            raw = path.read_bytes()
        except OSError as exc:  # a folder named like a table, no permission
            raise NoticeboardError([error("import_unreadable", reason=os_reason(exc))
                                    .located(path, {})]) from None
        text, notes = decode_text(raw)
        if text is None:
            raise NoticeboardError([f.located(path, {}) for f in notes])
        return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
    raise NoticeboardError([error("import_format", suffix=suffix or "?").located(path, {})])


def _read_xlsx(path: Path, sheet: str | None) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)  # data_only: formulas' last results
    except OSError as exc:
        raise NoticeboardError([error("import_unreadable", reason=os_reason(exc))
                                .located(path, {})]) from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged file; theirs is English
        reason = Localized("文件已损坏，或不是 Excel（.xlsx）表格", str(exc))
        raise NoticeboardError([error("import_unreadable", reason=reason)
                                .located(path, {})]) from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise NoticeboardError([error("import_no_sheet", sheet=sheet,
                                      known="、".join(workbook.sheetnames)).located(path, {})])
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
    first_header = {name: header for header, name in reversed(columns.items())}
    for name in sorted(BLANK_WHEN_MISSING - set(mapping.values())):
        result.blanks.append(name)
        result.notes.append(warning("import_column_blank", header=first_header[name]))
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
            result.notes.append(warning("import_column_private", header=header))
            result.private.add(index)
        elif header in columns and columns[header] not in mapping.values():
            mapping[index] = columns[header]
        else:
            result.notes.append(warning("import_column_unknown", header=header))
    return mapping


def _take_row(number: int, row: list[Any], mapping: dict[int, str], result: ImportResult) -> None:
    values = {name: row[i] for i, name in mapping.items() if i < len(row)}
    if all(_blank(v) for v in values.values()):
        return
    # A rejected row is copied into the item as a comment: not its private columns, and
    # no personal number in full (the item file is attached to the poster).
    cells = ["" if _blank(v) or i in result.private else mask_personal(_shown_cell(v))
             for i, v in enumerate(row)]
    label = next((_total_word(v) for v in row if _total_word(v)), None)
    if label is not None:
        _check_total(number, label, values, result)
        return
    section = _section(result.kind, values, result)
    try:
        target, data = _row_data(result.kind, values, number)
    except RowProblem as problem:
        _reject(result, number, problem.finding, section, cells)
        return
    models: dict[str, type[BaseModel]] = {"income": IncomeRow, "expense": ExpenseRow, "recipients": Recipient}
    model = models[target]
    invalid = _validate(model, {**{c: PLACEHOLDER for c in result.blanks}, **data}, number)
    if invalid:
        _reject(result, number, invalid, target, cells)
        return
    data["amount"] = str(parse_money(data["amount"]))  # "1,300.25" is written 1300.25
    for column in result.blanks:
        data[column] = None
    result.rows.setdefault(target, []).append({**data, "_row": number})


class RowProblem(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.message("en"))
        self.finding = finding


def _shown_cell(value: Any) -> str:
    if isinstance(value, datetime | date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e6:
        return str(int(value))  # Excel's 1.10105194912310e+17: digits, so the ID is masked
    return str(value).strip()


def _blank(value: Any) -> bool:
    return value is None or str(value).strip() == ""


def _total_word(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    match = TOTAL_RE.match(re.sub(r"\s+", "", value))
    return match[0] if match else None


def _section(kind: str, values: dict[str, Any], result: ImportResult) -> str:
    """Where a rejected row would have gone: the column its amount stands in, else
    beside the row above it."""
    if kind == "relief":
        return "recipients"
    if not _blank(values.get("income")) and _blank(values.get("expense")):
        return "income"
    if not _blank(values.get("expense")):
        return "expense"
    taken = [(rows[-1]["_row"], name) for name, rows in result.rows.items() if rows]
    return max(taken)[1] if taken else "income"


def _reject(result: ImportResult, number: int, reason: Finding, section: str,
            cells: list[str]) -> None:
    position = len(result.rows.get(section, []))
    result.rejected.append(Rejected(number, reason, section, position, cells))


def _row_data(kind: str, values: dict[str, Any], number: int) -> tuple[str, dict[str, Any]]:
    data = {}
    for name, value in values.items():
        if _blank(value):
            continue
        try:
            data[name] = cell_text(value, name)
        except ValueError:
            raise RowProblem(error("import_row_cents", row=number, value=value)) from None
    if kind == "relief":
        return "recipients", data
    income, expense = data.pop("income", None), data.pop("expense", None)
    if income and expense:
        raise RowProblem(error("import_row_both", row=number))
    if not income and not expense:
        raise RowProblem(error("import_row_no_amount", row=number))
    return ("income", {**data, "amount": income}) if income else ("expense", {**data, "amount": expense})


TOTAL_COLUMNS = {"finance": (("income", "收入", "income"), ("expense", "支出", "expense")),
                 "relief": (("recipients", "金额", "amount"),)}


def _check_total(number: int, word: str, values: dict[str, Any], result: ImportResult) -> None:
    """Compare a total row of the sheet with the rows imported above it (since the last
    total row, for a 小计). A difference is an error naming both figures and the rows left
    out; the row itself is never imported."""
    for section, label, column in TOTAL_COLUMNS[result.kind]:
        stated_cell = values.get("amount" if result.kind == "relief" else column)
        if _blank(stated_cell):
            continue
        since = result._since_total.get(section, 0) if word.endswith("小计") else 0
        rows = [r for r in result.rows.get(section, []) if r["_row"] > since]
        left_out = [r.number for r in result.rejected if r.number > since and
                    (r.section == section or result.kind == "relief")]
        name = Localized(f"{label}{word}", f"{column} {'subtotal' if '小' in word else 'total'}")
        try:
            stated = parse_money(cell_text(stated_cell, "amount"))
        except (ValueError, PydanticCustomError):
            result.notes.append(warning("import_total_unreadable", row=number, label=name,
                                        value=str(stated_cell).strip()))
            continue
        computed = sum((Decimal(r["amount"]) for r in rows), Decimal("0.00"))
        if stated == computed:
            result.notes.append(warning("import_total_agrees", row=number, label=name,
                                        stated=money(stated)))
        else:
            result.totals.append(error(
                "import_total_mismatch", row=number, label=name, stated=money(stated),
                computed=money(computed), diff=money(stated - computed),
                left_out=_row_list(left_out)))
    for section, _, _ in TOTAL_COLUMNS[result.kind]:
        result._since_total[section] = number


def _row_list(numbers: list[int]) -> Localized:
    if not numbers:
        return Localized("无", "none")
    return Localized("第 " + "、".join(map(str, numbers)) + " 行", ", ".join(map(str, numbers)))


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


def _validate(model: type[BaseModel], data: dict[str, Any], number: int) -> Finding | None:
    """The first problem with a row, in the words `check` would use; None when valid."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        finding = validation_findings(exc, model)[0]
        column = field_label(model, finding.field_path) if finding.field_path else ""
        return error("import_row_invalid", row=number, column=column,
                     problem=Localized(finding.message("zh"), finding.message("en")))
    return None


def item_yaml(result: ImportResult, period: str | None, source: str) -> str:
    """The imported rows as an item file. Fields the spreadsheet cannot give are left
    empty, so `noticeboard check` refuses the file until the clerk fills them in; rows
    left out stand as comments where they would have been, with the reason."""
    lines = [f"# 由 {_comment_text(source)} 导入。请核对，并填写下面空着的项目（不填，检查不会通过）。",
             f"kind: {result.kind}",
             f"period: {yaml_scalar(period) if period else ''}    # 所属期间，如 2026-Q3、2026-10",
             "posted:           # 公开日期",
             "reviewed_by:      # 村务监督委员会审核人",
             "reviewed_on:      # 审核日期"]
    if result.kind == "finance":
        income = sum(Decimal(r["amount"]) for r in result.rows.get("income", []))
        expense = sum(Decimal(r["amount"]) for r in result.rows.get("expense", []))
        lines.append("accountant:       # 会计")
        lines.append("opening_balance:  # 期初余额")
        for section in ("income", "expense"):
            lines.append(f"{section}:" if result.rows.get(section) else f"{section}: []")
            lines += _rows(result, section)
        lines.append(f"closing_balance:  # 期末余额 = 期初余额 + {income:.2f} − {expense:.2f}")
    else:
        lines.append("program:          # 项目，如 农村最低生活保障金")
        lines.append("recipients:" if result.rows.get("recipients") else "recipients: []")
        lines += _rows(result, "recipients")
    return "\n".join(lines) + "\n"


_BLANK_NOTES = {"category": "类别：表格里没有这一列，请填写"}


def _rows(result: ImportResult, section: str) -> list[str]:
    rows = result.rows.get(section, [])
    lines = []
    for position in range(len(rows) + 1):
        for rejected in (r for r in result.rejected
                         if r.section == section and r.position == position):
            lines += _rejected_comment(rejected)
        if position == len(rows):
            break
        fields = [(k, v) for k, v in rows[position].items() if k != "_row"]
        for index, (key, value) in enumerate(fields):
            lead = "  - " if index == 0 else "    "
            if value is None:
                lines.append(f"{lead}{key}:    # {_BLANK_NOTES.get(key, '请填写')}")
            else:
                lines.append(f"{lead}{key}: {yaml_scalar(value)}")
    return lines


def _rejected_comment(rejected: Rejected) -> list[str]:
    reason = rejected.reason.message("zh")
    cells = " | ".join(rejected.cells).rstrip(" |")
    return [f"  # 未导入 —— {_comment_text(reason)}",
            f"  #   第 {rejected.number} 行原文：{_comment_text(cells)}"]


def _comment_text(text: str) -> str:
    """One comment line: a line break inside a cell would end the comment."""
    return re.sub(r"[\r\n\u2028\u2029\x85]+", " ⏎ ", text)


_PLAIN_SAFE = re.compile(r"^[^\s:#{}\[\],&*?|<>=!%@`'\"-][^:#{}\[\],&*|<>`'\"]*$")


def yaml_scalar(text: str) -> str:
    """Plain when that reads back as the same text; else double-quoted with escapes (a
    JSON string is a YAML double-quoted scalar), so `null`, `~`, a line break or a control
    character come back exactly as the sheet had them."""
    if _PLAIN_SAFE.match(text) and text == text.strip() and text not in NULL_WORDS \
            and text.isprintable():
        return text
    return json.dumps(text, ensure_ascii=False)

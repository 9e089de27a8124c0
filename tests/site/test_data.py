"""Each item's data for download: CSV tables with Chinese headers, from the checked model,
and a datapackage.json (Frictionless; a ledger's is a Fiscal Data Package)."""

from __future__ import annotations

import csv
import io
import json

from noticeboard.site.log import read_log


def version(site, item):
    log, _ = read_log(site)
    entry = log.versions(f"双河村/{item}")[-1]
    return site / entry.item / entry.code, entry


def rows(path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode())  # spreadsheet programs read the Chinese right
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_ledger_is_a_fiscal_data_package_with_its_rows_as_csv(built):
    folder, entry = version(built[1], "2026-Q3-财务")
    assert rows(folder / "income.csv") == [
        ["日期", "凭证号", "摘要", "类别", "金额", "经手人"],
        ["2026-07-01", "记-001", "村集体厂房租金收入", "发包及上交收入", "2000.50", "陈静"]]
    header, expense = rows(folder / "expense.csv")
    assert header[:8] == ["日期", "凭证号", "摘要", "类别", "金额", "经手人", "审批人", "决策情况·决策机构"]
    assert "决策情况·表决情况·赞成" in header  # a decision left out keeps its (empty) columns
    assert expense == ["2026-08-02", "付-001", "村委会办公用品采购", "管理费用", "300.25", "刘洋", "张建国",
                       *[""] * (len(header) - 7)]
    item = rows(folder / "item.csv")
    assert dict(zip(*item, strict=True))["期初余额"] == "1000.00"
    assert dict(zip(*item, strict=True))["所属期间"] == "2026年第三季度"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "fiscal-data-package"
    assert package["fiscalPeriod"] == {"start": "2026-07-01", "end": "2026-09-30"}
    assert package["noticeboard"]["record_sha256"] == entry.fields["record_sha256"]
    assert [r["path"] for r in package["resources"]] == ["item.csv", "income.csv", "expense.csv"]
    income = package["resources"][1]
    assert income["encoding"] == "utf-8-sig" and income["format"] == "csv"
    assert [(f["name"], f["type"]) for f in income["schema"]["fields"]] == [
        ("日期", "date"), ("凭证号", "string"), ("摘要", "string"), ("类别", "string"),
        ("金额", "number"), ("经手人", "string")]
    assert package["model"]["measures"] == {
        "income-amount": {"source": "金额", "resource": "income", "currency": "CNY",
                          "direction": "revenue", "title": "收入·金额"},
        "expense-amount": {"source": "金额", "resource": "expense", "currency": "CNY",
                           "direction": "expenditure", "title": "支出·金额"}}


def test_a_list_of_people_is_a_table_of_the_columns_the_poster_prints(built):
    folder, _ = version(built[1], "2026-10-低保")
    assert rows(folder / "recipients.csv") == [
        ["户主姓名", "村民小组", "保障人数", "类别", "金额", "备注"],
        ["王桂英", "第一村民小组", "2", "一类低保", "1120.00", ""],
        ["刘长水", "第二村民小组", "1", "特困供养", "980.00", ""]]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package" and "model" not in package

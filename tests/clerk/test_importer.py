"""Spreadsheets made by the tests, imported exactly; every rejected row named."""

import datetime

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from noticeboard.clerk.importer import cell_text, yaml_scalar
from noticeboard.cli import app
from noticeboard.sources.loader import load_yaml_file
from tests.conftest import write

runner = CliRunner()


def finance_workbook(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["双河村2026年第三季度收支明细"])
    sheet.merge_cells("A1:I1")                       # a title across the table
    sheet.append(["日期", "凭证号", "摘要", "类别", "金额", None, "经手人", "审批人", "身份证号"])
    sheet.append([None, None, None, None, "收入\n（元）", "支出（元）", None, None, None])
    sheet.merge_cells("E2:F2")                       # 金额 over 收入 and 支出
    sheet.merge_cells("A2:A3")                       # headers merged over two rows
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:C3")
    sheet.merge_cells("D2:D3")
    sheet.merge_cells("G2:G3")
    sheet.merge_cells("H2:H3")
    sheet.append([datetime.date(2026, 7, 1), "记-001", "厂房租金", "发包及上交收入", 2000.5, None, "陈静"])
    sheet.append(["2026-08-02", "付-001", "办公用品", "管理费用", None, "1,300.25", "刘洋", "张建国"])
    sheet.append([datetime.date(2026, 8, 3), "付-002", "电费", "管理费用", None, 0.1 + 0.2, "刘洋", "张建国"])
    sheet.append([datetime.date(2026, 8, 4), "付-003", "修路", "公益支出", None, "abc", "刘洋", "张建国"])
    sheet.append([datetime.date(2026, 8, 5), "付-004", "补贴", "管理费用", None, 12.345, "刘洋", "张建国"])
    sheet.append([datetime.date(2026, 8, 6), "付-005", "劳务", "管理费用", 5, 5, "刘洋", "张建国"])
    sheet.append([None] * 8)
    sheet.append(["合计", None, None, None, 2000.5, 1300.55])
    book.save(path)


def test_xlsx_with_merged_headers_and_numbers_as_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finance_workbook(tmp_path / "账.xlsx")
    result = runner.invoke(app, ["import", "账.xlsx", "--kind", "finance", "--period", "2026-Q3"])
    assert result.output.splitlines() == [
        "账.xlsx: 提示: 列「身份证号」属于个人隐私，未导入",
        "账.xlsx: 错误: 第 7 行：金额（amount） 「abc」不是有效的金额，请写成 1234.50 这样的数字",
        "账.xlsx: 错误: 第 8 行：金额「12.345」超过两位小数，请在表格里改正",
        "账.xlsx: 错误: 第 9 行同时填了收入和支出：一笔账只能是收入或支出，请分成两行",
        "账.xlsx: 提示: 第 11 行是表格的收入合计（¥2,000.50），与导入的各行相符；合计行本身不导入",
        "账.xlsx: 提示: 第 11 行是表格的支出合计（¥1,300.55），与导入的各行相符；合计行本身不导入",
        "已写入 账.yaml",
        "导入 3 行，拒绝 3 行",
    ]
    assert result.exit_code == 1
    data = load_yaml_file(tmp_path / "账.yaml").data
    assert data["period"] == "2026-Q3"
    assert [(r["date"], r["voucher"], r["amount"]) for r in data["income"]] == [
        ("2026-07-01", "记-001", "2000.50")]
    assert [(r["voucher"], r["amount"]) for r in data["expense"]] == [
        ("付-001", "1300.25"), ("付-002", "0.30")]
    text = (tmp_path / "账.yaml").read_text(encoding="utf-8")
    assert "身份证" not in text
    # rows left out stand where they would have been, with the reason
    assert text.split("    amount: 0.30\n", 1)[1].split("closing_balance")[0] == (
        "  # 未导入 —— 第 7 行：金额（amount） 「abc」不是有效的金额，请写成 1234.50 这样的数字\n"
        "  #   第 7 行原文：2026-08-04 | 付-003 | 修路 | 公益支出 |  | abc | 刘洋 | 张建国\n"
        "  # 未导入 —— 第 8 行：金额「12.345」超过两位小数，请在表格里改正\n"
        "  #   第 8 行原文：2026-08-05 | 付-004 | 补贴 | 管理费用 |  | 12.345 | 刘洋 | 张建国\n"
        "  # 未导入 —— 第 9 行同时填了收入和支出：一笔账只能是收入或支出，请分成两行\n"
        "  #   第 9 行原文：2026-08-06 | 付-005 | 劳务 | 管理费用 | 5 | 5 | 刘洋 | 张建国\n")


def test_imported_file_checks_once_the_blanks_are_filled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finance_workbook(tmp_path / "账.xlsx")
    runner.invoke(app, ["import", "账.xlsx", "--kind", "finance", "--period", "2026-Q3"])
    text = (tmp_path / "账.yaml").read_text(encoding="utf-8")
    assert runner.invoke(app, ["check", "账.yaml"]).exit_code == 1  # blanks are errors
    filled = (text.replace("posted:  ", "posted: 2026-10-08  ")
              .replace("reviewed_by:  ", "reviewed_by: 孙立平  ")
              .replace("reviewed_on:  ", "reviewed_on: 2026-10-06  ")
              .replace("accountant:  ", "accountant: 周会计  ")
              .replace("opening_balance:  ", "opening_balance: 100.00  ")
              .replace("closing_balance:  ", "closing_balance: 799.95  "))
    write(tmp_path / "账.yaml", filled)
    write(tmp_path / "village.yaml", "name: 双河村\nphone: 1\n")
    result = runner.invoke(app, ["check", "账.yaml"])
    assert result.output == "检查了 1 个文件：0 个错误，0 个警告\n"


def test_relief_from_a_gbk_csv(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    csv_text = ("户主姓名,村民小组,保障人数,类别,金额（元）,联系电话,家庭住址,备注\n"
                "王桂英,第一村民小组,2,一类低保,1120,13812345678,某路1号,\n"
                "刘长水,第二村民小组,一,特困供养,980.00,,,新纳入\n"
                "吉𠮷祥,第二村民小组,3,一类低保,\"1,680.00\",,,\n")
    (tmp_path / "低保.csv").write_bytes(csv_text.encode("gb18030"))
    result = runner.invoke(app, ["import", "低保.csv", "--kind", "relief", "-o", "out.yaml"])
    assert result.output.splitlines() == [
        "低保.csv: 提示: 列「联系电话」属于个人隐私，未导入",
        "低保.csv: 提示: 列「家庭住址」属于个人隐私，未导入",
        "低保.csv: 错误: 第 3 行：保障人数（household_size） 「一」不是整数",
        "已写入 out.yaml",
        "导入 2 行，拒绝 1 行",
    ]
    rows = load_yaml_file(tmp_path / "out.yaml").data["recipients"]
    assert [(r["name"], r["household_size"], r["amount"]) for r in rows] == [
        ("王桂英", "2", "1120.00"), ("吉𠮷祥", "3", "1680.00")]
    assert "13812345678" not in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_missing_columns_and_no_header(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("姓名,金额\n王,1\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "a.csv", "--kind", "relief"])
    assert result.output == "a.csv: 错误: 表格缺少必需的列：村民小组、保障人数\n"
    assert result.exit_code == 1
    (tmp_path / "b.csv").write_text("甲,乙\n1,2\n", encoding="utf-8")
    assert "找不到表头" in runner.invoke(app, ["import", "b.csv", "--kind", "relief"]).output
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    assert runner.invoke(app, ["import", "c.txt", "--kind", "relief"]).output == \
        "c.txt: 错误: 不支持 .txt 文件，请另存为 .xlsx 或 .csv\n"


@pytest.mark.parametrize(("value", "column", "text"), [
    (2000.5, "amount", "2000.50"), (0.1 + 0.2, "amount", "0.30"), (3, "household_size", "3"),
    (3.0, "household_size", "3"), ("001", "voucher", "001"), (datetime.datetime(2026, 7, 1, 0, 0), "date", "2026-07-01"),
])
def test_cells_are_read_exactly(value, column, text):
    assert cell_text(value, column) == text


@pytest.mark.parametrize("text", ["厂房租金", "yes", "1:30", "a: b", "#1", "- x", "'引号'", "{x}", "0571"])
def test_yaml_scalars_read_back_as_written(tmp_path, text):
    path = write(tmp_path / "x.yaml", f"v: {yaml_scalar(text)}\n")
    assert load_yaml_file(path).data == {"v": text}


def test_init_a_township_and_refuse_to_overwrite(tmp_path):
    folder = tmp_path / "红旗镇"
    result = runner.invoke(app, ["init", str(folder), "--township", "红旗镇", "--village", "东村",
                                 "--village", "西村"])
    assert result.exit_code == 0
    assert load_yaml_file(folder / "township.yaml").data["name"] == "红旗镇"
    assert load_yaml_file(folder / "东村" / "village.yaml").data["committee"] == "东村村民委员会"
    again = runner.invoke(app, ["init", str(folder), "--township", "红旗镇", "--village", "南村"])
    assert again.exit_code == 1
    assert not (folder / "南村").exists()  # all or nothing
    assert "没有找到公开事项文件" in runner.invoke(app, ["check", str(folder)]).output


def test_init_one_village_here(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path), "--village", "东村"])
    assert result.exit_code == 0
    assert (tmp_path / "village.yaml").is_file()
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 2


def ledger_csv(path, rows, total):
    lines = ["日期,凭证号,摘要,类别,收入,支出,经手人,审批人", *rows, total]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_sheet_total_that_disagrees_names_both_figures_and_the_rows_left_out(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ledger_csv(tmp_path / "账.csv", [
        "2026-07-01,记-001,租金,发包及上交收入,5000.00,,陈静,",
        "2026-07-02,记-002,补助,补助收入,2323.46,,陈静,",
        "2026-07-03,记-003,利息,其他收入,七十六元五角四分,,陈静,",
        "2026-07-04,付-001,电费,管理费用,,100.00,刘洋,张建国",
    ], "合  计,,,,\"7,400.00\",100.00,,")
    result = runner.invoke(app, ["import", "账.csv", "--kind", "财务公开"])
    assert result.output.splitlines() == [
        "账.csv: 错误: 第 4 行：金额（amount） 「七十六元五角四分」不是有效的金额，请写成 1234.50 这样的数字",
        "账.csv: 提示: 第 6 行是表格的支出合计（¥100.00），与导入的各行相符；合计行本身不导入",
        "账.csv: 错误: 第 6 行的收入合计写的是 ¥7,400.00，导入的各行相加是 ¥7,323.46（相差 ¥76.54）；"
        "未导入的行：第 4 行",
        "已写入 账.yaml",
        "导入 3 行，拒绝 1 行",
    ]
    assert result.exit_code == 1


def test_a_subtotal_is_compared_with_the_rows_since_the_last_total(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ledger_csv(tmp_path / "账.csv", [
        "2026-07-01,记-001,租金,发包及上交收入,100.00,,陈静,",
        "本月小计,,,,100.00,,,",
        "2026-08-01,记-002,租金,发包及上交收入,50.00,,陈静,",
        "本月小计,,,,60.00,,,",
    ], "合计,,,,150.00,,,")
    result = runner.invoke(app, ["import", "账.csv", "--kind", "finance", "--lang", "en"])
    assert result.output.splitlines() == [
        "账.csv: note: row 3 is the sheet's income subtotal (¥100.00) and agrees with the "
        "imported rows; total rows are not imported",
        "账.csv: error: row 5: the sheet's income subtotal is ¥60.00, the imported rows add up to "
        "¥50.00 (difference ¥10.00); rows not imported: none",
        "账.csv: note: row 6 is the sheet's income total (¥150.00) and agrees with the imported "
        "rows; total rows are not imported",
        "wrote 账.yaml",
        "imported 2 rows, rejected 0",
    ]


def test_header_synonyms_and_a_missing_category_column_left_blank(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "低保.csv").write_text(
        "姓名,村民小组,家庭人口,金额,备注\n王桂英,第一村民小组,2,1120,\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "低保.csv", "--kind", "低保"])
    assert result.output.splitlines() == [
        "低保.csv: 提示: 表格没有「类别」列：导入的每一行都留空了这一项，请填写",
        "已写入 低保.yaml",
        "导入 1 行，拒绝 0 行",
    ]
    text = (tmp_path / "低保.yaml").read_text(encoding="utf-8")
    assert "    household_size: 2\n    amount: 1120.00\n    category:    # 类别：表格里没有这一列，请填写\n" \
        in text.replace("    group: 第一村民小组\n", "")
    (tmp_path / "b.csv").write_text(
        "户主,组别,人口,救助类别,发放金额\n刘长水,第二村民小组,1,特困供养,980\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "b.csv", "--kind", "relief"])
    assert result.output.splitlines() == ["已写入 b.yaml", "导入 1 行，拒绝 0 行"]


TRICKY_NOTES = ["null", "~", "NULL", "Null", "第一行\n第二行", "yes", "'单引号'", '"双引号"',
                "# 不是注释", "a: b", "中间  两个空格", "- 列表", "{x}", "0571", "1e3", "@", "制\t表"]
# (Spaces around a cell are trimmed on import, as a clerk expects; inside they are kept.)


def test_every_imported_file_checks_as_the_sheet_said(tmp_path, monkeypatch):
    import csv
    import io

    from noticeboard.checks.item import check_item
    from noticeboard.checks.settings import find_setting

    monkeypatch.chdir(tmp_path)
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(["户主姓名", "村民小组", "保障人数", "类别", "金额", "备注"])
    for number, note in enumerate(TRICKY_NOTES):
        table.writerow([f"户{number}", "第一村民小组", 1, "一类低保", "100.00", note])
    table.writerow(["合计", "", "", "", f"{100 * len(TRICKY_NOTES)}.00", ""])
    (tmp_path / "低保.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = runner.invoke(app, ["import", "低保.csv", "--kind", "relief", "--period", "2026-10"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "低保.yaml").read_text(encoding="utf-8")
    filled = (text.replace("posted:  ", "posted: 2026-10-10  ")
              .replace("reviewed_by:  ", "reviewed_by: 孙立平  ")
              .replace("reviewed_on:  ", "reviewed_on: 2026-10-09  ")
              .replace("program:  ", "program: 农村低保  "))
    write(tmp_path / "低保.yaml", filled)
    write(tmp_path / "village.yaml", "name: 双河村\nphone: 1\n")
    checked = check_item(tmp_path / "低保.yaml", find_setting(tmp_path)[0])
    assert [f.format() for f in checked.findings] == []
    assert [r.note for r in checked.item.recipients] == TRICKY_NOTES
    assert checked.item.amount_sum() == 100 * len(TRICKY_NOTES)


# ---- unreadable tables are said in Chinese (helper "output") -------------------------

def test_a_damaged_xlsx_a_folder_and_a_missing_sheet_are_said_in_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "坏.xlsx").write_text("not a zip")  # openpyxl: "File is not a zip file"
    (tmp_path / "文件夹.csv").mkdir()  # "[Errno 21] Is a directory"
    book = Workbook()
    book.active.title = "七月"
    book.save(tmp_path / "账.xlsx")
    cases = [
        (["坏.xlsx"], "坏.xlsx: 错误: 无法读取这个表格：文件已损坏，或不是 Excel（.xlsx）表格"),
        (["文件夹.csv"], "文件夹.csv: 错误: 无法读取这个表格：这是一个文件夹"),
        (["账.xlsx", "--sheet", "八月"], "账.xlsx: 错误: 表格里没有名为「八月」的工作表；现有的工作表：七月"),
    ]
    for args, message in cases:
        result = runner.invoke(app, ["import", *args, "--kind", "finance"])
        assert result.output == message + "\n"
        assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏.xlsx", "文件夹.csv", "账.xlsx"]
    english = runner.invoke(app, ["import", "文件夹.csv", "--kind", "finance", "--lang", "en"])
    assert english.output == "文件夹.csv: error: cannot read this spreadsheet: Is a directory\n"

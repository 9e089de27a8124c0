"""Places a personal number hid from the privacy checks: a village folder's name, the
comment the importer writes for a rejected row, a value cut to fit a message."""

from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import NOTICE_YAML, VILLAGE_YAML, check_text, write


def test_a_number_in_the_village_folder_name(township):
    """The folder names the posters and print files (`打印-<folder>.pdf`) and appears in
    report.json: it was never searched."""
    folder = township / "双河村（联系人 一三八一二三四五六七八）"
    write(folder / "village.yaml", VILLAGE_YAML)
    checked = check_text(folder, NOTICE_YAML, name="通知.yaml")
    assert [(f.code, f.message()) for f in checked.findings] == [(
        "privacy_folder_name",
        "所在文件夹的名字里有个人手机号（138****5678）：文件夹名会用作海报和打印文件的文件名，请给文件夹改名")]
    assert checked.findings[0].message("en") == (
        "the folder's name holds a personal mobile number (138****5678): it names the posters "
        "and print files made from it; rename the folder")
    assert "一三八一二三四五六七八" not in checked.findings[0].format()


def test_an_honest_folder_name_with_a_year_and_a_group_number(township):
    folder = township / "双河村-2026-第3组"
    write(folder / "village.yaml", VILLAGE_YAML)
    assert check_text(folder, NOTICE_YAML, name="2026-11-20 通知.yaml").findings == []


RELIEF_SHEET = ("姓名,村民小组,保障人数,金额,身份证号,备注\n"
                "王桂英,第一村民小组,2,1120.00,11010519491231002X,新纳入\n"
                "李四,第二村民小组,3,abc,110105194912310021,电话13812345678\n")


def test_a_rejected_row_is_copied_without_its_private_columns_or_numbers(tmp_path, monkeypatch):
    """The importer said 「列「身份证号」属于个人隐私，未导入」 and then wrote the rejected
    row into the item file as a comment, ID and mobile in full."""
    write(tmp_path / "低保.csv", RELIEF_SHEET)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", "低保.csv", "--kind", "relief"])
    assert result.exit_code == 1
    assert "低保.csv: 提示: 列「身份证号」属于个人隐私，未导入" in result.output
    written = (tmp_path / "低保.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[-1] == "  #   第 3 行原文：李四 | 第二村民小组 | 3 | abc |  | 电话138****5678"
    for number in ("110105", "13812345678", "1949"):
        assert number not in written and number not in result.output

"""Places a personal number hid from the privacy checks: a village folder's name, the
comment the importer writes for a rejected row, a value cut to fit a message."""

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import NOTICE_YAML, RELIEF_YAML, VILLAGE_YAML, check_text, write


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


# --- running text that names a person and tells their illness or address ---

HOT_ISSUE = """\
kind: hot_issue
period: 2026-Q3
posted: 2026-10-15
issues:
  - issue: {issue}
    raised_on: 2026-08-05
    investigation: 村委会8月6日现场查看
    handling: 列入路灯维修更换计划
    result: 已更换
    feedback: 已在村民小组会上通报
"""


def _notice(body):
    return NOTICE_YAML.replace("定于11月28日上午9时在村文化礼堂开会。", body)


def test_a_notice_body_naming_a_villager_with_an_illness(village):
    """Only rows of people were searched for illness words: a notice saying who is ill
    went to the board."""
    checked = check_text(village, _notice("经评议，村民王桂英因患尿毒症长期透析，纳入低保。"))
    assert [(f.code, f.field_path, f.line, f.message()) for f in checked.findings] == [(
        "privacy_illness_named", ("body",), 5,
        "这段文字点出了具体的人（「村民王桂英」），又写了其疾病或残疾情况（「患尿毒症、透析」），不得公开；"
        "请删去病情，如需说明只写救助项目名称（如 大病医疗救助）")]
    assert checked.findings[0].message("en") == (
        "this text names a person (村民王桂英) and tells their illness or disability (患尿毒症、透析), "
        "which must not be posted; remove it, or give only the programme's name (e.g. 大病医疗救助)")


def test_a_half_hidden_name_and_an_address(village):
    checked = check_text(village, _notice("王某某患肺癌住院治疗，家住东风路12号，村委会组织捐款。"))
    assert [(f.code, f.message()) for f in checked.findings] == [
        ("privacy_illness_named",
         "这段文字点出了具体的人（「王某某」），又写了其疾病或残疾情况（「患肺癌、住院」），不得公开；"
         "请删去病情，如需说明只写救助项目名称（如 大病医疗救助）"),
        ("privacy_address_named",
         "这段文字点出了具体的人（「王某某」），又写了其详细住址（「家住、路12号」），不得公开；只写村民小组即可"),
    ]


def test_a_complaint_pointing_back_at_a_household(village):
    issue = "第三村民小组一户反映低保被取消。该户户主患白血病，其妻偏瘫卧床"
    checked = check_text(village, HOT_ISSUE.format(issue=issue))
    assert [(f.code, f.field_path, f.params["who"], f.params["words"]) for f in checked.findings] == [
        ("privacy_illness_named", ("issues", 0, "issue"), "该户", "患白血病、偏瘫")]


def test_a_relief_standard_naming_a_listed_recipient(village):
    text = RELIEF_YAML.replace("days: 7\n", "days: 7\nstandard: 刘长水住院期间由村委会代领\n")
    checked = check_text(village, text)
    assert [(f.code, f.field_path, f.params["who"], f.params["words"]) for f in checked.findings] == [
        ("privacy_illness_named", ("standard",), "刘长水", "住院")]


@pytest.mark.parametrize("body", [
    "开展大病医疗救助政策宣传，为全村老人免费体检。",
    "村民应积极参加癌症筛查。",
    "村民代表会议审议因病致贫户救助方案。",
    "对残疾人两项补贴对象进行复核，重度残疾人护理补贴按月发放。",
    "本村开展慢性病随访，高血压患者请到卫生室登记。",
    "村民王桂英等3户纳入低保，名单另附。",  # a name, no detail
    "患尿毒症等重特大疾病的困难群众可申请大病救助。",  # a detail, nobody named
    "特困人员救助供养对象张某某，按月发放。",
])
def test_running_text_about_programmes_or_nobody_in_particular_is_fine(village, body):
    assert check_text(village, _notice(body)).findings == []


@pytest.mark.parametrize("key", ["公民身份号码", "联系方式", "家庭地址", "病种", "银行账户", "致贫原因"])
def test_the_names_forms_use_for_personal_data_are_refused_as_keys(village, key):
    """身份证 itself calls the number 公民身份号码: the key was 'unknown', naming the
    nearest known key, as if it only needed its spelling fixed."""
    text = RELIEF_YAML.replace("    amount: 980.00\n", f"    amount: 980.00\n    {key}: 见附件\n")
    [finding] = check_text(village, text).findings
    assert (finding.code, finding.field_path, finding.message()) == (
        "privacy_key", ("recipients", 1, key),
        f"「{key}」属于个人隐私，按国家去标识化要求不得张贴公开，请删除这一项")


@pytest.mark.parametrize("category", ["住院救助", "大病医疗救助", "重特大疾病医疗救助", "门诊救助",
                                      "残疾人两项补贴", "困难残疾人生活补贴", "特困人员救助供养"])
def test_medical_and_disability_programmes_are_categories_not_details(village, category):
    text = RELIEF_YAML.replace("category: 特困供养", f"category: {category}")
    assert check_text(village, text).findings == []


def test_a_sheet_column_named_as_on_the_id_card_is_private(tmp_path, monkeypatch):
    write(tmp_path / "低保.csv", RELIEF_SHEET.replace("身份证号", "公民身份号码"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", "低保.csv", "--kind", "relief"])
    assert "低保.csv: 提示: 列「公民身份号码」属于个人隐私，未导入" in result.output
    assert "110105" not in (tmp_path / "低保.yaml").read_text(encoding="utf-8")


# --- a number written across neighbouring fields ---

def test_an_id_split_between_a_note_and_a_category(village):
    text = RELIEF_YAML.replace("    category: 特困供养\n",
                               "    note: 身份证 110105\n    category: 19491231002X\n")
    checked = check_text(village, text)
    assert [(f.code, f.field_path, f.line, f.message()) for f in checked.findings] == [(
        "privacy_split", ("recipients", 1, "note"), 17,
        "这一栏和后面的栏目连起来是完整的身份证号（110105********002X）：海报上它们挨着印出，"
        "同样不得公开；请删除或打码")]
    assert checked.findings[0].message("en") == (
        "this field and the next together make a full ID number (110105********002X): the "
        "poster prints them side by side, so remove or mask it")


def test_an_id_over_two_agenda_lines_in_a_flow_list_is_reported_once(village):
    text = """\
        kind: meeting
        stage: 会前公告
        body: 村民代表会议
        meeting_date: 2026-11-28
        place: 村文化礼堂
        period: 2026-11
        posted: 2026-11-20
        agenda: [审议果园承包方案, 110105, 19491231002X]
        proposal: 果园公开竞价发包
        """
    checked = check_text(village, text)
    assert [(f.code, f.field_path, f.line) for f in checked.findings] == [
        ("privacy_split", ("agenda", 1), 8)]


@pytest.mark.parametrize("first, second", [
    ("1120.00", "2026-07-01"),
    ("记-0012", "1200.00"),
    ("330185", "202611281234"),  # a region code and a date-stamped number
    ("第一村民小组", "2"),
])
def test_neighbouring_amounts_and_codes_are_not_one_number(village, first, second):
    text = RELIEF_YAML.replace("    category: 特困供养\n",
                               f"    note: \"{first}\"\n    category: \"{second}\"\n")
    assert check_text(village, text).findings == []


def test_an_id_without_its_check_character_in_a_relief_note(village):
    text = RELIEF_YAML.replace("    amount: 980.00\n", "    amount: 980.00\n    note: 证号11010519491231002\n")
    [finding] = check_text(village, text).findings
    assert (finding.code, finding.field_path, finding.line, finding.message()) == (
        "privacy_id_short", ("recipients", 1, "note"), 19,
        "这里有一个少了最后一位的身份证号（110105*******1002）：缺的校验位可以算出来，它仍等于完整的身份证号，"
        "不得公开张贴，请删除或打码")


def test_an_id_stored_as_a_number_in_a_sheet_is_masked_in_a_rejected_row(tmp_path, monkeypatch):
    """Excel keeps an 18-digit ID typed as a number to 15 digits, 1.10105194912310E+17: copied so,
    the comment showed its region and birth date, which the mask did not recognise."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "村民小组", "保障人数", "金额", "证号"])
    book.active.append(["王桂英", "第一村民小组", 2, "1120.00", None])
    book.active.append(["李四", "第二村民小组", 3, "abc", 110105194912310021])
    book.save(tmp_path / "低保.xlsx")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", "低保.xlsx", "--kind", "relief"])
    assert "低保.xlsx: 提示: 未识别的列「证号」，未导入" in result.output
    written = (tmp_path / "低保.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[-1] == (
        "  #   第 3 行原文：李四 | 第二村民小组 | 3 | abc | 110105********0000")
    assert "1949" not in written and "e+17" not in written


def test_an_id_over_two_comment_lines(village):
    text = NOTICE_YAML + "# 经办人身份证：\n#   110105\n#   19491231002X\n"
    [finding] = check_text(village, text).findings
    assert (finding.code, finding.line, finding.message()) == (
        "privacy_in_comment", 10,
        "注释里有完整的身份证号（110105********002X）：注释会随源文件附在海报 PDF 里一起公开，同样不得出现，请删除或打码")


def test_an_id_over_two_lines_of_a_list(village):
    text = NOTICE_YAML + "attachments:\n  - 110105\n  - 19491231002X\n"
    assert [(f.code, f.line) for f in check_text(village, text).findings] == [
        ("key_unknown", 9), ("privacy_id_number", 10)]

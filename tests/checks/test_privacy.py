"""Personal data in items and settings: found in every field, in comments and file
names, reported with the exact message, never shown in full."""

import json

import pytest

from noticeboard.checks.item import check_item
from noticeboard.checks.privacy import check_privacy
from noticeboard.checks.settings import find_setting
from noticeboard.errors import Finding, Severity, error
from tests.conftest import NOTICE_YAML, RELIEF_YAML, check_text, codes, write

VALID_ID = "11010519491231002X"  # the check digit is valid for this sample number
WRONG_CHECK = "110105194912310021"
CARD = "6222 0212 3456 7890 123"


def messages(checked, lang="zh"):
    return [(f.code, f.field_path, f.line, f.message(lang)) for f in checked.findings]


def test_id_number_anywhere_is_an_error_and_is_not_echoed(village):
    text = NOTICE_YAML.replace("开会。", f"开会。联系人身份证 {VALID_ID}。")
    checked = check_text(village, text)
    assert messages(checked) == [(
        "privacy_id_number", ("body",), 5,
        "这里有一个完整的身份证号，不得公开张贴；请删除或打码（如 110105********002X）")]
    assert messages(checked, "en")[0][3] == (
        "a full Chinese ID number must not be posted; remove or mask it (e.g. 110105********002X)")


def test_masked_id_is_allowed(village):
    text = NOTICE_YAML.replace("开会。", "开会。证件 110105********002X，电话 138****5678。")
    assert check_text(village, text).findings == []


def test_wrong_check_digit_in_a_notice_body_is_an_id_not_a_bank_account(village):
    """Issue 14: an 18-digit number with a wrong ID check digit was called a bank account."""
    text = NOTICE_YAML.replace("开会。", f"开会。身份证号码 {WRONG_CHECK}。")
    assert messages(check_text(village, text)) == [(
        "privacy_id_check_digit", ("body",), 5,
        "这里有一个身份证号（110105********0021），最后一位校验码对不上，可能是输错了；"
        "但它仍是身份证号，不得公开张贴，请删除或打码")]


@pytest.mark.parametrize("written, code, masked", [
    ("110105 19491231 002X", "privacy_id_number", "110105********002X"),
    ("110105-1949-1231-002X", "privacy_id_number", "110105********002X"),
    ("１１０１０５１９４９１２３１００２Ｘ", "privacy_id_number", "110105********002X"),
    ("110105491231002", "privacy_old_id", "110105*****1002"),
    ("+8613812345678", "privacy_phone", "138****5678"),
    ("138 1234 5678", "privacy_phone", "138****5678"),
    ("138-1234-5678", "privacy_phone", "138****5678"),
    ("0086 138 1234 5678", "privacy_phone", "138****5678"),
    (CARD, "privacy_bank_account", "6222***********0123"),
])
@pytest.mark.parametrize("field", ["title", "body"])
def test_every_way_of_writing_in_a_title_or_body(village, written, code, masked, field):
    if field == "title":
        text = NOTICE_YAML.replace("关于召开村民代表会议的通知", f"关于{written}的通知")
    else:
        text = NOTICE_YAML.replace("开会。", f"开会。{written}")
    [finding] = check_text(village, text).findings
    assert (finding.code, finding.field_path) == (code, (field,))
    assert masked in finding.message()
    assert written not in finding.format() and written not in finding.format("en")


def test_phone_and_bank_numbers_in_a_relief_note(village):
    text = RELIEF_YAML.replace("    amount: 980.00\n",
                               f"    amount: 980.00\n    note: 电话138 1234 5678 卡号{CARD}\n")
    assert messages(check_text(village, text)) == [
        ("privacy_phone", ("recipients", 1, "note"), 19,
         "这里有一个个人手机号（138****5678），不得公开张贴，请删除；群众反映问题的电话请写在「监督电话」一栏"),
        ("privacy_bank_account", ("recipients", 1, "note"), 19,
         "这里有一个银行卡号或账号（6222***********0123），不得公开张贴，请删除"),
    ]


def test_a_complaint_text_is_checked_too():
    data = {"issues": [{"issue": "村民反映（电话 139-0000-1111）路灯损坏"}]}
    assert [(f.code, f.field_path) for f in check_privacy(data)] == [
        ("privacy_phone", ("issues", 0, "issue"))]


def test_a_mobile_in_the_official_contact_fields_is_allowed_an_id_is_not():
    assert check_privacy({"contact": "13812345678", "objection_to": "镇组织办 138-1234-5678"}) == []
    assert [f.code for f in check_privacy({"contact": VALID_ID})] == ["privacy_id_number"]


def test_illness_and_address_words_in_a_note_about_a_person(village):
    text = RELIEF_YAML.replace("    amount: 980.00\n",
                               "    amount: 980.00\n    note: 患尿毒症长期透析，住王庄村三组15号\n")
    assert messages(check_text(village, text)) == [
        ("privacy_illness", ("recipients", 1, "note"), 19,
         "这里写了个人的疾病或残疾情况（「患尿毒症、透析」），不得公开；如需说明，只写救助项目名称（如 残疾人两项补贴）"),
        ("privacy_address", ("recipients", 1, "note"), 19,
         "这里写了详细住址（「住王庄村三组15号」），不得公开；只写村民小组即可"),
    ]


def test_programme_names_are_not_illness_details(village):
    text = RELIEF_YAML.replace("category: 特困供养", "category: 残疾人两项补贴")
    assert check_text(village, text).findings == []


@pytest.mark.parametrize("key", ["身份证号", "phone", "银行卡号", "住址", "病情"])
def test_sensitive_keys_on_a_list_are_refused_with_why(village, key):
    text = RELIEF_YAML.replace("    amount: 980.00\n", f"    amount: 980.00\n    {key}: 某某\n")
    checked = check_text(village, text)
    [finding] = checked.findings
    assert finding.code == "privacy_key"
    assert finding.field_path == ("recipients", 1, key)
    assert finding.line == 19
    assert "个人隐私" in finding.message()


def test_privacy_is_checked_even_when_other_fields_are_wrong(village):
    text = RELIEF_YAML.replace("amount: 九百", "").replace("amount: 980.00", f"amount: 九百\n    note: {VALID_ID}")
    assert sorted(codes(check_text(village, text))) == ["money_format", "privacy_id_number"]


def test_a_number_in_a_comment_is_an_error_at_its_line(village):
    text = NOTICE_YAML + f"# 联系人：王某 138-1234-5678，身份证 {VALID_ID}\n"
    checked = check_text(village, text)
    assert messages(checked) == [
        ("privacy_in_comment", (), 9,
         "注释里有个人手机号（138****5678）：注释会随源文件附在海报 PDF 里一起公开，同样不得出现，请删除或打码"),
        ("privacy_in_comment", (), 9,
         "注释里有完整的身份证号（110105********002X）：注释会随源文件附在海报 PDF 里一起公开，同样不得出现，请删除或打码"),
    ]


def test_a_number_in_an_unknown_key_is_reported_and_the_key_is_masked(village):
    text = NOTICE_YAML + f"{VALID_ID}: 王某\n"
    checked = check_text(village, text)
    lines = sorted(f.format() for f in checked.findings)
    assert all(VALID_ID not in line for line in lines)
    assert sorted(codes(checked)) == ["key_unknown", "privacy_id_number"]
    assert "不认识的字段「110105********002X」" in " ".join(lines)


def test_a_file_that_does_not_parse_is_still_searched(village):
    checked = check_text(village, f"kind: notice\nbody: [{VALID_ID}\n")
    assert "privacy_id_number" in codes(checked)


def test_a_number_in_the_file_name(village):
    checked = check_text(village, NOTICE_YAML, name="王某13812345678通知.yaml")
    [finding] = checked.findings
    assert finding.code == "privacy_file_name"
    assert finding.format().endswith(
        "王某138****5678通知.yaml: 错误: 文件名里有个人手机号（138****5678）：文件名会随源文件附在海报 PDF 里，请给文件改名")


def test_loader_messages_show_a_value_masked(village):
    text = NOTICE_YAML.replace("posted: 2026-11-20", f"posted: {VALID_ID}")
    checked = check_text(village, text)
    shown = [f.message() for f in checked.findings]
    assert "「110105********002X」不是日期，请写成 2026-10-08 或 2026年10月8日" in shown
    assert not any(VALID_ID in m for m in shown)


def test_any_message_parameter_is_masked():
    finding = error("key_unknown_plain", ("x",), key="１３８－１２３４－５６７８")
    assert finding.message() == "不认识的字段「138****5678」"
    finding = Finding(Severity.ERROR, "date_format", {"value": f"{VALID_ID}"})
    assert finding.message("en") == "`110105********002X` is not a date; write it like 2026-10-08"


# --- settings files ---

def _setting_findings(village):
    _, findings = find_setting(village)
    return [(f.file.name, f.line, f.code, f.message()) for f in findings]


def test_an_id_as_village_supervision_is_an_error(village):
    write(village / "village.yaml", f"name: 双河村\nsupervision: 王某 {VALID_ID}\nphone: 13812345678\n")
    assert _setting_findings(village) == [(
        "village.yaml", 2, "privacy_id_number",
        "这里有一个完整的身份证号，不得公开张贴；请删除或打码（如 110105********002X）")]


def test_an_id_as_the_township_hotline_is_an_error(township, village):
    write(township / "township.yaml", f"name: 青山镇\nhotline: {VALID_ID}\n")
    assert _setting_findings(village) == [(
        "township.yaml", 2, "privacy_id_number",
        "这里有一个完整的身份证号，不得公开张贴；请删除或打码（如 110105********002X）")]


def test_official_mobiles_in_settings_are_allowed(township, village):
    write(township / "township.yaml", "name: 青山镇\n监督电话: +86 138 1234 5678\n")
    write(village / "village.yaml", "name: 双河村\n监督电话: 139-0000-1111\n")
    assert _setting_findings(village) == []


def test_a_mobile_elsewhere_in_settings_or_in_their_comments_is_an_error(township, village):
    write(township / "township.yaml", "name: 青山镇\n# 书记 139 0000 1111\n")
    write(village / "village.yaml", "name: 双河村\ncommittee: 双河村村委会（主任 13812345678）\n")
    assert [(name, line, code) for name, line, code, _ in _setting_findings(village)] == [
        ("township.yaml", 2, "privacy_in_comment"), ("village.yaml", 2, "privacy_phone")]


def test_a_broken_setting_stops_its_items(township, village):
    write(village / "village.yaml", f"name: 双河村\nsupervision: {VALID_ID}\n")
    path = write(village / "item.yaml", NOTICE_YAML)
    from noticeboard.run.build import Build

    build = Build.for_paths([path])
    assert build.workspace.items == [] and build.check() == []
    assert [f.code for f in build.findings] == ["privacy_id_number"]


def test_report_json_never_holds_a_number_in_full(township, tmp_path):
    from noticeboard.run.build import Build
    from noticeboard.run.outcomes import RenderOptions

    village = township / "双河村"
    write(village / "a.yaml", NOTICE_YAML.replace("posted: 2026-11-20", f"posted: {VALID_ID}")
          + f"{VALID_ID}: x\n")
    build = Build.for_paths([village / "a.yaml"])
    build.render(RenderOptions(out_dir=tmp_path / "out"))
    report = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    assert VALID_ID not in report
    assert "110105********002X" in json.loads(report)["items"][0]["messages"][0]["message"] + \
        json.loads(report)["items"][0]["messages"][1]["message"]


def test_check_item_reports_file_name_even_when_the_file_is_unreadable(village):
    path = village / f"{VALID_ID}.yaml"
    path.write_bytes(b"\x00\x01")
    setting, _ = find_setting(village)
    assert [f.code for f in check_item(path, setting).findings] == ["file_not_text", "privacy_file_name"]


def test_a_number_under_an_unknown_key_is_reported_at_its_line(village):
    text = NOTICE_YAML + "电话号码: 138 1234 5678\n"
    checked = check_text(village, text)
    assert [(f.code, f.line) for f in checked.findings] == [
        ("key_unknown_near", 9), ("privacy_phone", 9)]


def test_a_file_without_a_kind_is_searched_line_by_line(village):
    checked = check_text(village, f"title: 通知\nbody: 身份证 {VALID_ID}\ncontact: 13812345678\n")
    assert [(f.code, f.line) for f in checked.findings] == [
        ("kind_missing", 1), ("privacy_id_number", 2)]  # the contact's mobile is allowed

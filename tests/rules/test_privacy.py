import pytest

from noticeboard.rules.privacy import check_privacy, is_id_number
from tests.conftest import NOTICE_YAML, RELIEF_YAML, check_text, codes

VALID_ID = "11010519491231002X"  # the check digit is valid for this sample number


def test_id_checksum():
    assert is_id_number(VALID_ID)
    assert not is_id_number("110105194912310021")  # wrong check digit
    assert not is_id_number("110105194913310029")  # month 13


def test_id_number_anywhere_is_an_error_and_is_not_echoed(village):
    text = NOTICE_YAML.replace("开会。", f"开会。联系人身份证 {VALID_ID}。")
    checked = check_text(village, text)
    [finding] = checked.findings
    assert finding.code == "privacy_id_number"
    assert finding.field_path == ("body",)
    assert VALID_ID not in finding.message()
    assert "110105********002X" in finding.message()


def test_masked_id_is_allowed(village):
    text = NOTICE_YAML.replace("开会。", "开会。证件 110105********002X。")
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


def test_phone_and_bank_numbers_in_list_text_are_refused():
    data = {"recipients": [{"name": "王桂英", "note": "电话13812345678 卡号6222021234567890123"}]}
    assert [f.code for f in check_privacy(data)] == ["privacy_phone", "privacy_bank_account"]


def test_official_phone_outside_lists_is_fine():
    assert check_privacy({"contact": "13812345678"}) == []


def test_privacy_is_checked_even_when_other_fields_are_wrong(village):
    text = RELIEF_YAML.replace("amount: 980.00", f"amount: 九百\n    note: {VALID_ID}")
    assert sorted(codes(check_text(village, text))) == ["money_format", "privacy_id_number"]

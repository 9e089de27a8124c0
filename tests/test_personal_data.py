"""The detector: every way people write an ID, a mobile or a bank number is found and
masked; amounts, dates, voucher and contract numbers are not."""

import pytest

from noticeboard.personal_data import (
    Kind,
    find_details,
    find_numbers,
    id_check_digit,
    is_id_number,
    luhn_valid,
    mask_personal,
)

ID = "11010519491231002X"  # a sample number with a valid check digit
CARD = "6222021234567890128"  # 19 digits, UnionPay range, Luhn-valid
VISA = "4111111111111111"  # the standard Luhn-valid test card


def kinds(text):
    return [(hit.kind, hit.digits) for hit in find_numbers(text)]


@pytest.mark.parametrize("text", [
    ID,
    "11010519491231002x",
    "110105 19491231 002X",
    "110105-19491231-002X",
    "110105.19491231.002X",
    "110105-1949-1231-002X",
    "1101 0519 4912 3100 2X",
    "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and a full-width Ｘ
    "１１０１０５　１９４９１２３１　００２ｘ",  # with ideographic spaces
    "110105\u200b19491231\u200b002X",  # zero-width spaces between the groups
    "1101051949\u202e1231002X",  # a bidi override in the middle
    "身份证号：110105 19491231 002X。",
])
def test_an_18_digit_id_however_written(text):
    assert kinds(text) == [(Kind.ID, ID)]


def test_a_wrong_check_digit_is_still_an_id_and_never_a_bank_account():
    wrong = "110105194912310021"
    assert id_check_digit(wrong[:17]) == "X"
    assert kinds(f"身份证号码 {wrong}") == [(Kind.ID_CHECK, wrong)]
    # even when the 18 digits also pass Luhn (as a bank account would)
    luhn_id = next(f"11010519491231002{d}" for d in "0123456789"
                   if luhn_valid(f"11010519491231002{d}"))
    assert kinds(luhn_id) == [(Kind.ID_CHECK, luhn_id)]


def test_18_digits_with_an_impossible_birth_date_and_wrong_check_digit_are_not_an_id():
    assert id_check_digit("11010519491331002") == "1"
    assert kinds("110105194913310025") == []  # month 13, check digit wrong
    assert kinds("001105194912310021") == []  # region 00 does not exist


def test_is_id_number_needs_a_real_date_and_a_valid_check_digit():
    assert is_id_number(ID)
    assert not is_id_number("110105194912310021")
    assert not is_id_number("110105194913310029")


@pytest.mark.parametrize("text", ["110105491231002", "110105 491231 002", "１１０１０５４９１２３１００２"])
def test_the_old_15_digit_id(text):
    assert kinds(text) == [(Kind.OLD_ID, "110105491231002")]


@pytest.mark.parametrize("text", [
    "13812345678",
    "138 1234 5678",
    "138-1234-5678",
    "138.1234.5678",
    "1381234-5678",
    "+8613812345678",
    "+86 138 1234 5678",
    "+86-138-1234-5678",
    "＋８６　１３８１２３４５６７８",
    "0086 13812345678",
    "0086-138-1234-5678",
    "8613812345678",
    "电话：１３８－１２３４－５６７８",
    "手机13812345678，",
])
def test_a_mobile_however_written(text):
    assert kinds(text) == [(Kind.MOBILE, "13812345678")]


@pytest.mark.parametrize("text, digits", [
    ("6222 0212 3456 7890 123", "6222021234567890123"),  # UnionPay range, no Luhn digit
    ("6222021234567890123", "6222021234567890123"),
    ("6222-0212-3456-7890-128", CARD),
    ("622202 1234567890128", CARD),
    ("卡号：６２２２　０２１２　３４５６　７８９０　１２８", CARD),
    ("4111 1111 1111 1111", VISA),
])
def test_a_bank_card_however_written(text, digits):
    assert kinds(text) == [(Kind.BANK, digits)]


def test_a_16_digit_number_outside_the_card_ranges_must_pass_luhn():
    assert kinds("4111111111111112") == []
    assert kinds("1234567812345670") == []  # Luhn-valid, but no card starts with 1


def test_several_numbers_in_one_string_are_each_found():
    text = f"身份证{ID}，电话138 1234 5678，卡号{CARD} 13900001111"
    assert kinds(text) == [(Kind.ID, ID), (Kind.MOBILE, "13812345678"), (Kind.BANK, CARD),
                           (Kind.MOBILE, "13900001111")]


@pytest.mark.parametrize("text", [
    "110105********002X",
    "110105 **** **** 002X",
    "138****5678",
    "138 **** 5678",
    "6222 **** **** 0123",
    "1101051949****002X",
])
def test_masked_forms_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text", [
    "2026-11-28",
    "2026.11.28",
    "2026-11-28 09:30",
    "2026年11月28日",
    "¥1,234,567.89",
    "1234567.89",
    "1,234,567,890,123,456.00",
    "HT-2026-001",
    "合同编号 HT-2026-001-0001-0002",
    "记-001",
    "付-2026-0012",
    "0571-63812345",
    "(0571) 6381 2345",
    "0571-63812345 2026-11-28",
    "1380.00 980.00 500.00",
    "1120 980 500 600 700 800",
    "收入 2000.50 支出 300.25 余额 2700.25",
    "3月5日 13时至15时",
    "第1-15组",
    "面积 1234.5 平方米，年租金 12345.00 元，合同期 2026-01-01 至 2035-12-31",
    "统一社会信用代码 91330185MA2H123X4Y",
    "邮编 311300",
    "12345678901",  # 11 digits but not a mobile prefix
    "100200300400500600",  # 18 digits, no region, no Luhn card
])
def test_ordinary_numbers_are_not_personal(text):
    assert kinds(text) == []


def test_mask_personal_masks_every_number_and_leaves_the_rest():
    text = f"「{ID}」不是日期；电话 +86 138-1234-5678；卡 6222 0212 3456 7890 123；¥1,234.50"
    assert mask_personal(text) == ("「110105********002X」不是日期；电话 138****5678；"
                                   "卡 6222***********0123；¥1,234.50")


def test_mask_personal_on_full_width_text_masks_the_original_span():
    assert mask_personal("号码：１３８　１２３４　５６７８。") == "号码：138****5678。"


def test_masks_keep_what_a_poster_may_show():
    assert [h.masked for h in find_numbers(f"{ID} 110105491231002 13812345678 {CARD}")] == [
        "110105********002X", "110105*****1002", "138****5678", "6222***********0128"]


def test_illness_and_address_words_are_found_programme_names_are_not():
    illness, address = find_details("患尿毒症长期透析，住王庄村三组15号")
    assert illness == ["患尿毒症", "透析"]
    assert address == ["住王庄村三组15号"]
    for programme in ("残疾人两项补贴", "特困供养", "重度残疾人护理补贴", "医疗救助", "大病救助"):
        assert find_details(programme) == ([], []), programme


@pytest.mark.parametrize("text, illness, address", [
    ("肺癌晚期", ["肺癌"], []),
    ("偏瘫卧床", ["偏瘫"], []),
    ("肢体残疾二级", ["肢体残疾二级"], []),
    ("二级残疾", ["二级残疾"], []),
    ("因病住院", ["住院"], []),
    ("家住东风路12号", [], ["家住", "路12号"]),
    ("门牌 3 号", [], ["门牌"]),
    ("住址不详", [], ["住址"]),
    ("3栋2单元501室", [], ["3栋", "2单元", "501室"]),
    ("7月洪涝房屋受损", [], []),
    ("新纳入", [], []),
    ("第一村民小组", [], []),
])
def test_detail_words(text, illness, address):
    assert find_details(text) == (illness, address)


# --- digits in other clothes: Chinese numerals, lookalike letters, every separator ---

@pytest.mark.parametrize("text", [
    "一三八一二三四五六七八",  # everyday Chinese numerals
    "壹叁捌壹贰叁肆伍陆柒捌",  # the capitals of receipts
    "幺三八幺二三四五六七八",  # 幺, the "one" of a number read aloud
    "138一二三四5678",  # mixed with ASCII digits
    "一三八 一二三四 五六七八",
    "电话一13812345678",  # a numeral written against the number cannot hide it
    "l38 l234 5678",  # lowercase L for 1
    "I3812345678",  # capital i for 1
    "138\u20031234\u20095678",  # em space, thin space
    "138\u202f1234\u205f5678",  # narrow no-break space, medium mathematical space
    "138\u16801234\u16805678",  # ogham space mark
    "138\u22121234\u22125678",  # minus signs
    "138\u27961234\u27965678",  # heavy minus sign (an emoji keyboard's)
    "138\u2e3a1234\u2e3a5678",  # two-em dash
    "138\u30fc1234\u30fc5678",  # katakana long vowel mark, which looks like a dash
    "138_1234_5678",
    "138 -- 1234 -- 5678",
    "(138)1234-5678",
    "（138）1234 5678",
    "+86(138)12345678",
    "1 3 8 1 2 3 4 5 6 7 8",  # digit by digit
    "Ill13812345678",
])
def test_a_mobile_in_other_clothes(text):
    assert kinds(text) == [(Kind.MOBILE, "13812345678")]


@pytest.mark.parametrize("text, digits", [
    ("1380O001111", "13800001111"),  # O for 0
    ("138o0oo1111", "13800001111"),  # o for 0
])
def test_lookalike_letters_for_zero(text, digits):
    assert kinds(text) == [(Kind.MOBILE, digits)]


@pytest.mark.parametrize("text", [
    "一一〇一〇五一九四九一二三一〇〇二X",
    "壹壹零壹零伍壹玖肆玖壹贰叁壹零零贰X",
    "110105一九四九一二三一002X",
    "110105 一九四九一二三一 〇〇二X",
    "110105/19491231/002X",  # a list's separators join an ID whose check digit is right
    "110105、19491231、002X",
    "身份证：110105，19491231，002X",
    "110105\n19491231002X",  # a line broken in a narrow cell
    "1101051949\r\n1231002X",
    "110105\n19491231\n002X",
    "1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X",
])
def test_an_id_in_other_clothes(text):
    assert kinds(text) == [(Kind.ID, ID)]


@pytest.mark.parametrize("text, kind, digits", [
    ("电话：138/1234/5678", Kind.MOBILE, "13812345678"),
    ("手机 138、1234、5678", Kind.MOBILE, "13812345678"),
    ("联系人手机138，1234，5678", Kind.MOBILE, "13812345678"),
    ("手机号\n138\n1234\n5678", Kind.MOBILE, "13812345678"),
    ("Tel: 0086/138/1234/5678", Kind.MOBILE, "13812345678"),
    ("身份证号：110105/194912310021", Kind.ID_CHECK, "110105194912310021"),
    ("身份证110105\n491231002", Kind.OLD_ID, "110105491231002"),
    ("卡号：6222，0212，3456，7890，123", Kind.BANK, "6222021234567890123"),
])
def test_a_word_naming_the_number_makes_a_list_separated_number_certain(text, kind, digits):
    assert kinds(text) == [(kind, digits)]


@pytest.mark.parametrize("text", [
    "138/1234/5678",  # without a word saying it is a phone: could be three amounts
    "分别补助150、1200、1800元",
    "标准：150/1200/1800元",
    "6200、5000、3000、1000元",  # 16 digits in UnionPay's range, but four amounts
    "余额 6222，0212，3456，7890，123",
    "330185、20261128、0012",  # a region code, a date and a voucher number
    "1120.00\n2026-07-01\n1200.00",  # a column of amounts and dates
    "112000 20260701\n1200",
    "二〇二六年十一月二十八日",
    "一九四九年十二月三十一日",
    "壹仟零伍拾元整",
    "人民币壹拾贰万叁仟肆佰伍拾陆元",
    "第一二三四五六七八九组",
    "一一对应，三三两两",
    "ISO9001:2015",
    "Hello World 2026",
    "lOl 1234",
    "记-0012 2026-07-01 1120.00",
    "凭证 记-0012、记-0013、记-0014、记-0015",
    "监督电话：0571-63811001",
    "科目 1002 银行存款 100201 5401-01 管理费用",  # account codes
    "凭证 记-0012\n记-0013\n记-0014\n记-0015",
    "2026-07-01\n2026-07-02\n2026-07-03",  # a column of dates
    "1120.00\n980.00\n1500.00\n2000.50\n1380.00",  # a column of amounts
])
def test_ordinary_text_in_those_clothes_is_not_personal(text):
    assert kinds(text) == []


def test_a_number_in_other_clothes_is_masked_where_it_was_written():
    assert mask_personal("户主电话一三八一二三四五六七八。") == "户主电话138****5678。"
    assert mask_personal("证号 110105一九四九一二三一002X 已核") == "证号 110105********002X 已核"
    assert mask_personal("手机：138/1234/5678") == "手机：138****5678"
    assert mask_personal("Hello13812345678") == "Hello138****5678"


@pytest.mark.parametrize("text", [
    "11010519491231002×",  # the multiplication sign an input method offers for X
    "11010519491231002✕",
    "110105 19491231 002╳",
    "110105 1949 12 31 002X",  # the birth date in year, month and day
    "110105-1949-12-31-002X",
])
def test_an_id_with_a_sign_for_its_x_or_its_date_in_three_groups(text):
    assert kinds(text) == [(Kind.ID, ID)]


@pytest.mark.parametrize("text", [
    "11010519491231002",  # the check character left off: it follows from the other 17
    "110105 19491231 002",
    "110105-1949-1231-002",
])
def test_an_id_without_its_last_character_is_still_an_id(text):
    hits = find_numbers(text)
    assert [(h.kind, h.digits, h.masked) for h in hits] == [
        (Kind.ID_SHORT, "11010519491231002", "110105*******1002")]


@pytest.mark.parametrize("text", ["3×4=12", "长×宽 12.5×8.4 米", "12345678901234567", "2026112812345678 9"])
def test_signs_and_17_digit_numbers_that_are_not_ids(text):
    assert kinds(text) == []


def test_a_long_chain_of_digit_groups_is_read_in_linear_time(monkeypatch):
    """A hostile value of `1 1 1 …` (every run of up to 19 groups tried) took about 8 s
    for 40 000 characters: only runs whose length and shape fit a number are classified."""
    from noticeboard import personal_data

    calls = []
    real = personal_data.classify
    monkeypatch.setattr(personal_data, "classify", lambda groups: calls.append(groups) or real(groups))
    assert find_numbers("1 " * 5000) == []
    assert len(calls) <= 2 * 5000  # digit by digit, only 11 or 18 groups can be a number
    assert kinds("1 1 1 " * 100 + "138 1234 5678") == [(Kind.MOBILE, "13812345678")]


def test_a_long_run_of_digits_before_a_word_is_searched_once():
    """An address pattern (`3栋`, `201室`) tried from every digit of a run went quadratic:
    60 000 digits and a 村 took 30 s to `check`. Now a run is tried from its start only:
    200 000 digits take well under a second; the alarm (a thousand times that) only
    stops a regression from hanging the suite."""
    import signal

    from noticeboard.personal_data import find_details

    def too_slow(*_):
        raise TimeoutError("find_details is quadratic again")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(60)
    try:
        assert find_details("1" * 200_000 + "村") == ([], [])
        assert find_details("１" * 200_000 + "室") == ([], ["1" * 200_000 + "室"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert find_details("住在第三组12号，3栋201室") == ([], ["住在第三组12号", "3栋", "201室"])


# --- issue 25: the separators of a Chinese keyboard, accounts of any length, URLs ---

def test_groups_parted_by_an_ideographic_full_stop_after_a_word_naming_the_number():
    assert kinds("电话：138。1234。5678") == [(Kind.MOBILE, "13812345678")]
    assert kinds("身份证号110105。19491231。002X") == [(Kind.ID, ID)]
    assert kinds("联系电话“138”1234“5678”") == [(Kind.MOBILE, "13812345678")]
    assert kinds("手机138？1234？5678") == [(Kind.MOBILE, "13812345678")]
    # without such a word, a sentence's full stop parts amounts as before
    assert kinds("补助1200。5000元已发放。13812") == []


def test_an_account_of_any_length_after_a_word_naming_an_account():
    # 20 digits, no card network's first digit, no Luhn digit: only the word says what it is
    assert kinds("账号 4000 1234 5678 9012 3456") == [(Kind.BANK, "40001234567890123456")]
    assert kinds("开户账号为1234567890123456789") == [(Kind.BANK, "1234567890123456789")]
    assert kinds("存折号：12345678") == [(Kind.BANK, "12345678")]
    assert mask_personal("存折号：12345678") == "存折号：****5678"
    # amounts after the word, and a long number that follows an account, are not accounts
    assert kinds("账户余额 12,000.00元") == []
    assert kinds("账户12000000元") == []
    assert kinds(f"卡号{CARD} 13900001111") == [(Kind.BANK, CARD), (Kind.MOBILE, "13900001111")]


def test_a_number_percent_encoded_in_a_url_is_found_and_masked_with_its_word():
    encoded = "".join(f"%{ord(c):02X}" for c in ID)
    url = f"https://cun.example.gov.cn/gs?sfz={encoded}"
    assert kinds(url) == [(Kind.ID, ID)]
    assert mask_personal(f"网址 {url} 扫码") == "网址 110105********002X 扫码"
    twice = "".join(f"%25{ord(c):02X}" for c in "13812345678")  # encoded again
    assert kinds(f"https://x.cn/?t={twice}") == [(Kind.MOBILE, "13812345678")]
    assert kinds("https://x.cn/a%20b?page=2") == []

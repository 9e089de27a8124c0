"""Amounts in capitals (大写) agree with the figure beside them (disclosure-rules.md, finance)."""

from decimal import Decimal

import pytest

from noticeboard.checks.rules.capitals import parse_capital
from noticeboard.formatting import capital
from tests.conftest import check_text, filled_skeleton, line_of

NOTICE = filled_skeleton("notice")
LINE = "  二、缴费方式：现金、微信或银行卡均可。"


def with_line(text):
    return NOTICE.replace(LINE, "  " + text)


@pytest.mark.parametrize("figure", ["0.01", "0.50", "20.07", "1001", "1010.10", "105000", "60036",
                                    "100010000", "139750", "9999999999.99"])
def test_the_capitals_the_tool_writes_read_back_as_the_figure(figure):
    assert parse_capital(capital(Decimal(figure)).removeprefix("人民币")) == Decimal(figure)


@pytest.mark.parametrize("text", ["合同总额人民币壹拾叁万玖仟柒佰伍拾元整（¥139,750.00）",
                                  "共计¥500.00（大写：人民币伍佰元整）", "每人每年肆佰元整（小写：400元）",
                                  "金额：壹仟零伍元伍角正（1005.50元）", "第3组：伍佰元整",
                                  "圆满完成任务，发放伍佰元。", "共计¥1,680.32（大写：壹仟陆佰捌拾元叁角贰分）",
                                  "共计¥1,680.32（大写：壹仟陆佰捌拾元零叁角贰分）"])
def test_capitals_that_agree_or_have_no_figure_beside_them_pass(village, text):
    assert check_text(village, with_line(text)).findings == []


def test_capitals_a_cent_off_the_figure_are_an_error(village):
    text = with_line("合同总额人民币壹拾叁万玖仟柒佰伍拾元整（¥139,750.01）。")
    checked = check_text(village, text)
    assert [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings] == [(
        "capital_mismatch", line_of(NOTICE, "body: |"),
        "大写金额「壹拾叁万玖仟柒佰伍拾元整」与小写金额 ¥139,750.01 不符，"
        "¥139,750.01 应写作「人民币壹拾叁万玖仟柒佰伍拾元零壹分」",
        "the amount in capitals `壹拾叁万玖仟柒佰伍拾元整` does not match the figure ¥139,750.01, "
        "which is written `人民币壹拾叁万玖仟柒佰伍拾元零壹分`")]
    assert not checked.ok


def test_capitals_after_the_figure_are_checked_too(village):
    checked = check_text(village, with_line("共计¥500.00（大写：人民币伍佰伍拾元整）"))
    assert [(f.code, f.message()) for f in checked.findings] == [(
        "capital_mismatch", "大写金额「伍佰伍拾元整」与小写金额 ¥500.00 不符，¥500.00 应写作「人民币伍佰元整」")]


def test_capitals_in_a_table_row_name_the_row(village):
    text = filled_skeleton("expense").replace("note: 镇采购平台询价", "note: 捌仟陆佰元整（¥8,640.00）")
    checked = check_text(village, text)
    assert [(f.code, f.line, f.field_path) for f in checked.findings] == [
        ("capital_mismatch", line_of(text, "note: 捌仟"), ("items", 0, "note"))]


@pytest.mark.parametrize(("text", "code", "message"), [
    ("每人每年肆佰元（小写：400元）", "capital_no_zheng",
     "大写金额「肆佰元」到元或角为止，后面应写「整」字，如「人民币肆佰元整」（会计基础工作规范第五十二条）"),
    ("金额：壹仟零伍元伍角（1005.50元）", "capital_no_zheng",
     "大写金额「壹仟零伍元伍角」到元或角为止，后面应写「整」字，如「人民币壹仟零伍元伍角整」（会计基础工作规范第五十二条）"),
    ("共计¥100.05（大写：壹佰元零伍分整）", "capital_zheng_after_fen",
     "大写金额「壹佰元零伍分整」有分，分字后面不写「整」字，应为「人民币壹佰元零伍分」（会计基础工作规范第五十二条）"),
])
def test_capitals_that_agree_but_end_wrongly_are_a_warning(village, text, code, message):
    checked = check_text(village, with_line(text))
    assert [(f.code, f.message()) for f in checked.findings] == [(code, message)]
    assert checked.ok


def test_a_hostile_body_of_digits_and_capitals_is_checked_quickly():
    # Only the characters beside each capital are searched for its figure; a search of the
    # whole text per capital took minutes on this body.
    import time

    from noticeboard.checks.rules.capitals import check_capitals
    from noticeboard.kinds.notice import Notice
    from noticeboard.kinds.settings import Setting

    body = "1" * 60_000 + "伍元，" * 3_000 + "伍元（¥5.00）"
    item = Notice.model_validate({"kind": "notice", "title": "通知", "period": "2026-11",
                                  "posted": "2026-11-20", "body": body})
    start = time.monotonic()
    findings = check_capitals(item, Setting(None, None, None, None))
    assert time.monotonic() - start < 2
    assert [f.code for f in findings] == ["capital_no_zheng"]  # only the last has a figure

"""Amounts in capitals (大写) agree with the figure beside them (disclosure-rules.md, finance)."""

from decimal import Decimal

import pytest

from noticeboard.formatting import capital
from noticeboard.rules.capitals import parse_capital
from noticeboard.skeletons import skeleton
from tests.conftest import check_text, line_of

NOTICE = skeleton("notice")
LINE = "  二、缴费方式：现金、微信或银行卡均可。"


def with_line(text):
    return NOTICE.replace(LINE, "  " + text)


@pytest.mark.parametrize("figure", ["0.01", "0.50", "20.07", "1001", "1010.10", "105000", "60036",
                                    "100010000", "139750", "9999999999.99"])
def test_the_capitals_the_tool_writes_read_back_as_the_figure(figure):
    assert parse_capital(capital(Decimal(figure)).removeprefix("人民币")) == Decimal(figure)


@pytest.mark.parametrize("text", ["合同总额人民币壹拾叁万玖仟柒佰伍拾元整（¥139,750.00）",
                                  "共计¥500.00（大写：人民币伍佰元整）", "每人每年肆佰元（小写：400元）",
                                  "金额：壹仟零伍元伍角（1005.50元）", "第3组：伍佰元整",
                                  "圆满完成任务，发放伍佰元。"])
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
    text = skeleton("expense").replace("note: 镇采购平台询价", "note: 捌仟陆佰元整（¥8,640.00）")
    checked = check_text(village, text)
    assert [(f.code, f.line, f.field_path) for f in checked.findings] == [
        ("capital_mismatch", line_of(text, "note: 捌仟"), ("items", 0, "note"))]

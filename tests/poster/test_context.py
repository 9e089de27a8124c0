from datetime import date
from decimal import Decimal

import pytest

from noticeboard.formatting import capital, money, money_plain
from noticeboard.poster.context import (
    CELL_PADDING_EM,
    FREE_MIN_EM,
    KEEP_MAX_EM,
    bind_tail,
    blocks,
    grid,
    keep_whole,
    short_end,
    text_em,
    title_is_long,
    title_lines,
)


# Expected strings are written out by hand from the rules for 大写金额:
# 整 after 元 or 角 when nothing follows; one 零 for a run of zeros.
@pytest.mark.parametrize(("amount", "words"), [
    ("0.00", "人民币零元整"),
    ("1234.50", "人民币壹仟贰佰叁拾肆元伍角整"),
    ("1234.56", "人民币壹仟贰佰叁拾肆元伍角陆分"),
    ("1234.00", "人民币壹仟贰佰叁拾肆元整"),
    ("1234.05", "人民币壹仟贰佰叁拾肆元零伍分"),
    ("0.50", "人民币伍角整"),
    ("0.05", "人民币伍分"),
    ("1010.00", "人民币壹仟零壹拾元整"),
    ("1001.00", "人民币壹仟零壹元整"),
    ("100010.00", "人民币壹拾万零壹拾元整"),
    ("10000.01", "人民币壹万元零壹分"),
    ("105000.00", "人民币壹拾万伍仟元整"),
    ("100000000.00", "人民币壹亿元整"),
    ("100010000.00", "人民币壹亿零壹万元整"),
    ("151913.79", "人民币壹拾伍万壹仟玖佰壹拾叁元柒角玖分"),
    ("188826.34", "人民币壹拾捌万捌仟捌佰贰拾陆元叁角肆分"),
])
def test_capital_amounts(amount, words):
    assert capital(Decimal(amount)) == words


def test_money_figures():
    assert money(Decimal("1234567.5")) == "¥1,234,567.50"
    assert money(Decimal("-0.36")) == "-¥0.36"
    assert money_plain(Decimal("980")) == "980.00"


def test_window_end_is_written_without_repeating_year_or_month():
    start = date(2026, 10, 8)
    assert short_end(start, date(2026, 10, 15)) == "15日"
    assert short_end(start, date(2026, 11, 2)) == "11月2日"
    assert short_end(start, date(2027, 1, 2)) == "2027年1月2日"


def test_a_title_is_set_smaller_only_when_two_lines_would_not_hold_it():
    assert not title_is_long("双河村2026年第三季度财务收支公开")
    assert title_is_long("双河村关于2027年村道硬化工程一事一议筹资筹劳方案及财政奖补资金使用情况的公示")


def test_a_title_of_two_lines_breaks_at_the_balanced_place():
    assert title_lines("关于开展冬季森林防火和安全用电检查的通知") == (
        '<span class="half">关于开展冬季森林防火</span><span class="half">和安全用电检查的通知</span>')
    # a good place (after 年) beats the exact middle, which would split 第三季度
    assert title_lines("双河村2026年第三季度财务收支公开") == (
        '<span class="half">双河村2026年</span><span class="half">第三季度财务收支公开</span>')
    assert title_lines("短标题") == '<span class="half">短标题</span>'  # one line: never broken


def test_numbers_with_units_dates_and_times_are_kept_whole():
    assert keep_whole("全长2.3公里，定于2027年1月1日上午9时30分开工") == (
        '全长<span class="whole">2.3公里</span>，定于<span class="whole">2027年1月1日</span>'
        '上午<span class="whole">9时30分</span>开工')
    assert keep_whole("合计¥9,999,999,999.99元") == (
        '合计<span class="whole">¥9,999,999,999.99元</span>')
    assert keep_whole("<b>1</b>") == "&lt;b&gt;1&lt;/b&gt;"  # escaped, a lone digit left as it is


def test_the_bound_tail_never_cuts_a_number():
    assert bind_tail("本期共发放金额12,345.00元。") == (
        '本期共发放金额<span class="bound"><span class="whole">12,345.00元</span>。</span>')


# --- notice typography (issue 17): every typed line a paragraph, with its role ---
NOTICE_BODY = """各村民小组、全体村民：
入冬以来天干物燥，村委会决定开展检查。会议议程：一、审议方案；二、通报财务。
一、严禁在林区烧荒。
二、各户请自查电线。

（一）检查组逐户上门。
1.请予配合。
特此通知。

附件：1.检查表
2.联系人名单
"""


def test_every_typed_line_is_a_paragraph_and_blank_lines_add_space():
    result = blocks(NOTICE_BODY)
    assert [b.text for b in result] == [
        "各村民小组、全体村民：",
        "入冬以来天干物燥，村委会决定开展检查。会议议程：",
        "一、审议方案；", "二、通报财务。",
        "一、严禁在林区烧荒。", "二、各户请自查电线。",
        "（一）检查组逐户上门。", "1.请予配合。", "特此通知。",
        "附件：1.检查表", "2.联系人名单"]
    assert [b.gap for b in result].count(True) == 2  # （一） and 附件 follow blank lines
    assert result[6].gap and result[9].gap


def test_roles_of_a_notice():
    roles = [(b.role, b.level) for b in blocks(NOTICE_BODY)]
    assert roles == [("salutation", 0), ("body", 0), ("point", 1), ("point", 1),
                     ("point", 1), ("point", 1), ("point", 2), ("point", 3), ("ending", 0),
                     ("attachment", 0), ("attachment-more", 0)]


def test_only_a_first_line_ending_in_a_colon_is_a_salutation():
    assert blocks("各位村民：\n定于明日开会。")[0].role == "salutation"
    assert blocks("定于明日开会，议程如下：")[0].role == "salutation"  # first line, colon
    assert blocks("开会。\n议程如下：")[1].role == "body"
    assert blocks("各位村民：请于明日到村委会开会。")[0].role == "body"


def test_closing_words_after_a_sentence_become_their_own_paragraph():
    assert [b.text for b in blocks("请准时参加。特此通知。")] == ["请准时参加。", "特此通知。"]
    assert [b.role for b in blocks("特此公告")] == ["ending"]
    # Only after a full stop: 特此通知 inside a sentence stays as typed.
    assert [b.text for b in blocks("现将有关事项特此通知如下：")] == ["现将有关事项特此通知如下："]


def test_inline_points_split_only_as_a_numbered_run():
    assert [b.text for b in blocks("议程：一、甲；二、乙；三、丙。")] == ["议程：", "一、甲；", "二、乙；", "三、丙。"]
    # A lone marker, or numbers that are not a run from one, stay in the sentence.
    assert len(blocks("议程：一、甲。")) == 1
    assert len(blocks("面积2.5亩；3.5亩。")) == 1
    assert len(blocks("议程：二、乙；三、丙。")) == 1


def test_the_last_characters_of_a_paragraph_are_bound_to_its_full_stop():
    assert str(bind_tail("检查组将逐户上门请予配合检查。")) == \
        '检查组将逐户上门请予配<span class="bound">合检查。</span>'
    assert str(bind_tail("主任1名")) == "主任1名"  # short texts are left alone
    assert str(bind_tail("we will meet at 9 am")) == "we will meet at 9 am"  # a space
    assert str(bind_tail("请于<公示期内>反映意见。")) == \
        '请于&lt;公示期内&gt;反<span class="bound">映意见。</span>'  # escaped


# --- table columns (issue 15) ---
def test_columns_are_as_wide_as_their_longest_cell():
    widths = grid([("姓名", ["张建国", "欧阳秀兰"], "keep"),
                   ("金额（元）", ["1,234.50"], "keep"),
                   ("缴纳基数（元）", ["10,000.00"], "keep")]).widths
    assert widths[0] == 4 + CELL_PADDING_EM  # 欧阳秀兰
    assert widths[1] == text_em("金额（元）") + CELL_PADDING_EM  # a short header stays whole
    assert widths[2] == round(text_em("10,000.00") + CELL_PADDING_EM, 2)


def test_free_columns_take_what_remains_but_the_frame_keeps_room_for_them():
    table = grid([("姓名", ["张建国"], "keep"), ("备注", ["很" * 40], "free"),
                  ("事由", ["短"], "free")], rem=0.5)
    assert table.widths == (3 + CELL_PADDING_EM, None, None)
    assert str(table.colgroup) == '<colgroup><col style="width: 4.25em"><col><col></colgroup>'
    need = (3 + CELL_PADDING_EM) + (FREE_MIN_EM + CELL_PADDING_EM) + (2 + CELL_PADDING_EM)
    assert table.frame == f"min-width: {need * 0.5:.2f}rem"  # 事由: its header, two wide


def test_an_overlong_name_is_capped_and_wraps():
    assert grid([("姓名", ["长" * 60], "keep")]).widths == (KEEP_MAX_EM + CELL_PADDING_EM,)


def test_rare_characters_count_as_one_character():
    assert text_em("𠮷英") == 2.0

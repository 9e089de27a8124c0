"""The poster says what the item says: a township stylesheet or template that changes,
hides, moves or adds a figure or a name is refused before anything is written, naming
the township's files and the first difference (issue 25)."""

from __future__ import annotations

import pytest

from noticeboard.errors import NoticeboardError
from noticeboard.poster.compare import first_difference, html_text
from noticeboard.poster.render import Renderer, builtin_template_dir
from tests.conftest import FINANCE_YAML, RELIEF_YAML, check_text, write
from tests.pdftext import pdfium_texts, squeezed

EXPENSE_YAML = """\
kind: expense
purpose: 村道路灯维修更换
spent_on: 2026-09-18
items:
  - summary: LED路灯灯具
    quantity: 24套
    amount: 1200.00
  - summary: 安装人工费
    quantity: 6个工日
    amount: 800.00
handler: 王建国
reviewed_by: 孙立平
reviewed_on: 2026-09-20
approver: 张建国
period: 2026-09
posted: 2026-09-25
days: 7
"""
BUILTIN_CSS = (builtin_template_dir() / "poster.css").read_text(encoding="utf-8")


def _refused(township, item_yaml, css=None, template=None):
    """The findings of rendering `item_yaml` with the township's stylesheet additions
    `css` and template (name, text), each with a fresh renderer (stylesheets are cached)."""
    if css is not None:
        write(township / "templates" / "poster.css", BUILTIN_CSS + "\n" + css)
    if template is not None:
        write(township / "templates" / template[0], template[1])
    checked = check_text(township / "双河村", item_yaml)
    assert checked.ok, [f.format() for f in checked.findings]
    with pytest.raises(NoticeboardError) as caught:
        Renderer().render(checked)
    return [(f.code, f.message()) for f in caught.value.findings]


def _message(source, difference):
    return ("海报与事项内容不符，这张海报没有生成：" + difference + f"。用到的是{source}，"
            "它们改变、隐藏或添加了事项里的数字或文字；请改正或删除它们，海报必须印出事项的全部内容")


def test_generated_content_turning_1200_into_11200_is_refused(township):
    found = _refused(township, EXPENSE_YAML, css='.rows tbody td.num::before { content: "1"; }')
    assert found == [("poster_differs", _message(
        "本镇的 templates/poster.css",
        "在「注1LED路灯灯具24套」之后，事项应印「1,200.00」，海报上是「11,200.00」"))]


def test_a_hidden_row_whose_amount_the_totals_still_count_is_refused(township):
    found = _refused(township, EXPENSE_YAML,
                     css=".rows tbody tr:first-child { display: none; }")
    assert found == [("poster_differs", _message(
        "本镇的 templates/poster.css", "在「号摘要数量金额（元）备注」之后，事项应印「1」，海报上是「2」"))]


def test_a_row_moved_off_the_sheet_is_refused(township):
    found = _refused(township, EXPENSE_YAML,
                     css=".rows tbody tr:first-child { transform: translateX(200cm); }")
    assert found == [("poster_differs", _message(
        "本镇的 templates/poster.css", "在「号摘要数量金额（元）备注」之后，事项应印「1」，海报上是「2」"))]


def test_household_amounts_hidden_with_visibility_are_refused(township):
    found = _refused(township, RELIEF_YAML, css=".rows td.num { visibility: hidden; }")
    [(code, message)] = found
    assert code == "poster_differs"
    assert "事项应印「1,120.00」" in message, message


def test_the_closing_balance_hidden_and_another_drawn_is_refused(township):
    css = (".figure .value { color: transparent; font-size: 0; }\n"
           ".balance strong { display: none; }\n"
           '.balance::after { content: "¥9,700.25"; }')
    [(code, message)] = _refused(township, FINANCE_YAML, css=css)
    assert code == "poster_differs"
    assert message == _message("本镇的 templates/poster.css",
                               "在「日至14日期初余额（元）」之后，事项应印「1,000.00」，海报上是「1」")


def test_a_template_that_skips_the_first_row_is_refused(township):
    template = (builtin_template_dir() / "expense.html.j2").read_text(encoding="utf-8")
    assert "{% for row in item.items %}" in template
    template = template.replace("{% for row in item.items %}", "{% for row in item.items[1:] %}")
    found = _refused(township, EXPENSE_YAML, template=("expense.html.j2", template))
    assert found == [("poster_differs", _message(
        "本镇的 templates/expense.html.j2",
        "在「元）备注1LED路灯灯具」之后，事项应印「24」，海报上是「6」"))]


def test_a_name_hidden_alone_is_refused(township):
    found = _refused(township, RELIEF_YAML, css=".rows td.name { visibility: hidden; }")
    assert found == [("poster_differs", _message(
        "本镇的 templates/poster.css", "事项里的「王桂英」没有印在海报上"))]


def test_a_township_stylesheet_that_only_restyles_renders(township):
    write(township / "templates" / "poster.css",
          BUILTIN_CSS + "\n.rows td { color: #003; }\nh1 { letter-spacing: 0.1em; }\n")
    checked = check_text(township / "双河村", EXPENSE_YAML)
    poster = Renderer().render(checked)
    assert "1,200.00" in squeezed("".join(pdfium_texts(poster.pdf)))


def test_a_number_wrapped_over_two_lines_is_one_figure():
    expected = html_text("<body><td>完成村道硬化2.3公里</td><td>2027年</td></body>")
    assert first_difference(expected, "完成村道硬化2.\r\n3公里 2027年", []) is None
    assert first_difference(expected, "完成村道硬化2. 3公里\r\n2027年", []) is None
    difference = first_difference(expected, "完成村道硬化2.\r\n4公里 2027年", [])
    assert difference is not None and difference.what.zh == "在「完成村道硬化」之后，事项应印「2.3」，海报上是「2」"


def test_a_figure_added_or_left_out_is_named():
    expected = html_text("<body><p>合计 1,200.00 元</p></body>")
    added = first_difference(expected, "合计 1,200.00 元 另 50.00", [])
    assert added is not None and added.what.zh == "海报上多出了数字「50.00」，事项里没有"
    missing = first_difference(expected, "合计 元", [])
    assert missing is not None and missing.what.zh == "在「合计」之后，海报上少了「1,200.00」"

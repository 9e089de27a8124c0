"""Property tests: for generated valid items, every text and amount is on the poster, unclipped."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticeboard.formatting import money_plain
from noticeboard.poster.render import Renderer
from tests.conftest import check_text
from tests.pdftext import char_boxes, page_texts, squeezed

# Text a clerk types: common Chinese, Chinese punctuation, Latin letters and digits,
# with long unbroken runs. (Characters outside the installed fonts are tested apart.)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCTUATION = st.sampled_from(list("，。、；：？！“”（）《》—…·"))
LATIN = st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x7F)
TEXT = st.text(st.one_of(CJK, CJK, CJK, PUNCTUATION, LATIN), min_size=1, max_size=40).filter(
    lambda t: t.strip() == t and not t.startswith(("-", "?", ":", "!", "&", "*", "#", "|", ">", "'", '"', "%", "@", "`"))
    and t.lower() not in {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}
    and not t.isdigit())
AMOUNT = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2)


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@st.composite
def finance_items(draw):
    incomes = draw(st.lists(st.tuples(TEXT, AMOUNT), min_size=1, max_size=40))
    expenses = draw(st.lists(st.tuples(TEXT, AMOUNT, TEXT), min_size=0, max_size=40))
    opening = draw(AMOUNT)
    closing = opening + sum(a for _, a in incomes) - sum(a for _, a, _ in expenses)
    lines = ["kind: finance", "period: 2026-Q3", "posted: 2026-10-08", "reviewed_by: 孙立平",
             "reviewed_on: 2026-10-06", f"opening_balance: {opening}", "income:"]
    lines += [f"  - {{date: 2026-07-01, voucher: 记-{i}, summary: {quoted(s)}, category: 其他收入, "
              f"amount: {a}, handler: 陈静}}" for i, (s, a) in enumerate(incomes)]
    lines.append("expense:" if expenses else "expense: []")
    lines += [f"  - {{date: 2026-08-01, voucher: 付-{i}, summary: {quoted(s)}, category: 其他支出, "
              f"amount: {a}, handler: {quoted(h)}, approver: 张建国}}" for i, (s, a, h) in enumerate(expenses)]
    lines.append(f"closing_balance: {closing}")
    lines.append("accountant: 周会计")
    texts = [s for s, _ in incomes] + [t for s, _, h in expenses for t in (s, h)]
    amounts = [a for _, a in incomes] + [a for _, a, _ in expenses] + [opening]
    if closing >= 0:
        amounts.append(closing)
    return "\n".join(lines) + "\n", texts, amounts, closing


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(finance_items())
def test_every_text_and_amount_is_on_the_poster_and_nothing_is_clipped(village, renderer, generated):
    text, texts, amounts, closing = generated
    checked = check_text(village, text)
    if closing < 0:  # a negative closing balance is refused, which is right; nothing to render
        assert [f.code for f in checked.findings] == ["money_negative"]
        return
    assert checked.ok, [f.format() for f in checked.findings]
    poster = renderer.render(checked)
    printed = squeezed("".join(page_texts(poster.pdf)))
    for expected in texts:
        assert squeezed(expected) in printed, expected
    for amount in amounts:
        assert money_plain(amount) in printed, amount
    for width, height, boxes in char_boxes(poster.pdf):
        for left, bottom, right, top in boxes:
            assert left >= 0 and right <= width + 0.5 and bottom >= 0 and top <= height + 0.5


def test_dates_are_kept_exactly(village, renderer):
    checked = check_text(village, "kind: notice\ntitle: 通知\nperiod: 2024-02\nposted: 2024-02-29\nbody: 闰年。\n")
    assert checked.item is not None and checked.item.posted == date(2024, 2, 29)

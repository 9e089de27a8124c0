"""Every field a clerk fills either appears on the poster or is documented as not printed
(docs/使用指南.md, 「哪些内容不印在海报上」)."""

from __future__ import annotations

import html
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from noticeboard.kinds import KINDS
from noticeboard.kinds.common import zh_date
from noticeboard.poster.render import Renderer
from tests.conftest import ROOT, check_text, filled_skeleton

# Field → how the poster shows it instead, or why it is not printed. Each is in the guide.
NOT_PRINTED = {
    "period.start": "所属期间印成期间名称（如 2026年第三季度）",
    "period.end": "所属期间印成期间名称",
    "days": "公示天数印成公示期起止日期",
    "url": "网址印成二维码",
    "stage": "阶段决定海报的形式（会前公告或决议公告），不单独印出",
    "decision.file": "会议公告文件只用于核对，不印出",
    "decision_file": "一事一议的决议公告文件只用于核对，不印出",
    "people.applied_on": "申请入党日期只用于核对各阶段先后，不印出",
    "people.activist_on": "确定为积极分子日期只用于核对，不印出",
    "people.candidate_on": "确定为发展对象日期只用于核对，不印出",
    "monthly_standard": "每人每月标准只用于核对金额；海报上印的是发放标准 standard",
    "months": "发放月数只用于核对金额，不印出",
}
OPTIONAL_KEYS = ("reviewed_by", "reviewed_on", "title", "issuer", "contact", "url")


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Any:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from leaves(inner, (*path, index))
    else:
        yield path, value


def shown_as(value: Any) -> list[str]:
    if isinstance(value, date):
        return [zh_date(value), f"{value.month}月{value.day}日"]
    if isinstance(value, Decimal):
        return [f"{value:,.2f}", f"{value:.2f}", f"{value:g}"]
    return [re.sub(r"\s+", "", str(getattr(value, "value", value)))]


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_printed_or_documented(village, renderer, kind):
    text = filled_skeleton(kind)
    for key in OPTIONAL_KEYS:  # the skeleton's commented optional fields, filled in
        text = re.sub(rf"^# ({key}:)", r"\1", text, flags=re.MULTILINE)
    if "\nreviewed_by:" not in text:
        text += "reviewed_by: 孙审核\nreviewed_on: 2026-01-01\n"
    checked = check_text(village, text)
    assert checked.ok, [f.format() for f in checked.findings]
    page = re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", renderer.html(checked, "A3"))))
    unprinted = []
    for path, value in leaves(checked.item.model_dump()):
        name = ".".join(str(p) for p in path if not isinstance(p, int))
        if value in (None, "") or isinstance(value, bool) or name == "kind" or name in NOT_PRINTED:
            continue
        if not any(shown in page for shown in shown_as(value)):
            unprinted.append(name)
    assert unprinted == []


def test_the_guide_lists_what_is_not_printed():
    guide = (ROOT / "docs" / "使用指南.md").read_text(encoding="utf-8")
    section = guide.split("### 哪些内容不印在海报上", 1)[1].split("\n## ", 1)[0]
    for name in NOT_PRINTED:
        assert f"`{name.split('.')[-1]}`" in section, name


def test_party_dues_reviewer_is_on_the_poster(village, renderer):
    text = filled_skeleton("party_dues") + "reviewed_by: 孙立平\nreviewed_on: 2026-10-09\n"
    checked = check_text(village, text)
    assert '<p class="review">审核：孙立平（2026年10月9日）</p>' in renderer.html(checked, "A3")

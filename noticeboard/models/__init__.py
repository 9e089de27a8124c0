"""The kinds of disclosure item, by English and Chinese name."""

from __future__ import annotations

from noticeboard.models.common import Envelope
from noticeboard.models.finance import Finance
from noticeboard.models.notice import Notice
from noticeboard.models.relief import Relief

KINDS: dict[str, type[Envelope]] = {model.KIND: model for model in (Notice, Finance, Relief)}

KIND_ALIASES: dict[str, str] = {
    "通知公告": "notice", "通知": "notice", "公告": "notice",
    "财务公开": "finance", "财务收支公开": "finance", "财务收支": "finance", "财务": "finance",
    "救助补助公示": "relief", "救助补助发放公示": "relief", "困难救济": "relief",
    "低保": "relief", "补助发放": "relief", "救助": "relief",
}


def kind_for(name: str) -> str | None:
    """The English kind name for `name` (English or Chinese), or None."""
    key = name.strip()
    if key.lower() in KINDS:
        return key.lower()
    return KIND_ALIASES.get(key)


__all__ = ["KINDS", "KIND_ALIASES", "Envelope", "Finance", "Notice", "Relief", "kind_for"]

"""通知公告: a free-text notice."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from noticeboard.kinds.common import Board, Envelope


class Notice(Envelope):
    KIND: ClassVar[str] = "notice"
    NAME_ZH: ClassVar[str] = "通知公告"

    kind: Literal["notice"] = Field(title="类型")
    title: str = Field(title="标题", min_length=1)
    board: Board = Field(Board.VILLAGE, title="公开栏目",
                         description="党务公开、村务公开或财务公开")
    body: str = Field(title="正文", min_length=1, description="正文；空一行分段")

    def posting_board(self) -> Board:
        return self.board


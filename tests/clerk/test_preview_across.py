"""The preview checks an item with its folder's other items, as `check` of the folder does."""

import os

from noticeboard.clerk.preview import PreviewState
from tests.checks.across.township import SH, copy_township, edit


def test_the_preview_sees_a_neighbours_disagreement_and_notices_its_edit(tmp_path):
    village = copy_township(tmp_path) / SH
    q3 = village / "2026-Q3-财务.yaml"
    state = PreviewState([village])
    first = state.version(q3)
    q2 = village / "2026-Q2-财务.yaml"
    edit(q2, "期初余额: 142316.54", "期初余额: 142316.64")
    edit(q2, "期末余额: 151913.79", "期末余额: 151913.89")  # Q3 no longer opens with it
    stat = q2.stat()
    os.utime(q2, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert state.version(q3) != first  # a neighbour changed: the preview is remade
    preview = state.preview(q3)
    assert [(f.file.name, f.code) for f in preview.findings] == [
        ("2026-Q3-财务.yaml", "balance_not_carried")]
    assert preview.images == []  # an error: no poster is drawn

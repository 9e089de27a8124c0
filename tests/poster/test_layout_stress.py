"""The layout audit on generated stress posters of every kind, at A3 and A4 (issue 15)."""

from __future__ import annotations

import pytest

from noticeboard.checks.item import check_item
from noticeboard.checks.settings import find_setting
from tests.layout_audit import MAX_BAND, CapturingRenderer, audit
from tests.stress_posters import HEAVY, STRESS, write_item


@pytest.fixture(scope="module")
def renderer() -> CapturingRenderer:
    return CapturingRenderer()


def lay_out(renderer, village, name, build, paper):
    path = write_item(village, name, build())
    setting, findings = find_setting(village)
    assert findings == []
    checked = check_item(path, setting)
    assert not [f for f in checked.findings if f.severity.value == "error"], checked.findings
    poster = renderer.render(checked, paper)
    return poster, audit(renderer.document)


@pytest.mark.parametrize("name", sorted(STRESS))
def test_stress_poster_passes_the_audit(renderer, village, name):
    build, paper = STRESS[name]
    poster, result = lay_out(renderer, village, name, build, paper)
    assert result.problems == [], (name, poster.scale, result)


@pytest.mark.heavy
@pytest.mark.parametrize("name", sorted(HEAVY))
def test_long_list_passes_the_audit(renderer, village, name):
    build, paper = HEAVY[name]
    poster, result = lay_out(renderer, village, name, build, paper)
    assert result.problems == [], (name, poster.scale, result)
    assert result.pages > 1  # long enough to test the header and row rules across sheets


@pytest.mark.parametrize("name", ["notice-three-lines", "notice-three-lines-A4",
                                  "party-dues-1", "relief-1-row"])
def test_a_short_poster_fills_its_sheet(renderer, village, name):
    build, paper = STRESS[name]
    _, result = lay_out(renderer, village, name, build, paper)
    assert result.pages == 1
    assert result.band is not None and result.band <= MAX_BAND, result

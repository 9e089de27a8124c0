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


@pytest.fixture(scope="module")
def stress_set(tmp_path_factory) -> dict[str, tuple[object, object]]:
    """Every stress poster rendered once, with its audit."""
    from tests.conftest import TOWNSHIP_YAML, VILLAGE_YAML, write

    township = tmp_path_factory.mktemp("stress") / "青山镇"
    write(township / "township.yaml", TOWNSHIP_YAML)
    write(township / "双河村" / "village.yaml", VILLAGE_YAML)
    renderer = CapturingRenderer(write_pdf=True)
    return {name: lay_out(renderer, township / "双河村", name, build, paper)
            for name, (build, paper) in sorted(STRESS.items())}


@pytest.mark.parametrize("name", sorted(STRESS))
def test_stress_poster_passes_the_audit(stress_set, name):
    poster, result = stress_set[name]
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
def test_a_short_poster_shares_out_the_space_it_leaves(stress_set, name):
    _, result = stress_set[name]
    assert result.pages == 1
    assert result.band is not None and result.band <= MAX_BAND, result


@pytest.mark.parametrize("name", ["finance-ten-digits-2-rows", "finance-ten-digits-2-rows-A4",
                                  "finance-ten-digits-40-rows"])
def test_ten_digit_amounts_are_printed_whole(stress_set, name):
    """¥9,999,999,999.99 in the key figures and the balance line, 999,999,999.99 in every
    cell: printed whole (and by the audit, none overlaps another or leaves its cell)."""
    from tests.pdftext import page_texts, squeezed

    poster, result = stress_set[name]
    assert result.problems == [], result
    text = squeezed("".join(page_texts(poster.pdf)))
    assert text.count("9,999,999,999.99") >= 2  # the opening balance: its figure and its line
    rows = int(name.split("-")[3])
    assert text.count("999,999,999.99") >= rows + 2


def test_the_stress_set_uses_three_body_sizes_per_paper_at_most(stress_set):
    """One type scale: every poster of the set is set at one of its paper's steps."""
    from noticeboard.poster.render import TYPE_SCALE_PT

    sizes: dict[str, set[float]] = {}
    for name, (_, result) in stress_set.items():
        sizes.setdefault(STRESS[name][1], set()).add(result.body_pt)
    for paper, found in sizes.items():
        assert found <= set(TYPE_SCALE_PT[paper]), (paper, found)
        assert len(found) <= 3


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_a_poster_with_its_check_code_passes_the_audit(tmp_path, paper):
    """A township with a site address prints the 核验码 beside the QR: on the scale too."""
    from tests.conftest import TOWNSHIP_YAML, VILLAGE_YAML, write
    from tests.pdftext import page_texts, squeezed

    township = tmp_path / "青山镇"
    write(township / "township.yaml", TOWNSHIP_YAML + "site: https://cun.example.gov.cn\n")
    write(township / "双河村" / "village.yaml", VILLAGE_YAML)
    build, _ = STRESS["finance-ten-digits-2-rows"]
    poster, result = lay_out(CapturingRenderer(write_pdf=True), township / "双河村", "coded",
                             build, paper)
    assert "核验码" in squeezed(page_texts(poster.pdf)[0])
    assert result.problems == [], result

"""A table too long for a sane poster is refused at `check`, before `render` spends minutes on it."""

import time

import pytest

from noticeboard.checks.rules.size import ROWS_PER_SHEET
from noticeboard.kinds.settings import DEFAULT_MAX_SHEETS
from tests.conftest import FINANCE_YAML, RELIEF_YAML, TOWNSHIP_YAML, check_text, codes, line_of, write

RELIEF_HEAD = RELIEF_YAML[:RELIEF_YAML.index("recipients:\n")] + "recipients:\n"


def relief(rows: int) -> str:
    return RELIEF_HEAD + "".join(
        f"  - {{name: 王桂英{n}, group: 第一村民小组, household_size: 2, category: 一类低保, amount: 1120.00}}\n"
        for n in range(rows))


def test_the_largest_allowed_table_passes(village):
    rows = DEFAULT_MAX_SHEETS * ROWS_PER_SHEET["A3"]
    assert "poster_too_many_sheets" not in codes(check_text(village, relief(rows)))


def test_one_row_more_is_refused_saying_how_many_rows_fit(village):
    rows = DEFAULT_MAX_SHEETS * ROWS_PER_SHEET["A3"] + 1
    text = relief(rows)
    checked = check_text(village, text)
    [finding] = [f for f in checked.findings if f.code == "poster_too_many_sheets"]
    assert finding.line == line_of(text, "recipients:")
    assert finding.message() == (
        "表格共 681 行，约需 21 张 A3 纸，超过每张海报最多 20 张的规定（A3 每张约 34 行，最多 680 行）；"
        "请按村民小组或月份分成几项，或在 township.yaml 的 defaults.max_sheets 中调高上限")
    assert not checked.ok


def test_the_township_sets_the_limit(township, village):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  max_sheets: 2\n")
    assert "poster_too_many_sheets" not in codes(check_text(village, relief(68)))
    checked = check_text(village, relief(69))
    [finding] = [f for f in checked.findings if f.code == "poster_too_many_sheets"]
    assert (finding.params["max_rows"], finding.params["sheets"]) == (68, 3)


def test_rows_of_every_table_count(township, village):
    write(township / "township.yaml", TOWNSHIP_YAML + "defaults:\n  max_sheets: 1\n")
    extra = "".join(f"  - {{date: 2026-08-02, voucher: 付-{n:03d}, summary: 办公用品, category: 管理费用, "
                    f"amount: 1.00, handler: 刘洋, approver: 张建国}}\n" for n in range(2, 35))
    text = FINANCE_YAML.replace("closing_balance: 2700.25", extra + "closing_balance: 2667.25")
    checked = check_text(village, text)  # 1 income + 34 expense rows: 35 > 34
    [finding] = [f for f in checked.findings if f.code == "poster_too_many_sheets"]
    assert (finding.params["rows"], finding.field_path) == (35, ("expense",))


@pytest.mark.parametrize("value", ["0", "101", "-1"])
def test_the_limit_is_range_checked_in_township_yaml(township, value):
    from noticeboard.checks.settings import find_setting

    write(township / "township.yaml", TOWNSHIP_YAML + f"defaults:\n  max_sheets: {value}\n")
    _, findings = find_setting(township / "双河村")
    assert [(f.file.name, f.line, f.code) for f in findings] == [
        ("township.yaml", 5, "too_small" if value != "101" else "too_large")]


def test_a_20000_row_item_is_refused_at_check_in_seconds(village):
    text = RELIEF_HEAD + "".join(
        f"  - {{name: 王{n}, group: 一组, household_size: 2, category: 低保, amount: 1120}}\n"
        for n in range(20_000))
    assert 1_000_000 < len(text.encode()) < 2 * 1024 * 1024  # near the 2 MB item
    start = time.perf_counter()
    checked = check_text(village, text)
    assert codes(checked) == ["poster_too_many_sheets"]
    assert time.perf_counter() - start < 60

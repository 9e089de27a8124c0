"""`noticeboard new` skeletons: valid items that name every field of their kind."""

import pytest

from noticeboard.clerk.skeletons import skeleton
from noticeboard.kinds import KINDS
from noticeboard.sources.loader import load_yaml_file
from tests.conftest import check_text, filled_skeleton, write


@pytest.mark.parametrize("kind", list(KINDS))
def test_skeleton_checks_clean_once_its_samples_are_confirmed(village, kind):
    checked = check_text(village, filled_skeleton(kind))
    assert [f.format() for f in checked.findings] == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_marked_sample_of_a_skeleton_is_refused_on_its_line(village, kind):
    text = skeleton(kind)
    marked = [n for n, line in enumerate(text.splitlines(), 1)
              if "【示例】" in line and not line.lstrip().startswith("#")]
    checked = check_text(village, text)
    assert marked  # every skeleton carries samples: a name, a date
    assert sorted({f.line for f in checked.findings if f.code == "placeholder_sample"}) == marked
    assert {f.code for f in checked.findings} == {"placeholder_sample"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_skeleton_mentions_every_field_with_a_chinese_comment(tmp_path, kind):
    text = skeleton(kind)
    for name in KINDS[kind].model_fields:
        assert f"{name}:" in text, name
    data_lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line in data_lines:
        if line.strip().startswith(("kind", "title", "body")) or ":" in line:
            assert "#" in line or line.startswith("  "), line
    assert load_yaml_file(write(tmp_path / "x.yaml", text)).data["kind"] == kind

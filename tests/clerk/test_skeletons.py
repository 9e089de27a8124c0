"""`noticeboard new` skeletons: valid items that name every field of their kind."""

import pytest

from noticeboard.clerk.skeletons import skeleton
from noticeboard.kinds import KINDS
from noticeboard.sources.loader import load_yaml_file
from tests.conftest import check_text, write


@pytest.mark.parametrize("kind", list(KINDS))
def test_skeleton_checks_clean(village, kind):
    checked = check_text(village, skeleton(kind))
    assert [f.format() for f in checked.findings] == []


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

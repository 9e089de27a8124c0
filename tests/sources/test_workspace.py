"""Finding items, and output names that cannot leave the output folder."""

from pathlib import Path

import pytest

from noticeboard.sources.names import safe_name
from noticeboard.sources.workspace import discover
from tests.conftest import NOTICE_YAML, write


@pytest.mark.parametrize(("name", "safe"), [
    ("2026-Q3-财务", "2026-Q3-财务"),
    ("CON", "_CON"),
    ("aux.backup", "_aux.backup"),
    ("com1", "_com1"),
    ("..", "_"),
    ("名单. ", "名单"),
    ("a/../b", "a_.._b"),
])
def test_safe_name(name, safe):
    assert safe_name(name) == safe


def test_output_stays_inside_the_output_folder(township):
    write(township / "CON" / "village.yaml", "name: 村\nphone: 1\n")
    write(township / "CON" / "PRN.yaml", NOTICE_YAML)
    [item] = [i for i in discover([township]).items if i.path.name == "PRN.yaml"]
    assert item.output_stem == Path("_CON") / "_PRN"
    out = Path("/tmp/out")
    assert (out / item.output_stem).resolve().is_relative_to(out)


def test_hidden_and_settings_files_are_not_items(township):
    write(township / "双河村" / ".草稿.yaml", NOTICE_YAML)
    write(township / "双河村" / "_旧.yaml", NOTICE_YAML)
    write(township / "双河村" / "通知.yml", NOTICE_YAML)
    assert [i.path.name for i in discover([township]).items] == ["通知.yml"]

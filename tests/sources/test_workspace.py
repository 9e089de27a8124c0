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


def _skipped(workspace) -> list[tuple[str, str]]:
    return [(f.file.name, f.message()) for f in workspace.findings if f.code.startswith("skipped")]


def test_an_item_directly_in_the_township_folder_is_named_not_skipped(township):
    write(township / "通知.yaml", NOTICE_YAML)
    workspace = discover([township])
    assert workspace.items == []
    assert _skipped(workspace) == [("通知.yaml", (
        "这个文件直接放在乡镇文件夹里，不属于任何一个村，没有检查也不会生成海报；请把它移到所属村的文件夹里"))]
    assert [f.severity.value for f in workspace.findings if f.code.startswith("skipped")] == ["warning"]


def test_items_in_a_subfolder_of_a_village_are_named(village):
    write(village / "通知.yaml", NOTICE_YAML)
    write(village / "2025年" / "旧" / "财务.yaml", NOTICE_YAML)
    workspace = discover([village])
    assert [i.path.name for i in workspace.items] == ["通知.yaml"]
    assert _skipped(workspace) == [("财务.yaml", (
        "这个文件在村文件夹 双河村 的子文件夹里，没有检查也不会生成海报；公开事项要直接放在村文件夹里"))]


def test_a_name_windows_made_and_a_draft_are_named(village):
    write(village / "财务.yaml.txt", NOTICE_YAML)
    write(village / "_草稿.yml", NOTICE_YAML)
    write(village / ".~lock.财务.yaml#", "")  # an office program's lock file: hidden, not named
    workspace = discover([village])
    assert workspace.items == []
    assert _skipped(workspace) == [
        ("_草稿.yml", "文件名以「_」开头，按草稿处理，没有检查也不会生成海报；要公开时请去掉开头的「_」"),
        ("财务.yaml.txt", "文件名以「.yaml.txt」结尾，不是 .yaml，没有当作公开事项（电脑可能隐藏了扩展名）；"
                          "如果它是公开事项，请改名为「财务.yaml」"),
    ]


def test_hundreds_of_skipped_copies_are_counted_not_listed(village):
    for n in range(25):
        write(village / "备份" / f"{n:02}.yaml", NOTICE_YAML)
    messages = [f.message() for f in discover([village]).findings if f.code.startswith("skipped")]
    assert len(messages) == 21 and messages[-1].endswith("里还有 5 个这样的文件没有逐个列出")

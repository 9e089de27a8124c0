"""No way out of the folder through symlinks: items, village folders, settings files (issue 10, ask 3).

Each case asserts the exact message and exit code, that the other items are
still processed, and (recorded with an audit hook) that the file outside was
never opened.
"""

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import noticeboard
from noticeboard.cli import app
from noticeboard.poster.render import builtin_template_dir
from tests.conftest import NOTICE_YAML, TOWNSHIP_YAML, VILLAGE_YAML, write
from tests.spies import audit_log, opened_outside

runner = CliRunner()
REFUSED = "指向本文件夹以外（{target}），已拒绝：不会读取，也不会印在海报上"


@pytest.fixture
def outside(tmp_path):
    """A folder next to the township with things worth stealing."""
    root = tmp_path / "外面"
    write(root / "secret.yaml", NOTICE_YAML.replace("关于召开村民代表会议的通知", "机密"))
    write(root / "外村" / "village.yaml", VILLAGE_YAML.replace("双河村", "外村"))
    write(root / "外村" / "机密.yaml", NOTICE_YAML)
    write(root / "village.yaml", VILLAGE_YAML.replace("双河村", "假村"))
    write(root / "township.yaml", TOWNSHIP_YAML.replace("青山镇", "假镇"))
    return root


def run(args, cwd):
    """The command, run in `cwd` (which holds the township and the output folder),
    and every file it opened outside the township, the output folder, the tool's
    templates and Python's own files."""
    old = os.getcwd()
    os.chdir(cwd)
    allowed = (cwd / "青山镇", cwd / "out", builtin_template_dir(), Path(noticeboard.__file__).parent,
               Path(sys.prefix), Path(sys.base_prefix))
    try:
        with audit_log() as events:
            result = runner.invoke(app, args)
        return result, opened_outside(events, *allowed)  # relative names resolve in `cwd`
    finally:
        os.chdir(old)


def refused(link: str, target: Path) -> str:
    return f"{link}: 错误: " + REFUSED.format(target=target)


def test_an_item_linked_from_outside_is_refused_and_the_others_go_on(township, outside, tmp_path):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    (township / "双河村" / "偷看.yaml").symlink_to(outside / "secret.yaml")
    result, outside_opened = run(["check", "青山镇"], tmp_path)
    assert result.output == (refused("青山镇/双河村/偷看.yaml", outside / "secret.yaml") + "\n"
                             "检查了 1 个文件：1 个错误，0 个警告\n")
    assert result.exit_code == 1
    assert outside_opened == []

    result, outside_opened = run(["render", "青山镇", "-o", "out", "-j", "1"], tmp_path)
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.pdf")) == ["通知.pdf"]
    assert outside_opened == []


def test_an_item_named_on_the_command_line_that_leads_outside_is_refused(township, outside, tmp_path):
    (township / "双河村" / "偷看.yaml").symlink_to(outside / "secret.yaml")
    result, outside_opened = run(["check", "青山镇/双河村/偷看.yaml"], tmp_path)
    assert result.output == (refused("青山镇/双河村/偷看.yaml", outside / "secret.yaml") + "\n"
                             "检查了 0 个文件：1 个错误，0 个警告\n")
    assert result.exit_code == 1
    assert outside_opened == []


def test_a_village_folder_linked_from_outside_is_refused(township, outside, tmp_path):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    (township / "外村").symlink_to(outside / "外村", target_is_directory=True)
    result, outside_opened = run(["check", "青山镇"], tmp_path)
    assert result.output == (refused("青山镇/外村", outside / "外村") + "\n"
                             "检查了 1 个文件：1 个错误，0 个警告\n")
    assert result.exit_code == 1
    assert outside_opened == []


@pytest.mark.parametrize(("link", "target"), [
    ("青山镇/双河村/village.yaml", "village.yaml"),
    ("青山镇/township.yaml", "township.yaml"),
])
def test_settings_files_linked_from_outside_are_refused(township, outside, tmp_path, link, target):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    (tmp_path / link).unlink()
    (tmp_path / link).symlink_to(outside / target)
    result, outside_opened = run(["check", "青山镇"], tmp_path)
    assert result.output == (refused(link, outside / target) + "\n"
                             "检查了 0 个文件：1 个错误，0 个警告\n")
    assert result.exit_code == 1
    assert outside_opened == []
    result, outside_opened = run(["check", link], tmp_path)  # checked by name, as settings
    assert (result.exit_code, result.output.split("\n")[0]) == (1, refused(link, outside / target))
    assert outside_opened == []


def test_the_township_above_a_village_checked_alone_is_read(township, tmp_path):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    result, outside_opened = run(["check", "青山镇/双河村"], tmp_path)
    assert (result.exit_code, result.output) == (0, "检查了 1 个文件：0 个错误，0 个警告\n")
    assert outside_opened == []


def test_a_township_yaml_above_a_village_that_leads_outside_is_refused(township, outside, tmp_path):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    (township / "township.yaml").unlink()
    (township / "township.yaml").symlink_to(outside / "township.yaml")
    result, outside_opened = run(["check", "青山镇/双河村"], tmp_path)
    assert result.output == (refused("青山镇/township.yaml", outside / "township.yaml") + "\n"
                             "检查了 0 个文件：1 个错误，0 个警告\n")
    assert outside_opened == []


def test_symlinks_that_stay_inside_are_fine(township, tmp_path):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    write(township / "张家村" / "village.yaml",
          VILLAGE_YAML.replace("双河村", "张家村").replace("0571-63811001", "0571-63811002"))
    (township / "张家村" / "同一通知.yaml").symlink_to(township / "双河村" / "通知.yaml")
    (township / "李家村").symlink_to(township / "张家村", target_is_directory=True)
    result, outside_opened = run(["check", "青山镇"], tmp_path)
    # 李家村 is 张家村 again: its item is the same file with the same poster, counted once
    assert (result.exit_code, result.output) == (0, "检查了 2 个文件：0 个错误，0 个警告\n")
    assert outside_opened == []


def test_a_symlink_loop_is_not_followed_forever(township, tmp_path):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    (township / "双河村" / "圈.yaml").symlink_to(township / "双河村" / "圈.yaml")
    result, outside_opened = run(["check", "青山镇"], tmp_path)
    assert (result.exit_code, result.output) == (0, "检查了 1 个文件：0 个错误，0 个警告\n")
    assert outside_opened == []

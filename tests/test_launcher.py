"""`make setup` puts `noticeboard` on PATH: it runs from any folder, venv not activated."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VENV_SCRIPT = ROOT / ".venv" / "bin" / "noticeboard"
pytestmark = pytest.mark.skipif(not VENV_SCRIPT.is_file(), reason="no .venv: run `make venv`")


def make_launcher(bin_dir: Path) -> subprocess.CompletedProcess[str]:
    # `-o .venv/.installed`: take the venv as it is (never reinstall it from a test)
    return subprocess.run(["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", "launcher",
                           f"LAUNCHER_DIR={bin_dir}"], capture_output=True, text=True, check=True)


def bare_environment(bin_dir: Path, home: Path) -> dict[str, str]:
    """A new terminal's: PATH without the venv, nothing activated."""
    return {"PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def test_launcher_runs_from_another_folder_in_a_new_terminal(tmp_path):
    bin_dir, elsewhere = tmp_path / "bin", tmp_path / "某个文件夹"
    elsewhere.mkdir()
    first = make_launcher(bin_dir)
    assert f"已安装命令 noticeboard：{bin_dir}/noticeboard -> {VENV_SCRIPT}" in first.stdout
    assert os.readlink(bin_dir / "noticeboard") == str(VENV_SCRIPT)
    env = bare_environment(bin_dir, tmp_path)
    init = subprocess.run(["noticeboard", "init", ".", "--village", "双河村"], cwd=elsewhere,
                          env=env, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    assert init.stdout == "已创建 village.yaml\n"
    kinds = subprocess.run(["noticeboard", "kinds"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    assert kinds.returncode == 0 and "财务公开" in kinds.stdout


def test_a_second_setup_changes_nothing(tmp_path):
    bin_dir = tmp_path / "bin"
    make_launcher(bin_dir)
    assert make_launcher(bin_dir).stdout == ""


def test_says_how_to_reach_a_folder_not_on_path(tmp_path):
    out = make_launcher(tmp_path / "bin").stdout
    assert f"注意：{tmp_path}/bin 不在 PATH 里。请运行下面这行，再打开一个新的终端窗口：" in out


def test_a_command_installed_otherwise_is_left_alone(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "noticeboard").write_text("#!/bin/sh\necho pipx\n", encoding="utf-8")
    out = make_launcher(bin_dir).stdout
    assert f"注意：{bin_dir}/noticeboard 已存在（不是本目录安装的），没有替换" in out
    assert (bin_dir / "noticeboard").read_text(encoding="utf-8") == "#!/bin/sh\necho pipx\n"

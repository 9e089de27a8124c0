"""Every command of docs/使用指南.md and of the README's clerk section, run as written.

Each runs in a shell with `noticeboard` found on PATH (as `make setup` puts it), from the
folder the text has the clerk in (`cd 双河村` is followed). Between commands the test does
what the text tells the clerk to do by hand, and only that: fill in what `new`, `init` and
`import` leave to fill (samples confirmed, the real phone, the blanks `import` leaves), and
provide the spreadsheet the text imports. Two commands are not run here, said below.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import ROOT, confirmed

BIN = Path(sys.executable).parent
NOT_RUN = {
    "make demo": "the set-up itself: `make` runs it, tests/test_launcher.py tests its launcher",
    "noticeboard preview": "serves until Ctrl-C: tests/clerk/test_preview.py runs the server",
}
BLANKS = {"reviewed_by": "孙立平", "opening_balance": "10000.00", "closing_balance": "12500.00"}


def commands(markdown: str) -> Iterator[str]:
    """The command lines of every ```sh block, their trailing comments taken off."""
    for block in re.findall(r"```sh\n(.*?)```", markdown, flags=re.DOTALL):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command:
                yield command


def sheet(path: Path, quarter: tuple[str, str]) -> None:
    """The ledger the text imports: one income, one expense, the sheet's own total row."""
    book = openpyxl.Workbook()
    rows = book.active
    rows.append(["日期", "凭证号", "摘要", "类别", "收入", "支出", "经手人", "审批人"])
    rows.append([quarter[0], "记-001", "厂房租金收入", "发包及上交收入", 3000, None, "陈静", None])
    rows.append([quarter[1], "付-001", "办公用品采购", "管理费用", None, 500, "李秀英", "张建国"])
    rows.append(["合计", None, None, None, 3000, 500, None, None])
    book.save(path)


def fill_in(folder: Path, dates: dict[str, str]) -> None:
    """What the clerk types into the files `init`, `new` and `import` wrote."""
    for file in folder.rglob("*.yaml"):
        text = confirmed(file.read_text(encoding="utf-8")).replace("0000-00000000", "0571-63811001")
        text = text.replace("某某县", "临安区")
        for key, value in {**BLANKS, **dates}.items():
            text = re.sub(rf"^{key}:[ ]*(#.*)?$", f"{key}: {value}", text, flags=re.MULTILINE)
        file.write_text(text, encoding="utf-8")


class Clerk:
    """A shell session: each command as typed, `cd` followed."""

    def __init__(self, home: Path):
        self.cwd = home
        self.said: dict[str, str] = {}  # what each command printed, as the clerk saw it
        self.env = {"PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin", "HOME": str(home),
                    "LANG": "C.UTF-8"}

    def run(self, command: str) -> subprocess.CompletedProcess[str]:
        if command.startswith("cd "):
            self.cwd = (self.cwd / command[3:].strip()).resolve()
            return subprocess.CompletedProcess(command, 0, "", "")
        result = subprocess.run(["bash", "-c", command], cwd=self.cwd, env=self.env,
                                capture_output=True, text=True, timeout=600)
        self.said[command] = result.stdout + result.stderr
        return result


def run_all(clerk: Clerk, lines: list[str], before: dict[str, object]) -> list[str]:
    """Run every line; the problems found (a non-zero exit, a traceback, no command)."""
    problems = []
    for command in lines:
        if command in NOT_RUN:
            continue
        for prefix, action in before.items():
            if command.startswith(prefix):
                action()  # type: ignore[operator]
        result = clerk.run(command)
        said = result.stdout + result.stderr
        # status exits 1 while something due is missing (none of 张家村's is posted): its
        # table must still be there, a village on each row
        table = command.startswith("noticeboard status") and result.returncode == 1 and \
            "\n张家村  " in result.stdout
        if (result.returncode != 0 and not table) or "Traceback" in said or "command not found" in said:
            problems.append(f"{command} → {result.returncode}\n{said}")
    return problems


def test_every_command_of_the_guide_runs_as_written(tmp_path):
    guide = (ROOT / "docs" / "使用指南.md").read_text(encoding="utf-8")
    lines = list(commands(guide))
    assert "noticeboard extract out/双河村/2026-Q3-财务.pdf -o 旧海报-2026-Q3-财务.yaml" in lines
    clerk = Clerk(tmp_path)
    township = "noticeboard init 青山镇 --township 青山镇 --village 双河村 --village 张家村"
    assert f"`{township}`" in guide  # the township office's way, said in §二

    def at_the_township_office() -> None:
        """§九 and §十 are the township's: its folder, holding the village's items."""
        clerk.cwd = tmp_path
        if not (tmp_path / "青山镇").exists():
            assert clerk.run(township).returncode == 0
            fill_in(tmp_path / "青山镇", {})
            for item in (tmp_path / "双河村").glob("20*.yaml"):
                shutil.copy(item, tmp_path / "青山镇" / "双河村" / item.name)

    def save_the_public_key() -> None:
        """§十: the public key is shown on screen; the office keeps it in a file."""
        shown = clerk.said["noticeboard site --new-key --key ~/青山镇-网站密钥.key"]
        key = re.search(r"公钥（可公开[^）]*）：(\S+)", shown)
        assert key, shown
        (clerk.cwd / "公钥.txt").write_text(key[1] + "\n", encoding="utf-8")

    before = {
        "noticeboard import 三季度收支明细.xlsx": lambda: (
            sheet(clerk.cwd / "三季度收支明细.xlsx", ("2026-07-01", "2026-08-02"))),
        "noticeboard check": lambda: fill_in(tmp_path / "双河村",
                                             {"posted": "2026-10-08", "reviewed_on": "2026-10-06"}),
        "noticeboard status 青山镇": at_the_township_office,
        "noticeboard site": at_the_township_office,
        "noticeboard site --verify site --public-key": save_the_public_key,
        "noticeboard site --verify site --against 上次的site备份": lambda: shutil.copytree(
            clerk.cwd / "site", clerk.cwd / "上次的site备份", dirs_exist_ok=True) if (clerk.cwd / "site").is_dir() else None,
    }
    assert run_all(clerk, lines, before) == []
    assert (tmp_path / "双河村" / "旧海报-2026-Q3-财务.yaml").read_text(encoding="utf-8") == \
        (tmp_path / "双河村" / "2026-Q3-财务.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "双河村" / "out" / "双河村" / "2026-10-低保.png").is_file()


def test_every_command_of_the_readme_clerk_section_runs_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For the village clerk", 1)[1].split("\n## ", 1)[0]
    lines = list(commands(section))
    assert lines[0] == "noticeboard init . --village 双河村"
    village = tmp_path / "双河村"
    village.mkdir()
    clerk = Clerk(village)
    def fill_in_both_quarters() -> None:
        """The skeleton named 2026-Q4 gets Q4's dates; the sheet is the next quarter's,
        carrying Q4's closing balance forward."""
        quarter = village / "2026-Q4-财务.yaml"
        text = quarter.read_text(encoding="utf-8")
        for sample, real in {"2026-Q3": "2026-Q4", "2026-07-01": "2026-10-09", "2026-08-02": "2026-11-02",
                             "2026-10-08": "2027-01-08", "2026-10-06": "2027-01-06"}.items():
            text = text.replace(sample, real)
        quarter.write_text(text, encoding="utf-8")
        fill_in(village, {"period": "2027-Q1", "posted": "2027-04-08", "reviewed_on": "2027-04-06",
                          "opening_balance": "12500.00", "closing_balance": "15000.00"})

    before = {
        "noticeboard import 收支明细.xlsx": lambda: sheet(village / "收支明细.xlsx", ("2027-01-05", "2027-02-02")),
        "noticeboard check": fill_in_both_quarters,
    }
    assert run_all(clerk, lines, before) == []
    assert (village / "out" / "双河村" / "2026-Q4-财务.pdf").is_file()


@pytest.mark.parametrize("command", sorted(NOT_RUN))
def test_the_commands_not_run_here_are_in_the_texts(command):
    texts = (ROOT / "docs" / "使用指南.md").read_text(encoding="utf-8") + (ROOT / "README.md").read_text(encoding="utf-8")
    assert command in set(commands(texts))

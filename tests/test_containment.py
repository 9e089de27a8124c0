"""A hostile township, run through `check`, `render` and `extract` as a clerk would:
`strace`-style evidence (Python's audit hook, `tests/spies.py`) that no file outside
the allowed roots is opened, nothing outside a temp folder is created or changed,
and no connection is attempted (issue 10, asks 1-3 and 8).

Allowed roots: the township folder, the tool's templates and code, the output
folder, Python's own files and a private temp folder. (Fonts are opened by
fontconfig in C, which the audit hook does not see.)
"""

import hashlib
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import noticeboard
from noticeboard.cli import app
from noticeboard.poster.render import builtin_template_dir
from tests.conftest import NOTICE_YAML, TOWNSHIP_YAML, VILLAGE_YAML, write
from tests.hostile_pdfs import ITEM, crafted
from tests.spies import audit_log, network_events, opened_outside

runner = CliRunner()
REFUSED = "指向本文件夹以外（{target}），已拒绝：不会读取，也不会印在海报上"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` with a digest of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """A township with symlinks leading out, hostile text, and crafted archived posters."""
    outside = tmp_path / "外面"
    write(outside / "secret.yaml", NOTICE_YAML.replace("关于召开村民代表会议的通知", "机密"))
    write(outside / "外村" / "village.yaml", VILLAGE_YAML.replace("双河村", "外村"))
    write(outside / "外村" / "机密.yaml", NOTICE_YAML)
    write(outside / "village.yaml", VILLAGE_YAML.replace("双河村", "假村"))
    write(outside / "victim.yaml", "original\n")

    township = tmp_path / "青山镇"
    write(township / "township.yaml", TOWNSHIP_YAML)
    write(township / "双河村" / "village.yaml", VILLAGE_YAML)
    write(township / "双河村" / "2026年第三季度通知.yaml", NOTICE_YAML.replace(
        "开会。", '开会。<img src="file:///etc/hostname"> {{ 7*7 }} <link rel=stylesheet href="http://127.0.0.1:9/x.css">'))
    (township / "双河村" / "偷看.yaml").symlink_to(outside / "secret.yaml")
    (township / "外村").symlink_to(outside / "外村", target_is_directory=True)
    write(township / "张家村" / "通知.yaml", NOTICE_YAML)
    (township / "张家村" / "village.yaml").symlink_to(outside / "village.yaml")
    archive = township / "档案"
    archive.mkdir()
    (archive / "绝对路径.pdf").write_bytes(crafted([(str(outside / "victim.yaml"), ITEM.encode())]))
    (archive / "上级目录.pdf").write_bytes(crafted([(b"../../../victim.yaml", ITEM.encode())]))

    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    monkeypatch.chdir(tmp_path)
    return outside


def allowed(tmp_path: Path) -> tuple[Path, ...]:
    return (tmp_path / "青山镇", tmp_path / "out", tmp_path / "tmp", builtin_template_dir(),
            Path(noticeboard.__file__).parent, Path(sys.prefix), Path(sys.base_prefix))


def invoke(args):
    with audit_log() as events:
        result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # never a traceback
    return result, events


def test_the_hostile_township_opens_nothing_outside(hostile, tmp_path):
    outside = hostile
    before = snapshot(outside)
    expected_refusals = [
        "青山镇/双河村/偷看.yaml: 错误: " + REFUSED.format(target=outside / "secret.yaml"),
        "青山镇/外村: 错误: " + REFUSED.format(target=outside / "外村"),
        "青山镇/张家村/village.yaml: 错误: " + REFUSED.format(target=outside / "village.yaml"),
    ]
    pdfs = ["青山镇/档案/绝对路径.pdf", "青山镇/档案/上级目录.pdf"]

    result, events = invoke(["check", "青山镇", *pdfs])
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert sorted(line for line in lines if "已拒绝" in line) == sorted([*expected_refusals,
        f"{pdfs[0]}: 错误: 附带的文件名「{outside / 'victim.yaml'}」指向别的文件夹（绝对路径或含 ..），已拒绝，没有写入任何文件",
        f"{pdfs[1]}: 错误: 附带的文件名「../../../victim.yaml」指向别的文件夹（绝对路径或含 ..），已拒绝，没有写入任何文件"])
    assert lines[-1].startswith("检查了 1 个文件：")
    assert opened_outside(events, *allowed(tmp_path)) == []
    assert network_events(events) == []

    result, events = invoke(["render", "青山镇", "-o", "out", "-j", "1"])
    assert result.exit_code == 1
    assert sorted(line for line in result.output.splitlines() if "已拒绝" in line) == sorted(expected_refusals)
    assert [p.name for p in (tmp_path / "out").rglob("*.pdf")] == ["2026年第三季度通知.pdf"]
    assert opened_outside(events, *allowed(tmp_path)) == []
    assert network_events(events) == []

    poster = "out/双河村/2026年第三季度通知.pdf"
    for args in (["extract", poster], ["check", poster], ["render", poster, "-o", "out/again", "-j", "1"],
                 ["extract", pdfs[0]], ["extract", pdfs[1]]):
        result, events = invoke(args)
        assert result.exit_code == (1 if args[1] in pdfs else 0), (args, result.output)
        assert opened_outside(events, *allowed(tmp_path)) == [], args
        assert network_events(events) == []

    assert snapshot(outside) == before  # nothing outside created or changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tmp", "外面", "青山镇"]


def test_a_hostile_township_stylesheet_opens_nothing_outside(hostile, tmp_path):
    """With `engine`'s fetcher: the township's poster.css reaching for a system file and the network."""
    write(tmp_path / "青山镇" / "templates" / "poster.css", """\
        @import url(file:///etc/hostname);
        @import url(../../外面/secret.yaml);
        @font-face { font-family: Remote; src: url(http://127.0.0.1:9/font.woff); }
        """)
    result, events = invoke(["render", "青山镇/双河村", "-o", "out", "-j", "1"])
    assert result.exit_code == 1
    refused = [line.split("「")[1].split("」")[0] for line in result.output.splitlines() if "已拒绝；" in line]
    assert sorted(refused) == sorted(["file:///etc/hostname", (tmp_path / "外面" / "secret.yaml").as_uri(),
                                      "http://127.0.0.1:9/font.woff"])
    assert list((tmp_path / "out").rglob("*.pdf")) == []
    assert opened_outside(events, *allowed(tmp_path)) == []
    assert network_events(events) == []

"""`noticeboard site`: what it prints when it builds, makes a key, or refuses a key's place."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.kinds.record import shown_code
from noticeboard.site.log import read_log
from noticeboard.site.manifest import KEY_FILE_MODE

runner = CliRunner()


def test_site_builds_and_names_each_version_it_published(built, tmp_path, monkeypatch):
    township, site, _, _ = built
    monkeypatch.chdir(tmp_path)
    key = Path("keys") / "site.key"
    made = runner.invoke(app, ["site", "--new-key", "--key", str(key)])
    assert made.exit_code == 0, made.output
    assert made.output.startswith("已新建本镇网站签名私钥 keys/site.key。")
    assert key.stat().st_mode & 0o777 == KEY_FILE_MODE
    again = runner.invoke(app, ["site", "--new-key", "--key", str(key)])
    assert (again.exit_code, again.output) == (
        1, f"-: 错误: 密钥文件「{key}」已经存在，没有覆盖：覆盖后，旧网站的签名就无法再用它核对\n")
    target = Path("site")
    result = runner.invoke(app, ["site", str(township), "-o", "site", "--posters",
                                 str(site.parent / "out"), "--key", str(key)])
    assert result.exit_code == 0, result.output
    log, _ = read_log(target)
    lines = result.output.splitlines()
    for entry in log.entries:
        assert f"已发布 {entry.item}（核验码 {shown_code(entry.code)}）" in lines
    assert lines[-1] == ("网站 site：新发布 3 个版本，撤回 0 项；写入 36 个文件，0 个未变；"
                         "文件清单共 34 个文件，已签名")


def test_a_key_inside_the_site_is_refused(built, tmp_path, monkeypatch):
    township, _, _, _ = built
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["site", str(township), "-o", "site", "--key", "site/site.key"])
    assert result.exit_code == 1
    assert result.output == ("-: 错误: 签名私钥「site/site.key」在网站文件夹「site」里：它会被一起发布。"
                             "请放到网站和乡镇文件夹以外\n")
    assert not (tmp_path / "site").exists()

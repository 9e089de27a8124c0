"""`verify_site` and `noticeboard site --verify`: a whole site passes; one byte changed in a
PDF or the manifest, a log entry removed, a file added or a re-signed site each fail,
naming the file."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.site.log import LOG_FILE, read_log
from noticeboard.site.manifest import MANIFEST_FILE, new_key
from noticeboard.site.verify import verify_site

runner = CliRunner()


def flip_one_byte(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def a_pdf(site: Path) -> Path:
    log, _ = read_log(site)
    entry = log.versions("双河村/2026-10-低保")[-1]
    return site / entry.item / entry.code / "poster.pdf"


def codes_and_files(findings, site: Path) -> list[tuple[str, str]]:
    return [(f.code, f.file.relative_to(site).as_posix()) for f in findings]


def test_a_whole_site_verifies(built):
    _, site, keys, _ = built
    assert verify_site(site) == []
    assert verify_site(site, public_key=keys.public_text) == []


def test_one_byte_of_a_pdf_changed_fails_naming_it(site_copy):
    pdf = a_pdf(site_copy)
    flip_one_byte(pdf, 1000)
    name = pdf.relative_to(site_copy).as_posix()
    assert codes_and_files(verify_site(site_copy), site_copy) == [
        ("verify_file_changed", name), ("verify_version_mismatch", name)]


def test_one_byte_of_the_manifest_changed_fails_naming_it(site_copy):
    manifest = site_copy / MANIFEST_FILE
    text = manifest.read_bytes()
    at = text.index(b'"lines": ') + len(b'"lines": ')  # the number of log lines, 3 → 2
    flip_one_byte(manifest, at)
    findings = verify_site(site_copy)
    assert codes_and_files(findings, site_copy)[0] == ("verify_bad_signature", MANIFEST_FILE)


def test_a_removed_log_entry_fails_naming_the_log(site_copy):
    log = site_copy / LOG_FILE
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:-1]))  # the last one: the chain alone would not tell
    assert codes_and_files(verify_site(site_copy), site_copy) == [
        ("verify_file_changed", LOG_FILE), ("verify_log_shorter", LOG_FILE)]
    log.write_bytes(lines[0] + lines[2])  # one in the middle
    assert ("site_log_broken", LOG_FILE) in codes_and_files(verify_site(site_copy), site_copy)


def test_an_added_file_fails_naming_it(site_copy):
    (site_copy / "双河村" / "假公告.html").write_text("<p>伪造</p>", encoding="utf-8")
    assert codes_and_files(verify_site(site_copy), site_copy) == [
        ("verify_file_unlisted", "双河村/假公告.html")]


def test_a_site_re_signed_with_another_key_fails_against_the_townships_key(built, site_copy,
                                                                          tmp_path):
    township, _, keys, _ = built
    from tests.site.conftest import build

    forger = new_key(tmp_path / "forger.key")
    build(township, site_copy, forger, posters=built[1].parent / "out")
    assert verify_site(site_copy) == []  # whole, by its own key
    findings = verify_site(site_copy, public_key=keys.public_text)
    assert [f.code for f in findings] == ["verify_key_differs", "verify_bad_signature"]


def test_a_log_that_did_not_grow_from_an_earlier_site_fails(built, site_copy):
    _, site, _, _ = built
    log = site_copy / LOG_FILE
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:-1]))
    findings = verify_site(site_copy, earlier=site)
    assert ("verify_not_grown", LOG_FILE) in codes_and_files(findings, site_copy)
    assert verify_site(site, earlier=site) == []


def test_the_command_says_which_file_changed(built, site_copy, monkeypatch):
    pdf = a_pdf(site_copy)
    monkeypatch.chdir(site_copy.parent)
    result = runner.invoke(app, ["site", "--verify", "site"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "网站 site 核对无误：34 个文件与签名清单一致，签名有效，发布记录 3 条、只增未减"
    flip_one_byte(pdf, 1000)
    result = runner.invoke(app, ["site", "--verify", "site", "--public-key", str(site_copy / "public-key.txt")])
    assert result.exit_code == 1
    name = pdf.relative_to(site_copy.parent).as_posix()
    assert result.output.splitlines() == [
        f"{name}: 错误: 文件 {name} 与签名清单中的校验值不符：它被改动过",
        f"{name}: 错误: {name} 与发布记录第 1 条记的校验值不符",
        "网站 site 核对发现 2 处问题",
    ]

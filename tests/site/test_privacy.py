"""No personal data anywhere in a site: every spelling of a personal number the checks know
(the privacy corpus) is kept off every page, data file, search index and PDF, and the
site's last guard refuses a file that would carry one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from noticeboard.checks.privacy import poster_text
from noticeboard.personal_data import find_numbers
from noticeboard.site.guard import as_read, guard_files, official_mobiles
from noticeboard.site.log import read_log
from noticeboard.site.manifest import new_key
from tests.conftest import ROOT
from tests.site.conftest import build, make_township

CORPUS = ROOT / "tests" / "privacy_corpus"
CASES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def site_texts(site: Path) -> dict[str, str]:
    """Every file as a reader gets its text: PDFs as drawn, the rest as read (images aside)."""
    texts = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if not path.is_file() or path.suffix == ".png":
            continue
        data = path.read_bytes()
        texts[name] = poster_text(data) if path.suffix == ".pdf" else as_read(name, data)
    return texts


def test_no_spelling_of_a_personal_number_reaches_the_site(tmp_path):
    township = make_township(tmp_path)
    for folder in ("items", "names"):
        for file in (CORPUS / folder).glob("*.yaml"):
            shutil.copyfile(file, township / "双河村" / file.name)
    site = tmp_path / "site"
    result = build(township, site, new_key(tmp_path / "site.key"))
    passed = [c for c in result.build.checked if c.ok]
    log, _ = read_log(site)
    assert sorted(log.items()) == sorted(f"双河村/{c.path.stem}" for c in passed)
    # Only a mobile in an official contact field (监督电话, 意见受理) passes the checks.
    official = official_mobiles(passed)
    published = {c.path.name for c in passed}
    assert official == {"13812345678"} and len(published) > 3  # the corpus writes one number
    texts = site_texts(site)
    raw = {name: (site / name).read_bytes().decode("utf-8", "replace") for name in texts}
    assert len(texts) > 20
    for case in CASES:
        hits = find_numbers(case["written"])
        if Path(case["file"]).name in published or (hits and {h.digits for h in hits} <= official):
            continue  # published as an official contact number, in this spelling or another
        for name in texts:
            assert case["written"] not in texts[name] and case["written"] not in raw[name], (case, name)
    for name, text in texts.items():
        assert [h for h in find_numbers(text) if h.digits not in official] == [], name


def test_the_guard_refuses_a_number_however_a_page_spells_it():
    files = {
        "a/index.html": b"<td>110105</td><td>19491231002X</td>",
        "b.json": b'{"x": "\\u0031\\u0033\\u0038 1234 5678"}',
        "c.csv": "王桂英,６２２２０２１２３４５６７８９０１２３\r\n".encode(),
        "d.html": "<p>监督电话 13912345678</p>".encode(),
        "manifest.json": b'{"x": "5f0e1380012345678901234567890123456789abcdefabcdef0123456789ab"}',
        "poster.png": b"13812345678",
    }
    findings = guard_files(files, allowed={"13912345678"}, site=Path("site"))
    assert [(f.params["page"], f.params["masked"]) for f in findings] == [
        ("site/a/index.html", "110105********002X"),
        ("site/b.json", "138****5678"),
        ("site/c.csv", "6222***********0123"),
    ]
    assert findings[0].message() == (
        "网站文件 site/a/index.html 中将出现完整的身份证号（110105********002X）：逐项检查没有发现它，"
        "为免泄露，没有发布。请检查该事项及村、乡镇设置")

"""`build_site`: every item gets a page with its poster, data and hashes; the same input
gives the same bytes; a re-run writes nothing; a change is a new version, a removal a
withdrawal, and the old version stays."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from noticeboard.kinds.record import check_code, shown_code
from noticeboard.run.outcomes import Status
from noticeboard.site.log import read_log
from noticeboard.site.pages import plain_text
from tests.conftest import FINANCE_YAML, write
from tests.site.conftest import build, make_township

ITEMS = ("2026-Q3-财务", "2026-10-低保", "2026-11-通知")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_code(site: Path, item: str) -> str:
    log, _ = read_log(site)
    return log.versions(f"双河村/{item}")[-1].code


def test_every_item_has_a_page_with_its_poster_data_and_hashes(built):
    _, site, _, result = built
    assert sorted(line.split()[0] for line in result.published) == sorted(f"双河村/{i}" for i in ITEMS)
    for item in ITEMS:
        code = current_code(site, item)
        version = site / "双河村" / item / code
        page = (site / "双河村" / item / "index.html").read_text(encoding="utf-8")
        assert sha256(version / "poster.pdf") in page
        assert sha256(version / "record.json") in page
        assert check_code(sha256(version / "record.json")) == code  # the code names the record
        assert f'<dd class="code">{shown_code(code)}</dd>' in page
        assert f'href="{code}/poster.pdf"' in page and f'href="{code}/poster-1.png"' in page
        assert (version / "poster-1.png").read_bytes().startswith(b"\x89PNG")
        package = json.loads((version / "datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:
            assert (version / resource["path"]).is_file()
            assert f'href="{code}/{resource["path"]}"' in page


def test_the_item_page_shows_the_posters_text_and_who_reviewed_it(built):
    _, site, _, _ = built
    page = (site / "双河村" / "2026-Q3-财务" / "index.html").read_text(encoding="utf-8")
    assert "<h1>双河村2026年第三季度财务收支公开</h1>" in page
    assert '<td role="cell" class="num" data-label="金额（元）">2,000.50</td>' in page
    assert '<table role="table" class="rows">' in page
    words = plain_text(page)
    assert "村集体厂房租金收入" in words and "村委会办公用品采购" in words
    assert '<p class="review">双河村村务监督委员会审核：孙立平（2026年10月6日）</p>' in page
    assert "监督电话：0571-63811001" in page and "青山镇举报电话 0571-63812345" in page
    assert '<section class="feedback" id="feedback">' in page and "本事项暂无已公开的提问。" in page


def test_village_and_township_pages_list_every_item(built):
    _, site, _, _ = built
    village = (site / "双河村" / "index.html").read_text(encoding="utf-8")
    township = (site / "index.html").read_text(encoding="utf-8")
    for item in ITEMS:
        link = f'href="../{quote(f"双河村/{item}")}/index.html"'
        assert link in village, item
        assert link.replace("../", "") in township, item
    assert "<h2>财务公开</h2>" in village and "<h2>村务公开</h2>" in village


def quote(text: str) -> str:
    from urllib.parse import quote as url_quote

    return url_quote(text)


def test_the_same_input_gives_the_same_bytes(built, tmp_path):
    township, site, keys, _ = built
    again = tmp_path / "again"
    build(township, again, keys, posters=tmp_path / "out")  # posters rendered anew as well
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_rerun_renders_nothing_and_writes_nothing(built, tmp_path):
    township, site, keys, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    result = build(township, copy, keys, posters=site.parent / "out")
    assert {o.status for o in result.build.outcomes} == {Status.UNCHANGED}
    assert (result.published, result.withdrawn, result.written) == ([], [], [])


def test_a_changed_item_is_a_new_version_and_the_old_one_stays(built, tmp_path):
    _township, site, keys, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    old = current_code(copy, "2026-Q3-财务")
    changed = make_township(tmp_path)
    write(changed / "双河村" / "2026-Q3-财务.yaml", FINANCE_YAML.replace("孙立平", "赵文华"))
    result = build(changed, copy, keys, posters=tmp_path / "out")
    new = current_code(copy, "2026-Q3-财务")
    assert new != old and result.published == [f"双河村/2026-Q3-财务 {new}"]
    assert (copy / "双河村" / "2026-Q3-财务" / old / "poster.pdf").read_bytes() == \
        (site / "双河村" / "2026-Q3-财务" / old / "poster.pdf").read_bytes()
    page = (copy / "双河村" / "2026-Q3-财务" / "index.html").read_text(encoding="utf-8")
    assert "赵文华" in page and "孙立平" not in page
    assert f'<td class="code"><a href="{new}/index.html">{shown_code(new)}</a></td><td>2026年10月8日</td><td>现行</td>' in page
    assert f'<td class="code"><a href="{old}/index.html">{shown_code(old)}</a></td><td>2026年10月8日</td><td>已被取代</td>' in page


def test_a_removed_item_is_withdrawn_and_stays_on_the_site(built, tmp_path):
    _township, site, keys, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    smaller = make_township(tmp_path)
    (smaller / "双河村" / "2026-11-通知.yaml").unlink()
    result = build(smaller, copy, keys, posters=tmp_path / "out")
    assert result.withdrawn == ["双河村/2026-11-通知"]
    log, _ = read_log(copy)
    assert (log.entries[-1].action, log.entries[-1].fields) == ("withdrawn", {"on": "2026年12月8日"})
    page = (copy / "双河村" / "2026-11-通知" / "index.html").read_text(encoding="utf-8")
    assert "本事项已于2026年12月8日撤回" in page and "关于召开村民代表会议的通知" in page
    village = (copy / "双河村" / "index.html").read_text(encoding="utf-8")
    assert "<h2>已撤回</h2>" in village and "2026年12月8日撤回" in village

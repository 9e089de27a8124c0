"""`noticeboard site`: the township's posters rendered (or found unchanged), then the site.

Read and check everything, render the posters (PDF and PNG) into the posters folder
as `render` does (unchanged ones are skipped), then lay out the site:

    index.html, search.html, check.html      the township, its search, the check page
    <村>/index.html                            a village: current items by board, past, withdrawn
    <村>/<事项>/index.html                     an item: its text, files, hashes, versions, questions
    <村>/<事项>/<核验码>/                       one version, never rewritten: poster.pdf, poster-N.png,
                                              record.json, datapackage.json, *.csv, index.html
    search/index.js, assets/                  the search index, the stylesheet and the script
    log.jsonl, manifest.json, manifest.sig,   what was published and withdrawn; every file's
    public-key.txt                            SHA-256, signed; the key to check it with

The same input gives the same bytes (no clocks, sorted everything; only a withdrawal
is dated). A file is written only when its bytes change; a version's folder only once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding, NoticeboardError, error, warning
from noticeboard.kinds.common import zh_date
from noticeboard.kinds.record import canonical_bytes, check_code, printed_record
from noticeboard.kinds.settings import Township
from noticeboard.poster.context import issuer_of, title_of
from noticeboard.run.atomic import write_atomic
from noticeboard.run.build import Build
from noticeboard.run.outcomes import Outcome, RenderOptions, Status
from noticeboard.site import data as site_data
from noticeboard.site.feedback import questions_for
from noticeboard.site.guard import guard_files, official_mobiles
from noticeboard.site.log import LOG_FILE, PUBLISHED, WITHDRAWN, Entry, Log, read_log
from noticeboard.site.manifest import (
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    SIGNATURE_FILE,
    UNLISTED,
    Keys,
    manifest_bytes,
    sha256_of,
    sign,
)
from noticeboard.site.pages import (
    ASSETS,
    ItemView,
    Pages,
    VersionView,
    href,
    plain_text,
    read_snapshot,
    site_template_dir,
)
from noticeboard.site.search import CODES_FILE, INDEX_FILE, codes_script, index_script
from noticeboard.site.search import Entry as SearchEntry
from noticeboard.sources.workspace import ItemSource

POSTER_FORMATS = frozenset({"pdf", "png"})
VERSION_PAGE = "index.html"
RECORD_FILE = "record.json"
BOARDS = ("党务公开", "村务公开", "财务公开")
RECENT = 12  # items on the township's front page
TEMP_MARK = ".nbtmp-"


@dataclass(frozen=True)
class SiteOptions:
    site: Path
    posters: Path
    keys: Keys
    jobs: int = 1
    today: date | None = None  # the date a withdrawal is logged with (default: today)


@dataclass
class SiteResult:
    build: Build
    published: list[str] = field(default_factory=list)  # `<folder> <code>` of each new version
    withdrawn: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # files written (changed or new)
    unchanged: int = 0
    findings: list[Finding] = field(default_factory=list)  # items kept off the site and why
    files: int = 0  # in the manifest


def build_site(township_dir: Path, options: SiteOptions,
               progress: Callable[[Outcome], None] | None = None) -> SiteResult:
    """Build or update the site. NoticeboardError when it cannot be: nothing is written then."""
    check_site_folders(township_dir, options.site, options.posters)
    build = Build.for_paths([township_dir])
    build.check()
    township = _township(build, township_dir)
    result = SiteResult(build)
    if township.site is None:
        result.findings.append(warning("site_no_address"))
    outcomes = build.render(RenderOptions(out_dir=options.posters, jobs=options.jobs,
                                          formats=POSTER_FORMATS), progress)
    log, broken = read_log(options.site)
    if broken:
        raise NoticeboardError(broken)
    pages = Pages(township.name, township.county)
    allowed = official_mobiles(build.checked)
    outputs: dict[str, bytes] = {}
    snapshots: dict[tuple[str, str], Markup] = {}
    by_source = {id(outcome.source): outcome for outcome in outcomes}
    for source, checked in zip(build.workspace.items, build.checked, strict=True):
        outcome = by_source.get(id(source))
        if not checked.ok or outcome is None or outcome.status is Status.FAILED or not outcome.files:
            continue
        _publish(pages, source, checked, outcome, log, options.site, allowed, outputs, snapshots,
                 result)
    present = {source.output_stem.as_posix() for source in build.workspace.items}
    today = zh_date(options.today or date.today())
    for folder in log.items():
        last = log.last(folder)
        if last is not None and last.action == PUBLISHED and folder not in present:
            log.append(WITHDRAWN, folder, last.code, {"on": today})
            result.withdrawn.append(folder)
    shared = _shared_pages(pages, log, options.site, snapshots, township)
    problems = guard_files(shared, allowed, options.site)
    if problems:
        raise NoticeboardError(problems)
    outputs.update(shared)
    outputs[LOG_FILE] = log.to_bytes()
    outputs[PUBLIC_KEY_FILE] = (options.keys.public_text + "\n").encode("ascii")
    _write(options.site, outputs, result)
    _sign(options.site, township.name, log, options.keys, result)
    return result


def _township(build: Build, township_dir: Path) -> Township:
    for setting in build.settings.values():
        if setting.township is not None:
            return setting.township
    raise NoticeboardError([error("site_no_township", folder=str(township_dir))])


# --- one item's version ---------------------------------------------------------

def _publish(pages: Pages, source: ItemSource, checked: CheckedItem, outcome: Outcome, log: Log,
             site: Path, allowed: set[str], outputs: dict[str, bytes],
             snapshots: dict[tuple[str, str], Markup], result: SiteResult) -> None:
    """A new version of the item when its record changed (or its folder went missing)."""
    assert checked.item is not None
    folder = source.output_stem.as_posix()
    record = canonical_bytes(printed_record(checked.item, checked.setting))
    record_sha = sha256_of(record)
    code = check_code(record_sha)
    last = log.last(folder)
    on_disk = (site / folder / code / VERSION_PAGE).is_file()
    if last is not None and last.action == PUBLISHED and last.code == code and on_disk:
        return
    files, fields, snapshot = _version(pages, checked, PurePosixPath(folder), code, record,
                                       record_sha, outcome)
    problems = guard_files(files, allowed, site)
    if problems:
        result.findings += problems
        return
    if not on_disk:  # a version's folder is written once: an old code coming back reuses it
        outputs.update(files)
    snapshots[(folder, code)] = snapshot
    if last is None or last.action != PUBLISHED or last.code != code:
        log.append(PUBLISHED, folder, code, fields)
        result.published.append(f"{folder} {code}")


def _version(pages: Pages, checked: CheckedItem, folder: PurePosixPath, code: str, record: bytes,
             record_sha: str, outcome: Outcome) -> tuple[dict[str, bytes], dict[str, Any], Markup]:
    item, setting = checked.item, checked.setting
    assert item is not None
    base = folder / code
    pdf = outcome.files[0].read_bytes()
    images = sorted((p for p in outcome.files[1:] if p.suffix == ".png"), key=_page_number)
    tables = site_data.item_tables(item)
    title = title_of(item, setting)
    package = site_data.datapackage(item, _package_name(folder, code), title, tables, record_sha)
    files: dict[str, bytes] = {f"{base}/poster.pdf": pdf, f"{base}/{RECORD_FILE}": record,
                               f"{base}/datapackage.json": _json(package)}
    downloads = [("poster.pdf", "海报 PDF（打印用）", len(pdf))]
    for number, image in enumerate(images, start=1):
        name = f"poster-{number}.png"
        files[f"{base}/{name}"] = image.read_bytes()
        label = "海报图片" if len(images) == 1 else f"海报图片（第 {number} 页）"
        downloads.append((name, label, len(files[f"{base}/{name}"])))
    for table in tables:
        files[f"{base}/{table.path}"] = table.csv_bytes()
        downloads.append((table.path, f"数据表：{table.title}（CSV）", len(files[f"{base}/{table.path}"])))
    package_size = len(files[f"{base}/datapackage.json"])
    downloads += [("datapackage.json", "数据说明（datapackage.json）", package_size),
                  (RECORD_FILE, "核验数据（record.json）", len(record))]
    snapshot = pages.snapshot(checked)
    village = setting.village
    fields: dict[str, Any] = {
        "title": title, "village": village.name if village else "", "board": item.posting_board().value,
        "kind": item.KIND, "kind_title": item.NAME_ZH, "period": item.period.label,
        "period_end": item.period.end.isoformat(), "posted": item.posted.isoformat(),
        "window_end": setting.defaults.window_end(item).isoformat(),
        "issuer": issuer_of(item, setting),
        "reviewed_by": item.reviewed_by,
        "reviewed_on": item.reviewed_on.isoformat() if item.reviewed_on else None,
        "contact": item.contact or (village.phone if village else None),
        "hotline": setting.township.hotline if setting.township else None,
        "record_sha256": record_sha, "pdf_sha256": sha256_of(pdf),
        "files": [[name, label, size] for name, label, size in downloads],
    }
    view = _view(folder, code, fields, snapshot, prefix="")
    files[f"{base}/{VERSION_PAGE}"] = pages.page("version.html.j2", len(base.parts), view=view,
                                                 page_kind="version", crumbs=_crumbs(base, fields))
    return files, fields, snapshot


def _page_number(path: Path) -> tuple[int, str]:
    digits = path.stem.rsplit("-", 1)[-1]
    return (int(digits) if digits.isdigit() else 0, path.name)


def _package_name(folder: PurePosixPath, code: str) -> str:
    """Frictionless names are lower-case ASCII: the code, which names the version."""
    return f"noticeboard-{code.lower()}"


def _json(value: Any) -> bytes:
    import json

    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _view(folder: PurePosixPath, code: str, fields: dict[str, Any], snapshot: Markup,
          prefix: str) -> ItemView:
    downloads = [(label, f"{prefix}{name}", _size(size)) for name, label, size in fields["files"]]
    return ItemView(folder=folder, title=fields["title"], village=fields["village"],
                    board=fields["board"], period=fields["period"],
                    posted=zh_date(date.fromisoformat(fields["posted"])), code=code,
                    pdf_sha256=fields["pdf_sha256"], record_sha256=fields["record_sha256"],
                    snapshot=snapshot, downloads=downloads, contact=fields.get("contact"),
                    hotline=fields.get("hotline"))


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} 字节"


def _crumbs(page_folder: PurePosixPath, fields: dict[str, Any]) -> list[tuple[str, str]]:
    """Links up: the township, then the village (when the item belongs to one)."""
    depth = len(page_folder.parts)
    crumbs = [("首页", "../" * depth + "index.html")]
    if depth >= 2:
        crumbs.append((fields["village"] or page_folder.parts[0], "../" * (depth - 1) + "index.html"))
    return crumbs


# --- pages over the whole log ----------------------------------------------------

@dataclass
class _Listed:
    folder: PurePosixPath
    fields: dict[str, Any]
    withdrawn_on: str | None

    @property
    def group(self) -> str:
        return self.folder.parts[0] if len(self.folder.parts) > 1 else ""


def _shared_pages(pages: Pages, log: Log, site: Path, snapshots: dict[tuple[str, str], Markup],
                  township: Township) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    listed: list[_Listed] = []
    search: list[SearchEntry] = []
    codes: dict[str, str] = {}
    for folder_text in log.items():
        folder = PurePosixPath(folder_text)
        versions = log.versions(folder_text)
        last = log.last(folder_text)
        assert last is not None and versions
        current = versions[-1]
        withdrawn_on = last.fields.get("on") if last.action == WITHDRAWN else None
        snapshot = snapshots.get((folder_text, current.code)) or _kept_snapshot(site, folder, current.code)
        view = _view(folder, current.code, current.fields, snapshot, prefix=f"{current.code}/")
        view.withdrawn_on = withdrawn_on
        view.versions = _versions(versions, current.code, withdrawn_on is not None)
        view.questions = questions_for(folder)
        files[f"{folder}/index.html"] = pages.page(
            "item.html.j2", len(folder.parts), view=view, page_kind="item",
            crumbs=_crumbs(folder, current.fields))
        listed.append(_Listed(folder, current.fields, withdrawn_on))
        search.append(SearchEntry(href(folder), view.title, view.village, view.board, view.period,
                                  "已撤回" if withdrawn_on else "", plain_text(snapshot)))
        for version in versions:
            codes[version.code] = href(folder)
    groups: dict[str, list[_Listed]] = {}
    for entry in listed:
        groups.setdefault(entry.group, []).append(entry)
    villages = []
    for group, entries in sorted(groups.items()):
        if not group:
            continue  # items of the township itself are listed on its front page
        page, counts = _village_page(pages, group, entries)
        files[f"{group}/index.html"] = page
        villages.append({"name": entries[0].fields["village"] or group, "href": href(group),
                         "current": counts[0], "past": counts[1]})
    live = [entry for entry in listed if entry.withdrawn_on is None]
    live.sort(key=lambda e: (e.fields["posted"], str(e.folder)), reverse=True)
    recent = [_link(entry, "") for entry in live[:RECENT]]
    files["index.html"] = pages.page("township.html.j2", 0, villages=villages, recent=recent,
                                     hotline=township.hotline, page_kind="township")
    files["search.html"] = pages.page("search.html.j2", 0, page_kind="search")
    files["check.html"] = pages.page("check.html.j2", 0, page_kind="check")
    files[INDEX_FILE] = index_script(search)
    files[CODES_FILE] = codes_script(codes)
    for asset in ASSETS:
        files[asset] = (site_template_dir() / asset).read_bytes()
    return files


def _kept_snapshot(site: Path, folder: PurePosixPath, code: str) -> Markup:
    try:
        kept = read_snapshot((site / folder / code / VERSION_PAGE).read_bytes())
    except OSError:
        kept = None
    return kept if kept is not None else Markup('<p class="none">（本版本的正文缺失。）</p>')


def _versions(versions: list[Entry], current: str, withdrawn: bool) -> list[VersionView]:
    """Each code once, newest first, with its status."""
    seen: dict[str, Entry] = {}
    for version in versions:
        seen[version.code] = version
    shown = []
    for code, entry in reversed(list(seen.items())):
        status = ("已撤回" if withdrawn else "现行") if code == current else "已被取代"
        shown.append(VersionView(code, zh_date(date.fromisoformat(entry.fields["posted"])), status,
                                 f"{code}/index.html"))
    return shown


def _village_page(pages: Pages, group: str, entries: list[_Listed]) -> tuple[bytes, tuple[int, int]]:
    """Current items by board (the latest of each kind), the past ones, the withdrawn."""
    live = [e for e in entries if e.withdrawn_on is None]
    live.sort(key=lambda e: (e.fields["period_end"], e.fields["posted"], str(e.folder)), reverse=True)
    current: list[_Listed] = []
    past: list[_Listed] = []
    kinds_seen: set[str] = set()
    for entry in live:
        (past if entry.fields["kind"] in kinds_seen else current).append(entry)
        kinds_seen.add(entry.fields["kind"])
    boards = [(board, [_link(e, "../") for e in current if e.fields["board"] == board]) for board in BOARDS]
    withdrawn = [dict(_link(e, "../"), withdrawn_on=e.withdrawn_on) for e in entries if e.withdrawn_on]
    village = entries[0].fields["village"] or group
    page = pages.page("village.html.j2", 1, village=village, boards=boards,
                      past=[_link(e, "../") for e in past], withdrawn=withdrawn,
                      phone=entries[0].fields.get("contact"), page_kind="village",
                      crumbs=[("首页", "../index.html")])
    return page, (len(current), len(past))


def _link(entry: _Listed, root: str) -> dict[str, str]:
    fields = entry.fields
    return {"href": root + href(entry.folder), "title": fields["title"], "village": fields["village"],
            "board": fields["board"], "period": fields["period"],
            "posted": zh_date(date.fromisoformat(fields["posted"]))}


# --- writing and signing ---------------------------------------------------------

def _write(site: Path, outputs: dict[str, bytes], result: SiteResult) -> None:
    for name, data in sorted(outputs.items()):
        target = site / name
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                result.unchanged += 1
                continue
        except OSError:
            pass
        write_atomic(target, data)
        result.written.append(name)


def site_files(site: Path) -> dict[str, Path]:
    """Every file the site publishes, by its path from the root (the manifest's own aside)."""
    found = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if name in UNLISTED or TEMP_MARK in path.name or not path.is_file():
            continue
        found[name] = path
    return found


def _sign(site: Path, township: str, log: Log, keys: Keys, result: SiteResult) -> None:
    hashes = {name: sha256_of(path.read_bytes()) for name, path in site_files(site).items()}
    manifest = manifest_bytes(township, hashes, len(log.entries), log.head, keys.public_text)
    signed = {MANIFEST_FILE: manifest, SIGNATURE_FILE: sign(keys, manifest)}
    _write(site, signed, result)
    result.files = len(hashes)


# --- where things may be -----------------------------------------------------------

def check_site_folders(township_dir: Path, site: Path, posters: Path) -> None:
    """The site is neither inside the township's folder nor around it, nor the posters' folder;
    a folder that holds other things is not taken for a site."""
    township_real, site_real, posters_real = (Path(os.path.realpath(p))
                                              for p in (township_dir, site, posters))
    if site_real == township_real or site_real.is_relative_to(township_real) \
            or township_real.is_relative_to(site_real):
        raise NoticeboardError([error("site_inside_township", site=str(site), township=str(township_dir))])
    if posters_real == site_real or posters_real.is_relative_to(site_real) \
            or site_real.is_relative_to(posters_real):
        raise NoticeboardError([error("site_posters_overlap", site=str(site), posters=str(posters))])
    if site.exists() and not site.is_dir():
        raise NoticeboardError([error("site_not_folder", site=str(site))])
    if site.is_dir() and any(site.iterdir()) and not (site / LOG_FILE).exists():
        raise NoticeboardError([error("site_folder_foreign", site=str(site))])


def check_key_place(key: Path, township_dir: Path, site: Path) -> None:
    """The private key is kept out of everything that is copied or published."""
    key_real = Path(os.path.realpath(key))
    for folder, code in ((site, "site_key_in_site"), (township_dir, "site_key_in_township")):
        if key_real.is_relative_to(Path(os.path.realpath(folder))):
            raise NoticeboardError([error(code, key=str(key), folder=str(folder))])

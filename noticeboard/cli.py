"""The `noticeboard` command: parse options, call the library, print, set the exit code."""

from __future__ import annotations

import functools
import json
import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from noticeboard import __version__
from noticeboard.clerk import doctor as doctor_module
from noticeboard.clerk import schema as schema_module
from noticeboard.clerk import skeletons
from noticeboard.cli_frames import ENGLISH_HELP, HELP_OPTIONS, Command, Group, lang, say
from noticeboard.errors import (
    Finding,
    Localized,
    NoticeboardError,
    Severity,
    display_path,
    has_errors,
    os_reason,
    shown,
    sorted_findings,
)
from noticeboard.kinds import KIND_ALIASES, KINDS, kind_for
from noticeboard.run.atomic import write_atomic
from noticeboard.run.build import Build, in_shard
from noticeboard.run.outcomes import Outcome, RenderOptions, Status


def h(zh: str, en: str) -> str:
    """A help text in Chinese, with its English for `--lang en`."""
    ENGLISH_HELP[zh] = en
    return zh


app = typer.Typer(
    cls=Group,
    help=h("村务公开海报工具：检查公开事项（YAML），生成可张贴的 A3 PDF 海报。",
           "Village disclosure posters: check disclosure items (YAML) and render A3 PDF posters."),
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
command = functools.partial(app.command, cls=Command, context_settings=HELP_OPTIONS)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Paper(StrEnum):
    A3 = "A3"
    A4 = "A4"


class Format(StrEnum):
    pdf = "pdf"
    png = "png"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"noticeboard {__version__}")
        raise typer.Exit(0)


@app.callback()
def _global_options(
    lang_option: Annotated[Lang, typer.Option(
        "--lang", metavar="<zh|en>", show_default=False,
        help=h("提示语言：zh 中文（默认）或 en 英文；也可设环境变量 NOTICEBOARD_LANG；可写在任何位置",
               "language of messages: zh (default) or en; or set NOTICEBOARD_LANG; "
               "may stand anywhere"))] = Lang.zh,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_show_version,
        help=h("显示版本号并退出", "show the version and exit"))] = False,
) -> None:
    # `--lang` is read (wherever it stands) before parsing, by cli_frames.Group.main.
    pass


PathsArgument = Annotated[list[Path] | None, typer.Argument(
    metavar="<文件或文件夹>", show_default=False,
    help=h("事项文件、村文件夹、乡镇文件夹或海报 PDF；默认当前文件夹",
           "item files, village or township folders, or poster PDFs; default: this folder"))]


def _echo_findings(findings: list[Finding]) -> None:
    for finding in sorted_findings(findings):
        typer.echo(finding.format(lang()))


def _summary(count: int, findings: list[Finding]) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    return say("cli_check_summary", count=count, errors=errors, warnings=len(findings) - errors)


@command(help=h("检查公开事项：格式、账目、隐私、公示期、字体，一次列出全部问题。有错误时退出码为 1。",
                "Check items: format, accounts, privacy, posting window, fonts; every problem "
                "in one pass. Exit code 1 on errors."))
def check(
    paths: PathsArgument = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help=h("再按村和季度列出：决策、收支、公开了哪些事项，以及各公开事项之间哪里对不上",
                            "also list, per village and quarter, what was decided, spent, "
                            "received and posted, and where the items disagree"))] = False,
) -> None:
    from noticeboard.checks.across.summary import summary_lines

    build = Build.for_paths(paths or [Path(".")])
    build.check()
    findings = build.findings + _fonts_unchecked()
    _echo_findings(findings)
    if summary:
        for line in summary_lines(build.checked, lang()):
            typer.echo(shown(line))
    typer.echo(_summary(len(build.checked), findings))
    raise typer.Exit(1 if has_errors(findings) else 0)


def _fonts_unchecked() -> list[Finding]:
    """Without fontconfig no character's font can be checked: said once, never skipped silently."""
    from noticeboard.checks.fonts import installed_coverage
    from noticeboard.errors import warning

    return [warning("fonts_unchecked")] if installed_coverage() is None else []


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    import re
    import unicodedata

    # ASCII digits only after folding full-width ones: `int()` also takes `1_0`, `٣` and `+1`.
    match = re.fullmatch(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*", unicodedata.normalize("NFKC", value))
    if match is None:
        raise typer.BadParameter(say("cli_shard_format"), param_hint="--shard")
    shard = int(match[1]), int(match[2])
    if not 1 <= shard[0] <= shard[1]:
        raise typer.BadParameter(say("cli_shard_range"), param_hint="--shard")
    if shard[1] > MAX_SHARDS:
        raise typer.BadParameter(say("cli_shard_too_many", count=shard[1], limit=MAX_SHARDS),
                                 param_hint="--shard")
    return shard


MAX_SHARDS = 1000  # one computer each; more only makes names like report-1of10…0.json


def _positive(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(say("cli_at_least_one", value=value))
    return value


def _port(value: int) -> int:
    if not 0 <= value <= 65535:  # the socket layer raises OverflowError, not OSError
        raise typer.BadParameter(say("cli_port_range", value=value))
    return value


@command(help=h("生成海报：每个事项一个 PDF，按村分文件夹；未变化的跳过。有失败时退出码为 1。",
                "Render posters: one PDF per item, a folder per village; unchanged ones are "
                "skipped. Exit code 1 on failures."))
def render(
    paths: PathsArgument = None,
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="<文件夹>", help=h("输出文件夹", "output folder"))] = Path("out"),
    paper: Annotated[Paper | None, typer.Option(
        "--paper", metavar="<A3|A4>", show_default=False,
        help=h("纸张：A3（默认）或 A4", "paper: A3 (default) or A4"))] = None,
    jobs: Annotated[int | None, typer.Option(
        "-j", "--jobs", metavar="<个数>", callback=_positive, show_default=False,
        help=h("同时生成的进程数；默认为全部 CPU 核数，也最多为 CPU 核数",
               "processes rendering at once; default and most: the number of CPU cores"))] = None,
    force: Annotated[bool, typer.Option(
        "--force", help=h("全部重新生成，不跳过未变化的海报",
                          "render everything, even posters that did not change"))] = False,
    print_file: Annotated[bool, typer.Option(
        "--print-file", help=h("另外为每个村和全镇各生成一个合并的打印文件",
                               "also write one print file per village and one for the township"))
    ] = False,
    shard: Annotated[str | None, typer.Option(
        "--shard", metavar="<I/N>", show_default=False,
        help=h("只生成其中一份：I/N，如 1/4（多台电脑分担时用）",
               "render only share I of N, e.g. 1/4 (to split work across computers)"))] = None,
    formats: Annotated[list[Format] | None, typer.Option(
        "--format", metavar="<pdf|png>", show_default=False,
        help=h("输出格式：pdf（默认）、png（每页一张图片，可发微信群）；可写两次",
               "output format: pdf (default) or png (an image per page); may be given twice"))
    ] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="<地址>", show_default=False,
        help=h("在集群上生成：调度器地址，如 tcp://10.1.2.3:8786（也可设环境变量 NOTICEBOARD_SCHEDULER）",
               "render on a Dask cluster: the scheduler's address, e.g. tcp://10.1.2.3:8786 "
               "(or set NOTICEBOARD_SCHEDULER)"))] = None,
) -> None:
    from noticeboard.run.pool import default_jobs

    # More processes than cores renders no faster, and each holds a whole WeasyPrint.
    options = RenderOptions(out_dir=output, paper=paper.value if paper else None,
                            jobs=min(jobs or default_jobs(), default_jobs()), force=force,
                            print_file=print_file,
                            shard=_parse_shard(shard), scheduler=scheduler,
                            formats=frozenset(f.value for f in formats or [Format.pdf]))
    build = Build.for_paths(paths or [Path(".")])
    build.check()
    _echo_findings(build.findings)
    try:
        outcomes = _render_with_progress(build, options)
    except KeyboardInterrupt:
        typer.echo(say("cli_interrupted"), err=True)
        raise typer.Exit(130) from None
    except NoticeboardError as exc:  # the run did not start: no summary of a run
        _echo_findings(exc.findings)
        raise typer.Exit(1) from None
    _echo_outcomes(outcomes)
    _echo_findings(build.run_findings)
    raise typer.Exit(1 if build.failed else 0)


@command(help=h("合并分份生成的结果：把输出文件夹里的 report-1of4.json … 合成一个 report.json"
                "（加 --print-file 同时合成打印文件），与不分份生成的一样。",
                "Merge shards: the shard reports in an output folder (report-1of4.json …) "
                "become one report.json (and with --print-file, the print files), as an "
                "unsharded run makes."))
def merge(
    output: Annotated[Path, typer.Argument(metavar="<文件夹>", help=h(
        "分份生成时用的输出文件夹", "the output folder the shards rendered into"))] = Path("out"),
    print_file: Annotated[bool, typer.Option(
        "--print-file", help=h("同时为每个村和全镇各合成一个打印文件",
                               "also write one print file per village and one for the township"))
    ] = False,
) -> None:
    from noticeboard.run.merge import merge_shards

    try:
        merged = merge_shards(output, print_file)
    except NoticeboardError as exc:
        _echo_findings(exc.findings)
        raise typer.Exit(1) from None
    for path in [merged.report, *merged.print_files]:
        typer.echo(say("cli_merged_file", file=display_path(path)))
    typer.echo(say("cli_merge_summary", count=merged.items))


def _render_with_progress(build: Build, options: RenderOptions) -> list[Outcome]:
    """A progress bar on a terminal; nothing extra when output goes to a file or log."""
    import sys

    count = sum(1 for src in build.workspace.items if in_shard(src, options.shard))
    if not sys.stdout.isatty() or count < 2:
        return build.render(options)
    label = say("cli_rendering")
    with typer.progressbar(length=count, label=label, file=sys.stderr) as bar:
        return build.render(options, progress=lambda outcome: bar.update(1))


def _echo_outcomes(outcomes: list[Outcome]) -> None:
    from noticeboard.run.report import village_summary

    for outcome in outcomes:
        _echo_findings(outcome.findings)
        if outcome.status is Status.RENDERED:
            for file in outcome.files:
                pages = outcome.pages if file.suffix == ".pdf" else 1
                typer.echo(say("cli_wrote_poster", file=display_path(file), pages=pages))
    summary = village_summary(outcomes)
    if len(summary) > 1:
        for village, counts in summary.items():
            typer.echo(say("cli_village_summary", village=village, **counts))
    typer.echo(say("cli_render_summary", count=len(outcomes),
                   rendered=sum(o.status is Status.RENDERED for o in outcomes),
                   unchanged=sum(o.status is Status.UNCHANGED for o in outcomes),
                   failed=sum(o.status is Status.FAILED for o in outcomes)))


def _default_key() -> Path:
    """The township's signing key: in the user's settings, outside every folder that is copied."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "noticeboard" / "site.key"


@command(help=h("生成本镇的村务公开网站：纯静态文件，可放到任何网站空间、县里的服务器或U盘；"
                "每个事项一页，附海报、数据和校验值，文件清单由本镇密钥签名。--verify 核对一个网站"
                "是否被改动。有失败时退出码为 1。",
                "Build the township's online board: static files for any web host, the "
                "county's server or a USB stick; a page per item with its poster, data and "
                "hashes, the file list signed with the township's key. --verify checks a site. "
                "Exit code 1 on failures."))
def site(
    township: Annotated[Path | None, typer.Argument(
        metavar="<乡镇文件夹>", show_default=False,
        help=h("乡镇文件夹（有 township.yaml）；默认当前文件夹",
               "the township folder (with township.yaml); default: this folder"))] = None,
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="<文件夹>", help=h("网站文件夹", "the site folder"))] = Path("site"),
    posters: Annotated[Path, typer.Option(
        "--posters", metavar="<文件夹>",
        help=h("海报文件夹（与 render 的 -o 相同，未变化的海报不重新生成）",
               "the posters folder (render's -o: unchanged posters are not rendered again)"))
    ] = Path("out"),
    key: Annotated[Path | None, typer.Option(
        "--key", metavar="<文件>", show_default=False,
        help=h("本镇的签名私钥文件；默认 ~/.config/noticeboard/site.key（没有时自动新建）",
               "the township's signing key; default ~/.config/noticeboard/site.key (made "
               "when missing)"))] = None,
    new_key: Annotated[bool, typer.Option(
        "--new-key", help=h("只新建签名私钥（写到 --key 给的文件；不覆盖已有文件）",
                            "only make a signing key (at --key; never replaces a file)"))] = False,
    verify: Annotated[Path | None, typer.Option(
        "--verify", metavar="<网站文件夹>", show_default=False,
        help=h("核对网站：签名、每个文件的校验值、发布记录只增不减",
               "check a site: the signature, every file's hash, the log only grew"))] = None,
    public_key: Annotated[str | None, typer.Option(
        "--public-key", metavar="<公钥>", show_default=False,
        help=h("核对时用本镇公布的公钥（文字或 public-key.txt 文件）",
               "with --verify: the township's published key (text or a public-key.txt)"))
    ] = None,
    against: Annotated[Path | None, typer.Option(
        "--against", metavar="<较早的网站>", show_default=False,
        help=h("核对时与较早的一份网站比较：其发布记录须原样在前",
               "with --verify: an earlier copy of the site whose log must start this one"))
    ] = None,
    jobs: Annotated[int | None, typer.Option(
        "-j", "--jobs", metavar="<个数>", callback=_positive, show_default=False,
        help=h("同时生成海报的进程数；默认为 CPU 核数", "processes rendering posters; default: CPU cores"))
    ] = None,
) -> None:
    from noticeboard.site import manifest

    key_path = key or _default_key()
    try:
        if new_key:
            made = manifest.new_key(key_path)
            typer.echo(say("cli_site_key_made", key=display_path(key_path), public=made.public_text))
            raise typer.Exit(0)
        if verify is not None:
            _verify_site(verify, public_key, against)
        _build_site(township or Path("."), output, posters, key_path, key is None, jobs)
    except NoticeboardError as exc:
        _echo_findings(exc.findings)
        raise typer.Exit(1) from None


def _verify_site(site_dir: Path, public_key: str | None, against: Path | None) -> NoReturn:
    from noticeboard.site.build import site_files
    from noticeboard.site.log import read_log
    from noticeboard.site.verify import verify_site

    if public_key is not None and Path(public_key).is_file():
        public_key = Path(public_key).read_text(encoding="ascii", errors="replace")
    findings = verify_site(site_dir, public_key, against)
    if findings:
        _echo_findings(findings)
        typer.echo(say("cli_site_verify_failed", site=display_path(site_dir), count=len(findings)))
        raise typer.Exit(1)
    log, _ = read_log(site_dir)
    typer.echo(say("cli_site_verified", site=display_path(site_dir),
                   files=len(site_files(site_dir)), lines=len(log.entries)))
    if public_key is None:
        typer.echo(say("cli_site_own_key"))
    raise typer.Exit(0)


def _build_site(township: Path, output: Path, posters: Path, key_path: Path, default_key: bool,
                jobs: int | None) -> NoReturn:
    from noticeboard.kinds.record import shown_code
    from noticeboard.run.pool import default_jobs
    from noticeboard.site import manifest
    from noticeboard.site.build import SiteOptions, build_site, check_key_place

    check_key_place(key_path, township, output)
    if default_key and not key_path.exists():
        made = manifest.new_key(key_path)
        typer.echo(say("cli_site_key_made", key=display_path(key_path), public=made.public_text))
    keys = manifest.load_key(key_path)
    options = SiteOptions(site=output, posters=posters, keys=keys,
                          jobs=min(jobs or default_jobs(), default_jobs()))
    result = build_site(township, options)
    build = result.build
    _echo_findings(build.findings)
    _echo_outcomes(build.outcomes)
    _echo_findings(build.run_findings + result.findings)
    for line in result.published:
        item, code = line.rsplit(" ", 1)
        typer.echo(say("cli_site_published", item=item, version=shown_code(code)))
    for item in result.withdrawn:
        typer.echo(say("cli_site_withdrawn", item=item))
    typer.echo(say("cli_site_summary", site=display_path(output), published=len(result.published),
                   withdrawn=len(result.withdrawn), written=len(result.written),
                   unchanged=result.unchanged, files=result.files))
    raise typer.Exit(1 if build.failed or has_errors(result.findings) else 0)


def _current_quarter(today: date) -> str:
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


@command(help=h("列出各村某期间应公开的事项：已公开、公示中、待张贴、缺失（按 township.yaml 的 "
                "required）。有缺失或错误时退出码为 1。",
                "List, per village, what must be posted for a period: posted, on the board, "
                "awaiting posting, missing (from township.yaml's required). Exit code 1 when "
                "something is missing or invalid."))
def status(
    paths: PathsArgument = None,
    period: Annotated[str | None, typer.Option(
        "--period", metavar="<期间>", show_default=False,
        help=h("期间：2026-Q3、2026-10 或 2026；默认为今天所在的季度",
               "period: 2026-Q3, 2026-10 or 2026; default: the quarter of today"))] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help=h("以 JSON 输出", "print JSON"))] = False,
    today: Annotated[str | None, typer.Option(
        "--today", metavar="<日期>", show_default=False,
        help=h("按此日期判断是否到期、是否在公示中（默认今天），如 2026-10-20",
               "judge what is due and on the board as of this date (default: today)"))] = None,
) -> None:
    from noticeboard.clerk import status as status_module
    from noticeboard.kinds.common import parse_date

    try:
        day = parse_date(today) if today else date.today()
    except ValueError:
        raise typer.BadParameter(say("cli_bad_date", value=today), param_hint="--today") from None
    if period is not None and not period.strip():  # `--period ""` is not "this quarter"
        raise typer.BadParameter(say("cli_bad_period", value=period), param_hint="--period")
    period = period or _current_quarter(day)
    build = Build.for_paths(paths or [Path(".")])
    build.check()
    try:
        rows, findings = status_module.village_status(build, period, day)
    except ValueError:  # pydantic's error for a bad --period
        raise typer.BadParameter(say("cli_bad_period", value=period),
                                 param_hint="--period") from None
    if findings:
        _echo_findings(findings)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(status_module.as_json(rows, period, day), ensure_ascii=False,
                              indent=2))
    else:
        for line in status_module.table(rows, lang()):
            typer.echo(shown(line))
    bad = {status_module.State.MISSING, status_module.State.INVALID}
    raise typer.Exit(1 if any(p.state in bad for r in rows for p in r.parts) else 0)


@command(help=h("取出海报里附带的公开事项 YAML，可用于多年后重新检查或重新生成。",
                "Extract the item YAML a poster carries, to check or render it again years "
                "later."))
def extract(
    poster: Annotated[Path, typer.Argument(
        metavar="<海报PDF>", help=h("用 noticeboard 生成的海报 PDF",
                                    "a poster PDF made by noticeboard"))],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="<文件>", show_default=False,
        help=h("写入此文件（不覆盖已有文件）；默认打印出来",
               "write to this file (never overwritten); default: print it"))] = None,
) -> None:
    from noticeboard.errors import NoticeboardError
    from noticeboard.sources.archive import item_source

    _refuse_unusable(poster)
    try:
        _, data = item_source(poster)
    except NoticeboardError as exc:
        _echo_findings(exc.findings)
        raise typer.Exit(1) from None
    if output is None:
        from noticeboard.sources.loader import decode_text

        # as `check` read it: an item kept in GBK prints as the Chinese it is, never mojibake
        text, _ = decode_text(data)
        typer.echo(_safe_for_terminal(text if text is not None else
                                      data.decode("utf-8", errors="replace")), nl=False)
        return
    _write_new_file(output, data)


def _safe_for_terminal(text: str) -> str:
    """A whole file for the screen: control characters escaped; piped output untouched."""
    import sys

    from noticeboard.terminal import terminal_safe

    return terminal_safe(text, keep="\n\t") if sys.stdout.isatty() else text


def _write_new_file(target: Path, data: bytes) -> None:
    try:
        _create_whole(target, data)
    except FileExistsError:
        typer.echo(say("cli_exists", file=target), err=True)
        raise typer.Exit(1) from None
    except OSError as exc:  # a folder that does not exist, a name too long, no permission
        _fail_writing(target, exc)
    typer.echo(say("cli_written", file=target))


def _create_whole(target: Path, data: bytes) -> None:
    """A new file (never over an existing one), whole or not at all: on a full disk the
    part written is removed, or the next try would refuse it as existing."""
    with target.open("xb") as stream:
        try:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            target.unlink(missing_ok=True)  # created by us a moment ago (`x`): ours to remove
            raise


def _refuse_unusable(path: Path) -> None:
    """A FIFO or device would block the reader for ever: refuse it before opening it."""
    from noticeboard.sources.loader import not_regular

    if (finding := not_regular(path)) is not None:
        typer.echo(finding.format(lang()), err=True)
        raise typer.Exit(1)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long: it cannot exist, and writing it will say why
        return False


def _fail_writing(target: Path, exc: OSError) -> NoReturn:
    from noticeboard.errors import error

    finding = error("write_failed", location=target, reason=os_reason(exc))
    typer.echo(finding.located(target, {}).format(lang()), err=True)
    raise typer.Exit(1) from None


@command(help=h("创建乡镇或村的文件夹和带中文注释的设置文件；不覆盖已有文件。",
                "Create township or village folders and commented settings files; existing "
                "files are never overwritten."))
def init(
    folder: Annotated[Path, typer.Argument(
        metavar="<文件夹>", help=h("要创建的文件夹；默认当前文件夹",
                                  "the folder to set up; default: this folder"))] = Path("."),
    township: Annotated[str | None, typer.Option(
        "--township", metavar="<乡镇名>", show_default=False,
        help=h("乡镇名称：创建 township.yaml，每个村一个子文件夹",
               "township name: writes township.yaml and a folder per village"))] = None,
    villages: Annotated[list[str] | None, typer.Option(
        "--village", metavar="<村名>", show_default=False,
        help=h("村名，可写多次；没有 --township 时只能写一个，在本文件夹创建 village.yaml",
               "village name, may be repeated; without --township give one, and village.yaml "
               "is written in this folder"))] = None,
) -> None:
    from noticeboard.sources.names import safe_name
    from noticeboard.sources.settings import TOWNSHIP_FILE, VILLAGE_FILE

    villages = villages or []
    if township is None and len(villages) != 1:
        raise typer.BadParameter(say("cli_init_one_village"), param_hint="--village")
    _refuse_init_names(township, villages)
    planned: list[tuple[Path, str]] = []
    if township is not None:
        planned.append((folder / TOWNSHIP_FILE, skeletons.settings_file("township", township=township)))
    for name in villages:
        village_dir = folder / safe_name(name) if township is not None else folder
        planned.append((village_dir / VILLAGE_FILE, skeletons.settings_file("village", village=name)))
    existing = [path for path, _ in planned if _exists(path)]
    if existing:  # check everything first: write all or nothing
        for path in existing:
            typer.echo(say("cli_exists", file=path), err=True)
        raise typer.Exit(1)
    for path, text in planned:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create_whole(path, text.encode("utf-8"))
        except OSError as exc:  # `init /dev/null`, a name too long, a file in the way
            _fail_writing(path, exc)
        typer.echo(say("cli_created", file=path))


def _refuse_init_names(township: str | None, villages: list[str]) -> None:
    """Before anything is written (all or nothing): a blank name, or two villages that
    would be one folder (`甲` twice, `AB` and `ab`, which `check` would then refuse)."""
    from noticeboard.sources.names import output_key, safe_name

    for name, hint in [(township, "--township"), *((v, "--village") for v in villages)]:
        if name is not None and not name.strip():
            raise typer.BadParameter(say("cli_init_name_blank"), param_hint=hint)
    seen: dict[str, str] = {}
    for name in villages:
        key = output_key(Path(safe_name(name)))
        if key in seen:
            raise typer.BadParameter(say("cli_init_name_twice", first=seen[key], second=name),
                                     param_hint="--village")
        seen[key] = name


@command(help=h("在浏览器里预览海报：保存 YAML 后页面自动刷新；有问题时页面上直接列出。",
                "Preview posters in a browser: pages refresh when a YAML file is saved; "
                "problems are listed on the page."))
def preview(
    paths: PathsArgument = None,
    port: Annotated[int, typer.Option("--port", metavar="<端口>", callback=_port,
                                      help=h("端口（0–65535）", "port (0-65535)"))] = 8321,
    host: Annotated[str, typer.Option(
        "--host", metavar="<地址>", help=h("地址；默认只允许本机访问",
                                          "address; by default only this computer"))
    ] = "127.0.0.1",
) -> None:
    from noticeboard.clerk.preview import make_server

    try:
        server = make_server(paths or [Path(".")], host, port)
    except OSError as exc:
        typer.echo(say("cli_preview_failed", host=host, port=port, reason=_socket_reason(exc)),
                   err=True)
        raise typer.Exit(1) from None
    typer.echo(say("cli_preview_at", host=host, port=server.server_port))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo(say("cli_preview_ended"))
    finally:
        server.server_close()


def _socket_reason(exc: OSError) -> Localized:
    """Why the preview could not listen, in the clerk's words (the system's are English)."""
    import socket

    if isinstance(exc, socket.gaierror):  # its errno is a resolver code, not an OS errno
        return Localized("找不到这个地址（主机名无法解析）", exc.strerror or str(exc))
    return os_reason(exc)


IMPORT_KINDS = ("finance", "relief")


def _import_kind(value: str) -> str:
    """`finance`, `财务公开`, `低保`…: every name `new` accepts, for the kinds a sheet can give."""
    kind = kind_for(value)
    if kind not in IMPORT_KINDS:
        known = "、".join(f"{k}（{KINDS[k].NAME_ZH}）" for k in IMPORT_KINDS)
        raise typer.BadParameter(say("cli_import_kind", value=value, known=known))
    return kind


@command("import", help=h(
    "把带中文表头的表格（日期、凭证号、摘要、收入、支出、姓名、金额……）导入为事项文件。",
    "Import a spreadsheet with Chinese column headers (date, voucher, summary, income, "
    "expense, name, amount…) as an item file."))
def import_table(
    table: Annotated[Path, typer.Argument(
        metavar="<表格文件>", help=h("表格文件：.xlsx（Excel、WPS）或 .csv",
                                    "spreadsheet: .xlsx (Excel, WPS) or .csv"))],
    kind: Annotated[str, typer.Option(
        "--kind", metavar="<类型>", callback=_import_kind,
        help=h("事项类型：finance 财务（财务公开）、relief 救助补助（低保）",
               "kind: finance or relief (their Chinese names work too)"))],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="<文件>", show_default=False,
        help=h("写入的事项文件（不覆盖）；默认与表格同名的 .yaml",
               "item file to write (never overwritten); default: the table's name with .yaml"))
    ] = None,
    period: Annotated[str | None, typer.Option(
        "--period", metavar="<期间>", show_default=False,
        help=h("所属期间，如 2026-Q3", "the period, e.g. 2026-Q3"))] = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", metavar="<工作表>", show_default=False,
        help=h("工作表名称；默认第一个", "worksheet name; default: the first"))] = None,
) -> None:
    from noticeboard.clerk import importer
    from noticeboard.errors import NoticeboardError

    _refuse_unusable(table)
    try:
        result = importer.import_rows(importer.read_table(table, sheet), kind)
    except NoticeboardError as exc:
        _echo_findings([f if f.file else f.located(table, {}) for f in exc.findings])
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(say("cli_import_unreadable", file=table, reason=os_reason(exc)), err=True)
        raise typer.Exit(1) from None
    where = display_path(table)
    # In the sheet's row order, as `check` prints by line; notes about columns come first.
    for finding in sorted([*result.notes, *result.problems], key=lambda f: f.params.get("row", 0)):
        code = "cli_import_error" if finding.severity is Severity.ERROR else "cli_import_note"
        typer.echo(say(code, file=where, text=finding.message(lang())))
    if result.count:
        target = output or table.with_suffix(".yaml")
        _write_new_file(target, importer.item_yaml(result, period, table.name).encode("utf-8"))
    typer.echo(say("cli_import_summary", count=result.count, rejected=len(result.rejected)))
    raise typer.Exit(1 if result.problems or not result.count else 0)


def _kind_aliases(name: str) -> list[str]:
    """The Chinese names of a kind; an alias holding 、 repeats names already listed."""
    return [alias for alias, kind in KIND_ALIASES.items() if kind == name and "、" not in alias]


@command(help=h("列出所有公开事项类型及其中文名称。", "List every kind of item with its Chinese names."))
def kinds() -> None:
    from noticeboard.formatting import display_width

    width = max(len(name) for name in KINDS) + 2
    names = {name: f"{model.NAME_ZH}（{model.BOARD.value}）" for name, model in KINDS.items()}
    name_width = max(display_width(text) for text in names.values()) + 2
    for name in KINDS:
        aliases = "、".join(_kind_aliases(name))
        typer.echo(f"{name:<{width}}{names[name]}"
                   f"{' ' * (name_width - display_width(names[name]))}"
                   f"{say('cli_kinds_aliases', aliases=aliases)}".rstrip())


@command(help=h("列出出于良好做法、可由乡镇升为错误的规则，及本镇当前的设置。",
                "List the good-practice rules a township may raise to errors, and this "
                "township's setting."))
def rules() -> None:
    from noticeboard.checks.settings import find_setting
    from noticeboard.formatting import display_width
    from noticeboard.kinds.practices import PRACTICES

    defaults = find_setting(Path(".").resolve())[0].defaults
    typer.echo(say("cli_rules_head"))
    typer.echo("  defaults:")
    typer.echo(say("cli_rules_example"))
    rows = [say("cli_rules_columns").split("|")] + [
        [practice.code, practice.name,
         say("cli_rules_error" if defaults.raises(practice.code) else "cli_rules_warning"),
         practice.kinds] for practice in PRACTICES]
    widths = [max(display_width(row[column]) for row in rows) + 2 for column in range(3)]
    for row in rows:
        cells = [cell + " " * (width - display_width(cell))
                 for cell, width in zip(row[:3], widths, strict=True)]
        typer.echo("".join(cells) + row[3])
    typer.echo(say("cli_rules_law"))


@command(help=h("生成某类事项的模板文件，每个字段都有中文注释；加 --中文键 则键名也用中文。",
                "Write a commented starting file for a kind; with --中文键 (--chinese-keys) "
                "the keys are Chinese too."))
def new(
    kind: Annotated[str, typer.Argument(
        metavar="<类型>", help=h("类型，如 finance、财务公开 或 低保",
                                "kind, e.g. finance, 财务公开 or 低保"))],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="<文件>", show_default=False,
        help=h("写入此文件（不覆盖已有文件）；默认打印出来",
               "write to this file (never overwritten); default: print it"))] = None,
    chinese_keys: Annotated[bool | None, typer.Option(
        "--中文键/--英文键", "--chinese-keys/--english-keys", show_default=False,
        help=h("键名用中文（如 公开日期: 而不是 posted:）；不写时按 township.yaml 的 "
               "defaults.chinese_keys",
               "write the keys in Chinese (or English); default: township.yaml's "
               "defaults.chinese_keys"))] = None,
) -> None:
    from noticeboard.checks.settings import find_setting

    name = kind_for(kind)
    if name is None:
        typer.echo(say("cli_new_unknown_kind", kind=kind, known="、".join(KINDS)), err=True)
        raise typer.Exit(2)
    if chinese_keys is None:  # the township's choice for the folder the file goes to
        folder = (output.parent if output is not None else Path(".")).resolve()
        chinese_keys = find_setting(folder)[0].defaults.chinese_keys
    text = skeletons.chinese_skeleton(name) if chinese_keys else skeletons.skeleton(name)
    if output is None:
        typer.echo(text, nl=False)
        return
    _write_new_file(output, text.encode("utf-8"))


@command(help=h("写出 JSON Schema 文件（带中文说明），供编辑器补全和校验。",
                "Write JSON Schema files (with Chinese descriptions) for editor completion "
                "and checking."))
def schema(
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="<文件夹>", help=h("输出文件夹", "output folder"))
    ] = Path("schema"),
) -> None:
    for name, document in schema_module.all_schemas().items():
        target = output / f"{name}.schema.json"
        try:
            output.mkdir(parents=True, exist_ok=True)
            write_atomic(target, (json.dumps(document, ensure_ascii=False, indent=2) + "\n")
                         .encode("utf-8"))  # replaced whole: an editor may be reading it
        except OSError as exc:  # `-o` names a file, a device, or a folder not writable
            _fail_writing(target, exc)
        typer.echo(say("cli_written", file=target))


@command(help=h("检查运行环境：Python、WeasyPrint、Pango、HarfBuzz 子集化、中文字体。",
                "Check this computer: Python, WeasyPrint, Pango, HarfBuzz subsetting, Chinese "
                "fonts."))
def doctor() -> None:
    report = doctor_module.diagnose()
    for line in report.lines:
        typer.echo(line)
    raise typer.Exit(0 if report.ok else 1)


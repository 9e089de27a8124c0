"""The `noticeboard` command: parse options, call the library, print, set the exit code."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from noticeboard import doctor as doctor_module
from noticeboard import schema as schema_module
from noticeboard import skeletons
from noticeboard.build import Build, Outcome, RenderOptions, Status, in_shard
from noticeboard.errors import Finding, Severity, display_path, has_errors, shown
from noticeboard.models import KIND_ALIASES, KINDS, kind_for

app = typer.Typer(
    help="村务公开海报工具：检查公开事项（YAML），生成可张贴的 A3 PDF 海报。",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Paper(StrEnum):
    A3 = "A3"
    A4 = "A4"


class Format(StrEnum):
    pdf = "pdf"
    png = "png"


LangOption = Annotated[Lang, typer.Option(
    "--lang", envvar="NOTICEBOARD_LANG", help="提示语言：zh 中文（默认）或 en 英文")]
PathsArgument = Annotated[list[Path] | None, typer.Argument(
    help="事项文件、村文件夹、乡镇文件夹或海报 PDF；默认当前文件夹", show_default=False)]


def _echo_findings(findings: list[Finding], lang: Lang) -> None:
    for finding in findings:
        typer.echo(finding.format(lang.value))


def _summary(count: int, findings: list[Finding], lang: Lang) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if lang is Lang.en:
        return f"checked {count} files: {errors} errors, {warnings} warnings"
    return f"检查了 {count} 个文件：{errors} 个错误，{warnings} 个警告"


@app.command()
def check(paths: PathsArgument = None, lang: LangOption = Lang.zh) -> None:
    """检查公开事项：格式、账目、隐私、公示期，列出全部问题。有错误时退出码为 1。"""
    build = Build.for_paths(paths or [Path(".")])
    build.check()
    findings = build.findings
    _echo_findings(findings, lang)
    typer.echo(_summary(len(build.checked), findings, lang))
    raise typer.Exit(1 if has_errors(findings) else 0)


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    index, _, count = value.partition("/")
    try:
        shard = int(index), int(count)
    except ValueError:
        raise typer.BadParameter("应写成 I/N，例如 1/4") from None
    if not 1 <= shard[0] <= shard[1]:
        raise typer.BadParameter("I 应在 1 到 N 之间，例如 1/4")
    return shard


@app.command()
def render(
    paths: PathsArgument = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件夹")] = Path("out"),
    paper: Annotated[Paper | None, typer.Option(
        "--paper", help="纸张：A3（默认）或 A4", show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "-j", "--jobs", min=1, help="同时生成的进程数；默认为全部 CPU 核数", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="全部重新生成，不跳过未变化的海报")] = False,
    print_file: Annotated[bool, typer.Option(
        "--print-file", help="另外为每个村和全镇各生成一个合并的打印文件")] = False,
    shard: Annotated[str | None, typer.Option(
        "--shard", help="只生成其中一份：I/N，如 1/4（多台电脑分担时用）", show_default=False)] = None,
    formats: Annotated[list[Format] | None, typer.Option(
        "--format", show_default=False,
        help="输出格式：pdf（默认）、png（每页一张图片，可发微信群）；可写两次")] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """生成海报：每个事项一个 PDF，按村分文件夹；未变化的跳过。有失败时退出码为 1。"""
    from noticeboard.batch import default_jobs

    options = RenderOptions(out_dir=output, paper=paper.value if paper else None,
                            jobs=jobs or default_jobs(), force=force, print_file=print_file,
                            shard=_parse_shard(shard),
                            formats=frozenset(f.value for f in formats or [Format.pdf]))
    build = Build.for_paths(paths or [Path(".")])
    build.check()
    _echo_findings(build.findings, lang)
    try:
        outcomes = _render_with_progress(build, options, lang)
    except KeyboardInterrupt:
        typer.echo("已中断：已写完的海报保留，下次运行从中断处继续。" if lang is Lang.zh else
                   "interrupted: finished posters are kept; the next run continues", err=True)
        raise typer.Exit(130) from None
    _echo_outcomes(outcomes, lang)
    _echo_findings(build.run_findings, lang)
    raise typer.Exit(1 if build.failed else 0)


def _render_with_progress(build: Build, options: RenderOptions, lang: Lang) -> list[Outcome]:
    """A progress bar on a terminal; nothing extra when output goes to a file or log."""
    import sys

    count = sum(1 for src in build.workspace.items if in_shard(src, options.shard))
    if not sys.stdout.isatty() or count < 2:
        return build.render(options)
    label = "生成海报" if lang is Lang.zh else "rendering"
    with typer.progressbar(length=count, label=label, file=sys.stderr) as bar:
        return build.render(options, progress=lambda outcome: bar.update(1))


def _echo_outcomes(outcomes: list[Outcome], lang: Lang) -> None:
    from noticeboard.report import village_summary

    for outcome in outcomes:
        _echo_findings(outcome.findings, lang)
        if outcome.status is Status.RENDERED:
            for file in outcome.files:
                where, pages = display_path(file), outcome.pages if file.suffix == ".pdf" else 1
                typer.echo(f"wrote {where} ({pages} pages)" if lang is Lang.en
                           else f"已生成 {where}（{pages} 页）")
    summary = village_summary(outcomes)
    if len(summary) > 1:
        for village, counts in ((shown(v), c) for v, c in summary.items()):
            typer.echo(f"{village}: {counts['rendered']} rendered, {counts['unchanged']} unchanged, "
                       f"{counts['failed']} failed" if lang is Lang.en else
                       f"{village}：生成 {counts['rendered']}，未变化 {counts['unchanged']}，"
                       f"失败 {counts['failed']}")
    done = sum(o.status is Status.RENDERED for o in outcomes)
    same = sum(o.status is Status.UNCHANGED for o in outcomes)
    failed = sum(o.status is Status.FAILED for o in outcomes)
    typer.echo(f"{len(outcomes)} items: {done} rendered, {same} unchanged, {failed} failed"
               if lang is Lang.en else
               f"共 {len(outcomes)} 项：生成 {done} 项，未变化 {same} 项，失败 {failed} 项")


@app.command()
def status(
    paths: PathsArgument = None,
    period: Annotated[str, typer.Option("--period", help="期间：2026-Q3、2026-10 或 2026")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    today: Annotated[str | None, typer.Option(
        "--today", help="按此日期判断是否到期（默认今天），如 2026-10-20", show_default=False)] = None,
) -> None:
    """列出各村某期间应公开而未公开的事项（按 township.yaml 的 required）。有缺失时退出码为 1。"""
    from datetime import date

    from noticeboard import status as status_module
    from noticeboard.models.common import parse_date

    if not period:
        raise typer.BadParameter("请用 --period 指定期间，如 2026-Q3", param_hint="--period")
    try:
        day = parse_date(today) if today else date.today()
        build = Build.for_paths(paths or [Path(".")])
        build.check()
        rows, findings = status_module.village_status(build, period, day)
    except ValueError as exc:  # pydantic's errors for a bad --period or --today
        raise typer.BadParameter(f"无法识别：{exc}") from None
    if findings:
        _echo_findings(findings, Lang.zh)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(status_module.as_json(rows, period, day), ensure_ascii=False, indent=2))
    else:
        for line in status_module.table(rows):
            typer.echo(shown(line))
    bad = {status_module.State.MISSING, status_module.State.INVALID}
    raise typer.Exit(1 if any(p.state in bad for r in rows for p in r.parts) else 0)


@app.command()
def extract(
    poster: Annotated[Path, typer.Argument(help="用 noticeboard 生成的海报 PDF")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="写入此文件（不覆盖已有文件）；默认打印出来")] = None,
) -> None:
    """取出海报里附带的公开事项 YAML，可用于多年后重新检查或重新生成。"""
    from noticeboard.archive import item_source
    from noticeboard.errors import NoticeboardError

    try:
        _, data = item_source(poster)
    except NoticeboardError as exc:
        _echo_findings(exc.findings, Lang.zh)
        raise typer.Exit(1) from None
    if output is None:
        text = data.decode("utf-8", errors="replace")
        typer.echo(_safe_for_terminal(text), nl=False)
        return
    _write_new_file(output, data)


def _safe_for_terminal(text: str) -> str:
    """A whole file for the screen: control characters escaped; piped output untouched."""
    import sys

    from noticeboard.terminal import terminal_safe

    return terminal_safe(text, keep="\n\t") if sys.stdout.isatty() else text


def _write_new_file(target: Path, data: bytes) -> None:
    try:
        with target.open("xb") as stream:
            stream.write(data)
    except FileExistsError:
        typer.echo(f"{shown(str(target))} 已存在，不会覆盖", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"已写入 {shown(str(target))}")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="要创建的文件夹；默认当前文件夹")] = Path("."),
    township: Annotated[str | None, typer.Option(
        "--township", help="乡镇名称：创建 township.yaml，每个村一个子文件夹", show_default=False)] = None,
    villages: Annotated[list[str] | None, typer.Option(
        "--village", help="村名，可写多次；没有 --township 时只能写一个，在本文件夹创建 village.yaml",
        show_default=False)] = None,
) -> None:
    """创建乡镇或村的文件夹和带中文注释的设置文件；不覆盖已有文件。"""
    from noticeboard.config import TOWNSHIP_FILE, VILLAGE_FILE
    from noticeboard.workspace import safe_name

    villages = villages or []
    if township is None and len(villages) != 1:
        raise typer.BadParameter("没有 --township 时，请用 --village 给出一个村名", param_hint="--village")
    planned: list[tuple[Path, str]] = []
    if township is not None:
        planned.append((folder / TOWNSHIP_FILE, skeletons.settings_file("township", township=township)))
    for name in villages:
        village_dir = folder / safe_name(name) if township is not None else folder
        planned.append((village_dir / VILLAGE_FILE, skeletons.settings_file("village", village=name)))
    existing = [path for path, _ in planned if path.exists()]
    if existing:  # check everything first: write all or nothing
        for path in existing:
            typer.echo(f"{shown(str(path))} 已存在，不会覆盖", err=True)
        raise typer.Exit(1)
    for path, text in planned:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        typer.echo(f"已创建 {shown(str(path))}")


@app.command()
def preview(
    paths: PathsArgument = None,
    port: Annotated[int, typer.Option("--port", help="端口")] = 8321,
    host: Annotated[str, typer.Option("--host", help="地址；默认只允许本机访问")] = "127.0.0.1",
) -> None:
    """在浏览器里预览海报：保存 YAML 后页面自动刷新；有问题时页面上直接列出。"""
    from noticeboard.preview import make_server

    try:
        server = make_server(paths or [Path(".")], host, port)
    except OSError as exc:
        typer.echo(f"无法在 {host}:{port} 启动预览：{exc.strerror}；可用 --port 换一个端口", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"预览地址：http://{host}:{server.server_port}/  （按 Ctrl-C 结束）")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("预览已结束")
    finally:
        server.server_close()


class ImportKind(StrEnum):
    finance = "finance"
    relief = "relief"


@app.command("import")
def import_table(
    table: Annotated[Path, typer.Argument(help="表格文件：.xlsx（Excel、WPS）或 .csv")],
    kind: Annotated[ImportKind, typer.Option("--kind", help="事项类型：finance 财务、relief 救助补助")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", show_default=False,
        help="写入的事项文件（不覆盖）；默认与表格同名的 .yaml")] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="所属期间，如 2026-Q3", show_default=False)] = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", help="工作表名称；默认第一个", show_default=False)] = None,
) -> None:
    """把带中文表头的表格（日期、凭证号、摘要、收入、支出、姓名、金额……）导入为事项文件。"""
    from noticeboard import importer
    from noticeboard.errors import NoticeboardError

    try:
        result = importer.import_rows(importer.read_table(table, sheet), kind.value)
    except NoticeboardError as exc:
        _echo_findings([f if f.file else f.located(table, {}) for f in exc.findings], Lang.zh)
        raise typer.Exit(1) from None
    except (OSError, KeyError) as exc:
        typer.echo(shown(f"{table}: 错误: 无法读取：{exc}"), err=True)
        raise typer.Exit(1) from None
    for note in result.notes:
        typer.echo(shown(f"{table}: 提示: {note}"))
    for rejected in result.rejected:
        typer.echo(shown(f"{table}: 错误: {rejected}"))
    if result.count:
        target = output or table.with_suffix(".yaml")
        _write_new_file(target, importer.item_yaml(result, period, table.name).encode("utf-8"))
    typer.echo(f"导入 {result.count} 行，拒绝 {len(result.rejected)} 行")
    raise typer.Exit(1 if result.rejected or not result.count else 0)


@app.command()
def kinds() -> None:
    """列出所有公开事项类型及其中文名称。"""
    for name, model in KINDS.items():
        aliases = "、".join(a for a, k in KIND_ALIASES.items() if k == name)
        typer.echo(f"{name:<10} {model.NAME_ZH}（{model.BOARD.value}）  也可写作：{aliases}")


@app.command()
def new(
    kind: Annotated[str, typer.Argument(help="类型，如 finance 或 财务公开")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="写入此文件（不覆盖已有文件）；默认打印出来")] = None,
) -> None:
    """生成某类事项的模板文件，每个字段都有中文注释。"""
    name = kind_for(kind)
    if name is None:
        typer.echo(f"不认识的类型「{kind}」；可用：{'、'.join(KINDS)}", err=True)
        raise typer.Exit(2)
    text = skeletons.skeleton(name)
    if output is None:
        typer.echo(text, nl=False)
        return
    _write_new_file(output, text.encode("utf-8"))


@app.command()
def schema(
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件夹")] = Path("schema"),
) -> None:
    """写出 JSON Schema 文件（带中文说明），供编辑器补全和校验。"""
    output.mkdir(parents=True, exist_ok=True)
    for name, document in schema_module.all_schemas().items():
        target = output / f"{name}.schema.json"
        target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
        typer.echo(f"已写入 {target}")


@app.command()
def doctor() -> None:
    """检查运行环境：Python、WeasyPrint、Pango、HarfBuzz 子集化、中文字体。"""
    report = doctor_module.diagnose()
    for line in report.lines:
        typer.echo(line)
    raise typer.Exit(0 if report.ok else 1)


def main() -> None:  # pragma: no cover - console entry for `python -m noticeboard`
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    app()

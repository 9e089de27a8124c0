"""Our render against the tools a user could pick instead, on the same synthetic township.

Runs, in one go: `noticeboard render` (cold, all cores); the same documents through
Typst's PyPI package with bench/typst/poster.typ; and a plain loop calling the
`weasyprint` command on each item's HTML. Prints wall times, ratios, PDF sizes and
peak memory. Needs `pip install typst` (benchmark only, not a dependency).
Usage: python bench/typst_compare.py [--villages 10 --items 20]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_township import write_township

from noticeboard.kinds import Finance, Notice, Relief
from noticeboard.poster.context import money_plain, month_day, paragraphs, poster_context
from noticeboard.run.build import Build

TEMPLATE = Path(__file__).resolve().parent / "typst" / "poster.typ"
FONTS = ["/usr/share/fonts/opentype/noto"]


def typst_data(checked) -> dict:
    """What poster.typ prints, from the same checked item noticeboard renders."""
    item, context = checked.item, poster_context(checked.item, checked.setting)
    data = {key: str(context[key] or "") for key in ("board", "title", "issuer", "period", "window",
                                                     "posted", "contact")}
    data["figures"], data["sections"] = [], []
    if isinstance(item, Finance):
        data["figures"] = [["期初余额（元）", money_plain(item.opening_balance)],
                           ["本期收入（元）", money_plain(item.income_sum())],
                           ["本期支出（元）", money_plain(item.expense_sum())],
                           ["期末余额（元）", money_plain(item.closing_balance)]]
        for heading, rows in (("一、收入明细", item.income), ("二、支出明细", item.expense)):
            data["sections"].append({
                "heading": heading, "columns": ["日期", "凭证号", "摘要", "类别", "金额（元）", "经手人"],
                "numeric": [4], "paragraphs": [],
                "rows": [[month_day(r.date), r.voucher, r.summary, r.category, money_plain(r.amount),
                          r.handler] for r in rows]})
    elif isinstance(item, Relief):
        data["figures"] = [["享受户数", f"{len(item.recipients)} 户"],
                           ["发放金额合计（元）", money_plain(item.amount_sum())]]
        data["sections"].append({
            "heading": "发放名单",
            "columns": ["序号", "户主姓名", "村民小组", "保障人数", "类别", "金额（元）"],
            "numeric": [0, 3, 5], "paragraphs": [],
            "rows": [[str(n), r.name, r.group, str(r.household_size), r.category, money_plain(r.amount)]
                     for n, r in enumerate(item.recipients, 1)]})
    elif isinstance(item, Notice):
        data["sections"].append({"heading": "", "columns": [], "numeric": [], "rows": [],
                                 "paragraphs": paragraphs(item.body)})
    return data


def typst_one(job: tuple[str, str]) -> int:
    import typst

    data_file, out = job
    pdf = typst.compile(str(TEMPLATE), font_paths=FONTS, sys_inputs={"data": data_file},
                        root="/")
    Path(out).write_bytes(pdf)
    return len(pdf)


def weasyprint_one(job: tuple[str, str]) -> None:
    subprocess.run(["weasyprint", job[0], job[1]], check=True, capture_output=True)


def timed(label: str, run) -> float:
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed:.1f} s", file=sys.stderr)
    return elapsed


def sizes(folder: Path) -> list[int]:
    return [p.stat().st_size for p in folder.rglob("*.pdf")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--villages", type=int, default=10)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="noticeboard-compare-"))
    try:
        township = write_township(work / "township", args.villages, args.items)
        build = Build.for_paths([township])
        checked = build.check()
        jobs_typst, jobs_weasy = [], []
        for n, entry in enumerate(checked):
            data = work / "data" / f"{n}.json"
            data.parent.mkdir(exist_ok=True)
            data.write_text(json.dumps(typst_data(entry), ensure_ascii=False), encoding="utf-8")
            jobs_typst.append((str(data), str(work / "typst" / f"{n}.pdf")))
        (work / "typst").mkdir()
        from noticeboard.poster.render import Renderer

        renderer = Renderer()
        css = renderer.environment(None).loader.get_source(renderer.environment(None), "poster.css")[0]
        (work / "html").mkdir()
        (work / "weasy").mkdir()
        for n, entry in enumerate(checked):
            page = renderer.html(entry, "A3").replace("</head>", f"<style>{css}</style></head>")
            html = work / "html" / f"{n}.html"
            html.write_text(page, encoding="utf-8")
            jobs_weasy.append((str(html), str(work / "weasy" / f"{n}.pdf")))
        ours = timed("noticeboard render", lambda: subprocess.run(
            [sys.executable, "-m", "noticeboard", "render", str(township), "-o", str(work / "ours"),
             "-j", str(args.jobs)], check=True, capture_output=True))
        ours_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        with ProcessPoolExecutor(args.jobs) as pool:
            typst_time = timed("typst", lambda: list(pool.map(typst_one, jobs_typst)))
        with ProcessPoolExecutor(args.jobs) as pool:
            weasy_time = timed("weasyprint loop", lambda: list(pool.map(weasyprint_one, jobs_weasy)))
        ours_sizes = sizes(work / "ours")
        typst_sizes, weasy_sizes = sizes(work / "typst"), sizes(work / "weasy")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    count = len(jobs_typst)
    print(f"{count} posters, {args.jobs} processes each\n")
    print("| tool | wall | per poster | ratio to Typst | median PDF | ratio to Typst |")
    print("|---|---|---|---|---|---|")
    typst_median = statistics.median(typst_sizes)
    results = (("noticeboard render", ours, ours_sizes), ("Typst (PyPI)", typst_time, typst_sizes),
               ("weasyprint command per item", weasy_time, weasy_sizes))
    for name, wall, found in results:
        median = statistics.median(found)
        print(f"| {name} | {wall:.1f} s | {wall / count:.3f} s | {wall / typst_time:.1f}× | "
              f"{median / 1024:.0f} KB | {median / typst_median:.1f}× |")
    print(f"\npeak RSS of the largest noticeboard worker: {ours_peak} MB")


if __name__ == "__main__":
    main()

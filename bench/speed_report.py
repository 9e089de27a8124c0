"""The five measures of issue 16 in one run, as a Markdown table for docs/performance.md.

1. a township of 32 finance posters, `-j 2`, wall, against Typst with 2 processes;
2. the bench township (200 mixed, bench/make_township.py), `-j 2`, against Typst;
3. one 200-row table, the whole command (process start included), against Typst;
4. a poster's cost divided by the floor (one layout + `write_pdf` of the same HTML),
   at 40, 50, 200 and 3,000 rows;
5. layout passes per poster over the bench township: the histogram and the mean.

Typst runs through its PyPI package (`pip install typst`; benchmark only) with
bench/typst/poster.typ on the same data. Usage:
    python bench/speed_report.py [--repeats 3] [--quick]
Each wall time is the median of `--repeats` runs, ours and Typst's interleaved.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_township import finance, write_township
from typst_compare import TEMPLATE, typst_data, typst_one

from noticeboard.poster import engine
from noticeboard.poster.render import BASE_FONT_PT, Renderer, step_css
from noticeboard.run.build import Build

NOTICEBOARD = [sys.executable, "-m", "noticeboard"]
TYPST_ONE = ("import sys, typst; from pathlib import Path; "
             "Path(sys.argv[3]).write_bytes(typst.compile(sys.argv[1], font_paths=["
             "'/usr/share/fonts/opentype/noto'], sys_inputs={'data': sys.argv[2]}, root='/'))")


def finance_township(root: Path, villages: int = 4, items: int = 8) -> Path:
    rng = random.Random(16)
    root.mkdir(parents=True)
    (root / "township.yaml").write_text("name: 基准镇\nhotline: 0571-00000000\n", encoding="utf-8")
    for v in range(villages):
        folder = root / f"村{v + 1:02d}"
        folder.mkdir()
        (folder / "village.yaml").write_text(f"name: 村{v + 1:02d}\nphone: 0571-1000{v:04d}\n",
                                             encoding="utf-8")
        balance = Decimal(100_000)
        for i in range(items):
            text, balance = finance(rng, 1 + i % 11, balance)
            (folder / f"{i + 1:02d}-finance.yaml").write_text(text, encoding="utf-8")
    return root


def one_table(root: Path, rows: int) -> Path:
    """A township folder holding one finance item of `rows` rows (one third income)."""
    rng = random.Random(rows)
    root.mkdir(parents=True)
    (root / "township.yaml").write_text("name: 基准镇\nhotline: 0571-00000000\n", encoding="utf-8")
    (root / "村01").mkdir()
    (root / "村01" / "village.yaml").write_text("name: 村01\nphone: 0571-10000001\n", encoding="utf-8")
    text, _ = finance(rng, 3, Decimal(100_000))
    header, _, _ = text.partition("income:")
    lines = text.splitlines()
    income = [line for line in lines if "记-" in line]
    expense = [line for line in lines if "付-" in line]
    made_in = [income[i % len(income)].replace(f"记-{i % len(income) + 1:03d}", f"记-{i + 1:04d}")
               for i in range(rows // 3)]
    made_out = [expense[i % len(expense)].replace(f"付-{i % len(expense) + 1:03d}", f"付-{i + 1:04d}")
                for i in range(rows - rows // 3)]
    total = sum(Decimal(line.split("amount: ")[1].split(",")[0]) for line in made_in) - sum(
        Decimal(line.split("amount: ")[1].split(",")[0]) for line in made_out)
    opening = Decimal(header.split("opening_balance: ")[1].split("\n")[0])
    body = (header + "income:\n" + "\n".join(made_in) + "\nexpense:\n" + "\n".join(made_out)
            + f"\nclosing_balance: {opening + total}\n")
    path = root / "村01" / f"{rows}-finance.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def typst_jobs(paths: list[Path], work: Path) -> list[tuple[str, str]]:
    checked = Build.for_paths(paths).check()
    (work / "data").mkdir(parents=True, exist_ok=True)
    (work / "typst").mkdir(parents=True, exist_ok=True)
    jobs = []
    for n, entry in enumerate(checked):
        data = work / "data" / f"{n}.json"
        data.write_text(json.dumps(typst_data(entry), ensure_ascii=False), encoding="utf-8")
        jobs.append((str(data), str(work / "typst" / f"{n}.pdf")))
    return jobs


def wall(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def ours_command(target: Path, out: Path, jobs: int) -> None:
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([*NOTICEBOARD, "render", str(target), "-o", str(out), "-j", str(jobs)],
                   check=True, capture_output=True)


def versus_typst(label: str, target: Path, jobs_typst: list, work: Path, jobs: int,
                 repeats: int) -> tuple[str, float, float]:
    ours, theirs = [], []
    for _ in range(repeats):  # interleaved, so load on the machine hits both alike
        ours.append(wall(lambda: ours_command(target, work / "ours", jobs)))
        with ProcessPoolExecutor(jobs) as pool:
            theirs.append(wall(lambda pool=pool: list(pool.map(typst_one, jobs_typst))))
    return label, statistics.median(ours), statistics.median(theirs)


def one_table_command(path: Path, job: tuple[str, str], work: Path, repeats: int) -> tuple[str, float, float]:
    ours, theirs = [], []
    for _ in range(repeats):
        ours.append(wall(lambda: ours_command(path, work / "one", 1)))
        theirs.append(wall(lambda: subprocess.run(
            [sys.executable, "-c", TYPST_ONE, str(TEMPLATE), job[0], job[1]], check=True)))
    return "one 200-row table, whole command", statistics.median(ours), statistics.median(theirs)


def floor_ratio(renderer: Renderer, path: Path, repeats: int) -> tuple[float, float, int]:
    """(poster seconds, floor seconds, layouts) for one item, medians of `repeats`."""
    [checked] = Build.for_paths([path]).check()
    renderer.render(checked)  # warm: fonts, stylesheet
    posters, floors, layouts = [], [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        poster = renderer.render(checked)
        posters.append(time.perf_counter() - started)
        layouts = poster.layouts
        started = time.perf_counter()
        paper = checked.setting.defaults.paper
        html = engine.parse_html(renderer.html(checked, paper), Path(), engine.TemplateFetcher([]))
        sizes = engine.step_stylesheet(step_css(BASE_FONT_PT[paper], paper),
                                       engine.TemplateFetcher([]), renderer.font_config)
        document = engine.lay_out(html, [renderer.stylesheet(None), sizes], renderer.font_config)
        engine.write_pdf(document, [], None)
        floors.append(time.perf_counter() - started)
    return statistics.median(posters), statistics.median(floors), layouts


def passes(township: Path) -> Counter[int]:
    renderer = Renderer()
    counts: Counter[int] = Counter()
    for checked in Build.for_paths([township]).check():
        if checked.ok:
            counts[renderer.render(checked).layouts] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="skip the 3,000-row poster")
    parser.add_argument("--villages", type=int, default=10, help="of 20 items each, for rows 2 and 5")
    parser.add_argument("--only", choices=("walls", "floor", "passes"), action="append",
                        help="measure only these rows (walls: 1-3; floor: 4; passes: 5); repeatable")
    args = parser.parse_args()
    only = set(args.only or ("walls", "floor", "passes"))
    work = Path(tempfile.mkdtemp(prefix="noticeboard-speed-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"WeasyPrint {engine.version()}; medians of {args.repeats}\n")
    print("| measure | noticeboard vs Typst (or as stated) | ratio |")
    print("|---|---|---|", flush=True)
    rows_out = _Rows()
    try:
        started = time.perf_counter()
        fin = finance_township(work / "fin")
        mixed = write_township(work / "mixed", args.villages, 20)
        table = one_table(work / "table", 200)
        walls = (lambda: versus_typst("township of 32 finance posters, `-j 2`, wall, against Typst",
                              fin, typst_jobs([fin], work / "t1"), work, args.jobs, args.repeats),
                 lambda: versus_typst(f"bench township ({args.villages * 20} mixed), `-j 2`, against Typst",
                                      mixed, typst_jobs([mixed], work / "t2"), work, args.jobs, args.repeats),
                 lambda: one_table_command(table, typst_jobs([table], work / "t3")[0], work, args.repeats))
        for measure in walls if "walls" in only else ():
            label, ours, theirs = measure()
            rows_out.append(f"| {label} | {ours:.2f} s vs {theirs:.2f} s | {ours / theirs:.1f}× |")
        if "floor" in only:
            renderer = Renderer()
            ratios = []
            for rows in (40, 50, 200) if args.quick else (40, 50, 200, 3000):
                poster, floor, layouts = floor_ratio(renderer, one_table(work / f"rows{rows}", rows),
                                                     1 if rows > 1000 else args.repeats)
                ratios.append(f"{poster / floor:.2f}× at {rows:,} ({poster:.2f} s / {floor:.2f} s, "
                              f"{layouts} layout{'s' if layouts > 1 else ''})")
            rows_out.append("| poster cost ÷ the floor (one layout + `write_pdf` of the same HTML) | "
                            + ", ".join(ratios) + " | |")
        if "passes" in only:
            histogram = passes(mixed)
            total = sum(histogram.values())
            mean = sum(k * v for k, v in histogram.items()) / total
            rows_out.append("| layout passes per poster (bench mix) | "
                            + ", ".join(f"{v} × {k}" for k, v in sorted(histogram.items()))
                            + f" | mean {mean:.2f} |")
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{elapsed:.0f} s in all")


class _Rows(list[str]):
    """Each row is printed as soon as it is measured: a long run cut short keeps what it has."""

    def append(self, row: str) -> None:
        super().append(row)
        print(row, flush=True)


if __name__ == "__main__":
    main()

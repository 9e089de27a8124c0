"""Where a poster's time goes, stage by stage, beside Typst's whole compile of the same poster.

Renders the finance posters of bench/speed_report.py's 32-poster township in one warm
process (as a worker does) and times each stage of every poster by wrapping the
functions that do it; then compiles the same posters with Typst's PyPI package in one
warm process. Prints a Markdown table of medians per poster, for docs/performance.md:
what the gap to Typst is made of, per cause. Usage:
    python bench/stage_costs.py [--posters 16] [--rows N] [--no-typst]
With `--rows N`, one finance poster of N rows instead (rendered `--posters` times).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import weasyprint.css
import weasyprint.document
import weasyprint.pdf
import weasyprint.pdf.fonts
from pydyf import PDF

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed_report import finance_township, one_table, typst_jobs
from typst_compare import typst_one

import noticeboard.poster.compare
import noticeboard.poster.render
from noticeboard.poster import fontpack
from noticeboard.run.build import Build

# (label, owner, attribute): each wrapped so that its time is added to the label.
STAGES = [
    ("HTML from the template (Jinja)", noticeboard.poster.render.Renderer, "html"),
    ("lay out: whole (cascade + boxes + layout), every pass", weasyprint.document.Document, "_render"),
    ("lay out: style cascade", weasyprint.document, "get_all_computed_styles"),
    ("lay out: box tree", weasyprint.document, "build_formatting_structure"),
    ("write: draw the pages", weasyprint.document.Page, "paint"),
    ("write: fonts (subset, compact)", weasyprint.pdf, "build_fonts_dictionary"),
    ("write: fonts, fontpack's part", fontpack, "compact_cff"),
    ("write: serialise the PDF", PDF, "write"),
    ("read the PDF's text once (pdfium)", noticeboard.poster.compare, "drawn_text"),
    ("privacy guard (search the text)", noticeboard.poster.render, "guard_poster"),
    ("compare the poster with the item", noticeboard.poster.render.Renderer, "_compare"),
]


def wrap(owner: Any, attribute: str, label: str, spent: Counter[str]) -> None:
    original: Callable[..., Any] = getattr(owner, attribute)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started

    setattr(owner, attribute, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posters", type=int, default=16)
    parser.add_argument("--rows", type=int, help="one poster of this many rows, rendered --posters times")
    parser.add_argument("--no-typst", action="store_true", help="time noticeboard's stages only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="noticeboard-stages-"))
    if args.rows:
        [one] = [c for c in Build.for_paths([one_table(work / "one", args.rows)]).check() if c.ok]
        checked = [one] * args.posters
    else:
        township = finance_township(work / "fin")
        checked = [c for c in Build.for_paths([township]).check() if c.ok][:args.posters]
    renderer = noticeboard.poster.render.Renderer()
    renderer.render(checked[0])  # warm, as a worker is after its first poster
    spent: Counter[str] = Counter()
    for label, owner, attribute in STAGES:
        wrap(owner, attribute, label, spent)
    per_stage: dict[str, list[float]] = {label: [] for label, _, _ in STAGES}
    totals, passes = [], []
    for item in checked:
        spent.clear()
        started = time.perf_counter()
        poster = renderer.render(item)
        totals.append(time.perf_counter() - started)
        passes.append(poster.layouts)
        for label in per_stage:
            per_stage[label].append(spent[label])
    jobs = [] if args.no_typst else typst_jobs([c.path for c in checked], work / "typst")
    if jobs:
        typst_one(jobs[0])  # warm: fonts
    typst = []
    for job in jobs:
        started = time.perf_counter()
        typst_one(job)
        typst.append(time.perf_counter() - started)
    ms = lambda values: statistics.median(values) * 1000  # noqa: E731
    what = f"a {args.rows}-row finance poster {len(checked)} times" if args.rows else \
        f"{len(checked)} finance posters"
    print(f"{what}, one warm process, medians per poster; "
          f"layout passes: mean {statistics.mean(passes):.2f}\n")
    print("| stage | ms per poster | share |")
    print("|---|---:|---:|")
    whole = ms(totals)
    for label, values in per_stage.items():
        print(f"| {label} | {ms(values):.0f} | {ms(values) / whole:.0%} |")
    print(f"| **noticeboard, whole poster** | **{whole:.0f}** | 100% |")
    if typst:
        print(f"| **Typst, whole compile of the same poster** | **{ms(typst):.0f}** | "
              f"{ms(typst) / whole:.0%} |")


if __name__ == "__main__":
    main()

"""Benchmark a township render: cold run, no-op re-run, posters per second, peak memory.

Usage: python bench/render_bench.py [--villages 10 --items 20 --reruns 3]
Prints a Markdown table for docs/performance.md. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_township import write_township

NOTICEBOARD = [sys.executable, "-m", "noticeboard"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(result.stdout + result.stderr)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--villages", type=int, default=10)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--reruns", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="noticeboard-bench-"))
    try:
        township = write_township(work / "township", args.villages, args.items)
        out = work / "out"
        count = args.villages * args.items
        cold = timed([*NOTICEBOARD, "render", str(township), "-o", str(out), "-j", str(args.jobs)])
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        noop = [timed([*NOTICEBOARD, "render", str(township), "-o", str(out)])
                for _ in range(args.reruns)]
        pages = sum(1 for _ in out.rglob("*.pdf"))
        sizes = [p.stat().st_size for p in out.rglob("*.pdf")]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"township: {args.villages} villages × {args.items} items = {count} posters, -j {args.jobs}\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| cold run, wall | {cold:.1f} s |")
    print(f"| posters per second | {count / cold:.2f} |")
    print(f"| seconds per poster (wall / posters) | {cold / count:.3f} s |")
    print(f"| no-op re-run, median of {len(noop)} | {statistics.median(noop):.2f} s |")
    print(f"| peak RSS of the largest worker | {peak_kb / 1024:.0f} MB |")
    print(f"| PDFs written | {pages}, median {statistics.median(sizes) / 1024:.0f} KB |")


if __name__ == "__main__":
    main()

"""A province in miniature: is every stage but the layout linear, and does it fit in memory?

Rendering is replaced by a stand-in that writes a small file, so what is measured is what
a province's run does besides the layout: discovery, checking (every rule, across
documents too), planning against the incremental state, the report, and merging shard
reports. Townships of 25 villages × 20 items are generated side by side; each size is run
`--repeat` times and the median quoted, with the time per item (flat = linear) and the
peak resident memory. The figures are extrapolated to 20,000 villages × 20 items.

    .venv/bin/python bench/province.py --sizes 25 50 100 200
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_township import write_township

from noticeboard.run import executors
from noticeboard.run.atomic import write_atomic
from noticeboard.run.build import Build
from noticeboard.run.merge import merge_shards
from noticeboard.run.outcomes import RenderOptions, Status
from noticeboard.run.pool import Task, WorkResult

VILLAGES_PER_TOWNSHIP = 25
PROVINCE_ITEMS = 20_000 * 20
SHARDS = 4


class StandIn:
    """Writes a few bytes where the poster would go: the run's bookkeeping stays real."""

    def run(self, tasks: list[Task]) -> Iterator[tuple[int, WorkResult]]:
        for task in tasks:
            data = b"%PDF-1.7 stand-in " + task.target.as_posix().encode()
            write_atomic(task.target, data)
            yield task.index, WorkResult(Status.RENDERED, 1, hashlib.sha256(data).hexdigest(),
                                         files=[task.target])

    def close(self) -> None:
        pass


def make_province(root: Path, villages: int) -> list[Path]:
    townships = []
    for n in range(villages // VILLAGES_PER_TOWNSHIP):
        townships.append(write_township(root / f"第{n + 1}镇", VILLAGES_PER_TOWNSHIP, 20, seed=n))
    return townships


def timed(stage: Callable[[], object]) -> float:
    start = time.perf_counter()
    stage()
    return time.perf_counter() - start


def one_run(townships: list[Path], out: Path) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    times: dict[str, float] = {}
    holder: dict[str, Build] = {}
    times["discover"] = timed(lambda: holder.setdefault("b", Build.for_paths(townships)))
    build = holder["b"]
    times["check"] = timed(build.check)
    for index in range(1, SHARDS + 1):  # plan, stand-in render, state, report: per shard
        times[f"shard {index}"] = timed(lambda i=index: build.render(
            RenderOptions(out_dir=out, shard=(i, SHARDS))))
    times["merge"] = timed(lambda: merge_shards(out))
    times["re-run (all unchanged)"] = timed(lambda: Build.for_paths(townships).render(
        RenderOptions(out_dir=out, shard=(1, SHARDS))))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    executors.open_executor = lambda options: StandIn()  # type: ignore[assignment]
    from noticeboard.run import plan
    plan.open_executor = executors.open_executor  # the name plan imported
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for villages in args.sizes:
            root = Path(tmp) / f"p{villages}"
            townships = make_province(root, villages)
            runs = [one_run(townships, root / "out") for _ in range(args.repeat)]
            medians = {stage: statistics.median(r[stage] for r in runs) for stage in runs[0]}
            items = villages * 20
            rows.append((villages, items, medians))
            shutil.rmtree(root)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages = list(rows[0][2])
    print(f"{'stage':<24}" + "".join(f"{f'{v} 村 × 20':>16}" for v, _, _ in rows))
    for stage in stages:
        print(f"{stage:<24}" + "".join(f"{m[stage]:>13.2f} s " for _, _, m in rows))
    total = [sum(m.values()) for _, _, m in rows]
    print(f"{'total':<24}" + "".join(f"{t:>13.2f} s " for t in total))
    print(f"{'ms per item':<24}" + "".join(f"{1000 * t / items:>13.2f}   "
                                        for t, (_, items, _) in zip(total, rows, strict=True)))
    per_item = total[-1] / rows[-1][1]
    print(f"peak memory {peak_mb:.0f} MB for {rows[-1][1]} items; "
          f"a province of {PROVINCE_ITEMS:,} items at {1000 * per_item:.2f} ms per item: "
          f"{PROVINCE_ITEMS * per_item / 3600:.1f} h of bookkeeping on one core")


if __name__ == "__main__":
    main()

"""Memory and time per table row: one long relief list or finance ledger, rendered alone.

Usage: python bench/rows_bench.py [--rows 100 500 1000 2000] [--kind relief finance] [--paper A3]

Each size renders in a fresh process (so peak memory is that poster's alone) and
prints a Markdown row: rows, sheets, rows per sheet, seconds, peak RSS, and the
marginal time and memory per row against the smallest size. The figures size
`defaults.max_sheets` and `rules/size.py` (docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.make_township import GIVEN, GROUPS, SURNAMES

VILLAGE = "name: 测试村\nphone: 0571-63810000\n"

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from noticeboard.run.build import render_item
    import pypdf
    start = time.perf_counter()
    pdf = render_item(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024,
                      "sheets": len(pypdf.PdfReader(pdf).pages)}))
""")


def relief_item(rows: int) -> str:
    lines = ["kind: relief", "program: 农村最低生活保障金", "standard: 每人每月560元",
             "period: 2026-10", "posted: 2026-10-10", "days: 7", "reviewed_by: 孙监督",
             "reviewed_on: 2026-10-09", "recipients:"]
    for i in range(rows):
        size = i % 5 + 1
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        lines.append(f"  - {{name: {name}, group: {GROUPS[i % len(GROUPS)]}, "
                     f"household_size: {size}, category: 一类低保, amount: {size * 560}.00}}")
    return "\n".join(lines) + "\n"


def finance_item(rows: int) -> str:
    lines = ["kind: finance", "period: 2026-10", "posted: 2026-11-08", "reviewed_by: 孙监督",
             "reviewed_on: 2026-11-06", "opening_balance: 0", "income:"]
    for i in range(rows):
        lines.append(f"  - {{date: 2026-10-{i % 28 + 1:02d}, voucher: 记-{i + 1:05d}, "
                     "summary: 村集体厂房租金收入, category: 发包及上交收入, amount: 100.00, "
                     "handler: 陈静}")
    lines.append(f"closing_balance: {rows * 100}.00")
    return "\n".join(lines) + "\n"


def measure(kind: str, rows: int, paper: str, folder: Path) -> dict[str, float]:
    village = folder / f"{kind}-{rows}"
    village.mkdir()
    (village / "village.yaml").write_text(VILLAGE, encoding="utf-8")
    item = village / "item.yaml"
    item.write_text(relief_item(rows) if kind == "relief" else finance_item(rows), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", CHILD, str(item), str(folder / "out"), paper],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{kind} × {rows}: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 500, 1000, 2000])
    parser.add_argument("--kind", nargs="+", default=["relief", "finance"],
                        choices=["relief", "finance"])
    parser.add_argument("--paper", default="A3", choices=["A3", "A4"])
    args = parser.parse_args()
    print("| kind | rows | sheets | rows/sheet | seconds | peak MB | ms/row (marginal) | KB/row (marginal) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as temp:
        for kind in args.kind:
            first: tuple[int, dict[str, float]] | None = None
            for rows in sorted(args.rows):
                figures = measure(kind, rows, args.paper, Path(temp))
                marginal = "", ""
                if first is not None:
                    extra = rows - first[0]
                    marginal = (f"{(figures['seconds'] - first[1]['seconds']) / extra * 1000:.1f}",
                                f"{(figures['peak_mb'] - first[1]['peak_mb']) * 1024 / extra:.0f}")
                else:
                    first = (rows, figures)
                print(f"| {kind} | {rows} | {figures['sheets']:.0f} | "
                      f"{rows / figures['sheets']:.0f} | {figures['seconds']:.1f} | "
                      f"{figures['peak_mb']:.0f} | {marginal[0]} | {marginal[1]} |", flush=True)


if __name__ == "__main__":
    main()

"""Benchmark `noticeboard site` on a township of 30 villages × 20 items: the site built after
`render` (posters unchanged), a no-op re-run, one item changed, and the page weights.

Usage: python bench/site_bench.py [--villages 30 --items 20] [--stand-in]
Prints a Markdown table for docs/site.md. Run it on an otherwise idle machine.

`--stand-in` skips rendering 600 posters (minutes on an idle machine, an hour on a
loaded one): one real poster's PDF and PNG stand in for every item's, and `render`'s
planning (its no-op re-run, measured in docs/performance.md) is left out; everything
the site does (check every item, its pages, data, index, guard, writes, manifest)
runs for real, in this process.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_township import write_township

NOTICEBOARD = [sys.executable, "-m", "noticeboard"]


def timed(args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(result.stdout + result.stderr)
    return elapsed, result.stdout.strip().splitlines()[-1]


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def weights(site: Path) -> list[tuple[str, str]]:
    """Bytes as sent (and gzipped, as most web servers send text) for each page type."""
    def both(*files: Path) -> str:
        raw = sum(f.stat().st_size for f in files)
        packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
        return f"{kb(raw)} ({kb(packed)} gzip)"

    assets = [site / "assets" / "site.css", site / "assets" / "site.js"]
    items = sorted(site.glob("*/*/index.html"), key=lambda p: p.stat().st_size)
    median = items[len(items) // 2]
    return [
        ("township page + css + js", both(site / "index.html", *assets)),
        (f"median item page ({median.parent.relative_to(site)}) + css + js", both(median, *assets)),
        (f"largest item page ({items[-1].parent.relative_to(site)}) + css + js", both(items[-1], *assets)),
        ("search page + css + js + index", both(site / "search.html", *assets, site / "search" / "index.js")),
        ("check page + css + js + codes", both(site / "check.html", *assets, site / "search" / "codes.js")),
        ("search index alone", both(site / "search" / "index.js")),
        ("whole site", f"{sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 2**20:.1f} MB, "
                       f"{sum(1 for f in site.rglob('*') if f.is_file())} files"),
    ]


def stand_in(sample: Path) -> None:
    """`Build.render` replaced: every item that passed gets a copy of the sample poster."""
    import shutil

    from noticeboard.run.build import Build
    from noticeboard.run.outcomes import Outcome, Status

    pdf, png = sample.with_suffix(".pdf"), sample.with_name(sample.name + "-1.png")

    def render(self, options, progress=None):  # type: ignore[no-untyped-def]
        self.outcomes = []
        for source, checked in zip(self.workspace.items, self.checked, strict=True):
            if not checked.ok:
                self.outcomes.append(Outcome(source, Status.FAILED))
                continue
            target = options.out_dir / source.output_stem
            files = [target.with_name(target.name + ".pdf"), target.with_name(target.name + "-1.png")]
            if not files[0].exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pdf, files[0])
                shutil.copyfile(png, files[1])
            self.outcomes.append(Outcome(source, Status.UNCHANGED, files[0], 1, files=files))
        return self.outcomes

    Build.render = render  # type: ignore[method-assign]


def in_process(township: Path, site: Path, out: Path, key: Path) -> tuple[float, str]:
    from noticeboard.site.build import SiteOptions, build_site
    from noticeboard.site.manifest import load_key

    started = time.perf_counter()
    result = build_site(township, SiteOptions(site=site, posters=out, keys=load_key(key)))
    return time.perf_counter() - started, (
        f"{len(result.published)} published, {len(result.written)} files written, "
        f"{result.unchanged} unchanged, {result.files} in the manifest")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--villages", type=int, default=30)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--stand-in", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        township = write_township(work / "基准镇", args.villages, args.items)
        with (township / "township.yaml").open("a", encoding="utf-8") as stream:
            stream.write("site: https://bench.example.cn/board\n")
        key = work / "keys" / "site.key"
        subprocess.run([*NOTICEBOARD, "site", "--new-key", "--key", str(key)], check=True,
                       capture_output=True)
        out, site = work / "out", work / "site"
        rows = []
        if args.stand_in:
            sample_dir = work / "sample"
            first = sorted(township.glob("*/*.yaml"))[1]
            subprocess.run([*NOTICEBOARD, "render", str(first), "-o", str(sample_dir), "--format", "pdf",
                            "--format", "png"], check=True, capture_output=True)
            stand_in(next(sample_dir.rglob("*.pdf")).with_suffix(""))
            rows.append(("posters", "stand-ins: one real poster copied for every item"))

            def run_site(target: Path = site) -> tuple[float, str]:
                return in_process(township, target, out, key)
        else:
            seconds, _ = timed([*NOTICEBOARD, "render", str(township), "-o", str(out),
                                "--format", "pdf", "--format", "png"])
            rows.append(("`render` (PDF + PNG), cold", f"{seconds:.1f} s"))

            def run_site(target: Path = site) -> tuple[float, str]:
                return timed([*NOTICEBOARD, "site", str(township), "-o", str(target), "--posters",
                              str(out), "--key", str(key)])
        seconds, said = run_site()
        rows.append(("`site` after `render` (every poster unchanged)", f"{seconds:.1f} s — {said}"))
        reruns = [run_site() for _ in range(3)]
        rows.append(("`site` again, nothing changed (median of 3)",
                     f"{statistics.median(s for s, _ in reruns):.1f} s — {reruns[-1][1]}"))
        again = work / "site-again"  # before any change: the same input as `site`
        run_site(again)
        files = sorted(f.relative_to(site) for f in site.rglob("*") if f.is_file())
        same = files == sorted(f.relative_to(again) for f in again.rglob("*") if f.is_file()) and all(
            (again / name).read_bytes() == (site / name).read_bytes() for name in files)
        rows.append(("a second site from the same input: the same files, byte for byte",
                     "yes" if same else "NO"))
        changed = sorted(township.glob("*/*.yaml"))[1]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("reviewed_by: 孙监督", "reviewed_by: 孙监督、李监督", 1)
                           if "reviewed_by" in text else text.replace("title: ", "title: 补充", 1),
                           encoding="utf-8")
        seconds, said = run_site()
        rows.append((f"`site` after one item changed ({changed.relative_to(township)})",
                     f"{seconds:.1f} s — {said}"))
        rows += weights(site)
    print(f"| {args.villages} villages × {args.items} items | |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()

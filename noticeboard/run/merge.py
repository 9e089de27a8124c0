"""Shards put back together: `noticeboard merge OUT` turns the shard reports of one output
folder (`report-1of4.json` … `report-4of4.json`) into the one `report.json` and the print
files an unsharded run would have written.

Shards rendered on other machines are copied into one folder first (their posters, the
`report-KofN.json` files); the merge refuses a split that is incomplete or overlaps,
naming the shards, and writes nothing then.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any

from noticeboard.errors import NoticeboardError, display_path, error
from noticeboard.run.atomic import OutputLock, write_atomic
from noticeboard.run.report import PRINT_PREFIX, REPORT_FILE

_SHARD_REPORT = re.compile(r"^report-([0-9]+)of([0-9]+)\.json$")


@dataclass
class Merged:
    report: Path
    items: int
    print_files: list[Path] = field(default_factory=list)


def merge_shards(out_dir: Path, print_files: bool = False) -> Merged:
    """One report (and, asked for, print files) from every shard report in `out_dir`."""
    lock = OutputLock(out_dir)
    lock.acquire()
    try:
        shards = _shard_reports(out_dir)
        report = _merged_report(shards)
        made = _print_files(out_dir, report) if print_files else []
        target = out_dir / REPORT_FILE
        write_atomic(target, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
    finally:
        lock.release()
    return Merged(target, len(report["items"]), made)


def _shard_reports(out_dir: Path) -> dict[int, dict[str, Any]]:
    found: dict[tuple[int, int], Path] = {}
    for path in sorted(out_dir.glob("report-*of*.json")):
        match = _SHARD_REPORT.match(path.name)
        if match:
            found[int(match[1]), int(match[2])] = path
    if not found:
        raise NoticeboardError([error("merge_no_shards", folder=display_path(out_dir),
                                      pattern="report-1of4.json").located(out_dir, {})])
    counts = sorted({count for _, count in found})
    if len(counts) > 1:
        raise NoticeboardError([error("merge_mixed_splits", folder=display_path(out_dir),
                                      counts="、".join(str(c) for c in counts)).located(out_dir, {})])
    count = counts[0]
    missing = [f"report-{k}of{count}.json" for k in range(1, count + 1) if (k, count) not in found]
    if missing:
        raise NoticeboardError([error("merge_missing_shards", folder=display_path(out_dir),
                                      missing="、".join(missing)).located(out_dir, {})])
    reports = {index: _read(path) for (index, _), path in sorted(found.items())}
    _refuse_overlaps(reports, out_dir)
    return reports


def _read(path: Path) -> dict[str, Any]:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NoticeboardError([error("merge_unreadable", file=display_path(path),
                                      reason=type(exc).__name__).located(path, {})]) from None
    if not isinstance(report, dict) or not isinstance(report.get("items"), list):
        raise NoticeboardError([error("merge_unreadable", file=display_path(path),
                                      reason="report.json").located(path, {})])
    return report


def _refuse_overlaps(shards: dict[int, dict[str, Any]], out_dir: Path) -> None:
    owners: dict[str, list[int]] = defaultdict(list)
    for index, report in shards.items():
        for item in report["items"]:
            owners[item["source"]].append(index)
    count = len(shards)
    overlaps = [error("merge_overlap", source=source,
                      shards="、".join(f"report-{k}of{count}.json" for k in indexes))
                .located(out_dir / f"report-{indexes[1]}of{count}.json", {})
                for source, indexes in owners.items() if len(indexes) > 1]
    if overlaps:
        raise NoticeboardError(overlaps)


def _merged_report(shards: dict[int, dict[str, Any]]) -> dict[str, Any]:
    # An unsharded run lists items in folder order: villages, then their files, sorted.
    items = sorted((item for report in shards.values() for item in report["items"]),
                   key=lambda item: PurePosixPath(item["source"]).parts)
    statuses = list(next(iter(shards.values()))["summary"])
    townships = {r.get("township") for r in shards.values()}
    return {"tool": "noticeboard", **({"township": townships.pop()} if len(townships) == 1 else {}),
            "summary": {s: sum(item["status"] == s for item in items) for s in statuses},
            "items": items,
            "moved_aside": [f for item in items for f in item.get("moved_aside", [])],
            # every shard summarised every item checked: the first shard's periods are all
            **({"periods": shards[1]["periods"]} if "periods" in shards[1] else {})}


def _print_files(out_dir: Path, report: dict[str, Any]) -> list[Path]:
    """One print file per village and one for the township, as an unsharded run makes."""
    by_village: dict[str, list[Path]] = defaultdict(list)
    for item in report["items"]:
        if item["status"] != "failed" and item.get("output"):
            poster = PurePosixPath(item["output"]).name  # the folder may be named otherwise now
            by_village[item["village"] or "全部"].append(out_dir / item["village"] / poster)
    planned = [(f"{PRINT_PREFIX}{village}.pdf", posters) for village, posters in by_village.items()]
    if len(by_village) > 1:
        planned.append((f"{PRINT_PREFIX}{report.get('township') or '全部'}.pdf",
                        [p for posters in by_village.values() for p in posters]))
    return [_concatenated(out_dir / name, posters) for name, posters in planned]


def _concatenated(target: Path, posters: list[Path]) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for poster in posters:
        writer.append(str(poster))
    buffer = BytesIO()
    writer.write(buffer)
    write_atomic(target, buffer.getvalue())
    return target

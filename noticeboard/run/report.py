"""What a render run leaves besides the posters: report.json and the print files."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from io import BytesIO
from pathlib import Path
from typing import Any

from noticeboard.checks.across.summary import summarize
from noticeboard.checks.item import CheckedItem
from noticeboard.errors import (  # shown: numbers masked, controls escaped
    Finding,
    display_path,
    error,
    format_field_path,
    shown,
)
from noticeboard.run.atomic import write_atomic
from noticeboard.run.outcomes import Outcome, Pair, Status
from noticeboard.run.state import RunState
from noticeboard.sources.names import output_key

REPORT_FILE = "report.json"
PRINT_PREFIX = "打印-"


def write_report(out_dir: Path, pairs: list[Pair], outcomes: list[Outcome],
                 name: str = REPORT_FILE, all_checked: list[CheckedItem] | None = None) -> Path:
    """One entry per item: source, output, pages, sha256, status, every message, and the
    old outputs moved aside into 已失效/ because they no longer match the item."""
    items = []
    for (source, checked), outcome in zip(pairs, outcomes, strict=False):
        findings = [*checked.findings, *(f for f in outcome.findings if f not in checked.findings)]
        items.append({
            "source": shown(source.path.as_posix()),
            "village": shown(source.output_stem.parent.as_posix()) if source.output_stem.parent.name else "",
            "output": next((f.as_posix() for f in outcome.files if f.suffix == ".pdf"), None),
            "images": [f.as_posix() for f in outcome.files if f.suffix == ".png"],
            "status": outcome.status.value,
            "pages": outcome.pages,
            "sha256": outcome.sha256,
            "moved_aside": [f.as_posix() for f in outcome.moved],
            "messages": [{"severity": f.severity.value, "code": f.code, "line": f.line,
                          "field": shown(format_field_path(f.field_path)),  # rows from 1
                          "field_as_written": shown(f.field_text("zh")),
                          "message": f.message("zh"), "message_en": f.message("en")}
                         for f in findings],
        })
    counts = {status.value: sum(o.status is status for o in outcomes) for status in Status}
    township = _township_name(pairs)
    # per village and quarter: decided, spent, received, posted, disagreements; of every
    # item checked (a shard's report too), so shard reports merge into the unsharded one
    everything = [c for _, c in pairs] if all_checked is None else all_checked
    report = {"tool": "noticeboard", **({"township": township} if township else {}),
              "summary": counts, "items": items,
              "moved_aside": [f.as_posix() for o in outcomes for f in o.moved],
              "periods": [period.as_dict() for period in summarize(everything)]}
    target = out_dir / name
    write_atomic(target, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
    return target


def village_summary(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Counts of rendered / unchanged / failed per village folder."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: {s.value: 0 for s in Status})
    for outcome in outcomes:
        village = outcome.source.output_stem.parent.as_posix()
        table["." if village == "." else village][outcome.status.value] += 1
    return dict(table)


def write_print_files(out_dir: Path, pairs: list[Pair], outcomes: list[Outcome],
                      state: RunState, shard: tuple[int, int] | None = None,
                      whole_villages: frozenset[str] | None = None
                      ) -> tuple[list[Path], list[Finding]]:
    """One PDF per village with its posters in order, and one for the whole run; an
    error for each print file not written because its name is taken.

    A shard's print files hold only that shard's posters, so they are named by shard
    (`打印-双河村-第1份共2份.pdf`): a file named after the township must hold all of it.
    For the same reason, outside shards, a village given only in part (`render
    双河村/通知.yaml`) gets no print file (nor does the township): it would replace the
    whole village's file with one poster. `whole_villages` None: no such check.
    """
    suffix = "" if shard is None else f"-第{shard[0]}份共{shard[1]}份"
    by_village: dict[str, list[Path]] = defaultdict(list)
    partial = False
    for outcome in outcomes:
        village = outcome.source.output_stem.parent.name
        if whole_villages is not None and village and village not in whole_villages:
            partial = True  # some items of the village only: its file would lack the others
            continue
        pdfs = [f for f in outcome.files if f.suffix == ".pdf"]
        if pdfs and outcome.status is not Status.FAILED:
            by_village[village or "全部"].append(pdfs[0])
    planned = [(f"{PRINT_PREFIX}{village}{suffix}.pdf", posters)
               for village, posters in by_village.items()]
    if len(by_village) > 1 and not partial:
        everything = [p for posters in by_village.values() for p in posters]
        township = _township_name(pairs) or "全部"
        planned.append((f"{PRINT_PREFIX}{township}{suffix}.pdf", everything))
    # A poster of this run or an earlier one, or a print file planned before, may hold
    # the name (an item `打印-全部`, a village named like its township): never overwrite it.
    taken = {output_key(Path(name)) for name, entry in state.entries.items() if "files" in entry}
    taken |= {output_key(f.relative_to(out_dir)) for o in outcomes for f in o.files}
    written, refused = [], []
    for name, posters in planned:
        if output_key(Path(name)) in taken:
            refused.append(error("print_file_taken", file=display_path(out_dir / name)))
            continue
        taken.add(output_key(Path(name)))
        written.append(_merge(out_dir / name, posters, state))
    return written, refused


def _township_name(pairs: list[Pair]) -> str | None:
    names = {c.setting.township.name for _, c in pairs if c.setting.township is not None}
    return names.pop() if len(names) == 1 else None


def _merge(target: Path, posters: list[Path], state: RunState) -> Path:
    """Concatenate posters into one print job, unless the same posters made it last time."""
    from pypdf import PdfWriter

    entries = state.entries
    key = hashlib.sha256("\n".join(
        f"{p.name}:{entries.get(p.relative_to(state.out_dir).as_posix(), {}).get('sha256')}"
        for p in posters).encode()).hexdigest()
    previous: dict[str, Any] = entries.get(target.name, {})
    if previous.get("key") == key and target.is_file() and \
            target.stat().st_mtime_ns == previous.get("mtime_ns"):
        return target
    writer = PdfWriter()
    for poster in posters:
        writer.append(str(poster))
    buffer = BytesIO()
    writer.write(buffer)
    write_atomic(target, buffer.getvalue())
    stat = target.stat()
    entries[target.name] = {"key": key, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                            "posters": [p.relative_to(state.out_dir).as_posix() for p in posters]}
    return target

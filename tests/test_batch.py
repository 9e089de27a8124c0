"""Township runs: skipping what has not changed, failure isolation, the report, print files."""

import hashlib
import json
import os
from pathlib import Path

import pypdf
import pytest

from noticeboard import batch
from noticeboard.batch import STATE_FILE, Task, WorkResult, run_tasks
from noticeboard.build import Build, RenderOptions, Status
from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, write


@pytest.fixture
def tree(township):
    write(township / "双河村" / "财务.yaml", FINANCE_YAML)
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    write(township / "李家村" / "village.yaml", "name: 李家村\nphone: 0571-1\n")
    write(township / "李家村" / "低保.yaml", RELIEF_YAML)
    return township


def run(tree, out, **options):
    build = Build.for_paths([tree])
    build.check()
    outcomes = build.render(RenderOptions(out_dir=out, **options))
    return {o.source.path.name: o.status for o in outcomes}


def test_a_rerun_skips_everything_and_a_touched_item_renders_alone(tree, tmp_path):
    out = tmp_path / "out"
    assert set(run(tree, out).values()) == {Status.RENDERED}
    assert set(run(tree, out).values()) == {Status.UNCHANGED}
    write(tree / "双河村" / "通知.yaml", NOTICE_YAML.replace("开会。", "开会，请准时参加。"))
    assert run(tree, out) == {"财务.yaml": Status.UNCHANGED, "通知.yaml": Status.RENDERED,
                              "低保.yaml": Status.UNCHANGED}


def test_settings_templates_and_missing_outputs_count_as_inputs(tree, tmp_path):
    out = tmp_path / "out"
    run(tree, out)
    write(tree / "李家村" / "village.yaml", "name: 李家村\nphone: 0571-2\n")
    assert run(tree, out)["低保.yaml"] is Status.RENDERED
    (out / "双河村" / "财务.pdf").unlink()
    assert run(tree, out)["财务.yaml"] is Status.RENDERED
    write(tree / "templates" / "poster.css", "h1 { color: green }\n")
    assert set(run(tree, out).values()) == {Status.RENDERED}


def test_force_renders_everything(tree, tmp_path):
    out = tmp_path / "out"
    run(tree, out)
    assert set(run(tree, out, force=True).values()) == {Status.RENDERED}


def test_a_damaged_state_file_means_render_again(tree, tmp_path):
    out = tmp_path / "out"
    run(tree, out)
    (out / STATE_FILE).write_text("{not json", encoding="utf-8")
    assert set(run(tree, out).values()) == {Status.RENDERED}


def test_parallel_run_isolates_a_failing_item(tree, tmp_path):
    write(tree / "双河村" / "怪字.yaml", NOTICE_YAML.replace("各位村民代表", "各位\U0002a6a5村民代表"))
    statuses = run(tree, tmp_path / "out", jobs=2)
    assert statuses == {"怪字.yaml": Status.FAILED, "财务.yaml": Status.RENDERED,
                        "通知.yaml": Status.RENDERED, "低保.yaml": Status.RENDERED}


class KillsItsWorker:
    """Unpickling this in a worker ends the worker process, like a crash in a C library."""

    path = Path("崩溃.yaml")

    def __reduce__(self):
        return (os._exit, (3,))


def test_a_worker_that_dies_fails_only_its_own_item(tree, tmp_path):
    build = Build.for_paths([tree])
    good = [c for c in build.check() if c.ok]
    tasks = [Task(i, checked, tmp_path / f"{i}.pdf", None) for i, checked in enumerate(good)]
    tasks.insert(1, Task(99, KillsItsWorker(), tmp_path / "x.pdf", None))  # type: ignore[arg-type]
    results = dict(run_tasks(tasks, jobs=2))
    assert results[99].status is Status.FAILED
    assert "进程意外退出" in results[99].findings[0].message()
    assert [results[i].status for i in range(len(good))] == [Status.RENDERED] * len(good)


def test_report_json_lists_every_item(tree, tmp_path):
    write(tree / "双河村" / "坏.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: 昨天"))
    out = tmp_path / "out"
    run(tree, out)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    items = {item["source"].rsplit("/", 1)[1]: item for item in report["items"]}
    assert report["summary"] == {"rendered": 3, "unchanged": 0, "failed": 1}
    bad = items["坏.yaml"]
    assert (bad["status"], bad["output"], bad["messages"][0]["code"], bad["messages"][0]["line"]) == \
        ("failed", None, "date_format", 4)
    good = items["财务.yaml"]
    pdf = (out / "双河村" / "财务.pdf").read_bytes()
    assert good["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert (good["status"], good["pages"], good["village"]) == ("rendered", 1, "双河村")


def test_print_files_hold_every_poster_in_order(tree, tmp_path):
    out = tmp_path / "out"
    run(tree, out, print_file=True)
    village = pypdf.PdfReader(out / "打印-双河村.pdf")
    assert len(village.pages) == 2
    assert "财务收支公开" in village.pages[0].extract_text()
    assert "村民代表会议" in village.pages[1].extract_text()
    assert len(pypdf.PdfReader(out / "打印-青山镇.pdf").pages) == 3


def test_interrupted_run_keeps_finished_posters_and_leaves_no_temp_files(tree, tmp_path):
    out = tmp_path / "out"
    build = Build.for_paths([tree])
    build.check()
    seen = []

    def stop_after_first(outcome):
        seen.append(outcome)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build.render(RenderOptions(out_dir=out, jobs=2), progress=stop_after_first)
    assert not list(out.rglob("*.tmp"))
    for pdf in out.rglob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().rstrip().endswith(b"%%EOF")
    statuses = run(tree, out)
    assert list(statuses.values()).count(Status.UNCHANGED) >= 1


def test_stale_temp_files_are_removed(tree, tmp_path):
    out = tmp_path / "out"
    write(out / "双河村" / ".财务.pdf.abc.tmp", "half")
    run(tree, out)
    assert not list(out.rglob("*.tmp"))


def test_shards_are_disjoint_and_cover_everything(tree, tmp_path):
    seen = []
    for index in (1, 2, 3):
        statuses = run(tree, tmp_path / f"out{index}", shard=(index, 3))
        seen += list(statuses)
    assert sorted(seen) == sorted(["财务.yaml", "通知.yaml", "低保.yaml"])


def test_worker_result_is_picklable():
    import pickle

    result = WorkResult(Status.RENDERED, 1, "ab")
    assert pickle.loads(pickle.dumps(result)) == result
    assert batch.default_jobs() >= 1

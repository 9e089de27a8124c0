"""Township runs: skipping what has not changed, failure isolation, the report, print files."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from noticeboard import batch
from noticeboard.batch import STATE_FILE, Task, WorkResult, run_tasks
from noticeboard.build import Build, RenderOptions, Status
from noticeboard.cli import app
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


def test_a_damaged_state_file_means_render_again_with_a_warning(tree, tmp_path):
    out = tmp_path / "out"
    run(tree, out)
    (out / STATE_FILE).write_text('{"outputs": {"双河村/财务.pdf": [1]}}', encoding="utf-8")
    build = Build.for_paths([tree])
    build.check()
    outcomes = build.render(RenderOptions(out_dir=out))
    assert {o.status for o in outcomes} == {Status.RENDERED}
    assert [f.code for f in build.run_findings] == ["state_damaged"]
    assert not build.failed


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


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_cleanup_removes_only_its_own_temp_files_whose_writer_is_gone(tree, tmp_path):
    out = tmp_path / "out"
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        orphan = write(out / "双河村" / f".财务.pdf.nbtmp-{dead_pid()}-abc.tmp", "half")
        writing = write(out / "双河村" / f".通知.pdf.nbtmp-{alive.pid}-xyz.tmp", "half")
        draft = write(out / "双河村" / ".草稿.tmp", "a clerk's own file")
        synced = write(out / ".sync-123.tmp", "a sync tool's file")
        batch.remove_stale_temp_files(out)
        assert not orphan.exists()
        assert writing.exists() and draft.exists() and synced.exists()
    finally:
        alive.kill()
        alive.wait()


def test_write_atomic_names_its_temp_file_with_its_pid(tmp_path, monkeypatch):
    from noticeboard import render

    seen = []
    original = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (seen.append(Path(a).name), original(a, b)))
    render.write_atomic(tmp_path / "通知.bin", b"data")
    [name] = seen
    match = batch.TEMP_FILE.fullmatch(name)
    assert match is not None and int(match[1]) == os.getpid()


# ---- the output folder tells the truth ------------------------------------------

def one_village(township, **items):
    for name, text in items.items():
        write(township / "双河村" / name, text)
    return township


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_a_failed_item_has_its_old_poster_moved_aside_and_said(township, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree = one_village(township, **{"通知.yaml": NOTICE_YAML})
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    old = (tmp_path / "out" / "双河村" / "通知.pdf").read_bytes()
    write(tree / "双河村" / "通知.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: 昨天"))
    result = cli("render", "青山镇", "-o", "out")
    assert result.exit_code == 1
    assert ("青山镇/双河村/通知.yaml: 警告: 这一项没有生成，原来的旧海报已移到 out/已失效 文件夹，"
            "以免打印出与内容不符的旧海报：out/双河村/通知.pdf") in result.output.splitlines()
    assert not (tmp_path / "out" / "双河村" / "通知.pdf").exists()
    assert (tmp_path / "out" / "已失效" / "双河村" / "通知.pdf").read_bytes() == old
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["moved_aside"] == ["out/已失效/双河村/通知.pdf"]
    assert report["items"][0]["moved_aside"] == ["out/已失效/双河村/通知.pdf"]
    assert [m["code"] for m in report["items"][0]["messages"]] == ["date_format", "stale_moved_failed"]


def test_images_alone_keep_a_current_pdf_and_move_aside_an_outdated_one(township, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree = one_village(township, **{"通知.yaml": NOTICE_YAML})
    folder = tmp_path / "out" / "双河村"
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    result = cli("render", "青山镇", "-o", "out", "--format", "png")
    assert result.exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["通知.pdf", "通知.png"]  # same inputs: still current
    write(tree / "双河村" / "通知.yaml", NOTICE_YAML.replace("开会。", "开会，请带笔。"))
    result = cli("render", "青山镇", "-o", "out", "--format", "png")
    assert result.exit_code == 0
    assert ("青山镇/双河村/通知.yaml: 警告: 与本次海报内容不一致的旧文件已移到 out/已失效 文件夹："
            "out/双河村/通知.pdf") in result.output.splitlines()
    assert sorted(p.name for p in folder.iterdir()) == ["通知.png"]
    assert (tmp_path / "out" / "已失效" / "双河村" / "通知.pdf").is_file()
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["items"][0]["moved_aside"] == ["out/已失效/双河村/通知.pdf"]


def test_colliding_names_are_refused_naming_every_file(township, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one_village(township, **{"a.yaml": NOTICE_YAML, "a.yml": NOTICE_YAML, "b.yaml": NOTICE_YAML,
                             "b .yaml": NOTICE_YAML, "b..yaml": NOTICE_YAML, "C.yaml": NOTICE_YAML,
                             "c.yaml": NOTICE_YAML, "通知.yaml": NOTICE_YAML})
    tail = "，只能留下一张海报；请给其中的文件改名（只差大小写、末尾的空格或点号，在多数电脑上也算同一个名字）"
    a = "输出文件重名：青山镇/双河村/a.yaml、青山镇/双河村/a.yml 都会生成 双河村/a.pdf" + tail
    b = ("输出文件重名：青山镇/双河村/b .yaml、青山镇/双河村/b..yaml、青山镇/双河村/b.yaml "
         "都会生成 双河村/b.pdf" + tail)
    c = "输出文件重名：青山镇/双河村/C.yaml、青山镇/双河村/c.yaml 都会生成 双河村/C.pdf" + tail
    result = cli("check", "青山镇")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"青山镇/双河村/C.yaml: 错误: {c}", f"青山镇/双河村/a.yaml: 错误: {a}",
        f"青山镇/双河村/a.yml: 错误: {a}", f"青山镇/双河村/b .yaml: 错误: {b}",
        f"青山镇/双河村/b..yaml: 错误: {b}", f"青山镇/双河村/b.yaml: 错误: {b}",
        f"青山镇/双河村/c.yaml: 错误: {c}", "检查了 8 个文件：7 个错误，0 个警告"]
    result = cli("render", "青山镇", "-o", "out")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out" / "双河村").iterdir()) == ["通知.pdf"]


def test_a_second_render_into_a_locked_folder_refuses_and_changes_nothing(tree, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lock = batch.OutputLock(tmp_path / "out")
    lock.acquire()
    try:
        result = cli("render", "青山镇", "-o", "out")
    finally:
        lock.release()
    assert result.exit_code == 1
    assert (f"-: 错误: 另一个 noticeboard（进程 {os.getpid()}）正在向 out 生成海报；请等它结束后再运行，"
            "或换一个输出文件夹") in result.output.splitlines()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".noticeboard.lock"]
    assert cli("render", "青山镇", "-o", "out").exit_code == 0  # released: the next run goes ahead


@pytest.mark.parametrize("text", [
    "{not json", "", "[]", '{"outputs": []}', '{"outputs": {"双河村/财务.pdf": "x"}}',
    '{"outputs": {"双河村/财务.pdf": {"key": 1, "files": {}}}}',
    '{"outputs": {"双河村/财务.pdf": {"key": "k", "pages": 1, "sha256": "s", "files": {"a.pdf": [1]}}}}',
    '{"outputs": {"../../etc/x.pdf": {"key": "k", "pages": 1, "sha256": "s", "files": {"a.pdf": [1, 2]}}}}',
    '{"outputs": {"双河村/财务.pdf": {"key": "k", "pages": 1, "sha256": "s", "files": {"/etc/passwd": [1, 2]}}}}',
    '{"outputs": {"打印-x.pdf": {"key": "k", "size": "1"}}}',
])
def test_a_damaged_state_file_is_no_state_with_a_warning(tmp_path, text):
    write(tmp_path / STATE_FILE, text)
    state, findings = batch.RunState.load(tmp_path)
    assert state.entries == {}
    assert [f.message() for f in findings] == [
        f"记录文件 {os.path.relpath(tmp_path / STATE_FILE)} 已损坏（被修改或不完整），本次全部重新生成"]


def test_a_sound_state_file_loads_without_a_warning(tmp_path):
    entry = {"key": "k", "pages": 1, "sha256": "s", "files": {"双河村/财务.pdf": [1, 2]}}
    write(tmp_path / STATE_FILE, json.dumps({"outputs": {"双河村/财务.pdf": entry,
                                                         "打印-x.pdf": {"key": "k", "size": 1, "mtime_ns": 2}}}))
    state, findings = batch.RunState.load(tmp_path)
    assert (findings, state.entries["双河村/财务.pdf"]) == ([], entry)


def test_shards_are_disjoint_and_cover_everything(tree, tmp_path):
    seen = []
    for index in (1, 2, 3):
        statuses = run(tree, tmp_path / f"out{index}", shard=(index, 3))
        seen += list(statuses)
    assert sorted(seen) == sorted(["财务.yaml", "通知.yaml", "低保.yaml"])


def test_shards_into_one_folder_keep_one_report_and_print_files_each(tree, tmp_path):
    out = tmp_path / "out"
    shards = {index: run(tree, out, shard=(index, 2), print_file=True) for index in (1, 2)}
    assert sorted(name for names in shards.values() for name in names) == sorted(
        ["财务.yaml", "通知.yaml", "低保.yaml"])
    assert not (out / "report.json").exists()
    for index, names in shards.items():
        report = json.loads((out / f"report-{index}of2.json").read_text(encoding="utf-8"))
        assert sorted(item["source"].rsplit("/", 1)[1] for item in report["items"]) == sorted(names)
    prints = sorted(p.name for p in out.glob("打印-*.pdf"))
    assert prints and all("份共2份.pdf" in name for name in prints)
    assert not (out / "打印-青山镇.pdf").exists()
    pages = sum(len(pypdf.PdfReader(out / name).pages) for name in prints
                if name.startswith(("打印-双河村", "打印-李家村")))
    assert pages == 3  # every poster printed once, across the shards' village files


def test_worker_result_is_picklable():
    import pickle

    result = WorkResult(Status.RENDERED, 1, "ab")
    assert pickle.loads(pickle.dumps(result)) == result
    assert batch.default_jobs() >= 1


def test_names_with_dots_keep_their_whole_name(township, tmp_path):
    one_village(township, **{"2026.Q3通知.yaml": NOTICE_YAML, "2026.Q4通知.yaml": NOTICE_YAML})
    statuses = run(township, tmp_path / "out")
    assert set(statuses.values()) == {Status.RENDERED}
    assert sorted(p.name for p in (tmp_path / "out" / "双河村").iterdir()) == [
        "2026.Q3通知.pdf", "2026.Q4通知.pdf"]  # not one `2026.pdf` written twice


def test_a_deleted_items_poster_is_moved_aside_when_its_village_is_rendered_whole(township, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree = one_village(township, **{"通知.yaml": NOTICE_YAML, "财务.yaml": FINANCE_YAML})
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    (tree / "双河村" / "财务.yaml").unlink()
    result = cli("render", "青山镇/双河村/通知.yaml", "-o", "out")  # one file: the village is not read whole
    assert result.exit_code == 0
    assert (tmp_path / "out" / "双河村" / "财务.pdf").is_file()
    result = cli("render", "青山镇", "-o", "out", "--shard", "1/1")  # a shard: not whole either
    assert (tmp_path / "out" / "双河村" / "财务.pdf").is_file()
    result = cli("render", "青山镇", "-o", "out")
    assert result.exit_code == 0
    assert ("-: 警告: 旧海报 out/双河村/财务.pdf 在本次没有对应的事项（事项文件已删除或改名，或所在村的设置有错误），"
            "已移到 out/已失效 文件夹，以免打印出过期的海报") in result.output.splitlines()
    assert sorted(p.name for p in (tmp_path / "out" / "双河村").iterdir()) == ["通知.pdf"]
    assert (tmp_path / "out" / "已失效" / "双河村" / "财务.pdf").is_file()
    assert cli("render", "青山镇", "-o", "out").output.count("已移到") == 0  # said once


def test_images_that_would_overwrite_each_other_are_refused_with_a_message(township, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one_village(township, **{"通知.yaml": NOTICE_YAML, "通知-1.yaml": NOTICE_YAML})
    assert cli("check", "青山镇").exit_code == 0  # PDFs alone do not collide
    result = cli("render", "青山镇", "-o", "out", "--format", "png")
    assert result.exit_code == 1
    message = ("错误: 输出图片重名：青山镇/双河村/通知.yaml、青山镇/双河村/通知-1.yaml 生成的图片会互相覆盖"
               "（多页海报第 N 页的图片名是「名称-N」）；请给其中的文件改名")
    assert result.output.splitlines()[:2] == [f"青山镇/双河村/通知-1.yaml: {message}",
                                              f"青山镇/双河村/通知.yaml: {message}"]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [[m["code"] for m in item["messages"]] for item in report["items"]] == [
        ["output_collision_images"], ["output_collision_images"]]

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

from noticeboard.cli import app
from noticeboard.run import atomic as files
from noticeboard.run.build import Build
from noticeboard.run.outcomes import RenderOptions, Status
from noticeboard.run.pool import Task, WorkResult, run_tasks
from noticeboard.run.state import STATE_FILE, RunState
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
        files.remove_stale_temp_files(out)
        assert not orphan.exists()
        assert writing.exists() and draft.exists() and synced.exists()
    finally:
        alive.kill()
        alive.wait()


def test_write_atomic_names_its_temp_file_with_its_pid(tmp_path, monkeypatch):
    seen = []
    original = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (seen.append(Path(a).name), original(a, b)))
    files.write_atomic(tmp_path / "通知.bin", b"data")
    [name] = seen
    match = files.TEMP_FILE.fullmatch(name)
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


def render_while_locked(out: Path):
    """`render 青山镇 -o out` while this process holds the output folder's lock."""
    lock = files.OutputLock(out)
    lock.acquire()
    try:
        return cli("render", "青山镇", "-o", out.name)
    finally:
        lock.release()


def test_a_second_render_into_a_locked_folder_refuses_and_changes_nothing(tree, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = render_while_locked(tmp_path / "out")
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
    state, findings = RunState.load(tmp_path)
    assert state.entries == {}
    assert [f.message() for f in findings] == [
        f"记录文件 {os.path.relpath(tmp_path / STATE_FILE)} 已损坏（被修改或不完整），本次全部重新生成"]


def test_a_sound_state_file_loads_without_a_warning(tmp_path):
    entry = {"key": "k", "pages": 1, "sha256": "s", "files": {"双河村/财务.pdf": [1, 2]}}
    write(tmp_path / STATE_FILE, json.dumps({"outputs": {"双河村/财务.pdf": entry,
                                                         "打印-x.pdf": {"key": "k", "size": 1, "mtime_ns": 2}}}))
    state, findings = RunState.load(tmp_path)
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


# ---- the output folder's own names, and where it may be (helper "output") ----------

IS_INPUT = ("-: 错误: 输出文件夹 {out} 会把海报写进公开事项所在的文件夹 {input}，与事项文件混在一起，"
            "还可能替换那里同名的 PDF；请另选一个输出文件夹")


@pytest.mark.parametrize(("cwd", "args", "out", "input_"), [
    ("", ["青山镇", "-o", "青山镇"], "青山镇", "青山镇/双河村"),  # the township itself
    ("", ["青山镇/双河村", "-o", "青山镇"], "青山镇", "青山镇/双河村"),
    ("", ["青山镇", "-o", "青山镇/双河村"], "青山镇/双河村", "青山镇/双河村"),  # a village folder
    ("青山镇", ["双河村", "-o", "."], ".", "双河村"),
    ("青山镇/双河村", ["-o", "."], ".", "."),
])
def test_an_output_folder_where_the_items_are_is_refused_before_anything_is_written(
        township, tmp_path, monkeypatch, cwd, args, out, input_):
    one_village(township, **{"通知.yaml": NOTICE_YAML})
    scan = township / "双河村" / "通知.pdf"  # a clerk's own scan beside the item
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(scan)
    original = scan.read_bytes()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    monkeypatch.chdir(tmp_path / cwd)
    result = cli("render", *args)
    assert result.output == IS_INPUT.format(out=out, input=input_) + "\n"
    assert result.exit_code == 1
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert scan.read_bytes() == original


def test_rendering_an_archived_poster_into_its_own_folder_is_refused(township, tmp_path, monkeypatch):
    one_village(township, **{"通知.yaml": NOTICE_YAML})
    monkeypatch.chdir(tmp_path)
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    archive = tmp_path / "档案"
    archive.mkdir()
    poster = archive / "通知.pdf"
    poster.write_bytes((tmp_path / "out" / "双河村" / "通知.pdf").read_bytes())
    original = poster.read_bytes()
    monkeypatch.chdir(archive)
    result = cli("render", "通知.pdf", "-o", ".")
    assert result.output == IS_INPUT.format(out=".", input=".") + "\n"
    assert result.exit_code == 1
    assert poster.read_bytes() == original  # the archived original is not replaced by a re-render


def test_an_output_folder_that_is_a_file_is_refused_without_a_summary(township, tmp_path, monkeypatch):
    one_village(township, **{"通知.yaml": NOTICE_YAML})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").write_text("not a folder")
    result = cli("render", "青山镇", "-o", "out")
    assert result.output == "-: 错误: 输出文件夹 out 是一个文件，不是文件夹；请另选一个输出文件夹\n"
    assert result.exit_code == 1
    assert (tmp_path / "out").read_text() == "not a folder"


def test_a_locked_folder_is_said_instead_of_a_summary(tree, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = render_while_locked(tmp_path / "out")
    assert result.output == (
        f"-: 错误: 另一个 noticeboard（进程 {os.getpid()}）正在向 out 生成海报；请等它结束后再运行，"
        "或换一个输出文件夹\n")
    assert result.exit_code == 1


RESERVED = ("青山镇/{name}/通知.yaml: 错误: 村文件夹名「{name}」与本工具在输出文件夹里自用的名称相同（「已失效」"
            "文件夹、报告、记录、锁、打印文件），海报会和它混在一起；请给这个文件夹改名")


@pytest.mark.parametrize("name", ["已失效", "report.json", "REPORT-1of2.json", ".noticeboard-state.json",
                                  ".noticeboard.lock", "打印-双河村.pdf"])
def test_a_village_named_like_the_runs_own_files_is_refused_and_the_others_render(
        township, tmp_path, monkeypatch, name):
    one_village(township, **{"通知.yaml": NOTICE_YAML})
    write(township / name / "village.yaml", "name: 李家村\nphone: 0571-1\n")
    write(township / name / "通知.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = cli("render", "青山镇", "-o", "out") if not name.startswith(".") else \
        cli("render", f"青山镇/{name}", "青山镇/双河村", "-o", "out")  # hidden: only when named
    assert result.output.splitlines()[0] == RESERVED.format(name=name)
    assert result.output.splitlines()[-1] == "共 2 项：生成 1 项，未变化 0 项，失败 1 项"
    assert result.exit_code == 1
    assert (tmp_path / "out" / "双河村" / "通知.pdf").is_file()
    assert not (tmp_path / "out" / name / "通知.pdf").exists()
    assert json.loads((tmp_path / "out" / "report.json").read_text())["summary"] == {
        "rendered": 1, "unchanged": 0, "failed": 1}


def test_a_village_named_like_its_township_keeps_its_print_file(township, tmp_path, monkeypatch):
    one_village(township, **{"通知.yaml": NOTICE_YAML})
    write(township / "青山镇" / "village.yaml", "name: 青山镇\nphone: 0571-1\n")
    write(township / "青山镇" / "财务.yaml", FINANCE_YAML)
    monkeypatch.chdir(tmp_path)
    result = cli("render", "青山镇", "-o", "out", "--print-file")
    assert result.output.splitlines()[-1] == (
        "-: 错误: 没有生成打印文件 out/打印-青山镇.pdf：这个名字已是一张海报或另一个打印文件（事项或村与"
        "打印文件同名，如事项名「打印-全部」、村名与乡镇名相同）；请给事项或村文件夹改名")
    assert result.exit_code == 1
    village_print = pypdf.PdfReader(tmp_path / "out" / "打印-青山镇.pdf")
    assert len(village_print.pages) == 1  # the village's own poster, not the whole township's two


def test_an_archived_poster_named_like_the_print_file_is_not_overwritten(township, tmp_path, monkeypatch):
    one_village(township, **{"通知.yaml": NOTICE_YAML, "财务.yaml": FINANCE_YAML})
    monkeypatch.chdir(tmp_path)
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    (tmp_path / "打印-全部.pdf").write_bytes((tmp_path / "out" / "双河村" / "通知.pdf").read_bytes())
    (tmp_path / "财务.pdf").write_bytes((tmp_path / "out" / "双河村" / "财务.pdf").read_bytes())
    result = cli("render", "打印-全部.pdf", "财务.pdf", "-o", "again", "--print-file")
    assert result.output.splitlines()[-1] == (
        "-: 错误: 没有生成打印文件 again/打印-全部.pdf：这个名字已是一张海报或另一个打印文件（事项或村与"
        "打印文件同名，如事项名「打印-全部」、村名与乡镇名相同）；请给事项或村文件夹改名")
    assert result.exit_code == 1
    assert len(pypdf.PdfReader(tmp_path / "again" / "打印-全部.pdf").pages) == 1  # still the notice


def test_a_name_of_80_chinese_characters_renders_though_its_temp_name_would_be_too_long(
        township, tmp_path, monkeypatch):
    name = "通" * 81  # 243 bytes: the PDF's name fits in 255, `.<name>.nbtmp-<pid>-<hex>.tmp` did not
    one_village(township, **{f"{name}.yaml": NOTICE_YAML})
    monkeypatch.chdir(tmp_path)
    result = cli("render", "青山镇", "-o", "out")
    assert result.output == f"已生成 out/双河村/{name}.pdf（1 页）\n共 1 项：生成 1 项，未变化 0 项，失败 0 项\n"
    assert result.exit_code == 0


@pytest.mark.parametrize(("other", "first", "second"), [
    ("双河村.", "双河村", "双河村."),  # Windows drops the trailing dot: one folder
    ("双河村 ", "双河村", "双河村 "),
    ("双河村 .", "双河村", "双河村 ."),
])
def test_two_village_folders_that_would_share_an_output_folder_are_refused(
        township, tmp_path, monkeypatch, other, first, second):
    one_village(township, **{"通知.yaml": NOTICE_YAML})
    write(township / other / "village.yaml", "name: 双河二村\nphone: 0571-1\n")
    write(township / other / "另一个.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "青山镇")
    message = (f"错误: 村文件夹 青山镇/{first}、青山镇/{second} 的海报会写进同一个输出文件夹 双河村，互相混在一起，"
               "打印文件也会混入别村的海报（只差大小写、末尾的空格或点号，在多数电脑上也算同一个名字）；请给其中的文件夹改名")
    assert result.output.splitlines() == [
        f"青山镇/{other}/另一个.yaml: {message}", f"青山镇/双河村/通知.yaml: {message}",
        "检查了 2 个文件：2 个错误，0 个警告"]
    assert result.exit_code == 1


def test_village_folders_differing_only_by_case_are_refused(township, tmp_path, monkeypatch):
    write(township / "AB村" / "village.yaml", "name: AB村\nphone: 0571-1\n")
    write(township / "AB村" / "x.yaml", NOTICE_YAML)
    write(township / "ab村" / "village.yaml", "name: ab村\nphone: 0571-2\n")
    write(township / "ab村" / "y.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = cli("render", "青山镇", "-o", "out")
    assert [line.split(":")[0] for line in result.output.splitlines()[:2]] == [
        "青山镇/AB村/x.yaml", "青山镇/ab村/y.yaml"]
    assert "村文件夹 青山镇/AB村、青山镇/ab村 的海报会写进同一个输出文件夹 AB村" in result.output
    assert result.output.splitlines()[-1] == "共 2 项：生成 0 项，未变化 0 项，失败 2 项"
    assert result.exit_code == 1
    assert not (tmp_path / "out" / "AB村").exists() and not (tmp_path / "out" / "ab村").exists()


def test_a_poster_moved_aside_twice_keeps_both_old_copies(township, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree = one_village(township, **{"通知.yaml": NOTICE_YAML})
    broken = NOTICE_YAML.replace("posted: 2026-11-20", "posted: 昨天")
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    first = (tmp_path / "out" / "双河村" / "通知.pdf").read_bytes()
    write(tree / "双河村" / "通知.yaml", broken)
    assert cli("render", "青山镇", "-o", "out").exit_code == 1
    write(tree / "双河村" / "通知.yaml", NOTICE_YAML.replace("开会。", "开会，请准时参加。"))
    assert cli("render", "青山镇", "-o", "out").exit_code == 0
    second = (tmp_path / "out" / "双河村" / "通知.pdf").read_bytes()
    write(tree / "双河村" / "通知.yaml", broken)
    result = cli("render", "青山镇", "-o", "out")
    assert ("青山镇/双河村/通知.yaml: 警告: 这一项没有生成，原来的旧海报已移到 out/已失效 文件夹，"
            "以免打印出与内容不符的旧海报：out/双河村/通知.pdf") in result.output.splitlines()
    assert (tmp_path / "out" / "已失效" / "双河村" / "通知.pdf").read_bytes() == first  # not overwritten
    assert (tmp_path / "out" / "已失效" / "双河村" / "通知（2）.pdf").read_bytes() == second
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["moved_aside"] == ["out/已失效/双河村/通知（2）.pdf"]


def test_overlapping_paths_check_count_and_render_each_item_once(township, tmp_path, monkeypatch):
    one_village(township, **{"通知.yaml": NOTICE_YAML,
                             "坏.yaml": NOTICE_YAML.replace("posted: 2026-11-20", "posted: 昨天")})
    monkeypatch.chdir(tmp_path)
    result = cli("check", "青山镇", "青山镇/双河村", "青山镇/双河村/通知.yaml")
    assert result.output == ("青山镇/双河村/坏.yaml:4: 错误 posted: 「昨天」不是日期，请写成 2026-10-08 或 2026年10月8日\n"
                             "检查了 2 个文件：1 个错误，0 个警告\n")
    result = cli("render", "青山镇", "青山镇/双河村", "-o", "out")
    assert result.output.splitlines()[-1] == "共 2 项：生成 1 项，未变化 0 项，失败 1 项"
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [item["source"] for item in report["items"]] == ["青山镇/双河村/坏.yaml", "青山镇/双河村/通知.yaml"]


OUTDATED = ("-: 警告: 打印文件 out/{name} 里有本次更新、未能生成或已移走的海报，本次没有重新合并它；"
            "已移到 out/已失效 文件夹，以免打印出旧海报")


def test_print_files_holding_a_poster_that_failed_or_changed_are_moved_aside(tree, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert cli("render", "青山镇", "-o", "out", "--print-file").exit_code == 0
    township_print = (out / "打印-青山镇.pdf").read_bytes()
    # every poster of 李家村 fails: its print file and the township's hold its outdated poster
    write(tree / "李家村" / "低保.yaml", RELIEF_YAML.replace("posted: 2026-10-10", "posted: 昨天"))
    result = cli("render", "青山镇", "-o", "out", "--print-file")
    assert result.output.splitlines()[-2:] == [
        OUTDATED.format(name="打印-李家村.pdf"), OUTDATED.format(name="打印-青山镇.pdf")]
    assert result.exit_code == 1
    assert sorted(p.name for p in out.glob("打印-*.pdf")) == ["打印-双河村.pdf"]
    assert (out / "已失效" / "打印-青山镇.pdf").read_bytes() == township_print
    assert [m for m in cli("render", "青山镇", "-o", "out", "--print-file").output.splitlines()
            if "打印文件" in m] == []  # said once
    # without --print-file, a poster made again leaves its village's print file outdated
    write(tree / "李家村" / "低保.yaml", RELIEF_YAML)
    assert cli("render", "青山镇", "-o", "out", "--print-file").exit_code == 0
    write(tree / "双河村" / "通知.yaml", NOTICE_YAML.replace("开会。", "开会，请准时参加。"))
    result = cli("render", "青山镇", "-o", "out")
    assert result.output.splitlines()[-2:] == [
        OUTDATED.format(name="打印-双河村.pdf"), OUTDATED.format(name="打印-青山镇.pdf")]
    assert sorted(p.name for p in out.glob("打印-*.pdf")) == ["打印-李家村.pdf"]  # unchanged village
    assert (out / "已失效" / "打印-青山镇（2）.pdf").is_file()  # the earlier one is kept too


def test_a_lock_file_planted_as_a_symlink_is_not_followed(tree, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    victim = tmp_path / "别人的文件.txt"
    victim.write_text("不能被清空\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".noticeboard.lock").symlink_to(victim)
    result = cli("render", "青山镇", "-o", "out")
    assert result.output == ("-: 错误: 锁文件 out/.noticeboard.lock 不是普通文件（是符号链接、管道或设备），"
                             "本工具不会打开它；请删除它后再运行\n")
    assert result.exit_code == 1
    assert victim.read_text() == "不能被清空\n"  # was truncated and overwritten with a pid


@pytest.mark.parametrize("link", ["双河村", "已失效"])
def test_a_symlinked_folder_inside_the_output_folder_is_refused(tree, tmp_path, monkeypatch, link):
    monkeypatch.chdir(tmp_path)
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / link).symlink_to(elsewhere)
    result = cli("render", "青山镇", "-o", "out")
    assert result.output == (f"-: 错误: 输出文件夹里的 out/{link} 是指向别处（{elsewhere}）的符号链接，"
                             "海报会写到输出文件夹以外；请删除这个链接后再运行\n")
    assert result.exit_code == 1
    assert list(elsewhere.iterdir()) == []


def test_an_output_folder_in_the_townships_templates_is_refused(tree, tmp_path, monkeypatch):
    write(tree / "templates" / "poster.css", "h1 { color: green }\n")
    monkeypatch.chdir(tmp_path)
    result = cli("render", "青山镇", "-o", "青山镇/templates/out")
    assert result.output == ("-: 错误: 输出文件夹 青山镇/templates/out 在乡镇的模板文件夹 青山镇/templates 里：海报会混进模板，"
                             "每次都要全部重新生成；请另选一个输出文件夹\n")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tree / "templates").iterdir()) == ["poster.css"]


def test_village_folders_differing_only_by_unicode_normalization_are_refused(township, tmp_path, monkeypatch):
    import unicodedata

    composed, decomposed = (unicodedata.normalize(form, "Café村") for form in ("NFC", "NFD"))
    for name in (composed, decomposed):
        write(township / name / "village.yaml", f"name: 咖啡村{len(name)}\nphone: 0571-{len(name)}\n")
        write(township / name / f"{len(name)}.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "青山镇")
    assert result.output.count("的海报会写进同一个输出文件夹") == 2
    assert result.output.splitlines()[-1] == "检查了 2 个文件：2 个错误，0 个警告"
    assert result.exit_code == 1


@pytest.mark.parametrize("out", ["/dev/null", "青山镇/双河村/通知.yaml"])
def test_an_output_folder_that_is_a_device_or_an_item_is_refused(tree, tmp_path, monkeypatch, out):
    monkeypatch.chdir(tmp_path)
    before = (tree / "双河村" / "通知.yaml").read_bytes()
    result = cli("render", "青山镇", "-o", out)
    assert result.output == f"-: 错误: 输出文件夹 {out} 是一个文件，不是文件夹；请另选一个输出文件夹\n"
    assert result.exit_code == 1
    assert (tree / "双河村" / "通知.yaml").read_bytes() == before


def test_a_village_given_in_part_gets_no_print_file_missing_its_other_posters(tree, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert cli("render", "青山镇", "-o", "out", "--print-file").exit_code == 0
    assert len(pypdf.PdfReader(out / "打印-双河村.pdf").pages) == 2  # 财务 and 通知
    write(tree / "双河村" / "通知.yaml", NOTICE_YAML.replace("开会。", "开会，请准时参加。"))
    result = cli("render", "青山镇/双河村/通知.yaml", "-o", "out", "--print-file")
    assert result.output.splitlines() == [
        "已生成 out/双河村/通知.pdf（1 页）", "共 1 项：生成 1 项，未变化 0 项，失败 0 项",
        OUTDATED.format(name="打印-双河村.pdf"), OUTDATED.format(name="打印-青山镇.pdf")]
    assert sorted(p.name for p in out.glob("打印-*.pdf")) == ["打印-李家村.pdf"]  # was 双河村 with 通知 alone
    assert cli("render", "青山镇", "-o", "out", "--print-file").exit_code == 0
    assert len(pypdf.PdfReader(out / "打印-双河村.pdf").pages) == 2

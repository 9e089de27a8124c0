"""Faults: a write that fails keeps the old poster; a render killed at any moment leaves no broken PDF."""

import os
import random
import signal
import subprocess
import sys
import time

from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, write

runner = CliRunner()


def test_a_full_disk_keeps_the_previous_poster_and_says_so(village, tmp_path, monkeypatch):
    item = write(village / "通知.yaml", NOTICE_YAML)
    out = tmp_path / "out"
    assert runner.invoke(app, ["render", str(item), "-o", str(out)]).exit_code == 0
    poster = out / "双河村" / "通知.pdf"
    before = poster.read_bytes()
    write(item, NOTICE_YAML.replace("开会。", "开会，请带笔。"))

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = runner.invoke(app, ["render", str(item), "-o", str(out)])
    assert result.exit_code == 1
    assert f"错误: 无法写入 {os.path.relpath(poster)}：磁盘已满" in result.output
    assert poster.read_bytes() == before
    assert not [p for p in poster.parent.iterdir() if p.name != "通知.pdf"]


def pdf_is_sound(path) -> bool:
    checks = [["qpdf", "--check", str(path)], ["pdfinfo", str(path)]]
    return all(subprocess.run(c, capture_output=True, check=False).returncode == 0 for c in checks)


def test_killing_a_render_at_random_moments_never_leaves_a_broken_pdf(township, tmp_path):
    for n in range(6):
        write(township / "双河村" / f"财务{n}.yaml", FINANCE_YAML)
        write(township / "双河村" / f"低保{n}.yaml", RELIEF_YAML)
    out = tmp_path / "out"
    rng = random.Random(7)
    command = [sys.executable, "-m", "noticeboard", "render", str(township), "-o", str(out), "-j", "2"]
    for _ in range(4):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(rng.uniform(0.5, 4.0))
        os.killpg(process.pid, signal.SIGKILL)  # the whole group: workers too
        process.wait()
        for pdf in out.rglob("*.pdf"):
            assert pdf_is_sound(pdf), pdf
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == 12 and all(pdf_is_sound(p) for p in pdfs)
    assert not list(out.rglob("*.tmp"))


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as stream:
                    fields = stream.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may be slow to reap)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_exit_within_seconds_when_the_main_process_is_killed(township, tmp_path):
    for n in range(8):
        write(township / "双河村" / f"财务{n}.yaml", FINANCE_YAML)
    command = [sys.executable, "-m", "noticeboard", "render", str(township), "-o",
               str(tmp_path / "out"), "-j", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        children: list[int] = []
        while len(children) < 2 and time.monotonic() < deadline:  # two workers (+ tracker)
            time.sleep(0.2)
            children = _children(process.pid)
        assert len(children) >= 2, "the workers never started"
    finally:
        process.kill()  # SIGKILL: the main process only, no chance to clean up
        process.wait()
    deadline = time.monotonic() + 15
    while any(_running(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in children if _running(pid)]


def test_the_systems_reasons_read_in_chinese_and_stay_the_systems_own_in_english():
    from noticeboard.errors import error, os_reason

    full = error("write_failed", location="out/a.pdf", reason=os_reason(OSError(28, "No space left on device")))
    assert (full.message("zh"), full.message("en")) == (
        "无法写入 out/a.pdf：磁盘已满", "cannot write out/a.pdf: No space left on device")
    odd = error("write_failed", location="x", reason=os_reason(OSError(999, "Odd")))
    assert odd.message("zh") == "无法写入 x：系统错误（错误号 999）"


def test_a_new_file_on_a_full_disk_is_not_left_half_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    for args, target in ((["new", "notice", "-o", "通知.yaml"], "通知.yaml"),
                         (["init", ".", "--village", "双河村"], "village.yaml")):
        result = runner.invoke(app, args)
        assert result.output == f"{target}: 错误: 无法写入 {target}：磁盘已满\n"
        assert result.exit_code == 1
        assert not (tmp_path / target).exists()  # a half file would make the next try "exists"
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["new", "notice", "-o", "通知.yaml"]).output == "已写入 通知.yaml\n"

"""The worker pool: the order posters are handed to workers."""

from concurrent.futures import Future
from typing import ClassVar

from noticeboard.run import pool
from noticeboard.run.outcomes import Status
from tests.conftest import FINANCE_YAML, check_text


class RecordingExecutor:
    """Stands in for ProcessPoolExecutor: runs nothing, records what is submitted."""

    submitted: ClassVar[list[str]] = []

    def __init__(self, **_options):
        RecordingExecutor.submitted = []

    def submit(self, function, task):
        RecordingExecutor.submitted.append(task.checked.path.name)
        future: Future = Future()
        future.set_result(pool.WorkResult(Status.RENDERED))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def test_the_longest_posters_are_handed_out_first(village, tmp_path, monkeypatch):
    """With the longest last, one worker idles while the other lays out a 3-sheet ledger."""
    rows = FINANCE_YAML.split("expense:")[0].split("income:")[1]
    texts = {"short.yaml": FINANCE_YAML,
             "long.yaml": FINANCE_YAML.replace("income:", "income:" + rows * 3, 1),
             "middle.yaml": FINANCE_YAML.replace("income:", "income:" + rows, 1)}
    tasks = [pool.Task(index, check_text(village, text, name), tmp_path / f"{index}.pdf", None)
             for index, (name, text) in enumerate(texts.items())]
    monkeypatch.setattr(pool, "ProcessPoolExecutor", RecordingExecutor)
    finished = dict(pool.run_tasks(tasks, jobs=2))
    assert sorted(finished) == [0, 1, 2]
    assert RecordingExecutor.submitted == ["long.yaml", "middle.yaml", "short.yaml"]

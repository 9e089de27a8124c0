"""Where the posters of a run are rendered: the local process pool, or a Dask cluster.

Both take the same tasks and yield `(index, result)` as each poster is finished, so
planning, the incremental state, atomic writes, outcomes and the report are one code
path whichever renders. The pool is the default; a cluster is asked for by address.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from noticeboard.run.outcomes import RenderOptions
from noticeboard.run.pool import Task, WorkResult, run_tasks

SCHEDULER_VARIABLE = "NOTICEBOARD_SCHEDULER"  # tcp://HOST:PORT, like --scheduler


class Executor(Protocol):
    def run(self, tasks: list[Task]) -> Iterator[tuple[int, WorkResult]]: ...

    def close(self) -> None: ...


@dataclass
class LocalPool:
    """Worker processes on this computer (`-j N`)."""

    jobs: int

    def run(self, tasks: list[Task]) -> Iterator[tuple[int, WorkResult]]:
        return run_tasks(tasks, self.jobs)

    def close(self) -> None:
        pass


def scheduler_address(options: RenderOptions) -> str | None:
    return options.scheduler or os.environ.get(SCHEDULER_VARIABLE) or None


def open_executor(options: RenderOptions) -> Executor:
    """The executor the options ask for; a cluster is reached (and its workers' versions
    compared) here, before the run writes anything."""
    address = scheduler_address(options)
    if address is None:
        return LocalPool(options.jobs)
    from noticeboard.run.cluster import DaskCluster  # an optional extra: imported only here

    return DaskCluster.connect(address)

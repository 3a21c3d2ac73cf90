"""``python -m benchmarks.dask_rounds_memory CLAIMS [--partitions N] [--log-length L]``: memory over the rounds.

Generates ``CLAIMS`` claims (:mod:`benchmarks.generate`, seed 1), assesses them with
AccuCopy through ``factlog.dask.assess`` on an in-process ``LocalCluster`` (one worker of
one thread, so that the scheduler, the worker and the driver are all traced), and prints
one JSON line: the steps and rounds run, the tasks the scheduler ran (``tasks``: every
task of the call, from reading the file to the last partition's assessments), and at
the 5th, 50th, 100th, 150th and 200th learning step the memory traced by
:mod:`tracemalloc` (after a collection, in MB) and the tasks the scheduler still keeps
(``kept``: finished and not yet forgotten, or still to run). The growth between two
marks is what the run keeps a step. ``--log-length`` sets Dask's
``distributed.admin.low-level-log-length`` (its log of recent messages, 1,000 by
default), to tell what that bounded log holds from what grows without bound.
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster

import factlog.dask
from benchmarks.generate import generate, write
from factlog.dask import _steps

MARKS = (5, 50, 100, 150, 200)
"""The learning steps after which the traced memory is read."""


def measure(claims: int, partitions: int) -> dict[str, Any]:
    """The steps, rounds and tasks run; the traced MB and the tasks kept at each of :data:`MARKS`: one AccuCopy run."""
    marks: dict[int, float] = {}
    kept: dict[int, int] = {}
    scheduler: Any = None  # the in-process cluster's, once started
    steps = 0
    each = _steps.Cluster.each

    def counted(self: _steps.Cluster, *arguments: Any, **named: Any) -> list[Any]:
        nonlocal steps
        found = each(self, *arguments, **named)
        steps += 1
        if steps in MARKS:
            gc.collect()
            marks[steps] = round(tracemalloc.get_traced_memory()[0] / 1e6, 1)
            kept[steps] = len(scheduler.tasks)
        return found

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        write(generate(claims, 1), path)
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
        scheduler = cluster.scheduler
        assert scheduler is not None  # in this process
        with cluster, Client(cluster) as client:
            _steps.Cluster.each = counted  # type: ignore[method-assign]
            tracemalloc.start()
            try:
                assessed = factlog.dask.assess([str(path)], client=client, partitions=partitions, method="accucopy")
            finally:
                tracemalloc.stop()
                _steps.Cluster.each = each  # type: ignore[method-assign]
            tasks = sum(prefix.state_counts["processing"] for prefix in scheduler.task_prefixes.values())
    return {
        "claims": claims,
        "partitions": partitions,
        "steps": steps,
        "rounds": assessed.rounds,
        "tasks": tasks,
        "traced_mb": marks,
        "kept": kept,
    }


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, measure, print one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_rounds_memory", description=__doc__)
    parser.add_argument("claims", type=int, help="claims to generate (20000: about 80 CPU s)")
    parser.add_argument("--partitions", type=int, default=2, help="partitions of the claims (default 2)")
    parser.add_argument("--log-length", type=int, help="Dask's low-level log length (default: Dask's, 1,000)")
    options = parser.parse_args(argv)
    if options.log_length is not None:
        dask.config.set({"distributed.admin.low-level-log-length": options.log_length})
    print(json.dumps(measure(options.claims, options.partitions) | {"log_length": options.log_length}))


if __name__ == "__main__":
    main()

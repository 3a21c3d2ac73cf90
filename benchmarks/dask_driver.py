"""``python benchmarks/dask_driver.py FILE --partitions N --rounds R --mode local|cluster``: the AccuCopy driver.

Runs ``factlog.dask.assess(claims, method="accucopy")`` with the learning capped at
``R`` rounds (the driver's pairs are all built before the first round) and prints one
JSON line: the pairs of sources sharing a value, the peak of memory traced by
:mod:`tracemalloc` from the start of the learning to its end (the claims, read before,
are not counted), per pair, and the CPU seconds of the start (surveys, pairs, plans) and
of each round. ``--mode cluster`` starts a Dask scheduler and one worker (one thread)
as processes of their own (``python -m distributed.cli.dask_scheduler``, ``...dask_worker``,
on ``--port``), so that the peak is the driver's alone (a ``LocalCluster`` runs its
scheduler in the driver's process); ``--mode local`` (the synchronous scheduler) holds
the partitions in this process too, and times the rounds without tracing. Standalone
(factlog, Dask and the standard library), so that one file measures any tree on
``PYTHONPATH`` (the scheduler and worker inherit it).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import factlog
import factlog.dask
from factlog.analysis._discovery import _learn
from factlog.analysis._discovery._results import MAX_ROUNDS, AccuCopyParams, AccuVoteParams
from factlog.dask import _learning


@contextlib.contextmanager
def _cluster(port: int) -> Iterator[str]:
    """A scheduler and one single-threaded worker, each a process of its own (run from /, so that they import
    factlog from PYTHONPATH, not from the working directory); their address."""
    address = f"tcp://127.0.0.1:{port}"
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": "/"}
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--port", str(port), "--no-dashboard"], **quiet
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-dashboard"], **quiet
    )
    try:
        deadline = time.monotonic() + 60
        while True:  # the scheduler listens within seconds; factlog waits for the worker itself
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(30)


def main() -> None:
    """Measure once and print the figures as one JSON line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mode", choices=("local", "cluster"), default="local")
    parser.add_argument("--trace", action="store_true", help="trace memory in local mode too (slower)")
    parser.add_argument("--port", type=int, default=8799, help="the scheduler's port in cluster mode")
    arguments = parser.parse_args()
    claims = factlog.load(arguments.path)
    found: dict[str, Any] = {"claims": len(claims.claims), "mode": arguments.mode, "partitions": arguments.partitions}
    start = _learn._start
    trace = arguments.trace or arguments.mode == "cluster"

    def timed_start(*args: Any) -> Any:
        began = time.process_time()
        run = start(*args)
        found["start_cpu_s"] = time.process_time() - began
        found["pairs"] = len(run.pairs)
        return run

    def learned(
        runner: Any, method: str, max_pairs: int | None = None, max_rounds: int = MAX_ROUNDS, extrapolate: bool = True
    ) -> Any:
        if trace:
            tracemalloc.start()
        began = time.process_time()
        result = _learn.learn(
            runner,
            method,
            params=AccuVoteParams(max_rounds=max_rounds, extrapolate=extrapolate),
            copy=AccuCopyParams(max_pairs=max_pairs),
        )
        spent = time.process_time() - began
        if trace:
            found["peak_bytes"] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        found["rounds"] = result.rounds
        found["round_cpu_s"] = (spent - found["start_cpu_s"]) / result.rounds
        found["dependences"] = len(result.dependences)
        return result

    _learn._start = timed_start  # type: ignore[assignment]
    _learning.learned = learned
    if arguments.mode == "cluster":
        with _cluster(arguments.port) as address:
            factlog.dask.assess(
                claims,
                method="accucopy",
                client=address,
                partitions=arguments.partitions,
                timeout=60,
                max_rounds=arguments.rounds,
            )
    else:
        factlog.dask.assess(claims, method="accucopy", partitions=arguments.partitions, max_rounds=arguments.rounds)
    if trace:
        found["peak_bytes_per_pair"] = round(found["peak_bytes"] / max(1, found["pairs"]), 1)
    print(json.dumps(found))


if __name__ == "__main__":
    main()

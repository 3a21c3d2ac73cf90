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

``--mode whole`` measures the whole driver instead: ``factlog assess --dask ADDRESS
--partitions N --format json FILE`` (with ``--method`` and ``--beliefs-only`` if given)
through the command line's entry point in this process, on a scheduler and worker of
their own as in ``cluster`` mode, its output written to ``--out``. It prints the
driver's peak resident memory (``VmHWM``, MB), its CPU seconds (the workers' are not
counted), the highest resident memory within each stage (``start``: reading the small
tables and routing; ``learning``; ``gathering``: from the end of the learning until
the output is written; ``writing``), the peak so far at the end of each stage (which
catches a peak shorter than the sampling), and the output's size and SHA-256. Run it from
outside the checkout (``cd /``), so that ``PYTHONPATH`` picks the tree measured.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import factlog
import factlog.cli
import factlog.cli._assess
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


def _status(field: str) -> float:
    """A field of ``/proc/self/status`` in MB (``VmRSS``, ``VmHWM``)."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _whole(arguments: argparse.Namespace) -> dict[str, Any]:
    """``factlog assess --dask`` in this process on a cluster of its own: the driver's memory by stage."""
    peaks: dict[str, float] = {}
    reached: dict[str, float] = {}  # the peak so far (VmHWM) at the end of each stage: where the peak came
    stage = ["start"]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peaks[stage[0]] = max(peaks.get(stage[0], 0.0), _status("VmRSS"))
            time.sleep(0.05)

    def staged(function: Any, name: str, after: str) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            reached[stage[0]] = _status("VmHWM")
            stage[0] = name
            try:
                return function(*args, **kwargs)
            finally:
                peaks[name] = max(peaks.get(name, 0.0), _status("VmRSS"))
                reached[name] = _status("VmHWM")
                stage[0] = after

        return run

    _learning.learned = staged(_learning.learned, "learning", "gathering")
    for name in ("render_assessment_json", "write_assessment_json"):  # the JSON as the tree measured writes it
        if hasattr(factlog.cli._assess, name):
            setattr(factlog.cli._assess, name, staged(getattr(factlog.cli._assess, name), "writing", "end"))
    options = ["--method", arguments.method] if arguments.method else []
    options += ["--beliefs-only"] if arguments.beliefs_only else []
    threading.Thread(target=sample, daemon=True).start()
    with _cluster(arguments.port) as address:
        out = os.open(arguments.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        saved = os.dup(1)
        sys.stdout.flush()
        os.dup2(out, 1)
        try:
            command = ["assess", "--dask", address, "--partitions", str(arguments.partitions), "--format", "json"]
            code = factlog.cli.main([*command, *options, str(arguments.path)])
            sys.stdout.flush()
        finally:
            os.dup2(saved, 1)
            os.close(out)
    done.set()
    reached[stage[0]] = peak = _status("VmHWM")  # before the output is hashed (a block at a time)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    digest = hashlib.sha256()
    with Path(arguments.out).open("rb") as written:
        for block in iter(lambda: written.read(1 << 20), b""):
            digest.update(block)
    return {
        "exit": code,
        "options": options,
        "partitions": arguments.partitions,
        "driver_peak_rss_mb": round(peak, 1),
        "driver_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "stage_peak_rss_mb": {name: round(value, 1) for name, value in peaks.items()},
        "peak_so_far_at_stage_end_mb": {name: round(value, 1) for name, value in reached.items()},
        "output_bytes": Path(arguments.out).stat().st_size,
        "output_sha256": digest.hexdigest(),
    }


def main() -> None:
    """Measure once and print the figures as one JSON line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mode", choices=("local", "cluster", "whole"), default="local")
    parser.add_argument("--method", help="whole mode: the assessment's method (default: factlog's)")
    parser.add_argument("--beliefs-only", action="store_true", help="whole mode: factlog assess --beliefs-only")
    parser.add_argument("--out", type=Path, default=Path(os.devnull), help="whole mode: where the JSON goes")
    parser.add_argument("--trace", action="store_true", help="trace memory in local mode too (slower)")
    parser.add_argument("--port", type=int, default=8799, help="the scheduler's port in cluster mode")
    arguments = parser.parse_args()
    if arguments.mode == "whole":
        print(json.dumps(_whole(arguments)))
        return
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

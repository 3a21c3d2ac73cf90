"""The compact check and assessment of a JSON Lines file (``check_lines``, ``assess_lines``): time, memory.

``python -m benchmarks --stream FILE`` runs the check in this (fresh) process and prints one JSON
line: seconds (wall and CPU), claims, findings and the peak RSS (``VmHWM``) above the interpreter with
factlog and numpy imported; ``--stream-assess FILE`` the same for ``assess_lines`` (default
method, its JSON written to a discarded stream), with the propositions counted.
``--stream-sizes 100000,1000000`` generates each size and
measures each path in a fresh process, the check with the bare grouping of the same claims for the ratio
(up to 1M claims: the baseline loads the whole set). The files are written a claim at a
time (:func:`benchmarks.generate.write_lines`), so 10M claims never exist whole.
"""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import factlog
from benchmarks.generate import write_lines
from benchmarks.run import _high_water, _resident, bare_grouping, fresh, reading_floor, settled
from factlog._bulk import paused_gc

BARE_LIMIT = 1_000_000
"""Above this many claims the bare grouping (which loads the whole set) is not measured."""


def _measured(path: Path, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Wall and CPU seconds of ``run()`` in this process, its peak RSS above the start, the file's claims."""
    import numpy  # noqa: F401, PLC0415 - imported before the baseline, as factlog is

    resident = _resident()
    settled()
    started, cpu = time.perf_counter(), time.process_time()
    found = run()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    claims = sum(1 for line in path.open("rb") if line.startswith(b'{"type": "claim"'))
    return {"seconds": seconds, "cpu": cpu, "peak": _high_water() - resident, "claims": claims, **found}


def stream_memory(path: Path) -> dict[str, Any]:
    """Time and peak RSS of ``check_lines`` on one file, in this process, with the findings counted."""
    return _measured(path, lambda: {"findings": len(factlog.check_lines(path).findings)})


def assess_memory(path: Path) -> dict[str, Any]:
    """Time and peak RSS of ``assess_lines`` on one file (its JSON written and discarded), in this process."""

    def run() -> dict[str, Any]:
        assessment = factlog.assess_lines(path)
        factlog.write_assessment_json(assessment, _Discard())
        return {
            "propositions": len(assessment.propositions),
            "compact": isinstance(assessment, factlog.LinesAssessment),
        }

    return _measured(path, run)


class _Discard(io.StringIO):
    """A text stream that keeps nothing: the JSON is written, as ``assess --stream`` writes it, and dropped."""

    def write(self, text: str) -> int:
        return len(text)


def bare_seconds(path: Path) -> dict[str, float]:
    """The bare grouping pass over the loaded claims (the baseline of ``check vs bare``): wall and CPU seconds."""
    claims = factlog.load(path)
    settled()
    started, cpu = time.perf_counter(), time.process_time()
    paused_gc(bare_grouping)(claims)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def check_ratio(path: Path) -> dict[str, float | int]:
    """The bare grouping, the reading floor, then ``factlog.check``, over FILE's claims in this process.

    CPU seconds of each, ``ratio`` (check over bare), ``floor_ratio`` (the floor of
    :func:`~benchmarks.run.reading_floor` over bare) and the number of findings.
    """
    claims = factlog.load(path)
    settled()
    cpu = time.process_time()
    paused_gc(bare_grouping)(claims)
    bare = time.process_time() - cpu
    cpu = time.process_time()
    paused_gc(reading_floor)(claims)
    floor = time.process_time() - cpu
    settled()
    cpu = time.process_time()
    report = factlog.check(claims)
    check = time.process_time() - cpu
    return {
        "bare_cpu": bare,
        "floor_cpu": floor,
        "check_cpu": check,
        "ratio": check / bare,
        "floor_ratio": floor / bare,
        "findings": len(report.findings),
    }


def stream_table(sizes: list[int]) -> str:
    """Two tables, a row per size: the check (seconds, peak RSS per claim, against bare grouping), the assessment."""
    assessed = [
        "| claims | assess_lines s | CPU s | peak RSS/claim | propositions |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    lines = [
        "| claims | check_lines s | CPU s | peak RSS/claim | bare grouping CPU s | check_lines vs bare (CPU) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "claims.jsonl"
            write_lines(size, path)
            row = fresh(["--stream", str(path)])
            assessing = fresh(["--stream-assess", str(path)])
            # The baseline loads the whole set: above 1M claims it would need more memory than the check.
            bare = fresh(["--bare", str(path)]) if size <= BARE_LIMIT else None
        lines.append(
            f"| {row['claims']:,} | {row['seconds']:.1f} | {row['cpu']:.1f} | {row['peak'] / row['claims']:.0f} B |"
            + (f" {bare['cpu']:.2f} | {row['cpu'] / bare['cpu']:.0f}x |" if bare else " — | — |")
        )
        assessed.append(
            f"| {assessing['claims']:,} | {assessing['seconds']:.1f} | {assessing['cpu']:.1f} |"
            f" {assessing['peak'] / assessing['claims']:.0f} B | {assessing['propositions']:,} |"
        )
    return "\n".join(lines) + "\n\n" + "\n".join(assessed)

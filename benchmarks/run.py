"""Measure factlog against the bare data structures it wraps, on generated claim sets.

Every ratio compares two timings taken in the same process, on the same data:

* codec: ``factlog.load`` + ``factlog.dumps`` against ``orjson.loads`` + ``orjson.dumps``
  of the same document as plain dicts, written with the same two-space indent (goal: at
  most 4x);
* check: ``factlog.check`` against one bare pass grouping the same claims by
  proposition key in a dict (goal: at most 2x);
* incremental: a full re-check against ``Checker.add`` of one claim (goal: at least 1000x);
* growth, across sizes: time at 1M claims against time at 100k (goal: at most 11).

Memory is measured apart, in a fresh process per file that only loads, checks and
assesses: its peak RSS above the interpreter (with factlog imported), per claim, for the
JSON and the JSON Lines file (goal: at most 1 KiB).
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import orjson

import factlog
from benchmarks.generate import generate, write
from factlog._bulk import paused_gc

T = TypeVar("T")


def settled() -> None:
    """Collect now, so that a collection the last step left due never lands in the next timed one.

    With the collector on between steps, the first allocation of a timed step can trigger a
    full collection of everything loaded so far: about 1.5 CPU s at 1M claims, three
    quarters of what the first bare grouping then appeared to cost (2.6 s against 1.1 s).
    """
    gc.collect()


def _timed(action: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        settled()
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def _timed_cpu(action: Callable[[], T], repeat: int = 1) -> tuple[float, float, T]:
    """The best wall time, the CPU time of that run, and the result (on a shared machine, read the CPU time)."""
    best, cpu = float("inf"), float("inf")
    result: Any = None
    for _ in range(repeat):
        settled()
        started, processor = time.perf_counter(), time.process_time()
        result = action()
        spent = time.perf_counter() - started
        if spent < best:
            best, cpu = spent, time.process_time() - processor
    return best, cpu, result


def bare_grouping(claims: factlog.ClaimSet) -> dict[Any, list[factlog.Claim]]:
    """The baseline for check: one pass putting each claim in a dict by its raw proposition."""
    groups: dict[Any, list[factlog.Claim]] = defaultdict(list)
    for claim in claims.claims:
        proposition = claim.proposition
        if proposition is not None:
            groups[(proposition.subject, proposition.predicate, proposition.object, proposition.qualifiers)].append(
                claim
            )
    return groups


def reading_floor(claims: factlog.ClaimSet) -> tuple[dict[Any, list[factlog.Claim]], ...]:
    """The least a check over claim objects can do: one pass filing every claim four ways, bare.

    By slot (subject, predicate, qualifiers), by proposition and polarity, by holder and
    by source: the groups the check's rules read (conflicting values and opposed claims
    by slot and key, holder-level rules by holder, corroboration by source), with no
    normalisation, no entry objects and no rule. The check's time over this floor is what
    its own work costs; this floor over :func:`bare_grouping` is what reading the claims'
    fields costs in any design that keeps an object per claim.
    """
    slots: dict[Any, list[factlog.Claim]] = defaultdict(list)
    keys: dict[Any, list[factlog.Claim]] = defaultdict(list)
    holders: dict[Any, list[factlog.Claim]] = defaultdict(list)
    sources: dict[Any, list[factlog.Claim]] = defaultdict(list)
    for claim in claims.claims:
        proposition = claim.proposition
        if proposition is None:
            continue
        slot = (proposition.subject, proposition.predicate, proposition.qualifiers)
        slots[slot].append(claim)
        keys[(slot, proposition.object, proposition.when, claim.polarity)].append(claim)
        holders[claim.attribution.holder].append(claim)
        for evidence in claim.evidence:
            sources[evidence.source].append(claim)
    return slots, keys, holders, sources


def measure(size: int, seed: int = 1, repeat: int = 1) -> dict[str, Any]:
    """All figures for one size. Run it in a fresh process for a meaningful peak RSS."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.json"
        write(generate(size, seed), path)
        data = path.read_bytes()
        # The baselines run with the cyclic collector paused too, as factlog's steps do.
        # The same job as factlog's: parse the document, write it in its canonical (indented) layout.
        orjson_time, _ = _timed(paused_gc(lambda: orjson.dumps(orjson.loads(data), option=orjson.OPT_INDENT_2)), repeat)
        load_time, load_cpu, claims = _timed_cpu(lambda: factlog.load(path), repeat)
        dump_time, text = _timed(lambda: factlog.dumps(claims), repeat)
        bare_time, bare_cpu, groups = _timed_cpu(paused_gc(lambda: bare_grouping(claims)), repeat)
        check_time, check_cpu, report = _timed_cpu(lambda: factlog.check(claims), repeat)
        assess_time, assessment = _timed(lambda: factlog.assess(claims), repeat)
        checker = factlog.Checker(claims)
        # A typical newcomer: entities of middle rank (the Zipf head would be the worst case).
        middle = len(claims.entities) // 2
        newcomer = factlog.Claim(
            id="benchmark-newcomer",
            statement="One more claim.",
            proposition=factlog.Proposition(subject=f"e{middle}", predicate="p2", object=f"e{middle + 1}"),
            attribution=factlog.Attribution(holder=f"e{middle + 2}"),
            evidence=(
                factlog.Evidence(source=claims.sources[len(claims.sources) // 2].id, quote="One more.", start=0, end=9),
            ),
        )
        add_time, _ = _timed(lambda: checker.add([newcomer]))
        lines = Path(folder) / "claims.jsonl"
        write(generate(size, seed), lines)
        memory = {kind: _memory_in_fresh_process(file) for kind, file in (("json", path), ("jsonl", lines))}
    return {
        "claims": len(claims.claims),
        "bytes": len(data),
        "load": load_time,
        "dump": dump_time,
        "orjson": orjson_time,
        "check": check_time,
        "bare": bare_time,
        "assess": assess_time,
        "add": add_time,
        "codec_ratio": (load_time + dump_time) / orjson_time,
        "check_ratio": check_time / bare_time,
        "load_cpu": load_cpu,
        "bare_cpu": bare_cpu,
        "check_cpu": check_cpu,
        "check_ratio_cpu": check_cpu / bare_cpu if bare_cpu else float("inf"),
        "incremental_speedup": check_time / add_time,
        "rss_per_claim": memory["json"]["peak"] / len(claims.claims),
        "rss_per_claim_lines": memory["jsonl"]["peak"] / len(claims.claims),
        "retained_per_claim": memory["json"]["retained"] / len(claims.claims),
        "memory": memory,
        "findings": len(report.findings),
        "groups": len(groups),
        "propositions": len(assessment.propositions),
        "round_trip": len(text),
    }


def _resident() -> int:
    """The current resident set size in bytes (Linux), else the peak so far."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * resource.getpagesize()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # pragma: no cover - not Linux


def _high_water() -> int:
    """The peak resident set size of this process in bytes.

    On Linux from ``VmHWM``: ``ru_maxrss`` would carry over the peak of the process that
    started this one, however much larger.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # pragma: no cover - not Linux


def memory(path: Path) -> dict[str, int]:
    """factlog's own memory for one file: peak RSS over load, check and assess, above the interpreter.

    Run it in a fresh process: the peak of a process counts everything it ever held.
    ``retained`` is what stays resident once the file is read.
    """

    resident = _resident()

    def peak() -> int:
        return _high_water() - resident

    claims = factlog.load(path)
    retained = _resident() - resident
    load_peak = peak()
    factlog.check(claims)
    check_peak = peak()
    factlog.assess(claims)
    return {
        "peak": peak(),
        "load_peak": load_peak,
        "check_peak": check_peak,
        "retained": retained,
        "claims": len(claims.claims),
    }


def fresh(arguments: list[str]) -> dict[str, Any]:
    """``python -m benchmarks ARGUMENTS`` in a fresh process: the JSON object its last line prints."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", *arguments],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return found


def _memory_in_fresh_process(path: Path) -> dict[str, int]:
    return fresh(["--memory", str(path)])


def table(rows: list[dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row per size, then the growth ratios."""
    lines = [
        "| claims | load s | dump s | check s | assess s | peak RSS/claim JSON | JSONL | codec vs orjson"
        " | check vs bare | add vs re-check |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['claims']:,} | {row['load']:.2f} | {row['dump']:.2f} | {row['check']:.2f} | {row['assess']:.2f} |"
            f" {row['rss_per_claim'] / 1024:.2f} KiB | {row['rss_per_claim_lines'] / 1024:.2f} KiB |"
            f" {row['codec_ratio']:.1f}x | {row['check_ratio']:.1f}x |"
            f" {row['incremental_speedup']:,.0f}x |"
        )
    lines += ["", "Peak RSS per claim after each step (KiB; load, check, assess; JSON file / JSON Lines file):", ""]
    for row in rows:
        steps = {
            kind: " / ".join(
                f"{row['memory'][kind][step] / row['claims'] / 1024:.2f}"
                for step in ("load_peak", "check_peak", "peak")
            )
            for kind in ("json", "jsonl")
        }
        lines.append(
            f"- {row['claims']:,}: JSON {steps['json']}; JSON Lines {steps['jsonl']};"
            f" retained after reading {row['retained_per_claim'] / 1024:.2f}"
        )
    by_size = {row["claims"]: row for row in rows}
    if 1_000_000 in by_size and 100_000 in by_size:
        big, small = by_size[1_000_000], by_size[100_000]
        growth = ", ".join(f"{step} {big[step] / small[step]:.1f}" for step in ("load", "check", "assess"))
        lines.append("")
        baselines = ", ".join(f"{step} {big[step] / small[step]:.1f}" for step in ("orjson", "bare"))
        lines.append(f"Growth from 100k to 1M claims (goal: at most 11): {growth}; of the baselines: {baselines}.")
    return "\n".join(lines)


def dumps_row(row: dict[str, Any]) -> str:
    """One row as a JSON line (used between the measuring process and the harness)."""
    return json.dumps(row)

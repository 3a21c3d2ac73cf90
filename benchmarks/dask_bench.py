"""The Dask section: one claim set checked by one process, by Dask's synchronous scheduler, and by local clusters.

* single: ``factlog.load`` + ``factlog.check`` of a folder of JSON Lines files;
* cluster: ``factlog.dask.check`` of the same folder on a ``LocalCluster`` of 1 and of
  2 worker processes (the workers read the files, as on shared storage);
* synchronous: ``factlog.dask.check`` of the claim set in memory with Dask's
  synchronous scheduler and one partition, against ``factlog.check`` (the overhead of
  the four shuffles and the graph; goal: at most 4x);
* stages: routing and each pass's partitions run in this process, timed, to give the
  per-claim cost of each stage and the pickled size of a claim, from which a 100M-claim
  run on 16 workers is estimated.

Every run must give the single process's findings: it is asserted, not assumed.
"""

from __future__ import annotations

import pickle
import tempfile
import time
from pathlib import Path
from typing import Any

import factlog
import factlog.dask
from benchmarks.generate import generate, write
from factlog.dask._passes import CHECK_PASSES, check_partition, route, tables

FILES = 8
"""JSON Lines files the claims are written in (plus one file of the small tables)."""


def write_parts(size: int, folder: Path, seed: int = 1) -> None:
    """A generated set as one file of tables and ``FILES`` files of claims."""
    document = generate(size, seed)
    claims = document.pop("claims")
    write({**document, "claims": []}, folder / "tables.jsonl")
    step = -(-len(claims) // FILES)
    for number in range(FILES):
        write({"claims": claims[number * step : (number + 1) * step]}, folder / f"claims-{number:02d}.jsonl")


def _timed(action: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def stages(claims: factlog.ClaimSet, partitions: int) -> dict[str, float]:
    """Seconds per claim of routing and of each pass, run in this process over ``partitions`` partitions."""
    small = tables(claims)
    count = len(claims.claims)
    seconds, routed = _timed(lambda: route(small, claims, partitions, CHECK_PASSES, validate=True))
    rates = {"route": seconds / count}
    for k, kind in enumerate(CHECK_PASSES):
        total = 0.0
        for number in range(partitions):
            bucket = routed[k][number]
            spent, _ = _timed(
                lambda kind=kind, number=number, bucket=bucket: check_partition(
                    small, kind, number, partitions, factlog.DEFAULT_RULES, bucket
                )
            )
            total += spent
        rates[kind] = total / count
    sample = claims.claims[: min(count, 20_000)]
    rates["pickled_bytes"] = len(pickle.dumps(sample, protocol=5)) / len(sample)
    return rates


def measure_dask(size: int, seed: int = 1) -> dict[str, Any]:
    """All figures of the Dask section for one size."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_parts(size, folder, seed)
        load_time, claims = _timed(lambda: factlog.load(folder))
        check_time, single = _timed(lambda: factlog.check(claims))
        expected = factlog.render_json(single)
        sync_time, synchronous = _timed(lambda: factlog.dask.check(claims, partitions=1))
        assert factlog.render_json(synchronous) == expected
        rates = stages(claims, partitions=16)
        del synchronous
        clusters = {}
        for workers in (1, 2):
            with factlog.dask.local_client(workers) as client:
                spent, report = _timed(lambda client=client: factlog.dask.check(folder, client=client))
                assert factlog.render_json(report) == expected
                clusters[workers] = spent
    return {
        "claims": len(claims.claims),
        "findings": len(single.findings),
        "load": load_time,
        "check": check_time,
        "synchronous": sync_time,
        "synchronous_ratio": sync_time / check_time,
        "cluster_1": clusters[1],
        "cluster_2": clusters[2],
        "rates": rates,
    }


def estimate(
    row: dict[str, Any], claims: int = 100_000_000, workers: int = 16, bandwidth: float = 1.25e8
) -> dict[str, float]:
    """A 100M-claim check on 16 workers from the measured per-claim rates (seconds, GiB).

    Reading is taken at the single process's measured rate; each worker routes and
    checks its share; the shuffles move every claim once per pass it leaves its
    worker for ((workers - 1) / workers of them), pickled, at ``bandwidth`` bytes a
    second into each worker (1 Gbit/s by default).
    """
    rates = row["rates"]
    share = claims / workers
    read = row["load"] / row["claims"] * share
    compute = sum(rates[k] for k in ("route", *CHECK_PASSES)) * share
    moved = share * len(CHECK_PASSES) * rates["pickled_bytes"] * (workers - 1) / workers
    return {"read": read, "compute": compute, "shuffle": moved / bandwidth, "total": read + compute + moved / bandwidth}


def dask_table(row: dict[str, Any]) -> str:
    """The Dask section as Markdown."""
    rates = row["rates"]
    guess = estimate(row)
    lines = [
        f"Dask section, {row['claims']:,} claims ({row['findings']:,} findings, identical in every run):",
        "",
        "| run | seconds | against the single process |",
        "| --- | ---: | ---: |",
        f"| single process: load | {row['load']:.1f} | |",
        f"| single process: check | {row['check']:.1f} | 1.0x |",
        f"| single process: load + check | {row['load'] + row['check']:.1f} | |",
        f"| synchronous scheduler, 1 partition, in memory (check) | {row['synchronous']:.1f}"
        f" | {row['synchronous_ratio']:.2f}x of check |",
        f"| LocalCluster, 1 worker, from the files (load + check) | {row['cluster_1']:.1f}"
        f" | {row['cluster_1'] / (row['load'] + row['check']):.2f}x of load + check |",
        f"| LocalCluster, 2 workers, from the files (load + check) | {row['cluster_2']:.1f}"
        f" | {row['cluster_2'] / (row['load'] + row['check']):.2f}x of load + check |",
        "",
        "Per claim, one core, 16 partitions: "
        + ", ".join(f"{kind} {rates[kind] * 1e6:.1f} µs" for kind in ("route", *CHECK_PASSES))
        + f"; a claim pickles to {rates['pickled_bytes']:.0f} bytes.",
        "",
        f"Estimate for 100M claims on 16 workers (1 Gbit/s each): read {guess['read'] / 60:.0f} min,"
        f" route and check {guess['compute'] / 60:.0f} min, shuffles {guess['shuffle'] / 60:.0f} min;"
        f" about {guess['total'] / 60:.0f} min in all.",
    ]
    return "\n".join(lines)


__all__ = ["dask_table", "estimate", "measure_dask", "stages", "write_parts"]

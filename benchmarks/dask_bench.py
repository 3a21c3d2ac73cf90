"""The Dask section: one claim set checked by one process, by Dask's synchronous scheduler, and by local clusters.

* single: ``factlog.load`` + ``factlog.check`` of a folder of JSON Lines files;
* cluster: ``factlog.dask.check`` of the same folder on a ``LocalCluster`` of 1 and of
  2 worker processes (the workers read the files, as on shared storage);
* synchronous: ``factlog.dask.check`` of the claim set in memory with Dask's
  synchronous scheduler and one partition, against ``factlog.check`` (the overhead of
  one pass per grouping the rules declare, and of the graph; goal: at most 4x);
* stages: routing and each pass's partitions run in this process, timed, to give the
  per-claim cost of each stage and the pickled size of a claim, from which a 100M-claim
  run on 16 workers is estimated.

Units: the runs are timed in wall seconds (``time.perf_counter``), as they must be to
compare a cluster, whose work is done in other processes, with one process; the stages,
all run in this process, in CPU seconds (``time.process_time``), routing, the passes and
the whole-set rules alike, so that other work on the machine does not inflate them. The
output says which is which.

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
from factlog.analysis._discovery._learn import Local
from factlog.dask._cluster import _gathered
from factlog.dask._passes import (
    Routing,
    answered_ids,
    check_partition,
    passes_of,
    regarding_keys,
    regarding_wants,
    route,
    tables,
)
from factlog.dask._sharded import held

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
    """``action()`` and the wall seconds it took: for the runs, clusters included."""
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _cpu(action: Any) -> tuple[float, Any]:
    """``action()`` and the CPU seconds this process spent on it: for the stages, all run here."""
    started = time.process_time()
    result = action()
    return time.process_time() - started, result


class _Timed(Local):
    """Shards stepped in this process, each step timed (CPU): the slowest of each step is what workers wait for."""

    def __init__(self, states: list[Any]) -> None:
        super().__init__(states)
        self.critical = self.spent = 0.0

    def each(self, step: Any, *shared: Any, own: Any = None) -> list[Any]:
        return [result for _, result in self.arriving(step, *shared, own=own)]

    def arriving(self, step: Any, *shared: Any, own: Any = None) -> Any:
        slowest = 0.0
        for i, state in enumerate(self.states):
            started = time.process_time()
            self.states[i], result = step(state, *shared, *(() if own is None else (own[i],)))
            spent = time.process_time() - started
            slowest, self.spent = max(slowest, spent), self.spent + spent
            yield i, result
        self.critical += slowest


def stages(claims: factlog.ClaimSet, partitions: int) -> dict[str, float]:
    """CPU seconds per claim of routing, of each pass and of concluding the whole-set rules, in this process.

    Also, for each pass, how many partitions' buckets a claim goes to on average
    (``<pass>_copies``), and the pickled bytes of a claim. ``undeclared_copying`` is
    learned over the ``slot`` partitions (:mod:`factlog.dask._sharded`), here stepped
    one after the other: ``conclude`` is the driver's CPU seconds, ``conclude_shards``
    the slowest partition's of each step, summed (what the workers would wait for).
    Up to :data:`~factlog.checks._copyshards.MAX_GATHERED_VOTES` votes passing its
    screen (about two million generated claims), the driver gathers them and learns in
    one process: ``conclude`` then holds the learning.
    """
    small, count = tables(claims)
    passes = passes_of(factlog.DEFAULT_RULES, validate=True)
    started = time.process_time()
    wanted = regarding_wants(claims, partitions)
    keys = regarding_keys(small, claims, wanted) if wanted else {}
    passes = passes if wanted else tuple(kind for kind in passes if kind != "regarding")
    routing = Routing(partitions, passes, wanted, keys, answered_ids(claims))
    routed = route(small, claims, routing, validate=True)
    rates = {"route": (time.process_time() - started) / count}
    results, kinds = [], []
    for k, kind in enumerate(passes):
        total = 0.0
        for number, bucket in enumerate(routed[k]):
            spent, found = _cpu(
                lambda kind=kind, number=number, bucket=bucket: check_partition(
                    small, kind, number, partitions, factlog.DEFAULT_RULES, bucket
                )
            )
            results.append(found)
            kinds.append(kind)
            total += spent
        rates[kind] = total / count
        rates[f"{kind}_copies"] = sum(len(bucket) for bucket in routed[k]) / count
    rules = tuple(factlog.DEFAULT_RULES)
    results, runners = held(results, kinds, rules, _Timed)
    started = time.process_time()
    _gathered(small, rules, results, runners)  # type: ignore[arg-type]
    shards = [runner for runner in runners.values() if isinstance(runner, _Timed)]
    rates["conclude"] = (time.process_time() - started - sum(runner.spent for runner in shards)) / count
    rates["conclude_shards"] = sum(runner.critical for runner in shards) / count
    sample = claims.claims[: min(count, 20_000)]
    rates["pickled_bytes"] = len(pickle.dumps(sample, protocol=5)) / len(sample)
    return rates


PASSES = ("slot", "object", "holder", "source", "answers", "regarding")
"""The passes the default rules need (``regarding`` only when some claim is about claims)."""


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
    """A 100M-claim check on 16 workers from the measured per-claim rates, in wall seconds.

    Reading is taken at the single process's measured rate (wall seconds: it includes
    waiting on the disk); each worker routes and checks its share, the stages' CPU
    seconds per claim taken as the wall seconds of a core of its own; the shuffles move
    every claim once per pass it leaves its worker for ((workers - 1) / workers of
    them), pickled, at ``bandwidth`` bytes a second into each worker (1 Gbit/s by
    default); concluding the whole-set rules (``undeclared_copying`` learned over the
    partitions) costs the driver's measured rate and the slowest partition's, both per
    claim of the whole set: a linear guess (the rounds and the pairs need not grow with
    the claims as they did to 100,000).
    """
    rates = row["rates"]
    share = claims / workers
    read = row["load"] / row["claims"] * share
    passes = [kind for kind in PASSES if kind in rates]
    # Each worker routes and checks its share; the whole-set rules conclude once, over the partitions.
    conclude = rates["conclude"] + rates.get("conclude_shards", 0.0)
    compute = sum(rates[k] for k in ("route", *passes)) * share + conclude * claims
    copies = sum(rates[f"{kind}_copies"] for kind in passes)
    moved = share * copies * rates["pickled_bytes"] * (workers - 1) / workers
    return {"read": read, "compute": compute, "shuffle": moved / bandwidth, "total": read + compute + moved / bandwidth}


def dask_table(row: dict[str, Any]) -> str:
    """The Dask section as Markdown."""
    rates = row["rates"]
    guess = estimate(row)
    lines = [
        f"Dask section, {row['claims']:,} claims ({row['findings']:,} findings, identical in every run):",
        "",
        "| run | wall seconds | against the single process |",
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
        "CPU time per claim, one core, 16 partitions: "
        + ", ".join(
            f"{kind} {rates[kind] * 1e6:.1f} µs"
            for kind in ("route", *PASSES, "conclude", "conclude_shards")
            if kind in rates
        )
        + f"; a claim pickles to {rates['pickled_bytes']:.0f} bytes.",
        "",
        f"Estimate for 100M claims on 16 workers (1 Gbit/s each): read {guess['read'] / 60:.0f} min,"
        f" route and check {guess['compute'] / 60:.0f} min, shuffles {guess['shuffle'] / 60:.0f} min;"
        f" about {guess['total'] / 60:.0f} min in all.",
    ]
    return "\n".join(lines)


__all__ = ["PASSES", "dask_table", "estimate", "measure_dask", "stages", "write_parts"]

"""The Dask section's assessment: the learned methods by one process, by the synchronous scheduler, on clusters.

* single: ``factlog.assess`` (AccuCopy, the default) of the claim set in memory, and
  ``factlog.load`` + ``factlog.assess`` of the folder;
* synchronous: ``factlog.dask.assess`` of the set in memory, 1 and 4 partitions;
* cluster: ``factlog.dask.assess`` of the folder on a ``LocalCluster`` of 1 and of 2
  worker processes (the workers read the files), 4 partitions a worker.

Every run must give the single process's assessment (equal objects, the same JSON
bytes): it is asserted, not assumed. The load average is recorded with the figures.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import factlog
import factlog.dask
from benchmarks.dask_bench import write_parts
from factlog.render import render_assessment_json

__all__ = ["assess_table", "measure_dask_assess"]


def _timed(action: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def measure_dask_assess(size: int, seed: int = 1, method: str = "accucopy") -> dict[str, Any]:
    """All figures of the assessment part of the Dask section for one size."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_parts(size, folder, seed)
        load_time, claims = _timed(lambda: factlog.load(folder))
        assess_time, single = _timed(lambda: factlog.assess(claims, method=method))
        expected = render_assessment_json(single)
        found: dict[str, float] = {}
        for partitions in (1, 4):
            spent, distributed = _timed(
                lambda partitions=partitions: factlog.dask.assess(claims, method=method, partitions=partitions)
            )
            assert distributed == single
            assert render_assessment_json(distributed) == expected
            found[f"synchronous_{partitions}"] = spent
        for workers in (1, 2):
            with factlog.dask.local_client(workers) as client:
                spent, distributed = _timed(
                    lambda client=client, workers=workers: factlog.dask.assess(
                        folder, method=method, client=client, partitions=4 * workers
                    )
                )
                assert distributed == single
                assert render_assessment_json(distributed) == expected
                found[f"cluster_{workers}"] = spent
    return {
        "claims": len(claims.claims),
        "method": method,
        "propositions": len(single.propositions),
        "sources": len(single.sources),
        "dependences": len(single.dependences),
        "rounds": single.rounds,
        "load": load_time,
        "assess": assess_time,
        "load_average": os.getloadavg()[0],
        **found,
    }


def assess_table(row: dict[str, Any]) -> str:
    """The assessment part of the Dask section as Markdown."""
    single, both = row["assess"], row["load"] + row["assess"]
    lines = [
        f"Dask assessment, {row['claims']:,} claims, {row['method']} ({row['propositions']:,} propositions,"
        f" {row['sources']:,} sources, {row['dependences']:,} dependences, {row['rounds']} rounds; identical"
        f" in every run), load average {row['load_average']:.1f} at the end:",
        "",
        "| run | seconds | against the single process |",
        "| --- | ---: | ---: |",
        f"| single process: assess | {single:.1f} | 1.0x |",
        f"| single process: load + assess | {both:.1f} | |",
        f"| synchronous scheduler, 1 partition, in memory | {row['synchronous_1']:.1f}"
        f" | {row['synchronous_1'] / single:.2f}x of assess |",
        f"| synchronous scheduler, 4 partitions, in memory | {row['synchronous_4']:.1f}"
        f" | {row['synchronous_4'] / single:.2f}x of assess |",
        f"| LocalCluster, 1 worker, 4 partitions, from the files | {row['cluster_1']:.1f}"
        f" | {row['cluster_1'] / both:.2f}x of load + assess |",
        f"| LocalCluster, 2 workers, 8 partitions, from the files | {row['cluster_2']:.1f}"
        f" | {row['cluster_2'] / both:.2f}x of load + assess |",
    ]
    return "\n".join(lines)

"""undeclared_copying learned over the slot partitions: one process's report, its records never gathered."""

from __future__ import annotations

import pytest
from dask.delayed import delayed
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.dask
from factlog.analysis._discovery._learn import Local
from factlog.analysis._index import Index
from factlog.checks import _copying as copying
from factlog.checks import _copyshards as copyshards
from factlog.checks._copying import undeclared_copying
from factlog.checks._copyshards import concluded
from factlog.checks._findings import Finding
from factlog.checks._rules import DEFAULT_RULES
from factlog.dask._passes import Routing, check_partition, route, tables
from factlog.dask._sharded import computed
from factlog.dask._steps import Cluster
from factlog.render import render_json
from tests.helpers import echo_cluster
from tests.shards import StepsRun, copying_gathered


@settings(max_examples=8, derandomize=True, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 8), st.integers(1, 4))
def test_the_rule_over_partitions_reports_as_one_process(seed: int, partitions: int, copiers: int) -> None:
    """Echoed origins over 1–8 partitions: the rule fires, and the report's bytes are one process's, both ways.

    Learned over the partitions (a limit of 0 votes gathered) and on the driver (the votes gathered).
    """
    claims, _ = echo_cluster(seed=seed, questions=30, copiers=copiers, declared=False)
    rules = (undeclared_copying,)
    single = factlog.check(claims, rules)
    assert single.by_rule("undeclared_copying")
    for limit in (0, 10**9):
        with copying_gathered(limit):
            assert render_json(factlog.dask.check(claims, rules, partitions=partitions)) == render_json(single)


@pytest.mark.parametrize("limit", [0, 10**9], ids=["over-the-partitions", "gathered"])
def test_the_rule_on_a_local_cluster_reports_as_one_process(
    client: Client, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """Every rule, on two worker processes, the votes learned either way: the whole report is one process's."""
    monkeypatch.setattr(copyshards, "MAX_GATHERED_VOTES", limit)
    claims, _ = echo_cluster(seed=7, questions=30, copiers=3, declared=False)
    single = factlog.check(claims)
    assert len(single.by_rule("undeclared_copying")) >= 3
    assert render_json(factlog.dask.check(claims, client=client, partitions=4)) == render_json(single)


def _tasks(claims: factlog.ClaimSet, partitions: int) -> list[object]:
    small, _ = tables(claims)
    routed = route(small, claims, Routing(partitions, ("slot",)), validate=False)
    return [
        delayed(check_partition, pure=False)(small, "slot", n, partitions, DEFAULT_RULES, routed[0][n])
        for n in range(partitions)
    ]


def _names(found: object) -> list[str]:
    return [name for name, got in found.projected if got]  # type: ignore[attr-defined]


class _Logged(StepsRun, Cluster):
    """Shards on the cluster, the name of each step recorded."""


def _concluded(client: Client, claims: factlog.ClaimSet, limit: int) -> tuple[list[Finding], list[str]]:
    """The rule's findings learned over 3 partitions held on the cluster; the steps run on them."""
    results, runners = computed(
        client, lambda ts: list(client.gather(client.compute(ts))), _tasks(claims, 3), ["slot"] * 3, DEFAULT_RULES
    )
    assert [_names(found) for found in results] == [[], [], []]
    assert [found.dates for found in results] == [(), (), ()]  # type: ignore[union-attr]
    runner = runners["undeclared_copying"]
    assert isinstance(runner, Cluster)
    assert sum(len(records) for records, _ in client.gather(runner.states)) == len(claims.claims)
    logged = _Logged(client, runner.states)
    with copying_gathered(limit):
        found = list(concluded(Index.of(tables(claims)[0]), logged, {}))
    return found, logged.ran


def test_the_records_stay_in_the_partitions(client: Client) -> None:
    """What the driver gathers of a slot partition holds none of the rule's records: they stay as the run's shards.

    Learned over the partitions, no step returns votes; with the votes gathered, one does, and no round runs there.
    """
    claims, _ = echo_cluster(seed=7, questions=30, copiers=3, declared=False)
    single = list(undeclared_copying(Index.of(claims)))
    there, ran_there = _concluded(client, claims, 0)
    here, ran_here = _concluded(client, claims, 10**9)
    assert there == here == single
    assert len(single) >= 3
    assert "votes" not in ran_there
    assert "vote" in ran_there
    assert ran_here == ["screen", "keep", "votes", "sides"]
    results, runners = computed(
        None,
        lambda ts: [t.compute(scheduler="synchronous") for t in ts],
        _tasks(claims, 2),
        ["slot"] * 2,
        DEFAULT_RULES,
    )
    assert isinstance(runners["undeclared_copying"], Local)
    assert [_names(found) for found in results] == [[], []]


def test_a_run_stopped_at_its_limit_says_so_over_partitions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped at its limit of rounds, the findings over partitions end as one process's: "unsettled", both ways."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    monkeypatch.setattr(copying, "MAX_ROUNDS", 1)
    single = factlog.check(claims, (undeclared_copying,))
    assert all(f.message.endswith("limit of 1 round, unsettled") for f in single.findings)
    assert single.findings
    for limit in (0, 10**9):
        with copying_gathered(limit):
            assert render_json(factlog.dask.check(claims, (undeclared_copying,), partitions=3)) == render_json(single)

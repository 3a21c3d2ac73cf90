"""How a check concludes its ``whole`` rules from the ``slot`` partitions' projections; one over the partitions.

A ``whole`` rule with a projection is concluded by the driver from every partition's
records (:func:`projected`, :func:`concluded_here`), except one that learns over them.

``undeclared_copying`` reads every claim at once, but its AccuCopy splits by question
(:mod:`factlog.checks._copyshards`), and the ``slot`` pass keeps every claim of a
question in one partition. So each ``slot`` partition's records of the rule stay on
its worker as one shard of the run (a :class:`~factlog.dask._steps.Cluster`, or
in this process without a client): the driver holds per-party numbers and the pairs'
counts, not every claim's record, and gathers only the claims of the pairs it reports
(and, when few votes pass the rule's screen, those votes, to learn from in one process:
:data:`~factlog.checks._copyshards.MAX_GATHERED_VOTES`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from distributed import Client

from factlog.analysis._discovery._learn import Local, Runner
from factlog.analysis._index import Index
from factlog.checks._copying import copied_values
from factlog.checks._copyshards import Records, concluded
from factlog.checks._engine import run_rules
from factlog.checks._findings import Finding
from factlog.checks._groupings import reads_of
from factlog.checks._rules import Rule
from factlog.dask._passes import Found
from factlog.dask._reading import _Failed
from factlog.dask._steps import Cluster

__all__ = ["computed", "concluded_here", "concluding", "held", "projected"]


def _sharded(rules: Sequence[Rule]) -> list[str]:
    """The names of the rules concluded over the partitions."""
    return [getattr(rule, "__name__", repr(rule)) for rule in rules if reads_of(rule).conclude is copied_values]


def _records(found: Found | _Failed, name: str) -> Records:
    """The rule's records in a ``slot`` partition's result, and the dates of their claims (none for a failure)."""
    if isinstance(found, _Failed):
        return (), {}
    for rule, got in found.projected:
        if rule == name and not isinstance(got, BaseException):
            return [record for _, record in got], dict(found.dates)
    return (), {}


def _stripped(found: Found | _Failed, names: Sequence[str]) -> Found | _Failed:
    """A ``slot`` partition's result without the records of these rules (what their projections raised is kept)."""
    if isinstance(found, _Failed):
        return found
    projected = tuple(
        (rule, got if rule not in names or isinstance(got, BaseException) else ()) for rule, got in found.projected
    )
    others = any(not isinstance(got, BaseException) and got for _, got in projected)
    return attrs.evolve(found, projected=projected, dates=found.dates if others else ())


def held(
    results: list[Found | _Failed],
    kinds: Sequence[str],
    rules: Sequence[Rule],
    runner: Callable[[list[Records]], Runner] = Local,
) -> tuple[list[Found | _Failed], dict[str, Runner]]:
    """:func:`computed` of results in this process: per sharded rule, ``runner`` of its ``slot`` partitions' records."""
    names = _sharded(rules)
    slot = [i for i, kind in enumerate(kinds) if kind == "slot"]
    runners = {name: runner([_records(results[i], name) for i in slot]) for name in names}
    if runners:
        results = list(results)
        for i in slot:
            results[i] = _stripped(results[i], names)
    return results, runners


def computed(
    client: Client | None,
    compute: Callable[[list[Any]], list[Any]],
    tasks: list[Any],
    kinds: Sequence[str],
    rules: Sequence[Rule],
    *,
    say: Callable[[str], None] | None = None,
) -> tuple[list[Found | _Failed], dict[str, Runner]]:
    """The partitions' results, without the sharded rules' records; per such rule, a runner over its records.

    ``kinds``: each task's pass. With a client the records stay on the workers that
    made them; without one (the synchronous scheduler) they are held here. ``say``,
    if given, is told each round of a rule's learning as it begins.
    """
    names = _sharded(rules)
    slot = [i for i, kind in enumerate(kinds) if kind == "slot"]
    if not names or not slot:
        return compute(tasks), {}
    if client is None:
        return held(compute(tasks), kinds, rules)
    futures = client.compute(tasks)
    states = {name: [client.submit(_records, futures[i], name, pure=False) for i in slot] for name in names}
    wanted = list(futures)
    for i in slot:
        wanted[i] = client.submit(_stripped, futures[i], names, pure=False)
    del futures
    results = client.gather(wanted)
    del wanted
    if say is None:
        return results, {name: Cluster(client, mine) for name, mine in states.items()}
    return results, {name: Cluster(client, mine, say=say, label=f"{name}: learning") for name, mine in states.items()}


def concluding(runner: Runner, dates: dict[str, tuple[int, int] | None]) -> Callable[[Index, list[Any]], list[Finding]]:
    """A rule's ``conclude`` that learns over ``runner``'s partitions (no records: they stay there)."""

    def conclude(index: Index, records: list[Any]) -> list[Finding]:  # noqa: ARG001 - the records stay in the partitions
        return list(concluded(index, runner, dates))

    return conclude


def projected(name: str, results: list[Found]) -> tuple[list[Any], BaseException | None]:
    """A rule's records from every partition, in claim order; or the first error its projection raised.

    A rule learned over the partitions (:func:`computed`) has no records here: only its error, if any.
    """
    records: list[tuple[tuple[int, int], Any]] = []
    for found in results:
        for rule, got in found.projected:
            if rule != name:
                continue
            if isinstance(got, BaseException):
                return [], got
            records.extend(got)
    records.sort(key=lambda item: item[0])
    return [record for _, record in records], None


def concluded_here(
    rule: Rule, conclude: Any, index: Index, records: list[Any], failure: BaseException | None
) -> list[Finding]:
    """The rule's findings from ``conclude(index, records)``, run as the engine runs a rule (a raise: a failure)."""

    def whole(view: Index) -> Any:
        if failure is not None:
            raise failure
        return conclude(view, records)

    return run_rules(index, [functools.update_wrapper(whole, rule)])

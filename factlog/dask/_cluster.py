"""The driver: build the task graph of a distributed check or assessment and gather its answer.

The small tables go to the workers once, as a task's result; the claims stay where they
were read (each file is loaded by a worker; a set given in memory is unpacked on one,
:meth:`~factlog.dask._session._Session.put`) and move only in the shuffles of
:mod:`factlog.dask._passes`. What comes back is findings (or assessments),
the claims findings name, and counts; the engine's own :func:`~factlog.checks._engine.finish`
marks acknowledgements and puts the findings in the single process's order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from dask.delayed import delayed
from distributed import Client

from factlog.analysis._discovery._learn import Runner
from factlog.analysis._index import Index
from factlog.checks._engine import Report, finish, rule_names
from factlog.checks._findings import Finding
from factlog.checks._groupings import reads_of
from factlog.checks._rules import DEFAULT_RULES, Rule
from factlog.dask._passes import (
    Found,
    Routing,
    answered_ids,
    check_partition,
    passes_of,
    pick,
    regarding_keys,
    regarding_wants,
    route,
    tables,
)
from factlog.dask._reading import _as_plain, _expect_source, _Failed, _load_file, _loaded, _paths, _tables
from factlog.dask._session import _Session, _session, local_client
from factlog.dask._sharded import computed, concluded_here, concluding, projected
from factlog.errors import ConflictError, FormatError
from factlog.io._arguments import expect_progress
from factlog.io._files import claim_files
from factlog.io._places import place_acknowledgements
from factlog.io._recordplaces import relabelled
from factlog.model._claimset import ClaimSet, merge_all
from factlog.model._nouns import Claim

__all__ = ["ClaimsOrPaths", "check", "local_client"]

ClaimsOrPaths = ClaimSet | str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
"""A claim set in memory, or claim files and folders (read by the workers, one task a file)."""


@attrs.frozen
class _Rules:
    """The rules, wrapped: a bare tuple of functions would read to Dask as a task."""

    rules: tuple[Rule, ...]


def _inputs(session: _Session, source: ClaimsOrPaths, partitions: int) -> tuple[ClaimSet, list[Any], int, bool]:
    """The small tables, one task argument per part of the claims, the claim count, and whether to validate."""
    if isinstance(source, ClaimSet):
        claims = source.claims
        # One part a worker (each part routes to every partition, so the graph grows as parts x partitions).
        workers = 1 if session.client is None else len(session.client.scheduler_info()["workers"])
        size = -(-len(claims) // max(1, min(partitions, workers, len(claims)))) or 1
        parts = [ClaimSet(claims=claims[start : start + size]) for start in range(0, len(claims), size)]
        return tables(source)[0], [session.put(part) for part in parts], len(claims), False
    paths, files = _paths(source)
    session.stages.begin(f"reading {len(files):,} {'file' if len(files) == 1 else 'files'}")
    if session.client is None:
        loaded = [_load_file(file) for file in files]
        shapes = _loaded(paths, [_tables(part) for part in loaded])
        inputs: list[Any] = [session.put(part) for part in loaded]
    else:
        inputs = session.client.map(_load_file, files, pure=False)
        shapes = _loaded(paths, session.client.gather(session.client.map(_tables, inputs)))
    if isinstance(shapes, ClaimSet):  # words in some file: read whole here, checked as a set in memory
        return _inputs(session, shapes, partitions)
    # Each file named as given, as factlog.load names it (the workers read it at its absolute path).
    labelled = [
        (str(file), relabelled(shape[0], str(Path(read)), str(file)))
        for file, read, shape in zip(claim_files(paths), files, shapes, strict=True)
    ]
    try:
        small = merge_all(labelled)
    except ConflictError:
        _as_plain(paths)  # one process lists the claims' conflicts too
        raise
    # Stale acknowledgements named by file and place, as factlog.load names them.
    return place_acknowledgements(small, labelled), inputs, sum(shape[1] for shape in shapes), True


def _merged(found: Sequence[dict[Any, frozenset[int]]]) -> dict[Any, frozenset[int]]:
    merged: dict[Any, frozenset[int]] = {}
    for part in found:
        for key, numbers in part.items():
            merged[key] = merged.get(key, frozenset()) | numbers
    return merged


def _routing(session: _Session, small_ref: Any, parts: list[Any], count: int, passes: tuple[str, ...]) -> Routing:
    """The routing of the passes: small rounds first find the claims ``answers`` and ``regarding`` bring together."""
    answered: frozenset[str] = frozenset()
    if "answers" in passes:
        answered = frozenset().union(*session.compute([delayed(answered_ids, pure=False)(part) for part in parts]))
    if "regarding" not in passes:
        return Routing(count, passes, answered=answered)
    wanted = _merged(session.compute([delayed(regarding_wants, pure=False)(part, count) for part in parts]))
    if not wanted:
        return Routing(count, tuple(kind for kind in passes if kind != "regarding"), answered=answered)
    wanted_ref = session.put(wanted, broadcast=True)
    keys = _merged(session.compute([delayed(regarding_keys, pure=False)(small_ref, p, wanted_ref) for p in parts]))
    return Routing(count, passes, wanted, keys, answered)


def check(
    claims_or_paths: ClaimsOrPaths,
    rules: Sequence[Rule] = DEFAULT_RULES,
    *,
    stale: bool = True,
    client: Client | str | None = None,
    partitions: int | None = None,
    timeout: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """:func:`factlog.check` on a Dask cluster: the same findings in the same order.

    ``client`` is a ``distributed.Client``, a scheduler address (``tcp://host:8786``,
    connected for this call), or None for Dask's synchronous scheduler in this process.
    ``partitions`` (default: twice the workers, or 1 without a client) is how many parts
    each pass splits the claims into: one pass for each grouping the rules declare
    (see :mod:`factlog.dask._passes`); a rule that declares none runs on every claim
    in one task. Files are read by the workers, so they must be at the same paths there
    (shared storage). The report's ``claims`` holds the small tables and only the claims
    findings name; ``Report.claim_count`` counts them all. Raises what
    :func:`factlog.load` raises for the files, the same problems in the same order (a
    claim repeated identically is merged, as there), found again by reading the files
    in this process when a worker finds one. ``partitions`` is capped at the claim count.
    Relative paths are made absolute for the workers; the report names each file as
    given, as :func:`factlog.load` does (a stale acknowledgement's place). ``timeout``
    (seconds; default ``FACTLOG_DASK_TIMEOUT``, else 30) bounds connecting to ``client``
    and waiting for its first worker. Raises :class:`~factlog.errors.ArgumentError` for an
    empty path or an empty iterable of paths (as :func:`factlog.load` refuses them), a
    malformed address or ``partitions`` that is no whole number of at least 1 (a numpy
    integer is one), and :class:`~factlog.errors.ClusterError` for a scheduler that cannot be
    reached or has no workers, or whose workers die (see ``docs/scale.md``: a lost worker's
    work is done again where it can be). ``progress``, if given, is called with each stage
    in words as it starts (``"running 4 passes over 8 partitions"``); a ``client`` that is
    none of the three is an :class:`~factlog.ArgumentTypeError` (a :class:`TypeError`).
    """
    rules = tuple(rules)
    claims_or_paths = _expect_source(claims_or_paths, "factlog.dask.check")  # before a cluster is reached
    say = expect_progress(progress, "factlog.dask.check")
    with _session(client, timeout, "check", say) as session:
        count = session.partitions(partitions, "factlog.dask.check")
        found = session.surviving(lambda: _checked(session, claims_or_paths, rules, count), "check")
    small, findings, first, cited, checked = found
    session.stages.begin("putting the findings in order")
    ordered = finish(Index.of(small), findings, rules, stale=stale, first=first)
    named = attrs.evolve(small, claims=tuple(cited[claim] for claim in sorted(cited)))
    return Report(ordered, named, checked=checked, rules=rule_names(rules))


_Checked = tuple[ClaimSet, list[Finding], list[tuple[int, int]], dict[str, Claim], int]


def _checked(session: _Session, claims_or_paths: ClaimsOrPaths, rules: tuple[Rule, ...], count: int) -> _Checked:
    """:func:`_check_on`; what is wrong with the files found again in this process, and raised."""
    found = _check_on(session, claims_or_paths, rules, count)
    if isinstance(found, _Failed) and not isinstance(claims_or_paths, ClaimSet):
        found = _check_on(session, _as_plain(_paths(claims_or_paths)[0]), rules, count)
    if isinstance(found, _Failed):  # pragma: no cover - a merged set in memory is not checked for ids again
        raise found.error
    return found


def _check_on(
    session: _Session, claims_or_paths: ClaimsOrPaths, rules: tuple[Rule, ...], count: int
) -> _Checked | _Failed:
    """The findings of the partitions (unordered), their dates, the claims they name, and the claim count."""
    small, parts, checked, validate = _inputs(session, claims_or_paths, count)
    count = min(count, max(1, checked))  # more partitions than claims would all be empty
    small_ref = session.put(small, broadcast=True)
    wrapped = session.put(_Rules(rules), broadcast=True)
    session.stages.begin(f"routing {checked:,} claims to {count:,} partitions")
    routing = _routing(session, small_ref, parts, count, passes_of(rules, validate=validate))
    passes = routing.passes
    session.stages.begin(
        f"running {len(passes)} {'pass' if len(passes) == 1 else 'passes'} ({', '.join(passes)})"
        f" over {count:,} {'partition' if count == 1 else 'partitions'}"
    )
    routing_ref = session.put(routing, broadcast=True)
    routes = [
        delayed(_route, nout=len(passes), pure=False)(small_ref, part, routing_ref, validate=validate) for part in parts
    ]
    sizes = [1 if kind == "whole" else count for kind in passes]
    tasks = [
        delayed(_check_partition, pure=False)(
            small_ref, kind, number, count, wrapped, *[routed[k][number] for routed in routes], validate=validate
        )
        for k, kind in enumerate(passes)
        for number in range(sizes[k])
    ]
    kinds = [kind for k, kind in enumerate(passes) for _ in range(sizes[k])]
    results, sharded = computed(session.client, session.compute, tasks, kinds, rules, say=session.stages.begin)
    failed = next((result for result in results if isinstance(result, _Failed)), None)
    if failed is not None:
        return failed
    concluded = [getattr(rule, "__name__", repr(rule)) for rule in rules if reads_of(rule).conclude is not None]
    if concluded:
        session.stages.begin(f"concluding {', '.join(concluded)} from the partitions")
    findings, first, cited = _gathered(small, rules, results, sharded)  # type: ignore[arg-type]
    missing = frozenset(c for finding in findings for c in finding.claim_ids if c not in cited)
    if missing:  # named by a rule concluded here, from the projections: fetched where they lie
        session.stages.begin(f"fetching {len(missing):,} claims the findings name")
        picked = session.compute([delayed(pick, pure=False)(part, missing) for part in parts])
        cited.update((claim.id, claim) for found in picked for claim in found)
    return small, findings, first, cited, checked


def _route(small: ClaimSet, part: ClaimSet, routing: Routing, *, validate: bool) -> list[Any]:
    """:func:`route`, or in every bucket the unknown ids it found."""
    try:
        return route(small, part, routing, validate=validate)
    except FormatError as error:
        failed = _Failed(error)
        return [[failed] * (1 if kind == "whole" else routing.partitions) for kind in routing.passes]


def _gathered(
    small: ClaimSet, rules: tuple[Rule, ...], results: list[Found], sharded: dict[str, Runner]
) -> tuple[list[Finding], list[tuple[int, int]], dict[str, Claim]]:
    """The partitions' findings, each once, with their first dates; the ``whole`` rules concluded from projections.

    A rule in ``sharded`` is concluded over the partitions its records stay in (:mod:`._sharded`).
    """
    findings: list[Finding] = []
    first: list[tuple[int, int]] = []
    seen: set[str] = set()
    cited: dict[str, Claim] = {}

    def keep(finding: Finding, date: tuple[int, int]) -> None:
        # A rule failing in several partitions: the single process reports it once.
        if finding.id not in seen:
            seen.add(finding.id)
            findings.append(finding)
            first.append(date)

    for found in results:
        for finding, date in found.findings:
            keep(finding, date)
        cited.update((claim.id, claim) for claim in found.cited)
    dates = {claim: date for found in results for claim, date in found.dates}
    index = Index.of(small)
    for rule in rules:
        declared = reads_of(rule)
        if declared.conclude is None:
            continue
        name = getattr(rule, "__name__", repr(rule))
        records, failure = projected(name, results)
        conclude = concluding(sharded[name], dates) if name in sharded else declared.conclude
        for finding in concluded_here(rule, conclude, index, records, failure):
            known = [date for date in (dates.get(c) for c in finding.claim_ids) if date is not None]
            keep(finding, min(known, default=(0, 0)))
    return findings, first, cited


def _check_partition(
    small: ClaimSet, kind: str, number: int, count: int, rules: _Rules, *buckets: Any, validate: bool
) -> Found | _Failed:
    """:func:`check_partition`; or what is wrong with the input, returned; nothing for a partition with no claims."""
    failed = next((bucket for bucket in buckets if isinstance(bucket, _Failed)), None)
    if failed is not None:
        return failed
    if kind not in ("source", "whole") and not any(buckets):
        return Found((), ())  # no claims, so no groups: no rule finds anything here
    try:
        return check_partition(small, kind, number, count, rules.rules, *buckets, validate=validate)
    except FormatError as error:
        return _Failed(error)

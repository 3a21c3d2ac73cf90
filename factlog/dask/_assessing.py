"""The driver of a distributed assessment: partitions' questions, learning in rounds, the propositions spooled.

Claims are routed by slot as for a check (:mod:`factlog.dask._cluster`); ``majority``
weighs each partition on its own, the learning methods run in rounds
(:mod:`factlog.dask._learning`). Each partition's assessments come back pickled and are
spooled a partition at a time into the result's temporary file.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs
from dask.delayed import delayed
from distributed import Client

from factlog.analysis._dependence import Groups, merged
from factlog.analysis._discovery import MAX_PAIRS, MAX_ROUNDS
from factlog.assessment._assessment import arguments
from factlog.assessment._canonical import canonical
from factlog.assessment._methods import DEFAULT_METHOD, EXTRAPOLATE
from factlog.assessment._spooled import LinesAssessment
from factlog.assessment._spooling import Pickled, Spooler, pickled
from factlog.dask._cluster import ClaimsOrPaths, _inputs
from factlog.dask._learning import assessed_in_rounds, gathered, prepare
from factlog.dask._passes import Routing, assess_partition, dependence_partition, route
from factlog.dask._reading import _as_plain, _expect_source, _paths
from factlog.dask._session import _Session, _session
from factlog.errors import ConflictError
from factlog.io._arguments import expect_progress
from factlog.model._claimset import ClaimSet
from factlog.model._dates import PartialDate
from factlog.model._vocabulary import Vocabulary

__all__ = ["assess"]


def assess(
    claims_or_paths: ClaimsOrPaths,
    *,
    as_of: PartialDate | datetime.date | str | None = None,
    method: str = DEFAULT_METHOD,
    client: Client | str | None = None,
    partitions: int | None = None,
    timeout: float | None = None,
    explain: bool = True,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
    progress: Callable[[str], None] | None = None,
) -> LinesAssessment:
    """:func:`factlog.assess` on a Dask cluster: the same assessments, sources and dependences, to the last bit.

    Claims are split by slot (one shuffle); each partition builds its own questions.
    ``majority`` weighs each on its own; the learning methods (``accucopy``, the
    default as for :func:`factlog.assess`, ``accuvote``, ``truthfinder``) run in
    rounds: the source accuracies go to every worker, each partition returns exact
    per-source (and, for AccuCopy, per-pair) sums, the driver reduces them and tests
    convergence as one process does (see ``docs/scale.md``). The result is a
    :class:`~factlog.LinesAssessment`, as :func:`factlog.assess_lines` gives: it equals
    :func:`factlog.assess`'s :class:`~factlog.Assessment` and renders to the same JSON,
    but its propositions stay in a temporary file, each partition's pickled where it was
    made and gathered one partition at a time, so that the driver never holds them all
    (:func:`~factlog.write_assessment_json` writes it a proposition at a time).
    ``client``,
    ``partitions`` (capped at the claim count) and ``timeout`` are as for :func:`check`;
    ``as_of`` (a date string, a :class:`PartialDate` or a :class:`datetime.date`),
    ``explain``, ``max_pairs``, ``max_rounds`` and ``extrapolate`` as for
    :func:`factlog.assess` (the budget is the whole run's: every partition leaves out
    the same values; the rounds stop together, at the round one process stops at, and
    jump where it jumps). Files are read as :func:`check` reads them (a claim repeated
    identically is merged, as :func:`factlog.load` merges it). Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`)
    for an unknown method, paths or ``partitions`` :func:`check` refuses, or an ``as_of``,
    ``explain``, ``max_pairs``, ``max_rounds`` or ``extrapolate`` :func:`factlog.assess`
    refuses, :class:`~factlog.DateError` for an ``as_of`` string that is no date, and
    :class:`~factlog.InputError` when the temporary file of the propositions cannot be
    made or written (a full disk: set ``TMPDIR``).
    ``progress`` is as for :func:`check` (each learning round is a stage), and so are
    the :class:`~factlog.ClusterError` of a cluster whose workers die and the
    :class:`~factlog.ArgumentTypeError` of a ``client`` of another type.
    """
    when = arguments(
        as_of, method, explain, max_pairs, "factlog.dask.assess", max_rounds=max_rounds, extrapolate=extrapolate
    )
    options = _Options(explain, max_pairs, max_rounds, extrapolate)
    claims_or_paths = _expect_source(claims_or_paths, "factlog.dask.assess")  # before a cluster is reached
    say = expect_progress(progress, "factlog.dask.assess")
    with _session(client, timeout, "assess", say) as session:
        count = session.partitions(partitions, "factlog.dask.assess")

        def run() -> LinesAssessment:
            try:
                return _assess_on(session, claims_or_paths, when, method, count, options=options)
            except ConflictError:  # a claim in two files: factlog.load merges it when both are the same
                if isinstance(claims_or_paths, ClaimSet):
                    raise
                paths = _as_plain(_paths(claims_or_paths)[0])
                return _assess_on(session, paths, when, method, count, options=options)

        return session.surviving(run, "assessment")


class _Options(NamedTuple):
    explain: bool
    max_pairs: int | None
    max_rounds: int
    extrapolate: bool


def _assess_on(
    session: _Session, source: ClaimsOrPaths, when: PartialDate | None, method: str, count: int, *, options: _Options
) -> LinesAssessment:
    """:func:`assess` in ``session`` over ``count`` partitions; raises :class:`ConflictError` for a claim id twice."""
    explain, max_pairs, max_rounds, extrapolate = options
    small, parts, claimed, validate = _inputs(session, source, count)
    count = min(count, max(1, claimed))  # more partitions than claims would all be empty, as in check
    # Tables by id, as one process assesses them: a name two entities share resolves, and routes, alike.
    small_ref = session.put(canonical(small), broadcast=True)
    routing = session.put(Routing(count, ("slot",)), broadcast=True)
    routes = [delayed(route, nout=1, pure=False)(small_ref, part, routing, validate=validate) for part in parts]
    # Sources copying one another are found over every partition before any origin is counted.
    session.stages.begin(f"finding the sources that copy in {count:,} {'partition' if count == 1 else 'partitions'}")
    found = [
        delayed(dependence_partition, pure=False)(
            small_ref, when, number, count, *[routed[0][number] for routed in routes]
        )
        for number in range(count)
    ]
    dependent = merged(session.compute(found))
    session.stages.begin(f"preparing the questions of {count:,} {'partition' if count == 1 else 'partitions'}")
    if method != "majority":
        tasks = _per_partition(
            prepare, small_ref, when, method, count=count, routes=routes, explain=explain, dependent=dependent
        )
        on = (session.client, session.compute, tasks, method, when)
        done = assessed_in_rounds(
            *on,
            claim_count=claimed,
            explain=explain,
            max_pairs=max_pairs,
            max_rounds=max_rounds,
            extrapolate=extrapolate,
            say=session.stages.begin,
        )
        name = Vocabulary.of(small).name  # the sources' names, for the line of what was learned
        return attrs.evolve(done, sources=tuple(trust.named(name) for trust in done.sources))
    # majority: one round, as in one process; each partition's assessments pickled where they are made
    tasks = _per_partition(
        _majority_partition, small_ref, when, method, count=count, routes=routes, explain=explain, dependent=dependent
    )
    spooler = Spooler("factlog.dask.assess")
    try:
        if session.client is None:
            for part in session.compute(tasks):
                spooler.extend(part)
        else:
            gathered(session.client.compute(tasks), spooler)
        spooled = spooler.spooled()
    except BaseException:
        spooler.close()
        raise
    return LinesAssessment(
        spooled, method, when, rounds=1, max_rounds=max_rounds, extrapolated=extrapolate, claim_count=claimed
    )


def _per_partition(
    task: Callable[..., Any],
    small_ref: Any,
    when: PartialDate | None,
    method: str,
    *,
    count: int,
    routes: list[Any],
    explain: bool,
    dependent: Groups,
) -> list[Any]:
    """A delayed ``task`` for each of ``count`` partitions, given its number and its bucket of every route."""
    return [
        delayed(task, pure=False)(
            small_ref,
            when,
            method,
            number,
            count,
            *[routed[0][number] for routed in routes],
            explain=explain,
            dependent=dependent,
        )
        for number in range(count)
    ]


def _majority_partition(
    small: ClaimSet,
    as_of: PartialDate | None,
    method: str,
    number: int,
    partitions: int,
    *buckets: Any,
    explain: bool,
    dependent: Groups,
) -> Pickled:
    """:func:`assess_partition`, pickled with each assessment's sort key (partition ``number``)."""
    found = assess_partition(small, as_of, method, number, partitions, *buckets, explain=explain, dependent=dependent)
    return pickled(found, number)

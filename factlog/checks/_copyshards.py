"""``undeclared_copying`` concluded over parts split by question: its AccuCopy learned where the records lie.

One process gathers every claim's :func:`~._copying.copy_votes` record and runs
AccuCopy on them all. Split by question (every record of a question in one part, as
the ``slot`` pass of a distributed check keeps them), the parts are the shards of the
sharded driver (:func:`~factlog.analysis._discovery._learn.learn`): each part screens
its own values (:func:`screen`), the driver adds up the values each pair of parties
shares in every part and tells each part which of its pairs share
:data:`~._copying.MIN_SHARED_VALUES` in all (:func:`keep`), the parts keep those
pairs' questions' votes, and the rounds run over them with the single process's
floats. The driver holds per-party numbers and the pairs' counts, not the records;
only the claims of the reported pairs come back (:func:`sides`). When few votes pass
the screen (:data:`MAX_GATHERED_VOTES`), the rounds' round trips would cost more than
the learning: the driver gathers the parts' votes (:func:`votes`) and learns from them
in one process instead. The findings, their wording and order, are those of one
process either way (``tests/dask/test_copyshards.py``).

Every step is ``step(state, *arguments) -> (new state, result)``, a
:class:`~factlog.analysis._discovery._learn.Runner`'s, so a Dask worker may hold the
part between steps.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from factlog.analysis._discovery import Discovery, Vote
from factlog.analysis._discovery._learn import Learned, Runner, learn
from factlog.analysis._discovery._shard import OrderKey, Part
from factlog.analysis._index import Index
from factlog.checks._copying import (
    MIN_PROBABILITY,
    MIN_SHARED_VALUES,
    Copy,
    _claims,
    _shared,
    learned,
    parameters,
    reported,
    screened,
    weighed,
)
from factlog.checks._findings import Finding

__all__ = ["MAX_GATHERED_VOTES", "Held", "Records", "Sides", "concluded", "keep", "screen", "sides", "votes"]

Records = tuple[Sequence[Copy], Mapping[str, tuple[int, int] | None]]
"""A part's records, in claim order, and the ``stated`` sort key of each claim they come from."""

Counted = tuple[tuple[str, ...], "array[int]", "array[int]", "array[int]"]
"""A part's parties, sorted, and per pair of them sharing a value here: the two (numbers in that list, the first
lower) and how many values the two share here."""

Sides = tuple[tuple[list[str], list[str]], ...]
"""Per pair asked for, the ids of the claims giving the values the two share here: the copier's, the original's."""


MAX_GATHERED_VOTES = 50_000
"""At most this many votes passing the screen over every part are gathered and learned in one process.

Up to it the rounds' round trips to the parts cost more than the AccuCopy they spread,
so the driver takes the parts' votes (:func:`votes`) and runs :func:`~._copying.learned`
on them, the single process's run on the same votes (the same floats, the same
findings); above it the rounds run over the parts and no vote leaves them. Measured
(``benchmarks/RESULTS.md``, "`undeclared_copying` gathered when few votes pass the
screen"): one process's AccuCopy costs 3.2–4.0 CPU µs a vote a round (1,139, 4,538 and
20,617 votes at 100,000, 300,000 and 1,000,000 generated claims), and a step over 16
partitions of a two-worker ``LocalCluster`` about 85 ms, two or three steps a round:
at 50,000 votes one process's round costs about what the round trips alone cost over 16
partitions, however many workers share the work. The learning's traced peak is about
0.6 KiB a vote (11.7 MiB at 20,617), so about 30 MiB here at the limit.
"""


@attrs.define
class Held:
    """A part's records by value: (question, answer, party) → its claims' ids; the screen's, until :func:`keep`."""

    claims: dict[tuple[str, str, str], list[str]]
    dates: Mapping[str, tuple[int, int] | None]
    providers: dict[tuple[str, str], set[str]] | None = None
    together: dict[tuple[str, str], list[str]] | None = None


def screen(records: Records) -> tuple[Held, Counted]:
    """The part's values and pairs (:func:`~._copying.screened`); per pair, the values the two share here."""
    found, dates = records
    claims = _claims(list(found))
    providers, together = screened(claims)
    parties = tuple(sorted({party for _, _, party in claims}))
    number = {party: i for i, party in enumerate(parties)}
    first, second, counts = array("i"), array("i"), array("i")
    for (a, b), questions in together.items():
        first.append(number[a])
        second.append(number[b])
        counts.append(len(questions))
    return Held(claims, dates, providers, together), (parties, first, second, counts)


def keep(held: Held, priors: Mapping[str, float | None], flags: bytes) -> tuple[tuple[Held, Part], int]:
    """The part's votes on the questions of its pairs flagged (those sharing enough values over every part); how many.

    ``flags``: per pair of :func:`screen`'s, in its order, 1 when kept; ``priors``: every
    party's prior accuracy, or None. Each question's place in the run is its own text:
    one process's :class:`~factlog.analysis._discovery._index.ValueIndex` sorts them so.
    """
    assert held.providers is not None
    assert held.together is not None
    questions = {
        question
        for questions, kept in zip(held.together.values(), flags, strict=True)
        if kept
        for question in questions
    }
    votes = weighed(held.claims, held.providers, questions)
    graded = {
        party: frozenset(() if prior is None else (prior,))
        for party in {vote.source for vote in votes}
        for prior in (priors[party],)
    }
    order: dict[str, OrderKey] = {question: (0, question, 0, 0) for question in questions}
    return (Held(held.claims, held.dates), Part(tuple(votes), graded, {}, order)), len(votes)


def votes(state: tuple[Held, Part]) -> tuple[tuple[Held, Part], tuple[Vote, ...]]:
    """The part's votes kept by :func:`keep`, for the driver to learn from (:data:`MAX_GATHERED_VOTES` in all)."""
    return state, state[1].votes


def sides(
    state: tuple[Held, Any], pairs: Sequence[tuple[str, str]]
) -> tuple[tuple[Held, Any], tuple[Sides, dict[str, tuple[int, int] | None]]]:
    """Per (copier, original), the ids of the claims here giving the values both give; the dates of those claims."""
    held = state[0]
    given: dict[str, list[tuple[str, str]]] = {}
    for question, answer, party in held.claims:
        given.setdefault(party, []).append((question, answer))
    found = []
    dates: dict[str, tuple[int, int] | None] = {}
    kept: dict[str, set[tuple[str, str]]] = {}
    for copier, original in pairs:
        mine: tuple[list[str], list[str]] = ([], [])
        for question, answer in _shared(given, copier, original, kept):
            mine[0].extend(held.claims[(question, answer, copier)])
            mine[1].extend(held.claims[(question, answer, original)])
        for claim in (*mine[0], *mine[1]):
            dates[claim] = held.dates.get(claim)
        found.append(mine)
    return state, (tuple(found), dates)


def _second(step: Callable[..., tuple[Any, Any]], state: tuple[Held, Any], *arguments: Any) -> tuple[Any, Any]:
    """``step`` on the learning state beside the held records."""
    done, result = step(state[1], *arguments)
    return (state[0], done), result


class _Beside:
    """A runner whose states are (held records, learning state): the learning steps see the second."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner

    def share(self, value: Any) -> Any:
        return self.runner.share(value)

    def each(self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        return self.runner.each(functools.partial(_second, step), *shared, own=own)

    def arriving(
        self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None
    ) -> Iterator[tuple[int, Any]]:
        return self.runner.arriving(functools.partial(_second, step), *shared, own=own)


def _flags(counted: Sequence[Counted]) -> tuple[tuple[str, ...], list[bytes]]:
    """Every party, sorted; per part, per pair of its (in its order), 1 when the pair shares enough over every part."""
    parties = tuple(sorted({party for names, _, _, _ in counted for party in names}))
    number = {party: i for i, party in enumerate(parties)}
    size = len(parties)
    totals: dict[int, int] = {}
    keys = []
    for names, first, second, counts in counted:
        here = [number[name] for name in names]
        mine = array("q", (here[a] * size + here[b] for a, b in zip(first, second, strict=True)))
        for key, count in zip(mine, counts, strict=True):
            totals[key] = totals.get(key, 0) + count
        keys.append(mine)
    return parties, [bytes(totals[key] >= MIN_SHARED_VALUES for key in mine) for mine in keys]


def concluded(index: Index, runner: Runner, dates: dict[str, tuple[int, int] | None]) -> Iterator[Finding]:
    """:func:`~._copying.undeclared_copying`'s findings from parts split by question, each a runner's state.

    ``runner``'s states are :data:`Records` to start with (they end as (records,
    shard), or (records, part) when the votes were gathered: at most
    :data:`MAX_GATHERED_VOTES`); ``index``: the small tables (names, priors). ``dates``
    is filled with the ``stated`` sort key of each claim a finding names. Raises what
    one process raises for a prior out of (0, 1) (:class:`ValueError`).
    """
    parties, flags = _flags(runner.each(screen))
    if not any(any(mine) for mine in flags):
        return
    priors = {}
    for party in parties:
        entity = index.entity(party)
        priors[party] = None if entity is None else entity.reliability.prior
    kept = sum(runner.each(keep, runner.share(priors), own=flags))
    del flags
    found: Learned | Discovery
    if kept <= MAX_GATHERED_VOTES:  # the module's, read now: a test may set it
        found = learned(index, [vote for mine in runner.each(votes) for vote in mine])
    else:
        rounds, pairs = parameters()
        found = learn(_Beside(runner), "accucopy", params=rounds, copy=pairs)
    wanted = [
        (pair.copier, pair.original)
        for pair in found.dependences
        if not pair.declared
        and pair.probability >= MIN_PROBABILITY
        and max(pair.unique_values, pair.false_values) >= MIN_SHARED_VALUES
    ]
    claims: dict[tuple[str, str], tuple[list[str], list[str]]] = {pair: ([], []) for pair in wanted}
    for mine, known in runner.each(sides, runner.share(wanted)):
        dates.update(known)
        for pair, (theirs, ours) in zip(wanted, mine, strict=True):
            claims[pair][0].extend(theirs)
            claims[pair][1].extend(ours)
    yield from reported(
        index, found.dependences, found.rounds, found.converged, lambda copier, original: claims[(copier, original)]
    )

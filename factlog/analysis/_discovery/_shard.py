"""One shard of a truth-discovery run: the votes of some questions, and what each round computes on them.

A run is split by question: every vote of a question lies in one shard. What a round
computes on a value (C(v), P(v), TruthFinder's s*(f)) needs only its own question's
votes and what the driver (:mod:`._learn`) broadcasts: the sources' accuracies and,
for AccuCopy, the independence factors of the pairs that give the value. The shard
runs the single process's own functions (:func:`._accu._plan`, :func:`._accu._counts`,
:func:`._accu._probabilities`, :func:`._truthfinder.confidences`) on its index, whose
sources are numbered as in the whole run. What crosses questions is summed by the
driver: per source the exact :func:`~._exact.partials` of its weighted scores (the
single process sums them with ``math.fsum``, which any split reproduces), and per pair
of sources the log-likelihoods of :class:`~._copying.Dependences`, which the single
process adds one by one in value order: a pair whose shared values all lie here is
summed, weighed and reported here (:mod:`._shardpairs`), the terms of any other go to
the driver, which adds them in the whole run's value order (:attr:`Part.order` places
every question in it) and sends back its factor. Extrapolated (:mod:`._extrapolate`),
a shard keeps its values' steps, returns the partials of their dot products with each
round, and makes the jumps the driver decides (:func:`leap`, :func:`take`,
:func:`undo`): per question, which never crosses shards.
Every step is ``step(state, *arguments) -> (new state, result)``, so that a Dask
worker may hold the state between rounds.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from operator import sub

import attrs

from factlog.analysis._discovery._accu import Plan, _counts, _probabilities
from factlog.analysis._discovery._copying import false_values
from factlog.analysis._discovery._exact import partials
from factlog.analysis._discovery._extrapolate import Moved, jumped, leads_change, moved
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import PairTable
from factlog.analysis._discovery._results import AccuCopyParams, AccuVoteParams, QuestionResult, TruthFinderParams, Vote
from factlog.analysis._discovery._truthfinder import confidences, shares

__all__ = [
    "Bound",
    "Config",
    "Part",
    "Shard",
    "Sums",
    "bind",
    "confide",
    "finish",
    "leap",
    "survey",
    "take",
    "undo",
    "vote",
]

OrderKey = tuple[int, str, int, int]
"""Where a question stands in the whole run's order: compared as tuples, never equal for two questions."""

Sums = tuple[tuple[int, tuple[float, ...]], ...]
"""(source id, partials of its weighted scores here) for every source with an informative vote here."""


@attrs.frozen
class Part:
    """What one shard starts from: its votes (every vote of their questions), grades and domains.

    ``graded``: speaker → the priors of its holders' grades here (none: no prior); ``domains``: question
    → n; ``order``: question → its :data:`OrderKey` in the whole run.
    """

    votes: tuple[Vote, ...]
    graded: Mapping[str, frozenset[float]]
    domains: Mapping[str, float]
    order: Mapping[str, OrderKey]


@attrs.frozen
class Config:
    """What every shard is told: the method, its parameters, the run's sources and their vote order."""

    method: str
    sources: tuple[str, ...]
    params: AccuVoteParams
    copy: AccuCopyParams | None = None
    truth: TruthFinderParams | None = None
    rank: tuple[int, ...] = ()
    alone: bool = False
    """One shard: its sums are the whole sums (``math.fsum``), no partials needed."""
    limit: int | None = None
    """The most providers of a value copy detection uses (:func:`~._pairs.provider_limit` of the whole run)."""

    def summed(self, terms: Sequence[float]) -> tuple[float, ...]:
        """The terms as the driver joins them: :func:`~._exact.partials`, or their ``fsum`` for a lone shard."""
        return (math.fsum(terms),) if self.alone else partials(terms)

    def summed_all(self, terms: Iterable[float]) -> tuple[float, ...]:
        """:meth:`summed` of terms given one at a time."""
        return (math.fsum(terms),) if self.alone else partials(list(terms))


@attrs.frozen
class Shard:
    """A shard's index (the run's source numbers), its pairs and plan, and its current numbers."""

    index: ValueIndex
    order: tuple[OrderKey, ...]
    log_n: tuple[float, ...]
    unprovided: tuple[float, ...]
    pairs: PairTable | None = None
    """The pairs of sources sharing a value here that copy detection uses (AccuCopy only), in (a, b) order."""
    split: bytes = b""
    """Per pair: 1 when it shares values in other shards too (its terms go to the driver)."""
    split_at: array[int] = attrs.field(factory=lambda: array("i"))
    """The split pairs' positions, ascending."""
    common: array[int] = attrs.field(factory=lambda: array("i"))
    """Per pair, the questions of the whole run both answer."""
    agreeing: array[int] = attrs.field(factory=lambda: array("i"))
    """Per pair, the questions of the whole run on which both give an identical value."""
    factor: array[float] = attrs.field(factory=lambda: array("d"))
    """Per pair, its independence factor this round (a split pair's from the driver)."""
    posteriors: tuple[array[float], array[float], array[float]] = attrs.field(
        factory=lambda: (array("d"), array("d"), array("d"))
    )
    """Per pair held here alone, Pr(dependent), Pr(a copies b), Pr(b copies a) this round (0.0 for a split pair)."""
    plan: Plan = attrs.field(factory=Plan)
    probabilities: Sequence[float] = ()
    scores: Sequence[float] = ()
    results: Mapping[str, QuestionResult] = attrs.field(factory=dict)
    step: Sequence[float] = ()
    """Extrapolated: this round's step, P(v) less the round's start (:mod:`._extrapolate`)."""
    direction: Sequence[float] | None = None
    """Extrapolated: the step the last jump followed, until the round after it (None: no jump before this round)."""
    kept: tuple[Sequence[float], Sequence[float]] | None = None
    """Extrapolated: the probabilities and scores before the last jump, until the round after it is judged."""
    false_values: tuple[float, array[float] | None] = (100.0, None)
    """The copy model's n of every value here (:func:`~._copying.false_values`): one n, or n by value id."""


@attrs.frozen
class Bound:
    """What a shard tells the driver once indexed: per source its informative claims, per pair its shared values."""

    claims: tuple[tuple[int, int, tuple[float, ...]], ...]
    """(source id, informative claims, partials of their weights)."""
    keys: array[int]
    """Each pair's a · (the run's sources) + b, in the shard's pair order: ascending."""
    shared: array[int]
    """Per pair, the values both give here that copy detection uses."""


def survey(part: Part) -> tuple[Part, tuple[Mapping[str, frozenset[float]], dict[int, int]]]:
    """The shard's speakers with the priors of their grades; m → its values m sources give (:meth:`ValueIndex.sizes`).

    A question's votes all lie in one shard, so the driver adds the counts of the
    shards into the whole run's, for :func:`~._pairs.provider_limit`.
    """
    providers: dict[tuple[str, str], set[str]] = {}
    for vote in part.votes:
        providers.setdefault((vote.question, vote.answer), set()).add(vote.source)
    sizes: dict[int, int] = {}
    for given in providers.values():
        if len(given) > 1:
            sizes[len(given)] = sizes.get(len(given), 0) + 1
    return part, (part.graded, sizes)


def bind(part: Part, config: Config) -> tuple[Shard, Bound]:
    """Index the shard's votes with the run's source numbers; its informative claims and shared values."""
    index = ValueIndex.of(part.votes, config.sources)
    n_false = config.params.n_false
    sizes = [part.domains.get(question) for question in index.questions]
    log_n = tuple(math.log(size if size is not None else n_false) for size in sizes)
    unprovided = tuple(
        0.0 if size is None else max(0.0, size + 1 - (end - start))
        for size, (start, end) in zip(sizes, index.q_range, strict=True)
    )
    informative = index.informative
    claims = []
    for s, given in enumerate(index.source_votes):
        weights = [w for v, w in given if informative[v]]
        if weights:
            claims.append((s, len(weights), config.summed(weights)))
    pairs = PairTable(index, config.limit) if config.copy is not None else None
    keys, shared = array("q"), array("i")
    if pairs is not None:
        first, partner, start, count = pairs.first, pairs.partner, pairs.start, len(config.sources)
        for a in range(len(first) - 1):
            for i in range(first[a], first[a + 1]):
                keys.append(a * count + partner[i])
                shared.append(start[i + 1] - start[i])
    order = tuple(part.order[question] for question in index.questions)
    shard = Shard(index, order, log_n, unprovided, pairs, false_values=false_values(index, sizes, n_false))
    return shard, Bound(tuple(claims), keys, shared)


def in_order(terms: Sequence[float]) -> float:
    """The terms added one by one from 0.0, as the single process adds a pair's log-likelihoods."""
    total = 0.0
    for x in terms:
        total += x
    return total


def _sums(shard: Shard, score: Sequence[float], config: Config) -> Sums:
    """Per source with informative votes here, the partials of its weighted scores over them."""
    informative, summed = shard.index.informative, config.summed
    found = []
    for s, given in enumerate(shard.index.source_votes):
        terms = [w * score[v] for v, w in given if informative[v]]
        if terms:
            found.append((s, summed(terms)))
    return tuple(found)


def vote(
    shard: Shard, logit: Sequence[float], config: Config, factor: Sequence[float]
) -> tuple[Shard, tuple[Sums, float, Moved | None]]:
    """One AccuVote/AccuCopy round here: P(v) from the log-odds and the pairs' factors.

    ``factor``: the split pairs' independence factors, in the shard's pair order (the
    others' were found here, by :func:`~._shardpairs.weigh`). Returns the per-source
    partials of Σ w·P(v), the largest change of a probability here and, extrapolated,
    the partials of the step's dot products (:func:`~._extrapolate.moved`; else None).
    """
    index, factors = shard.index, shard.factor
    for i, given in zip(shard.split_at, factor, strict=True):
        factors[i] = given  # this round's array, made by weigh: writing the same value again changes nothing
    counts = _counts(shard.plan, log_n=shard.log_n, logit=logit, factor=factors)
    found, adjusted = _probabilities(index, counts, [()] * len(counts), 0.0, shard.unprovided)
    change = max((abs(x - y) for x, y in zip(found, shard.probabilities, strict=True)), default=0.0)
    sums = _sums(shard, found, config)
    if not config.params.extrapolate:
        return attrs.evolve(shard, probabilities=found, scores=adjusted), (sums, change, None)
    step = list(map(sub, found, shard.probabilities))
    measured = moved(step, shard.step, shard.direction or (), config.summed_all)
    kept = shard.kept if shard.direction is not None else None  # judged this round (the one after a jump), then let go
    done = attrs.evolve(shard, probabilities=found, scores=adjusted, step=step, direction=None, kept=kept)
    return done, (sums, change, measured)


def leap(shard: Shard, factor: float) -> tuple[Shard, bool]:
    """Whether the jump of ``factor`` times this round's step would change a leading answer here (nothing kept)."""
    index, found = shard.index, shard.probabilities
    return shard, leads_change(index.q_range, found, jumped(index.q_range, found, shard.step, factor))


def take(shard: Shard, factor: float, config: Config) -> tuple[Shard, Sums]:
    """Jump: P(v) ← the jump of ``factor`` times this round's step; per source the partials of Σ w·P(v) there.

    The round's probabilities and scores are kept until the round after the jump is
    judged (:func:`undo`), the step as the jump's direction.
    """
    index, found = shard.index, shard.probabilities
    ahead = jumped(index.q_range, found, shard.step, factor)
    done = attrs.evolve(shard, probabilities=ahead, direction=shard.step, kept=(found, shard.scores))
    return done, _sums(shard, ahead, config)


def undo(shard: Shard) -> tuple[Shard, None]:
    """The jump undone: the probabilities and scores of the round before it, from which the rounds go on.

    The undoing round may be the last (a jump may come at any round but the last), so
    the scores go back too: the run then ends where the round before the jump left it.
    """
    assert shard.kept is not None
    probabilities, scores = shard.kept
    return attrs.evolve(shard, probabilities=probabilities, scores=scores, kept=None), None


def confide(shard: Shard, trust: Sequence[float], config: Config) -> tuple[Shard, Sums]:
    """One TruthFinder step here: s*(f) from the trust; per source the partials of Σ w·s*(f)."""
    assert config.truth is not None
    index = shard.index
    found = confidences(index, [()] * len(index.value_answer), config.truth, trust)
    return attrs.evolve(shard, scores=found), _sums(shard, found, config)


def finish(shard: Shard, config: Config) -> tuple[Shard, None]:
    """The shard's question results, kept in its state."""
    index = shard.index
    probabilities = shares(index, shard.scores) if config.method == "truthfinder" else shard.probabilities
    results = index.finish(config.method, probabilities, shard.scores, [0.0] * len(index.sources)).questions
    return attrs.evolve(shard, results=results), None

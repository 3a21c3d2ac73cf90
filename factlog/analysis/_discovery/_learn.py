"""The driver of a truth-discovery run over shards: broadcast, reduce, test, repeat; the single process's floats.

AccuVote, AccuCopy and TruthFinder learn source accuracies from every question at
once. Split by question (:mod:`._shard`), each round is: for AccuCopy, every shard
weighs the pairs of sources whose shared values all lie in it and returns the
log-likelihoods of the others, which the driver (:mod:`._spread`) turns into each
such pair's posterior of copying and its independence factor, as
:meth:`~._copying.Dependences.update` does; every shard computes its values'
probabilities from the broadcast accuracies (and its pairs' factors) and returns
per-source exact partial sums; the driver joins them (:mod:`._exact`) into the new
accuracies and tests convergence as :func:`~._accu.accu_copy` and
:func:`~._truthfinder.truth_finder` do. Every sum is the single process's sum of the
same terms, in its order where the order matters: any split by question gives the
same floats, rounds and dependences (``tests/dask/``). Extrapolated
(``AccuVoteParams.extrapolate``), the driver makes :mod:`._extrapolate`'s decisions
from the joined partials of each round's dot products, and the shards make the jumps
and undo them (:func:`~._shard.leap`, :func:`~._shard.take`, :func:`~._shard.undo`):
one more step a round only where a jump is weighed, taken or undone. Declared copies
and value similarity are not taken (assessment passes neither).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import attrs

from factlog.analysis._discovery import _shard as shard
from factlog.analysis._discovery import _shardpairs as pairs_here
from factlog.analysis._discovery._exact import joined
from factlog.analysis._discovery._extrapolate import Extrapolation, Moved
from factlog.analysis._discovery._pairs import counted_pairs, provider_limit, warn_left_out
from factlog.analysis._discovery._results import (
    AccuCopyParams,
    AccuVoteParams,
    Dependence,
    SourceTrust,
    TruthFinderParams,
)
from factlog.analysis._discovery._spread import Spread
from factlog.analysis._discovery._ties import ranks

__all__ = ["Learned", "Local", "Runner", "learn"]


class Runner(Protocol):
    """Where the shards live: each step runs on every shard's state, which it replaces."""

    def share(self, value: Any) -> Any:
        """``value`` as an argument every shard's step receives (sent once)."""

    def each(self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        """``step(state, *shared[, own[i]])`` on every shard ``i``; the results, in shard order."""

    def arriving(
        self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None
    ) -> Iterator[tuple[int, Any]]:
        """:meth:`each`, its results ``(i, result)`` as they come, every shard once, in any order: read them all."""


class Local:
    """Shards held in this process, stepped one after the other."""

    def __init__(self, states: Iterable[Any]) -> None:
        self.states = list(states)

    def share(self, value: Any) -> Any:
        """The value itself."""
        return value

    def each(self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        """Step every shard in turn."""
        # Local's own arriving, which gives the shards in order, whatever a subclass gives.
        return [result for _, result in Local.arriving(self, step, *shared, own=own)]

    def arriving(
        self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None
    ) -> Iterator[tuple[int, Any]]:
        """Step every shard in turn, giving each result before the next shard steps."""
        for i, state in enumerate(self.states):
            self.states[i], result = step(state, *shared, *(() if own is None else (own[i],)))
            yield i, result


@attrs.frozen
class Learned:
    """What a run learned about the sources, as a :class:`~._results.Discovery` holds it (questions: in the shards)."""

    sources: dict[str, SourceTrust]
    dependences: Sequence[Dependence]
    """In columns (a :class:`~._table.DependenceTable`), most probable first, or empty."""
    rounds: int
    converged: bool
    limit: int | None = None
    """:attr:`~._results.Discovery.provider_limit`: the budget of pairs' limit, None when it held every value."""


@attrs.define
class _Run:
    runner: Runner
    config: shard.Config
    prior: list[float | None]
    claims: list[int]
    weight: list[float]
    pairs: Spread


def _priors(graded: Sequence[Mapping[str, frozenset[float]]]) -> tuple[tuple[str, ...], list[float | None]]:
    """The run's sources, sorted, and their priors: the mean of their grades' priors (ValueError outside (0, 1)).

    A source no shard gives a prior for (empty sets) has none: None, as a source
    :func:`~._accu.accu_copy`'s ``priors`` leaves out.
    """
    found: dict[str, set[float]] = {}
    for part in graded:
        for name, priors in part.items():
            found.setdefault(name, set()).update(priors)
    names = tuple(sorted(found))
    prior: list[float | None] = []
    for name in names:
        if not found[name]:
            prior.append(None)
            continue
        mean = math.fsum(found[name]) / len(found[name])
        if not 0.0 < mean < 1.0:
            raise ValueError(f"prior accuracy of {name!r} must be in (0, 1), got {mean!r}")
        prior.append(mean)
    return names, prior


def _start(runner: Runner, config: shard.Config) -> _Run:
    surveyed = runner.each(shard.survey)
    graded = [found for found, _ in surveyed]
    names, prior = _priors(graded)
    sizes: dict[int, int] = {}
    for _, found_sizes in surveyed:
        for m, count in found_sizes.items():
            sizes[m] = sizes.get(m, 0) + count
    alone = len(surveyed) == 1
    del surveyed, graded
    limit = provider_limit(sizes, config.copy.max_pairs) if config.copy is not None else None
    warn_left_out(limit, config.copy.max_pairs if config.copy is not None else None, counted_pairs(sizes))
    config = attrs.evolve(config, sources=names, alone=alone, limit=limit)
    bound: list[shard.Bound] = runner.each(shard.bind, runner.share(config))
    claims = [0] * len(names)
    weights: list[list[tuple[float, ...]]] = [[] for _ in names]
    for found in bound:
        for s, count, numbers in found.claims:
            claims[s] += count
            weights[s].append(numbers)
    pairs = Spread(len(names), [found.keys for found in bound], [found.shared for found in bound])
    del bound
    config = attrs.evolve(config, rank=tuple(ranks(prior, claims)))  # as ._accu._vote_order ranks them
    # Each shard's counts are summed as they come: gathered at once, they made the run's peak (2 entries a pair).
    known = pairs.connect(
        runner.arriving(pairs_here.connect, runner.share(config), runner.share(pairs.wanted()), own=pairs.flags())
    )
    if config.copy is not None:
        runner.each(pairs_here.know, own=known)
    del known
    return _Run(runner, config, prior, claims, [joined(w) for w in weights], pairs)


def _factors(run: _Run, accuracy: Any, config: Any) -> list[array[float]]:
    """AccuCopy's dependence step: every pair's posterior; for each shard, its pairs' independence factors."""
    copy = run.config.copy
    assert copy is not None
    return run.pairs.factors(run.runner.each(pairs_here.weigh, accuracy, config), copy)


def _means(
    sums: Sequence[shard.Sums], run: _Run, *, strength: float, bounds: tuple[float, float], fallback: float
) -> list[float]:
    """:meth:`~._index.ValueIndex.means` from the shards' partials: the same ``fsum``, the same floats."""
    parts: list[list[tuple[float, ...]]] = [[] for _ in run.weight]
    for found in sums:
        for s, numbers in found:
            parts[s].append(numbers)
    means = []
    for s, pieces in enumerate(parts):
        total, weight, prior = joined(pieces), run.weight[s], run.prior[s]
        if prior is not None and strength > 0.0:
            total += strength * prior
            weight += strength
        mean = total / weight if weight > 0 else (prior if prior is not None else fallback)
        means.append(min(bounds[1], max(bounds[0], mean)))
    return means


def _joined(found: Sequence[Moved | None]) -> tuple[float, float, float]:
    """A round's :data:`~._extrapolate.Moved` over every shard, joined: the ``math.fsum`` of one process."""
    parts = [moved for moved in found if moved is not None]
    size, dot, along = (joined(moved[i] for moved in parts) for i in range(3))
    return size, dot, along


def _accu(run: _Run) -> tuple[list[float], int, bool]:
    config, runner = run.config, run.runner
    params = config.params
    low, high = params.accuracy_bounds
    config_ref = runner.share(config)
    accuracy = [min(high, max(low, p if p is not None else params.initial_accuracy)) for p in run.prior]
    no_pairs = [array("d") for _ in run.pairs.at]
    rounds, converged = 0, False
    ahead = Extrapolation() if params.extrapolate else None
    kept = accuracy  # the last plain round's accuracies, before a jump

    def averaged(sums: Sequence[shard.Sums]) -> list[float]:
        return _means(sums, run, strength=params.prior_strength, bounds=(low, high), fallback=params.initial_accuracy)

    def leads_change(factor: float) -> bool:
        return any(runner.each(shard.leap, factor))

    while rounds < params.max_rounds:
        rounds += 1
        factors = _factors(run, accuracy, config_ref) if config.copy is not None else no_pairs
        logit = [math.log(a / (1.0 - a)) for a in accuracy]  # small: sent with each task, not scattered
        found = runner.each(shard.vote, logit, config_ref, own=factors)
        if ahead is not None:
            size, dot, along = _joined([measured for _, _, measured in found])
            if ahead.overshot(size, along):
                runner.each(shard.undo)
                accuracy = kept  # the jump is undone: on from where it started
                continue
        learned = averaged([sums for sums, _, _ in found])
        change = max(
            max((abs(x - y) for x, y in zip(learned, accuracy, strict=True)), default=0.0),
            max((moved for _, moved, _ in found), default=0.0),
        )
        accuracy = learned
        if change < params.epsilon:
            converged = True
            break
        if ahead is not None and rounds < params.max_rounds:  # a round follows the jump: it runs as without a limit
            factor = ahead.ahead(size, dot, leads_change)
            if factor is not None:  # the next round starts from the jump, its accuracies the means of its probabilities
                kept, accuracy = accuracy, averaged(runner.each(shard.take, factor, config_ref))
    return accuracy, rounds, converged


def _truth(run: _Run) -> tuple[list[float], int, bool]:
    config, runner = run.config, run.runner
    params = config.truth
    assert params is not None
    config_ref = runner.share(config)
    trust = [min(params.max_trust, p if p is not None else params.initial_trust) for p in run.prior]
    sums = runner.each(shard.confide, trust, config_ref)
    rounds, converged = 0, False
    while rounds < params.max_rounds:
        rounds += 1
        learned = _means(
            sums, run, strength=params.prior_strength, bounds=(0.0, params.max_trust), fallback=params.initial_trust
        )
        dot = math.fsum(x * y for x, y in zip(trust, learned, strict=True))
        norm = math.sqrt(math.fsum(x * x for x in trust)) * math.sqrt(math.fsum(y * y for y in learned))
        cosine = dot / norm if norm > 0.0 else 1.0
        trust = learned
        sums = runner.each(shard.confide, trust, config_ref)
        if 1.0 - cosine < params.delta:
            converged = True
            break
    return trust, rounds, converged


def learn(
    runner: Runner,
    method: str,
    *,
    params: AccuVoteParams = AccuVoteParams(),  # noqa: B008 - frozen
    copy: AccuCopyParams | None = None,
    truth: TruthFinderParams | None = None,
) -> Learned:
    r"""Run ``accuvote`` (``copy`` None), ``accucopy`` or ``truthfinder`` over the runner's :class:`~._shard.Part`\ s.

    Leaves each state a :class:`~._shard.Shard` whose ``results`` are its questions'.
    ``params.extrapolate`` jumps ahead as one process does (:mod:`._extrapolate`), to
    the same floats and rounds; TruthFinder does not take it. Raises
    :class:`ValueError` for a prior out of (0, 1).
    """
    run = _start(runner, shard.Config(method, (), params, copy, truth))
    accuracy, rounds, converged = _truth(run) if method == "truthfinder" else _accu(run)
    config = runner.share(run.config)
    dependences: Sequence[Dependence] = ()
    if copy is not None:
        found = runner.each(pairs_here.reported, config)
        dependences = run.pairs.report(run.config.sources, copy.report_threshold, found)
        del found
    runner.each(shard.finish, config)
    sources = {
        name: SourceTrust(name, accuracy[s], run.claims[s], run.weight[s]) for s, name in enumerate(run.config.sources)
    }
    return Learned(sources, dependences, rounds, converged, run.config.limit)

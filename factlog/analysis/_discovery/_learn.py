"""The driver of a truth-discovery run over shards: broadcast, reduce, test, repeat; the single process's floats.

AccuVote, AccuCopy and TruthFinder learn source accuracies from every question at
once. Split by question (:mod:`._shard`), each round is: for AccuCopy, every shard
returns its pairs' log-likelihoods and the driver turns them into each pair's
posterior of copying and its independence factor, as
:meth:`~._copying.Dependences.update` does; every shard computes its values'
probabilities from the broadcast accuracies (and its pairs' factors) and returns
per-source exact partial sums; the driver joins them (:mod:`._exact`) into the new
accuracies and tests convergence as :func:`~._accu.accu_copy` and
:func:`~._truthfinder.truth_finder` do. Every sum is the single process's sum of the
same terms, in its order where the order matters: any split by question gives the
same floats, rounds and dependences (``tests/test_dask.py``). Declared copies and
value similarity are not taken (assessment passes neither).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from factlog.analysis._discovery import _shard as shard
from factlog.analysis._discovery._copying import FLOOR
from factlog.analysis._discovery._exact import joined
from factlog.analysis._discovery._pairs import counted_pairs, provider_limit, warn_left_out
from factlog.analysis._discovery._results import (
    AccuCopyParams,
    AccuVoteParams,
    Dependence,
    SourceTrust,
    TruthFinderParams,
)

__all__ = ["Learned", "Local", "Runner", "learn"]


class Runner(Protocol):
    """Where the shards live: each step runs on every shard's state, which it replaces."""

    def share(self, value: Any) -> Any:
        """``value`` as an argument every shard's step receives (sent once)."""

    def each(self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        """``step(state, *shared[, own[i]])`` on every shard ``i``; the results, in shard order."""


class Local:
    """Shards held in this process, stepped one after the other."""

    def __init__(self, states: Iterable[Any]) -> None:
        self.states = list(states)

    def share(self, value: Any) -> Any:
        """The value itself."""
        return value

    def each(self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        """Step every shard in turn."""
        results = []
        for i, state in enumerate(self.states):
            self.states[i], result = step(state, *shared, *(() if own is None else (own[i],)))
            results.append(result)
        return results


@attrs.frozen
class Learned:
    """What a run learned about the sources, as a :class:`~._results.Discovery` holds it (questions: in the shards)."""

    sources: dict[str, SourceTrust]
    dependences: tuple[Dependence, ...]
    rounds: int
    converged: bool
    limit: int | None = None
    """:attr:`~._results.Discovery.provider_limit`: the budget of pairs' limit, None when it held every value."""


@attrs.define
class _Pair:
    """What the whole run knows of one pair of sources that share a value."""

    shards: list[int] = attrs.field(factory=list)
    values: int = 0
    agreeing: int = 0
    common: int = 0
    unique: int = 0
    false: int = 0
    sequence: tuple[int, ...] = ()
    """For a pair split over shards: the shard of each shared value, in the run's value order."""
    total: float = 0.0
    direction: tuple[float, float] = (0.0, 0.0)


@attrs.define
class _Run:
    runner: Runner
    config: shard.Config
    prior: list[float | None]
    claims: list[int]
    weight: list[float]
    pairs: dict[tuple[int, int], _Pair]
    keys: list[list[tuple[int, int]]]
    """Per shard, its pairs in its own order."""


def _priors(graded: Sequence[Mapping[str, frozenset[float]]]) -> tuple[tuple[str, ...], list[float | None]]:
    """The run's sources, sorted, and their priors: the mean of their grades' priors (ValueError outside (0, 1))."""
    found: dict[str, set[float]] = {}
    for part in graded:
        for name, priors in part.items():
            found.setdefault(name, set()).update(priors)
    names = tuple(sorted(found))
    prior: list[float | None] = []
    for name in names:
        mean = math.fsum(found[name]) / len(found[name])
        if not 0.0 < mean < 1.0:
            raise ValueError(f"prior accuracy of {name!r} must be in (0, 1), got {mean!r}")
        prior.append(mean)
    return names, prior


def _vote_order(prior: Sequence[float | None], claims: Sequence[int]) -> tuple[int, ...]:
    """Source id → its rank among the providers of a value, as :func:`~._accu._vote_order` ranks them."""
    ranked = sorted(range(len(prior)), key=lambda s: (-(prior[s] or 0.0), -claims[s], s))
    rank = [0] * len(ranked)
    for position, s in enumerate(ranked):
        rank[s] = position
    return tuple(rank)


def _start(runner: Runner, config: shard.Config) -> _Run:
    surveyed = runner.each(shard.survey)
    graded = [found for found, _ in surveyed]
    names, prior = _priors(graded)
    sizes: dict[int, int] = {}
    for _, found_sizes in surveyed:
        for m, count in found_sizes.items():
            sizes[m] = sizes.get(m, 0) + count
    limit = provider_limit(sizes, config.copy.max_pairs) if config.copy is not None else None
    warn_left_out(limit, config.copy.max_pairs if config.copy is not None else None, counted_pairs(sizes))
    config = attrs.evolve(config, sources=names, alone=len(graded) == 1, limit=limit)
    bound: list[shard.Bound] = runner.each(shard.bind, runner.share(config))
    claims = [0] * len(names)
    weights: list[list[tuple[float, ...]]] = [[] for _ in names]
    pairs: dict[tuple[int, int], _Pair] = {}
    for number, found in enumerate(bound):
        for s, count, numbers in found.claims:
            claims[s] += count
            weights[s].append(numbers)
        for a, b, values in found.pairs:
            pair = pairs.setdefault((a, b), _Pair())
            pair.shards.append(number)
            pair.values += values
    config = attrs.evolve(config, rank=_vote_order(prior, claims))
    split = frozenset(key for key, pair in pairs.items() if len(pair.shards) > 1)
    connected = runner.each(shard.connect, runner.share(config), runner.share(frozenset(pairs)), runner.share(split))
    places: dict[tuple[int, int], list[list[tuple[Any, int, int]]]] = {key: [] for key in split}
    for number, (common, placed) in enumerate(connected):
        for key, (count, agreeing) in common.items():
            pairs[key].common += count
            pairs[key].agreeing += agreeing
        for key, found_places in placed.items():
            places[key].append([(where, v, number) for where, v in found_places])
    for key, lists in places.items():
        pairs[key].sequence = tuple(number for _, _, number in heapq.merge(*lists))
    keys = [[(a, b) for a, b, _ in found.pairs] for found in bound]
    return _Run(runner, config, prior, claims, [joined(w) for w in weights], pairs, keys)


def _posterior(pair: _Pair, independent: float, a_copies: float, b_copies: float, copy: AccuCopyParams) -> float:
    """Pr(dependent) and its directions from the summed log-likelihoods: :meth:`Dependences.update`'s arithmetic."""
    c, alpha = copy.copy_rate, copy.alpha
    prior_independent, prior_direction = math.log(1.0 - alpha), math.log(alpha / 2.0)
    different = (pair.common - pair.agreeing) * math.log(1.0 - c)
    x = prior_independent + independent
    x_ab = prior_direction + a_copies + different
    x_ba = prior_direction + b_copies + different
    top = x_ab if x_ab > x else x
    top = x_ba if x_ba > top else top
    e_ind, e_ab, e_ba = math.exp(x - top), math.exp(x_ab - top), math.exp(x_ba - top)
    total = e_ind + e_ab + e_ba
    pair.direction = (e_ab / total, e_ba / total)
    dependence = pair.total = (e_ab + e_ba) / total
    return 1.0 - c * dependence if dependence >= FLOOR else 1.0


def _factors(run: _Run, accuracy: Any, config: Any) -> list[list[float]]:
    """AccuCopy's dependence step: every pair's posterior; for each shard, its pairs' independence factors."""
    copy = run.config.copy
    assert copy is not None
    evidence: list[shard.Evidence] = run.runner.each(shard.weigh, accuracy, config)
    terms: dict[tuple[int, int], dict[int, Any]] = {}
    factor: dict[tuple[int, int], float] = {}
    for number, (keys, found) in enumerate(zip(run.keys, evidence, strict=True)):
        whole, split = iter(found.whole), iter(found.terms)
        for key in keys:
            pair = run.pairs[key]
            if pair.sequence:
                terms.setdefault(key, {})[number] = next(split)
            else:
                factor[key] = _posterior(pair, *next(whole), copy)
    for key, parts in terms.items():
        pair = run.pairs[key]
        at = dict.fromkeys(parts, 0)
        independent = a_copies = b_copies = 0.0
        for number in pair.sequence:
            k = at[number]
            ind, ab, ba = parts[number]
            independent += ind[k]
            a_copies += ab[k]
            b_copies += ba[k]
            at[number] = k + 1
        factor[key] = _posterior(pair, independent, a_copies, b_copies, copy)
    return [[factor[key] for key in keys] for keys in run.keys]


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


def _accu(run: _Run) -> tuple[list[float], int, bool]:
    config, runner = run.config, run.runner
    params = config.params
    low, high = params.accuracy_bounds
    config_ref = runner.share(config)
    accuracy = [min(high, max(low, p if p is not None else params.initial_accuracy)) for p in run.prior]
    no_pairs: list[list[float]] = [[] for _ in run.keys]
    rounds, converged = 0, False
    while rounds < params.max_rounds:
        rounds += 1
        factors = _factors(run, accuracy, config_ref) if config.copy is not None else no_pairs
        logit = [math.log(a / (1.0 - a)) for a in accuracy]  # small: sent with each task, not scattered
        found = runner.each(shard.vote, logit, config_ref, own=factors)
        learned = _means(
            [sums for sums, _ in found],
            run,
            strength=params.prior_strength,
            bounds=(low, high),
            fallback=params.initial_accuracy,
        )
        change = max(
            max((abs(x - y) for x, y in zip(learned, accuracy, strict=True)), default=0.0),
            max((moved for _, moved in found), default=0.0),
        )
        accuracy = learned
        if change < params.epsilon:
            converged = True
            break
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


def _report(run: _Run, threshold: float) -> tuple[Dependence, ...]:
    """:meth:`Dependences.report` from the run's pairs: those at or above ``threshold``, most probable first."""
    names = run.config.sources
    found = [
        Dependence(
            source_a=names[a],
            source_b=names[b],
            probability=pair.total,
            a_copies_b=pair.direction[0],
            b_copies_a=pair.direction[1],
            declared=False,
            shared_items=pair.common,
            same_values=pair.values,
            unique_values=pair.unique,
            false_values=pair.false,
            agreeing_items=pair.agreeing,
        )
        for (a, b), pair in sorted(run.pairs.items())
        if pair.total >= threshold
    ]
    found.sort(key=lambda d: (-d.probability, d.source_a, d.source_b))
    return tuple(found)


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
    Raises :class:`ValueError` for a prior out of (0, 1).
    """
    run = _start(runner, shard.Config(method, (), params, copy, truth))
    accuracy, rounds, converged = _truth(run) if method == "truthfinder" else _accu(run)
    counted = runner.each(shard.finish, runner.share(run.config))
    for keys, found in zip(run.keys, counted, strict=True):
        for key, (unique, false) in zip(keys, found, strict=True):
            run.pairs[key].unique += unique
            run.pairs[key].false += false
    dependences = _report(run, copy.report_threshold) if copy is not None else ()
    sources = {
        name: SourceTrust(name, accuracy[s], run.claims[s], run.weight[s]) for s, name in enumerate(run.config.sources)
    }
    return Learned(sources, dependences, rounds, converged, run.config.limit)

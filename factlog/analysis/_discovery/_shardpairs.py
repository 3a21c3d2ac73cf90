"""AccuCopy's pairs of sources in one shard: what the shard weighs itself, and what it leaves to the driver.

A pair of sources whose shared values all lie in one shard (most pairs: about four in
five on the generated sets, however many partitions) is weighed there entirely: its
log-likelihoods are summed in value order, its posterior and independence factor
computed there each round with the whole run's counts of the questions both answer
and agree on (:func:`know`), and it is reported from there (:func:`reported`). Only a
pair that shares values in several shards (*split*) goes to the driver
(:mod:`._spread`), which adds its terms in the whole run's value order. The arithmetic
is :meth:`~._copying.Dependences.update`'s, wherever it runs (:class:`Posterior`), so
the floats are the single process's. Columns only (:mod:`array`), no object per pair.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

import attrs

from factlog.analysis._discovery._accu import _plan, _shares
from factlog.analysis._discovery._copying import FLOOR, summed
from factlog.analysis._discovery._results import AccuCopyParams
from factlog.analysis._discovery._shard import Config, OrderKey, Shard

__all__ = ["Common", "Placed", "Posterior", "Reported", "connect", "know", "reported", "weigh"]

Common = tuple["array[int]", "array[int]", "array[int]"]
"""For the wanted pairs both of whose sources answer in a shard: their positions, the questions both answer
there, and those on which both give an identical value."""

Placed = tuple[list[OrderKey], "array[int]", "array[int]"]
"""For a shard's split pairs, in its order: the place in the run's order of each value a pair shares there, the
value's id (both flat, in each pair's value order), and how many values each pair shares there."""


class Posterior:
    """Pr(dependent) and its directions from a pair's log-likelihoods: :meth:`Dependences.update`'s arithmetic."""

    __slots__ = ("differ", "prior_direction", "prior_independent")

    def __init__(self, copy: AccuCopyParams) -> None:
        alpha = copy.alpha
        self.prior_independent, self.prior_direction = math.log(1.0 - alpha), math.log(alpha / 2.0)
        self.differ = math.log(1.0 - copy.copy_rate)

    def __call__(
        self, differing: int, independent: float, a_copies: float, b_copies: float
    ) -> tuple[float, float, float]:
        """(Pr(dependent), Pr(a copies b), Pr(b copies a)); ``differing``: questions both answer, less agreements."""
        exp = math.exp
        different = differing * self.differ
        x = self.prior_independent + independent
        x_ab = self.prior_direction + a_copies + different
        x_ba = self.prior_direction + b_copies + different
        top = x_ab if x_ab > x else x
        top = x_ba if x_ba > top else top
        e_ind, e_ab, e_ba = exp(x - top), exp(x_ab - top), exp(x_ba - top)
        total = e_ind + e_ab + e_ba
        return (e_ab + e_ba) / total, e_ab / total, e_ba / total


def connect(shard: Shard, config: Config, wanted: Sequence[int], split: bytes) -> tuple[Shard, tuple[Common, Placed]]:
    """The plan of the counts (with the run's vote order), and what the driver needs of the pairs.

    ``wanted``: every pair of the run, keyed a · (the run's sources) + b, ascending;
    ``split``: per pair here (in its order), 1 when it shares values in other shards
    too. Returns, in columns, for each wanted pair both of whose sources answer here,
    how many of the shard's questions both answer and on how many they give an
    identical value (values copy detection leaves out included: a pair may share those
    only here: :data:`Common`); and for the split pairs, where each shared value stands
    in the run's order (:data:`Placed`).
    """
    index, table = shard.index, shard.pairs
    plan = _plan(index, config.rank, {}, None if table is None else table.locate, config.limit)
    answered: list[frozenset[int] | None] = [None] * len(index.sources)
    given: list[frozenset[int] | None] = [None] * len(index.sources)
    rows, counts, agreeing = array("i" if len(wanted) < 2**31 else "q"), array("i"), array("i")
    question, votes, sources = index.value_question, index.source_votes, len(config.sources)
    present = bytearray(1 if votes.size(s) else 0 for s in range(len(index.sources)))
    for r, key in enumerate(wanted):
        a, b = divmod(key, sources)
        if not (present[a] and present[b]):
            continue
        for s in (a, b):
            if answered[s] is None:
                given[s] = frozenset(v for v, _ in votes[s])
                answered[s] = frozenset(question[v] for v, _ in votes[s])
        first, second = answered[a], answered[b]
        assert first is not None
        assert second is not None
        small, large = sorted((first, second), key=len)
        found = sum(1 for q in small if q in large)
        if found:
            values_a, values_b = given[a], given[b]
            assert values_a is not None
            assert values_b is not None
            rows.append(r)
            counts.append(found)
            agreeing.append(len({question[v] for v in values_a & values_b}))
    places: list[OrderKey] = []
    values, lengths = array("i"), array("i")
    if table is not None:
        order, start, shared = shard.order, table.start, table.shared
        for i, marked in enumerate(split):
            if marked:
                mine = shared[start[i] : start[i + 1]]
                places.extend(order[question[v]] for v in mine)
                values.extend(mine)
                lengths.append(len(mine))
    at = array("i", (i for i, marked in enumerate(split) if marked))
    probabilities = _shares(index, {}) if config.method != "truthfinder" else ()
    done = attrs.evolve(shard, split=split, split_at=at, plan=plan, probabilities=probabilities)
    return done, ((rows, counts, agreeing), (places, values, lengths))


def know(shard: Shard, counts: tuple[array[int], array[int]]) -> tuple[Shard, None]:
    """Keep, per pair here (in its order), the whole run's questions both answer and those they agree on."""
    common, agreeing = counts
    return attrs.evolve(shard, common=common, agreeing=agreeing), None


def weigh(shard: Shard, accuracy: Sequence[float], config: Config) -> tuple[Shard, array[float]]:
    """The evidence of copying from the current accuracies and P(v): :meth:`Dependences.update`'s loop, per shard.

    A pair held here alone is summed as one process sums it, from 0.0 one value after
    another, and gets its posteriors and factor here. Returns, for each split pair in
    the shard's order, (independent, a copies b, b copies a) of each value it shares
    here, in value order, flat: the driver adds them. Each value's n is its question's
    (:attr:`Shard.false_values`, read as :func:`~._copying.summed` reads it).
    """
    copy, table = config.copy, shard.pairs
    assert copy is not None
    assert table is not None
    c, (n, per_value) = copy.copy_rate, shard.false_values
    log = math.log
    keep = 1.0 - c
    posterior = Posterior(copy)
    probabilities = shard.probabilities
    terms = array("d")
    size = len(table)
    factor = array("d", [1.0]) * size
    total, ab, ba = (array("d", [0.0]) * size for _ in range(3))
    first, partner, start, shared, split = table.first, table.partner, table.start, table.shared, shard.split
    common, agreeing = shard.common, shard.agreeing
    for a in range(len(first) - 1):
        a1 = accuracy[a]
        wrong_a = 1.0 - a1
        for i in range(first[a], first[a + 1]):
            a2 = accuracy[partner[i]]
            wrong_b = 1.0 - a2
            pt, pf = a1 * a2, wrong_a * wrong_b / n
            t_ab, f_ab = c * a2 + keep * pt, c * wrong_b + keep * pf
            t_ba, f_ba = c * a1 + keep * pt, c * wrong_a + keep * pf
            values = shared[start[i] : start[i + 1]]
            if split[i]:
                for v in values:
                    if per_value is not None:  # the pair's terms at this value's n
                        pair = (keep, pt, wrong_a * wrong_b, t_ab, t_ba, c * wrong_b, c * wrong_a)
                        terms.extend(summed((v,), probabilities, per_value, pair))
                        continue
                    q = probabilities[v]
                    r = 1.0 - q
                    terms.append(log(q * pt + r * pf))
                    terms.append(log(q * t_ab + r * f_ab))
                    terms.append(log(q * t_ba + r * f_ba))
                continue
            if per_value is not None:
                pair = (keep, pt, wrong_a * wrong_b, t_ab, t_ba, c * wrong_b, c * wrong_a)
                independent, a_copies, b_copies = summed(values, probabilities, per_value, pair)
            else:
                independent = a_copies = b_copies = 0.0
                for v in values:
                    q = probabilities[v]
                    r = 1.0 - q
                    independent += log(q * pt + r * pf)
                    a_copies += log(q * t_ab + r * f_ab)
                    b_copies += log(q * t_ba + r * f_ba)
            dependence, total_ab, total_ba = posterior(common[i] - agreeing[i], independent, a_copies, b_copies)
            total[i], ab[i], ba[i] = dependence, total_ab, total_ba
            factor[i] = 1.0 - c * dependence if dependence >= FLOOR else 1.0
    return attrs.evolve(shard, factor=factor, posteriors=(total, ab, ba)), terms


@attrs.frozen
class Reported:
    """A shard's pairs held there alone at or above the threshold, as :class:`~._table.DependenceTable` rows.

    In columns, in (a, b) order: ``keys`` (a · sources + b), the posteriors and the
    counts of :class:`~._results.Dependence`; and per split pair (in the shard's order)
    its shared values here nobody else gives (``alone``) and those not among the
    winners (``lost``), for the driver to add.
    """

    keys: array[int] = attrs.field(factory=lambda: array("q"))
    posteriors: tuple[array[float], array[float], array[float]] = attrs.field(
        factory=lambda: (array("d"), array("d"), array("d"))
    )
    counts: tuple[array[int], ...] = attrs.field(factory=lambda: tuple(array("i") for _ in range(5)))
    """Shared items (questions both answer), same values, unique values, false values, agreeing items."""
    alone: array[int] = attrs.field(factory=lambda: array("i"))
    lost: array[int] = attrs.field(factory=lambda: array("i"))


def reported(shard: Shard, config: Config) -> tuple[Shard, Reported]:
    """The pairs to report from here (:class:`Reported`), once the rounds are over."""
    index, table, copy = shard.index, shard.pairs, config.copy
    found = Reported()
    if table is None or copy is None or not len(table):
        return shard, found
    winners = index.winners(shard.probabilities)
    size = index.value_votes.size
    first, partner, start, shared, split = table.first, table.partner, table.start, table.shared, shard.split
    total, ab, ba = shard.posteriors
    threshold, sources = copy.report_threshold, len(config.sources)
    same, unique, false = found.counts[1:4]
    for a in range(len(first) - 1):
        for i in range(first[a], first[a + 1]):
            mine = shared[start[i] : start[i + 1]]
            if split[i]:
                found.alone.append(sum(1 for v in mine if size(v) == 2))
                found.lost.append(sum(1 for v in mine if v not in winners))
            elif total[i] >= threshold:
                found.keys.append(a * sources + partner[i])
                for column, value in zip(found.posteriors, (total[i], ab[i], ba[i]), strict=True):
                    column.append(value)
                found.counts[0].append(shard.common[i])
                same.append(len(mine))
                unique.append(sum(1 for v in mine if size(v) == 2))
                false.append(sum(1 for v in mine if v not in winners))
                found.counts[4].append(shard.agreeing[i])
    return shard, found

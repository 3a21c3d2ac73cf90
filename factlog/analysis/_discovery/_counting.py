"""AccuCopy's counts C(v) in numpy columns: :func:`._accu._counts`'s floats, bit for bit.

Each vote's term w·(ln n + A'(S)) is one float64 expression over the votes (IEEE's
``+`` and ``*``, as Python's). A vote discounted by its earlier providers multiplies
its pair factors in vote order, as :func:`math.prod` does from 1: the discounted votes
are sorted once by their number of factors, most first (:class:`Products`), and step k
multiplies the k-th factors of those that have one into a prefix of the products; once
fewer than ``tail`` have a k-th factor, each of those few finishes by :func:`math.prod`
itself, started from its product so far. The terms of a value of several votes are
summed by :func:`math.fsum` (exact, so any grouping of the calls gives its floats); a
value of one vote gets ``term + 0.0`` as in the loop. A tied vote's expected discount E
(:mod:`._ties`) comes from the same recurrence run over columns (:mod:`._tiecolumns`)
and multiplies the discounted term as there. :func:`probabilities` turns the scores into P(v) the same way, every
exponential by :func:`math.exp`. Imported only with numpy installed.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from factlog.analysis._discovery._posteriors import mapped
from factlog.analysis._discovery._tiecolumns import TieColumns

if TYPE_CHECKING:
    from factlog.analysis._discovery._accu import Plan
    from factlog.analysis._discovery._ragged import Ragged

__all__ = ["GROUP", "QUESTIONS", "TAIL", "Products", "means", "probabilities"]

TAIL = 64
"""Fewer discounted votes than this with a k-th factor: each multiplies its remaining factors alone."""

GROUP = 65_536
"""Discounted votes multiplied together in one group of columns (about 40 bytes a vote while they are)."""

QUESTIONS = 8192
"""Questions whose P(v) are computed together (:func:`probabilities`), about 150 bytes a value while they are."""


class Products:
    """A :class:`~._accu.Plan`'s discounted votes sorted by their number of factors, and its values of several votes.

    ``order``: the discounted votes (positions in the plan), most factors first (ties
    by position); ``counts[k]``: how many have a k-th factor, for k up to ``steps``, the
    first k with fewer than ``tail``; ``several``: the values given by more than one
    counted vote. About 8 bytes a discounted vote and 4 a value of several votes.
    ``ties``: the plan's tied providers in columns (:class:`._tiecolumns.TieColumns`), or
    None when it has none.
    """

    __slots__ = ("counts", "group", "order", "several", "steps", "ties")

    def __init__(self, plan: Plan, *, tail: int = TAIL, group: int = GROUP) -> None:
        self.group = group
        linked = np.frombuffer(plan.linked, np.int32)
        link = np.frombuffer(plan.link, np.int64)
        lengths = link[linked + 1] - link[linked]
        by_length = np.argsort(-lengths, kind="stable")
        self.order, sorted_lengths = linked[by_length], lengths[by_length]
        longest = int(sorted_lengths[0]) if len(sorted_lengths) else 0
        counts = len(sorted_lengths) - np.cumsum(np.bincount(sorted_lengths, minlength=longest + 1))[:longest]
        self.steps = int(np.count_nonzero(counts >= max(tail, 1)))
        self.counts: list[int] = counts[: self.steps + 1].tolist()
        row = np.frombuffer(plan.row, np.int64)
        self.several = np.flatnonzero(np.diff(row) > 1).astype(np.int32)
        self.ties = TieColumns(plan.ties) if len(plan.ties) else None

    def counts_of(
        self, plan: Plan, *, log_n: Sequence[float], logit: Sequence[float], factor: array[float]
    ) -> list[float]:
        """C(v) for every value, as :func:`._accu._counts` gives it (see there)."""
        question = np.frombuffer(plan.question, np.int32)
        source = np.frombuffer(plan.source, np.int32)
        log_ns, logits = np.asarray(log_n, dtype=np.float64), np.asarray(logit, dtype=np.float64)
        terms = np.frombuffer(plan.weight, np.float64) * (log_ns[question] + logits[source])
        if len(self.order):
            self._discount(plan, factor, terms)
        if self.ties is not None:
            at, shares = self.ties.discounts(np.frombuffer(factor, np.float64), self._dependent(plan, factor))
            if len(at):
                terms[at] = terms[at] * shares
        row = np.frombuffer(plan.row, np.int64)
        counts = np.zeros(len(row) - 1)  # a value none of whose votes counts: fsum of nothing, 0.0
        alone = np.diff(row) == 1
        counts[alone] = terms[row[:-1][alone]] + 0.0
        if len(self.several):
            counts[self.several] = _fsums(terms, row[self.several], row[self.several + 1])
        found: list[float] = counts.tolist()
        return found

    @staticmethod
    def _dependent(plan: Plan, factor: array[float]) -> npt.NDArray[np.bool_]:
        """:meth:`._ties.Ties.dependent` in columns: group → whether a pair factor of it is other than 1.0."""
        ties = plan.ties
        differs = np.frombuffer(factor, np.float64)[np.frombuffer(ties.pair, np.int32)] != 1.0
        found: npt.NDArray[np.bool_] = np.logical_or.reduceat(differs, np.frombuffer(ties.link, np.int64)[:-1])
        return found

    def _discount(self, plan: Plan, factor: array[float], terms: npt.NDArray[np.float64]) -> None:
        """Multiply each discounted vote's term by its pair factors' product, taken in vote order from 1.

        The votes are taken ``group`` (:data:`GROUP`) at a time in :attr:`order` (most factors first),
        so a round's temporary columns stay a few MB whatever the number of discounted
        votes; within a group step k multiplies the k-th factors of its votes that have
        one. The few longest (fewer than ``tail`` with a k-th factor) finish by
        :func:`math.prod` itself, started from their product so far.
        """
        factors, pair = np.frombuffer(factor, np.float64), np.frombuffer(plan.pair, np.int32)
        link, counts = np.frombuffer(plan.link, np.int64), self.counts
        left = counts[self.steps] if self.steps < len(counts) else 0
        for low in range(0, len(self.order), self.group):
            votes = self.order[low : low + self.group]
            start = link[votes]
            products = np.ones(len(votes))  # 1.0·f is f, as math.prod's 1·f is
            for k in range(self.steps):
                count = min(counts[k], low + len(votes)) - low
                if count <= 0:
                    break
                products[:count] *= factors[pair[start[:count] + k]]
            finish = min(left - low, len(votes))  # the longest votes come first: in the first groups
            if finish > 0:
                end = link[votes[:finish] + 1].tolist()
                pick, prod = factor.__getitem__, math.prod
                products[:finish] = [
                    prod(map(pick, plan.pair[first + self.steps : last]), start=value)
                    for first, last, value in zip(start[:finish].tolist(), end, products[:finish].tolist(), strict=True)
                ]
            terms[votes] = terms[votes] * products


def _fsums(
    terms: npt.NDArray[np.float64], low: npt.NDArray[np.int64], high: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """:func:`math.fsum` of ``terms[low[i]:high[i]]`` for each i, in a float64 column.

    The bounds are read one at a time from their columns' buffers and the slices taken
    from a memoryview: no Python list of bounds, terms or sums is built.
    """
    listed, fsum = np.ascontiguousarray(terms).data, math.fsum
    bounds = zip(np.ascontiguousarray(low).data, np.ascontiguousarray(high).data, strict=True)
    return np.fromiter((fsum(listed[start:end]) for start, end in bounds), np.float64, len(low))


def probabilities(
    q_range: Sequence[tuple[int, int]],
    adjusted: Sequence[float],
    unprovided: Sequence[float],
    *,
    questions: int = QUESTIONS,
) -> list[float] | None:
    """:func:`._accu._probabilities`'s P(v) from the scores C*(v), or None when a score is NaN.

    Per question, exp(C* − top) over its candidates, top their largest (or 0.0 when the
    domain leaves ``unprovided`` values and all are below it), divided by their
    :func:`math.fsum` plus unprovided·exp(−top). A tie for the top between 0.0 and −0.0
    gives the same floats either way; with a NaN Python's ``max`` depends on the order,
    so the loop decides (None). The questions' values are consecutive ids from 0, in
    question order; they are taken ``questions`` (:data:`QUESTIONS`) at a time, so the
    temporary columns hold a few thousand questions' values rather than every value.
    """
    found = [0.0] * len(adjusted)
    step = max(questions, 1)
    for low in range(0, len(q_range), step):
        bounds = np.asarray(q_range[low : low + step], dtype=np.int64).reshape(-1, 2)
        first, end = int(bounds[0, 0]), int(bounds[-1, 1])
        shares = _shares(bounds - first, adjusted[first:end], unprovided[low : low + step])
        if shares is None:
            return None
        found[first:end] = shares
    return found


def _shares(
    bounds: npt.NDArray[np.int64], adjusted: Sequence[float], unprovided: Sequence[float]
) -> list[float] | None:
    """P(v) of the values of consecutive questions, their (start, end) ``bounds`` counted from the first value."""
    scores = np.asarray(adjusted, dtype=np.float64)
    if np.isnan(scores).any():
        return None
    starts, sizes = bounds[:, 0], bounds[:, 1] - bounds[:, 0]
    rest = np.asarray(unprovided, dtype=np.float64)
    top = np.maximum.reduceat(scores, starts)
    given = rest != 0.0  # "if rest" in the loop
    top = np.where(given & (top < 0.0), 0.0, top)
    shares = mapped(math.exp, scores - np.repeat(top, sizes))
    extra = np.zeros(len(rest))
    extra[given] = rest[given] * mapped(math.exp, -top[given])
    total = np.zeros(len(rest))
    alone = sizes == 1
    total[alone] = shares[starts[alone]] + extra[alone]
    several = np.flatnonzero(~alone)
    if len(several):
        total[several] = _fsums(shares, starts[several], bounds[several, 1]) + extra[several]
    found: list[float] = (shares / np.repeat(total, sizes)).tolist()
    return found


def means(
    kept: Ragged,
    total_weight: array[float],
    score: Sequence[float],
    priors: Sequence[float | None],
    settings: tuple[float, float, float, float],
) -> list[float]:
    """:meth:`._index.ValueIndex.means` in columns, the same floats: each source's weighted mean, clamped.

    ``kept``: source id → its informative (value id, weight) votes; ``total_weight``: their
    weights' sums; ``settings``: the prior's strength, the lower and upper bounds, and the
    fallback. Each product w·score(v) is one float64 multiplication; a source's products
    are summed by :func:`math.fsum` (one product: ``x + 0.0``, none: 0.0); the prior's
    pseudo-counts, the quotient and the clamps are the loop's operations and comparisons,
    a NaN mean clamped to the lower bound as there.
    """
    strength, floor, ceiling, fallback = settings
    start = np.frombuffer(kept.start, np.int64)
    weighted = (
        np.frombuffer(kept.weights, np.float64) * np.asarray(score, dtype=np.float64)[np.frombuffer(kept.ids, np.int32)]
    )
    sizes = np.diff(start)
    totals = np.zeros(len(sizes))
    alone = sizes == 1
    totals[alone] = weighted[start[:-1][alone]] + 0.0
    several = np.flatnonzero(sizes > 1)
    if len(several):
        totals[several] = _fsums(weighted, start[several], start[several + 1])
    weight = np.frombuffer(total_weight, np.float64).copy()
    given = np.fromiter((p is not None for p in priors), np.bool_, len(priors))
    prior = np.fromiter((fallback if p is None else p for p in priors), np.float64, len(priors))
    if strength > 0.0 and given.any():
        totals[given] = totals[given] + strength * prior[given]
        weight[given] = weight[given] + strength
    found = prior.copy()  # no weight: the prior, or the fallback
    positive = weight > 0
    found[positive] = totals[positive] / weight[positive]
    found = np.where(found > floor, found, floor)
    found = np.where(found < ceiling, found, ceiling)
    listed: list[float] = found.tolist()
    return listed

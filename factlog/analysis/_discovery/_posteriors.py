"""AccuCopy's per-pair round in numpy, giving :meth:`._copying.Dependences._posteriors`'s floats bit for bit.

The pure loop spends about a microsecond a pair in the interpreter; here the arithmetic
runs over columns and only the logarithms and exponentials are taken one at a time, by
:func:`math.log` and :func:`math.exp` themselves (the C library's): numpy's own ``log``
and ``exp`` need not give the same bits (on a CPU with AVX-512 they differ on about 1 in
500 and 1 in 25 arguments). numpy's ``+ - * /`` on float64 are IEEE's, as Python's are,
and each is a separate call in the pure loop's order, so nothing is fused or reordered.

A pair's three log-likelihoods are sums from 0.0 in value order, as the pure loop adds
them, never numpy's pairwise sums. The pairs are cut into blocks of ``group`` consecutive
ids, and each block is sorted once by the pairs' number of shared values, most first
(:class:`Layout`); the k-th values of a block's pairs that have one are then a prefix of
its order, and step k adds their terms to the prefix of the sums: in order for each pair,
vectorised across pairs. Once fewer than ``tail`` pairs of the block have a k-th value,
each of those few adds its remaining terms by :func:`functools.reduce` (a loop in C, still
in order). A round holds some tens of bytes a pair of one block, and a block's tuples are
yielded, in id order, before the next block is weighed: the report (about half of all
pairs on generated sets) is never held whole, as it was when the pairs were sorted
across blocks and the chosen ones gathered for one sort by id (at 300k claims and
1,044,887 pairs that raised the assessment's peak by about 140 MB). What is kept between
rounds is a few integers a block. This module imports numpy: :mod:`._copying` imports
it only when numpy is installed (the ``scale``, ``report`` and ``columnar`` extras).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterator, Sequence
from functools import reduce
from operator import add

import numpy as np
import numpy.typing as npt

from factlog.analysis._discovery._copying import FLOOR
from factlog.analysis._discovery._pairs import PairTable

__all__ = ["GROUP", "TAIL", "Layout", "mapped"]

TAIL = 64
"""Fewer pairs than this with a k-th shared value: they add their remaining terms one pair at a time."""

GROUP = 1 << 13
"""Consecutive pair ids weighed together: a round's temporary columns hold this many pairs (about 200 bytes each).

At 300k generated claims (1,044,887 pairs) a round's traced peak is 3.4 MB with 8,192 and
16.5 MB with 65,536, for 5% more CPU time (benchmarks/RESULTS.md).
"""

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Posterior = tuple[int, int, int, float, float, float]
Falses = tuple[Floats, Floats, Floats, float]
"""Per pair (1 − A1)(1 − A2), c·(1 − A2) and c·(1 − A1), then 1 − c: the F of each model, given n (:func:`_false`)."""


def _false(falses: Falses, rows: slice | Ints, n: Floats) -> list[Floats]:
    """F of the three models for the pairs ``rows``, at values of false values ``n``: Pf, then each direction's.

    Pf = (1 − A1)(1 − A2)/n and c·(1 − A) + (1 − c)·Pf, the operations of
    :func:`._copying.summed`, so the floats are its own.
    """
    wrong_both, copied_b, copied_a, keep = falses
    pf = wrong_both[rows] / n
    kept = keep * pf
    return [pf, copied_b[rows] + kept, copied_a[rows] + kept]


def mapped(function: Callable[[float], float], values: Floats) -> Floats:
    """``function`` (:func:`math.log` or :func:`math.exp`) of every float in ``values``, as float64; raises as it does.

    The floats go to the function as Python floats (a memoryview yields them), so the
    results are the C library's, the same as the pure loop's calls.
    """
    return np.fromiter(map(function, np.ascontiguousarray(values).data), np.float64, len(values))


class Layout:
    """The inferred pairs of a :class:`PairTable` in blocks of consecutive ids, each sorted for in-order sums.

    The pairs are cut into blocks of ``group`` ids; :meth:`order` gives the ids of a block
    not ``skipped`` (the declared ones), most shared values first (ties by id), sorted
    again at each round (a few milliseconds a round at a million pairs), and
    ``counts[j][k]`` how many of block j's have a k-th shared value, for k up to
    ``steps[j]``, the first k at which fewer than ``tail`` have one (the pairs past it
    finish one at a time). Nothing is kept per pair: a few integers a block, and the
    sorted ids of the declared pairs. A block's posteriors are yielded, in id order,
    before the next block is weighed.
    """

    __slots__ = ("counts", "gone", "group", "pairs", "steps", "table", "tail")

    def __init__(self, table: PairTable, skipped: frozenset[int], *, tail: int = TAIL, group: int = GROUP) -> None:
        self.table, self.tail, self.group = table, max(tail, 1), max(group, 1)
        self.pairs = len(table.start) - 1
        self.gone = np.sort(np.fromiter(skipped, np.int64, len(skipped)))
        self.counts, self.steps = list[list[int]](), list[int]()
        for low in range(0, self.pairs, self.group):
            lengths = self._lengths(low)
            sorted_lengths = lengths[self._sorted(lengths)]
            longest = int(sorted_lengths[0]) if len(sorted_lengths) else 0
            # counts[k] = pairs with more than k shared values, k = 0 .. longest − 1 (non-increasing).
            counts = len(sorted_lengths) - np.cumsum(np.bincount(sorted_lengths, minlength=longest + 1))[:longest]
            steps = int(np.count_nonzero(counts >= self.tail))
            self.steps.append(steps)
            self.counts.append(counts[: steps + 1].tolist())

    def _lengths(self, low: int) -> Ints:
        """The numbers of shared values of the block of pairs from id ``low``, 0 for the skipped ones."""
        high = min(low + self.group, self.pairs)
        starts = np.frombuffer(self.table.start, np.dtype(self.table.start.typecode))  # no view kept on the array
        lengths = np.diff(starts[low : high + 1]).astype(np.int64)
        gone = self.gone
        lengths[gone[np.searchsorted(gone, low) : np.searchsorted(gone, high)] - low] = 0  # every pair shares a value
        return lengths

    @staticmethod
    def _sorted(lengths: Ints) -> Ints:
        """Places in the block of its pairs not skipped, most shared values first, ties by id."""
        return np.argsort(-lengths, kind="stable")[: int(np.count_nonzero(lengths))]

    def order(self, low: int) -> Ints:
        """The ids of the pairs not skipped of the block from id ``low``, in the block's order (sorted each time)."""
        return self._sorted(self._lengths(low)) + low

    def posteriors(
        self,
        accuracy: Sequence[float],
        probabilities: Sequence[float],
        threshold: float,
        *,
        model: tuple[float, float, float, float, float],
        factor: array[float] | None,
        per_value: Sequence[float] | None = None,
    ) -> Iterator[Posterior]:
        """:meth:`Dependences._posteriors`'s tuples, in pair order, and its factors written into ``factor`` if given.

        ``model``: copy rate c, false values n, ln(1 − α), ln(α/2), ln(1 − c); ``per_value``:
        each value's n instead (:attr:`Dependences.per_value`). A block's pairs are all
        weighed before its first tuple is yielded; raises :class:`ValueError` where the
        pure loop does (a logarithm of 0 or less), once the block's tuples before it are
        yielded.
        """
        c, n = model[0], model[1]
        n_all = None if per_value is None else np.asarray(per_value, dtype=np.float64)
        source = np.asarray(accuracy, dtype=np.float64)
        wrong = 1.0 - source
        weights = (source, wrong, c * source, c * wrong)  # A, 1 − A, c·A, c·(1 − A): the pure loop's terms
        q_all = np.asarray(probabilities, dtype=np.float64)
        written = None if factor is None else np.frombuffer(factor, np.float64)
        firsts, partners = np.frombuffer(self.table.first, np.int64), np.frombuffer(self.table.partner, np.int32)
        for j, low in enumerate(range(0, self.pairs, self.group)):
            ids = self.order(low)
            if not len(ids):
                continue
            sums = self._sums(j, ids, weights, (q_all, n_all), model=(c, n))
            dependence, a_copies, b_copies = self._posterior(ids, sums, model)
            if written is not None:
                written[ids] = np.where(dependence >= FLOOR, 1.0 - c * dependence, 1.0)
            chosen = np.flatnonzero(dependence >= threshold)
            if not len(chosen):
                continue
            chosen = chosen[np.argsort(ids[chosen], kind="stable")]
            ids = ids[chosen]
            yield from zip(
                ids.tolist(),
                (np.searchsorted(firsts, ids, side="right") - 1).tolist(),
                partners[ids].tolist(),
                dependence[chosen].tolist(),
                a_copies[chosen].tolist(),
                b_copies[chosen].tolist(),
                strict=True,
            )

    def _sums(
        self,
        block: int,
        ids: Ints,
        weights: tuple[Floats, Floats, Floats, Floats],
        by_value: tuple[Floats, Floats | None],
        *,
        model: tuple[float, float],
    ) -> tuple[Floats, Floats, Floats]:
        """The three log-likelihoods (independent, a copies b, b copies a) of the pairs ``ids``, each summed in order.

        ``block``: the number of the block ``ids`` are (in its order); ``weights``: per source A,
        1 − A, c·A, c·(1 − A); ``by_value``: P(v) by value id, and n by value id or None
        (``model``'s n for every value); ``model``: c and n. O(values the pairs share).
        """
        c, n = model
        q_all, n_all = by_value
        table = self.table
        accuracy, wrong, right, wrong_copied = weights
        first = np.searchsorted(np.frombuffer(table.first, np.int64), ids, side="right") - 1
        second = np.frombuffer(table.partner, np.int32)[ids]
        starts = np.frombuffer(table.start, np.dtype(table.start.typecode))
        start = starts[ids].astype(np.int64)
        shared = np.frombuffer(table.shared, np.int32)
        keep = 1.0 - c
        pt = accuracy[first] * accuracy[second]
        pf = wrong[first] * wrong[second] / n
        kept_t, kept_f = keep * pt, keep * pf
        falses = (
            None if n_all is None else (wrong[first] * wrong[second], wrong_copied[second], wrong_copied[first], keep)
        )
        # Per pair: (Pt, Pf) if independent, (T, F) if a copies b, if b copies a: log(q·T + (1 − q)·F) a value.
        models = (
            (pt, pf),
            (right[second] + kept_t, wrong_copied[second] + kept_f),
            (right[first] + kept_t, wrong_copied[first] + kept_f),
        )
        size = len(ids)
        sums = (np.zeros(size), np.zeros(size), np.zeros(size))  # 0.0 + x is x: log never gives −0.0
        counts, steps = self.counts[block], self.steps[block]
        for k in range(steps):
            count = counts[k]
            values = shared[start[:count] + k]
            q = q_all[values]
            r = 1.0 - q
            fs = (
                [f[:count] for _, f in models]
                if falses is None or n_all is None
                else _false(falses, slice(count), n_all[values])
            )
            logs = mapped(
                math.log, np.concatenate([q * t[:count] + r * f for (t, _), f in zip(models, fs, strict=True)])
            )
            for total, part in zip(sums, np.split(logs, 3), strict=True):
                total[:count] += part
        left = counts[steps] if steps < len(counts) else 0
        if left > 0:
            self._finish((left, steps), (ids, start), (shared, q_all), (models, falses, n_all), sums)
        return sums

    def _finish(
        self,
        past: tuple[int, int],
        pairs: tuple[Ints, Ints],
        values: tuple[npt.NDArray[np.int32], Floats],
        weighed: tuple[tuple[tuple[Floats, Floats], ...], Falses | None, Floats | None],
        sums: tuple[Floats, Floats, Floats],
    ) -> None:
        """Add, in order, the terms from the ``steps``-th value on of the first ``left`` pairs, a pair at a time.

        ``past``: (left, steps); ``weighed``: the pairs' (T, F) of each model, and where n
        is read per value, what :func:`_false` takes and n by value id.
        """
        left, steps = past
        models, falses, n_all = weighed
        shared, q_all = values
        ids, start = pairs
        ends = np.frombuffer(self.table.start, np.dtype(self.table.start.typecode))[ids[:left] + 1]
        begins = start[:left] + steps
        sizes = ends - begins
        owner = np.repeat(np.arange(left), sizes)
        at = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes) + np.repeat(begins, sizes)
        q = q_all[shared[at]]
        r = 1.0 - q
        bounds = np.concatenate(([0], np.cumsum(sizes))).tolist()
        fs = (
            [f[owner] for _, f in models]
            if falses is None or n_all is None
            else _false(falses, owner, n_all[shared[at]])
        )
        for total, (t, _), f in zip(sums, models, fs, strict=True):
            terms = list(map(math.log, (q * t[owner] + r * f).data))
            total[:left] = [
                reduce(add, terms[bounds[j] : bounds[j + 1]], value) for j, value in enumerate(total[:left].tolist())
            ]

    def _posterior(
        self, ids: Ints, sums: tuple[Floats, Floats, Floats], model: tuple[float, float, float, float, float]
    ) -> tuple[Floats, Floats, Floats]:
        """(Pr(dependent), Pr(a copies b), Pr(b copies a)) of the pairs ``ids`` from their summed log-likelihoods."""
        independent, a_copies, b_copies = sums
        prior_independent, prior_direction, differ = model[2:]
        different = np.frombuffer(self.table.different, np.int32)[ids] * differ
        x = prior_independent + independent
        x_ab = prior_direction + a_copies + different
        x_ba = prior_direction + b_copies + different
        # The pure loop's branches: the largest of the three, the first of them on a tie, gets exp(0.0) = 1.0.
        ab_above = x_ab > x
        ba_above_ab, ba_above = x_ba > x_ab, x_ba > x
        top_ba = np.where(ab_above, ba_above_ab, ba_above)
        top_ab = ab_above & ~ba_above_ab
        top_x = ~ab_above & ~ba_above
        top = np.where(top_ba, x_ba, np.where(top_ab, x_ab, x))
        shares = (np.ones(len(ids)), np.ones(len(ids)), np.ones(len(ids)))
        tops = (top_x, top_ab, top_ba)
        below = [(share, ~is_top, xs) for share, is_top, xs in zip(shares, tops, (x, x_ab, x_ba), strict=True)]
        exps = mapped(math.exp, np.concatenate([xs[rest] - top[rest] for _, rest, xs in below]))
        done = 0
        for share, rest, _ in below:
            count = int(np.count_nonzero(rest))
            share[rest] = exps[done : done + count]
            done += count
        e_ind, e_ab, e_ba = shares
        total = e_ind + e_ab + e_ba
        return (e_ab + e_ba) / total, e_ab / total, e_ba / total

"""The driver's pairs of sources sharing a value, over shards, in :mod:`array` columns: what AccuCopy keeps of each.

A run split by question (:mod:`._shard`) finds each pair of sources that share a value
in every shard where they share one. The driver (:mod:`._learn`) keeps, for every pair
of the whole run, its counts, its last posteriors and where it lies in each shard, in
columns: about 60 bytes a pair and 4 for each shard holding it (a pair as an object
with its lists and tuples cost about 510 bytes: issue 19). Pair r is the r-th of the
whole run in (a, b) order, keyed ``a * sources + b``; ``rows[n][i]`` is the pair of
shard n's i-th pair (each shard's pairs come in (a, b) order too). A pair that shares
values in several shards (*split*) keeps the shard of each shared value, in the whole
run's value order, so that its log-likelihoods are added in that order, as one process
adds them (:class:`~._copying.Dependences`). Standard library only.
"""

from __future__ import annotations

import heapq
import itertools
import math
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from factlog.analysis._discovery._copying import FLOOR
from factlog.analysis._discovery._results import AccuCopyParams
from factlog.analysis._discovery._table import DependenceTable, Row

if TYPE_CHECKING:
    from factlog.analysis._discovery._shard import Evidence, Placed

__all__ = ["Spread"]


class Spread:
    """Every pair of the run (a < b, in (a, b) order) and what the driver sums of it, in columns.

    ``key[r]``: a · ``sources`` + b; ``values[r]``: the values both give that copy
    detection uses; ``common[r]``, ``agreeing[r]``: the questions both answer, and those
    where they give an identical value (every shard's); ``unique[r]``, ``false[r]``:
    shared values nobody else gives, and those not among the winners (at the end);
    ``total[r]``, ``a_copies[r]``, ``b_copies[r]``: the last posteriors; ``split[r]``: 1
    when the pair shares values in several shards. ``rows[n]``: the pair of each of
    shard n's pairs. Split pairs, in row order, are ``spread_rows``; the shards of split
    pair j's values, in the run's value order, are ``shard_of[turn[j]:turn[j + 1]]``.
    """

    __slots__ = (
        "a_copies",
        "agreeing",
        "b_copies",
        "common",
        "false",
        "key",
        "rows",
        "shard_of",
        "sources",
        "split",
        "spread_rows",
        "total",
        "turn",
        "unique",
        "values",
    )

    def __init__(self, sources: int, keys: Sequence[array[int]], shared: Sequence[array[int]]) -> None:
        """The run's pairs from each shard's: its pairs' keys, ascending, and the values each shares there."""
        self.sources = sources
        key = self.key = array("q")
        last = -1
        for k in heapq.merge(*keys):
            if k != last:
                key.append(k)
                last = k
        size = len(key)
        code = "i" if size < 2**31 else "q"
        zeros = array("i", [0]) * size
        self.values, self.common, self.agreeing, self.unique, self.false = (array("i", zeros) for _ in range(5))
        del zeros
        self.total, self.a_copies, self.b_copies = (array("d", [0.0]) * size for _ in range(3))
        seen = bytearray(size)
        self.rows: list[array[int]] = []
        values = self.values
        for found, counts in zip(keys, shared, strict=True):
            rows, at = array(code), 0
            for k, count in zip(found, counts, strict=True):
                at = bisect_left(key, k, at)
                rows.append(at)
                values[at] += count
                seen[at] += seen[at] < 2
            self.rows.append(rows)
        self.split = bytearray(x > 1 for x in seen)
        self.spread_rows, self.turn, self.shard_of = array(code), array("q", [0]), array("i")

    def __len__(self) -> int:
        return len(self.key)

    def pair(self, r: int) -> tuple[int, int]:
        """The source numbers (a, b) of pair ``r``."""
        a, b = divmod(self.key[r], self.sources)
        return a, b

    def flags(self) -> list[bytes]:
        """Per shard, for each of its pairs (in its order), 1 when the pair is split."""
        split = self.split
        return [bytes(split[r] for r in rows) for rows in self.rows]

    def _split_by_shard(self) -> Iterator[tuple[int, int]]:
        """(pair, shard) for every split pair in every shard holding it, by pair, then shard."""
        split = self.split

        def marked(n: int, rows: array[int]) -> Iterator[tuple[int, int]]:
            return ((r, n) for r in rows if split[r])

        return heapq.merge(*(marked(n, rows) for n, rows in enumerate(self.rows)))

    def connect(self, connected: Sequence[tuple[tuple[array[int], array[int], array[int]], Placed]]) -> None:
        """Add the shards' common and agreeing questions; order each split pair's values (:func:`~._shard.connect`).

        A shard gives, for each of its split pairs in its order, the place in the run's
        order of each value the pair shares there (ascending, with the value id); the
        places of one pair in all its shards are merged, as ``heapq.merge`` of
        (place, value, shard), and only the shard of each is kept.
        """
        common, agreeing = self.common, self.agreeing
        for (rows, counts, agreed), _ in connected:
            for r, count, same in zip(rows, counts, agreed, strict=True):
                common[r] += count
                agreeing[r] += same
        at = [0] * len(connected)
        taken = [0] * len(connected)
        pending: list[tuple[int, int]] = []
        for r, n in itertools.chain(self._split_by_shard(), ((-1, -1),)):
            if pending and r != pending[0][0]:
                lists = []
                for _, m in pending:
                    places, values, lengths = connected[m][1]
                    low, high = at[m], at[m] + lengths[taken[m]]
                    lists.append(zip(places[low:high], values[low:high], [m] * (high - low), strict=True))
                    at[m], taken[m] = high, taken[m] + 1
                self.spread_rows.append(pending[0][0])
                self.shard_of.extend(m for _, _, m in heapq.merge(*lists))
                self.turn.append(len(self.shard_of))
                pending = []
            pending.append((r, n))

    def factors(self, evidence: Sequence[Evidence], copy: AccuCopyParams) -> list[array[float]]:
        """Every pair's posteriors from the shards' log-likelihoods; each shard's independence factors, in its order.

        A pair held by one shard comes summed; a split pair's terms are added here, from
        0.0, in the run's value order (each shard's terms of it come in that order).
        """
        posterior = _Posterior(self, copy)
        split = self.split
        for rows, weighed in zip(self.rows, evidence, strict=True):
            whole, k = weighed.whole, 0
            for r in rows:
                if not split[r]:
                    posterior(r, whole[k], whole[k + 1], whole[k + 2])
                    k += 3
        terms = [weighed.terms for weighed in evidence]
        at = [0] * len(evidence)
        shard_of, turn = self.shard_of, self.turn
        for j, r in enumerate(self.spread_rows):
            independent = a_copies = b_copies = 0.0
            for n in shard_of[turn[j] : turn[j + 1]]:
                k, found = at[n], terms[n]
                independent += found[k]
                a_copies += found[k + 1]
                b_copies += found[k + 2]
                at[n] = k + 3
            posterior(r, independent, a_copies, b_copies)
        c, total = copy.copy_rate, self.total
        return [array("d", (1.0 - c * total[r] if total[r] >= FLOOR else 1.0 for r in rows)) for rows in self.rows]

    def finish(self, counted: Sequence[tuple[array[int], array[int]]]) -> None:
        """Add each shard's shared values nobody else gives and its lost ones (:func:`~._shard.finish`)."""
        unique, false = self.unique, self.false
        for rows, (alone, losing) in zip(self.rows, counted, strict=True):
            for r, count, lost in zip(rows, alone, losing, strict=True):
                unique[r] += count
                false[r] += lost

    def report(self, names: Sequence[str], threshold: float) -> DependenceTable:
        """:meth:`Dependences.report` of the pairs at or above ``threshold``, in columns (none declared)."""
        return DependenceTable.of_rows(names, self._rows(threshold))

    def _rows(self, threshold: float) -> Iterator[Row]:
        total = self.total
        for r in range(len(self.key)):
            if total[r] >= threshold:
                a, b = self.pair(r)
                yield (
                    a,
                    b,
                    total[r],
                    self.a_copies[r],
                    self.b_copies[r],
                    False,
                    self.common[r],
                    self.values[r],
                    self.unique[r],
                    self.false[r],
                    self.agreeing[r],
                )


class _Posterior:
    """Pr(dependent) and its directions from a pair's log-likelihoods: :meth:`Dependences.update`'s arithmetic."""

    def __init__(self, spread: Spread, copy: AccuCopyParams) -> None:
        self.spread = spread
        alpha = copy.alpha
        self.prior_independent, self.prior_direction = math.log(1.0 - alpha), math.log(alpha / 2.0)
        self.differ = math.log(1.0 - copy.copy_rate)

    def __call__(self, r: int, independent: float, a_copies: float, b_copies: float) -> None:
        spread, exp = self.spread, math.exp
        different = (spread.common[r] - spread.agreeing[r]) * self.differ
        x = self.prior_independent + independent
        x_ab = self.prior_direction + a_copies + different
        x_ba = self.prior_direction + b_copies + different
        top = x_ab if x_ab > x else x
        top = x_ba if x_ba > top else top
        e_ind, e_ab, e_ba = exp(x - top), exp(x_ab - top), exp(x_ba - top)
        total = e_ind + e_ab + e_ba
        spread.a_copies[r], spread.b_copies[r] = e_ab / total, e_ba / total
        spread.total[r] = (e_ab + e_ba) / total

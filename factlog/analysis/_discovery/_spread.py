"""The driver's pairs of sources sharing a value over shards: only the split ones kept, in :mod:`array` columns.

A run split by question (:mod:`._shard`) finds each pair of sources that share a value
in every shard where they share one. A pair held by one shard is weighed and reported
there (:mod:`._shardpairs`); the driver (:mod:`._learn`) finds the pairs once, in
columns (about 30 bytes a pair while the run starts), tells each shard the whole run's
counts of its pairs, and then keeps only the pairs that share values in several shards
(*split*: about one in five on the generated sets): their counts, their last posteriors,
and the shard of each value they share, in the whole run's value order, so that their
log-likelihoods are added in that order, as one process adds them
(:class:`~._copying.Dependences`). A pair as an object with its lists and tuples cost
the driver about 1,150 bytes at its traced peak (issue 19; ``benchmarks/RESULTS.md``,
"The Dask driver's pairs in columns"). Standard library only.
"""

from __future__ import annotations

import heapq
import itertools
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence

from factlog.analysis._discovery._copying import FLOOR
from factlog.analysis._discovery._results import AccuCopyParams
from factlog.analysis._discovery._shardpairs import Common, Placed, Posterior, Reported
from factlog.analysis._discovery._table import DependenceTable, Row

__all__ = ["Spread"]

ReportedRow = tuple[int, float, float, float, int, int, int, int, int]
"""A pair to report as the shards give it: key, the three posteriors, the five counts of a Dependence."""


class Spread:
    """The run's pairs: how many, and the split ones (a < b, in (a, b) order) with what the driver sums of them.

    Split pair j is ``key[j]`` = a · ``sources`` + b; ``values[j]``, ``common[j]``,
    ``agreeing[j]``: the values both give that copy detection uses, the questions both
    answer, and those where they give an identical value (every shard's);
    ``unique[j]``, ``false[j]``: shared values nobody else gives, and those not among
    the winners (at the end); ``total[j]``, ``a_copies[j]``, ``b_copies[j]``: the last
    posteriors; the shards of its values, in the run's value order, are
    ``shard_of[turn[j]:turn[j + 1]]``. ``at[n]``: the split pair of each of shard n's
    split pairs, in its order.
    """

    __slots__ = (
        "_all",
        "_rows",
        "_split",
        "_values",
        "a_copies",
        "agreeing",
        "at",
        "b_copies",
        "common",
        "false",
        "key",
        "pairs",
        "shard_of",
        "sources",
        "total",
        "turn",
        "unique",
        "values",
    )

    def __init__(self, sources: int, keys: Sequence[array[int]], shared: Sequence[array[int]]) -> None:
        """The run's pairs from each shard's: its pairs' keys, ascending, and the values each shares there."""
        self.sources = sources
        every = self._all = array("q")
        last = -1
        for k in heapq.merge(*keys):
            if k != last:
                every.append(k)
                last = k
        self.pairs = size = len(every)
        code = "i" if size < 2**31 else "q"
        values = self._values = array("i", [0]) * size
        seen = bytearray(size)
        self._rows: list[array[int]] = []
        for found, counts in zip(keys, shared, strict=True):
            rows, at = array(code), 0
            for k, count in zip(found, counts, strict=True):
                at = bisect_left(every, k, at)
                rows.append(at)
                values[at] += count
                seen[at] += seen[at] < 2
            self._rows.append(rows)
        self._split = bytearray(x > 1 for x in seen)
        del seen
        self.key, self.turn, self.shard_of = array("q"), array("q", [0]), array("i")
        self.values, self.common, self.agreeing = array("i"), array("i"), array("i")
        self.unique, self.false = array("i"), array("i")
        self.total, self.a_copies, self.b_copies = array("d"), array("d"), array("d")
        self.at: list[array[int]] = []

    def __len__(self) -> int:
        return self.pairs

    def wanted(self) -> array[int]:
        """Every pair's key, ascending: what :func:`~._shardpairs.connect` counts in each shard."""
        return self._all

    def flags(self) -> list[bytes]:
        """Per shard, for each of its pairs (in its order), 1 when the pair is split."""
        split = self._split
        return [bytes(split[r] for r in rows) for rows in self._rows]

    def _split_by_shard(self) -> Iterator[tuple[int, int]]:
        """(pair, shard) for every split pair in every shard holding it, by pair, then shard."""
        split = self._split

        def marked(n: int, rows: array[int]) -> Iterator[tuple[int, int]]:
            return ((r, n) for r in rows if split[r])

        return heapq.merge(*(marked(n, rows) for n, rows in enumerate(self._rows)))

    def connect(self, arriving: Iterable[tuple[int, tuple[Common, Placed]]]) -> list[tuple[array[int], array[int]]]:
        """Sum the shards' :data:`~._shardpairs.Common`; keep the split pairs; per shard its pairs' whole counts.

        ``arriving``: each shard's ``(i, (common, placed))``, in any order (the counts
        are whole numbers: summed as they come). A shard's :data:`~._shardpairs.Placed`
        gives, for each of its split pairs in its order, the place in the run's order of
        each value the pair shares there (ascending, with the value id); the places of
        one pair in all its shards are merged, as ``heapq.merge`` of (place, value,
        shard), and only the shard of each is kept. Returns, per shard, (questions both
        answer, questions they agree on) of each of its pairs, in its order, for
        :func:`~._shardpairs.know`; then lets go of the pairs not split.
        """
        size = self.pairs
        both, agreeing = array("i", [0]) * size, array("i", [0]) * size
        placed: list[Placed | None] = [None] * len(self._rows)
        for i, (common, where) in arriving:
            placed[i] = where
            for r, count, same in zip(*common, strict=True):
                both[r] += count
                agreeing[r] += same
            del common
        at, taken = [0] * len(placed), [0] * len(placed)
        pending: list[tuple[int, int]] = []
        split_rows = array("i" if size < 2**31 else "q")
        for r, n in itertools.chain(self._split_by_shard(), ((-1, -1),)):
            if pending and r != pending[0][0]:
                lists = []
                for _, m in pending:
                    found = placed[m]
                    assert found is not None  # every shard arrives once
                    places, values, lengths = found
                    low, high = at[m], at[m] + lengths[taken[m]]
                    lists.append(zip(places[low:high], values[low:high], [m] * (high - low), strict=True))
                    at[m], taken[m] = high, taken[m] + 1
                row = pending[0][0]
                split_rows.append(row)
                self.key.append(self._all[row])
                self.values.append(self._values[row])
                self.common.append(both[row])
                self.agreeing.append(agreeing[row])
                self.shard_of.extend(m for _, _, m in heapq.merge(*lists))
                self.turn.append(len(self.shard_of))
                pending = []
            pending.append((r, n))
        split = len(self.key)
        self.unique, self.false = array("i", [0]) * split, array("i", [0]) * split
        self.total, self.a_copies, self.b_copies = (array("d", [0.0]) * split for _ in range(3))
        known = []
        for rows in self._rows:
            known.append((array("i", (both[r] for r in rows)), array("i", (agreeing[r] for r in rows))))
            self.at.append(array("i", (bisect_left(split_rows, r) for r in rows if self._split[r])))
        self._all, self._values, self._split, self._rows = array("q"), array("i"), bytearray(), []
        return known

    def factors(self, terms: Sequence[array[float]], copy: AccuCopyParams) -> list[array[float]]:
        """The split pairs' posteriors from the shards' terms; each shard's split pairs' factors, in its order.

        A split pair's terms are added here, from 0.0, in the run's value order (each
        shard gives its terms of each of its split pairs in its pair order and their
        value order, and a shard's split pairs come in the run's pair order).
        """
        posterior = Posterior(copy)
        cursor = [0] * len(terms)
        shard_of, turn, common, agreeing = self.shard_of, self.turn, self.common, self.agreeing
        for j in range(len(self.key)):
            independent = a_copies = b_copies = 0.0
            for n in shard_of[turn[j] : turn[j + 1]]:
                k, found = cursor[n], terms[n]
                independent += found[k]
                a_copies += found[k + 1]
                b_copies += found[k + 2]
                cursor[n] = k + 3
            self.total[j], self.a_copies[j], self.b_copies[j] = posterior(
                common[j] - agreeing[j], independent, a_copies, b_copies
            )
        c, total = copy.copy_rate, self.total
        return [array("d", (1.0 - c * total[j] if total[j] >= FLOOR else 1.0 for j in mine)) for mine in self.at]

    def report(self, names: Sequence[str], threshold: float, found: Sequence[Reported]) -> DependenceTable:
        """:meth:`Dependences.report` of the pairs at or above ``threshold``, in columns (none declared).

        ``found``: each shard's :class:`~._shardpairs.Reported`: its pairs held there
        alone, and what it adds to the split pairs' counts. The rows of the shards and
        the split pairs' are merged in (a, b) order, one at a time.
        """
        unique, false = self.unique, self.false
        for mine, reported in zip(self.at, found, strict=True):
            for j, alone, lost in zip(mine, reported.alone, reported.lost, strict=True):
                unique[j] += alone
                false[j] += lost
        split = (self._split_row(j) for j in range(len(self.key)) if self.total[j] >= threshold)
        shards = (zip(r.keys, *r.posteriors, *r.counts, strict=True) for r in found)
        sources = self.sources
        rows = (_row(sources, row) for row in heapq.merge(split, *shards))
        return DependenceTable.of_rows(names, rows)

    def _split_row(self, j: int) -> ReportedRow:
        """Split pair ``j`` as a shard's :class:`~._shardpairs.Reported` row: key, posteriors, counts."""
        return (
            self.key[j],
            self.total[j],
            self.a_copies[j],
            self.b_copies[j],
            self.common[j],
            self.values[j],
            self.unique[j],
            self.false[j],
            self.agreeing[j],
        )


def _row(sources: int, row: ReportedRow) -> Row:
    """A merged row (key, posteriors, counts) as a :class:`~._table.DependenceTable` row."""
    key, total, ab, ba, common, same, alone, lost, agreed = row
    a, b = divmod(key, sources)
    return (a, b, total, ab, ba, False, common, same, alone, lost, agreed)

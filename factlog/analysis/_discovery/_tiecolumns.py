"""The tied providers' expected discounts (:mod:`._ties`) in numpy columns: the same floats, bit for bit.

:meth:`._ties.Ties.discounts` computes each tied member's E by :func:`._ties.expected`
one member at a time, about 2 µs each; at a million generated claims that is about 5,400
members a round, 1.2 CPU s over AccuCopy's 92 rounds (benchmarks/RESULTS.md, "AccuCopy's
tie discounts in columns"). Here the members of every group of one size are taken at
once: each member's co-provider factors gathered into a row, the row sorted with its
factors of exactly 1.0 put last (``expected`` drops them and sorts the others
ascending), and the rows of d kept factors run ``expected``'s recurrence in lockstep,
step i over column i. Each step is the loop's own operations in the same order, one
ufunc each (numpy fuses no product into a sum), and the means are added left to right
from the first, as ``expected`` adds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from factlog.analysis._discovery._ties import Ties

__all__ = ["TieColumns", "lockstep"]


def _co_providers(size: int) -> npt.NDArray[np.int64]:
    """Member i's pairs with the other ``size`` − 1 members, as offsets into its group's triangle of pairs.

    Shape (size, size − 1): the pair of members j < i is at i(i − 1)/2 + j
    (:class:`._ties.Ties`). The order within a row does not matter: the row is sorted.
    """
    found = np.empty((size, size - 1), dtype=np.int64)
    for i in range(size):
        found[i] = [i * (i - 1) // 2 + j if j < i else j * (j - 1) // 2 + i for j in range(size) if j != i]
    return found


def lockstep(kept: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """:func:`._ties.expected` of each row of ``kept`` (n rows of d ≥ 1 factors ≠ 1.0, each sorted ascending).

    With a_k the mean of the products of k of the first i factors, step i sets
    a_i ← f·a_{i−1} and a_k ← ((i − k)·a_k + k·f·a_{k−1}) / i for k = i − 1 … 1 from
    the a of step i − 1, as the loop (which goes down in k) reads them. Shape (n,).
    """
    rows, d = kept.shape
    means = np.zeros((rows, d + 1))
    means[:, 0] = 1.0
    for i in range(1, d + 1):
        f = kept[:, i - 1]
        ks = np.arange(1, i, dtype=np.float64)
        inner = ((i - ks) * means[:, 1:i] + (ks * f[:, None]) * means[:, 0 : i - 1]) / i
        means[:, i] = f * means[:, i - 1]
        means[:, 1:i] = inner
    total = means[:, 0].copy()
    for k in range(1, d + 1):
        total += means[:, k]
    found: npt.NDArray[np.float64] = total / (d + 1)
    return found


class TieColumns:
    """A :class:`._ties.Ties`'s groups by size, each member's co-provider pairs in a column: built once a plan.

    ``buckets``: (size, the groups of that size, their members' pair ids of shape
    (groups, size, size − 1)). 4 bytes a pair id, twice each pair (once for each member).
    """

    __slots__ = ("buckets", "first")

    def __init__(self, ties: Ties) -> None:
        sizes = np.frombuffer(ties.size, np.int32)
        link = np.frombuffer(ties.link, np.int64)
        pair = np.frombuffer(ties.pair, np.int32)
        self.first = np.frombuffer(ties.first, np.int64)
        self.buckets: list[tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int32]]] = []
        for size in np.unique(sizes).tolist():
            groups = np.flatnonzero(sizes == size)
            offsets = link[groups][:, None, None] + _co_providers(size)[None, :, :]
            self.buckets.append((size, groups, pair[offsets]))

    def discounts(
        self, factor: npt.NDArray[np.float64], dependent: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """:meth:`._ties.Ties.discounts` of the groups marked ``dependent``: plan positions and E, in plan order.

        ``factor``: pair id → its factor; ``dependent``: group → whether any of its pairs
        has a factor other than 1.0. Only the members whose E is not 1.0 are given.
        """
        positions: list[npt.NDArray[np.int64]] = []
        shares: list[npt.NDArray[np.float64]] = []
        for size, groups, pairs in self.buckets:
            chosen = dependent[groups]
            if not chosen.any():
                continue
            rows = factor[pairs[chosen]].reshape(-1, size - 1)
            rows = np.sort(np.where(rows == 1.0, np.inf, rows), axis=1)  # the kept factors first, ascending
            kept = np.count_nonzero(rows != np.inf, axis=1)
            share = np.ones(len(rows))
            for d in np.unique(kept[kept > 0]).tolist():
                at = np.flatnonzero(kept == d)
                share[at] = lockstep(rows[at, :d])
            members = (self.first[groups[chosen]][:, None] + np.arange(size)[None, :]).reshape(-1)
            differs = share != 1.0
            positions.append(members[differs])
            shares.append(share[differs])
        if not positions:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        position, found = np.concatenate(positions), np.concatenate(shares)
        order = np.argsort(position, kind="stable")
        return position[order], found[order]

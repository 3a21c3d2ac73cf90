"""AccuCopy's discount among tied providers: the expectation over every order of the tie, not one by name.

AccuCopy counts the providers of a value in a fixed order (:func:`ranks`) and discounts
each by its dependence on those before it: I(S) = Π over earlier S' of (1 − c·Pr(S ~ S'))
(Dong, Berti-Équille & Srivastava, PVLDB 2(1), 2009, section 4). The order is by prior
accuracy, then by informative claims; sources equal on both are *tied*, and no order of
them can be justified from what the model knows. Ordered by name, as before, a tied
source's discount, and through it the learned accuracies and the verdicts, depended on
how sources are named: renaming the entities of a generated set of 200 claims turned a
refuted proposition into a disputed one. So a provider S of v is discounted as before by
the providers strictly before it, and by its m − 1 tied co-providers S_j (factors
f_j = 1 − c·Pr(S ~ S_j)) by the expectation over the m! orders of the tie, uniformly:
S's place is uniform in 0 … m − 1 and its predecessors a uniform subset of that size, so

    E = (1/m) · Σ_{k=0}^{m−1} e_k(f) / C(m − 1, k),   e_k the elementary symmetric polynomial,

and I(S) = (Π over strictly earlier) × E. A factor of exactly 1.0 (no dependence, or
one below :data:`._copying.FLOOR`) changes no product, so only the relative order of S
and its d co-providers with a factor ≠ 1 matters: E is the same sum over those d
factors alone (:func:`expected`), O(d²); a tie with no such factor gives E = 1 and is
skipped, leaving every float as the order by name gave it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence

__all__ = ["Ties", "expected", "ranks"]


def ranks(prior: Sequence[float | None], claims: Sequence[int]) -> list[int]:
    """Source id → its rank among the providers of a value; tied sources share the rank of the first of them.

    By prior accuracy (none counts as lowest), then by informative claims, both
    descending: a source that is better graded, or whose accuracy rests on more claims,
    counts in full and the later ones are discounted. The rank is the place of the
    first source of its tie in that order, by id (1, 2, 2, 4): providers sorted by
    (rank, id) come in the order by name, and equal ranks are ties (:class:`Ties`).
    The order is fixed for the whole run (it depends on nothing learned), so C(v) is
    continuous in the accuracies and dependences and the iteration can settle.
    """
    key = [(-(p or 0.0), -c) for p, c in zip(prior, claims, strict=True)]
    ranked = sorted(range(len(key)), key=lambda s: (key[s], s))
    rank = [0] * len(ranked)
    for position, s in enumerate(ranked):
        rank[s] = rank[ranked[position - 1]] if position and key[ranked[position - 1]] == key[s] else position
    return rank


def expected(factors: Iterable[float]) -> float:
    """E over the uniform orders of S and its tied co-providers of the product of its predecessors' factors.

    ``factors``: f_j = 1 − c·Pr(S ~ S_j) of each co-provider, in any order; the factors
    of exactly 1.0 are dropped and the d others sorted, so any order of the same floats
    gives the same float. With a_k = e_k(f₁ … f_i) / C(i, k), the mean of the products
    of k of the first i factors, a_k ← ((i − k)·a_k + k·f_i·a_{k−1}) / i: a weighted mean,
    every a_k in [0, 1], no binomial grows. E = Σ_k a_k / (d + 1); 1.0 when d = 0. O(d²).
    The a_k are added left to right from a_0, as :mod:`._tiecolumns` adds its columns, on
    every Python (from 3.12 on, :func:`sum` compensates and could round otherwise).
    """
    kept = sorted(f for f in factors if f != 1.0)
    if not kept:
        return 1.0
    means = [1.0] + [0.0] * len(kept)
    for i, f in enumerate(kept, 1):
        means[i] = f * means[i - 1]
        for k in range(i - 1, 0, -1):
            means[k] = ((i - k) * means[k] + k * f * means[k - 1]) / i
    total = means[0]
    for mean in means[1:]:
        total += mean
    return total / len(means)


class Ties:
    """A plan's groups of tied providers of a value, and their pairs, in :mod:`array` columns.

    Group g's members are the plan's providers ``first[g]`` … ``first[g] + size[g] − 1``
    (consecutive: tied providers are neighbours in vote order); its pairs are
    ``pair[link[g]:link[g + 1]]``, in triangle order: member i's with members 0 … i − 1,
    for i = 1 … size − 1 (member j's pair with member i > j at i(i − 1)/2 + j). Each
    pair once, as the plan held it before ties were told apart: 4 bytes a pair, 20 a group.
    """

    __slots__ = ("first", "link", "pair", "size")

    def __init__(self) -> None:
        self.first, self.link = array("q"), array("q", [0])
        self.size, self.pair = array("i"), array("i")

    def __len__(self) -> int:
        return len(self.first)

    def add(self, first: int, members: Sequence[int], locate: Callable[[int, int], int]) -> None:
        """A group of ``members`` (source ids, in vote order) at plan position ``first``; ``locate(a, b)`` (a < b)."""
        pair = self.pair
        for i in range(1, len(members)):
            s = members[i]
            pair.extend(locate(e, s) if e < s else locate(s, e) for e in members[:i])
        self.first.append(first)
        self.size.append(len(members))
        self.link.append(len(pair))

    def dependent(self, factor: Sequence[float]) -> list[int]:
        """The groups with a pair factor other than 1.0: the only ones whose E may differ from 1."""
        pair, link, pick = self.pair, self.link, factor.__getitem__
        return [g for g in range(len(self.first)) if any(pick(p) != 1.0 for p in pair[link[g] : link[g + 1]])]

    def discounts(self, factor: Sequence[float], groups: Iterable[int]) -> tuple[list[int], list[float]]:
        """The plan positions of the members of ``groups`` whose E is not 1.0, and their E (:func:`expected`).

        Both ways of counting (:func:`._accu._counts`, :class:`._counting.Products`)
        multiply each such vote's discounted term by its E, after the strictly earlier
        factors: the same floats. O(Σ size · d²) for the groups given.
        """
        positions: list[int] = []
        found: list[float] = []
        for g in groups:
            low, size, first = self.link[g], self.size[g], self.first[g]
            factors = [factor[p] for p in self.pair[low : self.link[g + 1]]]
            for i in range(size):
                row = i * (i - 1) // 2
                mine = factors[row : row + i] + [factors[j * (j - 1) // 2 + i] for j in range(i + 1, size)]
                share = expected(mine)
                if share != 1.0:
                    positions.append(first + i)
                    found.append(share)
        return positions, found

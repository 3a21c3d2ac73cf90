"""The pairs of sources that share values, in compact columns: what AccuCopy keeps of each pair.

:meth:`ValueIndex.pairs` gives the same pairs as objects (a tuple of values and a
:class:`Pair` each, several hundred bytes a pair); on Zipf-distributed claim sets the
pairs grow as Σ_v m_v² (m_v the sources giving value v), faster than the claims, and
those objects decided the peak memory of an assessment (issue 19). :class:`PairTable`
holds them in :mod:`array` columns: 12 bytes a pair and 4 a shared value, built in
O(Σ_v m_v² log) time by a counting sort on the first source and a stable sort of each
source's partners, with no dict and no object per pair. Standard library only: the
plain assessment does not need numpy.
"""

from __future__ import annotations

import sys
import warnings
from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from factlog.analysis._discovery._index import Pair, ValueIndex

__all__ = ["PairBudgetWarning", "PairTable", "provider_limit", "warn_left_out"]


class PairBudgetWarning(UserWarning):
    """AccuCopy's budget of pairs of sources left the values given by the most sources out of copy detection.

    Raised as a warning (:mod:`warnings`), once a run, when ``max_pairs`` (50 million by
    default) cannot hold every pair of sources sharing a value: the result is then
    AccuCopy on the values given by at most the limit the message names, and AccuVote
    on the rest (see ``docs/assessment.md``). ``max_pairs=None`` weighs every value.

    ``limit``: the most sources a value weighed has (0: no value was weighed);
    ``max_pairs``: the budget; ``needed``: the pairs the set's values make, counted as
    the budget counts them. :meth:`worded` words the message for another interface.
    """

    def __init__(self, limit: int, max_pairs: int, needed: int) -> None:
        self.limit, self.max_pairs, self.needed = limit, max_pairs, needed
        super().__init__(self.worded())

    def __reduce__(self) -> tuple[type[PairBudgetWarning], tuple[int, int, int]]:
        return (PairBudgetWarning, (self.limit, self.max_pairs, self.needed))

    def worded(self, option: str = "max_pairs", unlimited: str = "max_pairs=None") -> str:
        """The message, naming the budget's ``option`` and its ``unlimited`` setting as given; raises nothing.

        A command line passes ``("--max-pairs", "--max-pairs none")``.
        """
        budget = (
            f"a budget of {self.max_pairs:,} {'pair' if self.max_pairs == 1 else 'pairs'} of sources ({option}),"
            f" where the set's values make {self.needed:,} {'pair' if self.needed == 1 else 'pairs'},"
        )
        if self.limit < 2:
            found = (
                f"copy detection weighed no value: {budget} holds not even the pairs of the values the fewest"
                " sources give, so every vote counts undiscounted"
            )
        else:
            found = (
                f"copy detection weighed only the values at most {self.limit} sources give: {budget} holds no more;"
                " values more sources give count undiscounted"
            )
        cost = "at about 60 bytes a pair in one process, 100 on a Dask driver"
        return f"{found}, as in accuvote ({unlimited} weighs every value, {cost})"


def provider_limit(sizes: Mapping[int, int], max_pairs: int | None) -> int | None:
    """The most providers a value may have to be used by copy detection; None when every value fits.

    ``sizes``: m → how many values m sources give. The values of fewest providers are
    taken first while Σ m(m − 1)/2 stays within ``max_pairs`` (see
    :class:`~._results.AccuCopyParams`); the answer is the m of the last size taken
    whole, or 0 when not even the values the fewest sources give fit: no value is
    weighed, and none has at most 0 sources (a value of one source makes no pair, so a
    limit of 0 leaves out no pair that 1 would keep). Depends on the counts only, so any
    split of the values by question gives the same limit.
    """
    if max_pairs is None:
        return None
    total, limit = 0, 0
    for m in sorted(sizes):
        total += sizes[m] * (m * (m - 1) // 2)
        if total > max_pairs:
            return limit
        limit = m
    return None


def counted_pairs(sizes: Mapping[int, int]) -> int:
    """Σ m(m − 1)/2 over the values, from m → how many values m sources give: the pairs as a budget counts them.

    A pair of sources sharing k values counts k times, so this is at least the number
    of distinct pairs (:class:`PairTable` holds those).
    """
    return sum(count * (m * (m - 1) // 2) for m, count in sizes.items())


def warn_left_out(limit: int | None, max_pairs: int | None, needed: int = 0) -> None:
    """Warn with :class:`PairBudgetWarning` when ``limit`` (from :func:`provider_limit`) leaves values out.

    The warning points at the first caller outside factlog (the line of the user's
    ``factlog.assess``, ``assess_lines`` or ``dask.assess``), so that filters by module
    and Python's once-per-line default apply to the user's code, not to factlog's.
    """
    if limit is None or max_pairs is None:
        return
    warnings.warn(PairBudgetWarning(limit, max_pairs, needed), stacklevel=_outside_factlog())


def _outside_factlog() -> int:
    """The ``stacklevel`` of :func:`warn_left_out`'s first caller outside the factlog package."""
    frame = sys._getframe(2)  # warn_left_out's caller; stacklevel 2 names it
    level = 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "factlog":
        frame = frame.f_back
        level += 1
    return level


class PairTable:
    """Pairs (a, b), a < b, of sources giving at least one identical value, in (a, b) order: :meth:`ValueIndex.pairs`.

    Pair i is source a's for ``first[a] <= i < first[a + 1]``; its other source is
    ``partner[i]``; its shared value ids, ascending, are ``shared[start[i]:start[i + 1]]``;
    ``different[i]`` is the number of questions both answer less those on which they
    give an identical value (the questions where they differ, as AccuCopy counts them).
    With a ``limit``, values more than ``limit`` sources give make no pair and are not
    in ``shared``; ``popular[s]`` holds source s's such values, so that a question on
    which two sources give one of them still counts as agreement, not difference.
    """

    __slots__ = ("different", "first", "partner", "popular", "shared", "start")

    def __init__(self, index: ValueIndex, limit: int | None = None) -> None:
        sources = len(index.sources)
        counted = [0] * sources
        most = len(index.sources) if limit is None else limit
        for given in index.value_votes:
            m = len(given)
            if m > most:
                continue
            for i in range(m - 1):
                counted[given[i][0]] += m - 1 - i
        at = array("q", [0]) * (sources + 1)
        for a in range(sources):
            at[a + 1] = at[a] + counted[a]
        del counted
        entries = at[sources]
        partner_of, value_of = array("i", [0]) * entries, array("i", [0]) * entries
        fill = at[:sources]
        for v, given in enumerate(index.value_votes):
            if not 2 <= len(given) <= most:
                continue
            providers = [s for s, _ in given]
            for i, a in enumerate(providers[:-1]):
                position = fill[a]
                for b in providers[i + 1 :]:
                    partner_of[position], value_of[position] = b, v
                    position += 1
                fill[a] = position
        del fill
        answered = [frozenset(index.value_question[v] for v, _ in given) for given in index.source_votes]
        popular = self.popular = index.popular(limit)
        question = index.value_question
        self.first, self.partner = array("q", [0]), array("i")
        self.start = array("i" if entries < 2**31 else "q")  # 4 bytes a pair where they suffice
        self.shared, self.different = array("i"), array("i")
        for a in range(sources):
            last_b = -1
            agreeing = last_q = 0
            for position in sorted(range(at[a], at[a + 1]), key=partner_of.__getitem__):  # stable: values ascending
                b, v = partner_of[position], value_of[position]
                if b != last_b:
                    if last_b >= 0:
                        self._differing(answered, popular=popular, question=question, a=a, b=last_b, agreeing=agreeing)
                    self.partner.append(b)
                    self.start.append(len(self.shared))
                    last_b, agreeing, last_q = b, 0, -1
                if question[v] != last_q:  # values ascend, so do their questions: count each once
                    agreeing += 1
                    last_q = question[v]
                self.shared.append(v)
            if last_b >= 0:
                self._differing(answered, popular=popular, question=question, a=a, b=last_b, agreeing=agreeing)
            self.first.append(len(self.partner))
        self.start.append(len(self.shared))

    def _differing(
        self,
        answered: list[frozenset[int]],
        *,
        popular: list[frozenset[int]],
        question: Sequence[int],
        a: int,
        b: int,
        agreeing: int,
    ) -> None:
        """Append the questions both answer less those where they give an identical value, popular ones too."""
        if popular[a] and popular[b]:  # rare: the two may also share values copy detection leaves out
            agreeing = self._agreeing(a, b, self.shared[self.start[-1] :], question)
        self.different.append(len(answered[a] & answered[b]) - agreeing)

    def _agreeing(self, a: int, b: int, shared: Sequence[int], question: Sequence[int]) -> int:
        """The questions on which ``a`` and ``b`` give an identical value: ``shared``'s and the left-out values'."""
        return len({question[v] for v in shared} | {question[v] for v in self.popular[a] & self.popular[b]})

    def __len__(self) -> int:
        return len(self.partner)

    def locate(self, a: int, b: int) -> int:
        """The id of the pair of sources ``a`` and ``b`` (either order); raises KeyError if they share no value."""
        if a > b:
            a, b = b, a
        low, high = self.first[a], self.first[a + 1]
        i = bisect_left(self.partner, b, low, high)
        if i == high or self.partner[i] != b:
            raise KeyError((a, b))
        return i

    def pair(self, i: int, a: int, index: ValueIndex) -> Pair:
        """Pair ``i`` (of source ``a``) as :meth:`ValueIndex.pairs` gives it."""
        values = tuple(self.shared[self.start[i] : self.start[i + 1]])
        agreeing = self._agreeing(a, self.partner[i], values, index.value_question)
        return Pair(a, self.partner[i], values, self.different[i] + agreeing, agreeing)

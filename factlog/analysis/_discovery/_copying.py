"""AccuCopy's dependence model: the posterior that one source copies another.

Dong, Berti-Équille & Srivastava, "Integrating conflicting data: the role of source
dependence", PVLDB 2(1), 2009. Two sources that share many values, and above all the
same false values, are likely dependent. Only pairs that share a value are compared
(:meth:`ValueIndex.pairs`). For each value v both give, with q = P(v),
Pt = A1·A2 and Pf = (1 − A1)(1 − A2)/n, n the false values of v's question (the paper's
n of a data item, the n of its vote count A'(S) = ln(n·A/(1 − A)): one for a yes/no
question, whose only false answer two independent sources give together with
probability (1 − A1)(1 − A2), not a hundredth of it):

* independent: q·Pt + (1 − q)·Pf;
* S1 copies S2: q·(c·A2 + (1 − c)·Pt) + (1 − q)·(c·(1 − A2) + (1 − c)·Pf);
* on each question where they differ: Pd if independent, Pd·(1 − c) if copying.

The prior is 1 − α for independence and α/2 per direction, as in the authors' code
(kept, commented out, in DAFNA-EA's ``Dependence.java``). This is the paper's
kt/kf/kd model with the hard true/false decision replaced by P(v); the two agree when
P is 0 or 1. Declared copies are certain dependence.

With numpy installed, each round runs in columns (:mod:`._posteriors`) and gives the
same floats, bit for bit; :data:`numpy_rounds` set to False keeps the loop below.
"""

from __future__ import annotations

import functools
import heapq
import importlib.util
import math
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import PairTable
from factlog.analysis._discovery._results import AccuCopyParams
from factlog.analysis._discovery._table import DependenceTable, Row

if TYPE_CHECKING:
    from factlog.analysis._discovery._posteriors import Layout

__all__ = ["Dependences", "false_values", "summed"]

FLOOR = 1e-9
"""Dependence posteriors below this are treated as 0 when votes are discounted."""

numpy_pairs: int | None = 2_000
"""The fewest pairs weighed in numpy columns with numpy installed (:mod:`._posteriors`: the same floats, bit for bit).

Fewer, or None: the loop of :meth:`Dependences._looped`, as without numpy. About 1 µs a
pair a round is saved, and importing numpy costs about 0.1 s. Read at each round.
"""

numpy_pairs_most: int | None = None
"""The most pairs weighed in numpy columns (None: no bound); more take the loop.

Measured with ``python -m benchmarks --stream-assess`` on the generated set of 300k
claims (1,044,887 pairs): the columns once raised the assessment's peak memory from 244
MB to 385–395 MB, because they gathered every reported pair (about half of them) in
lists for one sort by id; they now weigh and yield the pairs in blocks of consecutive
ids, and the peak is the loop's (benchmarks/RESULTS.md, "The columns' memory at 300k,
found"), so no bound is set.
"""


@functools.cache
def _layout() -> type[Layout] | None:
    """:class:`._posteriors.Layout` when numpy is installed, else None (checked once, without importing numpy)."""
    if importlib.util.find_spec("numpy") is None:
        return None
    from factlog.analysis._discovery._posteriors import Layout  # noqa: PLC0415 - numpy, an optional extra

    return Layout


def in_columns(pairs: int) -> bool:
    """Whether a run of ``pairs`` pairs runs in numpy columns (:data:`numpy_pairs`, :data:`numpy_pairs_most`)."""
    fewest, most = numpy_pairs, numpy_pairs_most
    if fewest is None or pairs < max(fewest, 1) or (most is not None and pairs > most):
        return False
    return _layout() is not None


def false_values(index: ValueIndex, sizes: Sequence[float | None], n_false: float) -> tuple[float, array[float] | None]:
    """N of every value, the false values of its question: ``sizes[q]`` (a domain), else ``n_false``.

    ``(n, None)`` when every question has the same n (or there is none: ``n_false``);
    otherwise ``(n_false, per value)``, 8 bytes a value.
    """
    found = {n_false if size is None else size for size in sizes}
    if len(found) <= 1:
        return (found.pop() if found else n_false), None
    per_question = [n_false if size is None else size for size in sizes]
    return n_false, array("d", (per_question[q] for q in index.value_question))


def summed(
    values: Sequence[int],
    probabilities: Sequence[float],
    per_value: Sequence[float],
    pair: tuple[float, float, float, float, float, float, float],
) -> tuple[float, float, float]:
    """A pair's three log-likelihoods (independent, a copies b, b copies a) over ``values``, n read per value.

    ``pair``: 1 − c, Pt, (1 − A1)(1 − A2), c·A2 + (1 − c)·Pt, c·A1 + (1 − c)·Pt,
    c·(1 − A2), c·(1 − A1). Each sum runs from 0.0 in value order with the operations
    of :meth:`Dependences._looped` (Pf = (1 − A1)(1 − A2)/n, computed again only where n
    changes): where every value's n is one n, the floats of that loop.
    """
    keep, pt, wrong_both, t_ab, t_ba, wrong_copied_b, wrong_copied_a = pair
    log = math.log
    independent = a_copies = b_copies = 0.0
    last = pf = f_ab = f_ba = math.nan
    for v in values:
        n = per_value[v]
        if n != last:
            last, pf = n, wrong_both / n
            kept_f = keep * pf
            f_ab, f_ba = wrong_copied_b + kept_f, wrong_copied_a + kept_f
        q = probabilities[v]
        r = 1.0 - q
        independent += log(q * pt + r * pf)
        a_copies += log(q * t_ab + r * f_ab)
        b_copies += log(q * t_ba + r * f_ba)
    return independent, a_copies, b_copies


class Dependences:
    """Posteriors of copying for every pair of sources that share a value, updated each round.

    Pairs are numbered in :meth:`ValueIndex.pairs` order (held as a :class:`PairTable`);
    :attr:`factor` holds, per pair id, the independence factor 1 − c·Pr(dependent) that
    :func:`._accu._counts` multiplies in (exactly 1.0 for a declared pair or a posterior
    below :data:`FLOOR`, which leaves a product unchanged). Only the factors are kept:
    the posteriors are computed again, by the same code from the last round's inputs,
    for the pairs reported — about 20 bytes a pair and 4 a shared value in all. One
    round costs O(P + Σ shared values) for P pairs: nothing is rebuilt between rounds.
    """

    def __init__(
        self,
        index: ValueIndex,
        n_false: float,
        copy: AccuCopyParams,
        declared: Mapping[int, frozenset[int]],
        limit: int | None = None,
        *,
        sizes: Sequence[float | None] = (),
    ) -> None:
        self.index = index
        self.n_false, self.per_value = false_values(index, sizes, n_false)
        """The copy model's n (``sizes``: question id → its false values, None for ``n_false``; none given: ``n_false``
        for every question), and, where questions differ in n, n by value id (:func:`false_values`), else None."""
        self.copy = copy
        self.pairs = PairTable(index, limit)
        self.declared = declared
        self.declared_pairs = frozenset((min(a, b), max(a, b)) for a, found in declared.items() for b in found)
        self._skipped = frozenset(self._declared_ids())
        self.factor = array("d", [1.0]) * len(self.pairs)
        self._last: tuple[Sequence[float], Sequence[float]] | None = None
        self._layout: Layout | None = None

    @property
    def columns(self) -> bool:
        """Whether the rounds run in numpy columns: numpy installed and at least :data:`numpy_pairs` pairs."""
        return in_columns(len(self.pairs))

    def _declared_ids(self) -> Iterator[int]:
        for a, b in self.declared_pairs:
            try:
                yield self.pairs.locate(a, b)
            except KeyError:
                continue

    def update(self, accuracy: Sequence[float], probabilities: Sequence[float]) -> None:
        """Recompute every inferred pair's factor from the current accuracies and value probabilities.

        Both sequences are kept (not copied) for :attr:`total`, :attr:`direction` and
        :meth:`report`: the caller must not change them afterwards.
        """
        self._last = (accuracy, probabilities)
        for _ in self._posteriors(accuracy, probabilities, math.inf, write=True):
            pass  # nothing reaches an infinite threshold: the sweep only writes the factors

    def _posteriors(
        self, accuracy: Sequence[float], probabilities: Sequence[float], threshold: float, *, write: bool = False
    ) -> Iterator[tuple[int, int, int, float, float, float]]:
        """(pair id, a, b, Pr(dependent), Pr(a copies b), Pr(b copies a)) of the inferred pairs from ``threshold`` on.

        In pair order. With ``write``, every inferred pair's factor is written. With
        numpy installed and at least :data:`numpy_pairs` pairs, :class:`._posteriors.Layout`
        weighs them (built at the first round, a few integers a block of pairs); otherwise
        :meth:`_looped`.
        """
        c, alpha = self.copy.copy_rate, self.copy.alpha
        model = (c, self.n_false, math.log(1.0 - alpha), math.log(alpha / 2.0), math.log(1.0 - c))
        columns = _layout() if self.columns else None
        if columns is None:
            return self._looped(accuracy, probabilities, threshold, model=model, write=write)
        if self._layout is None:
            self._layout = columns(self.pairs, self._skipped)
        return self._layout.posteriors(
            accuracy,
            probabilities,
            threshold,
            model=model,
            factor=self.factor if write else None,
            per_value=self.per_value,
        )

    def _looped(
        self,
        accuracy: Sequence[float],
        probabilities: Sequence[float],
        threshold: float,
        *,
        model: tuple[float, float, float, float, float],
        write: bool,
    ) -> Iterator[tuple[int, int, int, float, float, float]]:
        """:meth:`_posteriors` in one loop over the pair columns, with nothing built per pair unless it is yielded.

        ``model``: copy rate c, false values n, ln(1 − α), ln(α/2), ln(1 − c); with
        :attr:`per_value`, each value's n instead (:func:`summed`). A tuple yielded for
        every pair cost about a tenth of a round.
        """
        c, n, prior_independent, prior_direction, differ = model
        per_value = self.per_value
        log, exp = math.log, math.exp
        keep = 1.0 - c
        # Per source, A, 1 − A, c·A and c·(1 − A): one tuple unpacked where four lists were indexed.
        terms = [(x, 1.0 - x, c * x, c * (1.0 - x)) for x in accuracy]
        table, skipped, factor = self.pairs, self._skipped, self.factor
        first, partner, start, shared, differs = table.first, table.partner, table.start, table.shared, table.different
        high = start[0]
        for a in range(len(first) - 1):
            a1, wrong_a, right_a, wrong_copied_a = terms[a]
            for i in range(first[a], first[a + 1]):
                low, high = high, start[i + 1]  # pairs come in order: this pair's values start where the last ended
                if skipped and i in skipped:
                    continue
                a2, wrong_b, right_b, wrong_copied_b = terms[partner[i]]
                pt, pf = a1 * a2, wrong_a * wrong_b / n
                kept_t, kept_f = keep * pt, keep * pf  # each computed once, used for both directions
                if per_value is not None:  # n read per value: a run whose questions differ in n
                    independent, a_copies, b_copies = summed(
                        shared[low:high],
                        probabilities,
                        per_value,
                        (
                            keep,
                            pt,
                            wrong_a * wrong_b,
                            right_b + kept_t,
                            right_a + kept_t,
                            wrong_copied_b,
                            wrong_copied_a,
                        ),
                    )
                elif high - low == 1:  # the loop below, once: 0.0 + x is x
                    q = probabilities[shared[low]]
                    r = 1.0 - q
                    independent, a_copies, b_copies = (
                        log(q * pt + r * pf),
                        log(q * (right_b + kept_t) + r * (wrong_copied_b + kept_f)),
                        log(q * (right_a + kept_t) + r * (wrong_copied_a + kept_f)),
                    )
                else:
                    t_ab, f_ab = right_b + kept_t, wrong_copied_b + kept_f
                    t_ba, f_ba = right_a + kept_t, wrong_copied_a + kept_f
                    independent = a_copies = b_copies = 0.0
                    for v in shared[low:high]:
                        q = probabilities[v]
                        r = 1.0 - q
                        independent += log(q * pt + r * pf)
                        a_copies += log(q * t_ab + r * f_ab)
                        b_copies += log(q * t_ba + r * f_ba)
                different = differs[i] * differ
                x = prior_independent + independent
                x_ab = prior_direction + a_copies + different
                x_ba = prior_direction + b_copies + different
                # exp(x − top) for the largest of the three (the first of them on a tie): exp(0.0) is
                # exactly 1.0 (the logs are finite), so the top's exp is not computed.
                if x_ab > x:
                    if x_ba > x_ab:
                        e_ind, e_ab, e_ba = exp(x - x_ba), exp(x_ab - x_ba), 1.0
                    else:
                        e_ind, e_ab, e_ba = exp(x - x_ab), 1.0, exp(x_ba - x_ab)
                elif x_ba > x:
                    e_ind, e_ab, e_ba = exp(x - x_ba), exp(x_ab - x_ba), 1.0
                else:
                    e_ind, e_ab, e_ba = 1.0, exp(x_ab - x), exp(x_ba - x)
                total = e_ind + e_ab + e_ba
                dependence = (e_ab + e_ba) / total
                if write:
                    factor[i] = 1.0 - c * dependence if dependence >= FLOOR else 1.0
                if dependence >= threshold:
                    yield i, a, partner[i], dependence, e_ab / total, e_ba / total

    def _inferred(self, threshold: float = -math.inf) -> Iterator[tuple[int, int, int, float, float, float]]:
        return iter(()) if self._last is None else self._posteriors(*self._last, threshold)

    @property
    def total(self) -> dict[tuple[int, int], float]:
        """(a, b) → Pr(dependent) for every inferred pair, once :meth:`update` has run."""
        return {(a, b): total for _, a, b, total, _, _ in self._inferred()}

    @property
    def direction(self) -> dict[tuple[int, int], tuple[float, float]]:
        """(a, b) → (Pr(a copies b), Pr(b copies a)) for every inferred pair, once :meth:`update` has run."""
        return {(a, b): (a_copies, b_copies) for _, a, b, _, a_copies, b_copies in self._inferred()}

    def report(self, probabilities: Sequence[float], threshold: float) -> DependenceTable:
        """Pairs at or above ``threshold`` and every declared pair, with their evidence, in columns.

        The pairs are taken one at a time in (a, b) order (the inferred ones from
        :meth:`_posteriors`, the declared ones merged in) and written to a
        :class:`DependenceTable`: no object is kept per pair.
        """
        index = self.index
        winners = bytearray(len(index.value_answer))
        for v in index.winners(probabilities):
            winners[v] = 1
        chosen = (
            (a, b, i, total, a_copies, b_copies) for i, a, b, total, a_copies, b_copies in self._inferred(threshold)
        )
        declared = [(a, b, -1, 1.0, 0.0, 0.0) for a, b in sorted(self.declared_pairs)]
        merged = heapq.merge(chosen, declared)
        return DependenceTable.of_rows(index.sources, self._rows(merged, winners))

    def _rows(self, chosen: Iterable[tuple[int, int, int, float, float, float]], winners: bytearray) -> Iterator[Row]:
        """The reported pairs as :class:`DependenceTable` rows; a declared pair comes with pair id -1.

        :meth:`_posteriors` skips the declared pairs, so none comes twice.
        """
        index, table = self.index, self.pairs
        start, values, different, popular, size = (
            table.start,
            table.shared,
            table.different,
            table.popular,
            index.value_votes.size,
        )
        for a, b, inferred, total, copies_ab, copies_ba in chosen:
            if inferred >= 0 and start[inferred + 1] - start[inferred] == 1 and not (popular[a] and popular[b]):
                # Most pairs share one value, and no value left out (``popular``): the rows below, written for it.
                v = values[start[inferred]]
                yield (
                    a,
                    b,
                    total,
                    copies_ab,
                    copies_ba,
                    False,
                    different[inferred] + 1,
                    1,
                    1 if size(v) == 2 else 0,
                    0 if winners[v] else 1,
                    1,
                )
                continue
            declared = inferred < 0
            i, a_copies, b_copies = inferred, copies_ab, copies_ba
            if declared:
                a_copies = 1.0 if b in self.declared.get(a, frozenset()) else 0.0
                b_copies = 1.0 if a in self.declared.get(b, frozenset()) else 0.0
                try:
                    i = table.locate(a, b)
                except KeyError:
                    i = -1
            shared: Sequence[int]
            if i < 0:
                first = {index.value_question[v] for v, _ in index.source_votes[a]}
                second = {index.value_question[v] for v, _ in index.source_votes[b]}
                common, shared, agreeing = len(first & second), (), 0
            else:
                pair = table.pair(i, a, index)
                common, shared, agreeing = pair.common_questions, pair.shared, pair.shared_questions
            yield (
                a,
                b,
                total,
                a_copies,
                b_copies,
                declared,
                common,
                len(shared),
                sum(1 for v in shared if index.value_votes.size(v) == 2),
                sum(1 for v in shared if not winners[v]),
                agreeing,
            )

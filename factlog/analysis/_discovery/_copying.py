"""AccuCopy's dependence model: the posterior that one source copies another.

Dong, Berti-Équille & Srivastava, "Integrating conflicting data: the role of source
dependence", PVLDB 2(1), 2009. Two sources that share many values, and above all the
same false values, are likely dependent. Only pairs that share a value are compared
(:meth:`ValueIndex.pairs`). For each value v both give, with q = P(v),
Pt = A1·A2 and Pf = (1 − A1)(1 − A2)/n:

* independent: q·Pt + (1 − q)·Pf;
* S1 copies S2: q·(c·A2 + (1 − c)·Pt) + (1 − q)·(c·(1 − A2) + (1 − c)·Pf);
* on each question where they differ: Pd if independent, Pd·(1 − c) if copying.

The prior is 1 − α for independence and α/2 per direction, as in the authors' code
(kept, commented out, in DAFNA-EA's ``Dependence.java``). This is the paper's
kt/kf/kd model with the hard true/false decision replaced by P(v); the two agree when
P is 0 or 1. Declared copies are certain dependence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._results import AccuCopyParams, Dependence

__all__ = ["Dependences"]

FLOOR = 1e-9
"""Dependence posteriors below this are treated as 0 when votes are discounted."""


class Dependences:
    """Posteriors of copying for every pair of sources that share a value, updated each round."""

    def __init__(
        self, index: ValueIndex, n_false: float, copy: AccuCopyParams, declared: Mapping[int, frozenset[int]]
    ) -> None:
        self.index = index
        self.n_false = n_false
        self.copy = copy
        self.pairs = index.pairs()
        self.declared = declared
        self.declared_pairs = frozenset((min(a, b), max(a, b)) for a, found in declared.items() for b in found)
        self.total: dict[tuple[int, int], float] = {}
        self.direction: dict[tuple[int, int], tuple[float, float]] = {}

    def update(self, accuracy: Sequence[float], probabilities: Sequence[float]) -> None:
        """Recompute every inferred pair from the current accuracies and value probabilities."""
        c, n, alpha = self.copy.copy_rate, self.n_false, self.copy.alpha
        prior_independent, prior_direction = math.log(1.0 - alpha), math.log(alpha / 2.0)
        differ = math.log(1.0 - c)
        for pair in self.pairs:
            if (pair.a, pair.b) in self.declared_pairs:
                continue
            a1, a2 = accuracy[pair.a], accuracy[pair.b]
            pt, pf = a1 * a2, (1.0 - a1) * (1.0 - a2) / n
            t_ab, f_ab = c * a2 + (1.0 - c) * pt, c * (1.0 - a2) + (1.0 - c) * pf
            t_ba, f_ba = c * a1 + (1.0 - c) * pt, c * (1.0 - a1) + (1.0 - c) * pf
            independent = a_copies = b_copies = 0.0
            for v in pair.shared:
                q = probabilities[v]
                independent += math.log(q * pt + (1.0 - q) * pf)
                a_copies += math.log(q * t_ab + (1.0 - q) * f_ab)
                b_copies += math.log(q * t_ba + (1.0 - q) * f_ba)
            different = (pair.common_questions - pair.shared_questions) * differ
            x = (prior_independent + independent, prior_direction + a_copies + different)
            y = prior_direction + b_copies + different
            top = max(*x, y)
            e_ind, e_ab, e_ba = math.exp(x[0] - top), math.exp(x[1] - top), math.exp(y - top)
            total = e_ind + e_ab + e_ba
            self.direction[(pair.a, pair.b)] = (e_ab / total, e_ba / total)
            self.total[(pair.a, pair.b)] = (e_ab + e_ba) / total

    def neighbours(self) -> list[dict[int, float]]:
        """Source id → {other source id: Pr(dependent)} for inferred pairs above :data:`FLOOR`."""
        found: list[dict[int, float]] = [{} for _ in self.index.sources]
        for (a, b), dependence in self.total.items():
            if dependence >= FLOOR:
                found[a][b] = dependence
                found[b][a] = dependence
        return found

    def report(self, probabilities: Sequence[float], threshold: float) -> tuple[Dependence, ...]:
        """Pairs at or above ``threshold`` and every declared pair, with their evidence."""
        index = self.index
        winners = index.winners(probabilities)
        by_pair = {(pair.a, pair.b): pair for pair in self.pairs}
        found = []
        for key in sorted(set(self.total) | self.declared_pairs):
            a, b = key
            if key in self.declared_pairs:
                a_copies = 1.0 if b in self.declared.get(a, frozenset()) else 0.0
                b_copies = 1.0 if a in self.declared.get(b, frozenset()) else 0.0
                total, declared = 1.0, True
            else:
                (a_copies, b_copies), total, declared = self.direction[key], self.total[key], False
                if total < threshold:
                    continue
            pair = by_pair.get(key)
            shared: tuple[int, ...]
            if pair is None:
                first = {index.value_question[v] for v, _ in index.source_votes[a]}
                second = {index.value_question[v] for v, _ in index.source_votes[b]}
                common, shared, agreeing = len(first & second), tuple[int, ...](), 0
            else:
                common, shared, agreeing = pair.common_questions, pair.shared, pair.shared_questions
            found.append(
                Dependence(
                    source_a=index.sources[a],
                    source_b=index.sources[b],
                    probability=total,
                    a_copies_b=a_copies,
                    b_copies_a=b_copies,
                    declared=declared,
                    shared_items=common,
                    same_values=len(shared),
                    unique_values=sum(1 for v in shared if len(index.value_votes[v]) == 2),
                    false_values=sum(1 for v in shared if v not in winners),
                    agreeing_items=agreeing,
                )
            )
        found.sort(key=lambda d: (-d.probability, d.source_a, d.source_b))
        return tuple(found)

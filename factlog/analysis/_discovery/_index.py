"""The integer-numbered value index every method runs over, and the pairs of sources that share values.

Votes are deduplicated (one source, question and answer count once, at their largest
weight) and numbered in sorted order; every sum runs in that order, so results do not
depend on input order or hash seed. Pairs of sources are found through the index by
value, never by enumerating all pairs: O(Σ_v m_v²) for m_v sources giving value v.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import mul

import attrs

from factlog.analysis._discovery._ragged import Ragged, Ranges, transposed
from factlog.analysis._discovery._results import Dependence, Discovery, QuestionResult, SourceTrust, Vote
from factlog.model._cached import cached_slot

__all__ = ["Results", "Support", "ValueIndex", "shared_value_pairs"]

Support = Mapping[tuple[str, str], Sequence[tuple[str, float]]]
"""Sparse similarity: ``(question, b) → ((a, sim(a→b)), …)`` for the answers that support ``b``."""

_TIE_REL = 1e-9
_TIE_ABS = 1e-12


class Results(Mapping[str, QuestionResult]):
    """Question → its :class:`QuestionResult`, sorted by name, each built when it is looked up.

    Holds the numbers in two float arrays (16 bytes a value) beside the index's names,
    rather than two dicts and a result object a question (several hundred bytes): a
    truth-discovery run over millions of questions keeps its results in little more
    than its votes (issue 19). Equal to the dict of the same results.
    """

    __slots__ = ("_answers", "_names", "_probabilities", "_scores", "_starts")

    def __init__(
        self,
        names: Sequence[str],
        answers: Sequence[str],
        ranges: Sequence[tuple[int, int]],
        probabilities: Sequence[float],
        scores: Sequence[float],
    ) -> None:
        self._names, self._answers = names, answers
        self._starts = array("q", [start for start, _ in ranges])
        self._starts.append(ranges[-1][1] if ranges else 0)
        self._probabilities, self._scores = array("d", probabilities), array("d", scores)

    def __getitem__(self, name: str) -> QuestionResult:
        q = bisect_left(self._names, name)
        if q == len(self._names) or self._names[q] != name:
            raise KeyError(name)
        start, end = self._starts[q], self._starts[q + 1]
        answers = self._answers[start:end]
        shares = self._probabilities[start:end].tolist()
        top = max(shares)
        winners = tuple(
            a for a, p in zip(answers, shares, strict=True) if math.isclose(p, top, rel_tol=_TIE_REL, abs_tol=_TIE_ABS)
        )
        return QuestionResult(
            name,
            dict(zip(answers, shares, strict=True)),
            dict(zip(answers, self._scores[start:end].tolist(), strict=True)),
            winners,
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"Results({dict(self)!r})"


@attrs.frozen
class Pair:
    """Two sources (ids ``a < b``) that share values: the value ids, the questions both answer."""

    a: int
    b: int
    shared: tuple[int, ...]
    common_questions: int
    shared_questions: int


class _Kept:
    """Where a :class:`ValueIndex` keeps what it computes on first use (see :mod:`factlog.model._cached`)."""

    __slots__ = ("_informative", "_informative_votes_")


@attrs.define(eq=False)
class ValueIndex(_Kept):
    """Votes numbered in sorted order: questions, sources, values (question, answer), and who gives what."""

    questions: tuple[str, ...]
    sources: tuple[str, ...]
    value_answer: tuple[str, ...]
    value_question: Sequence[int]
    q_range: Sequence[tuple[int, int]]
    value_votes: Ragged
    source_votes: Ragged

    @cached_slot
    def informative(self) -> tuple[bool, ...]:
        """Value id → whether another source answers its question too.

        A claim nobody else speaks to says nothing about its source's accuracy: left
        out of the learned means, it would only pull the estimate toward its own vote.
        """
        found = []
        for start, end in self.q_range:
            sources = {s for v in range(start, end) for s in self.value_votes.row_ids(v)}
            found += [len(sources) > 1] * (end - start)
        return tuple(found)

    @classmethod
    def of(cls, votes: Iterable[Vote], sources: Sequence[str] | None = None) -> ValueIndex:
        """Index votes; a repeated (question, answer, source) keeps its largest weight.

        ``sources`` (sorted, holding every source of the votes) numbers the sources as a
        whole run does when these votes are one shard of it (:mod:`._shard`).
        """
        best: dict[tuple[str, str, str], float] = {}
        for vote in votes:
            key = (vote.question, vote.answer, vote.source)
            if best.get(key, 0.0) < vote.weight:
                best[key] = vote.weight
        keys = sorted(best)
        if sources is None:
            sources = sorted({key[2] for key in keys})
        source_id = {source: i for i, source in enumerate(sources)}
        questions: list[str] = []
        value_answer: list[str] = []
        value_question = array("i")
        q_start = array("q", [0])
        rows, ids, weights = array("q", [0]), array("i"), array("d")
        last: tuple[str, str] | None = None
        for question, answer, source in keys:
            if (question, answer) != last:
                if last is not None:
                    rows.append(len(ids))
                if last is None or last[0] != question:
                    if last is not None:
                        q_start.append(len(value_answer))
                    questions.append(question)
                value_answer.append(answer)
                value_question.append(len(questions) - 1)
                last = (question, answer)
            ids.append(source_id[source])
            weights.append(best[(question, answer, source)])
        del best, keys
        if last is not None:
            rows.append(len(ids))
            q_start.append(len(value_answer))
        value_votes = Ragged(rows, ids, weights)
        return cls(
            tuple(questions),
            tuple(sources),
            tuple(value_answer),
            value_question,
            Ranges(q_start),
            value_votes,
            transposed(value_votes, len(sources)),
        )

    def sizes(self) -> dict[int, int]:
        """How many values exactly m sources give, by m (m ≥ 2): what :func:`~._pairs.provider_limit` reads."""
        found: dict[int, int] = {}
        for given in self.value_votes:
            if len(given) > 1:
                found[len(given)] = found.get(len(given), 0) + 1
        return found

    def popular(self, limit: int | None) -> list[frozenset[int]]:
        """Source id → the values it gives that more than ``limit`` sources give (all empty for None)."""
        none: frozenset[int] = frozenset()
        if limit is None:
            return [none] * len(self.sources)
        sizes = self.value_votes.size
        return [frozenset(v for v, _ in given if sizes(v) > limit) or none for given in self.source_votes]

    def pairs(self, limit: int | None = None) -> list[Pair]:
        """Pairs of sources that give at least one identical value, from the index by value.

        With ``limit``, only values at most ``limit`` sources give make pairs or count
        in ``shared``; ``shared_questions`` still counts every question on which the two
        give an identical value (see :class:`~._results.AccuCopyParams`).
        """
        shared: dict[tuple[int, int], list[int]] = {}
        for value, given in enumerate(self.value_votes):
            if limit is not None and len(given) > limit:
                continue
            providers = [source for source, _ in given]
            for i, a in enumerate(providers):
                for b in providers[i + 1 :]:
                    shared.setdefault((a, b), []).append(value)
        answered = [frozenset(self.value_question[v] for v, _ in given) for given in self.source_votes]
        popular = self.popular(limit)
        found = []
        for (a, b), values in sorted(shared.items()):
            small, large = sorted((answered[a], answered[b]), key=len)
            common = sum(1 for question in small if question in large)
            agreeing = {self.value_question[v] for v in (*values, *(popular[a] & popular[b]))}
            found.append(Pair(a, b, tuple(values), common, len(agreeing)))
        return found

    def supports(self, support: Support | None) -> list[tuple[tuple[int, float], ...]]:
        """Value id → ((value id of the same question, sim(that→this)), …) for sim > 0."""
        found: list[tuple[tuple[int, float], ...]] = [() for _ in self.value_answer]
        if not support:
            return found
        value_of = {(self.value_question[v], answer): v for v, answer in enumerate(self.value_answer)}
        for q, question in enumerate(self.questions):
            start, end = self.q_range[q]
            for v in range(start, end):
                row = []
                for answer, similarity in support.get((question, self.value_answer[v]), ()):
                    if not 0.0 <= similarity <= 1.0:
                        raise ValueError(f"similarity must be in [0, 1], got {similarity!r}")
                    u = value_of.get((q, answer))
                    if u is not None and u != v and similarity > 0.0:
                        row.append((u, similarity))
                found[v] = tuple(sorted(row))
        return found

    def priors(self, priors: Mapping[str, float] | None) -> list[float | None]:
        """Source id → prior accuracy, or None; raises ValueError for a prior outside (0, 1)."""
        found: list[float | None] = [None] * len(self.sources)
        for i, source in enumerate(self.sources):
            prior = None if priors is None else priors.get(source)
            if prior is not None and not 0.0 < prior < 1.0:
                raise ValueError(f"prior accuracy of {source!r} must be in (0, 1), got {prior!r}")
            found[i] = prior
        return found

    def means(
        self,
        score: Sequence[float],
        priors: Sequence[float | None],
        strength: float,
        bounds: tuple[float, float],
        fallback: float,
        *,
        columns: bool = False,
    ) -> list[float]:
        """Each source's weighted mean of ``score`` over its informative values, with prior pseudo-counts, clamped.

        A source with no informative value keeps its prior, or ``fallback``. Every
        product w·score(v) is taken in one pass of :func:`map` (the same floats as one at
        a time), and a source's are summed by :func:`math.fsum` (one product: ``x + 0.0``,
        what ``fsum`` gives for one float); ``min``/``max`` written as the comparisons
        they make. With ``columns`` (numpy installed: AccuCopy's rounds in columns), the
        same floats from :func:`._counting.means`.
        """
        kept, total_weight = self._informative_votes
        if columns:
            from factlog.analysis._discovery._counting import means  # noqa: PLC0415 - numpy, an optional extra

            return means(kept, total_weight, score, priors, (strength, bounds[0], bounds[1], fallback))
        found = []
        start = kept.start
        weighted = list(map(mul, kept.weights, map(score.__getitem__, kept.ids)))
        fsum, floor, ceiling = math.fsum, bounds[0], bounds[1]
        low = 0
        for s in range(len(kept)):
            high = start[s + 1]
            total = weighted[low] + 0.0 if high - low == 1 else fsum(weighted[low:high])
            low = high
            weight = total_weight[s]
            prior = priors[s]
            if prior is not None and strength > 0.0:
                total += strength * prior
                weight += strength
            mean = total / weight if weight > 0 else (prior if prior is not None else fallback)
            mean = mean if mean > floor else floor  # max(floor, mean)
            found.append(mean if mean < ceiling else ceiling)  # min(ceiling, mean)
        return found

    @cached_slot
    def _informative_votes(self) -> tuple[Ragged, array[float]]:
        """Source id → its informative (value id, weight) votes, and their total weights, for :meth:`means`."""
        informative = self.informative
        kept = Ragged.of([(v, w) for v, w in given if informative[v]] for given in self.source_votes)
        start, weights = kept.start, kept.weights
        return kept, array("d", (math.fsum(weights[start[s] : start[s + 1]]) for s in range(len(kept))))

    def finish(
        self,
        method: str,
        probabilities: Sequence[float],
        scores: Sequence[float],
        accuracy: Sequence[float],
        *,
        dependences: Sequence[Dependence] = (),
        rounds: int = 1,
        converged: bool = True,
        provider_limit: int | None = None,
    ) -> Discovery:
        """Package per-value and per-source numbers as a :class:`Discovery`."""
        questions = Results(self.questions, self.value_answer, self.q_range, probabilities, scores)
        informative = self.informative
        sources = {
            name: SourceTrust(
                name,
                accuracy[s],
                sum(1 for v, _ in self.source_votes[s] if informative[v]),
                math.fsum(w for v, w in self.source_votes[s] if informative[v]),
            )
            for s, name in enumerate(self.sources)
        }
        return Discovery(method, questions, sources, dependences, rounds, converged, provider_limit)

    def winners(self, probabilities: Sequence[float]) -> set[int]:
        """The value ids within the tie tolerance of their question's top probability."""
        found: set[int] = set()
        for start, end in self.q_range:
            top = max(probabilities[start:end])
            found.update(
                v for v in range(start, end) if math.isclose(probabilities[v], top, rel_tol=_TIE_REL, abs_tol=_TIE_ABS)
            )
        return found


def shared_value_pairs(votes: Iterable[Vote]) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """Pairs of sources giving at least one identical (question, answer), with those values.

    ``{(source_a, source_b): ((question, answer), …)}`` with ``source_a < source_b``, all
    sorted; found through the index by value in O(Σ_v m_v²), never over all pairs.
    """
    index = ValueIndex.of(votes)
    return {
        (index.sources[pair.a], index.sources[pair.b]): tuple(
            (index.questions[index.value_question[v]], index.value_answer[v]) for v in pair.shared
        )
        for pair in index.pairs()
    }


def majority(votes: Iterable[Vote]) -> Discovery:
    """Weighted majority vote, the baseline: P(v) = Σ w for v / Σ w on its question; ties reported.

    A source's "accuracy" is the mean share of its values, for comparison only.
    """
    index = ValueIndex.of(votes)
    scores = [math.fsum(w for _, w in given) for given in index.value_votes]
    shares = [0.0] * len(scores)
    for start, end in index.q_range:
        total = math.fsum(scores[start:end])
        for v in range(start, end):
            shares[v] = scores[v] / total
    accuracy = index.means(shares, [None] * len(index.sources), 0.0, (0.0, 1.0), 0.5)
    return index.finish("majority", shares, scores, accuracy)

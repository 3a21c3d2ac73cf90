"""AccuVote and AccuCopy written the direct way, as the brute-force oracle of ``_accu`` and ``_copying``.

Each round rebuilds every pair's posterior into a dict and, per value, sorts its
providers and looks up each earlier provider's dependence, and each tied one's for
the tie's expected discount (:func:`._ties.expected`, tested by its own oracle): the
code before the per-pair factors and the fixed vote plan. The fast code must give the
same floats.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from factlog.analysis._discovery import AccuCopyParams, AccuVoteParams, Discovery, Vote
from factlog.analysis._discovery._accu import _declared, _shares, _vote_order
from factlog.analysis._discovery._copying import FLOOR, Dependences
from factlog.analysis._discovery._index import Pair, ValueIndex
from factlog.analysis._discovery._ties import expected


def most_providers(index: ValueIndex, max_pairs: int | None) -> int | None:
    """The budget's limit by brute force: the largest m whose values, and all fewer-provider ones, fit.

    A value of one source makes no pair: a limit of 1 would name no value weighed, so it is 0.
    """
    sizes = [len(given) for given in index.value_votes]
    if max_pairs is None or sum(m * (m - 1) // 2 for m in sizes) <= max_pairs:
        return None
    fitting = [m for m in {0, *sizes} - {1} if sum(k * (k - 1) // 2 for k in sizes if k <= m) <= max_pairs]
    return max(fitting)


def budget_of(votes: Iterable[Vote], share: float | None) -> int | None:
    """A budget of pairs holding ``share`` of the pairs the votes make (None: no budget), so that most budgets bite."""
    if share is None:
        return None
    sizes = ValueIndex.of(votes).sizes()
    return int(share * sum(count * m * (m - 1) // 2 for m, count in sizes.items()))


def _weighed(index: ValueIndex, limit: int | None) -> list[tuple[Pair, tuple[int, ...]]]:
    """Every pair sharing a value, with the shared values copy detection uses (those ``limit`` sources give at most)."""
    found = []
    for pair in index.pairs():
        kept = tuple(v for v in pair.shared if limit is None or len(index.value_votes[v]) <= limit)
        if kept:
            found.append((pair, kept))
    return found


def _posteriors(
    index: ValueIndex,
    n: Sequence[float],
    copy: AccuCopyParams,
    declared_pairs: frozenset[tuple[int, int]],
    accuracy: Sequence[float],
    probabilities: Sequence[float],
) -> dict[tuple[int, int], tuple[float, float, float]]:
    c, alpha = copy.copy_rate, copy.alpha
    prior_independent, prior_direction = math.log(1.0 - alpha), math.log(alpha / 2.0)
    differ = math.log(1.0 - c)
    found = {}
    for pair, shared in _weighed(index, most_providers(index, copy.max_pairs)):
        if (pair.a, pair.b) in declared_pairs:
            continue
        a1, a2 = accuracy[pair.a], accuracy[pair.b]
        pt = a1 * a2
        t_ab, t_ba = c * a2 + (1.0 - c) * pt, c * a1 + (1.0 - c) * pt
        independent = a_copies = b_copies = 0.0
        for v in shared:
            # Pf with the false values of v's question: the n of its vote count (Dong et al. 2009).
            pf = (1.0 - a1) * (1.0 - a2) / n[index.value_question[v]]
            f_ab, f_ba = c * (1.0 - a2) + (1.0 - c) * pf, c * (1.0 - a1) + (1.0 - c) * pf
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
        found[(pair.a, pair.b)] = ((e_ab + e_ba) / total, e_ab / total, e_ba / total)
    return found


def _counts(
    index: ValueIndex,
    rank: Sequence[int],
    log_n: Sequence[float],
    logit: Sequence[float],
    neighbours: Sequence[Mapping[int, float]] | None,
    copy_rate: float,
    declared: Mapping[int, frozenset[int]],
    limit: int | None,
) -> list[float]:
    counts = []
    for v, given in enumerate(index.value_votes):
        base = log_n[index.value_question[v]]
        providers = frozenset(s for s, _ in given)
        counted = sorted(
            ((s, w) for s, w in given if not (s in declared and declared[s] & providers)),
            key=lambda item: (rank[item[0]], item[0]),
        )
        terms = []
        left_out = limit is not None and len(given) > limit  # counted as AccuVote counts it
        for s, w in counted:
            independence = 1.0
            near = neighbours[s] if neighbours is not None and not left_out else None
            tied = []
            for e, _ in counted if near else ():
                dependence = near.get(e)  # type: ignore[union-attr]
                if dependence is not None and rank[e] < rank[s]:
                    independence *= 1.0 - copy_rate * dependence
                elif dependence is not None and rank[e] == rank[s]:
                    tied.append(1.0 - copy_rate * dependence)
            terms.append(w * (base + logit[s]) * independence * expected(tied))
        counts.append(math.fsum(terms))
    return counts


def _probabilities(index: ValueIndex, adjusted: Sequence[float], unprovided: Sequence[float]) -> list[float]:
    found = [0.0] * len(adjusted)
    for q, (start, end) in enumerate(index.q_range):
        rest = unprovided[q]
        top = max(*adjusted[start:end], 0.0 if rest else -math.inf)
        shares = [math.exp(x - top) for x in adjusted[start:end]]
        total = math.fsum(shares) + (rest * math.exp(-top) if rest else 0.0)
        found[start:end] = [x / total for x in shares]
    return found


def _means(
    index: ValueIndex, score: Sequence[float], priors: Sequence[float | None], params: AccuVoteParams
) -> list[float]:
    low, high = params.accuracy_bounds
    found = []
    for s, given in enumerate(index.source_votes):
        total = math.fsum(w * score[v] for v, w in given if index.informative[v])
        weight = math.fsum(w for v, w in given if index.informative[v])
        prior = priors[s]
        if prior is not None and params.prior_strength > 0.0:
            total += params.prior_strength * prior
            weight += params.prior_strength
        mean = total / weight if weight > 0 else (prior if prior is not None else params.initial_accuracy)
        found.append(min(high, max(low, mean)))
    return found


def reference(
    votes: Iterable[Vote],
    *,
    priors: Mapping[str, float] | None = None,
    domains: Mapping[str, float] | None = None,
    params: AccuVoteParams = AccuVoteParams(),  # noqa: B008 - frozen
    copy: AccuCopyParams | None = AccuCopyParams(),  # noqa: B008 - frozen
    declared_copies: Iterable[tuple[str, str]] = (),
) -> Discovery:
    """AccuCopy (AccuVote when ``copy`` is None) without similarity, the direct way: same floats expected."""
    index = ValueIndex.of(votes)
    prior = index.priors(priors)
    declared = _declared(index, declared_copies)
    declared_pairs = frozenset((min(a, b), max(a, b)) for a, found in declared.items() for b in found)
    sizes = [(domains or {}).get(question) for question in index.questions]
    false_n = [size if size is not None else params.n_false for size in sizes]
    log_n = [math.log(n) for n in false_n]
    unprovided = [
        0.0 if size is None else max(0.0, size + 1 - (end - start))
        for size, (start, end) in zip(sizes, index.q_range, strict=True)
    ]
    low, high = params.accuracy_bounds
    accuracy = [min(high, max(low, p if p is not None else params.initial_accuracy)) for p in prior]
    probabilities = _shares(index, declared)
    rank = _vote_order(index, prior)
    adjusted: list[float] = [0.0] * len(probabilities)
    posteriors: dict[tuple[int, int], tuple[float, float, float]] = {}
    last: tuple[list[float], list[float]] | None = None
    rounds, converged = 0, False
    while rounds < params.max_rounds:
        rounds += 1
        neighbours: list[dict[int, float]] | None = None
        if copy is not None:
            posteriors = _posteriors(index, false_n, copy, declared_pairs, accuracy, probabilities)
            last = (accuracy, probabilities)
            neighbours = [{} for _ in index.sources]
            for (a, b), (dependence, _, _) in posteriors.items():
                if dependence >= FLOOR:
                    neighbours[a][b] = neighbours[b][a] = dependence
        logit = [math.log(a / (1.0 - a)) for a in accuracy]
        copy_rate = copy.copy_rate if copy is not None else 1.0
        limit = most_providers(index, copy.max_pairs) if copy is not None else None
        adjusted = _counts(index, rank, log_n, logit, neighbours, copy_rate, declared, limit)
        found = _probabilities(index, adjusted, unprovided)
        learned = _means(index, found, prior, params)
        change = max(
            max((abs(x - y) for x, y in zip(learned, accuracy, strict=True)), default=0.0),
            max((abs(x - y) for x, y in zip(found, probabilities, strict=True)), default=0.0),
        )
        accuracy, probabilities = learned, found
        if change < params.epsilon:
            converged = True
            break
    reported: tuple = ()  # type: ignore[type-arg]
    if copy is not None or declared:
        limit = most_providers(index, copy.max_pairs) if copy is not None else None
        dependences = Dependences(index, params.n_false, copy or AccuCopyParams(), declared, limit, sizes=sizes)
        if last is not None:  # the report's posteriors, from the last round's inputs, are the direct code's
            dependences.update(*last)
            assert dependences.total == {key: found[0] for key, found in posteriors.items()}
            assert dependences.direction == {key: found[1:] for key, found in posteriors.items()}
        reported = dependences.report(probabilities, copy.report_threshold if copy is not None else 2.0)
    method = "accucopy" if copy is not None else "accuvote"
    return index.finish(
        method,
        probabilities,
        adjusted,
        accuracy,
        dependences=reported,
        rounds=rounds,
        converged=converged,
        provider_limit=most_providers(index, copy.max_pairs) if copy is not None else None,
    )

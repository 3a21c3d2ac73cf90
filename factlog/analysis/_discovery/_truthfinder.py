"""TruthFinder: source trust and fact confidence, computed from each other.

Yin, Han & Yu, "Truth discovery with multiple conflicting information providers on the
web", KDD 2007 (TKDE 20(6), 2008). From t(w) = t0 = 0.9 (or the source's prior):

* τ(w) = −ln(1 − t(w)); σ(f) = Σ over sources w giving f of weight·τ(w);
* σ*(f) = σ(f) + ρ·Σ over other facts f' of the object of σ(f')·(sim(f'→f) − base_sim):
  without a similarity, conflicting facts count against each other;
* s*(f) = 1 / (1 + exp(−γ·σ*(f))); t(w) = the weighted mean of s* over w's facts;

until 1 − cos(t_prev, t) < δ. Constants t0 = 0.9, γ = 0.3, ρ = 0.5, base_sim = 0.5,
δ = 0.001 from the paper, as two public reimplementations use them (see
:class:`TruthFinderParams`). Probabilities are s* normalised over the object's facts;
the raw s* are the scores. Cost per round O(V + Σ_q k_q).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from factlog.analysis._discovery._index import Support, ValueIndex
from factlog.analysis._discovery._results import Discovery, TruthFinderParams, Vote

__all__ = ["confidences", "shares", "truth_finder"]


def truth_finder(
    votes: Iterable[Vote],
    *,
    priors: Mapping[str, float] | None = None,
    support: Support | None = None,
    params: TruthFinderParams = TruthFinderParams(),  # noqa: B008 - frozen
) -> Discovery:
    """TruthFinder as published (see the module); ``priors`` and ``support`` as for AccuVote.

    Raises :class:`ValueError` for a prior or a similarity out of range.
    """
    index = ValueIndex.of(votes)
    prior = index.priors(priors)
    sims = index.supports(support)
    trust = [min(params.max_trust, p if p is not None else params.initial_trust) for p in prior]
    confidence = confidences(index, sims, params, trust)
    rounds, converged = 0, False
    while rounds < params.max_rounds:
        rounds += 1
        learned = index.means(confidence, prior, params.prior_strength, (0.0, params.max_trust), params.initial_trust)
        dot = math.fsum(x * y for x, y in zip(trust, learned, strict=True))
        norm = math.sqrt(math.fsum(x * x for x in trust)) * math.sqrt(math.fsum(y * y for y in learned))
        cosine = dot / norm if norm > 0.0 else 1.0
        trust = learned
        confidence = confidences(index, sims, params, trust)
        if 1.0 - cosine < params.delta:
            converged = True
            break
    return index.finish("truthfinder", shares(index, confidence), confidence, trust, rounds=rounds, converged=converged)


def confidences(
    index: ValueIndex,
    sims: Sequence[tuple[tuple[int, float], ...]],
    params: TruthFinderParams,
    current: Sequence[float],
) -> list[float]:
    """s*(f) for every value from the sources' trust ``current``: O(V + Σ_q k_q), each question on its own."""
    tau = [-math.log(1.0 - t) for t in current]
    sigma = [math.fsum(w * tau[s] for s, w in given) for given in index.value_votes]
    found = [0.0] * len(sigma)
    for start, end in index.q_range:
        total = math.fsum(sigma[start:end])
        for v in range(start, end):
            related = math.fsum(s * sigma[u] for u, s in sims[v])
            adjusted = sigma[v] + params.rho * (related - params.base_sim * (total - sigma[v]))
            found[v] = 1.0 / (1.0 + math.exp(max(-700.0, min(700.0, -params.gamma * adjusted))))
    return found


def shares(index: ValueIndex, confidence: Sequence[float]) -> list[float]:
    """The confidences normalised over each question's facts: TruthFinder's probabilities."""
    found = [0.0] * len(confidence)
    for start, end in index.q_range:
        total = math.fsum(confidence[start:end])
        for v in range(start, end):
            found[v] = confidence[v] / total
    return found

"""AccuVote and AccuCopy: value probabilities and source accuracies, learned from each other.

Dong, Berti-Équille & Srivastava, "Integrating conflicting data: the role of source
dependence", PVLDB 2(1), 2009. From A(S) = the source's prior (or 0.8), each round:

* A'(S) = ln(n·A(S) / (1 − A(S))), n the question's false values (its copy model's n too:
  :mod:`._copying`);
* C(v) = Σ over sources S giving v of w·A'(S)·I(S), where I(S) = 1 (AccuVote) or,
  with the providers of v in a fixed order of ranks (:func:`_vote_order`),
  I(S) = Π over S' of a better rank of (1 − c·Pr(S ~ S')) × E (AccuCopy), E the
  expectation of the same product over the orders of S's tied co-providers (same rank);
* with a similarity, C*(v) = C(v) + ρ·Σ sim(v'→v)·C(v');
* P(v) = exp C*(v) / (Σ over candidates exp C*(v₀) + the unprovided values of the
  domain, each with C = 0) — the paper's sum over the domain when the question's domain
  size is given, otherwise over the candidates only;
* A(S) = (k·prior + Σ w·P(v)) / (k + Σ w), clamped;

until nothing moves by ε, or the round limit (then ``converged`` is False). The order
of the providers does not change between rounds: ordered by the accuracy being learned
(the first prototype), two copies, whose accuracies are nearly equal because they give
the same values, swapped places from one round to the next, which makes C(v) jump, and
AccuCopy oscillated with period 2 on Book instead of converging. Sources of one rank
(the same prior and informative claims) have no order the model can justify: ordered by
name, renaming them moved verdicts, so each is discounted by the mean over the orders of
its tie (:mod:`._ties`). A declared (copier, original) pair is certain dependence: the
copier's vote for a value its original also gives counts nothing. Cost per round: O(V)
for AccuVote, O(V + Σ_v m_v²) for AccuCopy (m_v sources giving v): the pairs of sources
sharing a value, and their discount factors in each count, are found once
(:func:`_plan`) and each round only recomputes the numbers. Σ_v m_v² is inherent in the
model — a value given by m sources makes m(m − 1)/2 pairs, each with its own posterior —
and on Zipf-distributed claims it grows faster than the votes (``benchmarks/RESULTS.md``,
issue 16).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import add, mul, sub
from typing import TYPE_CHECKING, Any

from factlog.analysis._discovery import _copying
from factlog.analysis._discovery._copying import Dependences
from factlog.analysis._discovery._extrapolate import Path
from factlog.analysis._discovery._index import Support, ValueIndex
from factlog.analysis._discovery._pairs import counted_pairs, provider_limit, warn_left_out
from factlog.analysis._discovery._results import AccuCopyParams, AccuVoteParams, Dependence, Discovery, Vote
from factlog.analysis._discovery._ties import Ties, ranks

if TYPE_CHECKING:
    from factlog.analysis._discovery._counting import Products

__all__ = ["accu_copy", "accu_vote"]


def _declared(index: ValueIndex, copies: Iterable[tuple[str, str]]) -> dict[int, frozenset[int]]:
    source_id = {source: i for i, source in enumerate(index.sources)}
    found: dict[int, set[int]] = {}
    for copier, original in sorted(set(copies)):
        if copier == original:
            raise ValueError(f"a source cannot copy itself: {copier!r}")
        if copier in source_id and original in source_id:
            found.setdefault(source_id[copier], set()).add(source_id[original])
    return {copier: frozenset(originals) for copier, originals in found.items()}


def _vote_order(index: ValueIndex, prior: Sequence[float | None]) -> list[int]:
    """Source id → its rank among the providers of a value, tied sources sharing one (:func:`._ties.ranks`)."""
    informative = index.informative
    return ranks(prior, [sum(1 for v, _ in given if informative[v]) for given in index.source_votes])


class Plan:
    """What :func:`_counts` multiplies, in :mod:`array` columns: value id → its counted providers in vote order.

    Value v's providers are ``source[k]``, ``weight[k]`` for ``row[v] <= k < row[v + 1]``,
    ``question[k]`` their question; provider k's pairs with the providers counted before
    it are ``pair[link[k]:link[k + 1]]``, and ``linked`` lists the providers that have
    any. 24 bytes a vote and 4 a pair id, with no tuple per vote. ``ties``: the groups
    of tied providers and their pairs (:class:`._ties.Ties`). ``products``: the
    numpy counts' sorted columns (:class:`._counting.Products`), built at the first
    round that uses them and never pickled.
    """

    __slots__ = ("link", "linked", "pair", "products", "question", "row", "source", "ties", "weight")

    def __init__(self) -> None:
        self.row, self.link = array("q", [0]), array("q", [0])
        self.source, self.weight, self.pair = array("i"), array("d"), array("i")
        self.question, self.linked, self.ties = array("i"), array("i"), Ties()
        self.products: Products | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "products"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.products = None

    def __len__(self) -> int:
        return len(self.row) - 1


def _plan(
    index: ValueIndex,
    rank: Sequence[int],
    declared: Mapping[int, frozenset[int]],
    locate: Callable[[int, int], int] | None,
    limit: int | None = None,
) -> Plan:
    """What :func:`_counts` multiplies, fixed for the whole run: built once, O(Σ_v m_v²).

    A declared copier whose original also gives the value is left out; the counted
    providers come by (rank, id), and each keeps the ids of the pairs it forms with the
    providers of a better rank (none without dependences: ``locate`` None; none for a
    value more than ``limit`` sources give, which copy detection leaves out), in the
    order I(S) multiplies their factors; providers of one rank form a group of
    :attr:`Plan.ties`. ``locate(a, b)`` (a < b) gives a pair's id.
    """
    found = Plan()
    row, link, source, weight, pair = found.row, found.link, found.source, found.weight, found.pair
    question, linked, value_question, ties = found.question, found.linked, index.value_question, found.ties
    for v, given in enumerate(index.value_votes):
        q = value_question[v]
        if len(given) == 1:
            s, w = given[0]
            source.append(s)
            weight.append(w)
            question.append(q)
            link.append(len(pair))
            row.append(len(source))
            continue
        providers = frozenset(s for s, _ in given)
        earlier: list[int] = []
        tied: list[int] = []  # the providers so far of the current rank
        linked_here = locate is not None and (limit is None or len(given) <= limit)
        for s, w in sorted(given, key=lambda item: (rank[item[0]], item[0])):
            if s in declared and declared[s] & providers:
                continue
            if tied and rank[tied[0]] != rank[s]:
                if len(tied) > 1 and linked_here and locate is not None:
                    ties.add(len(source) - len(tied), tied, locate)
                earlier += tied
                tied = []
            if earlier and linked_here and locate is not None:
                linked.append(len(source))
                pair.extend(locate(e, s) if e < s else locate(s, e) for e in earlier)
            source.append(s)
            weight.append(w)
            question.append(q)
            link.append(len(pair))
            tied.append(s)
        if len(tied) > 1 and linked_here and locate is not None:
            ties.add(len(source) - len(tied), tied, locate)
        row.append(len(source))
    return found


def _counts(plan: Plan, *, log_n: Sequence[float], logit: Sequence[float], factor: Sequence[float]) -> list[float]:
    """C(v) for every value: Σ w·(ln n + A'(S))·I(S), I(S) = (the pair factors' product in vote order) × E.

    ``factor``: pair id → 1 − c·Pr(dependent), exactly 1.0 where nothing discounts
    (see :class:`Dependences`), so the product equals the paper's over dependent
    earlier providers; E: the tied providers' expected discount (:mod:`._ties`).
    O(V + Σ_v m_v²) a round. Each vote's w·(ln n + A'(S)) is computed in one pass of
    :func:`map` (the same operations on the same floats as one at a time), multiplied by
    the product of its factors where it has any, then by E where E is not 1.0, and each
    value's terms summed by :func:`math.fsum`; a value of one term gets ``term + 0.0``,
    which is what ``fsum`` gives for one float (a zero of either sign becomes 0.0).
    With numpy installed and at least :data:`._copying.numpy_pairs` pair factors, the
    same floats come from columns (:class:`._counting.Products`).
    """
    if isinstance(factor, array) and _copying.in_columns(len(factor)):
        if plan.products is None:
            from factlog.analysis._discovery._counting import Products  # noqa: PLC0415 - numpy, an optional extra

            plan.products = Products(plan)
        return plan.products.counts_of(plan, log_n=log_n, logit=logit, factor=factor)
    fsum, prod = math.fsum, math.prod
    row, link, pair = plan.row, plan.link, plan.pair
    terms = list(
        map(
            mul,
            plan.weight,
            map(add, map(log_n.__getitem__, plan.question), map(logit.__getitem__, plan.source)),
        )
    )
    pick = factor.__getitem__
    for k in plan.linked:
        terms[k] = terms[k] * prod(map(pick, pair[link[k] : link[k + 1]]))
    if len(plan.ties):
        for k, share in zip(*plan.ties.discounts(factor, plan.ties.dependent(factor)), strict=True):
            terms[k] = terms[k] * share
    counts = []
    low = 0
    for high in row[1:]:
        counts.append(terms[low] + 0.0 if high - low == 1 else fsum(terms[low:high]))
        low = high
    return counts


def _probabilities(
    index: ValueIndex,
    counts: Sequence[float],
    sims: Sequence[tuple[tuple[int, float], ...]],
    rho: float,
    unprovided: Sequence[float],
    *,
    columns: bool = False,
) -> tuple[list[float], list[float]]:
    """P(v) and the scores C*(v) from the counts; with ``columns``, P(v) by :func:`._counting.probabilities`.

    Both ways give the same floats (``columns`` needs numpy: :func:`._copying.counting`).
    """
    if any(sims):
        adjusted = [
            c + rho * math.fsum(s * counts[u] for u, s in sims[v]) if sims[v] else c for v, c in enumerate(counts)
        ]
    else:
        adjusted = list(counts)
    if columns and len(counts):
        from factlog.analysis._discovery._counting import probabilities  # noqa: PLC0415 - numpy, an optional extra

        vectorised = probabilities(index.q_range, adjusted, unprovided)
        if vectorised is not None:
            return vectorised, adjusted
    found = [0.0] * len(counts)
    exp, fsum = math.exp, math.fsum
    for q, (start, end) in enumerate(index.q_range):
        rest = unprovided[q]
        if end - start == 1:  # the general case below, step by step, for one candidate
            x = adjusted[start]
            top = 0.0 if rest and x < 0.0 else x
            share = exp(x - top)
            found[start] = share / (share + (rest * exp(-top) if rest else 0.0))
            continue
        top = max(*adjusted[start:end], 0.0 if rest else -math.inf)
        shares = [exp(x - top) for x in adjusted[start:end]]
        total = fsum(shares) + (rest * exp(-top) if rest else 0.0)
        found[start:end] = [x / total for x in shares]
    return found, adjusted


def _shares(index: ValueIndex, declared: Mapping[int, frozenset[int]]) -> list[float]:
    """Weighted vote shares without declared copiers' repeated votes: the starting P(v)."""
    found = [0.0] * len(index.value_answer)
    for start, end in index.q_range:
        shares = []
        for v in range(start, end):
            providers = frozenset(s for s, _ in index.value_votes[v])
            shares.append(
                math.fsum(w for s, w in index.value_votes[v] if not (s in declared and declared[s] & providers))
            )
        total = math.fsum(shares) or 1.0
        found[start:end] = [x / total for x in shares]
    return found


def _accu(
    method: str,
    votes: Iterable[Vote],
    *,
    priors: Mapping[str, float] | None,
    support: Support | None,
    domains: Mapping[str, float] | None,
    params: AccuVoteParams,
    copy: AccuCopyParams | None,
    declared_copies: Iterable[tuple[str, str]],
) -> Discovery:
    (low, high), strength, initial = params.accuracy_bounds, params.prior_strength, params.initial_accuracy
    index = ValueIndex.of(votes)
    prior = index.priors(priors)
    sims = index.supports(support)
    rho = params.similarity_weight if support else 0.0
    declared = _declared(index, declared_copies)
    sizes = [(domains or {}).get(question) for question in index.questions]
    log_n = [math.log(size if size is not None else params.n_false) for size in sizes]
    unprovided = [
        0.0 if size is None else max(0.0, size + 1 - (end - start))
        for size, (start, end) in zip(sizes, index.q_range, strict=True)
    ]
    value_sizes = index.sizes()
    limit = provider_limit(value_sizes, copy.max_pairs) if copy is not None else None
    warn_left_out(limit, copy.max_pairs if copy is not None else None, counted_pairs(value_sizes))
    # The copy model's n is each question's, as the counts' (log_n) is.
    dependences = Dependences(index, params.n_false, copy, declared, limit, sizes=sizes) if copy is not None else None
    accuracy = [min(high, max(low, p if p is not None else initial)) for p in prior]
    probabilities = _shares(index, declared)
    rank = _vote_order(index, prior)
    plan = _plan(index, rank, declared, dependences.pairs.locate if dependences is not None else None, limit)
    no_pairs: list[float] = []
    adjusted = [0.0] * len(probabilities)
    rounds, converged = 0, False
    ahead = Path(index.q_range) if params.extrapolate else None
    kept = (accuracy, probabilities, adjusted)  # the last plain round's output, before a jump
    while rounds < params.max_rounds:
        rounds, columns = rounds + 1, dependences is not None and dependences.columns  # read at each round
        if dependences is not None:
            dependences.update(accuracy, probabilities)
        logit = [math.log(a / (1.0 - a)) for a in accuracy]
        counts = _counts(
            plan, log_n=log_n, logit=logit, factor=dependences.factor if dependences is not None else no_pairs
        )
        found, scores = _probabilities(index, counts, sims, rho, unprovided, columns=columns)
        if ahead is not None and ahead.overshot(probabilities, found):
            accuracy, probabilities, adjusted = kept  # the jump is undone: on from where it started
            continue
        learned = index.means(found, prior, strength, (low, high), initial, columns=columns)
        change = max(  # |x − y| of every pair, in order, as a generator would give them: the same largest
            max(map(abs, map(sub, learned, accuracy)), default=0.0),
            max(map(abs, map(sub, found, probabilities)), default=0.0),
        )
        accuracy, probabilities, adjusted = learned, found, scores
        if change < params.epsilon:
            converged = True
            break
        if ahead is not None and rounds < params.max_rounds:  # a round follows the jump: it runs as without a limit
            jumped = ahead.ahead(found)
            if jumped is not None:  # the next round starts from the jump, its accuracies the means of its probabilities
                kept, probabilities = (accuracy, found, adjusted), jumped
                accuracy = index.means(jumped, prior, strength, (low, high), initial, columns=columns)
    del plan  # the rounds are over: what they multiplied goes before the report is built
    reported: Sequence[Dependence] = ()
    if dependences is not None and copy is not None:
        dependences.factor = array("d")
        reported = dependences.report(probabilities, copy.report_threshold)
    elif declared:
        reported = Dependences(index, params.n_false, AccuCopyParams(), declared).report(probabilities, 2.0)
    return index.finish(
        method,
        probabilities,
        adjusted,
        accuracy,
        dependences=reported,
        rounds=rounds,
        converged=converged,
        provider_limit=limit,
    )


def accu_vote(
    votes: Iterable[Vote],
    *,
    priors: Mapping[str, float] | None = None,
    support: Support | None = None,
    domains: Mapping[str, float] | None = None,
    params: AccuVoteParams = AccuVoteParams(),  # noqa: B008 - frozen
    declared_copies: Iterable[tuple[str, str]] = (),
) -> Discovery:
    """AccuVote: accuracy-weighted voting, accuracies learned from the votes (see the module).

    ``priors``: source → prior accuracy in (0, 1), worth ``params.prior_strength``
    pseudo-claims; ``support``: sparse value similarity (:data:`Support`); ``domains``:
    question → n, its number of false values (values nobody gave then keep a share);
    ``declared_copies``: (copier, original) pairs. Scores are C*(v) in nats.
    Raises :class:`ValueError` for a prior, similarity or declared self-copy out of range.
    """
    return _accu(
        "accuvote",
        votes,
        priors=priors,
        support=support,
        domains=domains,
        params=params,
        copy=None,
        declared_copies=declared_copies,
    )


def accu_copy(
    votes: Iterable[Vote],
    *,
    priors: Mapping[str, float] | None = None,
    support: Support | None = None,
    domains: Mapping[str, float] | None = None,
    params: AccuVoteParams = AccuVoteParams(),  # noqa: B008 - frozen
    copy: AccuCopyParams = AccuCopyParams(),  # noqa: B008 - frozen
    declared_copies: Iterable[tuple[str, str]] = (),
) -> Discovery:
    """AccuCopy: AccuVote with copying detected from shared values (see the module and :mod:`._copying`).

    The first dependence step uses the weighted vote shares as P(v) and the priors
    (or 0.8) as accuracies, so it mostly measures agreement: copiers agree far more
    than independent sources do. Reports pairs with posterior ≥
    ``copy.report_threshold`` and every declared pair. Arguments as :func:`accu_vote`.
    """
    return _accu(
        "accucopy",
        votes,
        priors=priors,
        support=support,
        domains=domains,
        params=params,
        copy=copy,
        declared_copies=declared_copies,
    )

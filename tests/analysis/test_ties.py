"""AccuCopy's discount among tied providers: the mean over every order of the tie, whatever the sources' names."""

from __future__ import annotations

import itertools
import math
from array import array

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from factlog.analysis._discovery import Vote, accu_copy
from factlog.analysis._discovery._accu import Plan, _counts, _plan, _vote_order
from factlog.analysis._discovery._counting import Products
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import PairTable
from factlog.analysis._discovery._tiecolumns import TieColumns
from factlog.analysis._discovery._ties import Ties, expected, ranks
from tests.analysis.test_posteriors_numpy import numpy_from
from tests.strategies import discovery_votes, many_question_votes

factors = st.sampled_from([1.0, 0.2, 0.5, 1.0 - 1e-9]) | st.floats(min_value=0.2, max_value=1.0)


def _over_every_order(co_providers: list[float]) -> float:
    """The brute-force mean: S (member 0) and its co-providers in each of the m! orders, S's predecessors' product."""
    products = []
    for order in itertools.permutations(range(len(co_providers) + 1)):
        product = 1.0
        for member in order[: order.index(0)]:
            product *= co_providers[member - 1]
        products.append(product)
    return math.fsum(products) / len(products)


@given(st.lists(factors, max_size=6))
def test_the_tie_discount_is_the_mean_over_every_order(co_providers: list[float]) -> None:
    """E equals the product of S's predecessors averaged over all m! orders of the tie (m ≤ 7), ones included."""
    assert math.isclose(expected(co_providers), _over_every_order(co_providers), rel_tol=1e-13)


@given(st.lists(factors, max_size=8), st.data())
def test_the_tie_discount_does_not_depend_on_the_order_of_the_factors(
    co_providers: list[float], data: st.DataObject
) -> None:
    """Any order of the same factors (as renamed sources give them) gives the same float."""
    shuffled = data.draw(st.permutations(co_providers))
    assert expected(shuffled).hex() == expected(co_providers).hex()


@given(st.lists(factors, max_size=8), st.integers(0, 5))
def test_factors_of_one_change_nothing(co_providers: list[float], ones: int) -> None:
    """Co-providers with no dependence leave E as the others alone give it; none at all give exactly 1.0."""
    dependent = [f for f in co_providers if f != 1.0]
    assert expected(co_providers + [1.0] * ones).hex() == expected(dependent).hex()
    assert expected([1.0] * ones) == 1.0


def test_two_tied_providers_each_take_half_the_discount() -> None:
    """A tie of two: each is first or second with even odds, E = (1 + f)/2 (0.6 for f = 0.2)."""
    assert expected([0.2]) == (1.0 + 0.2) / 2


@given(st.lists(st.tuples(st.none() | st.sampled_from([0.3, 0.6, 0.9]), st.integers(0, 3)), min_size=1, max_size=12))
def test_tied_sources_share_a_rank_and_keep_the_order_by_name(keys: list[tuple[float | None, int]]) -> None:
    """Ranks sort the sources as prior, claims, then id did; two sources share a rank exactly when both keys match."""
    prior, claims = [p for p, _ in keys], [c for _, c in keys]
    rank = ranks(prior, claims)
    by_name = sorted(range(len(keys)), key=lambda s: (-(prior[s] or 0.0), -claims[s], s))
    assert sorted(range(len(keys)), key=lambda s: (rank[s], s)) == by_name
    for a, b in itertools.combinations(range(len(keys)), 2):
        assert (rank[a] == rank[b]) == ((prior[a] or 0.0, claims[a]) == (prior[b] or 0.0, claims[b]))


def _in_name_order(plan: Plan, index: ValueIndex, rank: list[int], terms: dict[str, list[float]]) -> list[float]:
    """C(v) as counted before ties were told apart: each provider discounted by every earlier one, tied or not."""
    table, factor = PairTable(index), terms["factor"]
    counts = []
    for v, given_by in enumerate(index.value_votes):
        earlier: list[int] = []
        found = []
        for s, w in sorted(given_by, key=lambda item: (rank[item[0]], item[0])):
            term = w * (terms["log_n"][index.value_question[v]] + terms["logit"][s])
            pairs = [table.locate(min(e, s), max(e, s)) for e in earlier]
            found.append(term * math.prod(factor[p] for p in pairs) if earlier else term)
            earlier.append(s)
        counts.append(math.fsum(found))
    return counts


@given(votes=discovery_votes(max_votes=40) | many_question_votes(), data=st.data())
def test_ties_without_dependence_give_the_floats_of_the_order_by_name(votes: list[Vote], data: st.DataObject) -> None:
    """Every pair within a tie independent (factor 1.0): C(v) is what the order by name gave, bit for bit, both ways."""
    index = ValueIndex.of(votes)
    count = len(index.sources)
    prior = data.draw(st.lists(st.none() | st.sampled_from([0.3, 0.6]), min_size=count, max_size=count))
    rank = _vote_order(index, prior)
    table = PairTable(index)
    plan = _plan(index, rank, {}, table.locate)
    factor = array("d", data.draw(st.lists(factors, min_size=len(table), max_size=len(table))))
    for p in plan.ties.pair:
        factor[p] = 1.0
    terms = {
        "factor": list(factor),
        "log_n": data.draw(st.lists(st.floats(0.0, 5.0), min_size=len(index.questions), max_size=len(index.questions))),
        "logit": data.draw(st.lists(st.floats(-5.0, 5.0), min_size=count, max_size=count)),
    }
    old = [x.hex() for x in _in_name_order(plan, index, rank, terms)]
    with numpy_from(None):
        assert [x.hex() for x in _counts(plan, log_n=terms["log_n"], logit=terms["logit"], factor=factor)] == old
    columns = Products(plan, tail=2).counts_of(plan, log_n=terms["log_n"], logit=terms["logit"], factor=factor)
    assert [x.hex() for x in columns] == old


def test_a_tie_with_dependence_is_discounted_by_its_mean() -> None:
    """Three tied sources, one dependent pair (factor 0.2): each of the two takes (1 + 0.2)/2, the third nothing."""
    votes = [Vote("q", "a", source, 1.0) for source in ("s0", "s1", "s2")]
    index = ValueIndex.of(votes)
    table = PairTable(index)
    plan = _plan(index, _vote_order(index, [None] * 3), {}, table.locate)
    factor = array("d", [1.0]) * len(table)
    factor[table.locate(0, 2)] = 0.2
    log_n, logit = [math.log(10.0)], [1.0, 1.0, 1.0]
    term = math.log(10.0) + 1.0
    with numpy_from(None):
        assert _counts(plan, log_n=log_n, logit=logit, factor=factor) == [math.fsum([term * 0.6, term, term * 0.6])]


@given(votes=many_question_votes() | discovery_votes(max_votes=40), data=st.data())
def test_renaming_sources_leaves_accucopy_unchanged(votes: list[Vote], data: st.DataObject) -> None:
    """The sources' names permuted: every source's learned accuracy and every answer's probability as before.

    Up to 10⁻⁶ (the stopping rule's ε): a product of factors taken in another order may
    round another way in its last place, and a run may stop a round earlier or later.
    """
    names = sorted({vote.source for vote in votes})
    renamed = dict(zip(names, data.draw(st.permutations(names)), strict=True))
    found = accu_copy(votes)
    again = accu_copy([Vote(vote.question, vote.answer, renamed[vote.source], vote.weight) for vote in votes])
    for name, trust in found.sources.items():
        assert math.isclose(again.sources[renamed[name]].accuracy, trust.accuracy, abs_tol=1e-6)
    for question, result in found.questions.items():
        assert result.probabilities.keys() == again.questions[question].probabilities.keys()
        for answer, probability in result.probabilities.items():
            assert math.isclose(again.questions[question].probabilities[answer], probability, abs_tol=1e-6)


@given(
    st.lists(st.tuples(st.integers(2, 9), st.integers(0, 3)), min_size=1, max_size=12),
    st.data(),
)
def test_the_columns_give_the_loops_discounts_bit_for_bit(groups: list[tuple[int, int]], data: st.DataObject) -> None:
    """:class:`TieColumns` gives :meth:`Ties.discounts`'s positions and floats: any sizes, factors, groups chosen."""
    ties, pairs = Ties(), {}
    position = 0
    for size, gap in groups:
        ties.add(position, list(range(position, position + size)), lambda a, b: pairs.setdefault((a, b), len(pairs)))
        position += size + gap
    factor = array("d", data.draw(st.lists(factors | st.just(0.0), min_size=len(pairs), max_size=len(pairs))))
    chosen = data.draw(st.lists(st.sampled_from(range(len(ties))), unique=True).map(sorted))
    positions, found = ties.discounts(factor, chosen)
    dependent = np.zeros(len(ties), dtype=np.bool_)
    dependent[chosen] = True
    at, shares = TieColumns(ties).discounts(np.frombuffer(factor, np.float64), dependent)
    assert at.tolist() == positions
    assert [x.hex() for x in shares.tolist()] == [x.hex() for x in found]

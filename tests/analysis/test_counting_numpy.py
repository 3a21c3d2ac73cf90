"""AccuCopy's counts C(v) in numpy columns give the pure loop's floats, bit for bit."""

from __future__ import annotations

import math
import pickle
from array import array

from hypothesis import given
from hypothesis import strategies as st

from factlog.analysis._discovery import Vote
from factlog.analysis._discovery._accu import _counts, _plan, _probabilities, _vote_order
from factlog.analysis._discovery._counting import Products, probabilities
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import PairTable
from tests.analysis.test_posteriors_numpy import numpy_from
from tests.strategies import discovery_votes, many_question_votes

scores = st.sampled_from([0.0, -0.0, 1.0, -1.0, -800.0, 700.0, math.nan]) | st.floats(-50.0, 50.0)
factors = st.sampled_from([1.0, 0.2, 0.5, 1e-300]) | st.floats(min_value=0.0, max_value=1.0)


@given(
    votes=discovery_votes(max_votes=40) | many_question_votes(),
    data=st.data(),
    tail=st.integers(1, 6),
    limit=st.one_of(st.none(), st.integers(2, 4)),
    group=st.integers(1, 5) | st.just(65_536),
)
def test_columns_give_the_loops_counts(
    votes: list[Vote], data: st.DataObject, tail: int, limit: int | None, group: int
) -> None:
    """Every C(v) (by ``float.hex``) is the loop's, in groups of any size, declared copiers, values past a limit."""
    index = ValueIndex.of(votes)
    count = len(index.sources)
    copies = data.draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=2))
    declared = {a: frozenset(b for c, b in copies if c == a and b != a) for a, _ in copies}
    table = PairTable(index, limit)
    prior = data.draw(st.lists(st.none() | st.floats(0.1, 0.9), min_size=count, max_size=count))
    plan = _plan(index, _vote_order(index, prior), declared, table.locate, limit)
    factor = array("d", data.draw(st.lists(factors, min_size=len(table), max_size=len(table))))
    log_n = data.draw(st.lists(st.floats(0.0, 5.0), min_size=len(index.questions), max_size=len(index.questions)))
    logit = data.draw(st.lists(st.floats(-5.0, 5.0), min_size=count, max_size=count))
    with numpy_from(None):
        pure = _counts(plan, log_n=log_n, logit=logit, factor=factor)
    columns = Products(plan, tail=tail, group=group).counts_of(plan, log_n=log_n, logit=logit, factor=factor)
    assert [x.hex() for x in columns] == [x.hex() for x in pure]
    with numpy_from(0):
        assert [x.hex() for x in _counts(plan, log_n=log_n, logit=logit, factor=factor)] == [x.hex() for x in pure]


def test_a_plan_is_pickled_without_its_columns() -> None:
    """The sorted columns a round builds on a plan stay in the process: a pickled plan has none, and counts the same."""
    votes = [Vote(f"q{q}", "a", f"s{s}", 1.0) for q in range(3) for s in range(4)]
    index = ValueIndex.of(votes)
    table = PairTable(index)
    plan = _plan(index, _vote_order(index, [None] * 4), {}, table.locate)
    factor = array("d", [0.5]) * len(table)
    log_n, logit = [math.log(10.0)] * 3, [1.0] * 4
    with numpy_from(0):
        found = _counts(plan, log_n=log_n, logit=logit, factor=factor)
        assert plan.products is not None
        again = pickle.loads(pickle.dumps(plan))
        assert again.products is None
        assert _counts(again, log_n=log_n, logit=logit, factor=factor) == found
    assert list(again.pair) == list(plan.pair)


@given(votes=discovery_votes(max_votes=40) | many_question_votes(), data=st.data())
def test_columns_give_the_loops_probabilities(votes: list[Vote], data: st.DataObject) -> None:
    """P(v) from any scores (signed zeros, ties with 0.0, NaN) and unprovided values: the loop's bits."""
    index = ValueIndex.of(votes)
    size, questions = len(index.value_answer), len(index.questions)
    counts = data.draw(st.lists(scores, min_size=size, max_size=size))
    unprovided = data.draw(st.lists(st.sampled_from([0.0, 1.0, 97.0]), min_size=questions, max_size=questions))
    sims = [()] * size
    pure, pure_scores = _probabilities(index, counts, sims, 0.0, unprovided)
    found, found_scores = _probabilities(index, counts, sims, 0.0, unprovided, columns=True)
    assert [x.hex() for x in found] == [x.hex() for x in pure]
    assert [x.hex() for x in found_scores] == [x.hex() for x in pure_scores]


def test_votes_past_the_steps_finish_in_every_group() -> None:
    """More votes left to finish one at a time than a group holds: each still multiplies all its factors."""
    votes = [Vote("q0", "a", f"s{s}", 0.25) for s in (0, 1, 2)] + [Vote("q1", "a", f"s{s}", 0.25) for s in (0, 1, 3)]
    index = ValueIndex.of(votes)
    table = PairTable(index)
    plan = _plan(index, _vote_order(index, [None] * 4), {}, table.locate)
    factor = array("d", [1.0, 1.0, 1.0, 1.0, 0.0])  # s1 and s3: s3's vote for q1 counts nothing
    log_n, logit = [0.0, 0.0], [0.0, 0.0, 0.0, 1.0]
    with numpy_from(None):
        pure = _counts(plan, log_n=log_n, logit=logit, factor=factor)
    columns = Products(plan, tail=3, group=1).counts_of(plan, log_n=log_n, logit=logit, factor=factor)
    assert pure == [0.0, 0.0]
    assert [x.hex() for x in columns] == [x.hex() for x in pure]


@given(votes=discovery_votes(max_votes=40) | many_question_votes(), data=st.data(), questions=st.integers(0, 4))
def test_probabilities_taken_a_few_questions_at_a_time_are_the_loops(
    votes: list[Vote], data: st.DataObject, questions: int
) -> None:
    """P(v) computed a few questions at a time (0 taken as 1) are the loop's bits; None exactly when a score is NaN."""
    index = ValueIndex.of(votes)
    size, count = len(index.value_answer), len(index.questions)
    counts = data.draw(st.lists(scores, min_size=size, max_size=size))
    unprovided = data.draw(st.lists(st.sampled_from([0.0, 1.0, 97.0]), min_size=count, max_size=count))
    pure, _ = _probabilities(index, counts, [()] * size, 0.0, unprovided)
    found = probabilities(index.q_range, counts, unprovided, questions=questions)
    if any(math.isnan(x) for x in counts):
        assert found is None
    else:
        assert found is not None
        assert [x.hex() for x in found] == [x.hex() for x in pure]


@given(
    votes=discovery_votes(max_votes=40) | many_question_votes(),
    data=st.data(),
    strength=st.sampled_from([0.0, 2.0, 0.5]),
    bounds=st.sampled_from([(0.0, 1.0), (0.01, 0.99), (0.3, 0.6), (-1.0, 2.0)]),
)
def test_columns_give_the_loops_means(
    votes: list[Vote], data: st.DataObject, strength: float, bounds: tuple[float, float]
) -> None:
    """Every source's clamped mean (by ``float.hex``) is the loop's: priors or none, NaN, zero and signed scores."""
    index = ValueIndex.of(votes)
    count = len(index.sources)
    score = data.draw(st.lists(scores, min_size=len(index.value_answer), max_size=len(index.value_answer)))
    prior = data.draw(st.lists(st.none() | st.floats(0.1, 0.9), min_size=count, max_size=count))
    pure = index.means(score, prior, strength, bounds, 0.8)
    columns = index.means(score, prior, strength, bounds, 0.8, columns=True)
    assert [x.hex() for x in columns] == [x.hex() for x in pure]

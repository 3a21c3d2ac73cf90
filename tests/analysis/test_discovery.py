"""Truth discovery: majority, AccuVote, AccuCopy and TruthFinder as pure functions over votes."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.truth import accuracy, echo_cluster
from factlog.analysis._discovery import (
    AccuCopyParams,
    AccuVoteParams,
    Discovery,
    Vote,
    accu_copy,
    accu_vote,
    majority,
    shared_value_pairs,
    truth_finder,
)
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import PairTable
from tests.strategies import discovery_votes

METHODS = [majority, accu_vote, accu_copy, truth_finder]


@pytest.mark.parametrize("method", METHODS)
@given(votes=discovery_votes())
def test_probabilities_sum_to_one(method, votes: list[Vote]) -> None:  # type: ignore[no-untyped-def]
    """Without a domain, each question's probabilities sum to one and the winners hold the top."""
    result = method(votes)
    for found in result.questions.values():
        assert sum(found.probabilities.values()) == pytest.approx(1.0)
        top = max(found.probabilities.values())
        assert all(found.probabilities[w] == pytest.approx(top) for w in found.winners)


@pytest.mark.parametrize("method", METHODS)
@given(votes=discovery_votes(), data=st.data())
def test_input_order_does_not_matter(method, votes: list[Vote], data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    """Shuffled votes give exactly the same result."""
    shuffled = data.draw(st.permutations(votes))
    assert method(votes) == method(shuffled)


@given(votes=discovery_votes())
def test_pair_index_matches_all_pairs(votes: list[Vote]) -> None:
    """The pairs found through the index by value are exactly those a brute force over all pairs finds."""
    given_by: dict[str, set[tuple[str, str]]] = {}
    for vote in votes:
        given_by.setdefault(vote.source, set()).add((vote.question, vote.answer))
    expected = {
        (a, b): tuple(sorted(given_by[a] & given_by[b]))
        for a, b in itertools.combinations(sorted(given_by), 2)
        if given_by[a] & given_by[b]
    }
    assert shared_value_pairs(votes) == expected


@pytest.mark.parametrize("method", METHODS)
def test_a_two_way_tie_is_reported_not_broken(method) -> None:  # type: ignore[no-untyped-def]
    """One vote each for two answers is a tie of both."""
    result = method([Vote("q", "a", "s1"), Vote("q", "b", "s2")])
    assert result.questions["q"].winners == ("a", "b")
    assert result.questions["q"].tie


def test_a_weight_outside_the_unit_interval_is_refused() -> None:
    """A vote of weight 0 or above 1 raises ValueError."""
    with pytest.raises(ValueError, match="weight"):
        Vote("q", "a", "s", 0.0)
    with pytest.raises(ValueError, match="weight"):
        Vote("q", "a", "s", 1.5)


def test_parameters_out_of_range_are_refused() -> None:
    """Bounds, rates and round limits outside their ranges raise ValueError."""
    with pytest.raises(ValueError, match="accuracy_bounds"):
        AccuVoteParams(accuracy_bounds=(0.5, 0.4))
    with pytest.raises(ValueError, match="alpha"):
        AccuCopyParams(alpha=1.0)
    with pytest.raises(ValueError, match="n_false"):
        AccuVoteParams(n_false=0.5)


def test_a_prior_moves_belief() -> None:
    """A source with a high prior accuracy wins a one-against-one question."""
    votes = [Vote("q", "a", "trusted"), Vote("q", "b", "doubtful")]
    result = accu_vote(votes, priors={"trusted": 0.95, "doubtful": 0.3})
    assert result.questions["q"].winners == ("a",)


def test_a_domain_leaves_room_for_values_nobody_gave() -> None:
    """With a domain of one false value, one vote at prior accuracy 0.65 gives probability 0.65."""
    result = accu_vote(
        [Vote("q", "yes", "s")], priors={"s": 0.65}, domains={"q": 1}, params=AccuVoteParams(max_rounds=1)
    )
    assert result.questions["q"].probabilities["yes"] == pytest.approx(0.65)


def test_support_lets_a_partial_answer_back_a_fuller_one() -> None:
    """An answer supported by a similar answer beats an equally voted unrelated one."""
    votes = [Vote("q", "knuth", "s1"), Vote("q", "donald knuth", "s2"), Vote("q", "smith", "s3")]
    result = accu_vote(votes, support={("q", "donald knuth"): [("knuth", 1.0)]})
    assert result.questions["q"].winners == ("donald knuth",)


def test_a_declared_copy_adds_no_weight() -> None:
    """Declaring that c copies a leaves a and c against b as a tie of one against one."""
    votes = [Vote("q", "x", "a"), Vote("q", "x", "c"), Vote("q", "y", "b")]
    result = accu_vote(votes, declared_copies=[("c", "a")])
    assert result.questions["q"].tie
    assert [d.declared for d in result.dependences] == [True]


def test_echo_cluster_is_seen_through_without_declarations() -> None:
    """Seeded echo cluster: AccuCopy finds the truth on 239 of 240 objects where majority follows the echo."""
    votes, gold = echo_cluster(20240601)
    copied = accu_copy(votes)
    assert accuracy(copied, gold) == pytest.approx(239 / 240)
    assert accuracy(majority(votes), gold) < 0.4
    assert accuracy(truth_finder(votes), gold) < 0.4
    echo = {"bad", *(f"copier{i:02d}" for i in range(10))}
    assert {(d.source_a, d.source_b) for d in copied.dependences} == set(itertools.combinations(sorted(echo), 2))


def test_independent_sources_learning_is_not_below_majority() -> None:
    """Without copiers, AccuCopy and AccuVote are at least as accurate as majority on three seeds."""
    for seed in (20240601, 20240602, 20240603):
        votes, gold = echo_cluster(seed, copiers=0)
        floor = accuracy(majority(votes), gold)
        assert accuracy(accu_copy(votes), gold) >= floor
        assert accuracy(accu_vote(votes), gold) >= floor


def test_dependence_evidence_counts() -> None:
    """Two sources giving the same false values, nobody else's, are reported as dependent with those counts."""
    votes = [Vote(f"q{i}", f"wrong{i}", s) for i in range(30) for s in ("a", "b")]
    votes += [Vote(f"q{i}", "right", f"x{k}") for i in range(30) for k in range(3)]
    pair = next(d for d in accu_copy(votes).dependences if (d.source_a, d.source_b) == ("a", "b"))
    assert (pair.shared_items, pair.same_values, pair.unique_values, pair.false_values) == (30, 30, 30, 30)
    assert pair.probability > 0.99


def test_truthfinder_reports_its_own_trust() -> None:
    """TruthFinder's source scores are its trust t(w), a mean of fact confidences, below one."""
    result: Discovery = truth_finder([Vote("q", "a", "s1"), Vote("q", "a", "s2"), Vote("r", "b", "s1")])
    assert result.method == "truthfinder"
    assert 0.5 < result.sources["s1"].accuracy < 1.0
    assert result.sources["s1"].claims == 1  # the claim on "r" nobody else answers teaches nothing


def _copy_web(seed: int) -> list[Vote]:
    """3–7 sources of random accuracy and 1–5 partial copiers (of a source or of a copier), a few false values."""
    rng = random.Random(seed)
    objects, independent, copiers = rng.randint(5, 25), rng.randint(3, 7), rng.randint(1, 5)
    accuracies = [rng.uniform(0.3, 0.95) for _ in range(independent)]
    parents = [
        (rng.randrange(independent + c) if c else rng.randrange(independent), rng.uniform(0.5, 1.0))
        for c in range(copiers)
    ]
    votes = []
    for i in range(objects):
        values: list[str | None] = []
        for s in range(independent):
            if rng.random() < 0.85:
                values.append("t" if rng.random() < accuracies[s] else rng.choice(["f1", "f2", "f3"]))
            else:
                values.append(None)
        for parent, rate in parents:
            if values[parent] is not None and rng.random() < rate:
                values.append(values[parent])
            else:
                values.append(rng.choice(["t", "f1", "f2"]) if rng.random() < 0.7 else None)
        votes += [Vote(f"o{i:02d}", value, f"s{s}") for s, value in enumerate(values) if value is not None]
    return votes


def test_accucopy_converges_where_it_used_to_oscillate() -> None:
    """Copies whose accuracies are nearly equal no longer swap places each round: seed 1010 settles.

    With the providers of a value ordered by the accuracy being learned, this set (184
    votes) oscillated with period 2 for 100 rounds, as AccuCopy did on Book.
    """
    votes = _copy_web(1010)
    assert len(votes) == 184
    result = accu_copy(votes)
    assert result.converged
    assert result.rounds < 50


def test_the_better_graded_of_two_copies_counts_in_full() -> None:
    """Of two dependent sources giving a value, the better-graded one counts in full, the other discounted."""
    votes = [Vote(f"q{i}", f"v{i}", s) for i in range(30) for s in ("a", "b")]
    votes += [Vote(f"q{i}", "right", f"x{k}") for i in range(30) for k in range(3)]
    result = accu_copy(votes, priors={"a": 0.6, "b": 0.9}, copy=AccuCopyParams(report_threshold=0.0))
    assert result.converged
    pair = next(d for d in result.dependences if (d.source_a, d.source_b) == ("a", "b"))
    a, b = result.sources["a"].accuracy, result.sources["b"].accuracy

    def vote(accuracy: float) -> float:
        return math.log(100 * accuracy / (1 - accuracy))

    expected = vote(b) + vote(a) * (1 - 0.8 * pair.probability)
    assert result.questions["q0"].scores["v0"] == pytest.approx(expected, abs=1e-4)


@given(votes=discovery_votes(max_votes=40), limit=st.one_of(st.none(), st.integers(1, 4)))
def test_pair_table_holds_the_index_pairs(votes: list[Vote], limit: int | None) -> None:
    """The compact pair table gives ValueIndex.pairs's pairs, shared values and question counts in order, any limit."""
    index = ValueIndex.of(votes)
    table = PairTable(index, limit)
    pairs = index.pairs(limit)
    first = table.first
    assert [table.pair(i, a, index) for a in range(len(first) - 1) for i in range(first[a], first[a + 1])] == pairs
    assert [table.locate(pair.b, pair.a) for pair in pairs] == list(range(len(pairs)))

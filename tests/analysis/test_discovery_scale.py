"""AccuVote and AccuCopy at scale: the same floats as the direct code, and work that grows with the votes."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from benchmarks.truth import echo_cluster
from factlog.analysis._discovery import AccuCopyParams, AccuVoteParams, Discovery, Vote, accu_copy, accu_vote
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import provider_limit
from factlog.assessment import _methods
from tests.analysis.accu_reference import budget_of, reference
from tests.analysis.test_discovery import _copy_web
from tests.helpers import lines_executed
from tests.strategies import discovery_votes, many_question_votes


@given(
    votes=discovery_votes(max_votes=40),
    graded=st.dictionaries(st.sampled_from(["s0", "s1", "s2"]), st.sampled_from([0.3, 0.6, 0.9]), max_size=3),
    sizes=st.dictionaries(st.sampled_from(["q0", "q1"]), st.sampled_from([1.0, 3.0]), max_size=2),
    copies=st.lists(st.sampled_from([("s1", "s0"), ("s3", "s2"), ("s4", "s1")]), max_size=2),
)
def test_accucopy_gives_the_reference_floats(
    votes: list[Vote], graded: dict[str, float], sizes: dict[str, float], copies: list[tuple[str, str]]
) -> None:
    """AccuCopy equals the direct code exactly, with priors, domains and declared copies."""
    arguments: dict[str, Any] = {"priors": graded, "domains": sizes, "declared_copies": copies}
    assert accu_copy(votes, **arguments) == reference(votes, **arguments)


@given(votes=discovery_votes(max_votes=30), repeated=st.lists(st.integers(0, 29), max_size=10))
def test_accucopy_counts_a_vote_given_twice_once(votes: list[Vote], repeated: list[int]) -> None:
    """A party giving one value in several claims is one vote: what ``undeclared_copying`` passes once."""
    plain = [Vote(vote.question, vote.answer, vote.source) for vote in votes]
    again = plain + [plain[i % len(plain)] for i in repeated]
    assert accu_copy(again) == accu_copy(list(dict.fromkeys(plain)))


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
@given(
    votes=st.one_of(discovery_votes(max_votes=40), many_question_votes()),
    share=st.floats(0.0, 1.0),
    copies=st.lists(st.sampled_from([("s1", "s0"), ("s3", "s2")]), max_size=2),
)
def test_accucopy_within_a_pair_budget_gives_the_reference_floats(
    votes: list[Vote], share: float, copies: list[tuple[str, str]]
) -> None:
    """With a budget of pairs, the most popular values leave copy detection exactly as the direct code leaves them."""
    params = AccuCopyParams(report_threshold=0.0, max_pairs=budget_of(votes, share))
    assert accu_copy(votes, copy=params, declared_copies=copies) == reference(
        votes, copy=params, declared_copies=copies
    )


@given(sizes=st.dictionaries(st.integers(2, 9), st.integers(1, 4), max_size=6), budget=st.integers(0, 120))
def test_the_provider_limit_is_the_largest_that_fits(sizes: dict[int, int], budget: int) -> None:
    """The limit keeps every value of at most that many providers within the budget, and one more would not fit."""
    limit = provider_limit(sizes, budget)

    def pairs(most: int) -> int:
        return sum(count * m * (m - 1) // 2 for m, count in sizes.items() if m <= most)

    if limit is None:
        assert pairs(max(sizes, default=0)) <= budget
    else:
        assert pairs(limit) <= budget < pairs(min(m for m in sizes if m > limit))


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
def test_a_budget_that_holds_every_pair_changes_nothing() -> None:
    """A budget at least the pairs of the set gives the floats of no budget at all, on an echo cluster."""
    votes = echo_cluster(seed=3, objects=40)[0]
    index = ValueIndex.of(votes)
    needed = sum(m * (m - 1) // 2 for m, count in index.sizes().items() for _ in range(count))
    assert accu_copy(votes, copy=AccuCopyParams(max_pairs=needed)) == accu_copy(
        votes, copy=AccuCopyParams(max_pairs=None)
    )
    assert accu_copy(votes, copy=AccuCopyParams(max_pairs=needed - 1)) != accu_copy(
        votes, copy=AccuCopyParams(max_pairs=None)
    )


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
def test_values_left_out_of_copy_detection_count_as_accuvote_counts_them() -> None:
    """A budget of no pair at all leaves AccuVote: every score and accuracy equal, no dependence found."""
    votes = echo_cluster(seed=3, objects=40)[0]
    none = accu_copy(votes, copy=AccuCopyParams(max_pairs=0, report_threshold=0.0))
    plain = accu_vote(votes)
    assert none.dependences == ()
    assert dict(none.sources) == dict(plain.sources)
    assert [result.scores for result in none.questions.values()] == [
        result.scores for result in plain.questions.values()
    ]


def test_a_pair_budget_must_be_a_whole_number_or_none() -> None:
    """A negative, fractional or boolean budget is refused by name."""
    for wrong in (-1, 2.5, True):
        with pytest.raises(ValueError, match="max_pairs"):
            AccuCopyParams(max_pairs=wrong)  # type: ignore[arg-type]


@given(votes=discovery_votes(max_votes=40), copies=st.lists(st.sampled_from([("s1", "s0"), ("s3", "s2")]), max_size=2))
def test_accuvote_gives_the_reference_floats(votes: list[Vote], copies: list[tuple[str, str]]) -> None:
    """AccuVote equals the direct code exactly, declared copies included."""
    assert accu_vote(votes, declared_copies=copies) == reference(votes, copy=None, declared_copies=copies)


@pytest.mark.parametrize("seed", [1010, 7, 23])
def test_accucopy_gives_the_reference_floats_on_copy_webs(seed: int) -> None:
    """On webs of partial copiers (many dependent pairs, many rounds) the floats are the reference's."""
    votes = _copy_web(seed)
    params = AccuCopyParams(report_threshold=0.0)
    assert accu_copy(votes, copy=params) == reference(votes, copy=params)


def test_accucopy_gives_the_reference_floats_on_an_echo_cluster() -> None:
    """On the benchmark's echo cluster (10 undeclared copiers of one origin) the floats are the reference's."""
    votes = echo_cluster(seed=3, objects=40)[0]
    assert accu_copy(votes) == reference(votes)


def _sparse(objects: int) -> list[Vote]:
    """``objects`` questions, each answered by 4 of ``objects // 4`` sources; a tenth of the sources copy another.

    Each value is shared by at most 4 sources, as in most of a real claim set, so the
    pairs of sources sharing a value grow with the votes.
    """
    rng = random.Random(objects)
    sources = objects // 4
    votes = []
    for i in range(objects):
        for s in rng.sample(range(sources), 4):
            copied = s % 10 == 9
            answer = "t" if rng.random() < 0.7 else rng.choice(["f1", "f2"])
            votes.append(Vote(f"o{i}", answer, f"s{s}"))
            if copied:
                votes.append(Vote(f"o{i}", answer, f"s{s - 1}"))
    return votes


def test_accucopy_work_grows_with_the_votes() -> None:
    """Ten times the votes (values shared by at most 5 sources) cost at most 12 times the work, round for round."""
    params = AccuVoteParams(max_rounds=3, epsilon=0.0)
    small, large = _sparse(200), _sparse(2000)
    work_small = lines_executed(lambda: accu_copy(small, params=params))
    work_large = lines_executed(lambda: accu_copy(large, params=params))
    assert work_large < 12 * work_small * len(large) / (10 * len(small))


def test_accucopy_gives_the_reference_floats_on_a_generated_claim_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the votes of a generated benchmark claim set (1,500 claims), the plain rounds' floats are the reference's."""
    captured: dict[str, Any] = {}

    def spy(votes: Iterable[Vote], **arguments: Any) -> Discovery:
        captured["votes"], captured["arguments"] = list(votes), arguments
        return accu_copy(captured["votes"], **arguments)

    monkeypatch.setattr(_methods, "accu_copy", spy)
    factlog.assess(factlog.loads(json.dumps(generate(1500))), explain=False)
    votes, arguments = captured["votes"], captured["arguments"]
    assert len(votes) > 1000
    assert arguments.pop("support") is None  # no similarity hook: the reference has none
    params = arguments.pop("params")
    assert params.extrapolate  # the assessment's rounds jump by default; the reference runs them plain
    plain = attrs.evolve(params, extrapolate=False)
    assert accu_copy(votes, params=plain, **arguments) == reference(votes, params=plain, **arguments)


def _direct_means(
    index: ValueIndex,
    score: list[float],
    priors: list[float | None],
    strength: float,
    bounds: tuple[float, float],
    fallback: float,
) -> list[float]:
    """``ValueIndex.means`` the direct way: a sum, a division and ``min``/``max`` per source."""
    found = []
    for s, row in enumerate(index.source_votes):
        total = math.fsum([w * score[v] for v, w in row if index.informative[v]])
        weight = math.fsum(w for v, w in row if index.informative[v])
        prior = priors[s]
        if prior is not None and strength > 0.0:
            total += strength * prior
            weight += strength
        mean = total / weight if weight > 0 else (prior if prior is not None else fallback)
        found.append(min(bounds[1], max(bounds[0], mean)))
    return found


@given(
    votes=discovery_votes(max_votes=30),
    data=st.data(),
    strength=st.sampled_from([0.0, 2.0]),
    bounds=st.sampled_from([(0.01, 0.99), (0.0, 1.0), (0.3, 0.6)]),
)
def test_source_means_are_the_direct_computation(
    votes: list[Vote], data: st.DataObject, strength: float, bounds: tuple[float, float]
) -> None:
    """Each source's clamped mean is the direct code's float, zeros of either sign and clamped ends too."""
    index = ValueIndex.of(votes)
    scores = st.sampled_from([0.0, -0.0, 1e-300, 0.1, 1 / 3, 0.7, 1.0, 5.0, -2.0])
    score = data.draw(st.lists(scores, min_size=len(index.value_answer), max_size=len(index.value_answer)))
    priors = data.draw(
        st.lists(st.sampled_from([None, 0.2, 0.9]), min_size=len(index.sources), max_size=len(index.sources))
    )
    found = index.means(score, priors, strength, bounds, 0.5)
    direct = _direct_means(index, score, priors, strength, bounds, 0.5)
    assert [x.hex() for x in found] == [x.hex() for x in direct]

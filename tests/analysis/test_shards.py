"""Truth discovery over shards of questions learns the single process's floats, however the questions are split."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.truth import echo_cluster
from factlog.analysis._discovery import (
    AccuCopyParams,
    Discovery,
    TruthFinderParams,
    Vote,
    accu_copy,
    accu_vote,
    truth_finder,
)
from factlog.analysis._discovery._exact import joined, partials
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._learn import Learned, Local, _start, learn
from factlog.analysis._discovery._results import AccuVoteParams
from factlog.analysis._discovery._shard import Config, Part, in_order
from tests.analysis.accu_reference import budget_of
from tests.strategies import discovery_votes, many_question_votes

GRADES = (0.3, 0.5, 0.7, 0.9)


EVERY_PAIR = AccuCopyParams(report_threshold=0.0)
"""Every pair's posterior reported, so that each is compared (most are near 0 or 1, where a last bit may not show)."""


def _single(
    method: str,
    votes: list[Vote],
    priors: dict[str, float],
    domains: dict[str, float],
    copy: AccuCopyParams = EVERY_PAIR,
) -> Discovery:
    if method == "accucopy":
        return accu_copy(votes, priors=priors, domains=domains, copy=copy)
    if method == "accuvote":
        return accu_vote(votes, priors=priors, domains=domains)
    return truth_finder(votes, priors=priors)


def _parts(
    votes: list[Vote], grades: dict[str, frozenset[float]], domains: dict[str, float], where: list[int]
) -> list[Part]:
    """The votes split by question: question i goes to shard ``where[i % len(where)]`` (empty shards dropped)."""
    questions = sorted({vote.question for vote in votes})
    shard_of = {question: where[i % len(where)] for i, question in enumerate(questions)}
    parts = []
    for number in sorted(set(shard_of.values())):
        mine = tuple(vote for vote in votes if shard_of[vote.question] == number)
        speakers = {vote.source for vote in mine}
        parts.append(
            Part(
                mine,
                {speaker: grades[speaker] for speaker in speakers},
                {question: domains[question] for question in questions if shard_of[question] == number},
                {question: (0, question, 0, 0) for question in questions},
            )
        )
    return parts


def _sharded(
    method: str,
    votes: list[Vote],
    grades: dict[str, frozenset[float]],
    domains: dict[str, float],
    where: list[int],
    weighed: AccuCopyParams = EVERY_PAIR,
) -> tuple[Learned, dict[str, object]]:
    runner = Local(_parts(votes, grades, domains, where))
    copy = weighed if method == "accucopy" else None
    truth = TruthFinderParams() if method == "truthfinder" else None
    learned = learn(runner, method, copy=copy, truth=truth)
    results: dict[str, object] = {}
    for state in runner.states:
        results.update(state.results)
    return learned, results


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
@settings(max_examples=120, derandomize=True, deadline=None)
@given(
    st.one_of(discovery_votes(max_votes=40), many_question_votes()),
    st.sampled_from(["accucopy", "accuvote", "truthfinder"]),
    st.lists(st.integers(0, 3), min_size=1, max_size=4),
    st.lists(st.sampled_from(GRADES), min_size=8, max_size=8),
    st.one_of(st.none(), st.floats(0.0, 1.0)),
)
def test_any_split_by_question_learns_the_single_process_floats(
    votes: list[Vote], method: str, where: list[int], drawn: list[float], share: float | None
) -> None:
    """Sources, dependences, rounds and every question's numbers equal one process's, split any way, any pair budget."""
    names = sorted({vote.source for vote in votes})
    grades = {name: frozenset(drawn[i : i + 2]) for i, name in enumerate(names)}
    priors = {name: math.fsum(found) / len(found) for name, found in grades.items()}
    asked = sorted({vote.question for vote in votes})
    domains = {question: 1.0 if i % 3 == 0 else 100.0 for i, question in enumerate(asked)}
    copy = attrs.evolve(EVERY_PAIR, max_pairs=budget_of(votes, share))
    single = _single(method, votes, priors, domains, copy)
    learned, results = _sharded(method, votes, grades, domains, where, copy)
    assert learned.sources == dict(single.sources)
    assert learned.dependences == single.dependences
    assert (learned.rounds, learned.converged) == (single.rounds, single.converged)
    assert results == dict(single.questions)


class _Arriving(Local):
    """Shards stepped in turn, their results given in a drawn order, as a cluster's tasks may end."""

    def __init__(self, states: list[Part], seed: int) -> None:
        super().__init__(states)
        self.seed = seed

    def arriving(self, step: Any, *shared: Any, own: Any = None) -> Iterator[tuple[int, Any]]:
        found = list(super().arriving(step, *shared, own=own))
        random.Random(self.seed).shuffle(found)
        return iter(found)


def _copiers() -> tuple[list[Vote], dict[str, frozenset[float]], dict[str, float]]:
    """Two sources giving the same 12 values, five others varying: pairs that share values in every shard."""
    others = "cdefg"
    votes = [Vote(f"q{q}", f"w{q % 3}", source, 1.0) for q in range(12) for source in "ab"]
    votes += [
        Vote(f"q{q}", "x" if (q + i) % (i + 2) else f"y{q % 2}", source, (1.0, 0.5, 0.25)[(q + i) % 3])
        for q in range(12)
        for i, source in enumerate(others)
    ]
    grades = {name: frozenset((GRADES[i % 4],)) for i, name in enumerate("ab" + others)}
    return votes, grades, {f"q{q}": 100.0 for q in range(12)}


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=2, max_size=6), st.integers(0, 2**32))
def test_shards_arriving_in_any_order_learn_the_same(where: list[int], seed: int) -> None:
    """AccuCopy over shards whose results come back in any order: the sources and dependences of shard order."""
    votes, grades, domains = _copiers()
    in_turn = learn(Local(_parts(votes, grades, domains, where)), "accucopy", copy=EVERY_PAIR)
    shuffled = learn(_Arriving(_parts(votes, grades, domains, where), seed), "accucopy", copy=EVERY_PAIR)
    assert len(in_turn.dependences) >= 10
    assert (shuffled.sources, shuffled.dependences, shuffled.rounds) == (
        in_turn.sources,
        in_turn.dependences,
        in_turn.rounds,
    )


@pytest.mark.parametrize("where", [[0], [0, 1], [0, 1, 2], [2, 0, 1, 1]])
def test_a_pair_split_over_shards_is_summed_in_value_order(where: list[int]) -> None:
    """Copiers sharing values in one or more shards: one process's posteriors, which add the values in order."""
    votes, grades, domains = _copiers()
    priors = {name: next(iter(found)) for name, found in grades.items()}
    single = accu_copy(votes, priors=priors, domains=domains, copy=EVERY_PAIR)
    learned, _ = _sharded("accucopy", votes, grades, domains, where)
    assert len(single.dependences) >= 10
    assert learned.dependences == single.dependences
    assert learned.sources == dict(single.sources)


@pytest.mark.parametrize(
    "terms",
    [[], [1.0], [1e16, 1.0], [0.1, 0.2, 0.3], [1e100, 1.0, -1e100, 1e-100], [0.1] * 10, [3.0, -3.0]],
)
def test_partials_join_to_the_fsum_of_every_term(terms: list[float]) -> None:
    """Partials of any split, joined, are math.fsum of all the terms."""
    for cut in range(len(terms) + 1):
        assert joined([partials(terms[:cut]), partials(terms[cut:])]) == math.fsum(terms)


def test_in_order_adds_from_zero_one_by_one() -> None:
    """The single process's running sum, not fsum: 0.1 added ten times is not 1.0."""
    assert in_order([0.1] * 10) == sum([0.1] * 10) != math.fsum([0.1] * 10)


def test_a_prior_out_of_range_is_a_value_error() -> None:
    """A speaker whose grades average to 1.0 is refused as one process refuses it."""
    part = Part((Vote("q", "a", "s", 1.0),), {"s": frozenset((1.0,))}, {"q": 1.0}, {"q": (0, "q", 0, 0)})
    with pytest.raises(ValueError, match="prior accuracy of 's'"):
        learn(Local([part]), "accuvote")


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
@pytest.mark.parametrize(("budget", "where"), [(50, [0, 1]), (500, [0, 1, 2]), (0, [1, 0])])
def test_a_pair_budget_leaves_out_the_same_values_over_shards(budget: int, where: list[int]) -> None:
    """An echo cluster in a budget of pairs, split by question: the same limit, agreements and floats as one process.

    Pairs share values copy detection uses in one shard and values it leaves out in
    another: both must count where the two agree.
    """
    votes = echo_cluster(seed=3, objects=12)[0]
    names = sorted({vote.source for vote in votes})
    grades = {name: frozenset((GRADES[i % 4],)) for i, name in enumerate(names)}
    priors = {name: next(iter(found)) for name, found in grades.items()}
    domains = {vote.question: 100.0 for vote in votes}
    copy = attrs.evolve(EVERY_PAIR, max_pairs=budget)
    single = _single("accucopy", votes, priors, domains, copy)
    learned, results = _sharded("accucopy", votes, grades, domains, where, copy)
    assert single.dependences != accu_copy(votes, priors=priors, domains=domains, copy=EVERY_PAIR).dependences
    assert learned.dependences == single.dependences
    assert learned.sources == dict(single.sources)
    assert results == dict(single.questions)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    st.one_of(discovery_votes(max_votes=40), many_question_votes()),
    st.lists(st.integers(0, 3), min_size=1, max_size=4),
)
def test_the_driver_keeps_only_the_pairs_split_over_shards(votes: list[Vote], where: list[int]) -> None:
    """The driver counts every pair sharing a value and keeps those sharing values in two shards or more."""
    grades = {vote.source: frozenset((0.5,)) for vote in votes}
    domains = {vote.question: 100.0 for vote in votes}
    parts = _parts(votes, grades, domains, where)
    names = tuple(sorted(grades))
    shards_of: dict[tuple[int, int], int] = {}
    for part in parts:
        for pair in ValueIndex.of(part.votes, names).pairs():
            shards_of[(pair.a, pair.b)] = shards_of.get((pair.a, pair.b), 0) + 1
    run = _start(Local(parts), Config("accucopy", (), AccuVoteParams(), EVERY_PAIR))
    kept = {divmod(key, len(names)) for key in run.pairs.key}
    assert len(run.pairs) == len(ValueIndex.of(votes, names).pairs()) == len(shards_of)
    assert kept == {pair for pair, shards in shards_of.items() if shards > 1}
    assert list(run.pairs.key) == sorted(run.pairs.key)

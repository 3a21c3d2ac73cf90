"""Extrapolated rounds over shards of questions: the single process's jumps, floats and rounds, split any way."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlog.analysis._discovery import AccuVoteParams, Discovery, TruthFinderParams, Vote, accu_copy, accu_vote
from factlog.analysis._discovery import _learn as learning
from factlog.analysis._discovery._extrapolate import Extrapolation
from factlog.analysis._discovery._learn import Learned, Local, learn
from tests.analysis.test_shards import EVERY_PAIR, GRADES, _parts
from tests.helpers import random_votes
from tests.strategies import discovery_votes, many_question_votes

EXTRAPOLATED = AccuVoteParams(max_rounds=300, extrapolate=True)


def small_random_votes(seed: int) -> list[Vote]:
    """Random votes of 3–11 sources on 1–19 questions (:func:`~tests.helpers.random_votes`): jumps, some undone."""
    return random_votes(seed, sources=(3, 12), questions=(1, 20)) or [Vote("q0", "a0", "s0", 1.0)]


def domains_of(votes: list[Vote]) -> dict[str, float]:
    """Question → n: one false value for every third question in name order, else 100."""
    asked = sorted({vote.question for vote in votes})
    return {question: 1.0 if i % 3 == 0 else 100.0 for i, question in enumerate(asked)}


def _grades(votes: list[Vote], drawn: list[float]) -> dict[str, frozenset[float]]:
    names = sorted({vote.source for vote in votes})
    return {name: frozenset(drawn[(i % 7) : (i % 7) + 2]) for i, name in enumerate(names)}


def _both(
    method: str, votes: list[Vote], grades: dict[str, frozenset[float]], where: list[int], params: AccuVoteParams
) -> tuple[Discovery, Learned, dict[str, object]]:
    """One process's run and the run over the votes split by question (``where``: as test_shards splits)."""
    priors = {name: math.fsum(found) / len(found) for name, found in grades.items()}
    domains = domains_of(votes)
    if method == "accucopy":
        single = accu_copy(votes, priors=priors, domains=domains, params=params, copy=EVERY_PAIR)
    else:
        single = accu_vote(votes, priors=priors, domains=domains, params=params)
    runner = Local(_parts(votes, grades, domains, where))
    learned = learn(runner, method, params=params, copy=EVERY_PAIR if method == "accucopy" else None)
    results: dict[str, object] = {}
    for state in runner.states:
        results.update(state.results)
    return single, learned, results


def _assert_same(single: Discovery, learned: Learned, results: dict[str, object]) -> None:
    assert learned.sources == dict(single.sources)
    assert learned.dependences == single.dependences
    assert (learned.rounds, learned.converged) == (single.rounds, single.converged)
    assert results == dict(single.questions)


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    st.one_of(discovery_votes(max_votes=40), many_question_votes(), st.integers(0, 2**20).map(small_random_votes)),
    st.sampled_from(["accucopy", "accuvote"]),
    st.lists(st.integers(0, 3), min_size=1, max_size=4),
    st.lists(st.sampled_from(GRADES), min_size=8, max_size=8),
)
def test_extrapolated_rounds_over_any_split_learn_the_single_process_floats(
    votes: list[Vote], method: str, where: list[int], drawn: list[float]
) -> None:
    """Extrapolated, sources, dependences, rounds and every question's numbers equal one process's, split any way."""
    _assert_same(*_both(method, votes, _grades(votes, drawn), where, EXTRAPOLATED))


class Counted(Extrapolation):
    """The decisions of a run, kept where a test can read how many jumps it took and undid."""

    made: list[Extrapolation] = []  # noqa: RUF012 - one run at a time, read by the test that set it

    def __init__(self) -> None:
        super().__init__()
        self.made.append(self)


@pytest.mark.parametrize(
    ("seed", "method"), [(383, "accucopy"), (550, "accucopy"), (1075, "accucopy"), (3029, "accuvote")]
)
@pytest.mark.parametrize("where", [[0, 1], [2, 0, 1], [0, 1, 1, 2, 3]])
def test_jumps_undone_over_shards_are_undone_as_in_one_process(
    seed: int, method: str, where: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random votes whose runs jump and undo jumps: over shards, the same jumps, undone alike, the same floats."""
    votes = small_random_votes(seed)
    grades = {vote.source: frozenset((0.5,)) for vote in votes}
    monkeypatch.setattr(learning, "Extrapolation", Counted)
    Counted.made = []
    single, learned, results = _both(method, votes, grades, where, EXTRAPOLATED)
    (decided,) = Counted.made
    assert decided.jumps >= 2
    assert decided.undone >= 1
    _assert_same(single, learned, results)


def test_truthfinder_over_shards_takes_no_extrapolation() -> None:
    """TruthFinder has no jumps: over shards, ``extrapolate`` changes nothing in its run."""
    votes = small_random_votes(88)
    grades = {vote.source: frozenset((0.5,)) for vote in votes}
    domains = {vote.question: 100.0 for vote in votes}
    truth = TruthFinderParams()
    plain = learn(Local(_parts(votes, grades, domains, [0, 1])), "truthfinder", truth=truth)
    assert (
        learn(Local(_parts(votes, grades, domains, [0, 1])), "truthfinder", params=EXTRAPOLATED, truth=truth) == plain
    )


def _limited_runs(method: str, votes: list[Vote], where: list[int]) -> None:
    """Every limit up to the unlimited run's rounds: over shards as in one process; at its rounds, the same run."""
    grades = {vote.source: frozenset((0.5,)) for vote in votes}
    unlimited, _, _ = _both(method, votes, grades, where, EXTRAPOLATED)
    for limit in range(1, unlimited.rounds + 1):
        params = AccuVoteParams(max_rounds=limit, extrapolate=True)
        single, learned, results = _both(method, votes, grades, where, params)
        _assert_same(single, learned, results)
        assert single.rounds == limit
        assert single.converged is (limit == unlimited.rounds)
    assert single == unlimited


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
@settings(max_examples=40, derandomize=True, deadline=None)
@given(
    st.one_of(many_question_votes(), st.integers(0, 2**20).map(small_random_votes)),
    st.sampled_from(["accucopy", "accuvote"]),
    st.lists(st.integers(0, 3), min_size=1, max_size=4),
)
def test_a_limit_of_rounds_cuts_the_unlimited_run_short(votes: list[Vote], method: str, where: list[int]) -> None:
    """Limited to any of its rounds, extrapolated: over shards as in one process; to all of them, the same run."""
    _limited_runs(method, votes, where)


@pytest.mark.parametrize(
    ("seed", "method"), [(383, "accucopy"), (550, "accucopy"), (1075, "accucopy"), (3029, "accuvote")]
)
def test_a_last_round_that_undoes_a_jump_ends_where_the_jump_started(seed: int, method: str) -> None:
    """Runs that undo jumps, limited to each of their rounds: over shards, the undone jump's scores go back too."""
    _limited_runs(method, small_random_votes(seed), [0, 1, 1, 2])

"""undeclared_copying concluded over parts split by question: one process's findings, whatever the split."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlog.analysis._discovery._learn import Local, _priors
from factlog.analysis._index import Index
from factlog.checks._copying import MIN_SHARED_VALUES, Copy, _claims, copied_values, copy_votes, screened, weighed
from factlog.checks._copyshards import concluded
from tests.helpers import echo_cluster
from tests.shards import StepsRun, copying_gathered


def _records(seed: int, ghosts: int, questions: int) -> tuple[Index, list[Copy]]:
    """An echo cluster's records, and ``ghosts`` parties no entity names (no prior) repeating the echoed origin."""
    claims, _ = echo_cluster(seed=seed, questions=questions, copiers=2, declared=False)
    index = Index.of(claims)
    records = copy_votes(index)
    rng = random.Random(seed)
    echoed = [record for record in records if record[3] == "echoed"]
    for n in range(ghosts):
        for claim, question, answer, _ in echoed:
            if rng.random() < 0.8:
                records.append((f"{claim}-ghost-{n}", question, answer, f"ghost-{n}"))
    return Index.of(claims), records


def _split(records: list[Copy], parts: int, seed: int) -> list[tuple[list[Copy], dict[str, tuple[int, int] | None]]]:
    """The records in ``parts`` parts, every record of a question in one, each question's part drawn."""
    rng = random.Random(seed)
    place: dict[str, int] = {}
    split: list[list[Copy]] = [[] for _ in range(parts)]
    for record in records:
        split[place.setdefault(record[1], rng.randrange(parts))].append(record)
    return [(mine, {}) for mine in split]


@settings(max_examples=12, derandomize=True, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 2), st.integers(1, 6), st.integers(0, 10**6))
def test_any_split_by_question_finds_what_one_process_finds(seed: int, ghosts: int, parts: int, place: int) -> None:
    """Findings (wording, sides, order) over 1–6 parts equal copied_values on all records; parties with no prior too.

    Both ways: the votes learned over the parts (a limit of 0 gathered) and gathered to the driver.
    """
    index, records = _records(seed, ghosts, questions=40)
    single = list(copied_values(index, records))
    for limit in (0, 10**9):
        dates: dict[str, tuple[int, int] | None] = {}
        with copying_gathered(limit):
            assert list(concluded(index, Local(_split(records, parts, place)), dates)) == single
        assert set(dates) == {claim for finding in single for claim in finding.claim_ids}


class _Logged(StepsRun, Local):
    """Parts in this process, the name of each step recorded."""


def _votes(records: list[Copy]) -> int:
    """How many votes pass the rule's screen: what one process learns from."""
    claims = _claims(records)
    providers, together = screened(claims)
    questions = {q for shared in together.values() if len(shared) >= MIN_SHARED_VALUES for q in shared}
    return len(weighed(claims, providers, questions))


def test_at_most_the_limit_of_votes_are_learned_on_the_driver_and_more_over_the_parts() -> None:
    """At MAX_GATHERED_VOTES the parts' votes are gathered and learned here; one fewer, the rounds run on the parts."""
    index, records = _records(seed=3, ghosts=1, questions=40)
    single = list(copied_values(index, records))
    votes = _votes(records)
    with copying_gathered(votes):
        here = _Logged(_split(records, 3, 1))
        assert list(concluded(index, here, {})) == single
    with copying_gathered(votes - 1):
        there = _Logged(_split(records, 3, 1))
        assert list(concluded(index, there, {})) == single
    assert here.ran == ["screen", "keep", "votes", "sides"]
    assert "votes" not in there.ran
    assert there.ran.count("vote") >= 2  # every round's step, on the parts


def test_the_rule_fires_on_the_examples_and_on_the_parties_with_no_prior() -> None:
    """The examples above are ones where the rule reports copying, among them by a party no entity names."""
    index, records = _records(seed=3, ghosts=2, questions=40)
    single = list(copied_values(index, records))
    assert single
    assert any("ghost-" in finding.message for finding in single)
    assert index.entity("ghost-0") is None


def test_no_pair_sharing_enough_values_learns_nothing() -> None:
    """Too few questions for any pair to share five values: no finding, and no run of AccuCopy."""
    index, records = _records(seed=5, ghosts=0, questions=3)
    assert list(copied_values(index, records)) == []
    assert list(concluded(index, Local(_split(records, 2, 0)), {})) == []


def test_a_source_with_no_prior_in_any_shard_has_none() -> None:
    """The sharded driver's priors: the mean of a source's grades, None where no shard grades it."""
    assert _priors([{"a": frozenset({0.6}), "b": frozenset()}, {"b": frozenset(), "c": frozenset({0.2, 0.4})}]) == (
        ("a", "b", "c"),
        [0.6, None, pytest.approx(0.3)],
    )

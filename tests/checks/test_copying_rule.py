"""undeclared_copying: the echo named, what it says of its rounds, declared copies left alone, the rows read."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.analysis._discovery import Dependence, DependenceTable, Discovery
from factlog.analysis._discovery._learn import Local
from factlog.analysis._index import Index
from factlog.checks import _copying as copying
from factlog.checks._copyshards import concluded
from tests.helpers import echo_cluster
from tests.shards import copying_gathered


def test_undeclared_copying_names_the_echo() -> None:
    """Ten outlets repeating one origin in their own voice, nothing declared: a warning names them as repeating."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    found = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    pairs = {frozenset(side for side, _ in f.claims) for f in found}
    assert pairs == {
        frozenset({"echoed", "copier-0"}),
        frozenset({"echoed", "copier-1"}),
        frozenset({"copier-0", "copier-1"}),
    }
    assert all("nobody else gives" in f.message and f.severity is factlog.Severity.WARNING for f in found)


def test_undeclared_copying_settled_says_nothing_of_rounds() -> None:
    """An echo AccuCopy settles on within its rounds: the findings say nothing of a limit."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    found = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    assert found
    assert not [f for f in found if "unsettled" in f.message or "round" in f.message]


def test_undeclared_copying_stopped_unsettled_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped at its limit of rounds before settling, each finding says so, and keeps its id (ids come from claims)."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    settled = {f.id for f in factlog.check(claims).findings if f.rule == "undeclared_copying"}
    monkeypatch.setattr(copying, "MAX_ROUNDS", 1)
    found = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    assert {f.id for f in found} == settled
    assert all(f.message.endswith("; copy detection stopped at its limit of 1 round, unsettled") for f in found)


def test_declared_copies_are_not_reported_as_undeclared() -> None:
    """The same echo, declared through relays and derived_from, gives no undeclared-copying finding."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2)
    assert not [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]


@pytest.mark.parametrize("seed", range(11, 20))
def test_undeclared_copying_limited_to_its_rounds_settles_as_without_a_limit(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Limited to the rounds AccuCopy settles in (extrapolated), the same findings, none unsettled; over parts too."""
    claims, _ = echo_cluster(seed=seed, questions=40, copiers=2, declared=False)
    runs: list[int] = []
    run = copying.accu_copy

    def counted(*args: Any, **kwargs: Any) -> Discovery:
        found = run(*args, **kwargs)
        runs.append(found.rounds)
        return found

    monkeypatch.setattr(copying, "accu_copy", counted)
    settled = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    monkeypatch.setattr(copying, "MAX_ROUNDS", runs[0])
    limited = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    assert limited == settled
    assert not [f for f in limited if "unsettled" in f.message]
    index = Index.of(claims)
    records = copying.copy_votes(index)
    questions = sorted({record[1] for record in records})
    halves = [([r for r in records if questions.index(r[1]) % 2 == side], {}) for side in (0, 1)]
    with copying_gathered(0):  # learned over the halves, as over a cluster's parts
        assert list(concluded(index, Local(halves), {})) == list(copying.copied_values(index, records))


_DEPENDENCES = st.lists(
    st.builds(
        Dependence,
        source_a=st.sampled_from("ABCDE"),
        source_b=st.sampled_from("FGHIJ"),
        probability=st.sampled_from([0.5, 0.94, copying.MIN_PROBABILITY, 0.99, 1.0, math.nan]),
        a_copies_b=st.sampled_from([0.0, 0.4, 0.9]),
        b_copies_a=st.sampled_from([0.0, 0.5, 0.9]),
        declared=st.booleans(),
        shared_items=st.integers(0, 9),
        same_values=st.integers(0, 9),
        unique_values=st.integers(0, 7),
        false_values=st.integers(0, 7),
        agreeing_items=st.integers(0, 9),
    ),
    unique_by=lambda d: (d.source_a, d.source_b),
)


@given(_DEPENDENCES)
def test_telling_rows_are_the_dependences_the_rule_can_report(dependences: list[Dependence]) -> None:
    """Read from the table's columns: its rows, in its order, that are inferred, probable and telling enough.

    A NaN posterior is not below :data:`MIN_PROBABILITY`: :func:`reported` lets it through, and so does the read.
    """
    table = DependenceTable.of(dependences)
    assert [repr(pair) for pair in copying._telling(table)] == [
        repr(pair)
        for pair in table
        if not pair.declared
        and not pair.probability < copying.MIN_PROBABILITY
        and max(pair.unique_values, pair.false_values) >= copying.MIN_SHARED_VALUES
    ]


@given(_DEPENDENCES, st.booleans())
def test_findings_from_a_table_are_those_from_its_dependences(dependences: list[Dependence], converged: bool) -> None:
    """The findings of a :class:`DependenceTable` read by its columns are those of its rows one by one."""
    table = DependenceTable.of(dependences)
    index = Index.of(factlog.ClaimSet())

    def sides(copier: str, original: str) -> tuple[list[str], list[str]]:
        return [f"{copier}-1", f"{copier}-0"], [f"{original}-0"]

    def written(found: Any) -> list[tuple[str, str, Any]]:
        return [(f.id, f.message, f.claims) for f in found]

    assert written(copying.reported(index, table, 7, converged, sides)) == written(
        copying.reported(index, list(table), 7, converged, sides)
    )

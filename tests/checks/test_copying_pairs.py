"""The values two parties share, as ``undeclared_copying`` lists them: against a pass over every value."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from factlog.analysis import Index
from factlog.checks._copying import _answer, _copy_publisher, _shared, _time, copy_votes
from factlog.model._dates import Interval
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import ObjectKey, object_key
from tests.strategies.values import edtf_intervals, intervals

_VALUES = st.tuples(st.sampled_from("qrs"), st.sampled_from("xyz"), st.sampled_from("ABCD"))


@given(st.lists(_VALUES, unique=True), st.sampled_from("ABCD"), st.sampled_from("ABCD"))
def test_shared_values_are_those_both_parties_give(claims: list[tuple[str, str, str]], first: str, second: str) -> None:
    """Each value both give once, in the order of the party giving fewer: what a scan of every value finds."""
    given_by: dict[str, list[tuple[str, str]]] = {}
    for question, answer, party in claims:
        given_by.setdefault(party, []).append((question, answer))
    givers: dict[tuple[str, str], list[str]] = {}
    for question, answer, party in claims:
        givers.setdefault((question, answer), []).append(party)
    scanned = [value for value, parties in givers.items() if first in parties and second in parties]
    found = _shared(given_by, first, second)
    assert sorted(found) == sorted(scanned)
    mine, theirs = given_by.get(first, []), given_by.get(second, [])
    shorter = theirs if len(theirs) < len(mine) else mine
    assert found == [value for value in shorter if value in set(scanned)]


@given(st.lists(_VALUES, unique=True), st.lists(st.tuples(st.sampled_from("ABCD"), st.sampled_from("ABCD"))))
def test_shared_values_with_kept_sets_are_those_found_afresh(
    claims: list[tuple[str, str, str]], pairs: list[tuple[str, str]]
) -> None:
    """Each party's set kept across pairs gives every pair the list a fresh set gives, and holds that party's values.

    The set kept is of the party giving more (the first on a tie is filtered, the second kept).
    """
    given_by: dict[str, list[tuple[str, str]]] = {}
    for question, answer, party in claims:
        given_by.setdefault(party, []).append((question, answer))
    kept: dict[str, set[tuple[str, str]]] = {}
    for first, second in pairs:
        assert _shared(given_by, first, second, kept) == _shared(given_by, first, second)
    longer = {
        second if len(given_by.get(second, [])) >= len(given_by.get(first, [])) else first for first, second in pairs
    }
    assert kept == {party: set(given_by.get(party, [])) for party in longer}


_OBJECT_KEYS = st.one_of(
    st.none(),
    st.tuples(st.just("entity"), st.sampled_from(["a", "b"])),
    st.tuples(
        st.just("quantity"),
        st.sampled_from([None, 0.0, -0.0]),
        st.sampled_from([0.0, -0.0]),
        st.sampled_from([-0.0, 3.0]),
        st.just(""),
    ),
)


@example([("quantity", None, 0.0, 3.0, ""), ("quantity", None, -0.0, 3.0, "")])
@given(st.lists(_OBJECT_KEYS))
def test_answers_kept_by_value_are_the_repr_of_each_key(keys: list[ObjectKey]) -> None:
    """Each answer is ``repr`` of its own key, even after an equal key of another zero's sign was seen."""
    answers: dict[ObjectKey, str] = {}
    assert [_answer(answers, key) for key in keys] == [repr(key) for key in keys]


@given(st.lists(st.one_of(intervals(), edtf_intervals(), st.none()), max_size=6))
def test_a_time_is_written_as_its_repr_with_its_dates_kept(times: list[Interval | None]) -> None:
    """Each time is written as ``repr`` writes it, after other times sharing its dates (or the same time) were."""
    times += times[:2]  # the same objects again, their dates already kept
    dates: dict[int, str] = {}
    assert [_time(when, dates) for when in times] == [repr(when) for when in times]


def _straight_votes(index: Index) -> list[tuple[str, str, str, str]]:
    """What ``copy_votes`` gives, written the direct way: both reprs made afresh for every claim."""
    found = []
    for entry in index.entries:
        proposition, predicate = entry.proposition, entry.predicate
        if proposition is None or predicate is None or not predicate.functional:
            continue
        if entry.claim.certainty is Certainty.UNCOMMITTED:
            continue
        publisher = _copy_publisher(index, entry.claim.evidence[0].source)
        if publisher is not None and publisher == entry.holder:
            continue
        slot = (proposition.subject, proposition.predicate, proposition.qualifiers)
        answer = repr(object_key(proposition.object))
        if entry.claim.polarity is Polarity.DENIED:
            answer = "not " + answer
        found.append((entry.id, "slot " + repr((slot, proposition.when)), answer, entry.speaks_for))
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_copy_votes_are_the_direct_projection(seed: int) -> None:
    """Each claim's question and answer are the reprs the direct code makes for it, on a generated set."""
    index = Index.of(factlog.loads(json.dumps(generate(1500, seed))))
    assert copy_votes(index) == _straight_votes(index)

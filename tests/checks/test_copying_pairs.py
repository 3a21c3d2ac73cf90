"""The values two parties share, as ``undeclared_copying`` lists them: against a pass over every value."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from factlog.checks._copying import _answer, _shared
from factlog.model._vocabulary import ObjectKey

_VALUES = st.tuples(st.sampled_from("qrs"), st.sampled_from("xyz"), st.sampled_from("ABCD"))


@given(st.lists(_VALUES, unique=True), st.sampled_from("ABCD"), st.sampled_from("ABCD"))
def test_shared_values_are_those_both_parties_give(claims: list[tuple[str, str, str]], first: str, second: str) -> None:
    """Each value both give once, in the first party's order: what a scan of every (question, answer) finds."""
    given_by: dict[str, list[tuple[str, str]]] = {}
    for question, answer, party in claims:
        given_by.setdefault(party, []).append((question, answer))
    givers: dict[tuple[str, str], list[str]] = {}
    for question, answer, party in claims:
        givers.setdefault((question, answer), []).append(party)
    scanned = [value for value, parties in givers.items() if first in parties and second in parties]
    found = _shared(given_by, first, second)
    assert sorted(found) == sorted(scanned)
    assert found == [value for value in given_by.get(first, []) if value in set(scanned)]


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

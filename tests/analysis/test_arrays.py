"""The sorting column functions against plain Python sets: distinct values, membership, checked ids."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlog.analysis._arrays import checked_ids, distinct, member
from factlog.analysis._lines import Unstreamable

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@given(st.lists(INT64, max_size=60))
def test_distinct_is_the_sorted_set(values: list[int]) -> None:
    """distinct gives each value once, ascending: sorted(set(values))."""
    assert distinct(np, np.array(values, dtype=np.int64)).tolist() == sorted(set(values))


@given(st.lists(INT64, max_size=40), st.lists(INT64, max_size=40))
def test_member_agrees_with_a_set(values: list[int], within: list[int]) -> None:
    """member says, for each value, whether the set holds it, at either end of the sorted array too."""
    found = member(np, np.array(values, dtype=np.int64), distinct(np, np.array(within, dtype=np.int64)))
    assert found.tolist() == [value in set(within) for value in values]


@given(st.lists(INT64, max_size=30, unique=True), st.data())
def test_checked_ids_accepts_links_to_known_ids(ids: list[int], data: st.DataObject) -> None:
    """Distinct ids and links among them come back as arrays: the ids in file order, the links distinct."""
    links = data.draw(st.lists(st.sampled_from(ids), max_size=10)) if ids else []
    numbers, linked = checked_ids(
        np, np.array(ids, dtype=np.int64).tobytes(), np.array(links, dtype=np.int64).tobytes()
    )
    assert (numbers.tolist(), linked.tolist()) == (ids, sorted(set(links)))


def test_checked_ids_refuses_an_id_twice() -> None:
    """The same id on two claims is left to the whole-file reader, which names both lines."""
    with pytest.raises(Unstreamable, match="a claim id twice"):
        checked_ids(np, np.array([3, 1, 3], dtype=np.int64).tobytes(), b"")


def test_checked_ids_refuses_a_link_to_an_unknown_id() -> None:
    """A link to an id no claim has is left to the whole-file reader, which names the unknown id."""
    with pytest.raises(Unstreamable, match="a link to an unknown claim"):
        checked_ids(np, np.array([1, 2], dtype=np.int64).tobytes(), np.array([2, 5], dtype=np.int64).tobytes())

"""The sort keys ``assess_lines`` and ``factlog.dask.assess`` keep as bytes, against the tuples they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlog.assessment._spooling import order_key as _key

texts = st.text(st.sampled_from(["\x00", "\x01", "a", "b", "é", "\U0001f600", "\ud800", " "]), max_size=6)
keys = st.tuples(st.booleans(), texts, texts, st.integers(0, 2**40), st.integers(0, 300))


@given(st.lists(keys, max_size=30))
def test_byte_keys_sort_as_the_tuples(found: list[tuple[bool, str, str, int, int]]) -> None:
    """Sorted by their bytes, the keys come in the order of the tuples (NULs, prefixes, surrogates included)."""
    assert sorted(found, key=lambda k: _key(*k)) == sorted(found)


@given(keys, keys)
def test_byte_keys_are_equal_only_for_equal_tuples(
    first: tuple[bool, str, str, int, int], second: tuple[bool, str, str, int, int]
) -> None:
    """Two keys are the same bytes exactly when their tuples are equal."""
    assert (_key(*first) == _key(*second)) == (first == second)

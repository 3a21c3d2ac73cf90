"""TupleView answers every question as the tuple of its items would (compact findings and dependences use it)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlog._sequences import TupleView


class Built(TupleView[int]):
    """Items built on access from a list, counting the builds."""

    __slots__ = ("built", "items")

    def __init__(self, items: list[int]) -> None:
        self.items = items
        self.built = 0

    def __len__(self) -> int:
        return len(self.items)

    def _at(self, position: int) -> int:
        self.built += 1
        return self.items[position]


ITEMS = st.lists(st.integers(-5, 5), max_size=12)


@given(ITEMS, st.integers(-15, 15), st.integers(-15, 15), st.sampled_from([None, 1, 2, -1, -3]))
def test_indexing_and_slicing_are_the_tuples(items: list[int], start: int, stop: int, step: int | None) -> None:
    """view[i] and view[a:b:c] give what the tuple gives, an IndexError where it raises one."""
    view, plain = Built(items), tuple(items)
    assert view[start:stop:step] == plain[start:stop:step]
    assert isinstance(view[start:stop:step], tuple)
    if -len(plain) <= start < len(plain):
        assert view[start] == plain[start]
    else:
        with pytest.raises(IndexError):
            view[start]


@given(ITEMS, ITEMS, st.integers(-6, 6))
def test_the_rest_of_the_tuple_protocol(items: list[int], other: list[int], value: int) -> None:
    """Iteration, len, in, count, reversed, +, == and hash agree with the tuple's."""
    view, plain = Built(items), tuple(items)
    assert (list(view), len(view), value in view, view.count(value)) == (
        list(plain),
        len(plain),
        value in plain,
        plain.count(value),
    )
    assert list(reversed(view)) == list(reversed(plain))
    assert view + tuple(other) == plain + tuple(other)
    assert tuple(other) + view == tuple(other) + plain
    assert view + Built(other) == plain + tuple(other)
    assert (view == tuple(other)) == (plain == tuple(other))
    assert (view == Built(other)) == (items == other)
    assert view == plain
    assert hash(view) == hash(plain)
    assert view != list(items)


def test_an_index_that_is_no_integer_is_a_type_error() -> None:
    """view["0"] is a TypeError, as on a tuple."""
    with pytest.raises(TypeError):
        Built([1])["0"]  # type: ignore[call-overload]


def test_items_are_built_only_when_read() -> None:
    """Reading one item builds one: the view never builds the whole tuple to answer an index."""
    view = Built(list(range(1000)))
    assert view[-1] == 999
    assert view.built == 1


@given(ITEMS, st.integers(-2, 3))
def test_repeating_is_the_tuples(items: list[int], times: int) -> None:
    """view * n and n * view give the tuple repeated, as the tuple does; a non-integer is a TypeError."""
    view, plain = Built(items), tuple(items)
    assert view * times == plain * times
    assert times * view == times * plain
    assert isinstance(view * times, tuple)
    with pytest.raises(TypeError):
        view * 1.5  # type: ignore[operator]

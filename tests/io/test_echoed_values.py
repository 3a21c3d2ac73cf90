"""Errors echo what they refuse in a line: a long value cut to its first characters, counts in the singular for one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import FormatError, Limits, Pattern
from tests.helpers import GOLDEN

LONG = 201
"""One character past the longest id, and past the longest value an error echoes whole."""


def _golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text())
    return data


def _errors(data: object, **options: Any) -> list[str]:
    with pytest.raises(FormatError) as caught:
        factlog.loads(json.dumps(data), name="doc.json", **options)
    return caught.value.errors


def test_an_id_past_the_longest_is_said_to_be_too_long() -> None:
    """An id of 201 lowercase letters is refused for its length, with the limit; one of 200 is read."""
    data = _golden()
    data["claims"][0]["id"] = "a" * LONG
    assert _errors(data, references=False) == [
        f"doc.json: $.claims[0].id: id longer than 200 characters: {'a' * 40 + '…'!r} ({LONG} characters)"
    ]
    data["claims"][0]["id"] = "a" * 200
    assert factlog.loads(json.dumps(data), references=False).claims[0].id == "a" * 200


FIELDS = {
    "claim id": lambda data, value: data["claims"][0].__setitem__("id", value),
    "entity id": lambda data, value: data["entities"][0].__setitem__("id", value),
    "holder": lambda data, value: data["claims"][0]["attribution"].__setitem__("holder", value),
    "when": lambda data, value: data["claims"][0]["proposition"].__setitem__("when", value),
    "published": lambda data, value: data["sources"][0].__setitem__("published", value),
    "kind": lambda data, value: data["entities"][0].__setitem__("kind", value),
    "source": lambda data, value: data["claims"][0]["evidence"][0].__setitem__("source", value),
    "qualifier": lambda data, value: data["claims"][0]["proposition"].__setitem__("qualifiers", {value: "x"}),
    "key": lambda data, value: data["claims"][0].__setitem__(value, 1),
    "amount": lambda data, value: data["claims"][0]["proposition"].__setitem__("object", {"amount": value}),
    "format": lambda data, value: data.__setitem__("format", value),
}


@given(
    field=st.sampled_from(sorted(FIELDS)),
    length=st.integers(LONG, 20_000),
    letter=st.sampled_from("aZ/ é"),
)
def test_a_long_value_is_echoed_by_its_first_characters(field: str, length: int, letter: str) -> None:
    """A value of up to 20,000 characters in any field: each error echoes at most 40 of them, and its length."""
    data = _golden()
    FIELDS[field](data, letter * length)
    errors = _errors(data)
    assert all(letter * 41 not in error for error in errors)
    assert all(f"({length:,} characters)" in error for error in errors if letter * 40 in error)
    assert all(len(error) < 600 for error in errors)


def test_a_span_of_one_character_says_character() -> None:
    """A span one character long that does not fit its quote: '1 character', not '1 characters'."""
    data = _golden()
    data["claims"][0]["evidence"][0].update(start=5, end=6)
    [error] = [error for error in _errors(data, references=False) if ".evidence[0]" in error]
    assert "span 5-6 is 1 character but the quote is" in error


def test_a_pattern_of_one_year_says_year() -> None:
    """'First in 1 year', not '1 years'."""
    assert str(Pattern(years=1)) == "first in 1 year"
    assert str(Pattern(years=3)) == "first in 3 years"


def test_a_limit_of_one_byte_says_byte(tmp_path: Path) -> None:
    """A document over a limit of 1 byte: '(1 byte, Limits.max_bytes)'."""
    with pytest.raises(FormatError) as caught:
        factlog.loads("{}", limits=Limits(max_bytes=1))
    assert "(1 byte, Limits.max_bytes)" in caught.value.errors[0]

"""What a line or document that is no JSON is told: a whole sentence, the place named, for every shape of error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog

HEADER = '{"format": "factlog", "version": 1}\n'
RECORD = '{"type": "entity", "id": "prc", "name": "China \\u4e2d", "kind": "country", "aliases": ["Beijing"]}'
_MESSAGE = re.compile(r"f\.jsonl:2: invalid JSON at column (\d+): (?P<said>.*)")


def _said(line: str) -> str:
    """What is said of line 2 of a JSON Lines text holding ``line``."""
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads_lines(HEADER + line, name="f.jsonl")
    (message,) = raised.value.errors
    return message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "x', "invalid JSON at column 8: Unterminated string starting at column 8"),
        ('{"id": "x\ty"}', "invalid JSON at column 10: Invalid control character at column 10"),
        ('{"id": "\\q"}', "invalid JSON at column 9: Invalid \\escape"),
        ('{"id": "\\u12"}', "invalid JSON at column 10: Invalid \\uXXXX escape"),
        ('{"id": 1} x', "invalid JSON at column 11: Extra data"),
        ('{"id": }', "invalid JSON at column 8: Expecting value"),
        ("{id: 1}", "invalid JSON at column 2: Expecting property name enclosed in double quotes"),
        ('{"id" 1}', "invalid JSON at column 7: Expecting ':' delimiter"),
        ('{"id": 1 "b": 2}', "invalid JSON at column 10: Expecting ',' delimiter"),
    ],
)
def test_each_shape_of_json_error_is_a_whole_sentence(line: str, expected: str) -> None:
    """The json module's messages that end "at" are finished with the column they point to."""
    assert _said(line) == f"f.jsonl:2: {expected}"


def test_a_document_names_the_line_and_column_twice() -> None:
    """In a JSON document, the unterminated string's start is named by line and column."""
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads('{\n  "entities": "x', name="a.json")
    assert raised.value.errors == [
        "a.json: $: invalid JSON at line 2 column 15: Unterminated string starting at line 2 column 15"
    ]


@given(st.integers(1, len(RECORD) - 1), st.sampled_from(["", '"', "\t", "\\", "}", ",", "x", "\x00"]))
def test_any_broken_line_is_told_in_a_whole_sentence(cut: int, put: str) -> None:
    """A record cut short or with a character put in: the message names a column and ends in no dangling "at"."""
    line = RECORD[:cut] + put + (RECORD[cut:] if put else "")
    try:
        json.loads(line)
    except ValueError:
        found = _MESSAGE.fullmatch(_said(line))
        assert found is not None
        assert not found["said"].endswith(" at")
        assert found["said"].endswith(f" at column {found[1]}") or " at" not in found["said"]


@pytest.mark.parametrize("text", ["", "\n", " \t\r\n", "\n" + RECORD + "\n"])
def test_a_file_without_a_header_on_line_1_is_told_what_it_lacks(text: str, tmp_path: Path) -> None:
    """An empty JSON Lines text, or one whose first line is blank, is told it has no header, not "Expecting value"."""
    expected = 'f.jsonl:1: no header: a JSON Lines claim file begins with {"format": "factlog", "version": 1}'
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads_lines(text, name="f.jsonl")
    assert raised.value.errors[0] == expected
    path = tmp_path / "f.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(factlog.FormatError) as read:
        factlog.load(path)
    assert read.value.errors[0] == expected.replace("f.jsonl", str(path))

"""The lines of a JSON Lines file's acknowledgements, found from its bytes, are those a reading line by line finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlog.io._places import _acknowledgement_lines, _record_lines

_LINES = st.sampled_from(
    [
        '{"type": "acknowledgement", "finding": "f-1", "note": "reviewed"}',
        '{"type": "acknowledgement", "finding": "f-\\u0032"}',
        '{"type": "\\u0061cknowledgement", "finding": "f-3"}',
        '{"\\u0074ype": "acknowledgement", "finding": "f-4"}',
        '{"type": "claim", "id": "c1", "statement": "An acknowledgement of the \\"type\\": \\"acknowledgement\\"."}',
        '{"type": "claim", "id": "c2", "statement": "a \\\\ backslash"}',
        '{"type": "source", "id": "s1", "title": "acknowledgement"}',
        '{"type": "entity", "id": "e1"}',
        "not json at all: acknowledgement",
        "",
        "   ",
        '{"type": "acknowledgement", "finding": "f-5"}\r',
        '{"type": "acknowledgement", "finding": "caf\xe9"}',
    ]
)


@given(st.lists(_LINES, max_size=30), st.integers(0, 8), st.booleans())
def test_the_lines_found_from_bytes_are_the_line_reading(lines: list[str], last: int, ended: bool) -> None:
    """For any mix of records, escapes, words in strings, blank and broken lines: the same line numbers, in order."""
    text = "\n".join(['{"format": "factlog", "version": 1}', *lines]) + ("\n" if ended else "")
    expected = _record_lines(text, {"acknowledged": last}).get("acknowledged", [])
    assert _acknowledgement_lines(text.encode("utf-8"), last)[: last + 1] == expected[: last + 1]


def test_an_acknowledgement_on_the_first_line_is_the_header_s_place_and_not_counted() -> None:
    """Line 1 is the header, as the line reading skips it, whatever it holds."""
    data = b'{"type": "acknowledgement", "finding": "f-0"}\n{"type": "acknowledgement", "finding": "f-1"}\n'
    assert _acknowledgement_lines(data, 5) == [2]

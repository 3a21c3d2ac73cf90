"""The lines of a JSON Lines file's acknowledgements, found from its bytes, are those a reading line by line finds."""

from __future__ import annotations

import io

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


@given(st.lists(_LINES, max_size=30), st.integers(0, 8), st.booleans(), st.integers(1, 90))
def test_the_lines_found_from_bytes_are_the_line_reading(lines: list[str], last: int, ended: bool, chunk: int) -> None:
    """Any mix of records, escapes, words in strings, blank and broken lines, read in any chunks: the same lines."""
    text = "\n".join(['{"format": "factlog", "version": 1}', *lines]) + ("\n" if ended else "")
    expected = _record_lines(text, {"acknowledged": last}).get("acknowledged", [])
    found = _acknowledgement_lines(io.BytesIO(text.encode("utf-8")), last, chunk)
    assert found[: last + 1] == expected[: last + 1]


def test_an_acknowledgement_on_the_first_line_is_the_header_s_place_and_not_counted() -> None:
    """Line 1 is the header, as the line reading skips it, whatever it holds."""
    data = b'{"type": "acknowledgement", "finding": "f-0"}\n{"type": "acknowledgement", "finding": "f-1"}\n'
    assert _acknowledgement_lines(io.BytesIO(data), 5) == [2]


class _Counted(io.BytesIO):
    """A stream that counts the bytes read from it."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        block = super().read(size)
        self.taken += len(block)
        return block


def test_the_file_is_read_a_chunk_at_a_time_and_only_as_far_as_needed() -> None:
    """Acknowledgements near the start of a large file are found after reading one chunk, not the file."""
    head = '{"format": "factlog", "version": 1}\n' + '{"type": "acknowledgement", "finding": "f-1"}\n' * 3
    claim = '{"type": "claim", "id": "c", "statement": "' + "x" * 80 + '"}\n'
    stream = _Counted((head + claim * 100_000).encode("utf-8"))
    assert _acknowledgement_lines(stream, 1, chunk=4096) == [2, 3]
    assert stream.taken == 4096
    everything = _Counted((head + claim * 100_000).encode("utf-8"))
    assert _acknowledgement_lines(everything, 5, chunk=4096) == [2, 3, 4]
    assert everything.taken == len(everything.getvalue())  # fewer than asked for: read to the end

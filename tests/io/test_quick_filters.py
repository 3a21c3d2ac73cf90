"""The quick parse's cheap tests give what its regular expressions give, on any bytes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlog.io import _parsing

_PARTS = [b"0", b"7", b"9", b"a", b"\\", b"u", b"d8", b"003", b'"', b":", b"1" * 18]
_TEXT = st.lists(st.sampled_from(_PARTS), max_size=40)


@given(_TEXT)
def test_a_run_of_nineteen_digits_is_found_as_the_regex_finds_it(parts: list[bytes]) -> None:
    """Digits zeroed and a run of nineteen zeros looked for: the same answer as ``\\d{19}``."""
    raw = b"".join(parts)
    assert (_parsing._NINETEEN in raw.translate(_parsing._ZEROED)) == bool(_parsing._LONG_DIGITS.search(raw))


@given(_TEXT)
def test_text_without_a_backslash_u_never_matches_the_escape_regex(parts: list[bytes]) -> None:
    """The escapes the quick parse refuses all contain ``\\u``: the substring test rules the rest out."""
    raw = b"".join(parts)
    if b"\\u" not in raw:
        assert _parsing._NOT_QUICK.search(raw) is None

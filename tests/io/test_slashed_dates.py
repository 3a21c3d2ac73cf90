"""A date written with slashes (``10/05/2025``) is told as written, with how dates and intervals are written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.helpers import ROOT
from tests.strategies import edtf_dates, edtf_intervals, partial_dates

_CLAIM: dict[str, Any] = next(
    claim
    for claim in json.loads((ROOT / "sources" / "choe-moscow" / "claims.json").read_text("utf-8"))["claims"]
    if "when" in claim.get("proposition", {})
)
_TOLD = "expected a date written year first (2025-10-05) or an interval whose two ends '/' separates (2025-04/2025-06)"


def _told(when: str) -> list[str]:
    """What a document with one claim whose ``when`` is ``when`` is told."""
    claim = {**_CLAIM, "proposition": {**_CLAIM["proposition"], "when": when}}
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads(json.dumps({"format": "factlog", "version": 1, "claims": [claim]}), references=False)
    return raised.value.errors


_DAY, _MONTH, _YEAR = st.integers(1, 31), st.integers(1, 12), st.integers(1000, 2999)


@given(
    st.one_of(
        st.builds(lambda d, m, y: f"{d:02}/{m:02}/{y}", _DAY, _MONTH, _YEAR),
        st.builds(lambda d, m, y: f"{m}/{d}/{y}", _DAY, _MONTH, _YEAR),
        st.builds(lambda m, y: f"{m:02}/{y}", _MONTH, _YEAR),
        st.builds(lambda m, y: f"{y}/{m}", _MONTH, _YEAR),
        st.builds(lambda d, m, y: f"{y}/{m:02}/{d:02}", _DAY, _MONTH, _YEAR),
    )
)
def test_a_date_with_slashes_is_quoted_whole(when: str) -> None:
    """Day, month or year first, with slashes: the text written, dates year first, and what '/' means."""
    assert _told(when) == [f"$.claims[0].proposition.when: {_TOLD}, got {when!r}"]


@pytest.mark.parametrize(
    ("when", "told"),
    [
        ("2025-13-40", "invalid date '2025-13-40': month must be between 1 and 12"),
        ("2019/2025-13", "invalid date '2025-13': month must be between 1 and 12"),
        ("2025-10-10/2025-10-01", "ends before it starts"),
    ],
)
def test_other_bad_dates_keep_their_message(when: str, told: str) -> None:
    """A bad date or interval that is no slashed date is told as before."""
    (message,) = _told(when)
    assert told in message
    assert "year first" not in message


_GENERIC = "expected a partial date like"
"""The start of what one end of an interval that is no partial date was told, the whole text unsaid."""

_PIECES = st.one_of(
    edtf_dates().map(str),
    st.sampled_from(["..", "", "10", "05", "2025", "2025-10", "2025-10-05"]),
    st.text(alphabet="0123456789-.X~?%TZ:+", max_size=8),
)
_SLASHED = st.one_of(
    st.lists(_PIECES, min_size=2, max_size=5).map("/".join),
    st.text(alphabet="0123456789/-.X~?", min_size=1, max_size=20).filter(lambda text: "/" in text),
)


@given(_SLASHED)
def test_a_slashed_text_is_never_told_of_one_end_alone(text: str) -> None:
    """Any text with a '/' reads as an interval or is told whole: never the message of one of its ends."""
    told = ""
    try:
        factlog.Interval.parse(text)
    except factlog.DateError as error:
        told = str(error)
    assert _GENERIC not in told


_DIGITS = st.one_of(partial_dates().map(str), st.sampled_from(["..", ""]), st.text(alphabet="0123456789-.", max_size=8))
"""Ends without a letter: a ``when`` with letters that is no interval is read as words ('Time in words')."""


@given(st.lists(_DIGITS, min_size=3, max_size=5).map("/".join))
def test_a_text_with_two_slashes_is_told_how_dates_and_intervals_are_written(when: str) -> None:
    """An interval has one '/': a text with more (``10/05/2025/2026``) is told as written, in a file too."""
    assert _told(when) == [f"$.claims[0].proposition.when: {_TOLD}, got {when!r}"]


@given(edtf_intervals())
def test_every_interval_still_reads(interval: factlog.Interval) -> None:
    """Every interval factlog writes (open and unknown ends too) reads back as itself."""
    assert factlog.Interval.parse(str(interval)) == interval


@pytest.mark.parametrize("when", ["2019/2025-10", "2025-01-20/..", "../2019", "2019/", "/2019", "2025-10-10"])
def test_intervals_still_read(when: str) -> None:
    """What the format writes with '/' still reads."""
    assert str(factlog.Interval.parse(when)) == when

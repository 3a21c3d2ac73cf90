"""A date written with slashes (``10/05/2025``) is told as written, with how dates and intervals are written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.helpers import ROOT

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


@pytest.mark.parametrize("when", ["2019/2025-10", "2025-01-20/..", "../2019", "2019/", "/2019", "2025-10-10"])
def test_intervals_still_read(when: str) -> None:
    """What the format writes with '/' still reads."""
    assert str(factlog.Interval.parse(when)) == when

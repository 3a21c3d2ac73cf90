"""A draft tells the reviewer how to encode "the last X was in Y" and "the first X since Y"."""

from __future__ import annotations

import factlog

TEXT = (
    "The last Belmark attack on Orvanian territory was in 2019. "
    "It was the first strike on Selva since 2019, a minister said."
)


def test_a_last_or_first_since_sentence_gets_a_note_naming_its_pattern() -> None:
    """'The last ... was in 2019' is drafted denied, with a note giving "pattern": {"last": "2019"}; 'since' alike."""
    last, since = factlog.draft(TEXT, source="s", published="2026-03-04").claims[:2]
    assert last.polarity is factlog.Polarity.DENIED
    assert '"pattern": {"last": "2019"}' in str(last.notes)
    assert '"pattern": {"since": "2019"}' in str(since.notes)

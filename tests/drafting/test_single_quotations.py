"""Quotations in single marks ('...' and ‘...’) are cut into sentences and given their speaker as double ones are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog

_SENTENCES = ["We will respond.", "Nobody should doubt it.", "Our patience is not endless.", "We may talk."]
_PAIRS = [("'", "'"), ("‘", "’")]


def _readings(text: str) -> list[tuple[object, ...]]:
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    return [
        (c.attribution.holder, c.attribution.mode, c.polarity, c.certainty, c.evidence[0].start, c.evidence[0].end)
        for c in claims
    ]


@settings(max_examples=30)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=2, max_size=4),
    st.sampled_from(_PAIRS),
    st.booleans(),
)
def test_a_single_quoted_quotation_reads_as_a_double_quoted_one(
    said: list[str], marks: tuple[str, str], speaker_first: bool
) -> None:
    """Each sentence of '...,' Lavrov said. has the holder, mode, polarity, certainty and span of “...,” Lavrov said."""
    opening, closing = marks
    body = " ".join(said)
    if speaker_first:
        double, single = f"Lavrov said: “{body}”", f"Lavrov said: {opening}{body}{closing}"
    else:
        double = f"“{body[:-1]},” Lavrov said."
        single = f"{opening}{body[:-1]},{closing} Lavrov said."
    assert _readings(single) == _readings(double)
    assert {holder for holder, *_ in _readings(single)} == {"lavrov"}


def test_quotes_and_statements_keep_the_single_marks_as_written() -> None:
    """The evidence quote is the stored text's span, single marks and all, so `factlog check` verifies it."""
    text = "'We will respond. Nobody should doubt it,' Lavrov said."
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    assert [c.evidence[0].quote for c in claims] == ["'We will respond.", "Nobody should doubt it,' Lavrov said."]
    assert [c.statement for c in claims] == ["'We will respond.", "Nobody should doubt it,' Lavrov said."]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Kim's sister said the '90s were hard.", "kim-s-sister"),
        ("Lavrov called the report 'absurd' and left.", "lavrov"),
        ("“He said 'no' to us. We left,” Kim said.", "kim"),
        ("'We back the farmers' union,' Kim said.", "kim"),
    ],
)
def test_apostrophes_and_nested_marks_open_no_quotation(text: str, holder: str) -> None:
    """An apostrophe ("Kim's", "the '90s", "farmers'") and single marks inside double ones quote as before."""
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    assert claims[0].attribution.holder == holder
    assert "".join(c.evidence[0].quote for c in claims).replace(" ", "") == text.replace(" ", "")

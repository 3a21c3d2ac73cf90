"""Adverbs before a verb of saying, a question about reports opening a sentence, a long quotation's speaker."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.drafting.registries import first_claim

_ADVERBS = ["repeatedly", "strongly", "immediately", "long", "firmly", "publicly", "consistently", "again"]


@given(st.sampled_from(_ADVERBS), st.sampled_from(["", "has "]), st.sampled_from(["said", "disputes"]))
def test_an_adverb_before_a_verb_of_saying_is_no_part_of_the_holder(adverb: str, auxiliary: str, verb: str) -> None:
    """ "The opposition has repeatedly said ..." is the opposition's: not "the-opposition-has-repeatedly"."""
    claim = first_claim(f"The opposition {auxiliary}{adverb} {verb} the figures were wrong.")
    assert claim.attribution.holder == "s:the-opposition"
    # Read in lower case only: a name ending in an adverb's word ("Song Long") keeps it.
    assert first_claim(f"Song Long {auxiliary}{adverb} said it.").attribution.holder == "song-long"


@pytest.mark.parametrize("text", ["The opposition long disputed the figures.", "The opposition has long disputed it."])
def test_long_disputed_with_an_object_is_the_holders_denial(text: str) -> None:
    """ "The opposition (has) long disputed the figures" is the opposition's denial, the cue found after "long"."""
    claim = first_claim(text)
    assert (claim.attribution.holder, claim.attribution.cue, claim.polarity) == (
        "s:the-opposition",
        "disputed",
        factlog.Polarity.DENIED,
    )
    adjective = first_claim("Villagers fled the long disputed islands.")  # before a noun: no verb, nobody's denial
    assert (adjective.attribution.holder, adjective.polarity) == ("s-publisher", factlog.Polarity.AFFIRMED)


@pytest.mark.parametrize(
    "asked", ["Asked about reports that", "Asked about claims that", "When asked about reports that"]
)
def test_reports_in_an_opening_question_name_no_holder(asked: str) -> None:
    """ "Asked about reports that X, Peskov denied it" is Peskov's denial, as "Asked whether X, ..." is."""
    claim = first_claim(f"{asked} troops had crossed, Peskov denied it.")
    assert (claim.attribution.holder, claim.polarity) == ("peskov", factlog.Polarity.DENIED)


def _long_quotation(sentences: int) -> str:
    body = " ".join(f"The talks on item {number} will go on in the spring." for number in range(sentences))
    return f"“{body[:-1]},” Lee said."


@pytest.mark.parametrize("sentences", [25, 45, 90])
def test_a_long_quotation_is_all_its_closing_speakers(sentences: int) -> None:
    """ "“... forty-five sentences ...,” Lee said." gives every sentence to Lee, not the first ones to nobody."""
    draft = factlog.draft(_long_quotation(sentences), source="s", published="2026-12-03")
    assert len(draft.claims) == sentences
    assert {claim.attribution.holder for claim in draft.claims} == {"lee"}


def test_the_closing_speaker_reaches_back_as_far_as_the_longest_read() -> None:
    """Some 14,000 characters of quotation are all Lee's; past 20,000 its opening is an unnamed speaker's."""
    within = factlog.draft(_long_quotation(300), source="s", published="2026-12-03")
    assert {claim.attribution.holder for claim in within.claims} == {"lee"}
    past = factlog.draft(_long_quotation(450), source="s", published="2026-12-03")
    assert (past.claims[0].attribution.holder, past.claims[-1].attribution.holder) == ("s:an-unnamed-speaker", "lee")

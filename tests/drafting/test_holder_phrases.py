"""Holder phrases the drafter once misread: relative clauses, "X and Y", a capitalised "The", the dateline's title."""

from __future__ import annotations

import pytest

import factlog


def _draft(text: str, publisher: str | None = "Harbour Post") -> factlog.ClaimSet:
    return factlog.draft(text, source="post", published="2026-05-12", publisher=publisher)


def _holder_names(drafted: factlog.ClaimSet) -> list[str]:
    return [drafted.entity_by_id[claim.attribution.holder].name for claim in drafted.claims]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The ministry, which has a spokesman, said the grain shipment was delayed.", "The ministry"),
        ("Kim Jong Un, who visited the plant on Monday, said output would double.", "Kim Jong Un"),
        ("The governor, whose office runs the port, said the berths were empty.", "The governor"),
    ],
)
def test_a_relative_clause_after_the_speaker_leaves_the_speaker_the_holder(sentence: str, speaker: str) -> None:
    """'X, which ..., said Y': X speaks; Y (what is said) is no holder."""
    assert _holder_names(_draft(sentence)) == [speaker]


def test_a_clause_before_a_relative_clause_is_no_speaker() -> None:
    """'The port was closed, which angered traders, said the ministry': the ministry speaks, after the verb."""
    assert _holder_names(_draft("The port was closed, which angered traders, said the ministry.")) == ["the ministry"]


def test_a_known_agency_and_a_proper_name_are_two_holders() -> None:
    """After a CPA dateline, "CPA and Reuters reported ..." is one claim held by CPA and one by Reuters."""
    drafted = _draft("VELMORA, May 12 (CPA) - CPA and Reuters reported that the port was closed on Monday.")
    assert [claim.attribution.holder for claim in drafted.claims] == ["cpa", "reuters"]
    assert {claim.evidence[0].quote for claim in drafted.claims} == {
        "CPA and Reuters reported that the port was closed on Monday."
    }


@pytest.mark.parametrize("phrase", ["Marks and Spencer", "the Ministry of Trade and Industry"])
def test_an_unknown_name_with_and_in_it_stays_one_holder(phrase: str) -> None:
    """Neither part known: one name (its article left out), as a company or ministry with "and" in it is."""
    drafted = _draft(f"{phrase} said on Monday that the port was closed.")
    assert len(drafted.claims) == 1
    assert _holder_names(drafted) == [phrase.removeprefix("the ")]


def test_the_capitalised_article_opening_a_sentence_gives_the_same_descriptor() -> None:
    """'The ministry said ...' then '... said the ministry': one anonymous descriptor, not two entities."""
    drafted = _draft("The ministry said the port was shut. Traders were angry, said the ministry.", publisher=None)
    holders = {claim.attribution.holder for claim in drafted.claims}
    assert len(holders) == 1
    (holder,) = holders
    assert drafted.entity_by_id[holder].anonymous


def test_the_title_drawn_from_the_first_sentence_leaves_out_its_dateline() -> None:
    """With no title given, the source's title is the first sentence without "VELMORA, May 12 (CPA) - "."""
    drafted = _draft("VELMORA, May 12 (CPA) - The port was closed on Monday, officials said.")
    assert drafted.sources[0].title == "The port was closed on Monday, officials said."


def test_two_stories_unnamed_spokesmen_are_two_holders() -> None:
    """An anonymous descriptor is its story's own: two drafts' "the spokesman" stay two holders when merged."""
    text = "The spokesman said the grain shipment was delayed. The spokesman said the port was closed."
    first, second = (factlog.draft(text, source=source, published="2026-05-12") for source in ("post", "wire"))
    assert {claim.attribution.holder for claim in first.claims} == {"post:the-spokesman"}  # one within a story
    merged = first.merge(second)
    holders = {claim.attribution.holder for claim in merged.claims}
    assert holders == {"post:the-spokesman", "wire:the-spokesman"}
    assert all(merged.entity_by_id[holder].anonymous for holder in holders)

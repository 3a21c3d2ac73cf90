"""A wire story: its dateline ("VELMORA, May 12 (CPA) - ") is no claim, its agency a relay; records "seen by" X."""

from __future__ import annotations

import pytest

import factlog
from factlog.drafting._dateline import find_dateline

STORY = (
    "Velmora denies grain shipment to Tarsia\n\n"
    "VELMORA, May 12 (CPA) - Velmora's state broadcaster VTV said on Monday that the government"
    " had sent no grain to Tarsia this year.\n\n"
    "He met Tarsian officials in Velmora on 28 March, a ministry statement said.\n"
)


def _claims(text: str, publisher: str | None = "Harbour Post") -> list[factlog.Claim]:
    return list(factlog.draft(text, source="post", published="2026-05-12", publisher=publisher).claims)


def test_the_dateline_is_no_part_of_the_holder_or_the_quote() -> None:
    """Without a registry the holder is "Velmora's state broadcaster VTV", not "May 12 (CPA) - ..." with it."""
    drafted = factlog.draft(STORY, source="post", published="2026-05-12", publisher="Harbour Post")
    first = drafted.claims[1]
    assert drafted.entity_by_id[first.attribution.holder].name == "Velmora's state broadcaster VTV"
    assert first.evidence[0].quote.startswith("Velmora's state broadcaster VTV said")
    assert first.statement.startswith("Velmora's state broadcaster VTV said")
    assert STORY[first.evidence[0].start : first.evidence[0].end] == first.evidence[0].quote


def test_the_agency_relays_the_storys_attributed_claims_after_the_outlet() -> None:
    """via is outermost first: the outlet that ran the story, then the agency, then the holder."""
    headline, vtv, ministry = _claims(STORY)
    assert vtv.attribution.via == ("harbour-post", "cpa")
    assert ministry.attribution.via == ("harbour-post", "cpa")
    assert headline.attribution.via == ("harbour-post",)  # the headline is before the dateline: the outlet's


def test_the_agencys_own_story_has_no_relay_of_itself() -> None:
    """Published by CPA itself: CPA is the outlet, and no relay."""
    _, vtv, _ = _claims(STORY, publisher="CPA")
    assert vtv.attribution.via == ("cpa",)


def test_the_agency_is_the_registrys_entity_by_alias() -> None:
    """A registry naming 'Continental Press Agency' (alias 'CPA') gives that id, and it is copied into the draft."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "continental", "name": "Continental Press Agency",'
        ' "kind": "media-outlet", "aliases": ["CPA"]}]}'
    )
    drafted = factlog.draft(STORY, source="post", published="2026-05-12", publisher="Harbour Post", registry=registry)
    assert drafted.claims[1].attribution.via == ("harbour-post", "continental")
    assert "continental" in drafted.entity_by_id


@pytest.mark.parametrize(
    ("sentence", "place", "agency"),
    [
        ("VELMORA, May 12 (CPA) - Velmora said ...", "VELMORA", "CPA"),
        ("WASHINGTON, Oct. 9 (Reuters) -- The talks ...", "WASHINGTON", "Reuters"),
        ("LONDON (CPA) — The talks ...", "LONDON", "CPA"),
        ("SAN FRANCISCO, Dec. 1 - The talks ...", "SAN FRANCISCO", None),
        ("SÃO PAULO, May 12 (Reuters) - The talks ...", "SÃO PAULO", "Reuters"),
        ("ZÜRICH (CPA) - The talks ...", "ZÜRICH", "CPA"),
        ("BEIJING/SEOUL, May 12 (Reuters) - The talks ...", "BEIJING/SEOUL", "Reuters"),
        ("LONDON, 12 May (CPA) - The talks ...", "LONDON", "CPA"),
        ("LONDON, MAY 12 (CPA) - The talks ...", "LONDON", "CPA"),
        ("BERLIN (dpa) - The talks ...", "BERLIN", "dpa"),
    ],
)
def test_datelines_are_found(sentence: str, place: str, agency: str | None) -> None:
    """A place in capitals (any script's, two places with a slash), a date or an agency in parentheses, a dash."""
    found = find_dateline(sentence)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert sentence[found.end :].startswith("The talks") or sentence[found.end :].startswith("Velmora")


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO - the alliance said ...",
        "May 12 - talks resumed.",
        "Velmora, May 12 (CPA) - talks resumed.",
        "Zürich (CPA) - talks resumed.",
        "LONDON ( ) - talks resumed.",
        "KIM (pictured) - smiled at the crowd.",
        "WARNING (graphic content) - the video shows the strike.",
    ],
)
def test_what_is_no_dateline(sentence: str) -> None:
    """No date and no agency (empty parentheses, a caption's words in lowercase are none), no place in capitals."""
    assert find_dateline(sentence) is None


def test_a_dateline_later_in_the_text_is_read_once_only() -> None:
    """Only the story's first dateline counts; a line like one further down stays text."""
    text = "VELMORA (CPA) - VTV said talks resumed.\n\nTARSIA (CPA) - Tarsia said talks resumed.\n"
    first, second = _claims(text)
    assert first.evidence[0].quote == "VTV said talks resumed."
    assert second.evidence[0].quote.startswith("TARSIA (CPA) - ")


def test_records_seen_by_someone_are_theirs() -> None:
    """'Customs records seen by CPA show that ...': CPA's, paraphrased, with the cue 'show'."""
    [claim] = _claims("Customs records seen by CPA show that 40,000 tonnes of wheat left the port on 3 April.")
    attribution = claim.attribution
    assert (attribution.holder, attribution.via, attribution.cue) == ("cpa", ("harbour-post",), "show")
    assert claim.attribution.mode is factlog.Mode.PARAPHRASE


@pytest.mark.parametrize(
    "sentence",
    [
        "Records seen by CPA show that 40,000 tonnes of wheat left the port on 3 April.",
        "Documents obtained by CPA show that 40,000 tonnes of wheat left the port on 3 April.",
        "Data reviewed by CPA show that 40,000 tonnes of wheat left the port on 3 April.",
        "Records obtained by CPA under a freedom of information request show that 40,000 tonnes left.",
        "Emails seen by CPA in March show that 40,000 tonnes of wheat left the port.",
    ],
)
def test_records_seen_by_someone_at_the_start_of_a_sentence_are_theirs(sentence: str) -> None:
    """'Records seen by CPA [under a request, in March] show ...', a capital R opening: CPA's, cue 'show'."""
    [claim] = _claims(sentence)
    assert (claim.attribution.holder, claim.attribution.cue) == ("cpa", "show")


@pytest.mark.parametrize("sentence", ["Data show that exports rose.", "Pictures show Belek at the port."])
def test_show_without_a_record_seen_by_someone_stays_the_outlets(sentence: str) -> None:
    """'show' names a holder only through 'records seen by X': other subjects are the outlet's own voice."""
    [claim] = _claims(sentence)
    assert claim.attribution.holder == "harbour-post"

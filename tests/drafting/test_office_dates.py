"""Office titles are dated to the day of writing: "former" is never denied over a month."""

from __future__ import annotations

import pytest

import factlog
from factlog import Polarity
from tests.drafting.registries import BUNDLED_REGISTRY

REGISTRY = BUNDLED_REGISTRY
FORMER = "Former U.S. President Donald Trump said the talks had failed."
SITTING = "Russian President Vladimir Putin said the talks had failed."


def _office(text: str, published: str | None) -> factlog.Claim:
    claims = factlog.draft(text, source="article", published=published, publisher="Daily Wire", registry=REGISTRY)
    [office] = [claim for claim in claims.claims if "-office-" in claim.id]
    return office


def test_former_on_a_day_is_denied_on_that_day() -> None:
    """Published 2026-03-14: the denial is for 2026-03-14, as the tutorial encodes it."""
    office = _office(FORMER, "2026-03-14")
    assert office.polarity is Polarity.DENIED
    assert office.proposition is not None
    assert str(office.proposition.when) == "2026-03-14"


@pytest.mark.parametrize("published", ["2026-03", "2026-03-10/2026-03-12", "2026", None])
def test_former_without_a_day_of_writing_is_denied_over_no_span(published: str | None) -> None:
    """A month, a span or no date: no proposition (never a denial over the month), and a note asking for the day."""
    office = _office(FORMER, published)
    assert office.polarity is Polarity.DENIED
    assert office.proposition is None
    assert "give --published as a day" in (office.notes or "")
    assert office.statement == "Donald Trump no longer holds the office of President of the United States."


def test_a_month_dated_former_title_no_longer_contradicts_an_appointment_earlier_that_month() -> None:
    """The tutorial's case: appointed on 2026-03-02, called "former" in an article of 2026-03: no dispute."""
    drafted = factlog.draft(FORMER, source="article", published="2026-03", publisher="Daily Wire", registry=REGISTRY)
    appointed = factlog.Claim(
        id="appointed",
        statement="Donald Trump holds the office of President of the United States from 2026-03-02.",
        proposition=factlog.Proposition(
            subject="donald-trump",
            predicate="holds-office",
            object="us-president",
            when=factlog.Interval.parse("2026-03-02/2026-03-05"),
        ),
        attribution=factlog.Attribution(holder="prc"),
        evidence=(factlog.Evidence(source="article", quote="Former", start=0, end=6),),
    )
    claims = drafted.merge(factlog.ClaimSet(claims=(appointed,)))
    [office] = [claim.id for claim in claims.claims if "-office-" in claim.id]
    disputes = [f.rule for f in factlog.check(claims).findings if {"appointed", office} <= set(f.claim_ids)]
    assert [rule for rule in disputes if rule != "document_mismatch"] == []


def test_a_sitting_title_on_a_month_is_still_proposed() -> None:
    """The affirmed title keeps its proposition over the publication date, as before."""
    office = _office(SITTING, "2026-03")
    assert office.polarity is Polarity.AFFIRMED
    assert office.proposition is not None

"""What the PROV and ClaimReview exports say they raise (or that they raise nothing)."""

from __future__ import annotations

import pytest

import factlog
from factlog import ClaimSet, assess, review_url, to_claimreview, to_prov
from tests.helpers import claim, world

CLAIMS = world(claim("said", holder="trump", source="s1"), claim("no", holder="wire", source="s2", denied=True))


@pytest.mark.parametrize("date", [5, 2026.0])
def test_a_review_date_of_another_type_is_an_argument_error(date: object) -> None:
    """date is a PartialDate or its text: anything else is an ArgumentError (it was an AttributeError)."""
    with pytest.raises(factlog.ArgumentError, match="date is a PartialDate or its text"):
        to_claimreview(assess(CLAIMS), CLAIMS, author="Desk", date=date)  # type: ignore[arg-type]


def test_a_review_date_that_is_no_date_is_a_date_error() -> None:
    """A date string that is no partial date is a DateError (a ValueError)."""
    with pytest.raises(factlog.DateError, match="expected a partial date"):
        to_claimreview(assess(CLAIMS), CLAIMS, author="Desk", date="someday")


def test_reviews_of_another_claim_set_are_an_argument_error() -> None:
    """claims must hold the claims assessed: a claim set without them is an ArgumentError (it was a KeyError)."""
    with pytest.raises(factlog.ArgumentError, match="claim 'said' of the assessment is not in claims"):
        to_claimreview(assess(CLAIMS), ClaimSet(), author="Desk")


def test_a_statement_without_a_word_gives_the_digest_alone() -> None:
    """review_url of a statement with no letter or digit is the base and the 8 hex digits."""
    url = review_url("urn:x:", "key", "?!")
    assert url.startswith("urn:x:")
    assert len(url) == len("urn:x:") + 8


def test_prov_names_an_undefined_holder_as_an_agent() -> None:
    """A holder no entity defines (references unchecked) becomes an agent of that name, not an error."""
    document = to_prov(world(claim("c1", holder="nobody")))
    assert "agent:nobody" in document["agent"]

"""Claim sets as a text writes them (names, aliases, inverses either way round) read back as they were made."""

from __future__ import annotations

import pytest
from hypothesis import given

import factlog
from factlog import ClaimSet
from tests.strategies import written_claim_sets

# One test draws the sets for the three properties: drawing them is most of the work.


@given(written_claim_sets())
def test_written_claim_sets_round_trip_as_json_and_json_lines_and_as_a_part(claims: ClaimSet) -> None:
    """Names as written, inverses either way round, several objects: what a ClaimSet holds reads back, byte-stable.

    From JSON and from JSON Lines alike; and without its entities (another file's), the set is
    made, refused by the reference check, and read back without it.
    """
    for dumps, loads in ((factlog.dumps, factlog.loads), (factlog.dumps_lines, factlog.loads_lines)):
        text = dumps(claims)
        read = loads(text)
        assert read == claims, dumps.__name__
        assert dumps(read) == text, dumps.__name__
    part = ClaimSet(predicates=claims.predicates, sources=claims.sources, claims=claims.claims)
    text = factlog.dumps(part)
    assert factlog.loads(text, references=False) == part
    with pytest.raises(factlog.UnknownIdError):
        factlog.loads(text)

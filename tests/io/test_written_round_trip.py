"""Claim sets as a text writes them (names, aliases, inverses either way round) read back as they were made."""

from __future__ import annotations

import pytest
from hypothesis import given

import factlog
from factlog import ClaimSet
from tests.strategies import written_claim_sets


@given(written_claim_sets())
def test_written_claim_sets_round_trip(claims: ClaimSet) -> None:
    """Names as written, inverses either way round, several objects: what a ClaimSet holds reads back, byte-stable."""
    text = factlog.dumps(claims)
    read = factlog.loads(text)
    assert read == claims
    assert factlog.dumps(read) == text


@given(written_claim_sets())
def test_written_claim_sets_round_trip_as_json_lines(claims: ClaimSet) -> None:
    """The same sets read back from JSON Lines, and re-dump to the same lines."""
    text = factlog.dumps_lines(claims)
    read = factlog.loads_lines(text)
    assert read == claims
    assert factlog.dumps_lines(read) == text


@given(written_claim_sets())
def test_a_part_naming_entities_defined_elsewhere_reads_back_without_references(claims: ClaimSet) -> None:
    """Without its entities (another file's), a set is made, refused by the reference check, read back without it."""
    part = ClaimSet(predicates=claims.predicates, sources=claims.sources, claims=claims.claims)
    text = factlog.dumps(part)
    assert factlog.loads(text, references=False) == part
    with pytest.raises(factlog.UnknownIdError):
        factlog.loads(text)

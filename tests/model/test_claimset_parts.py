"""ClaimSet.sharing_tables: the batches of a file read in parts share the file's tables and their id maps."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.helpers import ROOT

CORPUS = factlog.load(ROOT / "sources")


@given(st.lists(st.sampled_from(CORPUS.claims), unique_by=lambda claim: claim.id, max_size=12))
def test_a_part_equals_the_set_built_whole(claims: list[factlog.Claim]) -> None:
    """Any choice of claims gives the set the constructor gives, with the same bases."""
    part = CORPUS.sharing_tables(tuple(claims))
    built = attrs.evolve(CORPUS, claims=tuple(claims))
    assert part == built
    assert part.bases == built.bases
    assert dict(part.claim_by_id) == {claim.id: claim for claim in claims}


def test_a_part_shares_the_id_maps() -> None:
    """The entity, predicate and source maps are the whole set's objects, not rebuilt per part."""
    part = CORPUS.sharing_tables(CORPUS.claims[:3])
    assert part.source_by_id is CORPUS.source_by_id
    assert part.entity_by_id is CORPUS.entity_by_id
    assert part.predicate_by_id is CORPUS.predicate_by_id


def test_a_part_refuses_a_claim_id_twice() -> None:
    """Two claims with one id in a part: FieldError naming the claims field, as the constructor raises."""
    first = CORPUS.claims[0]
    with pytest.raises(factlog.FieldError, match=r"claims\[1\]\.id"):
        CORPUS.sharing_tables((first, first))


def test_a_part_refuses_what_is_no_claim() -> None:
    """A member that is no Claim: FieldTypeError, as the constructor raises."""
    with pytest.raises(factlog.FieldTypeError):
        CORPUS.sharing_tables((CORPUS.entities[0],))  # type: ignore[arg-type]

"""``dumps`` writes a set's claims a piece at a time: the same bytes as the whole document written at once."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.io import _writing as writing
from factlog.io._parsing import orjson_module
from tests.helpers import GOLDEN
from tests.strategies import claim_sets


def _whole(claims: factlog.ClaimSet) -> str:
    """The document written at once, by orjson or (where it cannot) the standard library."""
    return writing._encoder()(writing.to_document(claims)).decode()


@given(claim_sets(), st.integers(1, 4))
def test_pieces_of_any_size_join_to_the_whole_document(claims: factlog.ClaimSet, size: int) -> None:
    """Written a few claims at a time, a set gives the bytes orjson writes of its whole document."""
    pieces = writing.in_pieces(orjson_module(), claims, size)
    assert pieces is None or pieces == _whole(claims)
    assert factlog.dumps(claims) == (
        writing.encode_stdlib(writing.to_document(claims)).decode()
        if writing._has_tiny_float(claims)
        else _whole(claims)
    )


@pytest.mark.parametrize("size", [1, 2, 1000])
def test_the_golden_file_written_in_pieces_is_itself(size: int) -> None:
    """The golden file, its acknowledged findings included, comes back byte for byte in pieces of any size."""
    text = GOLDEN.read_text(encoding="utf-8")
    assert writing.in_pieces(orjson_module(), factlog.loads(text), size) == text


def test_a_piece_orjson_cannot_write_leaves_it_to_the_whole_document() -> None:
    """A claim with an integer beyond 64 bits: no pieces, and dumps writes the standard library's bytes."""
    claims = factlog.loads(GOLDEN.read_text(encoding="utf-8"))
    claim = claims.claims[-1]
    assert claim.proposition is not None
    huge = attrs.evolve(claim, proposition=attrs.evolve(claim.proposition, object=factlog.Quantity(amount=10**20)))
    changed = attrs.evolve(claims, claims=(*claims.claims[:-1], huge))
    assert writing.in_pieces(orjson_module(), changed, 2) is None
    assert factlog.dumps(changed) == writing.encode_stdlib(writing.to_document(changed)).decode()

"""The quick parse looks at a large text in pieces, and finds what it would find in the whole."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import FormatError
from factlog.io import _parsing
from tests.helpers import GOLDEN

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(':ab"\\{}[]', max_size=6),
    lambda inner: st.lists(inner, max_size=7) | st.dictionaries(st.text(":ab", max_size=3), inner, max_size=5),
    max_leaves=40,
)


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of a few bytes and items, so that small documents are cut into many."""
    monkeypatch.setattr(_parsing, "_PIECE_BYTES", 7)
    monkeypatch.setattr(_parsing, "_PIECE_ITEMS", 2)


@given(st.dictionaries(st.text(":ab", max_size=3), _json, max_size=4) | _json)
def test_the_colons_of_the_pieces_are_the_colons_of_the_whole(data: Any) -> None:
    """Colons counted section piece by section piece equal those of orjson's whole compact text."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_parsing, "_PIECE_ITEMS", 2)
        assert _parsing._colons_written(orjson, data) == orjson.dumps(data).count(b":")


@given(st.binary(max_size=80) | st.text("0123456789 a", max_size=80).map(str.encode))
def test_nineteen_digits_are_found_across_pieces(raw: bytes) -> None:
    """A run of nineteen digits is found wherever it falls, across the pieces' edges too."""
    whole = raw.translate(_parsing._DIGITS_AS_ZEROS).find(_parsing._LONG_DIGITS) >= 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_parsing, "_PIECE_BYTES", 7)
        assert _parsing._has_long_digits(raw) == whole


@pytest.mark.usefixtures("small_pieces")
def test_a_repeated_key_in_a_long_section_is_refused() -> None:
    """A key given twice in the last claim of a section written in pieces is still a format error."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    text = json.dumps(document, indent=2)
    cut = text.rindex('"statement": ')
    text = text[:cut] + '"notes": "x", "notes": "y", ' + text[cut:]
    with pytest.raises(FormatError, match="duplicate key 'notes'"):
        factlog.loads(text)


@pytest.mark.usefixtures("small_pieces")
def test_a_long_integer_in_a_long_section_stays_exact() -> None:
    """An amount beyond 64 bits in a document looked at in pieces is read as the exact integer."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    claim = [c for c in document["claims"] if isinstance(c.get("proposition", {}).get("object"), dict)][-1]
    claim["proposition"]["object"] = {"amount": 10**30}
    loaded = factlog.loads(json.dumps(document))
    amount = next(c for c in loaded.claims if c.id == claim["id"]).proposition.object.amount  # type: ignore[union-attr]
    assert amount == 10**30
    assert type(amount) is int


@pytest.mark.usefixtures("small_pieces")
def test_a_document_read_in_pieces_reads_as_whole() -> None:
    """The golden document reads to the same claim set with pieces of a few bytes and items."""
    text = GOLDEN.read_text(encoding="utf-8")
    read = factlog.loads(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_parsing, "_PIECE_BYTES", 1 << 20)
        patch.setattr(_parsing, "_PIECE_ITEMS", 4096)
        assert factlog.loads(text) == read

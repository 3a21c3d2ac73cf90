"""Integers beyond 64 bits (orjson reads them as floats) and large floats: read as the standard library reads them."""

from __future__ import annotations

import json
from typing import Any

import pytest

import factlog
from factlog.io import _documents as codec
from factlog.io import _parsing as parsing

_DOCUMENT: dict[str, Any] = {
    "format": "factlog",
    "version": 1,
    "entities": [{"id": "e1", "name": "One", "kind": "country"}],
    "predicates": [{"id": "p1", "label": "troops", "kind": "state"}],
    "sources": [{"id": "s1", "title": "A report", "publisher": "e1"}],
}


def _text(number: str, *, with_id: bool) -> str:
    claim: dict[str, Any] = {
        "statement": "Many troops.",
        "proposition": {"subject": "e1", "predicate": "p1", "object": {"amount": 0, "unit": "troops"}},
        "attribution": {"holder": "e1"},
        "evidence": [{"source": "s1", "quote": "many"}],
    }
    if with_id:
        claim = {"id": "c1", **claim}
    return json.dumps({**_DOCUMENT, "claims": [claim]}).replace('"amount": 0', f'"amount": {number}')


_NUMBERS = ["100000000000000000000", "18446744073709551616", "-9223372036854775809", "9223372036854775807", "1e20"]


@pytest.mark.parametrize("with_id", [True, False], ids=["with-id", "without-id"])
@pytest.mark.parametrize("number", _NUMBERS)
def test_a_long_number_reads_as_the_standard_library_reads_it(
    number: str, with_id: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An amount beyond 64 bits (or a large float) reads to the set, and the bytes, of the standard library's path."""
    text = _text(number, with_id=with_id)
    read = factlog.loads(text)
    written = factlog.dumps(read)
    monkeypatch.setattr(parsing, "orjson_module", lambda: None)  # every reader looks it up there
    assert read == factlog.loads(text)
    assert written == factlog.dumps(factlog.loads(text))
    quantity = read.claims[0].proposition.object  # type: ignore[union-attr]
    assert isinstance(quantity, factlog.Quantity)
    assert repr(quantity.amount) == repr(json.loads(number))


def test_a_claim_without_an_id_refuses_a_large_float_on_the_quick_path() -> None:
    """The converter reading a claim without an id refuses a float of 2**63 or more, as the readers do."""
    with pytest.raises(ValueError, match="2\\*\\*63"):
        codec._claim_without_id(json.loads(_text("1e20", with_id=False))["claims"][0])

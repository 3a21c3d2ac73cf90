"""The generated readers and writers agree with the converter, which stays the reference."""

from __future__ import annotations

import json
import random
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, Entity, FormatError
from factlog.io import _documents as codec
from factlog.io._converter import make_converter
from factlog.io._records import Refused, reader
from factlog.io._schema import json_schema
from factlog.io._sections import read_claim_set, write_claim_set
from tests.fuzzing import _mutate, _random_json
from tests.helpers import GOLDEN
from tests.strategies import claim_sets

CONVERTER = make_converter(coherent=False)
"""The loader's own converter: a file is read alone, and what its predicates ask of its claims is checked after."""


def _claim_without_id(data: Any) -> factlog.Claim:
    claim: factlog.Claim = CONVERTER.structure(data, factlog.Claim)
    return claim


def _converter_reads(body: Any) -> ClaimSet | None:
    try:
        claims: ClaimSet = CONVERTER.structure(body, ClaimSet)
    except Exception:  # refusal of any kind is what is compared
        return None
    return claims


def _records_read(body: Any) -> ClaimSet | None:
    try:
        return read_claim_set(body, _claim_without_id)
    except Exception:  # refusal of any kind is what is compared
        return None


@given(claim_sets())
def test_writer_and_reader_give_what_the_converter_gives(claims: ClaimSet) -> None:
    """Writer and converter unstructure a set to equal data, keys in order; reader and converter read it back equal."""
    # One property for both: drawing the sets and unstructuring them are most of its cost.
    written = write_claim_set(claims)
    body = CONVERTER.unstructure(claims)
    assert json.dumps(written) == json.dumps(body)
    assert read_claim_set(body, _claim_without_id) == CONVERTER.structure(body, ClaimSet) == claims


@settings(max_examples=300)
@given(st.randoms(use_true_random=False), st.booleans())
def test_reader_accepts_nothing_the_converter_refuses(rng: random.Random, noise: bool) -> None:
    """On mutated documents the reader gives the converter's result or refuses (then the converter reads).

    It may refuse more, never accept more: numbers beyond 2**63 in float fields, which
    orjson may have read from an integer, are left to the converter.
    """
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    document = _random_json(rng) if noise else _mutate(rng, golden)
    if isinstance(document, dict):
        document.pop("format", None)
        document.pop("version", None)
    fast = _records_read(document)
    assert fast is None or fast == _converter_reads(document)


def test_reader_refuses_huge_floats_that_the_converter_reads() -> None:
    """A tolerance of 1e300 is valid; the reader leaves it to the converter, and loading still reads it."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    document["predicates"][1]["tolerance"] = 1e300
    body = {key: value for key, value in document.items() if key not in ("format", "version")}
    assert _records_read(body) is None
    assert _converter_reads(body) is not None
    assert factlog.loads(json.dumps(document)).predicates[1].tolerance == 1e300


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key or index path inside a record, nested ones included (not the record itself)."""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield (*path, key)
        yield from _paths(child, (*path, key))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_reader_agrees_with_the_converter_on_every_field_set_wrong() -> None:
    """Every field of the golden document, nested ones too, set wrong ten ways: read or refused as cattrs does."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    body = {key: value for key, value in golden.items() if key not in ("format", "version")}
    wrong_values: list[Any] = [None, "", " ", "Not An Id", 1.5, -1, True, [], {}, "9999-99"]
    compared = refused = nested = 0
    for section, items in body.items():
        for index, item in enumerate(items):
            for path in _paths(item):
                for wrong in wrong_values:
                    broken = json.loads(json.dumps(body))
                    _set(broken[section][index], path, wrong)
                    fast = _records_read(broken)
                    assert fast == _converter_reads(broken), (section, index, path, wrong)
                    compared += 1
                    nested += len(path) > 1
                    refused += fast is None
    assert nested > 300  # fields inside attributions, evidence, propositions and quantities were reached
    assert refused > compared * 3 // 4  # most of the wrong values are refused, not read


def test_duplicate_keys_are_refused_on_the_fast_path() -> None:
    """A repeated key is refused even though orjson alone would keep the last value."""
    text = GOLDEN.read_text(encoding="utf-8").replace('"statement": ', '"notes": "x", "notes": "y", "statement": ', 1)
    with pytest.raises(FormatError, match="duplicate key 'notes'"):
        factlog.loads(text)


def test_duplicate_keys_are_refused_beside_an_escaped_colon() -> None:
    """An escaped colon cannot hide a repeated key from the count."""
    text = GOLDEN.read_text(encoding="utf-8").replace(
        '"statement": ', '"notes": "a\\u003ab", "notes": "y", "statement": ', 1
    )
    with pytest.raises(FormatError, match="duplicate key 'notes'"):
        factlog.loads(text)


def test_colons_inside_strings_do_not_upset_the_count() -> None:
    """Text full of colons, plain and escaped, reads the same as without the fast path."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    document["claims"][0]["notes"] = 'a: b:: "c": \\: \u003a'
    text = json.dumps(document, ensure_ascii=False)
    assert factlog.loads(text).claims[0].notes == 'a: b:: "c": \\: :'
    assert factlog.loads(json.dumps(document, ensure_ascii=True)).claims[0].notes == 'a: b:: "c": \\: :'


def test_integers_beyond_64_bits_stay_exact() -> None:
    """An amount orjson would read as a float is read as the exact integer it is."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    claim = next(c for c in document["claims"] if isinstance(c.get("proposition", {}).get("object"), dict))
    claim["proposition"]["object"] = {"amount": 10**30}
    loaded = factlog.loads(json.dumps(document))
    amount = next(c for c in loaded.claims if c.id == claim["id"]).proposition.object.amount  # type: ignore[union-attr]
    assert amount == 10**30
    assert type(amount) is int


def _depth(schema: dict[str, Any], definitions: dict[str, Any]) -> int:
    if "$ref" in schema:
        return _depth(definitions[schema["$ref"].rsplit("/", 1)[1]], definitions)
    inner = [
        *schema.get("properties", {}).values(),
        *([schema["items"]] if "items" in schema else []),
        *([schema["additionalProperties"]] if isinstance(schema.get("additionalProperties"), dict) else []),
        *schema.get("anyOf", []),
        *schema.get("oneOf", []),
    ]
    deepest = max((_depth(part, definitions) for part in inner), default=0)
    container = schema.get("type") in ("object", "array") or "properties" in schema or "items" in schema
    return deepest + (1 if container else 0)


def test_format_depth_is_the_deepest_nesting_the_schema_allows() -> None:
    """The fast path skips the depth scan for valid documents; it may, because none nests deeper than this."""
    schema = json_schema()
    assert _depth(schema, schema["$defs"]) == codec.FORMAT_DEPTH


def test_a_small_depth_limit_still_applies_to_valid_documents() -> None:
    """A depth limit below the format's own nesting refuses even a valid document."""
    with pytest.raises(FormatError, match="nested deeper than 3 levels"):
        factlog.loads(GOLDEN.read_text(encoding="utf-8"), limits=factlog.Limits(max_depth=3))


def test_tracebacks_through_generated_readers_show_their_source() -> None:
    """A failure inside a generated reader is reported with the generated line, as attrs does for its code."""
    read = reader(Entity)
    with pytest.raises(Refused) as caught:
        read({"id": "x", "name": "X", "kind": "country", "aliases": 5}, {})
    frames = traceback.extract_tb(caught.value.__traceback__)
    generated = [frame for frame in frames if frame.filename.startswith("<factlog generated")]
    assert generated
    assert generated[0].line  # linecache knows the text, so the line is shown

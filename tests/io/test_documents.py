"""The JSON codec: round trips, canonical bytes, and every kind of bad input."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given

import factlog
from factlog import ClaimSet, FormatError, UnknownIdError
from factlog.io import _writing as writing
from factlog.io._converter import claim_content_id
from tests import helpers
from tests.helpers import GOLDEN
from tests.strategies import claim_sets


@given(claim_sets())
def test_loads_inverts_dumps_and_redumps_the_same_bytes(claims: ClaimSet) -> None:
    """Any claim set survives a trip through JSON unchanged, and re-dumping what was read gives the same bytes."""
    # One property for both (as test_json_lines_round_trip): drawing the sets and the trip are its whole cost.
    text = factlog.dumps(claims)
    read = factlog.loads(text)
    assert read == claims
    assert factlog.dumps(read) == text


@given(claim_sets())
def test_orjson_and_stdlib_write_identical_bytes(claims: ClaimSet) -> None:
    """The fast path and the standard library path agree byte for byte."""
    document = writing.to_document(claims)
    assert factlog.dumps(claims).encode() == writing.encode_stdlib(document)


@given(claim_sets())
def test_json_lines_round_trip(claims: ClaimSet) -> None:
    """JSON Lines output reads back to the same claim set, and re-dumps identically."""
    text = factlog.dumps_lines(claims)
    assert factlog.loads_lines(text) == claims
    assert factlog.dumps_lines(factlog.loads_lines(text)) == text


def test_tiny_floats_are_written_as_the_standard_library_writes_them() -> None:
    """A quantity of 1.5e-05 is written in exponent form on every path."""
    claims = factlog.loads(GOLDEN.read_text())
    claim = claims.claims[0]
    assert claim.proposition is not None
    tiny = attrs.evolve(claim, proposition=attrs.evolve(claim.proposition, object=factlog.Quantity(amount=1.5e-05)))
    text = factlog.dumps(attrs.evolve(claims, claims=(tiny, *claims.claims[1:])))
    assert '"amount": 1.5e-05' in text


def test_golden_file_redumps_byte_identically() -> None:
    """The version 1 golden file is canonical: load and dump reproduce its bytes."""
    text = GOLDEN.read_text(encoding="utf-8")
    assert factlog.dumps(factlog.loads(text)) == text


def test_output_is_canonical_layout() -> None:
    """Header first, two-space indent, raw UTF-8, one trailing newline, defaults omitted."""
    text = factlog.dumps(factlog.loads(GOLDEN.read_text()))
    assert text.startswith('{\n  "format": "factlog",\n  "version": 1,\n')
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert "’" in text  # non-ASCII is written as itself, not escaped
    assert '"polarity": "affirmed"' not in text  # the default is omitted


def test_claim_without_id_gets_content_hash() -> None:
    """A claim given without an id gets a stable id derived from its content."""
    data = json.loads(GOLDEN.read_text())
    del data["claims"][2]["id"]
    first = factlog.loads(json.dumps(data)).claims[2]
    assert first.id.startswith("c-")
    reordered = {key: data["claims"][2][key] for key in reversed(list(data["claims"][2]))}
    data["claims"][2] = reordered
    assert factlog.loads(json.dumps(data)).claims[2].id == first.id
    assert first.id == claim_content_id(factlog.make_converter().unstructure(first))


def test_content_hash_ids_are_stable_across_releases() -> None:
    """The golden document's third claim, without its id, gets the id it has always had.

    Acknowledgements and links name claims by this id: a change to the hashing or to
    the canonical content would silently break them, so the value is pinned here.
    """
    data = json.loads(GOLDEN.read_text())
    del data["claims"][2]["id"]
    assert factlog.loads(json.dumps(data)).claims[2].id == "c-3cb5157efca7"


def test_claim_whose_id_is_its_content_hash_is_written_without_it() -> None:
    """The derived id is omitted on output, so the document keeps its shape."""
    data = json.loads(GOLDEN.read_text())
    del data["claims"][2]["id"]
    text = factlog.dumps(factlog.loads(json.dumps(data)))
    assert '"id": "c-' not in text


def _errors(text: str | bytes, name: str = "doc.json") -> list[str]:
    with pytest.raises(FormatError) as caught:
        factlog.loads(text, name=name)
    return caught.value.errors


def _golden_with(path: str, value: object) -> str:
    data = json.loads(GOLDEN.read_text())
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is KeyError:
        del node[int(last) if last.isdigit() else last]
    elif last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            "claims.0.certainty",
            "sure",
            "$.claims[0].certainty: expected one of uncommitted, possible, probable, certain, got 'sure'",
        ),
        ("claims.0.evidence.0.start", "2870", "$.claims[0].evidence[0].start: expected an integer, got '2870'"),
        ("entities.0.anonymous", 1, "$.entities[0].anonymous: expected true or false, got 1"),
        ("entities.0.extra", 1, "$.entities[0]: unexpected key 'extra'"),
        ("claims.0.statement", KeyError, "$.claims[0].statement: required key missing"),
        ("claims.0.stated", "2025-13", "$.claims[0].stated: invalid date '2025-13': month must be between 1 and 12"),
        ("claims.0.proposition.when", "2025/2019", "$.claims[0].proposition.when: interval ends before it starts"),
        ("sources.0.retrieved", "2025-10-30T12:00:00+02:00", "$.sources[0].retrieved: expected a UTC timestamp"),
        ("claims.0.evidence", [], "$.claims[0].evidence: expected at least one item"),
        ("claims.0.answers", "weapons-allegation", "$.claims[0].answers: expected an array, got 'weapons-allegation'"),
        ("claims.0.proposition.object", 3, "$.claims[0].proposition.object: expected an entity id or name"),
        ("entities.0.id", "North Korea", "$.entities[0].id: expected an id"),
        ("version", 2, "$.version: version 2 is newer than this factlog reads"),
        ("format", "other", "$.format: expected 'factlog', got 'other'"),
    ],
)
def test_bad_value_is_reported_with_file_and_path(path: str, value: object, expected: str) -> None:
    """Each kind of wrong value names the file and the JSON path of the problem."""
    errors = _errors(_golden_with(path, value))
    assert any(error.startswith(f"doc.json: {expected}") for error in errors), errors


def test_every_problem_is_reported_at_once() -> None:
    """Three independent mistakes give three messages, not one."""
    data = json.loads(GOLDEN.read_text())
    data["entities"][0]["kind"] = "nation"
    data["claims"][0]["certainty"] = "sure"
    data["sources"][0]["bogus"] = True
    assert len(_errors(json.dumps(data))) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"\xff\xfe{}", "doc.json: $: not UTF-8"),
        ('{"format": "factlog", "version": 1', "doc.json: $: invalid JSON at line 1"),
        ("[1, 2]", "doc.json: $: expected a factlog document (a JSON object), got a JSON list"),
        ('{"format": "factlog", "version": 1, "version": 1}', "doc.json: $: invalid JSON: duplicate key 'version'"),
        ('{"format": "factlog", "version": NaN}', "doc.json: $: invalid JSON: NaN is not a JSON number"),
    ],
)
def test_unreadable_documents_are_format_errors(text: str | bytes, expected: str) -> None:
    """Bytes that are not a JSON object give a FormatError naming the file."""
    assert _errors(text)[0].startswith(expected)


def test_byte_order_mark_is_accepted() -> None:
    """A UTF-8 byte order mark, as some editors write, is not an error."""
    assert factlog.loads(b"\xef\xbb\xbf" + GOLDEN.read_bytes()) == factlog.loads(GOLDEN.read_bytes())


def test_dangling_ids_are_unknown_id_errors() -> None:
    """A claim naming an undefined source, holder, predicate or claim raises UnknownIdError."""
    data = json.loads(GOLDEN.read_text())
    claim = data["claims"][0]
    claim["evidence"][0]["source"] = "nowhere"
    claim["attribution"]["holder"] = "nobody"
    claim["proposition"]["predicate"] = "unknown-predicate"
    claim["answers"] = ["missing-claim"]
    with pytest.raises(UnknownIdError) as caught:
        factlog.loads(json.dumps(data), name="doc.json")
    assert caught.value.errors == [
        "doc.json: $.claims[0].attribution.holder: unknown entity 'nobody'",
        "doc.json: $.claims[0].evidence[0].source: unknown source 'nowhere'",
        "doc.json: $.claims[0].answers[0]: unknown claim 'missing-claim'",
        "doc.json: $.claims[0].proposition.predicate: unknown predicate 'unknown-predicate'",
    ]
    assert isinstance(caught.value, LookupError)


def test_every_kind_of_dangling_reference_is_named_by_its_path() -> None:
    """Affiliations, exclusions, publishers, derivations, relays, subjects and objects are checked."""
    data = json.loads(GOLDEN.read_text())
    data["entities"][0]["affiliation"] = "ghost-party"
    data["predicates"][1]["exclusive_with"] = ["ghost-predicate"]
    data["sources"][0]["publisher"] = "ghost-publisher"
    data["sources"][0]["derived_from"] = ["ghost-source"]
    claim = data["claims"][1]
    claim["attribution"]["via"] = ["ghost-relay"]
    claim["proposition"]["subject"] = "ghost-subject"
    claim["proposition"]["object"] = {"text": "not an entity"}
    data["claims"][0]["proposition"]["object"] = "ghost-object"
    with pytest.raises(UnknownIdError) as caught:
        factlog.loads(json.dumps(data), name="doc.json")
    assert caught.value.errors == [
        "doc.json: $.entities[0].affiliation: unknown entity 'ghost-party'",
        "doc.json: $.predicates[1].exclusive_with[0]: unknown predicate 'ghost-predicate'",
        "doc.json: $.sources[0].publisher: unknown entity 'ghost-publisher'",
        "doc.json: $.sources[0].derived_from[0]: unknown source 'ghost-source'",
        "doc.json: $.claims[0].proposition.object: unknown entity 'ghost-object'",
        "doc.json: $.claims[1].attribution.via[0]: unknown entity 'ghost-relay'",
        "doc.json: $.claims[1].proposition.subject: unknown entity 'ghost-subject'",
        "doc.json: $.claims[1].proposition.object: claim 'weapons-denial-russia': an inverse predicate needs an"
        " entity as its object ('receives-weapons-from' is 'supplies-weapons-to' read the other way round: its"
        " object becomes the subject)",
    ]


def test_a_claim_answering_itself_is_refused_as_the_model_refuses_it() -> None:
    """A self-answer is a format error at its path, with or without the reference check (Claim refuses it)."""
    data = json.loads(GOLDEN.read_text())
    claim = data["claims"][1]
    claim["answers"] = [claim["id"]]
    for references in (True, False):
        with pytest.raises(FormatError) as caught:
            factlog.loads(json.dumps(data), name="doc.json", references=references)
        assert caught.value.errors == [f"doc.json: $.claims[1].answers[0]: claim {claim['id']!r} cannot answer itself"]


def test_what_the_predicates_refuse_reads_the_same_with_or_without_the_reference_check() -> None:
    """An inverse with a text object and an unranked highest_since get one wording, references or not."""
    data = json.loads(GOLDEN.read_text())
    data["claims"][1]["proposition"]["predicate"] = "receives-weapons-from"
    data["claims"][1]["proposition"]["object"] = {"text": "not an entity"}
    data["claims"][2]["pattern"] = {"highest_since": "2019"}
    read = []
    for references in (True, False):
        with pytest.raises(FormatError) as caught:
            factlog.loads(json.dumps(data), name="doc.json", references=references)
        read.append(caught.value.errors)
    assert read[0] == read[1]
    assert [error.split(": claim ")[0] for error in read[0]] == [
        "doc.json: $.claims[1].proposition.object",
        "doc.json: $.claims[2].pattern.highest_since",
    ]


def test_alias_naming_two_entities_is_an_error() -> None:
    """One alias cannot stand for two entities."""
    data = json.loads(GOLDEN.read_text())
    data["entities"][1]["aliases"] = ["Pyongyang"]
    assert any("alias 'Pyongyang' already names entity 'dprk'" in error for error in _errors(json.dumps(data)))


def test_duplicate_id_in_one_file_is_reported_with_its_path() -> None:
    """Two entities with one id in a file: the second is named, and where the first stands."""
    data = json.loads(GOLDEN.read_text())
    data["entities"].append(dict(data["entities"][0], name="Other"))
    index = len(data["entities"]) - 1
    first = data["entities"][0]["name"]
    assert _errors(json.dumps(data)) == [
        f"doc.json: $.entities[{index}].id: 'dprk' is defined twice, differently (first at $.entities[0]):"
        f" name: 'Other' here, {first!r} first"
    ]


def test_an_identical_repeat_in_one_file_is_named_identical_and_refused() -> None:
    """The same entity twice in one file: refused (one file defines each id once), and said to be identical."""
    data = json.loads(GOLDEN.read_text())
    data["entities"].append(data["entities"][0])
    index = len(data["entities"]) - 1
    assert _errors(json.dumps(data)) == [
        f"doc.json: $.entities[{index}].id: 'dprk' is defined twice, identically (first at $.entities[0]):"
        " one file defines each id once; remove one"
    ]


@pytest.mark.parametrize("references", [True, False])
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"predicate": "receives-weapons-from", "object": {"amount": 5}}, "proposition.object"),
        ({"predicate": "visits", "pattern": {"highest_since": "2019"}}, "pattern.highest_since"),
    ],
)
def test_what_the_predicates_refuse_is_a_format_error_with_or_without_references(
    references: bool, change: dict[str, Any], field: str
) -> None:
    """A claim its set's predicates refuse, every id defined: a FormatError, not an UnknownIdError, either way."""
    data = json.loads(factlog.dumps(helpers.world(helpers.claim("c1"))))
    proposition = {key: value for key, value in change.items() if key != "pattern"}
    data["claims"][0]["proposition"].update(proposition)
    pattern = change.get("pattern")
    if pattern is not None:
        data["claims"][0]["pattern"] = pattern
    with pytest.raises(FormatError) as caught:
        factlog.loads(json.dumps(data), references=references)
    assert type(caught.value) is FormatError
    assert caught.value.errors[0].startswith(f"$.claims[0].{field}: claim 'c1': ")


def test_an_unknown_id_beside_what_the_predicates_refuse_is_an_unknown_id_error() -> None:
    """With an unknown holder too, the reference check's error is an UnknownIdError listing both problems."""
    data = json.loads(factlog.dumps(helpers.world(helpers.claim("c1", holder="nobody"))))
    data["claims"][0]["proposition"].update(predicate="receives-weapons-from", object={"amount": 5})
    with pytest.raises(UnknownIdError) as caught:
        factlog.loads(json.dumps(data))
    assert len(caught.value.errors) == 2

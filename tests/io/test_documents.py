"""The JSON codec: round trips, canonical bytes, and every kind of bad input."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import factlog
from factlog import ClaimSet, ConflictError, FormatError, InputError, UnknownIdError
from factlog.io import _documents as codec
from factlog.io import _parsing as parsing
from factlog.io import _writing as writing
from factlog.io._converter import claim_content_id
from factlog.io._migrations import upgrade
from tests import helpers
from tests.helpers import GOLDEN, ROOT
from tests.strategies import claim_sets


@given(claim_sets())
def test_loads_inverts_dumps(claims: ClaimSet) -> None:
    """Any claim set survives a trip through JSON unchanged."""
    assert factlog.loads(factlog.dumps(claims)) == claims


@given(claim_sets())
def test_dumps_is_byte_stable(claims: ClaimSet) -> None:
    """Re-dumping a dumped document gives the same bytes."""
    text = factlog.dumps(claims)
    assert factlog.dumps(factlog.loads(text)) == text


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
    """Two entities with one id in a file: the second is named."""
    data = json.loads(GOLDEN.read_text())
    data["entities"].append(dict(data["entities"][0], name="Other"))
    index = len(data["entities"]) - 1
    assert _errors(json.dumps(data)) == [f"doc.json: $.entities[{index}].id: 'dprk' is defined twice"]


def test_folder_loads_as_one_merged_set(tmp_path: Path) -> None:
    """Entities in one file and claims in another load together from a folder."""
    data = json.loads(GOLDEN.read_text())
    registry = {"format": "factlog", "version": 1, "entities": data.pop("entities")}
    (tmp_path / "entities.json").write_text(json.dumps(registry))
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "claims.json").write_text(json.dumps(data))
    merged = factlog.load(tmp_path)
    assert merged == factlog.loads(GOLDEN.read_text())
    assert merged.document_path("choe-moscow") == tmp_path / "story" / "document.txt"


def test_conflicting_redefinition_names_both_files(tmp_path: Path) -> None:
    """The same id defined differently in two files is a ConflictError naming both."""
    data = json.loads(GOLDEN.read_text())
    (tmp_path / "a.json").write_text(json.dumps(data))
    data["entities"][0]["name"] = "Democratic People's Republic of Korea"
    (tmp_path / "b.json").write_text(json.dumps(data))
    with pytest.raises(ConflictError) as caught:
        factlog.load(tmp_path)
    assert caught.value.errors == [
        f"{tmp_path / 'b.json'}: $.entities[0]: entity 'dprk' is defined twice, differently"
        f" (first at {tmp_path / 'a.json'}: $.entities[0])"
    ]


def test_identical_redefinition_is_kept_once(tmp_path: Path) -> None:
    """Two files defining the same entity identically merge without complaint."""
    text = GOLDEN.read_text()
    (tmp_path / "a.json").write_text(text)
    (tmp_path / "b.json").write_text(text)
    assert factlog.load(tmp_path) == factlog.loads(text)


def test_references_are_checked_across_files(tmp_path: Path) -> None:
    """A dangling id in one file of a folder names that file."""
    data = json.loads(GOLDEN.read_text())
    data["claims"][0]["attribution"]["holder"] = "nobody"
    (tmp_path / "claims.json").write_text(json.dumps(data))
    with pytest.raises(UnknownIdError) as caught:
        factlog.load([tmp_path / "claims.json"])
    assert caught.value.errors == [
        f"{tmp_path / 'claims.json'}: $.claims[0].attribution.holder: unknown entity 'nobody'"
    ]


def test_errors_from_several_files_are_all_reported(tmp_path: Path) -> None:
    """Two broken files: both are named in one FormatError."""
    (tmp_path / "a.json").write_text("[]")
    (tmp_path / "b.json").write_text("{")
    with pytest.raises(FormatError) as caught:
        factlog.load(tmp_path)
    assert [error.split(":")[0] for error in caught.value.errors] == [
        str(tmp_path / "a.json"),
        str(tmp_path / "b.json"),
    ]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    """A path that does not exist raises InputError, an OSError."""
    with pytest.raises(InputError, match="no such file or folder") as caught:
        factlog.load(tmp_path / "absent.json")
    assert isinstance(caught.value, OSError)


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    """A folder with no claim files is reported, not loaded as an empty set."""
    with pytest.raises(InputError, match="no claim files"):
        factlog.load(tmp_path)


def test_dump_writes_atomically_and_leaves_no_temporary(tmp_path: Path) -> None:
    """dump replaces the target whole and leaves nothing else in the folder."""
    target = tmp_path / "out.json"
    target.write_text("old")
    claims = factlog.loads(GOLDEN.read_text())
    factlog.dump(claims, target)
    assert target.read_text() == GOLDEN.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_dump_by_extension_writes_json_lines(tmp_path: Path) -> None:
    """A .jsonl target gets JSON Lines, and load reads it back by its extension."""
    claims = factlog.loads(GOLDEN.read_text())
    factlog.dump(claims, tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_text().splitlines()[0] == '{"format":"factlog","version":1}'
    assert factlog.load(tmp_path / "out.jsonl") == claims


def test_json_lines_errors_name_the_line() -> None:
    """A bad record in a JSON Lines file names its line number."""
    lines = factlog.dumps_lines(factlog.loads(GOLDEN.read_text())).splitlines()
    lines.insert(2, '{"type": "rumour"}')
    lines.insert(3, "{not json")
    with pytest.raises(FormatError) as caught:
        factlog.loads_lines("\n".join(lines), name="set.jsonl")
    assert caught.value.errors[0].startswith('set.jsonl: line 3: expected an object with "type" one of')
    assert caught.value.errors[1].startswith("set.jsonl: line 4: invalid JSON")


def test_dump_to_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist raises InputError."""
    with pytest.raises(InputError, match="cannot write"):
        factlog.dump(factlog.ClaimSet(), tmp_path / "absent" / "out.json")


def test_upgrade_runs_migrations_in_order() -> None:
    """An old document passes through each migration step up to the current version."""
    steps = {1: lambda d: {**d, "claims": [*d.get("claims", []), "v2"]}, 2: lambda d: {**d, "seen": d["claims"]}}
    upgraded = upgrade({"format": "factlog", "version": 1}, steps, current=3)
    assert upgraded == {"format": "factlog", "version": 3, "claims": ["v2"], "seen": ["v2"]}


def test_upgrade_without_a_step_is_an_error() -> None:
    """A version with no migration to the next is reported, not guessed."""
    with pytest.raises(FormatError, match="no migration from version 1"):
        upgrade({"format": "factlog", "version": 1}, {}, current=2)


@given(claim_sets())
def test_json_lines_files_stream_to_the_set_read_whole(claims: ClaimSet) -> None:
    """Reading a JSON Lines file a line at a time gives the set read from its whole text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "set.jsonl"
        factlog.dump(claims, path)
        assert codec._stream_lines(path, factlog.DEFAULT_LIMITS) == claims
        assert factlog.load(path) == factlog.loads_lines(path.read_text(encoding="utf-8")) == claims


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda lines: [*lines, lines[-1]], "is defined twice"),
        (lambda lines: [lines[0], lines[1].replace('"id": ', '"id": "x", "id": ', 1), *lines[2:]], "duplicate key"),
        (lambda lines: [lines[0], '{"type": "rumour"}', *lines[1:]], 'line 2: expected an object with "type"'),
        (lambda lines: ['{"format": "factlog", "version": true}', *lines[1:]], "expected a format version"),
    ],
)
def test_json_lines_files_that_do_not_stream_are_read_whole(
    tmp_path: Path, change: Callable[[list[str]], list[str]], expected: str
) -> None:
    """A file the streaming reader does not accept is read whole, and its problem named."""
    lines = factlog.dumps_lines(factlog.loads(GOLDEN.read_text())).replace('":', '": ').splitlines()
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")
    assert codec._stream_lines(path, factlog.DEFAULT_LIMITS) is None
    with pytest.raises(factlog.FactlogError, match=expected):
        factlog.load(path)


def test_without_orjson_reading_and_writing_give_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The standard library's paths read the same sets and write the same bytes as orjson's."""
    claims = factlog.load(ROOT / "sources")
    text = factlog.dumps(claims)
    factlog.dump(claims, tmp_path / "with.jsonl")
    for module in (codec, parsing):
        monkeypatch.setattr(module, "orjson_module", lambda: None)
    assert parsing.parse_quickly([text]) is None
    assert codec._stream_lines(tmp_path / "with.jsonl", factlog.DEFAULT_LIMITS) is None
    assert factlog.dumps(claims) == text
    assert factlog.loads(text) == claims
    assert factlog.load(tmp_path / "with.jsonl") == claims


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

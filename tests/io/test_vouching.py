"""The readers vouch for claims' references as they read them; the reference check finds the same problems."""

from __future__ import annotations

import copy
import json
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

import factlog
from factlog import UnknownIdError
from factlog.io._documents import read_file
from factlog.io._references import unresolved
from factlog.io._writing import encode_stdlib, to_document
from factlog.model._claimset import may_have_floats, may_have_words, merge_all, unvouched
from factlog.model._coherence import is_vocabulary_message
from tests.strategies import claim_sets

_TABLES: dict[str, Any] = {
    "format": "factlog",
    "version": 1,
    "entities": [{"id": "e1", "name": "One", "kind": "person"}, {"id": "e2", "name": "Two", "kind": "country"}],
    "predicates": [
        {"id": "p1", "label": "met", "kind": "event"},
        {"id": "p2", "label": "counts", "kind": "state", "inverse": "counted-by"},
    ],
    "sources": [{"id": "s1", "title": "A report", "publisher": "e2"}],
}


def _claim(**changes: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": "c1",
        "statement": "One met two.",
        "proposition": {"subject": "e1", "predicate": "p1", "object": "e2"},
        "attribution": {"holder": "e1"},
        "evidence": [{"source": "s1", "quote": "met"}],
    }
    for path, value in changes.items():
        *parents, last = path.split("__")
        place = claim
        for parent in parents:
            place = place[parent][0] if isinstance(place[parent], list) else place[parent]
        place[last] = value
    return claim


def _problems(document: dict[str, Any]) -> list[str]:
    with pytest.raises(factlog.FormatError) as caught:  # an UnknownIdError, or the predicates' refusal
        factlog.loads(json.dumps(document))
    return caught.value.errors


def test_claims_naming_their_own_tables_are_vouched_for() -> None:
    """A claim naming only the entities, predicates and sources its document defines needs no look."""
    read = factlog.loads(json.dumps({**_TABLES, "claims": [_claim()]}))
    assert unvouched(read) == ()


@pytest.mark.parametrize(("when", "words"), [("2025-10-20", False), ("on Tuesday", True)])
def test_a_set_read_knows_whether_a_when_is_in_words(when: str, words: bool) -> None:
    """The readers mark a set with no ``when`` in words, so loading looks for none to resolve."""
    claim = _claim(proposition__when=when, attribution__holder="e1")
    claim["stated"] = "2025-10-22"
    read = factlog.loads(json.dumps({**_TABLES, "claims": [claim]}), references=False)
    assert may_have_words(read) is words


def test_a_claim_named_in_words_is_left_to_the_check() -> None:
    """A holder given by name is not vouched for: the reference check resolves it."""
    read = factlog.loads(json.dumps({**_TABLES, "claims": [_claim(attribution__holder="One")]}))
    assert unvouched(read) == read.claims


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"attribution__holder": "s1"}, "$.claims[0].attribution.holder: unknown entity 's1'"),
        ({"attribution__via": ["p1"]}, "$.claims[0].attribution.via[0]: unknown entity 'p1'"),
        ({"evidence__source": "e1"}, "$.claims[0].evidence[0].source: unknown source 'e1'"),
        ({"proposition__predicate": "e1"}, "$.claims[0].proposition.predicate: unknown predicate 'e1'"),
        ({"proposition__subject": "p2"}, "$.claims[0].proposition.subject: unknown entity 'p2'"),
        ({"proposition__object": "s1"}, "$.claims[0].proposition.object: unknown entity 's1'"),
    ],
)
def test_an_id_of_another_kind_is_unknown(change: dict[str, Any], message: str) -> None:
    """An id the document defines, named where an id of another kind belongs, is reported as unknown."""
    assert _problems({**_TABLES, "claims": [_claim(**change)]}) == [message]


def test_an_inverse_with_a_literal_object_is_reported() -> None:
    """A declared inverse with a text as its object is found, though the inverse is known."""
    change = {"proposition__predicate": "counted-by", "proposition__object": {"text": "many"}}
    assert _problems({**_TABLES, "claims": [_claim(**change)]}) == [
        "$.claims[0].proposition.object: claim 'c1': an inverse predicate needs an entity as its object"
        " ('counted-by' is 'p2' read the other way round: its object becomes the subject)"
    ]


def test_ids_defined_in_another_file_resolve(tmp_path: Path) -> None:
    """Claims naming the tables of another file of the same load are looked at, and resolve."""
    (tmp_path / "a-tables.json").write_text(json.dumps(_TABLES), encoding="utf-8")
    (tmp_path / "b-claims.json").write_text(
        json.dumps({"format": "factlog", "version": 1, "claims": [_claim()]}), encoding="utf-8"
    )
    assert [claim.id for claim in factlog.load(tmp_path).claims] == ["c1"]


_REFERENCES = (
    ("attribution", "holder"),
    ("attribution", "via"),
    ("proposition", "subject"),
    ("proposition", "object"),
    ("proposition", "predicate"),
    ("evidence", "source"),
)


def _swapped(claims: factlog.ClaimSet, data: st.DataObject) -> dict[str, Any]:
    """The document of ``claims``, some references swapped for ids of other kinds, names and unknown ids."""
    document: dict[str, Any] = json.loads(factlog.dumps(claims))
    pool = sorted(
        {item["id"] for section in ("entities", "predicates", "sources") for item in document.get(section, ())}
        | {item["inverse"] for item in document.get("predicates", ()) if "inverse" in item}
        | {"ghost", "Some One"}
    )
    for claim in document.get("claims", ()):
        for part, field in data.draw(st.lists(st.sampled_from(_REFERENCES), max_size=3)):
            holder = claim.get(part)
            if isinstance(holder, list):
                holder = holder[0]
            if holder is not None:
                named = field in ("holder", "via", "subject", "object")  # an entity may be named in words
                value = data.draw(st.sampled_from(pool if named else [item for item in pool if item != "Some One"]))
                holder[field] = [value] if field == "via" else value
    return document


def _read_or_refusal(document: dict[str, Any]) -> factlog.ClaimSet | list[str]:
    """The set a document reads as without the reference check, or the problems it is refused for."""
    try:
        return factlog.loads(json.dumps(document), references=False)
    except factlog.FormatError as error:
        return error.errors


@given(claim_sets(), st.data())
def test_vouching_finds_what_the_whole_check_finds(claims: factlog.ClaimSet, data: st.DataObject) -> None:
    """With references swapped for ids of other kinds, names and unknown ids, both checks report the same."""
    document = _swapped(claims, data)
    read = _read_or_refusal(document)
    if isinstance(read, list):  # a claim's predicate swapped for one that refuses it: no set to vouch for
        assert all(map(is_vocabulary_message, read)), read
        reject()
    assert unvouched(read) is not None
    assert unresolved(read, read, vouched=True) == unresolved(read, read)


def test_a_claim_id_given_twice_is_still_refused() -> None:
    """The claim readers count the ids they read; one given twice is named where it repeats."""
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads(json.dumps({**_TABLES, "claims": [_claim(), _claim(statement="Again.")]}))
    assert caught.value.errors == [
        "$.claims[1].id: 'c1' is defined twice, differently (first at $.claims[0]): "
        "statement: 'Again.' here, 'One met two.' first"
    ]


def test_a_declared_predicate_read_as_an_inverse_is_reported() -> None:
    """A declared predicate another names as its inverse, with a text as its object, is found."""
    predicates = [
        {"id": "a-p", "label": "held by", "kind": "state"},
        {"id": "b-p", "label": "holds", "kind": "state", "inverse": "a-p"},
    ]
    change = {"proposition__predicate": "a-p", "proposition__object": {"text": "many"}}
    assert _problems({**_TABLES, "predicates": predicates, "claims": [_claim(**change)]}) == [
        "$.claims[0].proposition.object: claim 'c1': an inverse predicate needs an entity as its object"
        " ('a-p' is 'b-p' read the other way round: its object becomes the subject)"
    ]


@given(claim_sets(), st.data())
def test_a_folder_load_reports_what_the_whole_check_reports(claims: factlog.ClaimSet, data: st.DataObject) -> None:
    """Split over two files, references swapped, a folder load reports what the whole check finds, in order."""
    document = _swapped(claims, data)
    other: dict[str, Any] = {"format": document["format"], "version": document["version"]}
    for section in ("entities", "predicates", "sources", "claims"):
        items = document.get(section, [])
        cut = data.draw(st.integers(0, len(items)))
        other[section], document[section] = items[:cut], items[cut:]
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(folder) / "a.json", Path(folder) / "b.json"]
        for file, written in zip(files, (other, document), strict=True):
            file.write_text(json.dumps(written), encoding="utf-8")
        parts = [(str(file), read_file(file)) for file in files]
        merged = merge_all(parts)
        expected = [f"{name}: {path}: {message}" for name, part in parts for path, message in unresolved(part, merged)]
        assert _unknown_ids(folder) == expected


def _unknown_ids(folder: str) -> list[str]:
    """The problems of the UnknownIdError loading ``folder`` raises; ``[]`` for none."""
    try:
        factlog.load(folder)
    except UnknownIdError as error:
        return error.errors
    except factlog.FormatError:  # a when in words the files cannot resolve: looked at once the ids resolve
        return []
    return []


@pytest.mark.parametrize(
    "change",
    [attrs.evolve, copy.copy, copy.deepcopy, lambda read: pickle.loads(pickle.dumps(read))],
    ids=["evolve", "copy", "deepcopy", "pickle"],
)
def test_a_set_made_from_a_read_one_has_no_marks(change: Callable[[factlog.ClaimSet], factlog.ClaimSet]) -> None:
    """A set changed, copied or unpickled after reading is looked at whole: the readers' marks stay behind."""
    read = factlog.loads(json.dumps({**_TABLES, "claims": [_claim()]}))
    assert (unvouched(read), may_have_words(read), may_have_floats(read)) == ((), False, False)
    made = change(read)
    assert (unvouched(made), may_have_words(made), may_have_floats(made)) == (None, True, True)


@pytest.mark.parametrize(("amount", "floats"), [(5, False), (2.5, True), (1.5e-05, True)])
def test_a_set_read_knows_whether_a_quantity_holds_a_float(amount: float, floats: bool) -> None:
    """The readers mark a set whose claims' quantities hold no float, so ``dumps`` looks at none."""
    claim = _claim(proposition__object={"amount": amount, "lower": 0, "unit": "troops"})
    read = factlog.loads(json.dumps({**_TABLES, "claims": [claim]}))
    assert may_have_floats(read) is floats


@pytest.mark.parametrize("field", ["amount", "lower", "upper"])
def test_a_tiny_float_read_is_written_as_the_standard_library_writes_it(field: str) -> None:
    """A quantity read with 1.5e-05 among its numbers is written back in exponent form."""
    number = {"amount": 1.5e-05, "lower": 1.5e-05, "upper": 1.5e-05}
    quantity = {"amount": 1.5e-05} | {key: value for key, value in number.items() if key == field}
    claim = _claim(proposition__object=quantity)
    text = factlog.dumps(factlog.loads(json.dumps({**_TABLES, "claims": [claim]})))
    assert f'"{field}": 1.5e-05' in text


@given(claim_sets())
def test_a_set_marked_without_floats_holds_none(claims: factlog.ClaimSet) -> None:
    """A set read and marked as holding no float in its quantities holds none, and dumps as the stdlib writes it."""
    read = factlog.loads(factlog.dumps(claims))
    if not may_have_floats(read):
        objects = [claim.proposition.object for claim in read.claims if claim.proposition is not None]
        numbers = [(item.amount, item.lower, item.upper) for item in objects if isinstance(item, factlog.Quantity)]
        assert not any(isinstance(number, float) for group in numbers for number in group)
    assert factlog.dumps(read) == encode_stdlib(to_document(read)).decode()

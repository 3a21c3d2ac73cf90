"""Loading refuses inverses that cannot pair the predicates one to one, naming the file and the JSON path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import factlog
from factlog.io._converter import make_converter
from tests.helpers import run

ENTITIES = [
    {"id": "us", "name": "United States", "kind": "country"},
    {"id": "ua", "name": "Ukraine", "kind": "country"},
    {"id": "kyiv-post", "name": "Kyiv Post", "kind": "media-outlet"},
]
SOURCES = [{"id": "s1", "title": "T", "publisher": "kyiv-post"}]
GIVES = {"id": "gives-to", "label": "gives weapons to", "kind": "event", "inverse": "receives-from"}
SENDS = {"id": "sends-to", "label": "sends weapons to", "kind": "event", "inverse": "receives-from"}
CLAIMS = [
    {
        "id": "c1",
        "statement": "US gives to UA",
        "proposition": {"subject": "us", "predicate": "gives-to", "object": "ua"},
        "attribution": {"holder": "us"},
        "evidence": [{"source": "s1", "quote": "x"}],
    },
]
SHARED = "predicate 'sends-to' names 'receives-from' as its inverse, but 'receives-from' is already the inverse of"
"""The start of the message for 'sends-to' naming the inverse of 'gives-to'."""


def _document(predicates: list[dict[str, Any]], **sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "factlog", "version": 1, "entities": ENTITIES, "predicates": predicates, **sections}


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _refused(*paths: Path, references: bool = True) -> list[str]:
    with pytest.raises(factlog.FormatError) as caught:
        factlog.load(list(paths), references=references)
    assert type(caught.value) is factlog.FormatError  # not an unknown id
    return caught.value.errors


def test_a_name_made_the_inverse_of_two_predicates_is_refused(tmp_path: Path) -> None:
    """c.json: 'sends-to' names the inverse of 'gives-to'; the file, path and both predicates are named."""
    path = _write(tmp_path / "c.json", _document([GIVES, SENDS], sources=SOURCES, claims=CLAIMS))
    assert _refused(path) == [
        f"{path}: $.predicates[1].inverse: {SHARED} 'gives-to': inverses pair predicates one to one"
    ]


def test_an_inverse_naming_a_third_predicate_is_refused(tmp_path: Path) -> None:
    """d.json: 'gives-to' → 'receives-from' → 'sends-to' is refused at 'gives-to'."""
    receives = {"id": "receives-from", "label": "r", "kind": "event", "inverse": "sends-to"}
    sends = {"id": "sends-to", "label": "s", "kind": "event"}
    path = _write(tmp_path / "d.json", _document([GIVES, receives, sends], sources=SOURCES, claims=CLAIMS))
    [error] = _refused(path)
    assert error.startswith(f"{path}: $.predicates[0].inverse: predicate 'gives-to' names 'receives-from'")
    assert "but 'receives-from' names 'sends-to' as its own" in error


def test_a_symmetric_predicate_made_an_inverse_is_refused(tmp_path: Path) -> None:
    """An inverse declared symmetric is refused at the predicate naming it."""
    receives = {"id": "receives-from", "label": "r", "kind": "event", "symmetric": True}
    path = _write(tmp_path / "e.json", _document([GIVES, receives], sources=SOURCES, claims=CLAIMS))
    [error] = _refused(path)
    assert error.startswith(f"{path}: $.predicates[0].inverse: predicate 'gives-to' names 'receives-from'")
    assert "'receives-from' is declared symmetric" in error


def test_a_clash_across_two_files_names_the_file_that_brings_it(tmp_path: Path) -> None:
    """A registry declares 'gives-to', a claims file 'sends-to' with the same inverse: the claims file is named."""
    registry = _write(tmp_path / "registry.json", _document([GIVES]))
    claims = _write(tmp_path / "claims.json", {"format": "factlog", "version": 1, "predicates": [SENDS]})
    expected = [f"{claims}: $.predicates[0].inverse: {SHARED} 'gives-to': inverses pair predicates one to one"]
    assert _refused(registry, claims) == expected
    assert _refused(registry, claims, references=False) == expected


def test_a_clash_in_json_lines_is_named_by_line(tmp_path: Path) -> None:
    """In JSON Lines the error names the file, the line of the predicate and the path within it."""
    lines = [
        {"format": "factlog", "version": 1},
        *({"type": "entity", **entity} for entity in ENTITIES),
        {"type": "predicate", **GIVES},
        {"type": "predicate", **SENDS},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert _refused(path) == [f"{path}:6: $.inverse: {SHARED} 'gives-to': inverses pair predicates one to one"]
    text = path.read_text(encoding="utf-8")
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads_lines(text, name="c.jsonl")
    assert caught.value.errors == [f"c.jsonl:6: $.inverse: {SHARED} 'gives-to': inverses pair predicates one to one"]


def test_a_clash_is_named_beside_a_refused_field(tmp_path: Path) -> None:
    """A file with a field refused too: both problems at once, each with its path."""
    wrong = [{**CLAIMS[0], "certainty": "sure"}]
    path = _write(tmp_path / "c.json", _document([GIVES, SENDS], sources=SOURCES, claims=wrong))
    errors = _refused(path)
    assert [error.split(": ")[1] for error in errors] == ["$.predicates[1].inverse", "$.claims[0].certainty"]


def test_the_converter_refuses_a_clash_as_the_claim_set_does() -> None:
    """The converter's coherent reading raises the FieldError ClaimSet raises."""
    with pytest.raises(factlog.FieldError, match=r"^predicates\[1\]\.inverse: predicate 'sends-to'"):
        make_converter().structure({"entities": ENTITIES, "predicates": [GIVES, SENDS]}, factlog.ClaimSet)


def test_validate_refuses_a_clash_with_exit_status_3(tmp_path: Path) -> None:
    """`factlog validate` prints the error with its path and exits 3 (unreadable input)."""
    path = _write(tmp_path / "c.json", _document([GIVES, SENDS], sources=SOURCES, claims=CLAIMS))
    done = run("validate", str(path))
    assert done.returncode == 3
    assert f"error: {path}: $.predicates[1].inverse: {SHARED} 'gives-to'" in done.stderr

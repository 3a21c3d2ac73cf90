"""The generated JSON Schema accepts every valid document and rejects broken ones."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import factlog
from factlog import ClaimSet
from tests.helpers import GOLDEN, ROOT
from tests.strategies import claim_sets

FORMS = ROOT / "tests" / "forms" / "claims.json"
VALIDATOR = jsonschema.Draft202012Validator(factlog.json_schema())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself passes the metaschema."""
    jsonschema.Draft202012Validator.check_schema(factlog.json_schema())


@pytest.mark.parametrize("path", [*sorted((ROOT / "sources").rglob("*.json")), GOLDEN, FORMS], ids=str)
def test_schema_accepts_every_corpus_file(path: Path) -> None:
    """Each file under sources/ (and the golden file) is valid against the schema."""
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))


@given(claim_sets())
def test_schema_accepts_every_generated_document(claims: ClaimSet) -> None:
    """Whatever factlog writes, its schema accepts."""
    VALIDATOR.validate(json.loads(factlog.dumps(claims)))


@pytest.mark.parametrize(
    "date",
    [
        "1961~",
        "2019?",
        "2019%",
        "201X",
        "19XX",
        "2025-21",
        "2025-10-30T14:05Z",
        "2025-10-30T16:05+02:00",
        "2019/",
        "/2019",
    ],
)
def test_schema_accepts_every_date_form(date: str) -> None:
    """Each EDTF form factlog reads is a valid valid time for the schema too."""
    document = json.loads(GOLDEN.read_text())
    document["claims"][0]["proposition"]["when"] = date
    VALIDATOR.validate(document)
    factlog.loads(json.dumps(document))


def _broken(change: str) -> dict[str, Any]:
    data = json.loads(GOLDEN.read_text())
    broken = copy.deepcopy(data)
    claim, entity = broken["claims"][0], broken["entities"][0]
    match change:
        case "no format":
            del broken["format"]
        case "version 2":
            broken["version"] = 2
        case "unknown section":
            broken["rumours"] = []
        case "enum word":
            claim["certainty"] = "sure"
        case "string for integer":
            claim["evidence"][0]["start"] = "0"
        case "extra key":
            entity["colour"] = "red"
        case "missing statement":
            del claim["statement"]
        case "bad id":
            entity["id"] = "North Korea"
        case "bad date":
            claim["proposition"]["when"] = "٢٠٢٥-10"  # Arabic-Indic digits: neither a date nor words
        case "no evidence":
            claim["evidence"] = []
        case "empty name":
            entity["name"] = ""
        case "bad qid":
            entity["wikidata"] = "423"
        case "object of number":
            claim["proposition"]["object"] = 5
        case "local timestamp":
            broken["sources"][0]["retrieved"] = "2025-10-30T12:00:00+02:00"
        case "non-ascii date":
            claim["stated"] = "٢٠٢٥-١٠-٠٥"
        case "figure without amount":
            claim["proposition"]["object"] = {"unit": "troops", "lower": 3}
        case "bad estimate":
            claim["proposition"]["object"] = {"amount": 3, "estimate": "roughly"}
    return broken


@pytest.mark.parametrize(
    "change",
    [
        "no format",
        "version 2",
        "unknown section",
        "enum word",
        "string for integer",
        "extra key",
        "missing statement",
        "bad id",
        "bad date",
        "no evidence",
        "empty name",
        "bad qid",
        "object of number",
        "local timestamp",
        "non-ascii date",
        "figure without amount",
        "bad estimate",
    ],
)
def test_schema_rejects_broken_document(change: str) -> None:
    """Each broken document fails the schema, and factlog refuses it too."""
    document = _broken(change)
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(factlog.FormatError):
        factlog.loads(json.dumps(document))

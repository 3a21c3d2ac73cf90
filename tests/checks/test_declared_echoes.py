"""Shared wording a declared ``derived_from`` already explains: no finding, and no message saying none is declared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import factlog
import factlog.dask
from factlog import Index, origins
from factlog.render import render_json
from tests.helpers import assert_every_path_alike

SENTENCE = "The Dawn-3 satellite is transmitting images to the Tarvo ground station"


def _world(*, courier: bool) -> factlog.ClaimSet:
    """KSA's release credits the space agency (one party); Harbour Post declares copying it; the Courier does not."""
    entities: list[dict[str, Any]] = [
        {"id": "karvonia", "name": "Karvonia", "kind": "country"},
        {"id": "ksa", "name": "Karvonian State Agency", "kind": "media-outlet", "affiliation": "karvonia"},
        {"id": "kspace", "name": "Karvonian Space Agency", "kind": "government-body", "affiliation": "karvonia"},
        {"id": "hp", "name": "Harbour Post", "kind": "media-outlet"},
        {"id": "dc", "name": "Daily Courier", "kind": "media-outlet"},
        {"id": "dawn", "name": "Dawn-3", "kind": "other"},
    ]
    sources: list[dict[str, Any]] = [
        {"id": "rel", "title": "Release", "publisher": "ksa", "published": "2026-11-27"},
        {"id": "hpx", "title": "Images", "publisher": "hp", "published": "2026-11-28", "derived_from": ["rel"]},
    ]
    quotes = [("r1", "kspace", "rel", f"{SENTENCE}, the space agency said."), ("h1", "hp", "hpx", f"{SENTENCE}.")]
    if courier:
        sources.append({"id": "dcx", "title": "Courier", "publisher": "dc", "published": "2026-11-29"})
        quotes.append(("d1", "dc", "dcx", f"{SENTENCE}."))
    claims = [
        {
            "id": identifier,
            "statement": quote,
            "attribution": {"holder": holder, **({"via": ["ksa"], "cue": "said"} if holder == "kspace" else {})},
            "evidence": [{"source": source, "quote": quote}],
            "proposition": {"subject": "dawn", "predicate": "transmits-images"},
        }
        for identifier, holder, source, quote in quotes
    ]
    document = {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": [{"id": "transmits-images", "label": "transmits images", "kind": "state"}],
        "sources": sources,
        "claims": claims,
    }
    return factlog.loads(json.dumps(document))


def _shared(claims: factlog.ClaimSet) -> list[str]:
    return [finding.message for finding in factlog.check(claims).findings if finding.rule == "shared_wording"]


def test_an_echo_a_declared_derived_from_explains_is_no_finding() -> None:
    """Harbour Post declares copying the release whose words it prints: nothing to declare, no shared_wording."""
    claims = _world(courier=False)
    assert _shared(claims) == []
    index = Index.of(claims)
    labels = [origin.label for origin in origins(index, index.entries, wording=True)]
    assert len(labels) == 1
    assert "(no derived_from)" not in labels[0]


def test_an_echo_partly_declared_asks_only_the_undeclared_copy() -> None:
    """The Courier copies too, undeclared: it alone is asked; no "no derived_from between them", no false own voice."""
    (message,) = _shared(_world(courier=True))
    assert "with no derived_from between them" not in message
    assert "in hpx" not in message
    assert "in dcx" in message
    assert "in their own voice" not in message


def test_a_declared_copy_of_a_story_quoting_its_own_partys_agency_is_hollow_corroboration() -> None:
    """The state agency's release quotes the space agency (one party); a declared copy repeats it: one origin."""
    claims = _world(courier=False)
    index = Index.of(claims)
    assert len(origins(index, index.entries)) == 1
    rules = [finding.rule for finding in factlog.check(claims).findings if finding.severity.name != "INFO"]
    assert rules == ["hollow_corroboration"]


def test_every_path_reports_the_declared_echoes_alike(tmp_path: Path) -> None:
    """check, Checker.add, check_lines and the Dask path; assess, assess_lines and Dask: the same bytes."""
    for courier in (False, True):
        claims = _world(courier=courier)
        assert ("shared_wording" in render_json(factlog.check(claims))) is courier
        assert_every_path_alike(claims, tmp_path / f"claims{courier}.jsonl")

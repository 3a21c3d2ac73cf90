"""A government's release printed by a wire in its own voice, with no ``derived_from``: the claim set tests share.

The ministry (``mfa``, of Orvania, ungraded) issues a statement; the wire (``wire``,
graded B) prints its sentences as its own; a paper (``paper``, graded C) runs the wire
story (``derived_from``) and alone quotes an analyst; the state agency (``agency``, of
Orvania, graded D) reports the strike and the toll in its own words, then corrects the
toll. Every date and declaration can be changed by the arguments.
"""

from __future__ import annotations

import json
from typing import Any

import factlog

SENTENCE = "drones launched from the territory of Belmark struck the Selva grain terminal"
STRIKE = {"subject": "belmark", "predicate": "strikes", "object": "terminal", "when": "2026-03-02"}


def _toll(amount: int) -> dict[str, Any]:
    return {"subject": "strike", "predicate": "death-toll", "object": {"amount": amount, "unit": "people"}}


def _claim(id: str, holder: str, source: str, quote: str, proposition: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {
        "id": id,
        "statement": quote,
        "proposition": proposition,
        "attribution": {"holder": holder, **more.pop("attribution", {})},
        "evidence": [{"source": source, "quote": quote}],
        **more,
    }


def story(
    *,
    statement: str = "2026-03-03",
    wire: str = "2026-03-03",
    statement_kind: str = "official-statement",
    ministry_kind: str = "government-body",
    declared: bool = False,
) -> factlog.ClaimSet:
    """the statement and the wire story published on the days given, the wire a declared copy if ``declared``."""
    entities = [
        {"id": "orvania", "name": "Orvania", "kind": "country"},
        {"id": "belmark", "name": "Belmark", "kind": "country"},
        {"id": "terminal", "name": "Selva grain terminal", "kind": "place"},
        {"id": "strike", "name": "the Selva strike", "kind": "event"},
        {"id": "mfa", "name": "Orvanian Foreign Ministry", "kind": ministry_kind, "affiliation": "orvania"},
        {
            "id": "agency",
            "name": "Orvanian News Agency",
            "kind": "media-outlet",
            "affiliation": "orvania",
            "reliability": "D",
        },
        {"id": "wire", "name": "Meridian Press Agency", "kind": "media-outlet", "reliability": "B"},
        {"id": "paper", "name": "Daily Harbinger", "kind": "media-outlet", "reliability": "C"},
        {"id": "analyst", "name": "a defence analyst", "kind": "person", "anonymous": True},
    ]
    predicates = [
        {"id": "strikes", "label": "strikes", "kind": "event"},
        {"id": "death-toll", "label": "has a death toll of", "kind": "state", "functional": True},
    ]
    sources = [
        {
            "id": "mfa-statement",
            "title": "Statement",
            "publisher": "mfa",
            "kind": statement_kind,
            "published": statement,
        },
        {
            "id": "wire-story",
            "title": "Drones hit terminal",
            "publisher": "wire",
            "published": wire,
            **({"derived_from": ["mfa-statement"]} if declared else {}),
        },
        {
            "id": "paper-story",
            "title": "Drones hit terminal",
            "publisher": "paper",
            "published": wire,
            "derived_from": ["wire-story"],
        },
        {"id": "agency-report", "title": "Strike", "publisher": "agency", "published": "2026-03-03"},
        {"id": "agency-correction", "title": "Correction", "publisher": "agency", "published": "2026-03-05"},
    ]
    claims = [
        _claim("mfa-strike", "mfa", "mfa-statement", SENTENCE, STRIKE),
        _claim("mfa-toll", "mfa", "mfa-statement", "killing 12 civilians", _toll(12)),
        _claim("wire-strike", "wire", "wire-story", "On 2 March 2026, " + SENTENCE, STRIKE),
        _claim("wire-toll", "wire", "wire-story", "killing 12 civilians", _toll(12)),
        _claim("paper-strike", "paper", "paper-story", SENTENCE, STRIKE),
        _claim(
            "paper-analyst",
            "analyst",
            "paper-story",
            "the drones were probably launched from Belmark",
            STRIKE,
            attribution={"via": ["paper"]},
            certainty="probable",
        ),
        _claim("agency-strike", "agency", "agency-report", "Belmark drones hit the terminal", STRIKE),
        _claim("agency-toll", "agency", "agency-report", "killing 12 people", _toll(12)),
        _claim(
            "agency-toll-7",
            "agency",
            "agency-correction",
            "The correct figure is seven.",
            _toll(7),
            answers=["agency-toll"],
        ),
    ]
    document = {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": predicates,
        "sources": sources,
        "claims": claims,
    }
    return factlog.loads(json.dumps(document))

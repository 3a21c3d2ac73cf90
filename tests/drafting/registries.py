"""Small registries the drafting tests resolve names against."""

from __future__ import annotations

import json

import factlog
from tests.helpers import ROOT

BELEK_REGISTRY = factlog.loads(
    json.dumps(
        {
            "format": "factlog",
            "version": 1,
            "entities": [
                {"id": "belek", "name": "Anton Belek", "kind": "person"},
                {"id": "tarsia", "name": "Tarsia", "kind": "country"},
            ],
            "predicates": [{"id": "visits", "label": "visits", "kind": "event"}],
        }
    )
)
"""A person who visits a country: Anton Belek (belek), Tarsia (tarsia), and the predicate visits."""

BUNDLED_REGISTRY = factlog.load([ROOT / "sources" / "entities.json", ROOT / "sources" / "vocabulary.json"])
"""The entities and vocabulary of the bundled corpus (sources/), which `factlog draft --registry` is shown with."""


def belek_visit(when: str, published: str | None) -> factlog.Claim:
    """The one claim drafted from "Anton Belek visited Tarsia WHEN." published on ``published`` (with a proposition)."""
    (claim,) = factlog.draft(
        f"Anton Belek visited Tarsia {when}.", source="wire", published=published, registry=BELEK_REGISTRY
    ).claims
    assert claim.proposition is not None
    return claim


NIS_REGISTRY = factlog.loads(
    json.dumps(
        {
            "format": "factlog",
            "version": 1,
            "entities": [
                {"id": "rok", "name": "South Korea", "kind": "country", "aliases": ["Seoul", "Republic of Korea"]},
                {"id": "dprk", "name": "North Korea", "kind": "country", "aliases": ["Pyongyang"]},
                {
                    "id": "nis",
                    "name": "National Intelligence Service",
                    "kind": "government-body",
                    "aliases": ["NIS"],
                    "affiliation": "rok",
                },
                {
                    "id": "rok-mofa",
                    "name": "Ministry of Foreign Affairs",
                    "kind": "government-body",
                    "affiliation": "rok",
                },
            ],
        }
    )
)
"""South Korea (rok) with its spy agency, the National Intelligence Service (nis), and North Korea (dprk)."""


def first_claim(text: str) -> factlog.Claim:
    """The first claim drafted from ``text`` with no registry, published 2026-12-03."""
    return factlog.draft(text, source="s", published="2026-12-03").claims[0]

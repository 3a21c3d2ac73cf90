"""Chains of copies and of affiliations cost their length, not its square."""

from __future__ import annotations

import json

import attrs
import pytest

import factlog
from tests.helpers import lines_executed


def _document(size: int, chain: str) -> factlog.ClaimSet:
    """``size`` claims that A visits B, each read in a copy of the last source, or held by a unit of the last holder."""
    entities = [
        {"id": "a", "name": "A", "kind": "person"},
        {"id": "b", "name": "B", "kind": "person"},
        {"id": "p", "name": "P", "kind": "media-outlet"},
    ]
    sources = [{"id": "s0", "title": "T", "publisher": "p", "published": "2025-10"}]
    claims = []
    for n in range(size):
        source, holder = "s0", "p"
        if chain == "derived_from":
            source = f"s{n}"
            if n:
                sources.append(
                    {
                        "id": source,
                        "title": "T",
                        "publisher": "p",
                        "published": "2025-10",
                        "derived_from": [f"s{n - 1}"],
                    }
                )
        else:
            holder = f"e{n}"
            entities.append(
                {"id": holder, "name": holder, "kind": "person", **({"affiliation": f"e{n - 1}"} if n else {})}
            )
        claims.append(
            {
                "id": f"c{n}",
                "statement": "A visits B.",
                "proposition": {"subject": "a", "predicate": "visits", "object": "b", "when": "2025-10"},
                "attribution": {"holder": holder},
                "polarity": "denied" if chain == "affiliation" and n % 2 else "affirmed",
                "evidence": [{"source": source, "quote": "q", "start": 0, "end": 1}],
            }
        )
    document = {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": [{"id": "visits", "label": "visits", "kind": "event"}],
        "sources": sources,
        "claims": claims,
    }
    return factlog.loads(json.dumps(document))


@pytest.mark.parametrize("chain", ["derived_from", "affiliation"])
@pytest.mark.parametrize("step", ["check", "assess"])
def test_a_chain_ten_times_longer_costs_about_ten_times_more(chain: str, step: str) -> None:
    """A derived_from or affiliation chain of 2,000 costs under 14 times one of 200, in executed lines."""
    run = factlog.check if step == "check" else factlog.assess
    short, long = _document(200, chain), _document(2_000, chain)
    short_cost = lines_executed(lambda: run(short))
    long_cost = lines_executed(lambda: run(long))
    assert long_cost < 14 * short_cost, (short_cost, long_cost)


def test_syndicated_copies_are_one_story_and_no_change_of_stance() -> None:
    """Copies of one wire story published on different days: one origin named after the story, no stance change."""
    outlets = [{"id": f"o{n}", "name": f"Outlet {n}", "kind": "media-outlet"} for n in range(1, 4)]
    document = {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "x", "name": "X", "kind": "country"},
            {"id": "y", "name": "Y", "kind": "country"},
            {"id": "wire", "name": "Wire Agency", "kind": "media-outlet"},
            *outlets,
        ],
        "predicates": [{"id": "attacks", "label": "attacks", "kind": "event"}],
        "sources": [
            {"id": "w", "title": "Strike reported", "publisher": "wire", "published": "2025-05-01"},
            *(
                {
                    "id": f"s{n}",
                    "title": f"Copy {n}",
                    "publisher": f"o{n}",
                    "published": f"2025-05-0{n}",
                    "derived_from": ["w"],
                }
                for n in range(1, 4)
            ),
        ],
        "claims": [
            {
                "id": f"c{n}",
                "statement": "X attacks Y.",
                "proposition": {"subject": "x", "predicate": "attacks", "object": "y", "when": "2025-04-30"},
                "attribution": {"holder": f"o{n}"},
                "evidence": [{"source": f"s{n}", "quote": "q", "start": 0, "end": 1}],
            }
            for n in range(1, 4)
        ],
    }
    [item] = factlog.assess(factlog.loads(json.dumps(document))).propositions
    [origin] = item.supporting
    assert origin.label.startswith("Wire Agency (“Strike reported”)")
    assert origin.speaks_for == "wire"
    assert not any("changed its stance" in reason for reason in item.reasons)


def test_a_proposition_with_only_uncommitted_claims_is_unverified() -> None:
    """Only uncommitted claims about a proposition: it is assessed, unverified, credibility 6, and nobody votes."""
    claims = _document(2, "derived_from")
    uncommitted = factlog.ClaimSet(
        entities=claims.entities,
        predicates=claims.predicates,
        sources=claims.sources,
        claims=tuple(attrs.evolve(c, certainty=factlog.Certainty.UNCOMMITTED) for c in claims.claims),
    )
    [item] = factlog.assess(uncommitted).propositions
    assert item.status is factlog.Status.UNVERIFIED
    assert item.credibility is factlog.Credibility.CANNOT_BE_JUDGED
    assert item.supporting == item.opposing == ()

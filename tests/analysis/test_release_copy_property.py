"""A copy of a release is the release's origin: declaring it joins no holder that merely shares the release's party."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Index, origins

PARTIES = ("karvonia", "estmark")


@st.composite
def _release_copies(draw: st.DrawFn) -> tuple[factlog.ClaimSet, factlog.ClaimSet]:
    """Claims of one proposition by holders of two parties; a paper's copy of a release, undeclared and declared.

    The release's publisher holds no claim: the space agency of one of the parties.
    """
    holders = draw(st.lists(st.sampled_from(["ksa", "mfa", "wire", "hp"]), min_size=1, max_size=5))
    affiliation = {"ksa": "karvonia", "mfa": draw(st.sampled_from(PARTIES)), "wire": None, "hp": None}
    entities: list[dict[str, Any]] = [{"id": p, "name": p.title(), "kind": "country"} for p in PARTIES]
    for holder, party in affiliation.items():
        entities.append(
            {"id": holder, "name": holder.upper(), "kind": "organisation", **({"affiliation": party} if party else {})}
        )
    entities += [
        {
            "id": "kspace",
            "name": "Space agency",
            "kind": "government-body",
            "affiliation": draw(st.sampled_from(PARTIES)),
        },
        {"id": "dc", "name": "Daily Courier", "kind": "media-outlet"},
        {"id": "launch", "name": "the launch", "kind": "event"},
    ]
    dates = st.sampled_from(["2026-11-23", "2026-11-24"])
    claims = [
        {
            "id": f"c{n}",
            "statement": "The launch date.",
            "attribution": {"holder": holder},
            "evidence": [{"source": f"s-{holder}", "quote": "The launch date."}],
            "proposition": {"subject": "launch", "predicate": "on", "object": {"date": draw(dates)}},
        }
        for n, holder in enumerate(holders)
    ]
    claims.append(
        {
            "id": "copied",
            "statement": "The launch was on Monday.",
            "attribution": {"holder": "dc"},
            "evidence": [{"source": "dc-story", "quote": "The launch was on Monday."}],
            "proposition": {"subject": "launch", "predicate": "on", "object": {"date": draw(dates)}},
        }
    )
    sources: list[dict[str, Any]] = [{"id": f"s-{h}", "title": h, "publisher": h} for h in affiliation]
    sources.append({"id": "release", "title": "Press release", "publisher": "kspace"})
    found = []
    for declared in (False, True):
        paper = {
            "id": "dc-story",
            "title": "Story",
            "publisher": "dc",
            **({"derived_from": ["release"]} if declared else {}),
        }
        document = {
            "format": "factlog",
            "version": 1,
            "entities": entities,
            "predicates": [{"id": "on", "label": "takes place on", "kind": "state", "functional": True}],
            "sources": [*sources, paper],
            "claims": claims,
        }
        found.append(factlog.loads(json.dumps(document)))
    return found[0], found[1]


def _partition(claims: factlog.ClaimSet) -> set[frozenset[str]]:
    index = Index.of(claims)
    return {frozenset(e.id for e in origin.entries) for origin in origins(index, index.entries, wording=True)}


@settings(max_examples=40, deadline=None)
@given(_release_copies())
def test_declaring_a_copy_of_a_release_never_joins_other_holders(
    sets: tuple[factlog.ClaimSet, factlog.ClaimSet],
) -> None:
    """derived_from a release nobody else speaks in: the origins of the other claims, and their count, are unchanged."""
    undeclared, declared = sets
    assert _partition(declared) == _partition(undeclared)
    assert len(factlog.assess(declared).propositions) == len(factlog.assess(undeclared).propositions)

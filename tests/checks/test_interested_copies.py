"""A copy of an accused party's own story, run in an outlet's own voice, is that party speaking: interested."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import factlog
from factlog import Status
from factlog.checks import interested_denial


def _claims(encoding: str, publisher: str = "maker", derived: tuple[str, ...] = ("release",)) -> factlog.ClaimSet:
    """A watchdog says the maker dumped waste; the denial is encoded as ``encoding``.

    ``copy``: the outlet's story is ``derived_from`` the release (of ``publisher``), and the
    outlet holds the denial; ``via``: the maker holds it, the outlet relays it; ``own``: the
    maker denies in its own release.
    """
    denial: dict[str, Any] = {
        "copy": {"attribution": {"holder": "outlet"}, "source": "story"},
        "via": {"attribution": {"holder": "maker", "via": ["outlet"]}, "source": "story"},
        "own": {"attribution": {"holder": "maker"}, "source": "release"},
    }[encoding]
    proposition = {"subject": "maker", "predicate": "dumps-waste-in", "object": "river", "when": "2024"}
    document = {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "maker", "name": "Maker Ltd", "kind": "organisation"},
            {"id": "other", "name": "Other Ltd", "kind": "organisation"},
            {"id": "river", "name": "The river", "kind": "place"},
            {"id": "watchdog", "name": "Watchdog", "kind": "organisation"},
            {"id": "outlet", "name": "Outlet", "kind": "media-outlet"},
            {"id": "wire", "name": "Wire", "kind": "media-outlet"},
        ],
        "predicates": [{"id": "dumps-waste-in", "label": "dumps waste in", "kind": "event"}],
        "sources": [
            {"id": "release", "title": "Statement", "publisher": publisher, "published": "2025-05-01"},
            {"id": "story", "title": "Story", "publisher": "outlet", "published": "2025-05-02"}
            | ({"derived_from": list(derived)} if encoding == "copy" else {}),
            {"id": "wire-story", "title": "Wire story", "publisher": "wire", "published": "2025-05-01"},
            {"id": "report", "title": "Report", "publisher": "watchdog", "published": "2025-05-03"},
        ],
        "claims": [
            {
                "id": "denial",
                "statement": "The maker dumped no waste in the river in 2024.",
                "polarity": "denied",
                "proposition": proposition,
                "attribution": denial["attribution"],
                "evidence": [{"source": denial["source"], "quote": "dumped no waste"}],
            },
            {
                "id": "finding",
                "statement": "The maker dumped waste in the river in 2024.",
                "proposition": proposition,
                "attribution": {"holder": "watchdog"},
                "evidence": [{"source": "report", "quote": "dumped waste"}],
            },
        ],
    }
    return factlog.loads(json.dumps(document))


@pytest.mark.parametrize("encoding", ["copy", "via", "own"])
def test_the_accused_denying_is_interested_however_its_words_reached_us(encoding: str) -> None:
    """Copied in an outlet's own voice, relayed by it, or in its own release: one interested denial, discounted."""
    claims = _claims(encoding)
    [finding] = interested_denial(factlog.Index.of(claims))
    assert dict(finding.claims) == {"interested": ("denial",), "denied": ("finding",)}
    [assessed] = factlog.assess(claims).propositions
    assert assessed.status is Status.DENIED_BY_INTERESTED_PARTY


def test_a_copy_names_the_story_it_copies_as_the_interested_voice() -> None:
    """The finding says whose story the outlet ran, not that the outlet itself is party to it."""
    [finding] = interested_denial(factlog.Index.of(_claims("copy")))
    assert "denied by Outlet copying Maker Ltd (“Statement”), party to it" in finding.message


@pytest.mark.parametrize("derived", [("release", "wire-story"), ("wire-story", "release")])
def test_a_copy_of_the_accused_s_story_and_another_is_interested_in_either_order(derived: tuple[str, ...]) -> None:
    """``derived_from`` the accused's release and a wire story: the accused may be speaking, listed first or not."""
    claims = _claims("copy", derived=derived)
    [finding] = interested_denial(factlog.Index.of(claims))
    assert "denied by Outlet copying Maker Ltd (“Statement”), party to it" in finding.message
    [assessed] = factlog.assess(claims).propositions
    assert assessed.status is Status.DENIED_BY_INTERESTED_PARTY


def test_a_copy_of_an_outsider_s_story_is_not_interested() -> None:
    """The outlet's copy of another company's statement denies as that company: no party, no discount."""
    claims = _claims("copy", publisher="other")
    assert list(interested_denial(factlog.Index.of(claims))) == []
    [assessed] = factlog.assess(claims).propositions
    assert assessed.status is not Status.DENIED_BY_INTERESTED_PARTY


def test_an_origin_s_label_names_the_party_it_counts_as_before_its_relays() -> None:
    """Four outlets' copies of a release, then its maker in a later statement: one origin, named by the maker first.

    Listed by time, the maker came fourth and "and 2 more" hid the very voice the origin counts as.
    """
    outlets = [f"outlet-{n}" for n in range(4)]
    proposition = {"subject": "maker", "predicate": "dumps-waste-in", "object": "river", "when": "2024"}

    def denial(claim: str, holder: str, source: str) -> dict[str, Any]:
        return {
            "id": claim,
            "statement": "No waste was dumped.",
            "polarity": "denied",
            "proposition": proposition,
            "attribution": {"holder": holder},
            "evidence": [{"source": source, "quote": "No waste was dumped."}],
        }

    document = {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "maker", "name": "Maker Ltd", "kind": "organisation"},
            {"id": "river", "name": "The river", "kind": "place"},
            *({"id": o, "name": f"Outlet {o[-1]}", "kind": "media-outlet"} for o in outlets),
        ],
        "predicates": [{"id": "dumps-waste-in", "label": "dumps waste in", "kind": "event"}],
        "sources": [
            {"id": "release", "title": "Statement", "publisher": "maker", "published": "2025-05-01"},
            *(
                {
                    "id": f"copy-{o}",
                    "title": "Story",
                    "publisher": o,
                    "published": "2025-05-02",
                    "derived_from": ["release"],
                }
                for o in outlets
            ),
            {"id": "later", "title": "Second statement", "publisher": "maker", "published": "2025-06-01"},
        ],
        "claims": [*(denial(f"by-{o}", o, f"copy-{o}") for o in outlets), denial("own", "maker", "later")],
    }
    claims = factlog.loads(json.dumps(document))
    index = factlog.Index.of(claims)
    [origin] = factlog.origins(index, list(index.by_id.values()))
    assert origin.label.startswith("Maker Ltd, ")


def test_the_accused_running_another_s_story_in_its_own_voice_is_still_interested() -> None:
    """The maker's own release, ``derived_from`` a wire story, denies in the maker's voice: interested all the same."""
    claims = _claims("own")
    copied = [attrs.evolve(s, derived_from=("wire-story",)) if s.id == "release" else s for s in claims.sources]
    claims = attrs.evolve(claims, sources=tuple(copied))
    [finding] = interested_denial(factlog.Index.of(claims))
    assert "denied by Maker Ltd, party to it" in finding.message
    [assessed] = factlog.assess(claims).propositions
    assert assessed.status is Status.DENIED_BY_INTERESTED_PARTY

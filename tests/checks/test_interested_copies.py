"""A copy of an accused party's own story, run in an outlet's own voice, is that party speaking: interested."""

from __future__ import annotations

import json
from typing import Any

import pytest

import factlog
from factlog import Status
from factlog.checks import interested_denial


def _claims(encoding: str, publisher: str = "maker") -> factlog.ClaimSet:
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
        ],
        "predicates": [{"id": "dumps-waste-in", "label": "dumps waste in", "kind": "event"}],
        "sources": [
            {"id": "release", "title": "Statement", "publisher": publisher, "published": "2025-05-01"},
            {"id": "story", "title": "Story", "publisher": "outlet", "published": "2025-05-02"}
            | ({"derived_from": ["release"]} if encoding == "copy" else {}),
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


def test_a_copy_of_an_outsider_s_story_is_not_interested() -> None:
    """The outlet's copy of another company's statement denies as that company: no party, no discount."""
    claims = _claims("copy", publisher="other")
    assert list(interested_denial(factlog.Index.of(claims))) == []
    [assessed] = factlog.assess(claims).propositions
    assert assessed.status is not Status.DENIED_BY_INTERESTED_PARTY

"""Office titles with a user's own registry: "Trade Minister Anton Belek", "Former Velmoran President Anton Belek"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import factlog
from factlog import Polarity

ROOT = Path(__file__).parents[2]
BUNDLED = factlog.load([ROOT / "sources" / "entities.json", ROOT / "sources" / "vocabulary.json"])
HOLDS_OFFICE = {"id": "holds-office", "label": "holds the office of", "kind": "state"}


def registry(*, office_aliases: bool = True, demonym: bool = True, predicate: bool = True) -> factlog.ClaimSet:
    """A registry as a newcomer writes one: a country, a person and two offices named "<title> of <country>"."""
    entities: list[dict[str, Any]] = [
        {"id": "velmora", "name": "Velmora", "kind": "country", "aliases": ["Velmoran"] if demonym else []},
        {"id": "belek", "name": "Anton Belek", "kind": "person", "aliases": ["Belek"]},
        {
            "id": "velmora-trade-minister",
            "name": "Trade Minister of Velmora",
            "kind": "other",
            "aliases": ["Trade Minister"] if office_aliases else [],
        },
        {"id": "velmora-president", "name": "President of Velmora", "kind": "other"},
    ]
    document = {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": [HOLDS_OFFICE] if predicate else [],
    }
    return factlog.loads(json.dumps(document))


def offices(sentence: str, claims: factlog.ClaimSet) -> list[tuple[str, str, Polarity, str]]:
    """(subject, office, polarity, quote) of each drafted office claim, published 2026-05-12."""
    drafted = factlog.draft(sentence, source="t", published="2026-05-12", publisher="Harbour Post", registry=claims)
    found = []
    for claim in drafted.claims:
        if "-office-" in claim.id:
            assert claim.proposition is not None
            found.append(
                (claim.proposition.subject, str(claim.proposition.object), claim.polarity, claim.evidence[0].quote)
            )
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trade Minister Anton Belek approved the deal in March.",
            [("belek", "velmora-trade-minister", Polarity.AFFIRMED, "Trade Minister Anton Belek")],
        ),
        (
            "Former trade minister Anton Belek approved the deal in March.",
            [("belek", "velmora-trade-minister", Polarity.DENIED, "Former trade minister Anton Belek")],
        ),
        (
            "Former Velmoran President Anton Belek approved the deal.",
            [("belek", "velmora-president", Polarity.DENIED, "Former Velmoran President Anton Belek")],
        ),
        (
            "Velmora's Trade Minister Anton Belek approved the deal.",
            [("belek", "velmora-trade-minister", Polarity.AFFIRMED, "Velmora's Trade Minister Anton Belek")],
        ),
    ],
)
def test_an_office_of_the_users_registry_is_drafted(sentence: str, expected: list[object]) -> None:
    """The title with or without a country adjective finds the office "<title> of Velmora"."""
    assert offices(sentence, registry()) == expected


def test_a_country_adjective_is_enough_without_an_alias_of_the_title() -> None:
    """No alias "Trade Minister": "Velmoran Trade Minister" still finds "Trade Minister of Velmora"."""
    found = offices("Velmoran Trade Minister Anton Belek approved the deal.", registry(office_aliases=False))
    assert found == [("belek", "velmora-trade-minister", Polarity.AFFIRMED, "Velmoran Trade Minister Anton Belek")]


def test_a_title_without_a_country_needs_the_title_as_an_alias() -> None:
    """ "Trade Minister Anton Belek" names no country: without the alias there is no office to find."""
    assert offices("Trade Minister Anton Belek approved the deal.", registry(office_aliases=False)) == []


def test_a_country_adjective_needs_the_demonym_in_the_registry() -> None:
    """ "Velmoran" is no built-in demonym: without the alias "Velmoran" the President is not found."""
    assert offices("Former Velmoran President Anton Belek approved the deal.", registry(demonym=False)) == []


def test_office_titles_need_the_holds_office_predicate() -> None:
    """Without `holds-office` in the registry's vocabulary, no office claim is drafted."""
    assert offices("Trade Minister Anton Belek approved the deal.", registry(predicate=False)) == []


def test_a_country_or_a_body_before_a_name_is_no_office() -> None:
    """A country ("Velmoran Anton Belek") or a body not named "... of ..." ("Trade Ministry") is no office."""
    claims = registry().merge(
        factlog.loads(
            json.dumps(
                {
                    "format": "factlog",
                    "version": 1,
                    "entities": [{"id": "ministry", "name": "Trade Ministry", "kind": "government-body"}],
                }
            )
        )
    )
    assert offices("Velmoran Anton Belek approved the deal.", claims) == []
    assert offices("Trade Ministry Anton Belek approved the deal.", claims) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Former U.S. President Donald Trump said the talks had failed.",
            [("donald-trump", "us-president", Polarity.DENIED, "Former U.S. President Donald Trump")],
        ),
        (
            "Chinese President Xi Jinping said the talks had failed.",
            [("xi-jinping", "prc-president", Polarity.AFFIRMED, "Chinese President Xi Jinping")],
        ),
        (
            "North Korean Foreign Minister Choe Son-hui Visits Russia",
            [
                (
                    "choe-son-hui",
                    "dprk-foreign-minister",
                    Polarity.AFFIRMED,
                    "North Korean Foreign Minister Choe Son-hui",
                )
            ],
        ),
    ],
)
def test_the_bundled_registry_offices_are_drafted_as_before(sentence: str, expected: list[object]) -> None:
    """The bundled offices, an alias holding the title ("President Xi Jinping"), and a quote that ends at the name."""
    assert offices(sentence, BUNDLED) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Deputy Trade Minister Anton Belek approved the deal.",
        "Vice President Anton Belek approved the deal.",
        "Velmoran Deputy Trade Minister Anton Belek approved the deal.",
        "Shadow Trade Minister Anton Belek approved the deal.",
        "Assistant Trade Minister Anton Belek approved the deal.",
        "Would-be Trade Minister Anton Belek approved the deal.",
    ],
)
def test_a_deputy_or_a_would_be_is_not_drafted_as_holding_the_office(sentence: str) -> None:
    """'Deputy Trade Minister Belek' holds another office than the Trade Minister's: no claim, not a wrong one."""
    claims = registry()
    president = claims.entity_by_id["velmora-president"]
    with_alias = attrs.evolve(president, aliases=("President",))
    claims = attrs.evolve(claims, entities=tuple(with_alias if e is president else e for e in claims.entities))
    assert offices(sentence, claims) == []

"""Places within places: part_of in the entity registry, used when comparing places."""

from __future__ import annotations

import json

import pytest

import factlog
from factlog import Severity
from factlog.checks import opposed_claims
from tests.helpers import claim, findings_of, sides, world


def test_fighting_in_a_region_contradicts_not_fighting_in_its_country() -> None:
    """'Fought in Sudzha' against 'did not fight in Russia' (Sudzha is in Kursk, in Russia)."""
    claims = world(
        claim("region", "dprk", "fights-in", "sudzha", "2024-11-05"),
        claim("country", "dprk", "fights-in", "russia", "2024-11", denied=True, holder="kcna"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"region"}, "denying": {"country"}}
    assert finding.severity is Severity.ERROR
    assert "denied by KCNA (2024-11), of the wider place (North Korea fights in Russia)" in finding.message


def test_fighting_in_a_region_agrees_with_not_fighting_next_door() -> None:
    """'Fought in the Kursk region' and 'did not fight in Ukraine' do not conflict."""
    claims = world(
        claim("region", "dprk", "fights-in", "kursk", "2024-11-05"),
        claim("elsewhere", "dprk", "fights-in", "ukraine", "2024-11", denied=True, holder="kcna"),
    )
    assert findings_of(opposed_claims, claims) == []


def test_a_denial_in_a_region_says_nothing_of_the_country() -> None:
    """'Fought in Russia' and 'did not fight in Sudzha': both may be true."""
    claims = world(
        claim("country", "dprk", "fights-in", "russia", "2024-11"),
        claim("region", "dprk", "fights-in", "sudzha", "2024-11", denied=True, holder="kcna"),
    )
    assert findings_of(opposed_claims, claims) == []


def test_places_in_qualifiers_are_widened_too() -> None:
    """A visit 'in Sudzha' against 'no visit in Russia' (a place qualifier): a conflict."""
    claims = world(
        claim("in-region", qualifiers={"place": "sudzha"}),
        claim("not-in-country", qualifiers={"place": "russia"}, denied=True, holder="kcna"),
    )
    assert len(findings_of(opposed_claims, claims)) == 1


def test_index_follows_part_of_transitively() -> None:
    """Sudzha lies within the Kursk region and within Russia; Russia within neither."""
    index = factlog.Index.of(world())
    assert index.within("sudzha", "russia")
    assert index.within("sudzha", "kursk")
    assert not index.within("russia", "sudzha")


def test_unknown_part_of_is_refused_with_its_path() -> None:
    """A part_of naming no entity is a reference error at its JSON path."""
    document = {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "kursk", "name": "Kursk", "kind": "place", "part_of": ["nowhere"]}],
    }
    with pytest.raises(factlog.FactlogError, match=r"\$\.entities\[0\]\.part_of\[0\]"):
        factlog.loads(json.dumps(document))

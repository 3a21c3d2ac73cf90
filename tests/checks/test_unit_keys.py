"""One figure in any spelling of its unit, or converted exactly to another unit, is one proposition for every rule.

A proposition key holds a figure with a unit in the unit's base units
(:func:`factlog.model._vocabulary.object_key`): respelling a claim's unit (km,
kilometres, kilometre, kilometer) or giving its figure in metres or centimetres changes
no finding. Finding ids name the rule and the claim ids only, so they do not change either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Claim, Quantity
from factlog.checks import (
    hollow_corroboration,
    interested_denial,
    opposed_claims,
    self_contradiction,
    understated_certainty,
)
from tests.helpers import KILOMETRE_SPELLINGS, claim, findings_of, sides, world

Scenario = Sequence[tuple[str, dict[str, Any]]]
"""Claims as ``(id, keywords of claim)``, each about 600 km."""

SCENARIOS: dict[str, tuple[factlog.Rule, Scenario]] = {
    "understated_certainty": (
        understated_certainty,
        [
            ("may", {"certainty": "possible", "holder": "tabloid"}),
            ("fact", {"holder": "russia"}),
            ("wire", {"holder": "wire", "source": "s2"}),
        ],
    ),
    "hollow_corroboration": (
        hollow_corroboration,
        [
            ("a", {"holder": "kcna", "source": "s1", "via": ("author",)}),
            ("b", {"holder": "kcna", "source": "s2", "via": ("wire",)}),
            ("c", {"holder": "dprk", "source": "s5"}),
        ],
    ),
    "interested_denial": (
        interested_denial,
        [
            ("allegation", {"holder": "western-intelligence", "certainty": "possible"}),
            ("kp", {"denied": True, "holder": "kcna"}),
            ("dp", {"denied": True, "holder": "dprk", "source": "s2"}),
        ],
    ),
    "opposed_claims": (
        opposed_claims,
        [("a", {"holder": "wire"}), ("b", {"holder": "paper-a", "source": "s3"}), ("d", {"denied": True})],
    ),
    "self_contradiction": (
        self_contradiction,
        [("a", {}), ("d", {"denied": True})],
    ),
}


def _claims(scenario: Scenario, spellings: Sequence[int]) -> list[Claim]:
    """The scenario's claims, claim ``n`` giving 600 km as ``KILOMETRE_SPELLINGS[spellings[n]]``."""
    found = []
    for (id, keywords), spelling in zip(scenario, spellings, strict=False):
        unit, factor = KILOMETRE_SPELLINGS[spelling]
        figure = Quantity(amount=600 * factor, unit=unit)
        found.append(claim(id, "dprk", "troops-deployed", figure, **keywords))
    return found


def _found(rule: factlog.Rule, claims: list[Claim]) -> list[tuple[str, str, str, dict[str, set[str]]]]:
    return [(f.id, f.rule, f.severity.value, sides(f)) for f in findings_of(rule, world(*claims))]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
@given(spellings=st.lists(st.integers(0, len(KILOMETRE_SPELLINGS) - 1), min_size=3, max_size=3))
def test_a_rule_finds_the_same_whichever_spelling_of_the_unit_each_claim_gives(name: str, spellings: list[int]) -> None:
    """Each claim's 600 km respelled or converted exactly: the rule's findings (ids too) are those of all "km"."""
    rule, scenario = SCENARIOS[name]
    expected = _found(rule, _claims(scenario, [0, 0, 0]))
    assert expected != []  # the scenario is one the rule reports on
    assert _found(rule, _claims(scenario, spellings)) == expected


@pytest.mark.parametrize("name", sorted(SCENARIOS))
@given(spellings=st.lists(st.integers(0, len(KILOMETRE_SPELLINGS) - 1), min_size=3, max_size=3))
def test_a_claim_added_to_a_checker_meets_its_figure_in_any_spelling(name: str, spellings: list[int]) -> None:
    """The last claim added to a Checker holding the others: the findings of a whole check of them all in "km"."""
    rule, scenario = SCENARIOS[name]
    claims = _claims(scenario, spellings)
    checker = factlog.Checker(world(*claims[:-1]), (rule,))
    checker.add(claims[-1:])
    expected = _found(rule, _claims(scenario, [0, 0, 0]))
    assert [(f.id, f.rule, f.severity.value, sides(f)) for f in checker.findings] == expected

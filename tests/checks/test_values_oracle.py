"""Functional values found by sweeps agree with comparing every pair of value groups (a brute-force oracle)."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Certainty, Claim, Entity, EntityKind, Finding, Severity
from factlog.analysis._index import Entry
from factlog.checks import _values, conflicting_holders, conflicting_values
from tests.helpers import claim, world
from tests.strategies import intervals, objects

PLACES = ["sudzha", "kursk", "russia", "ukraine", "alice", "bob", "border"]
BORDER = Entity(id="border", name="the border", kind=EntityKind.PLACE, part_of=("kursk", "ukraine"))


def _pairwise(values: _values._Values, groups: list[list[Entry]]) -> Iterator[tuple[list[list[Entry]], Severity, bool]]:
    """The rule as it was: every pair of value groups compared."""
    involved: set[int] = set()
    worst, definite = Severity.INFO, False
    for i, first in enumerate(groups):
        for j in range(i + 1, len(groups)):
            if values.clash(first, groups[j]):
                involved |= {i, j}
                severity, sure = _values._pair_severity(first, groups[j])
                worst, definite = max(worst, severity), definite or sure
    if involved:
        yield [groups[i] for i in sorted(involved)], worst, definite


def _shown(findings: list[Finding]) -> list[tuple[str, str, str, object]]:
    return [(f.rule, f.severity.value, f.message, f.sides) for f in findings]


@st.composite
def slot_claims(draw: st.DrawFn) -> list[Claim]:
    """Claims of one functional and one inverse-functional slot, values of every kind, at random times."""
    made = []
    for n in range(draw(st.integers(2, 9))):
        value = draw(st.sampled_from(PLACES) | objects(PLACES))
        when = draw(st.none() | intervals(years=(2010, 2013)).map(str))
        certainty = draw(st.sampled_from(["certain", "probable", "possible"]))
        holder = draw(st.sampled_from(["author", "wire", "kcna", "russia"]))
        made.append(claim(f"v{n}", "visit", "troops-deployed", value, when, certainty=certainty, holder=holder))
        person = draw(st.sampled_from(PLACES))
        made.append(claim(f"p{n}", person, "premier-of", "ruritania", when, certainty=certainty, holder=holder))
    return made


@given(slot_claims(), st.booleans())
def test_sweeps_find_what_every_pair_finds(claims: list[Claim], several_wholes: bool) -> None:
    """The same findings, severities and messages as comparing every pair, with a tree or a DAG of places."""
    claim_set = world(*claims)
    if several_wholes:
        claim_set = attrs.evolve(claim_set, entities=(*claim_set.entities, BORDER))
    else:
        claim_set = attrs.evolve(claim_set, entities=(*claim_set.entities, attrs.evolve(BORDER, part_of=("kursk",))))
    rules = (conflicting_values, conflicting_holders)
    found = factlog.check(claim_set, rules).findings
    with mock.patch.object(_values, "_clashing", _pairwise):
        expected = factlog.check(claim_set, rules).findings
    assert _shown(found) == _shown(expected)


def test_a_thousand_distinct_values_on_one_day_are_one_finding() -> None:
    """Distinct values in one slot on one day: one finding listing every value, an error when certain."""
    claims = [claim(f"c{n}", "visit", "troops-deployed", 1000 * (n + 1), "2025-03-01") for n in range(1000)]
    claims.append(claim("maybe", "visit", "troops-deployed", 5, "2025-03-01", certainty=Certainty.POSSIBLE.value))
    [finding] = factlog.check(world(*claims), (conflicting_values,)).findings
    assert len(finding.sides) == 1001
    assert finding.severity is Severity.ERROR

"""Functional values found by counting agree with comparing every pair of value groups (a brute-force oracle)."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Certainty, Claim, DateValue, Entity, EntityKind, Finding, Interval, Predicate, Quantity, Severity
from factlog.analysis._index import Entry
from factlog.checks import _runs, _slotvalues, _values, conflicting_holders, conflicting_values
from factlog.model._kinds import PredicateKind
from factlog.model._quantities import Estimate
from tests.helpers import claim, world

PLACES = ["sudzha", "kursk", "russia", "ukraine", "alice", "bob", "border"]
BORDER = Entity(id="border", name="the border", kind=EntityKind.PLACE, part_of=("kursk", "ukraine"))
UNITS = [None, "km", "m", "miles", "troops", "hours"]
DISTANCE = Predicate(
    id="distance",
    label="is at a distance of",
    kind=PredicateKind.STATE,
    functional=True,
    margin=Quantity(amount=1, unit="km"),
)
"""A functional predicate whose ``margin`` has a unit: pairs in hours or troops do not convert."""


def _pairwise(values: _slotvalues.Values, groups: list[list[Entry]]) -> Iterator[_runs.Conflict]:
    """The rule as it was (main before the counting): every pair of value groups compared."""
    involved: set[int] = set()
    worst, definite, units = Severity.INFO, False, False
    for i, first in enumerate(groups):
        for j in range(i + 1, len(groups)):
            if values.clash(first, groups[j]):
                involved |= {i, j}
                severity, sure = _values._pair_severity(values, first, groups[j])
                worst, definite = max(worst, severity), definite or sure
                units = units or not values.convertible(first, groups[j])
    if involved:
        yield [groups[i] for i in sorted(involved)], worst, definite, units


def _pairwise_sides(values: _slotvalues.Values, groups: list[list[Entry]]) -> list[list[list[Entry]]]:
    """Sides as they were: each group tried against every side."""
    sides: list[list[list[Entry]]] = []
    for group in groups:
        for side in sides:
            if not any(values.clash(group, other) for other in side):
                side.append(group)
                break
        else:
            sides.append([group])
    return sides


def _shown(findings: tuple[Finding, ...]) -> list[tuple[str, str, str, str, object]]:
    return [(f.id, f.rule, f.severity.value, f.message, f.sides) for f in findings]


quantities = st.builds(
    Quantity,
    amount=st.integers(0, 12).map(lambda n: n * 500 if n > 6 else n),
    unit=st.sampled_from(UNITS),
    estimate=st.none() | st.sampled_from([Estimate.AT_LEAST, Estimate.UP_TO, Estimate.ABOUT]),
) | st.sampled_from([Quantity(estimate=Estimate.DOZENS), Quantity(estimate=Estimate.A_FEW, unit="km")])
dates = st.sampled_from(["2011", "2011-06", "2011-06-01", "2012", "2011~", "2011/2012"]).map(
    lambda text: DateValue(date=Interval.parse(text))
)
times = st.none() | st.sampled_from(
    ["2010/2011", "2011/2012", "2012", "2011-06", "2011-06/2011-12", "2011-12/2012-02", "2011-12-31", "2012-01-01"]
)


@st.composite
def slot_claims(draw: st.DrawFn) -> list[Claim]:
    """Claims of a few functional slots and one inverse-functional slot: every kind of value, undated or dated."""
    made = []
    kinds = draw(st.sampled_from(["mixed", "quantities", "places", "dates"]))
    values = {
        "mixed": st.sampled_from(PLACES) | quantities | dates | st.none(),
        "quantities": quantities,
        "places": st.sampled_from(PLACES),
        "dates": dates,
    }[kinds]
    predicate = draw(st.sampled_from(["troops-deployed", "distance"]))
    for n in range(draw(st.integers(2, 9))):
        when = draw(times)
        certainty = draw(st.sampled_from(["certain", "certain", "probable", "possible"]))
        holder = draw(st.sampled_from(["author", "wire", "kcna", "russia"]))
        made.append(claim(f"v{n}", "visit", predicate, draw(values), when, certainty=certainty, holder=holder))
        person = draw(st.sampled_from(PLACES))
        made.append(claim(f"p{n}", person, "premier-of", "ruritania", when, certainty=certainty, holder=holder))
    return made


@settings(max_examples=150)
@given(slot_claims(), st.booleans())
def test_counting_finds_what_every_pair_finds(claims: list[Claim], several_wholes: bool) -> None:
    """The same findings (ids, severities, messages, sides) as comparing every pair, with a tree or a DAG of places."""
    claim_set = world(*claims)
    border = BORDER if several_wholes else attrs.evolve(BORDER, part_of=("kursk",))
    claim_set = attrs.evolve(
        claim_set, entities=(*claim_set.entities, border), predicates=(*claim_set.predicates, DISTANCE)
    )
    rules = (conflicting_values, conflicting_holders)
    found = factlog.check(claim_set, rules).findings
    with mock.patch.object(_runs, "clashing", _pairwise), mock.patch.object(_values, "_sides", _pairwise_sides):
        expected = factlog.check(claim_set, rules).findings
    assert _shown(found) == _shown(expected)


def test_a_thousand_distinct_values_on_one_day_are_one_finding() -> None:
    """Distinct values in one slot on one day: one finding listing every claim, an error when certain."""
    claims = [claim(f"c{n}", "visit", "troops-deployed", 1000 * (n + 1), "2025-03-01") for n in range(1000)]
    claims.append(claim("maybe", "visit", "troops-deployed", 5, "2025-03-01", certainty=Certainty.POSSIBLE.value))
    [finding] = factlog.check(world(*claims), (conflicting_values,)).findings
    assert sorted(c for claims in finding.sides.values() for c in claims) == sorted(c.id for c in claims)
    assert finding.severity is Severity.ERROR


def test_units_convert_before_counting() -> None:
    """5 miles agrees with 8 km (within the margin) and not with 5 km; hours do not convert: a warning at most."""
    claims = [
        claim("miles", "visit", "distance", Quantity(amount=5, unit="miles"), "2025-03-01"),
        claim("km8", "visit", "distance", Quantity(amount=8, unit="km"), "2025-03-01"),
        claim("km5", "visit", "distance", Quantity(amount=5, unit="km"), "2025-03-01"),
    ]
    claim_set = attrs.evolve(world(*claims), predicates=(*world().predicates, DISTANCE))
    [finding] = factlog.check(claim_set, (conflicting_values,)).findings
    assert finding.severity is Severity.ERROR
    assert sorted(finding.sides) == ["5 km", "5 miles / 8 km"]
    hours = claim("hours", "visit", "distance", Quantity(amount=2, unit="hours"), "2025-03-01")
    claim_set = attrs.evolve(world(claims[0], hours), predicates=(*world().predicates, DISTANCE))
    [finding] = factlog.check(claim_set, (conflicting_values,)).findings
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("Values in units that do not convert")


def test_the_slot_counts_each_list_of_values_once_and_hands_out_empty_sets() -> None:
    """Two calls for the same values share one built set, yet each caller's members stay its own."""
    claims = [claim(f"c{n}", "visit", "troops-deployed", 1000 * (n % 3 + 1), "2025-03-01") for n in range(6)]
    index = factlog.Index.of(world(*claims))
    [entries] = [group for (subject, _, _), group in index.by_slot.items() if subject == "visit"]
    predicate = entries[0].predicate
    assert predicate is not None
    values = _slotvalues.Values(index, predicate, lambda entry: entry.proposition.object if entry.proposition else None)
    groups = list(values.groups(entries).values())
    first, second = values.clashes(groups), values.clashes(groups)
    assert first is not second
    assert len(values._clashes) == 1
    for number in range(len(groups)):
        first.add(number, len(groups[number]))
    assert first.total == 6
    assert second.total == 0
    assert second.clashing(0) == 0
    assert first.clashing(0) == 4  # the four claims of the two other figures

"""A few groups' clashes as a table: the sums it gives are what :class:`Clashes` counts (a brute-force oracle)."""

from __future__ import annotations

from unittest import mock

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Entity, EntityKind, Interval, Predicate
from factlog.analysis._clashes import Clashes
from factlog.analysis._clashtable import ClashTable
from factlog.analysis._values import quantity_ranges
from factlog.checks import _runs, conflicting_values
from tests.checks.test_runs import _brute_runs, _shown, _slot
from tests.helpers import world
from tests.strategies import dated_slot_claims, mixed_unit_slots, slot_values

BORDER = Entity(id="border", name="the border", kind=EntityKind.PLACE, part_of=("kursk", "ukraine"))
PLACES = st.sampled_from(["sudzha", "kursk", "russia", "ukraine", "border", "alpha"])


def _clashes(values: list[object], predicate: Predicate, *, several_wholes: bool) -> Clashes:
    border = BORDER if several_wholes else attrs.evolve(BORDER, part_of=("kursk",))
    claim_set = world()
    index = factlog.Index.of(attrs.evolve(claim_set, entities=(*claim_set.entities, border)))
    return Clashes(values, predicate, index.part_of(), lambda one, other: quantity_ranges([one, other], predicate))


@settings(max_examples=200)
@given(st.one_of(slot_values(max_size=8), mixed_unit_slots(max_size=8)), st.lists(PLACES, max_size=3), st.data())
def test_the_table_sums_to_what_clashes_counts(
    slot: tuple[dict[str, object], Predicate], places: list[str], data: st.DataObject
) -> None:
    """Any members, some groups repeated: each group's clashing and unconvertible members, as Clashes counts them."""
    values, predicate = slot
    drawn = [*values.values(), *places]
    several = data.draw(st.booleans())
    clashes = _clashes(drawn, predicate, several_wholes=several)
    table = ClashTable(clashes)
    counts = data.draw(st.lists(st.integers(0, 3), min_size=len(drawn), max_size=len(drawn)))
    members = clashes.empty()
    for group, count in enumerate(counts):
        if count:
            members.add(group, count)
    for group in range(len(drawn)):
        assert table.clashing(group, counts) == members.clashing(group)
        assert table.unconverted(group, counts) == members.unconvertible(group)


@settings(max_examples=100)
@given(dated_slot_claims())
def test_runs_counted_without_a_table_are_those_of_every_clique(drawn: list[tuple[object, Interval, str]]) -> None:
    """With no table built (MAX = 0), Clashes counting every set, the runs of every clique still."""
    _, values, dated = _slot(drawn)
    with mock.patch.object(ClashTable, "MAX", 0):
        found = _shown(list(_runs.conflict_runs(values, dated)))
    assert found == _shown(_brute_runs(values, dated))


@settings(max_examples=60)
@given(dated_slot_claims())
def test_findings_are_the_same_with_and_without_a_table(drawn: list[tuple[object, Interval, str]]) -> None:
    """The whole rule gives the same findings (ids, severities, messages, sides) whether tables are built or not."""
    claim_set, _, _ = _slot(drawn)
    found = factlog.check(claim_set, (conflicting_values,)).findings
    with mock.patch.object(ClashTable, "MAX", 0):
        expected = factlog.check(claim_set, (conflicting_values,)).findings
    assert [(f.id, f.severity, f.message, f.sides) for f in found] == [
        (f.id, f.severity, f.message, f.sides) for f in expected
    ]

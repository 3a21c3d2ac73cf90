"""A slot's layout against the explicit pairs it replaced: the same rivals, sums, sides and grounded labels."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Acceptance, ClaimSet, Estimate, Predicate, PredicateKind, Quantity
from factlog.analysis._values import compatible
from factlog.assessment._acceptance import grounded
from factlog.assessment._grounded import grounded_slot
from factlog.assessment._layout import Layout, sides
from factlog.model._vocabulary import object_key
from tests.assessment import explicit
from tests.helpers import lines_executed
from tests.strategies import mixed_unit_slots, slot_values

Slot = tuple[dict[str, object], Predicate]
STRENGTHS = [-1.0, 0.0, 0.3, 0.5, 1.0, 1.5, 2.0]  # differences of exactly the margin (0.5) included


@given(slot_values())
def test_rivals_are_what_the_sweep_found_incompatible(slot: Slot) -> None:
    """Each candidate's rivals (in rank order) are the candidates the explicit sweep did not pair with it."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    compatible = explicit.compatible_pairs(values, predicate)  # type: ignore[arg-type]
    listed = explicit.rivals(layout.names, compatible, [])
    for i, name in enumerate(layout.names):
        assert [layout.names[r] for r in layout.rivals(i)] == list(listed[name])
        assert all(
            layout.compatible(i, j) == (name == other or other in compatible[name])
            for j, other in enumerate(layout.names)
        )


@given(slot_values(), st.data())
def test_friend_sums_are_the_correctly_rounded_sums(slot: Slot, data: st.DataObject) -> None:
    """The sum over a candidate and its compatible ones is, to the last bit, math.fsum over them."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    numbers = st.floats(0, 1) | st.sampled_from([1e-300, 5e-324, 0.1, 1 / 3])
    weights = data.draw(st.lists(numbers, min_size=layout.size, max_size=layout.size))
    sums = layout.friend_sums(weights)
    for i in range(layout.size):
        friends = [weights[j] for j in range(layout.size) if layout.compatible(i, j)]
        assert sums[i] == math.fsum(friends)


@given(slot_values(), st.data())
def test_friend_least_is_the_least_over_compatible_candidates(slot: Slot, data: st.DataObject) -> None:
    """The least key over a candidate and its compatible candidates that have one, or None."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    keyed = data.draw(st.dictionaries(st.integers(0, max(0, layout.size - 1)), st.floats(-5, 5), max_size=layout.size))
    keys = {i: key for i, key in keyed.items() if i < layout.size}
    least = layout.friend_least(keys)
    for i in range(layout.size):
        expected = [keys[j] for j in range(layout.size) if j in keys and layout.compatible(i, j)]
        assert least[i] == (min(expected) if expected else None)


@given(slot_values(), st.data())
def test_first_rivals_are_the_first_chosen_rivals(slot: Slot, data: st.DataObject) -> None:
    """The first four chosen rivals of each candidate, in rank order, as a scan of its listed rivals finds them."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    chosen = data.draw(st.lists(st.booleans(), min_size=layout.size, max_size=layout.size))
    first = layout.first_rivals(chosen, 4)
    for i in range(layout.size):
        assert first[i] == [r for r in layout.rivals(i) if chosen[r]][:4]


@given(slot_values(max_size=24), st.data())
def test_grounded_labels_on_the_layout_equal_those_on_listed_attacks(slot: Slot, data: st.DataObject) -> None:
    """Grounded labels of candidates and denials equal Dung's labelling over the explicit rivals."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    compatible = explicit.compatible_pairs(values, predicate)  # type: ignore[arg-type]
    strengths = st.none() | st.sampled_from(STRENGTHS)
    strength = data.draw(st.lists(strengths, min_size=layout.size, max_size=layout.size))
    denied = data.draw(st.dictionaries(st.sampled_from(range(layout.size)), strengths) if layout.size else st.just({}))
    answers = [*layout.names, *(f"not:{layout.names[i]}" for i in sorted(denied))]
    listed = explicit.rivals(layout.names, compatible, [f"not:{layout.names[i]}" for i in sorted(denied)])
    known = {name: value for name, value in zip(layout.names, strength, strict=True) if value is not None}
    known |= {f"not:{layout.names[i]}": value for i, value in denied.items() if value is not None}
    expected = grounded(answers, listed, known)
    candidates, denials = grounded_slot(layout, strength, denied)
    assert dict(zip(layout.names, candidates, strict=True)) == {name: expected[name] for name in layout.names}
    assert {f"not:{layout.names[i]}": label for i, label in denials.items()} == {
        answer: expected[answer] for answer in answers if answer.startswith("not:")
    }


def _chain(size: int) -> tuple[Layout, list[float | None]]:
    """Nested ranges [-L, L] for L = size, size - 1, ..., each weaker than the last, and beside each a point just
    outside it but inside the range before, between the two in strength: each accepted range defends the next by
    rejecting that point, so the labelling takes ``size`` steps."""
    strength_of: dict[Quantity, float] = {}
    for n in range(size):
        strength_of[Quantity(amount=0, lower=n - size, upper=size - n)] = float(size - n)
        strength_of[Quantity(amount=size - n + 0.5)] = size - n - 0.75
    values = {str(object_key(value)): value for value in strength_of}
    predicate = Predicate(id="p", label="p", kind=PredicateKind.STATE, functional=True)
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    return layout, [strength_of[values[name]] for name in layout.names]


def test_a_long_chain_of_defences_is_labelled_like_the_listed_attacks() -> None:
    """Nested ranges, each accepted one defending the next: the same labels as with listed attacks."""
    layout, strength = _chain(40)
    listed = {name: tuple(layout.names[r] for r in layout.rivals(i)) for i, name in enumerate(layout.names)}
    known = {name: value for name, value in zip(layout.names, strength, strict=True) if value is not None}
    expected = grounded(layout.names, listed, known)
    candidates, _ = grounded_slot(layout, strength, {})
    assert candidates == [expected[name] for name in layout.names]
    assert candidates.count(Acceptance.ACCEPTED) == 40


def test_a_chain_of_defences_ten_times_longer_costs_about_ten_times_more() -> None:
    """Grounded labels of a chain of 2,000 defences cost under 14 times those of 200, in executed lines."""
    short, long = _chain(200), _chain(2_000)
    short_cost = lines_executed(lambda: grounded_slot(*short, {}))
    long_cost = lines_executed(lambda: grounded_slot(*long, {}))
    assert long_cost < 14 * short_cost, (short_cost, long_cost)


def _one_slot(size: int) -> ClaimSet:
    """``size`` claims, one source, each giving another count to one functional predicate with a ±10 % tolerance."""
    claims = [
        {
            "id": f"c{n}",
            "statement": f"A counts {n}.",
            "proposition": {"subject": "a", "predicate": "count", "object": {"amount": n * 1000 + 1}, "when": "2025"},
            "attribution": {"holder": "p" if n % 3 else "a"},
            "polarity": "denied" if n % 7 == 3 else "affirmed",
            "evidence": [{"source": "s", "quote": "q", "start": 0, "end": 1}],
        }
        for n in range(size)
    ]
    document = {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "p", "name": "P", "kind": "media-outlet"}],
        "predicates": [{"id": "count", "label": "number of", "kind": "state", "functional": True, "tolerance": 0.1}],
        "sources": [{"id": "s", "title": "T", "publisher": "p", "published": "2025-10"}],
        "claims": claims,
    }
    return factlog.loads(json.dumps(document))


@pytest.mark.parametrize("explain", [True, False])
def test_a_slot_with_ten_times_the_values_costs_about_ten_times_more(explain: bool) -> None:
    """2,000 values of one slot cost under 14 times 200 values to assess, in executed lines, with or without reasons."""
    small, large = _one_slot(200), _one_slot(2_000)
    small_cost = lines_executed(lambda: factlog.assess(small, explain=explain))
    large_cost = lines_executed(lambda: factlog.assess(large, explain=explain))
    assert large_cost < 14 * small_cost, (small_cost, large_cost)


@given(slot_values(), st.data())
def test_sides_are_what_a_scan_of_each_speakers_stances_finds(slot: Slot, data: st.DataObject) -> None:
    """Backers and opponents of each candidate: each speaker's strongest compatible stance, else one against it."""
    drawn = explicit.drawn_stances(slot, data)  # type: ignore[arg-type]
    if drawn is None:
        return
    layout, compatible, stances = drawn
    backers, opponents = sides(layout, {name: i for i, name in enumerate(layout.names)}, stances)
    for i, name in enumerate(layout.names):
        friends = compatible[name] | {name}
        assert backers[i] == explicit.side(stances, friends, name, backing=True)
        assert opponents[i] == explicit.side(stances, friends, name, backing=False)


@given(mixed_unit_slots())
def test_figures_compare_after_conversion_whatever_other_units_the_slot_holds(slot: Slot) -> None:
    """Two figures of a slot are compatible in the layout exactly when the pairwise rule says so (units mixed)."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    for i, first in enumerate(layout.names):
        for j, second in enumerate(layout.names):
            if i != j:
                assert layout.compatible(i, j) == compatible(values[first], values[second], predicate)


def test_miles_and_km_agree_beside_troops() -> None:
    """5 miles and about 8 km back each other though 3 troops is in the slot (trial t16, item 6)."""
    predicate = Predicate(id="p", label="p", kind=PredicateKind.STATE, functional=True)
    values = {
        "a": Quantity(amount=5, unit="miles"),
        "b": Quantity(amount=8, unit="km", estimate=Estimate.ABOUT),
        "c": Quantity(amount=3, unit="troops"),
    }
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    assert layout.compatible(0, 1)
    assert not layout.compatible(0, 2)
    assert not layout.compatible(1, 2)

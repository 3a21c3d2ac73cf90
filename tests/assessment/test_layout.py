"""A slot's layout against the explicit pairs it replaced: the same rivals, sums, sides and grounded labels."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from factlog import Acceptance, Predicate
from factlog.assessment._acceptance import grounded
from factlog.assessment._grounded import grounded_slot
from factlog.assessment._layout import Layout, sides
from tests.assessment import explicit
from tests.strategies import slot_values

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


def test_a_long_chain_of_defences_is_labelled_like_the_listed_attacks() -> None:
    """Nested ranges, each weaker than the last: each accepted value defends the next, as with listed attacks."""
    size = 40
    amounts = {}
    for n in range(size):  # value 2n is [-(size-n), size-n]; value 2n+1 a point just outside it, inside the last
        amounts[f"v{2 * n:03d}"] = (-(size - n), size - n)
        amounts[f"v{2 * n + 1:03d}"] = (size - n + 0.5, size - n + 0.5)
    layout = _intervals(amounts)
    strength = [size - k // 2 - 0.75 * (k % 2) for k in range(len(layout.names))]
    listed = {name: tuple(layout.names[r] for r in layout.rivals(i)) for i, name in enumerate(layout.names)}
    expected = grounded(layout.names, listed, dict(zip(layout.names, strength, strict=True)))
    candidates, _ = grounded_slot(layout, strength, {})
    assert candidates == [expected[name] for name in layout.names]
    assert candidates.count(Acceptance.ACCEPTED) == size


def _intervals(spans: dict[str, tuple[float, float]]) -> Layout:
    """A layout of plain ranges, by name."""
    names = tuple(sorted(spans))
    low = tuple(spans[name][0] for name in names)
    high = tuple(spans[name][1] for name in names)
    by_end = tuple(sorted(range(len(names)), key=lambda i: (high[i], i)))
    by_start = tuple(sorted(range(len(names)), key=lambda i: (low[i], i)))
    cut_end = tuple(sum(1 for j in names if spans[j][1] < low[i]) for i in range(len(names)))
    cut_start = tuple(len(names) - sum(1 for j in names if spans[j][0] > high[i]) for i in range(len(names)))
    return Layout(
        names, (0,) * len(names), low, high, by_end, by_start, cut_end, cut_start, frozenset(range(len(names)))
    )


@given(slot_values(), st.data())
def test_sides_are_what_a_scan_of_each_speakers_stances_finds(slot: Slot, data: st.DataObject) -> None:
    """Backers and opponents of each candidate: each speaker's strongest compatible stance, else one against it."""
    values, predicate = slot
    layout = Layout.of(values, predicate)  # type: ignore[arg-type]
    if not layout.size:
        return
    compatible = explicit.compatible_pairs(values, predicate)  # type: ignore[arg-type]
    answers = st.sampled_from([*layout.names, *(f"not:{name}" for name in layout.names)])
    stance = st.tuples(st.sampled_from([-1.0, -0.5]), answers)
    speakers = data.draw(st.lists(st.lists(stance, min_size=1, max_size=12), max_size=4))
    stances = [sorted((w, a, f"s{n}:{w}:{a}") for w, a in mine) for n, mine in enumerate(speakers)]
    backers, opponents = sides(layout, {name: i for i, name in enumerate(layout.names)}, stances)
    for i, name in enumerate(layout.names):
        friends = compatible[name] | {name}
        assert backers[i] == explicit.side(stances, friends, name, backing=True)
        assert opponents[i] == explicit.side(stances, friends, name, backing=False)

"""The explicit slot code that the layout replaced, kept as the brute-force oracle: every compatible pair listed."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from factlog.analysis._values import compatible, value_range
from factlog.assessment._layout import Layout
from factlog.model._nouns import Object, Predicate, Quantity


def compatible_pairs(values: dict[str, Object | None], predicate: Predicate) -> dict[str, frozenset[str]]:
    """Each value's compatible others: a sweep over date ranges sorted by start, quantities pair by pair."""
    found: dict[str, set[str]] = {value: set() for value in values}
    by_type: dict[type, list[tuple[float, float, str]]] = {}
    quantities = {value: obj for value, obj in values.items() if isinstance(obj, Quantity)}
    for value, obj in values.items():
        span = value_range(obj)
        if span is not None:
            by_type.setdefault(type(obj), []).append((span[0], span[1], value))
    # Quantities pair by pair (units that convert compare after conversion; others never agree).
    for value, obj in quantities.items():
        for other, second in quantities.items():
            if other != value and compatible(obj, second, predicate):
                found[value].add(other)
    for ranged in by_type.values():
        ranged.sort()
        active: list[tuple[float, str]] = []
        for low, high, value in ranged:
            active = [(end, other) for end, other in active if end >= low]
            for _, other in active:
                found[value].add(other)
                found[other].add(value)
            active.append((high, value))
    return {value: frozenset(others) for value, others in found.items()}


def rivals(
    candidates: Sequence[str], compatible: dict[str, frozenset[str]], denied: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """Every answer's rivals, listed: the incompatible candidates in order, then the candidate's denial."""
    found = {
        value: [other for other in candidates if other != value and other not in compatible[value]]
        for value in candidates
    }
    for answer in denied:
        found[answer] = [answer[4:]]
        found[answer[4:]].append(answer)
    return {answer: tuple(items) for answer, items in found.items()}


def side(
    stances: Sequence[Sequence[tuple[float, str, str]]], friends: frozenset[str], answer: str, *, backing: bool
) -> list[str]:
    """Each speaker's strongest stance for the answer (or a compatible one), or else against it: a scan."""
    chosen = []
    for mine in stances:
        backer = next((origin for _, a, origin in mine if a in friends), None)
        if backing:
            if backer is not None:
                chosen.append(backer)
            continue
        if backer is not None:
            continue
        against = (o for _, a, o in mine if a not in friends and (not a.startswith("not:") or a == f"not:{answer}"))
        opponent = next(against, None)
        if opponent is not None:
            chosen.append(opponent)
    return chosen


Stances = list[list[tuple[float, str, str]]]


def drawn_stances(
    slot: tuple[dict[str, Object | None], Predicate], data: st.DataObject
) -> tuple[Layout, dict[str, frozenset[str]], Stances] | None:
    """A slot's layout, its compatible values, and up to 4 speakers' stances drawn on it; None for an empty slot.

    Each speaker takes 1–12 stances, a weight (−1 or −0.5) and an answer (a value, or
    ``not:`` a value), sorted as the layout's sweeps take them, each with its own key.
    """
    values, predicate = slot
    layout = Layout.of(values, predicate)
    if not layout.size:
        return None
    answers = st.sampled_from([*layout.names, *(f"not:{name}" for name in layout.names)])
    stance = st.tuples(st.sampled_from([-1.0, -0.5]), answers)
    speakers = data.draw(st.lists(st.lists(stance, min_size=1, max_size=12), max_size=4))
    stances = [sorted((w, a, f"s{n}:{w}:{a}") for w, a in mine) for n, mine in enumerate(speakers)]
    return layout, compatible_pairs(values, predicate), stances

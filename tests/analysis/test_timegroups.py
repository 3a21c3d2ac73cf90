"""The interval sweeps against an O(n²) brute force over every pair of spans."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from factlog.analysis._timegroups import (
    SpanSet,
    cliques,
    components,
    definite_conflict,
    possible_conflict,
    time_groups,
)


@attrs.frozen
class Span:
    """What the sweeps read of an index entry: a span of days, a position, whether it is timed."""

    span: tuple[int, int]
    position: int
    timed: bool = True
    core: tuple[int, int] | None = None
    exact: bool = True


@st.composite
def sides(draw: st.DrawFn, offset: int = 0) -> list[Span]:
    starts = draw(st.lists(st.integers(0, 30), max_size=7))
    spans = []
    for number, start in enumerate(starts):
        length = draw(st.integers(0, 8))
        low = draw(st.integers(start, start + length))
        high = draw(st.integers(low, start + length))
        core = draw(st.sampled_from([None, (low, high)]))
        exact = draw(st.booleans())
        spans.append(Span((start, start + length), offset + number, draw(st.booleans()), core, exact))
    return spans


def _overlap(a: Span, b: Span) -> bool:
    return a.span[0] <= b.span[1] and b.span[0] <= a.span[1]


def _components_brute(first: list[Span], second: list[Span]) -> list[list[Span]]:
    everything = sorted(first + second, key=lambda s: s.position)
    group = {s.position: {s.position} for s in everything}
    for a in first:
        for b in second:
            if _overlap(a, b):
                merged = group[a.position] | group[b.position]
                for position in merged:
                    group[position] = merged
    found: list[list[Span]] = []
    seen: set[frozenset[int]] = set()
    for s in everything:
        members = frozenset(group[s.position])
        if members in seen:
            continue
        seen.add(members)
        both = {x.position for x in first} & members and {x.position for x in second} & members
        if both:
            found.append([x for x in everything if x.position in members])
    return found


@given(sides(), sides(offset=100))
def test_components_match_the_brute_force(first: list[Span], second: list[Span]) -> None:
    """Groups linked by overlaps across the two sides are the connected components a brute force finds."""
    assert components(first, second) == _components_brute(first, second)  # type: ignore[arg-type]


@given(sides(), sides(offset=100))
def test_possible_conflict_matches_the_brute_force(first: list[Span], second: list[Span]) -> None:
    """Some span of one side shares a day with some span of the other, exactly as every pair says."""
    expected = any(_overlap(a, b) for a in first for b in second)
    assert possible_conflict(first, second) == expected  # type: ignore[arg-type]


@given(sides(), sides(offset=100))
def test_a_sorted_span_set_meets_what_every_pair_meets(first: list[Span], second: list[Span]) -> None:
    """A span set asked about a group answers what the sweep and every pair answer."""
    expected = any(_overlap(a, b) for a in first for b in second)
    assert SpanSet(second).meets(first) == expected  # type: ignore[arg-type]


_ANY_SPANS = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=6)


@given(_ANY_SPANS, _ANY_SPANS)
def test_a_span_set_reads_backward_spans_as_the_sweep_does(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    """Spans ending before they start (never built, but possible in a view's data) give the sweep's answer."""
    ones = [Span(span, number) for number, span in enumerate(first)]
    others = [Span(span, 100 + number) for number, span in enumerate(second)]
    assert SpanSet(others).meets(ones) == possible_conflict(ones, others)  # type: ignore[arg-type]


@given(sides(), sides(offset=100), st.booleans())
def test_definite_conflict_matches_the_brute_force(affirmed: list[Span], denied: list[Span], event: bool) -> None:
    """Both undated, a state whose certain days meet, or an event inside an exact denied span: as every pair says."""
    pairs = [(a, d) for a in affirmed if a.timed for d in denied if d.timed]
    if any(not a.timed for a in affirmed) and any(not d.timed for d in denied):
        expected = True
    elif event:  # a denial with an inexact bound contains nothing for certain
        expected = any(d.exact and d.span[0] <= a.span[0] and a.span[1] <= d.span[1] for a, d in pairs)
    else:
        expected = any(
            a.core is not None and d.core is not None and a.core[0] <= d.core[1] and d.core[0] <= a.core[1]
            for a, d in pairs
        )
    assert definite_conflict(affirmed, denied, event=event) == expected  # type: ignore[arg-type]


def _time_groups_brute(entries: list[Span]) -> list[list[Any]]:
    ordered = sorted(entries, key=lambda s: (s.span[0], s.position))
    label = list(range(len(ordered)))
    for i, a in enumerate(ordered):
        for j, b in enumerate(ordered):
            if i < j and _overlap(a, b):
                old, new = label[j], label[i]
                label = [new if x == old else x for x in label]
    groups: dict[int, list[Span]] = {}
    for entry, group in zip(ordered, label, strict=True):
        groups.setdefault(group, []).append(entry)
    return sorted(groups.values(), key=lambda g: (g[0].span[0], g[0].position))


@given(sides())
def test_time_groups_are_the_components_of_the_overlap_graph(entries: list[Span]) -> None:
    """Chains of overlapping spans form one group; the sweep agrees with every pair compared."""
    assert time_groups(entries) == _time_groups_brute(entries)  # type: ignore[arg-type]


def _cliques_brute(entries: list[Span]) -> list[list[Span]]:
    covering: list[tuple[int, frozenset[int]]] = []
    for day in range(40):
        alive = frozenset(s.position for s in entries if s.span[0] <= day <= s.span[1])
        if alive:
            covering.append((day, alive))
    maximal = {members for _, members in covering if not any(members < other for _, other in covering)}
    first_day = {members: min(day for day, other in covering if other == members) for members in maximal}
    by_position = {s.position: s for s in entries}
    ordered = sorted(maximal, key=lambda members: (first_day[members], sorted(members)))
    return [[by_position[p] for p in sorted(members)] for members in ordered]


@given(sides())
def test_cliques_are_the_maximal_sets_alive_on_one_day(entries: list[Span]) -> None:
    """A overlapping B and B overlapping C, A and C apart: {A, B} and {B, C}, as a day-by-day scan finds."""
    assert cliques(entries) == _cliques_brute(entries)  # type: ignore[arg-type]


@given(sides(), st.randoms(use_true_random=False))
def test_cliques_in_a_given_order_are_the_sets_a_day_by_day_scan_finds(entries: list[Span], random: Any) -> None:
    """Ordered by numbers given per position, each set holds the claims a scan finds, in the order of the numbers."""
    numbers = list(range(len(entries)))
    random.shuffle(numbers)
    order = {s.position: number for s, number in zip(entries, numbers, strict=True)}
    expected = [sorted(members, key=lambda s: order[s.position]) for members in _cliques_brute(entries)]
    assert cliques(entries, order=order) == expected  # type: ignore[arg-type]

"""Places within places and speakers behind speakers: hierarchies walked once, not once per question.

When every entity lies directly within at most one other and ``part_of`` has no cycle,
the hierarchy is a forest: one depth-first walk numbers each entity with the interval
of its subtree (its entry number and the last number below it), and ``part`` lies
within ``whole`` exactly when its interval nests in ``whole``'s: O(1) per question,
O(n) once, however deep the chain. Otherwise (an entity in two wholes, or a cycle) the
questions walk ``part_of`` upwards, remembering the answers.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Callable, Iterable, Mapping

from factlog.model._vocabulary import PropositionKey

__all__ = ["Family", "PartOf", "families", "follow_affiliations", "part_of_map"]


class PartOf:
    """The ``part_of`` hierarchy of an entity registry: containment, intervals, ancestors."""

    def __init__(self, parents: Mapping[str, tuple[str, ...]]) -> None:
        """``parents``: canonical entity id to the canonical ids it lies directly within."""
        self.parents = {entity: tuple(p for p in wholes if p != entity) for entity, wholes in parents.items()}
        self.numbers: dict[str, tuple[int, int]] | None = self._number()
        self._above: dict[str, frozenset[str]] = {}
        self.nested = any(self.parents.values())
        """Whether some entity lies within another: without, no place is wider or narrower than another."""

    @property
    def tree(self) -> bool:
        """Whether every entity lies directly within at most one other, without cycles."""
        return self.numbers is not None

    def _number(self) -> dict[str, tuple[int, int]] | None:
        children: dict[str, list[str]] = {}
        roots: list[str] = []
        for entity, wholes in self.parents.items():
            if len(wholes) > 1:
                return None
            if wholes:
                children.setdefault(wholes[0], []).append(entity)
            else:
                roots.append(entity)
        numbers: dict[str, tuple[int, int]] = {}
        counter = 0
        for root in roots:
            entered = {root: counter}
            counter += 1
            stack = [(root, iter(children.get(root, ())))]
            while stack:
                entity, below = stack[-1]
                child = next(below, None)
                if child is None:
                    numbers[entity] = (entered[entity], counter - 1)
                    stack.pop()
                else:
                    entered[child] = counter
                    counter += 1
                    stack.append((child, iter(children.get(child, ()))))
        known = set(self.parents) | {p for wholes in self.parents.values() for p in wholes}
        if len(numbers) < len(known):
            return None  # a cycle: some entities hang from no root
        return numbers

    def interval(self, entity: str) -> tuple[int, int] | None:
        """In a forest, the entity's number and the last number of the entities within it."""
        return None if self.numbers is None else self.numbers.get(entity)

    def above(self, entity: str) -> frozenset[str]:
        """Every entity the entity lies within, transitively, itself excluded (remembered per entity)."""
        found = self._above.get(entity)
        if found is None:
            seen: set[str] = set()
            pending = [entity]
            while pending:
                for whole in self.parents.get(pending.pop(), ()):
                    if whole not in seen and whole != entity:
                        seen.add(whole)
                        pending.append(whole)
            found = self._above[entity] = frozenset(seen)
        return found

    def ancestors(self, entity: str) -> Iterable[str]:
        """The entities the entity lies within, nearest first (each once; a walk, nothing stored)."""
        if self.numbers is not None:
            current = self.parents.get(entity, ())
            while current and current[0] != entity:
                yield current[0]
                current = self.parents.get(current[0], ())
            return
        yield from sorted(self.above(entity))

    def within(self, part: str, whole: str) -> bool:
        """Whether ``part`` is ``whole`` or lies within it, transitively."""
        if part == whole:
            return True
        if self.numbers is not None:
            inner, outer = self.numbers.get(part), self.numbers.get(whole)
            return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]
        return whole in self.above(part)


def part_of_map(
    entities: Iterable[tuple[str, Iterable[str]]], canonical: Callable[[str], str]
) -> dict[str, tuple[str, ...]]:
    """Canonical entity id to the canonical ids of the wholes it names in ``part_of``."""
    return {canonical(entity): tuple(canonical(name) for name in wholes) for entity, wholes in entities}


class Family:
    """The places one proposition is stated at, all else equal: where wider and narrower keys are looked up.

    ``members``: place (canonical entity id) to the key stating the proposition there.
    In a forest the places are also kept sorted by their number, so the places within
    one are a slice (:meth:`within`): O(log n) plus the answer, however deep the chain.
    """

    def __init__(self) -> None:
        self.members: dict[str, PropositionKey] = {}
        self.numbered: list[tuple[int, str]] = []

    def add(self, place: str, key: PropositionKey, part_of: PartOf) -> None:
        """File the key stating the proposition at a place."""
        if place in self.members:
            return
        self.members[place] = key
        interval = part_of.interval(place)
        if interval is not None:
            insort(self.numbered, (interval[0], place))

    def within(self, place: str, part_of: PartOf) -> list[PropositionKey]:
        """The keys at places lying strictly within the place, in order of their place."""
        interval = part_of.interval(place)
        if part_of.tree:
            if interval is None:
                return []
            start, end = interval
            low = bisect_right(self.numbered, (start, "\U0010ffff"))
            high = bisect_right(self.numbered, (end, "\U0010ffff"))
            return [self.members[name] for _, name in self.numbered[low:high]]
        return [key for name, key in sorted(self.members.items()) if name != place and part_of.within(name, place)]

    def around(self, place: str, part_of: PartOf) -> list[PropositionKey]:
        """The keys at places the place lies strictly within, nearest first (a walk up ``part_of``)."""
        return [self.members[whole] for whole in part_of.ancestors(place) if whole in self.members]


def families(key: PropositionKey) -> list[tuple[tuple[object, ...], str]]:
    """The families a key belongs to, with its place in each: its entity object, each qualifier.

    Two keys of one family differ only in that place; a wider key of the family states
    the proposition at a place containing it (:meth:`~factlog.Index.broader_keys`).
    """
    subject, predicate, obj, qualifiers = key
    found: list[tuple[tuple[object, ...], str]] = []
    if obj is not None and obj[0] == "entity" and isinstance(obj[1], str):
        found.append((("object", subject, predicate, qualifiers), obj[1]))
    for number, (name, value) in enumerate(qualifiers):
        found.append(
            (("qualifier", subject, predicate, obj, qualifiers[:number] + qualifiers[number + 1 :], name), value)
        )
    return found


def follow_affiliations(entity: str, affiliation: Callable[[str], str | None], known: dict[str, str]) -> str:
    """The entity an entity ultimately speaks for: its affiliations walked up to the last.

    ``affiliation`` gives an entity's canonical affiliation (None: it has none);
    ``known`` holds the answers found so far and learns the answer for every entity
    passed on the way, so a chain of n affiliations costs O(n) over all calls, not
    O(n²). A walk that meets itself (a cycle) stops at the entity before the repeat and
    remembers nothing: the answer then depends on where one starts.
    """
    path, seen, current = [entity], {entity}, entity
    while True:
        found = known.get(current) if current != entity else None
        if found is not None:
            end = found
            break
        parent = affiliation(current)
        if parent is None:
            end = current
            break
        if parent in seen:
            return current
        seen.add(parent)
        path.append(parent)
        current = parent
    for step in path[1:]:
        known.setdefault(step, end)
    return end

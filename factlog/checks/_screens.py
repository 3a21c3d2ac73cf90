"""Which groups of claims a rule can report on, found before any list of them is built.

Most proposition keys hold one claim, and most of those holding two or more hold claims
of one polarity and one certainty: of the 75,214 keys of two claims or more among
548,779 at a million generated claims, 16,671 hold a committed affirmation and a
committed denial. :func:`key_screens` finds, in one pass shared by ``opposed_claims``,
``self_contradiction`` and ``understated_certainty``, the keys each can report on, and
for ``hollow_corroboration``, ``shared_wording`` and ``interested_denial`` the keys each
reads: one C-level pass a group (a set of its claims' polarities and certainties),
where each rule walked every group's claims in Python.

The same pass splits the groups it keeps by polarity and certainty, from the pairs it
read (``itertools.compress``), each claim's certainty kept in its entry: a rule reads it from its claim object
no more, and at a million claims, where the groups no longer fit in the processor's
caches, each such read is a trip to memory.
"""

from __future__ import annotations

from itertools import compress
from operator import attrgetter

import attrs

from factlog.analysis._index import Entry, Index
from factlog.model._scales import Certainty, Polarity

__all__ = ["POLARITIES", "Hedged", "KeyScreens", "Opposed", "key_screens"]

POLARITIES = tuple(Polarity)
"""Every polarity, in declaration order (``for polarity in Polarity`` without the enum's iterator)."""

# Each claim's polarity and certainty as their values (str): a set of these hashes in C, where
# the enum members' own __hash__ is a Python call.
_PAIR = attrgetter("polarity._value_", "certainty._value_")
_COMMITTED = {
    polarity: frozenset((polarity.value, c.value) for c in Certainty if c is not Certainty.UNCOMMITTED)
    for polarity in Polarity
}
_EITHER = frozenset().union(*_COMMITTED.values())
_ANY = {polarity: frozenset((polarity.value, c.value) for c in Certainty) for polarity in Polarity}
_HEDGED = [
    frozenset({(polarity.value, Certainty.POSSIBLE.value), (polarity.value, Certainty.CERTAIN.value)})
    for polarity in Polarity
]
_POSSIBLE = {polarity: (polarity.value, Certainty.POSSIBLE.value) for polarity in Polarity}
_CERTAIN = {polarity: (polarity.value, Certainty.CERTAIN.value) for polarity in Polarity}


@attrs.frozen
class Opposed:
    """A key's claims holding a committed affirmation and a committed denial, split by polarity.

    Every list keeps the group's order: ``committed`` the claims that are not
    uncommitted, ``affirmed`` and ``denied`` those of each polarity.
    """

    entries: list[Entry]
    committed: list[Entry]
    affirmed: list[Entry]
    denied: list[Entry]


@attrs.frozen
class Hedged:
    """A key's claims holding a possible and a certain claim of one polarity (``understated_certainty``).

    ``sides``: for each such polarity, in :data:`POLARITIES` order, its possible claims,
    its certain claims and the committed claims of the other polarity, each in the group's order.
    """

    entries: list[Entry]
    sides: tuple[tuple[Polarity, list[Entry], list[Entry], list[Entry]], ...]


@attrs.frozen
class KeyScreens:
    """The proposition keys some rule can report on, in index order."""

    opposed: list[list[Entry]]
    """Groups with a committed affirmation and a committed denial (``opposed_claims``, ``self_contradiction``).

    One figure in units spelled differently ("600 km", "600 kilometres") is one key
    (:func:`~factlog.model._vocabulary.object_key`), so one group.
    """
    hedged: list[list[Entry]]
    """Groups with a possible and a certain claim of one polarity (``understated_certainty``)."""
    mixed: frozenset[int]
    """The ``id`` of each group holding an affirmation and a denial, committed or not (``hollow_corroboration``)."""
    denying: frozenset[int]
    """The ``id`` of each group of two claims or more holding a denial; the groups live as long as the index."""
    opposed_sides: list[Opposed] = attrs.field(factory=list)
    """:attr:`opposed`, each split by polarity and certainty."""
    hedged_sides: list[Hedged] = attrs.field(factory=list)
    """:attr:`hedged`, each split by polarity and certainty."""
    several: list[list[Entry]] = attrs.field(factory=list)
    """Groups of two claims or more (``shared_wording``)."""
    sourced: list[list[Entry]] = attrs.field(factory=list)
    """Groups of two claims or more, or of one claim read in two sources or more (``hollow_corroboration``)."""
    denials: list[list[Entry]] = attrs.field(factory=list)
    """Groups holding a denial, committed or not (``interested_denial``)."""


def key_screens(index: Index) -> KeyScreens:
    """:class:`KeyScreens` of an index (or view), found in one pass and shared by the rules until claims are added.

    One C-level pass a group (the set of its claims' polarity and certainty), instead
    of each rule walking every group's claims: at a million generated claims the
    526,435 claims of keys holding two or more are read once, not once per rule, and
    the first claim of each key of one claim once, not once by each rule that reads it.
    """
    return index.memo("key_screens", _key_screens)


def _key_screens(index: Index) -> KeyScreens:
    affirmed, denied = _COMMITTED[Polarity.AFFIRMED], _COMMITTED[Polarity.DENIED]
    any_affirmed, any_denied = _ANY[Polarity.AFFIRMED], _ANY[Polarity.DENIED]
    opposed, hedged, mixed, denying = [], [], set(), set()
    opposed_sides, hedged_sides = [], []
    several, sourced, denials = [], [], []
    denial = Polarity.DENIED
    for group in index.by_key.values():
        if len(group) < 2:  # one claim: most keys
            only = group[0]
            if len(only.sources) > 1:
                sourced.append(group)
            if only.polarity is denial:
                denials.append(group)
            continue
        several.append(group)
        sourced.append(group)
        listed = list(map(_PAIR, group))
        pairs = set(listed)
        if not pairs.isdisjoint(any_denied):
            denying.add(id(group))
            denials.append(group)
            if not pairs.isdisjoint(any_affirmed):
                mixed.add(id(group))
                if not pairs.isdisjoint(affirmed) and not pairs.isdisjoint(denied):
                    opposed.append(group)
                    opposed_sides.append(
                        Opposed(
                            group,
                            list(compress(group, map(_EITHER.__contains__, listed))),
                            list(compress(group, map(affirmed.__contains__, listed))),
                            list(compress(group, map(denied.__contains__, listed))),
                        )
                    )
        if any(both <= pairs for both in _HEDGED):
            hedged.append(group)
            hedged_sides.append(Hedged(group, _hedged_sides(group, listed, pairs)))
    return KeyScreens(
        opposed, hedged, frozenset(mixed), frozenset(denying), opposed_sides, hedged_sides, several, sourced, denials
    )


def _hedged_sides(
    group: list[Entry], listed: list[tuple[str, str]], pairs: set[tuple[str, str]]
) -> tuple[tuple[Polarity, list[Entry], list[Entry], list[Entry]], ...]:
    """Each polarity with a possible and a certain claim: those claims, and the other polarity's committed ones."""
    return tuple(
        (
            polarity,
            list(compress(group, map(_POSSIBLE[polarity].__eq__, listed))),
            list(compress(group, map(_CERTAIN[polarity].__eq__, listed))),
            list(compress(group, map(_COMMITTED[polarity.opposite].__contains__, listed))),
        )
        for polarity, both in zip(POLARITIES, _HEDGED, strict=True)
        if both <= pairs
    )

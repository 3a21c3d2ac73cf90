"""Which groups of claims a rule can report on, found before any list of them is built.

Most proposition keys hold one claim, and most of those holding two or more hold claims
of one polarity and one certainty: of the 75,214 keys of two claims or more among
548,779 at a million generated claims, 16,671 hold a committed affirmation and a
committed denial. :func:`key_screens` finds, in one pass shared by ``opposed_claims``,
``self_contradiction`` and ``understated_certainty``, the keys each can report on, and
for ``hollow_corroboration`` and ``interested_denial`` which keys hold both polarities
or a denial: one C-level pass a group (a set of its claims' polarities and certainties),
where each rule walked every group's claims in Python.
"""

from __future__ import annotations

from operator import attrgetter

import attrs

from factlog.analysis._index import Entry, Index
from factlog.model._scales import Certainty, Polarity

__all__ = ["POLARITIES", "KeyScreens", "key_screens"]

POLARITIES = tuple(Polarity)
"""Every polarity, in declaration order (``for polarity in Polarity`` without the enum's iterator)."""

# Each claim's polarity and certainty as their values (str): a set of these hashes in C, where
# the enum members' own __hash__ is a Python call.
_PAIR = attrgetter("polarity._value_", "claim.certainty._value_")
_COMMITTED = {
    polarity: frozenset((polarity.value, c.value) for c in Certainty if c is not Certainty.UNCOMMITTED)
    for polarity in Polarity
}
_ANY = {polarity: frozenset((polarity.value, c.value) for c in Certainty) for polarity in Polarity}
_HEDGED = [
    frozenset({(polarity.value, Certainty.POSSIBLE.value), (polarity.value, Certainty.CERTAIN.value)})
    for polarity in Polarity
]


@attrs.frozen
class KeyScreens:
    """The proposition keys of two claims or more that some rule can report on, in index order."""

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
    """The ``id`` of each group holding a denial (``interested_denial``); the groups live as long as the index."""


def key_screens(index: Index) -> KeyScreens:
    """:class:`KeyScreens` of an index (or view), found in one pass and shared by the rules until claims are added.

    One C-level pass a group (the set of its claims' polarity and certainty), instead
    of each rule walking every group's claims: at a million generated claims the
    526,435 claims of keys holding two or more are read once, not once per rule.
    """
    return index.memo("key_screens", _key_screens)


def _key_screens(index: Index) -> KeyScreens:
    affirmed, denied = _COMMITTED[Polarity.AFFIRMED], _COMMITTED[Polarity.DENIED]
    any_affirmed, any_denied = _ANY[Polarity.AFFIRMED], _ANY[Polarity.DENIED]
    opposed, hedged, mixed, denying = [], [], set(), set()
    for group in index.by_key.values():
        if len(group) < 2:
            continue  # one claim: most keys
        pairs = set(map(_PAIR, group))
        if not pairs.isdisjoint(any_denied):
            denying.add(id(group))
            if not pairs.isdisjoint(any_affirmed):
                mixed.add(id(group))
                if not pairs.isdisjoint(affirmed) and not pairs.isdisjoint(denied):
                    opposed.append(group)
        if any(both <= pairs for both in _HEDGED):
            hedged.append(group)
    return KeyScreens(opposed, hedged, frozenset(mixed), frozenset(denying))

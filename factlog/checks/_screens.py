"""Which groups of claims a rule can report on, found before any list of them is built.

Most proposition keys hold one claim, and most of those holding two or more hold claims
of one polarity and one certainty: of the 75,214 keys of two claims or more among
548,779 at a million generated claims, 16,671 hold a committed affirmation and a
committed denial. :func:`key_screens` finds, in one pass shared by ``opposed_claims``,
``self_contradiction`` and ``understated_certainty``, the keys each can report on; the
other tests here are a C-level pass over one group (``map`` over an
:func:`operator.attrgetter`, stopping at the first match).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import attrs

from factlog.analysis._index import Entry, Index
from factlog.model._scales import Certainty, Polarity

__all__ = ["POLARITIES", "KeyScreens", "both_polarities", "holds_polarity", "key_screens"]

POLARITIES = tuple(Polarity)
"""Every polarity, in declaration order (``for polarity in Polarity`` without the enum's iterator)."""

_POLARITY = attrgetter("polarity")
# Each claim's polarity and certainty as their values (str): a set of these hashes in C, where
# the enum members' own __hash__ is a Python call.
_PAIR = attrgetter("polarity._value_", "claim.certainty._value_")
_COMMITTED = {
    polarity: frozenset((polarity.value, c.value) for c in Certainty if c is not Certainty.UNCOMMITTED)
    for polarity in Polarity
}
_HEDGED = [
    frozenset({(polarity.value, Certainty.POSSIBLE.value), (polarity.value, Certainty.CERTAIN.value)})
    for polarity in Polarity
]


def both_polarities(entries: Sequence[Entry]) -> bool:
    """Whether some claim affirms and some denies (committed or not); False for no claims."""
    return bool(entries) and entries[0].polarity.opposite in map(_POLARITY, entries)


def holds_polarity(entries: Sequence[Entry], polarity: Polarity) -> bool:
    """Whether some claim reads with this polarity (committed or not)."""
    return polarity in map(_POLARITY, entries)


@attrs.frozen
class KeyScreens:
    """The proposition keys of two claims or more that some rule can report on, in index order."""

    opposed: list[list[Entry]]
    """Groups with a committed affirmation and a committed denial (``opposed_claims``, ``self_contradiction``)."""
    hedged: list[list[Entry]]
    """Groups with a possible and a certain claim of one polarity (``understated_certainty``)."""


def key_screens(index: Index) -> KeyScreens:
    """:class:`KeyScreens` of an index (or view), found in one pass and shared by the rules until claims are added.

    One C-level pass a group (the set of its claims' polarity and certainty), instead
    of each rule walking every group's claims: at a million generated claims the
    526,435 claims of keys holding two or more are read once, not once per rule.
    """
    return index.memo("key_screens", _key_screens)


def _key_screens(index: Index) -> KeyScreens:
    affirmed, denied = _COMMITTED[Polarity.AFFIRMED], _COMMITTED[Polarity.DENIED]
    opposed, hedged = [], []
    for group in index.by_key.values():
        if len(group) < 2:
            continue  # one claim: most keys
        pairs = set(map(_PAIR, group))
        if not pairs.isdisjoint(affirmed) and not pairs.isdisjoint(denied):
            opposed.append(group)
        if any(both <= pairs for both in _HEDGED):
            hedged.append(group)
    return KeyScreens(opposed, hedged)

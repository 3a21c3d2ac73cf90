"""One holder's values told apart by the relays that carried them (what ``conflicting_values`` says then).

"14 civilians according to the agency but 12 according to the agency" says nothing a
reader can act on. When every claim of a finding has one holder and the sides came
through different relays, each side is named with its relays ("according to the agency
via Daily Meridian"), and the finding says what such a clash most likely is: a relay
misreporting the holder, not the holder contradicting itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index

__all__ = ["Relays"]


class Relays:
    """The relay words of a finding's sides, when one holder gave every value through different relays.

    ``groups`` are the finding's value groups, ``sides`` the same groups gathered into
    sides (lists of groups). :attr:`holder` is the one holder's name, or None when the
    claims have more than one holder or every side came through the same relays (the
    relays then tell nothing apart). Raises nothing.
    """

    def __init__(self, index: Index, groups: Sequence[Sequence[Entry]], sides: Sequence[Sequence[Sequence[Entry]]]):
        self.index = index
        self.holder: str | None = None
        self._words: dict[int, str] = {}  # id of a group -> its relays in words
        holders = {e.holder for group in groups for e in group}
        if len(holders) != 1:
            return
        for group in groups:
            self._words[id(group)] = self._relays(group)
        told = {tuple(self._words[id(group)] for group in side) for side in sides}
        if len(told) < 2:
            return
        self.holder = index.name(next(iter(holders)))
        self._days = {e.stated for group in groups for e in group}

    def _relays(self, group: Sequence[Entry]) -> str:
        """``via Daily Meridian``, ``via A → B and via C``, ``in its own words`` (its own source), as they come."""
        chains = dict.fromkeys(self._chain(e) for e in group)
        return phrasing.join("in its own words" if not chain else f"via {chain}" for chain in chains)

    def _chain(self, entry: Entry) -> str:
        """The claim's relays, outermost first; with none given, its source's publisher unless that is the holder."""
        via = entry.claim.attribution.via
        if not via:
            publisher = self.index.publisher(entry.sources[0]) if entry.sources else None
            via = () if publisher is None or publisher == entry.holder else (publisher,)
        return " → ".join(self.index.name(relay) for relay in via)

    def words(self, group: Sequence[Entry]) -> str:
        """What follows the holder's name for this group (`` via Daily Meridian``), or "" when relays are not told."""
        return f" {self._words[id(group)]}" if self.holder is not None else ""

    def verdict(self) -> str:
        """The finding's closing words on the relays (``; one holder through different relays: ...``), or ""."""
        name = self.holder
        if name is None:
            return ""
        if len(self._days) == 1:  # one day, or no day known: nothing suggests the holder spoke twice
            return (
                f"; one holder through different relays: likely a relay misreporting {name},"
                f" not {name} contradicting itself"
            )
        return (
            f"; one holder through different relays, stated on different days: a relay misreporting {name},"
            f" or {name} changing its account"
        )

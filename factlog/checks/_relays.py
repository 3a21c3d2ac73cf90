"""One holder's claims told apart by the relays that carried them (what ``conflicting_values`` says then).

"14 civilians according to the agency but 12 according to the agency" says nothing a
reader can act on. When every claim of a finding has one holder and the sides came
through different relays, each side is named with its relays ("according to the agency
via Daily Meridian"), and the finding says what such a clash most likely is: a relay
misreporting the holder, not the holder contradicting itself. Copies of one story
(``derived_from``), each saying it in its publisher's own voice, no copy on two sides,
are read alike: a copy misreporting the story. :func:`misreport` gives the same
reading of an affirmation against a denial (``opposed_claims``).
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index
from factlog.analysis._origins import copied_story, story_name

__all__ = ["Relays", "copies_verdict", "misreport"]


class Relays:
    """The relay words of a finding's sides, when one holder gave every value through different relays.

    ``groups`` are the finding's value groups, ``sides`` the same groups gathered into
    sides (lists of groups). :attr:`holder` is the one holder's name, or None when the
    claims have more than one holder or every side came through the same relays (the
    relays then tell nothing apart). With more than one holder, :meth:`verdict` still
    names copies of one story (:func:`copies_verdict`). Raises nothing.
    """

    def __init__(self, index: Index, groups: Sequence[Sequence[Entry]], sides: Sequence[Sequence[Sequence[Entry]]]):
        self.index = index
        self.holder: str | None = None
        self._copies = ""
        self._words: dict[int, str] = {}  # id of a group -> its relays in words
        holders = {e.holder for group in groups for e in group}
        if len(holders) != 1:
            self._copies = copies_verdict(index, [[e for group in side for e in group] for side in sides])
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
        chains = dict.fromkeys(self.chain(e) for e in group)
        return phrasing.join("in its own words" if not chain else f"via {chain}" for chain in chains)

    def chain(self, entry: Entry) -> str:
        """The claim's relays as the words travelled, the outlet last.

        With none given, its source's publisher, unless that is the holder.
        """
        via = entry.claim.attribution.via
        if not via:
            publisher = self.index.publisher(entry.sources[0]) if entry.sources else None
            via = () if publisher is None or publisher == entry.holder else (publisher,)
        return phrasing.relay_chain([self.index.name(relay) for relay in via])

    def words(self, group: Sequence[Entry]) -> str:
        """What follows the holder's name for this group (`` via Daily Meridian``), or "" when relays are not told."""
        return f" {self._words[id(group)]}" if self.holder is not None else ""

    def verdict(self) -> str:
        """The finding's closing words on the relays (``; one holder through different relays: ...``), or ""."""
        name = self.holder
        if name is None:
            return self._copies
        if len(self._days) == 1:  # one day, or no day known: nothing suggests the holder spoke twice
            return (
                f"; one holder through different relays: likely a relay misreporting {name},"
                f" not {name} contradicting itself"
            )
        return (
            f"; one holder through different relays, stated on different days: a relay misreporting {name},"
            f" or {name} changing its account"
        )


def copies_verdict(index: Index, sides: Sequence[Sequence[Entry]]) -> str:
    """``; copies of one story, Agency (“Title”): likely a copy misreporting it, ...``, or "".

    Said when every claim of every side is its source's publisher's own voice in a copy
    of one story (``derived_from``, followed to the source that copies none) or in that
    story itself, and no source is read on two sides. Raises nothing.
    """
    story = _told(index, sides[0][0]) if sides and sides[0] else None
    if story is None or any(_told(index, e) != story for side in sides for e in side):
        return ""
    seen: set[str] = set()
    for side in sides:
        copies = {source for e in side for source in e.sources}
        if copies & seen:
            return ""
        seen |= copies
    publisher = index.name(index.publisher(story) or index.claims.source_by_id[story].publisher)
    return (
        f"; copies of one story, {story_name(index, story)}: likely a copy misreporting it,"
        f" not {publisher} contradicting itself"
    )


def _told(index: Index, entry: Entry) -> str | None:
    """The story a claim tells in its publisher's own voice: the one its copy copies, or its own source."""
    story = copied_story(index, entry)
    if story is not None:
        return story
    source_id = entry.sources[0]
    return source_id if index.publisher(source_id) == entry.holder else None


def misreport(index: Index, yes: Sequence[Entry], no: Sequence[Entry]) -> tuple[str, str, str] | None:
    """How an affirmation and a denial read when they are one claim carried two ways: a misreport, not a dispute.

    Two readings: one holder whose affirming and denying claims, all stated on one day
    (or none given), came through relays none of which carried both sides (the agency
    "via Harbour Post" against the agency "via Daily Meridian"); or copies of one story
    (:func:`copies_verdict`). Gives the words that follow the affirming and the denying
    holders (`` via Harbour Post``; "" for copies) and the closing words (``; one holder
    through different relays: likely a relay misreporting ...``); None otherwise (one
    holder's claims stated on different days are left to ``self_contradiction``: a
    reversal). Raises nothing.
    """
    group = [*yes, *no]
    if len({e.holder for e in group}) != 1:
        copies = copies_verdict(index, [yes, no])
        return ("", "", copies) if copies else None
    first = group[0].stated
    if any(e.stated != first for e in group):
        return None
    relays = Relays(index, [yes, no], [[yes], [no]])
    chains = [{relays.chain(e) for e in side} for side in (yes, no)]
    if relays.holder is None or chains[0] & chains[1]:
        return None
    return relays.words(yes), relays.words(no), relays.verdict()

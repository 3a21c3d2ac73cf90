"""Origin labels: what an independent origin is called, and the party it speaks for.

An :class:`Origin` is labelled by its holders (``KCNA, Rodong Sinmun``), or, when all
its claims were read in copies of one story, after the story: ``Wire (“Title”),
relayed by Paper A, Paper B`` (the story's own voice, relayed by the copies'
publishers) or ``KCNA, relayed by Wire (“Title”)`` (a holder the story quotes).
:mod:`factlog.analysis._origins` groups the claims; this module names each group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from factlog.analysis._index import Entry, Index
from factlog.analysis._originals import original
from factlog.analysis._stories import all_roots, root_of, story_name
from factlog.analysis._voices import voice
from factlog.model._scales import Reliability

__all__ = ["Origin", "origin_of", "origin_words", "printed_party"]


@attrs.frozen
class Origin:
    """One independent origin: its holders' names, the party it speaks for, its claims."""

    label: str
    speaks_for: str
    entries: tuple[Entry, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources its claims were read in."""
        return tuple(dict.fromkeys(source for entry in self.entries for source in entry.sources))


def origin_words(index: Index, label: str, speaks_for: str) -> str:
    """An origin as a reader names it: its party, then its holders when the label does not start with it.

    ``Velmora, through VTV``; a story's own origin (``Continental Press Agency (“…”),
    relayed by …``) and a holder speaking for itself (``Continental Press Agency``) as
    labelled. Raises nothing.
    """
    party = index.name(speaks_for)
    if party in label.split(", ") or label.startswith(f"{party} (“"):
        return label
    return f"{party}, through {label}"


def _names(names: Sequence[str]) -> str:
    """Up to three names, then how many more."""
    names = list(dict.fromkeys(names))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def origin_of(index: Index, members: Sequence[Entry], party: str | None = None) -> Origin:
    """One origin of claims found to share it: its party (unless given), and its label.

    The label as :func:`~factlog.analysis._origins.origins` describes it.
    """
    if party is None:
        party = voice(index, members[0]) if len(members) == 1 else _party(index, members)
    # The party's own speakers first: "and 2 more" never hides the voice the origin is counted as.
    holders = [index.name(entry.holder) for entry in sorted(members, key=lambda e: e.speaks_for != party)]
    story = _story(index, members)
    if story is None:
        return Origin(_names(holders), party, tuple(members))
    publisher = index.publisher(story) or index.claims.source_by_id[story].publisher
    told = story_name(index, story)
    if index.speaks_for(publisher) == party:  # the story's own voice, relayed by the copies
        relays = [index.name(index.publisher(e.sources[0]) or e.holder) for e in members]
        return Origin(f"{told}, relayed by {_names(relays)}", party, tuple(members))
    return Origin(f"{_names(holders)}, relayed by {told}", party, tuple(members))


def _party(index: Index, members: Sequence[Entry]) -> str:
    """The party an origin of several claims speaks for: one voice, or where a copy joins several, never by id.

    The party of a story the members copy comes first (the copies relay it; joined with
    a claim of that party, the party rather than the publisher), then the party most
    members' voices speak for, then the earliest stated (``members`` are in
    :func:`~factlog.analysis._index.chronological` order): ids decide only between stories of two parties that one
    copy derives from alike.
    """
    voices = [voice(index, entry) for entry in members]
    if len(set(voices)) == 1:
        return voices[0]
    publishers = {
        publisher
        for entry in members
        for source_id in entry.sources
        if index.publisher(source_id) == entry.holder
        for root in all_roots(index, source_id)
        if (publisher := index.publisher(root)) is not None
    }
    copied = {index.speaks_for(publisher) for publisher in publishers}
    first = {party: place for place, party in reversed(list(enumerate(voices)))}
    return min(
        first,
        key=lambda party: (party not in copied, party not in publishers, -voices.count(party), first[party]),
    )


def printed_party(index: Index, members: Sequence[Entry], printing: Iterable[str]) -> str:
    """The party of an origin the wording joined: its original's publisher's (``_originals.original``).

    Its claims print one text, ``printing`` the sources whose words they share: the
    words are their original's, whose publisher's party the origin speaks for (where a
    claim of it speaks for that party; else as :func:`_party` tells). When the original
    cannot be told, the party among the stories it may be that is graded lowest (its
    best-graded holder in the origin holding claims in its own voice), conservatively:
    a copy is never graded above what it may have copied.
    """
    told = original(index, printing)
    voices = [voice(index, entry) for entry in members]
    candidates = (told.source,) if told.source is not None else told.tied
    parties = {
        index.speaks_for(publisher): None for story in candidates if (publisher := index.publisher(story)) is not None
    }
    held = [party for party in parties if party in voices]
    if not held:
        return _party(index, members)
    if len(held) == 1:
        return held[0]

    def grade(party: str) -> Reliability:
        graded = [
            entity.reliability if (entity := index.entity(entry.holder)) is not None else Reliability.F
            for entry in members
            if entry.speaks_for == party
        ]
        return max(graded, default=Reliability.F)

    first = {party: voices.index(party) for party in held}
    return min(held, key=lambda party: (grade(party), first[party]))


def _story(index: Index, members: Sequence[Entry]) -> str | None:
    """When every claim was read in a copy, the id of the one story (root source) they all derive from.

    None too for a story the claim set does not hold (a ``derived_from`` loaded with
    ``references=False``): it has no publisher or title to be named by; and for a claim
    that did not pass through the story (:func:`_through`): no relay is named it never had.
    """
    found = None
    for entry in members:
        root = root_of(index, entry.sources[0])
        if root is None or root not in index.claims.source_by_id or (found is not None and root != found):
            return None
        if not _through(index, entry, root):
            return None
        found = root
    return found


def _through(index: Index, entry: Entry, root: str) -> bool:
    """Whether a claim read in a copy passed through the story ``root`` the copy derives from.

    The copy's own voice prints the story; a holder the copy names passed through it
    only where it names the story's publisher among its relays (``via``), the holder is
    that publisher, or the story itself holds the claim by that holder (same proposition
    and polarity): a paragraph the copy added of its own (an analyst it alone quotes) is
    relayed by the copy, not by the story.
    """
    source_id = entry.claim.evidence[0].source
    publisher = index.publisher(root)
    if index.publisher(source_id) == entry.holder or publisher is None or entry.holder == publisher:
        return True  # the copy's own voice, or the story's publisher quoted: the story's words
    if any(index.vocabulary.entity(relay) == publisher for relay in entry.claim.attribution.via):
        return True  # the relays the claim names include the story's publisher
    if entry.key is None:
        return False
    return any(
        other.holder == entry.holder and other.polarity == entry.polarity and root in other.sources
        for other in index.key_group(entry.key)
    )

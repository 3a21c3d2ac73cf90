"""Voices: whom a claim's origin speaks for, and the holders and stories a copy repeats.

A claim in its holder's own words speaks for its holder's party. A claim a copy prints
in its publisher's own voice speaks for the story it copies (the root of its
``derived_from``), or repeats the holders that story names for it (:func:`repeated`).
:mod:`factlog.analysis._origins` joins claims into origins through these voices, and
:mod:`factlog.analysis._originlabels` names the origins by them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factlog.analysis._index import Entry, Index
from factlog.analysis._stories import all_roots, copied_story, copy_sources, roots_of, source_parties
from factlog.analysis._wording import repeats, words_of

__all__ = ["copied_stories", "joined_parents", "repeated", "voice", "voices"]

_UNSEEN: Any = object()


def repeated(index: Index, entry: Entry) -> tuple[str, ...]:
    """The holders a copy's own-voice claim repeats: those of its story's claims, when none is the story's own.

    The claims of the same proposition and polarity read in a story the claim's first
    source copies (each source its ``derived_from`` names, and their roots), when each
    is held by a holder the story names, not in its publisher's own voice: a wire
    writing "…, the agency said" and a paper running the wire with the sentence as its
    own repeat the agency. Sorted ids; ``()`` for any other claim (most claims: read in
    no copy), or when a story says it in its own voice too. Each proposition's claims
    are tabled by source once per index. Raises nothing.
    """
    source_id = entry.sources[0] if entry.sources else ""
    if entry.key is None or source_id not in copy_sources(index):
        return ()
    if index.publisher(source_id) != entry.holder:
        return ()
    tables: dict[object, dict[tuple[object, str], set[str] | None]] = index.memo("origins:held", lambda _: {})
    table = tables.get(entry.key)
    if table is None:
        table = tables[entry.key] = _held(index, index.key_group(entry.key))
    held: set[str] = set()
    parents = joined_parents(index, entry, source_id)
    for story in dict.fromkeys((*parents, *roots_of(index, parents))):
        holders = table.get((entry.polarity, story), set())
        if holders is None:
            return ()  # the story's own voice: the copy is the story's
        held.update(holders)
    return tuple(sorted(held))


def _held(index: Index, group: Sequence[Entry]) -> dict[tuple[object, str], set[str] | None]:
    """(polarity, source) → the holders a source names for one proposition's claims; None where it says it itself."""
    table: dict[tuple[object, str], set[str] | None] = {}
    parties = source_parties(index)
    for other in group:
        for read_in in other.sources:
            party = parties.get(read_in, _UNSEEN)
            if party is _UNSEEN:
                publisher = index.publisher(read_in)
                party = parties[read_in] = None if publisher is None else index.speaks_for(publisher)
            place = (other.polarity, read_in)
            if party is None or party == other.speaks_for:
                table[place] = None
            else:
                holders = table.setdefault(place, set())
                if holders is not None:
                    holders.add(other.holder)
    return table


def voice(index: Index, entry: Entry) -> str:
    """Who a claim's origin speaks for: its holder's party; for a copy's own voice, the copied story's publisher.

    The publisher itself, not the party it is affiliated to: a copy is the story's voice
    (:func:`~factlog.analysis._origins.origins` joins it with that party only through a claim the publisher holds).
    For a copy repeating a holder its story names (:func:`repeated`): that holder's party.
    """
    holders = repeated(index, entry)
    if holders:
        return index.speaks_for(holders[0])
    root = copied_story(index, entry)
    if root is None:
        return entry.speaks_for
    source_id = entry.sources[0]
    root = next(
        (r for r in roots_of(index, joined_parents(index, entry, source_id)) if r in index.claims.source_by_id), root
    )
    publisher = index.publisher(root)
    return entry.speaks_for if publisher is None else publisher


def copied_stories(index: Index, entry: Entry) -> tuple[str, ...]:
    """Every story a claim copies (the roots of each ``derived_from`` of its first source), in its own voice.

    ``()`` unless the claim is its first source's publisher's own voice in a copy; stories
    the claim set does not hold are left out. :func:`~factlog.analysis._stories.copied_story` follows the first
    ``derived_from`` alone (one origin to name); an interest follows each of them.
    """
    source_id = entry.sources[0]
    if source_id not in copy_sources(index) or index.publisher(source_id) != entry.holder:
        return ()  # most claims: read in no copy
    by_id = index.claims.source_by_id
    return tuple(root for root in all_roots(index, source_id) if root in by_id)


def voices(index: Index, entry: Entry) -> tuple[str, ...]:
    """Every party a claim may speak for: its holder's; for a copy's own voice, each copied story's publisher's too.

    A copy ``derived_from`` the accused's release and a wire story may run either's words:
    an interest of any of them is the claim's, whatever the order ``derived_from`` lists them in;
    and the accused running another's story in its own voice is still the accused speaking.
    """
    stories = copied_stories(index, entry)
    if not stories:
        return (entry.speaks_for,)
    found = {index.speaks_for(publisher) for root in stories if (publisher := index.publisher(root)) is not None}
    found.update(index.speaks_for(holder) for holder in repeated(index, entry))
    return tuple(sorted(found | {entry.speaks_for}))


def joined_parents(index: Index, entry: Entry, source_id: str) -> tuple[str, ...]:
    """The ``derived_from`` of a copy a claim read in it joins: one story, when the copy names several.

    A copy derived from two stories that each hold the claim (same proposition and
    polarity) joins the one whose claim its words repeat (:func:`~factlog.analysis._wording.repeats`),
    else the first listed holding it: a copier never joins the origins of the stories it
    copies. Every parent when one holds the claim or none does. Raises nothing.
    """
    source = index.claims.source_by_id.get(source_id)
    parents = () if source is None else source.derived_from
    if len(parents) <= 1 or entry.key is None:
        return parents
    memo: dict[tuple[int, str], tuple[str, ...]] = index.memo("origins:parents", lambda _: {})
    found = memo.get((entry.position, source_id))
    if found is not None:
        return found
    words = next((words_of(e.quote) for e in entry.claim.evidence if e.source == source_id), ())
    held: list[str] = []
    matched: list[str] = []
    for parent in parents:
        stories = {parent, *all_roots(index, parent)}
        for other in index.key_group(entry.key):
            if other is entry or other.polarity != entry.polarity:
                continue
            read = [e for e in other.claim.evidence if e.source in stories]
            if not read:
                continue
            held.append(parent)
            for evidence in read:
                publisher = index.publisher(evidence.source)
                credited = publisher is not None and index.speaks_for(publisher) != other.speaks_for
                if repeats(words, words_of(evidence.quote, quoted=credited), credited=credited):
                    matched.append(parent)
    chosen = matched or held
    found = memo[(entry.position, source_id)] = parents if len(set(chosen)) <= 1 and not matched else (chosen[0],)
    return found

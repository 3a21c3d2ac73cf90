"""Independent origins: which claims are really one voice repeated.

Within a group of claims (about one proposition), two claims share an origin when

* their holders speak for the same party (same holder, or affiliated: KCNA speaks for
  the DPRK government), however many relays each passed through; or
* one is the publisher's own voice in a source derived from another (``derived_from``:
  a syndicated copy, a rewrite of a press release): that is the voice of the story it
  copies, whose root (the source that copies none) is the origin of every copy's own
  voice, one with what the root's publisher holds itself in the group. Two papers
  printing a wire story in their own words are one origin, the wire's. A copy joins the
  story, not the whole party of its publisher: a paper running a space agency's release
  is not the state news agency affiliated to the same government (that agency and the
  space agency are one party where both hold claims, through ``affiliation``; a copy of
  the release reaches that party only through a claim the space agency holds, or one a
  story it copies says in its publisher's party's voice: the state agency's story
  quoting the space agency is that party's, and a copy of it repeats that claim); or
* one is the publisher's own voice in a copy, and the story it copies holds the claim
  (same proposition and polarity) only by a named holder, not in its own voice (the
  wire: "…, the agency said"; the copy prints the sentence as its own): the copy repeats
  that holder, and is that holder's origin, not a voice of the story's publisher.

Only the copying path is merged: a holder the copied story quotes (a state broadcaster
whose denial the wire reports) stays an origin of its own, the party it speaks for,
however many copies carry it; copies only say that those copies are one (the story's).

A union-find over claims and the parties they stand for: linear in the size of the
group, each source's roots found once per index however long its ``derived_from`` chain.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import attrgetter

import attrs

from factlog.analysis._dependence import dependence
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._originlabels import Origin, origin_of, origin_words, printed_party
from factlog.analysis._stories import (
    copied_story,
    copy_sources,
    declared_groups,
    roots_of,
    source_story,
    story_name,
)
from factlog.analysis._unionfind import UnionFind
from factlog.analysis._voices import copied_stories, joined_parents, repeated, voice, voices
from factlog.analysis._wording import echoes
from factlog.errors import expect

__all__ = [
    "Origin",
    "copied_stories",
    "copied_story",
    "copy_sources",
    "declared_groups",
    "origin_words",
    "origins",
    "repeated",
    "source_story",
    "story_name",
    "voice",
    "voices",
]

_SOURCES = attrgetter("sources")
_SPEAKS_FOR = attrgetter("speaks_for")


def may_share_origin(index: Index, entries: Sequence[Entry]) -> bool:
    """False when the claims certainly come from two origins or more; a quick test before :func:`origins`.

    Exact: claims join only through the parties each stands for (:func:`_parties`), so
    they are one origin when those parties are one, or are linked by copies of several
    stories (a claim standing for two parties joins them). The sets of parties are
    joined once each, however many claims share one.
    """
    copies = copy_sources(index)
    if copies.isdisjoint(chain.from_iterable(map(_SOURCES, entries))):
        # Most groups: read in no copy, so each claim joins only the party it speaks for
        # (what _parties gives it), found in C without a call a claim.
        return len(set(map(_SPEAKS_FOR, entries))) <= 1
    distinct = dict.fromkeys(_keys(index, entries))
    if len(distinct) <= 1:
        return True
    if all(len(parties) == 1 for parties in distinct):
        return False  # one party a claim, and two parties or more: nothing joins them
    sets: UnionFind[str] = UnionFind()
    for first, *others in distinct:
        for party in others:
            sets.union(first, party)
    return len({sets.find(parties[0]) for parties in distinct}) == 1


def _parties(index: Index, entry: Entry) -> tuple[str, ...]:
    """What a claim joins, as union-find keys.

    ``p:`` and the party its holder speaks for; but for a source that is a copy and the
    claim its publisher's own voice, every story the copy derives from instead: ``h:``
    and the root's publisher (``s:`` and the id of a root not in the set), or ``p:`` and
    the party of each holder the story names for it (:func:`repeated`).
    """
    if copy_sources(index).isdisjoint(entry.sources):
        return ("p:" + entry.speaks_for,)  # most claims: read in no copy
    holders = repeated(index, entry)
    if holders:
        return tuple(dict.fromkeys("p:" + index.speaks_for(holder) for holder in holders))
    found: dict[str, None] = {}
    for source_id in entry.sources or ("",):
        roots = (
            roots_of(index, joined_parents(index, entry, source_id))
            if index.publisher(source_id) == entry.holder
            else ()
        )
        if not roots:
            found["p:" + entry.speaks_for] = None
        for root in roots:
            publisher = index.publisher(root)
            found["s:" + root if publisher is None else "h:" + publisher] = None
    return tuple(found)


def _keys(index: Index, entries: Sequence[Entry]) -> list[tuple[str, ...]]:
    """Each claim's :func:`_parties`, a story's publisher (``h:``) made its party where it holds a claim of the group.

    A copy is the story's, and so its publisher's where the publisher speaks in the group
    itself; the publisher's party (every holder affiliated to it) it reaches only so.
    """
    found = [_parties(index, entry) for entry in entries]
    if not any(key.startswith("h:") for keys in found for key in keys):
        return found  # most groups: no copy of a story the set holds
    held = {entry.holder for entry, keys in zip(entries, found, strict=True) if keys == ("p:" + entry.speaks_for,)}
    # A story's publisher holds what the story says in its party's voice (an agency of its government quoted).
    held.update(
        publisher
        for entry, keys in zip(entries, found, strict=True)
        if keys == ("p:" + entry.speaks_for,)
        for source_id in entry.sources
        if (publisher := index.publisher(source_id)) is not None and index.speaks_for(publisher) == entry.speaks_for
    )
    return [
        tuple(
            dict.fromkeys(
                "p:" + index.speaks_for(key[2:]) if key.startswith("h:") and key[2:] in held else key for key in keys
            )
        )
        for keys in found
    ]


def _joined(
    index: Index, entries: Sequence[Entry], echoed: dict[int, dict[str, None]] | None = None
) -> dict[str, list[Entry]]:
    """The claims grouped by origin (in the order given), each group keyed by a representative.

    With ``echoed`` (a mapping to fill), claims printing one wording
    (:func:`~factlog.analysis._wording.echoes`, by proposition and polarity) join too,
    and the position of every claim of a group that only the wording joined (no
    holder, party or ``derived_from`` did) is mapped to the sources whose words the
    group's claims share (every echo joined into it, in order).
    """
    sets: UnionFind[str] = UnionFind()
    find, union = sets.find, sets.union
    for entry, keys in zip(entries, _keys(index, entries), strict=True):
        node = f"c:{entry.position}"
        for party in keys:
            union(node, party)
    before: dict[int, str] = {}  # each claim's group before the wording joins any
    printed: list[tuple[int, tuple[str, ...]]] = []  # each echo: a claim of it, and the sources printing its words
    if echoed is not None and len(entries) > 1:
        sides: dict[tuple[object, object], list[Entry]] = {}
        for entry in entries:
            sides.setdefault((entry.key, entry.polarity), []).append(entry)
        for side in sides.values():
            for echo in echoes(index, side):
                if not before:
                    before = {e.position: find(f"c:{e.position}") for e in entries}
                first = echo.entries[0]
                printed.append((first.position, echo.sources))
                for entry in echo.entries:
                    union(f"c:{first.position}", f"c:{entry.position}")
        depends = dependence(index)
        if depends:  # sources found copying elsewhere: their agreeing own-voice claims are the same copying
            for side in sides.values():
                seen: dict[tuple[str, ...], Entry] = {}
                for entry in side:
                    for source_id in entry.sources:
                        copying = depends.get(source_id)
                        publisher = index.publisher(source_id)
                        if copying is None or publisher is None or index.speaks_for(publisher) != entry.speaks_for:
                            continue  # no copying found, or a holder the source names: not its own voice
                        other = seen.setdefault(copying, entry)
                        if other is not entry and find(f"c:{other.position}") != find(f"c:{entry.position}"):
                            if not before:
                                before = {e.position: find(f"c:{e.position}") for e in entries}
                            printed.append((other.position, copying))
                            union(f"c:{other.position}", f"c:{entry.position}")
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(find(f"c:{entry.position}"), []).append(entry)
    if before and echoed is not None:
        wording: dict[str, dict[str, None]] = {}
        for position, sources in printed:
            wording.setdefault(find(f"c:{position}"), {}).update(dict.fromkeys(sources))
        for group, members in groups.items():
            if len({before[e.position] for e in members}) > 1:
                echoed.update((e.position, wording[group]) for e in members)
    return groups


def origins(index: Index, entries: Sequence[Entry], *, wording: bool = False) -> list[Origin]:
    """The independent origins of a group of claims, ordered by their first claim.

    Claims are taken in the order they were stated (then by id), so the result does
    not depend on the order they were given in. ``entries`` are entries of ``index``
    (``[]`` gives ``[]``); each :class:`Origin` holds its entries, speaks for the party
    of its claims' :func:`~factlog.analysis._voices.voice` (where a copy joins several:
    see :func:`~factlog.analysis._originlabels._party`) and is labelled by its holders
    (:mod:`factlog.analysis._originlabels`), or, when all its claims were read in copies of one story,
    after the story: ``Wire (“Title”), relayed by Paper A, Paper B`` (the story's own
    voice, relayed by the copies' publishers) or ``KCNA, relayed by Wire (“Title”)`` (a
    holder the story quotes).
    With ``wording``, claims in their publishers' own voice that print one text (eight
    words in a row, :mod:`factlog.analysis._wording`), or the words another source
    credits to a named holder, in sources no ``derived_from`` joins are one origin too,
    as the copies they most likely are: where the wording joins them, the label ends
    ", printing one wording (no derived_from)", or ", printing one wording" where a
    declared ``derived_from`` joins their sources. ``factlog assess`` and the
    report's dispute panels count them so; ``factlog check`` reports them
    (``shared_wording``).
    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for an ``index``
    that is no :class:`~factlog.Index`, nothing for entries of ``index``.
    """
    expect(index, Index, "factlog.origins: index", "an Index (factlog.Index.of(claims))")
    if len(entries) == 1:  # most groups: one claim, one origin
        return [origin_of(index, entries)]
    if not wording:
        return [origin_of(index, members) for members in _joined(index, chronological(entries)).values()]
    echoed: dict[int, dict[str, None]] = {}
    found = []
    for members in _joined(index, chronological(entries), echoed).values():
        printing = echoed.get(members[0].position)
        origin = origin_of(index, members, None if printing is None else printed_party(index, members, printing))
        if printing is not None:  # the wording joined it: "(no derived_from)" unless one joins its sources
            declared = len(declared_groups(index, origin.sources)) == 1
            suffix = "" if declared else " (no derived_from)"
            origin = attrs.evolve(origin, label=f"{origin.label}, printing one wording{suffix}")
        found.append(origin)
    return found

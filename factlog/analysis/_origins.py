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

from collections.abc import Iterable, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

import attrs

from factlog.analysis._dependence import dependence
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._originals import original
from factlog.analysis._stories import (
    all_roots,
    copied_story,
    copy_sources,
    declared_groups,
    root_of,
    roots_of,
    source_parties,
    source_story,
    story_name,
)
from factlog.analysis._unionfind import UnionFind
from factlog.analysis._wording import echoes, repeats, words_of
from factlog.errors import expect
from factlog.model._scales import Reliability

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
    "voices",
]

_SOURCES = attrgetter("sources")
_UNSEEN: Any = object()
_SPEAKS_FOR = attrgetter("speaks_for")


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
    parents = _parents(index, entry, source_id)
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
    (:func:`origins` joins it with that party only through a claim the publisher holds).
    For a copy repeating a holder its story names (:func:`repeated`): that holder's party.
    """
    holders = repeated(index, entry)
    if holders:
        return index.speaks_for(holders[0])
    root = copied_story(index, entry)
    if root is None:
        return entry.speaks_for
    source_id = entry.sources[0]
    root = next((r for r in roots_of(index, _parents(index, entry, source_id)) if r in index.claims.source_by_id), root)
    publisher = index.publisher(root)
    return entry.speaks_for if publisher is None else publisher


def copied_stories(index: Index, entry: Entry) -> tuple[str, ...]:
    """Every story a claim copies (the roots of each ``derived_from`` of its first source), in its own voice.

    ``()`` unless the claim is its first source's publisher's own voice in a copy; stories
    the claim set does not hold are left out. :func:`copied_story` follows the first
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
        roots = roots_of(index, _parents(index, entry, source_id)) if index.publisher(source_id) == entry.holder else ()
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


def _parents(index: Index, entry: Entry, source_id: str) -> tuple[str, ...]:
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
    of its claims' :func:`voice` (where a copy joins several: see :func:`_party`) and is
    labelled by its holders, or, when all its claims were read in copies of one story,
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
        return [_origin(index, entries)]
    if not wording:
        return [_origin(index, members) for members in _joined(index, chronological(entries)).values()]
    echoed: dict[int, dict[str, None]] = {}
    found = []
    for members in _joined(index, chronological(entries), echoed).values():
        printing = echoed.get(members[0].position)
        origin = _origin(index, members, None if printing is None else _printed_party(index, members, printing))
        if printing is not None:  # the wording joined it: "(no derived_from)" unless one joins its sources
            declared = len(declared_groups(index, origin.sources)) == 1
            suffix = "" if declared else " (no derived_from)"
            origin = attrs.evolve(origin, label=f"{origin.label}, printing one wording{suffix}")
        found.append(origin)
    return found


def _names(names: Sequence[str]) -> str:
    """Up to three names, then how many more."""
    names = list(dict.fromkeys(names))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _origin(index: Index, members: Sequence[Entry], party: str | None = None) -> Origin:
    """One origin of claims found to share it: its party (unless given), and its label (see :func:`origins`)."""
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
    :func:`chronological` order): ids decide only between stories of two parties that one
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


def _printed_party(index: Index, members: Sequence[Entry], printing: Iterable[str]) -> str:
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

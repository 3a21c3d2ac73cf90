"""Independent origins: which claims are really one voice repeated.

Within a group of claims (about one proposition), two claims share an origin when

* their holders speak for the same party (same holder, or affiliated: KCNA speaks for
  the DPRK government), however many relays each passed through; or
* one is the publisher's own voice in a source derived from another (``derived_from``:
  a syndicated copy, a rewrite of a press release): that is the voice of the story it
  copies, whose root (the source that copies none) is the origin of every copy's own
  voice, joined with its publisher's party. Two papers printing a wire story in their
  own words are one origin, the wire's.

Only the copying path is merged: a holder the copied story quotes (a state broadcaster
whose denial the wire reports) stays an origin of its own, the party it speaks for,
however many copies carry it; copies only say that those copies are one (the story's).

A union-find over claims, parties and sources: linear in the size of the group (each
``derived_from`` chain walked once per call, and each source's root found once per index).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._unionfind import UnionFind
from factlog.errors import expect

__all__ = ["Origin", "copied_story", "origin_words", "origins", "story_name"]


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


def copied_story(index: Index, entry: Entry) -> str | None:
    """The root of the story a claim copies, when it is its first source's publisher's own voice in a copy."""
    source_id = entry.claim.evidence[0].source
    if index.publisher(source_id) != entry.holder:
        return None
    return _root(index, source_id)


def story_name(index: Index, root: str) -> str:
    """A story as labels name it, its publisher and title: ``Wire (“Title”)``; KeyError for an unknown source."""
    source = index.claims.source_by_id[root]
    return f"{index.name(index.publisher(root) or source.publisher)} (“{source.title}”)"


def _root(index: Index, source_id: str) -> str | None:
    """The source a copy was copied from, followed back (first ``derived_from``) to one that copies none.

    None for a source that copies none, or an unknown one. Each source's root is found
    once per index and kept for every source on the way: a chain costs its length.
    """
    roots: dict[str, str | None] = index.memo("origins:roots", lambda _: {})
    if source_id in roots:
        return roots[source_id]
    by_id = index.claims.source_by_id
    path: list[str] = []
    current = source_id
    while True:
        source = by_id.get(current)
        if source is None or not source.derived_from or current in path:
            root = None if current == source_id else current
            break
        path.append(current)
        current = source.derived_from[0]
        if current in roots:
            root = roots[current] or current
            break
    for step in path:
        roots[step] = root
    roots.setdefault(source_id, root)
    return root


def voice(index: Index, entry: Entry) -> str:
    """The party a claim's origin speaks for: its holder's; for a copy's own voice, the copied story's publisher's."""
    root = copied_story(index, entry)
    if root is None:
        return entry.speaks_for
    publisher = index.publisher(root)
    return entry.speaks_for if publisher is None else index.speaks_for(publisher)


def may_share_origin(index: Index, entries: Sequence[Entry]) -> bool:
    """False when the claims certainly come from two origins or more; a quick test before :func:`origins`.

    Claims join only through the party their origin speaks for (:func:`voice`), or
    through a copy's own voice in a source copying several stories: with no such copy,
    two parties are two origins.
    """
    first = None
    for entry in entries:
        party = voice(index, entry)
        if first is None:
            first = party
        elif party != first:
            return any(_several_stories(index, e) for e in entries)
    return True


def _several_stories(index: Index, entry: Entry) -> bool:
    """Whether the claim is its publisher's own voice in a source declared a copy of more than one story."""
    by_id = index.claims.source_by_id
    for source_id in entry.sources:
        source = by_id.get(source_id)
        if source is not None and len(source.derived_from) > 1 and index.publisher(source_id) == entry.holder:
            return True
    return False


def origins(index: Index, entries: Sequence[Entry]) -> list[Origin]:
    """The independent origins of a group of claims, ordered by their first claim.

    Claims are taken in the order they were stated (then by id), so the result does
    not depend on the order they were given in. ``entries`` are entries of ``index``
    (``[]`` gives ``[]``); each :class:`Origin` holds its entries, speaks for the party
    of its first claim's :func:`voice` and is labelled by its holders, or, when all its
    claims were read in copies of one story, after the story: ``Wire (“Title”),
    relayed by Paper A, Paper B`` (the story's own voice, relayed by the copies'
    publishers) or ``KCNA, relayed by Wire (“Title”)`` (a holder the story quotes).
    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for an ``index``
    that is no :class:`~factlog.Index`, nothing for entries of ``index``: a source
    without a known publisher joins no one.
    """
    expect(index, Index, "factlog.origins: index", "an Index (factlog.Index.of(claims))")
    if len(entries) == 1:  # most groups: one claim, one origin
        return [_origin(index, entries)]
    entries = chronological(entries)
    sets: UnionFind[str] = UnionFind()
    find, union = sets.find, sets.union
    walked: set[str] = set()

    for entry in entries:
        node = f"c:{entry.position}"
        copied = False
        for source_id in entry.sources:
            if index.publisher(source_id) == entry.holder and _root(index, source_id) is not None:
                copied = True  # the copy's own voice: the story's, not the publisher's
                union(node, "s:" + source_id)
                _join_ancestors(index, source_id, union, walked)
            else:
                union(node, "e:" + entry.speaks_for)
        if not copied:
            union(node, "e:" + entry.speaks_for)
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(find(f"c:{entry.position}"), []).append(entry)
    return [_origin(index, members) for members in groups.values()]


def _names(names: Sequence[str]) -> str:
    """Up to three names, then how many more."""
    names = list(dict.fromkeys(names))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _origin(index: Index, members: Sequence[Entry]) -> Origin:
    """One origin of claims found to share it: its party, and its label (see :func:`origins`)."""
    party = voice(index, members[0])
    holders = [index.name(entry.holder) for entry in members]
    story = _story(index, members)
    if story is None:
        return Origin(_names(holders), party, tuple(members))
    publisher = index.publisher(story) or index.claims.source_by_id[story].publisher
    told = story_name(index, story)
    if index.speaks_for(publisher) == party:  # the story's own voice, relayed by the copies
        relays = [index.name(index.publisher(e.claim.evidence[0].source) or e.holder) for e in members]
        return Origin(f"{told}, relayed by {_names(relays)}", party, tuple(members))
    return Origin(f"{_names(holders)}, relayed by {told}", party, tuple(members))


def _join_ancestors(index: Index, source_id: str, union: Callable[[str, str], object], walked: set[str]) -> None:
    """Join a source with everything it derives from, and each root with its publisher's party.

    Each source is walked once per call (linear in a chain).
    """
    pending = [source_id]
    while pending:
        current = pending.pop()
        if current in walked:
            continue
        walked.add(current)
        source = index.claims.source_by_id.get(current)
        if source is None:
            continue
        if not source.derived_from:
            publisher = index.publisher(current)
            if publisher is not None:
                union("s:" + current, "e:" + index.speaks_for(publisher))
        for parent in source.derived_from:
            union("s:" + current, "s:" + parent)
            pending.append(parent)


def _story(index: Index, members: Sequence[Entry]) -> str | None:
    """When every claim was read in a copy, the id of the one story (root source) they all derive from."""
    found = None
    for entry in members:
        root = _root(index, entry.claim.evidence[0].source)
        if root is None or (found is not None and root != found):
            return None
        found = root
    return found

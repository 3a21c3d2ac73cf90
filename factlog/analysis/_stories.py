"""Stories and their copies: the story a source copies, followed back along ``derived_from`` to its roots.

A source that declares ``derived_from`` is a copy (a syndicated wire story, a rewrite of
a press release); the sources it derives from, followed back to ones that copy none, are
its roots. :mod:`factlog.analysis._origins` counts origins through them, and the
``shared_wording`` and relay rules name stories by them. Each walk is found once per
index (:meth:`~factlog.analysis.Index.memo`) and costs the chain's length.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.analysis._index import Entry, Index
from factlog.analysis._unionfind import UnionFind

__all__ = [
    "all_roots",
    "copied_story",
    "copy_sources",
    "declared_groups",
    "root_of",
    "roots_of",
    "source_parties",
    "source_story",
    "story_name",
]


def copied_story(index: Index, entry: Entry) -> str | None:
    """The root of the story a claim copies, when it is its first source's publisher's own voice in a copy.

    None for a story the claim set does not hold (a ``derived_from`` loaded with
    ``references=False``): it has no publisher or title to be told by.
    """
    source_id = entry.sources[0]
    if index.publisher(source_id) != entry.holder:
        return None
    root = root_of(index, source_id)
    return root if root in index.claims.source_by_id else None


def source_story(index: Index, source_id: str) -> str | None:
    """The story a source copies (its first ``derived_from``, followed back to a root), when the set holds it.

    None for a source that copies none, an unknown one, or a story the claim set does
    not hold. Raises nothing.
    """
    root = root_of(index, source_id)
    return root if root is not None and root in index.claims.source_by_id else None


def story_name(index: Index, root: str) -> str:
    """A story as labels name it, its publisher and title: ``Wire (“Title”)``; KeyError for an unknown source."""
    source = index.claims.source_by_id[root]
    return f"{index.name(index.publisher(root) or source.publisher)} (“{source.title}”)"


def root_of(index: Index, source_id: str) -> str | None:
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


def source_parties(index: Index) -> dict[str, str | None]:
    """Source id → the party its publisher speaks for (None: no publisher known), filled as sources are asked about.

    One table an index, shared by the rules that ask it of every claim's sources
    (``index.speaks_for(index.publisher(source))``): one lookup a source, not two calls.
    """
    found: dict[str, str | None] = index.memo("origins:source-parties", lambda _: {})
    return found


def copy_sources(index: Index) -> frozenset[str]:
    """The ids of the sources that derive from another (``derived_from``), found once per index; raises nothing.

    A claim whose first source is none of them has no :func:`copied_stories`: its
    :func:`voices` are its own party alone.
    """
    return index.memo("origins:copies", _copied)


def _copied(index: Index) -> frozenset[str]:
    """The ids of the sources that derive from another (``derived_from``)."""
    return frozenset(source.id for source in index.claims.sources if source.derived_from)


def all_roots(index: Index, source_id: str) -> tuple[str, ...]:
    """Every source a copy derives from that copies none (or is not in the claim set), following every parent.

    ``()`` for a source that copies none. Found once per source and index (an
    iterative walk: a chain of any length costs its length). A ``derived_from`` cycle
    (refused when loading) counts as a root of its own where the walk meets it.
    """
    memo: dict[str, tuple[str, ...]] = index.memo("origins:all-roots", lambda _: {})
    found = memo.get(source_id)
    if found is not None:
        return found
    by_id = index.claims.source_by_id
    on_path: set[str] = set()
    pending = [(source_id, False)]
    while pending:
        current, expanded = pending.pop()
        if current in memo or (not expanded and current in on_path):
            continue
        source = by_id.get(current)
        parents = () if source is None else source.derived_from
        if not expanded:
            on_path.add(current)
            pending.append((current, True))
            pending.extend((p, False) for p in parents if p not in memo and p not in on_path)
            continue
        on_path.discard(current)
        roots = dict.fromkeys(r for p in parents for r in (memo.get(p) or (p,)))
        memo[current] = tuple(roots) if parents else ()
    return memo[source_id]


def declared_groups(index: Index, sources: Sequence[str]) -> list[tuple[str, ...]]:
    """``sources`` grouped by the ``derived_from`` that join them, directly or through a chain, in the order given.

    Two sources are one group when one copies the other, or both copy one story
    (they share a root, :func:`all_roots`). Raises nothing.
    """
    sets: UnionFind[str] = UnionFind()
    for source_id in sources:
        sets.union(source_id, source_id)
        for root in all_roots(index, source_id):
            sets.union(source_id, root)
    groups: dict[str, list[str]] = {}
    for source_id in dict.fromkeys(sources):
        groups.setdefault(sets.find(source_id), []).append(source_id)
    return [tuple(members) for members in groups.values()]


def roots_of(index: Index, parents: Sequence[str]) -> tuple[str, ...]:
    """The roots of each of ``parents`` (a parent that copies none its own), in order, once each."""
    return tuple(dict.fromkeys(root for parent in parents for root in (all_roots(index, parent) or (parent,))))

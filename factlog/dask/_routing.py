"""Which partition owns a slot, and which readings go to their object's slot too.

A slot is owned by the partition of its entity and its predicate's *family*
(predicates joined by ``exclusive_with``, read through inverses, or by a shared
``scale``): the groups a rule compares lie together. A symmetric pair, and one that a
partner turned round excludes, goes to its object's slot too (:func:`turns`), where
the partition holds its group for lookups only (:func:`turned_groups`).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from factlog.analysis._index import Entry, Index
from factlog.analysis._unionfind import UnionFind
from factlog.model._vocabulary import PropositionKey, Vocabulary

__all__ = ["families", "partition", "slot_owner", "turned_groups", "turns"]


def partition(key: str, partitions: int) -> int:
    """The partition of a key: CRC-32 of its UTF-8 bytes, modulo the count."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % partitions


def families(vocabulary: Vocabulary) -> dict[str, str]:
    """Each canonical predicate in a family (exclusive partners, a shared scale) → the family's name."""
    joined: UnionFind[str] = UnionFind()
    by_scale: dict[str, str] = {}
    for predicate in vocabulary.predicates.values():
        name = vocabulary.inverses.get(predicate.id, predicate.id)  # claims are routed by canonical predicate
        for other, _ in vocabulary.exclusive.get(name, ()):
            joined.union(name, other)
        if predicate.scale is not None:
            joined.union(by_scale.setdefault(predicate.scale, name), name)
    return {predicate: joined.find(predicate) for predicate in list(joined.parent)}


def slot_owner(number: int, count: int, index: Index) -> Callable[[tuple[str, str]], bool]:
    """Whether partition ``number`` owns the slot of ``(entity, predicate)``: by entity and predicate family."""
    joined = families(index.vocabulary)
    return lambda slot: partition(slot[0] + "\0" + joined.get(slot[1], slot[1]), count) == number


def turns(vocabulary: Vocabulary) -> Callable[[str, str, object], bool]:
    """Whether a normalised reading ``(subject, predicate, object)`` is routed to its object's slot too.

    A symmetric predicate's, with an entity object; and, for each exclusion read turned
    round between two directed predicates (:attr:`~factlog.Vocabulary.exclusive`), the
    smaller one's (a predicate excluding itself turned round: the reading whose subject
    is the larger), so that one partition holds both groups of each pair.
    """
    predicates = vocabulary.predicates
    symmetric = {name for name, predicate in predicates.items() if predicate.symmetric}
    always, larger = set(symmetric), set()
    for name, partners in vocabulary.exclusive.items():
        for other, turned in partners:
            if turned and name not in symmetric and other not in symmetric:
                if other == name:
                    larger.add(name)
                elif name < other:
                    always.add(name)

    def turns(subject: str, predicate: str, obj: object) -> bool:
        if type(obj) is not str:
            return False
        return predicate in always or (predicate in larger and obj < subject)

    return turns


def turned_groups(
    index: Index, owned_keys: dict[PropositionKey, list[Entry]], owned: Callable[[tuple[str, str]], bool]
) -> dict[PropositionKey, list[Entry]]:
    """The groups a partition holds for their object's slot (:func:`turns`), not owning their key (looked up only)."""
    routed = turns(index.vocabulary)
    found = {}
    for key, group in index.by_key.items():
        obj = key[2]
        if key in owned_keys or obj is None or obj[0] != "entity" or not routed(key[0], key[1], obj[1]):
            continue
        if isinstance(obj[1], str) and owned((obj[1], key[1])):
            found[key] = group
    return found

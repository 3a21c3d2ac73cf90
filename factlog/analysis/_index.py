"""The index every rule reads: normalised claims, grouped so rules never compare all pairs.

Built once per check. Names as written become canonical ids, inverse predicates are
turned round, symmetric pairs are sorted; a claim with several objects or a pattern is
read as the propositions it implies (:mod:`factlog.analysis._patterns`); then claims
are grouped by proposition key, by subject and predicate, by holder and by source, and
the ``answers`` links are kept. Quotes without a span are found in their documents
(:meth:`Index.quote`); the stored claims are never changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from factlog.analysis._documents import Documents
from factlog.analysis._entry import (
    Entry,
    Kinds,
    SlotKey,
    certain_days,
    chronological,
    object_slot,
    reading_fields,
)
from factlog.analysis._entry import slots as filed_slots
from factlog.analysis._filing import file_claims
from factlog.analysis._patterns import Reading, readings
from factlog.analysis._places import Family, PartOf, families, follow_affiliations, part_of_map
from factlog.analysis._quotes import QuoteMatch
from factlog.model._claimset import ClaimSet
from factlog.model._dates import Interval
from factlog.model._nouns import Claim, Entity, Source
from factlog.model._vocabulary import PropositionKey, Vocabulary

__all__ = ["Entry", "Index", "SlotKey", "certain_days", "chronological", "object_slot"]

T = TypeVar("T")

_UNSEEN: Any = object()
_IMPLIED = 1 << 40
"""Added to the position of an implied reading: positions stay unique, and implied ones sort last."""


@attrs.frozen
class Index(Documents):
    """Claims of one claim set, normalised and grouped."""

    claims: ClaimSet
    vocabulary: Vocabulary
    entries: list[Entry]
    by_id: dict[str, Entry]
    by_key: dict[PropositionKey, list[Entry]]
    by_slot: dict[SlotKey, list[Entry]]
    by_holder: dict[str, list[Entry]]
    by_source: dict[str, list[Entry]]
    answered_by: dict[str, list[Entry]]
    by_object: dict[SlotKey, list[Entry]] = attrs.field(factory=lambda: defaultdict(list))
    """Claims with an entity object, by ``(object, predicate, qualifiers)``: where an
    inverse-functional predicate has one subject."""
    regarded_by: dict[str, list[Entry]] = attrs.field(factory=lambda: defaultdict(list))
    """Claims about claims (``regarding``), by the id of each claim they are about; shared by views."""
    implied: dict[str, list[Entry]] = attrs.field(factory=dict)
    """Claim id to the readings its objects or pattern imply beyond its own (in the groups too)."""
    spread: set[str] = attrs.field(factory=set)
    """Claims whose readings fall under more than one proposition key (several objects, ranks)."""
    _documents: dict[str, tuple[bytes | None, str | None]] = attrs.field(factory=dict, repr=False)
    _speakers: dict[str, str] = attrs.field(factory=dict, repr=False)
    _hierarchy: dict[str, PartOf] = attrs.field(factory=dict, repr=False)
    _families: dict[tuple[object, ...], Family] = attrs.field(factory=dict, repr=False)
    _publishers: dict[str, str | None] = attrs.field(factory=dict, repr=False)
    _texts: dict[str, str | None] = attrs.field(factory=dict, repr=False)
    _quotes: dict[tuple[str, str, int | None], QuoteMatch] = attrs.field(factory=dict, repr=False)
    _kinds: Kinds = attrs.field(factory=dict, repr=False)
    _memos: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)  # not carried by evolve
    source_scope: frozenset[str] | None = None
    """In a view, the sources whose documents the rules look at (None: all of them)."""
    parent: Index | None = attrs.field(default=None, repr=False)
    """In a view, the whole index, for rules that look beyond the groups in view."""

    hidden: frozenset[str] = frozenset()
    """In a view of the past, claims the whole index has that the view must not see."""
    turned: dict[PropositionKey, list[Entry]] = attrs.field(factory=dict, repr=False)
    """In a partition of a distributed check, the groups it holds for their object's slot
    but does not own (symmetric pairs; pairs an exclusive partner reads turned round):
    looked up (:meth:`pair_group`), never iterated."""

    def key_group(self, key: PropositionKey) -> list[Entry]:
        """The claims with a proposition key, from the whole index even in a view; ``[]`` if unknown (no raise)."""
        group = (self.parent or self).by_key.get(key, [])
        return [e for e in group if e.id not in self.hidden] if self.hidden else group

    def pair_group(self, key: PropositionKey) -> list[Entry]:
        """:meth:`key_group`, or a group a partition holds for its object's slot (``turned``); no raise."""
        return self.key_group(key) or self.turned.get(key, [])

    @classmethod
    def of(cls, claims: ClaimSet) -> Index:
        """Normalise and group the claims of a set; raises nothing (undefined ids are kept as written)."""
        vocabulary = Vocabulary.of(claims)
        index = cls(
            claims,
            vocabulary,
            [],
            {},
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
        )
        index.add(claims.claims)
        return index

    def add(self, claims: Iterable[Claim]) -> list[Entry]:
        """Index more claims, extending the groups in place; returns their entries in order; raises nothing.

        Each holder, each source quoted alone and each predicate as written is looked up
        once per call (:func:`~factlog.analysis._filing.file_claims`).
        """
        self._memos.clear()  # what was found of the groups changes with them
        return file_claims(self, claims)

    def _add_implied(self, entry: Entry) -> list[Entry]:
        """The readings a claim implies beyond its own (several objects, a pattern), kept in ``implied``.

        The caller files them in the groups (:func:`~factlog.analysis._filing.file_claims`).
        """
        others = [
            attrs.evolve(entry, position=entry.position + part * _IMPLIED, part=part, **self._reading(reading))
            for part, reading in enumerate(readings(entry.claim, entry.stated, self.vocabulary)[1:], start=1)
        ]
        if not others:
            return others
        self.implied[entry.id] = others
        if len({reading.key for reading in (entry, *others)}) > 1:
            self.spread.add(entry.id)
        return others

    def view(self, entries: list[Entry]) -> Index:
        """An index of just the groups these claims belong to, sharing everything else.

        Rules run on a view find exactly the findings of those groups: the incremental
        check runs them on the view of the claims it adds. The groups of the wider
        places of its propositions are in view too: a denial there reads the claims
        added (``interested_denial`` lists what it denies within it). One figure in
        another spelling of its unit has the same key
        (:func:`~factlog.model._vocabulary.object_key`). Raises nothing for entries of
        this index.
        """
        readings = [*entries, *(other for e in entries for other in self.implied.get(e.id, ()))]
        keys = {e.key for e in readings if e.key is not None}
        keys |= {wide for key in keys for wide in self.wider_keys(key)}  # a denial at a wider place reads them
        slots = {slot for e in readings for slot in filed_slots(e)}
        objects = {
            object_slot(e) for e in readings if e.proposition is not None and isinstance(e.proposition.object, str)
        }
        holders = {e.holder for e in entries}
        sources = {source for e in entries for source in e.sources}
        answered = {a for e in entries for a in e.claim.answers} | {e.id for e in entries if e.id in self.answered_by}
        return Index(
            self.claims,
            self.vocabulary,
            entries,
            self.by_id,
            {key: self.by_key[key] for key in keys},
            {slot: self.by_slot[slot] for slot in slots},
            {holder: self.by_holder[holder] for holder in holders},
            {source: self.by_source[source] for source in sources},
            {claim: self.answered_by[claim] for claim in answered if claim in self.answered_by},
            {slot: self.by_object[slot] for slot in objects},
            self.regarded_by,
            self.implied,
            self.spread,
            documents=self._documents,
            speakers=self._speakers,
            hierarchy=self._hierarchy,
            families=self._families,
            publishers=self._publishers,
            texts=self._texts,
            quotes=self._quotes,
            source_scope=frozenset(sources),
            parent=self.parent or self,
        )

    def scoped_sources(self) -> list[Source]:
        """The sources the rules should look at: all, or a view's (in id order); raises nothing."""
        if self.source_scope is None:
            return list(self.claims.sources)
        found = self.claims.source_by_id
        return [found[s] for s in sorted(self.source_scope) if s in found]

    def _entry(
        self, claim: Claim, position: int, holder: tuple[str, str], stated: Interval | None, sources: tuple[str, ...]
    ) -> Entry:
        """The claim's own entry: its first reading (:func:`factlog.analysis.readings`)."""
        proposition, polarity = claim.proposition, claim.polarity
        assert proposition is not None
        if claim.pattern is not None or type(proposition.object) is tuple:
            first = readings(claim, stated, self.vocabulary)[0]
            proposition, polarity = first.proposition, first.polarity
        normal, key, predicate, span, core = reading_fields(self.vocabulary, self._kinds, proposition)
        return Entry(claim, position, normal, key, predicate, *holder, stated, sources, span, polarity, core)

    def _reading(self, reading: Reading) -> dict[str, Any]:
        """The fields of an entry that depend on the proposition it reads."""
        normal, key, predicate, span, core = reading_fields(self.vocabulary, self._kinds, reading.proposition)
        fields = {"proposition": normal, "key": key, "predicate": predicate, "span": span, "core": core}
        return {**fields, "polarity": reading.polarity}

    def memo(self, name: str, build: Callable[[Index], T]) -> T:
        """What ``build`` finds of the index, kept until claims are added (facts rules share); raises what it raises."""
        if name not in self._memos:
            self._memos[name] = build(self)
        found: T = self._memos[name]
        return found

    def part_of(self) -> PartOf:
        """The ``part_of`` hierarchy of the registry, numbered once (:class:`~factlog.analysis._places.PartOf`).

        Raises nothing, for a ``part_of`` cycle too (the walks up it stop where it closes).
        """
        found = self._hierarchy.get("part_of")
        if found is None:
            entities = ((e.id, e.part_of) for e in self.claims.entity_by_id.values())
            found = self._hierarchy["part_of"] = PartOf(part_of_map(entities, self.vocabulary.entity))
        return found

    def broader(self, entity: str) -> frozenset[str]:
        """Every entity the entity lies within, following ``part_of`` transitively (itself excluded).

        Raises nothing: an unknown entity lies within nothing (``frozenset()``).
        """
        return self.part_of().above(self.vocabulary.entity(entity))

    def broader_keys(self, key: PropositionKey) -> list[PropositionKey]:
        """The keys of the same proposition with its object or one qualifier widened to a place containing it.

        "Fought in the border region" is also "fought in Ukraine" when the region is
        ``part_of`` Ukraine: a denial of the wider proposition conflicts with it. One key
        per containing place (O(depth) of ``part_of``), whether the index has it or not:
        :meth:`wider_keys` gives just those it has. Raises nothing.
        """
        subject, predicate, obj, qualifiers = key
        part_of = self.part_of()
        found: list[PropositionKey] = []
        if obj is not None and obj[0] == "entity" and isinstance(obj[1], str):
            wider = sorted(part_of.ancestors(self.vocabulary.entity(obj[1])))
            found += [(subject, predicate, ("entity", wide), qualifiers) for wide in wider]
        for number, (name, value) in enumerate(qualifiers):
            for wide in sorted(part_of.ancestors(self.vocabulary.entity(value))):
                widened = tuple(sorted((*qualifiers[:number], (name, wide), *qualifiers[number + 1 :])))
                found.append((subject, predicate, obj, widened))
        return found

    def wider_keys(self, key: PropositionKey) -> list[PropositionKey]:
        """The :meth:`broader_keys` the (whole) index has claims under: a walk up ``part_of``, O(depth); no raise."""
        part_of, filed = self.part_of(), (self.parent or self)._families
        found: list[PropositionKey] = []
        for family, place in families(key):
            if family in filed:
                found += filed[family].around(place, part_of)
        return found

    def places_within(self) -> bool:
        """Whether some key of the (whole) index names a place within another (else no key is wider); no raise."""
        return bool((self.parent or self)._families)

    def narrower_keys(self, key: PropositionKey) -> list[PropositionKey]:
        """The keys in the (whole) index whose :meth:`broader_keys` include this one.

        Looked up among the keys stating the same proposition at other places, by the
        numbers of the ``part_of`` forest: O(log n) plus the answer, however deep the chain.
        Raises nothing.
        """
        part_of, filed = self.part_of(), (self.parent or self)._families
        found: list[PropositionKey] = []
        for family, place in families(key):
            if family in filed:
                found += filed[family].within(place, part_of)
        return found

    def within(self, part: str, whole: str) -> bool:
        """Whether ``part`` is ``whole`` or lies within it (transitive ``part_of``); raises nothing."""
        return self.part_of().within(self.vocabulary.entity(part), self.vocabulary.entity(whole))

    def speaks_for(self, entity: str) -> str:
        """The entity an entity ultimately speaks for, following affiliations (KCNA → dprk).

        Raises nothing: an unknown entity, or one without an affiliation, speaks for itself;
        a cycle of affiliations stops where it closes.
        """
        found = self._speakers.get(entity)
        if found is None:
            found = self._speakers[entity] = follow_affiliations(entity, self._affiliation, self._speakers)
        return found

    def _affiliation(self, entity: str) -> str | None:
        found = self.claims.entity_by_id.get(entity)
        return None if found is None or found.affiliation is None else self.vocabulary.entity(found.affiliation)

    def publisher(self, source: str) -> str | None:
        """The canonical entity id of a source's publisher (None for an unknown source); raises nothing."""
        publisher = self._publishers.get(source, _UNSEEN)  # one lookup a call: rules ask about every claim's sources
        if publisher is _UNSEEN:
            found = self.claims.source_by_id.get(source)
            publisher = self._publishers[source] = None if found is None else self.vocabulary.entity(found.publisher)
        named: str | None = publisher
        return named

    def entity(self, name: str) -> Entity | None:
        """The entity a name (id, alias or name) stands for; None for an unknown name (no raise)."""
        return self.claims.entity_by_id.get(self.vocabulary.entity(name))

    def name(self, entity: str) -> str:
        """A person-readable name for an entity id, alias or name as written; unknown ones as given (no raise)."""
        return self.vocabulary.name(entity)

"""Filing claims in an index: the loop of :meth:`factlog.Index.add`, one claim at a time.

Everything a claim's entry needs that many claims share is looked up once per call:
the holder, whom it speaks for and its ``by_holder`` group, a source quoted alone (its
one-element ``sources`` tuple, ``published`` date and ``by_source`` group), how a
predicate as written is normalised, and a predicate's declared kind. A proposition
whose names are all canonical already, under a predicate that is neither a declared
inverse nor symmetric with its entities out of order, is the normal form itself
(:meth:`~factlog.model._vocabulary.Vocabulary.normalise` returns the same object); only
the others are normalised through the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factlog.analysis._entry import ANY_TIME, Entry, Kinds, SlotKey, certain_days, new_entry, one_partner
from factlog.analysis._places import Family, PartOf, families
from factlog.io._generated import twin
from factlog.model._dates import Interval
from factlog.model._kinds import PredicateKind
from factlog.model._literals import Object
from factlog.model._nouns import Claim, Predicate, Proposition
from factlog.model._vocabulary import ObjectKey, PropositionKey, Vocabulary, object_key

if TYPE_CHECKING:
    from factlog.analysis._index import Index

__all__ = ["file_claims"]

_PLAIN, _SYMMETRIC, _REWRITTEN = 0, 1, 2
"""How a predicate as written is normalised: as it is, entities sorted, or turned round."""
_UNSEEN: Any = object()
_PROPOSITION: Any = twin(Proposition)
_ENTRY: Any = twin(Entry)  # filled as new_entry fills one
_new = object.__new__


def file_claims(index: Index, claims: Iterable[Claim]) -> list[Entry]:
    """The entries of the claims, numbered after the index's, filed in its groups; raises nothing.

    Claims with a pattern or several objects get their first reading here, and the index
    groups the readings they imply (``implied``). The index's ``entries`` are extended
    once, at the end.
    """
    vocabulary, filer = index.vocabulary, _Filer(index)
    by_id, by_holder, by_source = index.by_id, index.by_holder, index.by_source
    answered_by, regarded_by, source_by_id = index.answered_by, index.regarded_by, index.claims.source_by_id
    holders: dict[str, tuple[str, str, list[Entry]]] = {}  # as written -> id, whom it speaks for, by_holder's list
    # a source quoted alone -> its one-element sources tuple, its published date, by_source's list
    quoted: dict[str, tuple[tuple[str, ...], Interval | None, list[Entry]]] = {}
    added: list[Entry] = []
    for position, claim in enumerate(claims, start=len(index.entries)):
        named = claim.attribution.holder
        found = holders.get(named)
        if found is None:
            holder = vocabulary.entity(named)
            found = holders[named] = (holder, index.speaks_for(holder), by_holder[holder])
        holder, speaks_for, held = found
        stated, evidence = claim.stated, claim.evidence
        if len(evidence) == 1:  # the common case: one tuple and one lookup a source, not a claim
            source = evidence[0].source
            cited = quoted.get(source)
            if cited is None:
                published = source_by_id.get(source)
                cited = quoted[source] = (
                    (source,),
                    None if published is None else published.published,
                    by_source[source],
                )
            sources, filed = cited[0], cited[2]
            if stated is None:
                stated = cited[1]
        else:
            if stated is None:
                published = source_by_id.get(evidence[0].source)
                stated = None if published is None else published.published
            sources, filed = claim.sources, None
        proposition = claim.proposition
        if proposition is None:
            entry = new_entry(
                claim,
                position,
                None,
                None,
                None,
                holder=holder,
                speaks_for=speaks_for,
                stated=stated,
                sources=sources,
                span=ANY_TIME,
                polarity=claim.polarity,
            )
        elif claim.pattern is not None or type(proposition.object) is tuple:
            entry = index._entry(claim, position, (holder, speaks_for), stated, sources)
            filer.reading(entry)
            for reading in index._add_implied(entry):
                filer.reading(reading)
        else:
            entry = filer.entry(claim, position, found, stated, sources)
        added.append(entry)
        by_id[claim.id] = entry
        held.append(entry)
        if filed is not None:
            filed.append(entry)
        else:
            for source in sources:
                by_source[source].append(entry)
        if claim.answers:
            for answered in claim.answers:
                answered_by[answered].append(entry)
        if claim.regarding is not None:
            for other in claim.regarding.claims:
                regarded_by[other].append(entry)
    index.entries.extend(added)
    return added


class _Filer:
    """The entries of claims read as one proposition each, filed by key, slot and object; one per call.

    A claim read as one proposition is made and filed by :meth:`entry` itself; the
    readings of a claim with a pattern or a list of objects by :meth:`group`
    (:meth:`reading`), which files them the same way (``tests/analysis/test_filing.py``
    holds both to the groups of each claim read afresh). Both call :meth:`_new_key` for
    a key's first entry.

    It keeps what it looks up: each predicate as written, each entity object's key, and
    the certain days of each interval by its ``id`` (the claims of the call keep their
    intervals alive meanwhile, so no id is reused; not kept beyond the call).
    """

    __slots__ = (
        "by_key",
        "by_object",
        "by_slot",
        "entity_keys",
        "event_cores",
        "families",
        "kinds",
        "names",
        "part_of",
        "predicates",
        "state_cores",
        "vocabulary",
    )

    families: dict[tuple[object, ...], Family] | None
    part_of: PartOf

    def __init__(self, index: Index) -> None:
        self.vocabulary, self.names, self.kinds = index.vocabulary, index.vocabulary.names, index._kinds
        self.by_key, self.by_slot, self.by_object = index.by_key, index.by_slot, index.by_object
        part_of = index.part_of()
        # Without places within places, wider_keys and narrower_keys find nothing: no family is filed.
        self.families, self.part_of = (index._families if part_of.nested else None), part_of
        self.predicates: dict[str, tuple[int, tuple[Predicate | None, bool, bool], bool]] = {}
        self.entity_keys: dict[str, tuple[str, str]] = {}
        self.state_cores: dict[int, tuple[int, int] | None] = {}
        self.event_cores: dict[int, tuple[int, int] | None] = {}

    def entry(
        self,
        claim: Claim,
        position: int,
        holder: tuple[str, str, list[Entry]],
        stated: Interval | None,
        sources: tuple[str, ...],
    ) -> Entry:
        """The entry of a claim with a proposition, no pattern and no list of objects, filed in its groups.

        ``holder``: its id, whom it speaks for (and the holder's group, filed by the caller).
        """
        proposition = claim.proposition
        assert proposition is not None
        obj, written = proposition.object, proposition.predicate
        rewrite, kind, partner = self.predicates.get(written) or self._predicate(written)
        subject, names = proposition.subject, self.names
        entity = isinstance(obj, str)
        if (
            names.get(subject) == subject
            and not proposition.qualifiers
            and (not entity or names.get(obj) == obj)  # type: ignore[arg-type]
            and (rewrite is _PLAIN or (rewrite is _SYMMETRIC and not (entity and obj < subject)))  # type: ignore[operator]
        ):
            normal = proposition  # what normalise returns for a canonical proposition
        else:  # about a tenth of the generated claims
            normal, written, kind = self._normal(proposition, written, kind)
            subject, obj, partner = normal.subject, normal.object, one_partner(kind[0])
            entity = isinstance(obj, str)
        qualifiers = normal.qualifiers
        keys = self.entity_keys
        object_part: ObjectKey = (
            (keys.get(obj) or self._entity_key(obj)) if entity else object_key(obj)  # type: ignore[arg-type]
        )
        key = (subject, written, object_part, qualifiers)
        when = normal.when
        if when is None:
            span, core = ANY_TIME, None
        else:
            span = when.state_span if kind[1] else when.span
            cores = self.event_cores if kind[2] else self.state_cores
            core = cores.get(id(when), _UNSEEN)
            if core is _UNSEEN:
                core = cores[id(when)] = certain_days(when, event=kind[2])
        # new_entry(...), written out: one call fewer a claim, and no keywords to match.
        made: Any = _new(_ENTRY)
        made.claim, made.position = claim, position
        made.proposition = normal
        made.key, made.predicate = key, kind[0]
        made.holder, made.speaks_for = holder[0], holder[1]
        made.stated = stated
        made.sources = sources
        made.span = span
        made.polarity = claim.polarity
        made.core = core
        made.part = 0
        made.id, made.certainty = claim.id, claim.certainty
        made.__class__ = Entry
        entry: Entry = made
        # group(entry, key, slot, obj), written out likewise.
        group = self.by_key.get(key)
        if group is None:
            self._new_key(key, entry)
        else:
            group.append(entry)
        self.by_slot[(subject, written, qualifiers)].append(entry)
        if entity:
            self.by_object[(obj, written, qualifiers)].append(entry)  # type: ignore[index]
            if partner and obj != subject:  # it constrains both entities
                self.by_slot[(obj, written, qualifiers)].append(entry)  # type: ignore[index]
        return entry

    def _normal(
        self, proposition: Proposition, written: str, kind: tuple[Predicate | None, bool, bool]
    ) -> tuple[Proposition, str, tuple[Predicate | None, bool, bool]]:
        """A proposition not in normal form normalised, with its predicate's name and kind as normalised."""
        normal = _normalised(proposition, self.vocabulary.normal_parts(proposition))
        if normal.predicate is not written:
            written = normal.predicate
            kind = self.kinds.get(written) or _kind(self.kinds, self.vocabulary, written)
        return normal, written, kind

    def _new_key(self, key: PropositionKey, entry: Entry) -> None:
        """File the first entry of a key: a new group, and its families of places when places nest."""
        self.by_key[key] = [entry]
        if self.families is not None:
            for family, place in families(key):
                self.families.setdefault(family, Family()).add(place, key, self.part_of)

    def _predicate(self, written: str) -> tuple[int, tuple[Predicate | None, bool, bool], bool]:
        """:func:`_predicate` of a predicate as written, and whether it is :func:`one_partner`'s; kept for the call."""
        rewrite, kind = _predicate(self.vocabulary, self.kinds, written)
        found = self.predicates[written] = (rewrite, kind, one_partner(kind[0]))
        return found

    def _entity_key(self, entity: str) -> tuple[str, str]:
        """The object key of an entity object (its canonical id), kept for the call: one tuple an entity."""
        found = self.entity_keys[entity] = ("entity", entity)
        return found

    def reading(self, entry: Entry) -> None:
        """File an entry with a proposition (a claim's own reading, or one it implies) in its groups."""
        proposition, key = entry.proposition, entry.key
        assert proposition is not None
        assert key is not None
        slot = (proposition.subject, proposition.predicate, proposition.qualifiers)
        self.group(entry, key, slot, proposition.object)

    def group(self, entry: Entry, key: PropositionKey, slot: SlotKey, obj: Object | None) -> None:
        """File an entry under its key, its slot (subject, predicate, qualifiers) and, for an entity, its object slot.

        A :func:`~factlog.analysis._entry.one_partner` predicate's entry is filed under
        its object's slot too (its ``by_slot`` group: :func:`~factlog.analysis._entry.slots`).

        The readings of a claim with a pattern or a list of objects are filed here
        (:meth:`reading`); :meth:`entry` files a claim read as one proposition the same
        way, written out: with the entry made in place of ``new_entry``'s twelve
        keywords, Index.of of 100k generated claims took 0.30–0.34 s rather than
        0.35 s (benchmarks/RESULTS.md).
        """
        group = self.by_key.get(key)
        if group is None:
            self._new_key(key, entry)
        else:
            group.append(entry)
        self.by_slot[slot].append(entry)
        if isinstance(obj, str):
            self.by_object[(obj, slot[1], slot[2])].append(entry)
            if obj != slot[0] and one_partner(entry.predicate):  # it constrains both entities
                self.by_slot[(obj, slot[1], slot[2])].append(entry)


def _normalised(
    proposition: Proposition, parts: tuple[str, str, Object | None, tuple[tuple[str, str], ...]]
) -> Proposition:
    """:meth:`~factlog.model._vocabulary.Vocabulary.normalise` of a proposition whose object is not a list.

    Made without the validators of ``Proposition``: the parts are the proposition's own,
    or canonical ids, and the qualifiers keep their (sorted) names and order. About a
    fifth of the time of ``attrs.evolve``: a tenth of the generated claims name an
    inverse predicate or a symmetric pair out of order.
    """
    subject, predicate, obj, qualifiers = parts
    if parts == (proposition.subject, proposition.predicate, proposition.object, proposition.qualifiers):
        return proposition
    normal: Any = _new(_PROPOSITION)
    normal.subject = subject
    normal.predicate = predicate
    normal.object = obj
    normal.qualifiers = qualifiers
    normal.when = proposition.when
    normal.__class__ = Proposition
    made: Proposition = normal
    return made


def _predicate(vocabulary: Vocabulary, kinds: Kinds, written: str) -> tuple[int, tuple[Predicate | None, bool, bool]]:
    """How a predicate as written is normalised, and its kind when it stays as written."""
    declared = vocabulary.predicates.get(written)
    rewrite = (
        _REWRITTEN
        if written in vocabulary.inverses
        else _SYMMETRIC
        if declared is not None and declared.symmetric
        else _PLAIN
    )
    return rewrite, kinds.get(written) or _kind(kinds, vocabulary, written)


def _kind(kinds: Kinds, vocabulary: Vocabulary, name: str) -> tuple[Predicate | None, bool, bool]:
    """The declared predicate a name stands for (None: undeclared), whether it is a state and an event; kept."""
    predicate = vocabulary.predicate(name)
    kind = None if predicate is None else predicate.kind
    found = kinds[name] = (predicate, kind is PredicateKind.STATE, kind is PredicateKind.EVENT)
    return found

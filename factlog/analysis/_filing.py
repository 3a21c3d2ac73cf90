"""Filing claims in an index: the loop of :meth:`factlog.Index.add`, one claim at a time.

Everything a claim's entry needs that many claims share is looked up once per call:
the holder and whom it speaks for, a source quoted alone (its one-element ``sources``
tuple and ``published`` date), how a predicate as written is normalised, and a
predicate's declared kind. A proposition whose names are all canonical already, under
a predicate that is neither a declared inverse nor symmetric with its entities out of
order, is the normal form itself (:meth:`~factlog.model._vocabulary.Vocabulary.normalise`
returns the same object); only the others are normalised through the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factlog.analysis._entry import ANY_TIME, Entry, Kinds, certain_days, new_entry
from factlog.analysis._places import Family, families
from factlog.model._dates import Interval
from factlog.model._kinds import PredicateKind
from factlog.model._nouns import Claim, Predicate
from factlog.model._vocabulary import Vocabulary, object_key

if TYPE_CHECKING:
    from factlog.analysis._index import Index

__all__ = ["file_claims"]

_PLAIN, _SYMMETRIC, _REWRITTEN = 0, 1, 2
_UNSEEN: Any = object()
"""How a predicate as written is normalised: as it is, entities sorted, or turned round."""


def file_claims(index: Index, claims: Iterable[Claim]) -> list[Entry]:
    """The entries of the claims, numbered after the index's, filed in its groups; raises nothing.

    Claims with a pattern or several objects get their first reading here, and the index
    groups the readings they imply (``implied``). The index's ``entries`` are extended
    once, at the end.
    """
    vocabulary, kinds = index.vocabulary, index._kinds
    names = vocabulary.names
    by_id, by_holder, by_source = index.by_id, index.by_holder, index.by_source
    by_key, by_slot, by_object, filed_families = index.by_key, index.by_slot, index.by_object, index._families
    answered_by, regarded_by, source_by_id = index.answered_by, index.regarded_by, index.claims.source_by_id
    part_of = index.part_of()
    nested = part_of.nested
    holders: dict[str, tuple[str, str]] = {}
    quoted: dict[str, tuple[tuple[str, ...], Interval | None]] = {}
    predicates: dict[str, tuple[int, tuple[Predicate | None, bool, bool]]] = {}
    entity_keys: dict[str, tuple[str, str]] = {}
    # The certain days of each interval, by its id: the claims keep their intervals alive meanwhile.
    state_cores: dict[int, tuple[int, int] | None] = {}
    event_cores: dict[int, tuple[int, int] | None] = {}
    added: list[Entry] = []
    for position, claim in enumerate(claims, start=len(index.entries)):
        named = claim.attribution.holder
        found = holders.get(named)
        if found is None:
            holder = vocabulary.entity(named)
            found = holders[named] = (holder, index.speaks_for(holder))
        holder, speaks_for = found
        stated, evidence = claim.stated, claim.evidence
        if len(evidence) == 1:  # the common case: one tuple and one lookup a source, not a claim
            source = evidence[0].source
            cited = quoted.get(source)
            if cited is None:
                published = source_by_id.get(source)
                cited = quoted[source] = ((source,), None if published is None else published.published)
            sources = cited[0]
            if stated is None:
                stated = cited[1]
        else:
            if stated is None:
                published = source_by_id.get(evidence[0].source)
                stated = None if published is None else published.published
            sources = claim.sources
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
            entry = index._entry(claim, position, found, stated, sources)
            index._group(entry)
            index._add_implied(entry)
        else:
            obj, written = proposition.object, proposition.predicate
            seen = predicates.get(written)
            if seen is None:
                seen = predicates[written] = _predicate(vocabulary, kinds, written)
            rewrite, kind = seen
            subject = proposition.subject
            entity = isinstance(obj, str)
            if (
                names.get(subject) == subject
                and not proposition.qualifiers
                and (not entity or names.get(obj) == obj)  # type: ignore[arg-type]
                and (rewrite is _PLAIN or (rewrite is _SYMMETRIC and not (entity and obj < subject)))  # type: ignore[operator]
            ):
                normal = proposition  # what normalise returns for a canonical proposition
            else:
                normal = vocabulary.normalise(proposition)
                if normal.predicate is not written:
                    written = normal.predicate
                    kind = kinds.get(written) or _kind(kinds, vocabulary, written)
                subject, obj = normal.subject, normal.object
                entity = isinstance(obj, str)
            qualifiers = normal.qualifiers
            if entity:
                object_part = entity_keys.get(obj)  # type: ignore[arg-type]
                if object_part is None:
                    object_part = entity_keys[obj] = ("entity", obj)  # type: ignore[index]
            else:
                object_part = object_key(obj)
            key = (subject, written, object_part, qualifiers)
            when = normal.when
            if when is None:
                span, core = ANY_TIME, None
            elif kind[2]:  # an event: certain on its one day only
                span = when.span
                core = event_cores.get(id(when), _UNSEEN)
                if core is _UNSEEN:
                    core = event_cores[id(when)] = certain_days(when, event=True)
            else:
                span = when.state_span if kind[1] else when.span
                core = state_cores.get(id(when), _UNSEEN)
                if core is _UNSEEN:
                    core = state_cores[id(when)] = certain_days(when, event=False)
            entry = new_entry(
                claim,
                position,
                normal,
                key,
                kind[0],
                holder=holder,
                speaks_for=speaks_for,
                stated=stated,
                sources=sources,
                span=span,
                polarity=claim.polarity,
                core=core,
            )
            group = by_key.get(key)
            if group is None:
                # Without places within places, wider_keys and narrower_keys find nothing: no family is filed.
                for family, place in families(key) if nested else ():
                    filed_families.setdefault(family, Family()).add(place, key, part_of)
                by_key[key] = [entry]
            else:
                group.append(entry)
            by_slot[(subject, written, qualifiers)].append(entry)
            if entity:
                by_object[(obj, written, qualifiers)].append(entry)  # type: ignore[index]
        added.append(entry)
        by_id[claim.id] = entry
        by_holder[holder].append(entry)
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

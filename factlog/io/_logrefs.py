"""What an append must not do to earlier records: leave a reference that resolved before unresolved.

The store takes records that name ids it does not define (they may be appended later),
but an append must not break what resolved: a predicate redefined with another
``inverse`` (or none) leaves the claims written with the old inverse naming no
predicate, and the predicates ``exclusive_with`` it; an entity redefined without an
alias or name, or a new one bearing an earlier one's name, leaves the claims and
sources that wrote it naming no entity, or two (a qualifier in plain words that two
new entities are named becomes ambiguous); a new entity whose id is an earlier
entity's alias takes it; a source or an entity can close a cycle of ``derived_from``,
``affiliation`` or ``part_of``. :func:`stranded_references` finds them, inside the
append's transaction, by the rules ``factlog validate`` applies
(:func:`factlog.io._references.unresolved`): a problem an earlier record has after
the append and did not have before it. A reference that resolves before and after, but
to another record, is found with :mod:`factlog.io._logmoves`.

Only what the append can change is read: nothing for an append of claims,
acknowledgements or retractions (a retracted claim's ``answers`` and ``regarding`` are
dropped at replay); for predicates, the predicates and the claims of the names no
longer declared (found by their text); for entities, the entities bearing the names
they bear or bore (found by their text) and those their links reach, and only when a
name stops resolving, the claims and sources whose text bears it (a scan of their text:
see ``benchmarks/RESULTS.md``); for a source naming others it derives from, the sources
it reaches.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from factlog.io._logmoves import moved_entities, moved_predicates, moved_references
from factlog.io._logreader import StoreReader
from factlog.io._logrecords import Record, structure
from factlog.io._references import unresolved
from factlog.model._claimset import ClaimSet, read_claim_set_of
from factlog.model._coherence import inverse_names, is_vocabulary_message
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Claim, Entity, Predicate, Source
from factlog.model._vocabulary import Vocabulary, fold

__all__ = ["Strand", "strand_errors", "stranded_references"]

_SECTIONS = {"entities": "entity", "predicates": "predicate", "sources": "source", "claims": "claim"}


class Strand(NamedTuple):
    """A reference of an earlier record that the append leaves unresolved: the record, the field, the problem."""

    kind: str
    key: str
    field: str
    message: str
    culprits: tuple[str, ...]
    """The labels of the appended records that change what it names."""
    moved: bool = False
    """Whether the reference would name another record (:mod:`factlog.io._logmoves`) rather than none."""
    own: bool = False
    """Whether the record is an appended one the store would refuse (its own alias another entity's id)."""


class _Appended(NamedTuple):
    label: str
    record: Record
    before: str | None


def stranded_references(
    reader: StoreReader, appended: Iterable[tuple[str, Record, str | None]], own: Mapping[str, Claim]
) -> list[Strand]:
    """Each reference of an earlier record (not in the append) that resolved before the append and would not after.

    ``appended``: (label, record, JSON of the version it replaces or None); ``own``: the
    appended claims by id. Records whose reference did not resolve before are not the
    append's doing and are not listed.
    """
    items = [_Appended(*item) for item in appended]
    entities = [item for item in items if isinstance(item.record, Entity)]
    predicates = [item for item in items if isinstance(item.record, Predicate)]
    linking = [item for item in items if isinstance(item.record, Source) and item.record.derived_from]
    if not (entities or predicates or linking):
        return []
    mine = {(_kind(item.record), _key(item.record)) for item in items}
    found: list[Strand] = []
    if entities or predicates:
        found.extend(_vocabulary_strands(reader, entities, predicates, own, mine))
    if linking:
        found.extend(_derivation_strands(reader, linking, mine))
    return found


def strand_errors(reader: StoreReader, store: str, strands: Iterable[Strand], *, shown: int) -> list[str]:
    """Each strand's error: the store, the first ``shown`` appended records causing it, the record, the problem."""
    errors = []
    for strand in strands:
        first = "retract or replace that claim" if strand.kind == "claim" else f"replace that {strand.kind}"
        more = len(strand.culprits) - shown
        culprits = ", ".join(strand.culprits[:shown]) + (f" and {more} more" if more > 0 else "")
        at = reader.appended_at(strand.key, strand.kind)
        what = (
            f"would change what {strand.kind} {strand.key!r} (appended {at}) refers to"
            if strand.moved
            else f"would strand {strand.kind} {strand.key!r} (appended {at}), whose reference would no longer resolve"
        )
        if strand.own:
            errors.append(f"{store}: {culprits}: {strand.kind} {strand.key!r}: {strand.field}: {strand.message}")
            continue
        errors.append(
            f"{store}: {culprits}: {what}: {strand.field}: {strand.message}; {first} first, or in the same append"
        )
    return errors


def _vocabulary_strands(
    reader: StoreReader,
    entities: Sequence[_Appended],
    predicates: Sequence[_Appended],
    own: Mapping[str, Claim],
    mine: set[tuple[str, str]],
) -> list[Strand]:
    # What does not change is left out of both vocabularies: its problems are the same before and after.
    # Only the names the appended entities bear (or bore) can change what they resolve to, and only the
    # entities bearing them decide it: those are read, and the entities their links reach.
    changing = {form for item in entities for form in _forms(item)}
    entities_of = (_around(reader, changing, entities, reader.last), _around(reader, changing, entities, None))
    predicates_of = (
        (list(reader.predicates(reader.last).values()), list(reader.predicates(None).values()))
        if predicates
        else ([], [])
    )
    within = [
        read_claim_set_of({"entities": tuple(e), "predicates": tuple(p)}, {})
        for e, p in zip(entities_of, predicates_of, strict=True)
    ]
    vocabularies = [Vocabulary.of(claims) for claims in within]
    before, after = vocabularies
    lost = _known(predicates_of[0]) - _known(predicates_of[1])
    forms = {form for form in changing if form in before.names and form not in after.names}
    forms |= {form for form in changing if form in after.ambiguous and form not in before.ambiguous}
    claims = [claim for claim in reader.claims_using(lost) if claim.id not in own] if lost else []
    sources: list[Source] = []
    if forms:
        seen = {claim.id for claim in claims}
        claims.extend(
            claim
            for claim in reader.bearing("claim", forms)
            if isinstance(claim, Claim) and claim.id not in own and claim.id not in seen
        )
        sources = [source for source in reader.bearing("source", forms) if isinstance(source, Source)]
    exclusive = [p for p in predicates_of[1] if lost & set(p.exclusive_with)]
    part = read_claim_set_of(
        {"claims": tuple(claims), "sources": tuple(sources), "predicates": tuple(exclusive), "entities": ()}, {}
    )
    changed = _changed(part, part, within, vocabularies, mine)
    if entities:  # aliases taken, cycles of affiliation and part_of: among the entities read
        wholes = [read_claim_set_of({"entities": claims.entities}, {}) for claims in within]
        changed.extend(_changed(wholes[0], wholes[1], within, vocabularies, mine))
        labels = {(_kind(item.record), _key(item.record)): item.label for item in entities}
        refused = _refused(wholes[1], within[1], vocabularies[1], labels)
    else:
        refused = []
    found = [
        Strand(kind, key, field, message, _culprits(message, entities, predicates))
        for kind, key, field, message in changed
    ]
    found.extend(refused)
    moves = moved_entities(before, after, changing)
    turns = moved_predicates(*predicates_of) if predicates else {}
    if moves or turns:
        found.extend(
            _moved_strands(reader, within, moves, turns, entities=entities, predicates=predicates, own=own, mine=mine)
        )
    return found


def _moved_strands(
    reader: StoreReader,
    both: Sequence[ClaimSet],
    moves: Mapping[str, tuple[str, str]],
    turns: Mapping[str, tuple[str, str]],
    *,
    entities: Sequence[_Appended],
    predicates: Sequence[_Appended],
    own: Mapping[str, Claim],
    mine: set[tuple[str, str]],
) -> list[Strand]:
    """The references of earlier records that write a name the append moves to another record.

    ``moves`` and ``turns``: the entity and predicate names that move (:mod:`factlog.io._logmoves`);
    ``both``: the entities and predicates read, before and after the append. The claims
    and sources are found by their text (the names they bear, the predicate they give).
    """
    records: list[Claim | Source | Entity | Predicate] = [*both[1].entities, *both[1].predicates]
    records.extend(reader.claims_using(turns) if turns else [])
    for kind in ("claim", "source") if moves else ():
        records.extend(record for record in reader.bearing(kind, moves) if isinstance(record, Claim | Source))
    found: list[Strand] = []
    reported: set[tuple[str, str, str]] = set()
    events = {entity.id for claims in both for entity in claims.entities if entity.kind is EntityKind.EVENT}
    for kind, key, field, message in moved_references(records, moves, turns, events):
        if (kind, key) in mine or (kind == "claim" and key in own) or (kind, key, field) in reported:
            continue
        reported.add((kind, key, field))
        if "names predicate" in message:
            culprits = tuple(item.label for item in predicates)
        else:
            culprits = _culprits(message, entities, [])
        found.append(Strand(kind, key, field, message, culprits, moved=True))
    return found


def _around(reader: StoreReader, forms: set[str], appended: Sequence[_Appended], limit: int | None) -> list[Entity]:
    """The entities in force (up to record ``limit``) bearing one of ``forms``, and those the appended ones reach.

    In a replay's order. ``affiliation`` and ``part_of`` are ids: the entities they reach
    are read by key, link by link.
    """
    if not appended:
        return []
    found = {entity.id: entity for entity in reader.bearing("entity", forms, limit) if isinstance(entity, Entity)}
    wanted = {link for item in appended for link in _links(item)} - set(found)
    reached: dict[str, Entity] = {}
    while wanted:
        more = reader.entities(wanted, limit)
        reached.update((entity.id, entity) for entity in more)
        wanted = {link for entity in more for link in (entity.affiliation, *entity.part_of) if link} - set(found)
        wanted -= set(reached)
    return [*found.values(), *(entity for key, entity in reached.items() if key not in found)]


def _links(item: _Appended) -> set[str]:
    """The ids an appended entity (and the version it replaces) is affiliated with or part of."""
    return {link for entity in _versions(item) for link in (entity.affiliation, *entity.part_of) if link}


def _changed(
    pre: ClaimSet,
    post: ClaimSet,
    within: Sequence[ClaimSet],
    vocabularies: Sequence[Vocabulary],
    mine: set[tuple[str, str]],
) -> list[tuple[str, str, str, str]]:
    """(kind, id, field, message) of the problems of earlier records in ``post`` (after) that ``pre`` has not."""
    old = {_unhinted(problem) for problem in _named(pre, unresolved(pre, within[0], vocabularies[0]))}
    return [
        problem
        for problem in _named(post, unresolved(post, within[1], vocabularies[1]))
        if _unhinted(problem) not in old and problem[:2] not in mine and not is_vocabulary_message(problem[3])
    ]


def _unhinted(problem: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    """A problem without its "did you mean" hint: the names offered change with the entities, the problem does not.

    A reference unresolved before the append and after it is no strand, whatever the
    entities read before and after offer in its stead.
    """
    kind, key, field, message = problem
    return kind, key, field, message.split("; did you mean ", 1)[0]


def _refused(
    post: ClaimSet, within: ClaimSet, vocabulary: Vocabulary, labels: Mapping[tuple[str, str], str]
) -> list[Strand]:
    """The problems of the appended entities themselves among the entities read after the append.

    An appended entity may name ids not defined yet, but not bear an alias that is an
    earlier entity's id: ``factlog validate`` would refuse the store's replay.
    """
    return [
        Strand(kind, key, field, message, (labels[kind, key],), own=True)
        for kind, key, field, message in _named(post, unresolved(post, within, vocabulary))
        if (kind, key) in labels and not is_vocabulary_message(message) and "already names" in message
    ]


def _derivation_strands(reader: StoreReader, linking: Sequence[_Appended], mine: set[tuple[str, str]]) -> list[Strand]:
    """Cycles of ``derived_from`` the appended sources close: among the sources they reach, before and after."""
    reached: dict[str, Source] = {}
    wanted = {parent for item in linking if isinstance(item.record, Source) for parent in item.record.derived_from}
    while wanted:
        found = reader.sources(wanted)
        reached.update((source.id, source) for source in found)
        wanted = {parent for source in found for parent in source.derived_from} - set(reached)
    earlier = {source.id: source for source in reader.sources(reached, limit=reader.last)}
    sets = [read_claim_set_of({"sources": tuple(group.values())}, {}) for group in (earlier, reached)]
    empty = Vocabulary.of(ClaimSet())
    changed = _changed(sets[0], sets[1], sets, [empty, empty], mine)
    labels = tuple(item.label for item in linking)
    return [Strand(*problem, labels) for problem in changed if "makes a cycle" in problem[3]]


def _known(predicates: Sequence[Predicate]) -> set[str]:
    """The names a claim may give as its predicate: the ids and the inverses."""
    return {predicate.id for predicate in predicates} | set(inverse_names(predicates))


def _named(claims: ClaimSet, problems: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(kind, id, field, message) of each ``$.section[index].field`` problem of ``claims``."""
    found = []
    for path, message in problems:
        section, rest = path.removeprefix("$.").split("[", 1)
        index, field = rest.split("]", 1)
        record = getattr(claims, section)[int(index)]
        found.append((_SECTIONS[section], _key(record), field.removeprefix("."), message))
    return found


def _culprits(message: str, entities: Sequence[_Appended], predicates: Sequence[_Appended]) -> tuple[str, ...]:
    """The appended entities or predicates a problem may come from (the first few are named)."""
    if message.startswith("unknown predicate"):
        return tuple(item.label for item in predicates)
    named = {fold(word) for word in message.split("'")[1::2]}
    bearing = [item.label for item in entities if named & _forms(item)]
    return tuple(bearing or [item.label for item in entities])


def _forms(item: _Appended) -> set[str]:
    """The folded id, aliases and name of an appended entity, and of the version it replaces."""
    return {fold(name) for entity in _versions(item) for name in (entity.id, entity.name, *entity.aliases)}


def _versions(item: _Appended) -> list[Entity]:
    """An appended entity, and the version it replaces."""
    record = item.record
    assert isinstance(record, Entity)
    versions = [record]
    if item.before is not None:
        replaced = structure(json.loads(item.before), "entity", item.label)
        if isinstance(replaced, Entity):
            versions.append(replaced)
    return versions


def _kind(record: Record) -> str:
    return type(record).__name__.casefold()


def _key(record: object) -> str:
    return str(getattr(record, "id", getattr(record, "claim", getattr(record, "finding", ""))))

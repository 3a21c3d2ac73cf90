"""What an append must not do: leave a store whose replay cannot be read.

Records are appended apart, so one record can refuse another appended earlier: a
predicate re-declared with an ``inverse`` whose claims have no entity for their object,
or without the rank a ``highest_since`` claim needs (:mod:`factlog.model._coherence`); an
entity, a source, a claim or a retraction that changes what a ``when`` in words counts
from (an event name made ambiguous, a source's ``published`` date gone, the claim dating
"the strike" replaced or retracted). :func:`check_append` runs inside the append's
transaction, after its records are written and before they are committed, and raises
to roll them back; :func:`check_new` checks the first append to a store before the store
is made. Claims that could not be read before the append are not its doing and do not
stop it (a store written before appends were checked can still be repaired), nor do an
import's claims that its own history cannot read (``excused``: an import is a faithful
copy of that history), unless the store held the claim it replaces. References of
earlier records that an append leaves unresolved are found by :mod:`factlog.io._logrefs`.

Only what an append can change is looked at. Its own claims are checked against the
store's predicates (read by SQL: a few rows); earlier claims only when the append
changes what they depend on: for the predicate rules, the claims whose predicate reads
differently after the append (found by their text, then read); for words, the whole
store is replayed, but only when it held a ``when`` in words before the append (a scan
of the claims' text) and the append changes an entity (a new one only if it is an
event or bears an event's name), redefines a source, or adds, redefines or retracts a
claim that may date an event. A claim of the append in words reads the whole store only
if its words name an event.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from factlog.errors import ConflictError, FormatError
from factlog.io._logreader import SECTIONS, StoreReader
from factlog.io._logrecords import TYPES, Record, Retraction, structure
from factlog.io._logrefs import Strand, strand_errors, stranded_references
from factlog.io._logrules import Row, refusals_alone, refused
from factlog.model._claimset import ClaimSet, read_claim_set_of
from factlog.model._coherence import inverse_names, vocabulary_problems
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Acknowledgement, Claim, Entity, Predicate, Source
from factlog.model._relative import EventLookup
from factlog.model._scales import Polarity
from factlog.model._vocabulary import fold
from factlog.model._written import WrittenWhen, events_of, resolve_written

__all__ = ["Appended", "check_append", "check_new", "unreadable_alone"]

_SHOWN = 3
"""How many appended records an error names before ``and N more``."""


class Item(NamedTuple):
    """One record an append stores: where it came from (``label``), the record, the JSON of the version it replaces."""

    label: str
    record: Record
    before: str | None


class Appended:
    """The records an append stores, as :class:`Item` when iterated.

    Kept in three lists, not as an object a record: an append of 100,000 claims made as
    many objects that outlived the loop, and the collector's passes over them cost
    about 0.5 s (CPU) at 100,000 claims.
    """

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.records: list[Record] = []
        self.befores: list[str | None] = []

    def add(self, label: str, record: Record, before: str | None) -> None:
        """Add a record: its label, and the JSON of the version it replaces (None for a new one)."""
        self.labels.append(label)
        self.records.append(record)
        self.befores.append(before)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Item]:
        return map(Item, self.labels, self.records, self.befores)

    def label(self, claim: str) -> str:
        """The label of the last appended claim of this id."""
        return next(
            item.label for item in reversed(list(self)) if isinstance(item.record, Claim) and item.record.id == claim
        )


def check_append(
    connection: sqlite3.Connection,
    store: str,
    last: int,
    appended: Appended,
    *,
    excused: Callable[[], set[str]] | None = None,
) -> None:
    """Raise when the store, with ``appended`` written after record ``last``, could not be replayed.

    A claim of the append that cannot be read is a :class:`~factlog.FormatError` naming
    the store, its label and the claim; an earlier claim it would strand (one that read
    before the append) a :class:`~factlog.ConflictError` naming the store, the appended
    records that strand it, and the claim. ``excused`` gives the ids of appended claims
    whose problem is not the append's (an import's own history); claims that did not
    read before the append are left to :meth:`ClaimLog.replay` to report.
    """
    reader = StoreReader(connection, last)
    own = _claims_of(appended)
    problems: list[tuple[str, str, str]] = []  # (claim id, field, message)
    related: dict[str, set[str]] = {}  # an earlier claim the predicate rules refuse → the predicate names it reads
    post = reader.predicates(None)
    claims = list(own.values())
    earlier: list[Claim] = []
    pre = post
    if any(isinstance(item.record, Predicate) for item in appended):
        pre = reader.predicates(last)
        earlier = [claim for claim in reader.claims_using(_affected(pre, post)) if claim.id not in own]
    for path, message in vocabulary_problems(tuple(post.values()), [*claims, *earlier]):
        index = int(path[len("claims[") : path.index("]")])
        claim = claims[index] if index < len(claims) else earlier[index - len(claims)]
        if claim.id not in own and any(vocabulary_problems(tuple(pre.values()), [claim])):
            continue  # refused before the append too: replay's to report
        problems.append((claim.id, path[path.index("]") + 2 :], message.removeprefix(f"claim {claim.id!r}: ")))
        if claim.id not in own:
            assert claim.proposition is not None
            name = claim.proposition.predicate
            turned = (inverse_names(pre.values()), inverse_names(post.values()))
            related[claim.id] = {name, turned[0].get(name, name), turned[1].get(name, name)}
    problems.extend((claim, "proposition.when", message) for claim, message in _words(reader, appended, own))
    replacing: set[str] = set()
    if excused is not None and any(claim in own for claim, _, _ in problems):
        # An import's own history may leave its claims unreadable, but not one the store held.
        replacing = reader.held(claim for claim, _, _ in problems if claim in own)
        spared = excused() - replacing
        problems = [problem for problem in problems if problem[0] not in own or problem[0] not in spared]
    strands = stranded_references(reader, appended, own)
    if problems or strands:
        _refuse(
            reader,
            store,
            problems=problems,
            own=own,
            appended=appended,
            related=related,
            strands=strands,
            replacing=replacing,
        )


def check_new(store: str, batches: Sequence[tuple[str, Sequence[tuple[str, Row, Record]]]], *, replace: bool) -> None:
    """Raise as :func:`check_append` does for the first append to a store: its records alone are replayed.

    ``batches``: (time, [(label, stored row, record)]). Raises what the store would for a
    record it refuses (a :class:`~factlog.ConflictError`, or an
    :class:`~factlog.UnknownIdError` for a retraction of a claim not appended before it);
    records the store would not store (one identical to the version before it, a claim
    appended again after its retraction without ``replace``) are not replayed.
    """
    errors, stored = refusals_alone(
        [(moment, [(f"{store}: {label}", row) for label, row, _ in rows]) for moment, rows in batches], replace=replace
    )
    if errors:
        raise refused(errors)
    first = Appended()
    found = (item for _, rows in batches for item in rows)
    for (label, _, record), kept in zip(found, stored, strict=True):
        if kept:
            first.add(label, record, None)
    problems = [
        f"{store}: {first.label(claim)}: claim {claim!r}: {field}: {message}"
        for claim, field, message in _alone(first.records)
    ]
    if problems:
        raise FormatError(problems)


def _claims_of(appended: Appended) -> dict[str, Claim]:
    """The appended claims by id, less those the same append retracts after them."""
    found: dict[str, Claim] = {}
    for record in appended.records:
        if isinstance(record, Claim):
            found[record.id] = record
        elif isinstance(record, Retraction):
            found.pop(record.claim, None)
    return found


def unreadable_alone(records: Iterable[Record]) -> set[str]:
    """The ids of the claims that a store holding only ``records`` (in this order) could not read."""
    return {claim for claim, _, _ in _alone(records)}


def _alone(records: Iterable[Record]) -> list[tuple[str, str, str]]:
    """(claim id, field, message) for each claim a store of only these records could not read."""
    sections: dict[str, dict[str, Any]] = {kind: {} for kind in SECTIONS}
    for record in records:
        if isinstance(record, Retraction):
            sections["claim"].pop(record.claim, None)
        elif isinstance(record, Acknowledgement):
            sections["acknowledgement"][record.finding] = record
        else:
            sections[TYPES[type(record)]][record.id] = _as_replayed(record) if isinstance(record, Claim) else record
    state = read_claim_set_of(
        {SECTIONS[kind]: tuple(items.values()) for kind, items in sections.items()}, {}, unique=SECTIONS.values()
    )
    found: list[tuple[str, str, str]] = []
    for path, message in vocabulary_problems(state.predicates, state.claims):
        claim = state.claims[int(path[len("claims[") : path.index("]")])].id
        found.append((claim, path[path.index("]") + 2 :], message.removeprefix(f"claim {claim!r}: ")))
    found.extend(
        (state.claims[index].id, "proposition.when", message) for index, message in resolve_written(state, state)[1]
    )
    return found


def _refuse(
    reader: StoreReader,
    store: str,
    *,
    problems: Sequence[tuple[str, str, str]],
    own: Mapping[str, Claim],
    appended: Appended,
    related: Mapping[str, set[str]],
    strands: Sequence[Strand] = (),
    replacing: set[str] | frozenset[str] = frozenset(),
) -> None:
    errors: list[str] = []
    stranding = bool(strands)
    for claim, field, message in problems:
        if claim in own:
            error = f"{store}: {appended.label(claim)}: claim {claim!r}: {field}: {message}"
            if claim in replacing:
                error += (
                    f"; it would replace the store's claim {claim!r} (appended {reader.appended_at(claim)}),"
                    " which reads: import into a new store to keep this history as it is"
                )
            errors.append(error)
            continue
        stranding = True
        culprits = _culprits(appended, related.get(claim))
        errors.append(
            f"{store}: {culprits}: would strand claim {claim!r} (appended {reader.appended_at(claim)}), which"
            f" could no longer be read: {field}: {message}; retract or replace that claim first, or in the same append"
        )
    errors.extend(strand_errors(reader, store, strands, shown=_SHOWN))
    raise (ConflictError if stranding else FormatError)(errors)


def _culprits(appended: Appended, names: set[str] | None) -> str:
    """The labels of the appended records that may strand a claim, the first few.

    ``names``: the predicate names a claim the predicate rules refuse reads (the predicates
    declaring or naming them are named); None for a ``when`` in words (what may change an
    event or an anchor is named).
    """
    if names is not None:
        labels = [
            item.label
            for item in appended
            if isinstance(item.record, Predicate) and (item.record.id in names or item.record.inverse in names)
        ]
        labels = labels or [item.label for item in appended if isinstance(item.record, Predicate)]
    else:
        kinds = (Entity, Source, Claim, Retraction)
        labels = [_label(item) for item in appended if isinstance(item.record, kinds) and not _new_claim(item)]
        labels = labels or [_label(item) for item in appended if isinstance(item.record, kinds)]
    more = len(labels) - _SHOWN
    return ", ".join(labels[:_SHOWN]) + (f" and {more} more" if more > 0 else "")


def _label(item: Item) -> str:
    """An appended record's label; a retraction's with the claim it retracts, unless the label names it."""
    record = item.record
    if isinstance(record, Retraction) and repr(record.claim) not in item.label:
        return f"{item.label} (retracting {record.claim!r})"
    return item.label


def _new_claim(item: Item) -> bool:
    return isinstance(item.record, Claim) and item.before is None


def _affected(pre: Mapping[str, Predicate], post: Mapping[str, Predicate]) -> set[str]:
    """The predicate names whose claims the rules of :mod:`factlog.model._coherence` read differently after."""
    inverses = (inverse_names(pre.values()), inverse_names(post.values()))

    def reading(name: str, declared: Mapping[str, Predicate], turned: Mapping[str, str]) -> tuple[object, ...]:
        found = declared.get(turned.get(name, name))
        return name in turned, turned.get(name, name), None if found is None else found.scale is None

    names = {*pre, *post, *inverses[0], *inverses[1]}
    return {name for name in names if reading(name, pre, inverses[0]) != reading(name, post, inverses[1])}


def _words(reader: StoreReader, appended: Appended, own: Mapping[str, Claim]) -> list[tuple[str, str]]:
    """(claim id, message) for each claim whose ``when`` in words the append leaves unresolvable."""
    worded = [_as_replayed(claim) for claim in own.values() if _in_words(claim)]
    # Both scans are needed to replay the store: the cheaper first (the store's, or the append's when it is larger).
    if len(appended) >= reader.last:
        full = reader.held_words() and _may_strand_words(reader, appended)
    else:
        full = _may_strand_words(reader, appended) and reader.held_words()
    if full:
        after = reader.state(None)
        _, problems = resolve_written(after, after)
        if not problems:
            return []
        unread = {after.claims[index].id for index, _ in problems} - set(own)
        if unread:  # earlier claims that did not read before the append either are not its doing
            before = reader.state(reader.last)
            unread &= {before.claims[index].id for index, _ in resolve_written(before, before)[1]}
        return [
            (after.claims[index].id, message) for index, message in problems if after.claims[index].id not in unread
        ]
    if not worded:
        return []
    part = ClaimSet(claims=tuple(worded))
    sources = reader.sources(claim.evidence[0].source for claim in worded if claim.stated is None)
    _, problems = resolve_written(part, ClaimSet(sources=tuple(sources)), events=_LazyEvents(reader))
    return [(worded[index].id, message) for index, message in problems]


def _in_words(claim: Claim) -> bool:
    return claim.proposition is not None and type(claim.proposition.when) is WrittenWhen


def _as_replayed(claim: Claim) -> Claim:
    """The claim as a replay reads it: its ``when`` in words not yet resolved."""
    if not _in_words(claim):
        return claim
    assert claim.proposition is not None
    when = claim.proposition.when
    assert isinstance(when, WrittenWhen)
    return attrs.evolve(claim, proposition=attrs.evolve(claim.proposition, when=WrittenWhen.pending(when.written)))


def _may_strand_words(reader: StoreReader, appended: Appended) -> bool:
    """Whether the append may change what an earlier ``when`` in words counts from.

    A new entity that is no event changes nothing an event is found or dated by unless it
    bears (folded) a name, alias or id of an event: it could take the name over from it.
    """
    claims: list[Claim] = []
    forms: set[str] = set()  # the names of new entities that are no events
    for item in appended:
        record = item.record
        if isinstance(record, Entity):
            if item.before is not None or record.kind is EntityKind.EVENT:
                return True
            forms.update(fold(name) for name in (record.id, record.name, *record.aliases))
        elif isinstance(record, Source) and item.before is not None:
            source = structure(json.loads(item.before), "source", item.label)
            if not isinstance(source, Source) or source.published != record.published:
                return True  # words count from a source's date: a new document alone changes nothing
        elif isinstance(record, Claim | Retraction):
            if isinstance(record, Claim):
                claims.append(record)
            replaced = None if item.before is None else structure(json.loads(item.before), "claim", item.label)
            if isinstance(replaced, Claim):  # the version replaced or retracted may have dated an event
                claims.append(replaced)
    if forms and forms & reader.event_forms():
        return True
    dating = [claim for claim in claims if _dates_something(claim)]
    if not dating:
        return False
    return reader.names_an_event({name for claim in dating for name in _named(claim)})


def _dates_something(claim: Claim) -> bool:
    """Whether a claim may date an event (affirmed, with a ``when`` given as a date): see ``events_of``."""
    proposition = claim.proposition
    return (
        claim.polarity is Polarity.AFFIRMED
        and proposition is not None
        and proposition.when is not None
        and type(proposition.when) is not WrittenWhen
    )


def _named(claim: Claim) -> list[str]:
    assert claim.proposition is not None
    found = claim.proposition.object
    return [claim.proposition.subject, found] if isinstance(found, str) else [claim.proposition.subject]


class _LazyEvents(EventLookup):
    """The store's events, found only when words name one (a replay of the whole store)."""

    def __init__(self, reader: StoreReader) -> None:
        super().__init__()
        self.reader = reader
        self.found: EventLookup | None = None

    def find(self, name: str) -> Any:
        if self.found is None:
            self.found = events_of(self.reader.state(None))
        return self.found.find(name)

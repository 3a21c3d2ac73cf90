"""What an append must not do: leave a store whose replay cannot be read.

Records are appended apart, so one record can refuse another appended earlier: a
predicate declared with an ``inverse`` that another predicate already pairs
(:mod:`factlog.io._logpairs`), a predicate re-declared with an ``inverse`` whose claims
have no entity for their object,
or without the rank a ``highest_since`` claim needs (:mod:`factlog.model._coherence`); an
entity, a source, a claim or a retraction that changes what a ``when`` in words counts
from (an event name made ambiguous, a source's ``published`` date gone, the claim dating
"the strike" replaced or retracted: :mod:`factlog.io._logwords`). :func:`check_append` runs inside the append's
transaction, after its records are written and before they are committed, and raises
to roll them back; :func:`check_new` checks the first append to a store before the store
is made. Claims that could not be read before the append are not its doing and do not
stop it (a store written before appends were checked can still be repaired), nor do an
import's claims that its own history cannot read (``excused``: an import is a faithful
copy of that history), unless the store held the claim it replaces. References of
earlier records that an append leaves unresolved, or makes name another record, are
found by :mod:`factlog.io._logrefs` (and :mod:`factlog.io._logmoves`).

Only what an append can change is looked at. Its own claims are checked against the
store's predicates (read by SQL: a few rows); earlier claims only when the append
changes what they depend on: for the predicate rules, the claims whose predicate reads
differently after the append (found by their text, then read); for words, see
:mod:`factlog.io._logwords`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from factlog.errors import ConflictError, FormatError
from factlog.io._logpairs import unpaired
from factlog.io._logreader import SECTIONS, StoreReader
from factlog.io._logrecords import TYPES, Appended, Item, Record, Retraction
from factlog.io._logrefs import Strand, strand_errors, stranded_references
from factlog.io._logreplies import reply_cycles, reply_cycles_alone
from factlog.io._logrules import LISTED, Row, refusals_alone, refused
from factlog.io._logwords import as_replayed, stranded_words
from factlog.io._references import _cycle_problems
from factlog.model._claimset import read_claim_set_of
from factlog.model._coherence import inverse_names, vocabulary_problems
from factlog.model._nouns import Acknowledgement, Claim, Entity, Predicate, Source
from factlog.model._vocabulary import Vocabulary
from factlog.model._written import resolve_written

__all__ = ["Appended", "check_append", "check_new", "unreadable_alone"]

_SHOWN = 3
"""How many appended records an error names before ``and N more``."""


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
    cycles = _own_cycles(store, appended)
    if cycles:
        raise FormatError(cycles, shown=LISTED)
    reader = StoreReader(connection, last, store)
    own = _claims_of(appended)
    problems: list[tuple[str, str, str]] = []  # (claim id, field, message)
    related: dict[str, set[str]] = {}  # an earlier claim the predicate rules refuse → the predicate names it reads
    post = reader.predicates(None)
    claims = list(own.values())
    earlier: list[Claim] = []
    pre = post
    if any(isinstance(item.record, Predicate) for item in appended):
        pre = reader.predicates(last)
        clash = unpaired(
            store,
            appended,
            pre,
            post,
            appended_at=lambda key: reader.appended_at(key, "predicate"),
            imported=excused is not None,
        )
        if clash is not None:
            raise clash
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
    problems.extend((claim, "proposition.when", message) for claim, message in stranded_words(reader, appended, own))
    problems.extend(reply_cycles(reader, own))
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
    alone = {record.id: record for record in first.records if isinstance(record, Predicate)}
    clash = unpaired(store, first, {}, alone)
    if clash is not None:
        raise clash
    unread = [*_alone(first.records), *reply_cycles_alone(_claims_of(first).values())]
    problems = [
        f"{store}: {first.label(claim)}: claim {claim!r}: {field}: {message}" for claim, field, message in unread
    ]
    if problems:
        raise FormatError(problems, shown=LISTED)


def _own_cycles(store: str, appended: Appended) -> list[str]:
    """A cycle of ``part_of``, ``affiliation`` or ``derived_from`` among the appended entities and sources alone.

    Each link on one, named by its record's label (``FILE: $.sources[1]``, ``FILE:LINE``), as
    ``factlog validate`` names it in a claim file; a cycle an append closes with earlier
    records is a strand (:mod:`factlog.io._logrefs`).
    """
    records: dict[tuple[str, str], tuple[str, Entity | Source]] = {}
    for item in appended:
        if isinstance(item.record, Entity | Source):
            records[_kind_of(item.record), item.record.id] = (item.label, item.record)
    linked = [record for _, record in records.values() if _links(record)]
    if not linked:
        return []
    part = read_claim_set_of(
        {
            "entities": tuple(record for _, record in records.values() if isinstance(record, Entity)),
            "sources": tuple(record for _, record in records.values() if isinstance(record, Source)),
        },
        {},
    )
    errors: list[str] = []
    for path, message in _cycle_problems(part, part, Vocabulary.of(part).names):
        section, rest = path.removeprefix("$.").split("[", 1)
        index, field = rest.split("]", 1)
        record = getattr(part, section)[int(index)]
        kind = _kind_of(record)
        label = records[kind, record.id][0]
        errors.append(f"{store}: {label}: {kind} {record.id!r}: {field.removeprefix('.')}: {message}")
    return errors


def _kind_of(record: Entity | Source) -> str:
    return "entity" if isinstance(record, Entity) else "source"


def _links(record: Entity | Source) -> bool:
    if isinstance(record, Entity):
        return bool(record.part_of) or record.affiliation is not None
    return bool(record.derived_from)


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
            sections[TYPES[type(record)]][record.id] = as_replayed(record) if isinstance(record, Claim) else record
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
    stranding = any(not strand.own for strand in strands)
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
    raise (ConflictError if stranding else FormatError)(errors, shown=LISTED)


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

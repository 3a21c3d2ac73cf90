"""What an append must not do to a ``when`` in words: leave it nothing to count from.

A claim's ``when`` in words ("two days after the strike", "on Tuesday") counts from an
event the store dates, or from its source's ``published`` date. An entity, a source, a
claim or a retraction can change that: an event name made ambiguous, a source's date
gone, the claim dating "the strike" replaced or retracted. :func:`stranded_words` finds
the claims left with nothing to count from, replaying the whole store only when it held
a ``when`` in words before the append (a scan of the claims' text) and the append may
change what words count from; a claim of the append in words reads the whole store only
if its words name an event.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from factlog.io._logreader import StoreReader
from factlog.io._logrecords import Appended, Retraction, structure
from factlog.model._claimset import ClaimSet
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Claim, Entity, Source
from factlog.model._relative import EventLookup
from factlog.model._scales import Polarity
from factlog.model._vocabulary import fold
from factlog.model._written import WrittenWhen, events_of, resolve_written

__all__ = ["as_replayed", "stranded_words"]


def stranded_words(reader: StoreReader, appended: Appended, own: Mapping[str, Claim]) -> list[tuple[str, str]]:
    """(claim id, message) for each claim whose ``when`` in words the append leaves unresolvable."""
    worded = [as_replayed(claim) for claim in own.values() if _in_words(claim)]
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


def as_replayed(claim: Claim) -> Claim:
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

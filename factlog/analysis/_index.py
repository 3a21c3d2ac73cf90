"""The index every rule reads: normalised claims, grouped so rules never compare all pairs.

Built once per check. Aliases become canonical ids, inverse predicates are turned
round, symmetric pairs are sorted; then claims are grouped by proposition key, by
subject and predicate, by holder and by source, and the ``answers`` links are kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from factlog.model._claimset import ClaimSet
from factlog.model._dates import Interval
from factlog.model._nouns import Claim, Entity, Predicate, PredicateKind, Proposition, Source
from factlog.model._partial import _NEG_INF, _POS_INF
from factlog.model._vocabulary import PropositionKey, Vocabulary, canonical_key

__all__ = ["Entry", "Index", "SlotKey", "chronological"]

_ANY_TIME = (_NEG_INF, _POS_INF)
_STATE = PredicateKind.STATE

SlotKey = tuple[str, str, tuple[tuple[str, str], ...]]
"""``(subject, predicate, qualifiers)``: where a functional predicate has one value."""


@attrs.frozen(slots=True)
class Entry:
    """A claim with everything the rules need computed once."""

    claim: Claim
    position: int
    proposition: Proposition | None
    key: PropositionKey | None
    predicate: Predicate | None
    holder: str
    speaks_for: str
    stated: Interval | None
    """When the claim was stated: its own ``stated``, or its first source's ``published``."""
    sources: tuple[str, ...]
    """The claim's sources (as ``Claim.sources``)."""
    span: tuple[int, int]
    """The first and last day of the valid time, as ordinals (open ends reach beyond any day).

    A state holds throughout the span; an event happens on some day inside it. A claim
    without a valid time spans all time, but only possibly (see ``timed``). A state
    with an unknown end (``2019/``) commits only to its start: it held then, and stopped
    at a time not given, so a later "no longer holds" does not oppose it (likewise an
    unknown start commits only to the end).
    """
    exact: bool = True
    """Whether the valid time has no approximate, uncertain or unknown bound (``Interval.exact``).

    A span with such a bound is only the widest reading: it never conflicts definitely.
    """

    @property
    def timed(self) -> bool:
        """Whether the claim gives a valid time."""
        return self.when is not None

    @property
    def id(self) -> str:
        """The claim id."""
        return self.claim.id

    @property
    def when(self) -> Interval | None:
        """The valid time of the (normalised) proposition."""
        return None if self.proposition is None else self.proposition.when


def chronological(entries: Sequence[Entry]) -> list[Entry]:
    """Claims ordered by when they were stated, then by id: the same for any input order."""
    return sorted(entries, key=lambda e: (e.stated.sort_key if e.stated else (0, 0), e.id))


@attrs.frozen
class Index:
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
    _documents: dict[str, tuple[bytes | None, str | None]] = attrs.field(factory=dict, repr=False)
    _speakers: dict[str, str] = attrs.field(factory=dict, repr=False)
    _publishers: dict[str, str | None] = attrs.field(factory=dict, repr=False)
    source_scope: frozenset[str] | None = None
    """In a view, the sources whose documents the rules look at (None: all of them)."""
    parent: Index | None = attrs.field(default=None, repr=False)
    """In a view, the whole index, for rules that look beyond the groups in view."""

    hidden: frozenset[str] = frozenset()
    """In a view of the past, claims the whole index has that the view must not see."""

    def key_group(self, key: PropositionKey) -> list[Entry]:
        """The claims with a proposition key, from the whole index even in a view."""
        group = (self.parent or self).by_key.get(key, [])
        return [e for e in group if e.id not in self.hidden] if self.hidden else group

    @classmethod
    def of(cls, claims: ClaimSet) -> Index:
        """Normalise and group the claims of a set."""
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
        """Index more claims, extending the groups in place; returns their entries."""
        entries = self.entries
        added = []
        for claim in claims:
            entry = self._entry(claim, len(entries))
            entries.append(entry)
            added.append(entry)
            self.by_id[claim.id] = entry
            if entry.key is not None:
                self.by_key[entry.key].append(entry)
                assert entry.proposition is not None
                slot = (entry.proposition.subject, entry.proposition.predicate, entry.proposition.qualifiers)
                self.by_slot[slot].append(entry)
            self.by_holder[entry.holder].append(entry)
            for source in entry.sources:
                self.by_source[source].append(entry)
            for answered in claim.answers:
                self.answered_by[answered].append(entry)
        return added

    def view(self, entries: list[Entry]) -> Index:
        """An index of just the groups these claims belong to, sharing everything else.

        Rules run on a view find exactly the findings of those groups: the incremental
        check runs them on the view of the claims it adds.
        """
        keys = {e.key for e in entries if e.key is not None}
        slots = {
            (e.proposition.subject, e.proposition.predicate, e.proposition.qualifiers)
            for e in entries
            if e.proposition is not None
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
            self._documents,
            self._speakers,
            self._publishers,
            frozenset(sources),
            self.parent or self,
        )

    def scoped_sources(self) -> list[Source]:
        """The sources the rules should look at: all, or a view's."""
        if self.source_scope is None:
            return list(self.claims.sources)
        found = self.claims.source_by_id
        return [found[s] for s in sorted(self.source_scope) if s in found]

    def _entry(self, claim: Claim, position: int) -> Entry:
        proposition = claim.proposition
        key = None
        predicate = None
        if proposition is not None:
            proposition = self.vocabulary.normalise(proposition)
            key = canonical_key(proposition)
            predicate = self.vocabulary.predicate(proposition.predicate)
        holder = self.vocabulary.entity(claim.attribution.holder)
        stated = claim.stated
        evidence = claim.evidence
        if stated is None:
            source = self.claims.source_by_id.get(evidence[0].source)
            stated = None if source is None else source.published
        # One quote is the common case: its source, without building Claim.sources.
        sources = (evidence[0].source,) if len(evidence) == 1 else claim.sources
        when = None if proposition is None else proposition.when
        if when is None:
            span, exact = _ANY_TIME, True
        else:
            span = when.state_span if predicate is not None and predicate.kind is _STATE else when.span
            exact = when.exact
        speaker = self.speaker(holder)
        return Entry(claim, position, proposition, key, predicate, holder, speaker, stated, sources, span, exact)

    def speaker(self, entity: str) -> str:
        """The entity an entity ultimately speaks for, following affiliations (KCNA → dprk)."""
        found = self._speakers.get(entity)
        if found is None:
            found = self._speakers[entity] = self._follow(entity)
        return found

    def publisher(self, source: str) -> str | None:
        """The canonical entity id of a source's publisher (None for an unknown source)."""
        if source not in self._publishers:
            found = self.claims.source_by_id.get(source)
            self._publishers[source] = None if found is None else self.vocabulary.entity(found.publisher)
        return self._publishers[source]

    def _follow(self, entity: str) -> str:
        seen = {entity}
        current = entity
        while True:
            found = self.claims.entity_by_id.get(current)
            if found is None or found.affiliation is None:
                return current
            parent = self.vocabulary.entity(found.affiliation)
            if parent in seen:
                return current
            seen.add(parent)
            current = parent

    def document(self, source: str) -> tuple[bytes | None, str | None]:
        """The bytes of a source's document, or None and the reason it cannot be read.

        The path must stay inside the folder of the file that defines the source.
        """
        if source not in self._documents:
            self._documents[source] = self._read(source)
        return self._documents[source]

    def _read(self, source: str) -> tuple[bytes | None, str | None]:
        path = self.claims.document_path(source)
        if path is None:
            return None, None
        base = Path(self.claims.bases.get(source, ".")).resolve()
        resolved = path.resolve()
        if not resolved.is_relative_to(base):
            return None, f"document {path} lies outside {base}"
        try:
            return resolved.read_bytes(), None
        except OSError as error:
            return None, f"cannot read document {path}: {error.strerror or error}"

    def entity(self, name: str) -> Entity | None:
        """The entity a name (id or alias) stands for."""
        return self.claims.entity_by_id.get(self.vocabulary.entity(name))

    def name(self, entity: str) -> str:
        """A person-readable name for an entity id."""
        found = self.entity(entity)
        return entity if found is None else found.name

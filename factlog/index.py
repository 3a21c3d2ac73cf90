"""The index every rule reads: normalised claims, grouped so rules never compare all pairs.

Built once per check. Aliases become canonical ids, inverse predicates are turned
round, symmetric pairs are sorted; then claims are grouped by proposition key, by
subject and predicate, by holder and by source, and the ``answers`` links are kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import attrs

from factlog.claimset import ClaimSet
from factlog.model import Claim, Entity, Predicate, Proposition
from factlog.timeline import _NEG_INF, _POS_INF, Interval, PartialDate
from factlog.vocabulary import PropositionKey, Vocabulary

__all__ = ["Entry", "Index", "SlotKey"]

_ANY_TIME = (_NEG_INF, _POS_INF)

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
    stated: PartialDate | None
    span: tuple[int, int]
    """The first and last day of the valid time, as ordinals (open ends reach beyond any day).

    A state holds throughout the span; an event happens on some day inside it. A claim
    without a valid time spans all time, but only possibly (see ``timed``).
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


@attrs.frozen
class Index:
    """Claims of one claim set, normalised and grouped."""

    claims: ClaimSet
    vocabulary: Vocabulary
    entries: tuple[Entry, ...]
    by_id: dict[str, Entry]
    by_key: dict[PropositionKey, list[Entry]]
    by_slot: dict[SlotKey, list[Entry]]
    by_holder: dict[str, list[Entry]]
    by_source: dict[str, list[Entry]]
    answered_by: dict[str, list[Entry]]
    _documents: dict[str, tuple[bytes | None, str | None]] = attrs.field(factory=dict, repr=False)

    @classmethod
    def of(cls, claims: ClaimSet) -> Index:
        """Normalise and group the claims of a set."""
        vocabulary = Vocabulary.of(claims)
        index = cls(
            claims,
            vocabulary,
            (),
            {},
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
        )
        return index.with_claims(claims.claims)

    def with_claims(self, claims: Iterable[Claim]) -> Index:
        """Add claims: the groups are extended in place, and a new index returned."""
        entries = list(self.entries)
        for claim in claims:
            entry = self._entry(claim, len(entries))
            entries.append(entry)
            self.by_id[claim.id] = entry
            if entry.key is not None:
                self.by_key[entry.key].append(entry)
                assert entry.proposition is not None
                slot = (entry.proposition.subject, entry.proposition.predicate, entry.proposition.qualifiers)
                self.by_slot[slot].append(entry)
            self.by_holder[entry.holder].append(entry)
            for source in claim.sources:
                self.by_source[source].append(entry)
            for answered in claim.answers:
                self.answered_by[answered].append(entry)
        return attrs.evolve(self, entries=tuple(entries))

    def _entry(self, claim: Claim, position: int) -> Entry:
        proposition = claim.proposition
        key = None
        predicate = None
        if proposition is not None:
            proposition = self.vocabulary.normalise(proposition)
            key = self.vocabulary.key(proposition)
            predicate = self.vocabulary.predicate(proposition.predicate)
        holder = self.vocabulary.entity(claim.attribution.holder)
        stated = claim.stated
        if stated is None:
            source = self.claims.source_by_id.get(claim.evidence[0].source)
            stated = None if source is None else source.published
        when = None if proposition is None else proposition.when
        span = _ANY_TIME if when is None else (when.start_low, when.end_high)
        return Entry(claim, position, proposition, key, predicate, holder, self.speaker(holder), stated, span)

    def speaker(self, entity: str) -> str:
        """The entity an entity ultimately speaks for, following affiliations (KCNA → dprk)."""
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

"""The grouping tokens of a claim, read from its parsed JSON line without building the claim.

:func:`factlog.check_lines` groups the claims of a file before decoding any of them:
each claim gives 64-bit hashes of the groups its readings fall in (the tokens of
:mod:`factlog.checks._columns`) and the question it votes on in ``undeclared_copying``.
:class:`ClaimTokens` computes both from the parsed line (a dict) with the same
normalisation as :class:`~factlog.analysis.Index` (:meth:`~factlog.Vocabulary.normalise`,
its entry's declared predicate, :meth:`~factlog.analysis.Index.broader_keys`), for the
common shapes: a claim without a pattern whose object is not a list. Any other claim is
left to the caller (``None``), which decodes and indexes it. The dict is trusted as
valid: every claim is decoded by the generated reader later, when it is checked, and
an invalid one (or a ``when`` in words) sends the whole file to :func:`~factlog.load`;
so may an exception here. The work is done once per distinct proposition as written
(without its object unless the object can change the tokens) and once per ``when``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from factlog.analysis._entry import one_partner, slot_votes
from factlog.analysis._index import Entry, Index
from factlog.model._nouns import Predicate
from factlog.model._scales import Certainty
from factlog.model._written import read_when

__all__ = ["ClaimTokens", "entry_question", "entry_tokens", "exclusive_partners"]

_UNCOMMITTED = Certainty.UNCOMMITTED.value
_WHENS = 1 << 16
"""Distinct ``when`` texts kept parsed at once (the cache is emptied when full)."""
_SLOTS = 1 << 16
"""Distinct propositions (without their time) whose tokens are kept at once."""


class ClaimTokens:
    """Tokens, references and question of claims read from their parsed lines, against one base index."""

    def __init__(self, base: Index) -> None:
        self.base = base
        self.vocabulary = base.vocabulary
        self.partners = exclusive_partners(base)
        self._whens: dict[str, str] = {}
        self._slots: dict[tuple[Any, ...], _Slot] = {}
        self._objects: dict[tuple[Any, ...], _Slot] = {}

    def read(self, record: dict[str, Any]) -> tuple[Sequence[int], Sequence[int], int | None] | None:
        """``(tokens, references, question hash)`` of one claim record, or None for a shape it leaves to the caller.

        ``tokens`` include the references (hashes of the claim ids it answers or regards);
        both may be shared with other claims: they are read, never changed.
        """
        get = record.get
        if get("pattern") is not None:
            return None
        answers, regarding = get("answers"), get("regarding")
        references: Sequence[int] = ()
        if answers or regarding is not None:
            references = [hash(("c", other)) for other in answers or ()]
            if regarding is not None:
                references += [hash(("c", other)) for other in regarding["claims"]]
        proposition = get("proposition")
        if proposition is None:
            return references, references, None
        target = proposition.get("object")
        if type(target) is list:
            return None
        qualifiers = proposition.get("qualifiers")
        written = (
            proposition["subject"],
            proposition["predicate"],
            () if qualifiers is None else tuple(sorted(qualifiers.items())),
        )
        found = self._slots.get(written)
        if found is None:
            found = _cached(self._slots, written, self._slot(*written, None))
        if found.by_object and type(target) is str:
            subject, predicate, pairs = written
            with_object = (subject, predicate, target, pairs)
            found = self._objects.get(with_object) or _cached(
                self._objects, with_object, self._slot(subject, predicate, pairs, target)
            )
        tokens = [*found.tokens, *references] if references else found.tokens
        declared = found.declared
        if not slot_votes(declared) or get("certainty") == _UNCOMMITTED:
            return tokens, references, None
        return tokens, references, self._question(record, proposition.get("when"), found.slot)

    def _slot(self, subject: str, predicate: str, pairs: tuple[tuple[str, str], ...], target: str | None) -> _Slot:
        """The tokens, slot and declared predicate of a proposition as written (``Index._reading`` on it).

        ``target`` is its object when that is an entity, else None.
        """
        vocabulary = self.vocabulary
        # Vocabulary.normalise, for an object that is an entity (``target``) or not.
        subject = vocabulary.entity(subject)
        canonical = vocabulary.inverses.get(predicate)
        symmetric = vocabulary.predicates.get(predicate)
        by_object = canonical is not None or (symmetric is not None and symmetric.symmetric)
        if target is not None:
            target = vocabulary.entity(target)
            if canonical is not None:
                subject, target, predicate = target, subject, canonical
                symmetric = vocabulary.predicates.get(predicate)
            if symmetric is not None and symmetric.symmetric and target < subject:
                subject, target = target, subject
        qualifiers = tuple((name, vocabulary.entity(value)) for name, value in pairs)
        declared = vocabulary.predicate(predicate)
        # An exclusive partner turned round is met in the object's slot (``_tokens``).
        by_object = (
            by_object
            or (declared is not None and declared.inverse_functional)
            or any(turned for _, turned in self.partners.get(predicate, ()))
        )
        tokens = list(_tokens(self.base, (subject, predicate, target, qualifiers), declared, self.partners))
        return _Slot(tokens, (subject, predicate, qualifiers), declared, by_object)

    def _question(self, record: dict[str, Any], when: str | None, slot: tuple[Any, ...]) -> int | None:
        """:func:`entry_question` of the claim, from its record; its slot is known to be functional."""
        base = self.base
        source = base.claims.source_by_id.get(record["evidence"][0]["source"])
        if (
            source is not None
            and source.derived_from
            and base.publisher(source.id) == self.vocabulary.entity(record["attribution"]["holder"])
        ):
            return None
        if when is None:
            return hash((slot, "None"))
        written = self._whens.get(when)
        if written is None:
            if len(self._whens) >= _WHENS:
                self._whens.clear()
            written = self._whens[when] = repr(read_when(when))
        return hash((slot, written))


@attrs.frozen
class _Slot:
    """What the tokens of a claim need of its proposition as written."""

    tokens: list[int]
    slot: tuple[Any, ...]
    """The normalised ``(subject, predicate, qualifiers)``."""
    declared: Predicate | None
    """The declared predicate the normalised one stands for (``Entry.predicate``)."""
    by_object: bool
    """Whether an entity object changes the tokens (an inverse, symmetric or inverse-functional predicate, or one
    with an exclusive partner turned round)."""


def _cached(cache: dict[tuple[Any, ...], _Slot], key: tuple[Any, ...], found: _Slot) -> _Slot:
    if len(cache) >= _SLOTS:
        cache.clear()
    cache[key] = found
    return found


def exclusive_partners(index: Index) -> dict[str, list[tuple[str, bool]]]:
    """Each canonical predicate's exclusive partners, both ways, and whether each is turned round.

    As ``exclusive_predicates`` pairs them (:attr:`~factlog.Vocabulary.exclusive`).
    """
    return index.vocabulary.exclusive


def entry_tokens(index: Index, reading: Entry, partners: dict[str, list[tuple[str, bool]]]) -> Iterator[int]:
    """The grouping tokens of one reading of an indexed claim (the same as :class:`ClaimTokens` gives)."""
    proposition = reading.proposition
    if proposition is None or reading.key is None:
        return
    target = proposition.object
    reading_slot = (
        proposition.subject,
        proposition.predicate,
        target if isinstance(target, str) else None,
        proposition.qualifiers,
    )
    yield from _tokens(index, reading_slot, reading.predicate, partners)


def _tokens(
    index: Index,
    reading: tuple[str, str, str | None, tuple[tuple[str, str], ...]],
    declared: Predicate | None,
    partners: dict[str, list[tuple[str, bool]]],
) -> Iterator[int]:
    """Tokens of a normalised reading: its slot, its object slot, its wider places' slots, its partners' slots.

    ``reading`` is ``(subject, predicate, object if an entity else None, qualifiers)``.
    """
    subject, predicate, target, qualifiers = reading
    yield hash(("s", subject, predicate, qualifiers))
    if declared is not None and declared.inverse_functional and target is not None:
        yield hash(("o", target, predicate, qualifiers))
    # A symmetric pair reads the same from its object: filed under its slot too (one
    # partner a side), and met by an exclusive partner's claims from either end, as a
    # partner turned round (declared at the other end of an inverse pair) meets it.
    symmetric = target is not None and target != subject and declared is not None and declared.symmetric
    if symmetric and one_partner(declared):
        yield hash(("s", target, predicate, qualifiers))
    # Widening the object keeps the slot: only the qualifiers' wider places give new ones.
    for wide in index.broader_keys((subject, predicate, None, qualifiers)):
        yield hash(("s", wide[0], wide[1], wide[3]))
    for other, turned in partners.get(predicate, ()):
        if symmetric or not turned:
            yield hash(("s", subject, other, qualifiers))
        if (symmetric or turned) and target is not None:
            yield hash(("s", target, other, qualifiers))


def entry_question(index: Index, entry: Entry) -> int | None:
    """The hash of the question a claim votes on in ``undeclared_copying`` (its own test, repeated), or None."""
    proposition = entry.proposition
    if proposition is None or entry.certainty is Certainty.UNCOMMITTED:
        return None
    if not slot_votes(entry.predicate):
        return None
    source = index.claims.source_by_id.get(entry.sources[0])
    if source is not None and source.derived_from and index.publisher(source.id) == entry.holder:
        return None
    slot = (proposition.subject, proposition.predicate, proposition.qualifiers)
    return hash((slot, repr(proposition.when)))

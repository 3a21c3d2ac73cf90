"""One claim as the rules read it: an index entry, its days, and the one chronological order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from factlog.io._generated import twin
from factlog.model._dates import Interval
from factlog.model._kinds import PredicateKind
from factlog.model._nouns import Claim, Predicate, Proposition
from factlog.model._partial import _NEG_INF, _POS_INF
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import PropositionKey, Vocabulary, canonical_key

__all__ = [
    "ANY_TIME",
    "Entry",
    "Fields",
    "Kinds",
    "SlotKey",
    "certain_days",
    "chronological",
    "new_entry",
    "object_slot",
    "one_partner",
    "partner",
    "proposition_fields",
    "reading_fields",
    "slot_votes",
    "slots",
]

ANY_TIME = (_NEG_INF, _POS_INF)
"""The span of a claim without a valid time: beyond any day at both ends."""

SlotKey = tuple[str, str, tuple[tuple[str, str], ...]]
"""``(subject, predicate, qualifiers)``: where a functional predicate has one value."""


@attrs.frozen(slots=True)
class Entry:
    """A claim with everything the rules need computed once."""

    claim: Claim
    position: int
    """Order of the claim in the set; unique per entry (an implied reading adds a large offset)."""
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
    without a valid time spans all time, but only possibly (see ``timed``). An
    approximate or uncertain bound (``1961~``, ``2019?``) widens the span (see
    :class:`~factlog.PartialDate`). A state with an unknown end (``2019/``) commits only
    to its start: it held then, and stopped at a time not given, so a later "no longer
    holds" does not oppose it (likewise an unknown start commits only to the end); see
    :attr:`~factlog.Interval.state_span`.
    """
    polarity: Polarity
    """Whether this reading affirms or denies its proposition (the claim's own, or implied)."""
    core: tuple[int, int] | None = None
    """The days the claim certainly covers, as ordinals (None: no day is certain).

    Two claims whose spans meet overlap *possibly*; only when their cores meet do they
    overlap *definitely* (see :func:`factlog.analysis._index.certain_days`).
    """
    part: int = 0
    """0 for the claim's own reading; 1, 2, ... for what its pattern or objects imply."""
    id: str = attrs.field(default=attrs.Factory(lambda entry: entry.claim.id, takes_self=True))
    """The claim id (``claim.id``), kept in the entry: the rules read it without the claim object."""
    certainty: Certainty = attrs.field(default=attrs.Factory(lambda entry: entry.claim.certainty, takes_self=True))
    """How firmly the claim is held (``claim.certainty``), kept in the entry like :attr:`id`.

    At a million claims the claim objects no longer fit in the processor's caches: a rule
    reading a group's certainties from its entries reads no claim object.
    """

    @property
    def timed(self) -> bool:
        """Whether the claim gives a valid time."""
        proposition = self.proposition
        return proposition is not None and proposition.when is not None

    @property
    def exact(self) -> bool:
        """Whether the valid time has no approximate, uncertain or unknown bound (``Interval.exact``)."""
        return self.when is None or self.when.exact

    @property
    def when(self) -> Interval | None:
        """The valid time of the (normalised) proposition."""
        return None if self.proposition is None else self.proposition.when


_FILLING: Any = twin(Entry)  # filled by plain assignment, then made an Entry (factlog.io._generated)
_new = object.__new__


def new_entry(
    claim: Claim,
    position: int,
    proposition: Proposition | None,
    key: PropositionKey | None,
    predicate: Predicate | None,
    *,
    holder: str,
    speaks_for: str,
    stated: Interval | None,
    sources: tuple[str, ...],
    span: tuple[int, int],
    polarity: Polarity,
    core: tuple[int, int] | None = None,
) -> Entry:
    """``Entry(...)`` with these fields (``part`` 0), made in about a quarter of the time; raises nothing.

    The generated ``__init__`` of a frozen class sets each field through
    ``object.__setattr__`` (15 calls, about 0.7 µs); an index makes one entry a claim.
    """
    entry: Any = _new(_FILLING)
    entry.claim = claim
    entry.position = position
    entry.proposition = proposition
    entry.key = key
    entry.predicate = predicate
    entry.holder = holder
    entry.speaks_for = speaks_for
    entry.stated = stated
    entry.sources = sources
    entry.span = span
    entry.polarity = polarity
    entry.core = core
    entry.part = 0
    entry.id = claim.id
    entry.certainty = claim.certainty
    entry.__class__ = Entry
    made: Entry = entry
    return made


def object_slot(entry: Entry) -> SlotKey:
    """``(object, predicate, qualifiers)`` of a claim whose object is an entity."""
    assert entry.proposition is not None
    assert isinstance(entry.proposition.object, str)
    return (entry.proposition.object, entry.proposition.predicate, entry.proposition.qualifiers)


def one_partner(predicate: Predicate | None) -> bool:
    """Whether each entity of a pair has one partner at a time: a symmetric predicate declared ``functional``.

    For a symmetric predicate ``functional`` and ``inverse_functional`` say the same ("a
    is married to b" is "b is married to a": one value per subject is one subject per
    value), so either declares it. Its claims are filed under the slot of each of their
    two entities (:func:`slots`), since they constrain both, and ``conflicting_values``
    compares, in each entity's slot, the partners named for it: the same findings
    whichever of the two ids sorts first. Raises nothing.
    """
    return predicate is not None and predicate.symmetric and (predicate.functional or predicate.inverse_functional)


def slot_votes(predicate: Predicate | None) -> bool:
    """Whether claims on a predicate answer the question of their slot's one value (assessment, copying).

    A functional predicate that is not symmetric. A symmetric pair is weighed as a yes or
    no proposition, each pair once, whatever order its ids sort in (its conflicts are
    :func:`one_partner`'s, in the check). Raises nothing.
    """
    return predicate is not None and predicate.functional and not predicate.symmetric


def slots(entry: Entry) -> tuple[SlotKey, ...]:
    """The slots a reading is filed under: its subject's and, for a :func:`one_partner` predicate, its object's.

    ``()`` for a claim without a proposition. Raises nothing.
    """
    proposition = entry.proposition
    if proposition is None:
        return ()
    slot = (proposition.subject, proposition.predicate, proposition.qualifiers)
    obj = proposition.object
    if type(obj) is str and obj != slot[0] and one_partner(entry.predicate):
        return slot, (obj, slot[1], slot[2])
    return (slot,)


def partner(slot: SlotKey, entry: Entry) -> object:
    """The value a reading gives its slot: its object, or its subject where it is filed under its object's slot.

    Raises nothing for a reading with a proposition (None without one).
    """
    proposition = entry.proposition
    if proposition is None:
        return None
    if proposition.subject != slot[0] and proposition.object == slot[0]:
        return proposition.subject
    return proposition.object


def certain_days(when: Interval | None, *, event: bool) -> tuple[int, int] | None:
    """The days a valid time certainly covers, as ordinals: None when no day is certain.

    This is how Wikidata's single-value constraint reads start and end qualifiers
    (a term ending in 2016 and one starting in 2016 do not certainly overlap):

    * a **state** over one partial date holds throughout it (``2019``: every day of 2019);
      over ``start/end`` it certainly holds from the last day ``start`` may be to the day
      before the first day ``end`` may be: the end day is the day of the handover, so a
      term ending on the day the next begins only possibly overlaps it;
    * an **event** certainly happens on a day only when it is dated to that day.

    No valid time: nothing is certain. Approximate and uncertain dates (EDTF ``~``,
    ``?``) change only this function and the span: their days are widened
    (:attr:`~factlog.PartialDate.first_day`), which widens :attr:`Entry.span` and shrinks
    what is certain here (a state over one approximate date certainly holds on no day;
    ``2019/2021~`` certainly holds only on the last day of 2019). A bound not given
    (``2019/``, ``/2019``) makes no day certain. Findings whose cores do not meet are one
    step less severe (:func:`factlog.checks._findings.graded`).
    """
    if when is None:
        return None
    if when.start_unknown or when.end_unknown:
        return None
    if event:
        low, high = when.span  # (start_low, end_high)
        return (low, low) if low == high else None
    start, end = when.start, when.end
    if start is not None and (start is end or start == end):  # one date, parsed once: the same object
        return (start.first_day, start.last_day) if start.exact else None
    low = _NEG_INF if start is None else start.last_day
    high = _POS_INF if end is None else end.first_day - 1
    return (low, high) if low <= high else None


def chronological(entries: Sequence[Entry]) -> list[Entry]:
    """Claims ordered by when they were stated, then by id: the same for any input order."""
    return sorted(entries, key=_stated_order)


def _stated_order(entry: Entry) -> tuple[tuple[int, int], str]:
    """The key :func:`chronological` sorts by: ``stated``'s sort key (its span, kept in a slot), then the id."""
    stated = entry.stated
    return (stated.span if stated is not None else (0, 0), entry.id)


Fields = tuple[Proposition, PropositionKey, Predicate | None, tuple[int, int], tuple[int, int] | None]
"""``(proposition, key, predicate, span, core)`` of an :class:`Entry` reading a proposition."""
Kinds = dict[str, tuple[Predicate | None, bool, bool]]
"""Predicate name to the declared predicate, and whether it is a state and an event: looked up once a name."""


def proposition_fields(
    vocabulary: Vocabulary, kinds: Kinds, proposition: Proposition
) -> tuple[Proposition, PropositionKey, Predicate | None, bool, bool]:
    """A proposition normalised, its key, its declared predicate, and whether that is a state and an event.

    ``kinds`` remembers each predicate name's lookup across calls (an index passes its
    own). Raises nothing.
    """
    normal = vocabulary.normalise(proposition)
    found = kinds.get(normal.predicate)
    if found is None:
        predicate = vocabulary.predicate(normal.predicate)
        kind = None if predicate is None else predicate.kind
        found = kinds[normal.predicate] = (predicate, kind is PredicateKind.STATE, kind is PredicateKind.EVENT)
    return normal, canonical_key(normal), *found


def reading_fields(vocabulary: Vocabulary, kinds: Kinds, proposition: Proposition) -> Fields:
    """The fields of an entry that depend on the proposition it reads, normalised; raises nothing.

    ``kinds`` remembers each predicate name's lookup across calls (an index passes its own).
    """
    normal, key, predicate, state, event = proposition_fields(vocabulary, kinds, proposition)
    when = normal.when
    if when is None:
        return normal, key, predicate, ANY_TIME, None
    span = when.state_span if state else when.span
    return normal, key, predicate, span, certain_days(when, event=event)

"""The units assessment weighs: one proposition over one stretch of time, or one slot.

A *unit* gathers the committed claims about one proposition whose times overlap (a
yes/no question), or the claims about the value of one functional slot (which value?).
Its claims are grouped into independent origins; each origin's current stance is its
latest claims, so a holder that reversed itself counts as it stands now.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator, Sequence

import attrs

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, SlotKey
from factlog.analysis._origins import Origin, origins
from factlog.analysis._timegroups import time_groups
from factlog.analysis._values import compatible
from factlog.model._dates import Interval
from factlog.model._nouns import Object, Proposition
from factlog.model._scales import Certainty, Polarity, Reliability
from factlog.model._vocabulary import PropositionKey, object_key

__all__ = ["Ballot", "Label", "OriginWeight", "Unit", "grounded", "units"]

Weigher = Callable[[Index, Entry, bool], float]


class Label(enum.Enum):
    """A claim's standing once every conflict in its group is weighed."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CONTESTED = "contested"


@attrs.frozen
class OriginWeight:
    """One independent origin as it counts in one assessment."""

    label: str
    speaker: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    weight: float
    reliability: Reliability
    interested: bool


@attrs.frozen
class Ballot:
    """One claim's vote: its origin, the answer it supports, its publisher, whether it is current."""

    origin: OriginWeight
    answer: str
    source: str
    current: bool


@attrs.frozen(eq=False)
class Unit:
    """One question for assessment, with its answers, origins and ballots."""

    entries: tuple[Entry, ...]
    answers: tuple[str, ...]
    candidates: tuple[str, ...]
    rivals: dict[str, tuple[str, ...]]
    ballots: tuple[Ballot, ...]
    answer_of: dict[str, str]
    texts: dict[str, str]
    keys: dict[str, str]
    notes: tuple[str, ...]
    slot: str | None

    def friends(self, answer: str) -> set[str]:
        """The answer and the candidates compatible with it (another precision of one date)."""
        if self.slot is None:
            return {answer}
        return {answer} | {c for c in self.candidates if c not in self.rivals.get(answer, ())}

    def _current(self, answers: set[str]) -> tuple[OriginWeight, ...]:
        best: dict[str, OriginWeight] = {}
        for ballot in self.ballots:
            if ballot.current and ballot.answer in answers:
                found = best.get(ballot.origin.speaker)
                if found is None or ballot.origin.weight > found.weight:
                    best[ballot.origin.speaker] = ballot.origin
        return tuple(sorted(best.values(), key=lambda o: (-o.weight, o.label)))

    def backers(self, answer: str) -> tuple[OriginWeight, ...]:
        """The origins whose current stance supports the answer, or one compatible with it."""
        return self._current(self.friends(answer))

    def opponents(self, answer: str) -> tuple[OriginWeight, ...]:
        """The origins whose current stance supports only rivals of the answer."""
        backing = {origin.speaker for origin in self.backers(answer)}
        rivals = self._current(set(self.rivals.get(answer, ())))
        return tuple(origin for origin in rivals if origin.speaker not in backing)

    @functools.cached_property
    def answer_labels(self) -> dict[str, Label]:
        """The grounded label of every answer."""
        strength: dict[str, float] = {}
        for ballot in self.ballots:
            if ballot.current:
                strength[ballot.answer] = max(strength.get(ballot.answer, float("-inf")), ballot.origin.weight)
        return grounded(self.answers, self.rivals, strength)

    def labels(self, answer: str) -> tuple[tuple[str, Label], ...]:
        """Each claim that bears on the answer, with its label, by claim id."""
        relevant = self.friends(answer) | set(self.rivals.get(answer, ()))
        return tuple(
            (entry.id, self.answer_labels[self.answer_of[entry.id]])
            for entry in sorted(self.entries, key=lambda e: e.id)
            if self.answer_of[entry.id] in relevant
        )


PREFERENCE_MARGIN = 0.5
"""How much more weight (in log-odds) makes one argument clearly stronger than another."""


def grounded(
    answers: Sequence[str], rivals: dict[str, tuple[str, ...]], strength: dict[str, float]
) -> dict[str, Label]:
    """Grounded labelling of answers whose supporters attack the supporters of rivals.

    An attack fails against a clearly stronger argument (by more than
    :data:`PREFERENCE_MARGIN`); an answer nobody currently supports attacks nothing.
    An answer is accepted when every successful attacker is rejected, rejected when a
    successful attacker (or, unsupported, any rival) is accepted, contested otherwise.
    """

    def attacks(answer: str) -> list[str]:
        mine = strength.get(answer, float("-inf"))
        return [r for r in rivals.get(answer, ()) if r in strength and not mine > strength[r] + PREFERENCE_MARGIN]

    attackers = {answer: attacks(answer) for answer in answers}
    label: dict[str, Label] = {}
    changed = True
    while changed:
        changed = False
        for answer in answers:
            if answer in label:
                continue
            beaten = any(label.get(a) is Label.ACCEPTED for a in attackers[answer])
            if answer not in strength:
                beaten = beaten or any(label.get(r) is Label.ACCEPTED for r in rivals.get(answer, ()))
            if beaten:
                label[answer], changed = Label.REJECTED, True
            elif answer in strength and all(label.get(a) is Label.REJECTED for a in attackers[answer]):
                label[answer], changed = Label.ACCEPTED, True
    return {answer: label.get(answer, Label.CONTESTED) for answer in answers}


def _span(entries: Sequence[Entry]) -> Interval | None:
    timed = [e.when for e in entries if e.when is not None]
    if len(timed) != len(entries) or not timed:
        return None
    first = min(timed, key=lambda w: w.start_low)
    last = max(timed, key=lambda w: w.end_high)
    return Interval(first.start, last.end)


def _current(origin: Origin) -> set[str]:
    dates = [e.stated.sort_key for e in origin.entries if e.stated is not None]
    latest = max(dates, default=None)
    return {e.id for e in origin.entries if e.stated is None or e.stated.sort_key == latest}


def _ballots(
    index: Index, group: Sequence[Entry], answer_of: dict[str, str], weigh: Weigher
) -> tuple[tuple[Ballot, ...], tuple[str, ...]]:
    proposition = group[0].proposition
    assert proposition is not None
    parties = {index.speaker(proposition.subject)}
    if isinstance(proposition.object, str):
        parties.add(index.speaker(proposition.object))
    ballots, notes = [], []
    for origin in origins(index, group):
        current = _current(origin)
        if len(current) < len(origin.entries):
            notes.append(f"{origin.label} changed its stance; its latest claims count")
        sources = origin.sources
        claims_by_answer: dict[str, list[str]] = {}
        for entry in origin.entries:
            claims_by_answer.setdefault(answer_of[entry.id], []).append(entry.id)
        same_answer = {answer: tuple(sorted(ids)) for answer, ids in claims_by_answer.items()}
        for entry in origin.entries:
            interested = entry.polarity is Polarity.DENIED and entry.speaks_for in parties
            entity = index.entity(entry.holder)
            counted = OriginWeight(
                label=origin.label,
                speaker=origin.speaker,
                claims=same_answer[answer_of[entry.id]],
                sources=sources,
                weight=round(weigh(index, entry, interested), 4),
                reliability=entity.reliability if entity is not None else Reliability.F,
                interested=interested,
            )
            source = index.claims.source_by_id.get(entry.claim.evidence[0].source)
            publisher = source.publisher if source is not None else entry.claim.evidence[0].source
            ballots.append(Ballot(counted, answer_of[entry.id], publisher, entry.id in current))
    return tuple(ballots), tuple(notes)


def units(index: Index, weigh: Weigher) -> Iterator[Unit]:
    """Every unit of the index: yes/no propositions, then functional slots."""
    for key, entries in index.by_key.items():
        predicate = entries[0].predicate
        if predicate is None or not predicate.functional:
            for group in _committed_time_groups(entries):
                yield _yes_no_unit(index, key, group, weigh)
    for slot, entries in index.by_slot.items():
        predicate = entries[0].predicate
        if predicate is not None and predicate.functional:
            for group in _committed_time_groups(entries):
                yield _slot_unit(index, slot, group, weigh)


def _committed_time_groups(entries: Sequence[Entry]) -> list[list[Entry]]:
    return time_groups([e for e in entries if e.claim.certainty is not Certainty.UNCOMMITTED])


def _yes_no_unit(index: Index, key: PropositionKey, group: Sequence[Entry], weigh: Weigher) -> Unit:
    first = group[0].proposition
    assert first is not None
    when = _span(group)
    proposition = attrs.evolve(first, when=when)
    answer_of = {e.id: "yes" if e.polarity is Polarity.AFFIRMED else "no" for e in group}
    parts = [key[0], key[1], *(key[2][1:] if key[2] else ()), *(f"{k}={v}" for k, v in key[3])]
    key_text = " ".join(str(part) for part in parts) + f" @ {phrasing.span(when) or 'any time'}"
    ballots, notes = _ballots(index, group, answer_of, weigh)
    return Unit(
        entries=tuple(group),
        answers=("yes", "no"),
        candidates=("yes",),
        rivals={"yes": ("no",), "no": ("yes",)},
        ballots=ballots,
        answer_of=answer_of,
        texts={"yes": phrasing.proposition(index, proposition)},
        keys={"yes": key_text},
        notes=notes,
        slot=None,
    )


def _slot_unit(index: Index, slot: SlotKey, group: Sequence[Entry], weigh: Weigher) -> Unit:
    predicate = group[0].predicate
    assert predicate is not None
    values: dict[str, Object | None] = {}
    answer_of: dict[str, str] = {}
    for entry in sorted(group, key=lambda e: e.id):
        assert entry.proposition is not None
        value = str(object_key(entry.proposition.object))
        values.setdefault(value, entry.proposition.object)
        answer_of[entry.id] = value if entry.polarity is Polarity.AFFIRMED else f"not:{value}"
    candidates = tuple(sorted(values))
    rivals: dict[str, list[str]] = {value: [] for value in candidates}
    for first in candidates:
        for second in candidates:
            if first != second and not compatible(values[first], values[second], predicate):
                rivals[first].append(second)
    denied = sorted({answer for answer in answer_of.values() if answer.startswith("not:")})
    for answer in denied:
        rivals[answer] = [answer[4:]]
        rivals[answer[4:]].append(answer)
    when = _span(group)
    slot_text = f"{slot[0]} {slot[1]}" + "".join(f" {k}={v}" for k, v in slot[2])
    texts, keys = {}, {}
    for value in candidates:
        proposition = Proposition(
            subject=slot[0], predicate=slot[1], object=values[value], qualifiers=slot[2], when=when
        )
        texts[value] = phrasing.proposition(index, proposition)
        shown = values[value] if isinstance(values[value], str) else str(values[value])
        keys[value] = f"{slot_text} = {shown} @ {phrasing.span(when) or 'any time'}"
    ballots, notes = _ballots(index, group, answer_of, weigh)
    return Unit(
        entries=tuple(group),
        answers=(*candidates, *denied),
        candidates=candidates,
        rivals={answer: tuple(items) for answer, items in rivals.items()},
        ballots=ballots,
        answer_of=answer_of,
        texts=texts,
        keys=keys,
        notes=notes,
        slot=slot_text,
    )

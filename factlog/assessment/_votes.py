"""The votes of one question: each claim's origin, answer, weight, and whether it states its holder's stance now.

A holder's current stance is its latest claims when its answer changed, so a holder
that reversed itself counts as it stands now (:mod:`factlog.assessment._holding`);
holders of one origin that give different answers at once leave it divided, counted
once for each answer they give (never twice for one), and named with what each says.
A claim by a party to what it says (its own subject or object, see
:mod:`factlog.analysis._parties`) that denies or judges is *interested*, and discounted.

Every claim of an origin counts at the origin's grade (:func:`origin_grade`): that of
the holders whose words they are, never that of an outlet that copied them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from factlog.analysis._index import Entry, Index
from factlog.analysis._origins import Origin, copy_sources, origins, voices
from factlog.analysis._parties import parties as interested_parties
from factlog.analysis._phrasing import join
from factlog.assessment._holding import Holding, holding
from factlog.assessment._stances import OriginWeight
from factlog.assessment._weights import vote_weight
from factlog.model._scales import Polarity, Reliability

__all__ = ["NONE_TOGETHER", "Answers", "Vote", "Weigher", "Wording", "origin_grade", "votes"]

Weigher = Callable[[Index, Entry, bool, Reliability], float]
"""``weigh(index, entry, interested, grade)``: the log-odds a claim adds a priori, its origin graded ``grade``."""


@attrs.frozen
class Vote:
    """One claim's vote: its origin, the answer it supports, its weight in [0, 1], whether it is current.

    The weight is the expressed certainty (1, 0.7, 0.4; 0 when uncommitted), times the
    discounts of :data:`~factlog.assessment._weights.DISCOUNTS` that apply.
    """

    origin: OriginWeight
    answer: str
    weight: float
    current: bool


NONE_TOGETHER: dict[str, tuple[frozenset[str], ...]] = {}
"""Shared by every question none of whose claims affirms several values (never changed)."""


Answers = dict[tuple[str, int], str]
"""(claim id, reading) → the answer that reading of the claim supports (a claim naming several objects: one each)."""

Wording = Callable[[str], tuple[str, str]]
"""``said(answer)``: what a holder giving that answer does, and to what: ``("says", "2026-11-23")``.

The verb is one of ``says``, ``affirms``, ``denies`` (a yes/no question's: ``("denies", "it")``).
"""


def _yes_no(answer: str) -> tuple[str, str]:
    return ("affirms" if answer == "yes" else "denies"), "it"


def _copies_words(index: Index, entry: Entry, origin: Origin, credited: frozenset[str]) -> bool:
    """Whether a claim prints words it copied, in its publisher's own voice: ``credited``, the parties quoted.

    A declared copy (its first source has a ``derived_from``), or an own-voice echo joined
    to words the origin credits to another party's holder (``credited``: the parties of
    the origin's claims held by a holder other than their source's publisher), or to
    another party's origin, repeats words that are not its holder's.
    """
    source_id = entry.sources[0] if entry.sources else ""
    if index.publisher(source_id) != entry.holder:
        return False
    party = index.speaks_for(entry.holder)
    return source_id in copy_sources(index) or party != origin.speaks_for or bool(credited - {party})


def origin_grade(index: Index, origin: Origin) -> Reliability:
    """An origin's Admiralty grade: its most reliable holder among those holding a claim in their own right.

    A claim a copy prints in its publisher's own voice (:func:`_copies_words`: a declared
    copy, or an echo of words credited to another party's holder) is the copied holder's
    words, so its publisher's grade is none of the origin's: a D-graded agency copied by
    an ungraded paper stays D, and an A-graded outlet's copy of an ungraded holder's words
    is F. Holders of one party that each speak in their own
    right give the best of their grades (A the greatest); an origin of copies alone
    (their story not in the set) takes its copies' holders. An ungraded holder is F.
    Raises nothing.
    """
    credited = _credited(index, origin)
    own = [entry for entry in origin.entries if not _copies_words(index, entry, origin, credited)] or origin.entries
    grades = {_grade(index, entry.holder) for entry in own}
    return max(grades)


def _credited(index: Index, origin: Origin) -> frozenset[str]:
    """The parties of the origin's claims held by a holder other than their source's publisher: the parties quoted."""
    return frozenset(
        index.speaks_for(entry.holder)
        for entry in origin.entries
        if entry.sources and index.publisher(entry.sources[0]) != entry.holder
    )


def _grade(index: Index, holder: str) -> Reliability:
    entity = index.entity(holder)
    return entity.reliability if entity is not None else Reliability.F


def _parties(index: Index, entry: Entry, known: dict[object, frozenset[str]]) -> frozenset[str]:
    assert entry.proposition is not None
    # A slot's predicates may differ (a family joined by exclusive_with or a scale), and so may what each accuses.
    key = (entry.proposition.object, entry.predicate.accuses if entry.predicate is not None else None)
    found = known.get(key)
    if found is None:
        found = known[key] = interested_parties(index, entry)
    return found


def _holding(index: Index, origin: Origin, answer_of: Answers) -> Holding:
    credited = _credited(index, origin) if len({entry.holder for entry in origin.entries}) > 1 else frozenset()
    return holding(origin, answer_of, lambda entry: _copies_words(index, entry, origin, credited), index)


def _notes(index: Index, origin: Origin, held: Holding, said: Wording) -> list[str]:
    """What an origin's holders did: who changed its stance; and, for a divided origin, who says what."""
    notes = []
    for holder in held.changed:
        # An origin of one holder is named as it is listed; one of several names the holder that moved.
        name = index.name(holder) if held.several else origin.label
        notes.append(f"{name} changed its stance; its latest claims count")
    if held.stances:
        by_stance: dict[tuple[str, ...], list[str]] = {}
        for holder, answers in held.stances:
            by_stance.setdefault(tuple(sorted(answers)), []).append(index.name(holder))
        who = ", ".join(f"{join(names)} {_saying(answers, said, len(names))}" for answers, names in by_stance.items())
        notes.append(
            f"{origin.label} is divided: its holders disagree: {who}; it counts once for each answer they give"
        )
    return notes


_PLURAL = {"says": "say", "affirms": "affirm", "denies": "deny"}


def _saying(answers: Sequence[str], said: Wording, holders: int) -> str:
    """What holders giving ``answers`` say: ``says 2026-11-23``, ``say 2026-11-23 and deny 2026-11-24``."""
    by_verb: dict[str, list[str]] = {}
    for answer in answers:
        verb, what = said(answer)
        by_verb.setdefault(verb, []).append(what)
    return " and ".join(f"{_PLURAL[verb] if holders > 1 else verb} {join(whats)}" for verb, whats in by_verb.items())


def votes(
    index: Index, group: Sequence[Entry], answer_of: Answers, weigh: Weigher, said: Wording = _yes_no
) -> tuple[tuple[Vote, ...], tuple[str, ...], dict[str, tuple[frozenset[str], ...]]]:
    """A question's votes, its notes (changed stances, divided origins), and (``together``) multi-valued claims.

    ``together``: speaker → the sets of values its claims that affirm several affirm.
    ``said(answer)`` words what a holder giving an answer says, for a divided origin's note
    (a yes/no question's by default: ``affirms it``, ``denies it``).
    """
    votes, notes = [], []
    parties: dict[object, frozenset[str]] = {}  # (object, accuses) → the parties accused (same subject)
    affirms: dict[str, dict[str, set[str]]] = {}  # speaker → claim → the values it affirms now, committed
    several = len(answer_of) > len({claim for claim, _ in answer_of})  # some claim has several readings here
    for origin in origins(index, group, wording=True):  # an undeclared echo counts once, as a declared copy
        held = _holding(index, origin, answer_of)
        current = held.current
        notes.extend(_notes(index, origin, held, said))
        # A vote lists the claims of its answer and time, and their sources: a superseded one is no part of it.
        claims_by_answer: dict[tuple[str, bool], dict[str, None]] = {}
        sources_by_answer: dict[tuple[str, bool], dict[str, None]] = {}
        for entry in origin.entries:
            stance = (answer_of[entry.id, entry.part], (entry.id, entry.part) in current)
            claims_by_answer.setdefault(stance, {})[entry.id] = None
            sources_by_answer.setdefault(stance, {}).update(dict.fromkeys(entry.sources))
        same_answer = {key: tuple(sorted(ids)) for key, ids in claims_by_answer.items()}
        shared: dict[tuple[object, ...], OriginWeight] = {}  # one object for the claims that count alike
        reliability = (
            origin_grade(index, origin) if len(origin.entries) > 1 else _grade(index, origin.entries[0].holder)
        )
        for entry, holder in zip(origin.entries, held.holders, strict=True):
            judges = entry.polarity is Polarity.DENIED or (entry.predicate is not None and entry.predicate.evaluative)
            # As factlog.analysis._parties.interested, with each reading's own parties (a slot's objects differ).
            interested = judges and not _parties(index, entry, parties).isdisjoint(voices(index, entry))
            weight, discounts = vote_weight(index, entry, interested)
            shown = round(weigh(index, entry, interested, reliability), 4)
            answer = answer_of[entry.id, entry.part]
            certainty = entry.certainty
            now = (entry.id, entry.part) in current
            # A superseded claim of an origin of several holders is named by its holder: that one changed, not all.
            label = origin.label if now or not held.several else index.name(holder)
            key = (answer, now, shown, reliability, interested, discounts, certainty, label)
            counted = shared.get(key)
            if counted is None:
                counted = shared[key] = OriginWeight(
                    label=label,
                    speaks_for=origin.speaks_for,
                    claims=same_answer[answer, now],
                    sources=tuple(sources_by_answer[answer, now]),
                    weight=shown,
                    reliability=reliability,
                    interested=interested,
                    discounts=discounts,
                    certainty=certainty,
                )
            votes.append(Vote(counted, answer, weight, now))
            if several and now and weight > 0 and not answer.startswith("not:"):
                affirms.setdefault(origin.speaks_for, {}).setdefault(entry.id, set()).add(answer)
    together = {
        speaker: tuple(sorted({frozenset(values) for values in claims.values()}, key=sorted))
        for speaker, claims in affirms.items()
        if any(len(values) > 1 for values in claims.values())
    }
    return tuple(votes), tuple(notes), together or NONE_TOGETHER

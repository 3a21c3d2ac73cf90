"""The votes of one question: each claim's origin, answer, weight, and whether it states its origin's stance now.

An origin's current stance is its latest claims when its polarity changed, so a holder
that reversed itself counts as it stands now. A claim by a party to what it says (its
own subject or object, see :mod:`factlog.analysis._parties`) that denies or judges is
*interested*, and discounted.

Every claim of an origin counts at the origin's grade (:func:`origin_grade`): that of
the holders whose words they are, never that of an outlet that copied them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from factlog.analysis._index import Entry, Index
from factlog.analysis._origins import Origin, copy_sources, origins, voices
from factlog.analysis._parties import parties as interested_parties
from factlog.assessment._stances import OriginWeight
from factlog.assessment._weights import vote_weight
from factlog.model._scales import Polarity, Reliability

__all__ = ["NONE_TOGETHER", "Answers", "Vote", "Weigher", "origin_grade", "votes"]

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


def _copies_words(index: Index, entry: Entry, origin: Origin, credited: frozenset[str]) -> bool:
    """Whether a claim prints words it copied, in its publisher's own voice: ``credited``, the parties quoted.

    A declared copy (its first source has a ``derived_from``), or an own-voice echo joined
    to words the origin credits to another party's holder (``credited``: the parties of
    the origin's claims held by a holder other than their source's publisher), or to
    another party's origin, repeats words that are not its holder's.
    """
    source_id = entry.claim.evidence[0].source if entry.claim.evidence else ""
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
    credited = frozenset(
        index.speaks_for(entry.holder)
        for entry in origin.entries
        if entry.claim.evidence and index.publisher(entry.claim.evidence[0].source) != entry.holder
    )
    own = [entry for entry in origin.entries if not _copies_words(index, entry, origin, credited)] or origin.entries
    grades = {_grade(index, entry.holder) for entry in own}
    return max(grades)


def _grade(index: Index, holder: str) -> Reliability:
    entity = index.entity(holder)
    return entity.reliability if entity is not None else Reliability.F


def _current(origin: Origin, answer_of: Answers) -> tuple[set[str], bool]:
    """The ids of the claims that state the origin's stance now, and whether it changed."""
    dates = [e.stated.sort_key for e in origin.entries if e.stated is not None]
    latest = max(dates, default=None)
    now = {e.id for e in origin.entries if e.stated is None or e.stated.sort_key == latest}
    before = {answer_of[e.id, e.part] for e in origin.entries if e.id not in now}
    if before <= {answer_of[e.id, e.part] for e in origin.entries if e.id in now}:
        return {e.id for e in origin.entries}, False
    return now, True


def _parties(index: Index, entry: Entry, known: dict[object, frozenset[str]]) -> frozenset[str]:
    assert entry.proposition is not None
    # A slot's predicates may differ (a family joined by exclusive_with or a scale), and so may what each accuses.
    key = (entry.proposition.object, entry.predicate.accuses if entry.predicate is not None else None)
    found = known.get(key)
    if found is None:
        found = known[key] = interested_parties(index, entry)
    return found


def votes(
    index: Index, group: Sequence[Entry], answer_of: Answers, weigh: Weigher
) -> tuple[tuple[Vote, ...], tuple[str, ...], dict[str, tuple[frozenset[str], ...]]]:
    """A question's votes, its notes (changed stances), and (``together``) the claims that affirm several values."""
    votes, notes = [], []
    parties: dict[object, frozenset[str]] = {}  # (object, accuses) → the parties accused (same subject)
    affirms: dict[str, dict[str, set[str]]] = {}  # speaker → claim → the values it affirms now, committed
    several = len(answer_of) > len({claim for claim, _ in answer_of})  # some claim has several readings here
    for origin in origins(index, group, wording=True):  # an undeclared echo counts once, as a declared copy
        current, changed = _current(origin, answer_of)
        if changed:
            notes.append(f"{origin.label} changed its stance; its latest claims count")
        # A vote lists the claims of its answer and time, and their sources: a superseded one is no part of it.
        claims_by_answer: dict[tuple[str, bool], dict[str, None]] = {}
        sources_by_answer: dict[tuple[str, bool], dict[str, None]] = {}
        for entry in origin.entries:
            stance = (answer_of[entry.id, entry.part], entry.id in current)
            claims_by_answer.setdefault(stance, {})[entry.id] = None
            sources_by_answer.setdefault(stance, {}).update(dict.fromkeys(entry.sources))
        same_answer = {key: tuple(sorted(ids)) for key, ids in claims_by_answer.items()}
        shared: dict[tuple[object, ...], OriginWeight] = {}  # one object for the claims that count alike
        reliability = (
            origin_grade(index, origin) if len(origin.entries) > 1 else _grade(index, origin.entries[0].holder)
        )
        for entry in origin.entries:
            judges = entry.polarity is Polarity.DENIED or (entry.predicate is not None and entry.predicate.evaluative)
            # As factlog.analysis._parties.interested, with each reading's own parties (a slot's objects differ).
            interested = judges and not _parties(index, entry, parties).isdisjoint(voices(index, entry))
            weight, discounts = vote_weight(index, entry, interested)
            shown = round(weigh(index, entry, interested, reliability), 4)
            answer = answer_of[entry.id, entry.part]
            certainty = entry.claim.certainty
            now = entry.id in current
            key = (answer, now, shown, reliability, interested, discounts, certainty)
            counted = shared.get(key)
            if counted is None:
                counted = shared[key] = OriginWeight(
                    label=origin.label,
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

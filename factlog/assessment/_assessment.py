"""Assessment: what to believe about each proposition, and why.

Checks say where claims clash; assessment weighs them. For each proposition at each
stretch of time (and, for a functional predicate, each competing value), claims are
grouped into independent origins (:mod:`factlog.analysis._origins`), each origin votes once with
the weight its holder's reliability and its expressed certainty give it (discounted
when a party denies what accuses it), and the votes give a belief in [0, 1]
(:mod:`factlog.assessment._methods`). From the origins and the belief follow a status, an Admiralty
credibility grade and, for each claim, whether it is accepted, rejected or contested.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence

import attrs

from factlog._bulk import paused_gc
from factlog.analysis._index import Entry, Index
from factlog.assessment._methods import METHODS, Question, Vote, beliefs
from factlog.assessment._questions import Label, OriginWeight, Unit, units
from factlog.model._claimset import ClaimSet
from factlog.model._dates import PartialDate
from factlog.model._scales import Certainty, Credibility, Reliability

__all__ = [
    "Assessment",
    "Label",
    "OriginWeight",
    "PropositionAssessment",
    "Status",
    "assess",
    "assessed",
    "assessment_order",
    "known_by",
]

_CERTAINTY_SCALE = {
    Certainty.CERTAIN: 1.0,
    Certainty.PROBABLE: 0.7,
    Certainty.POSSIBLE: 0.4,
    Certainty.UNCOMMITTED: 0.0,
}
INTERESTED_DISCOUNT = 0.2
"""The factor applied to the weight of a denial by a party the proposition accuses."""
_RELIABLE = (Reliability.A, Reliability.B, Reliability.C)


class Status(enum.Enum):
    """Where a proposition stands, from its origins for and against it."""

    CONFIRMED = "confirmed"
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    DISPUTED = "disputed"
    DENIED_BY_INTERESTED_PARTY = "denied-by-interested-party"
    REFUTED = "refuted"
    UNVERIFIED = "unverified"


@attrs.frozen
class PropositionAssessment:
    """What to believe about one proposition at one stretch of time, and why."""

    key: str
    statement: str
    status: Status
    credibility: Credibility
    belief: float
    supporting: tuple[OriginWeight, ...]
    opposing: tuple[OriginWeight, ...]
    reasons: tuple[str, ...]
    labels: tuple[tuple[str, Label], ...]
    slot: str | None = None
    value: str | None = None

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Every claim weighed here."""
        return tuple(claim for claim, _ in self.labels)


@attrs.frozen
class Assessment:
    """The assessment of every proposition of a claim set."""

    propositions: tuple[PropositionAssessment, ...]
    method: str
    as_of: PartialDate | None

    def about(self, claim: str) -> list[PropositionAssessment]:
        """The assessments that weigh a claim."""
        return [item for item in self.propositions if claim in item.claim_ids]

    def leading(self) -> dict[str, PropositionAssessment]:
        """For each functional slot and time, the value with the highest belief (ties: first by key)."""
        best: dict[str, PropositionAssessment] = {}
        for item in self.propositions:
            if item.slot is None:
                continue
            group = item.key.rsplit(" @ ", 1)[-1]
            slot = f"{item.slot} @ {group}"
            if slot not in best or item.belief > best[slot].belief:
                best[slot] = item
        return best

    def label(self, claim: str) -> Label | None:
        """A claim's label (the first assessment that weighs it), or None."""
        for item in self.about(claim):
            return dict(item.labels)[claim]
        return None


def _known_by(claims: ClaimSet, as_of: PartialDate) -> ClaimSet:
    index = Index.of(claims)
    kept = tuple(e.claim for e in index.entries if e.stated is not None and e.stated.last_day <= as_of.last_day)
    return attrs.evolve(claims, claims=kept)


def weight(index: Index, entry: Entry, interested: bool) -> float:
    """The log-odds an origin's claim adds: reliability, scaled by certainty, discounted if interested."""
    entity = index.entity(entry.holder)
    reliability = entity.reliability if entity is not None else Reliability.F
    prior = reliability.prior
    value = math.log(prior / (1 - prior)) * _CERTAINTY_SCALE[entry.claim.certainty]
    return value * INTERESTED_DISCOUNT if interested else value


@paused_gc
def assess(claims: ClaimSet, *, as_of: PartialDate | str | None = None, method: str = "accuvote") -> Assessment:
    """Weigh every proposition of a claim set by its independent origins.

    ``as_of`` keeps only claims stated on or before that date (claims whose date is
    unknown are left out); ``method`` is ``accuvote`` (the default), or the baselines
    ``majority`` and ``truthfinder``.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
    when = PartialDate.parse(as_of) if isinstance(as_of, str) else as_of
    found = assessed(known_by(claims, when), method)
    found.sort(key=assessment_order)
    return Assessment(tuple(found), method, when)


def known_by(claims: ClaimSet, as_of: PartialDate | None) -> ClaimSet:
    """The claims stated on or before ``as_of`` (claims of unknown date left out); all if None."""
    return claims if as_of is None else _known_by(claims, as_of)


def assessed(claims: ClaimSet, method: str) -> list[PropositionAssessment]:
    """The assessments of a claim set's propositions, unsorted (see :func:`assessment_order`).

    Each unit depends only on the claims of one proposition key or functional slot, so
    a set split by slot gives, part by part, the same assessments as the whole.
    """
    index = Index.of(claims)
    found = list(units(index, weight))
    questions = [Question(u.answers, u.rivals, tuple(_votes(u))) for u in found]
    results = beliefs(questions, method)
    return [
        _assess(unit, answer, result[answer])
        for unit, result in zip(found, results, strict=True)
        for answer in unit.candidates
    ]


def assessment_order(item: PropositionAssessment) -> tuple[str, str]:
    """The order of an assessment's propositions: by statement, then key."""
    return (item.statement, item.key)


def _votes(unit: Unit) -> list[Vote]:
    return [
        Vote(ballot.answer, ballot.origin.speaker, ballot.source, ballot.origin.weight if ballot.current else 0.0)
        for ballot in unit.ballots
    ]


def _assess(unit: Unit, answer: str, belief: float) -> PropositionAssessment:
    supporting = unit.backers(answer)
    opposing = unit.opponents(answer)
    credible_against = [o for o in opposing if not o.interested]
    reasons = list(unit.notes)
    if not supporting and not opposing:
        status = Status.UNVERIFIED
    elif supporting and not credible_against:
        reliable = [o for o in supporting if o.reliability in _RELIABLE]
        if len(reliable) >= 2:
            status = Status.CONFIRMED
        elif opposing:
            status = Status.DENIED_BY_INTERESTED_PARTY
        else:
            status = Status.CORROBORATED if len(supporting) >= 2 else Status.SINGLE_SOURCE
    elif supporting:
        status = Status.REFUTED if belief <= 0.2 else Status.DISPUTED
    else:
        status = Status.REFUTED if belief <= 0.2 or len(credible_against) >= 2 else Status.SINGLE_SOURCE
    credibility = (
        Credibility.CANNOT_BE_JUDGED
        if status is Status.UNVERIFIED
        else Credibility.from_belief(belief, independently_confirmed=status is Status.CONFIRMED)
    )
    reasons += _reasons(status, supporting, opposing, belief)
    return PropositionAssessment(
        key=unit.keys[answer],
        statement=unit.texts[answer],
        status=status,
        credibility=credibility,
        belief=round(belief, 4),
        supporting=supporting,
        opposing=opposing,
        reasons=tuple(reasons),
        labels=unit.labels(answer),
        slot=unit.slot,
        value=None if unit.slot is None else answer,
    )


def _names(origins: Sequence[OriginWeight]) -> str:
    return ", ".join(
        f"{o.label} ({o.reliability.value}, weight {o.weight:.2f}{', interested' if o.interested else ''})"
        for o in origins
    )


def _reasons(
    status: Status, supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight], belief: float
) -> list[str]:
    reasons = []
    if supporting:
        reasons.append(f"for: {len(supporting)} independent origin{'s' * (len(supporting) != 1)}: {_names(supporting)}")
    if opposing:
        reasons.append(f"against: {len(opposing)} independent origin{'s' * (len(opposing) != 1)}: {_names(opposing)}")
    if any(o.interested for o in opposing):
        reasons.append(f"denials by a party the proposition accuses count {INTERESTED_DISCOUNT:g} of their weight")
    copies = [o for o in (*supporting, *opposing) if len(o.claims) > 1]
    for origin in copies:
        reasons.append(f"{len(origin.claims)} claims from one origin, {origin.label}, count once")
    reasons.append(f"status {status.value}; belief {belief:.2f}")
    return reasons

"""A proposition's status and credibility, from its origins and its belief.

The status counts independent origins on each side (:class:`Status`); the credibility
reads the belief in the bands of ICD 203, and is never firmer than the origins for the
proposition commit to (:func:`ceiling`): a report that its only origins call possible is
at best a roughly even chance, however the method weighs it, and so is one that only
origins graded E or F are for (:func:`ungrounded`). The belief itself is the
method's, untouched. A proposition that rests on one credible origin alone, graded E or F,
is graded 6 (:func:`lone_origin`): nothing but an unreliable or unknown source speaks to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.assessment._proposition import Status
from factlog.assessment._stances import OriginWeight
from factlog.model._scales import Certainty, Credibility, Likelihood, Polarity, Reliability

__all__ = [
    "accused_only",
    "ceiling",
    "ceiling_note",
    "credibility",
    "lone_note",
    "lone_origin",
    "status",
    "ungrounded",
]

_RELIABLE = (Reliability.A, Reliability.B, Reliability.C)
_UNGROUNDED = (Reliability.E, Reliability.F)


def _firm(origins: Sequence[OriginWeight]) -> list[OriginWeight]:
    """The origins that commit at least to *probable*: a lean, which independent origins add up."""
    return [origin for origin in origins if origin.certainty >= Certainty.PROBABLE]


def ceiling(supporting: Sequence[OriginWeight]) -> Likelihood | None:
    """The likeliest words the origins for a proposition allow, or None when they allow any.

    Without independent confirmation (two or more independent origins for it that commit
    at least to *probable*), assessment says no more than the firmest certainty any
    origin for it expresses, in that certainty's ICD 203 band (FactBank PR+ is *likely*,
    PS+ a *roughly even chance*: ``docs/concepts.md``): one origin's "probable" stays
    *likely*, and "possible" stays a *roughly even chance* however many origins say it,
    since a possibility is no lean and possibilities do not add up to one. A *certain*
    origin, or none at all, leaves no such ceiling. Whatever they commit to, origins for
    it all graded E or F (:func:`ungrounded`) allow no more than a *roughly even chance*.
    Raises nothing.
    """
    hedged = _hedged(supporting)
    if not ungrounded(supporting):
        return hedged
    return Likelihood.ROUGHLY_EVEN_CHANCE if hedged is None else min(hedged, Likelihood.ROUGHLY_EVEN_CHANCE)


def _hedged(supporting: Sequence[OriginWeight]) -> Likelihood | None:
    """The ceiling of the certainty the origins for a proposition express alone (see :func:`ceiling`)."""
    if not supporting or len(_firm(supporting)) >= 2:
        return None
    firmest = max(origin.certainty for origin in supporting)
    if firmest is Certainty.CERTAIN:
        return None
    return firmest.factuality(Polarity.AFFIRMED).likelihood


def ungrounded(supporting: Sequence[OriginWeight]) -> bool:
    """Whether every credible origin for a proposition (one at least) is graded E or F: none is D or better.

    Unreliable or unknown sources that agree give no basis for more than a roughly even
    chance, however many there are and however the method counts them: what they say
    agrees with other information (Admiralty 3) and no more. Raises nothing.
    """
    credible = [origin for origin in supporting if not origin.interested]
    return bool(credible) and all(origin.reliability in _UNGROUNDED for origin in credible)


def lone_origin(supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight]) -> OriginWeight | None:
    """The one credible origin a proposition rests on, when it is graded E or F and no other speaks to it; else None.

    Credible: no interested party (an accused party's denial, a party judging its own
    conduct), which counts a fifth and corroborates nothing. One origin, on either side
    (an origin for it that also denies it is still one), graded E (unreliable: a history
    of invalid information) or F (reliability cannot be judged), with no other credible
    origin to confirm or contradict it, leaves no basis for judging the information:
    credibility 6 (FM 2-22.3 appendix B; NATO AJP-2.1: the textbook F6 is an unknown
    source's report that nothing else bears on). Raises nothing.
    """
    credible = {(o.speaks_for, o.label): o for o in (*supporting, *opposing) if not o.interested}
    if len(credible) != 1:
        return None
    [origin] = credible.values()
    return origin if origin.reliability in _UNGROUNDED else None


def accused_only(supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight]) -> bool:
    """Whether nobody is for a proposition and only the parties it accuses deny it (credibility 6, no basis)."""
    return not supporting and bool(opposing) and all(origin.interested for origin in opposing)


def status(supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight], belief: float) -> Status:
    """Where a proposition stands, from its independent origins on each side and its belief in [0, 1].

    *confirmed* needs two or more reliable (A–C) origins for it that commit at least to
    *probable*, and no credible opposition (an origin against it that is no interested
    denial); *corroborated* two or more origins for it. A party judging its own conduct
    (an ``evaluative`` predicate: "we complied") is for it, at a fifth of its weight, but
    counts toward neither: its word is no corroboration. With nobody for it, an interested party's denial alone is
    *denied-by-interested-party* (it is never credible opposition), one credible origin
    against it *denied* (one source says it is not so, and no source reports it: it is no
    *single-source* report), two or more *refuted*, as is any belief of 0.2 or less.
    """
    credible_against = [origin for origin in opposing if not origin.interested]
    credible_for = [origin for origin in supporting if not origin.interested]
    if not supporting and not opposing:
        return Status.UNVERIFIED
    if supporting and not credible_against:
        if len([origin for origin in _firm(credible_for) if origin.reliability in _RELIABLE]) >= 2:
            return Status.CONFIRMED
        if opposing:
            return Status.DENIED_BY_INTERESTED_PARTY
        return Status.CORROBORATED if len(credible_for) >= 2 else Status.SINGLE_SOURCE
    if supporting:
        return Status.REFUTED if belief <= 0.2 else Status.DISPUTED
    if not credible_against:
        return Status.DENIED_BY_INTERESTED_PARTY
    return Status.REFUTED if belief <= 0.2 or len(credible_against) >= 2 else Status.DENIED


def credibility(
    status: Status, belief: float, supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight] = ()
) -> Credibility:
    """The Admiralty grade of a belief in [0, 1], held to the :func:`ceiling` of the origins for it.

    6 (truth cannot be judged) when nothing credible is committed either way: the status
    is *unverified*, or nobody is for the proposition and an interested party's denial is
    all that is said (it counts a fifth and tells little about the truth); and when the
    one credible origin that speaks to it is graded E or F (:func:`lone_origin`), whatever
    the method makes of it. Otherwise the belief's grade (:meth:`Credibility.from_belief`;
    1 only when *confirmed*), no better than the grade of the ceiling's lowest
    probability. Raises nothing for a belief in [0, 1].
    """
    if status is Status.UNVERIFIED or (status is Status.DENIED_BY_INTERESTED_PARTY and not supporting):
        return Credibility.CANNOT_BE_JUDGED
    if lone_origin(supporting, opposing) is not None:
        return Credibility.CANNOT_BE_JUDGED
    grade = Credibility.from_belief(belief, independently_confirmed=status is Status.CONFIRMED)
    top = ceiling(supporting)
    if top is None:
        return grade
    return min(grade, Credibility.from_belief(top.band[0], independently_confirmed=False))


def ceiling_note(supporting: Sequence[OriginWeight], belief: float) -> str | None:
    """The reason to give when the :func:`ceiling` holds the words below the belief's band, else None."""
    top = ceiling(supporting)
    if top is None or Likelihood.from_probability(belief) <= top:
        return None
    words = top.value.replace("-", " ")
    if top is Likelihood.ROUGHLY_EVEN_CHANCE and ungrounded(supporting) and _hedged(supporting) != top:
        why = "no origin for it is graded D or better: its origins for it are graded E or F"
    elif top is Likelihood.ROUGHLY_EVEN_CHANCE:
        why = "its origins for it say only that it is possible"
    else:
        why = "its one firm origin for it says only that it is probable"
    return f"held to {words}: {why}; the belief is the method's"


def lone_note(origin: OriginWeight) -> str:
    """The reason to give when :func:`lone_origin` grades a proposition 6: who it rests on, and why that is no basis."""
    grade = origin.reliability
    return (
        f"truth cannot be judged: it rests on one origin, {origin.label}, graded {grade.value}"
        f" ({grade.description}), and no other credible origin confirms or contradicts it; the belief,"
        " the method's, weighs that source alone"
    )

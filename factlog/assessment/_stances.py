"""One origin as it counts in an assessment, and the order of one speaker's stances on a question."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from factlog.model._scales import Certainty, Reliability

__all__ = ["OriginWeight", "joined", "strength"]


@attrs.frozen
class OriginWeight:
    """One independent origin as it counts in one assessment.

    ``weight`` is what its vote adds before anything is learned: ln(p/(1 − p)) for the
    prior accuracy p of its holder's grade, times the certainty expressed and every
    factor of ``discounts`` (rounded to 4 places; see ``docs/cli.md``). ``certainty`` is
    the certainty its claims for this stance express (certain, probable or possible): how
    far its holder commits, which caps what assessment may say on its word alone
    (``docs/assessment.md``).
    """

    label: str
    speaks_for: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    weight: float
    reliability: Reliability
    interested: bool
    discounts: tuple[str, ...] = ()
    certainty: Certainty = Certainty.CERTAIN


_Kind = tuple[str, bool, tuple[str, ...], str, int]


def _kind(origin: OriginWeight) -> _Kind:
    """What an origin's stance is, beyond its weight and claims: grade, interest, discounts, label, firmness."""
    return (origin.reliability.value, origin.interested, origin.discounts, origin.label, -origin.certainty.rank)


def strength(stance: tuple[float, str, OriginWeight]) -> tuple[float, _Kind, str]:
    """The order of a speaker's stances: strongest first, then by what they are, then by answer."""
    return stance[0], _kind(stance[2]), stance[1]


def joined(origins: Sequence[OriginWeight]) -> OriginWeight:
    """One speaker's equally weighted stances against a value, as one: the first, with the claims of its like.

    Stances alike in all but their answers (one holder's two rival values, with the same
    certainty) are listed with every claim and every source of them, so which claim is
    named does not depend on how the values sort (nor on which of them cites more sources).
    """
    first = origins[0]
    alike = [o for o in origins if _kind(o) == _kind(first)]
    if len(alike) == 1:
        return first
    claims = tuple(sorted({claim for o in alike for claim in o.claims}))
    if all(o.sources == first.sources for o in alike):
        return attrs.evolve(first, claims=claims)
    return attrs.evolve(first, claims=claims, sources=tuple(sorted({source for o in alike for source in o.sources})))

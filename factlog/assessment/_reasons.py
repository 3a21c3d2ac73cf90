"""The reasons an assessment gives: the origins for and against a value, and what discounts them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from factlog.analysis._discovery import AccuCopyParams, Dependence, DependenceTable, SourceTrust, tie_discount
from factlog.assessment._questions import OriginWeight
from factlog.assessment._weights import DISCOUNTS

__all__ = ["LISTED_ORIGINS", "Copying", "budget_note", "listed", "origin_names", "reasons_for", "unsettled_note"]

COPY_RATE = AccuCopyParams().copy_rate
"""c, the chance a copier copies a value (AccuCopy's, 0.8): a copier's vote counts 1 − c·p."""

INTERESTED_DISCOUNT = DISCOUNTS["interested"]
LISTED_ORIGINS = 5
"""How many origins an explanation names on each side (the strongest, by weight), then "and N more".

A slot with 5,000 values has 4,999 origins against each: listing them all made the text
of one assessment quadratic (596 MB for 5,000 values). A factlog choice.
"""


def listed(origins: Sequence[OriginWeight]) -> tuple[Sequence[OriginWeight], int]:
    """The strongest :data:`LISTED_ORIGINS` origins (they come sorted by weight) and how many more there are."""
    return origins[:LISTED_ORIGINS], max(0, len(origins) - LISTED_ORIGINS)


def origin_names(origins: Sequence[OriginWeight]) -> str:
    """``Agency (B, weight 1.73), Ministry (F, weight 0.12, interested) and 2 more``: the strongest, then a count."""
    shown, more = listed(origins)
    return ", ".join(
        f"{o.label} ({o.reliability.value}, weight {o.weight:.2f}"
        + "".join(f", {discount}" for discount in (o.discounts or (("interested",) if o.interested else ())))
        + ")"
        for o in shown
    ) + (f" and {more} more" if more else "")


@attrs.frozen
class Copying:
    """The copying AccuCopy detected (not declared), to explain how it discounts a value's supporters.

    ``dependences`` holds the reported pairs in columns (a pair's posterior is found by
    its sources' numbers, in O(log P), and no object is made per pair); ``detected``
    whether any of them is not declared; ``claims[s]`` the informative claims a
    source's accuracy rests on; ``limit`` the most sources a value copy detection used
    may have (:attr:`Discovery.provider_limit`; None: every value).
    """

    dependences: DependenceTable
    detected: bool
    claims: dict[str, int]
    limit: int | None = None

    @classmethod
    def of(cls, dependences: Iterable[Dependence], sources: Iterable[SourceTrust], limit: int | None = None) -> Copying:
        """From an assessment's reported dependences (declared ones are already one origin) and learned sources."""
        table = dependences if isinstance(dependences, DependenceTable) else DependenceTable.of(dependences)
        detected = table.declared.count(0) > 0
        return cls(table, detected, {trust.source: trust.claims for trust in sources}, limit)

    def note(self, origins: Sequence[OriginWeight], providers: int = 0) -> str | None:
        """How detected copying discounts these origins, or None when it does not.

        As AccuCopy counts the providers of a value: in a fixed order (better Admiralty
        grade, then more informative claims), each counting 1 − c·p for every earlier
        provider it depends on with posterior p; providers tied on both count the mean of
        that product over the orders of their tie
        (:func:`~factlog.analysis._discovery.tie_discount`), never an order by name. Only
        the reported pairs (p ≥ 0.5) are known here, so the count is approximate ("about");
        the belief is AccuCopy's own.
        None too when the value's ``providers`` (the sources giving exactly it) exceed
        :attr:`limit`: copy detection left it out and counted its votes undiscounted.
        """
        speakers = {o.speaks_for: o.reliability.prior for o in origins}
        if not self.detected or len(speakers) < 2 or (self.limit is not None and providers > self.limit):
            return None
        table = self.dependences
        number = {speaker: table.number(speaker) for speaker in speakers}
        rank = {s: (-speakers[s], -self.claims.get(s, 0)) for s in speakers}
        order = sorted(speakers, key=lambda s: (rank[s], s))
        total, copiers, least = 0.0, 0, 1.0
        for speaker in order:
            factor, tied = 1.0, []
            a = number[speaker]
            for other in order:
                b = number[other]
                row = None if a is None or b is None or rank[other] > rank[speaker] else table.row(a, b)
                if other != speaker and row is not None and not table.declared[row]:
                    probability = table.probability[row]
                    least = min(least, probability)
                    if rank[other] < rank[speaker]:
                        factor *= 1.0 - COPY_RATE * probability
                    else:
                        tied.append(1.0 - COPY_RATE * probability)
            factor *= tie_discount(tied)
            copiers += factor < 1.0
            total += factor
        if not copiers:
            return None
        return (
            f"copying: of these {len(order)} origins, {copiers} likely"
            + (" repeats another of them" if copiers == 1 else " repeat others among them")
            + f" (detected, p ≥ {least:.2f}): together they count as about {total:.1f}"
        )


def reasons_for(
    supporting: Sequence[OriginWeight],
    opposing: Sequence[OriginWeight],
    copying: Copying | None = None,
    providers: int = 0,
    *,
    split: Sequence[OriginWeight] = (),
    slot: str | None = None,
) -> list[str]:
    """The lines that explain a value's standing: origins for, against, and what discounts them.

    Each side names its strongest :data:`LISTED_ORIGINS` origins and counts the rest;
    ``providers``: the sources giving exactly the value (see :meth:`Copying.note`);
    ``split``: the origins listed for it that also hold a stance against it (its denial;
    in a ``slot``, a rival value), named on an "also against:" line.
    """
    reasons = []
    if supporting:
        reasons.append(
            f"for: {len(supporting)} independent origin{'s' * (len(supporting) != 1)}: {origin_names(supporting)}"
        )
    note = copying.note(supporting, providers) if copying is not None else None
    if note is not None:
        reasons.append(note)
    if opposing:
        reasons.append(
            f"against: {len(opposing)} independent origin{'s' * (len(opposing) != 1)}: {origin_names(opposing)}"
        )
    if split:
        shown, more = listed(split)
        names = ", ".join(o.label for o in shown) + (f" and {more} more" if more else "")
        one = len(split) == 1
        if slot is None:
            stance = "denies it" if one else "deny it"
        else:
            stance = "gives a rival value or denies it" if one else "give a rival value or deny it"
        reasons.append(f"also against: {names}, listed for, also {stance}")
    if any(o.interested for o in supporting):
        reasons.append(
            f"judgements of its own conduct by a party to it count {INTERESTED_DISCOUNT:g} of their weight"
            " and corroborate nothing"
        )
    if any(o.interested for o in opposing):
        reasons.append(f"denials by a party the proposition accuses count {INTERESTED_DISCOUNT:g} of their weight")
    copies = [o for o in (*listed(supporting)[0], *listed(opposing)[0]) if len(o.claims) > 1]
    for origin in copies:
        reasons.append(f"{len(origin.claims)} claims from one origin, {origin.label}, count once")
    return reasons


def budget_note(limit: int) -> str:
    """What a budget of pairs with this provider limit left out, in words (no value at all at 0)."""
    if limit < 2:
        return "no value weighed (a budget of pairs of sources); every vote counted undiscounted"
    return (
        f"only the values at most {limit} sources give weighed (a budget of pairs of sources);"
        " values more sources give counted undiscounted"
    )


def unsettled_note(rounds: int) -> str:
    """What a learning run that stopped at its limit of rounds, unsettled, means for its numbers, and what to do."""
    return (
        f"stopped at its limit of {rounds} round{'' if rounds == 1 else 's'}, unsettled;"
        " beliefs and learned trust are the last round's and may still move;"
        " raise the limit with --max-rounds (Python: max_rounds=)"
    )

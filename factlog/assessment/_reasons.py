"""The reasons an assessment gives: the origins for and against a value, and what discounts them."""

from __future__ import annotations

from collections.abc import Sequence

from factlog.assessment._questions import DISCOUNTS, OriginWeight

__all__ = ["LISTED_ORIGINS", "listed", "reasons_for"]

INTERESTED_DISCOUNT = DISCOUNTS["interested"]
LISTED_ORIGINS = 5
"""How many origins an explanation names on each side (the strongest, by weight), then "and N more".

A slot with 5,000 values has 4,999 origins against each: listing them all made the text
of one assessment quadratic (596 MB for 5,000 values). A factlog choice.
"""


def listed(origins: Sequence[OriginWeight]) -> tuple[Sequence[OriginWeight], int]:
    """The strongest :data:`LISTED_ORIGINS` origins (they come sorted by weight) and how many more there are."""
    return origins[:LISTED_ORIGINS], max(0, len(origins) - LISTED_ORIGINS)


def _names(origins: Sequence[OriginWeight]) -> str:
    shown, more = listed(origins)
    return ", ".join(
        f"{o.label} ({o.reliability.value}, weight {o.weight:.2f}"
        + "".join(f", {discount}" for discount in (o.discounts or (("interested",) if o.interested else ())))
        + ")"
        for o in shown
    ) + (f" and {more} more" if more else "")


def reasons_for(supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight]) -> list[str]:
    """The lines that explain a value's standing: origins for, against, and what discounts them.

    Each side names its strongest :data:`LISTED_ORIGINS` origins and counts the rest.
    """
    reasons = []
    if supporting:
        reasons.append(f"for: {len(supporting)} independent origin{'s' * (len(supporting) != 1)}: {_names(supporting)}")
    if opposing:
        reasons.append(f"against: {len(opposing)} independent origin{'s' * (len(opposing) != 1)}: {_names(opposing)}")
    if any(o.interested for o in opposing):
        reasons.append(f"denials by a party the proposition accuses count {INTERESTED_DISCOUNT:g} of their weight")
    copies = [o for o in (*listed(supporting)[0], *listed(opposing)[0]) if len(o.claims) > 1]
    for origin in copies:
        reasons.append(f"{len(origin.claims)} claims from one origin, {origin.label}, count once")
    return reasons

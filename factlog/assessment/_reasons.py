"""The reasons an assessment gives: the origins for and against a value, and what discounts them."""

from __future__ import annotations

from collections.abc import Sequence

from factlog.assessment._questions import DISCOUNTS, OriginWeight

__all__ = ["reasons_for"]

INTERESTED_DISCOUNT = DISCOUNTS["interested"]


def _names(origins: Sequence[OriginWeight]) -> str:
    return ", ".join(
        f"{o.label} ({o.reliability.value}, weight {o.weight:.2f}"
        + "".join(f", {discount}" for discount in (o.discounts or (("interested",) if o.interested else ())))
        + ")"
        for o in origins
    )


def reasons_for(supporting: Sequence[OriginWeight], opposing: Sequence[OriginWeight]) -> list[str]:
    """The lines that explain a value's standing: origins for, against, and what discounts them."""
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
    return reasons

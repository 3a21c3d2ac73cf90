"""Value compatibility: whether two objects of a functional predicate can both be true at once.

Every rule that compares values asks :func:`compatible`: one place for tolerance,
places within places, and (when quantities carry units) conversion before comparing.
"""

from __future__ import annotations

from collections.abc import Callable

from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._vocabulary import object_key

__all__ = ["compatible", "value_range"]


def value_range(value: object, tolerance: float) -> tuple[float, float] | None:
    """The span of values a literal is compatible with, or None for exact matching."""
    if isinstance(value, Quantity):
        low, high = float(value.low), float(value.high)
        return (low - abs(low) * tolerance, high + abs(high) * tolerance)
    if isinstance(value, DateValue):
        return (float(value.date.start_low), float(value.date.end_high))
    return None


def compatible(
    first: object,
    second: object,
    predicate: Predicate,
    within: Callable[[str, str], bool] | None = None,
) -> bool:
    """Whether two objects of a functional predicate can both be true at once.

    Entities agree when equal, or when one lies within the other (``within(part,
    whole)``, the entity registry's transitive ``part_of``: "in the border region"
    agrees with "in Ukraine"); texts when equal after case folding; dates when they may
    be the same day; quantities when their bounds, widened by the predicate's
    ``tolerance``, meet. Values of different kinds never agree.
    """
    if type(first) is not type(second):
        return False
    if isinstance(first, str) and isinstance(second, str):
        return first == second or (within is not None and (within(first, second) or within(second, first)))
    low_high = value_range(first, predicate.tolerance), value_range(second, predicate.tolerance)
    if low_high[0] is not None and low_high[1] is not None:
        return low_high[0][0] <= low_high[1][1] and low_high[1][0] <= low_high[0][1]
    return object_key(first) == object_key(second)

"""Value compatibility: whether two objects of a functional predicate can both be true at once."""

from __future__ import annotations

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


def compatible(first: object, second: object, predicate: Predicate) -> bool:
    """Whether two objects of a functional predicate can both be true at once."""
    if type(first) is not type(second):
        return False
    low_high = value_range(first, predicate.tolerance), value_range(second, predicate.tolerance)
    if low_high[0] is not None and low_high[1] is not None:
        return low_high[0][0] <= low_high[1][1] and low_high[1][0] <= low_high[0][1]
    return object_key(first) == object_key(second)

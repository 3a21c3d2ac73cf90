"""Value compatibility: whether two objects of a functional predicate can both be true at once.

Every rule that compares values asks :func:`compatible`: one place for tolerance,
places within places, and units. Quantities are compared as ranges
(:attr:`factlog.Quantity.bounds`), widened by the predicate's relative ``tolerance`` and
its absolute ``margin``, after converting every unit to the first one with pint (a real
units library: kilometres and miles, minutes and hours, months and years). A unit that
is not a pint unit ("troops") compares only with itself, or with a quantity that gives
no unit; figures whose units do not convert cannot be compared (:func:`convertible`
says so), and the rules report them instead of passing over them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._units import pint_convert, unit_registry
from factlog.model._vocabulary import object_key, slug

__all__ = [
    "compatible",
    "convert",
    "convertible",
    "quantity_ranges",
    "unit_dimension",
    "value_range",
]


def _registry() -> Any:
    return unit_registry()


def convert(value: float, unit: str | None, target: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``target``, or None when the units do not convert.

    The same unit (compared as :func:`~factlog.model._vocabulary.slug`), or no unit on
    either side, converts as itself; otherwise pint decides (``convert(1, "mile",
    "km")`` is 1.609344).
    """
    if unit is None or target is None or unit == target or slug(unit) == slug(target) or math.isinf(value):
        return value
    return pint_convert(value, unit, target)


def unit_dimension(unit: str) -> str | None:
    """A unit's dimensions as pint reads them (``"[length]"`` for km and miles); None for a word pint does not know.

    Units of different dimensions never convert (:func:`convert`), so only units of one
    dimension need comparing.
    """
    try:
        return str(_registry().Quantity(1, unit).dimensionality)
    except Exception:  # pint raises many kinds (undefined unit, syntax) for words it cannot read
        return None


def quantity_ranges(values: Sequence[Quantity], predicate: Predicate) -> list[tuple[float, float]] | None:
    """The ranges of the quantities in the unit of the first that gives one, widened; None if a unit does not convert.

    Each range is :attr:`~factlog.Quantity.bounds`, widened on each side by the
    predicate's ``tolerance`` times its own size and by half its ``margin``, so two
    exact values agree when they differ by at most ``margin``.
    """
    target = next((value.unit for value in values if value.unit is not None), None)
    half = 0.0
    if predicate.margin is not None:
        assert predicate.margin.amount is not None
        margin = convert(predicate.margin.amount, predicate.margin.unit, target)
        if margin is None:
            return None
        half = abs(margin) / 2
    ranges = []
    for value in values:
        low, high = value.bounds
        low_converted, high_converted = convert(low, value.unit, target), convert(high, value.unit, target)
        if low_converted is None or high_converted is None:
            return None
        ranges.append(_widen(low_converted, high_converted, predicate.tolerance, half))
    return ranges


def _widen(low: float, high: float, tolerance: float, half: float) -> tuple[float, float]:
    if tolerance and math.isfinite(low):
        low -= abs(low) * tolerance
    if tolerance and math.isfinite(high):
        high += abs(high) * tolerance
    return low - half, high + half


def value_range(value: object) -> tuple[float, float] | None:
    """The span of days a date value may be, as ordinals; None for a value matched exactly.

    Quantities have their own comparison, with units: :func:`quantity_ranges`.
    """
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
    be the same day (an approximate date widened first); quantities when their bounds,
    converted to one unit and widened by the predicate's ``tolerance`` and ``margin``,
    meet. Quantities whose units do not convert are not compatible: they are different
    answers. Values of different kinds never agree.
    """
    if type(first) is not type(second):
        return False
    if isinstance(first, str) and isinstance(second, str):
        return first == second or (within is not None and (within(first, second) or within(second, first)))
    if isinstance(first, Quantity) and isinstance(second, Quantity):
        ranges = quantity_ranges([first, second], predicate)
        return ranges is not None and ranges[0][0] <= ranges[1][1] and ranges[1][0] <= ranges[0][1]
    low_high = value_range(first), value_range(second)
    if low_high[0] is not None and low_high[1] is not None:
        return low_high[0][0] <= low_high[1][1] and low_high[1][0] <= low_high[0][1]
    return object_key(first) == object_key(second)


def convertible(first: object, second: object, predicate: Predicate) -> bool:
    """False only for two quantities (or a quantity and the predicate's margin) whose units do not convert."""
    if not isinstance(first, Quantity) or not isinstance(second, Quantity):
        return True
    return quantity_ranges([first, second], predicate) is not None

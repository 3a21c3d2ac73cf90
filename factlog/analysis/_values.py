"""Value compatibility: whether two objects of a functional predicate can both be true at once.

Every rule that compares values asks :func:`compatible`: one place for tolerance,
places within places, and units. Quantities are compared as ranges
(:attr:`factlog.Quantity.bounds`), widened by the predicate's relative ``tolerance`` and
its absolute ``margin``, after converting every unit to one with pint (a real units
library: kilometres and miles, minutes and hours, months and years). A unit is read as
:func:`~factlog.model._units.unit_reading` reads it, as the proposition keys read it: a
unit pint does not read as written ("troops", "MBPS") is opaque, and compares only with
itself (case aside), or with a quantity that gives no unit; figures whose units do not
convert cannot be compared (:func:`convertible` says so), and the rules report them
instead of passing over them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._units import margin_convert, pint_convert, unit_reading, unit_registry
from factlog.model._vocabulary import object_key, slug

__all__ = [
    "CLOSE",
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

    Both units are read by :func:`~factlog.model._units.unit_reading`, as the keys of
    propositions read them. No unit on either side converts as itself; two units pint
    reads convert as pint converts them (``convert(1, "mile", "km")`` is 1.609344;
    "MW" and "mW" are a billion apart); two opaque units convert as themselves when
    their folded spellings (:func:`~factlog.model._vocabulary.slug`) are equal ("KM"
    and "Km"), and an opaque unit never converts to one pint reads ("KM" to "m").
    """
    if unit is None or target is None or unit == target or math.isinf(value):
        return value
    reading, goal = unit_reading(unit), unit_reading(target)
    if reading is None or goal is None:
        return value if reading is None and goal is None and slug(unit) == slug(target) else None
    return value if reading == goal else pint_convert(value, reading, goal)


def _difference(amount: float, unit: str | None, target: str | None) -> float | None:
    """A margin of ``amount`` in ``unit`` in ``target``, converted as a difference (1 degF is 5/9 degC)."""
    if unit is None or target is None or unit == target:
        return amount
    reading, goal = unit_reading(unit), unit_reading(target)
    if reading is None or goal is None:
        return amount if reading is None and goal is None and slug(unit) == slug(target) else None
    return amount if reading == goal else margin_convert(amount, reading, goal)


def unit_dimension(unit: str) -> str | None:
    """A unit's dimensions as pint reads them (``"[length]"`` for km and miles); None for an opaque unit.

    The unit is read as :func:`convert` reads it (``"kilos"`` is ``"[mass]"``). Units of
    different dimensions never convert, so only units of one dimension need comparing.
    """
    reading = unit_reading(unit)
    if reading is None:
        return None
    try:
        return str(_registry().Quantity(1, reading).dimensionality)
    except Exception:  # pint raises many kinds (undefined unit, syntax) for words it cannot read
        return None


def quantity_ranges(
    values: Sequence[Quantity], predicate: Predicate, unit: str | None = None
) -> list[tuple[float, float]] | None:
    """The ranges of the quantities in one unit, widened; None if a unit (or the margin's) does not convert.

    Each range is :attr:`~factlog.Quantity.bounds`, widened on each side by the
    predicate's ``tolerance`` times its own size *in the figure's own unit* (5 % of 33
    degF is 1.65 degF), then converted to the common unit, then widened by half the
    ``margin`` converted there as a difference (1 degF is 5/9 degC), so two exact values
    agree when they differ by at most ``margin``. The common unit is ``unit`` when given,
    else the smallest spelling (in code-point order) among the units the quantities give:
    it depends on the figures alone, never on their order or their claims' ids, and as
    widening is done before converting, which unit is chosen changes only the rounding
    of a conversion. A quantity without a unit is read in the common unit. Last, each
    bound moves out by half :data:`CLOSE` of its size, so that two figures within 1e-9 of
    each other (relative, as :func:`math.isclose` takes it) meet: figures equal but for a
    conversion's last bits are never a conflict, whichever unit they are compared in.
    """
    target = unit if unit is not None else min((value.unit for value in values if value.unit is not None), default=None)
    half = 0.0
    if predicate.margin is not None:
        assert predicate.margin.amount is not None
        margin = _difference(predicate.margin.amount, predicate.margin.unit, target)
        if margin is None:
            return None
        half = abs(margin) / 2
    ranges = []
    for value in values:
        low, high = _widen(*value.bounds, predicate.tolerance, 0.0)
        low_converted, high_converted = convert(low, value.unit, target), convert(high, value.unit, target)
        if low_converted is None or high_converted is None:
            return None
        ranges.append((_close(low_converted, -1.0) - half, _close(high_converted, 1.0) + half))
    return ranges


CLOSE = 1e-9
"""Figures this close, relative to their size, are one figure: 22,065 lb and 10,008.51564405 kg, a conversion apart."""


def _close(bound: float, side: float) -> float:
    """``bound`` moved outwards (``side`` -1.0 down, 1.0 up) by half :data:`CLOSE` of its size."""
    return bound + side * abs(bound) * (CLOSE / 2) if math.isfinite(bound) else bound


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

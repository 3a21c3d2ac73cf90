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
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._units import unit_registry
from factlog.model._vocabulary import PropositionKey, object_key, slug

__all__ = [
    "compatible",
    "convert",
    "convertible",
    "gives_unit",
    "quantity_ranges",
    "same_figures",
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
    try:
        return float(_registry().Quantity(value, unit).to(target).magnitude)
    except Exception:  # pint raises many kinds (undefined unit, dimensionality, syntax) for words it cannot read
        return None


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


def _figures(figure: tuple[object, ...], unit: str, target: str) -> tuple[float | None, ...] | None:
    """A quantity key's amount and bounds in ``target``, to 12 significant figures; None if one does not convert.

    Rounded so that a conversion's last bits (1 mile is 1.609344 km) do not part equal figures.
    """
    numbers: list[float | None] = []
    for number in figure[1:4]:
        if number is None:
            numbers.append(None)
            continue
        assert isinstance(number, float)
        converted = convert(number, unit, target)
        if converted is None:
            return None
        numbers.append(converted if math.isinf(converted) else float(f"{converted:.12g}"))
    return tuple(numbers)


def gives_unit(key: PropositionKey) -> bool:
    """Whether a proposition key's object is a quantity that gives a unit (what :func:`same_figures` reads)."""
    figure = key[2]
    return figure is not None and figure[0] == "quantity" and bool(figure[4])


def same_figures(keys: Iterable[PropositionKey]) -> list[list[PropositionKey]]:
    """Sets of two keys or more that name one figure in units spelled differently (``[[key, ...], ...]``).

    "600 km", "600 kilometres" and "600 kilometer" are one proposition, and so are
    "1 mile" and "1.609344 km": keys of one subject,
    predicate, qualifiers and estimate whose quantities' amount and bounds, converted
    by :func:`convert` (the conversion every value rule uses) to the first unit of
    their dimension, are equal to 12 significant figures. A unit pint does not read
    ("troops") is one unit with the spellings :func:`~factlog.model._vocabulary.slug`
    folds alike ("Troops"). Only keys whose objects give a unit are read, and pint is
    asked only where one subject and predicate have figures in two spellings or more.
    The sets, and the keys in each, come in an order fixed by that of ``keys``.
    """
    spellings: dict[tuple[object, ...], dict[str, list[PropositionKey]]] = {}
    for key in filter(gives_unit, keys):
        figure = key[2]
        assert figure is not None
        unit = figure[4]
        assert isinstance(unit, str)
        spellings.setdefault((key[0], key[1], key[3], figure[5:]), {}).setdefault(unit, []).append(key)
    found: list[list[PropositionKey]] = []
    for units in spellings.values():
        if len(units) < 2:
            continue  # one spelling: equal figures have equal keys already
        targets: dict[str, str] = {}  # the first unit of each dimension
        folded: dict[str, str] = {}  # each folded spelling's dimension: convert takes "KM" as "km"
        same: dict[tuple[str, tuple[float | None, ...]], list[PropositionKey]] = {}
        for unit, spelled in units.items():
            name = slug(unit)
            dimension = folded.get(name) or unit_dimension(unit) or f"word {name}"
            folded.setdefault(name, dimension)
            target = targets.setdefault(dimension, unit)
            for key in spelled:
                assert key[2] is not None
                numbers = _figures(key[2], unit, target)
                if numbers is not None:
                    same.setdefault((dimension, numbers), []).append(key)
        found.extend(group for group in same.values() if len(group) > 1)
    return found

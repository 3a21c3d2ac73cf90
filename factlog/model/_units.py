"""Units as pint reads them: one registry, built on first use (it takes a while).

:func:`pint_convert` is the one conversion of figures factlog has: the value rules
compare figures through it (:func:`factlog.analysis._values.convert`), and every
proposition key holds a figure with a unit in its unit's base units through it
(:func:`base_figure`), so that "600 km", "600 kilometres" and "600,000 m" are one
proposition.
"""

from __future__ import annotations

import functools
import math
from typing import Any

__all__ = ["base_figure", "base_unit", "known_unit", "pint_convert", "plural", "unit_registry"]


@functools.cache
def unit_registry() -> Any:
    """The registry of units, built once, on first use: ``import factlog`` stays light."""
    import pint  # noqa: PLC0415 - a units registry takes a while to build; only when units are read

    return pint.UnitRegistry()


@functools.cache
def known_unit(unit: str) -> bool:
    """Whether pint reads ``unit`` as a unit ("km", "minutes"; not "troops" nor "bananas")."""
    try:
        unit_registry().Unit(unit)
    except Exception:  # pint raises many kinds (undefined unit, syntax) for words it cannot read
        return False
    return True


def pint_convert(value: float, unit: str, target: str) -> float | None:
    """``value`` in ``unit`` expressed in ``target`` as pint converts it; None when pint cannot (no raise)."""
    try:
        return float(unit_registry().Quantity(value, unit).to(target).magnitude)
    except Exception:  # pint raises many kinds (undefined unit, dimensionality, syntax) for words it cannot read
        return None


def base_unit(unit: str, folded: str) -> tuple[str, float, float] | None:
    """``(base units, scale, offset)`` taking a figure in ``unit`` to its base units; None for a word pint cannot read.

    ``folded`` is the unit's folded spelling, read when pint does not read the unit
    as written ("KM"), as :func:`factlog.analysis._values.convert` compares them.
    ``"km"`` gives ``("meter", 1000.0, 0.0)``, ``"degC"`` ``("kelvin", 1.0, 273.15)``.
    """
    for spelling in (unit, folded):
        try:
            base = str(unit_registry().Quantity(1.0, spelling).to_base_units().units)
        except Exception:  # pint raises many kinds (undefined unit, syntax) for words it cannot read
            continue
        zero, one = pint_convert(0.0, spelling, base), pint_convert(1.0, spelling, base)
        if zero is not None and one is not None:
            return base, one - zero, zero
    return None


def base_figure(number: float, scale: float, offset: float) -> float:
    """A figure in base units (:func:`base_unit`), to 12 significant figures; infinities as they are.

    Rounded so that a conversion's last bits (1 mile is 1,609.344 m) do not part equal figures.
    """
    if math.isinf(number):
        return number
    converted = number * scale + offset if offset else number * scale
    return float(f"{converted:.12g}")


_IRREGULAR = {"foot": "feet", "hertz": "hertz", "lux": "lux"}
"""Unit names whose plural English does not make with -s or -es."""


def _plurals(unit: str) -> list[str]:
    """The plurals English would make of a unit name: irregular, -ies, -es, -s."""
    if unit in _IRREGULAR:
        return [_IRREGULAR[unit]]
    if unit.endswith("y") and unit[-2:-1] not in ("a", "e", "o", "u"):
        return [unit[:-1] + "ies", unit + "s"]
    if unit.endswith(("x", "z", "ch", "sh")):
        return [unit + "es", unit + "s"]
    return [unit + "s"]


@functools.cache
def plural(unit: str) -> str:
    """A unit written as a singular name in the plural, for more than one: "kilometre" → "kilometres"; raises nothing.

    pint formats units without a plural, so English makes it ("inch" → "inches",
    "century" → "centuries", "foot" → "feet"), and pint says whether it is the same
    unit. Anything else is kept as written: a symbol ("km", "mi", "min"), a word
    already ending in s ("miles", "troops", "Celsius"), or a word pint does not read
    as a unit ("soldier"). pint's registry is built only for a word that may be a
    unit's singular name.
    """
    if len(unit) < 3 or not unit.isalpha() or unit.endswith("s") or not known_unit(unit):
        return unit
    registry = unit_registry()
    if registry.get_symbol(unit) == unit and registry.get_name(unit) != unit:
        return unit  # a symbol, such as "min"
    meant = registry.get_name(unit)
    for word in _plurals(unit):
        if known_unit(word) and registry.get_name(word) == meant:
            return word
    return unit

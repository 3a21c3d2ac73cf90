"""Units as pint reads them: one registry, built on first use (it takes a while)."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["known_unit", "plural", "unit_registry"]


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

"""Units as pint reads them: one registry, built on first use (it takes a while)."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["known_unit", "unit_registry"]


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

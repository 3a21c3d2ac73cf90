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

__all__ = [
    "LARGEST_SIZE",
    "SURELY_HELD",
    "base_figure",
    "base_unit",
    "known_unit",
    "margin_convert",
    "pint_convert",
    "plural",
    "unheld",
    "unit_reading",
    "unit_registry",
]


@functools.cache
def unit_registry() -> Any:
    """The registry of units, built once, on first use: ``import factlog`` stays light."""
    import pint  # noqa: PLC0415 - a units registry takes a while to build; only when units are read

    return pint.UnitRegistry()


@functools.cache
def _pint_reads(unit: str) -> bool:
    """Whether pint reads ``unit`` exactly as written ("km", "minutes"; not "troops", "KM" nor "bananas")."""
    try:
        unit_registry().Unit(unit)
    except Exception:  # pint raises many kinds (undefined unit, syntax) for words it cannot read
        return False
    return True


_TEMPERATURE_SYMBOLS = {"C": "degC", "F": "degF", "℃": "degC", "℉": "degF", "ºC": "degC", "ºF": "degF"}
"""Temperature symbols as news writes them ("a high of 30C", "-5F"), case kept: degrees, never coulombs nor farads.

pint reads a bare "C" as coulombs and "F" as farads; in claims about the world they are
degrees Celsius and Fahrenheit. An electrical figure is written with the unit's name or a
prefixed symbol ("coulomb", "farad", "mC", "uF"), which pint reads so: as dimensions
differ, a figure in "C" never meets one in coulombs, it is reported as a unit that does
not convert. "K" is kelvin, as pint reads it (a thousand is the opaque word "k")."""

_NEWS_SPELLINGS = {
    "° c": "degC",
    "° f": "degF",
    "degree celsius": "degC",
    "degrees celsius": "degC",
    "degree c": "degC",
    "degrees c": "degC",
    "deg c": "degC",
    "centigrade": "degC",
    "degree centigrade": "degC",
    "degrees centigrade": "degC",
    "degree fahrenheit": "degF",
    "degrees fahrenheit": "degF",
    "degree f": "degF",
    "degrees f": "degF",
    "deg f": "degF",
    "metric ton": "tonne",
    "metric tons": "tonne",
    "metric tonne": "tonne",
    "metric tonnes": "tonne",
    "per cent": "percent",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "us gallon": "gallon",
    "us gallons": "gallon",
}
"""News spellings (folded: lower case, hyphens and runs of spaces as one space) pint misreads or cannot read."""

_OPAQUE = frozenset({"b", "c", "k", "mil", "pp", "unit", "units", "us", "US"})
"""Spellings pint reads as something a news figure never means: "k" (Boltzmann's constant; thousand),
"us" (microseconds), "units" (micronits), "pp" (typographic points; percentage points),
"mil" (milliradians; million), "b" (barns; billion), "c" (the speed of light; cents, or a
careless "30c" of heat: too loose to be read as degrees as "C" is). They are opaque words."""

LARGEST_SIZE = 1e100
"""The largest size of one of a unit in its base units, and the inverse of the smallest, that is read as a unit.

pint reads powers of its largest units ("Qpc**3" is 2.9e139 cubic metres; "Qpc**10"
overflows to no number at all); no figure of the world needs them, and inside these
sizes a figure of at most 1e200 (:data:`SURELY_HELD`) is always held in base units."""

SURELY_HELD = 1e200
"""A figure no larger than this (in magnitude) is held in its unit's base units whatever the unit (:func:`unheld`)."""


@functools.cache
def _sized(spelling: str) -> bool:
    """Whether one ``spelling`` is within :data:`LARGEST_SIZE` base units, either way (True if pint cannot say)."""
    try:
        size = abs(float(unit_registry().Quantity(1.0, spelling).to_base_units().magnitude))
    except Exception:  # pint reads it but cannot take it to base units: base_unit() then holds it as a word
        return True
    return 1 / LARGEST_SIZE <= size <= LARGEST_SIZE


@functools.cache
def unit_reading(unit: str) -> str | None:
    """The spelling pint reads a written unit as, or None for an opaque unit: the one reading of a unit's spelling.

    Every comparison of units goes through it (the keys of propositions, :func:`base_unit`,
    and :func:`factlog.analysis._values.convert`): a news spelling pint misreads or cannot
    read is first taken to pint's name ("degrees Celsius" → ``degC``, "metric tons" →
    ``tonne``, "kilos" → ``kilogram``, "per cent" → ``percent``), and so is a bare "C" or
    "F", a temperature (:data:`_TEMPERATURE_SYMBOLS`: never coulombs nor farads); a spelling of several
    words pint has joined by underscores is read so ("light years" → ``light_years``);
    otherwise pint reads the spelling *as written*. A unit is never case-folded for pint,
    as case makes SI prefixes ("Mbps" is megabits a second, "MBPS" is no unit, not
    millibits): a spelling pint does not read as written, or one of a few it misreads
    for news ("k", "us", "units", "pp", "mil", "b", "c"), is an opaque word (None), compared
    with other spellings only as its folded text. So is a unit whose one is larger than
    :data:`LARGEST_SIZE` base units, or smaller than its inverse ("Qpc**10").
    """
    if unit in _TEMPERATURE_SYMBOLS:
        return _TEMPERATURE_SYMBOLS[unit]
    words = " ".join(unit.replace("-", " ").replace("_", " ").casefold().split())
    if words in _NEWS_SPELLINGS:
        return _NEWS_SPELLINGS[words]
    if unit in _OPAQUE:
        return None
    parts = unit.replace("-", " ").split()
    if len(parts) > 1 and "per" not in parts and not any(mark in unit for mark in "/*^"):
        joined = "_".join(part.casefold() for part in parts)
        spelling = joined if _pint_reads(joined) else None  # "metric tons" is no product of "metric" and "tons"
    else:
        spelling = unit if _pint_reads(unit) else None
    return spelling if spelling is not None and _sized(spelling) else None


def known_unit(unit: str) -> bool:
    """Whether ``unit`` is read as a pint unit (:func:`unit_reading`): "km", "degrees Celsius"; not "troops"."""
    return unit_reading(unit) is not None


def pint_convert(value: float, unit: str, target: str) -> float | None:
    """``value`` in ``unit`` expressed in ``target`` as pint converts it; None when pint cannot (no raise)."""
    try:
        return float(unit_registry().Quantity(value, unit).to(target).magnitude)
    except Exception:  # pint raises many kinds (undefined unit, dimensionality, syntax) for words it cannot read
        return None


@functools.cache
def base_unit(unit: str) -> tuple[str, float, float] | None:
    """``(base units, scale, offset)`` taking a figure in ``unit`` to its base units; None for an opaque unit.

    The unit is read as :func:`unit_reading` reads it. ``"km"`` gives ``("meter", 1000.0,
    0.0)``, ``"degC"`` ``("kelvin", 1.0, 273.15)``, ``"delta_degF"`` ``("kelvin",
    0.5555555555555556, 0.0)``.
    """
    spelling = unit_reading(unit)
    if spelling is None:
        return None
    try:
        base = str(unit_registry().Quantity(1.0, spelling).to_base_units().units)
    except Exception:  # pint raises many kinds for a spelling it reads but cannot take to base units
        return None
    zero, one = pint_convert(0.0, spelling, base), pint_convert(1.0, spelling, base)
    if zero is None or one is None:
        return None
    if zero:  # a unit with an offset: its scale taken over a million of it, not lost in 1 - 273.15 + 273.15
        far = pint_convert(1e6, spelling, base)
        return None if far is None else (base, (far - zero) / 1e6, zero)
    return base, one, zero


def margin_convert(amount: float, unit: str, target: str) -> float | None:
    """A difference of ``amount`` in ``unit`` expressed in ``target``; None when the units do not convert.

    Converted as a difference, not as a point: 1 degF is 5/9 degC (not -17.2 degC), and
    so is 1 ``delta_degF``. Both units are read by :func:`unit_reading`; an opaque unit
    converts to nothing here (its caller compares opaque spellings).
    """
    found, goal = base_unit(unit), base_unit(target)
    if found is None or goal is None or found[0] != goal[0] or not goal[1]:
        return None
    return amount * found[1] / goal[1]


def _exponent(number: float) -> int:
    """The decimal exponent of ``number`` once rounded to 12 significant figures (999.99999999999997 is 1e3's: 3)."""
    return int(f"{number:.11e}".partition("e")[2])


def base_figure(number: float, scale: float, offset: float) -> float:
    """A figure in base units (:func:`base_unit`), to 12 significant figures; infinities as they are; never ``-0.0``.

    Rounded so that a conversion's last bits (1 mile is 1,609.344 m) do not part equal
    figures. A unit with an offset (degC, degF) is rounded no finer than 14 significant
    figures of its offset (1e-11 K for degC's 273.15), what a float keeps of a sum with
    it: -273.14 degC is 0.01 K and -273.15 degC is 0 K, as written in kelvin (near
    absolute zero the sum's last bits would be most of the figure). A figure past the
    largest float in base units comes out infinite: :func:`unheld` says which, and
    claims refuse them.
    """
    if math.isinf(number):
        return number
    if not offset:
        return float(f"{number * scale:.12g}") + 0.0
    converted = number * scale + offset
    if not math.isfinite(converted):
        return converted
    return round(converted, 11 - max(_exponent(converted), _exponent(offset) - 2)) + 0.0


def unheld(number: float, unit: str) -> tuple[str, float] | None:
    """``(base units, figure)`` for a ``number`` in ``unit`` that is no finite figure in its base units, else None.

    1e306 km is 1e309 m, past the largest float (about 1.8e308): it would be one figure
    with every other past it. pint is asked only for a number beyond :data:`SURELY_HELD`
    (inside it, every unit :func:`unit_reading` reads holds it); an opaque unit holds any.
    """
    if not math.isfinite(number) or abs(number) <= SURELY_HELD:
        return None
    found = base_unit(unit)
    if found is None:
        return None
    base, scale, offset = found
    converted = number * scale + offset
    return None if math.isfinite(converted) else (base, converted)


_IRREGULAR = {"foot": "feet", "hertz": "hertz", "lux": "lux"}
"""Unit names whose plural English does not make with -s or -es."""

_UNCOUNTED = frozenset({"percent", "permille", "ppm", "ppb", "ppt", "celsius", "fahrenheit", "kelvin"})
"""Unit words English writes alike for one and many ("50 percent", "20 ppm", "300 kelvin")."""


def _english_plural(unit: str) -> str:
    """The plural English makes of a unit name: irregular, -ies, -es, -s."""
    if unit in _IRREGULAR:
        return _IRREGULAR[unit]
    if unit.endswith("y") and unit[-2:-1] not in ("a", "e", "o", "u"):
        return unit[:-1] + "ies"
    if unit.endswith(("x", "z", "ch", "sh")):
        return unit + "es"
    return unit + "s"


@functools.cache
def plural(unit: str) -> str:
    """A unit written as a singular name in the plural, for more than one: "kilometre" → "kilometres"; raises nothing.

    pint formats units without a plural, so English makes it ("inch" → "inches",
    "century" → "centuries", "foot" → "feet"), and pint says whether it is the same
    unit; when pint does not read English's plural ("gravity"), or English writes the
    word alike for many ("percent", "ppm"), the unit is kept as written. Only a word
    in lower-case letters that pint reads as written (:func:`unit_reading`) and names
    by itself is made plural: a symbol ("km", "mi", "min", "degC"), a word already
    plural ("miles", "feet", "troops"), a news spelling ("centigrade", "kilo") or a
    word pint does not read ("soldier") is kept. pint's registry is built only for a
    word that may be a unit's singular name.
    """
    if len(unit) < 3 or not (unit.isalpha() and unit.islower()) or unit.endswith("s") or unit in _UNCOUNTED:
        return unit
    if unit in _IRREGULAR.values() or unit_reading(unit) != unit:
        return unit
    registry = unit_registry()
    meant = registry.get_name(unit)
    if registry.get_symbol(unit) == unit and meant != unit:
        return unit  # a symbol, such as "min"
    word = _english_plural(unit)
    if word != unit and _pint_reads(word) and registry.get_name(word) == meant:
        return word
    return unit

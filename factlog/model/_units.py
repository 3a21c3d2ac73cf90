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
import sys
import unicodedata
from typing import Any

from factlog.model._unitwords import NEWS_SPELLINGS, NEWS_SYMBOLS, OPAQUE, TEMPERATURE_SYMBOLS

__all__ = [
    "KEY_BITS",
    "LARGEST_SIZE",
    "SURELY_HELD",
    "absolute_temperature",
    "base_figure",
    "figure_floor",
    "base_unit",
    "known_unit",
    "margin_convert",
    "pint_convert",
    "plural",
    "unheld",
    "unrepresented",
    "unit_reading",
    "unit_registry",
]


@functools.cache
def unit_registry() -> Any:
    """The registry of units, built once, on first use: ``import factlog`` stays light.

    pint's own, with one unit added: ``international_acre``, the acre of the international
    foot (4,046.8564224 m²; NIST SP 811, appendix B.8). pint's ``acre`` is the US survey
    acre, 4 parts in a million larger, which the United States retired at the end of 2022
    (Federal Register 85 FR 62698); news "acres" are read as the international acre
    (:data:`~factlog.model._unitwords.NEWS_SPELLINGS`).
    """
    import pint  # noqa: PLC0415 - a units registry takes a while to build; only when units are read

    registry: Any = pint.UnitRegistry()
    registry.define("international_acre = 4046.8564224 * meter ** 2")
    return registry


@functools.cache
def _pint_reads(unit: str) -> bool:
    """Whether pint reads ``unit`` exactly as written ("km", "minutes"; not "troops", "KM" nor "bananas")."""
    try:
        unit_registry().Unit(unit)
    except Exception:  # pint raises many kinds (undefined unit, syntax) for words it cannot read
        return False
    return True


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


def _word_reading(unit: str) -> str | None:
    """A unit's name written capitalised or in capitals ("Celsius", "KELVIN") read in lower case; else None.

    A word compares case-insensitively, a symbol never: only a word of letters, of at least
    four ("Kelvin") or, in capitals, five ("MBPS" stays opaque: in lower case pint reads
    it as millibaud), whose lower case pint reads and does not take for a symbol.
    """
    if not unit.isalpha() or not ((len(unit) >= 4 and unit.istitle()) or (len(unit) >= 5 and unit.isupper())):
        return None
    lower = unit.lower()
    if lower in OPAQUE or not _pint_reads(lower) or unit_registry().get_symbol(lower) == lower:
        return None
    return lower


@functools.cache
def unit_reading(unit: str) -> str | None:
    """The spelling pint reads a written unit as, or None for an opaque unit: the one reading of a unit's spelling.

    Every comparison of units goes through it (the keys of propositions, :func:`base_unit`,
    and :func:`factlog.analysis._values.convert`). The tables of
    :mod:`factlog.model._unitwords` come first: a temperature symbol (a bare "C" or "F" is
    degrees, never coulombs nor farads), a news symbol pint misreads ("mb/d", "pc", "MT"),
    a news spelling pint misreads or cannot read, taken to pint's name ("degrees Celsius"
    → ``degC``, "metric tons" → ``tonne``, "kilos" → ``kilogram``, "acres" →
    ``international_acre``). A spelling of several words pint has joined by underscores
    is read so ("light years" → ``light_years``); otherwise pint reads the spelling *as
    written*. A symbol is never case-folded for pint, as case makes SI prefixes ("Mbps"
    is megabits a second, "MBPS" is no unit, not millibits); a unit's name is read in any
    case ("Celsius", "KELVIN": :func:`_word_reading`). A spelling pint does not read, one
    of the few it misreads for news (``OPAQUE``: "k", "M", "kt", "tons"...), or one with a
    currency sign ("£m"), is an opaque word (None), compared with other spellings only as
    its folded text. So is a unit whose one is larger than :data:`LARGEST_SIZE` base
    units, or smaller than its inverse ("Qpc**10").
    """
    if unit in TEMPERATURE_SYMBOLS:
        return TEMPERATURE_SYMBOLS[unit]
    if unit in NEWS_SYMBOLS:
        return NEWS_SYMBOLS[unit]
    words = " ".join(unit.replace("-", " ").replace("_", " ").casefold().split())
    if words in NEWS_SPELLINGS:
        return NEWS_SPELLINGS[words]
    if unit in OPAQUE or any(unicodedata.category(mark) == "Sc" for mark in unit):
        return None
    parts = unit.replace("-", " ").split()
    if len(parts) > 1 and "per" not in parts and not any(mark in unit for mark in "/*^"):
        joined = "_".join(part.casefold() for part in parts)
        spelling = joined if _pint_reads(joined) else None  # "metric tons" is no product of "metric" and "tons"
    elif _pint_reads(unit):
        spelling = unit
    else:
        spelling = _word_reading(unit)
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


KEY_BITS = 31
"""Significant bits a key keeps of a figure in base units: one key spans less than 1e-9 of it (2**-30 at most)."""

_FLOORS = {"kelvin": 2.0**-22}
"""The finest step a key keeps of a figure in these base units, whatever its size.

A temperature in degC or degF is held in kelvin through a sum with its offset (273.15
K, 255.37 K), of which a float keeps steps of about 6e-14 K: near absolute zero the
sum's last bits would be most of the figure. Every temperature is held in steps of
2**-22 K (about 2.4e-7 K, what 31 bits keep of 256 to 512 K), in whichever unit it is
written, so that -273.14 degC and 0.01 K are one figure."""


def figure_floor(base: str) -> float:
    """The finest step a key holds a figure in ``base`` units in (:data:`_FLOORS`), or 0.0 for none."""
    return _FLOORS.get(base, 0.0)


def base_figure(number: float, scale: float, offset: float, floor: float = 0.0) -> float:
    """A figure in base units (:func:`base_unit`) as a key holds it; infinities as they are; never ``-0.0``.

    Rounded to :data:`KEY_BITS` significant bits, and to a multiple of ``floor`` if that
    is coarser (:func:`figure_floor`), so that a conversion's last bits (1 mile is
    1,609.344 m) do not part equal figures. Binary, not decimal, on purpose: the figures
    people write, and their exact conversions (22,065 lb is 10,008.51564405 kg), are
    short decimals, which may lie exactly on a decimal rounding's boundary, where a
    conversion's last bit decides the side; a boundary of a binary rounding to 31 bits is
    a short decimal almost never, and a conversion's error of a few units in the last
    place (2**-52) falls across one for about 8 pairs of equal figures in a million
    (measured over 1.2 million written figures and their exact conversions in six pairs
    of units; 1,200 in a million with 12 significant decimal digits). The rules compare figures within
    1e-9 of each other as equal (:func:`factlog.analysis._values.quantity_ranges`), so
    figures split by a boundary still agree. A figure past the largest float in base
    units comes out infinite: :func:`unheld` says which, and claims refuse them.
    """
    if math.isinf(number):
        return number
    converted = number * scale + offset
    if not math.isfinite(converted) or not converted:
        return converted + 0.0
    step = math.ldexp(1.0, math.frexp(converted)[1] - KEY_BITS)
    step = max(step, floor)
    rounded = round(converted / step) * step + 0.0
    return rounded if math.isfinite(rounded) else converted  # rounded up past the largest float: kept as it is


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


@functools.cache
def absolute_temperature(unit: str) -> bool:
    """Whether ``unit`` is a temperature from absolute zero (K, degC, degF, degR), not a difference of one."""
    found = base_unit(unit)
    if found is None or found[0] != "kelvin":
        return False
    spelling = unit_reading(unit)
    assert spelling is not None
    return "delta" not in str(unit_registry().Unit(spelling))


def unrepresented(number: float, unit: str) -> str | None:
    """Why a finite ``number`` in ``unit`` is no figure a key holds, in words; None for one it holds.

    Below absolute zero (-300 degC, -500 degF, -1 K: a temperature, not a difference of
    one such as ``delta_degC``), or so small a figure in base units that a float keeps
    too few of its bits (1e-320 nm is 1e-329 m, which is 0.0: one figure with 0): below
    the smallest normal float (about 2.2e-308). pint is asked only for a negative number
    or one smaller than 1/:data:`SURELY_HELD`; an opaque unit holds any.
    """
    if not math.isfinite(number) or not number or (number > 0 and number >= 1 / SURELY_HELD):
        return None
    if number < 0 and -number >= 1 / SURELY_HELD and not absolute_temperature(unit):
        return None
    found = base_unit(unit)
    if found is None:
        return None
    base, scale, offset = found
    converted = number * scale + offset
    if absolute_temperature(unit) and converted < -figure_floor(base):
        return f"{number:g} {unit} is below absolute zero ({converted:g} K)"
    if not offset and abs(converted) < sys.float_info.min:
        return (
            f"{number:g} {unit} is below the smallest figure held in its unit's base units ({base}:"
            f" about {sys.float_info.min:.1e} at least), where it would lose its digits or be 0"
        )
    return None


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

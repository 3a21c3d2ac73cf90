"""Units as news writes them, read apart from pint: temperature symbols, news spellings and symbols, opaque words.

:func:`factlog.model._units.unit_reading` looks a written unit up here before it asks
pint; docs/format.md lists every entry (a test compares the two).
"""

from __future__ import annotations

__all__ = ["NEWS_SPELLINGS", "NEWS_SYMBOLS", "OPAQUE", "TEMPERATURE_SYMBOLS"]

TEMPERATURE_SYMBOLS = {"C": "degC", "F": "degF", "℃": "degC", "℉": "degF", "ºC": "degC", "ºF": "degF"}
"""Temperature symbols as news writes them ("a high of 30C", "-5F"), case kept: degrees, never coulombs nor farads.

pint reads a bare "C" as coulombs and "F" as farads; in claims about the world they are
degrees Celsius and Fahrenheit. An electrical figure is written with the unit's name or a
prefixed symbol ("coulomb", "farad", "mC", "uF"), which pint reads so: as dimensions
differ, a figure in "C" never meets one in coulombs, it is reported as a unit that does
not convert. "K" is kelvin, as pint reads it (a thousand is the opaque word "k")."""

NEWS_SPELLINGS = {
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
    "sq km": "km**2",
    "sq m": "m**2",
    "sq ft": "ft**2",
    "sq mi": "mi**2",
    "square km": "km**2",
    "square kilometre": "km**2",
    "square kilometres": "km**2",
    "square kilometer": "km**2",
    "square kilometers": "km**2",
    "square metre": "m**2",
    "square metres": "m**2",
    "square meter": "m**2",
    "square meters": "m**2",
    "acre": "international_acre",
    "acres": "international_acre",
}
"""News spellings (folded: lower case, hyphens and runs of spaces as one space) pint misreads or cannot read."""

NEWS_SYMBOLS = {
    "mb/d": "megaoil_barrel / day",
    "Mb/d": "megaoil_barrel / day",
    "mbd": "megaoil_barrel / day",
    "mbpd": "megaoil_barrel / day",
    "kb/d": "kilooil_barrel / day",
    "b/d": "oil_barrel / day",
    "bpd": "oil_barrel / day",
    "bbl/d": "oil_barrel / day",
    "bbl": "oil_barrel",
    "pc": "percent",
    "MT": "tonne",
}
"""News symbols, case kept, that pint misreads: oil in barrels a day ("mb/d" is million barrels a day,
not millibarns; "kb/d" thousand), "pc" per cent (UK usage: never parsecs), "MT" metric tons (never megateslas)."""

OPAQUE = frozenset(
    {"b", "c", "k", "mil", "pp", "unit", "units", "us", "US", "M", "B", "T", "bn", "kt", "ton", "tons", "Ton", "Tons"}
)
"""Spellings pint reads as something a news figure never means: "k" (Boltzmann's constant; thousand),
"us" (microseconds), "units" (micronits), "pp" (typographic points; percentage points),
"mil" (milliradians; million), "b" (barns; billion), "c" (the speed of light; cents, or a
careless "30c" of heat: too loose to be read as degrees as "C" is); "M", "B", "T", "bn" (molar, bytes,
teslas; a million, billion, trillion: multipliers, not units), "kt" (knots; kilotons of TNT, or
kilotonnes), "ton" and "tons" (pint's short ton of 2,000 lb; in news as often the metric tonne or
the long ton: "short tons", "long tons", "metric tons" and "tonnes" are read). They are opaque words."""

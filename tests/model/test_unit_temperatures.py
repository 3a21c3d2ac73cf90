"""Temperatures as news writes them, and near absolute zero: one figure in any spelling is one key.

A bare "C" or "F" is a temperature (pint alone reads coulombs and farads); "K" is kelvin.
A unit with an offset is held to the precision its offset leaves: -273.15 degC is 0 K.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factlog import Quantity
from factlog.analysis._values import convert
from factlog.model._vocabulary import object_key

ONE_TEMPERATURE = [
    (300, "K"),
    (300, "kelvin"),
    (26.85, "degC"),
    (26.85, "C"),
    (26.85, "℃"),
    (26.85, "ºC"),
    (26.85, "° C"),
    (80.33, "degF"),
    (80.33, "F"),
    (80.33, "℉"),
    (80.33, "degrees Fahrenheit"),
]
"""300 K in spellings of kelvin, Celsius and Fahrenheit, as news and people write them."""


def test_a_temperature_in_any_spelling_of_its_scale_is_one_key() -> None:
    """ "a high of 26.85C", "80.33F", "300 K": one temperature, one key (not coulombs, farads or a word)."""
    keys = {unit: object_key(Quantity(amount=amount, unit=unit)) for amount, unit in ONE_TEMPERATURE}
    assert {unit for unit, key in keys.items() if key != keys["K"]} == set()


@pytest.mark.parametrize(("symbol", "electrical", "spelled"), [("C", "coulomb", "mC"), ("F", "farad", "mF")])
def test_a_bare_c_or_f_never_meets_an_electrical_figure(symbol: str, electrical: str, spelled: str) -> None:
    """5 C is a temperature: never one key with 5 coulombs, nor converted to them; 5,000 mC are still 5 coulombs."""
    assert object_key(Quantity(amount=5, unit=symbol)) != object_key(Quantity(amount=5, unit=electrical))
    assert convert(5.0, symbol, electrical) is None
    assert convert(5.0, electrical, symbol) is None
    assert object_key(Quantity(amount=5000, unit=spelled)) == object_key(Quantity(amount=5, unit=electrical))


def test_a_lower_case_c_is_a_word_neither_the_speed_of_light_nor_degrees() -> None:
    """ "99c" is cents as often as "30c" is heat, and never light speed: a word, met only by itself (in any case)."""
    key = object_key(Quantity(amount=30, unit="c"))
    assert key == ("quantity", 30.0, 30.0, 30.0, "c")
    assert key not in (object_key(Quantity(amount=30, unit="C")), object_key(Quantity(amount=30, unit="degC")))


KELVIN_SPELLINGS = [
    ("K", Decimal(1), Decimal(0)),
    ("kelvin", Decimal(1), Decimal(0)),
    ("mK", Decimal(1000), Decimal(0)),
    ("degC", Decimal(1), Decimal("-273.15")),
    ("°C", Decimal(1), Decimal("-273.15")),
    ("C", Decimal(1), Decimal("-273.15")),
    ("degrees Celsius", Decimal(1), Decimal("-273.15")),
    ("degF", Decimal("1.8"), Decimal("-459.67")),
    ("F", Decimal("1.8"), Decimal("-459.67")),
    ("degrees Fahrenheit", Decimal("1.8"), Decimal("-459.67")),
]
"""``(unit, scale, offset)``: a temperature in kelvin is ``kelvin * scale + offset`` in the unit, exactly."""

TEMPERATURES = st.tuples(st.integers(0, 10**12 - 1) | st.integers(0, 10**4), st.integers(-11, -8))
"""A temperature in kelvin as ``(digits, exponent)``: at most 12 significant figures, to 1e-11 K, many near 0 K."""


@given(TEMPERATURES, st.sampled_from(KELVIN_SPELLINGS), st.sampled_from(KELVIN_SPELLINGS))
@example((0, -8), KELVIN_SPELLINGS[0], KELVIN_SPELLINGS[3])  # 0 K and -273.15 degC
@example((1, -2), KELVIN_SPELLINGS[0], KELVIN_SPELLINGS[3])  # 0.01 K and -273.14 degC
@example((0, -8), KELVIN_SPELLINGS[0], KELVIN_SPELLINGS[7])  # 0 K and -459.67 degF
@example((500000000001, -10), KELVIN_SPELLINGS[0], KELVIN_SPELLINGS[3])  # 50.0000000001 K and -223.1499999999 degC
def test_equal_temperatures_in_any_spelling_are_one_key(
    temperature: tuple[int, int], first: tuple[str, Decimal, Decimal], second: tuple[str, Decimal, Decimal]
) -> None:
    """One temperature written exactly in two units (to the float nearest) is one key, near absolute zero too."""
    kelvins = Decimal(temperature[0]).scaleb(temperature[1])

    def written(spelling: tuple[str, Decimal, Decimal]) -> Quantity:
        unit, scale, offset = spelling
        return Quantity(amount=float(kelvins * scale + offset), unit=unit)

    assert object_key(written(first)) == object_key(written(second))


def test_absolute_zero_is_held_as_zero_kelvin_in_every_spelling() -> None:
    """-273.15 degC (or C) and -459.67 degF are 0 K exactly, written ``0.0``: the sum's last bits dropped."""
    zero = [(-273.15, "degC"), (-459.67, "degF"), (-273.15, "C"), (-459.67, "F"), (0, "K"), (-0.0, "K")]
    shown = {repr(object_key(Quantity(amount=amount, unit=unit))) for amount, unit in zero}
    assert shown == {"('quantity', 0.0, 0.0, 0.0, 'kelvin')"}

"""News spellings of units read as pint's names, a few misread spellings opaque, and units in the plural."""

from __future__ import annotations

import pytest

from factlog import Quantity
from factlog.model._vocabulary import object_key

NEWS = [
    ("degrees Celsius", "degC"),
    ("degrees C", "degC"),
    ("deg C", "degC"),
    ("centigrade", "degC"),
    ("degrees Fahrenheit", "degF"),
    ("degrees F", "degF"),
    ("metric tons", "tonne"),
    ("per cent", "percent"),
    ("kilos", "kg"),
    ("short tons", "short_ton"),
    ("US gallons", "gallon"),
    ("light years", "light_year"),
    ("light-years", "light_year"),
]


@pytest.mark.parametrize(("spelling", "symbol"), NEWS)
def test_a_news_spelling_of_a_unit_is_one_proposition_with_its_symbol(spelling: str, symbol: str) -> None:
    """20 degrees Celsius is 20 degC, 3 kilos are 3 kg (not kiloseconds): one key."""
    assert object_key(Quantity(amount=20, unit=spelling)) == object_key(Quantity(amount=20, unit=symbol))


@pytest.mark.parametrize(
    ("spelling", "misread"),
    [("units", "micronit"), ("us", "microsecond"), ("k", "boltzmann_constant"), ("pp", "point")],
)
def test_a_spelling_pint_misreads_for_news_is_an_opaque_word(spelling: str, misread: str) -> None:
    """ "5 units" are no micronits, "5 us" no microseconds: kept apart from the unit pint would read."""
    key = object_key(Quantity(amount=5, unit=spelling))
    assert key is not None
    assert key[4] == spelling.casefold()
    assert key != object_key(Quantity(amount=5, unit=misread))


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (Quantity(amount=600, unit="feet"), "600 feet"),
        (Quantity(amount=600, unit="foot"), "600 feet"),
        (Quantity(amount=3, unit="inch"), "3 inches"),
        (Quantity(amount=50, unit="percent"), "50 percent"),
        (Quantity(amount=20, unit="degC"), "20 degC"),
        (Quantity(amount=20, unit="degF"), "20 degF"),
        (Quantity(amount=2, unit="gravity"), "2 gravity"),
        (Quantity(amount=20, unit="ppm"), "20 ppm"),
        (Quantity(amount=20, unit="centigrade"), "20 centigrade"),
        (Quantity(amount=-1, unit="kilometre"), "-1 kilometres"),
        (Quantity(amount=1.0, unit="kilometre"), "1.0 kilometres"),
        (Quantity(amount=1, lower=1, upper=2, unit="kilometre"), "1 (1–2) kilometres"),
        (Quantity(amount=1, unit="kilometre"), "1 kilometre"),
        (Quantity(amount=2, unit="century"), "2 centuries"),
    ],
)
def test_a_unit_is_made_plural_only_when_written_as_a_singular_word(figure: Quantity, shown: str) -> None:
    """English plurals of singular unit names ("3 inches"); symbols, plurals, "percent" and news spellings kept."""
    assert str(figure) == shown

"""Equal figures in two units are one figure: never a conflict, one proposition but for a negligible few.

A figure and its exact conversion differ in a float's last bits; the value rules compare
figures within 1e-9 of each other as equal, and keys round figures in base units to 31
significant bits, whose boundaries the figures people write almost never lie on.
"""

from __future__ import annotations

import math
from fractions import Fraction

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factlog import Estimate, Predicate, PredicateKind, Quantity
from factlog.analysis._values import compatible
from factlog.checks import conflicting_values, self_contradiction
from factlog.model._vocabulary import object_key
from tests.helpers import claim, findings_of, world

EXACT = Predicate(id="has-value", label="has value", kind=PredicateKind.STATE, functional=True)
"""A functional predicate with no tolerance nor margin: only equal figures agree."""

FACTORS = {
    ("lb", "kg"): Fraction("0.45359237"),
    ("mile", "km"): Fraction("1.609344"),
    ("ft", "m"): Fraction("0.3048"),
    ("inch", "cm"): Fraction("2.54"),
    ("stone", "lb"): Fraction(14),
    ("km", "m"): Fraction(1000),
    ("hour", "minute"): Fraction(60),
}
"""Pairs of units with the exact number of the second in one of the first."""

WRITTEN = st.builds(lambda digits, places: Fraction(digits, 10**places), st.integers(1, 10**9), st.integers(0, 6))
"""Figures as people write them: short decimals."""


def _pair(amount: Fraction, units: tuple[str, str]) -> tuple[Quantity, Quantity]:
    return (
        Quantity(amount=float(amount), unit=units[0]),
        Quantity(amount=float(amount * FACTORS[units]), unit=units[1]),
    )


@given(WRITTEN, st.sampled_from(sorted(FACTORS)))
def test_a_figure_and_its_exact_conversion_never_conflict(amount: Fraction, units: tuple[str, str]) -> None:
    """A figure and the float nearest its exact value in another unit agree, compared in either unit."""
    first, second = _pair(amount, units)
    assert compatible(first, second, EXACT)
    assert compatible(second, first, EXACT)


@given(WRITTEN, st.sampled_from(sorted(FACTORS)))
@example(Fraction(20775), ("stone", "lb"))
@example(Fraction(22065), ("lb", "kg"))
def test_equal_figures_in_two_units_give_one_key(amount: Fraction, units: tuple[str, str]) -> None:
    """A figure and its exact conversion have one proposition key (a boundary between them: about 8 in 10**6)."""
    first, second = _pair(amount, units)
    assert object_key(first) == object_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((22065, "lb"), (10008.51564405, "kg")),
        ((20775, "stone"), (290850, "lb")),
        ((1.000000000005, "km"), (math.nextafter(1.000000000005, 2.0), "km")),
    ],
)
def test_exactly_equal_figures_are_neither_a_conflict_nor_two_propositions(
    first: tuple[float, str], second: tuple[float, str]
) -> None:
    """Equal figures a decimal rounding split: no conflict; stating one and denying the other contradicts."""
    stated = claim("a", "dprk", "troops-deployed", Quantity(amount=first[0], unit=first[1]), holder="author")
    other = claim("b", "dprk", "troops-deployed", Quantity(amount=second[0], unit=second[1]), holder="russia")
    denied = claim("d", "dprk", "troops-deployed", Quantity(amount=second[0], unit=second[1]), denied=True)
    assert compatible(stated.proposition.object, other.proposition.object, EXACT)  # type: ignore[union-attr]
    assert findings_of(conflicting_values, world(stated, other)) == []
    assert [f.rule for f in findings_of(self_contradiction, world(stated, denied))] == ["self_contradiction"]


def test_a_converted_figure_is_shown_with_the_digits_that_tell_it_apart() -> None:
    """22,065 lb against 10,008.6 kg shows 22065.2 lb, not a 2.206e+04 that reads as the first figure."""
    claims = world(
        claim("a", "dprk", "troops-deployed", Quantity(amount=22065, unit="lb"), holder="author"),
        claim("b", "dprk", "troops-deployed", Quantity(amount=10008.6, unit="kg"), holder="russia"),
    )
    exact = attrs.evolve(  # no tolerance: 22,065.2 lb against 22,065 lb is a conflict
        claims,
        predicates=tuple(attrs.evolve(p, tolerance=0.0) if p.id == "troops-deployed" else p for p in claims.predicates),
    )
    [found] = findings_of(conflicting_values, exact)
    assert "(22065.2 lb)" in found.message


def test_about_a_temperature_is_not_a_relative_spread() -> None:
    """About 0 degC agrees with 1 degC, and about 273.15 K (0 degC) does not agree with 25 degC."""
    assert compatible(Quantity(amount=0, unit="C", estimate=Estimate.ABOUT), Quantity(amount=1, unit="C"), EXACT)
    about_kelvin = Quantity(amount=273.15, unit="K", estimate=Estimate.ABOUT)
    assert not compatible(about_kelvin, Quantity(amount=25, unit="C"), EXACT)


KELVIN = st.integers(0, 8000).map(lambda eighths: Fraction(eighths, 8))
"""Temperatures from absolute zero to 1,000 K, in eighths of a kelvin."""

TEMPERATURE_UNITS = {"K": (Fraction(1), Fraction(0)), "degC": (Fraction(1), Fraction("273.15"))}
TEMPERATURE_UNITS["degF"] = (Fraction(5, 9), Fraction("459.67") * Fraction(5, 9))


def _temperature(kelvin: Fraction, unit: str, estimate: Estimate | None = None) -> Quantity:
    scale, offset = TEMPERATURE_UNITS[unit]
    return Quantity(amount=float((kelvin - offset) / scale), unit=unit, estimate=estimate)


@given(KELVIN, KELVIN, st.sampled_from(sorted(TEMPERATURE_UNITS)), st.sampled_from(sorted(TEMPERATURE_UNITS)))
def test_about_a_temperature_agrees_alike_in_every_unit(
    about: Fraction, other: Fraction, first_unit: str, second_unit: str
) -> None:
    """Both temperatures in other units, kept equal, never change whether "about" the one allows the other."""
    verdict = compatible(_temperature(about, "K", Estimate.ABOUT), _temperature(other, "K"), EXACT)
    moved = _temperature(about, first_unit, Estimate.ABOUT), _temperature(other, second_unit)
    assert compatible(*moved, EXACT) == verdict
    assert verdict == (abs(about - other) <= 2)

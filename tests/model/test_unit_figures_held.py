"""Figures held as written means: negative zero is the figure 0, and no figure is held as an infinity.

"-0.0 km" is 0 km (one key, shown ``0.0``); 1e306 km is 1e309 m, past the largest float:
a claim of it is refused, naming the claim and the JSON path, rather than made one
proposition with every other figure past it.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import FieldError, Quantity
from factlog.model._vocabulary import object_key, written_key
from tests.helpers import claim, world

UNITS = [None, "km", "kilometres", "troops", "degC", "K", "C", "percent"]
"""Units of every kind: none, pint's, an opaque word, with an offset."""


@given(
    st.sampled_from(UNITS),
    st.sampled_from(["amount", "lower", "upper"]),
    st.sampled_from([None, factlog.Estimate.ABOUT, factlog.Estimate.UP_TO]),
)
def test_negative_zero_is_the_figure_zero_in_keys_text_and_documents(
    unit: str | None, negative: str, estimate: factlog.Estimate | None
) -> None:
    """A -0.0 in a figure (its amount, or a bound): keyed, shown and written as the 0.0 in its place, never "-0"."""
    numbers = {"amount": 0.0} if estimate is not None else {"amount": 0.0, "lower": 0.0, "upper": 0.0}
    zero = Quantity(**numbers, estimate=estimate, unit=unit)
    numbers[negative if negative in numbers else "amount"] = -0.0
    figure = Quantity(**numbers, estimate=estimate, unit=unit)
    assert repr(object_key(figure)) == repr(object_key(zero))
    assert repr(written_key(figure)) == repr(written_key(zero))
    assert str(figure) == str(zero)
    document = json.loads(factlog.dumps(world(claim("a", "dprk", "troops-deployed", figure))))
    written = document["claims"][0]["proposition"]["object"]
    assert [math.copysign(1.0, written[name]) for name in numbers] == [1.0] * len(numbers)


@pytest.mark.parametrize(
    ("field", "numbers"),
    [
        ("amount", {"amount": 1e306}),
        ("amount", {"amount": -1.7e308, "upper": 1.7e308}),
        ("lower", {"amount": 1, "lower": -1e306}),
        ("upper", {"amount": 1, "upper": 1.7e308}),
    ],
)
def test_a_figure_past_the_largest_float_in_base_units_is_refused_naming_the_claim_and_path(
    field: str, numbers: dict[str, float]
) -> None:
    """1e306 km is 1e309 m: loading it is a FormatError at the figure's JSON path, naming the claim and the unit."""
    document = json.loads(factlog.dumps(world(claim("huge", "dprk", "troops-deployed", Quantity(amount=1, unit="km")))))
    document["claims"][0]["proposition"]["object"] = {**numbers, "unit": "km"}
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads(json.dumps(document))
    [error] = raised.value.errors
    assert error.startswith(f"$.claims[0].proposition.object.{field}: claim 'huge': ")
    assert "1e+306 km" in error or "1.7e+308 km" in error
    assert "(meter:" in error


FINITE = st.floats(allow_nan=False, allow_infinity=False) | st.floats(1e290, 1.7976931348623157e308)
"""Any finite float, many of them huge."""


@given(FINITE, st.sampled_from(["km", "m", "miles", "Mm", "light_year", "degF", "troops", "percent", "Qpc**10"]))
def test_no_figure_with_a_unit_is_held_as_an_infinity(amount: float, unit: str) -> None:
    """A claim of any finite figure is refused (FieldError) or keyed by finite numbers, never by an infinity."""
    refused: FieldError | None = None
    try:
        made = claim("a", "dprk", "troops-deployed", Quantity(amount=amount, unit=unit))
    except FieldError as error:
        refused = error
    if refused is not None:
        assert refused.field == "proposition.object.amount"
        below = "below absolute zero" in refused.message or "below the smallest figure" in refused.message
        assert abs(amount) > 1e200 or below
        return
    assert made.proposition is not None
    key = object_key(made.proposition.object)
    assert key is not None
    assert all(math.isfinite(number) for number in key[1:4] if isinstance(number, float))


def test_huge_figures_are_distinct_or_refused_never_one_proposition() -> None:
    """1e306 km and 1.7e308 km are refused; 1e300 km and 1.7e302 km (finite in metres) stay two figures."""
    for amount in (1e306, 1.7e308):
        with pytest.raises(FieldError, match="past the largest figure"):
            claim("a", "dprk", "troops-deployed", Quantity(amount=amount, unit="km"))
    assert object_key(Quantity(amount=1e300, unit="km")) != object_key(Quantity(amount=1.7e302, unit="km"))


def test_a_unit_too_large_for_any_figure_is_an_opaque_word() -> None:
    """ "Qpc**10" overflows pint's own sizes: a word compared as written, its figures as they are (not NaN)."""
    key = object_key(Quantity(amount=3, unit="Qpc**10"))
    assert key == ("quantity", 3.0, 3.0, 3.0, "qpc**10")


@pytest.mark.parametrize(
    ("amount", "unit", "words"),
    [
        (-300, "C", "below absolute zero"),
        (-500, "F", "below absolute zero"),
        (-1, "K", "below absolute zero"),
        (1e-320, "nm", "below the smallest figure held"),
    ],
)
def test_a_figure_no_key_holds_is_refused_on_load_naming_claim_and_path(amount: float, unit: str, words: str) -> None:
    """-300 degC, -500 degF, -1 K and 1e-320 nm (0 m as a float) are refused at their JSON path, naming the claim."""
    document = json.loads(factlog.dumps(world(claim("cold", "dprk", "troops-deployed", Quantity(amount=1, unit="K")))))
    document["claims"][0]["proposition"]["object"] = {"amount": amount, "unit": unit}
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads(json.dumps(document))
    [error] = raised.value.errors
    assert error.startswith("$.claims[0].proposition.object.amount: claim 'cold': ")
    assert words in error

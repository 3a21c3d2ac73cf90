"""One reading of a unit's spelling for the keys and for the value rules: case kept, news spellings, differences.

A unit is read as :func:`factlog.model._units.unit_reading` reads it, by the proposition
keys and by :func:`factlog.analysis._values.convert` alike: never case-folded for pint
(case makes SI prefixes), news spellings taken to pint's names first. Ranges compare in a
unit chosen from the figures alone, widened by the tolerance in each figure's own unit, and
a margin converts as a difference.
"""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Claim, ClaimSet, Quantity
from factlog.analysis._values import convert, unit_dimension
from factlog.checks import conflicting_values, opposed_claims
from factlog.model._vocabulary import object_key
from tests.helpers import claim, findings_of, sides, world


def _figure(id: str, amount: float, unit: str, *, denied: bool = False, holder: str = "author") -> Claim:
    """A claim of a figure with no time: the value rules then meet claims in the order of their ids."""
    figure = Quantity(amount=amount, unit=unit)
    return claim(id, "visit", "troops-deployed", figure, when=None, denied=denied, holder=holder)


def _with(claims: ClaimSet, **changes: object) -> ClaimSet:
    """The claims with troops-deployed changed (its tolerance, its margin)."""
    predicates = tuple(
        attrs.evolve(p, **changes) if p.id == "troops-deployed" else p  # type: ignore[arg-type]
        for p in claims.predicates
    )
    return attrs.evolve(claims, predicates=predicates)


def _rules(claims: ClaimSet) -> list[tuple[str, str, dict[str, set[str]]]]:
    return [(f.rule, f.message.split(":")[0], sides(f)) for f in findings_of(conflicting_values, claims)]


@pytest.mark.parametrize(("shouted", "written"), [("MBPS", "Mbps"), ("NM", "nm"), ("KN", "kn"), ("KM", "km")])
def test_a_unit_pint_does_not_read_as_written_is_never_read_case_folded(shouted: str, written: str) -> None:
    """ "MBPS" is no unit (not millibits a second): a billion MBPS stated and 1 Mbps denied is no contradiction."""
    assert object_key(Quantity(amount=1e9, unit=shouted)) != object_key(Quantity(amount=1, unit=written))
    assert convert(1.0, shouted, written) is None
    claims = world(_figure("a", 1e9, shouted), _figure("d", 1, written, denied=True, holder="russia"))
    assert findings_of(opposed_claims, claims) == []


SPELLINGS = ["KM", "Km", "km", "kilometre", "m", "MW", "mW", "MBPS", "Mbps", "troops", "Troops", "kilos", "kg", "s"]


@given(st.sampled_from(SPELLINGS), st.sampled_from(SPELLINGS))
def test_the_keys_and_convert_read_a_unit_alike(unit: str, other: str) -> None:
    """One figure in two spellings has one key exactly when convert takes one spelling to the other unchanged."""
    converted = convert(1.0, unit, other)
    same = converted is not None and math.isclose(converted, 1.0)
    assert (object_key(Quantity(amount=1, unit=unit)) == object_key(Quantity(amount=1, unit=other))) is same


def test_megawatts_and_milliwatts_are_conflicting_values() -> None:
    """5 MW and 5 mW are a billion apart: conflicting values, not one figure compared as text."""
    claims = world(_figure("a", 5, "MW"), _figure("b", 5, "mW", holder="russia"))
    assert [(rule, lead) for rule, lead, _ in _rules(claims)] == [("conflicting_values", "Conflicting values")]


TEMPERATURES = st.one_of(
    st.tuples(st.integers(-3, 3), st.just("degC")),
    st.tuples(st.integers(26, 38), st.just("degF")),
    st.tuples(st.integers(270, 276), st.just("kelvin")),
)
"""Temperatures near freezing in three units: where a relative tolerance differs most between units."""


@given(st.lists(TEMPERATURES, min_size=2, max_size=3), st.sampled_from([0.0, 0.05, 0.1]))
def test_renaming_the_claims_changes_no_finding_on_figures_in_units_with_an_offset(
    figures: list[tuple[int, str]], tolerance: float
) -> None:
    """Temperatures under a relative tolerance: the same findings (by figure) whichever claim bears which id."""

    def found(ids: list[str]) -> list[tuple[str, list[str]]]:
        claims = [_figure(id, amount, unit, holder="russia") for id, (amount, unit) in zip(ids, figures, strict=False)]
        named = {id: f"{amount} {unit}" for id, (amount, unit) in zip(ids, figures, strict=False)}
        return sorted(
            (f.rule, sorted(named[c] for _, ids in f.claims for c in ids))
            for f in findings_of(conflicting_values, _with(world(*claims), tolerance=tolerance))
        )

    assert found(["a", "b", "c"]) == found(["c", "b", "a"])


def test_zero_celsius_and_thirty_three_fahrenheit_agree_within_five_percent_in_either_order() -> None:
    """5 % of 33 degF is 1.65 degF, which reaches 0 degC (32 degF): no conflict, whichever claim has the first id."""
    for first, second in (("a", "b"), ("b", "a")):
        claims = world(_figure(first, 0, "degC"), _figure(second, 33, "degF", holder="russia"))
        assert _rules(_with(claims, tolerance=0.05)) == []


@pytest.mark.parametrize(
    ("amount", "margin", "conflict"),
    [(9, "degF", True), (10, "degF", False), (9, "delta_degF", True), (10, "delta_degF", False)],
)
def test_a_margin_in_a_unit_with_an_offset_converts_as_a_difference(amount: int, margin: str, conflict: bool) -> None:
    """A margin of 9 degF is 5 degC (not -12.8 degC): 20 and 25.01 degC clash within it, agree within 10 degF."""
    claims = world(_figure("a", 20, "degC"), _figure("b", 25.01, "degC", holder="russia"))
    found = _rules(_with(claims, tolerance=0.0, margin=Quantity(amount=amount, unit=margin)))
    assert [lead for _, lead, _ in found] == (["Conflicting values"] if conflict else [])


@pytest.mark.parametrize(("affirmed", "denied"), [("km", "kilometres"), ("kilometres", "km")])
def test_a_check_and_an_assessment_show_one_figure_in_one_form(affirmed: str, denied: str) -> None:
    """600 km affirmed and 600 kilometres denied (or the other way): the contradiction and the assessment agree."""
    claims = world(_figure("a", 600, affirmed), _figure("d", 600, denied, denied=True, holder="russia"))
    [finding] = findings_of(opposed_claims, claims)
    [proposition] = factlog.assess(claims, method="majority").propositions
    assert proposition.statement.endswith(" 600 kilometres")  # the smallest form of a tie, as assess names values
    assert "600 kilometres:" in finding.message


@pytest.mark.parametrize(
    ("spelling", "symbol"), [("kilos", "kg"), ("degrees Celsius", "degF"), ("metric tons", "kg"), ("MBPS", None)]
)
def test_a_unit_s_dimension_is_that_of_its_reading(spelling: str, symbol: str | None) -> None:
    """The counting of clashes groups units by dimension as convert reads them: "kilos" are a mass, "MBPS" none."""
    assert unit_dimension(spelling) == (None if symbol is None else unit_dimension(symbol))

"""One figure given in units spelled differently is one proposition for the polarity rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Quantity, Severity
from factlog.checks import opposed_claims, self_contradiction
from tests.helpers import claim, findings_of, sides, world

KILOMETRES = ["km", "kilometres", "kilometre", "kilometer", "kilometers"]
MILES = ["miles", "mile", "mi"]
KM_PER_MILE = 1.609344


def _range(amount: float, unit: str, *, denied: bool = False, holder: str = "author", id: str = "a") -> object:
    return claim(id, "visit", "troops-deployed", Quantity(amount=amount, unit=unit), denied=denied, holder=holder)


def _opposed(affirmed_unit: str, denied_unit: str, denied_amount: float = 600) -> list[tuple[str, str, object]]:
    claims = world(
        _range(600, affirmed_unit),  # type: ignore[arg-type]
        _range(denied_amount, denied_unit, denied=True, holder="russia", id="d"),  # type: ignore[arg-type]
    )
    return [(f.rule, f.severity.value, sides(f)) for f in findings_of(opposed_claims, claims)]


@given(st.sampled_from(KILOMETRES), st.sampled_from(KILOMETRES))
def test_opposed_claims_does_not_depend_on_how_the_unit_is_spelled(affirmed: str, denied: str) -> None:
    """600 km affirmed and denied gives the same finding whichever spelling of kilometre each side uses."""
    assert _opposed(affirmed, denied) == _opposed("km", "km")


@given(st.sampled_from(MILES), st.sampled_from(KILOMETRES))
def test_opposed_claims_converts_miles_to_kilometres(miles: str, kilometres: str) -> None:
    """600 miles against 965.6064 km denied is one contradiction; against 600 km or 600 hours, none."""
    [(rule, severity, found)] = _opposed(miles, kilometres, denied_amount=600 * KM_PER_MILE)
    assert (rule, severity) == ("opposed_claims", Severity.ERROR.value)
    assert found == {"affirming": {"a"}, "denying": {"d"}}
    assert _opposed(miles, kilometres) == _opposed(miles, "hours") == []


@given(st.sampled_from(["troops", "Troops", "TROOPS"]))
def test_a_unit_pint_does_not_read_matches_its_folded_spellings(denied: str) -> None:
    """600 troops affirmed and 600 Troops denied: one proposition, as the value rules compare them."""
    assert _opposed("troops", denied) == _opposed("troops", "troops") != []


@given(st.sampled_from(KILOMETRES))
def test_self_contradiction_does_not_depend_on_how_the_unit_is_spelled(denied: str) -> None:
    """One holder affirming 600 km and denying 600 kilometres (any spelling) has contradicted itself."""
    claims = world(_range(600, "km"), _range(600, denied, denied=True, id="d"))  # type: ignore[arg-type]
    [finding] = findings_of(self_contradiction, claims)
    assert sides(finding) == {"affirming": {"a"}, "denying": {"d"}}


PLURALS = {"kilometre": "kilometres", "kilometer": "kilometers", "mile": "miles", "inch": "inches", "foot": "feet"}


@given(st.sampled_from(sorted(PLURALS)), st.integers(2, 10_000) | st.sampled_from([0, 0.5, 2.5]))
def test_a_unit_s_name_is_plural_for_any_figure_but_one(unit: str, amount: float) -> None:
    """600 kilometre reads "600 kilometres"; 1 kilometre stays; symbols and unknown words are kept as written."""
    assert str(Quantity(amount=amount, unit=unit)) == f"{amount:,} {PLURALS[unit]}"
    assert str(Quantity(amount=1, unit=unit)) == f"1 {unit}"
    assert str(Quantity(amount=amount, unit="km")) == f"{amount:,} km"
    assert str(Quantity(amount=amount, unit="soldier")) == f"{amount:,} soldier"


def test_a_finding_names_the_figure_with_its_unit_in_the_plural() -> None:
    """600 kilometre affirmed and 600 km denied: the finding reads "600 kilometres"."""
    claims = world(
        _range(600, "kilometre"),  # type: ignore[arg-type]
        _range(600, "km", denied=True, holder="russia", id="d"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(opposed_claims, claims)
    assert "number of troops deployed 600 kilometres (2025)" in finding.message


@given(st.sampled_from(KILOMETRES), st.sampled_from(KILOMETRES), st.booleans())
def test_the_incremental_check_finds_what_the_whole_check_finds(affirmed: str, denied: str, denial_first: bool) -> None:
    """A claim added to a Checker meets the same figure in another spelling among the claims it already holds."""
    first = _range(600, affirmed)
    second = _range(600, denied, denied=True, holder="russia", id="d")
    if denial_first:
        first, second = second, first
    checker = factlog.Checker(world(first))  # type: ignore[arg-type]
    added = checker.add([second])  # type: ignore[list-item]
    whole = factlog.check(world(first, second)).findings  # type: ignore[arg-type]
    assert sorted(f.id for f in checker.findings) == sorted(f.id for f in whole)
    assert [f.rule for f in added] == ["opposed_claims"]

"""Temperatures, zero and huge figures through the whole flow: the rules, their messages, the assessment, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factlog
from factlog import Claim, Quantity
from factlog.checks import conflicting_values, opposed_claims
from tests.helpers import claim, findings_of, run, world


def _figure(id: str, amount: float, unit: str, *, denied: bool = False, holder: str = "author") -> Claim:
    figure = Quantity(amount=amount, unit=unit)
    return claim(id, "visit", "troops-deployed", figure, when=None, denied=denied, holder=holder)


def _messages(rule: factlog.Rule, *claims: Claim) -> list[str]:
    return [finding.message for finding in findings_of(rule, world(*claims))]


def test_a_high_of_30c_against_minus_5f_conflicts_shown_in_one_scale() -> None:
    """ "30C" and "-5F" are temperatures that differ: conflicting values, the second given in C too (not coulombs)."""
    [message] = _messages(conflicting_values, _figure("a", 30, "C"), _figure("b", -5, "F", holder="russia"))
    assert message.startswith("Conflicting values: ")
    assert "-5 F (-20.56 C)" in message


def test_a_temperature_in_c_against_coulombs_is_reported_as_units_that_do_not_convert() -> None:
    """5 C (a temperature) and 5 coulombs are never one value: reported, not passed over as the same figure."""
    [message] = _messages(conflicting_values, _figure("a", 5, "C"), _figure("b", 5, "coulomb", holder="russia"))
    assert message.startswith("Values in units that do not convert: ")


def test_a_figure_is_converted_in_a_message_as_its_unit_is_read() -> None:
    """5 MW against 5 mW: the milliwatts given in megawatts too (their folded spellings are alike, the units not)."""
    [message] = _messages(conflicting_values, _figure("a", 5, "MW"), _figure("b", 5, "mW", holder="russia"))
    assert "5 mW (5e-09 MW)" in message


@pytest.mark.parametrize(("kelvin", "celsius"), [(0.01, -273.14), (1e-6, -273.149999), (1e-9, -273.149999999)])
def test_a_temperature_near_absolute_zero_affirmed_and_denied_is_one_contradiction(
    kelvin: float, celsius: float
) -> None:
    """0.01 K stated, -273.14 degC denied: one proposition, a contradiction, and one proposition assessed."""
    claims = (_figure("a", kelvin, "K"), _figure("d", celsius, "degC", denied=True, holder="russia"))
    assert [m.split(":")[0] for m in _messages(opposed_claims, *claims)] == ["Contradiction"]
    assert len(factlog.assess(world(*claims), method="majority").propositions) == 1


def test_negative_zero_is_shown_as_zero_in_findings_and_the_assessment() -> None:
    """-0.0 km stated, 0.0 km denied: the contradiction and the assessment name "0.0 km", never "-0.0 km"."""
    claims = (_figure("a", -0.0, "km"), _figure("d", 0.0, "km", denied=True, holder="russia"))
    [message] = _messages(opposed_claims, *claims)
    [proposition] = factlog.assess(world(*claims), method="majority").propositions
    assert "-0" not in message
    assert proposition.statement.endswith(" 0.0 km")


def _huge(tmp_path: Path) -> Path:
    """A claims file of two figures past the largest float in metres: 1e306 km and 1.7e308 km."""
    document = json.loads(factlog.dumps(world(_figure("near", 1, "km"), _figure("far", 2, "km", holder="russia"))))
    document["claims"][0]["proposition"]["object"]["amount"] = 1e306
    document["claims"][1]["proposition"]["object"]["amount"] = 1.7e308
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document))
    return path


@pytest.mark.parametrize("command", ["check", "assess"])
def test_the_cli_refuses_a_figure_past_the_largest_float_naming_file_path_and_claim(
    tmp_path: Path, command: str
) -> None:
    """`factlog check` and `factlog assess` exit 3 on 1e306 km, naming the file, the JSON path and the claim."""
    path = _huge(tmp_path)
    ran = run(command, str(path))
    assert ran.returncode == 3
    assert f"{path}: $.claims[0].proposition.object.amount: claim 'near': 1e+306 km is past" in ran.stderr
    assert ran.stdout == ""

"""What the check engine says it raises (or that it raises nothing)."""

from __future__ import annotations

import pytest

import factlog
from tests.helpers import claim, world


def test_adding_one_claim_id_twice_in_a_batch_is_refused() -> None:
    """Two claims with one id in one add are a ConflictError, nothing is added (report() raised FieldError)."""
    checker = factlog.Checker(world(claim("a")))
    with pytest.raises(factlog.ConflictError, match="'b' is given 2 times"):
        checker.add([claim("b"), claim("b", denied=True)])
    assert checker.report() == factlog.check(world(claim("a")))
    assert checker.add([claim("b")]) == []


def test_summary_counts_every_severity_and_acknowledgements() -> None:
    """summary has every key, in order, 0 where there is none."""
    report = factlog.check(world(claim("a"), claim("b", denied=True)))
    assert list(report.summary()) == ["error", "warning", "info", "acknowledged"]
    assert sum(report.summary().values()) == len(report.findings)


def test_the_findings_of_a_rule_the_check_did_not_run_are_an_error_naming_the_rules_run() -> None:
    """by_rule of a name no rule of the check has raises ArgumentError listing the rules run; a rule run with no
    finding gives an empty list."""
    report = factlog.check(world(claim("a"), claim("b", denied=True)))
    with pytest.raises(factlog.ArgumentError, match=r"no_such_rule.*the rules run: opposed_claims"):
        report.by_rule("no_such_rule")
    assert report.by_rule("weekday_mismatch") == []


def test_a_finding_id_counts_a_claim_given_twice_once() -> None:
    """finding_id takes the set of claim ids: order and repeats do not change it."""
    assert factlog.finding_id("r", ["b", "a", "b"]) == factlog.finding_id("r", ["a", "b"])

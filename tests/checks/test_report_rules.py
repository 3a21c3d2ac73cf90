"""`Report.by_rule` knows the rules its check ran: a name that is none of them is an error offering the nearest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import factlog
from factlog.analysis import Index
from tests.helpers import ROOT

CLAIMS = factlog.load(ROOT / "sources")


def quiet_rule(index: Index) -> Iterator[factlog.Finding]:
    """A custom rule that finds nothing."""
    del index
    yield from ()


def test_a_misspelt_rule_name_is_an_error_offering_the_nearest() -> None:
    """`by_rule("opposed_claim")` raises ArgumentError naming 'opposed_claims'; a name far from all lists them."""
    report = factlog.check(CLAIMS)
    with pytest.raises(
        factlog.ArgumentError, match=r"'opposed_claim' is no rule this check ran; did you mean 'opposed_claims'\?"
    ):
        report.by_rule("opposed_claim")
    with pytest.raises(
        factlog.ArgumentError, match=r"the rules run: opposed_claims, answered_denial, .*, rule_failure$"
    ):
        report.by_rule("opposed_rule_typo")
    with pytest.raises(factlog.ArgumentError, match="did you mean 'quote_mismatch'"):
        factlog.Checker(CLAIMS).report().by_rule("quote_missmatch")


def test_a_report_remembers_the_rules_run_and_one_that_found_nothing_gives_an_empty_list(tmp_path: Path) -> None:
    """`Report.rules` names the rules run (custom ones too): such a rule, or an engine name, gives [] when idle."""
    report = factlog.check(CLAIMS, (*factlog.DEFAULT_RULES, quiet_rule))
    assert report.rules == (*(rule.__name__ for rule in factlog.DEFAULT_RULES), "quiet_rule")
    assert report.by_rule("quiet_rule") == []
    assert report.by_rule("rule_failure") == []
    assert report.by_rule("opposed_claims")
    assert factlog.Report(report.findings, CLAIMS).by_rule("anything") == []  # made by hand: its rules unknown
    factlog.dump(CLAIMS, tmp_path / "set.jsonl")
    assert factlog.check_lines(tmp_path / "set.jsonl").rules == factlog.check(CLAIMS).rules

"""The dates findings sort by, looked up once per claim, against :func:`first_stated` finding by finding."""

from __future__ import annotations

from hypothesis import given, settings

from factlog import ClaimSet, Interval
from factlog.analysis._index import Index
from factlog.checks._engine import _first_dates, first_stated, run_rules
from factlog.checks._rules import DEFAULT_RULES
from tests.strategies import crowded_claim_sets


@settings(max_examples=20, deadline=None)
@given(crowded_claim_sets())
def test_dates_looked_up_once_are_each_findings_first_stated(claims: ClaimSet) -> None:
    """Every finding's earliest ``stated`` date, with claims the index does not hold left out."""
    index = Index.of(claims)
    findings = run_rules(index, DEFAULT_RULES)
    expected = [first_stated(index, finding) for finding in findings]
    assert _first_dates(findings, index.by_id, entries=True) == expected
    stated: dict[str, Interval | None] = {claim: entry.stated for claim, entry in index.by_id.items()}
    assert _first_dates(findings, stated, entries=False) == expected
